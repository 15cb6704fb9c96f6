/* SPDX-License-Identifier: MIT */
/*
 * All notes of the bijeenkomst: scroll, edit, place, delete with undo, filter by
 * corner or by judging words, and full-text search (SQLite FTS5, notes_search.c) over the
 * session.
 *
 * The list is a window of at most WINDOW notes read a page at a time through SQL
 * (kr_store_obs_page, keyset on the list order), so a bijeenkomst of 1,000,000 notes opens,
 * scrolls and searches in the time of a page (issue 21). Moving past the window's edge reads
 * the next page; Home and End read the first and the last; a change reads the window again
 * around the selected note. The count in the title comes from the store (kept counts for
 * the whole list); the judging-words filter is the checker's, so it reads pages until it has
 * enough notes and shows "+" when it did not count them all.
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "ui_internal.h"

#define PAGE      100   /* notes read at a time */
#define WINDOW    300   /* notes held at most */
#define COUNT_MAX 10000 /* a filter's notes are counted up to this many (then "10000+") */

static struct {
    struct ui_notelist list; /* the window: list.notes, list.flagged, list.sel, list.top */
    struct kr_lineedit search, ed;
    enum { MODE_LIST, MODE_SEARCH, MODE_EDIT } mode;
    char *query; /* the applied FTS query, or NULL */
    int rows;
    bool more_before, more_after; /* notes of the filter outside the window */
    size_t total;                 /* notes of the filter (counted: see counted) */
    bool counted;                 /* total is known (not for the judging-words filter) */
    bool capped;                  /* ... and is "more than COUNT_MAX" */
    /* The checker (its word lists: about 0.2 s) is made after the first frame: until then
     * no note is marked, and tick marks the window (issue 21: the list appears first). */
    bool defer_check;
} N;

static struct kr_obs_page_filter page_filter(struct ui *ui)
{
    struct kr_obs_page_filter f = {.session_id = ui->session.id, .search = N.query};
    enum ui_show show = N.list.show;
    f.corner_only = show == UI_SHOW_LEERLING || show == UI_SHOW_LERAAR ||
                    show == UI_SHOW_LEERINHOUD || show == UI_SHOW_UNPLACED;
    f.corner = show == UI_SHOW_LEERLING     ? KR_CORNER_LEERLING
               : show == UI_SHOW_LERAAR     ? KR_CORNER_LERAAR
               : show == UI_SHOW_LEERINHOUD ? KR_CORNER_LEERINHOUD
                                            : KR_CORNER_NONE;
    return f;
}

static bool flagged(struct ui *ui, const struct kr_observation *o)
{
    return !N.defer_check && ui_check(ui, o->text, strlen(o->text), NULL, NULL, NULL) > 0;
}

/* After the first frame: make the checker and mark the notes of the window. */
static void tick(struct ui *ui)
{
    if (!N.defer_check)
        return;
    N.defer_check = false;
    for (size_t i = 0; i < N.list.notes.n; i++)
        N.list.flagged[i] = flagged(ui, &N.list.notes.items[i]);
}

/*
 * Up to want notes of the filter after (or, backwards, before) from_id, in list order, with
 * their flags, into *out and flags; *more: the filter has notes beyond them. The
 * judging-words filter keeps the flagged ones of each page read.
 */
static bool fetch(struct ui *ui, const char *from_id, bool backwards, size_t want,
                  struct kr_observation_list *out, bool **flags, bool *more)
{
    struct kr_error err = {0};
    struct kr_obs_page_filter f = page_filter(ui);
    bool only_flagged = N.list.show == UI_SHOW_FLAGGED;
    char *from = from_id ? kr_xstrdup(from_id) : NULL;
    *more = false;
    for (;;) {
        struct kr_observation_list page = {0};
        if (kr_app_notes_page(ui->app, &f, from, backwards, PAGE + 1, &page, &err) != KR_OK) {
            if (f.search)
                ui_message(ui, UI_ERROR, "Zoeken lukte niet; probeer gewone woorden.");
            else
                ui_store_error(ui, "Kan de notities niet lezen", &err);
            kr_observation_list_fini(&page);
            free(from);
            return false;
        }
        bool page_more = page.n > PAGE;
        size_t n = page.n < PAGE ? page.n : PAGE;
        /* the PAGE nearest from_id: the first ones forwards, the last ones backwards */
        size_t lo = backwards ? page.n - n : 0;
        free(from);
        from = n ? kr_xstrdup(page.items[backwards ? lo : lo + n - 1].id) : NULL;
        struct kr_observation_list keep = {0};
        bool *kf = kr_xcalloc(n + 1, sizeof *kf);
        for (size_t i = 0; i < page.n; i++) {
            bool fl = i >= lo && i < lo + n && flagged(ui, &page.items[i]);
            if (i < lo || i >= lo + n || (only_flagged && !fl)) {
                kr_observation_fini(&page.items[i]);
                continue;
            }
            KR_GROW(keep.items, keep.cap, keep.n + 1);
            kf[keep.n] = fl;
            keep.items[keep.n++] = page.items[i];
        }
        free(page.items);
        /* join: forwards keep goes after *out, backwards before it */
        size_t total = out->n + keep.n;
        KR_GROW(out->items, out->cap, total + 1);
        *flags = kr_xreallocarray(*flags, total + 1, sizeof **flags);
        if (keep.n == 0) {
            /* nothing kept: keep.items and kf are NULL, and memcpy(NULL) is undefined */
        } else if (backwards) {
            memmove(out->items + keep.n, out->items, out->n * sizeof *out->items);
            memmove(*flags + keep.n, *flags, out->n * sizeof **flags);
            memcpy(out->items, keep.items, keep.n * sizeof *keep.items);
            memcpy(*flags, kf, keep.n * sizeof *kf);
        } else {
            memcpy(out->items + out->n, keep.items, keep.n * sizeof *keep.items);
            memcpy(*flags + out->n, kf, keep.n * sizeof *kf);
        }
        out->n = total;
        free(keep.items);
        free(kf);
        if (!page_more || out->n >= want) {
            *more = page_more;
            break;
        }
    }
    free(from);
    return true;
}

/* The visits of the notes in the window (their labels), not all of the bijeenkomst's. */
static void window_visits(struct ui *ui)
{
    struct kr_error err = {0};
    kr_visit_list_fini(&N.list.visits);
    memset(&N.list.visits, 0, sizeof N.list.visits);
    for (size_t i = 0; i < N.list.notes.n; i++) {
        const char *vid = N.list.notes.items[i].visit_id;
        bool have = false;
        for (size_t k = N.list.visits.n; k-- > 0 && !have;)
            have = strcmp(N.list.visits.items[k].id, vid) == 0;
        if (have)
            continue;
        struct kr_visit v = {0};
        if (kr_app_visit_get(ui->app, vid, &v, &err) != KR_OK)
            continue;
        KR_GROW(N.list.visits.items, N.list.visits.cap, N.list.visits.n + 1);
        N.list.visits.items[N.list.visits.n++] = v;
    }
}

static void set_window(struct kr_observation_list *l, bool *flags)
{
    kr_observation_list_fini(&N.list.notes);
    free(N.list.flagged);
    N.list.notes = *l;
    N.list.flagged = flags ? flags : kr_xcalloc(1, sizeof(bool));
}

static void count(struct ui *ui)
{
    struct kr_error err = {0};
    struct kr_obs_page_filter f = page_filter(ui);
    N.counted = N.list.show != UI_SHOW_FLAGGED &&
                kr_app_notes_count(ui->app, &f, COUNT_MAX, &N.total, &err) == KR_OK;
    /* the whole list's count is the visits' kept one, exact at any size */
    N.capped = N.counted && (f.search || f.corner_only) && N.total > COUNT_MAX;
}

/* The window around note `id` (NULL: the first notes); that note selected when it is in. */
static void load_around(struct ui *ui, const char *id)
{
    struct kr_observation_list l = {0};
    bool *flags = NULL, more_b = false, more_a = false;
    if (id)
        fetch(ui, id, true, PAGE / 2, &l, &flags, &more_b);
    size_t before = l.n;
    /* from the last note before id: id itself comes first when it is still in the filter */
    char *from = before ? kr_xstrdup(l.items[before - 1].id) : NULL;
    fetch(ui, from, false, PAGE, &l, &flags, &more_a);
    free(from);
    if (!id)
        more_b = false;
    set_window(&l, flags);
    N.more_before = more_b;
    N.more_after = more_a;
    N.list.sel = before < N.list.notes.n ? before : (N.list.notes.n ? N.list.notes.n - 1 : 0);
    N.list.top = N.list.sel > (size_t)N.rows / 2 ? N.list.sel - (size_t)N.rows / 2 : 0;
    if (id)
        ui_notelist_select(&N.list, id);
    window_visits(ui);
    count(ui);
}

static void load_last(struct ui *ui)
{
    struct kr_observation_list l = {0};
    bool *flags = NULL, more = false;
    fetch(ui, NULL, true, PAGE, &l, &flags, &more);
    set_window(&l, flags);
    N.more_before = more;
    N.more_after = false;
    N.list.sel = N.list.notes.n ? N.list.notes.n - 1 : 0;
    window_visits(ui);
}

/* Drop notes from one end so the window holds at most WINDOW. */
static void trim(bool from_front)
{
    struct kr_observation_list *l = &N.list.notes;
    if (l->n <= WINDOW)
        return;
    size_t drop = l->n - WINDOW;
    size_t at = from_front ? 0 : WINDOW;
    for (size_t i = at; i < at + drop; i++)
        kr_observation_fini(&l->items[i]);
    if (from_front) {
        memmove(l->items, l->items + drop, WINDOW * sizeof *l->items);
        memmove(N.list.flagged, N.list.flagged + drop, WINDOW * sizeof *N.list.flagged);
        N.list.sel = N.list.sel > drop ? N.list.sel - drop : 0;
        N.list.top = N.list.top > drop ? N.list.top - drop : 0;
        N.more_before = true;
    } else {
        N.more_after = true;
    }
    l->n = WINDOW;
}

/* Read the next page after (or before) the window. */
static void extend(struct ui *ui, bool down)
{
    struct kr_observation_list *l = &N.list.notes;
    if (!l->n)
        return;
    struct kr_observation_list more = {0};
    bool *flags = NULL, beyond = false;
    const char *edge = down ? l->items[l->n - 1].id : l->items[0].id;
    if (!fetch(ui, edge, !down, PAGE, &more, &flags, &beyond)) {
        free(flags);
        return;
    }
    size_t n = l->n + more.n;
    KR_GROW(l->items, l->cap, n + 1);
    N.list.flagged = kr_xreallocarray(N.list.flagged, n + 1, sizeof *N.list.flagged);
    if (down) {
        memcpy(l->items + l->n, more.items, more.n * sizeof *more.items);
        memcpy(N.list.flagged + l->n, flags, more.n * sizeof *flags);
        N.more_after = beyond;
    } else {
        memmove(l->items + more.n, l->items, l->n * sizeof *l->items);
        memmove(N.list.flagged + more.n, N.list.flagged, l->n * sizeof *N.list.flagged);
        memcpy(l->items, more.items, more.n * sizeof *more.items);
        memcpy(N.list.flagged, flags, more.n * sizeof *flags);
        N.list.sel += more.n;
        N.list.top += more.n;
        N.more_before = beyond;
    }
    l->n = n;
    free(more.items);
    free(flags);
    trim(down);
    window_visits(ui);
}

/* Before a moving key: read what it moves into when that is outside the window. */
static void page_for(struct ui *ui, int k)
{
    size_t page = N.rows > 1 ? (size_t)N.rows - 1 : 1, n = N.list.notes.n, sel = N.list.sel;
    switch (k) {
    case UI_FN(KEY_DOWN):
    case 'j':
    case UI_FN(KEY_NPAGE):
        if (N.more_after && sel + (k == UI_FN(KEY_NPAGE) ? page : 1) >= n)
            extend(ui, true);
        break;
    case UI_FN(KEY_UP):
    case 'k':
    case UI_FN(KEY_PPAGE):
        if (N.more_before && sel < (k == UI_FN(KEY_PPAGE) ? page : 1))
            extend(ui, false);
        break;
    case UI_FN(KEY_HOME):
    case 'g':
        if (N.more_before)
            load_around(ui, NULL);
        break;
    case UI_FN(KEY_END):
    case 'G':
        if (N.more_after)
            load_last(ui);
        break;
    default:
        break;
    }
}

/* Read the window again (after a change, a filter, a search), around the selected note or
 * the note an undo brought back. */
static void reload(struct ui *ui)
{
    const struct kr_observation *o = ui_notelist_selected(&N.list);
    char *id = ui->undo_select ? ui->undo_select : o ? kr_xstrdup(o->id) : NULL;
    ui->undo_select = NULL;
    load_around(ui, id);
    free(id);
}

/* A new filter or search: from the first note. */
static void reload_first(struct ui *ui)
{
    free(ui->undo_select);
    ui->undo_select = NULL;
    load_around(ui, NULL);
}

static void enter(struct ui *ui)
{
    kr_le_init(&N.search);
    kr_le_init(&N.ed);
    N.mode = MODE_LIST;
    N.query = NULL;
    N.list.show = UI_SHOW_ALL;
    N.list.with_visit = true;
    free(ui->undo_select);
    ui->undo_select = NULL;
    N.defer_check = !kr_app_checker_ready(ui->app);
    ui->tick_now = N.defer_check;
    load_last(ui); /* the newest notes, the last one selected */
    count(ui);
}

static void leave(struct ui *ui)
{
    (void)ui;
    ui_notelist_fini(&N.list);
    kr_le_fini(&N.search);
    kr_le_fini(&N.ed);
    free(N.query);
    N.query = NULL;
}

static void draw(struct ui *ui)
{
    int y = 1;
    bool exact = (N.counted && !N.capped) || (!N.more_before && !N.more_after);
    size_t shown = N.capped ? COUNT_MAX : N.counted ? N.total : N.list.notes.n;
    ui_putf(ui, y++, 1, ui->cols - 2, UI_HEAD, "Alle notities (%zu%s) · filter: %s%s%s%s", shown,
            exact ? "" : "+", ui_show_label(N.list.show), N.query ? " · zoek: \"" : "",
            N.query ? N.search.text : "", N.query ? "\"" : "");
    int bottom = ui->rows - 2 - 3;
    N.rows = bottom - y;
    ui_notelist_draw(ui, &N.list, y, N.rows, N.mode == MODE_LIST);
    y = bottom;
    const struct kr_observation *o = ui_notelist_selected(&N.list);
    struct ui_span spans[UI_MAX_SPANS];
    size_t n_spans = 0;
    const char *hint = NULL;
    if (N.mode == MODE_SEARCH) {
        ui_put(ui, y + 1, 1, 10, UI_HEAD, "Zoek ›");
        ui_draw_field(ui, y + 1, 11, ui->cols - 12, 1, &N.search, true, NULL, 0);
        ui_put(ui, y + 2, 11, ui->cols - 12, UI_DIM, "Enter zoekt, Esc wist de zoekvraag");
    } else if (N.mode == MODE_EDIT) {
        ui_check(ui, N.ed.text, N.ed.len, spans, &n_spans, &hint);
        if (hint)
            ui_putf(ui, y, 1, ui->cols - 2, UI_HINT, "Tip: %s", hint);
        ui_put(ui, y + 1, 1, 10, UI_HEAD, "Bewerk ›");
        ui_draw_field(ui, y + 1, 11, ui->cols - 12, 2, &N.ed, true, spans, n_spans);
    } else if (o) {
        if (!N.defer_check)
            ui_check(ui, o->text, strlen(o->text), spans, &n_spans, &hint);
        ui_put_wrapped(ui, y, 1, ui->cols - 2, 2, UI_NORMAL, o->text, spans, n_spans, UI_JUDGE);
        if (hint)
            ui_putf(ui, y + 2, 1, ui->cols - 2, UI_HINT, "Tip: %s", hint);
    }
}

static void key(struct ui *ui, int k)
{
    tick(ui); /* a key before the marks: they first */
    const struct kr_observation *o = ui_notelist_selected(&N.list);
    if (N.mode == MODE_SEARCH) {
        if (k == UI_ENTER) {
            free(N.query);
            N.query = ui_fts_query(N.search.text);
            N.mode = MODE_LIST;
            reload_first(ui);
        } else if (k == UI_ESC) {
            free(N.query);
            N.query = NULL;
            kr_le_clear(&N.search);
            N.mode = MODE_LIST;
            reload_first(ui);
        } else {
            ui_le_feed(&N.search, k);
        }
        return;
    }
    if (N.mode == MODE_EDIT) {
        if (k == UI_ESC) {
            N.mode = MODE_LIST;
            ui_message(ui, UI_NORMAL, "Bewerking geannuleerd.");
        } else if (k == UI_ENTER) {
            if (o && !kr_le_blank(&N.ed) && ui_note_edit(ui, o, N.ed.text)) {
                N.mode = MODE_LIST;
                reload(ui);
            }
        } else {
            ui_le_feed(&N.ed, k);
        }
        return;
    }
    page_for(ui, k);
    if (ui_notelist_move(&N.list, k, N.rows))
        return;
    if (ui_notelist_act(ui, &N.list, k)) {
        reload(ui);
        return;
    }
}

/* The screen's own commands; the moving and the note's keys (1 2 3 0 v d h u) are the list's
 * (ui_notelist_move, ui_notelist_act), given to them by key(). A key before the marks: they
 * first (tick). */
static void edit(struct ui *ui)
{
    tick(ui);
    const struct kr_observation *o = ui_notelist_selected(&N.list);
    if (o) {
        kr_le_set(&N.ed, o->text);
        N.mode = MODE_EDIT;
    }
}

static void search(struct ui *ui)
{
    tick(ui);
    N.mode = MODE_SEARCH;
}

static void filter_next(struct ui *ui)
{
    tick(ui);
    N.list.show = (enum ui_show)((N.list.show + 1) % UI_SHOW_COUNT);
    reload_first(ui);
}

static void filter_back(struct ui *ui)
{
    tick(ui);
    N.list.show = (enum ui_show)((N.list.show + UI_SHOW_COUNT - 1) % UI_SHOW_COUNT);
    reload_first(ui);
}

/* Esc first takes the search away; q (or Esc again) goes back. */
static void esc(struct ui *ui)
{
    tick(ui);
    if (N.query) {
        free(N.query);
        N.query = NULL;
        kr_le_clear(&N.search);
        reload_first(ui);
        ui_message(ui, UI_NORMAL, "Zoeken gewist: alle notities. Esc of q: terug.");
        return;
    }
    ui_back(ui);
}

static void back(struct ui *ui)
{
    tick(ui);
    ui_back(ui);
}

static void paste(struct ui *ui, const char *text, size_t len)
{
    (void)ui;
    if (N.mode == MODE_SEARCH)
        kr_le_insert(&N.search, text, len);
    else if (N.mode == MODE_EDIT)
        kr_le_insert(&N.ed, text, len);
}

static bool typing(struct ui *ui)
{
    (void)ui;
    return N.mode != MODE_LIST;
}

static const char *text_field(struct ui *ui)
{
    (void)ui;
    return N.mode == MODE_LIST ? NULL : N.mode == MODE_SEARCH ? "de zoekvraag" : "de notitie";
}

static bool listing(struct ui *ui)
{
    return !typing(ui);
}

static bool searching(struct ui *ui)
{
    (void)ui;
    return N.mode == MODE_SEARCH;
}

static bool editing(struct ui *ui)
{
    (void)ui;
    return N.mode == MODE_EDIT;
}

static const struct ui_binding bindings[] = {
    {.keys = {UI_FN(KEY_UP)}, .name = "↑ ↓ PgUp PgDn", .help = "door de notities"},
    {.keys = {'/', 's'},
     .name = "/",
     .help = "zoek in alle notities van de bijeenkomst",
     .foot = "zoek",
     .action = search,
     .when = listing},
    {.keys = {'f'},
     .name = "f, F",
     .help = "filter: leerling, leraar, leerinhoud, niet geplaatst, met oordeelwoorden",
     .foot_name = "f",
     .foot = "filter",
     .action = filter_next,
     .when = listing},
    {.keys = {'F'}, .name = "F", .action = filter_back, .when = listing},
    {.keys = {'e', UI_ENTER},
     .name = "e, Enter",
     .help = "bewerk de notitie (de oude tekst blijft in de geschiedenis)",
     .foot_name = "e",
     .foot = "bewerk",
     .action = edit,
     .when = listing},
    {.keys = {'1', '2', '3', '0'},
     .name = "1 2 3 0",
     .help = "plaats bij leerling, leraar, leerinhoud; 0 maakt los",
     .foot_name = "1 2 3",
     .foot = "plaats",
     .when = listing},
    {.keys = {'v'}, .name = "v", .help = "plaats volgens het voorstel"},
    {.keys = {'d', UI_FN(KEY_DC)},
     .name = "d",
     .help = "verwijder (ongedaan te maken)",
     .foot = "wis",
     .when = listing},
    {.keys = {'h'}, .name = "h", .help = "houd een notitie met oordeelwoord bewust zo"},
    {.keys = {'u', UI_CTRL('z')},
     .name = "u, Ctrl-Z",
     .help = "maak de laatste stap ongedaan",
     .foot_name = "u",
     .foot = "ongedaan",
     .when = listing},
    {.keys = {'q'},
     .name = "q, Esc",
     .help = "terug (Esc na een zoekopdracht: eerst alle notities weer)",
     .foot_name = "q",
     .foot = "terug",
     .action = back,
     .when = listing},
    {.keys = {UI_ESC}, .name = "Esc", .action = esc, .when = listing},
    /* searching and editing: the keys go to key() */
    {.keys = {UI_ENTER}, .name = "Enter", .foot = "zoek", .when = searching},
    {.keys = {UI_ESC}, .name = "Esc", .foot = "wis zoekvraag", .when = searching},
    {.keys = {UI_ENTER}, .name = "Enter", .foot = "bewaar", .when = editing},
    {.keys = {UI_ESC}, .name = "Esc", .foot = "annuleer", .when = editing},
    {.name = NULL},
};

const struct ui_screen ui_screen_notes = {
    .title = "notities",
    .bindings = bindings,
    .enter = enter,
    .leave = leave,
    .draw = draw,
    .key = key,
    .tick = tick,
    .paste = paste,
    .typing = typing,
    .text_field = text_field,
};
