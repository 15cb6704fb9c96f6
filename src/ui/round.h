/* SPDX-License-Identifier: MIT */
/*
 * What the files of the round share: its state (screen_round.c saves notes and handles the
 * typing, round_keys.c binds its commands, round_draw.c draws it, round_keep.c keeps an unsaved
 * line from being lost: the draft while typing, a stopped TUI's draft, the recovery file at
 * the end).
 */
#ifndef KR_UI_ROUND_H
#define KR_UI_ROUND_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "kijkronde/clock.h"
#include "kijkronde/lineedit.h"
#include "ui_internal.h"

/* A draft is written after this pause in typing, or this often while typing goes on. */
#define DRAFT_PAUSE_MS 400
#define DRAFT_MAX_MS   2000
#define RETRY_MS       2000

/* The one round screen's state (screen_round.c). */
struct ui_round {
    struct kr_lineedit ed;
    bool list_focus;
    char *edit_id; /* the note being edited, or NULL for a new note */
    char *stash;   /* the new note's text while another is edited */
    struct ui_notelist list;
    int list_rows;
    bool draft_dirty, draft_stored;
    long long last_change_ms, last_draft_ms, last_retry_ms; /* retry: the app's pending notes */
    bool all_punten;  /* Ctrl-P: every kijkpunt on its own row */
    size_t checked_n; /* findings of the line at the last frame (Enter needs no new check) */
};
extern struct ui_round ui_round_state;

static inline long long round_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Draw the screen: the kijkvraag and kijkpunten, the visit's notes, the line (round_draw.c). */
void ui_round_draw(struct ui *ui);

/* ---- what the commands do (screen_round.c) ---- */

/* Read the visit's notes again. */
void ui_round_reload(struct ui *ui);
/* Enter: save the line as a new note, or the note being edited. */
void ui_round_save_line(struct ui *ui);
/* Alt-1/2/3: save the line (if any) and place it, or place the note saved last. */
void ui_round_save_and_place(struct ui *ui, enum kr_corner c);
/* e or Enter in the list: edit the selected note in the line. */
void ui_round_start_edit(struct ui *ui);
/* Stop editing: the new note's text comes back. */
void ui_round_end_edit(void);
/* Ctrl-X: end the visit (not while a line or an edit waits) and review it. */
void ui_round_end_visit(struct ui *ui);
/* Leaving the round is held back while notes wait to be saved (false, with a message). */
bool ui_round_may_leave(struct ui *ui);

/* The commands of the round (round_keys.c): keys, footer and help, typing and in the list. */
extern const struct ui_binding ui_round_bindings[];

/* ---- round_keep.c ---- */

/* Store the line as the visit's draft when it changed (not while a note is edited). */
void ui_round_write_draft(struct ui *ui);
/* The line changed: a draft is due after the next pause in typing. */
void ui_round_draft_changed(void);
/* The draft of an observer whose TUI stopped, taken over (heap), or NULL. */
char *ui_round_adopt_stopped_draft(struct ui *ui);
/* The notes still pending and the draft to the recovery file (see round_keep.c). */
void ui_round_write_recovery(struct ui *ui, const char *draft);

#endif
