/* SPDX-License-Identifier: MIT */
/*
 * What the round, the notes screen and the review share: the zonder-oordeel check and
 * the corner suggestion, the actions on a note (each saved at once and undoable, with
 * the history kept by the store), and the scrolling list of notes.
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/check.h"
#include "kijkronde/clock.h"
#include "kijkronde/mem.h"
#include "kijkronde/names.h"
#include "kijkronde/utf8.h"
#include "ui_internal.h"

/* The app's checker; the call that makes it tells what went wrong with the lexicons. */
static struct kr_checker *checker(struct ui *ui)
{
    struct kr_error err = {0};
    struct kr_checker *c = kr_app_checker(ui->app, &err);
    if (err.status != KR_OK && c)
        ui_message(ui, UI_ERROR,
                   "Een eigen lexicon (oordeel.yaml) klopt niet en wordt niet gebruikt: %s",
                   err.msg);
    else if (err.status != KR_OK)
        ui_message(ui, UI_ERROR, "De oordeelcheck werkt niet: %s", err.msg);
    return c;
}

size_t ui_check(struct ui *ui, const char *text, size_t len, struct ui_span *spans, size_t *n_spans,
                const char **hint)
{
    struct kr_checker *c = checker(ui);
    struct kr_finding_list fl = {0};
    size_t n = c ? kr_check(c, text, len, &fl) : 0;
    if (n_spans)
        *n_spans = 0;
    if (hint)
        *hint = n ? fl.items[0].hint : NULL;
    for (size_t i = 0; spans && i < n && i < UI_MAX_SPANS; i++) {
        spans[i].start = fl.items[i].start;
        spans[i].end = fl.items[i].end;
        *n_spans = i + 1;
    }
    /* A name is marked and hinted like a judgement, but it does not make the note judging:
     * the summary replaces it (kr_findings_judge, the same rule as the export). */
    size_t judging = 0;
    for (size_t i = 0; i < n; i++)
        judging += strcmp(fl.items[i].kind, KR_NAMES_KIND) != 0;
    kr_finding_list_fini(&fl);
    return judging;
}

enum kr_corner ui_suggest(struct ui *ui, const char *text, size_t len)
{
    return kr_app_suggest_corner(ui->app, text, len);
}

/* ---- undo ---- */

void ui_undo_clear(struct ui *ui)
{
    kr_app_undo_forget(ui->app);
    free(ui->undo_select);
    ui->undo_select = NULL;
}

/* The message of an undo that worked (or failed), and what the next list selects. */
static bool undone(struct ui *ui, enum kr_status r, struct kr_app_undone *u,
                   const struct kr_error *err)
{
    if (r == KR_NOT_FOUND && err->status == KR_OK) {
        ui_message(ui, UI_NORMAL, "Er is niets om ongedaan te maken.");
        return false;
    }
    if (r != KR_OK) {
        ui_store_error(ui, "Ongedaan maken lukte niet", err);
        return false;
    }
    static const char *const done[] = {
        [KR_APP_UNDO_ADD] = "Nieuwe notitie weer weggehaald (staat nog in de geschiedenis).",
        [KR_APP_UNDO_EDIT] = "Bewerking ongedaan gemaakt; de vorige tekst staat er weer.",
        [KR_APP_UNDO_DELETE] = "Verwijderde notitie teruggezet.",
        [KR_APP_UNDO_PLACE] = "Plaatsing ongedaan gemaakt.",
        [KR_APP_UNDO_SESSION_DELETE] = "Bijeenkomst teruggezet, met al haar bezoeken en notities.",
    };
    if (u->kind == KR_APP_UNDO_SESSION_DELETE && u->name)
        ui_message(ui, UI_OK, "Bijeenkomst '%s' teruggezet, met al haar bezoeken en notities.",
                   u->name);
    else if (u->kind == KR_APP_UNDO_DELETE && u->name)
        ui_message(ui, UI_OK, "Verwijderde notitie teruggezet: %s", u->name);
    else
        ui_message(ui, UI_OK, "%s", done[u->kind]);
    ui_reflection_drop(ui);
    free(ui->undo_select);
    ui->undo_select = u->kind == KR_APP_UNDO_ADD ? NULL : u->id;
    if (u->kind != KR_APP_UNDO_ADD)
        u->id = NULL;
    kr_app_undone_fini(u);
    return true;
}

bool ui_undo_last(struct ui *ui)
{
    struct kr_app_undone u;
    struct kr_error err = {0};
    enum kr_status r = kr_app_undo(ui->app, &u, &err);
    return undone(ui, r, &u, &err);
}

bool ui_undo_session_delete(struct ui *ui)
{
    struct kr_app_undone u;
    struct kr_error err = {0};
    enum kr_status r = kr_app_undo_session_delete(ui->app, &u, &err);
    if (r == KR_NOT_FOUND && err.status == KR_OK) /* deleted in an earlier run: still there */
        r = kr_app_restore_last_deleted(ui->app, NULL, &u, &err);
    if (r == KR_NOT_FOUND && err.status == KR_OK) {
        ui_message(ui, UI_NORMAL, "Er is hier niets om ongedaan te maken.");
        return false;
    }
    return undone(ui, r, &u, &err);
}

/* ---- actions ---- */

bool ui_note_place(struct ui *ui, const struct kr_observation *o, enum kr_corner c)
{
    struct kr_error err = {0};
    if (o->corner == c)
        return true;
    if (kr_app_note_place(ui->app, o, c, &err) != KR_OK) {
        ui_store_error(ui, "Plaatsen lukte niet", &err);
        return false;
    }
    ui_reflection_drop(ui); /* o may be the reflection's: not used after this */
    if (c == KR_CORNER_NONE)
        ui_message(ui, UI_OK, "Notitie staat weer los (niet geplaatst).");
    else
        ui_message(ui, UI_OK, "Geplaatst bij %s.", kr_corner_str(c));
    return true;
}

bool ui_note_delete(struct ui *ui, const struct kr_observation *o)
{
    struct kr_error err = {0};
    if (kr_app_note_delete(ui->app, o, &err) != KR_OK) {
        ui_store_error(ui, "Verwijderen lukte niet", &err);
        return false;
    }
    ui_reflection_drop(ui);
    ui_message(ui, UI_OK, "Notitie verwijderd. Ongedaan maken: u of Ctrl-Z.");
    return true;
}

bool ui_note_edit(struct ui *ui, const struct kr_observation *o, const char *text)
{
    struct kr_error err = {0};
    if (strcmp(o->text, text) == 0)
        return true;
    if (kr_app_note_edit(ui->app, o, text, &err) != KR_OK) {
        ui_store_error(ui, "Bewerking niet bewaard", &err);
        return false;
    }
    ui_reflection_drop(ui);
    ui_message(ui, UI_OK, "Bewerking bewaard. Ongedaan maken: Ctrl-Z.");
    return true;
}

bool ui_note_keep(struct ui *ui, const struct kr_observation *o)
{
    struct kr_error err = {0};
    if (kr_app_note_keep(ui->app, o->id, "bewust zo gehouden", &err) != KR_OK) {
        ui_store_error(ui, "Bewaren lukte niet", &err);
        return false;
    }
    ui_reflection_drop(ui);
    ui_message(ui, UI_OK, "Notitie blijft zo staan (gemarkeerd als bewust gehouden).");
    return true;
}

/* ---- the list ---- */

const char *ui_show_label(enum ui_show s)
{
    static const char *const names[UI_SHOW_COUNT] = {
        "alle notities", "leerling", "leraar", "leerinhoud", "niet geplaatst", "met oordeelwoorden",
    };
    return names[s];
}

static bool shown(const struct ui_notelist *nl, const struct kr_observation *o, bool flagged)
{
    switch (nl->show) {
    case UI_SHOW_LEERLING:
        return o->corner == KR_CORNER_LEERLING;
    case UI_SHOW_LERAAR:
        return o->corner == KR_CORNER_LERAAR;
    case UI_SHOW_LEERINHOUD:
        return o->corner == KR_CORNER_LEERINHOUD;
    case UI_SHOW_UNPLACED:
        return o->corner == KR_CORNER_NONE;
    case UI_SHOW_FLAGGED:
        return flagged;
    default:
        return true;
    }
}

void ui_notelist_fini(struct ui_notelist *nl)
{
    kr_observation_list_fini(&nl->notes);
    kr_visit_list_fini(&nl->visits);
    free(nl->flagged);
    nl->flagged = NULL;
    memset(&nl->notes, 0, sizeof nl->notes);
    memset(&nl->visits, 0, sizeof nl->visits);
}

void ui_notelist_load(struct ui *ui, struct ui_notelist *nl, const struct kr_obs_filter *f)
{
    struct kr_error err = {0};
    struct kr_observation_list all = {0};
    char *sel_id = NULL;
    const struct kr_observation *sel = ui_notelist_selected(nl);
    if (sel)
        sel_id = kr_xstrdup(sel->id);
    size_t old_sel = nl->sel;
    ui_notelist_fini(nl);
    if (kr_app_notes_list(ui->app, f, &all, &err) != KR_OK) {
        if (f->search)
            ui_message(ui, UI_ERROR, "Zoeken lukte niet; probeer gewone woorden.");
        else
            ui_store_error(ui, "Kan de notities niet lezen", &err);
    }
    if (nl->with_visit && ui->session.id)
        kr_app_visits(ui->app, ui->session.id, &nl->visits, &err);
    nl->flagged = kr_xcalloc(all.n + 1, sizeof *nl->flagged);
    for (size_t i = 0; i < all.n; i++) {
        bool flagged =
            ui_check(ui, all.items[i].text, strlen(all.items[i].text), NULL, NULL, NULL) > 0;
        if (!shown(nl, &all.items[i], flagged)) {
            kr_observation_fini(&all.items[i]);
            continue;
        }
        KR_GROW(nl->notes.items, nl->notes.cap, nl->notes.n + 1);
        nl->flagged[nl->notes.n] = flagged;
        nl->notes.items[nl->notes.n++] = all.items[i];
    }
    free(all.items);
    nl->sel = old_sel < nl->notes.n ? old_sel : (nl->notes.n ? nl->notes.n - 1 : 0);
    if (sel_id)
        ui_notelist_select(nl, sel_id);
    free(sel_id);
    /* After an undo the note it brought back is selected, wherever it was. */
    if (ui->undo_select) {
        ui_notelist_select(nl, ui->undo_select);
        free(ui->undo_select);
        ui->undo_select = NULL;
    }
}

void ui_notelist_select(struct ui_notelist *nl, const char *id)
{
    for (size_t i = 0; i < nl->notes.n; i++)
        if (strcmp(nl->notes.items[i].id, id) == 0)
            nl->sel = i;
}

const struct kr_observation *ui_notelist_selected(const struct ui_notelist *nl)
{
    return nl->sel < nl->notes.n ? &nl->notes.items[nl->sel] : NULL;
}

static const char *visit_label(const struct ui_notelist *nl, const char *visit_id)
{
    for (size_t i = 0; i < nl->visits.n; i++)
        if (strcmp(nl->visits.items[i].id, visit_id) == 0)
            return nl->visits.items[i].label ? nl->visits.items[i].label : "";
    return "";
}

static const char *corner_tag(enum kr_corner c)
{
    const char *s = kr_corner_str(c);
    return s ? s : "-";
}

#define ELSEWHERE_LONG  "(ook bewerkt op een andere laptop) "
#define ELSEWHERE_SHORT "(ook elders bewerkt) "

void ui_notelist_draw(struct ui *ui, struct ui_notelist *nl, int y, int rows, bool focused)
{
    if (rows < 1)
        return;
    if (nl->notes.n == 0) {
        ui_put(ui, y, 2, ui->cols - 4, UI_DIM,
               nl->show == UI_SHOW_ALL ? "Nog geen notities." : "Geen notities in dit filter.");
        return;
    }
    if (nl->sel < nl->top)
        nl->top = nl->sel;
    if (nl->sel >= nl->top + (size_t)rows)
        nl->top = nl->sel - (size_t)rows + 1;
    for (size_t i = nl->top; i < nl->notes.n && (int)(i - nl->top) < rows; i++) {
        const struct kr_observation *o = &nl->notes.items[i];
        int row = y + (int)(i - nl->top), x = 1;
        bool sel = focused && i == nl->sel;
        enum ui_attr base = sel ? UI_SELECT : UI_NORMAL;
        char hhmm[6];
        if (sel)
            ui_fill(ui, row, 0, UI_SELECT);
        ui_put(ui, row, x, 1, UI_SELECT, sel ? ">" : " ");
        x += 1;
        kr_clock_hhmm(o->at ? o->at : "", hhmm);
        x += ui_put(ui, row, x, 5, base, hhmm) + 1;
        if (nl->with_visit)
            x += ui_put(ui, row, x, 10, sel ? UI_SELECT : UI_DIM, visit_label(nl, o->visit_id)) + 1;
        ui_put(ui, row, x, 10, sel ? UI_SELECT : ui_corner_attr(o->corner), corner_tag(o->corner));
        x += 11;
        if (nl->flagged[i])
            ui_put(ui, row, x, 1, o->keep_reason ? UI_DIM : UI_JUDGE, "!");
        x += 2;
        struct ui_span spans[UI_MAX_SPANS];
        size_t n_spans = 0;
        if (nl->flagged[i])
            ui_check(ui, o->text, strlen(o->text), spans, &n_spans, NULL);
        /* Changed on two laptops that had not seen each other's change: the newest is the
         * text, the other is in the history. The selected note says so in words. */
        if (ui->app && kr_app_note_changed_elsewhere(ui->app, o->id) == 1 && x < ui->cols - 4)
            x += ui_put(ui, row, x, ui->cols - x - 1, sel ? UI_SELECT : UI_JUDGE,
                        sel ? ELSEWHERE_LONG : ELSEWHERE_SHORT);
        /* One row per note in the list: a longer note ends in "…" after a whole word. */
        ui_put_wrapped(ui, row, x, ui->cols - x - 1, 1, base, o->text, spans, n_spans, UI_JUDGE);
    }
}

bool ui_notelist_move(struct ui_notelist *nl, int key, int rows)
{
    size_t page = rows > 1 ? (size_t)rows - 1 : 1;
    switch (key) {
    case UI_FN(KEY_UP):
    case 'k':
        if (nl->sel > 0)
            nl->sel--;
        return true;
    case UI_FN(KEY_DOWN):
    case 'j':
        if (nl->sel + 1 < nl->notes.n)
            nl->sel++;
        return true;
    case UI_FN(KEY_PPAGE):
        nl->sel = nl->sel > page ? nl->sel - page : 0;
        return true;
    case UI_FN(KEY_NPAGE):
        nl->sel =
            nl->sel + page < nl->notes.n ? nl->sel + page : (nl->notes.n ? nl->notes.n - 1 : 0);
        return true;
    case UI_FN(KEY_HOME):
    case 'g':
        nl->sel = 0;
        return true;
    case UI_FN(KEY_END):
    case 'G':
        nl->sel = nl->notes.n ? nl->notes.n - 1 : 0;
        return true;
    default:
        return false;
    }
}

bool ui_notelist_act(struct ui *ui, struct ui_notelist *nl, int key)
{
    const struct kr_observation *o = ui_notelist_selected(nl);
    if (key == 'u' || key == UI_CTRL('z')) {
        struct kr_app_undone u;
        struct kr_error err = {0};
        enum kr_status r = kr_app_undo(ui->app, &u, &err);
        /* Nothing of this run to take back: a note deleted in an earlier run is still there. */
        if (r == KR_NOT_FOUND && err.status == KR_OK && ui->session.id)
            r = kr_app_restore_last_deleted(ui->app, ui->session.id, &u, &err);
        undone(ui, r, &u, &err);
        return true;
    }
    if (!o)
        return false;
    switch (key) {
    case '1':
        ui_note_place(ui, o, KR_CORNER_LEERLING);
        return true;
    case '2':
        ui_note_place(ui, o, KR_CORNER_LERAAR);
        return true;
    case '3':
        ui_note_place(ui, o, KR_CORNER_LEERINHOUD);
        return true;
    case '0':
        ui_note_place(ui, o, KR_CORNER_NONE);
        return true;
    case 'v': {
        enum kr_corner c = ui_suggest(ui, o->text, strlen(o->text));
        if (c != KR_CORNER_NONE)
            ui_note_place(ui, o, c);
        return true;
    }
    case 'd':
    case UI_FN(KEY_DC):
        ui_note_delete(ui, o);
        return true;
    case 'h':
        if (nl->flagged[nl->sel])
            ui_note_keep(ui, o);
        else
            ui_message(ui, UI_NORMAL, "Deze notitie heeft geen oordeelwoorden.");
        return true;
    default:
        return false;
    }
}
