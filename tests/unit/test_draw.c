/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the TUI's drawing helpers on a curses screen that writes to /dev/null:
 * drawing a very long note measures each character a bounded number of times (counted with
 * kr_utf8_measured, not timed), so a redraw is linear in the note's length, and what is
 * drawn is still cut where it was before.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kijkronde/lineedit.h"
#include "kijkronde/utf8.h"
#include "krtest.h"
#include "ui_internal.h"

static SCREEN *scr;
static FILE *out, *in;
static struct ui ui;

static void setup(void)
{
    out = fopen("/dev/null", "w");
    in = fopen("/dev/null", "r");
    ck_assert_ptr_nonnull(out);
    ck_assert_ptr_nonnull(in);
    scr = newterm("xterm", out, in);
    ck_assert_ptr_nonnull(scr); /* no terminfo: the setup fails and the test is skipped */
    memset(&ui, 0, sizeof ui);
    ui.rows = LINES;
    ui.cols = COLS;
}

static void teardown(void)
{
    endwin();
    delscreen(scr);
    fclose(out);
    fclose(in);
}

/* A note of n characters: words of mixed scripts (é two bytes, 日 wide, a combining mark). */
static char *long_note(size_t n, size_t *len)
{
    static const char *const words[] = {"de ",
                                        "juf ",
                                        "wijst ",
                                        "naar ",
                                        "het ",
                                        "bord ",
                                        "café ",
                                        "日本 ",
                                        ("nai\xCC\x88" /* NFD ï; the split ends the \x */
                                         "ef ")};
    struct kr_buf b = {0};
    size_t chars = 0;
    for (size_t i = 0; chars < n; i++) {
        const char *w = words[i % (sizeof words / sizeof words[0])];
        kr_buf_append(&b, w, strlen(w));
        for (const unsigned char *p = (const unsigned char *)w; *p; p++)
            chars += (*p & 0xC0) != 0x80;
    }
    *len = b.len;
    return kr_buf_steal(&b);
}

/* What is on screen row y, columns [x, x + cols), as UTF-8. */
static void row_text(int y, int x, int cols, char *buf, size_t size)
{
    size_t o = 0;
    for (int c = x; c < x + cols; c++) {
        cchar_t cc;
        wchar_t wc[CCHARW_MAX + 1];
        attr_t a;
        short pair;
        mvin_wch(y, c, &cc);
        getcchar(&cc, wc, &a, &pair, NULL);
        for (int i = 0; wc[i] && o + 4 < size; i++)
            o += kr_utf8_encode((uint32_t)wc[i], buf + o);
        if (wc[0] && kr_utf8_cp_width((uint32_t)wc[0]) == 2)
            c++; /* a wide character fills the next cell too */
    }
    buf[o] = '\0';
}

START_TEST(test_draw_long_note_wrapped_is_linear)
{
    size_t len;
    char *note = long_note(100000, &len);
    size_t before = kr_utf8_measured();
    int rows = ui_put_wrapped(&ui, 2, 1, 78, 2, UI_NORMAL, note, NULL, 0, UI_JUDGE);
    size_t work = kr_utf8_measured() - before;
    ck_assert_int_eq(rows, 2);
    /* Two rows of a 100,000-character note: at most a few measures per character (the
     * quadratic cut measured the rest of the note for every character it took off). */
    ck_assert_msg(work <= 3 * len, "%zu measures for %zu bytes", work, len);
    char buf[512];
    row_text(3, 1, 78, buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(buf, "…")); /* the last row still ends in … */
    free(note);
}
END_TEST

START_TEST(test_draw_long_field_is_linear)
{
    size_t len;
    char *note = long_note(100000, &len);
    struct kr_lineedit le;
    kr_le_init(&le);
    le.max_len = len + 1;
    kr_le_set(&le, note);
    ck_assert_uint_eq(le.len, len);
    size_t at[] = {le.len, le.len / 2, 0};
    for (size_t i = 0; i < sizeof at / sizeof at[0]; i++) {
        le.cursor = at[i];
        while (le.cursor > 0 && (le.text[le.cursor] & 0xC0) == 0x80)
            le.cursor--;
        for (int rows = 1; rows <= 4; rows += 3)
            for (int focused = 0; focused < 2; focused++) {
                size_t before = kr_utf8_measured();
                ui_draw_field(&ui, 5, 11, 68, rows, &le, focused, NULL, 0);
                size_t work = kr_utf8_measured() - before;
                ck_assert_msg(work <= 4 * len, "%zu measures for %zu bytes (rows %d, cursor %zu)",
                              work, len, rows, le.cursor);
            }
    }
    /* The cursor at the end of the long note stays inside the field (it was lost after
     * the 64th row). */
    le.cursor = le.len;
    ui_draw_field(&ui, 5, 11, 68, 4, &le, true, NULL, 0);
    int cy, cx;
    getyx(stdscr, cy, cx);
    ck_assert_int_ge(cy, 5);
    ck_assert_int_le(cy, 8);
    ck_assert_int_gt(cx, 11);
    kr_le_fini(&le);
    free(note);
}
END_TEST

START_TEST(test_draw_line_field_cuts_as_before)
{
    struct kr_lineedit le;
    kr_le_init(&le);
    kr_le_set(&le, "de juf wijst naar het bord en de klas kijkt");
    char buf[256];
    /* unfocused: the beginning, with … when more follows */
    ui_draw_field(&ui, 1, 0, 12, 1, &le, false, NULL, 0);
    row_text(1, 0, 12, buf, sizeof buf);
    ck_assert_str_eq(buf, "de juf wijs…");
    /* focused, cursor at the end: the end of the text, the cursor in the last column */
    ui_draw_field(&ui, 1, 0, 12, 1, &le, true, NULL, 0);
    row_text(1, 0, 12, buf, sizeof buf);
    ck_assert_str_eq(buf, " klas kijkt ");
    int cy, cx;
    getyx(stdscr, cy, cx);
    ck_assert_int_eq(cy, 1);
    ck_assert_int_eq(cx, 11);
    /* wide characters: 日本語 takes 6 columns, only two of them fit before the cursor cell */
    kr_le_set(&le, "ab日本語");
    ui_draw_field(&ui, 1, 0, 6, 1, &le, true, NULL, 0);
    row_text(1, 0, 6, buf, sizeof buf);
    ck_assert_str_eq(buf, "本語  ");
    kr_le_fini(&le);
}
END_TEST

static Suite *draw_suite(void)
{
    Suite *s = suite_create("draw");
    TCase *tc = tcase_create("long");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_draw_long_note_wrapped_is_linear);
    tcase_add_test(tc, test_draw_long_field_is_linear);
    tcase_add_test(tc, test_draw_line_field_cuts_as_before);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(draw_suite());
}
