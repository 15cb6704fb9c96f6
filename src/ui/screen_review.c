/* SPDX-License-Identifier: MIT */
/*
 * After a visit: a short review of its notes with judging words. Per note the
 * observer rewrites it (the old text stays in the history) or keeps it as it is;
 * then the next visit starts.
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "kijkronde/plural.h"
#include "ui_internal.h"

static struct {
    struct ui_notelist list;
    struct kr_lineedit ed;
    bool editing;
} V;

static void reload(struct ui *ui)
{
    struct kr_obs_filter f = {.visit_id = ui->visit.id};
    ui_notelist_load(ui, &V.list, &f);
}

static void enter(struct ui *ui)
{
    kr_le_init(&V.ed);
    V.editing = false;
    V.list.show = UI_SHOW_FLAGGED;
    V.list.sel = 0;
    reload(ui);
}

static void leave(struct ui *ui)
{
    (void)ui;
    ui_notelist_fini(&V.list);
    kr_le_fini(&V.ed);
}

static void draw(struct ui *ui)
{
    int y = 2;
    size_t open = 0;
    for (size_t i = 0; i < V.list.notes.n; i++)
        open += V.list.notes.items[i].keep_reason == NULL;
    ui_putf(ui, y++, 2, ui->cols - 4, UI_HEAD, "Bezoek afgerond: %s", ui->visit.label);
    y++;
    if (V.list.notes.n == 0) {
        ui_put(
            ui, y++, 2, ui->cols - 4, UI_OK,
            "Geen notities met oordeelwoorden: alles beschrijft wat er te zien en te horen was.");
        y++;
        ui_put(ui, y, 2, ui->cols - 4, UI_NORMAL,
               "Enter: volgend bezoek beginnen    q: terug naar de bijeenkomst");
        return;
    }
    ui_putf(ui, y++, 2, ui->cols - 4, UI_NORMAL,
            "%zu %s met oordeelwoorden (%zu nog niet besproken).", V.list.notes.n,
            kr_plural((long long)V.list.notes.n, "notitie", "notities"), open);
    ui_put(ui, y++, 2, ui->cols - 4, UI_NORMAL,
           "Herschrijf ze als feit (e), of houd ze bewust zo (h).");
    y++;
    int rows = ui->rows - 3 - y - 6;
    ui_notelist_draw(ui, &V.list, y, rows < 3 ? 3 : rows, true);
    y += rows < 3 ? 3 : rows;
    const struct kr_observation *o = ui_notelist_selected(&V.list);
    if (!o)
        return;
    struct ui_span spans[UI_MAX_SPANS];
    size_t n_spans = 0;
    const char *hint = NULL;
    if (V.editing) {
        ui_check(ui, V.ed.text, V.ed.len, spans, &n_spans, &hint);
        if (hint)
            ui_putf(ui, y, 2, ui->cols - 4, UI_HINT, "Tip: %s", hint);
        ui_put(ui, y + 1, 2, 10, UI_HEAD, "Herschrijf ›");
        ui_draw_field(ui, y + 1, 14, ui->cols - 16, 2, &V.ed, true, spans, n_spans);
        return;
    }
    ui_check(ui, o->text, strlen(o->text), spans, &n_spans, &hint);
    y += ui_put_wrapped(ui, y, 2, ui->cols - 4, 2, UI_NORMAL, o->text, spans, n_spans, UI_JUDGE);
    if (hint)
        ui_putf(ui, y++, 2, ui->cols - 4, UI_HINT, "Tip: %s", hint);
    if (o->keep_reason)
        ui_put(ui, y, 2, ui->cols - 4, UI_DIM, "Bewust zo gehouden.");
}

static void next_visit(struct ui *ui)
{
    ui_replace(ui, &ui_screen_visit);
}

static void key(struct ui *ui, int k)
{
    const struct kr_observation *o = ui_notelist_selected(&V.list);
    if (V.editing) {
        if (k == UI_ESC) {
            V.editing = false;
        } else if (k == UI_ENTER) {
            if (o && !kr_le_blank(&V.ed) && ui_note_edit(ui, o, V.ed.text)) {
                V.editing = false;
                reload(ui);
            }
        } else if (k == UI_CTRL('z')) {
            ui_undo_last(ui);
        } else {
            ui_le_feed(&V.ed, k);
        }
        return;
    }
    ui_notelist_move(&V.list, k, 5);
}

static void rewrite(struct ui *ui)
{
    const struct kr_observation *o = ui_notelist_selected(&V.list);
    (void)ui;
    if (o) {
        kr_le_set(&V.ed, o->text);
        V.editing = true;
    }
}

static void keep(struct ui *ui)
{
    const struct kr_observation *o = ui_notelist_selected(&V.list);
    if (o && ui_note_keep(ui, o)) {
        reload(ui);
        if (V.list.sel + 1 < V.list.notes.n)
            V.list.sel++;
    }
}

static void undo(struct ui *ui)
{
    ui_undo_last(ui);
    reload(ui);
}

static bool browsing(struct ui *ui)
{
    (void)ui;
    return !V.editing;
}

static bool with_notes(struct ui *ui)
{
    (void)ui;
    return !V.editing && V.list.notes.n > 0;
}

static bool editing(struct ui *ui)
{
    (void)ui;
    return V.editing;
}

/* The footer: e, h, ↑ ↓, Enter, q, ? (foot_pos); while rewriting only Enter and Esc. */
static const struct ui_binding bindings[] = {
    {.keys = {UI_FN(KEY_UP)},
     .name = "↑ ↓",
     .help = "kies een notitie",
     .foot = "kies",
     .foot_pos = 3,
     .when = with_notes},
    {.keys = {'e', 'r'},
     .name = "e",
     .help = "herschrijf de notitie als feit (de oude tekst blijft bewaard)",
     .foot = "herschrijf",
     .foot_pos = 1,
     .action = rewrite,
     .when = with_notes},
    {.keys = {'h'},
     .name = "h",
     .help = "houd de notitie bewust zo",
     .foot = "houd zo",
     .foot_pos = 2,
     .action = keep,
     .when = with_notes},
    {.keys = {'u', UI_CTRL('z')},
     .name = "u, Ctrl-Z",
     .help = "maak de laatste stap ongedaan",
     .action = undo,
     .when = browsing},
    {.keys = {UI_ENTER, 'b'},
     .name = "Enter",
     .help = "begin het volgende bezoek",
     .foot = "volgend bezoek",
     .foot_pos = 4,
     .action = next_visit,
     .when = browsing},
    {.keys = {'q', UI_ESC},
     .name = "q, Esc",
     .help = "terug naar de bijeenkomst",
     .foot_name = "q",
     .foot = "terug",
     .foot_pos = 5,
     .action = ui_back,
     .when = browsing},
    {.keys = {'?'}, .name = "?", .foot = "hulp", .foot_pos = 6, .when = browsing},
    /* rewriting: the keys go to key() */
    {.keys = {UI_ENTER}, .name = "Enter", .foot = "bewaar", .when = editing},
    {.keys = {UI_ESC}, .name = "Esc", .foot = "annuleer", .when = editing},
    {.name = NULL},
};

static void paste(struct ui *ui, const char *text, size_t len)
{
    (void)ui;
    if (V.editing)
        kr_le_insert(&V.ed, text, len);
}

static bool typing(struct ui *ui)
{
    (void)ui;
    return V.editing;
}

static const char *text_field(struct ui *ui)
{
    (void)ui;
    return V.editing ? "de notitie" : NULL;
}

const struct ui_screen ui_screen_review = {
    .title = "nabespreking bezoek",
    .bindings = bindings,
    .enter = enter,
    .leave = leave,
    .draw = draw,
    .key = key,
    .paste = paste,
    .typing = typing,
    .text_field = text_field,
};
