/* SPDX-License-Identifier: MIT */
/*
 * The projector view of the debrief: the driehoek drawn to fill the window, its corners
 * with their counts (the corner of the item lit), and inside it one item, centred, with
 * room around it: at 80x24 as at 200x50. Only drawing; screen_debrief.c decides the items.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "kijkronde/lineedit.h"
#include "kijkronde/utf8.h"
#include "projector.h"

#define MAX_ROWS 64

static int width_of(const char *s, size_t len)
{
    return (int)kr_utf8_width(s, len);
}

/* Text centred on row y within [x0, x0 + cols). */
static void put_centred(struct ui *ui, int y, int x0, int cols, enum ui_attr a, const char *s,
                        size_t len)
{
    char *line = kr_xstrndup(s, len);
    while (len && line[len - 1] == ' ')
        line[--len] = '\0';
    int w = width_of(line, len);
    int x = x0 + (cols - w) / 2;
    ui_put(ui, y, x < x0 ? x0 : x, cols, a, line);
    free(line);
}

/* Where each row of a slide goes: the text's rows, a blank row, the smaller lines. */
struct layout {
    int n, used;       /* rows placed; rows from the first to the last */
    int row[MAX_ROWS]; /* screen row */
    int width[MAX_ROWS];
    const char *text[MAX_ROWS];
    size_t len[MAX_ROWS];
    bool sub[MAX_ROWS];
    bool big[MAX_ROWS]; /* in large type */
};

/* The columns inside the driehoek at row y, less a margin, capped for reading (lines of
 * normal text at 72 columns; large type has few letters a line anyway). */
static int inner_width(const struct ui *ui, int y, int apex, int base, int half_base, bool big)
{
    int half = (int)((long)(y - apex) * half_base / (base - apex ? base - apex : 1));
    int w = 2 * half - 6;
    int cap = ui->cols * 3 / 4 < 72 || big ? ui->cols * 3 / 4 : 72;
    return w > cap ? cap : w;
}

/* Lay text out from row y0 down, rows gap+1 apart; false when it does not fit above base. */
static bool lay_out_text(struct ui *ui, const char *text, bool sub, bool big, int *y, int gap,
                         int apex, int base, int half_base, struct layout *l)
{
    size_t len = strlen(text), at = 0;
    while (at < len) {
        while (text[at] == ' ')
            at++;
        if (at >= len)
            break;
        int w = inner_width(ui, *y, apex, base, half_base, big);
        int high = big ? UI_BIG_ROWS : 1;
        if (*y + high - 1 >= base || w < 8 || l->n >= MAX_ROWS)
            return false;
        /* large type: as many letters as fit, measured on the line's top (narrowest) row */
        int cols = big ? (w + 1) / UI_BIG_ADVANCE : w;
        if (cols < 4)
            return false;
        size_t starts[2], r, c;
        size_t rows = kr_le_wrap(text + at, len - at, (size_t)cols, starts, 2, 0, &r, &c);
        size_t take = rows > 1 ? starts[1] : len - at;
        if (take == 0)
            return false; /* nothing fits on this row */
        l->row[l->n] = *y;
        l->width[l->n] = w;
        l->text[l->n] = text + at;
        l->len[l->n] = take;
        l->sub[l->n] = sub;
        l->big[l->n] = big;
        l->n++;
        at += take;
        *y += gap + high;
    }
    return true;
}

static bool lay_out(struct ui *ui, const struct ui_slide *s, int y0, int gap, bool big, int apex,
                    int base, int half_base, struct layout *l)
{
    memset(l, 0, sizeof *l);
    int y = y0;
    bool ok = lay_out_text(ui, s->text && *s->text ? s->text : "(nog leeg)", false, big, &y, gap,
                           apex, base, half_base, l);
    y += 1 - gap; /* one blank row before the smaller lines */
    for (int i = 0; ok && i < UI_SLIDE_LINES && s->lines[i]; i++)
        ok = lay_out_text(ui, s->lines[i], true, false, &y, 0, apex, base, half_base, l);
    l->used = l->n ? l->row[l->n - 1] - y0 + 1 : 0;
    return ok;
}

static enum ui_attr corner_attr(enum kr_corner c, const struct ui_slide *s)
{
    return s->corner == c ? UI_SELECT : ui_corner_attr(c);
}

void ui_projector_draw(struct ui *ui, const struct ui_slide *s)
{
    int top = 1, bottom = ui->rows - 3; /* the rows between the bars */
    int mid = ui->cols / 2;
    char label[64];
    /* the driehoek: apex under its label, base over the two lower labels */
    int apex = top + 1, base = bottom - 1;
    int half_base = ui->cols / 2 - 2;
    snprintf(label, sizeof label, " LEERINHOUD %zu ", s->at_corner[KR_CORNER_LEERINHOUD]);
    put_centred(ui, top, 0, ui->cols, corner_attr(KR_CORNER_LEERINHOUD, s), label, strlen(label));
    for (int y = apex; y < base; y++) {
        int half = (int)((long)(y - apex) * half_base / (base - apex));
        ui_put(ui, y, mid - 1 - half, 1, UI_DIM, "/");
        ui_put(ui, y, mid + half, 1, UI_DIM, "\\");
    }
    for (int x = 1; x < ui->cols - 1; x++)
        ui_put(ui, base, x, 1, UI_DIM, "‾");
    snprintf(label, sizeof label, " LEERLING %zu ", s->at_corner[KR_CORNER_LEERLING]);
    ui_put(ui, bottom, 1, ui->cols / 2 - 1, corner_attr(KR_CORNER_LEERLING, s), label);
    snprintf(label, sizeof label, " LERAAR %zu ", s->at_corner[KR_CORNER_LERAAR]);
    int lw = width_of(label, strlen(label));
    ui_put(ui, bottom, ui->cols - 1 - lw, lw, corner_attr(KR_CORNER_LERAAR, s), label);

    /* where it is, small, top left */
    snprintf(label, sizeof label, " LEERINHOUD %zu ", s->at_corner[KR_CORNER_LEERINHOUD]);
    int room = (ui->cols - width_of(label, strlen(label))) / 2 - 2;
    char where[128];
    if (s->count)
        snprintf(where, sizeof where, "%s · %zu van %zu", s->step, s->index, s->count);
    else
        snprintf(where, sizeof where, "%s", s->step);
    int ww = width_of(where, strlen(where));
    if (ww <= room)
        ui_put(ui, top, 1, room, UI_DIM, where);
    else /* a narrow window: one row lower, left of the apex */
        ui_put(ui, top + 1, 1, mid - 4, UI_DIM, where);

    /* The item inside the driehoek, each row as wide as the driehoek is there. */
    struct layout best = {0};
    long best_score = -1;
    const char *text = s->text && *s->text ? s->text : "(nog leeg)";
    bool can_big = ui->cols >= 120 && ui->rows >= 36 && ui_big_chars(text, strlen(text)) > 0;
    /* large type first (with a blank row between its lines), then normal text with and
       without blank rows between the lines */
    for (int pass = can_big ? 0 : 1; pass < 3 && best_score < 0; pass++)
        for (int y0 = apex + 2; y0 < base - 1; y0++) {
            struct layout l;
            bool big = pass == 0;
            int gap = pass == 2 || (pass == 1 && ui->rows < 30) ? 0 : 1;
            if (!lay_out(ui, s, y0, gap, big, apex, base, half_base, &l))
                continue;
            /* centred in the lower part, where the driehoek is wide */
            long centre = (long)(apex + (base - apex) * 3 / 5) * 2;
            long score = labs(2L * y0 + l.used - centre);
            if (best_score < 0 || score < best_score) {
                best = l;
                best_score = score;
            }
        }
    if (best_score < 0) { /* too long for the window: as much as fits, from where it is wide */
        int y0 = apex + 2;
        while (y0 < base - 1 && inner_width(ui, y0, apex, base, half_base, false) < 30)
            y0++;
        lay_out(ui, s, y0, 0, false, apex, base, half_base, &best);
    }
    enum ui_attr a = s->corner != KR_CORNER_NONE ? ui_corner_attr(s->corner) : UI_HEAD;
    for (int i = 0; i < best.n; i++) {
        if (best.big[i]) {
            size_t len = best.len[i];
            while (len && best.text[i][len - 1] == ' ')
                len--;
            int cols = ui_big_chars(best.text[i], len) * UI_BIG_ADVANCE - 1;
            ui_big_put(ui, best.row[i], mid - cols / 2, a, best.text[i], len);
        } else {
            put_centred(ui, best.row[i], mid - best.width[i] / 2, best.width[i],
                        best.sub[i] ? UI_NORMAL : a, best.text[i], best.len[i]);
        }
    }
}
