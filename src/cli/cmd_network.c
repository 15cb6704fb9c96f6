/* SPDX-License-Identifier: MIT */
/*
 * `kijkronde network [NETWORK] [--json]`: without NETWORK the list of networks with their
 * counts; with it the network over time (its bijeenkomsten in date order, the patterns that
 * recur across them, every next step with its follow-up), as the contract's JSON or as Dutch
 * text. And `export --network NETWORK --format md|html|json [-o FILE]`, the coordinator's
 * report (src/exchange/netreport*.c, through kijkronde/app.h), reached from `export` in
 * cmd_exchange.c.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kijkronde/json.h"
#include "kijkronde/mem.h"
#include "kijkronde/plural.h"
#include "kijkronde/utf8.h"

static void put_list_json(FILE *out, const struct kr_network_info_list *l)
{
    struct kr_buf b = {0};
    kr_buf_puts(&b, "[");
    for (size_t i = 0; i < l->n; i++) {
        const struct kr_network_info *n = &l->items[i];
        kr_buf_puts(&b, i ? ",\n {\"id\": " : "\n {\"id\": ");
        kr_json_str_or_null(&b, n->id);
        kr_buf_puts(&b, ", \"name\": ");
        kr_json_str_or_null(&b, n->name);
        kr_buf_printf(&b,
                      ", \"sessions\": %ld, \"schools\": %ld, \"observations\": %ld, "
                      "\"open_steps\": %ld, \"first_date\": ",
                      n->n_sessions, n->n_schools, n->n_observations, n->n_open_steps);
        kr_json_str_or_null(&b, n->first_date);
        kr_buf_puts(&b, ", \"last_date\": ");
        kr_json_str_or_null(&b, n->last_date);
        kr_buf_puts(&b, "}");
    }
    kr_buf_puts(&b, l->n ? "\n]\n" : "]\n");
    fputs(kr_buf_str(&b), out);
    kr_buf_fini(&b);
}

static void put_list_text(FILE *out, const struct kr_network_info_list *l)
{
    if (l->n == 0) {
        fputs("Nog geen netwerken. Een bijeenkomst krijgt een netwerk als je het bij 'nieuwe "
              "bijeenkomst' invult, of met een import.\n",
              out);
        return;
    }
    fprintf(out, "%-8s  %-30s  %13s  %7s  %8s  %12s\n", "ID", "NETWERK", "BIJEENKOMSTEN", "SCHOLEN",
            "NOTITIES", "OPEN STAPPEN");
    for (size_t i = 0; i < l->n; i++) {
        const struct kr_network_info *n = &l->items[i];
        char name[160];
        kr_utf8_truncate(name, sizeof name, n->name ? n->name : "-", 30);
        size_t pad = 30 - kr_utf8_width(name, strlen(name));
        fprintf(out, "%-8.8s  %s%*s  %13ld  %7ld  %8ld  %12ld\n", n->id, name, (int)pad, "",
                n->n_sessions, n->n_schools, n->n_observations, n->n_open_steps);
    }
}

int kr_cmd_network(struct kr_cli *cli, int argc, char **argv)
{
    bool json = false;
    const char *ref = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            json = true;
        else if (argv[i][0] == '-' && argv[i][1])
            return kr_cli_usage(cli, "Onbekende optie '%s' bij 'network'.", argv[i]);
        else if (!ref)
            ref = argv[i];
        else
            return kr_cli_usage(cli, "'network' verwacht één netwerk, niet ook '%s'.", argv[i]);
    }
    struct kr_app *app = kr_cli_app(cli);
    if (!app)
        return KR_EXIT_USAGE;
    struct kr_error err = {0};
    if (!ref) {
        struct kr_network_info_list l = {0};
        enum kr_status r = kr_app_networks(app, &l, &err);
        if (r == KR_OK && json)
            put_list_json(cli->out, &l);
        else if (r == KR_OK)
            put_list_text(cli->out, &l);
        kr_network_info_list_fini(&l);
        return r == KR_OK ? KR_EXIT_OK : kr_cli_fail(cli, &err);
    }
    char *id = NULL;
    if (kr_app_network_resolve(app, ref, &id, &err) != KR_OK)
        return kr_cli_fail(cli, &err);
    enum kr_status r = json ? kr_app_network_report(app, id, KR_EXPORT_JSON, NULL, cli->out, &err)
                            : kr_app_network_text(app, id, cli->out, &err);
    free(id);
    return r == KR_OK ? KR_EXIT_OK : kr_cli_fail(cli, &err);
}

int kr_cli_export_network(struct kr_cli *cli, const char *ref, enum kr_export_format fmt,
                          const char *outpath, const struct kr_export_opts *opts)
{
    if (fmt != KR_EXPORT_MD && fmt != KR_EXPORT_HTML && fmt != KR_EXPORT_JSON)
        return kr_cli_usage(cli, "Het netwerkverslag bestaat als md, html of json, niet als %s.",
                            kr_export_format_ext(fmt));
    if (opts->include_judging)
        return kr_cli_usage(cli, "--met-oordelen hoort niet bij een netwerkverslag: notities "
                                 "met een oordeel staan er nooit in.");
    struct kr_app *app = kr_cli_app(cli);
    if (!app)
        return KR_EXIT_USAGE;
    struct kr_error err = {0};
    char *id = NULL;
    if (kr_app_network_resolve(app, ref, &id, &err) != KR_OK)
        return kr_cli_fail(cli, &err);
    bool to_stdout = !outpath || strcmp(outpath, "-") == 0;
    enum kr_status r = to_stdout ? kr_app_network_report(app, id, fmt, opts, cli->out, &err)
                                 : kr_app_network_report_file(app, id, fmt, opts, outpath, &err);
    if (r == KR_OK && !to_stdout)
        fprintf(cli->out, "Netwerkverslag geschreven naar %s\n", outpath);
    free(id);
    return r == KR_OK ? KR_EXIT_OK : kr_cli_fail(cli, &err);
}
