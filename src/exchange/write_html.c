/* SPDX-License-Identifier: MIT */
/*
 * The summary as one self-contained HTML page: inline CSS and SVG, nothing fetched, A4 print
 * styles; a writer over the summary walk (walk.c), which decides what is shown and in which
 * order. Every stored text goes through kr_esc_html; the writer adds only fixed Dutch wording
 * and numbers. The Nabespreking's parts are in write_debrief.c.
 */
#include <math.h>
#include <string.h>

#include "exchange_internal.h"
#include "kijkronde/clock.h"
#include "walk.h"

static const char HTML_STYLE[] =
    "<style>\n"
    ":root{--ink:#1d2b2a;--muted:#5b6b69;--line:#c9d6d4;--soft:#eef4f3;--accent:#2f6f68;"
    "--warm:#a65b1e}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0 auto;max-width:52rem;padding:2rem 1.5rem 3rem;color:var(--ink);"
    "font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',Arial,sans-serif}\n"
    "h1{font-size:1.9rem;line-height:1.2;margin:.2rem 0 .3rem}\n"
    "h2{font-size:1.3rem;margin:2.2rem 0 .8rem;padding-bottom:.25rem;"
    "border-bottom:2px solid var(--accent);color:var(--accent)}\n"
    "h3{font-size:1.08rem;margin:1.5rem 0 .5rem}\n"
    "h4{font-size:1rem;margin:0 0 .2rem}\n"
    ".kicker{margin:0;color:var(--muted);text-transform:uppercase;letter-spacing:.08em;"
    "font-size:.8rem}\n"
    ".sub{margin:0;color:var(--muted)}\n"
    ".vraag{font-size:1.15rem;font-weight:600;margin:.2rem 0 1rem;padding:.8rem 1rem;"
    "background:var(--soft);border-left:4px solid var(--accent);white-space:pre-wrap}\n"
    "dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;margin:0}\n"
    "dt{color:var(--muted)}dd{margin:0;white-space:pre-wrap}\n"
    ".stats{margin-top:1rem;color:var(--muted)}\n"
    ".driehoek-wrap{display:flex;gap:1.5rem;align-items:center;flex-wrap:wrap}\n"
    "svg.driehoek{width:22rem;max-width:100%;height:auto}\n"
    "svg .count{font-size:22px;font-weight:700;fill:var(--ink);text-anchor:middle}\n"
    "svg .label{font-size:15px;fill:var(--ink);text-anchor:middle}\n"
    ".legend{flex:1;min-width:14rem;color:var(--muted);font-size:.95rem}\n"
    ".pattern{border:1px solid var(--line);border-radius:6px;padding:.7rem .9rem;"
    "margin:.6rem 0;break-inside:avoid}\n"
    ".meta{margin:0 0 .4rem;color:var(--muted);font-size:.9rem}\n"
    ".kind{display:inline-block;padding:0 .45rem;border-radius:3px;font-size:.8rem;"
    "font-weight:600;color:#fff;background:var(--accent)}\n"
    ".kind.verschil{background:var(--warm)}\n"
    ".stelling{margin:.1rem 0 .15rem;font-weight:600}.omvang{margin:0 0 .15rem;font-size:.92em}\n"
    "ul.notes{margin:0;padding-left:1.1rem}ul.notes li{margin:.15rem 0;white-space:pre-wrap}\n"
    ".t{color:var(--muted);font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    ".oordeel{color:var(--warm)}\n"
    ".groep{white-space:pre-wrap;margin:.2rem 0 .6rem}\n"
    "table{width:100%;border-collapse:collapse;font-size:.92rem}\n"
    "th,td{text-align:left;vertical-align:top;padding:.25rem .4rem;"
    "border-bottom:1px solid var(--line)}\n"
    "td.txt{white-space:pre-wrap;overflow-wrap:anywhere}\n"
    "td.t{width:6.5rem}.c{color:var(--muted);font-size:.85em}\n"
    "small{color:var(--muted);font-weight:400}\n"
    ".toas{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.8rem}\n"
    ".toa{border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem;break-inside:avoid}\n"
    ".toa.gekozen{border:2px solid var(--accent)}\n"
    ".gekozen-label{display:inline-block;padding:0 .45rem;border-radius:3px;font-size:.8rem;"
    "font-weight:600;color:#fff;background:var(--accent)}\n"
    "ul.bewijs{margin:.2rem 0 .4rem;padding-left:1.1rem;font-size:.92rem;color:var(--muted)}\n"
    "ul.stappen{padding-left:1.1rem}ul.stappen>li{margin:.3rem 0}\n"
    "@media print{.toa{padding:.2rem .5rem}ul.bewijs{font-size:8.5pt;margin:0 0 .2rem}"
    "ul.stappen>li{margin:.1rem 0}"
    /* on paper a reference is its time and visit; the note itself is in the appendix */
    ".bt{display:none}ul.bewijs{padding:0}ul.bewijs li{display:inline}"
    "ul.bewijs li+li:before{content:' · '}}\n"
    "footer{margin-top:2.5rem;padding-top:.6rem;border-top:1px solid var(--line);"
    "color:var(--muted);font-size:.85rem}\n"
    "@page{size:A4;margin:14mm 14mm 16mm}\n"
    "@media print{body{max-width:none;padding:0;font-size:9.5pt;line-height:1.35}"
    "h1{font-size:17pt}h2{font-size:12.5pt;margin:1.1rem 0 .5rem}h3{margin:.8rem 0 .3rem}"
    "h2,h3,h4{break-after:avoid}tr,li{break-inside:avoid}"
    ".pattern{border:0;border-left:3px solid var(--line);border-radius:0;padding:.1rem .6rem;"
    "margin:.4rem 0}ul.notes li:nth-child(n+3){display:none}"
    "svg.driehoek{width:13rem}td.t{width:4.6rem}.vraag{padding:.4rem .7rem}th,td{padding:.1rem "
    ".3rem}"
    "a{color:inherit;text-decoration:none}"
    /* On paper the appendix runs in two columns in smaller type: a day of 80-200 notes
     * then takes two to four pages instead of five to ten. */
    ".appendix{column-count:2;column-gap:7mm;font-size:8pt;line-height:1.3}"
    ".appendix h2{column-span:all}.appendix h3{font-size:9.5pt;margin:.5rem 0 .2rem}"
    ".appendix table{font-size:8pt}.appendix td.t{width:3.6rem}"
    ".appendix th,.appendix td{padding:.05rem .2rem}}\n"
    "</style>\n";

static void html_dd(struct kr_buf *b, const char *term, const char *value)
{
    if (!value || !*value)
        return;
    kr_buf_printf(b, "<dt>%s</dt><dd>", term);
    kr_esc_html(b, value);
    kr_buf_puts(b, "</dd>\n");
}

static void html_triangle(struct kr_buf *b, const struct kr_summary *s)
{
    static const struct {
        enum kr_corner c;
        int x, y, ly;
    } pos[] = {
        {KR_CORNER_LEERINHOUD, 210, 62, 16},
        {KR_CORNER_LEERLING, 66, 262, 330},
        {KR_CORNER_LERAAR, 354, 262, 330},
    };
    size_t max = 1;
    for (int k = 0; k < 3; k++)
        if (s->count[pos[k].c] > max)
            max = s->count[pos[k].c];
    kr_buf_printf(b,
                  "<svg class=\"driehoek\" viewBox=\"0 0 420 345\" role=\"img\" "
                  "aria-label=\"Didactische driehoek: leerling %zu, leraar %zu, leerinhoud %zu "
                  "notities\">\n"
                  "<polygon points=\"210,62 66,262 354,262\" fill=\"#eef4f3\" stroke=\"#2f6f68\" "
                  "stroke-width=\"3\" stroke-linejoin=\"round\"/>\n",
                  s->count[KR_CORNER_LEERLING], s->count[KR_CORNER_LERAAR],
                  s->count[KR_CORNER_LEERINHOUD]);
    for (int k = 0; k < 3; k++) {
        size_t n = s->count[pos[k].c];
        double r = 24.0 + 20.0 * sqrt((double)n / (double)max);
        kr_buf_printf(b,
                      "<circle cx=\"%d\" cy=\"%d\" r=\"%.1f\" fill=\"#ffffff\" stroke=\"#2f6f68\" "
                      "stroke-width=\"2.5\"/>\n"
                      "<text class=\"count\" x=\"%d\" y=\"%d\">%zu</text>\n"
                      "<text class=\"label\" x=\"%d\" y=\"%d\">%s</text>\n",
                      pos[k].x, pos[k].y, r, pos[k].x, pos[k].y + 8, n, pos[k].x, pos[k].ly,
                      kr_summary_corner_title(pos[k].c));
    }
    kr_buf_puts(b, "</svg>\n");
}

static void html_note_li(struct kr_buf *b, const struct kr_summary *s, size_t i, bool with_visit)
{
    const struct kr_summary_note *n = &s->notes[i];
    char hhmm[6];
    kr_clock_hhmm(n->o->at, hhmm);
    kr_buf_printf(b, "<li%s><span class=\"t\">%s", n->judging ? " class=\"oordeel\"" : "", hhmm);
    if (with_visit) {
        kr_buf_puts(b, " · ");
        kr_esc_html(b, kr_write_visit_label(s, n->visit));
    }
    kr_buf_puts(b, "</span> ");
    kr_esc_html(b, n->text);
    if (n->judging)
        kr_buf_puts(b, " <small>(bevat een oordeel)</small>");
    kr_buf_puts(b, "</li>\n");
}

struct html {
    struct kr_buf b;
    FILE *out;
};

static void html_begin(void *ctx, const struct kr_summary *s)
{
    struct kr_buf *b = &((struct html *)ctx)->b;
    const struct kr_session *se = &s->session;
    kr_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                   "style-src 'unsafe-inline'\">\n<title>Kijkronde: ");
    kr_esc_html(b, s->host_school ? s->host_school : "bijeenkomst");
    kr_buf_puts(b, ", ");
    kr_write_date_nl(b, se->date);
    kr_buf_puts(b, "</title>\n");
    kr_buf_puts(b, HTML_STYLE);
    kr_buf_puts(b, "</head>\n<body>\n<header>\n<p class=\"kicker\">Kijkronde · samenvatting "
                   "van de bijeenkomst</p>\n<h1>");
    kr_esc_html(b, s->host_school ? s->host_school : "Bijeenkomst");
    kr_buf_puts(b, "</h1>\n<p class=\"sub\">");
    kr_write_date_nl(b, se->date);
    kr_buf_printf(b, " · %s</p>\n</header>\n", kr_write_kind_nl(se->kind));

    kr_buf_puts(b, "<section>\n<h2>Kijkvraag</h2>\n<p class=\"vraag\">");
    kr_esc_html(b, se->kijkvraag_text);
    kr_buf_puts(b, "</p>\n<dl>\n");
    html_dd(b, "Ontwikkelvraag", se->ontwikkelvraag);
    html_dd(b, "Basisvaardigheid", kr_write_basis_nl(se->basis));
    html_dd(b, "Kijkpunten", se->kijkpunten);
    html_dd(b, "Netwerk", s->network);
    kr_buf_puts(b, "</dl>\n");
    size_t shown = kr_write_shown_notes(s);
    kr_buf_printf(b, "<p class=\"stats\">%zu %s · %zu %s", s->visits.n,
                  kr_write_plural(s->visits.n, "klassenbezoek", "klassenbezoeken"), shown,
                  kr_write_plural(shown, "notitie", "notities"));
    if (s->n_judging && !s->opts.include_judging)
        kr_buf_printf(b, " · %zu %s met een oordeel niet opgenomen", s->n_judging,
                      kr_write_plural(s->n_judging, "notitie", "notities"));
    kr_buf_puts(b, "</p>\n</section>\n");

    kr_buf_puts(b, "<section>\n<h2>De didactische driehoek</h2>\n<div class=\"driehoek-wrap\">\n");
    html_triangle(b, s);
    size_t autos = s->count_auto[1] + s->count_auto[2] + s->count_auto[3];
    size_t own = shown - autos - s->n_group_placed - s->count[KR_CORNER_NONE];
    kr_buf_printf(b,
                  "<p class=\"legend\">Bij elke hoek staat hoeveel notities over de leerling, de "
                  "leraar of de leerinhoud gaan. De waarnemers plaatsten zelf %zu %s",
                  own, kr_write_plural(own, "notitie", "notities"));
    if (s->n_group_placed)
        kr_buf_printf(b, ", de groep %zu in de nabespreking", s->n_group_placed);
    kr_buf_printf(b, "; kijkronde plaatste er %zu.%s</p>\n</div>\n</section>\n", autos,
                  s->count[KR_CORNER_NONE] ? " Sommige notities zijn nog niet geplaatst." : "");
}

static void html_section(void *ctx, const struct kr_summary *s, enum kr_walk_section sec,
                         bool begin)
{
    struct kr_buf *b = &((struct html *)ctx)->b;
    switch (sec) {
    case KR_WALK_PATTERNS:
        if (!begin) {
            kr_buf_puts(b, "</section>\n");
            break;
        }
        kr_buf_puts(b, "<section>\n<h2>Patronen per hoek</h2>\n");
        if (!s->have_patterns)
            kr_buf_printf(b, "<p>%s</p>\n",
                          s->obs.n == 0 ? "Er zijn nog geen notities."
                                        : "Bij zo veel notities staan de patronen niet in de "
                                          "samenvatting; bekijk ze met <code>kijkronde "
                                          "patterns</code>.");
        break;
    case KR_WALK_COMPARE:
        kr_buf_puts(b,
                    begin ? "<section>\n<h2>Overeenkomsten en verschillen</h2>\n" : "</section>\n");
        break;
    case KR_WALK_APPENDIX:
        kr_buf_puts(b, begin ? "<section class=\"appendix\">\n<h2>Bijlage: alle feitelijke "
                               "notities per klassenbezoek</h2>\n"
                             : "<p class=\"meta\">* De hoek is door kijkronde gekozen; de "
                               "waarnemer had de notitie niet geplaatst.</p>\n</section>\n");
        break;
    default:
        kr_write_debrief_section(b, s, sec, begin, true);
        break;
    }
}

static void html_section_begin(void *ctx, const struct kr_summary *s, enum kr_walk_section sec)
{
    html_section(ctx, s, sec, true);
}

static void html_section_end(void *ctx, const struct kr_summary *s, enum kr_walk_section sec)
{
    html_section(ctx, s, sec, false);
}

static void html_corner_begin(void *ctx, const struct kr_summary *s, enum kr_corner c)
{
    kr_buf_printf(&((struct html *)ctx)->b, "<h3>%s <small>(%zu %s)</small></h3>\n",
                  kr_summary_corner_title(c), s->count[c],
                  kr_write_plural(s->count[c], "notitie", "notities"));
}

static void html_pattern(void *ctx, const struct kr_summary *s, size_t p)
{
    struct kr_buf *b = &((struct html *)ctx)->b;
    const struct kr_summary_pattern *sp = &s->pat[p];
    kr_buf_puts(b, "<article class=\"pattern\">");
    kr_write_pattern_head(b, s, p, true);
    kr_buf_printf(b,
                  "<p class=\"meta\"><span class=\"kind %s\">%s</span> · %zu "
                  "notities · gezien in ",
                  kr_pattern_kind_str(sp->kind), kr_pattern_kind_str(sp->kind), sp->n_notes);
    kr_write_pattern_visits(b, s, sp, kr_esc_html);
    kr_buf_puts(b, "</p>\n<ul class=\"notes\">\n");
}

static void html_example(void *ctx, const struct kr_summary *s, size_t p, size_t k, size_t i)
{
    (void)p;
    (void)k;
    html_note_li(&((struct html *)ctx)->b, s, i, true);
}

static void html_pattern_end(void *ctx, const struct kr_summary *s, size_t p)
{
    (void)s;
    (void)p;
    kr_buf_puts(&((struct html *)ctx)->b, "</ul></article>\n");
}

static void html_corner_end(void *ctx, const struct kr_summary *s, enum kr_corner c, size_t shown,
                            size_t single)
{
    (void)s;
    (void)c;
    struct kr_buf *b = &((struct html *)ctx)->b;
    if (!shown && !single)
        kr_buf_puts(b, "<p class=\"meta\">Geen notities in deze hoek.</p>\n");
    else if (single)
        kr_buf_printf(b, "<p class=\"meta\">%s%zu %s die op zichzelf %s: zie de bijlage.</p>\n",
                      shown ? "En " : "", single, kr_write_plural(single, "notitie", "notities"),
                      kr_write_plural(single, "staat", "staan"));
}

static void html_kind_begin(void *ctx, const struct kr_summary *s, enum kr_pattern_kind kind)
{
    (void)s;
    bool same = kind == KR_PATTERN_OVEREENKOMST;
    kr_buf_printf(&((struct html *)ctx)->b, "<h3>%s <small>%s</small></h3>\n<ul>\n",
                  same ? "Overeenkomsten" : "Verschillen",
                  same ? "gezien in twee of meer klassen" : "gezien in één klas");
}

static void html_kind_item(void *ctx, const struct kr_summary *s, size_t p)
{
    struct kr_buf *b = &((struct html *)ctx)->b;
    const struct kr_summary_pattern *sp = &s->pat[p];
    kr_buf_puts(b, "<li><strong>");
    kr_esc_html(b, s->pattern_labels[p]);
    kr_buf_printf(b, "</strong> <small>(%s, %zu %s)</small>: ",
                  kr_summary_corner_title(s->refl.result.patterns[p].corner), sp->n_notes,
                  kr_write_plural(sp->n_notes, "notitie", "notities"));
    kr_write_pattern_visits(b, s, sp, kr_esc_html);
    kr_buf_puts(b, "</li>\n");
}

static void html_kind_end(void *ctx, const struct kr_summary *s, enum kr_pattern_kind kind,
                          size_t n)
{
    (void)s;
    (void)kind;
    struct kr_buf *b = &((struct html *)ctx)->b;
    if (!n)
        kr_buf_puts(b, "<li>Geen.</li>\n");
    kr_buf_puts(b, "</ul>\n");
}

static void html_phase(void *ctx, const struct kr_summary *s, enum kr_phase ph)
{
    kr_write_debrief_phase(&((struct html *)ctx)->b, s, ph, true);
}

static void html_toa(void *ctx, const struct kr_summary *s, size_t k)
{
    kr_write_debrief_toa(&((struct html *)ctx)->b, s, k, true);
}

static void html_actor_begin(void *ctx, const struct kr_summary *s, enum kr_actor a)
{
    (void)s;
    kr_write_debrief_actor(&((struct html *)ctx)->b, a, true, true);
}

static void html_step(void *ctx, const struct kr_summary *s, size_t k)
{
    kr_write_debrief_step(&((struct html *)ctx)->b, s, k, true);
}

static void html_actor_end(void *ctx, const struct kr_summary *s, enum kr_actor a)
{
    (void)s;
    kr_write_debrief_actor(&((struct html *)ctx)->b, a, false, true);
}

static void html_visit_begin(void *ctx, const struct kr_summary *s, size_t v, size_t n)
{
    struct kr_buf *b = &((struct html *)ctx)->b;
    kr_buf_puts(b, "<h3>");
    kr_esc_html(b, kr_write_visit_label(s, v));
    kr_buf_puts(b, " <small>");
    if (v < s->visits.n) {
        const struct kr_visit *vi = &s->visits.items[v];
        if (vi->subject) {
            kr_esc_html(b, vi->subject);
            kr_buf_puts(b, " · ");
        }
        kr_write_visit_times(b, vi);
        kr_buf_puts(b, vi->started_at ? " · " : "");
    }
    kr_buf_printf(b, "%zu %s</small></h3>\n", n, kr_write_plural(n, "notitie", "notities"));
    if (n)
        kr_buf_puts(b, "<table><thead><tr><th>Tijd, hoek</th><th>Notitie</th></tr>"
                       "</thead><tbody>\n");
}

static void html_appendix_note(void *ctx, const struct kr_summary *s, size_t i)
{
    struct html *h = ctx;
    struct kr_buf *b = &h->b;
    const struct kr_summary_note *sn = &s->notes[i];
    char hhmm[6];
    kr_clock_hhmm(sn->o->at, hhmm);
    /* (puts, not printf: this runs for every note) */
    kr_buf_puts(b, sn->judging ? "<tr class=\"oordeel\"><td class=\"t\">" : "<tr><td class=\"t\">");
    kr_buf_puts(b, hhmm);
    kr_buf_puts(b, "<br><span class=\"c\">");
    kr_buf_puts(b, sn->corner ? kr_corner_str(sn->corner) : "–");
    kr_buf_puts(b, sn->auto_placed ? "*</span></td><td class=\"txt\">"
                                   : "</span></td><td class=\"txt\">");
    kr_esc_html(b, sn->text);
    if (sn->judging)
        kr_buf_puts(b, " <small>(bevat een oordeel)</small>");
    kr_buf_puts(b, "</td></tr>\n");
    kr_esc_flush(b, h->out, false);
}

static void html_visit_end(void *ctx, const struct kr_summary *s, size_t v, size_t weg)
{
    struct kr_buf *b = &((struct html *)ctx)->b;
    if (s->visit_shown[v])
        kr_buf_puts(b, "</tbody></table>\n");
    if (weg)
        kr_buf_printf(b, "<p class=\"meta\">%zu %s met een oordeel %s niet opgenomen.</p>\n", weg,
                      kr_write_plural(weg, "notitie", "notities"),
                      kr_write_plural(weg, "is", "zijn"));
}

static void html_end(void *ctx, const struct kr_summary *s)
{
    (void)s;
    kr_buf_puts(&((struct html *)ctx)->b,
                "<footer>Gemaakt met kijkronde. Namen van waarnemers staan niet in deze "
                "samenvatting; notities beschrijven wat leerlingen en leraren doen, "
                "zonder oordeel.</footer>\n</body>\n</html>\n");
}

static const struct kr_summary_writer HTML_WRITER = {
    .sections = KR_WALK_BIT(KR_WALK_PATTERNS) | KR_WALK_BIT(KR_WALK_COMPARE) |
                KR_WALK_BIT(KR_WALK_DEBRIEF) | KR_WALK_BIT(KR_WALK_APPENDIX),
    .begin = html_begin,
    .end = html_end,
    .section_begin = html_section_begin,
    .section_end = html_section_end,
    .corner_begin = html_corner_begin,
    .pattern = html_pattern,
    .example = html_example,
    .pattern_end = html_pattern_end,
    .corner_end = html_corner_end,
    .kind_begin = html_kind_begin,
    .kind_item = html_kind_item,
    .kind_end = html_kind_end,
    .phase = html_phase,
    .toa = html_toa,
    .actor_begin = html_actor_begin,
    .step = html_step,
    .actor_end = html_actor_end,
    .visit_begin = html_visit_begin,
    .note = html_appendix_note,
    .visit_end = html_visit_end,
};

void kr_summary_write_html(const struct kr_summary *s, FILE *out)
{
    struct html h = {.out = out};
    kr_summary_walk(s, &HTML_WRITER, &h);
    kr_esc_flush(&h.b, out, true);
    kr_buf_fini(&h.b);
}
