/* SPDX-License-Identifier: MIT */
/*
 * The summary as Markdown, with the same content as the HTML page. Every stored text goes
 * through kr_esc_md; the writer adds only fixed Dutch wording and numbers. The Nabespreking
 * section is in write_debrief.c.
 */
#include "exchange_internal.h"
#include "kijkronde/clock.h"

static void md_note(struct kr_buf *b, const struct kr_summary *s, size_t i, bool with_visit,
                    bool with_corner)
{
    const struct kr_summary_note *n = &s->notes[i];
    char hhmm[6];
    kr_clock_hhmm(n->o->at, hhmm);
    kr_buf_printf(b, "- **%s**", hhmm);
    if (with_visit) {
        kr_buf_puts(b, " · ");
        kr_esc_md(b, kr_write_visit_label(s, n->visit));
    }
    if (with_corner)
        kr_buf_printf(b, " · %s%s", n->corner ? kr_corner_str(n->corner) : "niet geplaatst",
                      n->auto_placed ? "\\*" : "");
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

void kr_summary_write_md(const struct kr_summary *s, FILE *out)
{
    struct kr_buf b = {0};
    const struct kr_session *se = &s->session;
    kr_buf_puts(&b, "# Kijkronde: ");
    kr_esc_md(&b, s->host_school ? s->host_school : "bijeenkomst");
    kr_buf_puts(&b, "\n\n*Samenvatting van de bijeenkomst* · ");
    kr_write_date_nl(&b, se->date);
    kr_buf_printf(&b, " · %s\n\n## Kijkvraag\n\n**", kr_write_kind_nl(se->kind));
    kr_esc_md(&b, se->kijkvraag_text);
    kr_buf_puts(&b, "**\n\n");
    md_item(&b, "Ontwikkelvraag", se->ontwikkelvraag);
    md_item(&b, "Basisvaardigheid", kr_write_basis_nl(se->basis));
    md_item(&b, "Kijkpunten", se->kijkpunten);
    md_item(&b, "Netwerk", s->network);
    size_t shown = kr_write_shown_notes(s);
    kr_buf_printf(&b, "\n%zu %s · %zu %s", s->visits.n,
                  kr_write_plural(s->visits.n, "klassenbezoek", "klassenbezoeken"), shown,
                  kr_write_plural(shown, "notitie", "notities"));
    if (s->n_judging && !s->opts.include_judging)
        kr_buf_printf(&b, " · %zu %s met een oordeel niet opgenomen", s->n_judging,
                      kr_write_plural(s->n_judging, "notitie", "notities"));
    kr_buf_puts(&b, "\n\n## De didactische driehoek\n\n");
    for (enum kr_corner c = KR_CORNER_LEERLING; c <= KR_CORNER_LEERINHOUD; c++)
        kr_buf_printf(&b, "- **%s:** %zu %s (waarvan %zu door kijkronde geplaatst)\n",
                      kr_summary_corner_title(c), s->count[c],
                      kr_write_plural(s->count[c], "notitie", "notities"), s->count_auto[c]);
    if (s->count[KR_CORNER_NONE])
        kr_buf_printf(&b, "- **Niet geplaatst:** %zu\n", s->count[KR_CORNER_NONE]);

    kr_buf_puts(&b, "\n## Patronen per hoek\n\n");
    if (!s->have_patterns) {
        kr_buf_puts(&b, s->obs.n == 0 ? "Er zijn nog geen notities.\n"
                                      : "Bij zo veel notities staan de patronen niet in de "
                                        "samenvatting; bekijk ze met `kijkronde patterns`.\n");
    } else {
        for (enum kr_corner c = KR_CORNER_LEERLING; c <= KR_CORNER_LEERINHOUD; c++) {
            kr_buf_printf(&b, "### %s (%zu %s)\n\n", kr_summary_corner_title(c), s->count[c],
                          kr_write_plural(s->count[c], "notitie", "notities"));
            size_t shown_p = 0;
            for (size_t p = 0; p < s->refl.result.n_patterns; p++) {
                const struct kr_summary_pattern *sp = &s->pat[p];
                if (s->refl.result.patterns[p].corner != c || !kr_summary_pattern_shown(s, p))
                    continue;
                shown_p++;
                kr_write_pattern_head(&b, s, p, false);
                kr_buf_printf(&b, "*%s* · %zu %s · gezien in ", kr_pattern_kind_str(sp->kind),
                              sp->n_notes, kr_write_plural(sp->n_notes, "notitie", "notities"));
                kr_write_pattern_visits(&b, s, sp, kr_esc_md);
                kr_buf_puts(&b, "\n\n");
                for (size_t k = 0; k < sp->n_representatives; k++)
                    md_note(&b, s, sp->representatives[k], true, false);
                kr_buf_puts(&b, "\n");
            }
            size_t single = kr_write_singles(s, c);
            if (!shown_p && !single)
                kr_buf_puts(&b, "Geen notities in deze hoek.\n\n");
            else if (single)
                kr_buf_printf(&b, "%s%zu %s die op zichzelf %s: zie de bijlage.\n\n",
                              shown_p ? "En " : "", single,
                              kr_write_plural(single, "notitie", "notities"),
                              kr_write_plural(single, "staat", "staan"));
        }
        kr_buf_puts(&b, "## Overeenkomsten en verschillen\n\n");
        for (int kind = 0; kind < 2; kind++) {
            kr_buf_printf(&b, "### %s\n\n",
                          kind == 0 ? "Overeenkomsten (gezien in twee of meer klassen)"
                                    : "Verschillen (gezien in één klas)");
            size_t n = 0;
            for (size_t p = 0; p < s->refl.result.n_patterns; p++) {
                const struct kr_summary_pattern *sp = &s->pat[p];
                if ((int)sp->kind != kind || !kr_summary_pattern_shown(s, p))
                    continue;
                n++;
                kr_buf_puts(&b, "- **");
                kr_esc_md(&b, s->pattern_labels[p]);
                kr_buf_printf(&b, "** (%s, %zu %s): ",
                              kr_summary_corner_title(s->refl.result.patterns[p].corner),
                              sp->n_notes, kr_write_plural(sp->n_notes, "notitie", "notities"));
                kr_write_pattern_visits(&b, s, sp, kr_esc_md);
                kr_buf_puts(&b, "\n");
            }
            kr_buf_puts(&b, n ? "\n" : "- Geen.\n\n");
        }
    }

    kr_write_md_debrief(&b, s);
    kr_buf_puts(&b, "## Bijlage: alle feitelijke notities per klassenbezoek\n\n");
    for (size_t v = 0; v <= s->visits.n; v++) {
        size_t n = s->visit_shown[v];
        if (v == s->visits.n && n == 0)
            break;
        kr_buf_puts(&b, "### ");
        kr_esc_md(&b, kr_write_visit_label(s, v));
        kr_buf_puts(&b, "\n\n*");
        if (v < s->visits.n) {
            const struct kr_visit *vi = &s->visits.items[v];
            if (vi->subject) {
                kr_esc_md(&b, vi->subject);
                kr_buf_puts(&b, " · ");
            }
            kr_write_visit_times(&b, vi);
            kr_buf_puts(&b, vi->started_at ? " · " : "");
        }
        kr_buf_printf(&b, "%zu %s*\n\n", n, kr_write_plural(n, "notitie", "notities"));
        for (size_t k = s->visit_start[v]; k < s->visit_start[v + 1]; k++) {
            size_t i = s->by_visit[k];
            if (!kr_summary_shown(s, i))
                continue;
            md_note(&b, s, i, false, true);
            kr_esc_flush(&b, out, false);
        }
        size_t weg = v < s->visits.n ? s->judging_per_visit[v] : 0;
        if (weg && !s->opts.include_judging)
            kr_buf_printf(&b, "\n%zu %s met een oordeel %s niet opgenomen.\n", weg,
                          kr_write_plural(weg, "notitie", "notities"),
                          kr_write_plural(weg, "is", "zijn"));
        kr_buf_puts(&b, "\n");
    }
    kr_buf_puts(&b, "\\* De hoek is door kijkronde gekozen; de waarnemer had de notitie niet "
                    "geplaatst.\n\n---\n\nGemaakt met kijkronde. Namen van waarnemers staan niet "
                    "in deze samenvatting.\n");
    kr_esc_flush(&b, out, true);
    kr_buf_fini(&b);
}
