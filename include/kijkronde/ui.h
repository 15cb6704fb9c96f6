/* SPDX-License-Identifier: MIT */
/* The ncursesw TUI: the only module that includes <curses.h>. */
#ifndef KR_UI_H
#define KR_UI_H

#include <stdbool.h>

#include "kijkronde/app.h"

struct kr_ui_options {
    bool no_color;              /* --no-color; NO_COLOR in the environment is read by the UI */
    const char *kijkvragen_dir; /* --kijkvragen DIR, or NULL */
    const char *session_id;     /* open straight on this session (demo), or NULL */
    const char *notice;         /* a sentence for the message line of the first screen, or NULL */
    /* Fills the database with the demo bijeenkomst (the start screen's "demo"); may be NULL. */
    enum kr_status (*demo_fill)(struct kr_app *app, char **id_out, bool *created,
                                struct kr_error *err);
};

/*
 * Run the TUI on an open app (kijkronde/app.h) until the user quits (q, Ctrl-C, SIGHUP,
 * SIGTERM). Returns 0 when everything typed is in the database; 2 when there is no usable
 * terminal (message printed to stderr, e.g. TERM=dumb); 3 when notes could not be
 * saved and are in a recovery file (its path printed to stderr after endwin); 4 when not
 * even that file could be written (the notes are printed to stderr).
 */
int kr_ui_run(struct kr_app *app, const struct kr_ui_options *opt);

#endif
