/* SPDX-License-Identifier: MIT */
/*
 * What the files of the debrief in steps share: its state (screen_debrief.c loads it and
 * handles the keys, debrief_draw.c draws it, in the normal view and on the projector,
 * debrief_keys.c binds its commands) and the small questions they ask of it.
 */
#ifndef KR_UI_DEBRIEF_H
#define KR_UI_DEBRIEF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "kijkronde/app.h"
#include "kijkronde/lineedit.h"
#include "kijkronde/reflection.h"
#include "ui_internal.h"

enum dbf_step {
    ST_SCREENING,
    ST_BESCHRIJVEN,
    ST_ANALYSEREN,
    ST_VOORSPELLEN,
    ST_VOLGENDE,
    ST_COUNT
};
enum dbf_mode { M_BROWSE, M_EDIT_NOTE, M_EDIT_PHASE };

/* The names of the steps and the question under each (debrief_draw.c). */
extern const char *const ui_debrief_step_names[ST_COUNT];
extern const char *const ui_debrief_step_questions[ST_COUNT];

struct ui_debrief {
    const struct kr_reflection *rf;
    enum dbf_step step;
    enum dbf_mode mode;
    bool projector;
    size_t sel[ST_COUNT], top[ST_COUNT];
    size_t *notes; /* screening: note indices by visit, then time */
    size_t n_notes;
    size_t *pats; /* the patterns that are findings (not the judging notes), by corner */
    size_t n_pats;
    size_t *apats; /* the same for analyseren: overeenkomsten first, then verschillen */
    size_t n_apats;
    char *phase[KR_PHASE_COUNT];
    struct kr_next_step_list steps;
    struct kr_toa_list toas;
    struct kr_lineedit ed;
};
/* The one debrief screen's state (screen_debrief.c). */
extern struct ui_debrief ui_debrief_state;

/* Draw the screen: the steps as tabs and the current one, or the projector. */
void ui_debrief_draw(struct ui *ui);

/* The commands of the screen (debrief_keys.c): keys, footer and help, by step and mode. */
extern const struct ui_binding ui_debrief_bindings[];
/* w (and e or Enter where a step says so): the editor of the current item (screen_debrief.c). */
void ui_debrief_open_editor(struct ui *ui);
/* Tab (d 1) and Shift-Tab (d -1): the next or previous step, round. */
void ui_debrief_go_step(int d);

static inline size_t dbf_visit_rank(const struct ui_debrief *D, const char *visit_id)
{
    size_t v = kr_reflection_visit(D->rf, visit_id);
    return v == SIZE_MAX ? D->rf->visits.n : v;
}

static inline const struct kr_observation *dbf_cur_note(const struct ui_debrief *D)
{
    return D->sel[ST_SCREENING] < D->n_notes ? &D->rf->obs.items[D->notes[D->sel[ST_SCREENING]]]
                                             : NULL;
}

static inline size_t dbf_cur_pattern(const struct ui_debrief *D, enum dbf_step st)
{
    size_t i = D->sel[st];
    if (st == ST_BESCHRIJVEN)
        return i < D->n_pats ? D->pats[i] : SIZE_MAX;
    return i < D->n_apats ? D->apats[i] : SIZE_MAX;
}

/* The phase of the debrief a step writes its group text into, or -1. */
static inline int dbf_step_phase(enum dbf_step st)
{
    switch (st) {
    case ST_BESCHRIJVEN:
        return KR_PHASE_BESCHRIJVEN;
    case ST_ANALYSEREN:
        return KR_PHASE_ANALYSEREN;
    case ST_VOORSPELLEN:
        return KR_PHASE_VOORSPELLEN;
    default:
        return -1;
    }
}

static inline const struct kr_toa_version *dbf_chosen_toa(const struct ui_debrief *D)
{
    for (size_t i = 0; i < D->toas.n; i++)
        if (D->toas.items[i].chosen)
            return &D->toas.items[i];
    return NULL;
}

/* The chosen theory of action goes on the projector clause by clause (one if none). */
static inline size_t dbf_toa_slides(const struct ui_debrief *D)
{
    return dbf_chosen_toa(D) ? 3 : 1;
}

static inline size_t dbf_n_slides(const struct ui_debrief *D, enum dbf_step st)
{
    switch (st) {
    case ST_SCREENING:
        return D->n_notes;
    case ST_BESCHRIJVEN:
        return D->n_pats;
    case ST_ANALYSEREN:
        return D->n_apats;
    case ST_VOORSPELLEN:
        return 1;
    default:
        return dbf_toa_slides(D) + D->steps.n; /* the theory of action's clauses, then each step */
    }
}

#endif
