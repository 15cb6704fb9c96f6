/* SPDX-License-Identifier: MIT */
/* The start screen: the bijeenkomsten in this database, a new one, and the demo; Tab goes to
 * the networks (screen_network.c). */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "kijkronde/plural.h"
#include "ui_internal.h"

/* Bijeenkomsten read at a time: the list is read a page at a time as the selection comes near
 * its end (kr_app_sessions_page), so start-up does not grow with the database (issue 21). */
#define PAGE 200

static struct {
    struct kr_session_list list;
    size_t sel, top;
    bool loaded;
    bool more; /* bijeenkomsten after the ones read */
} S;

/* Read the next page (all the rest with all) after the ones read. */
static void read_more(struct ui *ui, bool all)
{
    struct kr_error err = {0};
    const char *after = S.list.n ? S.list.items[S.list.n - 1].id : NULL;
    if (kr_app_sessions_page(ui->app, after, all ? 0 : PAGE, &S.list, &S.more, &err) != KR_OK)
        ui_store_error(ui, "Kan de bijeenkomsten niet lezen", &err);
}

static void load(struct ui *ui)
{
    size_t had = S.list.n;
    kr_session_list_fini(&S.list);
    memset(&S.list, 0, sizeof S.list);
    read_more(ui, false);
    while (S.more && S.list.n < had) /* as far as before (after an undo or a change) */
        read_more(ui, false);
    if (S.sel >= S.list.n)
        S.sel = S.list.n ? S.list.n - 1 : 0;
    /* After an undo the bijeenkomst it brought back is selected. */
    if (ui->undo_select) {
        bool in = false;
        for (size_t i = 0; i < S.list.n && !in; i++)
            in = strcmp(S.list.items[i].id, ui->undo_select) == 0;
        if (!in && S.more)
            read_more(ui, true);
        for (size_t i = 0; i < S.list.n; i++)
            if (strcmp(S.list.items[i].id, ui->undo_select) == 0)
                S.sel = i;
        free(ui->undo_select);
        ui->undo_select = NULL;
    }
}

/* u here undoes the latest deletion of a bijeenkomst (a note's undo belongs to its own
 * screens). */
static void undo(struct ui *ui)
{
    if (ui_undo_session_delete(ui))
        load(ui);
}

static void enter(struct ui *ui)
{
    ui_close_session(ui);
    /* Read after the first frame is on screen (see tick). */
    S.loaded = false;
    ui->tick_now = true;
}

static void tick(struct ui *ui)
{
    if (!S.loaded) {
        load(ui);
        S.loaded = true;
    }
}

static void leave(struct ui *ui)
{
    (void)ui;
    kr_session_list_fini(&S.list);
    memset(&S.list, 0, sizeof S.list);
}

static void draw(struct ui *ui)
{
    int y = 2;
    ui_put(ui, y, 2, ui->cols - 4, UI_HEAD, "Bijeenkomsten");
    ui_put(ui, y++, ui->cols - 15, 13, UI_DIM, "Tab netwerken");
    y++;
    if (!S.loaded) {
        ui_put(ui, y, 2, ui->cols - 4, UI_DIM, "De bijeenkomsten worden gelezen…");
        return;
    }
    if (S.list.n == 0) {
        ui_put(ui, y++, 2, ui->cols - 4, UI_NORMAL,
               "Er staan nog geen bijeenkomsten in deze database.");
        y++;
        ui_put(ui, y++, 2, ui->cols - 4, UI_NORMAL, "n  Nieuwe bijeenkomst maken");
        ui_put(ui, y++, 2, ui->cols - 4, UI_NORMAL, "d  De demo-bijeenkomst bekijken");
        return;
    }
    int avail = ui->rows - 3 - y;
    if (S.sel < S.top)
        S.top = S.sel;
    if (S.sel >= S.top + (size_t)avail)
        S.top = S.sel - (size_t)avail + 1;
    for (size_t i = S.top; i < S.list.n && y < ui->rows - 3; i++, y++) {
        const struct kr_session *s = &S.list.items[i];
        enum ui_attr a = i == S.sel ? UI_SELECT : UI_NORMAL;
        if (i == S.sel)
            ui_fill(ui, y, 1, UI_SELECT);
        int x = 2;
        x += ui_putf(ui, y, x, 12, a, "%-10s", s->date ? s->date : "");
        x += 2;
        x += ui_putf(ui, y, x, 28, a, "%s%s", s->host_school ? s->host_school : "(geen school)",
                     s->is_demo ? " (demo)" : "");
        x = x < 42 ? 42 : x + 2;
        ui_putf(ui, y, x, ui->cols - x - 1, a, "%ld %s, %ld %s", s->n_visits,
                kr_plural(s->n_visits, "bezoek", "bezoeken"), s->n_observations,
                kr_plural(s->n_observations, "notitie", "notities"));
    }
}

static void open_demo(struct ui *ui)
{
    struct kr_error err = {0};
    char *id = NULL;
    bool created = false;
    if (!ui->opt->demo_fill) {
        ui_message(ui, UI_ERROR, "De demo is hier niet beschikbaar.");
        return;
    }
    if (ui->opt->demo_fill(ui->app, &id, &created, &err) != KR_OK) {
        ui_store_error(ui, "Kan de demo niet maken", &err);
        return;
    }
    if (ui_open_session(ui, id))
        ui_push(ui, &ui_screen_session);
    free(id);
}

static void key(struct ui *ui, int k)
{
    if (!S.loaded)
        tick(ui);
    switch (k) {
    case UI_FN(KEY_UP):
    case 'k':
        if (S.sel > 0)
            S.sel--;
        break;
    case UI_FN(KEY_DOWN):
    case 'j':
        if (S.more && S.sel + 2 >= S.list.n)
            read_more(ui, false);
        if (S.sel + 1 < S.list.n)
            S.sel++;
        break;
    case UI_FN(KEY_HOME):
    case 'g':
        S.sel = 0;
        break;
    case UI_FN(KEY_END):
    case 'G':
        if (S.more)
            read_more(ui, true);
        S.sel = S.list.n ? S.list.n - 1 : 0;
        break;
    case UI_ENTER:
        if (S.sel < S.list.n && ui_open_session(ui, S.list.items[S.sel].id))
            ui_push(ui, &ui_screen_session);
        break;
    case 'n':
    case 'N':
        ui_push(ui, &ui_screen_new);
        break;
    case 'd':
    case 'D':
        open_demo(ui);
        break;
    case 'u':
    case UI_CTRL('z'):
        undo(ui);
        break;
    case UI_TAB:
        ui_push(ui, &ui_screen_networks);
        break;
    case 'q':
    case 'Q':
    case UI_ESC:
        ui_back(ui);
        break;
    default:
        break;
    }
}

static const char *footer(struct ui *ui)
{
    (void)ui;
    return "Enter openen|n nieuwe bijeenkomst|d demo|u ongedaan|? hulp|q stoppen";
}

static const struct ui_help help[] = {
    {"↑ ↓ (j k)", "kies een bijeenkomst"},
    {"Enter", "open de gekozen bijeenkomst"},
    {"n", "nieuwe bijeenkomst maken"},
    {"Tab", "de netwerken: hun scholen en bijeenkomsten, opvolging"},
    {"d", "de demo-bijeenkomst openen (wordt zo nodig gemaakt)"},
    {"u, Ctrl-Z", "een verwijderde bijeenkomst terugzetten"},
    {"?", "deze hulp"},
    {"q, Esc", "stoppen"},
    {"Ctrl-C", "direct stoppen (alles is al bewaard)"},
    {NULL, NULL},
};

const struct ui_screen ui_screen_start = {
    .title = "bijeenkomsten",
    .help = help,
    .enter = enter,
    .leave = leave,
    .draw = draw,
    .key = key,
    .tick = tick,
    .footer = footer,
};
