/* SPDX-License-Identifier: MIT */
/*
 * The networks (begeleide leernetwerken) of the database and the start screen of one network.
 * The list (Tab on the start screen) shows each network with its bijeenkomsten, schools and
 * open next steps; n makes a network, r renames one, and "Zonder netwerk" holds the
 * bijeenkomsten that belong to none. A network's screen lists its schools and its
 * bijeenkomsten in date order (kind, host school, kijkvraag, notes); Enter opens one (the
 * follow-up of earlier steps comes up there), v moves one to another network, r renames.
 * All through the store's network API (kijkronde/network.h); every change is saved at once.
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "kijkronde/network.h"
#include "kijkronde/plural.h"
#include "kijkronde/utf8.h"
#include "ui_internal.h"

/* ---- a one-line name prompt under a list (n, r) ---- */

struct prompt {
    bool on;
    bool rename; /* rename network id, else create */
    char *id;
    struct kr_lineedit ed;
};

static void prompt_open(struct prompt *p, const char *id, const char *name)
{
    p->on = true;
    p->rename = id != NULL;
    free(p->id);
    p->id = id ? kr_xstrdup(id) : NULL;
    kr_le_set(&p->ed, name);
}

static void prompt_fini(struct prompt *p)
{
    free(p->id);
    p->id = NULL;
    p->on = false;
}

/* Create or rename; true when saved (the prompt closes), false with the message set. */
static bool prompt_save(struct ui *ui, struct prompt *p)
{
    struct kr_error err = {0};
    char *name = ui_trimmed(p->ed.text);
    enum kr_status r;
    if (!name) {
        ui_message(ui, UI_ERROR, "Een netwerk heeft een naam nodig.");
        return false;
    }
    if (p->rename) {
        r = kr_store_network_rename(ui->st, p->id, name, &err);
    } else {
        char *id = NULL;
        r = kr_store_network_create(ui->st, name, &id, &err);
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

static void prompt_draw(struct ui *ui, const struct prompt *p)
{
    int y = ui->rows - 5, w = ui->cols - 4;
    ui_fill(ui, y - 1, 0, UI_NORMAL);
    ui_fill(ui, y, 0, UI_NORMAL);
    ui_fill(ui, y + 1, 0, UI_NORMAL);
    ui_put(ui, y, 2, w, UI_HEAD,
           p->rename ? "Nieuwe naam van het netwerk:" : "Naam van het nieuwe netwerk:");
    ui_draw_field(ui, y + 1, 2, w, 1, &p->ed, true, NULL, 0);
}

static bool list_move(size_t *sel, size_t n, int k)
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

static void keep_visible(size_t sel, size_t *top, size_t avail)
{
    if (avail == 0)
        return;
    if (sel < *top)
        *top = sel;
    if (sel >= *top + avail)
        *top = sel - avail + 1;
}

/* The bijeenkomsten without a network, by date, as the network screen lists them. */
static enum kr_status sessions_without_network(struct kr_store *st,
                                               struct kr_network_session_list *out,
                                               struct kr_error *err)
{
    struct kr_session_list all = {0};
    enum kr_status r = kr_store_session_list(st, &all, err);
    /* the list is newest first: walk it backwards for date order */
    for (size_t i = all.n; r == KR_OK && i-- > 0;) {
        struct kr_session *s = &all.items[i];
        if (s->network_id)
            continue;
        KR_GROW(out->items, out->cap, out->n + 1);
        struct kr_network_session *o = &out->items[out->n++];
        memset(o, 0, sizeof *o);
        o->id = kr_xstrdup(s->id);
        o->date = kr_xstrdup(s->date ? s->date : "");
        o->kind = s->kind ? kr_xstrdup(s->kind) : NULL;
        o->host_school = s->host_school ? kr_xstrdup(s->host_school) : NULL;
        o->kijkvraag = kr_xstrdup(s->kijkvraag_text ? s->kijkvraag_text : "");
        o->n_visits = s->n_visits;
        o->n_observations = s->n_observations;
    }
    kr_session_list_fini(&all);
    return r;
}

/* ---- the list of networks ---- */

static struct {
    struct kr_network_info_list nets;
    long n_without; /* bijeenkomsten without a network: a last row "Zonder netwerk" */
    size_t sel, top;
    struct prompt prompt;
} L;

static char *net_id; /* the network the network screen shows, NULL: zonder netwerk */

void ui_network_select(const char *id)
{
    free(net_id);
    net_id = id ? kr_xstrdup(id) : NULL;
}

static size_t list_rows(void)
{
    return L.nets.n + (L.n_without > 0);
}

static void list_load(struct ui *ui, const char *select_id)
{
    struct kr_error err = {0};
    kr_network_info_list_fini(&L.nets);
    memset(&L.nets, 0, sizeof L.nets);
    if (kr_store_network_list(ui->st, &L.nets, &err) != KR_OK)
        ui_store_error(ui, "Kan de netwerken niet lezen", &err);
    struct kr_network_session_list none = {0};
    if (sessions_without_network(ui->st, &none, &err) != KR_OK)
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
    L.prompt.on = false;
    list_load(ui, NULL);
}

static void list_leave(struct ui *ui)
{
    (void)ui;
    kr_network_info_list_fini(&L.nets);
    memset(&L.nets, 0, sizeof L.nets);
    prompt_fini(&L.prompt);
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
    keep_visible(L.sel, &L.top, avail);
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
        prompt_draw(ui, &L.prompt);
}

static void list_key(struct ui *ui, int k)
{
    if (L.prompt.on) {
        if (k == UI_ESC) {
            L.prompt.on = false;
            ui_message(ui, UI_NORMAL, "Niets veranderd.");
        } else if (k == UI_ENTER || k == UI_CTRL('s')) {
            if (prompt_save(ui, &L.prompt))
                list_load(ui, L.prompt.id);
        } else {
            ui_le_feed(&L.prompt.ed, k);
        }
        return;
    }
    if (list_move(&L.sel, list_rows(), k))
        return;
    switch (k) {
    case UI_ENTER:
        if (L.sel < list_rows()) {
            ui_network_select(L.sel < L.nets.n ? L.nets.items[L.sel].id : NULL);
            ui_push(ui, &ui_screen_network);
        }
        return;
    case 'n':
    case 'N':
        prompt_open(&L.prompt, NULL, NULL);
        return;
    case 'r':
    case 'R':
        if (L.sel < L.nets.n)
            prompt_open(&L.prompt, L.nets.items[L.sel].id, L.nets.items[L.sel].name);
        else
            ui_message(ui, UI_NORMAL, "Kies eerst een netwerk om te hernoemen.");
        return;
    case UI_TAB:
    case 'q':
    case 'Q':
    case UI_ESC:
        ui_back(ui);
        return;
    default:
        return;
    }
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

static const char *list_footer(struct ui *ui)
{
    (void)ui;
    return L.prompt.on
               ? "Enter bewaren|Esc annuleren"
               : "Enter openen|n nieuw netwerk|r hernoemen|Tab bijeenkomsten|? hulp|q terug";
}

static const struct ui_help list_help[] = {
    {"↑ ↓ (j k)", "kies een netwerk"},
    {"Enter", "open het netwerk: zijn scholen en bijeenkomsten"},
    {"n", "nieuw netwerk maken"},
    {"r", "het gekozen netwerk hernoemen"},
    {"Tab, q, Esc", "terug naar de bijeenkomsten"},
    {"?", "deze hulp"},
    {NULL, NULL},
};

const struct ui_screen ui_screen_networks = {
    .title = "netwerken",
    .help = list_help,
    .enter = list_enter,
    .leave = list_leave,
    .draw = list_draw,
    .key = list_key,
    .paste = list_paste,
    .footer = list_footer,
    .typing = list_typing,
    .text_field = list_text_field,
};

/* ---- one network ---- */

static struct {
    struct kr_network_info info; /* id NULL: zonder netwerk */
    struct kr_network_session_list sessions;
    char *schools; /* "De Wilg, Het Anker": the host schools in order of first visit */
    size_t sel, top;
    struct prompt prompt;
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
        r = kr_store_network_get(ui->st, net_id, &N.info, &err);
        if (r == KR_OK)
            r = kr_store_network_sessions(ui->st, net_id, &N.sessions, &err);
    } else {
        r = sessions_without_network(ui->st, &N.sessions, &err);
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
    prompt_fini(&N.prompt);
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
    keep_visible(N.pick, &N.pick_top, avail);
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
    keep_visible(N.sel, &N.top, avail);
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
        prompt_draw(ui, &N.prompt);
}

static void move_open(struct ui *ui)
{
    struct kr_error err = {0};
    if (!net_cur())
        return;
    kr_network_info_list_fini(&N.targets);
    memset(&N.targets, 0, sizeof N.targets);
    struct kr_network_info_list all = {0};
    if (kr_store_network_list(ui->st, &all, &err) != KR_OK) {
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
    if (list_move(&N.pick, move_rows(), k))
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
    if (kr_store_session_move(ui->st, s->id, to ? to->id : NULL, &err) != KR_OK) {
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
            if (prompt_save(ui, &N.prompt))
                net_load(ui);
        } else {
            ui_le_feed(&N.prompt.ed, k);
        }
        return;
    }
    if (list_move(&N.sel, N.sessions.n, k))
        return;
    switch (k) {
    case UI_ENTER:
        if (net_cur() && ui_open_session(ui, net_cur()->id))
            ui_push(ui, &ui_screen_session);
        return;
    case 'v':
    case 'V':
        move_open(ui);
        return;
    case 'r':
    case 'R':
        if (net_id)
            prompt_open(&N.prompt, net_id, N.info.name);
        else
            ui_message(ui, UI_NORMAL, "'Zonder netwerk' is geen netwerk en heeft geen naam.");
        return;
    case 'q':
    case 'Q':
    case UI_ESC:
        ui_back(ui);
        return;
    default:
        return;
    }
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

static const char *net_footer(struct ui *ui)
{
    (void)ui;
    if (N.prompt.on)
        return "Enter bewaren|Esc annuleren";
    if (N.moving)
        return "↑↓ kies|Enter verplaatsen|Esc annuleren";
    return "Enter openen|v verplaatsen|r hernoemen|? hulp|q terug";
}

static const struct ui_help net_help[] = {
    {"↑ ↓ (j k)", "kies een bijeenkomst"},
    {"Enter", "open de bijeenkomst (met de opvolging van eerdere stappen)"},
    {"v", "de gekozen bijeenkomst naar een ander netwerk verplaatsen"},
    {"r", "het netwerk hernoemen"},
    {"q, Esc", "terug naar de netwerken"},
    {"?", "deze hulp"},
    {NULL, NULL},
};

const struct ui_screen ui_screen_network = {
    .title = "netwerk",
    .help = net_help,
    .enter = net_enter,
    .leave = net_leave,
    .draw = net_draw,
    .key = net_key,
    .paste = net_paste,
    .footer = net_footer,
    .typing = net_typing,
    .text_field = net_text_field,
};
