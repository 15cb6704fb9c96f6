/* SPDX-License-Identifier: MIT */
/* The ncursesw TUI: the only module that includes <curses.h>. */
#ifndef KR_UI_H
#define KR_UI_H

#include <stdbool.h>

#include "kijkronde/store.h"

struct kr_ui_options {
    bool no_color;              /* --no-color; NO_COLOR in the environment is read by the UI */
    const char *kijkvragen_dir; /* --kijkvragen DIR, or NULL */
    const char *session_id;     /* open straight on this session (demo), or NULL */
    /* Fills the database with the demo bijeenkomst (the start screen's "demo"); may be NULL. */
    enum kr_status (*demo_fill)(struct kr_store *st, char **id_out, bool *created,
                                struct kr_error *err);
};

/*
 * Run the TUI on an open store until the user quits. Returns 0 on a normal quit and
 * 2 when there is no usable terminal (message printed to stderr, e.g. TERM=dumb).
 */
int kr_ui_run(struct kr_store *st, const struct kr_ui_options *opt);

#endif
