/* SPDX-License-Identifier: MIT */
/*
 * The drawing of the reflection (screen_reflect.c has the state and the decisions): the
 * three tabs, the driehoek with the count at each corner, the patterns of the current
 * corner with the notes of the open one, the debrief's phases and theory of action, and
 * the calibration.
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/check.h"
#include "kijkronde/clock.h"
#include "kijkronde/mem.h"
#include "kijkronde/names.h"
#include "kijkronde/plural.h"
#include "kijkronde/reflection.h"
#include "reflect.h"
#include "ui_internal.h"

static struct ui_reflect *const S = &ui_reflect_state;

static const char *const view_names[V_COUNT] = {"Patronen", "Nabespreking", "Kalibratie"};
static const char *const toa_titles[4] = {"Als de schoolleiding", "dan kunnen leraren",
                                          "waardoor leerlingen", "waar te zien aan"};

static const char *visit_label(size_t note)
{
    size_t v = kr_reflection_visit(S->rf, S->rf->obs.items[note].visit_id);
    return v == SIZE_MAX ? "?" : S->rf->visits.items[v].label;
}

/* The driehoek with the count at each corner; the current corner stands out. */
static int draw_triangle(struct ui *ui, int y)
{
    const size_t *n = S->rf->result.count;
    int mid = ui->cols / 2;
    char top[64], left[64], right[64];
    snprintf(top, sizeof top, " Leerinhoud %zu ", n[KR_CORNER_LEERINHOUD]);
    snprintf(left, sizeof left, " Leerling %zu ", n[KR_CORNER_LEERLING]);
    snprintf(right, sizeof right, " Leraar %zu ", n[KR_CORNER_LERAAR]);
    if (S->rf->too_many) { /* not counted: nothing was read (src/reflection, too_many) */
        snprintf(top, sizeof top, " Leerinhoud ? ");
        snprintf(left, sizeof left, " Leerling ? ");
        snprintf(right, sizeof right, " Leraar ? ");
    }
    enum kr_corner c = S->view == V_PATTERNS ? S->corner : KR_CORNER_NONE;
    ui_put(ui, y, mid - (int)strlen(top) / 2, ui->cols / 2,
           c == KR_CORNER_LEERINHOUD ? UI_SELECT : UI_LEERINHOUD, top);
    ui_put(ui, y + 1, mid - 2, 4, UI_DIM, "/  \\");
    int lx = mid - 4 - (int)strlen(left);
    ui_put(ui, y + 2, lx > 0 ? lx : 0, (int)strlen(left),
           c == KR_CORNER_LEERLING ? UI_SELECT : UI_LEERLING, left);
    ui_put(ui, y + 2, mid - 3, 6, UI_DIM, "/____\\");
    ui_put(ui, y + 2, mid + 4, ui->cols - mid - 5, c == KR_CORNER_LERAAR ? UI_SELECT : UI_LERAAR,
           right);
    if (S->turn && S->turn <= S->tweetallen.n)
        ui_putf(ui, y, 2, mid - 12 > 0 ? mid - 12 : 0, UI_HEAD, "Aan de beurt: %s",
                S->tweetallen.items[S->turn - 1].name);
    /* the views as tabs */
    int x = 2;
    for (int v = 0; v < V_COUNT; v++)
        x += ui_putf(ui, y + 3, x, ui->cols - x - 1, v == (int)S->view ? UI_SELECT : UI_DIM, " %s ",
                     view_names[v]) +
             1;
    return y + 4;
}

static void draw_patterns(struct ui *ui, int y)
{
    int bottom = ui->rows - 3;
    if (S->mode == M_RENAME || S->mode == M_SPLIT_NAME)
        bottom--; /* the editor takes the last row */
    if (S->n_rows == 0 && S->rf->too_many) {
        ui_putf(ui, y + 1, 2, ui->cols - 4, UI_NORMAL,
                "%ld notities: te veel om patronen te zoeken (tot %d).",
                S->rf->session.n_observations, KR_PATTERNS_MAX_NOTES);
        ui_put(ui, y + 2, 2, ui->cols - 4, UI_NORMAL,
               "Splits de bijeenkomst, bijvoorbeeld per dag of per school.");
        return;
    }
    if (S->n_rows == 0) {
        ui_put(ui, y + 1, 2, ui->cols - 4, UI_NORMAL, "Geen notities in deze hoek.");
        return;
    }
    /* The selected pattern's statement (the sentence a group reads aloud) on the last row
       of the list, when the list has room for it. */
    const struct kr_pattern *selp =
        S->sel < S->n_rows ? &S->rf->result.patterns[S->rows[S->sel].pattern] : NULL;
    if (selp && selp->statement && (int)S->n_rows < bottom - y && S->mode != M_RENAME &&
        S->mode != M_SPLIT_NAME) {
        ui_putf(ui, bottom, 2, ui->cols - 4, UI_DIM, "Zin: %s", selp->statement);
        bottom -= 2;
    }
    int avail = bottom - y + 1;
    if (avail < 1)
        return;
    if (S->sel < S->top)
        S->top = S->sel;
    if (S->sel >= S->top + (size_t)avail)
        S->top = S->sel - (size_t)avail + 1;
    for (size_t i = S->top; i < S->n_rows && y <= bottom; i++, y++) {
        const struct reflect_row *rw = &S->rows[i];
        const struct kr_pattern *p = &S->rf->result.patterns[rw->pattern];
        enum ui_attr a = i == S->sel ? UI_SELECT : UI_NORMAL;
        if (i == S->sel)
            ui_fill(ui, y, 1, UI_SELECT);
        if (rw->note == SIZE_MAX) {
            bool open = S->open_id && strcmp(S->open_id, p->id) == 0;
            bool picking = (S->mode == M_PICK_MOVE || S->mode == M_PICK_MERGE) &&
                           rw->pattern == S->src_pattern;
            int x = 2;
            x += ui_put(ui, y, x, 2, a, open ? "▾" : "▸") + 1;
            /* The judging notes are no finding: they are there to be rewritten. */
            x += ui_put(ui, y, x, ui->cols / 2, p->flagged ? UI_JUDGE : a,
                        p->flagged ? "Eerst herschrijven" : p->label);
            if (p->flagged)
                ui_putf(ui, y, x + 1, ui->cols - x - 2, i == S->sel ? a : UI_DIM,
                        "(%zu %s met een oordeel)", p->n_notes,
                        kr_plural((long long)p->n_notes, "notitie", "notities"));
            else
                ui_putf(ui, y, x + 1, ui->cols - x - 2, i == S->sel ? a : UI_DIM,
                        "(%zu · %zu %s · %s%s%s)", p->n_notes, p->n_visits,
                        kr_plural((long long)p->n_visits, "bezoek", "bezoeken"),
                        p->extent ? p->extent : "", p->group ? " · van de groep" : "",
                        picking ? " · bron" : "");
        } else {
            const struct kr_observation *o = &S->rf->obs.items[rw->note];
            char hhmm[6];
            kr_clock_hhmm(o->at ? o->at : "", hhmm);
            bool autoc = S->rf->result.auto_placed[rw->note];
            ui_putf(ui, y, 4, ui->cols - 5, a, "%s %s %-8.8s %s%s",
                    S->marked[rw->note] ? "[x]" : "[ ]", hhmm, visit_label(rw->note),
                    autoc ? "*" : "", o->text ? o->text : "");
        }
    }
}

static void draw_debrief(struct ui *ui, int y)
{
    int w = ui->cols - 4;
    for (int i = 0; i < N_ITEMS && y < ui->rows - 3; i++, y++) {
        const char *title =
            i < KR_PHASE_COUNT ? kr_phase_title((enum kr_phase)i) : toa_titles[i - KR_PHASE_COUNT];
        const char *text = i < KR_PHASE_COUNT        ? S->phase[i]
                           : i == KR_PHASE_COUNT     ? S->toa.schoolleiding
                           : i == KR_PHASE_COUNT + 1 ? S->toa.leraren
                           : i == KR_PHASE_COUNT + 2 ? S->toa.leerlingen
                                                     : S->toa.bewijs;
        if (i == KR_PHASE_COUNT)
            ui_put(ui, y++, 2, w, UI_HEAD, "Theory of action");
        enum ui_attr a = i == S->item ? UI_SELECT : UI_NORMAL;
        if (i == S->item)
            ui_fill(ui, y, 1, UI_SELECT);
        int x = 2 + ui_putf(ui, y, 2, 24, i == S->item ? a : UI_HEAD, "%s:", title) + 1;
        ui_put(ui, y, x, w - x + 2, text && *text ? a : UI_DIM,
               text && *text ? text : "(nog leeg)");
    }
    y++;
    if (S->item < KR_PHASE_COUNT && y < ui->rows - 3)
        y += ui_put_wrapped(ui, y, 2, w, 2, UI_DIM, kr_phase_question((enum kr_phase)S->item), NULL,
                            0, UI_DIM);
    if (S->mode != M_EDIT && y < ui->rows - 3)
        ui_put(ui, y++, 2, w, UI_DIM,
               "v: volgende stappen (wie, wanneer, bewijs) en theory of action per groepje");
    if (S->mode != M_EDIT || y >= ui->rows - 3)
        return;
    /* Beschrijven and the evidence of the theory of action are facts: the zonder-oordeel
     * check marks judging words there, as in the round. (Analysing and predicting interpret
     * on purpose.) */
    struct ui_span spans[UI_MAX_SPANS];
    size_t n_spans = 0;
    const char *hint = NULL;
    if (S->item == KR_PHASE_BESCHRIJVEN || S->item == KR_PHASE_COUNT + 3) {
        ui_check(ui, S->ed.text, S->ed.len, spans, &n_spans, &hint);
        if (hint && y < ui->rows - 4)
            ui_putf(ui, y++, 2, w, UI_HINT, "Tip: %s", hint);
    }
    ui_draw_field(ui, y, 2, w, ui->rows - 3 - y, &S->ed, true, spans, n_spans);
}

static void draw_calibration(struct ui *ui, int y)
{
    int w = ui->cols - 4;
    struct kr_calibration c;
    kr_reflection_calibration(S->rf, &c);
    if (c.compared == 0) {
        ui_put(ui, y, 2, w, UI_NORMAL,
               "De observatoren hebben zelf nog geen notities in een hoek geplaatst.");
        kr_calibration_fini(&c);
        return;
    }
    char kappa[16];
    snprintf(kappa, sizeof kappa, "%.2f", c.kappa);
    char *dot = strchr(kappa, '.');
    if (dot)
        *dot = ',';
    ui_putf(ui, y++, 2, w, UI_HEAD, "%zu van %zu eigen plaatsingen %s af · Cohens kappa %s",
            c.differ, c.compared, kr_plural((long long)c.differ, "wijkt", "wijken"), kappa);
    int room = ui->rows - 3 - y - (c.differ ? 2 : 0); /* the whole sentence where it fits */
    y += ui_put_wrapped(ui, y, 2, w, room < 2 ? 2 : room, UI_DIM, kr_calibration_explained(), NULL,
                        0, UI_DIM);
    for (size_t i = 0; i < c.differ && y < ui->rows - 3; i++, y++) {
        const struct kr_observation *o = &S->rf->obs.items[c.notes[i]];
        ui_putf(ui, y, 2, w, UI_NORMAL, "%s → %s: %s", kr_corner_str(o->corner),
                kr_corner_str(S->rf->result.corner[c.notes[i]]), o->text ? o->text : "");
    }
    kr_calibration_fini(&c);
}

void ui_reflect_draw(struct ui *ui)
{
    int y = draw_triangle(ui, 2);
    switch (S->view) {
    case V_PATTERNS:
        draw_patterns(ui, y);
        if (S->mode == M_RENAME || S->mode == M_SPLIT_NAME) {
            int ly = ui->rows - 3;
            int x = 2 + ui_put(ui, ly, 2, 20, UI_HEAD,
                               S->mode == M_RENAME ? "Nieuwe naam › " : "Naam van het deel › ");
            ui_draw_field(ui, ly, x, ui->cols - x - 2, 1, &S->ed, true, NULL, 0);
        }
        break;
    case V_DEBRIEF:
        draw_debrief(ui, y);
        break;
    default:
        draw_calibration(ui, y);
        break;
    }
}
