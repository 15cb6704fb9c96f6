/* SPDX-License-Identifier: MIT */
/*
 * The drawing of the next-steps screen (screen_steps.c has the state and the keys): the two
 * tabs, the steps with actor, horizon and evidence, the step form, the evidence pick list,
 * each groepje's theory of action with the chosen one marked, and its form with the
 * kijkvraag linter's hint on the learners' clause.
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/check.h"
#include "kijkronde/kijkvraag.h"
#include "kijkronde/mem.h"
#include "kijkronde/names.h"
#include "kijkronde/reflection.h"
#include "steps.h"
#include "ui_internal.h"

static struct ui_steps *const S = &ui_steps_state;

static const char *const view_names[V_COUNT] = {"Volgende stappen", "Theory of action per groepje"};
static const char *const toa_labels[TOA_FIELDS] = {"Groepje", "Als de schoolleiding",
                                                   "dan kunnen leraren", "waardoor leerlingen"};

/* What an evidence id stands for: "patroon: <label>", "notitie: <text>", or the id. */
static void evidence_label(const char *id, char *out, size_t size)
{
    if (S->rf_loaded) {
        for (size_t p = 0; p < S->rf->result.n_patterns; p++)
            if (strcmp(S->rf->result.patterns[p].id, id) == 0) {
                snprintf(out, size, "patroon: %s", S->rf->result.patterns[p].label);
                return;
            }
        for (size_t i = 0; i < S->rf->obs.n; i++)
            if (strcmp(S->rf->obs.items[i].id, id) == 0) {
                snprintf(out, size, "notitie: %s",
                         S->rf->obs.items[i].text ? S->rf->obs.items[i].text : "");
                return;
            }
    }
    snprintf(out, size, "%s", id);
}

static int draw_tabs(struct ui *ui, int y)
{
    int x = 2;
    for (int v = 0; v < V_COUNT; v++)
        x += ui_putf(ui, y, x, ui->cols - x - 1, v == (int)S->view ? UI_SELECT : UI_DIM, " %s ",
                     view_names[v]) +
             1;
    return y + 2;
}

/* Scroll so the selection stays in rows [0, avail). */
static void keep_visible(size_t sel, size_t *top, size_t avail)
{
    if (avail == 0)
        return;
    if (sel < *top)
        *top = sel;
    if (sel >= *top + avail)
        *top = sel - avail + 1;
}

static void draw_steps(struct ui *ui, int y)
{
    int w = ui->cols - 4, bottom = ui->rows - 4;
    if (S->steps.n == 0) {
        ui_put(ui, y, 2, w, UI_DIM, "Nog geen volgende stappen. Druk n voor een nieuwe stap.");
        return;
    }
    size_t avail = (size_t)(bottom - y);
    keep_visible(S->sel[V_STEPS], &S->top[V_STEPS], avail);
    int mw = 0; /* the who/when column lines up */
    for (size_t i = 0; i < S->steps.n; i++) {
        const struct kr_next_step *s = &S->steps.items[i];
        char meta[96];
        int n = snprintf(meta, sizeof meta, "%s · %s · %zu bewijs", kr_actor_title(s->actor),
                         kr_horizon_title(s->horizon), s->n_evidence);
        int cols = n - 2; /* each "·" is two bytes and one column */
        mw = cols > mw ? cols : mw;
    }
    if (mw > w / 2)
        mw = w / 2;
    for (size_t i = S->top[V_STEPS]; i < S->steps.n && y < bottom; i++, y++) {
        const struct kr_next_step *s = &S->steps.items[i];
        bool on = i == S->sel[V_STEPS];
        enum ui_attr a = on ? UI_SELECT : UI_NORMAL;
        if (on)
            ui_fill(ui, y, 1, UI_SELECT);
        char meta[96];
        snprintf(meta, sizeof meta, "%s · %s · %zu bewijs", kr_actor_title(s->actor),
                 kr_horizon_title(s->horizon), s->n_evidence);
        int tw = w - mw - 6;
        ui_putf(ui, y, 2, 4, a, "%zu.", i + 1);
        ui_put(ui, y, 6, tw, a, s->text ? s->text : "");
        ui_put(ui, y, ui->cols - 2 - mw, mw + 1, on ? a : UI_DIM, meta);
    }
    /* the selected step whole, under the list */
    const struct kr_next_step *s = steps_cur_step(S);
    if (!s || y + 1 >= ui->rows - 3)
        return;
    y++;
    y += ui_put_wrapped(ui, y, 2, w, 2, UI_DIM, s->text ? s->text : "", NULL, 0, UI_DIM);
    for (size_t e = 0; e < s->n_evidence && y < ui->rows - 3; e++, y++) {
        char line[512];
        evidence_label(s->evidence[e], line, sizeof line);
        ui_putf(ui, y, 2, w, UI_DIM, "%s %s", e == 0 ? "Bewijs:" : "       ", line);
    }
}

static void draw_step_form(struct ui *ui, int y)
{
    int w = ui->cols - 4;
    ui_put(ui, y++, 2, w, UI_HEAD, S->edit_id ? "Stap wijzigen" : "Nieuwe stap");
    y++;
    ui_put(ui, y++, 2, w, S->field == 0 ? UI_SELECT : UI_HEAD, "Wat gebeurt er:");
    y += ui_draw_field(ui, y, 2, w, 3, &S->text, S->field == 0, NULL, 0);
    y++;
    ui_putf(ui, y++, 2, w, S->field == 1 ? UI_SELECT : UI_NORMAL, "Wie:       ‹ %s ›",
            kr_actor_title(S->actor));
    ui_putf(ui, y++, 2, w, S->field == 2 ? UI_SELECT : UI_NORMAL, "Wanneer:   ‹ %s ›",
            kr_horizon_title(S->horizon));
    y++;
    if (y < ui->rows - 3)
        ui_put(ui, y, 2, w, UI_DIM, "↑↓ veld · ← → kiezen · Enter bewaren · Esc annuleren");
}

static void draw_evidence(struct ui *ui, int y)
{
    int w = ui->cols - 4, bottom = ui->rows - 4;
    const struct kr_next_step *s = steps_cur_step(S);
    ui_putf(ui, y++, 2, w, UI_HEAD, "Bewijs voor: %s", s && s->text ? s->text : "");
    if (S->n_pats == 0) {
        ui_put(ui, y + 1, 2, w, UI_DIM, "Deze bijeenkomst heeft nog geen patronen.");
        return;
    }
    keep_visible(S->pick, &S->pick_top, (size_t)(bottom - y));
    for (size_t i = S->pick_top; i < S->n_pats && y < bottom; i++, y++) {
        const struct kr_pattern *p = &S->rf->result.patterns[S->pats[i]];
        bool on = i == S->pick;
        enum ui_attr a = on ? UI_SELECT : UI_NORMAL;
        if (on)
            ui_fill(ui, y, 1, UI_SELECT);
        int x = 2 + ui_putf(ui, y, 2, 16, a, "%s %-10s", S->marked[i] ? "[x]" : "[ ]",
                            kr_corner_str(p->corner));
        ui_put(ui, y, x + 1, w - x, a, p->label ? p->label : "");
    }
    const struct kr_pattern *p =
        S->pick < S->n_pats ? &S->rf->result.patterns[S->pats[S->pick]] : NULL;
    if (p && p->statement && y < ui->rows - 3)
        ui_putf(ui, ui->rows - 4, 2, w, UI_DIM, "Zin: %s", p->statement);
}

/* "Als de schoolleiding A, dan kunnen leraren B, waardoor leerlingen C." */
static void toa_sentence(const struct kr_toa_version *v, char *out, size_t size)
{
    snprintf(out, size, "Als de schoolleiding %s, dan kunnen leraren %s, waardoor leerlingen %s",
             v->schoolleiding ? v->schoolleiding : "…", v->leraren ? v->leraren : "…",
             v->leerlingen ? v->leerlingen : "…");
}

static void draw_toas(struct ui *ui, int y)
{
    int w = ui->cols - 4, bottom = ui->rows - 4;
    if (S->toas.n == 0) {
        ui_put(ui, y, 2, w, UI_DIM, "Nog geen theory of action. Druk n voor een groepje.");
        return;
    }
    /* four rows a version: the groepje, then its three clauses, each on one row */
    size_t avail = (size_t)(bottom - y) / 4;
    keep_visible(S->sel[V_TOA], &S->top[V_TOA], avail ? avail : 1);
    for (size_t i = S->top[V_TOA]; i < S->toas.n && y + 3 < bottom; i++, y += 4) {
        const struct kr_toa_version *v = &S->toas.items[i];
        bool on = i == S->sel[V_TOA];
        enum ui_attr a = on ? UI_SELECT : UI_NORMAL;
        for (int r = 0; on && r < 4; r++)
            ui_fill(ui, y + r, 1, UI_SELECT);
        int x = 2 + ui_put(ui, y, 2, w / 2, on ? a : UI_HEAD,
                           v->group && *v->group ? v->group : "(zonder groepje)");
        if (v->chosen)
            ui_put(ui, y, x + 1, w - x, on ? a : UI_OK, "· gekozen");
        const char *clause[3] = {v->schoolleiding, v->leraren, v->leerlingen};
        for (int c = 0; c < 3; c++)
            ui_putf(ui, y + 1 + c, 4, w - 2, a, "%s %s", toa_labels[c + 1],
                    clause[c] && *clause[c] ? clause[c] : "…");
    }
    const struct kr_toa_version *v = steps_cur_toa(S);
    if (v && y + 4 < ui->rows - 3) { /* the selected one as one sentence, where it fits */
        char line[1024];
        toa_sentence(v, line, sizeof line);
        ui_put_wrapped(ui, y + 1, 2, w, ui->rows - 4 - y, UI_DIM, line, NULL, 0, UI_DIM);
    }
}

/* The first kijkvraag finding on the learners' clause, or NULL. */
static const char *lint_hint(const struct kr_lineedit *le)
{
    if (!S->linter && !S->linter_failed && kr_linter_new(&S->linter, NULL) != KR_OK)
        S->linter_failed = true;
    if (!S->linter || kr_le_blank(le))
        return NULL;
    char *q = kr_xasprintf("Leerlingen %s", le->text);
    size_t n = kr_lint(S->linter, q, strlen(q), &S->lint);
    free(q);
    return n ? S->lint.items[0].hint : NULL;
}

static void draw_toa_form(struct ui *ui, int y)
{
    int w = ui->cols - 4;
    ui_put(ui, y++, 2, w, UI_HEAD, "Nieuwe theory of action");
    for (int i = 0; i < TOA_FIELDS && y < ui->rows - 3; i++) {
        bool on = i == S->toa_field;
        ui_put(ui, y++, 2, w, on ? UI_SELECT : UI_HEAD, toa_labels[i]);
        y += ui_draw_field(ui, y, 4, w - 2, i == 0 ? 1 : 2, &S->toa[i], on, NULL, 0);
        if (i == 3 && on && y < ui->rows - 3) {
            const char *h = lint_hint(&S->toa[3]);
            char *hint = h ? kr_xasprintf("Tip: %s", h) : NULL;
            if (hint)
                y += ui_put_wrapped(ui, y, 4, w - 2, 2, UI_HINT, hint, NULL, 0, UI_HINT);
            free(hint);
        }
    }
}

void ui_steps_draw(struct ui *ui)
{
    int y = draw_tabs(ui, 2);
    switch (S->mode) {
    case M_STEP_FORM:
        draw_step_form(ui, y);
        return;
    case M_EVIDENCE:
        draw_evidence(ui, y);
        return;
    case M_TOA_FORM:
        draw_toa_form(ui, y);
        return;
    default:
        break;
    }
    if (S->view == V_STEPS)
        draw_steps(ui, y);
    else
        draw_toas(ui, y);
}
