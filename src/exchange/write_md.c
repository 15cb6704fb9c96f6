/* SPDX-License-Identifier: MIT */
/*
 * The summary as Markdown, with the same content as the HTML page: a writer over the summary
 * walk (walk.c), which decides what is shown and in which order. Every stored text goes
 * through kr_esc_md; the writer adds only fixed Dutch wording and numbers. The Nabespreking's
 * parts are in write_debrief.c.
 */
#include "exchange_internal.h"
#include "kijkronde/clock.h"
#include "walk.h"

static void md_note(struct kr_buf *b, const struct kr_summary *s, size_t i, bool with_visit,
                    bool with_corner)
{
    const struct kr_summary_note *n = &s->notes[i];
    char hhmm[6];
    kr_clock_hhmm(n->o->at, hhmm);
    kr_buf_puts(b, "- **"); /* (puts, not printf: this runs for every note) */
    kr_buf_puts(b, hhmm);
    kr_buf_puts(b, "**");
    if (with_visit) {
        kr_buf_puts(b, " · ");
        kr_esc_md(b, kr_write_visit_label(s, n->visit));
    }
    if (with_corner) {
        kr_buf_puts(b, " · ");
        kr_buf_puts(b, n->corner ? kr_corner_str(n->corner) : "niet geplaatst");
        kr_buf_puts(b, n->auto_placed ? "\\*" : "");
    }
    kr_buf_puts(b, ": ");
    kr_esc_md(b, n->text);
    if (n->judging)
        kr_buf_puts(b, " *(bevat een oordeel)*");
    kr_buf_puts(b, "\n");
}

static void md_item(struct kr_buf *b, const char *term, const char *value)
{
    if (!value || !*value)
        return;
    kr_buf_printf(b, "- **%s:** ", term);
    kr_esc_md(b, value);
    kr_buf_puts(b, "\n");
}

struct md {
    struct kr_buf b;
    FILE *out;
};

static void md_begin(void *ctx, const struct kr_summary *s)
{
    struct kr_buf *b = &((struct md *)ctx)->b;
    const struct kr_session *se = &s->session;
    kr_buf_puts(b, "# Kijkronde: ");
    kr_esc_md(b, s->host_school ? s->host_school : "bijeenkomst");
    kr_buf_puts(b, "\n\n*Samenvatting van de bijeenkomst* · ");
    kr_write_date_nl(b, se->date);
    kr_buf_printf(b, " · %s\n\n## Kijkvraag\n\n**", kr_write_kind_nl(se->kind));
    kr_esc_md(b, se->kijkvraag_text);
    kr_buf_puts(b, "**\n\n");
    md_item(b, "Ontwikkelvraag", se->ontwikkelvraag);
    md_item(b, "Basisvaardigheid", kr_write_basis_nl(se->basis));
    md_item(b, "Kijkpunten", se->kijkpunten);
    md_item(b, "Netwerk", s->network);
    size_t shown = kr_write_shown_notes(s);
    kr_buf_printf(b, "\n%zu %s · %zu %s", s->visits.n,
                  kr_write_plural(s->visits.n, "klassenbezoek", "klassenbezoeken"), shown,
                  kr_write_plural(shown, "notitie", "notities"));
    if (s->n_judging && !s->opts.include_judging)
        kr_buf_printf(b, " · %zu %s met een oordeel niet opgenomen", s->n_judging,
                      kr_write_plural(s->n_judging, "notitie", "notities"));
    kr_buf_puts(b, "\n\n## De didactische driehoek\n\n");
    for (enum kr_corner c = KR_CORNER_LEERLING; c <= KR_CORNER_LEERINHOUD; c++)
        kr_buf_printf(b, "- **%s:** %zu %s (waarvan %zu door kijkronde geplaatst)\n",
                      kr_summary_corner_title(c), s->count[c],
                      kr_write_plural(s->count[c], "notitie", "notities"), s->count_auto[c]);
    if (s->count[KR_CORNER_NONE])
        kr_buf_printf(b, "- **Niet geplaatst:** %zu\n", s->count[KR_CORNER_NONE]);
}

static void md_section(void *ctx, const struct kr_summary *s, enum kr_walk_section sec, bool begin)
{
    struct kr_buf *b = &((struct md *)ctx)->b;
    switch (sec) {
    case KR_WALK_PATTERNS:
        if (!begin)
            break;
        kr_buf_puts(b, "\n## Patronen per hoek\n\n");
        if (!s->have_patterns)
            kr_buf_puts(b, s->obs.n == 0 ? "Er zijn nog geen notities.\n"
                                         : "Bij zo veel notities staan de patronen niet in de "
                                           "samenvatting; bekijk ze met `kijkronde patterns`.\n");
        break;
    case KR_WALK_COMPARE:
        if (begin)
            kr_buf_puts(b, "## Overeenkomsten en verschillen\n\n");
        break;
    case KR_WALK_APPENDIX:
        if (begin)
            kr_buf_puts(b, "## Bijlage: alle feitelijke notities per klassenbezoek\n\n");
        break;
    default:
        kr_write_debrief_section(b, s, sec, begin, false);
        break;
    }
}

static void md_section_begin(void *ctx, const struct kr_summary *s, enum kr_walk_section sec)
{
    md_section(ctx, s, sec, true);
}

static void md_section_end(void *ctx, const struct kr_summary *s, enum kr_walk_section sec)
{
    md_section(ctx, s, sec, false);
}

static void md_corner_begin(void *ctx, const struct kr_summary *s, enum kr_corner c)
{
    kr_buf_printf(&((struct md *)ctx)->b, "### %s (%zu %s)\n\n", kr_summary_corner_title(c),
                  s->count[c], kr_write_plural(s->count[c], "notitie", "notities"));
}

static void md_pattern(void *ctx, const struct kr_summary *s, size_t p)
{
    struct kr_buf *b = &((struct md *)ctx)->b;
    const struct kr_summary_pattern *sp = &s->pat[p];
    kr_write_pattern_head(b, s, p, false);
    kr_buf_printf(b, "*%s* · %zu %s · gezien in ", kr_pattern_kind_str(sp->kind), sp->n_notes,
                  kr_write_plural(sp->n_notes, "notitie", "notities"));
    kr_write_pattern_visits(b, s, sp, kr_esc_md);
    kr_buf_puts(b, "\n\n");
}

static void md_example(void *ctx, const struct kr_summary *s, size_t p, size_t k, size_t i)
{
    (void)p;
    (void)k;
    md_note(&((struct md *)ctx)->b, s, i, true, false);
}

static void md_pattern_end(void *ctx, const struct kr_summary *s, size_t p)
{
    (void)s;
    (void)p;
    kr_buf_puts(&((struct md *)ctx)->b, "\n");
}

static void md_corner_end(void *ctx, const struct kr_summary *s, enum kr_corner c, size_t shown,
                          size_t single)
{
    (void)s;
    (void)c;
    struct kr_buf *b = &((struct md *)ctx)->b;
    if (!shown && !single)
        kr_buf_puts(b, "Geen notities in deze hoek.\n\n");
    else if (single)
        kr_buf_printf(b, "%s%zu %s die op zichzelf %s: zie de bijlage.\n\n", shown ? "En " : "",
                      single, kr_write_plural(single, "notitie", "notities"),
                      kr_write_plural(single, "staat", "staan"));
}

static void md_kind_begin(void *ctx, const struct kr_summary *s, enum kr_pattern_kind kind)
{
    (void)s;
    kr_buf_printf(&((struct md *)ctx)->b, "### %s\n\n",
                  kind == KR_PATTERN_OVEREENKOMST
                      ? "Overeenkomsten (gezien in twee of meer klassen)"
                      : "Verschillen (gezien in één klas)");
}

static void md_kind_item(void *ctx, const struct kr_summary *s, size_t p)
{
    struct kr_buf *b = &((struct md *)ctx)->b;
    const struct kr_summary_pattern *sp = &s->pat[p];
    kr_buf_puts(b, "- **");
    kr_esc_md(b, s->pattern_labels[p]);
    kr_buf_printf(b,
                  "** (%s, %zu %s): ", kr_summary_corner_title(s->refl.result.patterns[p].corner),
                  sp->n_notes, kr_write_plural(sp->n_notes, "notitie", "notities"));
    kr_write_pattern_visits(b, s, sp, kr_esc_md);
    kr_buf_puts(b, "\n");
}

static void md_kind_end(void *ctx, const struct kr_summary *s, enum kr_pattern_kind kind, size_t n)
{
    (void)s;
    (void)kind;
    kr_buf_puts(&((struct md *)ctx)->b, n ? "\n" : "- Geen.\n\n");
}

static void md_phase(void *ctx, const struct kr_summary *s, enum kr_phase ph)
{
    kr_write_debrief_phase(&((struct md *)ctx)->b, s, ph, false);
}

static void md_toa(void *ctx, const struct kr_summary *s, size_t k)
{
    kr_write_debrief_toa(&((struct md *)ctx)->b, s, k, false);
}

static void md_actor_begin(void *ctx, const struct kr_summary *s, enum kr_actor a)
{
    (void)s;
    kr_write_debrief_actor(&((struct md *)ctx)->b, a, true, false);
}

static void md_step(void *ctx, const struct kr_summary *s, size_t k)
{
    kr_write_debrief_step(&((struct md *)ctx)->b, s, k, false);
}

static void md_actor_end(void *ctx, const struct kr_summary *s, enum kr_actor a)
{
    (void)s;
    kr_write_debrief_actor(&((struct md *)ctx)->b, a, false, false);
}

static void md_visit_begin(void *ctx, const struct kr_summary *s, size_t v, size_t n)
{
    struct kr_buf *b = &((struct md *)ctx)->b;
    kr_buf_puts(b, "### ");
    kr_esc_md(b, kr_write_visit_label(s, v));
    kr_buf_puts(b, "\n\n*");
    if (v < s->visits.n) {
        const struct kr_visit *vi = &s->visits.items[v];
        if (vi->subject) {
            kr_esc_md(b, vi->subject);
            kr_buf_puts(b, " · ");
        }
        kr_write_visit_times(b, vi);
        kr_buf_puts(b, vi->started_at ? " · " : "");
    }
    kr_buf_printf(b, "%zu %s*\n\n", n, kr_write_plural(n, "notitie", "notities"));
}

static void md_appendix_note(void *ctx, const struct kr_summary *s, size_t i)
{
    struct md *m = ctx;
    md_note(&m->b, s, i, false, true);
    kr_esc_flush(&m->b, m->out, false);
}

static void md_visit_end(void *ctx, const struct kr_summary *s, size_t v, size_t weg)
{
    (void)s;
    (void)v;
    struct kr_buf *b = &((struct md *)ctx)->b;
    if (weg)
        kr_buf_printf(b, "\n%zu %s met een oordeel %s niet opgenomen.\n", weg,
                      kr_write_plural(weg, "notitie", "notities"),
                      kr_write_plural(weg, "is", "zijn"));
    kr_buf_puts(b, "\n");
}

static void md_end(void *ctx, const struct kr_summary *s)
{
    (void)s;
    kr_buf_puts(&((struct md *)ctx)->b,
                "\\* De hoek is door kijkronde gekozen; de waarnemer had de notitie niet "
                "geplaatst.\n\n---\n\nGemaakt met kijkronde. Namen van waarnemers staan niet "
                "in deze samenvatting.\n");
}

static const struct kr_summary_writer MD_WRITER = {
    .sections = KR_WALK_BIT(KR_WALK_PATTERNS) | KR_WALK_BIT(KR_WALK_COMPARE) |
                KR_WALK_BIT(KR_WALK_DEBRIEF) | KR_WALK_BIT(KR_WALK_APPENDIX),
    .begin = md_begin,
    .end = md_end,
    .section_begin = md_section_begin,
    .section_end = md_section_end,
    .corner_begin = md_corner_begin,
    .pattern = md_pattern,
    .example = md_example,
    .pattern_end = md_pattern_end,
    .corner_end = md_corner_end,
    .kind_begin = md_kind_begin,
    .kind_item = md_kind_item,
    .kind_end = md_kind_end,
    .phase = md_phase,
    .toa = md_toa,
    .actor_begin = md_actor_begin,
    .step = md_step,
    .actor_end = md_actor_end,
    .visit_begin = md_visit_begin,
    .note = md_appendix_note,
    .visit_end = md_visit_end,
};

void kr_summary_write_md(const struct kr_summary *s, FILE *out)
{
    struct md m = {.out = out};
    kr_summary_walk(s, &MD_WRITER, &m);
    kr_esc_flush(&m.b, out, true);
    kr_buf_fini(&m.b);
}
