/* SPDX-License-Identifier: MIT */
/*
 * What the files of the next-steps screen share: its state (screen_steps.c loads it and
 * handles the forms, steps_draw.c draws it, steps_keys.c binds its commands) and the
 * selected step or version.
 */
#ifndef KR_UI_STEPS_H
#define KR_UI_STEPS_H

#include <stdbool.h>
#include <stddef.h>

#include "kijkronde/app.h"
#include "kijkronde/kijkvraag.h"
#include "kijkronde/lineedit.h"
#include "kijkronde/reflection.h"
#include "ui_internal.h"

enum steps_view { V_STEPS, V_TOA, V_COUNT };

enum steps_mode {
    M_BROWSE,
    M_STEP_FORM, /* a new step or an edit: text, actor, horizon */
    M_EVIDENCE,  /* picking the patterns a step rests on */
    M_TOA_FORM,  /* a new version: group, the three clauses */
    M_CONFIRM,   /* j/n on deleting the selected step or version */
};

#define TOA_FIELDS 4

/* The one steps screen's state (screen_steps.c). */
struct ui_steps {
    enum steps_view view;
    enum steps_mode mode;
    struct kr_next_step_list steps;
    struct kr_toa_list toas;
    size_t sel[V_COUNT], top[V_COUNT];
    /* the step form */
    struct kr_lineedit text;
    int field;
    enum kr_actor actor;
    enum kr_horizon horizon;
    char *edit_id; /* the step being edited, NULL for a new one */
    /* the theory-of-action form */
    struct kr_lineedit toa[TOA_FIELDS];
    int toa_field;
    /* evidence: the reflection's patterns and which are marked */
    const struct kr_reflection *rf; /* the shared one (ui_reflection): no recomputation */
    bool rf_loaded;
    size_t *pats; /* indices into rf.result.patterns that can be evidence */
    size_t n_pats;
    bool *marked;
    size_t pick, pick_top;
    /* the kijkvraag linter on the learners' clause */
    struct kr_linter *linter;
    bool linter_failed;
    struct kr_lint_list lint;
};
extern struct ui_steps ui_steps_state;

/* Draw the screen: the tabs, then the list or the form of the current mode (steps_draw.c). */
void ui_steps_draw(struct ui *ui);

/* The commands of the screen (steps_keys.c): keys, footer and help, by mode and view. */
extern const struct ui_binding ui_steps_bindings[];
/* True while a form, the evidence or the j/n of d takes the keys (steps_keys.c). */
bool ui_steps_takes_keys(struct ui *ui);

/* What the commands start (screen_steps.c). Open the step form for s (NULL: a new step). */
void ui_steps_step_form(const struct kr_next_step *s);
/* Open the form of a new theory of action. */
void ui_steps_toa_form(void);
/* Pick the evidence of the selected step (a message when there is no step). */
void ui_steps_evidence(struct ui *ui);
/* The selected step one place up (dir -1) or down (1), saved at once. */
void ui_steps_move(struct ui *ui, int dir);
/* Choose the selected theory of action as the school's. */
void ui_steps_toa_choose(struct ui *ui);

static inline const struct kr_next_step *steps_cur_step(const struct ui_steps *S)
{
    return S->sel[V_STEPS] < S->steps.n ? &S->steps.items[S->sel[V_STEPS]] : NULL;
}

static inline const struct kr_toa_version *steps_cur_toa(const struct ui_steps *S)
{
    return S->sel[V_TOA] < S->toas.n ? &S->toas.items[S->sel[V_TOA]] : NULL;
}

#endif
