/* SPDX-License-Identifier: MIT */
/*
 * The wording and counts the Markdown and HTML summaries share: Dutch dates, the kind of
 * bijeenkomst, the basisvaardigheid, visit times and labels, the visits a pattern spans and
 * the notes that stand on their own, and a pattern's head (label, statement, extent). Every stored
 * text goes through the escaper the caller passes or through escape.c.
 */
#include <string.h>

#include "exchange_internal.h"
#include "kijkronde/clock.h"

static const char *const MONTHS[] = {"januari",   "februari", "maart",    "april",
                                     "mei",       "juni",     "juli",     "augustus",
                                     "september", "oktober",  "november", "december"};

/* "12 maart 2026" from "2026-03-12" (as is when malformed). */
void kr_write_date_nl(struct kr_buf *b, const char *date)
{
    int y, m, d;
    if (date && sscanf(date, "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12)
        kr_buf_printf(b, "%d %s %d", d, MONTHS[m - 1], y);
    else
        kr_buf_puts(b, date ? date : "");
}

const char *kr_write_kind_nl(const char *kind)
{
    if (!kind || !strcmp(kind, "vervolg"))
        return "vervolgbijeenkomst";
    if (!strcmp(kind, "start"))
        return "startbijeenkomst";
    if (!strcmp(kind, "aftrap"))
        return "aftrap";
    if (!strcmp(kind, "afronding"))
        return "afronding";
    return "bijeenkomst";
}

const char *kr_write_basis_nl(enum kr_basis b)
{
    switch (b) {
    case KR_BASIS_TAAL:
        return "taal";
    case KR_BASIS_REKENEN:
        return "rekenen-wiskunde";
    case KR_BASIS_BURGERSCHAP:
        return "burgerschap";
    case KR_BASIS_DIGITAAL:
        return "digitale geletterdheid";
    default:
        return NULL;
    }
}

size_t kr_write_shown_notes(const struct kr_summary *s)
{
    size_t n = 0;
    for (size_t i = 0; i < s->obs.n; i++)
        n += kr_summary_shown(s, i);
    return n;
}

/* "09:05–09:30", "vanaf 09:05" or "" */
void kr_write_visit_times(struct kr_buf *b, const struct kr_visit *v)
{
    char from[6], to[6];
    if (v->started_at) {
        kr_clock_hhmm(v->started_at, from);
        if (v->ended_at) {
            kr_clock_hhmm(v->ended_at, to);
            kr_buf_printf(b, "%s–%s", from, to);
        } else {
            kr_buf_printf(b, "vanaf %s", from);
        }
    }
}

/* The shown label of visit v ("?" for notes of an unknown visit). */
const char *kr_write_visit_label(const struct kr_summary *s, size_t v)
{
    return v < s->visits.n ? s->visit_labels[v] : "?";
}

/* The labels of the visits a pattern's shown notes span, escaped by esc, joined with ", ". */
void kr_write_pattern_visits(struct kr_buf *b, const struct kr_summary *s,
                             const struct kr_summary_pattern *p,
                             void (*esc)(struct kr_buf *, const char *))
{
    for (size_t k = 0; k < p->n_visits; k++) {
        if (k)
            kr_buf_puts(b, ", ");
        esc(b, kr_write_visit_label(s, kr_summary_visit_of(s, p->visits[k])));
    }
}

size_t kr_write_singles(const struct kr_summary *s, enum kr_corner c)
{
    size_t n = 0;
    for (size_t p = 0; p < s->refl.result.n_patterns; p++) {
        const struct kr_pattern *pt = &s->refl.result.patterns[p];
        if (pt->corner == c && !pt->flagged && !kr_summary_pattern_shown(s, p))
            n += s->pat[p].n_notes;
    }
    return n;
}

/*
 * The head of pattern p: its label, its statement (unless the label is that sentence) and
 * its extent, "de meeste bezoeken · in 5 van 7 bezoeken", the group's when it confirmed one,
 * else kijkronde's proposal (issue 15.5).
 */
void kr_write_pattern_head(struct kr_buf *b, const struct kr_summary *s, size_t p, bool html)
{
    void (*esc)(struct kr_buf *, const char *) = html ? kr_esc_html : kr_esc_md;
    const struct kr_pattern *pt = &s->refl.result.patterns[p];
    const char *label = s->pattern_labels[p], *stm = s->pattern_statements[p];
    kr_buf_puts(b, html ? "<h4>" : "#### ");
    esc(b, label);
    kr_buf_puts(b, html ? "</h4>\n" : "\n\n");
    if (stm && *stm && strncmp(stm, label, strlen(label)) != 0) {
        kr_buf_puts(b, html ? "<p class=\"stelling\">" : "*");
        esc(b, stm);
        kr_buf_puts(b, html ? "</p>\n" : "*\n\n");
    }
    if (!pt->extent)
        return;
    size_t seen = s->pat[p].n_visits, total = s->visits.n;
    kr_buf_printf(b, "%s%s bezoeken%s · in %zu van %zu %s · %s%s",
                  html ? "<p class=\"omvang\"><strong>" : "**", pt->extent,
                  html ? "</strong>" : "**", seen, total,
                  kr_write_plural(total, "bezoek", "bezoeken"),
                  s->refl.confirmed[p] ? "vastgesteld door de groep" : "voorstel van kijkronde",
                  html ? "</p>\n" : "\n\n");
}
