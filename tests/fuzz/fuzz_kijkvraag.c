/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the kijkvragen module: any bytes given to the strict loader end
 * in a kijkvraag or a positioned Dutch error, and the lint on any bytes (the whole input
 * as a question, and the vraag of a loaded file) gives findings with spans inside the
 * text and messages without control characters.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "kijkronde/kijkvraag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct kr_linter *linter;

static void check_lint(const char *q, size_t len)
{
    static struct kr_lint_list f;
    size_t n = kr_lint(linter, q, len, &f);
    if (n != f.n)
        __builtin_trap();
    for (size_t i = 0; i < f.n; i++) {
        const struct kr_lint_finding *x = &f.items[i];
        if (x->start > x->end || x->end > len || !x->kind || !x->message[0] || !x->hint[0])
            __builtin_trap();
        for (const char *p = x->hint; *p; p++)
            if ((unsigned char)*p < 0x20 || *p == 0x7f)
                __builtin_trap(); /* the hint quotes the question: it must be inert */
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!linter) {
        struct kr_error err;
        if (kr_linter_new(&linter, &err) != KR_OK)
            __builtin_trap();
    }
    check_lint((const char *)data, size);
    struct kr_kijkvraag k;
    struct kr_error err;
    enum kr_status st = kr_kijkvraag_load_mem("fuzz/naam.yaml", (const char *)data, size, &k, &err);
    if (st == KR_OK) {
        if (!k.id || !k.vraag || k.n_kijkpunten < KR_KIJKPUNTEN_MIN ||
            k.n_kijkpunten > KR_KIJKPUNTEN_MAX)
            __builtin_trap();
        check_lint(k.vraag, strlen(k.vraag));
        kr_kijkvraag_fini(&k);
    } else if (!err.msg[0] || strcmp(err.file, "fuzz/naam.yaml") != 0 || k.id) {
        __builtin_trap(); /* every refusal names the file and says why */
    }
    return 0;
}
