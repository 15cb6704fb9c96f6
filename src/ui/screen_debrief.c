/* SPDX-License-Identifier: MIT */
/*
 * The debrief as steps on one screen (n in the reflection), the way a rounds debrief runs:
 * screening (each visit's notes one by one, the checker's findings shown, rewritten, kept
 * or set aside), beschrijven (the pattern statements per corner with their notes),
 * analyseren (the extent of each pattern, proposed from its visits and confirmed by the
 * group; overeenkomsten and verschillen), voorspellen (the prediction and the group's
 * answer) and volgende stap (the next steps and the chosen theory of action; Enter opens
 * the steps screen). p shows one item at a time on the projector. This file loads and acts;
 * debrief_draw.c draws (and debrief_projector.c the driehoek of the projector); the keys,
 * footers and help are the binding table of debrief_keys.c.
 * The patterns come from the shared reflection (ui_reflection): nothing is recomputed
 * unless a note or decision changed.
 */
#include <stdlib.h>
#include <string.h>

#include "debrief.h"
#include "kijkronde/mem.h"
#include "kijkronde/plural.h"
#include "kijkronde/reflection.h"
#include "kijkronde/utf8.h"
#include "ui_internal.h"

/* What survives a visit to the steps screen (ui_push calls leave). */
static struct {
    bool back; /* the steps screen was opened from here */
    enum dbf_step step;
    size_t sel[ST_COUNT];
    bool projector;
} keep;

struct ui_debrief ui_debrief_state;
static struct ui_debrief *const D = &ui_debrief_state;

/* ---- loading ---- */

static int note_cmp(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    size_t vx = dbf_visit_rank(D, D->rf->obs.items[x].visit_id),
           vy = dbf_visit_rank(D, D->rf->obs.items[y].visit_id);
    if (vx != vy)
        return vx < vy ? -1 : 1;
    return x < y ? -1 : x > y; /* the notes are by time */
}

static int apat_cmp(const void *a, const void *b)
{
    const struct kr_pattern *x = &D->rf->result.patterns[*(const size_t *)a];
    const struct kr_pattern *y = &D->rf->result.patterns[*(const size_t *)b];
    if (x->kind != y->kind)
        return x->kind == KR_PATTERN_OVEREENKOMST ? -1 : 1;
    if (x->n_visits != y->n_visits)
        return x->n_visits > y->n_visits ? -1 : 1;
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    return i < j ? -1 : i > j;
}

static void load_lists(struct ui *ui)
{
    struct kr_error err = {0};
    for (int p = 0; p < KR_PHASE_COUNT; p++) {
        free(D->phase[p]);
        D->phase[p] = NULL;
        if (kr_app_phase_get(ui->app, ui->session.id, (enum kr_phase)p, &D->phase[p], &err) !=
            KR_OK)
            ui_store_error(ui, "Kan de nabespreking niet lezen", &err);
    }
    kr_next_step_list_fini(&D->steps);
    if (kr_app_steps(ui->app, ui->session.id, &D->steps, &err) != KR_OK)
        ui_store_error(ui, "Kan de volgende stappen niet lezen", &err);
    kr_toa_list_fini(&D->toas);
    if (kr_app_toa_versions(ui->app, ui->session.id, &D->toas, &err) != KR_OK)
        ui_store_error(ui, "Kan de theory of action niet lezen", &err);
}

/* Take the shared reflection (fresh: computed again) and rebuild the orders from it. */
static void load(struct ui *ui, bool fresh)
{
    if (fresh)
        ui_reflection_drop(ui);
    D->rf = ui_reflection(ui);
    const struct kr_pattern_result *r = &D->rf->result;
    free(D->notes);
    free(D->pats);
    free(D->apats);
    D->notes = kr_xcalloc(D->rf->obs.n ? D->rf->obs.n : 1, sizeof *D->notes);
    D->n_notes = D->rf->obs.n;
    for (size_t i = 0; i < D->n_notes; i++)
        D->notes[i] = i;
    qsort(D->notes, D->n_notes, sizeof *D->notes, note_cmp);
    D->pats = kr_xcalloc(r->n_patterns ? r->n_patterns : 1, sizeof *D->pats);
    D->apats = kr_xcalloc(r->n_patterns ? r->n_patterns : 1, sizeof *D->apats);
    D->n_pats = 0;
    for (int c = KR_CORNER_LEERLING; c <= KR_CORNER_LEERINHOUD; c++)
        for (size_t p = 0; p < r->n_patterns; p++)
            if ((int)r->patterns[p].corner == c && !r->patterns[p].flagged)
                D->pats[D->n_pats++] = p;
    memcpy(D->apats, D->pats, D->n_pats * sizeof *D->pats);
    D->n_apats = D->n_pats;
    qsort(D->apats, D->n_apats, sizeof *D->apats, apat_cmp);
    size_t n[ST_COUNT] = {D->n_notes, D->n_pats, D->n_apats, 1, dbf_toa_slides(D) + D->steps.n};
    for (int s = 0; s < ST_COUNT; s++)
        if (D->sel[s] >= n[s])
            D->sel[s] = n[s] ? n[s] - 1 : 0;
}

static void enter(struct ui *ui)
{
    kr_le_init(&D->ed);
    D->ed.max_len = 4000;
    if (keep.back) { /* back from the steps screen: where the group was */
        D->step = keep.step;
        memcpy(D->sel, keep.sel, sizeof D->sel);
        D->projector = keep.projector;
    }
    keep.back = false;
    load_lists(ui);
    load(ui, false); /* the reflection screen below just computed it */
}

static void leave(struct ui *ui)
{
    (void)ui;
    keep.step = D->step;
    memcpy(keep.sel, D->sel, sizeof keep.sel);
    keep.projector = D->projector;
    free(D->notes);
    free(D->pats);
    free(D->apats);
    for (int p = 0; p < KR_PHASE_COUNT; p++)
        free(D->phase[p]);
    kr_next_step_list_fini(&D->steps);
    kr_toa_list_fini(&D->toas);
    kr_le_fini(&D->ed);
    memset(D, 0, sizeof *D);
}

/* ---- actions ---- */

/* After a change: recompute, and keep the cursor on the note (screening) or on the pattern
 * that holds note_id (a confirmed pattern gets the id of a group pattern). */
static void reload_on(struct ui *ui, const char *note_id)
{
    load(ui, true);
    if (!note_id)
        return;
    for (size_t i = 0; i < D->n_notes; i++)
        if (strcmp(D->rf->obs.items[D->notes[i]].id, note_id) == 0)
            D->sel[ST_SCREENING] = i;
    for (size_t i = 0; i < D->rf->obs.n; i++) {
        if (strcmp(D->rf->obs.items[i].id, note_id) != 0)
            continue;
        size_t p = D->rf->result.pattern_of[i];
        for (size_t k = 0; k < D->n_pats; k++)
            if (D->pats[k] == p)
                D->sel[ST_BESCHRIJVEN] = k;
        for (size_t k = 0; k < D->n_apats; k++)
            if (D->apats[k] == p)
                D->sel[ST_ANALYSEREN] = k;
    }
}

static void set_aside(struct ui *ui)
{
    const struct kr_observation *o = dbf_cur_note(D);
    if (!o)
        return;
    bool apart = o->keep_reason && strcmp(o->keep_reason, KR_REFLECTION_APART) == 0;
    char *id = kr_xstrdup(o->id);
    struct kr_error err = {0};
    if (kr_app_note_keep(ui->app, id, apart ? NULL : KR_REFLECTION_APART, &err) != KR_OK)
        ui_store_error(ui, "Apart leggen lukte niet", &err);
    else
        ui_message(ui, UI_OK,
                   apart ? "Notitie telt weer mee in de patronen."
                         : "Notitie apart gelegd: ze telt niet mee in de patronen.");
    reload_on(ui, id);
    free(id);
}

/* ← → in analyseren: the extent one word down or up, confirmed by the group at once;
 * Enter confirms what is shown; Backspace goes back to kijkronde's proposal. */
static void set_extent(struct ui *ui, int step, bool forget)
{
    size_t p = dbf_cur_pattern(D, ST_ANALYSEREN);
    if (p == SIZE_MAX)
        return;
    const struct kr_pattern *pt = &D->rf->result.patterns[p];
    int e = 0;
    for (int k = 0; k < 4; k++)
        if (pt->extent && strcmp(pt->extent, kr_reflection_extents[k]) == 0)
            e = k;
    e += step;
    if (e < 0 || e > 3) {
        ui_message(ui, UI_NORMAL,
                   e < 0 ? "Minder dan 'enkele' gaat niet." : "Meer dan 'de meeste' gaat niet.");
        return;
    }
    const char *word = forget ? NULL : kr_reflection_extents[e];
    char *note = pt->n_notes ? kr_xstrdup(D->rf->obs.items[pt->notes[0]].id) : NULL;
    struct kr_error err = {0};
    if (kr_app_pattern_extent(ui->app, D->rf, p, word, &err) != KR_OK)
        ui_store_error(ui, "De omvang bewaren lukte niet", &err);
    else if (word)
        ui_message(ui, UI_OK, "Omvang: %s (door de groep).", word);
    else
        ui_message(ui, UI_OK, "Terug naar het voorstel van kijkronde.");
    reload_on(ui, note);
    free(note);
}

/* o: on to the next note the checker flags (and nobody kept or set aside yet). */
static void next_judging(struct ui *ui)
{
    for (size_t d = 1; d <= D->n_notes; d++) {
        size_t i = (D->sel[ST_SCREENING] + d) % D->n_notes;
        const struct kr_observation *o = &D->rf->obs.items[D->notes[i]];
        if (D->rf->flagged[D->notes[i]] && !o->keep_reason) {
            D->sel[ST_SCREENING] = i;
            return;
        }
    }
    ui_message(ui, UI_OK, "Geen notities meer met een oordeel: door naar beschrijven (Tab).");
}

void ui_debrief_open_editor(struct ui *ui)
{
    if (D->step == ST_SCREENING) {
        const struct kr_observation *o = dbf_cur_note(D);
        if (!o)
            return;
        kr_le_set(&D->ed, o->text);
        D->mode = M_EDIT_NOTE;
        return;
    }
    int ph = dbf_step_phase(D->step);
    if (ph < 0) {
        ui_message(ui, UI_ERROR, "Hier schrijf je in de stappen zelf: Enter.");
        return;
    }
    kr_le_set(&D->ed, D->phase[ph] ? D->phase[ph] : "");
    D->mode = M_EDIT_PHASE;
}

static void save_editor(struct ui *ui)
{
    struct kr_error err = {0};
    if (D->mode == M_EDIT_NOTE) {
        const struct kr_observation *o = dbf_cur_note(D);
        char *text = ui_trimmed(D->ed.text);
        if (!text) {
            ui_message(ui, UI_ERROR, "Een notitie heeft tekst nodig (leg haar anders apart: a).");
            return;
        }
        char *id = kr_xstrdup(o->id);
        D->mode = M_BROWSE;
        if (ui_note_edit(ui, o, text)) /* drops the reflection: o is gone after this */
            reload_on(ui, id);
        free(text);
        free(id);
        return;
    }
    int ph = dbf_step_phase(D->step);
    if (kr_app_phase_put(ui->app, ui->session.id, (enum kr_phase)ph, D->ed.text, &err) != KR_OK) {
        ui_store_error(ui, "Bewaren lukte niet", &err);
        return;
    }
    ui_message(ui, UI_OK, "Bewaard.");
    D->mode = M_BROWSE;
    load_lists(ui);
}

static void open_steps(struct ui *ui)
{
    keep.back = true;
    ui_push(ui, &ui_screen_steps);
}

void ui_debrief_go_step(int d)
{
    D->step = (enum dbf_step)(((int)D->step + d + ST_COUNT) % ST_COUNT);
}

/* On the projector → goes on to the next item, and from the last to the next step. */
static void slide(int d)
{
    size_t n = dbf_n_slides(D, D->step), *i = &D->sel[D->step];
    if (d > 0 && *i + 1 < n) {
        (*i)++;
    } else if (d < 0 && *i > 0) {
        (*i)--;
    } else if (d > 0 && D->step + 1 < ST_COUNT) {
        ui_debrief_go_step(1);
        D->sel[D->step] = 0;
    } else if (d < 0 && D->step > 0) {
        ui_debrief_go_step(-1);
        size_t m = dbf_n_slides(D, D->step);
        D->sel[D->step] = m ? m - 1 : 0;
    }
}

static void key_editing(struct ui *ui, int k)
{
    if (k == UI_ESC) {
        D->mode = M_BROWSE;
        ui_message(ui, UI_NORMAL, "Niets veranderd.");
        return;
    }
    if (k == UI_ENTER || k == UI_CTRL('s')) {
        save_editor(ui);
        return;
    }
    ui_le_feed(&D->ed, k);
}

static void key(struct ui *ui, int k)
{
    if (D->mode != M_BROWSE) {
        key_editing(ui, k);
        return;
    }
    /* Tab, p, q, Esc and w are bindings (debrief_keys.c) */
    size_t n = dbf_n_slides(D, D->step), *sel = &D->sel[D->step];
    if (D->projector) {
        switch (k) {
        case UI_FN(KEY_RIGHT):
        case UI_FN(KEY_DOWN):
        case UI_FN(KEY_NPAGE):
        case ' ':
        case 'l':
        case 'j':
            slide(1);
            return;
        case UI_FN(KEY_LEFT):
        case UI_FN(KEY_UP):
        case UI_FN(KEY_PPAGE):
        case 'h':
        case 'k':
            slide(-1);
            return;
        default:
            return;
        }
    }
    switch (k) {
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
        D->step = (enum dbf_step)(k - '1');
        return;
    case UI_FN(KEY_UP):
    case 'k':
        if (*sel > 0)
            (*sel)--;
        return;
    case UI_FN(KEY_DOWN):
    case 'j':
        if (*sel + 1 < n)
            (*sel)++;
        return;
    default:
        break;
    }
    switch (D->step) {
    case ST_SCREENING:
        if (k == UI_FN(KEY_RIGHT) && *sel + 1 < n)
            (*sel)++;
        else if (k == UI_FN(KEY_LEFT) && *sel > 0)
            (*sel)--;
        else if (k == 'e' || k == UI_ENTER)
            ui_debrief_open_editor(ui);
        else if (k == 'a')
            set_aside(ui);
        else if (k == 'o')
            next_judging(ui);
        else if (k == 'u' || k == UI_CTRL('z')) {
            char *id = dbf_cur_note(D) ? kr_xstrdup(dbf_cur_note(D)->id) : NULL;
            if (ui_undo_last(ui))
                reload_on(ui, id);
            free(id);
        } else if (k == 'h' && dbf_cur_note(D)) {
            char *id = kr_xstrdup(dbf_cur_note(D)->id);
            if (ui_note_keep(ui, dbf_cur_note(D)))
                reload_on(ui, id);
            free(id);
        } else if (k == UI_FN(KEY_NPAGE) || k == UI_FN(KEY_PPAGE)) {
            /* the first note of the next (or this, then the previous) visit */
            const struct kr_observation *o = dbf_cur_note(D);
            if (!o)
                return;
            size_t v = dbf_visit_rank(D, o->visit_id);
            bool fwd = k == UI_FN(KEY_NPAGE);
            for (size_t i = 0; i < D->n_notes; i++) {
                size_t vi = dbf_visit_rank(D, D->rf->obs.items[D->notes[i]].visit_id);
                if ((fwd && vi > v) || (!fwd && vi + 1 == v)) {
                    *sel = i;
                    return;
                }
            }
        }
        return;
    case ST_ANALYSEREN:
        if (k == UI_FN(KEY_RIGHT) || k == '+')
            set_extent(ui, 1, false);
        else if (k == UI_FN(KEY_LEFT) || k == '-')
            set_extent(ui, -1, false);
        else if (k == UI_ENTER)
            set_extent(ui, 0, false);
        else if (k == UI_FN(KEY_BACKSPACE) || k == 0x7f || k == '0')
            set_extent(ui, 0, true);
        return;
    case ST_VOORSPELLEN:
        if (k == UI_ENTER)
            ui_debrief_open_editor(ui);
        return;
    case ST_VOLGENDE:
        if (k == UI_ENTER || k == 'v')
            open_steps(ui);
        return;
    default:
        return;
    }
}

static void paste(struct ui *ui, const char *text, size_t len)
{
    (void)ui;
    if (D->mode != M_BROWSE)
        kr_le_insert(&D->ed, text, len);
}

static bool typing(struct ui *ui)
{
    (void)ui;
    return D->mode != M_BROWSE;
}

static const char *text_field(struct ui *ui)
{
    (void)ui;
    return D->mode == M_EDIT_NOTE ? "de notitie" : D->mode == M_EDIT_PHASE ? "de tekst" : NULL;
}

const struct ui_screen ui_screen_debrief = {
    .title = "nabespreking",
    .bindings = ui_debrief_bindings,
    .enter = enter,
    .leave = leave,
    .draw = ui_debrief_draw,
    .key = key,
    .paste = paste,
    .takes_keys = typing,
    .typing = typing,
    .text_field = text_field,
};
