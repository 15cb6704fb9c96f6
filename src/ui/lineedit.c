/* SPDX-License-Identifier: MIT */
/*
 * The curses-free line editor (see kijkronde/lineedit.h). Every change goes through
 * one clean-and-insert path, so the invariants (valid UTF-8, no controls, cursor on a
 * character boundary) hold after any sequence of keys; the fuzz target checks them.
 */
#include "kijkronde/lineedit.h"

#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "kijkronde/utf8.h"

#define LE_DEFAULT_MAX (64u * 1024u)

static size_t le_max(const struct kr_lineedit *le)
{
    return le->max_len ? le->max_len : LE_DEFAULT_MAX;
}

void kr_le_init(struct kr_lineedit *le)
{
    memset(le, 0, sizeof *le);
    le->cap = 64;
    le->text = kr_xmalloc(le->cap);
    le->text[0] = '\0';
}

void kr_le_fini(struct kr_lineedit *le)
{
    free(le->text);
    le->text = NULL;
    le->len = le->cap = le->cursor = 0;
}

void kr_le_clear(struct kr_lineedit *le)
{
    le->len = 0;
    le->cursor = 0;
    le->text[0] = '\0';
}

void kr_le_set(struct kr_lineedit *le, const char *text)
{
    kr_le_clear(le);
    if (text)
        kr_le_insert(le, text, strlen(text));
}

bool kr_le_blank(const struct kr_lineedit *le)
{
    for (size_t i = 0; i < le->len; i++)
        if (le->text[i] != ' ')
            return false;
    return true;
}

static uint32_t cp_at(const struct kr_lineedit *le, size_t off)
{
    uint32_t cp;
    kr_utf8_decode(le->text + off, le->len - off, &cp);
    return cp;
}

/* The start of the character after off: one code point plus its zero-width marks. */
static size_t char_next(const struct kr_lineedit *le, size_t off)
{
    if (off >= le->len)
        return le->len;
    off = kr_utf8_next(le->text, le->len, off);
    while (off < le->len && kr_utf8_cp_width(cp_at(le, off)) == 0)
        off = kr_utf8_next(le->text, le->len, off);
    return off;
}

/* The start of the character before off. */
static size_t char_prev(const struct kr_lineedit *le, size_t off)
{
    while (off > 0) {
        off = kr_utf8_prev(le->text, off);
        if (kr_utf8_cp_width(cp_at(le, off)) != 0)
            break;
    }
    return off;
}

static bool is_space_at(const struct kr_lineedit *le, size_t off)
{
    return le->text[off] == ' ';
}

static void remove_range(struct kr_lineedit *le, size_t from, size_t to)
{
    memmove(le->text + from, le->text + to, le->len - to + 1);
    le->len -= to - from;
    if (le->cursor >= to)
        le->cursor -= to - from;
    else if (le->cursor > from)
        le->cursor = from;
}

static void insert_raw(struct kr_lineedit *le, const char *s, size_t n)
{
    if (le->len + n + 1 > le->cap) {
        size_t cap = le->cap;
        while (le->len + n + 1 > cap)
            cap *= 2;
        le->text = kr_xreallocarray(le->text, cap, 1);
        le->cap = cap;
    }
    memmove(le->text + le->cursor + n, le->text + le->cursor, le->len - le->cursor + 1);
    memcpy(le->text + le->cursor, s, n);
    le->len += n;
    le->cursor += n;
}

enum kr_le_result kr_le_insert(struct kr_lineedit *le, const char *s, size_t len)
{
    /* Clean the whole block first and insert it once: a paste of 40k characters in the
     * middle of a note moves the text after the cursor once, not once per character. */
    size_t room = le_max(le) > le->len ? le_max(le) - le->len : 0;
    /* an invalid byte becomes U+FFFD: three bytes for one */
    char *clean = kr_xmalloc((len < room / 3 ? len * 3 : room) + 1);
    size_t used = 0, i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = kr_utf8_decode(s + i, len - i, &cp);
        char enc[4];
        size_t m;
        if (cp == '\r' && i + 1 < len && s[i + 1] == '\n') {
            i++; /* CRLF is one line break */
            continue;
        }
        i += n;
        if (cp == '\n' || cp == '\r' || cp == '\t' || cp == 0x2028 || cp == 0x2029)
            cp = ' ';
        else if (kr_utf8_is_control(cp))
            continue;
        m = kr_utf8_encode(cp, enc);
        if (used + m > room)
            break;
        /* A zero-width mark cannot start the text: it would have no character to join. */
        if (le->cursor == 0 && used == 0 && kr_utf8_cp_width(cp) == 0)
            continue;
        memcpy(clean + used, enc, m);
        used += m;
    }
    if (used)
        insert_raw(le, clean, used);
    free(clean);
    return used ? KR_LE_CHANGED : KR_LE_IGNORED;
}

static size_t word_left(const struct kr_lineedit *le, size_t off)
{
    while (off > 0 && is_space_at(le, char_prev(le, off)))
        off = char_prev(le, off);
    while (off > 0 && !is_space_at(le, char_prev(le, off)))
        off = char_prev(le, off);
    return off;
}

static size_t word_right(const struct kr_lineedit *le, size_t off)
{
    while (off < le->len && is_space_at(le, off))
        off = char_next(le, off);
    while (off < le->len && !is_space_at(le, off))
        off = char_next(le, off);
    return off;
}

static enum kr_le_result move_to(struct kr_lineedit *le, size_t off)
{
    if (off == le->cursor)
        return KR_LE_IGNORED;
    le->cursor = off;
    return KR_LE_MOVED;
}

static enum kr_le_result kill(struct kr_lineedit *le, size_t from, size_t to)
{
    if (from >= to)
        return KR_LE_IGNORED;
    remove_range(le, from, to);
    return KR_LE_CHANGED;
}

enum kr_le_result kr_le_key(struct kr_lineedit *le, uint32_t key)
{
    switch (key) {
    case KR_LE_LEFT:
        return move_to(le, char_prev(le, le->cursor));
    case KR_LE_RIGHT:
        return move_to(le, char_next(le, le->cursor));
    case KR_LE_HOME:
        return move_to(le, 0);
    case KR_LE_END:
        return move_to(le, le->len);
    case KR_LE_WORD_LEFT:
        return move_to(le, word_left(le, le->cursor));
    case KR_LE_WORD_RIGHT:
        return move_to(le, word_right(le, le->cursor));
    case KR_LE_BACKSPACE:
        return kill(le, char_prev(le, le->cursor), le->cursor);
    case KR_LE_DELETE:
        return kill(le, le->cursor, char_next(le, le->cursor));
    case KR_LE_KILL_WORD:
        return kill(le, word_left(le, le->cursor), le->cursor);
    case KR_LE_KILL_HOME:
        return kill(le, 0, le->cursor);
    case KR_LE_KILL_END:
        return kill(le, le->cursor, le->len);
    default:
        break;
    }
    if (key > 0x10FFFF || (key >= 0xD800 && key <= 0xDFFF))
        return KR_LE_IGNORED;
    char enc[4];
    size_t n = kr_utf8_encode(key, enc);
    return kr_le_insert(le, enc, n);
}

size_t kr_le_cols_before(const struct kr_lineedit *le, size_t off)
{
    return kr_utf8_width(le->text, off > le->len ? le->len : off);
}

size_t kr_le_scroll(const struct kr_lineedit *le, size_t *first, size_t cols)
{
    if (cols < 2)
        cols = 2;
    /* Keep the cursor inside the field with one free column to its right, showing as much
     * before it as fits: walk back from the cursor over at most one field of characters. */
    size_t off = le->cursor, w = 0;
    while (off > 0) {
        size_t prev = char_prev(le, off);
        size_t cw = kr_utf8_width(le->text + prev, off - prev);
        if (w + cw + 1 >= cols)
            break;
        w += cw;
        off = prev;
    }
    *first = off;
    return w;
}

/* The end of the row that starts at `start`, and where the next row starts. */
static void row_end(const char *text, size_t len, size_t start, size_t cols, size_t *end,
                    size_t *next)
{
    size_t off = start, w = 0, space = (size_t)-1;
    while (off < len) {
        uint32_t cp;
        size_t n = kr_utf8_decode(text + off, len - off, &cp);
        int cw = kr_utf8_cp_width(cp);
        if (w + (size_t)cw > cols && off > start)
            break;
        if (cp == ' ')
            space = off;
        w += (size_t)cw;
        off += n;
    }
    if (off >= len) {
        *end = *next = len;
    } else if (text[off] == ' ') {
        *end = off; /* the row is full exactly before a space */
        *next = off + 1;
    } else if (space != (size_t)-1 && space > start) {
        *end = space;
        *next = space + 1;
    } else {
        *end = *next = off;
    }
}

size_t kr_le_wrap(const char *text, size_t len, size_t cols, size_t *starts, size_t max_rows,
                  size_t cursor, size_t *cur_row, size_t *cur_col)
{
    size_t rows = 0, start = 0, crow = 0, ccol = 0;
    if (cols < 1)
        cols = 1;
    if (max_rows == 0)
        return 0;
    for (;;) {
        size_t end, next;
        row_end(text, len, start, cols, &end, &next);
        starts[rows++] = start;
        if (cursor >= start && (cursor < next || next >= len)) {
            crow = rows - 1;
            ccol = kr_utf8_width(text + start, (cursor < end ? cursor : end) - start);
            if (cursor > end)
                ccol = kr_utf8_width(text + start, end - start) + 1;
        }
        if (next >= len || rows == max_rows)
            break;
        start = next;
    }
    if (ccol >= cols) {
        /* The cursor sits just after a full last row: it starts a new, empty row. */
        if (crow + 1 == rows && rows < max_rows) {
            starts[rows++] = len;
            crow++;
            ccol = 0;
        } else {
            ccol = cols - 1;
        }
    }
    if (cur_row)
        *cur_row = crow;
    if (cur_col)
        *cur_col = ccol;
    return rows;
}
