/* SPDX-License-Identifier: MIT */
/*
 * Starting a classroom visit: the tweetal picks itself, then groep/klas and vak.
 * Enter on the last field starts the visit (and its timer) and opens the round.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kijkronde/clock.h"
#include "kijkronde/mem.h"
#include "ui_internal.h"

enum field { F_TWEETAL, F_LABEL, F_SUBJECT, F_COUNT };

static struct {
    struct kr_tweetal_list tweetallen;
    size_t pick;                    /* index into tweetallen; == n means "nieuw tweetal" (typed) */
    struct kr_lineedit ed[F_COUNT]; /* ed[F_TWEETAL]: a new tweetal's names */
    int field;
} S;

static void enter(struct ui *ui)
{
    struct kr_error err = {0};
    memset(&S.tweetallen, 0, sizeof S.tweetallen);
    if (kr_app_tweetallen(ui->app, ui->session.id, &S.tweetallen, &err) != KR_OK)
        ui_store_error(ui, "Kan de tweetallen niet lezen", &err);
    for (int i = 0; i < F_COUNT; i++)
        kr_le_init(&S.ed[i]);
    /* The tweetal of the previous visit probably goes on. */
    S.pick = 0;
    if (ui->visit.tweetal_id)
        for (size_t i = 0; i < S.tweetallen.n; i++)
            if (strcmp(S.tweetallen.items[i].id, ui->visit.tweetal_id) == 0)
                S.pick = i;
    S.field = F_TWEETAL;
}

static void leave(struct ui *ui)
{
    (void)ui;
    kr_tweetal_list_fini(&S.tweetallen);
    for (int i = 0; i < F_COUNT; i++)
        kr_le_fini(&S.ed[i]);
}

static bool typed_tweetal(void)
{
    return S.pick >= S.tweetallen.n;
}

static void draw(struct ui *ui)
{
    int y = 2, fx = 22, fw = ui->cols - fx - 2;
    ui_put(ui, y++, 2, ui->cols - 4, UI_HEAD, "Nieuw klassenbezoek");
    y += ui_put_wrapped(ui, y, 2, ui->cols - 4, 2, UI_DIM, ui->session.kijkvraag_text, NULL, 0,
                        UI_DIM);
    y++;
    ui_put(ui, y, 2, 19, S.field == F_TWEETAL ? UI_HEAD : UI_NORMAL, "Tweetal");
    if (typed_tweetal()) {
        if (S.field != F_TWEETAL)
            ui_draw_field(ui, y, fx, fw, 1, &S.ed[F_TWEETAL], false, NULL, 0);
        ui_put(ui, y + 1, fx, fw, UI_DIM, "nieuw tweetal: typ de namen, bijv. Anna & Bram (← →)");
    } else {
        ui_putf(ui, y, fx, fw, S.field == F_TWEETAL ? UI_SELECT : UI_NORMAL, "‹ %s ›",
                S.tweetallen.items[S.pick].name);
        ui_put(ui, y + 1, fx, fw, UI_DIM, "← → een ander tweetal");
    }
    int ty = y;
    y += 3;
    ui_put(ui, y, 2, 19, S.field == F_LABEL ? UI_HEAD : UI_NORMAL, "Groep of klas");
    if (S.field != F_LABEL)
        ui_draw_field(ui, y, fx, fw, 1, &S.ed[F_LABEL], false, NULL, 0);
    int ly = y;
    y += 2;
    ui_put(ui, y, 2, 19, S.field == F_SUBJECT ? UI_HEAD : UI_NORMAL, "Vak");
    if (S.field != F_SUBJECT)
        ui_draw_field(ui, y, fx, fw, 1, &S.ed[F_SUBJECT], false, NULL, 0);
    int sy = y;
    y += 2;
    ui_put(ui, y, fx, fw, UI_DIM, "Enter op 'Vak' begint het bezoek; de tijd loopt dan.");
    if (S.field == F_TWEETAL && typed_tweetal())
        ui_draw_field(ui, ty, fx, fw, 1, &S.ed[F_TWEETAL], true, NULL, 0);
    else if (S.field == F_LABEL)
        ui_draw_field(ui, ly, fx, fw, 1, &S.ed[F_LABEL], true, NULL, 0);
    else if (S.field == F_SUBJECT)
        ui_draw_field(ui, sy, fx, fw, 1, &S.ed[F_SUBJECT], true, NULL, 0);
}

static void start(struct ui *ui)
{
    struct kr_error err = {0};
    struct kr_visit v = {0};
    char now[KR_TIME_SIZE];
    char *label = ui_trimmed(S.ed[F_LABEL].text);
    if (!label) {
        ui_message(ui, UI_ERROR, "Vul de groep of klas in, bijv. 'groep 5' of 'klas 2b'.");
        S.field = F_LABEL;
        return;
    }
    /* A visit is made by a tweetal: without one its notes belong to nobody in the
     * reflection's turns and the summary. */
    char *name = typed_tweetal() ? ui_trimmed(S.ed[F_TWEETAL].text) : NULL;
    if (typed_tweetal() && !name) {
        ui_message(ui, UI_ERROR,
                   "Vul het tweetal in, bijv. 'Anna & Bram', of kies er een met ← →.");
        S.field = F_TWEETAL;
        free(label);
        return;
    }
    v.session_id = kr_xstrdup(ui->session.id);
    v.label = label;
    v.subject = ui_trimmed(S.ed[F_SUBJECT].text);
    kr_clock_now_local(now);
    v.started_at = kr_xstrdup(now);
    if (!name)
        v.tweetal_id = kr_xstrdup(S.tweetallen.items[S.pick].id);
    enum kr_status r = kr_app_visit_start(ui->app, &v, name, &err);
    free(name);
    if (r != KR_OK) {
        ui_store_error(ui, "Het bezoek kon niet beginnen", &err);
        kr_visit_fini(&v);
        return;
    }
    kr_visit_fini(&ui->visit);
    memset(&ui->visit, 0, sizeof ui->visit);
    if (kr_app_visit_get(ui->app, v.id, &ui->visit, &err) != KR_OK)
        ui_store_error(ui, "Kan het bezoek niet lezen", &err);
    ui->visit_start = time(NULL);
    kr_visit_fini(&v);
    ui_replace(ui, &ui_screen_round);
}

static void key(struct ui *ui, int k)
{
    if (ui_form_key(ui, &S.field, F_COUNT, k, start))
        return;
    if (S.field == F_TWEETAL && (k == UI_FN(KEY_LEFT) || k == UI_FN(KEY_RIGHT)) &&
        (!typed_tweetal() || S.ed[F_TWEETAL].len == 0)) {
        size_t n = S.tweetallen.n + 1; /* the last choice is a new tweetal */
        S.pick = k == UI_FN(KEY_LEFT) ? (S.pick + n - 1) % n : (S.pick + 1) % n;
        return;
    }
    if (S.field != F_TWEETAL || typed_tweetal())
        ui_le_feed(&S.ed[S.field], k);
}

static void paste(struct ui *ui, const char *text, size_t len)
{
    (void)ui;
    if (S.field != F_TWEETAL || typed_tweetal())
        kr_le_insert(&S.ed[S.field], text, len);
}

static bool typing(struct ui *ui)
{
    (void)ui;
    return (S.field != F_TWEETAL || typed_tweetal()) && S.ed[S.field].len > 0;
}

static const char *text_field(struct ui *ui)
{
    (void)ui;
    return S.field != F_TWEETAL || typed_tweetal() ? "het veld" : NULL;
}

/* Esc and Ctrl-S act in every field; the moving between fields is ui_form_key's. */
static const struct ui_binding bindings[] = {
    {.keys = {UI_ENTER}, .name = "Enter", .foot = "volgende"},
    {.keys = {UI_FN(KEY_LEFT), UI_FN(KEY_RIGHT)},
     .name = "← →",
     .help = "kies het tweetal (de laatste keuze is een nieuw tweetal)",
     .foot = "tweetal"},
    {.keys = {UI_TAB, UI_FN(KEY_DOWN), UI_ENTER},
     .name = "Tab, ↓, Enter",
     .help = "naar het volgende veld"},
    {.keys = {UI_ENTER}, .name = "Enter op Vak", .help = "het bezoek beginnen"},
    {.keys = {UI_CTRL('s')},
     .name = "Ctrl-S",
     .help = "het bezoek beginnen",
     .foot = "beginnen",
     .action = start},
    {.keys = {UI_ESC}, .name = "Esc", .help = "terug", .foot = "terug", .action = ui_back},
    {.name = NULL},
};

const struct ui_screen ui_screen_visit = {
    .title = "nieuw bezoek",
    .bindings = bindings,
    .enter = enter,
    .leave = leave,
    .draw = draw,
    .key = key,
    .paste = paste,
    .typing = typing,
    .text_field = text_field,
};
