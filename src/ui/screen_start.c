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

/* The keys that use the list read it first when it is not read yet (see tick). */
static void up(struct ui *ui)
{
    tick(ui);
    if (S.sel > 0)
        S.sel--;
}

static void down(struct ui *ui)
{
    tick(ui);
    if (S.more && S.sel + 2 >= S.list.n)
        read_more(ui, false);
    if (S.sel + 1 < S.list.n)
        S.sel++;
}

static void first(struct ui *ui)
{
    tick(ui);
    S.sel = 0;
}

static void last(struct ui *ui)
{
    tick(ui);
    if (S.more)
        read_more(ui, true);
    S.sel = S.list.n ? S.list.n - 1 : 0;
}

static void open_selected(struct ui *ui)
{
    tick(ui);
    if (S.sel < S.list.n && ui_open_session(ui, S.list.items[S.sel].id))
        ui_push(ui, &ui_screen_session);
}

static void undo_delete(struct ui *ui)
{
    tick(ui);
    undo(ui);
}

static void key(struct ui *ui, int k)
{
    (void)k;
    tick(ui);
}

static const struct ui_binding bindings[] = {
    {.keys = {UI_FN(KEY_UP), 'k'},
     .name = "↑ ↓ (j k)",
     .help = "kies een bijeenkomst",
     .action = up},
    {.keys = {UI_FN(KEY_DOWN), 'j'}, .name = "↓", .action = down},
    {.keys = {UI_FN(KEY_HOME), 'g'}, .name = "Home", .action = first},
    {.keys = {UI_FN(KEY_END), 'G'}, .name = "End", .action = last},
    {.keys = {UI_ENTER},
     .name = "Enter",
     .help = "open de gekozen bijeenkomst",
     .foot = "openen",
     .action = open_selected},
    {.keys = {'n', 'N'},
     .name = "n",
     .help = "nieuwe bijeenkomst maken",
     .foot = "nieuwe bijeenkomst",
     .screen = &ui_screen_new},
    {.keys = {UI_TAB},
     .name = "Tab",
     .help = "de netwerken: hun scholen en bijeenkomsten, opvolging",
     .screen = &ui_screen_networks},
    {.keys = {'d', 'D'},
     .name = "d",
     .help = "de demo-bijeenkomst openen (wordt zo nodig gemaakt)",
     .foot = "demo",
     .action = open_demo},
    {.keys = {'u', UI_CTRL('z')},
     .name = "u, Ctrl-Z",
     .help = "een verwijderde bijeenkomst terugzetten",
     .foot_name = "u",
     .foot = "ongedaan",
     .action = undo_delete},
    {.keys = {'?'}, .name = "?", .help = "deze hulp", .foot = "hulp"},
    {.keys = {'q', 'Q', UI_ESC},
     .name = "q, Esc",
     .help = "stoppen",
     .foot_name = "q",
     .foot = "stoppen",
     .action = ui_back},
    {.keys = {UI_CTRL('c')}, .name = "Ctrl-C", .help = "direct stoppen (alles is al bewaard)"},
    {.name = NULL}, /* the end */
};

const struct ui_screen ui_screen_start = {
    .title = "bijeenkomsten",
    .bindings = bindings,
    .enter = enter,
    .leave = leave,
    .draw = draw,
    .key = key,
    .tick = tick,
};
