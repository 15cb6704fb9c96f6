/* SPDX-License-Identifier: MIT */
/*
 * The Nabespreking section of the Markdown and HTML summaries, in the parts the summary walk
 * (walk.c) calls for: the group's notes per debrief phase, each groepje's theory of action
 * (the chosen one marked), the next steps by actor with their horizon and follow-up, and the
 * evidence of each as references into the summary (a judging or deleted note only counted,
 * never shown).
 */
#include <stdio.h>

#include "exchange_internal.h"
#include "kijkronde/clock.h"
#include "kijkronde/utf8.h"
#include "walk.h"

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
static void html_toa(struct kr_buf *b, const struct kr_summary *s, size_t k)
{
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

static void md_toa(struct kr_buf *b, const struct kr_summary *s, size_t k)
{
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

void kr_write_debrief_toa(struct kr_buf *b, const struct kr_summary *s, size_t k, bool html)
{
    (html ? html_toa : md_toa)(b, s, k);
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

/* Next step k with its horizon, follow-up and evidence. */
void kr_write_debrief_step(struct kr_buf *b, const struct kr_summary *s, size_t k, bool html)
{
    void (*esc)(struct kr_buf *, const char *) = html ? kr_esc_html : kr_esc_md;
    const struct kr_next_step *st = &s->steps.items[k];
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

/* The heading of an actor's steps (begin) or the end of their list. */
void kr_write_debrief_actor(struct kr_buf *b, enum kr_actor a, bool begin, bool html)
{
    if (!begin) {
        kr_buf_puts(b, html ? "</ul>\n" : "\n");
        return;
    }
    kr_buf_puts(b, html ? "<h4>" : "#### ");
    (html ? kr_esc_html : kr_esc_md)(b, kr_actor_title(a));
    kr_buf_puts(b, html ? "</h4>\n<ul class=\"stappen\">\n" : "\n\n");
}

/* A debrief phase the group wrote: its title, its question, the group's text. */
void kr_write_debrief_phase(struct kr_buf *b, const struct kr_summary *s, enum kr_phase p,
                            bool html)
{
    void (*esc)(struct kr_buf *, const char *) = html ? kr_esc_html : kr_esc_md;
    kr_buf_puts(b, html ? "<h3>" : "### ");
    esc(b, kr_phase_title(p));
    kr_buf_puts(b, html ? "</h3>\n<p class=\"meta\">" : "\n\n*");
    esc(b, kr_phase_question(p));
    kr_buf_puts(b, html ? "</p>\n<p class=\"groep\">" : "*\n\n");
    esc(b, s->phases[p]);
    kr_buf_puts(b, html ? "</p>\n" : "\n\n");
}

/* The one theory of action of a summary built without versions. */
static void old_toa(struct kr_buf *b, const struct kr_summary *s, bool html)
{
    void (*esc)(struct kr_buf *, const char *) = html ? kr_esc_html : kr_esc_md;
    const struct kr_theory_of_action *t = &s->toa;
    kr_buf_puts(b, html ? "<h3>Theory of action</h3>\n<p class=\"groep\">"
                        : "### Theory of action\n\n");
    toa_sentence(b, t, esc, html ? "<strong>" : "**", html ? "</strong>" : "**");
    kr_buf_puts(b, html ? "</p>\n" : "\n\n");
    if (t->bewijs && *t->bewijs) {
        kr_buf_puts(b, html ? "<p class=\"groep\">Waar te zien aan: " : "Waar te zien aan: ");
        esc(b, t->bewijs);
        kr_buf_puts(b, html ? "</p>\n" : "\n\n");
    }
}

void kr_write_debrief_section(struct kr_buf *b, const struct kr_summary *s,
                              enum kr_walk_section sec, bool begin, bool html)
{
    switch (sec) {
    case KR_WALK_DEBRIEF:
        if (begin)
            kr_buf_puts(b, html ? "<section>\n<h2>Nabespreking</h2>\n" : "## Nabespreking\n\n");
        else if (html)
            kr_buf_puts(b, "</section>\n");
        break;
    case KR_WALK_TOAS:
        if (begin)
            kr_buf_puts(b, html ? "<h3>Theory of action</h3>\n<div class=\"toas\">\n"
                                : "### Theory of action\n\n");
        else if (html)
            kr_buf_puts(b, "</div>\n");
        break;
    case KR_WALK_STEPS:
        if (begin)
            kr_buf_puts(b, html ? "<h3>Volgende stappen</h3>\n" : "### Volgende stappen\n\n");
        break;
    case KR_WALK_OLD_TOA:
        if (begin)
            old_toa(b, s, html);
        break;
    default:
        break;
    }
}
