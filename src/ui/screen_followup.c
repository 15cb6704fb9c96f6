/* SPDX-License-Identifier: MIT */
/*
 * The follow-up: opening a later bijeenkomst of a network shows the next steps of the earlier
 * ones that are still open (those of the host school first), and the group records per step
 * gedaan, bezig or niet gedaan with one sentence, saved at once with the step
 * (kr_app_follow_up, follow_up_session = the open bijeenkomst). It comes up once per
 * bijeenkomst on this laptop, also across runs (ui_followup_offer, kr_app_followup_seen); s or
 * Esc skips it, b starts a visit
 * at once, and o on the bijeenkomst screen brings it back.
 *
 * Which steps: kr_app_open_steps (kr_store_network_open_steps in network.h): the live steps of the
 * network's bijeenkomsten before this one that were not followed up yet, that were "bezig" at an
 * earlier bijeenkomst (to be followed up again), or that were followed up here (to change it).
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "kijkronde/names.h"
#include "kijkronde/plural.h"
#include "ui_internal.h"

/* A "bezig" from an earlier bijeenkomst as it was when this screen opened: 0 after a
 * follow-up here puts it back. */
struct earlier {
    char *step_id, *session_id, *text;
};

static struct {
    struct kr_open_step_list items;
    struct earlier *earlier;
    size_t n_earlier, cap_earlier;
    size_t sel, top;
    bool editing;
    enum kr_follow_status status; /* what the sentence being typed goes with */
    struct kr_lineedit ed;
    char **shown; /* bijeenkomsten the follow-up came up for in this run */
    size_t n_shown, cap_shown;
} S;

static void items_free(void)
{
    kr_open_step_list_fini(&S.items);
    memset(&S.items, 0, sizeof S.items);
}

static void earlier_free(void)
{
    for (size_t i = 0; i < S.n_earlier; i++) {
        free(S.earlier[i].step_id);
        free(S.earlier[i].session_id);
        free(S.earlier[i].text);
    }
    free(S.earlier);
    S.earlier = NULL;
    S.n_earlier = S.cap_earlier = 0;
}

/* Read the steps for the open bijeenkomst. True without a store error. */
static bool load(struct ui *ui)
{
    struct kr_error err = {0};
    items_free();
    if (!ui->session.id || !ui->session.network_id)
        return true;
    if (kr_app_open_steps(ui->app, ui->session.id, &S.items, &err) != KR_OK) {
        ui_store_error(ui, "Kan de volgende stappen van het netwerk niet lezen", &err);
        return false;
    }
    return true;
}

/* The "bezig" of an earlier bijeenkomst, for items not followed up here yet. */
static void remember_earlier(void)
{
    earlier_free();
    for (size_t i = 0; i < S.items.n; i++) {
        const struct kr_open_step *o = &S.items.items[i];
        if (o->here || o->step.follow_up_status != KR_FOLLOW_BEZIG)
            continue;
        KR_GROW(S.earlier, S.cap_earlier, S.n_earlier + 1);
        S.earlier[S.n_earlier++] =
            (struct earlier){kr_xstrdup(o->step.id), kr_xstrdup(o->step.follow_up_session),
                             o->step.follow_up_text ? kr_xstrdup(o->step.follow_up_text) : NULL};
    }
}

static const struct earlier *earlier_of(const char *step_id)
{
    for (size_t i = 0; i < S.n_earlier; i++)
        if (strcmp(S.earlier[i].step_id, step_id) == 0)
            return &S.earlier[i];
    return NULL;
}

/* Steps still to be followed up here (recorded ones do not count). */
static size_t open_count(void)
{
    size_t n = 0;
    for (size_t i = 0; i < S.items.n; i++)
        n += !S.items.items[i].here;
    return n;
}

size_t ui_followup_open(struct ui *ui, size_t *recorded)
{
    size_t n = load(ui) ? open_count() : 0;
    if (recorded)
        *recorded = S.items.n - n;
    items_free();
    return n;
}

static bool was_shown(const char *id)
{
    for (size_t i = 0; i < S.n_shown; i++)
        if (strcmp(S.shown[i], id) == 0)
            return true;
    return false;
}

void ui_followup_offer(struct ui *ui)
{
    if (!ui->session.id || !ui->session.network_id || was_shown(ui->session.id))
        return;
    KR_GROW(S.shown, S.cap_shown, S.n_shown + 1);
    S.shown[S.n_shown++] = kr_xstrdup(ui->session.id);
    /* once per bijeenkomst on this laptop, also across runs: o brings it back */
    if (kr_app_followup_seen(ui->app, ui->session.id))
        return;
    if (ui_followup_open(ui, NULL) > 0) {
        kr_app_followup_mark_seen(ui->app, ui->session.id);
        ui_push(ui, &ui_screen_followup);
    }
}

void ui_followup_forget(void)
{
    for (size_t i = 0; i < S.n_shown; i++)
        free(S.shown[i]);
    free(S.shown);
    S.shown = NULL;
    S.n_shown = S.cap_shown = 0;
}

static const struct kr_open_step *cur_item(void)
{
    return S.sel < S.items.n ? &S.items.items[S.sel] : NULL;
}

static void reload(struct ui *ui)
{
    char *id = cur_item() ? kr_xstrdup(cur_item()->step.id) : NULL;
    load(ui);
    if (S.sel >= S.items.n)
        S.sel = S.items.n ? S.items.n - 1 : 0;
    for (size_t i = 0; id && i < S.items.n; i++)
        if (strcmp(S.items.items[i].step.id, id) == 0)
            S.sel = i;
    free(id);
}

static void enter(struct ui *ui)
{
    kr_le_init(&S.ed);
    S.editing = false;
    S.sel = S.top = 0;
    load(ui);
    remember_earlier();
    /* Start on the first step that is still open. */
    for (size_t i = 0; i < S.items.n; i++)
        if (!S.items.items[i].here) {
            S.sel = i;
            break;
        }
}

/* Half a second without a key: make the zonder-oordeel checker (most of a second) while the
 * group reads the list, so 1, 2 or 3 opens the sentence field at once. Not at once: a tweetal
 * that skips with s right away does not wait for it. */
static void tick(struct ui *ui)
{
    ui_check(ui, "", 0, NULL, NULL, NULL); /* the app makes it once; then this is nothing */
}

static void leave(struct ui *ui)
{
    (void)ui;
    kr_le_fini(&S.ed);
    items_free();
    earlier_free();
}

/* ---- drawing ---- */

/* One row of the list: a heading, or row 0..2 of an item. */
struct row {
    size_t item;
    int part; /* -1 heading, 0 where from, 1 the step, 2 its follow-up */
};

static size_t build_rows(struct row *rows, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < S.items.n && n + 4 <= max; i++) {
        if (i == 0 || S.items.items[i].same_school != S.items.items[i - 1].same_school)
            rows[n++] = (struct row){i, -1};
        for (int p = 0; p < 3; p++)
            rows[n++] = (struct row){i, p};
    }
    return n;
}

static const char *status_tag(const struct kr_open_step *it)
{
    if (it->here)
        return kr_follow_status_title(it->step.follow_up_status);
    return it->step.follow_up_status == KR_FOLLOW_BEZIG ? "nog bezig?" : "open";
}

static void draw_row(struct ui *ui, int y, const struct row *r, bool on)
{
    const struct kr_open_step *it = &S.items.items[r->item];
    int w = ui->cols - 4;
    enum ui_attr a = on ? UI_SELECT : UI_NORMAL;
    if (r->part == -1) {
        const char *school = ui->session.host_school ? ui->session.host_school : "deze school";
        if (it->same_school)
            ui_putf(ui, y, 2, w, UI_HEAD, "Stappen van %s (deze school)", school);
        else
            ui_put(ui, y, 2, w, UI_HEAD, "Stappen van de andere scholen");
        return;
    }
    if (on)
        ui_fill(ui, y, 1, UI_SELECT);
    if (r->part == 0) {
        const char *tag = status_tag(it);
        int tw = (int)strlen(tag) + 2;
        ui_putf(ui, y, 2, w - tw - 1, on ? a : UI_DIM, "%s · %s · %s · %s",
                it->session_date ? it->session_date : "",
                it->host_school ? it->host_school : "(geen school)", kr_actor_title(it->step.actor),
                kr_horizon_title(it->step.horizon));
        enum ui_attr ta = on ? a : it->here ? UI_OK : UI_HINT;
        ui_putf(ui, y, ui->cols - 2 - tw, tw, ta, "[%s]", tag);
    } else if (r->part == 1) {
        /* A step shows no pupil's or teacher's name, as in the reports: the visitors of the
         * other schools read this screen too. */
        char *shown = kr_names_replace(it->step.text ? it->step.text : "");
        ui_put_wrapped(ui, y, 4, w - 2, 1, a, shown, NULL, 0, a);
        free(shown);
    } else if (it->here) {
        ui_putf(ui, y, 4, w - 2, on ? a : UI_OK, "→ %s: %s",
                kr_follow_status_title(it->step.follow_up_status),
                it->step.follow_up_text ? it->step.follow_up_text : "(geen zin)");
    } else if (it->step.follow_up_status == KR_FOLLOW_BEZIG) {
        char *t = it->step.follow_up_text ? kr_names_replace(it->step.follow_up_text) : NULL;
        ui_putf(ui, y, 4, w - 2, on ? a : UI_DIM, "Vorige keer: bezig%s%s", t ? " — " : "",
                t ? t : "");
        free(t);
    } else {
        ui_put(ui, y, 4, w - 2, on ? a : UI_DIM, "Nog niet opgevolgd.");
    }
}

#define EDIT_ROWS 5 /* the sentence panel under the list */

static void draw_edit(struct ui *ui, int y)
{
    int w = ui->cols - 4;
    ui_putf(ui, y++, 2, w, UI_HEAD, "Opvolging: %s. Wat zag of hoorde de groep? (één zin)",
            kr_follow_status_title(S.status));
    struct ui_span spans[UI_MAX_SPANS];
    size_t n_spans = 0;
    const char *hint = NULL;
    ui_check(ui, S.ed.text, S.ed.len, spans, &n_spans, &hint);
    int cy, cx;
    ui_draw_field(ui, y, 2, w, 2, &S.ed, true, spans, n_spans);
    getyx(stdscr, cy, cx);
    y += 2;
    if (hint)
        ui_putf(ui, y, 2, w, UI_HINT, "Tip: %s", hint);
    move(cy, cx); /* the cursor stays in the field */
}

static void draw(struct ui *ui)
{
    int y = 2, w = ui->cols - 4;
    ui_put(ui, y++, 2, w, UI_HEAD, "Opvolging: wat werd er van de volgende stappen?");
    ui_putf(ui, y++, 2, w, UI_DIM, "Eerdere bijeenkomsten van %s · s overslaan, b meteen bezoeken",
            ui->session.network_name ? ui->session.network_name : "het netwerk");
    y++;
    if (S.items.n == 0) {
        ui_put_wrapped(ui, y, 2, w, 3, UI_NORMAL,
                       ui->session.network_id
                           ? "Er zijn geen open stappen van eerdere bijeenkomsten van dit netwerk."
                           : "Deze bijeenkomst hoort bij geen netwerk, dus er zijn geen eerdere "
                             "bijeenkomsten om op te volgen. Kies een netwerk met w.",
                       NULL, 0, UI_NORMAL);
        return;
    }
    int bottom = ui->rows - 3 - (S.editing ? EDIT_ROWS : 0);
    size_t max = S.items.n * 4 + 1;
    struct row *rows = kr_xreallocarray(NULL, max, sizeof *rows);
    size_t n = build_rows(rows, max);
    /* Scroll whole items: the selected one's three rows (and its heading) stay in view. */
    size_t first = SIZE_MAX, last = 0;
    for (size_t i = 0; i < n; i++)
        if (rows[i].item == S.sel) {
            first = first == SIZE_MAX ? i : first;
            last = i;
        }
    if (first == SIZE_MAX)
        first = 0;
    size_t avail = bottom > y ? (size_t)(bottom - y) : 0;
    if (first < S.top)
        S.top = first;
    if (avail && last >= S.top + avail)
        S.top = last - avail + 1;
    for (size_t i = S.top; i < n && y < bottom; i++, y++)
        draw_row(ui, y, &rows[i], rows[i].item == S.sel && rows[i].part >= 0);
    free(rows);
    if (S.editing)
        draw_edit(ui, ui->rows - 3 - EDIT_ROWS + 1);
}

/* ---- actions ---- */

static void start_edit(struct ui *ui, enum kr_follow_status status)
{
    const struct kr_open_step *it = cur_item();
    if (!it)
        return;
    S.status = status;
    kr_le_set(&S.ed, it->here ? it->step.follow_up_text : NULL);
    S.editing = true;
    (void)ui;
}

static void save(struct ui *ui)
{
    const struct kr_open_step *it = cur_item();
    if (!it)
        return;
    char *text = ui_trimmed(S.ed.text);
    struct kr_error err = {0};
    if (kr_app_follow_up(ui->app, it->step.id, ui->session.id, S.status, text, &err) != KR_OK) {
        ui_store_error(ui, "Opvolging bewaren lukte niet", &err);
        free(text);
        return; /* the sentence stays in the field */
    }
    ui_message(ui, UI_OK, "Opvolging bewaard: %s.%s", kr_follow_status_title(S.status),
               text ? "" : " (zonder zin; Enter: zin toevoegen)");
    free(text);
    S.editing = false;
    reload(ui);
}

/* 0: take back what was recorded here; a "bezig" of an earlier bijeenkomst comes back. */
static void clear_follow_up(struct ui *ui)
{
    const struct kr_open_step *it = cur_item();
    if (!it || !it->here) {
        ui_message(ui, UI_NORMAL, "Hier is voor deze stap nog niets vastgelegd.");
        return;
    }
    struct kr_error err = {0};
    enum kr_status r;
    const struct earlier *e = earlier_of(it->step.id);
    if (e)
        r = kr_app_step_follow_up(ui->app, it->step.id, e->session_id, KR_FOLLOW_BEZIG, e->text,
                                  &err);
    else
        r = kr_app_follow_up(ui->app, it->step.id, ui->session.id, KR_FOLLOW_NONE, NULL, &err);
    if (r != KR_OK) {
        ui_store_error(ui, "Wissen lukte niet", &err);
        return;
    }
    ui_message(ui, UI_OK, "Opvolging gewist.");
    reload(ui);
}

static void edit_key(struct ui *ui, int k)
{
    if (k == UI_ESC) {
        S.editing = false;
        ui_message(ui, UI_NORMAL, "Niets veranderd.");
        return;
    }
    if (k == UI_ENTER || k == UI_CTRL('s')) {
        save(ui);
        return;
    }
    ui_le_feed(&S.ed, k);
}

static void key(struct ui *ui, int k)
{
    if (S.editing) {
        edit_key(ui, k);
        return;
    }
    switch (k) {
    case UI_FN(KEY_UP):
    case 'k':
        if (S.sel > 0)
            S.sel--;
        return;
    case UI_FN(KEY_DOWN):
    case 'j':
        if (S.sel + 1 < S.items.n)
            S.sel++;
        return;
    case UI_FN(KEY_HOME):
        S.sel = 0;
        return;
    case UI_FN(KEY_END):
        S.sel = S.items.n ? S.items.n - 1 : 0;
        return;
    default:
        return;
    }
}

static void done(struct ui *ui)
{
    start_edit(ui, KR_FOLLOW_GEDAAN);
}

static void busy(struct ui *ui)
{
    start_edit(ui, KR_FOLLOW_BEZIG);
}

static void not_done(struct ui *ui)
{
    start_edit(ui, KR_FOLLOW_NIET_GEDAAN);
}

static void edit_here(struct ui *ui)
{
    if (cur_item() && cur_item()->here)
        start_edit(ui, cur_item()->step.follow_up_status);
    else if (cur_item())
        ui_message(ui, UI_HINT, "Kies eerst 1 gedaan, 2 bezig of 3 niet gedaan.");
}

/* A tweetal that came to observe: straight on to a new visit. */
static void visit(struct ui *ui)
{
    ui_back(ui);
    ui_push(ui, &ui_screen_visit);
}

static void skip(struct ui *ui)
{
    if (open_count())
        ui_message(ui, UI_NORMAL, "Opvolging overgeslagen; o op de bijeenkomst brengt haar terug.");
    ui_back(ui);
}

static void paste(struct ui *ui, const char *text, size_t len)
{
    (void)ui;
    if (S.editing)
        kr_le_insert(&S.ed, text, len);
}

static bool typing(struct ui *ui)
{
    (void)ui;
    return S.editing;
}

static const char *text_field(struct ui *ui)
{
    return typing(ui) ? "de zin" : NULL;
}

static bool choosing(struct ui *ui)
{
    return !typing(ui);
}

static const struct ui_binding bindings[] = {
    {.keys = {UI_FN(KEY_UP)}, .name = "↑ ↓ (j k)", .help = "kies een stap"},
    {.keys = {'1'},
     .name = "1 2 3",
     .help = "gedaan, bezig, niet gedaan; daarna één zin en Enter",
     .foot_name = "1",
     .foot = "gedaan",
     .action = done,
     .when = choosing},
    {.keys = {'2'}, .name = "2", .foot = "bezig", .action = busy, .when = choosing},
    {.keys = {'3'}, .name = "3", .foot = "niet gedaan", .action = not_done, .when = choosing},
    {.keys = {UI_ENTER},
     .name = "Enter",
     .help = "de zin van een vastgelegde opvolging wijzigen",
     .action = edit_here,
     .when = choosing},
    {.keys = {'0'},
     .name = "0",
     .help = "wat hier is vastgelegd weer wissen",
     .action = clear_follow_up,
     .when = choosing},
    {.keys = {'s', 'S', 'q', 'Q', UI_ESC},
     .name = "s, q, Esc",
     .help = "overslaan: naar de bijeenkomst (o brengt dit terug)",
     .foot_name = "s",
     .foot = "overslaan",
     .action = skip,
     .when = choosing},
    {.keys = {'b'},
     .name = "b",
     .help = "overslaan en meteen een nieuw bezoek beginnen",
     .foot = "bezoek",
     .action = visit,
     .when = choosing},
    {.keys = {'?'}, .name = "?", .help = "deze hulp", .foot = "hulp", .when = choosing},
    /* typing the sentence: the keys go to edit_key() */
    {.keys = {UI_ENTER}, .name = "Enter", .foot = "bewaren", .when = typing},
    {.keys = {UI_ESC}, .name = "Esc", .foot = "annuleren", .when = typing},
    {.name = NULL},
};

const struct ui_screen ui_screen_followup = {
    .title = "opvolging",
    .bindings = bindings,
    .enter = enter,
    .leave = leave,
    .draw = draw,
    .key = key,
    .paste = paste,
    .tick = tick,
    .typing = typing,
    .text_field = text_field,
};
