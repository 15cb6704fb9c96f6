/* SPDX-License-Identifier: MIT */
/*
 * The line editor of the TUI, without curses: one line of UTF-8 text and a cursor,
 * changed by keys. A "character" is a code point plus the zero-width marks after it
 * (so "e" + combining diaeresis moves and deletes as one). The text is always valid
 * UTF-8 without control characters: invalid bytes become U+FFFD, tabs and line
 * breaks become one space (a pasted paragraph stays one note), other controls are
 * dropped. Lives in src/ui/ as its own library (krlineedit) that needs only core,
 * so it is unit-tested and fuzzed without a terminal.
 */
#ifndef KR_LINEEDIT_H
#define KR_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Editing keys, above the Unicode range so that every code point is a key too. */
enum kr_le_key {
    KR_LE_LEFT = 0x110000,
    KR_LE_RIGHT,
    KR_LE_HOME,       /* Home, Ctrl-A */
    KR_LE_END,        /* End, Ctrl-E */
    KR_LE_BACKSPACE,  /* Backspace, Ctrl-H, DEL */
    KR_LE_DELETE,     /* Delete, Ctrl-D */
    KR_LE_WORD_LEFT,  /* Ctrl-Left */
    KR_LE_WORD_RIGHT, /* Ctrl-Right */
    KR_LE_KILL_WORD,  /* Ctrl-W: the word before the cursor (and spaces before it) */
    KR_LE_KILL_HOME,  /* Ctrl-U: everything before the cursor */
    KR_LE_KILL_END,   /* Ctrl-K: everything from the cursor */
};

/* What a key did. */
enum kr_le_result {
    KR_LE_IGNORED = 0, /* not an editing key (or nothing to do) */
    KR_LE_MOVED,       /* only the cursor moved */
    KR_LE_CHANGED,     /* the text changed */
};

struct kr_lineedit {
    char *text;     /* NUL-terminated UTF-8, never NULL after init */
    size_t len;     /* bytes */
    size_t cap;     /* bytes allocated */
    size_t cursor;  /* byte offset, always on a character boundary, <= len */
    size_t max_len; /* the text never grows beyond this many bytes (0: 64 KiB) */
};

void kr_le_init(struct kr_lineedit *le);
void kr_le_fini(struct kr_lineedit *le);
/* Replace the text (made clean as above; may be NULL for empty) and put the cursor at the end. */
void kr_le_set(struct kr_lineedit *le, const char *text);
/* Empty the text. */
void kr_le_clear(struct kr_lineedit *le);

/*
 * Insert bytes at the cursor (typed or pasted), made clean as described above.
 * Returns KR_LE_CHANGED when anything was inserted.
 */
enum kr_le_result kr_le_insert(struct kr_lineedit *le, const char *s, size_t len);

/* Apply one key: a code point (inserted when printable; '\t', '\n', '\r' insert a space)
 * or an enum kr_le_key. */
enum kr_le_result kr_le_key(struct kr_lineedit *le, uint32_t key);

/* Terminal columns of text[0..off) (as shown by kr_utf8_inert). */
size_t kr_le_cols_before(const struct kr_lineedit *le, size_t off);

/*
 * Horizontal scrolling: given the first shown byte *first (updated), a field of
 * `cols` columns (> 1), move *first so that the cursor is visible with at least one
 * column to its right. Returns the cursor's column inside the field.
 */
size_t kr_le_scroll(const struct kr_lineedit *le, size_t *first, size_t cols);

/*
 * Wrapping over several rows: fill starts[0..max_rows) with the byte offset where
 * each row of `cols` columns begins (breaking at a space when possible) and return
 * the number of rows (>= 1). The cursor's row and column go to *cur_row and *cur_col.
 */
size_t kr_le_wrap(const char *text, size_t len, size_t cols, size_t *starts, size_t max_rows,
                  size_t cursor, size_t *cur_row, size_t *cur_col);

/* True when the text is empty or only spaces. */
bool kr_le_blank(const struct kr_lineedit *le);

#endif
