/* SPDX-License-Identifier: MIT */
/*
 * The debrief as steps on one screen (n in the reflection), the way a rounds debrief runs:
 * screening (each visit's notes one by one, the checker's findings shown, rewritten, kept
 * or set aside), beschrijven (the pattern statements per corner with their notes),
 * analyseren (the extent of each pattern, proposed from its visits and confirmed by the
 * group; overeenkomsten and verschillen), voorspellen (the prediction and the group's
 * answer) and volgende stap (the next steps and the chosen theory of action; Enter opens
 * the steps screen). p shows one item at a time on the projector (debrief_projector.c).
 * The patterns come from the shared reflection (ui_reflection): nothing is recomputed
 * unless a note or decision changed.
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "kijkronde/plural.h"
#include "kijkronde/reflection.h"
#include "kijkronde/utf8.h"
#include "projector.h"
#include "ui_internal.h"

enum step { ST_SCREENING, ST_BESCHRIJVEN, ST_ANALYSEREN, ST_VOORSPELLEN, ST_VOLGENDE, ST_COUNT };
static const char *const step_names[ST_COUNT] = {"Screening", "Beschrijven", "Analyseren",
                                                 "Voorspellen", "Volgende stap"};
static const char *const step_questions[ST_COUNT] = {
    "Per tweetal, notitie voor notitie: is het specifiek en zonder oordeel?",
    "Wat zagen we? De patronen per hoek, met de notities waar ze op rusten.",
    "Hoe vaak kwam het voor? Overeenkomsten en verschillen tussen de bezoeken.",
    "Als je hier leerling was en alles deed wat gevraagd werd, wat zou je dan weten en kunnen?",
    "Wie doet wat, wanneer, en op welk bewijs? En welke theory of action kiest de school?",
};

enum mode { M_BROWSE, M_EDIT_NOTE, M_EDIT_PHASE };

/* What survives a visit to the steps screen (ui_push calls leave). */
static struct {
    bool back; /* the steps screen was opened from here */
    enum step step;
    size_t sel[ST_COUNT];
    bool projector;
} keep;

static struct {
    const struct kr_reflection *rf;
    enum step step;
    enum mode mode;
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
    char footer[256];
} S;

static size_t toa_slides(void);

/* ---- loading ---- */

static size_t visit_rank(const char *visit_id)
{
    size_t v = kr_reflection_visit(S.rf, visit_id);
    return v == SIZE_MAX ? S.rf->visits.n : v;
}

static int note_cmp(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    size_t vx = visit_rank(S.rf->obs.items[x].visit_id),
           vy = visit_rank(S.rf->obs.items[y].visit_id);
    if (vx != vy)
        return vx < vy ? -1 : 1;
    return x < y ? -1 : x > y; /* the notes are by time */
}

static int apat_cmp(const void *a, const void *b)
{
    const struct kr_pattern *x = &S.rf->result.patterns[*(const size_t *)a];
    const struct kr_pattern *y = &S.rf->result.patterns[*(const size_t *)b];
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
        free(S.phase[p]);
        S.phase[p] = NULL;
        if (kr_store_phase_get(ui->st, ui->session.id, (enum kr_phase)p, &S.phase[p], &err) !=
            KR_OK)
            ui_store_error(ui, "Kan de nabespreking niet lezen", &err);
    }
    kr_next_step_list_fini(&S.steps);
    if (kr_store_step_list(ui->st, ui->session.id, &S.steps, &err) != KR_OK)
        ui_store_error(ui, "Kan de volgende stappen niet lezen", &err);
    kr_toa_list_fini(&S.toas);
    if (kr_store_toa_list(ui->st, ui->session.id, &S.toas, &err) != KR_OK)
        ui_store_error(ui, "Kan de theory of action niet lezen", &err);
}

/* Take the shared reflection (fresh: computed again) and rebuild the orders from it. */
static void load(struct ui *ui, bool fresh)
{
    if (fresh)
        ui_reflection_drop(ui);
    S.rf = ui_reflection(ui);
    const struct kr_pattern_result *r = &S.rf->result;
    free(S.notes);
    free(S.pats);
    free(S.apats);
    S.notes = kr_xcalloc(S.rf->obs.n ? S.rf->obs.n : 1, sizeof *S.notes);
    S.n_notes = S.rf->obs.n;
    for (size_t i = 0; i < S.n_notes; i++)
        S.notes[i] = i;
    qsort(S.notes, S.n_notes, sizeof *S.notes, note_cmp);
    S.pats = kr_xcalloc(r->n_patterns ? r->n_patterns : 1, sizeof *S.pats);
    S.apats = kr_xcalloc(r->n_patterns ? r->n_patterns : 1, sizeof *S.apats);
    S.n_pats = 0;
    for (int c = KR_CORNER_LEERLING; c <= KR_CORNER_LEERINHOUD; c++)
        for (size_t p = 0; p < r->n_patterns; p++)
            if ((int)r->patterns[p].corner == c && !r->patterns[p].flagged)
                S.pats[S.n_pats++] = p;
    memcpy(S.apats, S.pats, S.n_pats * sizeof *S.pats);
    S.n_apats = S.n_pats;
    qsort(S.apats, S.n_apats, sizeof *S.apats, apat_cmp);
    size_t n[ST_COUNT] = {S.n_notes, S.n_pats, S.n_apats, 1, toa_slides() + S.steps.n};
    for (int s = 0; s < ST_COUNT; s++)
        if (S.sel[s] >= n[s])
            S.sel[s] = n[s] ? n[s] - 1 : 0;
}

static void enter(struct ui *ui)
{
    kr_le_init(&S.ed);
    S.ed.max_len = 4000;
    if (keep.back) { /* back from the steps screen: where the group was */
        S.step = keep.step;
        memcpy(S.sel, keep.sel, sizeof S.sel);
        S.projector = keep.projector;
    }
    keep.back = false;
    load_lists(ui);
    load(ui, false); /* the reflection screen below just computed it */
}

static void leave(struct ui *ui)
{
    (void)ui;
    keep.step = S.step;
    memcpy(keep.sel, S.sel, sizeof keep.sel);
    keep.projector = S.projector;
    free(S.notes);
    free(S.pats);
    free(S.apats);
    for (int p = 0; p < KR_PHASE_COUNT; p++)
        free(S.phase[p]);
    kr_next_step_list_fini(&S.steps);
    kr_toa_list_fini(&S.toas);
    kr_le_fini(&S.ed);
    memset(&S, 0, sizeof S);
}

/* ---- what is selected ---- */

static const struct kr_observation *cur_note(void)
{
    return S.sel[ST_SCREENING] < S.n_notes ? &S.rf->obs.items[S.notes[S.sel[ST_SCREENING]]] : NULL;
}

static size_t cur_pattern(enum step st)
{
    size_t i = S.sel[st];
    if (st == ST_BESCHRIJVEN)
        return i < S.n_pats ? S.pats[i] : SIZE_MAX;
    return i < S.n_apats ? S.apats[i] : SIZE_MAX;
}

static const char *visit_label(const char *visit_id)
{
    size_t v = kr_reflection_visit(S.rf, visit_id);
    return v == SIZE_MAX ? "?" : S.rf->visits.items[v].label;
}

static const char *visit_pair(const char *visit_id)
{
    size_t v = kr_reflection_visit(S.rf, visit_id);
    return v == SIZE_MAX || !S.rf->visits.items[v].tweetal_name
               ? ""
               : S.rf->visits.items[v].tweetal_name;
}

/* The phase of the debrief a step writes its group text into, or -1. */
static int step_phase(enum step st)
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

static const struct kr_toa_version *chosen_toa(void)
{
    for (size_t i = 0; i < S.toas.n; i++)
        if (S.toas.items[i].chosen)
            return &S.toas.items[i];
    return NULL;
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
    snprintf(buf, size, "gezien in %zu van %zu %s", p->n_visits, S.rf->visits.n,
             kr_plural((long long)S.rf->visits.n, "bezoek", "bezoeken"));
}

/* ---- drawing: the normal view ---- */

static int draw_tabs(struct ui *ui, int y)
{
    int x = 1;
    for (int s = 0; s < ST_COUNT; s++)
        x += ui_putf(ui, y, x, ui->cols - x - 1, s == (int)S.step ? UI_SELECT : UI_DIM, " %d %s ",
                     s + 1, step_names[s]) +
             1;
    y++;
    y += ui_put_wrapped(ui, y, 1, ui->cols - 2, 2, UI_DIM, step_questions[S.step], NULL, 0, UI_DIM);
    return y + 1;
}

/* The group's text of this step's phase, on the rows above the bottom (or the editor). */
static int draw_group_text(struct ui *ui, int bottom)
{
    int ph = step_phase(S.step);
    if (ph < 0)
        return bottom;
    int w = ui->cols - 4;
    if (S.mode == M_EDIT_PHASE) {
        ui_put(ui, bottom - 2, 2, w, UI_HEAD, "De groep schrijft:");
        ui_draw_field(ui, bottom - 1, 2, w, 2, &S.ed, true, NULL, 0);
        return bottom - 3;
    }
    const char *t = S.phase[ph];
    ui_putf(ui, bottom, 2, w, t ? UI_NORMAL : UI_DIM, "De groep: %s",
            t ? t : "(nog leeg: w om te schrijven)");
    return bottom - 1;
}

static void draw_screening(struct ui *ui, int y)
{
    int w = ui->cols - 4, bottom = ui->rows - 3;
    const struct kr_observation *o = cur_note();
    if (!o) {
        ui_put(ui, y, 2, w, UI_DIM, "Deze bijeenkomst heeft nog geen notities.");
        return;
    }
    size_t in_visit = 0, at = 0, visits = S.rf->visits.n, vi = visit_rank(o->visit_id) + 1;
    for (size_t i = 0; i < S.n_notes; i++)
        if (strcmp(S.rf->obs.items[S.notes[i]].visit_id, o->visit_id) == 0) {
            in_visit++;
            if (i <= S.sel[ST_SCREENING])
                at = in_visit;
        }
    const char *pair = visit_pair(o->visit_id);
    ui_putf(ui, y++, 2, w, UI_HEAD, "Bezoek %zu van %zu: %s%s%s · notitie %zu van %zu", vi, visits,
            visit_label(o->visit_id), *pair ? " · " : "", pair, at, in_visit);
    y++;
    struct ui_span spans[UI_MAX_SPANS];
    size_t n_spans = 0;
    const char *hint = NULL;
    if (S.mode == M_EDIT_NOTE) {
        ui_check(ui, S.ed.text, S.ed.len, spans, &n_spans, &hint);
        y += ui_draw_field(ui, y, 2, w, 4, &S.ed, true, spans, n_spans) + 1;
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
    for (size_t i = 0; i < S.rf->obs.n; i++) {
        const struct kr_observation *n = &S.rf->obs.items[i];
        bool ap = n->keep_reason && strcmp(n->keep_reason, KR_REFLECTION_APART) == 0;
        aside += ap;
        judging += S.rf->flagged[i] && !ap && !n->keep_reason;
    }
    if (y < bottom)
        ui_putf(ui, bottom, 2, w, UI_DIM,
                "In deze bijeenkomst: %zu %s met een oordeel, %zu apart gelegd.", judging,
                kr_plural((long long)judging, "notitie", "notities"), aside);
}

static void draw_pattern_list(struct ui *ui, int y, int bottom, enum step st, const size_t *pats,
                              size_t n)
{
    int w = ui->cols - 4;
    if (n == 0) {
        ui_put(ui, y, 2, w, UI_DIM, "Nog geen patronen: eerst notities (en de screening).");
        return;
    }
    size_t *top = &S.top[st], sel = S.sel[st];
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
        const struct kr_pattern *p = &S.rf->result.patterns[pats[i]];
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
            ui_putf(ui, y, 4, w - 2, a, "%s (%zu)", p->statement ? p->statement : p->label,
                    p->n_notes);
        } else {
            char right[96];
            size_t pi = pats[i];
            if (S.rf->confirmed[pi])
                snprintf(right, sizeof right, "%zu/%zu · groep: %s", p->n_visits, S.rf->visits.n,
                         p->extent ? p->extent : "-");
            else
                snprintf(right, sizeof right, "%zu/%zu · voorstel: %s", p->n_visits, S.rf->visits.n,
                         p->extent ? p->extent : "-");
            int rw = (int)kr_utf8_width(right, strlen(right));
            ui_put(ui, y, 4, w - rw - 3, a, p->statement ? p->statement : p->label);
            ui_put(ui, y, ui->cols - 2 - rw, rw,
                   on                    ? a
                   : S.rf->confirmed[pi] ? UI_OK
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
    size_t p = cur_pattern(ST_BESCHRIJVEN);
    /* the evidence of the selected pattern under the list: up to a third of the rows */
    int ev_rows = 0;
    if (p != SIZE_MAX) {
        const struct kr_pattern *pt = &S.rf->result.patterns[p];
        ev_rows = (int)pt->n_notes + 1;
        if (ev_rows > (bottom - y) / 3 + 1)
            ev_rows = (bottom - y) / 3 + 1;
        int ey = bottom - ev_rows + 1;
        ui_putf(ui, ey++, 2, w, UI_HEAD, "Bewijs: %zu %s uit %zu %s", pt->n_notes,
                kr_plural((long long)pt->n_notes, "notitie", "notities"), pt->n_visits,
                kr_plural((long long)pt->n_visits, "bezoek", "bezoeken"));
        for (size_t k = 0; k < pt->n_notes && ey <= bottom; k++, ey++) {
            const struct kr_observation *o = &S.rf->obs.items[pt->notes[k]];
            if (ey == bottom && k + 1 < pt->n_notes) {
                ui_putf(ui, ey, 4, w - 2, UI_DIM, "… en nog %zu", pt->n_notes - k);
                break;
            }
            ui_putf(ui, ey, 4, w - 2, UI_DIM, "• %s: %s", visit_label(o->visit_id), o->text);
        }
    }
    draw_pattern_list(ui, y, bottom - ev_rows, ST_BESCHRIJVEN, S.pats, S.n_pats);
}

static void draw_analyseren(struct ui *ui, int y)
{
    int w = ui->cols - 4;
    int bottom = draw_group_text(ui, ui->rows - 3);
    size_t p = cur_pattern(ST_ANALYSEREN);
    if (p != SIZE_MAX) {
        const struct kr_pattern *pt = &S.rf->result.patterns[p];
        char seen[96];
        seen_in(pt, seen, sizeof seen);
        ui_putf(ui, bottom, 2, w, UI_NORMAL, "Omvang: %s%s (%s; voorstel: %s)",
                pt->extent ? pt->extent : "-", S.rf->confirmed[p] ? ", door de groep" : "", seen,
                S.rf->proposed[p] ? S.rf->proposed[p] : "-");
        bottom -= 2;
    }
    draw_pattern_list(ui, y, bottom, ST_ANALYSEREN, S.apats, S.n_apats);
}

static void draw_voorspellen(struct ui *ui, int y)
{
    int w = ui->cols - 4;
    if (S.mode == M_EDIT_PHASE) {
        ui_put(ui, y++, 2, w, UI_HEAD, "Het antwoord van de groep:");
        ui_draw_field(ui, y, 2, w, ui->rows - 3 - y, &S.ed, true, NULL, 0);
        return;
    }
    ui_put(ui, y++, 2, w, UI_HEAD, "Het antwoord van de groep:");
    const char *t = S.phase[KR_PHASE_VOORSPELLEN];
    ui_put_wrapped(ui, y, 2, w, ui->rows - 3 - y, t ? UI_NORMAL : UI_DIM,
                   t ? t : "(nog leeg: Enter of w om te schrijven)", NULL, 0, UI_NORMAL);
}

static void draw_volgende(struct ui *ui, int y)
{
    int w = ui->cols - 4, bottom = ui->rows - 3;
    const struct kr_toa_version *v = chosen_toa();
    ui_put(ui, y++, 2, w, UI_HEAD, "Theory of action van de school");
    if (v) {
        char *s = toa_sentence(v);
        y += ui_put_wrapped(ui, y, 4, w - 2, 3, UI_NORMAL, s, NULL, 0, UI_NORMAL);
        free(s);
    } else {
        ui_put(ui, y++, 4, w - 2, UI_DIM,
               S.toas.n ? "Nog geen gekozen: Enter, Tab, c op een versie."
                        : "Nog geen: Enter en dan Tab, n per groepje.");
    }
    y++;
    ui_putf(ui, y++, 2, w, UI_HEAD, "Volgende stappen (%zu)", S.steps.n);
    if (S.steps.n == 0)
        ui_put(ui, y++, 4, w - 2, UI_DIM, "Nog geen: Enter opent de stappen, n voor een nieuwe.");
    for (size_t i = 0; i < S.steps.n && y < bottom; i++, y++) {
        const struct kr_next_step *s = &S.steps.items[i];
        char meta[96];
        snprintf(meta, sizeof meta, "%s · %s", kr_actor_title(s->actor),
                 kr_horizon_title(s->horizon));
        int mw = (int)kr_utf8_width(meta, strlen(meta));
        ui_putf(ui, y, 4, w - mw - 4, UI_NORMAL, "%zu. %s", i + 1, s->text ? s->text : "");
        ui_put(ui, y, ui->cols - 2 - mw, mw, UI_DIM, meta);
    }
}

/* ---- the projector: one item a slide ---- */

/* The chosen theory of action goes on the projector clause by clause (one if none). */
static size_t toa_slides(void)
{
    return chosen_toa() ? 3 : 1;
}

static size_t n_slides(enum step st)
{
    switch (st) {
    case ST_SCREENING:
        return S.n_notes;
    case ST_BESCHRIJVEN:
        return S.n_pats;
    case ST_ANALYSEREN:
        return S.n_apats;
    case ST_VOORSPELLEN:
        return 1;
    default:
        return toa_slides() + S.steps.n; /* the theory of action's clauses, then each step */
    }
}

static void draw_projector(struct ui *ui)
{
    struct ui_slide s = {.step = step_names[S.step], .corner = KR_CORNER_NONE};
    for (int c = 0; c < KR_CORNER_COUNT; c++)
        s.at_corner[c] = S.rf->result.count[c];
    size_t n = n_slides(S.step), i = S.sel[S.step];
    s.count = n;
    s.index = i + 1;
    char l0[256] = "", l1[256] = "", l2[256] = "";
    char *own = NULL;
    switch (S.step) {
    case ST_SCREENING: {
        const struct kr_observation *o = cur_note();
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
        size_t p = cur_pattern(S.step);
        if (p == SIZE_MAX)
            break;
        const struct kr_pattern *pt = &S.rf->result.patterns[p];
        s.text = pt->statement ? pt->statement : pt->label;
        s.corner = pt->corner;
        seen_in(pt, l1, sizeof l1);
        if (S.step == ST_ANALYSEREN) {
            snprintf(l0, sizeof l0, "Omvang: %s%s", pt->extent ? pt->extent : "-",
                     S.rf->confirmed[p] ? " (door de groep)" : " (voorstel)");
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
        s.text = step_questions[ST_VOORSPELLEN];
        s.lines[0] = S.phase[KR_PHASE_VOORSPELLEN] ? S.phase[KR_PHASE_VOORSPELLEN]
                                                   : "(het antwoord van de groep)";
        break;
    default:
        if (i < toa_slides()) {
            const struct kr_toa_version *v = chosen_toa();
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
        } else if (i - toa_slides() < S.steps.n) {
            size_t k = i - toa_slides();
            const struct kr_next_step *st = &S.steps.items[k];
            s.text = st->text;
            snprintf(l0, sizeof l0, "Stap %zu van %zu: %s · %s", k + 1, S.steps.n,
                     kr_actor_title(st->actor), kr_horizon_title(st->horizon));
            s.lines[0] = l0;
        }
        break;
    }
    ui_projector_draw(ui, &s);
    free(own);
}

static void draw(struct ui *ui)
{
    if (S.projector) {
        draw_projector(ui);
        return;
    }
    int y = draw_tabs(ui, 1);
    switch (S.step) {
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

/* ---- actions ---- */

/* After a change: recompute, and keep the cursor on the note (screening) or on the pattern
 * that holds note_id (a confirmed pattern gets the id of a group pattern). */
static void reload_on(struct ui *ui, const char *note_id)
{
    load(ui, true);
    if (!note_id)
        return;
    for (size_t i = 0; i < S.n_notes; i++)
        if (strcmp(S.rf->obs.items[S.notes[i]].id, note_id) == 0)
            S.sel[ST_SCREENING] = i;
    for (size_t i = 0; i < S.rf->obs.n; i++) {
        if (strcmp(S.rf->obs.items[i].id, note_id) != 0)
            continue;
        size_t p = S.rf->result.pattern_of[i];
        for (size_t k = 0; k < S.n_pats; k++)
            if (S.pats[k] == p)
                S.sel[ST_BESCHRIJVEN] = k;
        for (size_t k = 0; k < S.n_apats; k++)
            if (S.apats[k] == p)
                S.sel[ST_ANALYSEREN] = k;
    }
}

static void set_aside(struct ui *ui)
{
    const struct kr_observation *o = cur_note();
    if (!o)
        return;
    bool apart = o->keep_reason && strcmp(o->keep_reason, KR_REFLECTION_APART) == 0;
    char *id = kr_xstrdup(o->id);
    struct kr_error err = {0};
    if (kr_store_obs_set_keep_reason(ui->st, id, apart ? NULL : KR_REFLECTION_APART, &err) != KR_OK)
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
    size_t p = cur_pattern(ST_ANALYSEREN);
    if (p == SIZE_MAX)
        return;
    const struct kr_pattern *pt = &S.rf->result.patterns[p];
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
    char *note = pt->n_notes ? kr_xstrdup(S.rf->obs.items[pt->notes[0]].id) : NULL;
    struct kr_error err = {0};
    if (kr_reflection_set_extent(ui->st, S.rf, p, word, &err) != KR_OK)
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
    for (size_t d = 1; d <= S.n_notes; d++) {
        size_t i = (S.sel[ST_SCREENING] + d) % S.n_notes;
        const struct kr_observation *o = &S.rf->obs.items[S.notes[i]];
        if (S.rf->flagged[S.notes[i]] && !o->keep_reason) {
            S.sel[ST_SCREENING] = i;
            return;
        }
    }
    ui_message(ui, UI_OK, "Geen notities meer met een oordeel: door naar beschrijven (Tab).");
}

static void open_editor(struct ui *ui)
{
    if (S.step == ST_SCREENING) {
        const struct kr_observation *o = cur_note();
        if (!o)
            return;
        kr_le_set(&S.ed, o->text);
        S.mode = M_EDIT_NOTE;
        return;
    }
    int ph = step_phase(S.step);
    if (ph < 0) {
        ui_message(ui, UI_ERROR, "Hier schrijf je in de stappen zelf: Enter.");
        return;
    }
    kr_le_set(&S.ed, S.phase[ph] ? S.phase[ph] : "");
    S.mode = M_EDIT_PHASE;
}

static void save_editor(struct ui *ui)
{
    struct kr_error err = {0};
    if (S.mode == M_EDIT_NOTE) {
        const struct kr_observation *o = cur_note();
        char *text = ui_trimmed(S.ed.text);
        if (!text) {
            ui_message(ui, UI_ERROR, "Een notitie heeft tekst nodig (leg haar anders apart: a).");
            return;
        }
        char *id = kr_xstrdup(o->id);
        S.mode = M_BROWSE;
        if (ui_note_edit(ui, o, text)) /* drops the reflection: o is gone after this */
            reload_on(ui, id);
        free(text);
        free(id);
        return;
    }
    int ph = step_phase(S.step);
    if (kr_store_phase_put(ui->st, ui->session.id, (enum kr_phase)ph, S.ed.text, &err) != KR_OK) {
        ui_store_error(ui, "Bewaren lukte niet", &err);
        return;
    }
    ui_message(ui, UI_OK, "Bewaard.");
    S.mode = M_BROWSE;
    load_lists(ui);
}

static void open_steps(struct ui *ui)
{
    keep.back = true;
    ui_push(ui, &ui_screen_steps);
}

static void go_step(int d)
{
    S.step = (enum step)(((int)S.step + d + ST_COUNT) % ST_COUNT);
}

/* On the projector → goes on to the next item, and from the last to the next step. */
static void slide(int d)
{
    size_t n = n_slides(S.step), *i = &S.sel[S.step];
    if (d > 0 && *i + 1 < n) {
        (*i)++;
    } else if (d < 0 && *i > 0) {
        (*i)--;
    } else if (d > 0 && S.step + 1 < ST_COUNT) {
        go_step(1);
        S.sel[S.step] = 0;
    } else if (d < 0 && S.step > 0) {
        go_step(-1);
        size_t m = n_slides(S.step);
        S.sel[S.step] = m ? m - 1 : 0;
    }
}

static void key_editing(struct ui *ui, int k)
{
    if (k == UI_ESC) {
        S.mode = M_BROWSE;
        ui_message(ui, UI_NORMAL, "Niets veranderd.");
        return;
    }
    if (k == UI_ENTER || k == UI_CTRL('s')) {
        save_editor(ui);
        return;
    }
    ui_le_feed(&S.ed, k);
}

static void key(struct ui *ui, int k)
{
    if (S.mode != M_BROWSE) {
        key_editing(ui, k);
        return;
    }
    size_t n = n_slides(S.step), *sel = &S.sel[S.step];
    if (S.projector) {
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
        case UI_TAB:
            go_step(1);
            return;
        case UI_FN(KEY_BTAB):
            go_step(-1);
            return;
        case 'p':
        case 'q':
        case UI_ESC:
            S.projector = false;
            return;
        default:
            return;
        }
    }
    switch (k) {
    case 'q':
    case UI_ESC:
        ui_back(ui);
        return;
    case UI_TAB:
        go_step(1);
        return;
    case UI_FN(KEY_BTAB):
        go_step(-1);
        return;
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
        S.step = (enum step)(k - '1');
        return;
    case 'p':
        S.projector = true;
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
    case 'w':
        open_editor(ui);
        return;
    default:
        break;
    }
    switch (S.step) {
    case ST_SCREENING:
        if (k == UI_FN(KEY_RIGHT) && *sel + 1 < n)
            (*sel)++;
        else if (k == UI_FN(KEY_LEFT) && *sel > 0)
            (*sel)--;
        else if (k == 'e' || k == UI_ENTER)
            open_editor(ui);
        else if (k == 'a')
            set_aside(ui);
        else if (k == 'o')
            next_judging(ui);
        else if (k == 'u' || k == UI_CTRL('z')) {
            char *id = cur_note() ? kr_xstrdup(cur_note()->id) : NULL;
            if (ui_undo_last(ui))
                reload_on(ui, id);
            free(id);
        } else if (k == 'h' && cur_note()) {
            char *id = kr_xstrdup(cur_note()->id);
            if (ui_note_keep(ui, cur_note()))
                reload_on(ui, id);
            free(id);
        } else if (k == UI_FN(KEY_NPAGE) || k == UI_FN(KEY_PPAGE)) {
            /* the first note of the next (or this, then the previous) visit */
            const struct kr_observation *o = cur_note();
            if (!o)
                return;
            size_t v = visit_rank(o->visit_id);
            bool fwd = k == UI_FN(KEY_NPAGE);
            for (size_t i = 0; i < S.n_notes; i++) {
                size_t vi = visit_rank(S.rf->obs.items[S.notes[i]].visit_id);
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
            open_editor(ui);
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
    if (S.mode != M_BROWSE)
        kr_le_insert(&S.ed, text, len);
}

static bool typing(struct ui *ui)
{
    (void)ui;
    return S.mode != M_BROWSE;
}

static const char *text_field(struct ui *ui)
{
    (void)ui;
    return S.mode == M_EDIT_NOTE ? "de notitie" : S.mode == M_EDIT_PHASE ? "de tekst" : NULL;
}

static const char *footer(struct ui *ui)
{
    (void)ui;
    const char *f;
    if (S.mode != M_BROWSE)
        f = "Enter bewaren|Esc annuleren";
    else if (S.projector)
        f = "→ verder|← terug|Tab stap|p scherm|? hulp";
    else if (S.step == ST_SCREENING)
        f = "←→ notitie|PgDn tweetal|e herschrijf|a apart|Tab stap|p projector|? hulp";
    else if (S.step == ST_BESCHRIJVEN)
        f = "↑↓ patroon|w groepstekst|Tab stap|p projector|? hulp|q terug";
    else if (S.step == ST_ANALYSEREN)
        f = "↑↓ patroon|←→ omvang|Enter bevestig|w tekst|Tab stap|p projector|? hulp";
    else if (S.step == ST_VOORSPELLEN)
        f = "Enter antwoord|Tab stap|p projector|? hulp|q terug";
    else
        f = "Enter stappen|Tab stap|p projector|? hulp|q terug";
    snprintf(S.footer, sizeof S.footer, "%s", f);
    return S.footer;
}

static const struct ui_help help[] = {
    {"Tab, 1-5", "volgende stap van de nabespreking, of stap 1 tot 5"},
    {"↑ ↓ (j k)", "kies een notitie of patroon"},
    {"← →", "screening: notitie; analyseren: omvang lager of hoger"},
    {"PgUp PgDn", "screening: vorig of volgend tweetal (bezoek)"},
    {"e, Enter", "screening: notitie herschrijven"},
    {"a", "screening: notitie apart leggen (of terug)"},
    {"h", "screening: notitie houden zoals ze is"},
    {"o", "screening: naar de volgende notitie met een oordeel"},
    {"u, Ctrl-Z", "screening: het herschrijven ongedaan maken"},
    {"Enter", "analyseren: voorstel bevestigen; voorspellen: antwoord"},
    {"Backspace", "analyseren: terug naar het voorstel"},
    {"w", "de tekst van de groep bij deze stap"},
    {"Enter (stap 5)", "volgende stappen en theory of action"},
    {"p", "projector: één ding tegelijk, groot; → verder"},
    {"q, Esc", "terug (op de projector: terug naar het scherm)"},
    {NULL, NULL},
};

const struct ui_screen ui_screen_debrief = {
    .title = "nabespreking",
    .help = help,
    .enter = enter,
    .leave = leave,
    .draw = draw,
    .key = key,
    .paste = paste,
    .footer = footer,
    .typing = typing,
    .text_field = text_field,
};
