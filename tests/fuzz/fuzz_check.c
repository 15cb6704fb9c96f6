/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the zonder-oordeel checker: any bytes (invalid UTF-8, NUL, quotes that
 * never close) give findings inside the text, non-empty, sorted and disjoint, with a kind and a
 * hint; on valid UTF-8 every span starts and ends on a character boundary.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "kijkronde/check.h"
#include "kijkronde/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct kr_checker *checker;
static struct kr_finding_list list;

static int boundary(const char *s, size_t len, size_t off)
{
    return off == len || ((unsigned char)s[off] & 0xC0) != 0x80;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!checker) {
        struct kr_error err;
        if (kr_checker_new(NULL, &checker, &err) != KR_OK)
            __builtin_trap(); /* the built-in lexicon always loads */
    }
    const char *s = (const char *)data;
    size_t n = kr_check(checker, s, size, &list);
    if (n != list.n)
        __builtin_trap();
    int valid = kr_utf8_valid(s, size, NULL);
    for (size_t i = 0; i < n; i++) {
        const struct kr_finding *f = &list.items[i];
        if (f->start >= f->end || f->end > size || !f->kind || !f->hint || !f->kind[0])
            __builtin_trap();
        if (i > 0 && list.items[i - 1].end > f->start)
            __builtin_trap();
        if (valid && (!boundary(s, size, f->start) || !boundary(s, size, f->end)))
            __builtin_trap();
    }
    return 0;
}
