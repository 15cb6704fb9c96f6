/* SPDX-License-Identifier: MIT */
/*
 * The bijeenkomst screen: the kijkvraag with its kijkpunten, the kind, the school, the
 * ontwikkelvraag, and the visits so far. From here a tweetal starts a visit, and the
 * bindings open the other screens (notes, reflection, export), edit the
 * bijeenkomst (w) or delete it (d: asked first, undone with u on the start screen), or give
 * it a sync folder (s: the TUI then syncs it in the background, sync_live.c; empty clears it).
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/clock.h"
#include "kijkronde/mem.h"
#include "kijkronde/plural.h"
#include "kijkronde/utf8.h"
#include "ui_internal.h"

static struct {
    struct kr_visit_list visits;
    size_t sel, top;
    bool confirm_delete; /* d asked "verwijderen? (j/n)": the next key answers */
    bool asking_sync;    /* s: typing the sync folder in S.folder */
    struct kr_lineedit folder;
    size_t open_steps;  /* next steps of earlier bijeenkomsten of the network to follow up */
    size_t followed_up; /* and those followed up here */
} S;

static void load(struct ui *ui)
{
    struct kr_error err = {0};
    kr_visit_list_fini(&S.visits);
    memset(&S.visits, 0, sizeof S.visits);
    if (kr_app_visits(ui->app, ui->session.id, &S.visits, &err) != KR_OK)
        ui_store_error(ui, "Kan de bezoeken niet lezen", &err);
    /* Counts in the header come from a fresh read too. */
    char *id = kr_xstrdup(ui->session.id);
    struct kr_session s = {0};
    if (kr_app_session_get(ui->app, id, &s, &err) == KR_OK) {
        kr_session_fini(&ui->session);
        ui->session = s;
    } else {
        kr_session_fini(&s);
    }
    free(id);
    if (S.sel >= S.visits.n)
        S.sel = S.visits.n ? S.visits.n - 1 : 0;
    S.open_steps = ui_followup_open(ui, &S.followed_up);
}

static void enter(struct ui *ui)
{
    S.confirm_delete = false;
    S.asking_sync = false;
    load(ui);
    /* After a break or a crash, Enter goes straight on with the visit still open. */
    for (size_t i = 0; i < S.visits.n; i++)
        if (!S.visits.items[i].ended_at)
            S.sel = i;
    ui_followup_offer(ui); /* once per run: the open steps of earlier bijeenkomsten */
}

static void leave(struct ui *ui)
{
    (void)ui;
    kr_visit_list_fini(&S.visits);
    memset(&S.visits, 0, sizeof S.visits);
}

/* The kijkvraag and its kijkpunten at row y; returns the next free row. Shared with the round. */
static int draw_header(struct ui *ui, int y)
{
    const struct kr_session *s = &ui->session;
    int w = ui->cols - 4;
    y += ui_put_wrapped(ui, y, 2, w, 3, UI_HEAD, s->kijkvraag_text ? s->kijkvraag_text : "", NULL,
                        0, UI_HEAD);
    if (s->kijkpunten && *s->kijkpunten) {
        char *kp = kr_xstrdup(s->kijkpunten), *save = NULL;
        int n = 0;
        for (char *line = strtok_r(kp, "\n", &save); line && n < 4;
             line = strtok_r(NULL, "\n", &save), n++)
            ui_putf(ui, y++, 4, w - 2, UI_NORMAL, "• %s", line);
        free(kp);
    }
    ui_putf(ui, y++, 2, w, UI_DIM, "%s · %s%s%s%s%s", ui_kind_nl(s->kind),
            s->host_school ? s->host_school : "(geen school)", s->basis ? " · " : "",
            s->basis ? kr_basis_str(s->basis) : "", s->network_name ? " · " : "",
            s->network_name ? s->network_name : "");
    if (s->ontwikkelvraag && *s->ontwikkelvraag) {
        char *line = kr_xasprintf("Ontwikkelvraag: %s", s->ontwikkelvraag);
        y += ui_put_wrapped(ui, y, 2, w, 2, UI_NORMAL, line, NULL, 0, UI_NORMAL);
        free(line);
    }
    return y;
}

/* "Basisschool De Wilg, 2026-03-12": the bijeenkomst as the user knows it. */
static char *session_name(const struct kr_session *s)
{
    return kr_xasprintf("%s, %s", s->host_school ? s->host_school : "zonder school",
                        s->date ? s->date : "");
}

void ui_session_ask_delete(struct ui *ui)
{
    const struct kr_session *s = &ui->session;
    char *name = session_name(s);
    S.confirm_delete = true;
    ui_message(ui, UI_HINT, "Bijeenkomst '%s' met %ld %s en %ld %s verwijderen? (j/n)", name,
               s->n_visits, kr_plural(s->n_visits, "bezoek", "bezoeken"), s->n_observations,
               kr_plural(s->n_observations, "notitie", "notities"));
    free(name);
}

/* s: ask for the bijeenkomst's sync folder, the one it has filled in. */
void ui_session_ask_sync(struct ui *ui)
{
    char *dir = NULL;
    struct kr_error err = {0};
    if (kr_app_sync_folder(ui->app, ui->session.id, &dir, &err) != KR_OK) {
        ui_store_error(ui, "Kan de sync-map niet lezen", &err);
        return;
    }
    if (!S.folder.text)
        kr_le_init(&S.folder);
    kr_le_set(&S.folder, dir ? dir : "");
    free(dir);
    S.asking_sync = true;
}

/* Enter on the folder: an unusable one is named and asked again; empty means none. */
static void save_sync(struct ui *ui)
{
    struct kr_error err = {0};
    char *abs = NULL, *old = NULL;
    bool none = kr_le_blank(&S.folder);
    if (!none && kr_app_sync_dir_check(S.folder.text, &abs, &err) != KR_OK) {
        ui_message(ui, UI_ERROR, "%s", err.msg);
        return;
    }
    if (kr_app_sync_folder_set(ui->app, ui->session.id, abs, &old, &err) != KR_OK) {
        ui_store_error(ui, "De sync-map bewaren lukte niet", &err);
    } else {
        S.asking_sync = false;
        ui_sync_recheck();
        if (abs)
            ui_message(ui, UI_OK, "Deze bijeenkomst synchroniseert nu vanzelf met %s.", abs);
        else if (old)
            ui_message(ui, UI_OK, "Deze bijeenkomst synchroniseert niet meer vanzelf (was %s).",
                       old);
        else
            ui_message(ui, UI_NORMAL, "Geen sync-map.");
    }
    free(old);
    free(abs);
}

static void key_sync(struct ui *ui, int k)
{
    if (k == UI_ENTER)
        save_sync(ui);
    else if (k == UI_ESC) {
        S.asking_sync = false;
        ui_message(ui, UI_NORMAL, "Sync-map niet veranderd.");
    } else
        ui_le_feed(&S.folder, k);
}

/* j after d: delete softly and go back to the list, where u undoes it. */
static void delete_session(struct ui *ui)
{
    struct kr_error err = {0};
    char *id = kr_xstrdup(ui->session.id), *name = session_name(&ui->session);
    if (kr_app_session_delete(ui->app, id, name, &err) != KR_OK) {
        ui_store_error(ui, "Verwijderen lukte niet", &err);
    } else {
        ui_back(ui);
        ui_message(ui, UI_OK, "Bijeenkomst '%s' verwijderd. u: ongedaan maken.", name);
    }
    free(name);
    free(id);
}

static void draw(struct ui *ui)
{
    int y = draw_header(ui, 2);
    if (S.open_steps)
        ui_putf(ui, y++, 2, ui->cols - 4, UI_HINT,
                "%zu %s van eerdere bijeenkomsten nog op te volgen: o", S.open_steps,
                kr_plural((long long)S.open_steps, "stap", "stappen"));
    else if (S.followed_up)
        ui_putf(ui, y++, 2, ui->cols - 4, UI_DIM, "%zu %s van eerdere bijeenkomsten opgevolgd: o",
                S.followed_up, kr_plural((long long)S.followed_up, "stap", "stappen"));
    y++;
    int hx = ui_putf(ui, y, 2, ui->cols - 4, UI_HEAD, "Bezoeken (%zu)", S.visits.n);
    /* the keys the footer has no room for */
    static const char more[] = "s sync-map · w wijzigen · d verwijderen";
    int mw = (int)kr_utf8_width(more, strlen(more));
    if (ui->cols - 2 - mw > 2 + hx + 2)
        ui_put(ui, y, ui->cols - 2 - mw, mw, UI_DIM, more);
    y++;
    if (S.visits.n == 0) {
        ui_put(ui, y + 1, 2, ui->cols - 4, UI_NORMAL,
               "Nog geen bezoeken. Druk op b om met een tweetal een klas te bezoeken.");
        return;
    }
    if (S.asking_sync) {
        y++;
        ui_put(ui, y++, 2, ui->cols - 4, UI_HEAD, "Sync-map van deze bijeenkomst (leeg: geen):");
        ui_draw_field(ui, y++, 2, ui->cols - 4, 1, &S.folder, true, NULL, 0);
        ui_put(ui, y++, 2, ui->cols - 4, UI_DIM,
               "Een map die Syncthing, een netwerkschijf of een usb-stick deelt.");
        return;
    }
    int avail = ui->rows - 3 - y;
    if (avail < 1)
        return;
    if (S.sel < S.top)
        S.top = S.sel;
    if (S.sel >= S.top + (size_t)avail)
        S.top = S.sel - (size_t)avail + 1;
    for (size_t i = S.top; i < S.visits.n && y < ui->rows - 2; i++, y++) {
        const struct kr_visit *v = &S.visits.items[i];
        enum ui_attr a = i == S.sel ? UI_SELECT : UI_NORMAL;
        char hhmm[6];
        kr_clock_hhmm(v->started_at ? v->started_at : "", hhmm);
        if (i == S.sel)
            ui_fill(ui, y, 1, UI_SELECT);
        int x = 2;
        x += ui_putf(ui, y, x, 6, a, "%s", hhmm);
        x += 1;
        ui_putf(ui, y, x, 18, a, "%s%s%s", v->label ? v->label : "", v->subject ? ", " : "",
                v->subject ? v->subject : "");
        x += 19;
        ui_put(ui, y, x, 16, a, v->tweetal_name ? v->tweetal_name : "");
        x += 17;
        ui_putf(ui, y, x, ui->cols - x - 1, a, "%ld %s%s", v->n_observations,
                kr_plural(v->n_observations, "notitie", "notities"),
                v->ended_at ? "" : "  (bezig)");
    }
}

/* Go on with the chosen visit (a visit left open, or more notes for a finished one). */
static void open_visit(struct ui *ui)
{
    struct kr_error err = {0};
    struct kr_visit v = {0};
    if (S.sel >= S.visits.n)
        return;
    if (kr_app_visit_get(ui->app, S.visits.items[S.sel].id, &v, &err) != KR_OK) {
        ui_store_error(ui, "Kan het bezoek niet openen", &err);
        kr_visit_fini(&v);
        return;
    }
    kr_visit_fini(&ui->visit);
    ui->visit = v;
    ui->visit_start = 0; /* the round reads it from started_at */
    ui_push(ui, &ui_screen_round);
}

static void key(struct ui *ui, int k)
{
    if (S.asking_sync) {
        key_sync(ui, k);
        return;
    }
    if (S.confirm_delete) {
        S.confirm_delete = false;
        if (k == 'j' || k == 'J')
            delete_session(ui);
        else
            ui_message(ui, UI_NORMAL, "Niet verwijderd.");
        return;
    }
}

static void up(struct ui *ui)
{
    (void)ui;
    if (S.sel > 0)
        S.sel--;
}

static void down(struct ui *ui)
{
    (void)ui;
    if (S.sel + 1 < S.visits.n)
        S.sel++;
}

/* The keys are commands: no prompt (sync folder, delete?) takes them. */
static bool commands(struct ui *ui)
{
    (void)ui;
    return !S.asking_sync && !S.confirm_delete;
}

static bool asking_sync(struct ui *ui)
{
    (void)ui;
    return S.asking_sync;
}

static bool confirm_delete(struct ui *ui)
{
    (void)ui;
    return S.confirm_delete;
}

/* Keep the keys free of j, k, g, G: they move. */
static const struct ui_binding bindings[] = {
    {.keys = {UI_FN(KEY_UP), 'k'},
     .name = "↑ ↓ (j k)",
     .help = "kies een bezoek",
     .action = up,
     .when = commands},
    {.keys = {UI_FN(KEY_DOWN), 'j'}, .name = "↓", .action = down, .when = commands},
    {.keys = {UI_ENTER},
     .name = "Enter",
     .help = "ga verder met het gekozen bezoek",
     .action = open_visit,
     .when = commands},
    {.keys = {'?'},
     .name = "?",
     .help = "deze hulp",
     .foot = "hulp",
     .foot_pos = 1,
     .when = commands},
    {.keys = {'q', 'Q', UI_ESC},
     .name = "q, Esc",
     .help = "terug naar de bijeenkomsten",
     .foot_name = "q",
     .foot = "terug",
     .foot_pos = 1,
     .action = ui_back,
     .when = commands},
    {.keys = {'b'},
     .name = "b",
     .help = "nieuw bezoek",
     .foot = "nieuw bezoek",
     .screen = &ui_screen_visit,
     .when = commands},
    {.keys = {'n'},
     .name = "n",
     .help = "alle notities",
     .foot = "alle notities",
     .screen = &ui_screen_notes,
     .when = commands},
    {.keys = {'e'},
     .name = "e",
     .help = "exporteren",
     .foot = "exporteren",
     .action = ui_export_summary,
     .when = commands},
    {.keys = {'E'},
     .name = "E",
     .help = "exporteren: kiezen",
     .screen = &ui_screen_export,
     .when = commands},
    {.keys = {'r'},
     .name = "r",
     .help = "reflectie",
     .foot = "reflectie",
     .screen = &ui_screen_reflect,
     .when = commands},
    {.keys = {'o'},
     .name = "o",
     .help = "opvolging: de stappen van eerdere bijeenkomsten",
     .screen = &ui_screen_followup,
     .when = commands},
    {.keys = {'s'},
     .name = "s",
     .help = "sync-map: vanzelf synchroniseren met een gedeelde map (leeg: niet meer)",
     .action = ui_session_ask_sync,
     .when = commands},
    {.keys = {'w'},
     .name = "w",
     .help = "bijeenkomst wijzigen (ook de soort)",
     .screen = &ui_screen_session_edit,
     .when = commands},
    {.keys = {'d'},
     .name = "d",
     .help = "bijeenkomst verwijderen (u op de startlijst: terug)",
     .action = ui_session_ask_delete,
     .when = commands},
    /* the prompts: their keys go to key() */
    {.keys = {UI_ENTER},
     .name = "Enter",
     .foot = "bewaar (leeg: geen sync-map)",
     .when = asking_sync},
    {.keys = {UI_ESC}, .name = "Esc", .foot = "annuleer", .when = asking_sync},
    {.keys = {'j'}, .name = "j", .foot = "ja, verwijderen", .when = confirm_delete},
    {.keys = {'n'}, .name = "n", .foot = "nee", .when = confirm_delete},
    {.keys = {UI_ESC}, .name = "Esc", .foot = "nee", .when = confirm_delete},
    {.name = NULL}, /* the end */
};

static void paste(struct ui *ui, const char *text, size_t len)
{
    (void)ui;
    if (S.asking_sync)
        kr_le_insert(&S.folder, text, len);
}

static bool typing(struct ui *ui)
{
    (void)ui;
    return S.asking_sync;
}

static const char *text_field(struct ui *ui)
{
    (void)ui;
    return S.asking_sync ? "de sync-map" : NULL;
}

const struct ui_screen ui_screen_session = {
    .paste = paste,
    .typing = typing,
    .text_field = text_field,
    .title = "bijeenkomst",
    .bindings = bindings,
    .enter = enter,
    .leave = leave,
    .draw = draw,
    .key = key,
    .data_changed = load,
};
