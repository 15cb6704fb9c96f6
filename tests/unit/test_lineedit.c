/* SPDX-License-Identifier: MIT */
/* Unit tests for the curses-free line editor: UTF-8 cursor movement, deletion, paste, wrap. */
#include <string.h>

#include "kijkronde/lineedit.h"
#include "kijkronde/utf8.h"
#include "krtest.h"

static struct kr_lineedit le;

static void setup(void)
{
    kr_le_init(&le);
}

static void teardown(void)
{
    kr_le_fini(&le);
}

static void type(const char *s)
{
    kr_le_insert(&le, s, strlen(s));
}

START_TEST(test_lineedit_cursor_moves_by_character)
{
    type("ëï’");
    ck_assert_uint_eq(le.len, 2 + 2 + 3);
    ck_assert_uint_eq(le.cursor, le.len);
    ck_assert_int_eq(kr_le_key(&le, KR_LE_LEFT), KR_LE_MOVED);
    ck_assert_uint_eq(le.cursor, 4); /* before ’ (3 bytes) */
    kr_le_key(&le, KR_LE_LEFT);
    ck_assert_uint_eq(le.cursor, 2);
    kr_le_key(&le, KR_LE_LEFT);
    ck_assert_uint_eq(le.cursor, 0);
    ck_assert_int_eq(kr_le_key(&le, KR_LE_LEFT), KR_LE_IGNORED);
    kr_le_key(&le, KR_LE_RIGHT);
    ck_assert_uint_eq(le.cursor, 2);
}
END_TEST

START_TEST(test_lineedit_combining_mark_is_one_character)
{
    type("ne\xCC\x88n"); /* "neën" with a combining diaeresis */
    kr_le_key(&le, KR_LE_LEFT);
    kr_le_key(&le, KR_LE_LEFT);
    ck_assert_uint_eq(le.cursor, 1); /* before e + mark */
    kr_le_key(&le, KR_LE_DELETE);
    ck_assert_str_eq(le.text, "nn");
    type("e\xCC\x88");
    kr_le_key(&le, KR_LE_BACKSPACE);
    ck_assert_str_eq(le.text, "nn");
    ck_assert_uint_eq(le.cursor, 1);
}
END_TEST

START_TEST(test_lineedit_backspace_delete_home_end)
{
    type("Meisje zegt");
    kr_le_key(&le, KR_LE_BACKSPACE);
    ck_assert_str_eq(le.text, "Meisje zeg");
    kr_le_key(&le, KR_LE_HOME);
    ck_assert_uint_eq(le.cursor, 0);
    ck_assert_int_eq(kr_le_key(&le, KR_LE_BACKSPACE), KR_LE_IGNORED);
    kr_le_key(&le, KR_LE_DELETE);
    ck_assert_str_eq(le.text, "eisje zeg");
    kr_le_key(&le, 'M');
    ck_assert_str_eq(le.text, "Meisje zeg");
    kr_le_key(&le, KR_LE_END);
    ck_assert_uint_eq(le.cursor, le.len);
    ck_assert_int_eq(kr_le_key(&le, KR_LE_DELETE), KR_LE_IGNORED);
}
END_TEST

START_TEST(test_lineedit_kill_word_and_line)
{
    type("Ik snap 3/4 niet.  ");
    kr_le_key(&le, KR_LE_KILL_WORD);
    ck_assert_str_eq(le.text, "Ik snap 3/4 ");
    kr_le_key(&le, KR_LE_KILL_WORD);
    ck_assert_str_eq(le.text, "Ik snap ");
    kr_le_key(&le, KR_LE_WORD_LEFT);
    ck_assert_uint_eq(le.cursor, 3);
    kr_le_key(&le, KR_LE_KILL_END);
    ck_assert_str_eq(le.text, "Ik ");
    kr_le_key(&le, KR_LE_KILL_HOME);
    ck_assert_str_eq(le.text, "");
    ck_assert(kr_le_blank(&le));
}
END_TEST

START_TEST(test_lineedit_paste_joins_lines_and_drops_controls)
{
    const char paste[] = "Leerling telt\r\nop vingers\nen\tschrijft\x1b[31m\x07 op";
    ck_assert_int_eq(kr_le_insert(&le, paste, sizeof paste - 1), KR_LE_CHANGED);
    ck_assert_str_eq(le.text, "Leerling telt op vingers en schrijft[31m op");
    ck_assert(kr_utf8_valid(le.text, le.len, NULL));
}
END_TEST

START_TEST(test_lineedit_invalid_bytes_become_replacement)
{
    kr_le_insert(&le, "a\xff\xc3", 3);
    ck_assert_str_eq(le.text, "a\xEF\xBF\xBD\xEF\xBF\xBD");
    ck_assert_int_eq(kr_le_key(&le, 0xD800), KR_LE_IGNORED);
    ck_assert_int_eq(kr_le_key(&le, 0x1b), KR_LE_IGNORED);
    /* A combining mark at the very start has nothing to join and is dropped. */
    kr_le_clear(&le);
    kr_le_insert(&le, "\xCC\x88x", 3);
    ck_assert_str_eq(le.text, "x");
}
END_TEST

START_TEST(test_lineedit_max_len_stops_growth)
{
    le.max_len = 5;
    type("abcdëf");
    ck_assert_str_eq(le.text, "abcd");
    type("x");
    ck_assert_str_eq(le.text, "abcdx");
}
END_TEST

START_TEST(test_lineedit_scroll_keeps_cursor_visible)
{
    size_t first = 0;
    type("日本語のテキスト"); /* 8 wide characters, 16 columns */
    size_t col = kr_le_scroll(&le, &first, 10);
    ck_assert_uint_lt(col, 10);
    ck_assert_uint_eq(kr_utf8_width(le.text + first, le.cursor - first), col);
    kr_le_key(&le, KR_LE_HOME);
    col = kr_le_scroll(&le, &first, 10);
    ck_assert_uint_eq(first, 0);
    ck_assert_uint_eq(col, 0);
}
END_TEST

START_TEST(test_lineedit_wrap_breaks_at_spaces)
{
    size_t starts[8], row, col;
    const char *t = "de juf wijst naar het bord";
    size_t n = kr_le_wrap(t, strlen(t), 10, starts, 8, strlen(t), &row, &col);
    ck_assert_uint_eq(n, 3);
    ck_assert_uint_eq(starts[0], 0);
    ck_assert_uint_eq(starts[1], 7);  /* "wijst naar" fills the second row exactly */
    ck_assert_uint_eq(starts[2], 18); /* "het bord" */
    ck_assert_uint_eq(row, 2);
    ck_assert_uint_eq(col, strlen("het bord"));
    /* A word longer than the row is cut inside. */
    t = "abcdefghijkl";
    n = kr_le_wrap(t, strlen(t), 5, starts, 8, 0, &row, &col);
    ck_assert_uint_eq(n, 3);
    ck_assert_uint_eq(starts[2], 10);
    ck_assert_uint_eq(row, 0);
    /* Cursor after a full last row starts a new row. */
    n = kr_le_wrap("abcde", 5, 5, starts, 8, 5, &row, &col);
    ck_assert_uint_eq(n, 2);
    ck_assert_uint_eq(row, 1);
    ck_assert_uint_eq(col, 0);
}
END_TEST

START_TEST(test_lineedit_paste_in_the_middle_is_one_block)
{
    type("de juf bord");
    le.cursor = 7;
    ck_assert_int_eq(kr_le_insert(&le, "wijst\r\nnaar\x1b het ", 17), KR_LE_CHANGED);
    ck_assert_str_eq(le.text, "de juf wijst naar het bord");
    ck_assert_uint_eq(le.cursor, strlen("de juf wijst naar het "));
    /* at the start a leading mark is dropped, a mark after the first character kept */
    le.cursor = 0;
    kr_le_insert(&le,
                 "\xCC\x88"
                 "e\xCC\x81 ",
                 6);
    ck_assert_str_eq(le.text, "e\xCC\x81 de juf wijst naar het bord");
    /* a block longer than the room left stops at the limit, on a character boundary */
    kr_le_clear(&le);
    le.max_len = 6;
    kr_le_insert(&le, "abcdëf", 7);
    ck_assert_str_eq(le.text, "abcdë");
    le.max_len = 8;
    kr_le_insert(&le, "\xff\xff", 2); /* two replacement characters (3 bytes each) */
    ck_assert_str_eq(le.text, "abcdë");
    le.max_len = 9;
    kr_le_insert(&le, "\xff\xff", 2);
    ck_assert_str_eq(le.text, "abcdë\xEF\xBF\xBD");
}
END_TEST

START_TEST(test_lineedit_scroll_measures_one_field)
{
    /* A 100,000-character line: scrolling to the cursor measures about one field, not the
     * text before the cursor for every character it skips (that was quadratic). */
    le.max_len = 200000;
    for (int i = 0; i < 10000; i++)
        type("juf wijst ");
    size_t first = 0, before = kr_utf8_measured();
    size_t col = kr_le_scroll(&le, &first, 40);
    ck_assert_uint_lt(kr_utf8_measured() - before, 200);
    ck_assert_uint_eq(col, 38);
    ck_assert_uint_eq(kr_utf8_width(le.text + first, le.cursor - first), col);
    le.cursor = 5;
    col = kr_le_scroll(&le, &first, 40);
    ck_assert_uint_eq(first, 0);
    ck_assert_uint_eq(col, 5);
}
END_TEST

static Suite *lineedit_suite(void)
{
    Suite *s = suite_create("lineedit");
    TCase *tc = tcase_create("keys");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_lineedit_cursor_moves_by_character);
    tcase_add_test(tc, test_lineedit_combining_mark_is_one_character);
    tcase_add_test(tc, test_lineedit_backspace_delete_home_end);
    tcase_add_test(tc, test_lineedit_kill_word_and_line);
    tcase_add_test(tc, test_lineedit_paste_joins_lines_and_drops_controls);
    tcase_add_test(tc, test_lineedit_invalid_bytes_become_replacement);
    tcase_add_test(tc, test_lineedit_max_len_stops_growth);
    tcase_add_test(tc, test_lineedit_paste_in_the_middle_is_one_block);
    suite_add_tcase(s, tc);
    tc = tcase_create("layout");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_lineedit_scroll_keeps_cursor_visible);
    tcase_add_test(tc, test_lineedit_wrap_breaks_at_spaces);
    tcase_add_test(tc, test_lineedit_scroll_measures_one_field);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(lineedit_suite());
}
