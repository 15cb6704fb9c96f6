/* SPDX-License-Identifier: MIT */
/*
 * The drawing of the debrief in steps (screen_debrief.c has the state and the keys): the
 * steps as tabs with the question of the current one, then screening (the note with the
 * checker's finding), beschrijven (statements per corner and the notes under the chosen
 * one), analyseren (proposed and confirmed extents, overeenkomsten before verschillen),
 * voorspellen and volgende stap; and, on p, the one item of the projector
 * (debrief_projector.c draws the driehoek around it).
 */
#include <stdlib.h>
#include <string.h>

#include "debrief.h"
#include "kijkronde/mem.h"
#include "kijkronde/plural.h"
#include "kijkronde/utf8.h"
#include "projector.h"

const char *const ui_debrief_step_names[ST_COUNT] = {"Screening", "Beschrijven", "Analyseren",
                                                     "Voorspellen", "Volgende stap"};
const char *const ui_debrief_step_questions[ST_COUNT] = {
    "Per tweetal, notitie voor notitie: is het specifiek en zonder oordeel?",
    "Wat zagen we? De patronen per hoek, met de notities waar ze op rusten.",
    "Hoe vaak kwam het voor? Overeenkomsten en verschillen tussen de bezoeken.",
    "Als je hier leerling was en alles deed wat gevraagd werd, wat zou je dan weten en kunnen?",
    "Wie doet wat, wanneer, en op welk bewijs? En welke theory of action kiest de school?",
};

static struct ui_debrief *const D = &ui_debrief_state;

static const char *visit_label(const char *visit_id)
{
    size_t v = kr_reflection_visit(D->rf, visit_id);
    return v == SIZE_MAX ? "?" : D->rf->visits.items[v].label;
}

static const char *visit_pair(const char *visit_id)
{
    size_t v = kr_reflection_visit(D->rf, visit_id);
    return v == SIZE_MAX || !D->rf->visits.items[v].tweetal_name
               ? ""
               : D->rf->visits.items[v].tweetal_name;
}

/* "Als de schoolleiding A, dan kunnen leraren B, waardoor leerlingen C." Heap. */
static char *toa_sentence(const struct kr_toa_version *v)
{
    return kr_xasprintf("Als de schoolleiding %s, dan kunnen leraren %s, waardoor leerlingen %s.",
                        v->schoolleiding ? v->schoolleiding : "…", v->leraren ? v->leraren : "…",
                        v->leerlingen ? v->leerlingen : "…");
}

/* "gezien in 3 van 5 bezoeken" into buf. */
static void seen_in(const struct kr_pattern *p, char *buf, size_t size)
{
    snprintf(buf, size, "gezien in %zu van %zu %s", p->n_visits, D->rf->visits.n,
             kr_plural((long long)D->rf->visits.n, "bezoek", "bezoeken"));
}

/* ---- drawing: the normal view ---- */

static int draw_tabs(struct ui *ui, int y)
{
    /* All names when they fit (75 columns), else only the current one's, the others by number. */
    int x = 1;
    bool all = ui->cols >= 78;
    for (int s = 0; s < ST_COUNT; s++) {
        bool cur = s == (int)D->step;
        x += ui_putf(ui, y, x, ui->cols - x - 1, cur ? UI_SELECT : UI_DIM, " %d%s%s ", s + 1,
                     all || cur ? " " : "", all || cur ? ui_debrief_step_names[s] : "") +
             1;
    }
    y++;
    y += ui_put_wrapped(ui, y, 1, ui->cols - 2, 2, UI_DIM, ui_debrief_step_questions[D->step], NULL,
                        0, UI_DIM);
    return y + 1;
}

/* The group's text of this step's phase, on the rows above the bottom (or the editor). */
static int draw_group_text(struct ui *ui, int bottom)
{
    int ph = dbf_step_phase(D->step);
    if (ph < 0)
        return bottom;
    int w = ui->cols - 4;
    if (D->mode == M_EDIT_PHASE) {
        ui_put(ui, bottom - 2, 2, w, UI_HEAD, "De groep schrijft:");
        ui_draw_field(ui, bottom - 1, 2, w, 2, &D->ed, true, NULL, 0);
        return bottom - 3;
    }
    const char *t = D->phase[ph];
    ui_putf(ui, bottom, 2, w, t ? UI_NORMAL : UI_DIM, "De groep: %s",
            t ? t : "(nog leeg: w om te schrijven)");
    return bottom - 1;
}

static void draw_screening(struct ui *ui, int y)
{
    int w = ui->cols - 4, bottom = ui->rows - 3;
    const struct kr_observation *o = dbf_cur_note(D);
    if (!o) {
        ui_put(ui, y, 2, w, UI_DIM, "Deze bijeenkomst heeft nog geen notities.");
        return;
    }
    size_t in_visit = 0, at = 0, visits = D->rf->visits.n, vi = dbf_visit_rank(D, o->visit_id) + 1;
    for (size_t i = 0; i < D->n_notes; i++)
        if (strcmp(D->rf->obs.items[D->notes[i]].visit_id, o->visit_id) == 0) {
            in_visit++;
            if (i <= D->sel[ST_SCREENING])
                at = in_visit;
        }
    const char *pair = visit_pair(o->visit_id);
    ui_putf(ui, y++, 2, w, UI_HEAD, "Bezoek %zu van %zu: %s%s%s · notitie %zu van %zu", vi, visits,
            visit_label(o->visit_id), *pair ? " · " : "", pair, at, in_visit);
    y++;
    struct ui_span spans[UI_MAX_SPANS];
    size_t n_spans = 0;
    const char *hint = NULL;
    if (D->mode == M_EDIT_NOTE) {
        ui_check(ui, D->ed.text, D->ed.len, spans, &n_spans, &hint);
        y += ui_draw_field(ui, y, 2, w, 4, &D->ed, true, spans, n_spans) + 1;
    } else {
        ui_check(ui, o->text, strlen(o->text), spans, &n_spans, &hint);
        y += ui_put_wrapped(ui, y, 2, w, 4, UI_NORMAL, o->text, spans, n_spans, UI_JUDGE) + 1;
    }
    if (hint) {
        char *tip = kr_xasprintf("Checker: %s", hint);
        y += ui_put_wrapped(ui, y, 2, w, 3, UI_HINT, tip, NULL, 0, UI_HINT);
        free(tip);
    } else
        ui_put(ui, y++, 2, w, UI_OK, "Specifiek en zonder oordeel: de checker vindt niets.");
    bool apart = o->keep_reason && strcmp(o->keep_reason, KR_REFLECTION_APART) == 0;
    if (apart)
        ui_put(ui, y++, 2, w, UI_DIM, "Apart gelegd: telt niet mee in de patronen (a: terug).");
    else if (o->keep_reason)
        ui_putf(ui, y++, 2, w, UI_DIM, "Gehouden: %s.", o->keep_reason);
    size_t judging = 0, aside = 0;
    for (size_t i = 0; i < D->rf->obs.n; i++) {
        const struct kr_observation *n = &D->rf->obs.items[i];
        bool ap = n->keep_reason && strcmp(n->keep_reason, KR_REFLECTION_APART) == 0;
        aside += ap;
        judging += D->rf->flagged[i] && !ap && !n->keep_reason;
    }
    if (y < bottom)
        ui_putf(ui, bottom, 2, w, UI_DIM,
                "In deze bijeenkomst: %zu %s met een oordeel, %zu apart gelegd.", judging,
                kr_plural((long long)judging, "notitie", "notities"), aside);
}

static void draw_pattern_list(struct ui *ui, int y, int bottom, enum dbf_step st,
                              const size_t *pats, size_t n)
{
    int w = ui->cols - 4;
    if (n == 0) {
        ui_put(ui, y, 2, w, UI_DIM, "Nog geen patronen: eerst notities (en de screening).");
        return;
    }
    size_t *top = &D->top[st], sel = D->sel[st];
    /* rows per pattern: one; headings in between take one each */
    int avail = bottom - y - 1;
    if (avail < 1)
        avail = 1;
    if (sel < *top)
        *top = sel;
    if (sel >= *top + (size_t)avail / 2 + 1)
        *top = sel - (size_t)avail / 2;
    int last_head = -1;
    for (size_t i = *top; i < n && y < bottom; i++) {
        const struct kr_pattern *p = &D->rf->result.patterns[pats[i]];
        int head = st == ST_BESCHRIJVEN ? (int)p->corner : (int)p->kind;
        if (head != last_head) {
            const char *h = st == ST_BESCHRIJVEN ? kr_corner_str(p->corner)
                            : p->kind == KR_PATTERN_OVEREENKOMST
                                ? "Overeenkomsten (in meer bezoeken gezien)"
                                : "Verschillen (in één bezoek gezien)";
            ui_put(ui, y++, 2, w, st == ST_BESCHRIJVEN ? ui_corner_attr(p->corner) : UI_HEAD, h);
            last_head = head;
            if (y >= bottom)
                break;
        }
        bool on = i == sel;
        enum ui_attr a = on ? UI_SELECT : UI_NORMAL;
        if (on)
            ui_fill(ui, y, 1, UI_SELECT);
        if (st == ST_BESCHRIJVEN) {
            char right[48];
            snprintf(right, sizeof right, "%zu %s", p->n_notes,
                     kr_plural((long long)p->n_notes, "notitie", "notities"));
            int rw = (int)kr_utf8_width(right, strlen(right));
            ui_put(ui, y, 4, w - rw - 3, a, p->statement ? p->statement : p->label);
            ui_put(ui, y, ui->cols - 2 - rw, rw, on ? a : UI_DIM, right);
        } else {
            char right[96];
            size_t pi = pats[i];
            if (D->rf->confirmed[pi])
                snprintf(right, sizeof right, "%zu/%zu · groep: %s", p->n_visits, D->rf->visits.n,
                         p->extent ? p->extent : "-");
            else
                snprintf(right, sizeof right, "%zu/%zu · voorstel: %s", p->n_visits,
                         D->rf->visits.n, p->extent ? p->extent : "-");
            int rw = (int)kr_utf8_width(right, strlen(right));
            ui_put(ui, y, 4, w - rw - 3, a, p->statement ? p->statement : p->label);
            ui_put(ui, y, ui->cols - 2 - rw, rw,
                   on                     ? a
                   : D->rf->confirmed[pi] ? UI_OK
                                          : UI_DIM,
                   right);
        }
        y++;
    }
}

static void draw_beschrijven(struct ui *ui, int y)
{
    int w = ui->cols - 4;
    int bottom = draw_group_text(ui, ui->rows - 3);
    size_t p = dbf_cur_pattern(D, ST_BESCHRIJVEN);
    /* the evidence of the selected pattern under the list: up to a third of the rows */
    int ev_rows = 0;
    if (p != SIZE_MAX) {
        const struct kr_pattern *pt = &D->rf->result.patterns[p];
        ev_rows = (int)pt->n_notes + 1;
        if (ev_rows > (bottom - y) / 3 + 1)
            ev_rows = (bottom - y) / 3 + 1;
        int ey = bottom - ev_rows + 1;
        ui_putf(ui, ey++, 2, w, UI_HEAD, "Bewijs: %zu %s uit %zu %s", pt->n_notes,
                kr_plural((long long)pt->n_notes, "notitie", "notities"), pt->n_visits,
                kr_plural((long long)pt->n_visits, "bezoek", "bezoeken"));
        for (size_t k = 0; k < pt->n_notes && ey <= bottom; k++, ey++) {
            const struct kr_observation *o = &D->rf->obs.items[pt->notes[k]];
            if (ey == bottom && k + 1 < pt->n_notes) {
                ui_putf(ui, ey, 4, w - 2, UI_DIM, "… en nog %zu", pt->n_notes - k);
                break;
            }
            ui_putf(ui, ey, 4, w - 2, UI_DIM, "• %s: %s", visit_label(o->visit_id), o->text);
        }
    }
    draw_pattern_list(ui, y, bottom - ev_rows, ST_BESCHRIJVEN, D->pats, D->n_pats);
}

static void draw_analyseren(struct ui *ui, int y)
{
    int w = ui->cols - 4;
    int bottom = draw_group_text(ui, ui->rows - 3);
    size_t p = dbf_cur_pattern(D, ST_ANALYSEREN);
    if (p != SIZE_MAX) {
        const struct kr_pattern *pt = &D->rf->result.patterns[p];
        char seen[96];
        seen_in(pt, seen, sizeof seen);
        ui_putf(ui, bottom, 2, w, UI_NORMAL, "Omvang: %s%s (%s; voorstel: %s)",
                pt->extent ? pt->extent : "-", D->rf->confirmed[p] ? ", door de groep" : "", seen,
                D->rf->proposed[p] ? D->rf->proposed[p] : "-");
        bottom -= 2;
    }
    draw_pattern_list(ui, y, bottom, ST_ANALYSEREN, D->apats, D->n_apats);
}

static void draw_voorspellen(struct ui *ui, int y)
{
    int w = ui->cols - 4;
    if (D->mode == M_EDIT_PHASE) {
        ui_put(ui, y++, 2, w, UI_HEAD, "Het antwoord van de groep:");
        ui_draw_field(ui, y, 2, w, ui->rows - 3 - y, &D->ed, true, NULL, 0);
        return;
    }
    ui_put(ui, y++, 2, w, UI_HEAD, "Het antwoord van de groep:");
    const char *t = D->phase[KR_PHASE_VOORSPELLEN];
    ui_put_wrapped(ui, y, 2, w, ui->rows - 3 - y, t ? UI_NORMAL : UI_DIM,
                   t ? t : "(nog leeg: Enter of w om te schrijven)", NULL, 0, UI_NORMAL);
}

static void draw_volgende(struct ui *ui, int y)
{
    int w = ui->cols - 4, bottom = ui->rows - 3;
    const struct kr_toa_version *v = dbf_chosen_toa(D);
    ui_put(ui, y++, 2, w, UI_HEAD, "Theory of action van de school");
    if (v) {
        char *s = toa_sentence(v);
        y += ui_put_wrapped(ui, y, 4, w - 2, 3, UI_NORMAL, s, NULL, 0, UI_NORMAL);
        free(s);
    } else {
        ui_put(ui, y++, 4, w - 2, UI_DIM,
               D->toas.n ? "Nog geen gekozen: Enter, Tab, c op een versie."
                         : "Nog geen: Enter en dan Tab, n per groepje.");
    }
    y++;
    ui_putf(ui, y++, 2, w, UI_HEAD, "Volgende stappen (%zu)", D->steps.n);
    if (D->steps.n == 0)
        ui_put(ui, y++, 4, w - 2, UI_DIM, "Nog geen: Enter opent de stappen, n voor een nieuwe.");
    int mw = 0; /* who and when line up in one column */
    for (size_t i = 0; i < D->steps.n; i++) {
        char meta[96];
        snprintf(meta, sizeof meta, "%s · %s", kr_actor_title(D->steps.items[i].actor),
                 kr_horizon_title(D->steps.items[i].horizon));
        int n = (int)kr_utf8_width(meta, strlen(meta));
        mw = n > mw ? n : mw;
    }
    if (mw > w / 2)
        mw = w / 2;
    for (size_t i = 0; i < D->steps.n && y < bottom; i++, y++) {
        const struct kr_next_step *s = &D->steps.items[i];
        ui_putf(ui, y, 4, w - mw - 4, UI_NORMAL, "%zu. %s", i + 1, s->text ? s->text : "");
        ui_putf(ui, y, ui->cols - 2 - mw, mw, UI_DIM, "%s · %s", kr_actor_title(s->actor),
                kr_horizon_title(s->horizon));
    }
}

/* ---- the projector: one item a slide ---- */

static void draw_projector(struct ui *ui)
{
    struct ui_slide s = {.step = ui_debrief_step_names[D->step], .corner = KR_CORNER_NONE};
    for (int c = 0; c < KR_CORNER_COUNT; c++)
        s.at_corner[c] = D->rf->result.count[c];
    size_t n = dbf_n_slides(D, D->step), i = D->sel[D->step];
    s.count = n;
    s.index = i + 1;
    char l0[256] = "", l1[256] = "", l2[256] = "";
    char *own = NULL;
    switch (D->step) {
    case ST_SCREENING: {
        const struct kr_observation *o = dbf_cur_note(D);
        if (!o)
            break;
        s.text = o->text;
        const char *hint = NULL;
        ui_check(ui, o->text, strlen(o->text), NULL, NULL, &hint);
        snprintf(l0, sizeof l0, "%s", visit_label(o->visit_id));
        snprintf(l1, sizeof l1, "%s", hint ? hint : "Specifiek en zonder oordeel.");
        s.lines[0] = l0;
        s.lines[1] = l1;
        break;
    }
    case ST_BESCHRIJVEN:
    case ST_ANALYSEREN: {
        size_t p = dbf_cur_pattern(D, D->step);
        if (p == SIZE_MAX)
            break;
        const struct kr_pattern *pt = &D->rf->result.patterns[p];
        s.text = pt->statement ? pt->statement : pt->label;
        s.corner = pt->corner;
        seen_in(pt, l1, sizeof l1);
        if (D->step == ST_ANALYSEREN) {
            snprintf(l0, sizeof l0, "Omvang: %s%s", pt->extent ? pt->extent : "-",
                     D->rf->confirmed[p] ? " (door de groep)" : " (voorstel)");
            snprintf(l2, sizeof l2, "%s",
                     pt->kind == KR_PATTERN_OVEREENKOMST ? "Overeenkomst" : "Verschil");
            s.lines[2] = l2;
        } else {
            snprintf(l0, sizeof l0, "%zu %s", pt->n_notes,
                     kr_plural((long long)pt->n_notes, "notitie", "notities"));
        }
        s.lines[0] = l0;
        s.lines[1] = l1;
        break;
    }
    case ST_VOORSPELLEN:
        s.text = ui_debrief_step_questions[ST_VOORSPELLEN];
        s.lines[0] = D->phase[KR_PHASE_VOORSPELLEN] ? D->phase[KR_PHASE_VOORSPELLEN]
                                                    : "(het antwoord van de groep)";
        break;
    default:
        if (i < dbf_toa_slides(D)) {
            const struct kr_toa_version *v = dbf_chosen_toa(D);
            static const char *const lead[3] = {"Als de schoolleiding", "dan kunnen leraren",
                                                "waardoor leerlingen"};
            const char *clause = !v       ? NULL
                                 : i == 0 ? v->schoolleiding
                                 : i == 1 ? v->leraren
                                          : v->leerlingen;
            if (v)
                s.text = own = kr_xasprintf("%s %s", lead[i], clause ? clause : "…");
            else
                s.text = "Nog geen gekozen theory of action.";
            s.corner = !v || i == 0 ? KR_CORNER_NONE
                       : i == 1     ? KR_CORNER_LERAAR
                                    : KR_CORNER_LEERLING;
            snprintf(l0, sizeof l0, "Theory of action van de school%s%s",
                     v && v->group ? " · " : "", v && v->group ? v->group : "");
            s.lines[0] = l0;
        } else if (i - dbf_toa_slides(D) < D->steps.n) {
            size_t k = i - dbf_toa_slides(D);
            const struct kr_next_step *st = &D->steps.items[k];
            s.text = st->text;
            snprintf(l0, sizeof l0, "Stap %zu van %zu: %s · %s", k + 1, D->steps.n,
                     kr_actor_title(st->actor), kr_horizon_title(st->horizon));
            s.lines[0] = l0;
        }
        break;
    }
    ui_projector_draw(ui, &s);
    free(own);
}

void ui_debrief_draw(struct ui *ui)
{
    if (D->projector) {
        draw_projector(ui);
        return;
    }
    int y = draw_tabs(ui, 1);
    switch (D->step) {
    case ST_SCREENING:
        draw_screening(ui, y);
        break;
    case ST_BESCHRIJVEN:
        draw_beschrijven(ui, y);
        break;
    case ST_ANALYSEREN:
        draw_analyseren(ui, y);
        break;
    case ST_VOORSPELLEN:
        draw_voorspellen(ui, y);
        break;
    default:
        draw_volgende(ui, y);
        break;
    }
}
