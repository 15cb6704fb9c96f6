/* SPDX-License-Identifier: MIT */
/*
 * What the files of the reflection screen share: its state (screen_reflect.c loads it and
 * takes the group's decisions, reflect_draw.c draws it, reflect_keys.c binds its commands)
 * and the rows of its pattern list.
 */
#ifndef KR_UI_REFLECT_H
#define KR_UI_REFLECT_H

#include <stdbool.h>
#include <stddef.h>

#include "kijkronde/app.h"
#include "kijkronde/lineedit.h"
#include "kijkronde/reflection.h"
#include "ui_internal.h"

enum reflect_view { V_PATTERNS, V_DEBRIEF, V_CALIBRATION, V_COUNT };

enum reflect_mode {
    M_BROWSE,
    M_RENAME,     /* typing a new name for the selected pattern */
    M_PICK_MOVE,  /* choosing the pattern a note goes to */
    M_PICK_MERGE, /* choosing the pattern to merge into the source */
    M_SPLIT_NAME, /* typing the name of the part split off */
    M_EDIT,       /* typing a debrief phase or a theory-of-action field */
};

/* One row of the pattern list: a pattern, or one of the notes of the open pattern. */
struct reflect_row {
    size_t pattern; /* index into the state's rf->result.patterns */
    size_t note;    /* index into the state's rf->obs, or SIZE_MAX for the pattern row */
};

#define N_ITEMS (KR_PHASE_COUNT + 4) /* the four phases, then the theory-of-action fields */

/* The one reflection screen's state (screen_reflect.c). */
struct ui_reflect {
    const struct kr_reflection *rf; /* the shared one (ui_reflection) */
    enum reflect_view view;
    enum reflect_mode mode;
    enum kr_corner corner;
    struct reflect_row *rows;
    size_t n_rows, cap_rows, sel, top;
    char *open_id;      /* id of the open pattern, or NULL */
    bool *marked;       /* per note: marked for a split */
    size_t src_pattern; /* the pattern a move, merge or split starts from */
    size_t src_note;
    struct kr_lineedit ed;
    int item; /* debrief: selected item */
    char *phase[KR_PHASE_COUNT];
    struct kr_theory_of_action toa;
    struct kr_tweetal_list tweetallen;
    size_t turn; /* 0: nobody; else tweetal turn-1 has the word */
};
extern struct ui_reflect ui_reflect_state;

/* Draw the screen: the tabs, then the patterns, the debrief or the calibration (reflect_draw.c). */
void ui_reflect_draw(struct ui *ui);

/* Open screen from the reflection (v, n): back from it the shared reflection is kept, and with
 * to_debrief the debrief view comes back (screen_reflect.c). */
void ui_reflect_open(struct ui *ui, const struct ui_screen *screen, bool to_debrief);

/* The commands of the screen (reflect_keys.c): keys, footer and help, by mode and view. */
extern const struct ui_binding ui_reflect_bindings[];
/* True while a name or a debrief text is typed: the editor takes the keys (reflect_keys.c). */
bool ui_reflect_typing(struct ui *ui);

#endif
