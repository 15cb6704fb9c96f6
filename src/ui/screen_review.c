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
    if (ui_notelist_move(&V.list, k, 5))
        return;
    switch (k) {
    case 'e':
    case 'r':
        if (o) {
            kr_le_set(&V.ed, o->text);
            V.editing = true;
        }
        return;
    case 'h':
        if (o && ui_note_keep(ui, o)) {
            reload(ui);
            if (V.list.sel + 1 < V.list.notes.n)
                V.list.sel++;
        }
        return;
    case 'u':
    case UI_CTRL('z'):
        ui_undo_last(ui);
        reload(ui);
        return;
    case UI_ENTER:
    case 'b':
        next_visit(ui);
        return;
    case 'q':
    case UI_ESC:
        ui_back(ui);
        return;
    default:
        return;
    }
}

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

static const char *footer(struct ui *ui)
{
    (void)ui;
    if (V.editing)
        return "Enter bewaar|Esc annuleer";
    if (V.list.notes.n == 0)
        return "Enter volgend bezoek|q terug|? hulp";
    return "e herschrijf|h houd zo|↑ ↓ kies|Enter volgend bezoek|q terug|? hulp";
}

static const struct ui_help help[] = {
    {"↑ ↓", "kies een notitie"},
    {"e", "herschrijf de notitie als feit (de oude tekst blijft bewaard)"},
    {"h", "houd de notitie bewust zo"},
    {"u, Ctrl-Z", "maak de laatste stap ongedaan"},
    {"Enter", "begin het volgende bezoek"},
    {"q, Esc", "terug naar de bijeenkomst"},
    {NULL, NULL},
};

const struct ui_screen ui_screen_review = {
    .title = "nabespreking bezoek",
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
