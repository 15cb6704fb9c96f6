/* SPDX-License-Identifier: MIT */
/*
 * What the screens of the TUI share: the application state (struct ui), the screen
 * interface and the drawing helpers. Each screen is one file with one
 * `const struct ui_screen`; a new screen needs its file, one line in its meson list
 * and one line in the links table of the screen it is opened from (screens.c).
 */
#ifndef KR_UI_INTERNAL_H
#define KR_UI_INTERNAL_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "kijkronde/lineedit.h"
#include "kijkronde/model.h"
#include "kijkronde/store.h"
#include "kijkronde/ui.h"

/* Smallest window the screens are laid out for; below it "venster te klein". */
#define UI_MIN_COLS 60
#define UI_MIN_ROWS 20

/*
 * Keys as one int: a character is its code point; a curses function key is
 * UI_FN(KEY_...). Ctrl-X is UI_CTRL('x').
 */
#define UI_FN(k)   ((k) + 0x200000)
#define UI_CTRL(c) ((c)&0x1f)
#define UI_ESC     0x1b
#define UI_ENTER   '\r'
#define UI_TAB     '\t'

/* The kinds of text the screens show; colour or, without colour, bold/reverse/underline. */
enum ui_attr {
    UI_NORMAL,
    UI_TITLE,  /* the bar at the top */
    UI_FOOTER, /* the key bar at the bottom */
    UI_KEY,    /* a key name in the footer or help */
    UI_SELECT, /* the selected row */
    UI_JUDGE,  /* a judging word in a note */
    UI_HINT,   /* the checker's hint */
    UI_ERROR,  /* something went wrong: stays until the next key */
    UI_OK,     /* something worked */
    UI_DIM,    /* less important text */
    UI_HEAD,   /* a heading inside a screen */
    UI_LEERLING,
    UI_LERAAR,
    UI_LEERINHOUD,
    UI_ATTR_COUNT
};

struct ui;
struct ui_link;

/* One line of a screen's help overlay: key name and what it does. */
struct ui_help {
    const char *key;
    const char *what;
};

struct ui_screen {
    const char *title;          /* in the top bar */
    const struct ui_help *help; /* the ? overlay, ends with {NULL, NULL} */
    void (*enter)(struct ui *); /* when the screen becomes active (may be NULL) */
    void (*leave)(struct ui *); /* when it stops being active (may be NULL) */
    void (*draw)(struct ui *);  /* draws rows 1..rows-3; the bars are drawn by ui.c */
    void (*key)(struct ui *, int key);
    void (*paste)(struct ui *, const char *text, size_t len); /* bracketed paste (may be NULL) */
    void (*tick)(struct ui *); /* about twice a second when no key came (may be NULL) */
    /* The footer: the main keys, e.g. "Enter openen  n nieuw  ? hulp  q stoppen". */
    const char *(*footer)(struct ui *);
    /* True while '?' is text the user is typing rather than the help key. */
    bool (*typing)(struct ui *);
    /* Keys that open other screens, also listed in the help (ends with {0}; may be NULL). */
    const struct ui_link *links;
};

/* A screen or action reached with one key from a hub screen (start, bijeenkomst). */
struct ui_link {
    int key;
    const char *label;
    const struct ui_screen *screen; /* opened on the key, or NULL */
    void (*action)(struct ui *);    /* or run (e.g. an export) */
};

struct ui {
    struct kr_store *st;
    const struct kr_ui_options *opt;
    bool color;
    int rows, cols;
    bool quit;
    bool show_help;
    const struct ui_screen *screen;
    const struct ui_screen *stack[8]; /* screens to go back to */
    size_t depth;
    char msg[512]; /* the message line (one Dutch sentence) */
    enum ui_attr msg_attr;
    /* The open bijeenkomst (id NULL when none). */
    struct kr_session session;
    /* The visit being observed (id NULL when none). */
    struct kr_visit visit;
    time_t visit_start; /* wall clock of the visit's start, for the timer */
};

/* ---- screens ---- */
extern const struct ui_screen ui_screen_start;
extern const struct ui_screen ui_screen_session;
extern const struct ui_screen ui_screen_new;

/* Keys that open screens from the bijeenkomst screen (screens.c), ends with {0}. */
extern const struct ui_link ui_session_links[];

/* Make screen the active one; the current one is remembered for ui_back. */
void ui_push(struct ui *ui, const struct ui_screen *screen);
/* Replace the active screen without remembering it. */
void ui_replace(struct ui *ui, const struct ui_screen *screen);
/* Back to the previous screen (or quit on the first). */
void ui_back(struct ui *ui);

/* Open the bijeenkomst with this id in ui->session; false with a message on error. */
bool ui_open_session(struct ui *ui, const char *id);
/* Close the open bijeenkomst and visit. */
void ui_close_session(struct ui *ui);

/* ---- messages ---- */
void ui_message(struct ui *ui, enum ui_attr attr, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Show a store error with a plain Dutch explanation. */
void ui_store_error(struct ui *ui, const char *what, const struct kr_error *err);

/* ---- drawing ---- */
attr_t ui_attr(const struct ui *ui, enum ui_attr a);
/*
 * Put text (stored text is made inert) at row y, column x, using at most cols
 * columns ("…" when cut). Returns the columns used.
 */
int ui_put(struct ui *ui, int y, int x, int cols, enum ui_attr a, const char *text);
/* Fill row y from column x to the end with attribute a. */
void ui_fill(struct ui *ui, int y, int x, enum ui_attr a);
/* Formatted ui_put. */
int ui_putf(struct ui *ui, int y, int x, int cols, enum ui_attr a, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/*
 * Wrap text (inert) over at most max_rows rows of cols columns from (y, x); bytes in
 * the spans [starts[i], ends[i]) get hl, the rest base. Returns the rows used.
 */
struct ui_span {
    size_t start, end;
};
int ui_put_wrapped(struct ui *ui, int y, int x, int cols, int max_rows, enum ui_attr base,
                   const char *text, const struct ui_span *spans, size_t n_spans, enum ui_attr hl);
/* Rows text needs when wrapped at cols columns (at most max_rows). */
int ui_wrapped_rows(const char *text, int cols, int max_rows);

/*
 * A line editor field at (y, x), cols wide, rows high (wrapping), with the cursor
 * shown when focused. Highlighted spans as for ui_put_wrapped. Returns rows used.
 */
int ui_draw_field(struct ui *ui, int y, int x, int cols, int rows, const struct kr_lineedit *le,
                  bool focused, const struct ui_span *spans, size_t n_spans);

/* Map a key to a line-editor key; 0 when it is not an editing key. */
uint32_t ui_le_key(int key);
/* Give a key to a line editor; the result of kr_le_key (IGNORED for other keys). */
enum kr_le_result ui_le_feed(struct kr_lineedit *le, int key);

/* The corner's attribute and short Dutch name ("leerling", ...; "-" for none). */
enum ui_attr ui_corner_attr(enum kr_corner c);

#endif
