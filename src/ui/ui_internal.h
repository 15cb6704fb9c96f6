/* SPDX-License-Identifier: MIT */
/*
 * What the screens of the TUI share: the application state (struct ui), the screen
 * interface and the drawing helpers. Each screen is one file with one
 * `const struct ui_screen`; a new screen needs its file, one line in its meson list
 * and one line in the binding table of the screen it is opened from.
 */
#ifndef KR_UI_INTERNAL_H
#define KR_UI_INTERNAL_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "kijkronde/app.h"
#include "kijkronde/exchange.h"
#include "kijkronde/lineedit.h"
#include "kijkronde/mem.h"
#include "kijkronde/model.h"
#include "kijkronde/ui.h"

/* Smallest window the screens are laid out for; below it "venster te klein". */
#define UI_MIN_COLS 60
#define UI_MIN_ROWS 20

/*
 * Keys as one int: a character is its code point; a curses function key is
 * UI_FN(KEY_...). Ctrl-X is UI_CTRL('x').
 */
#define UI_FN(k)   ((k) + 0x200000)
#define UI_ALT(c)  ((c) + 0x400000) /* Alt + a digit: Esc and the digit at once */
#define UI_NOKEY   UI_FN(0x1fff)    /* an escape sequence no terminal key is known for */
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
struct ui_binding;

/* A byte range [start, end) of a text to highlight. */
struct ui_span {
    size_t start, end;
};

struct ui_screen {
    const char *title; /* in the top bar */
    /* The screen's commands: their keys, the footer and the ? overlay (bindings.c); ends with
     * an entry without name. */
    const struct ui_binding *bindings;
    void (*enter)(struct ui *); /* when the screen becomes active (may be NULL) */
    void (*leave)(struct ui *); /* when it stops being active (may be NULL) */
    void (*draw)(struct ui *);  /* draws rows 1..rows-3; the bars are drawn by ui.c */
    /* A key no binding ran: typing, and keys whose meaning is dynamic. */
    void (*key)(struct ui *, int key);
    void (*paste)(struct ui *, const char *text, size_t len); /* bracketed paste (may be NULL) */
    void (*tick)(struct ui *); /* about twice a second when no key came (may be NULL) */
    /* True while '?' is text the user is typing rather than the help key. */
    bool (*typing)(struct ui *);
    /* What printable keys are typed into right now ("de notitie", "het veld"), or NULL when
     * they are commands (may be NULL). While the window is too small, letters, Backspace
     * and pastes still go there, so typing on is never lost; other keys wait (ui.c). */
    const char *(*text_field)(struct ui *);
    /* True while a prompt takes every key (a name typed, a j/n question): no binding runs and
     * key() gets them; the footer still follows the bindings' when() (may be NULL). */
    bool (*takes_keys)(struct ui *);
    /* A background sync changed the database: reload what is shown (may be NULL). */
    void (*data_changed)(struct ui *);
};

#define UI_BINDING_KEYS 6

/*
 * One command of a screen (tig's request table, htop's FunctionBar): its keys, how the key is
 * named, what it does in the footer and in the help, and what it runs. Where it shows follows
 * from the labels: foot and help (footer and help), help alone (help only: the footer has no
 * room), foot alone (footer only: a prompt's keys, with a `when`). ui.c runs the first binding
 * of the active screen whose key it is and whose `when` holds (unless the screen's takes_keys()
 * holds); a binding without action and screen only names keys the screen's key() handles
 * (moving, typing, a prompt's keys), and one without keys is a line of help only ("Typen").
 */
struct ui_binding {
    int keys[UI_BINDING_KEYS];   /* the keys that run it; the first is the one named */
    const char *name;            /* the keys in the help: "u, Ctrl-Z" */
    const char *help;            /* what it does, in the help (NULL: not in the help) */
    const char *foot_name;       /* the key in the footer: "u" (NULL: name) */
    const char *foot;            /* what it does, in the footer (NULL: not in the footer) */
    int foot_pos;                /* the footer shows its bindings by foot_pos, then table order */
    void (*action)(struct ui *); /* run on the key */
    const struct ui_screen *screen; /* or opened on it */
    bool (*when)(struct ui *);      /* only while this holds: a state (NULL: always) */
};

/* ---- bindings (bindings.c) ---- */

/* The binding of the active screen that key runs now (its `when` holds and it has an action
 * or a screen), or NULL: then the screen's key() gets the key. Borrowed from the table. */
const struct ui_binding *ui_binding_find(struct ui *ui, int key);
/* Run key through the active screen's bindings; false when none ran it. */
bool ui_binding_run(struct ui *ui, int key);
/* The bindings the footer shows now, in footer order, into out[0..max); returns how many. */
size_t ui_footer_items(struct ui *ui, const struct ui_binding **out, size_t max);
/* The key's name as the footer and help show it ("n", "Enter", "Ctrl-Z", "↑", "F2") into
 * buf; returns buf. */
const char *ui_key_name(int key, char *buf, size_t size);
/* Draw the footer (the bottom row) and the ? overlay of the active screen. */
void ui_draw_footer(struct ui *ui);
void ui_draw_help(struct ui *ui);

struct kr_reflection;

struct ui {
    struct kr_app *app; /* the use cases; the screens never see the store */
    const struct kr_ui_options *opt;
    bool color;
    int rows, cols;
    bool quit;
    bool show_help;
    bool tick_now; /* a screen has work to do right after this frame: tick without waiting */
    const struct ui_screen *screen;
    const struct ui_screen *stack[8]; /* screens to go back to */
    size_t depth;
    char msg[1024]; /* the message line (one Dutch sentence; a long one wraps upwards) */
    enum ui_attr msg_attr;
    /* The open bijeenkomst (id NULL when none). */
    struct kr_session session;
    /* The visit being observed (id NULL when none). */
    struct kr_visit visit;
    time_t visit_start; /* wall clock of the visit's start, for the timer */
    char *undo_select;  /* the note an undo brought back: the next list load selects it */
    /* Keys while the window was too small: typed into the text field, and ignored. */
    size_t small_typed, small_ignored;
    /* The reflection of the open bijeenkomst (reflection_cache.c): NULL until needed. */
    struct kr_reflection *rf;
    char *rf_session; /* the session it was computed for */
    size_t rf_loads;  /* how often it was computed (the debrief's status line shows it) */
    /* Live sync of the open bijeenkomst (sync_live.c): "3 laptops · 10:42", or "". */
    char sync_status[64];
};

/* Live sync (sync_live.c): start or reap the background `kijkronde sync` of the open
 * bijeenkomst's sync folder; never blocks. Called once per turn of the input loop. */
void ui_sync_poll(struct ui *ui);
/* The open bijeenkomst's sync folder was changed here: look it up at the next poll. */
void ui_sync_recheck(void);
/* At exit: wait for a running sync, free its state. */
void ui_sync_stop(void);

/* ---- screens ---- */
extern const struct ui_screen ui_screen_start;
extern const struct ui_screen ui_screen_session;
extern const struct ui_screen ui_screen_new;
extern const struct ui_screen ui_screen_session_edit; /* the new-form, filled: w */
extern const struct ui_screen ui_screen_visit;
extern const struct ui_screen ui_screen_round;
extern const struct ui_screen ui_screen_notes;
extern const struct ui_screen ui_screen_review;
extern const struct ui_screen ui_screen_export;
extern const struct ui_screen ui_screen_reflect;
extern const struct ui_screen ui_screen_steps;    /* v in the debrief of the reflection */
extern const struct ui_screen ui_screen_followup; /* o on a bijeenkomst of a network */
extern const struct ui_screen ui_screen_networks; /* Tab on the start screen */
extern const struct ui_screen ui_screen_network;  /* one network: Enter in the networks */
extern const struct ui_screen ui_screen_debrief;  /* n in the reflection: the debrief in steps */

/* ---- networks and the follow-up of next steps (screen_followup.c, screen_network.c) ---- */

/* The next steps of earlier bijeenkomsten of the open one's network still to be followed up
 * at it (0 without a network, or on a store error, which sets the message); *recorded (may be
 * NULL) gets those followed up at it already. */
size_t ui_followup_open(struct ui *ui, size_t *recorded);
/* When the open bijeenkomst belongs to a network and the follow-up did not come up for it in
 * this run yet: push the follow-up screen if any step is open. Called as the bijeenkomst
 * screen is entered. */
void ui_followup_offer(struct ui *ui);
/* Free what ui_followup_offer remembers (at the end of the run). */
void ui_followup_forget(void);
/* The network whose screen ui_screen_network shows: set before pushing it (copies id). */
void ui_network_select(const char *id);

/*
 * Where an export of the open bijeenkomst in format f goes by default: the current directory
 * when writable, else the documents directory (kr_paths_export_dir), else next to the
 * database; the file name as kr_export_default_path makes it. Heap string, or NULL with err.
 */
char *ui_export_path(struct ui *ui, enum kr_export_format f, struct kr_error *err);

/* "vervolgbijeenkomst" for session.kind "vervolg" (NULL too), and so on (screen_new.c). */
const char *ui_kind_nl(const char *kind);

/* d on the bijeenkomst screen: ask "Bijeenkomst 'X' met N notities verwijderen? (j/n)";
 * j deletes it softly (u on the start screen brings it back). screen_session.c. */
void ui_session_ask_delete(struct ui *ui);
/* s on the bijeenkomst screen: type its sync folder (empty: none). */
void ui_session_ask_sync(struct ui *ui);

/* e on the bijeenkomst screen: the summary as HTML where the user finds it (screens.c). */
void ui_export_summary(struct ui *ui);

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

/* ---- the shared reflection (reflection_cache.c) ---- */

/* The reflection of the open bijeenkomst, computed on first use and kept until dropped.
 * Never NULL (empty after an error, with a message). Borrowed: valid until the next drop. */
const struct kr_reflection *ui_reflection(struct ui *ui);
/* Forget it (after a change of notes or decisions, or another bijeenkomst). */
void ui_reflection_drop(struct ui *ui);

/* ---- notes: checking, actions with undo, the list (notes.c) ---- */

#define UI_MAX_SPANS 32
/*
 * The zonder-oordeel check of text[0..len): fills spans (at most UI_MAX_SPANS) with
 * the judging words and *hint (may be NULL) with the first finding's hint (borrowed).
 * Returns the number of judging findings: a name (kind "naam") is marked but not counted
 * (0 when the checker is not available).
 */
size_t ui_check(struct ui *ui, const char *text, size_t len, struct ui_span *spans, size_t *n_spans,
                const char **hint);
/* The corner the classifier suggests for the text (NONE for empty text). */
enum kr_corner ui_suggest(struct ui *ui, const char *text, size_t len);

/* Each action saves at once (the app remembers how to undo it) and sets the message. */
bool ui_note_place(struct ui *ui, const struct kr_observation *o, enum kr_corner c);
bool ui_note_delete(struct ui *ui, const struct kr_observation *o);
bool ui_note_edit(struct ui *ui, const struct kr_observation *o, const char *text);
bool ui_note_keep(struct ui *ui, const struct kr_observation *o);
/* Undo the last step; false (with a message) when there is none. */
bool ui_undo_last(struct ui *ui);
/* Undo the latest deletion of a bijeenkomst (u on the start screen, also when notes were
 * changed since), with the message; false when there is none or it failed. */
bool ui_undo_session_delete(struct ui *ui);
void ui_undo_clear(struct ui *ui);

/* Which notes a list shows besides the store filter. */
enum ui_show {
    UI_SHOW_ALL,
    UI_SHOW_LEERLING,
    UI_SHOW_LERAAR,
    UI_SHOW_LEERINHOUD,
    UI_SHOW_UNPLACED,
    UI_SHOW_FLAGGED,
    UI_SHOW_COUNT
};
const char *ui_show_label(enum ui_show s);

struct ui_notelist {
    struct kr_observation_list notes;
    bool *flagged; /* per note: the checker finds judging words */
    size_t sel, top;
    enum ui_show show;
    bool with_visit;             /* show the visit label (whole-session lists) */
    struct kr_visit_list visits; /* for the labels */
};
/* (Re)load the notes matching f and nl->show; keeps the selection near where it was. */
void ui_notelist_load(struct ui *ui, struct ui_notelist *nl, const struct kr_obs_filter *f);
void ui_notelist_fini(struct ui_notelist *nl);
/* Draw rows [y, y + rows); the selected row is marked when focused. */
void ui_notelist_draw(struct ui *ui, struct ui_notelist *nl, int y, int rows, bool focused);
/* Moving keys (↑ ↓ j k PgUp PgDn Home End g G); true when the key was one. */
bool ui_notelist_move(struct ui_notelist *nl, int key, int rows);
/* The selected note or NULL. */
const struct kr_observation *ui_notelist_selected(const struct ui_notelist *nl);
/* Select the note with this id when it is in the list. */
void ui_notelist_select(struct ui_notelist *nl, const char *id);
/* Keys that act on the selected note: 1 2 3 0 place, d delete, u undo, h keep. True when handled.
 */
bool ui_notelist_act(struct ui *ui, struct ui_notelist *nl, int key);

/* The words typed into the notes screen's search as an FTS5 query of quoted prefix terms
 * (notes_search.c): heap string, or NULL when nothing was typed. */
char *ui_fts_query(const char *typed);

/* A heap copy of s without leading and trailing spaces, or NULL when nothing is left. */
char *ui_trimmed(const char *s);

/* ---- what could not be saved (screen_round.c writes, ui.c reports after endwin) ---- */
extern size_t ui_recovery_count;    /* notes and drafts not in the database */
extern char ui_recovery_path[1024]; /* the file they are in, or "" */
extern bool ui_recovery_failed;     /* no file could be written: ui_recovery_text has them */
extern struct kr_buf ui_recovery_text;

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
int ui_put_wrapped(struct ui *ui, int y, int x, int cols, int max_rows, enum ui_attr base,
                   const char *text, const struct ui_span *spans, size_t n_spans, enum ui_attr hl);

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
/* The keys every form shares: ↑ / Shift-Tab and ↓ / Tab move between its n fields, Enter
 * moves on and on the last field calls submit, Ctrl-S calls it from anywhere. True when the
 * key was one of these. */
bool ui_form_key(struct ui *ui, int *field, int n, int key, void (*submit)(struct ui *));

/* The corner's attribute and short Dutch name ("leerling", ...; "-" for none). */
enum ui_attr ui_corner_attr(enum kr_corner c);

#endif
