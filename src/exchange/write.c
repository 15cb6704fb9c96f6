/* SPDX-License-Identifier: MIT */
/*
 * The summary as one self-contained HTML page (inline CSS and SVG, nothing fetched,
 * A4 print styles), as Markdown with the same content, and the notes as CSV for a
 * Dutch Excel. Every stored text goes through escape.c; the writers add only fixed
 * Dutch wording and numbers.
 */
#include <math.h>
#include <string.h>

#include "exchange_internal.h"
#include "kijkronde/clock.h"
#include "kijkronde/plural.h"
#include "kijkronde/utf8.h"

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

static const char *basis_nl(enum kr_basis b)
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

static const char *plural(size_t n, const char *one, const char *more)
{
    return kr_plural((long long)n, one, more);
}

static size_t shown_notes(const struct kr_summary *s)
{
    size_t n = 0;
    for (size_t i = 0; i < s->obs.n; i++)
        n += kr_summary_shown(s, i);
    return n;
}

/* "09:05–09:30", "vanaf 09:05" or "" */
static void visit_times(struct kr_buf *b, const struct kr_visit *v)
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

/* Visit index of a visit id (visits.n when unknown). */
static const char *visit_label(const struct kr_summary *s, size_t v)
{
    return v < s->visits.n ? s->visit_labels[v] : "?";
}

/* The labels of the visits a pattern's shown notes span, escaped by esc, joined with ", ". */
static void pattern_visits(struct kr_buf *b, const struct kr_summary *s,
                           const struct kr_summary_pattern *p,
                           void (*esc)(struct kr_buf *, const char *))
{
    for (size_t k = 0; k < p->n_visits; k++) {
        if (k)
            kr_buf_puts(b, ", ");
        esc(b, visit_label(s, kr_summary_visit_of(s, p->visits[k])));
    }
}

static size_t singles(const struct kr_summary *s, enum kr_corner c)
{
    size_t n = 0;
    for (size_t p = 0; p < s->refl.result.n_patterns; p++) {
        const struct kr_pattern *pt = &s->refl.result.patterns[p];
        if (pt->corner == c && !pt->flagged && !kr_summary_pattern_shown(s, p))
            n += s->pat[p].n_notes;
    }
    return n;
}

/* ------------------------------------------------------------------------------------ */
/* HTML */

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
        kr_esc_html(b, visit_label(s, n->visit));
    }
    kr_buf_puts(b, "</span> ");
    kr_esc_html(b, n->text);
    if (n->judging)
        kr_buf_puts(b, " <small>(bevat een oordeel)</small>");
    kr_buf_puts(b, "</li>\n");
}

static void html_patterns(struct kr_buf *b, const struct kr_summary *s)
{
    kr_buf_puts(b, "<section>\n<h2>Patronen per hoek</h2>\n");
    if (!s->have_patterns) {
        kr_buf_printf(b, "<p>%s</p>\n</section>\n",
                      s->obs.n == 0 ? "Er zijn nog geen notities."
                                    : "Bij zo veel notities staan de patronen niet in de "
                                      "samenvatting; bekijk ze met <code>kijkronde "
                                      "patterns</code>.");
        return;
    }
    for (enum kr_corner c = KR_CORNER_LEERLING; c <= KR_CORNER_LEERINHOUD; c++) {
        kr_buf_printf(b, "<h3>%s <small>(%zu %s)</small></h3>\n", kr_summary_corner_title(c),
                      s->count[c], plural(s->count[c], "notitie", "notities"));
        size_t shown = 0;
        for (size_t p = 0; p < s->refl.result.n_patterns; p++) {
            const struct kr_summary_pattern *sp = &s->pat[p];
            if (s->refl.result.patterns[p].corner != c || !kr_summary_pattern_shown(s, p))
                continue;
            shown++;
            kr_buf_puts(b, "<article class=\"pattern\"><h4>");
            kr_esc_html(b, s->pattern_labels[p]);
            kr_buf_printf(b,
                          "</h4>\n<p class=\"meta\"><span class=\"kind %s\">%s</span> · %zu "
                          "notities · gezien in ",
                          kr_pattern_kind_str(sp->kind), kr_pattern_kind_str(sp->kind),
                          sp->n_notes);
            pattern_visits(b, s, sp, kr_esc_html);
            kr_buf_puts(b, "</p>\n<ul class=\"notes\">\n");
            for (size_t k = 0; k < sp->n_representatives; k++)
                html_note_li(b, s, sp->representatives[k], true);
            kr_buf_puts(b, "</ul></article>\n");
        }
        size_t single = singles(s, c);
        if (!shown && !single)
            kr_buf_puts(b, "<p class=\"meta\">Geen notities in deze hoek.</p>\n");
        else if (single)
            kr_buf_printf(b, "<p class=\"meta\">%s%zu %s die op zichzelf %s: zie de bijlage.</p>\n",
                          shown ? "En " : "", single, plural(single, "notitie", "notities"),
                          plural(single, "staat", "staan"));
    }
    kr_buf_puts(b, "</section>\n");
}

static void html_compare(struct kr_buf *b, const struct kr_summary *s)
{
    if (!s->have_patterns)
        return;
    kr_buf_puts(b, "<section>\n<h2>Overeenkomsten en verschillen</h2>\n");
    for (int kind = 0; kind < 2; kind++) {
        kr_buf_printf(b, "<h3>%s <small>%s</small></h3>\n<ul>\n",
                      kind == 0 ? "Overeenkomsten" : "Verschillen",
                      kind == 0 ? "gezien in twee of meer klassen" : "gezien in één klas");
        size_t n = 0;
        for (size_t p = 0; p < s->refl.result.n_patterns; p++) {
            const struct kr_summary_pattern *sp = &s->pat[p];
            if ((int)sp->kind != kind || !kr_summary_pattern_shown(s, p))
                continue;
            n++;
            kr_buf_puts(b, "<li><strong>");
            kr_esc_html(b, s->pattern_labels[p]);
            kr_buf_printf(b, "</strong> <small>(%s, %zu %s)</small>: ",
                          kr_summary_corner_title(s->refl.result.patterns[p].corner), sp->n_notes,
                          plural(sp->n_notes, "notitie", "notities"));
            pattern_visits(b, s, sp, kr_esc_html);
            kr_buf_puts(b, "</li>\n");
        }
        if (!n)
            kr_buf_puts(b, "<li>Geen.</li>\n");
        kr_buf_puts(b, "</ul>\n");
    }
    kr_buf_puts(b, "</section>\n");
}

/* "Als de schoolleiding ..., dan kunnen leraren ..., waardoor leerlingen ...". */
static void toa_sentence(struct kr_buf *b, const struct kr_theory_of_action *t,
                         void (*esc)(struct kr_buf *, const char *), const char *em_on,
                         const char *em_off)
{
    static const char *const lead[3] = {"Als de schoolleiding ", "dan kunnen leraren ",
                                        "waardoor leerlingen "};
    const char *part[3] = {t->schoolleiding, t->leraren, t->leerlingen};
    bool any = false;
    for (int k = 0; k < 3; k++) {
        if (!part[k] || !*part[k])
            continue;
        kr_buf_puts(b, any ? ", " : "");
        kr_buf_puts(b, any ? lead[k]
                           : (k == 0   ? lead[0]
                              : k == 1 ? "Leraren kunnen "
                                       : "Leerlingen "));
        kr_buf_puts(b, em_on);
        esc(b, part[k]);
        kr_buf_puts(b, em_off);
        any = true;
    }
    if (any)
        kr_buf_puts(b, ".");
}

/*
 * The evidence of a version or step as references into this summary: a shown pattern by its
 * label, a shown note by time, visit and text; what the summary does not show (a judging or
 * deleted note) only counted. html: <ul class="bewijs">; else Markdown items indented by
 * two spaces.
 */
static void evidence_refs(struct kr_buf *b, const struct kr_summary *s, char *const *ids, size_t n,
                          bool html)
{
    void (*esc)(struct kr_buf *, const char *) = html ? kr_esc_html : kr_esc_md;
    size_t hidden = 0, shown = 0;
    for (size_t k = 0; k < n; k++) {
        size_t p = 0, i = 0;
        int kind = kr_summary_evidence(s, ids[k], &p, &i);
        if (!kind) {
            hidden++;
            continue;
        }
        if (!shown++)
            kr_buf_puts(b, html ? "<ul class=\"bewijs\">\n" : "");
        kr_buf_puts(b, html ? "<li>" : "  - ");
        if (kind == 1) {
            kr_buf_puts(b, "patroon “");
            esc(b, s->pattern_labels[p] ? s->pattern_labels[p] : "");
            kr_buf_puts(b, "”");
        } else {
            char hhmm[6];
            kr_clock_hhmm(s->notes[i].o->at, hhmm);
            kr_buf_printf(b, "notitie %s · ", hhmm);
            esc(b, visit_label(s, s->notes[i].visit));
            kr_buf_puts(b, html ? "<span class=\"bt\">: “" : ": “");
            char cut[256]; /* the start of the note: the whole one is in the appendix */
            kr_utf8_truncate(cut, sizeof cut, s->notes[i].text, 70);
            esc(b, cut);
            kr_buf_puts(b, html ? "”</span>" : "”");
        }
        kr_buf_puts(b, html ? "</li>\n" : "\n");
    }
    if (hidden) {
        if (!shown++)
            kr_buf_puts(b, html ? "<ul class=\"bewijs\">\n" : "");
        kr_buf_printf(b, "%s%zu %s die niet in deze samenvatting %s%s", html ? "<li>" : "  - ",
                      hidden, plural(hidden, "notitie", "notities"),
                      plural(hidden, "staat", "staan"), html ? "</li>\n" : "\n");
    }
    if (shown && html)
        kr_buf_puts(b, "</ul>\n");
}

static const char *toa_title(const struct kr_toa_version *v, size_t k, char *buf, size_t size)
{
    if (v->group && *v->group)
        return v->group;
    snprintf(buf, size, "Versie %zu", k + 1);
    return buf;
}

/* Each groepje's theory of action side by side, the chosen one marked "gekozen". */
static void html_toas(struct kr_buf *b, const struct kr_summary *s)
{
    if (!s->toas.n)
        return;
    kr_buf_puts(b, "<h3>Theory of action</h3>\n<div class=\"toas\">\n");
    for (size_t k = 0; k < s->toas.n; k++) {
        const struct kr_toa_version *v = &s->toas.items[k];
        char buf[32];
        kr_buf_printf(b, "<article class=\"toa%s\">\n<h4>", v->chosen ? " gekozen" : "");
        kr_esc_html(b, toa_title(v, k, buf, sizeof buf));
        if (v->chosen)
            kr_buf_puts(b, " <span class=\"gekozen-label\">gekozen</span>");
        kr_buf_puts(b, "</h4>\n<p class=\"groep\">");
        struct kr_theory_of_action t = {v->schoolleiding, v->leraren, v->leerlingen, v->bewijs};
        toa_sentence(b, &t, kr_esc_html, "<strong>", "</strong>");
        kr_buf_puts(b, "</p>\n");
        if (v->bewijs && *v->bewijs) {
            kr_buf_puts(b, "<p class=\"groep\">Waar te zien aan: ");
            kr_esc_html(b, v->bewijs);
            kr_buf_puts(b, "</p>\n");
        }
        evidence_refs(b, s, v->evidence, v->n_evidence, true);
        kr_buf_puts(b, "</article>\n");
    }
    kr_buf_puts(b, "</div>\n");
}

static void md_toas(struct kr_buf *b, const struct kr_summary *s)
{
    if (!s->toas.n)
        return;
    kr_buf_puts(b, "### Theory of action\n\n");
    for (size_t k = 0; k < s->toas.n; k++) {
        const struct kr_toa_version *v = &s->toas.items[k];
        char buf[32];
        kr_buf_puts(b, "#### ");
        kr_esc_md(b, toa_title(v, k, buf, sizeof buf));
        kr_buf_puts(b, v->chosen ? " (gekozen)\n\n" : "\n\n");
        struct kr_theory_of_action t = {v->schoolleiding, v->leraren, v->leerlingen, v->bewijs};
        toa_sentence(b, &t, kr_esc_md, "**", "**");
        kr_buf_puts(b, "\n\n");
        if (v->bewijs && *v->bewijs) {
            kr_buf_puts(b, "Waar te zien aan: ");
            kr_esc_md(b, v->bewijs);
            kr_buf_puts(b, "\n\n");
        }
        if (v->n_evidence) {
            kr_buf_puts(b, "Bewijs:\n\n");
            evidence_refs(b, s, v->evidence, v->n_evidence, false);
            kr_buf_puts(b, "\n");
        }
    }
}

/* The follow-up of a step, "Opgevolgd: bezig — text", or nothing. */
static void step_follow_up(struct kr_buf *b, const struct kr_next_step *n,
                           void (*esc)(struct kr_buf *, const char *))
{
    if (n->follow_up_status == KR_FOLLOW_NONE)
        return;
    kr_buf_puts(b, " Opgevolgd: ");
    esc(b, kr_follow_status_title(n->follow_up_status));
    if (n->follow_up_text && *n->follow_up_text) {
        kr_buf_puts(b, " — ");
        esc(b, n->follow_up_text);
    }
    kr_buf_puts(b, ".");
}

/* The next steps by actor, each with its horizon, follow-up and evidence. */
static void steps_by_actor(struct kr_buf *b, const struct kr_summary *s, bool html)
{
    if (!s->steps.n)
        return;
    void (*esc)(struct kr_buf *, const char *) = html ? kr_esc_html : kr_esc_md;
    kr_buf_puts(b, html ? "<h3>Volgende stappen</h3>\n" : "### Volgende stappen\n\n");
    for (int a = 0; a < KR_ACTOR_COUNT; a++) {
        size_t n = 0;
        for (size_t k = 0; k < s->steps.n; k++) {
            const struct kr_next_step *st = &s->steps.items[k];
            if ((int)st->actor != a)
                continue;
            if (!n++) {
                kr_buf_puts(b, html ? "<h4>" : "#### ");
                esc(b, kr_actor_title((enum kr_actor)a));
                kr_buf_puts(b, html ? "</h4>\n<ul class=\"stappen\">\n" : "\n\n");
            }
            kr_buf_puts(b, html ? "<li>" : "- ");
            esc(b, st->text);
            kr_buf_puts(b, html ? " <small>(" : " (");
            esc(b, kr_horizon_title(st->horizon));
            kr_buf_puts(b, html ? ")</small>" : ")");
            step_follow_up(b, st, esc);
            kr_buf_puts(b, "\n");
            evidence_refs(b, s, st->evidence, st->n_evidence, html);
            kr_buf_puts(b, html ? "</li>\n" : "");
        }
        if (n)
            kr_buf_puts(b, html ? "</ul>\n" : "\n");
    }
}

static void html_debrief(struct kr_buf *b, const struct kr_summary *s)
{
    if (!kr_summary_has_debrief(s))
        return;
    kr_buf_puts(b, "<section>\n<h2>Nabespreking</h2>\n");
    for (int p = 0; p < KR_PHASE_COUNT; p++) {
        if (!s->phases[p] || !*s->phases[p])
            continue;
        kr_buf_puts(b, "<h3>");
        kr_esc_html(b, kr_phase_title((enum kr_phase)p));
        kr_buf_puts(b, "</h3>\n<p class=\"meta\">");
        kr_esc_html(b, kr_phase_question((enum kr_phase)p));
        kr_buf_puts(b, "</p>\n<p class=\"groep\">");
        kr_esc_html(b, s->phases[p]);
        kr_buf_puts(b, "</p>\n");
    }
    const struct kr_theory_of_action *t = &s->toa;
    html_toas(b, s);
    steps_by_actor(b, s, true);
    /* (the single version of before schema 8 is among s->toas; this is for a summary built
       without them) */
    if (!s->toas.n && (t->schoolleiding || t->leraren || t->leerlingen || t->bewijs)) {
        kr_buf_puts(b, "<h3>Theory of action</h3>\n<p class=\"groep\">");
        toa_sentence(b, t, kr_esc_html, "<strong>", "</strong>");
        kr_buf_puts(b, "</p>\n");
        if (t->bewijs && *t->bewijs) {
            kr_buf_puts(b, "<p class=\"groep\">Waar te zien aan: ");
            kr_esc_html(b, t->bewijs);
            kr_buf_puts(b, "</p>\n");
        }
    }
    kr_buf_puts(b, "</section>\n");
}

static void md_debrief(struct kr_buf *b, const struct kr_summary *s)
{
    if (!kr_summary_has_debrief(s))
        return;
    kr_buf_puts(b, "## Nabespreking\n\n");
    for (int p = 0; p < KR_PHASE_COUNT; p++) {
        if (!s->phases[p] || !*s->phases[p])
            continue;
        kr_buf_puts(b, "### ");
        kr_esc_md(b, kr_phase_title((enum kr_phase)p));
        kr_buf_puts(b, "\n\n*");
        kr_esc_md(b, kr_phase_question((enum kr_phase)p));
        kr_buf_puts(b, "*\n\n");
        kr_esc_md(b, s->phases[p]);
        kr_buf_puts(b, "\n\n");
    }
    const struct kr_theory_of_action *t = &s->toa;
    md_toas(b, s);
    steps_by_actor(b, s, false);
    if (!s->toas.n && (t->schoolleiding || t->leraren || t->leerlingen || t->bewijs)) {
        kr_buf_puts(b, "### Theory of action\n\n");
        toa_sentence(b, t, kr_esc_md, "**", "**");
        kr_buf_puts(b, "\n\n");
        if (t->bewijs && *t->bewijs) {
            kr_buf_puts(b, "Waar te zien aan: ");
            kr_esc_md(b, t->bewijs);
            kr_buf_puts(b, "\n\n");
        }
    }
}

static void html_appendix(struct kr_buf *b, const struct kr_summary *s, FILE *out)
{
    kr_buf_puts(b, "<section class=\"appendix\">\n<h2>Bijlage: alle feitelijke notities per "
                   "klassenbezoek</h2>\n");
    for (size_t v = 0; v <= s->visits.n; v++) {
        size_t n = s->visit_shown[v];
        if (v == s->visits.n && n == 0)
            break;
        kr_buf_puts(b, "<h3>");
        kr_esc_html(b, visit_label(s, v));
        kr_buf_puts(b, " <small>");
        if (v < s->visits.n) {
            const struct kr_visit *vi = &s->visits.items[v];
            if (vi->subject) {
                kr_esc_html(b, vi->subject);
                kr_buf_puts(b, " · ");
            }
            visit_times(b, vi);
            kr_buf_puts(b, vi->started_at ? " · " : "");
        }
        kr_buf_printf(b, "%zu %s</small></h3>\n", n, plural(n, "notitie", "notities"));
        if (n) {
            kr_buf_puts(b, "<table><thead><tr><th>Tijd, hoek</th><th>Notitie</th></tr>"
                           "</thead><tbody>\n");
            for (size_t k = s->visit_start[v]; k < s->visit_start[v + 1]; k++) {
                size_t i = s->by_visit[k];
                const struct kr_summary_note *sn = &s->notes[i];
                if (!kr_summary_shown(s, i))
                    continue;
                char hhmm[6];
                kr_clock_hhmm(sn->o->at, hhmm);
                kr_buf_printf(b,
                              "<tr%s><td class=\"t\">%s<br><span class=\"c\">%s%s</span></td>"
                              "<td class=\"txt\">",
                              sn->judging ? " class=\"oordeel\"" : "", hhmm,
                              sn->corner ? kr_corner_str(sn->corner) : "–",
                              sn->auto_placed ? "*" : "");
                kr_esc_html(b, sn->text);
                if (sn->judging)
                    kr_buf_puts(b, " <small>(bevat een oordeel)</small>");
                kr_buf_puts(b, "</td></tr>\n");
                kr_esc_flush(b, out, false);
            }
            kr_buf_puts(b, "</tbody></table>\n");
        }
        size_t weg = v < s->visits.n ? s->judging_per_visit[v] : 0;
        if (weg && !s->opts.include_judging)
            kr_buf_printf(b, "<p class=\"meta\">%zu %s met een oordeel %s niet opgenomen.</p>\n",
                          weg, plural(weg, "notitie", "notities"), plural(weg, "is", "zijn"));
    }
    kr_buf_puts(b, "<p class=\"meta\">* De hoek is door kijkronde gekozen; de waarnemer had de "
                   "notitie niet geplaatst.</p>\n</section>\n");
}

void kr_summary_write_html(const struct kr_summary *s, FILE *out)
{
    struct kr_buf b = {0};
    const struct kr_session *se = &s->session;
    kr_buf_puts(&b, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                    "style-src 'unsafe-inline'\">\n<title>Kijkronde: ");
    kr_esc_html(&b, s->host_school ? s->host_school : "bijeenkomst");
    kr_buf_puts(&b, ", ");
    kr_write_date_nl(&b, se->date);
    kr_buf_puts(&b, "</title>\n");
    kr_buf_puts(&b, HTML_STYLE);
    kr_buf_puts(&b, "</head>\n<body>\n<header>\n<p class=\"kicker\">Kijkronde · samenvatting "
                    "van de bijeenkomst</p>\n<h1>");
    kr_esc_html(&b, s->host_school ? s->host_school : "Bijeenkomst");
    kr_buf_puts(&b, "</h1>\n<p class=\"sub\">");
    kr_write_date_nl(&b, se->date);
    kr_buf_printf(&b, " · %s</p>\n</header>\n", kr_write_kind_nl(se->kind));

    kr_buf_puts(&b, "<section>\n<h2>Kijkvraag</h2>\n<p class=\"vraag\">");
    kr_esc_html(&b, se->kijkvraag_text);
    kr_buf_puts(&b, "</p>\n<dl>\n");
    html_dd(&b, "Ontwikkelvraag", se->ontwikkelvraag);
    html_dd(&b, "Basisvaardigheid", basis_nl(se->basis));
    html_dd(&b, "Kijkpunten", se->kijkpunten);
    html_dd(&b, "Netwerk", s->network);
    kr_buf_puts(&b, "</dl>\n");
    size_t shown = shown_notes(s);
    kr_buf_printf(&b, "<p class=\"stats\">%zu %s · %zu %s", s->visits.n,
                  plural(s->visits.n, "klassenbezoek", "klassenbezoeken"), shown,
                  plural(shown, "notitie", "notities"));
    if (s->n_judging && !s->opts.include_judging)
        kr_buf_printf(&b, " · %zu %s met een oordeel niet opgenomen", s->n_judging,
                      plural(s->n_judging, "notitie", "notities"));
    kr_buf_puts(&b, "</p>\n</section>\n");

    kr_buf_puts(&b, "<section>\n<h2>De didactische driehoek</h2>\n<div class=\"driehoek-wrap\">\n");
    html_triangle(&b, s);
    size_t autos = s->count_auto[1] + s->count_auto[2] + s->count_auto[3];
    size_t own = shown - autos - s->n_group_placed - s->count[KR_CORNER_NONE];
    kr_buf_printf(&b,
                  "<p class=\"legend\">Bij elke hoek staat hoeveel notities over de leerling, de "
                  "leraar of de leerinhoud gaan. De waarnemers plaatsten zelf %zu %s",
                  own, plural(own, "notitie", "notities"));
    if (s->n_group_placed)
        kr_buf_printf(&b, ", de groep %zu in de nabespreking", s->n_group_placed);
    kr_buf_printf(&b, "; kijkronde plaatste er %zu.%s</p>\n</div>\n</section>\n", autos,
                  s->count[KR_CORNER_NONE] ? " Sommige notities zijn nog niet geplaatst." : "");
    html_patterns(&b, s);
    html_compare(&b, s);
    html_debrief(&b, s);
    html_appendix(&b, s, out);
    kr_buf_puts(&b, "<footer>Gemaakt met kijkronde. Namen van waarnemers staan niet in deze "
                    "samenvatting; notities beschrijven wat leerlingen en leraren doen, "
                    "zonder oordeel.</footer>\n</body>\n</html>\n");
    kr_esc_flush(&b, out, true);
    kr_buf_fini(&b);
}

/* ------------------------------------------------------------------------------------ */
/* Markdown */

static void md_note(struct kr_buf *b, const struct kr_summary *s, size_t i, bool with_visit,
                    bool with_corner)
{
    const struct kr_summary_note *n = &s->notes[i];
    char hhmm[6];
    kr_clock_hhmm(n->o->at, hhmm);
    kr_buf_printf(b, "- **%s**", hhmm);
    if (with_visit) {
        kr_buf_puts(b, " · ");
        kr_esc_md(b, visit_label(s, n->visit));
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
    md_item(&b, "Basisvaardigheid", basis_nl(se->basis));
    md_item(&b, "Kijkpunten", se->kijkpunten);
    md_item(&b, "Netwerk", s->network);
    size_t shown = shown_notes(s);
    kr_buf_printf(&b, "\n%zu %s · %zu %s", s->visits.n,
                  plural(s->visits.n, "klassenbezoek", "klassenbezoeken"), shown,
                  plural(shown, "notitie", "notities"));
    if (s->n_judging && !s->opts.include_judging)
        kr_buf_printf(&b, " · %zu %s met een oordeel niet opgenomen", s->n_judging,
                      plural(s->n_judging, "notitie", "notities"));
    kr_buf_puts(&b, "\n\n## De didactische driehoek\n\n");
    for (enum kr_corner c = KR_CORNER_LEERLING; c <= KR_CORNER_LEERINHOUD; c++)
        kr_buf_printf(&b, "- **%s:** %zu %s (waarvan %zu door kijkronde geplaatst)\n",
                      kr_summary_corner_title(c), s->count[c],
                      plural(s->count[c], "notitie", "notities"), s->count_auto[c]);
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
                          plural(s->count[c], "notitie", "notities"));
            size_t shown_p = 0;
            for (size_t p = 0; p < s->refl.result.n_patterns; p++) {
                const struct kr_summary_pattern *sp = &s->pat[p];
                if (s->refl.result.patterns[p].corner != c || !kr_summary_pattern_shown(s, p))
                    continue;
                shown_p++;
                kr_buf_puts(&b, "#### ");
                kr_esc_md(&b, s->pattern_labels[p]);
                kr_buf_printf(&b, "\n\n*%s* · %zu %s · gezien in ", kr_pattern_kind_str(sp->kind),
                              sp->n_notes, plural(sp->n_notes, "notitie", "notities"));
                pattern_visits(&b, s, sp, kr_esc_md);
                kr_buf_puts(&b, "\n\n");
                for (size_t k = 0; k < sp->n_representatives; k++)
                    md_note(&b, s, sp->representatives[k], true, false);
                kr_buf_puts(&b, "\n");
            }
            size_t single = singles(s, c);
            if (!shown_p && !single)
                kr_buf_puts(&b, "Geen notities in deze hoek.\n\n");
            else if (single)
                kr_buf_printf(&b, "%s%zu %s die op zichzelf %s: zie de bijlage.\n\n",
                              shown_p ? "En " : "", single, plural(single, "notitie", "notities"),
                              plural(single, "staat", "staan"));
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
                              sp->n_notes, plural(sp->n_notes, "notitie", "notities"));
                pattern_visits(&b, s, sp, kr_esc_md);
                kr_buf_puts(&b, "\n");
            }
            kr_buf_puts(&b, n ? "\n" : "- Geen.\n\n");
        }
    }

    md_debrief(&b, s);
    kr_buf_puts(&b, "## Bijlage: alle feitelijke notities per klassenbezoek\n\n");
    for (size_t v = 0; v <= s->visits.n; v++) {
        size_t n = s->visit_shown[v];
        if (v == s->visits.n && n == 0)
            break;
        kr_buf_puts(&b, "### ");
        kr_esc_md(&b, visit_label(s, v));
        kr_buf_puts(&b, "\n\n*");
        if (v < s->visits.n) {
            const struct kr_visit *vi = &s->visits.items[v];
            if (vi->subject) {
                kr_esc_md(&b, vi->subject);
                kr_buf_puts(&b, " · ");
            }
            visit_times(&b, vi);
            kr_buf_puts(&b, vi->started_at ? " · " : "");
        }
        kr_buf_printf(&b, "%zu %s*\n\n", n, plural(n, "notitie", "notities"));
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
                          plural(weg, "notitie", "notities"), plural(weg, "is", "zijn"));
        kr_buf_puts(&b, "\n");
    }
    kr_buf_puts(&b, "\\* De hoek is door kijkronde gekozen; de waarnemer had de notitie niet "
                    "geplaatst.\n\n---\n\nGemaakt met kijkronde. Namen van waarnemers staan niet "
                    "in deze samenvatting.\n");
    kr_esc_flush(&b, out, true);
    kr_buf_fini(&b);
}

/* ------------------------------------------------------------------------------------ */
/* CSV */

void kr_summary_write_csv(const struct kr_summary *s, char sep, FILE *out)
{
    static const char *const head[] = {"id",  "datum", "tijd",    "klas",
                                       "vak", "hoek",  "notitie", "oordeel"};
    struct kr_buf b = {0};
    kr_buf_puts(&b, "\xEF\xBB\xBF"); /* BOM: Excel then reads UTF-8 */
    size_t ncol = s->checked ? 8 : 7;
    for (size_t k = 0; k < ncol; k++) {
        if (k)
            kr_buf_putc(&b, sep);
        kr_esc_csv(&b, head[k]);
    }
    kr_buf_puts(&b, "\r\n");
    for (size_t i = 0; i < s->obs.n; i++) {
        const struct kr_summary_note *n = &s->notes[i];
        const struct kr_observation *o = n->o;
        char date[11] = "", time[9] = "";
        if (o->at && strlen(o->at) >= 19) {
            memcpy(date, o->at, 10);
            memcpy(time, o->at + 11, 8);
        }
        const struct kr_visit *v = n->visit < s->visits.n ? &s->visits.items[n->visit] : NULL;
        kr_esc_csv(&b, o->id);
        kr_buf_putc(&b, sep);
        kr_esc_csv(&b, date);
        kr_buf_putc(&b, sep);
        kr_esc_csv(&b, time);
        kr_buf_putc(&b, sep);
        kr_esc_csv(&b, visit_label(s, n->visit));
        kr_buf_putc(&b, sep);
        kr_esc_csv(&b, v ? v->subject : NULL);
        kr_buf_putc(&b, sep);
        kr_esc_csv(&b, kr_corner_str(o->corner));
        kr_buf_putc(&b, sep);
        kr_esc_csv(&b, n->text);
        if (s->checked) {
            kr_buf_putc(&b, sep);
            kr_esc_csv(&b, n->judging ? "ja" : "nee");
        }
        kr_buf_puts(&b, "\r\n");
        kr_esc_flush(&b, out, false);
        kr_progress_add(s->plan, 1);
    }
    kr_esc_flush(&b, out, true);
    kr_buf_fini(&b);
}
