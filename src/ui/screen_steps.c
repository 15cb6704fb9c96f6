/* SPDX-License-Identifier: MIT */
/*
 * From the debrief of the reflection (v): the next steps of the bijeenkomst (who, by when,
 * on what evidence) and the theory of action of each groepje, one of which the school
 * chooses. Tab switches between the two lists. Everything is saved at once through
 * src/store/debrief.c; evidence is picked from the reflection's patterns (their ids as
 * the reflection gives them: "p-" + a note id, or a group pattern's id). The drawing is in
 * steps_draw.c, the commands' binding table in steps_keys.c.
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

struct ui_steps ui_steps_state;
static struct ui_steps *const S = &ui_steps_state;

/* ---- loading ---- */

static void load(struct ui *ui)
{
    struct kr_error err = {0};
    kr_next_step_list_fini(&S->steps);
    memset(&S->steps, 0, sizeof S->steps);
    if (kr_app_steps(ui->app, ui->session.id, &S->steps, &err) != KR_OK)
        ui_store_error(ui, "Kan de volgende stappen niet lezen", &err);
    kr_toa_list_fini(&S->toas);
    memset(&S->toas, 0, sizeof S->toas);
    if (kr_app_toa_versions(ui->app, ui->session.id, &S->toas, &err) != KR_OK)
        ui_store_error(ui, "Kan de theory of action niet lezen", &err);
    size_t n[V_COUNT] = {S->steps.n, S->toas.n};
    for (int v = 0; v < V_COUNT; v++)
        if (S->sel[v] >= n[v])
            S->sel[v] = n[v] ? n[v] - 1 : 0;
}

/* The patterns (the same as the reflection shows: with its checker), on first use. */
static void load_patterns(struct ui *ui)
{
    if (S->rf_loaded)
        return;
    S->rf = ui_reflection(ui);
    S->rf_loaded = true;
    const struct kr_pattern_result *r = &S->rf->result;
    S->pats = kr_xcalloc(r->n_patterns ? r->n_patterns : 1, sizeof *S->pats);
    S->marked = kr_xcalloc(r->n_patterns ? r->n_patterns : 1, sizeof *S->marked);
    S->n_pats = 0;
    /* by corner, as in the reflection; the judging notes are no evidence */
    for (int c = KR_CORNER_LEERLING; c <= KR_CORNER_LEERINHOUD; c++)
        for (size_t p = 0; p < r->n_patterns; p++)
            if ((int)r->patterns[p].corner == c && !r->patterns[p].flagged)
                S->pats[S->n_pats++] = p;
}

static void enter(struct ui *ui)
{
    kr_le_init(&S->text);
    S->text.max_len = 2000;
    for (int i = 0; i < TOA_FIELDS; i++) {
        kr_le_init(&S->toa[i]);
        S->toa[i].max_len = i == 0 ? 100 : 2000;
    }
    S->view = V_STEPS;
    S->mode = M_BROWSE;
    load(ui);
    load_patterns(ui); /* for the evidence's labels and the pick list */
}

static void leave(struct ui *ui)
{
    (void)ui;
    kr_next_step_list_fini(&S->steps);
    kr_toa_list_fini(&S->toas);
    kr_le_fini(&S->text);
    for (int i = 0; i < TOA_FIELDS; i++)
        kr_le_fini(&S->toa[i]);
    free(S->edit_id);
    free(S->pats);
    free(S->marked);
    kr_lint_list_fini(&S->lint);
    kr_linter_free(S->linter);
    memset(S, 0, sizeof *S);
}

/* ---- actions ---- */

void ui_steps_step_form(const struct kr_next_step *s)
{
    free(S->edit_id);
    S->edit_id = s ? kr_xstrdup(s->id) : NULL;
    kr_le_set(&S->text, s && s->text ? s->text : "");
    S->actor = s ? s->actor : KR_ACTOR_SCHOOLLEIDING;
    S->horizon = s ? s->horizon : KR_HORIZON_WEEK;
    S->field = 0;
    S->mode = M_STEP_FORM;
}

static void step_save(struct ui *ui)
{
    char *text = ui_trimmed(S->text.text);
    if (!text) {
        ui_message(ui, UI_ERROR, "Een stap heeft tekst nodig: wat gaat er gebeuren?");
        S->field = 0;
        return;
    }
    struct kr_next_step s = {0};
    const struct kr_next_step *old = NULL;
    for (size_t i = 0; S->edit_id && i < S->steps.n; i++)
        if (strcmp(S->steps.items[i].id, S->edit_id) == 0)
            old = &S->steps.items[i];
    s.id = S->edit_id;
    s.text = text;
    s.actor = S->actor;
    s.horizon = S->horizon;
    if (old) { /* an edit keeps the evidence */
        s.evidence = old->evidence;
        s.n_evidence = old->n_evidence;
    }
    struct kr_error err = {0};
    enum kr_status r = kr_app_step_put(ui->app, ui->session.id, &s, &err);
    char *new_id = s.id != S->edit_id ? s.id : NULL;
    free(text);
    if (r != KR_OK) {
        ui_store_error(ui, "Bewaren lukte niet", &err);
        free(new_id);
        return; /* the form stays open: nothing typed is lost */
    }
    ui_message(ui, UI_OK, "Stap bewaard.");
    S->mode = M_BROWSE;
    bool created = !S->edit_id;
    load(ui);
    if (created && S->steps.n)
        S->sel[V_STEPS] = S->steps.n - 1; /* a new step is placed last */
    free(new_id);
}

static void step_form_key(struct ui *ui, int k)
{
    if (k == UI_ESC) {
        S->mode = M_BROWSE;
        ui_message(ui, UI_NORMAL, "Niets veranderd.");
        return;
    }
    if (k == UI_ENTER || k == '\n' || k == UI_FN(KEY_ENTER) || k == UI_CTRL('s')) {
        step_save(ui);
        return;
    }
    if (ui_form_key(ui, &S->field, 3, k, step_save))
        return;
    int step = k == UI_FN(KEY_LEFT) ? -1 : k == UI_FN(KEY_RIGHT) || k == ' ' ? 1 : 0;
    if (S->field == 1 && step) {
        S->actor = (enum kr_actor)(((int)S->actor + step + KR_ACTOR_COUNT) % KR_ACTOR_COUNT);
        return;
    }
    if (S->field == 2 && step) {
        S->horizon =
            (enum kr_horizon)(((int)S->horizon + step + KR_HORIZON_COUNT) % KR_HORIZON_COUNT);
        return;
    }
    if (S->field == 0)
        ui_le_feed(&S->text, k);
}

void ui_steps_evidence(struct ui *ui)
{
    const struct kr_next_step *s = steps_cur_step(S);
    if (!s) {
        ui_message(ui, UI_ERROR, "Maak eerst een stap (n) en kies dan het bewijs.");
        return;
    }
    load_patterns(ui);
    if (!S->rf_loaded)
        return;
    for (size_t i = 0; i < S->n_pats; i++) {
        S->marked[i] = false;
        for (size_t e = 0; e < s->n_evidence; e++)
            if (strcmp(s->evidence[e], S->rf->result.patterns[S->pats[i]].id) == 0)
                S->marked[i] = true;
    }
    S->pick = S->pick_top = 0;
    S->mode = M_EVIDENCE;
}

static bool is_pattern_id(const char *id)
{
    for (size_t i = 0; i < S->n_pats; i++)
        if (strcmp(S->rf->result.patterns[S->pats[i]].id, id) == 0)
            return true;
    return false;
}

static void evidence_save(struct ui *ui)
{
    const struct kr_next_step *old = steps_cur_step(S);
    if (!old)
        return;
    struct kr_next_step s = *old;
    /* Evidence that is not one of these patterns (a note, a pattern gone) stays. */
    char **ev = kr_xcalloc(old->n_evidence + S->n_pats + 1, sizeof *ev);
    size_t n = 0;
    for (size_t e = 0; e < old->n_evidence; e++)
        if (!is_pattern_id(old->evidence[e]))
            ev[n++] = old->evidence[e];
    for (size_t i = 0; i < S->n_pats; i++)
        if (S->marked[i])
            ev[n++] = S->rf->result.patterns[S->pats[i]].id;
    s.evidence = ev;
    s.n_evidence = n;
    struct kr_error err = {0};
    enum kr_status r = kr_app_step_put(ui->app, ui->session.id, &s, &err);
    free(ev);
    if (r != KR_OK) {
        ui_store_error(ui, "Bewijs bewaren lukte niet", &err);
        return;
    }
    ui_message(ui, UI_OK, "Bewijs bewaard (%zu).", n);
    S->mode = M_BROWSE;
    load(ui);
}

static void evidence_key(struct ui *ui, int k)
{
    switch (k) {
    case UI_ESC:
    case 'q':
        S->mode = M_BROWSE;
        ui_message(ui, UI_NORMAL, "Niets veranderd.");
        return;
    case UI_FN(KEY_UP):
    case 'k':
        if (S->pick > 0)
            S->pick--;
        return;
    case UI_FN(KEY_DOWN):
    case 'j':
        if (S->pick + 1 < S->n_pats)
            S->pick++;
        return;
    case ' ':
        if (S->pick < S->n_pats)
            S->marked[S->pick] = !S->marked[S->pick];
        return;
    case UI_ENTER:
    case '\n':
    case UI_FN(KEY_ENTER):
    case UI_CTRL('s'):
        evidence_save(ui);
        return;
    default:
        return;
    }
}

void ui_steps_toa_form(void)
{
    for (int i = 0; i < TOA_FIELDS; i++)
        kr_le_clear(&S->toa[i]);
    char name[32];
    snprintf(name, sizeof name, "Groepje %zu", S->toas.n + 1);
    kr_le_set(&S->toa[0], name);
    S->toa_field = 0;
    S->mode = M_TOA_FORM;
}

static void toa_save(struct ui *ui)
{
    char *f[TOA_FIELDS];
    for (int i = 0; i < TOA_FIELDS; i++)
        f[i] = ui_trimmed(S->toa[i].text);
    if (!f[0]) {
        ui_message(ui, UI_ERROR, "Geef het groepje een naam.");
        S->toa_field = 0;
    } else if (!f[1] && !f[2] && !f[3]) {
        ui_message(ui, UI_ERROR, "Vul minstens één zin van de theory of action in.");
        S->toa_field = 1;
    } else {
        struct kr_toa_version v = {0};
        v.group = f[0];
        v.schoolleiding = f[1];
        v.leraren = f[2];
        v.leerlingen = f[3];
        struct kr_error err = {0};
        if (kr_app_toa_version_put(ui->app, ui->session.id, &v, &err) != KR_OK) {
            ui_store_error(ui, "Bewaren lukte niet", &err);
        } else {
            ui_message(ui, UI_OK, "Theory of action van %s bewaard (c: kiezen).", f[0]);
            S->mode = M_BROWSE;
            load(ui);
            for (size_t i = 0; i < S->toas.n; i++)
                if (strcmp(S->toas.items[i].id, v.id) == 0)
                    S->sel[V_TOA] = i;
        }
        free(v.id);
    }
    for (int i = 0; i < TOA_FIELDS; i++)
        free(f[i]);
}

static void toa_form_key(struct ui *ui, int k)
{
    if (k == UI_ESC) {
        S->mode = M_BROWSE;
        ui_message(ui, UI_NORMAL, "Niets veranderd.");
        return;
    }
    if (k == '\n' || k == UI_FN(KEY_ENTER))
        k = UI_ENTER;
    if (ui_form_key(ui, &S->toa_field, TOA_FIELDS, k, toa_save))
        return;
    ui_le_feed(&S->toa[S->toa_field], k);
}

void ui_steps_toa_choose(struct ui *ui)
{
    const struct kr_toa_version *v = steps_cur_toa(S);
    if (!v) {
        ui_message(ui, UI_ERROR, "Maak eerst een theory of action (n).");
        return;
    }
    struct kr_error err = {0};
    char *group = kr_xstrdup(v->group && *v->group ? v->group : "deze versie");
    if (kr_app_toa_choose(ui->app, ui->session.id, v->id, &err) != KR_OK)
        ui_store_error(ui, "Kiezen lukte niet", &err);
    else
        ui_message(ui, UI_OK, "De theory of action van %s is gekozen.", group);
    free(group);
    load(ui);
}

static void confirm_key(struct ui *ui, int k)
{
    S->mode = M_BROWSE;
    if (k != 'j' && k != 'J') {
        ui_message(ui, UI_NORMAL, "Niets verwijderd.");
        return;
    }
    struct kr_error err = {0};
    enum kr_status r;
    if (S->view == V_STEPS) {
        const struct kr_next_step *s = steps_cur_step(S);
        r = s ? kr_app_step_delete(ui->app, s->id, &err) : KR_OK;
    } else {
        const struct kr_toa_version *v = steps_cur_toa(S);
        r = v ? kr_app_toa_version_delete(ui->app, v->id, &err) : KR_OK;
    }
    if (r == KR_OK)
        ui_message(ui, UI_OK, "Verwijderd.");
    else
        ui_store_error(ui, "Verwijderen lukte niet", &err);
    load(ui);
}

/* K / J (Shift-↑ / Shift-↓): the selected step one place up or down, saved at once. */
void ui_steps_move(struct ui *ui, int dir)
{
    size_t i = S->sel[V_STEPS], j = dir < 0 ? i - 1 : i + 1;
    if (S->steps.n < 2 || (dir < 0 && i == 0) || (dir > 0 && i + 1 >= S->steps.n)) {
        ui_message(ui, UI_NORMAL,
                   dir < 0 ? "Deze stap staat al bovenaan." : "Deze stap staat al onderaan.");
        return;
    }
    const char **ids = kr_xcalloc(S->steps.n, sizeof *ids);
    for (size_t n = 0; n < S->steps.n; n++)
        ids[n] = S->steps.items[n].id;
    ids[i] = S->steps.items[j].id;
    ids[j] = S->steps.items[i].id;
    struct kr_error err = {0};
    enum kr_status r = kr_app_steps_reorder(ui->app, ui->session.id, ids, S->steps.n, &err);
    free(ids);
    if (r != KR_OK) {
        ui_store_error(ui, "Verplaatsen lukte niet", &err);
        return;
    }
    load(ui);
    S->sel[V_STEPS] = j;
    ui_message(ui, UI_OK, "Stap staat nu op plaats %zu.", j + 1);
}

static void key(struct ui *ui, int k)
{
    switch (S->mode) {
    case M_STEP_FORM:
        step_form_key(ui, k);
        return;
    case M_EVIDENCE:
        evidence_key(ui, k);
        return;
    case M_TOA_FORM:
        toa_form_key(ui, k);
        return;
    case M_CONFIRM:
        confirm_key(ui, k);
        return;
    default:
        break;
    }
    /* browsing: the commands are bindings (steps_keys.c); here only the moving */
    size_t n = S->view == V_STEPS ? S->steps.n : S->toas.n;
    size_t *sel = &S->sel[S->view];
    if ((k == UI_FN(KEY_UP) || k == 'k') && *sel > 0)
        (*sel)--;
    else if ((k == UI_FN(KEY_DOWN) || k == 'j') && *sel + 1 < n)
        (*sel)++;
}

static void paste(struct ui *ui, const char *text, size_t len)
{
    (void)ui;
    if (S->mode == M_STEP_FORM && S->field == 0)
        kr_le_insert(&S->text, text, len);
    else if (S->mode == M_TOA_FORM)
        kr_le_insert(&S->toa[S->toa_field], text, len);
}

static bool typing(struct ui *ui)
{
    (void)ui;
    return (S->mode == M_STEP_FORM && S->field == 0) || S->mode == M_TOA_FORM;
}

static const char *text_field(struct ui *ui)
{
    return typing(ui) ? "de tekst" : NULL;
}

const struct ui_screen ui_screen_steps = {
    .title = "volgende stappen",
    .bindings = ui_steps_bindings,
    .enter = enter,
    .leave = leave,
    .draw = ui_steps_draw,
    .key = key,
    .paste = paste,
    .takes_keys = ui_steps_takes_keys,
    .typing = typing,
    .text_field = text_field,
};
