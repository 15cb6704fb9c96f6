/* SPDX-License-Identifier: MIT */
/*
 * The drawing of the round (screen_round.c has the state and the keys): the kijkvraag and
 * kijkpunten at the top, the visit's notes in the middle, the line editor at the bottom with
 * the zonder-oordeel check's highlights and hint, and the corner keys.
 */
#include <stdio.h>
#include <string.h>

#include "kijkronde/plural.h"
#include "kijkronde/utf8.h"
#include "round.h"
#include "ui_internal.h"

static struct ui_round *const R = &ui_round_state;

static int draw_top(struct ui *ui)
{
    const struct kr_visit *v = &ui->visit;
    int y = 1;
    ui_putf(ui, y, 1, ui->cols - 14, UI_DIM, "%s%s%s%s%s", v->label ? v->label : "",
            v->subject ? " · " : "", v->subject ? v->subject : "", v->tweetal_name ? " · " : "",
            v->tweetal_name ? v->tweetal_name : "");
    if (ui->visit_start > 0 && !v->ended_at) {
        long s = (long)(time(NULL) - ui->visit_start);
        if (s < 0)
            s = 0;
        ui_putf(ui, y, ui->cols - 12, 11, UI_HEAD, "tijd %02ld:%02ld", s / 60, s % 60);
    } else if (v->ended_at) {
        ui_put(ui, y, ui->cols - 12, 11, UI_DIM, "afgerond");
    }
    y++;
    y += ui_put_wrapped(ui, y, 1, ui->cols - 2, 2, UI_HEAD, ui->session.kijkvraag_text, NULL, 0,
                        UI_HEAD);
    if (ui->session.kijkpunten && *ui->session.kijkpunten) {
        /* Ctrl-P: each kijkpunt on its own row; else all of them run on in two rows. */
        int max = ui->rows >= 24 ? 8 : 4;
        struct kr_buf b = {0};
        for (const char *p = ui->session.kijkpunten; *p;) {
            const char *nl = strchr(p, '\n');
            size_t n = nl ? (size_t)(nl - p) : strlen(p);
            if (n && R->all_punten && max-- > 0) {
                ui_putf(ui, y++, 1, ui->cols - 2, UI_NORMAL, "• %.*s", (int)n, p);
            } else if (n && !R->all_punten) {
                kr_buf_puts(&b, b.len ? "  • " : "• ");
                kr_buf_append(&b, p, n);
            }
            p += n + (nl ? 1 : 0);
        }
        if (b.len)
            y += ui_put_wrapped(ui, y, 1, ui->cols - 2, ui->rows >= 24 ? 2 : 1, UI_NORMAL,
                                kr_buf_str(&b), NULL, 0, UI_NORMAL);
        kr_buf_fini(&b);
    }
    return y;
}

static const char *corner_name(enum kr_corner c)
{
    const char *s = kr_corner_str(c);
    return s ? s : "-";
}

static void put_tip(struct ui *ui, int y, int rows, const char *hint)
{
    struct kr_buf b = {0};
    kr_buf_printf(&b, "Tip: %s", hint);
    ui_put_wrapped(ui, y, 1, ui->cols - 2, rows, UI_HINT, kr_buf_str(&b), NULL, 0, UI_HINT);
    kr_buf_fini(&b);
}

void ui_round_draw(struct ui *ui)
{
    int y = draw_top(ui);
    int entry_rows = 2;
    int tip_rows = ui->rows >= 24 ? 2 : 1; /* a tip of two rows where there is room */
    size_t n_pending = kr_app_pending_count(ui->app);
    int bottom = ui->rows - 2 - entry_rows - 1 - tip_rows - (int)(n_pending > 3 ? 3 : n_pending);
    ui_putf(ui, y, 1, ui->cols - 2, UI_HEAD, "Notities van dit bezoek (%zu)", R->list.notes.n);
    if (R->list_focus)
        ui_put(ui, y, ui->cols - 24, 23, UI_DIM, "Tab: terug naar typen");
    y++;
    R->list_rows = bottom - y;
    ui_notelist_draw(ui, &R->list, y, R->list_rows, R->list_focus);
    y = bottom;
    for (size_t i = 0; i < n_pending && i < 3; i++) {
        const char *visit_id, *at, *text;
        kr_app_pending_get(ui->app, i, &visit_id, &at, &text);
        ui_putf(ui, y++, 1, ui->cols - 2, UI_ERROR, "wacht op opslaan: %s", text);
    }

    struct ui_span spans[UI_MAX_SPANS];
    size_t n_spans = 0;
    const char *hint = NULL;
    enum kr_corner sug;
    if (R->list_focus) {
        const struct kr_observation *o = ui_notelist_selected(&R->list);
        if (o) {
            ui_check(ui, o->text, strlen(o->text), NULL, NULL, &hint);
            sug = ui_suggest(ui, o->text, strlen(o->text));
            if (hint)
                put_tip(ui, y, tip_rows, hint);
            else
                ui_put(ui, y, 1, ui->cols - 2, UI_DIM, "Geen oordeelwoorden gevonden.");
            ui_putf(ui, y + tip_rows, 1, ui->cols - 2, UI_NORMAL,
                    "Plaats: 1 leerling  2 leraar  3 leerinhoud  (voorstel: %s, v)",
                    corner_name(sug));
        }
    } else {
        R->checked_n = ui_check(ui, R->ed.text, R->ed.len, spans, &n_spans, &hint);
        sug = ui_suggest(ui, R->ed.text, R->ed.len);
        if (hint)
            put_tip(ui, y, tip_rows, hint);
        else
            ui_put(ui, y, 1, ui->cols - 2, UI_DIM,
                   R->edit_id ? "Je bewerkt een notitie." : "Schrijf wat je ziet en hoort.");
        if (sug != KR_CORNER_NONE)
            ui_putf(ui, y + tip_rows, 1, ui->cols - 2, UI_DIM,
                    "Voorstel: %s · Alt-1 leerling  Alt-2 leraar  Alt-3 leerinhoud",
                    corner_name(sug));
    }
    y += tip_rows + 1;
    ui_put(ui, y, 1, 10, UI_HEAD, R->edit_id ? "Bewerk ›" : "Notitie ›");
    ui_draw_field(ui, y, 11, ui->cols - 12, entry_rows, &R->ed, !R->list_focus, spans, n_spans);
}
