/* SPDX-License-Identifier: MIT */
/*
 * Shared by the unit tests of the zonder-oordeel checker (test_check_*.c): one checker per test
 * (the checked fixture setup/teardown), run on a note, the text of a finding, and whether a word
 * is inside a finding.
 */
#ifndef KR_CHECK_FIXTURE_H
#define KR_CHECK_FIXTURE_H

#include <string.h>

#include "kijkronde/check.h"
#include "krtest.h"

static struct kr_checker *chk;
static struct kr_finding_list fl;

static inline void setup(void)
{
    struct kr_error err = {0};
    ck_assert_int_eq(kr_checker_new(NULL, &chk, &err), KR_OK);
}

static inline void teardown(void)
{
    kr_checker_free(chk);
    chk = NULL;
    kr_finding_list_fini(&fl);
}

static inline size_t run(const char *s)
{
    return kr_check(chk, s, strlen(s), &fl);
}

/* The text of finding i. */
static inline const char *match(const char *s, size_t i)
{
    static char buf[256];
    size_t n = fl.items[i].end - fl.items[i].start;
    ck_assert_uint_lt(n, sizeof buf);
    memcpy(buf, s + fl.items[i].start, n);
    buf[n] = '\0';
    return buf;
}

/* True when some finding covers exactly the first occurrence of word in s. */
static inline int flagged(const char *s, const char *word)
{
    const char *p = strstr(s, word);
    ck_assert_ptr_nonnull(p);
    size_t at = (size_t)(p - s);
    for (size_t i = 0; i < fl.n; i++)
        if (fl.items[i].start <= at && at + strlen(word) <= fl.items[i].end)
            return 1;
    return 0;
}

/* Check s, then: is word inside a finding? */
static inline int run_flags(const char *s, const char *word)
{
    run(s);
    return flagged(s, word);
}

#endif
