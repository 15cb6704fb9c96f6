/* SPDX-License-Identifier: MIT */
/*
 * Shared by the unit tests of the kijkvraag lint (test_kijkvraag_lint_*.c): one linter per
 * test (the checked fixture lint_setup/lint_teardown) and kind_in, the finding of a kind.
 */
#ifndef KR_KIJKVRAAG_LINT_H
#define KR_KIJKVRAAG_LINT_H

#include <string.h>

#include "kijkronde/kijkvraag.h"
#include "krtest.h"

static struct kr_error err;

static struct kr_linter *L;

static inline void lint_setup(void)
{
    ck_assert_int_eq(kr_linter_new(&L, &err), KR_OK);
}

static inline void lint_teardown(void)
{
    kr_linter_free(L);
    L = NULL;
}

static inline const struct kr_lint_finding *kind_in(const struct kr_lint_list *f, const char *kind)
{
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(f->items[i].kind, kind) == 0)
            return &f->items[i];
    return NULL;
}

#endif
