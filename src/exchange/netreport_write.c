/* SPDX-License-Identifier: MIT */
/*
 * Writing a loaded network (netreport.h): the contract's `network --json`, the text for a
 * terminal, Markdown and one self-contained HTML file (its picture: netreport_svg.c). Every
 * text comes from the loader already as it may reach the reader; here it is only made inert
 * for its format. Numbers are integers, so no locale can put a comma in them.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "exchange_internal.h"
#include "kijkronde/json.h"
#include "kijkronde/plural.h"
#include "kijkronde/utf8.h"
#include "netreport.h"

static const char *corner_nl(enum kr_corner c)
{
    return c == KR_CORNER_LEERLING ? "leerling" : c == KR_CORNER_LERAAR ? "leraar" : "leerinhoud";
}

static size_t total_notes(const struct kr_netrep *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n_sessions; i++)
        n += (size_t)r->sessions[i].s.n_observations;
    return n;
}

static size_t n_schools(const struct kr_netrep *r)
{
    return (size_t)r->info.n_schools;
}

/* ---- JSON ---- */

void kr_netrep_write_json(const struct kr_netrep *r, FILE *out)
{
    struct kr_buf b = {0};
    kr_buf_puts(&b, "{\"network\": {\"id\": ");
    kr_json_str_or_null(&b, r->info.id);
    kr_buf_puts(&b, ", \"name\": ");
    kr_json_str_or_null(&b, r->name);
    kr_buf_printf(&b, ", \"schools\": %zu, \"observations\": %zu},\n \"sessions\": [", n_schools(r),
                  total_notes(r));
    for (size_t i = 0; i < r->n_sessions; i++) {
        const struct kr_netrep_session *s = &r->sessions[i];
        kr_buf_puts(&b, i ? ",\n  {\"id\": " : "\n  {\"id\": ");
        kr_json_str_or_null(&b, s->s.id);
        kr_buf_puts(&b, ", \"date\": ");
        kr_json_str_or_null(&b, s->s.date);
        kr_buf_puts(&b, ", \"kind\": ");
        kr_json_str_or_null(&b, s->s.kind);
        kr_buf_puts(&b, ", \"host_school\": ");
        kr_json_str_or_null(&b, s->host);
        kr_buf_puts(&b, ", \"kijkvraag\": ");
        kr_json_str_or_null(&b, s->kijkvraag ? s->kijkvraag : "");
        kr_buf_printf(&b,
                      ", \"observations\": %ld, \"visits\": %ld, \"next_steps\": %ld, "
                      "\"open_steps\": %ld}",
                      s->s.n_observations, s->s.n_visits, s->s.n_steps, s->s.n_open_steps);
    }
    kr_buf_puts(&b, r->n_sessions ? "\n ],\n \"recurring\": [" : "],\n \"recurring\": [");
    for (size_t k = 0; k < r->rec.n; k++) {
        const struct kr_recurring *p = &r->rec.items[k];
        kr_buf_puts(&b, k ? ",\n  {\"id\": " : "\n  {\"id\": ");
        kr_json_str_or_null(&b, p->id);
        kr_buf_puts(&b, ", \"statement\": ");
        kr_json_str_or_null(&b, r->rec_statement[k]);
        kr_buf_printf(&b, ", \"corner\": \"%s\", \"group\": %s, \"sessions\": [",
                      kr_corner_str(p->corner), p->group_statement ? "true" : "false");
        for (size_t i = 0; i < p->n_sessions; i++) {
            kr_buf_puts(&b, i ? ", " : "");
            kr_json_str_or_null(&b, r->sessions[p->sessions[i]].s.id);
        }
        kr_buf_puts(&b, "], \"observations\": [");
        for (size_t i = 0; i < p->n_observations; i++) {
            kr_buf_puts(&b, i ? ", " : "");
            kr_json_str_or_null(&b, p->observations[i]);
        }
        kr_buf_puts(&b, "]}");
        kr_esc_flush(&b, out, false);
    }
    kr_buf_puts(&b, r->rec.n ? "\n ],\n \"next_steps\": [" : "],\n \"next_steps\": [");
    for (size_t k = 0; k < r->n_steps; k++) {
        const struct kr_netrep_step_ref *ref = &r->steps[k];
        const struct kr_next_step *x = &r->sessions[ref->session].steps.items[ref->step];
        kr_buf_puts(&b, k ? ",\n  {\"id\": " : "\n  {\"id\": ");
        kr_json_str_or_null(&b, x->id);
        kr_buf_puts(&b, ", \"session\": ");
        kr_json_str_or_null(&b, r->sessions[ref->session].s.id);
        kr_buf_puts(&b, ", \"text\": ");
        kr_json_str_or_null(&b, x->text);
        kr_buf_printf(&b, ", \"actor\": \"%s\", \"horizon\": \"%s\", \"follow_up\": ",
                      kr_actor_str(x->actor), kr_horizon_str(x->horizon));
        if (x->follow_up_status == KR_FOLLOW_NONE) {
            kr_buf_puts(&b, "null}");
            continue;
        }
        kr_buf_puts(&b, "{\"session\": ");
        kr_json_str_or_null(&b, x->follow_up_session);
        kr_buf_printf(
            &b, ", \"status\": \"%s\", \"text\": ", kr_follow_status_str(x->follow_up_status));
        kr_json_str_or_null(&b, x->follow_up_text);
        kr_buf_puts(&b, "}}");
    }
    kr_buf_puts(&b, r->n_steps ? "\n ]}\n" : "]}\n");
    kr_esc_flush(&b, out, true);
    kr_buf_fini(&b);
}

/* ---- text for a terminal ---- */

/* s made inert for a terminal (no control bytes), appended. */
static void put_inert(struct kr_buf *b, const char *s)
{
    if (!s)
        return;
    char *t = kr_utf8_inert(s, strlen(s), false);
    kr_buf_puts(b, t);
    free(t);
}

/* "B1 (12 maart 2026, De Klimop)" for session i. */
static void session_ref(struct kr_buf *b, const struct kr_netrep *r, size_t i, bool inert)
{
    const struct kr_netrep_session *s = &r->sessions[i];
    kr_buf_printf(b, "%s (", s->code);
    kr_write_date_nl(b, s->s.date);
    if (s->host) {
        kr_buf_puts(b, ", ");
        if (inert)
            put_inert(b, s->host);
        else
            kr_buf_puts(b, s->host);
    }
    kr_buf_puts(b, ")");
}

void kr_netrep_write_text(const struct kr_netrep *r, FILE *out)
{
    struct kr_buf b = {0};
    kr_buf_puts(&b, "Netwerk ");
    put_inert(&b, r->name);
    kr_buf_printf(&b, " (id %.8s)\n", r->info.id);
    kr_buf_printf(&b, "%zu %s, %zu %s, %zu %s\n\n", r->n_sessions,
                  kr_plural((long long)r->n_sessions, "bijeenkomst", "bijeenkomsten"), n_schools(r),
                  kr_plural((long long)n_schools(r), "school", "scholen"), total_notes(r),
                  kr_plural((long long)total_notes(r), "notitie", "notities"));
    kr_buf_puts(&b, "Bijeenkomsten\n");
    if (!r->n_sessions)
        kr_buf_puts(&b, "  (nog geen)\n");
    for (size_t i = 0; i < r->n_sessions; i++) {
        const struct kr_netrep_session *s = &r->sessions[i];
        kr_buf_printf(&b, "  %-3s ", s->code);
        kr_write_date_nl(&b, s->s.date);
        kr_buf_printf(&b, "  %s  ", kr_write_kind_nl(s->s.kind));
        put_inert(&b, s->host ? s->host : "(geen school)");
        kr_buf_printf(&b, "  %ld %s  [%.8s]\n      ", s->s.n_observations,
                      kr_plural(s->s.n_observations, "notitie", "notities"), s->s.id);
        put_inert(&b, s->kijkvraag);
        kr_buf_puts(&b, "\n");
    }
    kr_buf_puts(&b, "\nPatronen die terugkomen\n");
    if (!r->rec.n)
        kr_buf_puts(&b, "  (geen: nog geen patroon is in twee of meer bijeenkomsten gezien)\n");
    for (size_t k = 0; k < r->rec.n; k++) {
        const struct kr_recurring *p = &r->rec.items[k];
        kr_buf_printf(&b, "  %zu. ", k + 1);
        put_inert(&b, r->rec_statement[k]);
        kr_buf_printf(&b, "\n      %s; %zu %s in ", corner_nl(p->corner), p->n_observations,
                      kr_plural((long long)p->n_observations, "notitie", "notities"));
        for (size_t i = 0; i < p->n_sessions; i++)
            kr_buf_printf(&b, "%s%s", i ? ", " : "", r->sessions[p->sessions[i]].code);
        kr_buf_puts(&b, p->group_statement ? " (de woorden van de groep)\n" : "\n");
    }
    kr_buf_puts(&b, "\nVolgende stappen\n");
    if (!r->n_steps)
        kr_buf_puts(&b, "  (nog geen)\n");
    for (size_t k = 0; k < r->n_steps; k++) {
        const struct kr_netrep_step_ref *ref = &r->steps[k];
        const struct kr_next_step *x = &r->sessions[ref->session].steps.items[ref->step];
        kr_buf_printf(&b, "  %-3s ", r->sessions[ref->session].code);
        put_inert(&b, x->text);
        kr_buf_printf(&b, " (%s, %s)\n      ", kr_actor_title(x->actor),
                      kr_horizon_title(x->horizon));
        if (x->follow_up_status == KR_FOLLOW_NONE) {
            kr_buf_puts(&b, "nog niet opgevolgd\n");
            continue;
        }
        kr_buf_printf(&b, "%s", kr_follow_status_title(x->follow_up_status));
        if (ref->follow != SIZE_MAX) {
            kr_buf_puts(&b, " bij ");
            session_ref(&b, r, ref->follow, true);
        }
        if (x->follow_up_text) {
            kr_buf_puts(&b, ": ");
            put_inert(&b, x->follow_up_text);
        }
        kr_buf_puts(&b, "\n");
    }
    fputs(kr_buf_str(&b), out);
    kr_buf_fini(&b);
}

/* ---- Markdown ---- */

/* One example note of member m of recurring pattern p that may be shown: its index, or
 * SIZE_MAX. */
static size_t example_note(const struct kr_netrep *r, const struct kr_recurring_member *m)
{
    const struct kr_netrep_session *s = &r->sessions[m->session];
    const struct kr_pattern *pt = &s->refl.result.patterns[m->pattern];
    for (size_t i = 0; i < pt->n_representatives; i++)
        if (!s->pnotes[pt->representatives[i]].flagged)
            return pt->representatives[i];
    for (size_t i = 0; i < pt->n_notes; i++)
        if (!s->pnotes[pt->notes[i]].flagged)
            return pt->notes[i];
    return SIZE_MAX;
}

/* Text of s made inert for md or html, appended. */
static void esc(struct kr_buf *b, const char *s, bool html)
{
    if (html)
        kr_esc_html(b, s ? s : "");
    else
        kr_esc_md(b, s ? s : "");
}

/* The follow-up of a step in words ("gedaan bij B3 (…): text"). */
static void follow_words(struct kr_buf *b, const struct kr_netrep *r,
                         const struct kr_netrep_step_ref *ref, bool html)
{
    const struct kr_next_step *x = &r->sessions[ref->session].steps.items[ref->step];
    if (x->follow_up_status == KR_FOLLOW_NONE) {
        kr_buf_puts(b, "nog niet opgevolgd");
        return;
    }
    kr_buf_puts(b, kr_follow_status_title(x->follow_up_status));
    if (ref->follow != SIZE_MAX) {
        struct kr_buf t = {0};
        kr_buf_puts(&t, " bij ");
        session_ref(&t, r, ref->follow, false);
        esc(b, kr_buf_str(&t), html);
        kr_buf_fini(&t);
    }
    if (x->follow_up_text) {
        kr_buf_puts(b, ": ");
        esc(b, x->follow_up_text, html);
    }
}

/* The evidence of recurring pattern k: per bijeenkomst one note (as a list item). */
static void evidence(struct kr_buf *b, const struct kr_netrep *r, size_t k, bool html)
{
    const struct kr_recurring *p = &r->rec.items[k];
    size_t last = SIZE_MAX;
    for (size_t m = 0; m < p->n_members; m++) {
        const struct kr_recurring_member *mb = &p->members[m];
        if (mb->session == last)
            continue;
        size_t note = example_note(r, mb);
        if (note == SIZE_MAX)
            continue;
        last = mb->session;
        char *t = kr_netrep_note_text(r, mb->session, note);
        struct kr_buf ref = {0};
        session_ref(&ref, r, mb->session, false);
        kr_buf_puts(b, html ? "<li><span class=\"t\">" : "- ");
        esc(b, kr_buf_str(&ref), html);
        kr_buf_puts(b, html ? "</span> " : ": ");
        esc(b, t, html);
        kr_buf_puts(b, html ? "</li>\n" : "\n");
        kr_buf_fini(&ref);
        free(t);
    }
}

void kr_netrep_write_md(const struct kr_netrep *r, FILE *out)
{
    struct kr_buf b = {0};
    kr_buf_puts(&b, "# Netwerkverslag: ");
    kr_esc_md(&b, r->name);
    kr_buf_printf(&b, "\n\n%zu %s van %zu %s, %zu %s.\n", r->n_sessions,
                  kr_plural((long long)r->n_sessions, "bijeenkomst", "bijeenkomsten"), n_schools(r),
                  kr_plural((long long)n_schools(r), "school", "scholen"), total_notes(r),
                  kr_plural((long long)total_notes(r), "notitie", "notities"));
    kr_buf_puts(&b, "\n## Bijeenkomsten\n\n| | datum | soort | school | kijkvraag | notities |\n"
                    "|---|---|---|---|---|---:|\n");
    for (size_t i = 0; i < r->n_sessions; i++) {
        const struct kr_netrep_session *s = &r->sessions[i];
        kr_buf_printf(&b, "| %s | ", s->code);
        kr_write_date_nl(&b, s->s.date);
        kr_buf_printf(&b, " | %s | ", kr_write_kind_nl(s->s.kind));
        kr_esc_md(&b, s->host ? s->host : "");
        kr_buf_puts(&b, " | ");
        kr_esc_md(&b, s->kijkvraag ? s->kijkvraag : "");
        kr_buf_printf(&b, " | %ld |\n", s->s.n_observations);
    }
    kr_buf_puts(&b, "\n## Patronen die terugkomen\n\n");
    if (!r->rec.n)
        kr_buf_puts(&b, "Nog geen patroon is in twee of meer bijeenkomsten gezien.\n");
    for (size_t k = 0; k < r->rec.n; k++) {
        const struct kr_recurring *p = &r->rec.items[k];
        kr_buf_printf(&b, "### %zu. ", k + 1);
        kr_esc_md(&b, r->rec_statement[k]);
        kr_buf_printf(
            &b, "\n\n%s; %zu %s in %zu bijeenkomsten", corner_nl(p->corner), p->n_observations,
            kr_plural((long long)p->n_observations, "notitie", "notities"), p->n_sessions);
        kr_buf_puts(&b, p->group_statement ? " (de woorden van de groep).\n\n" : ".\n\n");
        evidence(&b, r, k, false);
        kr_buf_puts(&b, "\n");
        kr_esc_flush(&b, out, false);
    }
    kr_buf_puts(&b, "## Volgende stappen en hun opvolging\n\n");
    if (!r->n_steps)
        kr_buf_puts(&b, "Nog geen volgende stappen.\n");
    for (size_t k = 0; k < r->n_steps; k++) {
        const struct kr_netrep_step_ref *ref = &r->steps[k];
        const struct kr_next_step *x = &r->sessions[ref->session].steps.items[ref->step];
        kr_buf_printf(&b, "- **%s** ", r->sessions[ref->session].code);
        kr_esc_md(&b, x->text);
        kr_buf_printf(&b, " (%s, %s). Opvolging: ", kr_actor_title(x->actor),
                      kr_horizon_title(x->horizon));
        follow_words(&b, r, ref, false);
        kr_buf_puts(&b, "\n");
    }
    if (r->n_judging)
        kr_buf_printf(&b, "\n%zu %s met een oordeel %s niet in dit verslag.\n", r->n_judging,
                      kr_plural((long long)r->n_judging, "notitie", "notities"),
                      kr_plural((long long)r->n_judging, "staat", "staan"));
    kr_esc_flush(&b, out, true);
    kr_buf_fini(&b);
}

/* ---- HTML ---- */

static const char NET_STYLE[] =
    "<style>\n"
    ":root{--ink:#1d2b2a;--muted:#5b6b69;--line:#c9d6d4;--soft:#eef4f3;--accent:#2f6f68;"
    "--warm:#a65b1e}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0 auto;max-width:60rem;padding:2rem 1.5rem 3rem;color:var(--ink);"
    "font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',Arial,sans-serif}\n"
    "h1{font-size:1.9rem;line-height:1.2;margin:.2rem 0 .3rem}\n"
    "h2{font-size:1.3rem;margin:2.2rem 0 .8rem;padding-bottom:.25rem;"
    "border-bottom:2px solid var(--accent);color:var(--accent)}\n"
    "h3{font-size:1.05rem;margin:1.2rem 0 .3rem}\n"
    ".kicker{margin:0;color:var(--muted);text-transform:uppercase;letter-spacing:.08em;"
    "font-size:.8rem}\n"
    ".sub{margin:0;color:var(--muted)}\n"
    "figure{margin:1.2rem 0}figcaption{color:var(--muted);font-size:.9rem}\n"
    "svg.netwerk{width:100%;height:auto;font-family:inherit}\n"
    "table{width:100%;border-collapse:collapse;font-size:.92rem}\n"
    "th,td{text-align:left;vertical-align:top;padding:.25rem .4rem;"
    "border-bottom:1px solid var(--line)}\n"
    "td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
    ".meta{margin:0 0 .3rem;color:var(--muted);font-size:.9rem}\n"
    ".t{color:var(--muted)}\n"
    "ul.notes{margin:0;padding-left:1.1rem}ul.notes li{margin:.15rem 0}\n"
    ".status{font-weight:600}.status.gedaan{color:var(--accent)}"
    ".status.niet-gedaan{color:var(--warm)}\n"
    "footer{margin-top:2.5rem;padding-top:.6rem;border-top:1px solid var(--line);"
    "color:var(--muted);font-size:.85rem}\n"
    "@page{size:A4;margin:14mm}\n"
    "@media print{body{max-width:none;padding:0;font-size:9.5pt;line-height:1.35}"
    "h1{font-size:17pt}h2{font-size:12.5pt;margin:1rem 0 .5rem}h2,h3{break-after:avoid}"
    "figure,tr,li{break-inside:avoid}}\n"
    "</style>\n";

void kr_netrep_write_html(const struct kr_netrep *r, FILE *out)
{
    struct kr_buf b = {0};
    kr_buf_puts(&b, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<title>Netwerkverslag ");
    kr_esc_html(&b, r->name);
    kr_buf_printf(&b,
                  "</title>\n%s</head>\n<body>\n<header>\n<p class=\"kicker\">Netwerkverslag"
                  "</p>\n<h1>",
                  NET_STYLE);
    kr_esc_html(&b, r->name);
    kr_buf_printf(&b, "</h1>\n<p class=\"sub\">%zu %s van %zu %s", r->n_sessions,
                  kr_plural((long long)r->n_sessions, "bijeenkomst", "bijeenkomsten"), n_schools(r),
                  kr_plural((long long)n_schools(r), "school", "scholen"));
    if (r->n_sessions) {
        kr_buf_puts(&b, ", ");
        kr_write_date_nl(&b, r->sessions[0].s.date);
        kr_buf_puts(&b, " tot en met ");
        kr_write_date_nl(&b, r->sessions[r->n_sessions - 1].s.date);
    }
    kr_buf_puts(&b, "</p>\n</header>\n");
    kr_esc_flush(&b, out, true);
    fputs("<figure>\n", out);
    kr_netrep_write_svg(r, out);
    fputs("<figcaption>Van links naar rechts de bijeenkomsten; van boven naar beneden de patronen "
          "die terugkomen (een stip: daar gezien, met het aantal notities) en de volgende stappen "
          "(een vierkantje: daar afgesproken; een teken: daar opgevolgd).</figcaption>\n"
          "</figure>\n",
          out);

    kr_buf_puts(&b, "<h2>Bijeenkomsten</h2>\n<table>\n<tr><th></th><th>datum</th><th>soort</th>"
                    "<th>school</th><th>kijkvraag</th><th>notities</th></tr>\n");
    for (size_t i = 0; i < r->n_sessions; i++) {
        const struct kr_netrep_session *s = &r->sessions[i];
        kr_buf_printf(&b, "<tr><td>%s</td><td>", s->code);
        kr_write_date_nl(&b, s->s.date);
        kr_buf_printf(&b, "</td><td>%s</td><td>", kr_write_kind_nl(s->s.kind));
        kr_esc_html(&b, s->host ? s->host : "");
        kr_buf_puts(&b, "</td><td>");
        kr_esc_html(&b, s->kijkvraag ? s->kijkvraag : "");
        kr_buf_printf(&b, "</td><td class=\"n\">%ld</td></tr>\n", s->s.n_observations);
    }
    kr_buf_puts(&b, "</table>\n<h2>Patronen die terugkomen</h2>\n");
    if (!r->rec.n)
        kr_buf_puts(&b, "<p>Nog geen patroon is in twee of meer bijeenkomsten gezien.</p>\n");
    for (size_t k = 0; k < r->rec.n; k++) {
        const struct kr_recurring *p = &r->rec.items[k];
        kr_buf_printf(&b, "<section class=\"pattern\">\n<h3>P%zu. ", k + 1);
        kr_esc_html(&b, r->rec_statement[k]);
        kr_buf_printf(&b,
                      "</h3>\n<p class=\"meta\">%s; %zu %s in %zu bijeenkomsten%s</p>\n"
                      "<ul class=\"notes\">\n",
                      corner_nl(p->corner), p->n_observations,
                      kr_plural((long long)p->n_observations, "notitie", "notities"), p->n_sessions,
                      p->group_statement ? " (de woorden van de groep)" : "");
        evidence(&b, r, k, true);
        kr_buf_puts(&b, "</ul>\n</section>\n");
        kr_esc_flush(&b, out, false);
    }
    kr_buf_puts(&b, "<h2>Volgende stappen en hun opvolging</h2>\n");
    if (!r->n_steps)
        kr_buf_puts(&b, "<p>Nog geen volgende stappen.</p>\n");
    else
        kr_buf_puts(&b, "<table>\n<tr><th></th><th>volgende stap</th><th>wie, wanneer</th>"
                        "<th>opvolging</th></tr>\n");
    for (size_t k = 0; k < r->n_steps; k++) {
        const struct kr_netrep_step_ref *ref = &r->steps[k];
        const struct kr_next_step *x = &r->sessions[ref->session].steps.items[ref->step];
        kr_buf_printf(&b, "<tr><td>%s</td><td>", r->sessions[ref->session].code);
        kr_esc_html(&b, x->text);
        kr_buf_printf(&b, "</td><td>%s, %s</td><td><span class=\"status %s\">",
                      kr_actor_title(x->actor), kr_horizon_title(x->horizon),
                      x->follow_up_status == KR_FOLLOW_NONE
                          ? "open"
                          : kr_follow_status_str(x->follow_up_status));
        follow_words(&b, r, ref, true);
        kr_buf_puts(&b, "</span></td></tr>\n");
    }
    if (r->n_steps)
        kr_buf_puts(&b, "</table>\n");
    kr_buf_puts(&b, "<footer>Gemaakt met kijkronde. Notities met een oordeel en namen van "
                    "personen staan niet in dit verslag");
    if (r->n_judging)
        kr_buf_printf(&b, " (%zu %s met een oordeel weggelaten)", r->n_judging,
                      kr_plural((long long)r->n_judging, "notitie", "notities"));
    kr_buf_puts(&b, ".</footer>\n</body>\n</html>\n");
    kr_esc_flush(&b, out, true);
    kr_buf_fini(&b);
}
