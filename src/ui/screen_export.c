/* SPDX-License-Identifier: MIT */
/*
 * Exporting with a choice (E on the bijeenkomst): the format, pseudonyms for the school
 * and the classes, and the file. The file starts where e writes (ui_export_path) and follows the
 * format until the user edits it. Enter on the file writes it and says where.
 * (e on the bijeenkomst writes the HTML summary there at once.)
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/exchange.h"
#include "kijkronde/mem.h"
#include "ui_internal.h"

enum field { F_FORMAT, F_PSEUDO, F_PATH, F_COUNT };

static const struct {
    enum kr_export_format format;
    const char *name;
} formats[] = {
    {KR_EXPORT_HTML, "samenvatting voor de school (HTML, af te drukken)"},
    {KR_EXPORT_MD, "samenvatting als tekst (Markdown)"},
    {KR_EXPORT_CSV, "notities voor Excel (CSV met ;)"},
    {KR_EXPORT_JSON, "alles, om in te lezen op een andere laptop (JSON)"},
};
#define N_FORMATS (sizeof formats / sizeof formats[0])

static struct {
    size_t format;
    bool pseudo;
    bool path_edited; /* the user typed in the path: a new format no longer replaces it */
    struct kr_lineedit path;
    int field;
} S;

static void default_path(struct ui *ui)
{
    struct kr_error err = {0};
    char *p = ui_export_path(ui, formats[S.format].format, &err);
    kr_le_set(&S.path, p ? p : "");
    free(p);
}

static void enter(struct ui *ui)
{
    memset(&S, 0, sizeof S);
    kr_le_init(&S.path);
    S.path.max_len = 4000;
    default_path(ui);
}

static void leave(struct ui *ui)
{
    (void)ui;
    kr_le_fini(&S.path);
}

static void draw(struct ui *ui)
{
    int y = 2, fx = 18, fw = ui->cols - fx - 2;
    ui_put(ui, y, 2, ui->cols - 4, UI_HEAD, "Exporteren");
    y += 2;
    ui_put(ui, y, 2, 15, S.field == F_FORMAT ? UI_HEAD : UI_NORMAL, "Wat");
    ui_putf(ui, y, fx, fw, S.field == F_FORMAT ? UI_SELECT : UI_NORMAL, "‹ %s ›",
            formats[S.format].name);
    y += 2;
    ui_put(ui, y, 2, 15, S.field == F_PSEUDO ? UI_HEAD : UI_NORMAL, "Schuilnamen");
    ui_put(ui, y, fx, fw, S.field == F_PSEUDO ? UI_SELECT : UI_NORMAL,
           S.pseudo ? "‹ ja: \"School A\", \"groep A\" ... ›" : "‹ nee: echte school en groepen ›");
    y += 2;
    ui_put(ui, y, 2, 15, S.field == F_PATH ? UI_HEAD : UI_NORMAL, "Bestand");
    int path_y = y;
    y += 3;
    y += ui_put_wrapped(ui, y, fx, fw, 3, UI_DIM,
                        "Namen van waarnemers staan nooit in een samenvatting; notities met een "
                        "oordeel worden alleen geteld.",
                        NULL, 0, UI_DIM);
    ui_put(ui, y + 1, fx, fw, UI_DIM, "Enter op 'Bestand' schrijft het bestand.");
    /* last, so the cursor ends in the field when it has the focus */
    ui_draw_field(ui, path_y, fx, fw, 2, &S.path, S.field == F_PATH, NULL, 0);
}

static void write_export(struct ui *ui)
{
    struct kr_error err = {0};
    char *path = ui_trimmed(S.path.text);
    if (!path) {
        ui_message(ui, UI_ERROR, "Vul in waar het bestand moet komen.");
        S.field = F_PATH;
        return;
    }
    if (formats[S.format].format == KR_EXPORT_JSON && S.pseudo) {
        /* As the CLI: the JSON is for reading in elsewhere and holds everything, real names
         * too; schuilnamen there would be a promise it does not keep. */
        ui_message(ui, UI_ERROR,
                   "JSON bevat altijd de echte namen: kies Schuilnamen nee of een ander formaat.");
        S.field = F_PSEUDO;
        free(path);
        return;
    }
    struct kr_export_opts opts = {.pseudonymise = S.pseudo};
    if (kr_app_export_file(ui->app, ui->session.id, formats[S.format].format, &opts, path, &err) !=
        KR_OK) {
        ui_store_error(ui, "Exporteren lukte niet", &err);
        free(path);
        return;
    }
    ui_back(ui);
    ui_message(ui, UI_OK, "Export bewaard in %s", path);
    free(path);
}

static void cancel(struct ui *ui)
{
    ui_back(ui);
    ui_message(ui, UI_NORMAL, "Niets geëxporteerd.");
}

static void key(struct ui *ui, int k)
{
    if (ui_form_key(ui, &S.field, F_COUNT, k, write_export))
        return;
    bool left = k == UI_FN(KEY_LEFT), right = k == UI_FN(KEY_RIGHT) || k == ' ';
    if (S.field == F_FORMAT && (left || right)) {
        S.format = left ? (S.format + N_FORMATS - 1) % N_FORMATS : (S.format + 1) % N_FORMATS;
        if (!S.path_edited)
            default_path(ui);
    } else if (S.field == F_PSEUDO && (left || right)) {
        S.pseudo = !S.pseudo;
    } else if (S.field == F_PATH) {
        if (ui_le_feed(&S.path, k) == KR_LE_CHANGED)
            S.path_edited = true;
    }
}

static void paste(struct ui *ui, const char *text, size_t len)
{
    (void)ui;
    if (S.field == F_PATH) {
        kr_le_insert(&S.path, text, len);
        S.path_edited = true;
    }
}

static bool typing(struct ui *ui)
{
    (void)ui;
    return S.field == F_PATH;
}

static const char *text_field(struct ui *ui)
{
    return typing(ui) ? "het pad" : NULL;
}

/* Esc and Ctrl-S act in every field; the moving between fields is ui_form_key's. */
static const struct ui_binding bindings[] = {
    {.keys = {UI_FN(KEY_LEFT), UI_FN(KEY_RIGHT), ' '},
     .name = "← →, spatie",
     .help = "kies wat je exporteert, en of er schuilnamen komen",
     .foot_name = "← →",
     .foot = "kiezen"},
    {.keys = {UI_ENTER}, .name = "Enter", .foot = "volgende"},
    {.keys = {UI_TAB, UI_FN(KEY_DOWN), UI_ENTER},
     .name = "Tab, ↓, Enter",
     .help = "naar het volgende veld"},
    {.keys = {UI_ENTER},
     .name = "Enter op Bestand",
     .help = "het bestand schrijven (de plek staat daarna onderin)"},
    {.keys = {UI_CTRL('s')},
     .name = "Ctrl-S",
     .help = "meteen schrijven",
     .foot = "schrijven",
     .action = write_export},
    {.keys = {UI_ESC},
     .name = "Esc",
     .help = "terug, zonder te exporteren",
     .foot = "terug",
     .action = cancel},
    {.name = NULL},
};

const struct ui_screen ui_screen_export = {
    .title = "exporteren",
    .bindings = bindings,
    .enter = enter,
    .leave = leave,
    .draw = draw,
    .key = key,
    .paste = paste,
    .typing = typing,
    .text_field = text_field,
};
