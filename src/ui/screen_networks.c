/* SPDX-License-Identifier: MIT */
/*
 * The networks (begeleide leernetwerken) of the database: Tab on the start screen. Each with
 * its bijeenkomsten, schools and open next steps, and a last row "Zonder netwerk" for the
 * bijeenkomsten that belong to none; Enter opens one (screen_network.c), n makes a network, r
 * renames one, d deletes an empty one. Also the name prompt both network screens use. All
 * through the app's networks (kijkronde/app.h); every change is saved at once.
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "kijkronde/plural.h"
#include "network_ui.h"

/* ---- shared with screen_network.c (network_ui.h) ---- */

void ui_name_prompt_open(struct ui_name_prompt *p, const char *id, const char *name)
{
    p->on = true;
    p->rename = id != NULL;
    free(p->id);
    p->id = id ? kr_xstrdup(id) : NULL;
    kr_le_set(&p->ed, name);
}

void ui_name_prompt_fini(struct ui_name_prompt *p)
{
    free(p->id);
    p->id = NULL;
    p->on = false;
}

/* Create or rename; true when saved (the prompt closes), false with the message set. */
bool ui_name_prompt_save(struct ui *ui, struct ui_name_prompt *p)
{
    struct kr_error err = {0};
    char *name = ui_trimmed(p->ed.text);
    enum kr_status r;
    if (!name) {
        ui_message(ui, UI_ERROR, "Een netwerk heeft een naam nodig.");
        return false;
    }
    if (p->rename) {
        r = kr_app_network_rename(ui->app, p->id, name, &err);
    } else {
        char *id = NULL;
        r = kr_app_network_create(ui->app, name, &id, &err);
        if (r == KR_OK) {
            free(p->id);
            p->id = id; /* the caller selects the new network */
        }
    }
    if (r == KR_EXISTS)
        ui_message(ui, UI_ERROR, "Er is al een netwerk met de naam '%s'; kies een andere naam.",
                   name);
    else if (r != KR_OK)
        ui_store_error(ui, p->rename ? "Hernoemen lukte niet" : "Netwerk maken lukte niet", &err);
    else
        ui_message(ui, UI_OK, p->rename ? "Netwerk hernoemd tot '%s'." : "Netwerk '%s' gemaakt.",
                   name);
    free(name);
    p->on = r != KR_OK; /* on an error the name stays to be corrected */
    return r == KR_OK;
}

void ui_name_prompt_draw(struct ui *ui, const struct ui_name_prompt *p)
{
    int y = ui->rows - 5, w = ui->cols - 4;
    ui_fill(ui, y - 1, 0, UI_NORMAL);
    ui_fill(ui, y, 0, UI_NORMAL);
    ui_fill(ui, y + 1, 0, UI_NORMAL);
    ui_put(ui, y, 2, w, UI_HEAD,
           p->rename ? "Nieuwe naam van het netwerk:" : "Naam van het nieuwe netwerk:");
    ui_draw_field(ui, y + 1, 2, w, 1, &p->ed, true, NULL, 0);
}

bool ui_list_move(size_t *sel, size_t n, int k)
{
    switch (k) {
    case UI_FN(KEY_UP):
    case 'k':
        if (*sel > 0)
            (*sel)--;
        return true;
    case UI_FN(KEY_DOWN):
    case 'j':
        if (*sel + 1 < n)
            (*sel)++;
        return true;
    case UI_FN(KEY_HOME):
    case 'g':
        *sel = 0;
        return true;
    case UI_FN(KEY_END):
    case 'G':
        *sel = n ? n - 1 : 0;
        return true;
    default:
        return false;
    }
}

void ui_keep_visible(size_t sel, size_t *top, size_t avail)
{
    if (avail == 0)
        return;
    if (sel < *top)
        *top = sel;
    if (sel >= *top + avail)
        *top = sel - avail + 1;
}

/* ---- the list of networks ---- */

static struct {
    struct kr_network_info_list nets;
    long n_without; /* bijeenkomsten without a network: a last row "Zonder netwerk" */
    size_t sel, top;
    struct ui_name_prompt prompt;
    bool confirm_delete; /* d asked "verwijderen? (j/n)" for the selected (empty) network */
} L;

static size_t list_rows(void)
{
    return L.nets.n + (L.n_without > 0);
}

static void list_load(struct ui *ui, const char *select_id)
{
    struct kr_error err = {0};
    kr_network_info_list_fini(&L.nets);
    memset(&L.nets, 0, sizeof L.nets);
    if (kr_app_networks(ui->app, &L.nets, &err) != KR_OK)
        ui_store_error(ui, "Kan de netwerken niet lezen", &err);
    struct kr_network_session_list none = {0};
    if (kr_app_network_sessions(ui->app, NULL, &none, &err) != KR_OK)
        ui_store_error(ui, "Kan de bijeenkomsten niet lezen", &err);
    L.n_without = (long)none.n;
    kr_network_session_list_fini(&none);
    for (size_t i = 0; select_id && i < L.nets.n; i++)
        if (strcmp(L.nets.items[i].id, select_id) == 0)
            L.sel = i;
    if (L.sel >= list_rows())
        L.sel = list_rows() ? list_rows() - 1 : 0;
}

static void list_enter(struct ui *ui)
{
    kr_le_init(&L.prompt.ed);
    L.prompt.on = L.confirm_delete = false;
    list_load(ui, NULL);
}

static void list_leave(struct ui *ui)
{
    (void)ui;
    kr_network_info_list_fini(&L.nets);
    memset(&L.nets, 0, sizeof L.nets);
    ui_name_prompt_fini(&L.prompt);
    kr_le_fini(&L.prompt.ed);
}

static void list_draw(struct ui *ui)
{
    int y = 2, w = ui->cols - 4;
    ui_put(ui, y, 2, w, UI_HEAD, "Netwerken");
    ui_put(ui, y++, ui->cols - 19, 17, UI_DIM, "Tab bijeenkomsten");
    y++;
    if (list_rows() == 0) {
        ui_put(ui, y++, 2, w, UI_NORMAL, "Er staan nog geen netwerken in deze database.");
        y++;
        ui_put(ui, y++, 2, w, UI_NORMAL, "n  Nieuw netwerk maken");
        ui_put_wrapped(ui, y + 1, 2, w, 3, UI_DIM,
                       "Een bijeenkomst komt in een netwerk met v op het netwerkscherm, of met "
                       "w (wijzigen) op de bijeenkomst.",
                       NULL, 0, UI_DIM);
    }
    int bottom = ui->rows - 3 - (L.prompt.on ? 3 : 0);
    size_t avail = bottom > y ? (size_t)(bottom - y) / 2 : 0;
    ui_keep_visible(L.sel, &L.top, avail);
    for (size_t i = L.top; i < list_rows() && y + 1 < bottom; i++, y += 2) {
        bool on = i == L.sel;
        enum ui_attr a = on ? UI_SELECT : UI_NORMAL, d = on ? UI_SELECT : UI_DIM;
        if (on) {
            ui_fill(ui, y, 1, UI_SELECT);
            ui_fill(ui, y + 1, 1, UI_SELECT);
        }
        if (i == L.nets.n) {
            ui_put(ui, y, 2, w, a, "Zonder netwerk");
            ui_putf(ui, y + 1, 4, w - 2, d, "%ld %s die bij geen netwerk %s", L.n_without,
                    kr_plural(L.n_without, "bijeenkomst", "bijeenkomsten"),
                    kr_plural(L.n_without, "hoort", "horen"));
            continue;
        }
        const struct kr_network_info *n = &L.nets.items[i];
        ui_put(ui, y, 2, w, a, n->name ? n->name : "");
        char dates[64] = "";
        if (n->first_date && n->last_date && strcmp(n->first_date, n->last_date) != 0)
            snprintf(dates, sizeof dates, " · %s – %s", n->first_date, n->last_date);
        else if (n->first_date)
            snprintf(dates, sizeof dates, " · %s", n->first_date);
        ui_putf(ui, y + 1, 4, w - 2, d, "%ld %s · %ld %s · %ld open %s%s", n->n_sessions,
                kr_plural(n->n_sessions, "bijeenkomst", "bijeenkomsten"), n->n_schools,
                kr_plural(n->n_schools, "school", "scholen"), n->n_open_steps,
                kr_plural(n->n_open_steps, "stap", "stappen"), dates);
    }
    if (L.prompt.on)
        ui_name_prompt_draw(ui, &L.prompt);
}

/* d: only an empty network goes (one made by mistake); its bijeenkomsten would lose it. */
static void list_ask_delete(struct ui *ui)
{
    if (L.sel >= L.nets.n)
        return;
    const struct kr_network_info *n = &L.nets.items[L.sel];
    if (n->n_sessions > 0) {
        ui_message(ui, UI_NORMAL, "Netwerk '%s' heeft %ld %s; verplaats ze eerst (Enter, v).",
                   n->name, n->n_sessions,
                   kr_plural(n->n_sessions, "bijeenkomst", "bijeenkomsten"));
        return;
    }
    L.confirm_delete = true;
    ui_message(ui, UI_HINT, "Netwerk '%s' verwijderen? (j/n)", n->name);
}

static void list_delete(struct ui *ui, bool yes)
{
    struct kr_error err = {0};
    if (!yes || L.sel >= L.nets.n) {
        ui_message(ui, UI_NORMAL, "Niet verwijderd.");
        return;
    }
    char *name = kr_xstrdup(L.nets.items[L.sel].name);
    if (kr_app_network_delete(ui->app, L.nets.items[L.sel].id, &err) != KR_OK)
        ui_store_error(ui, "Verwijderen lukte niet", &err);
    else
        ui_message(ui, UI_OK, "Netwerk '%s' verwijderd.", name);
    free(name);
    list_load(ui, NULL);
}

static void list_key(struct ui *ui, int k)
{
    if (L.prompt.on) {
        if (k == UI_ESC) {
            L.prompt.on = false;
            ui_message(ui, UI_NORMAL, "Niets veranderd.");
        } else if (k == UI_ENTER || k == UI_CTRL('s')) {
            if (ui_name_prompt_save(ui, &L.prompt))
                list_load(ui, L.prompt.id);
        } else {
            ui_le_feed(&L.prompt.ed, k);
        }
        return;
    }
    if (L.confirm_delete) {
        L.confirm_delete = false;
        list_delete(ui, k == 'j' || k == 'J');
        return;
    }
    ui_list_move(&L.sel, list_rows(), k);
}

static void list_open(struct ui *ui)
{
    if (L.sel < list_rows()) {
        ui_network_select(L.sel < L.nets.n ? L.nets.items[L.sel].id : NULL);
        ui_push(ui, &ui_screen_network);
    }
}

static void list_new(struct ui *ui)
{
    (void)ui;
    ui_name_prompt_open(&L.prompt, NULL, NULL);
}

static void list_rename(struct ui *ui)
{
    if (L.sel < L.nets.n)
        ui_name_prompt_open(&L.prompt, L.nets.items[L.sel].id, L.nets.items[L.sel].name);
    else
        ui_message(ui, UI_NORMAL, "Kies eerst een netwerk om te hernoemen.");
}

static void list_paste(struct ui *ui, const char *text, size_t len)
{
    (void)ui;
    if (L.prompt.on)
        kr_le_insert(&L.prompt.ed, text, len);
}

static bool list_typing(struct ui *ui)
{
    (void)ui;
    return L.prompt.on;
}

static const char *list_text_field(struct ui *ui)
{
    return list_typing(ui) ? "de naam" : NULL;
}

/* The name prompt or the j/n question of d takes the keys. */
static bool list_takes_keys(struct ui *ui)
{
    (void)ui;
    return L.prompt.on || L.confirm_delete;
}

static bool list_commands(struct ui *ui)
{
    (void)ui;
    return !L.prompt.on;
}

static const struct ui_binding list_bindings[] = {
    {.keys = {UI_FN(KEY_UP)}, .name = "↑ ↓ (j k)", .help = "kies een netwerk"},
    {.keys = {UI_ENTER},
     .name = "Enter",
     .help = "open het netwerk: zijn scholen en bijeenkomsten",
     .foot = "openen",
     .action = list_open,
     .when = list_commands},
    {.keys = {'n', 'N'},
     .name = "n",
     .help = "nieuw netwerk maken",
     .foot = "nieuw netwerk",
     .action = list_new,
     .when = list_commands},
    {.keys = {'r', 'R'},
     .name = "r",
     .help = "het gekozen netwerk hernoemen",
     .foot = "hernoemen",
     .action = list_rename,
     .when = list_commands},
    {.keys = {'d', 'D'},
     .name = "d",
     .help = "een leeg netwerk verwijderen (j/n)",
     .action = list_ask_delete,
     .when = list_commands},
    {.keys = {UI_TAB, 'q', 'Q', UI_ESC},
     .name = "Tab, q, Esc",
     .help = "terug naar de bijeenkomsten",
     .foot_name = "Tab",
     .foot = "bijeenkomsten",
     .action = ui_back,
     .when = list_commands},
    {.keys = {'?'}, .name = "?", .help = "deze hulp", .foot = "hulp", .when = list_commands},
    {.keys = {'q'}, .name = "q", .foot = "terug", .when = list_commands},
    /* the name prompt: its keys go to list_key() */
    {.keys = {UI_ENTER}, .name = "Enter", .foot = "bewaren", .when = list_typing},
    {.keys = {UI_ESC}, .name = "Esc", .foot = "annuleren", .when = list_typing},
    {.name = NULL},
};

const struct ui_screen ui_screen_networks = {
    .title = "netwerken",
    .bindings = list_bindings,
    .enter = list_enter,
    .leave = list_leave,
    .draw = list_draw,
    .key = list_key,
    .paste = list_paste,
    .takes_keys = list_takes_keys,
    .typing = list_typing,
    .text_field = list_text_field,
};
