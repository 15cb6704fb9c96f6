/* SPDX-License-Identifier: MIT */
/*
 * Drawing helpers shared by the screens. All text goes through kr_utf8_inert (or the
 * already clean line editor), so no control or escape byte of stored text ever
 * reaches the terminal, and is measured in columns, never in bytes.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "kijkronde/utf8.h"
#include "ui_internal.h"

int ui_put(struct ui *ui, int y, int x, int cols, enum ui_attr a, const char *text)
{
    if (cols <= 0 || y < 0 || y >= ui->rows || x >= ui->cols)
        return 0;
    if (x + cols > ui->cols)
        cols = ui->cols - x;
    size_t size = strlen(text) * 3 + 8;
    char *buf = kr_xmalloc(size);
    size_t used = kr_utf8_truncate(buf, size, text, (size_t)cols);
    attrset(ui_attr(ui, a));
    mvaddstr(y, x, buf);
    attrset(A_NORMAL);
    free(buf);
    return (int)used;
}

int ui_putf(struct ui *ui, int y, int x, int cols, enum ui_attr a, const char *fmt, ...)
{
    va_list ap;
    struct kr_buf b = {0};
    va_start(ap, fmt);
    kr_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    int n = ui_put(ui, y, x, cols, a, kr_buf_str(&b));
    kr_buf_fini(&b);
    return n;
}

void ui_fill(struct ui *ui, int y, int x, enum ui_attr a)
{
    if (y < 0 || y >= ui->rows)
        return;
    attrset(ui_attr(ui, a));
    move(y, x);
    for (int i = x; i < ui->cols; i++)
        addch(' ');
    attrset(A_NORMAL);
}

static bool in_span(size_t off, const struct ui_span *spans, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (off >= spans[i].start && off < spans[i].end)
            return true;
    return false;
}

/* Draw text[from, to) at the cursor position, switching attributes at span edges. */
static void put_run(struct ui *ui, const char *text, size_t from, size_t to, enum ui_attr base,
                    const struct ui_span *spans, size_t n_spans, enum ui_attr hl)
{
    size_t off = from;
    while (off < to) {
        bool h = in_span(off, spans, n_spans);
        size_t end = off;
        while (end < to && in_span(end, spans, n_spans) == h)
            end = kr_utf8_next(text, to, end);
        attrset(ui_attr(ui, h ? hl : base));
        addnstr(text + off, (int)(end - off));
        off = end;
    }
    attrset(A_NORMAL);
}

#define UI_MAX_WRAP 64

static int put_wrapped_clean(struct ui *ui, int y, int x, int cols, int max_rows, enum ui_attr base,
                             const char *t, size_t len, size_t cursor, size_t *cur_row,
                             size_t *cur_col, const struct ui_span *spans, size_t n_spans,
                             enum ui_attr hl)
{
    size_t starts[UI_MAX_WRAP];
    if (max_rows > UI_MAX_WRAP)
        max_rows = UI_MAX_WRAP;
    if (max_rows < 1 || cols < 1)
        return 0;
    size_t n = kr_le_wrap(t, len, (size_t)cols, starts, (size_t)max_rows, cursor, cur_row, cur_col);
    for (size_t r = 0; r < n; r++) {
        size_t from = starts[r], to = r + 1 < n ? starts[r + 1] : len;
        /* The last row holds all the rest of the text: measure only what fits on it. */
        bool cut = r + 1 == n && kr_utf8_fit(t + from, to - from, (size_t)cols, NULL) < to - from;
        /* The row ends before the space it was broken at; cut anything wider. The last row
         * of text that does not fit ends in … after a whole word, so no word is half shown. */
        size_t room = cut && cols > 1 ? (size_t)cols - 1 : (size_t)cols;
        to = from + kr_utf8_fit(t + from, to - from, room, NULL);
        if (cut) {
            size_t sp = to;
            while (sp > from && t[sp - 1] != ' ')
                sp--;
            if (sp > from + (to - from) / 2) /* a word break in the second half of the row */
                to = sp;
        }
        move(y + (int)r, x);
        put_run(ui, t, from, to, base, spans, n_spans, hl);
        if (cut && cols > 1) {
            attrset(ui_attr(ui, base));
            addstr("…");
            attrset(A_NORMAL);
        }
    }
    return (int)n;
}

int ui_put_wrapped(struct ui *ui, int y, int x, int cols, int max_rows, enum ui_attr base,
                   const char *text, const struct ui_span *spans, size_t n_spans, enum ui_attr hl)
{
    /* Spans refer to the text as given; inert text has other offsets when it had bad bytes,
     * so highlighting is dropped then (it is only ever computed on clean text). */
    char *t = kr_utf8_inert(text, strlen(text), false);
    size_t len = strlen(t);
    bool same = len == strlen(text) && memcmp(t, text, len) == 0;
    int n = put_wrapped_clean(ui, y, x, cols, max_rows, base, t, len, 0, NULL, NULL,
                              same ? spans : NULL, same ? n_spans : 0, hl);
    free(t);
    return n;
}

/* The empty field: spaces, underlined while it has the focus. */
static void clear_field(struct ui *ui, int y, int x, int cols, int rows, bool focused)
{
    attrset(ui_attr(ui, UI_NORMAL) | (focused ? A_UNDERLINE : A_NORMAL));
    for (int r = 0; r < rows; r++) {
        move(y + r, x);
        for (int i = 0; i < cols; i++)
            addch(' ');
    }
    attrset(A_NORMAL);
}

/*
 * A one-row field scrolls sideways: focused, it shows as much of the text before the cursor
 * as fits (the cursor stays in view); unfocused, it shows the beginning, with … when more
 * follows.
 */
static int draw_line_field(struct ui *ui, int y, int x, int cols, const struct kr_lineedit *le,
                           bool focused, const struct ui_span *spans, size_t n_spans)
{
    size_t from = 0, before = 0;
    if (focused) {
        /* the text before the cursor must fit in cols - 1 (the cursor takes the last cell):
         * walk back from the cursor, measuring one field's worth, never the whole text */
        from = le->cursor;
        while (from > 0) {
            size_t prev = kr_utf8_prev(le->text, from);
            size_t cw = kr_utf8_width(le->text + prev, from - prev);
            if (before + cw > (size_t)cols - 1)
                break;
            before += cw;
            from = prev;
        }
    }
    size_t rest = le->len - from;
    bool more = kr_utf8_fit(le->text + from, rest, (size_t)cols, NULL) < rest;
    size_t room = more && !focused ? (size_t)cols - 1 : (size_t)cols; /* unfocused: room for … */
    size_t to = from + kr_utf8_fit(le->text + from, rest, room, NULL);
    clear_field(ui, y, x, cols, 1, focused);
    move(y, x);
    put_run(ui, le->text, from, to, UI_NORMAL, spans, n_spans, UI_JUDGE);
    if (more && !focused) {
        attrset(ui_attr(ui, UI_DIM));
        addstr("…");
        attrset(A_NORMAL);
    }
    if (focused) {
        curs_set(1);
        move(y, x + (int)before);
    }
    return 1;
}

int ui_draw_field(struct ui *ui, int y, int x, int cols, int rows, const struct kr_lineedit *le,
                  bool focused, const struct ui_span *spans, size_t n_spans)
{
    size_t cur_row = 0, cur_col = 0;
    if (rows < 1 || cols < 2)
        return 0;
    if (rows == 1)
        return draw_line_field(ui, y, x, cols, le, focused, spans, n_spans);
    /* Every row takes at least one character, so len + 2 starts are enough for the whole
     * text and the cursor is found however far down it is. */
    size_t *starts = kr_xreallocarray(NULL, le->len + 2, sizeof *starts);
    /* When the text needs more rows than the field has, show the rows around the cursor. */
    size_t need = kr_le_wrap(le->text, le->len, (size_t)cols, starts, le->len + 2, le->cursor,
                             &cur_row, &cur_col);
    size_t first = 0;
    if (cur_row >= (size_t)rows)
        first = cur_row - (size_t)rows + 1;
    clear_field(ui, y, x, cols, rows, focused);
    for (size_t r = first; r < need && r < first + (size_t)rows; r++) {
        size_t from = starts[r], to = r + 1 < need ? starts[r + 1] : le->len;
        to = from + kr_utf8_fit(le->text + from, to - from, (size_t)cols, NULL);
        move(y + (int)(r - first), x);
        put_run(ui, le->text, from, to, UI_NORMAL, spans, n_spans, UI_JUDGE);
    }
    free(starts);
    if (focused) {
        curs_set(1);
        move(y + (int)(cur_row - first), x + (int)cur_col);
    }
    return rows;
}

uint32_t ui_le_key(int key)
{
    switch (key) {
    case UI_FN(KEY_LEFT):
        return KR_LE_LEFT;
    case UI_FN(KEY_RIGHT):
        return KR_LE_RIGHT;
    case UI_FN(KEY_HOME):
    case UI_CTRL('a'):
        return KR_LE_HOME;
    case UI_FN(KEY_END):
    case UI_CTRL('e'):
        return KR_LE_END;
    case UI_FN(KEY_BACKSPACE):
    case 0x7f:
    case UI_CTRL('h'):
        return KR_LE_BACKSPACE;
    case UI_FN(KEY_DC):
    case UI_CTRL('d'):
        return KR_LE_DELETE;
    case UI_CTRL('w'):
        return KR_LE_KILL_WORD;
    case UI_CTRL('u'):
        return KR_LE_KILL_HOME;
    case UI_CTRL('k'):
        return KR_LE_KILL_END;
    case UI_FN(KEY_SLEFT):
        return KR_LE_WORD_LEFT;
    case UI_FN(KEY_SRIGHT):
        return KR_LE_WORD_RIGHT;
    default:
        break;
    }
    if (key >= 0x20 && key < 0x110000 && key != 0x7f && !(key >= 0x80 && key < 0xa0))
        return (uint32_t)key;
    return 0;
}

enum kr_le_result ui_le_feed(struct kr_lineedit *le, int key)
{
    uint32_t k = ui_le_key(key);
    return k ? kr_le_key(le, k) : KR_LE_IGNORED;
}

enum ui_attr ui_corner_attr(enum kr_corner c)
{
    switch (c) {
    case KR_CORNER_LEERLING:
        return UI_LEERLING;
    case KR_CORNER_LERAAR:
        return UI_LERAAR;
    case KR_CORNER_LEERINHOUD:
        return UI_LEERINHOUD;
    default:
        return UI_DIM;
    }
}

char *ui_trimmed(const char *s)
{
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ')
        n--;
    return n ? kr_xstrndup(s, n) : NULL;
}

bool ui_form_key(struct ui *ui, int *field, int n, int key, void (*submit)(struct ui *))
{
    switch (key) {
    case UI_FN(KEY_UP):
    case UI_FN(KEY_BTAB):
        if (*field > 0)
            (*field)--;
        return true;
    case UI_FN(KEY_DOWN):
    case UI_TAB:
        if (*field + 1 < n)
            (*field)++;
        return true;
    case UI_ENTER:
        if (*field + 1 < n)
            (*field)++;
        else
            submit(ui);
        return true;
    case UI_CTRL('s'):
        submit(ui);
        return true;
    default:
        return false;
    }
}
