/* SPDX-License-Identifier: MIT */
/*
 * All notes of the bijeenkomst: scroll, edit, place, delete with undo, filter by
 * corner or by judging words, and full-text search (SQLite FTS5) over the session.
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "kijkronde/text.h"
#include "ui_internal.h"

static struct {
    struct ui_notelist list;
    struct kr_lineedit search, ed;
    enum { MODE_LIST, MODE_SEARCH, MODE_EDIT } mode;
    char *query; /* the applied FTS query, or NULL */
    int rows;
} N;

/* One FTS5 string term: quoted (a quote doubled), so nothing in it is taken as syntax. */
static void fts_term(struct kr_buf *b, const char *w, size_t len)
{
    kr_buf_putc(b, '"');
    for (size_t i = 0; i < len; i++) {
        if (w[i] == '"')
            kr_buf_putc(b, '"');
        kr_buf_putc(b, w[i]);
    }
    kr_buf_puts(b, "\"*");
}

/* Words typed by a teacher become an FTS5 query of quoted prefix terms, so that quotes,
 * dashes or "NOT" in the text are never taken as syntax. Each word also matches by its
 * Snowball stem: "leerlingen" finds "leerling", "boeken" finds "boek". */
static char *fts_query(const char *typed)
{
    struct kr_buf b = {0};
    struct kr_stemmer *stemmer = kr_stemmer_new();
    char *copy = kr_xstrdup(typed), *save = NULL;
    for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        char stem[128];
        size_t n = stemmer ? kr_stem(stemmer, w, strlen(w), stem, sizeof stem) : 0;
        bool by_stem = n >= 3 && n < sizeof stem && strncmp(stem, w, n) != 0;
        bool shorter = n >= 3 && n < strlen(w) && strncmp(stem, w, n) == 0;
        if (b.len)
            kr_buf_putc(&b, ' ');
        if (by_stem) { /* the stem is no prefix of the word: either matches */
            kr_buf_putc(&b, '(');
            fts_term(&b, w, strlen(w));
            kr_buf_puts(&b, " OR ");
            fts_term(&b, stem, n);
            kr_buf_putc(&b, ')');
        } else {
            fts_term(&b, shorter ? stem : w, shorter ? n : strlen(w));
        }
    }
    free(copy);
    kr_stemmer_free(stemmer);
    return b.len ? kr_buf_steal(&b) : (kr_buf_fini(&b), NULL);
}

static void reload(struct ui *ui)
{
    struct kr_obs_filter f = {.session_id = ui->session.id, .search = N.query};
    ui_notelist_load(ui, &N.list, &f);
}

static void enter(struct ui *ui)
{
    kr_le_init(&N.search);
    kr_le_init(&N.ed);
    N.mode = MODE_LIST;
    N.query = NULL;
    N.list.show = UI_SHOW_ALL;
    N.list.with_visit = true;
    reload(ui);
    N.list.sel = N.list.notes.n ? N.list.notes.n - 1 : 0;
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
    ui_putf(ui, y++, 1, ui->cols - 2, UI_HEAD, "Alle notities (%zu) · filter: %s%s%s%s",
            N.list.notes.n, ui_show_label(N.list.show), N.query ? " · zoek: \"" : "",
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
        ui_check(ui, o->text, strlen(o->text), spans, &n_spans, &hint);
        ui_put_wrapped(ui, y, 1, ui->cols - 2, 2, UI_NORMAL, o->text, spans, n_spans, UI_JUDGE);
        if (hint)
            ui_putf(ui, y + 2, 1, ui->cols - 2, UI_HINT, "Tip: %s", hint);
    }
}

static void key(struct ui *ui, int k)
{
    const struct kr_observation *o = ui_notelist_selected(&N.list);
    if (N.mode == MODE_SEARCH) {
        if (k == UI_ENTER) {
            free(N.query);
            N.query = fts_query(N.search.text);
            N.mode = MODE_LIST;
            N.list.sel = 0;
            reload(ui);
        } else if (k == UI_ESC) {
            free(N.query);
            N.query = NULL;
            kr_le_clear(&N.search);
            N.mode = MODE_LIST;
            reload(ui);
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
    if (ui_notelist_move(&N.list, k, N.rows))
        return;
    if (ui_notelist_act(ui, &N.list, k)) {
        reload(ui);
        return;
    }
    switch (k) {
    case 'e':
    case UI_ENTER:
        if (o) {
            kr_le_set(&N.ed, o->text);
            N.mode = MODE_EDIT;
        }
        return;
    case '/':
    case 's':
        N.mode = MODE_SEARCH;
        return;
    case 'f':
        N.list.show = (enum ui_show)((N.list.show + 1) % UI_SHOW_COUNT);
        N.list.sel = 0;
        reload(ui);
        return;
    case 'F':
        N.list.show = (enum ui_show)((N.list.show + UI_SHOW_COUNT - 1) % UI_SHOW_COUNT);
        N.list.sel = 0;
        reload(ui);
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

static const char *footer(struct ui *ui)
{
    (void)ui;
    if (N.mode == MODE_SEARCH)
        return "Enter zoek|Esc wis zoekvraag";
    if (N.mode == MODE_EDIT)
        return "Enter bewaar|Esc annuleer";
    return "/ zoek|f filter|e bewerk|1 2 3 plaats|d wis|u ongedaan|q terug";
}

static const struct ui_help help[] = {
    {"↑ ↓ PgUp PgDn", "door de notities"},
    {"/", "zoek in alle notities van de bijeenkomst"},
    {"f, F", "filter: leerling, leraar, leerinhoud, niet geplaatst, met oordeelwoorden"},
    {"e, Enter", "bewerk de notitie (de oude tekst blijft in de geschiedenis)"},
    {"1 2 3 0", "plaats bij leerling, leraar, leerinhoud; 0 maakt los"},
    {"v", "plaats volgens het voorstel"},
    {"d", "verwijder (ongedaan te maken)"},
    {"h", "houd een notitie met oordeelwoord bewust zo"},
    {"u, Ctrl-Z", "maak de laatste stap ongedaan"},
    {"q, Esc", "terug"},
    {NULL, NULL},
};

const struct ui_screen ui_screen_notes = {
    .title = "notities",
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
