/* SPDX-License-Identifier: MIT */
/*
 * New bijeenkomst: network, host school, date (today), basisvaardigheid,
 * ontwikkelvraag, kijkvraag and the tweetallen of the day. Every field is a line
 * editor; ↑/↓ or Tab move between fields, Enter goes to the next one, and on the last
 * row Enter makes the bijeenkomst.
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/clock.h"
#include "kijkronde/mem.h"
#include "kijkronde/utf8.h"
#include "ui_internal.h"

enum field {
    F_NETWORK,
    F_SCHOOL,
    F_DATE,
    F_BASIS,
    F_ONTWIKKEL,
    F_KIJKVRAAG,
    F_TWEETALLEN,
    F_SAVE,
    F_COUNT
};

static const char *const labels[F_COUNT] = {
    "Netwerk",        "Ontvangende school", "Datum",      "Basisvaardigheid",
    "Ontwikkelvraag", "Kijkvraag",          "Tweetallen", "",
};

static struct {
    struct kr_lineedit ed[F_COUNT];
    enum kr_basis basis;
    int field;
} S;

static void enter(struct ui *ui)
{
    (void)ui;
    char today[KR_TIME_SIZE];
    for (int i = 0; i < F_COUNT; i++)
        kr_le_init(&S.ed[i]);
    S.ed[F_KIJKVRAAG].max_len = 1000;
    kr_clock_today(today);
    kr_le_set(&S.ed[F_DATE], today);
    S.basis = KR_BASIS_NONE;
    S.field = F_NETWORK;
}

static void leave(struct ui *ui)
{
    (void)ui;
    for (int i = 0; i < F_COUNT; i++)
        kr_le_fini(&S.ed[i]);
}

static bool is_text(int f)
{
    return f != F_BASIS && f != F_SAVE;
}

static void draw(struct ui *ui)
{
    int y = 2, lw = 20, fx = 2 + lw + 1, fw = ui->cols - fx - 2;
    int gap = ui->rows >= 26 ? 1 : 0; /* room between the fields on a tall window */
    ui_put(ui, y++, 2, ui->cols - 4, UI_HEAD, "Nieuwe bijeenkomst");
    y++;
    int cur_y = -1;
    for (int f = 0; f < F_SAVE; f++) {
        bool focus = f == S.field;
        int rows = f == F_KIJKVRAAG ? 3 : 1, w = f == F_DATE ? 12 : fw;
        ui_put(ui, y, 2, lw, focus ? UI_HEAD : UI_NORMAL, labels[f]);
        if (f == F_BASIS)
            ui_putf(ui, y, fx, fw, focus ? UI_SELECT : UI_NORMAL, "‹ %s ›",
                    S.basis ? kr_basis_str(S.basis) : "(geen)");
        else if (focus)
            cur_y = y;
        else
            ui_draw_field(ui, y, fx, w, rows, &S.ed[f], false, NULL, 0);
        if (f == F_DATE && !kr_clock_valid_date(S.ed[F_DATE].text))
            ui_put(ui, y, fx + w + 2, fw - w - 2, UI_ERROR, "schrijf JJJJ-MM-DD");
        y += rows + gap;
    }
    ui_put(ui, y++, fx, fw, UI_DIM, "bijv. Anna & Bram; Cees & Dirk (voornamen of initialen)");
    ui_put(ui, y + gap, fx, fw, S.field == F_SAVE ? UI_SELECT : UI_HEAD, "[ Bijeenkomst maken ]");
    if (cur_y >= 0) /* last, so the cursor ends in the focused field */
        ui_draw_field(ui, cur_y, fx, S.field == F_DATE ? 12 : fw, S.field == F_KIJKVRAAG ? 3 : 1,
                      &S.ed[S.field], true, NULL, 0);
}

static char *trimmed(const char *s)
{
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ')
        n--;
    return n ? kr_xstrndup(s, n) : NULL;
}

/* Add the tweetallen "Anna & Bram; Cees & Dirk" and their members. */
static enum kr_status add_tweetallen(struct ui *ui, const char *session_id, const char *text,
                                     struct kr_error *err)
{
    enum kr_status r = KR_OK;
    char *copy = kr_xstrdup(text), *save = NULL;
    for (char *part = strtok_r(copy, ";", &save); part && r == KR_OK;
         part = strtok_r(NULL, ";", &save)) {
        char *name = trimmed(part);
        if (!name)
            continue;
        struct kr_tweetal t = {.session_id = kr_xstrdup(session_id), .name = name};
        r = kr_store_tweetal_add(ui->st, &t, err);
        char *members = kr_xstrdup(name), *msave = NULL;
        for (char *m = strtok_r(members, "&+,/", &msave); m && r == KR_OK;
             m = strtok_r(NULL, "&+,/", &msave)) {
            char *who = trimmed(m);
            if (!who)
                continue;
            struct kr_participant p = {
                .session_id = kr_xstrdup(session_id), .tweetal_id = kr_xstrdup(t.id), .name = who};
            r = kr_store_participant_add(ui->st, &p, err);
            kr_participant_fini(&p);
        }
        free(members);
        kr_tweetal_fini(&t);
    }
    free(copy);
    return r;
}

static void save(struct ui *ui)
{
    struct kr_error err = {0};
    struct kr_session s = {0};
    struct kr_network net = {0};
    enum kr_status r;
    if (kr_le_blank(&S.ed[F_KIJKVRAAG])) {
        ui_message(ui, UI_ERROR, "Vul een kijkvraag in: waar kijken de tweetallen naar?");
        S.field = F_KIJKVRAAG;
        return;
    }
    if (!kr_clock_valid_date(S.ed[F_DATE].text)) {
        ui_message(ui, UI_ERROR, "De datum '%s' klopt niet; schrijf JJJJ-MM-DD.",
                   S.ed[F_DATE].text);
        S.field = F_DATE;
        return;
    }
    if (kr_store_begin(ui->st, &err) != KR_OK) {
        ui_store_error(ui, "Kan de bijeenkomst niet bewaren", &err);
        return;
    }
    char *netname = trimmed(S.ed[F_NETWORK].text);
    r = KR_OK;
    if (netname) {
        r = kr_store_network_find(ui->st, netname, &net, &err);
        if (r == KR_NOT_FOUND) {
            kr_network_fini(&net);
            memset(&net, 0, sizeof net);
            net.name = kr_xstrdup(netname);
            r = kr_store_network_add(ui->st, &net, &err);
        }
    }
    if (r == KR_OK) {
        s.network_id = kr_xstrdup(net.id);
        s.kind = kr_xstrdup("vervolg");
        s.date = kr_xstrdup(S.ed[F_DATE].text);
        s.host_school = trimmed(S.ed[F_SCHOOL].text);
        s.basis = S.basis;
        s.ontwikkelvraag = trimmed(S.ed[F_ONTWIKKEL].text);
        s.kijkvraag_text = trimmed(S.ed[F_KIJKVRAAG].text);
        r = kr_store_session_add(ui->st, &s, &err);
    }
    if (r == KR_OK)
        r = add_tweetallen(ui, s.id, S.ed[F_TWEETALLEN].text, &err);
    if (r == KR_OK)
        r = kr_store_commit(ui->st, &err);
    if (r != KR_OK) {
        kr_store_rollback(ui->st);
        ui_store_error(ui, "Kan de bijeenkomst niet bewaren", &err);
    } else if (ui_open_session(ui, s.id)) {
        ui_replace(ui, &ui_screen_session);
        ui_message(ui, UI_OK, "Bijeenkomst gemaakt. Druk op b om een bezoek te beginnen.");
    }
    free(netname);
    kr_network_fini(&net);
    kr_session_fini(&s);
}

static void key(struct ui *ui, int k)
{
    switch (k) {
    case UI_ESC:
        ui_back(ui);
        ui_message(ui, UI_NORMAL, "Geen bijeenkomst gemaakt.");
        return;
    case UI_FN(KEY_UP):
    case UI_FN(KEY_BTAB):
        if (S.field > 0)
            S.field--;
        return;
    case UI_FN(KEY_DOWN):
    case UI_TAB:
        if (S.field < F_SAVE)
            S.field++;
        return;
    case UI_ENTER:
    case '\n':
    case UI_FN(KEY_ENTER):
        if (S.field == F_SAVE)
            save(ui);
        else
            S.field++;
        return;
    case UI_CTRL('s'):
        save(ui);
        return;
    default:
        break;
    }
    if (S.field == F_BASIS) {
        int b = (int)S.basis;
        if (k == UI_FN(KEY_LEFT) || k == '-' || k == 'h')
            b = (b + KR_BASIS_COUNT - 1) % KR_BASIS_COUNT;
        else if (k == UI_FN(KEY_RIGHT) || k == ' ' || k == '+' || k == 'l')
            b = (b + 1) % KR_BASIS_COUNT;
        else if (k >= '0' && k < '0' + KR_BASIS_COUNT)
            b = k - '0';
        S.basis = (enum kr_basis)b;
        return;
    }
    if (is_text(S.field))
        ui_le_feed(&S.ed[S.field], k);
}

static void paste(struct ui *ui, const char *text, size_t len)
{
    (void)ui;
    if (is_text(S.field))
        kr_le_insert(&S.ed[S.field], text, len);
}

static bool typing(struct ui *ui)
{
    (void)ui;
    return is_text(S.field);
}

static const char *footer(struct ui *ui)
{
    (void)ui;
    if (S.field == F_BASIS)
        return "← → kiezen|Tab volgende|Ctrl-S maken|Esc annuleren";
    return "Enter volgende|↑ ↓ veld|Ctrl-S maken|Esc annuleren";
}

static const struct ui_help help[] = {
    {"Tab, ↓, Enter", "naar het volgende veld"},
    {"Shift-Tab, ↑", "naar het vorige veld"},
    {"← →", "basisvaardigheid kiezen"},
    {"Ctrl-S", "de bijeenkomst maken (ook: Enter op de knop)"},
    {"Ctrl-A, Ctrl-E", "naar begin of eind van het veld"},
    {"Ctrl-W, Ctrl-U", "woord of alles voor de cursor wissen"},
    {"Esc", "annuleren"},
    {"?", "hulp (in een leeg veld)"},
    {NULL, NULL},
};

static bool typing_nonempty(struct ui *ui)
{
    return typing(ui) && S.ed[S.field].len > 0;
}

const struct ui_screen ui_screen_new = {
    .title = "nieuwe bijeenkomst",
    .help = help,
    .enter = enter,
    .leave = leave,
    .draw = draw,
    .key = key,
    .paste = paste,
    .footer = footer,
    .typing = typing_nonempty,
};
