/* SPDX-License-Identifier: MIT */
/*
 * Shared by the Check unit tests: run a suite with TAP output (meson reads it) and
 * exit 77 (skip) when a fixture could not be set up or the UTF-8 locale is missing.
 */
#ifndef KR_KRTEST_H
#define KR_KRTEST_H

#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

static inline int run_suite(Suite *s)
{
    if (!setlocale(LC_CTYPE, "C.UTF-8")) {
        fputs("# C.UTF-8 locale missing\n", stderr);
        return 77;
    }
    SRunner *sr = srunner_create(s);
    srunner_set_tap(sr, "-");
    srunner_run_all(sr, CK_SILENT);
    int failed = srunner_ntests_failed(sr);
    int skip = 0;
    TestResult **results = srunner_results(sr);
    for (int i = 0; i < srunner_ntests_run(sr); i++)
        if (tr_rtype(results[i]) != CK_PASS && tr_ctx(results[i]) == CK_CTX_SETUP)
            skip = 1;
    free(results);
    srunner_free(sr);
    if (skip)
        return 77;
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif
