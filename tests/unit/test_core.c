/* SPDX-License-Identifier: MIT */
/* Unit tests for core: UTF-8 widths and truncation, inert text, JSON strings, clock. */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/clock.h"
#include "kijkronde/json.h"
#include "kijkronde/mem.h"
#include "kijkronde/model.h"
#include "kijkronde/paths.h"
#include "kijkronde/plural.h"
#include "kijkronde/utf8.h"
#include "krtest.h"

START_TEST(test_core_utf8_width_counts_columns_not_bytes)
{
    ck_assert_uint_eq(kr_utf8_width("ë", strlen("ë")), 1);
    ck_assert_uint_eq(kr_utf8_width("日本", strlen("日本")), 4);
    ck_assert_uint_eq(kr_utf8_width("e\xCC\x88", 3), 1);        /* e + combining diaeresis */
    ck_assert_uint_eq(kr_utf8_width("\xF0\x9F\x98\x80", 4), 2); /* emoji */
}
END_TEST

START_TEST(test_core_utf8_truncate_marks_cut_and_never_splits)
{
    char out[64];
    size_t cols = kr_utf8_truncate(out, sizeof out, "Meisje zegt: ‘Ik snap 3/4 niet.’", 10);
    ck_assert_uint_eq(cols, 10);
    ck_assert_str_eq(out, "Meisje ze…");
    cols = kr_utf8_truncate(out, sizeof out, "één", 10);
    ck_assert_str_eq(out, "één");
    ck_assert_uint_eq(cols, 3);
    cols = kr_utf8_truncate(out, sizeof out, "日本語", 3);
    ck_assert_str_eq(out, "日…");
    ck_assert_uint_eq(cols, 3);
}
END_TEST

START_TEST(test_core_utf8_inert_removes_terminal_controls)
{
    const char evil[] = "a\x1b[31mrood\x07\xc2\x9b"
                        "2J\xff"
                        "b\nc";
    char *s = kr_utf8_inert(evil, sizeof evil - 1, false);
    ck_assert_ptr_null(strchr(s, '\x1b'));
    ck_assert_ptr_null(strchr(s, '\x07'));
    ck_assert_ptr_null(strstr(s, "\xc2\x9b"));
    ck_assert_ptr_null(strchr(s, '\n'));
    ck_assert(kr_utf8_valid(s, strlen(s), NULL));
    ck_assert_str_eq(s, "a\xEF\xBF\xBD[31mrood\xEF\xBF\xBD\xEF\xBF\xBD"
                        "2J\xEF\xBF\xBD"
                        "b c");
    free(s);
    s = kr_utf8_inert("a\nb", 3, true);
    ck_assert_str_eq(s, "a\nb");
    free(s);
}
END_TEST

START_TEST(test_core_utf8_valid_finds_first_bad_byte)
{
    size_t bad = 99;
    ck_assert(kr_utf8_valid("ëï’😀", strlen("ëï’😀"), NULL));
    ck_assert(!kr_utf8_valid("ab\xC3(", 4, &bad));
    ck_assert_uint_eq(bad, 2);
    ck_assert(!kr_utf8_valid("\xED\xA0\x80", 3, &bad)); /* surrogate */
    ck_assert(!kr_utf8_valid("\xC0\xAF", 2, &bad));     /* overlong */
}
END_TEST

/* Letters, marks and digits of any script are part of a word; spaces, punctuation and the
 * replacement character are not (summary.c's whole words for schuilnamen). */
START_TEST(test_core_utf8_is_word_letters_not_punctuation)
{
    static const uint32_t word[] = {
        'a',           'Z',           '7',   0xE9 /* é */, 0x301 /* combining acute */,
        0x3B1 /* α */, 0x627 /* ا */, 0x4E2D /* 中 */};
    static const uint32_t not_word[] = {' ',
                                        '-',
                                        '\'',
                                        0xA0 /* no-break space */,
                                        0x2026 /* … */,
                                        0x2019 /* ’ */,
                                        0x2013 /* – */,
                                        0xAB /* « */,
                                        0x85 /* C1 */,
                                        KR_UTF8_REPLACEMENT};
    for (size_t i = 0; i < sizeof word / sizeof *word; i++)
        ck_assert_msg(kr_utf8_is_word(word[i]), "U+%04X", (unsigned)word[i]);
    for (size_t i = 0; i < sizeof not_word / sizeof *not_word; i++)
        ck_assert_msg(!kr_utf8_is_word(not_word[i]), "U+%04X", (unsigned)not_word[i]);
}
END_TEST

START_TEST(test_core_json_escapes_quotes_and_controls)
{
    struct kr_buf b = {0};
    kr_json_str(&b, "zegt: \"ja\"\\\n\x1b", 13);
    ck_assert_str_eq(kr_buf_str(&b), "\"zegt: \\\"ja\\\"\\\\\\n\\u001b\"");
    kr_buf_reset(&b);
    kr_json_str_or_null(&b, NULL);
    ck_assert_str_eq(kr_buf_str(&b), "null");
    kr_buf_fini(&b);
}
END_TEST

START_TEST(test_core_clock_validates_dates_and_times)
{
    ck_assert(kr_clock_valid_date("2026-03-12"));
    ck_assert(!kr_clock_valid_date("2026-02-30"));
    ck_assert(!kr_clock_valid_date("2025-02-29"));
    ck_assert(kr_clock_valid_date("2024-02-29"));
    ck_assert(kr_clock_valid_iso("2026-03-12T09:14:05+01:00"));
    ck_assert(kr_clock_valid_iso("2026-03-12T08:14:05.123Z"));
    ck_assert(!kr_clock_valid_iso("2026-03-12 09:14:05"));
    char now[KR_TIME_SIZE];
    kr_clock_now_local(now);
    ck_assert(kr_clock_valid_iso(now));
    kr_clock_now_utc(now);
    ck_assert(kr_clock_valid_iso(now));
    char hm[6];
    kr_clock_hhmm("2026-03-12T09:14:05+01:00", hm);
    ck_assert_str_eq(hm, "09:14");
}
END_TEST

START_TEST(test_core_model_parses_names)
{
    enum kr_corner c;
    ck_assert(kr_corner_parse("leerinhoud", &c) && c == KR_CORNER_LEERINHOUD);
    ck_assert(kr_corner_parse(NULL, &c) && c == KR_CORNER_NONE);
    ck_assert(!kr_corner_parse("docent", &c));
    enum kr_basis b;
    ck_assert(kr_basis_parse("digitale-geletterdheid", &b) && b == KR_BASIS_DIGITAAL);
    ck_assert(!kr_basis_parse("rekenen", &b));
    ck_assert_str_eq(kr_basis_str(KR_BASIS_REKENEN), "rekenen-wiskunde");
}
END_TEST

START_TEST(test_core_plural_takes_singular_only_for_one)
{
    ck_assert_str_eq(kr_plural(1, "notitie", "notities"), "notitie");
    ck_assert_str_eq(kr_plural(0, "notitie", "notities"), "notities");
    ck_assert_str_eq(kr_plural(2, "notitie", "notities"), "notities");
    ck_assert_str_eq(kr_plural(-1, "bezoek", "bezoeken"), "bezoeken");
    ck_assert_str_eq(kr_plural(1, "nieuw bezoek", "nieuwe bezoeken"), "nieuw bezoek");
    ck_assert_str_eq(kr_plural(11, "heeft", "hebben"), "hebben");
    size_t big = (size_t)1 << 40;
    ck_assert_str_eq(kr_plural((long long)big + 1, "punt", "punten"), "punten");
}
END_TEST

static void expect_dirs(const char *env, const char *const *want)
{
    if (env)
        ck_assert_int_eq(setenv("XDG_DATA_DIRS", env, 1), 0);
    else
        ck_assert_int_eq(unsetenv("XDG_DATA_DIRS"), 0);
    char **got = kr_paths_data_dirs();
    size_t i = 0;
    for (; want[i]; i++) {
        ck_assert_msg(got[i] != NULL, "'%s': missing %s", env ? env : "(unset)", want[i]);
        ck_assert_str_eq(got[i], want[i]);
    }
    ck_assert_msg(got[i] == NULL, "'%s': extra %s", env ? env : "(unset)", got[i]);
    kr_paths_list_free(got);
}

START_TEST(test_core_paths_data_dirs_follow_xdg)
{
    const char *const dflt[] = {"/usr/local/share/kijkronde", "/usr/share/kijkronde", NULL};
    expect_dirs(NULL, dflt);
    expect_dirs("", dflt);
    const char *const own[] = {"/opt/a/kijkronde", "/usr/share/kijkronde", NULL};
    expect_dirs("/opt/a/:relatief:/usr/share::/opt/a//", own);
    const char *const root[] = {"/kijkronde", NULL};
    expect_dirs("/", root);
    const char *const none[] = {NULL};
    expect_dirs("relatief:nog/een", none);
    ck_assert_int_eq(unsetenv("XDG_DATA_DIRS"), 0);
}
END_TEST

static Suite *core_suite(void)
{
    Suite *s = suite_create("core");
    TCase *tc = tcase_create("utf8");
    tcase_add_test(tc, test_core_utf8_width_counts_columns_not_bytes);
    tcase_add_test(tc, test_core_utf8_truncate_marks_cut_and_never_splits);
    tcase_add_test(tc, test_core_utf8_inert_removes_terminal_controls);
    tcase_add_test(tc, test_core_utf8_valid_finds_first_bad_byte);
    tcase_add_test(tc, test_core_utf8_is_word_letters_not_punctuation);
    suite_add_tcase(s, tc);
    tc = tcase_create("misc");
    tcase_add_test(tc, test_core_json_escapes_quotes_and_controls);
    tcase_add_test(tc, test_core_clock_validates_dates_and_times);
    tcase_add_test(tc, test_core_model_parses_names);
    tcase_add_test(tc, test_core_plural_takes_singular_only_for_one);
    tcase_add_test(tc, test_core_paths_data_dirs_follow_xdg);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(core_suite());
}
