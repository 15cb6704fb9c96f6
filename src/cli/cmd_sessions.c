/* SPDX-License-Identifier: MIT */
/* `kijkronde sessions [--json]`: the bijeenkomsten in the database with their counts. */
#include <string.h>

#include "cli.h"
#include "kijkronde/json.h"
#include "kijkronde/mem.h"
#include "kijkronde/utf8.h"

static void put_json(FILE *out, const struct kr_session_list *l)
{
    struct kr_buf b = {0};
    kr_buf_puts(&b, "[");
    for (size_t i = 0; i < l->n; i++) {
        const struct kr_session *s = &l->items[i];
        kr_buf_puts(&b, i ? ",\n " : "\n ");
        kr_buf_puts(&b, "{\"id\": ");
        kr_json_str_or_null(&b, s->id);
        kr_buf_puts(&b, ", \"date\": ");
        kr_json_str_or_null(&b, s->date);
        kr_buf_puts(&b, ", \"network\": ");
        kr_json_str_or_null(&b, s->network_name);
        kr_buf_puts(&b, ", \"host_school\": ");
        kr_json_str_or_null(&b, s->host_school);
        kr_buf_puts(&b, ", \"basisvaardigheid\": ");
        kr_json_str_or_null(&b, kr_basis_str(s->basis));
        kr_buf_puts(&b, ", \"kijkvraag\": ");
        kr_json_str_or_null(&b, s->kijkvraag_text);
        kr_buf_printf(&b, ", \"visits\": %ld, \"observations\": %ld, \"demo\": %s}", s->n_visits,
                      s->n_observations, s->is_demo ? "true" : "false");
    }
    kr_buf_puts(&b, l->n ? "\n]\n" : "]\n");
    fputs(kr_buf_str(&b), out);
    kr_buf_fini(&b);
}

static void put_text(FILE *out, const struct kr_session_list *l)
{
    if (l->n == 0) {
        fputs("Nog geen bijeenkomsten. Begin met 'kijkronde demo' of open kijkronde om een "
              "bijeenkomst te maken.\n",
              out);
        return;
    }
    fprintf(out, "%-8s  %-10s  %-28s  %7s  %9s\n", "ID", "DATUM", "GASTSCHOOL", "BEZOEKEN",
            "NOTITIES");
    for (size_t i = 0; i < l->n; i++) {
        const struct kr_session *s = &l->items[i];
        char school[128];
        kr_utf8_truncate(school, sizeof school, s->host_school ? s->host_school : "-", 28);
        size_t pad = 28 - kr_utf8_width(school, strlen(school));
        fprintf(out, "%-8.8s  %-10s  %s%*s  %8ld  %9ld%s\n", s->id, s->date, school, (int)pad, "",
                s->n_visits, s->n_observations, s->is_demo ? "  (demo)" : "");
    }
}

int kr_cmd_sessions(struct kr_cli *cli, int argc, char **argv)
{
    int json = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else
            return kr_cli_usage(cli, "Onbekende optie '%s' bij 'sessions'.", argv[i]);
    }
    struct kr_app *app = kr_cli_app(cli);
    if (!app)
        return KR_EXIT_USAGE;
    struct kr_session_list l = {0};
    struct kr_error err = {0};
    if (kr_app_sessions_list(app, &l, &err) != KR_OK) {
        kr_session_list_fini(&l);
        return kr_cli_fail(cli, &err);
    }
    if (json)
        put_json(cli->out, &l);
    else
        put_text(cli->out, &l);
    kr_session_list_fini(&l);
    return KR_EXIT_OK;
}
