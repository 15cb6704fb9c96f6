/* SPDX-License-Identifier: MIT */
/*
 * The network as pictures (inline SVG in the html report), ten bijeenkomsten each so that they
 * stay readable on A4: the bijeenkomsten in date order
 * across, the recurring patterns down with a dot where each was seen (the number of its notes
 * there inside it, a line joining its dots), then the next steps: a square where a step was
 * set, a sign where it was followed up (gedaan, bezig, niet gedaan) joined by a line, or an
 * open end. Shapes and words carry the meaning, not colour alone, so it reads in black and
 * white print. Only integer coordinates: no locale can put a comma in a number.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "exchange_internal.h"
#include "kijkronde/utf8.h"
#include "netreport.h"

enum {
    LABEL_W = 330,   /* the column of row labels */
    COL_W = 78,      /* one bijeenkomst */
    HEAD_H = 70,     /* code, date, school */
    ROW_H = 26,      /* one row */
    GAP_H = 34,      /* the heading between patterns and steps */
    LEGEND_H = 44,   /* the legend at the bottom */
    LABEL_COLS = 48, /* characters of a row label */
    PART_COLS = 10,  /* bijeenkomsten in one picture */
    MAX_ROWS = 24    /* patterns in one picture (the list below has them all) */
};

/* s cut to cols columns (with "…"), made inert and escaped for SVG text. */
static void put_cut(struct kr_buf *b, const char *s, size_t cols)
{
    char buf[512];
    kr_utf8_truncate(buf, sizeof buf, s ? s : "", cols);
    kr_esc_html(b, buf);
}

static int col_x(size_t i)
{
    return LABEL_W + (int)i * COL_W + COL_W / 2;
}

/* The sign of a follow-up at (x, y): gedaan a filled circle with a tick, bezig a half-filled
 * circle, niet gedaan a circle with a cross. */
static void follow_sign(struct kr_buf *b, enum kr_follow_status f, int x, int y)
{
    switch (f) {
    case KR_FOLLOW_GEDAAN:
        kr_buf_printf(b,
                      "<circle cx=\"%d\" cy=\"%d\" r=\"8\" class=\"done\"/>"
                      "<path d=\"M%d %d l3 3 l6 -7\" class=\"tick\"/>",
                      x, y, x - 4, y);
        break;
    case KR_FOLLOW_BEZIG:
        kr_buf_printf(b,
                      "<circle cx=\"%d\" cy=\"%d\" r=\"8\" class=\"open\"/>"
                      "<path d=\"M%d %d a8 8 0 0 1 0 16 z\" class=\"half\"/>",
                      x, y, x, y - 8);
        break;
    case KR_FOLLOW_NIET_GEDAAN:
        kr_buf_printf(b,
                      "<circle cx=\"%d\" cy=\"%d\" r=\"8\" class=\"open\"/>"
                      "<path d=\"M%d %d l8 8 M%d %d l-8 8\" class=\"cross\"/>",
                      x, y, x - 4, y - 4, x + 4, y - 4);
        break;
    case KR_FOLLOW_NONE:
        break;
    }
}

/* Is recurring pattern p seen in a bijeenkomst of [c0, c1)? */
static bool pattern_in(const struct kr_recurring *p, size_t c0, size_t c1)
{
    for (size_t i = 0; i < p->n_sessions; i++)
        if (p->sessions[i] >= c0 && p->sessions[i] < c1)
            return true;
    return false;
}

/* The notes of recurring pattern p shown in bijeenkomst session. */
static size_t notes_at(const struct kr_netrep *r, const struct kr_recurring *p, size_t session)
{
    size_t notes = 0;
    for (size_t m = 0; m < p->n_members; m++)
        if (p->members[m].session == session) {
            const struct kr_netrep_session *s = &r->sessions[session];
            const struct kr_pattern *pt = &s->refl.result.patterns[p->members[m].pattern];
            for (size_t q = 0; q < pt->n_notes; q++)
                notes += !s->pnotes[pt->notes[q]].flagged;
        }
    return notes;
}

/* The heads of the columns of bijeenkomsten [c0, c1): code, date, school; a band on every
 * other one down to y_end. */
static void heads(struct kr_buf *b, const struct kr_netrep *r, size_t c0, size_t c1, int y_end)
{
    for (size_t i = c0; i < c1; i++) {
        const struct kr_netrep_session *s = &r->sessions[i];
        int x0 = LABEL_W + (int)(i - c0) * COL_W, x = col_x(i - c0);
        if (i % 2 == 0)
            kr_buf_printf(b, "<rect x=\"%d\" y=\"0\" width=\"%d\" height=\"%d\" class=\"band\"/>",
                          x0, COL_W, y_end);
        kr_buf_printf(b, "<g><title>%s ", s->code);
        kr_esc_html(b, s->s.date ? s->s.date : "");
        if (s->host) {
            kr_buf_puts(b, " ");
            kr_esc_html(b, s->host);
        }
        int y, m, d;
        char date[16] = "";
        if (s->s.date && sscanf(s->s.date, "%4d-%2d-%2d", &y, &m, &d) == 3)
            snprintf(date, sizeof date, "%02d-%02d-%04d", d % 100, m % 100, y % 10000);
        kr_buf_printf(b,
                      "</title><text x=\"%d\" y=\"18\" class=\"code mid\">%s</text>"
                      "<text x=\"%d\" y=\"34\" class=\"small mid\">%s</text>"
                      "<text x=\"%d\" y=\"50\" class=\"small mid\">",
                      x, s->code, x, date, x);
        put_cut(b, s->host ? s->host : "", 12);
        kr_buf_puts(b, "</text></g>\n");
    }
}

/* One picture of the bijeenkomsten [c0, c1): the patterns seen there (at most MAX_ROWS), the
 * steps set there. A line that goes on beyond the picture runs to its edge. */
static void write_part(const struct kr_netrep *r, size_t c0, size_t c1, FILE *out)
{
    size_t *pats = kr_xcalloc(r->rec.n + 1, sizeof *pats),
           *steps = kr_xcalloc(r->n_steps + 1, sizeof *steps);
    size_t np = 0, more = 0, ns = 0;
    for (size_t k = 0; k < r->rec.n; k++)
        if (pattern_in(&r->rec.items[k], c0, c1)) {
            if (np < MAX_ROWS)
                pats[np++] = k;
            else
                more++;
        }
    for (size_t k = 0; k < r->n_steps; k++)
        if (r->steps[k].session >= c0 && r->steps[k].session < c1)
            steps[ns++] = k;
    int left = LABEL_W, right = LABEL_W + (int)(c1 - c0) * COL_W;
    int width = right + 32 < 760 ? 760 : right + 32; /* room for the legend, a code */
    int pat_top = HEAD_H;
    int steps_top = pat_top + (int)(np ? np : 1) * ROW_H + (more ? ROW_H : 0) + GAP_H;
    int height = steps_top + (int)(ns ? ns : 1) * ROW_H + LEGEND_H;
    struct kr_buf b = {0};
    kr_buf_printf(&b,
                  "<svg class=\"netwerk\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d "
                  "%d\" width=\"%d\" role=\"img\" aria-labelledby=\"netwerk-titel-%zu\">\n"
                  "<title id=\"netwerk-titel-%zu\">Het netwerk in beeld (%s tot en met %s): "
                  "bijeenkomsten, patronen die terugkomen en volgende stappen</title>\n",
                  width, height, width, c0, c0, r->sessions[c0].code, r->sessions[c1 - 1].code);
    kr_buf_puts(&b, "<style>text{font-size:12px;fill:#1d2b2a}.code{font-weight:700}"
                    ".small{font-size:10px;fill:#5b6b69}.head{font-weight:700;font-size:13px;"
                    "fill:#2f6f68}.grid{stroke:#c9d6d4;stroke-width:1}"
                    ".band{fill:#eef4f3}.join{stroke:#2f6f68;stroke-width:2}"
                    ".dot{fill:#2f6f68}.dotn{font-size:10px;font-weight:700;fill:#fff;"
                    "text-anchor:middle}.set{fill:#fff;stroke:#1d2b2a;stroke-width:1.5}"
                    ".step{stroke:#1d2b2a;stroke-width:1.2}.todo{stroke:#1d2b2a;stroke-width:1.2;"
                    "stroke-dasharray:3 3}.done{fill:#2f6f68}.open{fill:#fff;stroke:#1d2b2a;"
                    "stroke-width:1.5}.half{fill:#1d2b2a}.tick{fill:none;stroke:#fff;"
                    "stroke-width:2}.cross{stroke:#a65b1e;stroke-width:2}"
                    ".mid{text-anchor:middle}.end{text-anchor:end}</style>\n");
    heads(&b, r, c0, c1, height - LEGEND_H);
    kr_buf_printf(&b, "<text x=\"4\" y=\"%d\" class=\"head\">Patronen die terugkomen</text>\n",
                  pat_top - 8);
    if (!np)
        kr_buf_printf(&b, "<text x=\"4\" y=\"%d\" class=\"small\">nog geen</text>\n",
                      pat_top + ROW_H / 2 + 4);
    for (size_t j = 0; j < np; j++) {
        size_t k = pats[j];
        const struct kr_recurring *p = &r->rec.items[k];
        int y = pat_top + (int)j * ROW_H + ROW_H / 2;
        kr_buf_printf(&b, "<g><title>P%zu. ", k + 1);
        kr_esc_html(&b, r->rec_statement[k]);
        kr_buf_printf(&b,
                      "</title><line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"grid\"/>"
                      "<text x=\"4\" y=\"%d\"><tspan class=\"code\">P%zu </tspan>",
                      y + ROW_H / 2, width, y + ROW_H / 2, y + 4, k + 1);
        put_cut(&b, r->rec_statement[k], LABEL_COLS - 5);
        kr_buf_puts(&b, "</text>");
        /* the line through its dots, on to the edge where it was seen before or after */
        size_t first = p->sessions[0], last = p->sessions[p->n_sessions - 1];
        int x1 = first < c0 ? left : col_x((first < c0 ? c0 : first) - c0);
        int x2 = last >= c1 ? right : col_x(last - c0);
        if (x2 > x1)
            kr_buf_printf(&b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"join\"/>", x1,
                          y, x2, y);
        for (size_t i = 0; i < p->n_sessions; i++) {
            size_t si = p->sessions[i];
            if (si < c0 || si >= c1)
                continue;
            kr_buf_printf(&b,
                          "<circle cx=\"%d\" cy=\"%d\" r=\"10\" class=\"dot\"/>"
                          "<text x=\"%d\" y=\"%d\" class=\"dotn\">%zu</text>",
                          col_x(si - c0), y, col_x(si - c0), y + 4, notes_at(r, p, si));
        }
        kr_buf_puts(&b, "</g>\n");
        kr_esc_flush(&b, out, false);
    }
    if (more)
        kr_buf_printf(&b,
                      "<text x=\"4\" y=\"%d\" class=\"small\">en nog %zu %s die hier terugkomen: "
                      "zie de lijst hieronder</text>\n",
                      pat_top + (int)np * ROW_H + ROW_H / 2 + 4, more,
                      more == 1 ? "patroon" : "patronen");
    kr_buf_printf(&b, "<text x=\"4\" y=\"%d\" class=\"head\">Volgende stappen</text>\n",
                  steps_top - 8);
    if (!ns)
        kr_buf_printf(&b, "<text x=\"4\" y=\"%d\" class=\"small\">nog geen</text>\n",
                      steps_top + ROW_H / 2 + 4);
    for (size_t j = 0; j < ns; j++) {
        const struct kr_netrep_step_ref *ref = &r->steps[steps[j]];
        const struct kr_next_step *x = &r->sessions[ref->session].steps.items[ref->step];
        int y = steps_top + (int)j * ROW_H + ROW_H / 2;
        int x0 = col_x(ref->session - c0);
        kr_buf_puts(&b, "<g><title>");
        kr_esc_html(&b, x->text);
        kr_buf_printf(&b, " (%s)",
                      x->follow_up_status == KR_FOLLOW_NONE
                          ? "nog niet opgevolgd"
                          : kr_follow_status_title(x->follow_up_status));
        kr_buf_printf(&b,
                      "</title><line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"grid\"/>"
                      "<text x=\"4\" y=\"%d\"><tspan class=\"code\">%s </tspan>",
                      y + ROW_H / 2, width, y + ROW_H / 2, y + 4, r->sessions[ref->session].code);
        put_cut(&b, x->text, LABEL_COLS - 5);
        kr_buf_puts(&b, "</text>");
        if (x->follow_up_status != KR_FOLLOW_NONE && ref->follow != SIZE_MAX && ref->follow < c1) {
            int x1 = col_x(ref->follow - c0);
            kr_buf_printf(&b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"step\"/>", x0,
                          y, x1, y);
            follow_sign(&b, x->follow_up_status, x1, y);
        } else if (x->follow_up_status != KR_FOLLOW_NONE && ref->follow != SIZE_MAX) {
            /* followed up in a later picture: to the edge, its sign there with its code */
            kr_buf_printf(&b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"step\"/>", x0,
                          y, right - 10, y);
            follow_sign(&b, x->follow_up_status, right - 10, y);
            kr_buf_printf(&b, "<text x=\"%d\" y=\"%d\" class=\"small\">%s</text>", right + 2, y + 4,
                          r->sessions[ref->follow].code);
        } else if (x->follow_up_status == KR_FOLLOW_NONE) {
            kr_buf_printf(&b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"todo\"/>", x0,
                          y, right + 8, y);
        }
        kr_buf_printf(&b,
                      "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" class=\"set\"/></g>\n",
                      x0 - 6, y - 6);
        kr_esc_flush(&b, out, false);
    }
    /* the legend */
    int ly = height - LEGEND_H + 24;
    kr_buf_printf(&b,
                  "<g class=\"legend\"><circle cx=\"12\" cy=\"%d\" r=\"8\" class=\"dot\"/>"
                  "<text x=\"26\" y=\"%d\" class=\"small\">gezien (aantal notities)</text>",
                  ly, ly + 4);
    kr_buf_printf(&b,
                  "<rect x=\"176\" y=\"%d\" width=\"12\" height=\"12\" class=\"set\"/>"
                  "<text x=\"194\" y=\"%d\" class=\"small\">afgesproken</text>",
                  ly - 6, ly + 4);
    static const enum kr_follow_status signs[3] = {KR_FOLLOW_GEDAAN, KR_FOLLOW_BEZIG,
                                                   KR_FOLLOW_NIET_GEDAAN};
    for (int i = 0; i < 3; i++) {
        int x = 290 + i * 100;
        follow_sign(&b, signs[i], x, ly);
        kr_buf_printf(&b, "<text x=\"%d\" y=\"%d\" class=\"small\">%s</text>", x + 14, ly + 4,
                      kr_follow_status_title(signs[i]));
    }
    kr_buf_printf(&b,
                  "<line x1=\"590\" y1=\"%d\" x2=\"620\" y2=\"%d\" class=\"todo\"/>"
                  "<text x=\"626\" y=\"%d\" class=\"small\">nog niet opgevolgd</text></g>\n"
                  "</svg>\n",
                  ly, ly, ly + 4);
    kr_esc_flush(&b, out, true);
    kr_buf_fini(&b);
    free(pats);
    free(steps);
}

void kr_netrep_write_svg(const struct kr_netrep *r, FILE *out)
{
    if (r->n_sessions == 0) {
        fputs("<p>Dit netwerk heeft nog geen bijeenkomsten.</p>\n", out);
        return;
    }
    /* At most PART_COLS bijeenkomsten a picture, so it stays readable on A4. */
    for (size_t c0 = 0; c0 < r->n_sessions; c0 += PART_COLS) {
        size_t c1 = c0 + PART_COLS < r->n_sessions ? c0 + PART_COLS : r->n_sessions;
        write_part(r, c0, c1, out);
    }
}
