/* SPDX-License-Identifier: MIT */
/*
 * The start screen of one network: its schools and its bijeenkomsten in date order (kind,
 * host school, kijkvraag, notes, next steps). Enter opens one (the follow-up of earlier steps
 * comes up there), v moves one to another network (or to none), r renames the network.
 * "Zonder netwerk" (net_id NULL) lists the bijeenkomsten of no network, to move them into one.
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "kijkronde/plural.h"
#include "kijkronde/utf8.h"
#include "network_ui.h"

static char *net_id; /* the network the network screen shows, NULL: zonder netwerk */

void ui_network_select(const char *id)
{
    free(net_id);
    net_id = id ? kr_xstrdup(id) : NULL;
}

/* ---- one network ---- */

static struct {
    struct kr_network_info info; /* id NULL: zonder netwerk */
    struct kr_network_session_list sessions;
    char *schools; /* "De Wilg, Het Anker": the host schools in order of first visit */
    size_t sel, top;
    struct ui_name_prompt prompt;
    bool moving; /* v: picking the network the selected bijeenkomst moves to */
    struct kr_network_info_list targets;
    size_t pick, pick_top;
} N;

static void net_load(struct ui *ui)
{
    struct kr_error err = {0};
    kr_network_info_fini(&N.info);
    memset(&N.info, 0, sizeof N.info);
    kr_network_session_list_fini(&N.sessions);
    memset(&N.sessions, 0, sizeof N.sessions);
    free(N.schools);
    N.schools = NULL;
    enum kr_status r;
    if (net_id) {
        r = kr_app_network_get(ui->app, net_id, &N.info, &err);
        if (r == KR_OK)
            r = kr_app_network_sessions(ui->app, net_id, &N.sessions, &err);
    } else {
        r = kr_app_network_sessions(ui->app, NULL, &N.sessions, &err);
    }
    if (r != KR_OK)
        ui_store_error(ui, "Kan het netwerk niet lezen", &err);
    struct kr_buf b = {0};
    for (size_t i = 0; i < N.sessions.n; i++) {
        const char *h = N.sessions.items[i].host_school;
        bool seen = !h;
        for (size_t k = 0; k < i && !seen; k++)
            seen =
                N.sessions.items[k].host_school && strcmp(N.sessions.items[k].host_school, h) == 0;
        if (!seen)
            kr_buf_printf(&b, "%s%s", b.len ? ", " : "", h);
    }
    N.schools = b.len ? kr_xstrdup(kr_buf_str(&b)) : NULL;
    kr_buf_fini(&b);
    if (N.sel >= N.sessions.n)
        N.sel = N.sessions.n ? N.sessions.n - 1 : 0;
}

static void net_enter(struct ui *ui)
{
    kr_le_init(&N.prompt.ed);
    N.prompt.on = N.moving = false;
    net_load(ui);
}

static void net_leave(struct ui *ui)
{
    (void)ui;
    kr_network_info_fini(&N.info);
    memset(&N.info, 0, sizeof N.info);
    kr_network_session_list_fini(&N.sessions);
    memset(&N.sessions, 0, sizeof N.sessions);
    kr_network_info_list_fini(&N.targets);
    memset(&N.targets, 0, sizeof N.targets);
    free(N.schools);
    N.schools = NULL;
    ui_name_prompt_fini(&N.prompt);
    kr_le_fini(&N.prompt.ed);
}

static const struct kr_network_session *net_cur(void)
{
    return N.sel < N.sessions.n ? &N.sessions.items[N.sel] : NULL;
}

/* v: the other networks, and "geen netwerk" (the last row) for one that is in a network. */
static size_t move_rows(void)
{
    return N.targets.n + (net_id != NULL);
}

static void move_draw(struct ui *ui, int y)
{
    const struct kr_network_session *s = net_cur();
    int w = ui->cols - 4;
    ui_putf(ui, y++, 2, w, UI_HEAD, "Bijeenkomst %s, %s verplaatsen naar:", s->date,
            s->host_school ? s->host_school : "zonder school");
    y++;
    size_t avail = ui->rows - 3 > y ? (size_t)(ui->rows - 3 - y) : 0;
    ui_keep_visible(N.pick, &N.pick_top, avail);
    for (size_t i = N.pick_top; i < move_rows() && y < ui->rows - 3; i++, y++) {
        bool on = i == N.pick;
        if (on)
            ui_fill(ui, y, 1, UI_SELECT);
        ui_put(ui, y, 4, w - 2, on ? UI_SELECT : UI_NORMAL,
               i < N.targets.n ? N.targets.items[i].name : "(geen netwerk)");
    }
    if (move_rows() == 0)
        ui_put(ui, y, 4, w - 2, UI_DIM, "Er is geen ander netwerk; maak er een met n op de lijst.");
}

static void net_draw(struct ui *ui)
{
    int y = 2, w = ui->cols - 4;
    ui_put(ui, y++, 2, w, UI_HEAD, net_id ? (N.info.name ? N.info.name : "") : "Zonder netwerk");
    ui_putf(ui, y++, 2, w, UI_NORMAL, "Scholen: %s", N.schools ? N.schools : "nog geen");
    long open = 0;
    for (size_t i = 0; i < N.sessions.n; i++)
        open += N.sessions.items[i].n_open_steps;
    ui_putf(ui, y++, 2, w, UI_DIM, "%zu %s · %ld open %s", N.sessions.n,
            kr_plural((long long)N.sessions.n, "bijeenkomst", "bijeenkomsten"), open,
            kr_plural(open, "volgende stap", "volgende stappen"));
    y++;
    if (N.moving) {
        move_draw(ui, y);
        return;
    }
    ui_put(ui, y++, 2, w, UI_HEAD, "Bijeenkomsten in volgorde van datum");
    if (N.sessions.n == 0)
        ui_put_wrapped(ui, y, 2, w, 3, UI_NORMAL,
                       "Nog geen bijeenkomsten. Kies bij een nieuwe bijeenkomst dit netwerk, of "
                       "verplaats er een hierheen met v.",
                       NULL, 0, UI_NORMAL);
    int bottom = ui->rows - 3 - (N.prompt.on ? 3 : 0);
    size_t avail = bottom > y ? (size_t)(bottom - y) / 2 : 0;
    ui_keep_visible(N.sel, &N.top, avail);
    for (size_t i = N.top; i < N.sessions.n && y + 1 < bottom; i++, y += 2) {
        const struct kr_network_session *s = &N.sessions.items[i];
        bool on = i == N.sel;
        enum ui_attr a = on ? UI_SELECT : UI_NORMAL, d = on ? UI_SELECT : UI_DIM;
        if (on) {
            ui_fill(ui, y, 1, UI_SELECT);
            ui_fill(ui, y + 1, 1, UI_SELECT);
        }
        /* date, host school, counts; under it the kind and the kijkvraag */
        char counts[96];
        int n = snprintf(counts, sizeof counts, "%ld %s", s->n_observations,
                         kr_plural(s->n_observations, "notitie", "notities"));
        if (s->n_steps)
            snprintf(counts + n, sizeof counts - (size_t)n, " · %ld %s, %ld open", s->n_steps,
                     kr_plural(s->n_steps, "stap", "stappen"), s->n_open_steps);
        int cw = (int)kr_utf8_width(counts, strlen(counts));
        int x = 2 + ui_putf(ui, y, 2, 11, a, "%s", s->date ? s->date : "") + 2;
        ui_put(ui, y, x, ui->cols - x - cw - 4, a,
               s->host_school ? s->host_school : "(geen school)");
        ui_put(ui, y, ui->cols - cw - 2, cw, on ? a : UI_DIM, counts);
        char *line = kr_xasprintf("%s · %s", ui_kind_nl(s->kind), s->kijkvraag ? s->kijkvraag : "");
        ui_put_wrapped(ui, y + 1, 4, w - 2, 1, d, line, NULL, 0, d);
        free(line);
    }
    if (N.prompt.on)
        ui_name_prompt_draw(ui, &N.prompt);
}

static void move_open(struct ui *ui)
{
    struct kr_error err = {0};
    if (!net_cur())
        return;
    kr_network_info_list_fini(&N.targets);
    memset(&N.targets, 0, sizeof N.targets);
    struct kr_network_info_list all = {0};
    if (kr_app_networks(ui->app, &all, &err) != KR_OK) {
        ui_store_error(ui, "Kan de netwerken niet lezen", &err);
        kr_network_info_list_fini(&all);
        return;
    }
    for (size_t i = 0; i < all.n; i++) {
        if (net_id && strcmp(all.items[i].id, net_id) == 0) {
            kr_network_info_fini(&all.items[i]);
            continue;
        }
        KR_GROW(N.targets.items, N.targets.cap, N.targets.n + 1);
        N.targets.items[N.targets.n++] = all.items[i];
    }
    free(all.items);
    N.pick = N.pick_top = 0;
    N.moving = true;
}

static void move_key(struct ui *ui, int k)
{
    if (ui_list_move(&N.pick, move_rows(), k))
        return;
    if (k == UI_ESC || k == 'q') {
        N.moving = false;
        ui_message(ui, UI_NORMAL, "Niets verplaatst.");
        return;
    }
    if (k != UI_ENTER || N.pick >= move_rows())
        return;
    struct kr_error err = {0};
    const struct kr_network_info *to = N.pick < N.targets.n ? &N.targets.items[N.pick] : NULL;
    const struct kr_network_session *s = net_cur();
    if (kr_app_session_move(ui->app, s->id, to ? to->id : NULL, &err) != KR_OK) {
        ui_store_error(ui, "Verplaatsen lukte niet", &err);
        return;
    }
    if (to)
        ui_message(ui, UI_OK, "Bijeenkomst %s verplaatst naar '%s'.", s->date, to->name);
    else
        ui_message(ui, UI_OK, "Bijeenkomst %s hoort nu bij geen netwerk.", s->date);
    N.moving = false;
    net_load(ui);
}

static void net_key(struct ui *ui, int k)
{
    if (N.moving) {
        move_key(ui, k);
        return;
    }
    if (N.prompt.on) {
        if (k == UI_ESC) {
            N.prompt.on = false;
            ui_message(ui, UI_NORMAL, "Niets veranderd.");
        } else if (k == UI_ENTER || k == UI_CTRL('s')) {
            if (ui_name_prompt_save(ui, &N.prompt))
                net_load(ui);
        } else {
            ui_le_feed(&N.prompt.ed, k);
        }
        return;
    }
    ui_list_move(&N.sel, N.sessions.n, k);
}

static void net_open(struct ui *ui)
{
    if (net_cur() && ui_open_session(ui, net_cur()->id))
        ui_push(ui, &ui_screen_session);
}

static void net_rename(struct ui *ui)
{
    if (net_id)
        ui_name_prompt_open(&N.prompt, net_id, N.info.name);
    else
        ui_message(ui, UI_NORMAL, "'Zonder netwerk' is geen netwerk en heeft geen naam.");
}

static void net_paste(struct ui *ui, const char *text, size_t len)
{
    (void)ui;
    if (N.prompt.on)
        kr_le_insert(&N.prompt.ed, text, len);
}

static bool net_typing(struct ui *ui)
{
    (void)ui;
    return N.prompt.on;
}

static const char *net_text_field(struct ui *ui)
{
    return net_typing(ui) ? "de naam" : NULL;
}

/* Choosing where to move a bijeenkomst, or the name prompt, takes the keys. */
static bool net_takes_keys(struct ui *ui)
{
    (void)ui;
    return N.moving || N.prompt.on;
}

static bool net_commands(struct ui *ui)
{
    return !net_takes_keys(ui);
}

static bool net_moving(struct ui *ui)
{
    (void)ui;
    return N.moving && !N.prompt.on;
}

static const struct ui_binding net_bindings[] = {
    {.keys = {UI_FN(KEY_UP)}, .name = "↑ ↓ (j k)", .help = "kies een bijeenkomst"},
    {.keys = {UI_ENTER},
     .name = "Enter",
     .help = "open de bijeenkomst (met de opvolging van eerdere stappen)",
     .foot = "openen",
     .action = net_open,
     .when = net_commands},
    {.keys = {'v', 'V'},
     .name = "v",
     .help = "de gekozen bijeenkomst naar een ander netwerk verplaatsen",
     .foot = "verplaatsen",
     .action = move_open,
     .when = net_commands},
    {.keys = {'r', 'R'},
     .name = "r",
     .help = "het netwerk hernoemen",
     .foot = "hernoemen",
     .action = net_rename,
     .when = net_commands},
    {.keys = {'q', 'Q', UI_ESC},
     .name = "q, Esc",
     .help = "terug naar de netwerken",
     .foot_name = "q",
     .foot = "terug",
     .foot_pos = 1,
     .action = ui_back,
     .when = net_commands},
    {.keys = {'?'}, .name = "?", .help = "deze hulp", .foot = "hulp", .when = net_commands},
    /* choosing the network to move to, and the name prompt: their keys go to net_key() */
    {.keys = {UI_FN(KEY_UP)}, .name = "↑↓", .foot = "kies", .when = net_moving},
    {.keys = {UI_ENTER}, .name = "Enter", .foot = "verplaatsen", .when = net_moving},
    {.keys = {UI_ESC}, .name = "Esc", .foot = "annuleren", .when = net_moving},
    {.keys = {UI_ENTER}, .name = "Enter", .foot = "bewaren", .when = net_typing},
    {.keys = {UI_ESC}, .name = "Esc", .foot = "annuleren", .when = net_typing},
    {.name = NULL},
};

const struct ui_screen ui_screen_network = {
    .title = "netwerk",
    .bindings = net_bindings,
    .enter = net_enter,
    .leave = net_leave,
    .draw = net_draw,
    .key = net_key,
    .paste = net_paste,
    .takes_keys = net_takes_keys,
    .typing = net_typing,
    .text_field = net_text_field,
};
