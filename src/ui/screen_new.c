/* SPDX-License-Identifier: MIT */
/*
 * New bijeenkomst: network, host school, date (today), basisvaardigheid,
 * ontwikkelvraag, kijkvraag, the tweetallen of the day and the kind (start-, aftrap-,
 * vervolg- or afrondingsbijeenkomst). Every field is a line editor or a ‹ choice ›;
 * ↑/↓ or Tab move between fields, Enter goes to the next one, and on the last row Enter
 * makes the bijeenkomst. The same form edits an existing bijeenkomst (w on the
 * bijeenkomst screen: ui_screen_session_edit), filled with what is stored. The kijkvraag
 * library (Ctrl-B) is in new_library.c.
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/clock.h"
#include "kijkronde/kijkvraag.h"
#include "kijkronde/mem.h"
#include "kijkronde/plural.h"
#include "kijkronde/utf8.h"
#include "new_form.h"
#include "ui_internal.h"

static const char *const labels[F_COUNT] = {
    "Netwerk",
    "Ontvangende school",
    "Datum",
    "Basisvaardigheid",
    "Ontwikkelvraag",
    "Kijkvraag",
    "Tweetallen",
    "Soort",
    "",
};

/* The kinds of bijeenkomst (session.kind) in the order of a year. */
static const struct {
    const char *id, *nl;
} kinds[] = {
    {"start", "startbijeenkomst"},
    {"aftrap", "aftrapbijeenkomst"},
    {"vervolg", "vervolgbijeenkomst"},
    {"afronding", "afrondingsbijeenkomst"},
};
#define N_KINDS      (int)(sizeof kinds / sizeof kinds[0])
#define KIND_VERVOLG 2

static int kind_index(const char *id)
{
    for (int i = 0; id && i < N_KINDS; i++)
        if (strcmp(kinds[i].id, id) == 0)
            return i;
    return KIND_VERVOLG;
}

const char *ui_kind_nl(const char *kind)
{
    return kinds[kind_index(kind)].nl;
}

struct ui_new_form ui_new_form_state;
static struct ui_new_form *const S = &ui_new_form_state;

static void enter(struct ui *ui)
{
    (void)ui;
    char today[KR_TIME_SIZE];
    for (int i = 0; i < F_COUNT; i++)
        kr_le_init(&S->ed[i]);
    S->ed[F_KIJKVRAAG].max_len = 1000;
    kr_clock_today(today);
    kr_le_set(&S->ed[F_DATE], today);
    S->basis = KR_BASIS_NONE;
    S->field = F_NETWORK;
    S->chosen = -1;
    S->picking = false;
    S->esc_once = false;
    S->kind = KIND_VERVOLG;
    S->editing = false;
}

/* w on the bijeenkomst screen: the form filled with the open bijeenkomst. */
static void enter_edit(struct ui *ui)
{
    struct kr_error err = {0};
    enter(ui);
    S->editing = true;
    memset(&S->orig, 0, sizeof S->orig);
    memset(&S->tweetallen, 0, sizeof S->tweetallen);
    if (kr_app_session_get(ui->app, ui->session.id, &S->orig, &err) != KR_OK) {
        ui_store_error(ui, "Kan de bijeenkomst niet lezen", &err);
        kr_session_fini(&S->orig);
        memset(&S->orig, 0, sizeof S->orig);
        S->orig.id = kr_xstrdup(ui->session.id);
        return;
    }
    if (kr_app_tweetallen(ui->app, ui->session.id, &S->tweetallen, &err) != KR_OK)
        ui_store_error(ui, "Kan de tweetallen niet lezen", &err);
    const struct kr_session *o = &S->orig;
    kr_le_set(&S->ed[F_NETWORK], o->network_name ? o->network_name : "");
    kr_le_set(&S->ed[F_SCHOOL], o->host_school ? o->host_school : "");
    kr_le_set(&S->ed[F_DATE], o->date ? o->date : "");
    kr_le_set(&S->ed[F_ONTWIKKEL], o->ontwikkelvraag ? o->ontwikkelvraag : "");
    kr_le_set(&S->ed[F_KIJKVRAAG], o->kijkvraag_text ? o->kijkvraag_text : "");
    struct kr_buf b = {0};
    for (size_t i = 0; i < S->tweetallen.n; i++)
        kr_buf_printf(&b, "%s%s", i ? "; " : "", S->tweetallen.items[i].name);
    kr_le_set(&S->ed[F_TWEETALLEN], kr_buf_str(&b));
    kr_buf_fini(&b);
    S->basis = o->basis;
    S->kind = kind_index(o->kind);
    for (int i = 0; i < F_COUNT; i++)
        S->orig_text[i] = kr_xstrdup(S->ed[i].text ? S->ed[i].text : "");
}

static void leave(struct ui *ui)
{
    (void)ui;
    for (int i = 0; i < F_COUNT; i++)
        kr_le_fini(&S->ed[i]);
    kr_kijkvraag_list_fini(&S->library);
    memset(&S->library, 0, sizeof S->library);
    S->library_loaded = false;
    kr_lint_list_fini(&S->lint);
    memset(&S->lint, 0, sizeof S->lint);
    kr_linter_free(S->linter);
    S->linter = NULL;
    if (S->editing) {
        kr_session_fini(&S->orig);
        memset(&S->orig, 0, sizeof S->orig);
        kr_tweetal_list_fini(&S->tweetallen);
        memset(&S->tweetallen, 0, sizeof S->tweetallen);
        for (int i = 0; i < F_COUNT; i++) {
            free(S->orig_text[i]);
            S->orig_text[i] = NULL;
        }
        S->editing = false;
    }
}

/* The kijkvraag as it was stored, untouched (its kijkpunten and library id then stay). */
static bool kijkvraag_unchanged(void)
{
    return S->editing && S->orig.kijkvraag_text &&
           strcmp(S->orig.kijkvraag_text, S->ed[F_KIJKVRAAG].text) == 0;
}

/* The kijkvraag lint of the typed question: spans to mark and the first finding. */
static const struct kr_lint_finding *lint_now(struct ui *ui, struct ui_span *spans, size_t *n)
{
    struct kr_error err = {0};
    *n = 0;
    if (!S->linter && kr_linter_new(&S->linter, &err) != KR_OK) {
        S->linter = NULL;
        ui_message(ui, UI_ERROR, "De kijkvraag-check werkt niet: %s", err.msg);
        return NULL;
    }
    if (ui_new_chosen() || kijkvraag_unchanged() || kr_le_blank(&S->ed[F_KIJKVRAAG]))
        return NULL;
    kr_lint(S->linter, S->ed[F_KIJKVRAAG].text, S->ed[F_KIJKVRAAG].len, &S->lint);
    for (size_t i = 0; i < S->lint.n && i < UI_MAX_SPANS; i++) {
        spans[i].start = S->lint.items[i].start;
        spans[i].end = S->lint.items[i].end;
        *n = i + 1;
    }
    return S->lint.n ? &S->lint.items[0] : NULL;
}

/* The date as typed, in ISO form: "2026-03-12" as it is, and the Dutch "12-3-2026",
 * "12/3/2026" or "12.3.2026" turned around. False when it is no date. */
static bool date_iso(const char *typed, char out[11])
{
    int d, m, y, n = 0;
    char s1, s2;
    if (kr_clock_valid_date(typed) && strlen(typed) == 10) {
        memcpy(out, typed, 11);
        return true;
    }
    if (sscanf(typed, " %2d%c%2d%c%4d %n", &d, &s1, &m, &s2, &y, &n) != 5 || typed[n] || s1 != s2 ||
        (s1 != '-' && s1 != '/' && s1 != '.') || y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 ||
        d > 31)
        return false;
    /* in range, so the 10 characters and the NUL fit */
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
             (unsigned)d % 100u);
    return kr_clock_valid_date(out);
}

static bool is_text(int f)
{
    return f != F_BASIS && f != F_KIND && f != F_SAVE;
}
/* Did the user type anything that Esc would throw away? */
static bool form_touched(void)
{
    if (S->editing) {
        for (int i = 0; i < F_COUNT; i++)
            if (is_text(i) && S->orig_text[i] && strcmp(S->orig_text[i], S->ed[i].text) != 0)
                return true;
        return S->basis != S->orig.basis || S->kind != kind_index(S->orig.kind);
    }
    for (int i = 0; i < F_COUNT; i++)
        if (i != F_DATE && is_text(i) && !kr_le_blank(&S->ed[i]))
            return true;
    return S->basis != KR_BASIS_NONE || S->kind != KIND_VERVOLG;
}

static void draw(struct ui *ui)
{
    int y = 2, lw = 20, fx = 2 + lw + 1, fw = ui->cols - fx - 2;
    int gap = ui->rows >= 28 ? 1 : 0; /* room between the fields on a tall window */
    struct ui_span spans[UI_MAX_SPANS];
    size_t n_spans = 0;
    const struct kr_lint_finding *lf = NULL;
    if (S->picking) {
        ui_new_library_draw(ui);
        return;
    }
    lf = lint_now(ui, spans, &n_spans);
    ui_put(ui, y++, 2, ui->cols - 4, UI_HEAD,
           S->editing ? "Bijeenkomst wijzigen" : "Nieuwe bijeenkomst");
    y++;
    int cur_y = -1;
    for (int f = 0; f < F_SAVE; f++) {
        bool focus = f == S->field;
        int rows = f == F_KIJKVRAAG ? 3 : 1, w = f == F_DATE ? 12 : fw;
        if (f == F_KIND) {
            /* the hint under the tweetallen first */
            ui_put(ui, y++, fx, fw, UI_DIM,
                   S->editing ? "nieuwe namen komen erbij; bestaande tweetallen blijven"
                              : "bijv. Anna & Bram; Cees & Dirk (voornamen of initialen)");
        }
        ui_put(ui, y, 2, lw, focus ? UI_HEAD : UI_NORMAL, labels[f]);
        if (f == F_BASIS)
            ui_putf(ui, y, fx, fw, focus ? UI_SELECT : UI_NORMAL, "‹ %s ›",
                    S->basis ? kr_basis_str(S->basis) : "(geen)");
        else if (f == F_KIND)
            ui_putf(ui, y, fx, fw, focus ? UI_SELECT : UI_NORMAL, "‹ %s ›", kinds[S->kind].nl);
        else if (focus)
            cur_y = y;
        else
            ui_draw_field(ui, y, fx, w, rows, &S->ed[f], false, f == F_KIJKVRAAG ? spans : NULL,
                          f == F_KIJKVRAAG ? n_spans : 0);
        if (f == F_KIJKVRAAG) {
            /* Below the kijkvraag: the lint, or the kijkpunten of a library question. */
            const struct kr_kijkvraag *kv = ui_new_chosen();
            if (lf) {
                /* The whole message and tip on a tall window, one row each otherwise. */
                int max = ui->rows >= 24 ? 2 : 1;
                struct kr_buf b = {0};
                kr_buf_printf(&b, "Let op: %s", lf->message);
                int used = ui_put_wrapped(ui, y + rows, fx, fw, max + 1, UI_HINT, kr_buf_str(&b),
                                          NULL, 0, UI_HINT);
                kr_buf_reset(&b);
                kr_buf_printf(&b, "Tip: %s", lf->hint);
                used += ui_put_wrapped(ui, y + rows + used, fx, fw, max, UI_HINT, kr_buf_str(&b),
                                       NULL, 0, UI_HINT);
                if (S->lint.n > 1) {
                    /* The other findings in one row: their kind and the words at fault. */
                    kr_buf_reset(&b);
                    kr_buf_puts(&b, "Ook:");
                    for (size_t i = 1; i < S->lint.n; i++) {
                        const struct kr_lint_finding *o = &S->lint.items[i];
                        kr_buf_printf(&b, "%s %s ('%.*s')", i > 1 ? " ·" : "", o->kind,
                                      (int)(o->end - o->start), S->ed[F_KIJKVRAAG].text + o->start);
                    }
                    used += ui_put_wrapped(ui, y + rows + used, fx, fw, 1, UI_HINT, kr_buf_str(&b),
                                           NULL, 0, UI_HINT);
                }
                kr_buf_fini(&b);
                y += used - 2;
            } else if (kv) {
                ui_putf(ui, y + rows, fx, fw, UI_DIM, "%zu %s, o.a. %s", kv->n_kijkpunten,
                        kr_plural((long long)kv->n_kijkpunten, "kijkpunt", "kijkpunten"),
                        kv->n_kijkpunten ? kv->kijkpunten[0] : "");
            } else {
                ui_put(ui, y + rows, fx, fw, UI_DIM, "Ctrl-B: kies uit de bibliotheek");
            }
            y += 2;
        }
        char iso[11];
        if (f == F_DATE && !date_iso(S->ed[F_DATE].text, iso))
            ui_put(ui, y, fx + w + 2, fw - w - 2, UI_ERROR, "geen datum: bijv. 12-3-2026");
        y += rows + gap;
    }
    ui_put(ui, y + gap, fx, fw, S->field == F_SAVE ? UI_SELECT : UI_HEAD,
           S->editing ? "[ Wijzigingen bewaren ]" : "[ Bijeenkomst maken ]");
    if (cur_y >= 0) /* last, so the cursor ends in the focused field */
        ui_draw_field(ui, cur_y, fx, S->field == F_DATE ? 12 : fw, S->field == F_KIJKVRAAG ? 3 : 1,
                      &S->ed[S->field], true, S->field == F_KIJKVRAAG ? spans : NULL,
                      S->field == F_KIJKVRAAG ? n_spans : 0);
}

static void save(struct ui *ui)
{
    struct kr_error err = {0};
    struct kr_session s = {0};
    enum kr_status r;
    if (kr_le_blank(&S->ed[F_KIJKVRAAG])) {
        ui_message(ui, UI_ERROR, "Vul een kijkvraag in: waar kijken de tweetallen naar?");
        S->field = F_KIJKVRAAG;
        return;
    }
    char date[11];
    if (!date_iso(S->ed[F_DATE].text, date)) {
        ui_message(ui, UI_ERROR, "De datum '%s' klopt niet; schrijf 12-3-2026 of 2026-03-12.",
                   S->ed[F_DATE].text);
        S->field = F_DATE;
        return;
    }
    char *netname = ui_trimmed(S->ed[F_NETWORK].text);
    s.kind = kr_xstrdup(kinds[S->kind].id);
    s.date = kr_xstrdup(date);
    s.host_school = ui_trimmed(S->ed[F_SCHOOL].text);
    s.basis = S->basis;
    s.ontwikkelvraag = ui_trimmed(S->ed[F_ONTWIKKEL].text);
    s.kijkvraag_text = ui_trimmed(S->ed[F_KIJKVRAAG].text);
    const struct kr_kijkvraag *kv = ui_new_chosen();
    if (kv) {
        struct kr_buf kp = {0};
        for (size_t i = 0; i < kv->n_kijkpunten; i++)
            kr_buf_printf(&kp, "%s%s", i ? "\n" : "", kv->kijkpunten[i]);
        s.kijkvraag_id = kr_xstrdup(kv->id);
        s.kijkpunten = kp.len ? kr_buf_steal(&kp) : NULL;
        kr_buf_fini(&kp);
    } else if (kijkvraag_unchanged()) {
        s.kijkvraag_id = kr_xstrdup(S->orig.kijkvraag_id);
        s.kijkpunten = kr_xstrdup(S->orig.kijkpunten);
    }
    if (S->editing)
        s.id = kr_xstrdup(S->orig.id);
    /* The network, the bijeenkomst and its tweetallen in one transaction (the app's). */
    struct kr_app_session_form form = {.s = &s,
                                       .network_name = netname,
                                       .tweetallen = S->ed[F_TWEETALLEN].text,
                                       .known = &S->tweetallen,
                                       .update = S->editing};
    r = kr_app_session_save(ui->app, &form, &err);
    if (r != KR_OK) {
        ui_store_error(ui, "Kan de bijeenkomst niet bewaren", &err);
    } else if (S->editing) {
        ui_back(ui); /* the bijeenkomst screen reads it again */
        ui_message(ui, UI_OK, "Bijeenkomst gewijzigd.");
    } else if (ui_open_session(ui, s.id)) {
        ui_replace(ui, &ui_screen_session);
        ui_message(ui, UI_OK, "Bijeenkomst gemaakt. Druk op b om een bezoek te beginnen.");
    }
    free(netname);
    kr_session_fini(&s);
}

static void key(struct ui *ui, int k)
{
    if (S->picking) {
        ui_new_library_key(ui, k);
        return;
    }
    bool esc_once = S->esc_once;
    S->esc_once = false;
    switch (k) {
    case UI_CTRL('b'):
        ui_new_library_open(ui);
        return;
    case UI_ESC:
        if (form_touched() && !esc_once) {
            S->esc_once = true;
            ui_message(ui, UI_HINT,
                       S->editing ? "Nog een keer Esc: stoppen zonder te bewaren (je wijzigingen "
                                    "gaan weg)."
                                  : "Nog een keer Esc: stoppen zonder bijeenkomst (wat je typte "
                                    "gaat weg).");
            return;
        }
        {
            bool editing = S->editing;
            ui_back(ui);
            ui_message(ui, UI_NORMAL, editing ? "Niets gewijzigd." : "Geen bijeenkomst gemaakt.");
        }
        return;
    default:
        break;
    }
    if (ui_form_key(ui, &S->field, F_COUNT, k, save))
        return;
    if (S->field == F_BASIS) {
        int b = (int)S->basis;
        if (k == UI_FN(KEY_LEFT) || k == '-' || k == 'h')
            b = (b + KR_BASIS_COUNT - 1) % KR_BASIS_COUNT;
        else if (k == UI_FN(KEY_RIGHT) || k == ' ' || k == '+' || k == 'l')
            b = (b + 1) % KR_BASIS_COUNT;
        else if (k >= '0' && k < '0' + KR_BASIS_COUNT)
            b = k - '0';
        S->basis = (enum kr_basis)b;
        return;
    }
    if (S->field == F_KIND) {
        if (k == UI_FN(KEY_LEFT) || k == '-' || k == 'h')
            S->kind = (S->kind + N_KINDS - 1) % N_KINDS;
        else if (k == UI_FN(KEY_RIGHT) || k == ' ' || k == '+' || k == 'l')
            S->kind = (S->kind + 1) % N_KINDS;
        return;
    }
    if (is_text(S->field))
        ui_le_feed(&S->ed[S->field], k);
    else if (S->field == F_SAVE && k >= ' ' && k < UI_FN(0))
        /* typed on the button: say so, instead of losing the letters without a word */
        ui_message(ui, UI_ERROR, "Hier staat de knop: Enter %s, ↑ gaat terug naar de velden.",
                   S->editing ? "bewaart de wijzigingen" : "maakt de bijeenkomst");
}

static void paste(struct ui *ui, const char *text, size_t len)
{
    (void)ui;
    if (is_text(S->field))
        kr_le_insert(&S->ed[S->field], text, len);
}

static bool typing(struct ui *ui)
{
    (void)ui;
    return !S->picking && is_text(S->field);
}

static const char *text_field(struct ui *ui)
{
    return typing(ui) ? "het veld" : NULL;
}

static bool in_form(struct ui *ui)
{
    (void)ui;
    return !S->picking;
}

static bool on_choice(struct ui *ui)
{
    return in_form(ui) && (S->field == F_BASIS || S->field == F_KIND);
}

static bool on_kijkvraag(struct ui *ui)
{
    return in_form(ui) && S->field == F_KIJKVRAAG;
}

static bool on_other(struct ui *ui)
{
    return in_form(ui) && !on_choice(ui) && !on_kijkvraag(ui);
}

static bool saving(struct ui *ui)
{
    return in_form(ui) && S->editing;
}

static bool making(struct ui *ui)
{
    return in_form(ui) && !S->editing;
}

static bool picking(struct ui *ui)
{
    (void)ui;
    return S->picking;
}

/* The form's keys all go to key(): Esc asks twice when something was typed, and any other key
 * in between starts that over. The rows give the footer of each field, and the help. */
static const struct ui_binding bindings[] = {
    {.keys = {UI_TAB, UI_FN(KEY_DOWN), UI_ENTER},
     .name = "Tab, ↓, Enter",
     .help = "naar het volgende veld"},
    {.keys = {UI_FN(KEY_BTAB), UI_FN(KEY_UP)},
     .name = "Shift-Tab, ↑",
     .help = "naar het vorige veld"},
    {.keys = {UI_FN(KEY_LEFT), UI_FN(KEY_RIGHT)},
     .name = "← →",
     .help = "basisvaardigheid en soort bijeenkomst kiezen",
     .foot = "kiezen",
     .foot_pos = 1,
     .when = on_choice},
    {.keys = {UI_TAB}, .name = "Tab", .foot = "volgende", .foot_pos = 2, .when = on_choice},
    {.keys = {UI_CTRL('b')},
     .name = "Ctrl-B",
     .help = "kijkvraag kiezen uit de bibliotheek (met kijkpunten)",
     .foot = "bibliotheek",
     .foot_pos = 1,
     .when = on_kijkvraag},
    {.keys = {UI_ENTER}, .name = "Enter", .foot = "volgende", .foot_pos = 2, .when = on_kijkvraag},
    {.keys = {UI_ENTER}, .name = "Enter", .foot = "volgende", .foot_pos = 1, .when = on_other},
    {.keys = {UI_FN(KEY_UP)}, .name = "↑ ↓", .foot = "veld", .foot_pos = 2, .when = on_other},
    {.keys = {UI_CTRL('s')},
     .name = "Ctrl-S",
     .help = "de bijeenkomst maken of de wijzigingen bewaren (ook: Enter op de knop)",
     .foot = "maken",
     .foot_pos = 3,
     .when = making},
    {.keys = {UI_CTRL('s')}, .name = "Ctrl-S", .foot = "bewaren", .foot_pos = 3, .when = saving},
    {.keys = {UI_CTRL('a'), UI_CTRL('e')},
     .name = "Ctrl-A, Ctrl-E",
     .help = "naar begin of eind van het veld"},
    {.keys = {UI_CTRL('w'), UI_CTRL('u')},
     .name = "Ctrl-W, Ctrl-U",
     .help = "woord of alles voor de cursor wissen"},
    {.keys = {UI_ESC},
     .name = "Esc",
     .help = "annuleren",
     .foot = "annuleren",
     .foot_pos = 4,
     .when = in_form},
    {.keys = {'?'}, .name = "?", .help = "hulp (in een leeg veld)"},
    /* choosing from the library (new_library.c) */
    {.keys = {UI_FN(KEY_UP)}, .name = "↑ ↓", .foot = "kies", .foot_pos = 1, .when = picking},
    {.keys = {UI_ENTER}, .name = "Enter", .foot = "neem deze", .foot_pos = 2, .when = picking},
    {.keys = {UI_ESC}, .name = "Esc", .foot = "terug", .foot_pos = 3, .when = picking},
    {.name = NULL},
};

static bool typing_nonempty(struct ui *ui)
{
    return typing(ui) && S->ed[S->field].len > 0;
}

const struct ui_screen ui_screen_new = {
    .title = "nieuwe bijeenkomst",
    .bindings = bindings,
    .enter = enter,
    .leave = leave,
    .draw = draw,
    .key = key,
    .paste = paste,
    .typing = typing_nonempty,
    .text_field = text_field,
};

/* w on the bijeenkomst screen: the same form, filled in; Ctrl-S bewaart. */
const struct ui_screen ui_screen_session_edit = {
    .title = "bijeenkomst wijzigen",
    .bindings = bindings,
    .enter = enter_edit,
    .leave = leave,
    .draw = draw,
    .key = key,
    .paste = paste,
    .typing = typing_nonempty,
    .text_field = text_field,
};
