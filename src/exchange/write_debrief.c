/* SPDX-License-Identifier: MIT */
/*
 * The Nabespreking section of the Markdown and HTML summaries: the group's notes per debrief
 * phase, each groepje's theory of action (the chosen one marked), the next steps by actor
 * with their horizon and follow-up, and the evidence of each as references into the summary
 * (a judging or deleted note only counted, never shown).
 */
#include <stdio.h>

#include "exchange_internal.h"
#include "kijkronde/clock.h"
#include "kijkronde/utf8.h"

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
            esc(b, kr_write_visit_label(s, s->notes[i].visit));
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
                      hidden, kr_write_plural(hidden, "notitie", "notities"),
                      kr_write_plural(hidden, "staat", "staan"), html ? "</li>\n" : "\n");
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

void kr_write_html_debrief(struct kr_buf *b, const struct kr_summary *s)
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

void kr_write_md_debrief(struct kr_buf *b, const struct kr_summary *s)
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
