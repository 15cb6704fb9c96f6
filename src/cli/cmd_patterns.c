/* SPDX-License-Identifier: MIT */
/*
 * `kijkronde patterns SESSION [--json]`: the notes of one bijeenkomst placed in the
 * didactische driehoek and grouped into patterns per corner, with the group's decisions
 * from the reflection applied (src/reflection), and the calibration of the observers'
 * own corners against the group's. The JSON is the contract's plus extra keys; the text
 * is for the group, in Dutch.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kijkronde/json.h"
#include "kijkronde/mem.h"
#include "kijkronde/patterns.h"
#include "kijkronde/plural.h"
#include "kijkronde/reflection.h"
#include "kijkronde/utf8.h"

static void put_calibration_json(struct kr_buf *b, const struct kr_reflection *rf)
{
    struct kr_calibration c;
    kr_reflection_calibration(rf, &c);
    kr_buf_printf(b,
                  ",\n \"calibration\": {\"compared\": %zu, \"differ\": %zu, \"kappa\": %.3f, "
                  "\"observations\": [",
                  c.compared, c.differ, c.kappa);
    for (size_t i = 0; i < c.differ; i++) {
        kr_buf_puts(b, i ? ", " : "");
        kr_json_str_or_null(b, rf->obs.items[c.notes[i]].id);
    }
    kr_buf_puts(b, "], \"explanation\": ");
    kr_json_str_or_null(b, kr_calibration_explained());
    kr_buf_puts(b, "}");
    kr_calibration_fini(&c);
}

static void put_json(FILE *out, const struct kr_reflection *rf)
{
    const char *session_id = rf->session_id;
    const struct kr_observation_list *obs = &rf->obs;
    const struct kr_pattern_result *r = &rf->result;
    struct kr_buf b = {0};
    kr_buf_puts(&b, "{\"session\": ");
    kr_json_str_or_null(&b, session_id);
    kr_buf_puts(&b, ",\n \"assignments\": [");
    for (size_t i = 0; i < r->n_notes; i++) {
        kr_buf_puts(&b, i ? ",\n  " : "\n  ");
        kr_buf_puts(&b, "{\"observation\": ");
        kr_json_str_or_null(&b, obs->items[i].id);
        kr_buf_printf(&b,
                      ", \"corner\": \"%s\", \"source\": \"%s\", \"placed_by\": \"%s\", "
                      "\"confidence\": %.2f}",
                      kr_corner_str(r->corner[i]), r->auto_placed[i] ? "auto" : "observer",
                      kr_reflection_placed_by(rf, i), r->confidence[i]);
    }
    kr_buf_puts(&b, r->n_notes ? "\n ],\n \"corners\": {" : "],\n \"corners\": {");
    for (enum kr_corner k = KR_CORNER_LEERLING; k <= KR_CORNER_LEERINHOUD; k++) {
        kr_buf_printf(&b, "%s\n  \"%s\": {\"count\": %zu, \"patterns\": [",
                      k == KR_CORNER_LEERLING ? "" : ",", kr_corner_str(k), r->count[k]);
        int first = 1;
        for (size_t p = 0; p < r->n_patterns; p++) {
            const struct kr_pattern *pt = &r->patterns[p];
            if (pt->corner != k)
                continue;
            kr_buf_puts(&b, first ? "\n    {\"id\": " : ",\n    {\"id\": ");
            first = 0;
            kr_json_str_or_null(&b, pt->id);
            kr_buf_puts(&b, ", \"label\": ");
            kr_json_str_or_null(&b, pt->label);
            kr_buf_puts(&b, ", \"statement\": ");
            kr_json_str_or_null(&b, pt->statement);
            kr_buf_puts(&b, ", \"extent\": ");
            kr_json_str_or_null(&b, pt->extent);
            kr_buf_puts(&b, ", \"observations\": [");
            for (size_t i = 0; i < pt->n_notes; i++) {
                kr_buf_puts(&b, i ? ", " : "");
                kr_json_str_or_null(&b, obs->items[pt->notes[i]].id);
            }
            kr_buf_puts(&b, "], \"visits\": [");
            for (size_t i = 0; i < pt->n_visits; i++) {
                kr_buf_puts(&b, i ? ", " : "");
                kr_json_str_or_null(&b, pt->visits[i]);
            }
            kr_buf_printf(&b,
                          "], \"kind\": \"%s\", \"flagged\": %s, \"group\": %s, "
                          "\"representatives\": [",
                          kr_pattern_kind_str(pt->kind), pt->flagged ? "true" : "false",
                          pt->group ? "true" : "false");
            for (size_t i = 0; i < pt->n_representatives; i++) {
                kr_buf_puts(&b, i ? ", " : "");
                kr_json_str_or_null(&b, obs->items[pt->representatives[i]].id);
            }
            kr_buf_puts(&b, "]}");
        }
        kr_buf_puts(&b, first ? "]}" : "\n  ]}");
    }
    kr_buf_puts(&b, "\n }");
    put_calibration_json(&b, rf);
    kr_buf_puts(&b, "}\n");
    fputs(kr_buf_str(&b), out);
    kr_buf_fini(&b);
}

static const char *visit_label(const struct kr_visit_list *v, const char *id)
{
    for (size_t i = 0; i < v->n; i++)
        if (strcmp(v->items[i].id, id) == 0)
            return v->items[i].label ? v->items[i].label : "?";
    return "?";
}

static void put_line(FILE *out, const char *indent, const char *s, size_t cols)
{
    char buf[1024];
    kr_utf8_truncate(buf, sizeof buf, s, cols);
    fprintf(out, "%s%s\n", indent, buf);
}

static const char *const corner_title[KR_CORNER_COUNT] = {"", "Leerling", "Leraar", "Leerinhoud"};

static void put_calibration_text(FILE *out, const struct kr_reflection *rf)
{
    struct kr_calibration c;
    kr_reflection_calibration(rf, &c);
    fputs("\nKalibratie\n", out);
    if (c.compared == 0) {
        fputs("  De observatoren hebben zelf geen notities in een hoek geplaatst.\n", out);
    } else {
        char kappa[16];
        snprintf(kappa, sizeof kappa, "%.2f", c.kappa);
        char *comma = strchr(kappa, '.');
        if (comma)
            *comma = ','; /* Dutch decimal comma */
        fprintf(out,
                "  %zu van de %zu %s die de observatoren zelf plaatsten, %s nu in een "
                "andere hoek. Cohens kappa: %s.\n",
                c.differ, c.compared, kr_plural((long long)c.compared, "notitie", "notities"),
                kr_plural((long long)c.differ, "staat", "staan"), kappa);
        put_line(out, "  ", kr_calibration_explained(), 1000);
        for (size_t i = 0; i < c.differ; i++) {
            const struct kr_observation *o = &rf->obs.items[c.notes[i]];
            char *line = kr_xasprintf("- %s -> %s: %s", kr_corner_str(o->corner),
                                      kr_corner_str(rf->result.corner[c.notes[i]]), o->text);
            put_line(out, "    ", line, 110);
            free(line);
        }
    }
    kr_calibration_fini(&c);
}

static void put_text(FILE *out, const struct kr_reflection *rf)
{
    const struct kr_session *s = &rf->session;
    const struct kr_visit_list *visits = &rf->visits;
    const struct kr_observation_list *obs = &rf->obs;
    const struct kr_pattern_result *r = &rf->result;
    char *school = kr_utf8_inert(s->host_school ? s->host_school : "-",
                                 strlen(s->host_school ? s->host_school : "-"), false);
    size_t n_auto = 0;
    for (size_t i = 0; i < r->n_notes; i++)
        n_auto += r->auto_placed[i];
    fprintf(out, "Patronen van de bijeenkomst van %s bij %s: %zu %s uit %zu %s.\n", s->date, school,
            r->n_notes, kr_plural((long long)r->n_notes, "notitie", "notities"), visits->n,
            kr_plural((long long)visits->n, "bezoek", "bezoeken"));
    free(school);
    if (r->n_notes == 0) {
        fputs("Nog geen notities in deze bijeenkomst.\n", out);
        return;
    }
    if (n_auto)
        fprintf(out, "%zu %s zonder hoek %s door kijkronde geplaatst (gemarkeerd met *).\n", n_auto,
                kr_plural((long long)n_auto, "notitie", "notities"),
                kr_plural((long long)n_auto, "is", "zijn"));
    for (enum kr_corner k = KR_CORNER_LEERLING; k <= KR_CORNER_LEERINHOUD; k++) {
        fprintf(out, "\n%s (%zu %s)\n", corner_title[k], r->count[k],
                kr_plural((long long)r->count[k], "notitie", "notities"));
        for (size_t p = 0; p < r->n_patterns; p++) {
            const struct kr_pattern *pt = &r->patterns[p];
            if (pt->corner != k)
                continue;
            char *label = kr_utf8_inert(pt->label, strlen(pt->label), false);
            fprintf(
                out, "  %s: %s (%zu %s, %zu %s)\n",
                pt->flagged ? "Apart gehouden"
                : pt->group ? "Patroon van de groep"
                            : "Patroon",
                label, pt->n_notes, kr_plural((long long)pt->n_notes, "notitie", "notities"),
                pt->n_visits,
                kr_plural((long long)pt->n_visits, "bezoek: verschil", "bezoeken: overeenkomst"));
            free(label);
            if (pt->statement) {
                char *st = kr_utf8_inert(pt->statement, strlen(pt->statement), false);
                char *line =
                    pt->extent ? kr_xasprintf("%s (%s bezoeken)", st, pt->extent) : kr_xstrdup(st);
                put_line(out, "    ", line, 110);
                free(line);
                free(st);
            }
            for (size_t i = 0; i < pt->n_notes; i++) {
                const struct kr_observation *o = &obs->items[pt->notes[i]];
                char hhmm[6] = "";
                if (o->at && strlen(o->at) >= 16) /* YYYY-MM-DDTHH:MM... */
                    memcpy(hhmm, o->at + 11, 5);
                char *line = kr_xasprintf("%s %s [%s] %s", r->auto_placed[pt->notes[i]] ? "*" : "-",
                                          hhmm, visit_label(visits, o->visit_id), o->text);
                put_line(out, "    ", line, 110);
                free(line);
            }
        }
    }
    put_calibration_text(out, rf);
}

int kr_cmd_patterns(struct kr_cli *cli, int argc, char **argv)
{
    int json = 0;
    const char *ref = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else if (argv[i][0] == '-' && argv[i][1] != '\0')
            return kr_cli_usage(cli, "Onbekende optie '%s' bij 'patterns'.", argv[i]);
        else if (!ref)
            ref = argv[i];
        else
            return kr_cli_usage(cli, "'patterns' verwacht één bijeenkomst, niet ook '%s'.",
                                argv[i]);
    }
    if (!ref)
        return kr_cli_usage(cli, "Geef de bijeenkomst op: 'kijkronde patterns latest' of een id.");
    struct kr_app *app = kr_cli_app(cli);
    if (!app)
        return KR_EXIT_USAGE;
    struct kr_error err = {0};
    char *id = NULL;
    struct kr_reflection rf = {0};
    int rc = KR_EXIT_OK;
    /* Notes flagged by the app's checker: the network's own lexicon when it has one; a broken
     * one is reported by 'check', and the patterns then use the built-in lexicon rather than
     * fail (the policy of kijkronde/app.h). */
    if (kr_app_session_resolve(app, ref, &id, &err) != KR_OK ||
        kr_app_reflection_load(app, id, &rf, &err) != KR_OK) {
        rc = kr_cli_fail(cli, &err);
        goto out;
    }
    if (json)
        put_json(cli->out, &rf);
    else
        put_text(cli->out, &rf);
out:
    kr_reflection_fini(&rf);
    free(id);
    return rc;
}
