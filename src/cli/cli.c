/* SPDX-License-Identifier: MIT */
/* Helpers shared by the commands. */
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>

#include "kijkronde/paths.h"

struct kr_app *kr_cli_app(struct kr_cli *cli)
{
    if (cli->app)
        return cli->app;
    struct kr_error err = {0};
    if (!cli->db_path) {
        cli->db_path = kr_paths_db(cli->db_opt, &err);
        if (!cli->db_path) {
            kr_cli_fail(cli, &err);
            return NULL;
        }
    }
    if (kr_app_open(cli->db_path, &cli->app, &err) != KR_OK) {
        kr_cli_fail(cli, &err);
        return NULL;
    }
    return cli->app;
}

int kr_cli_fail(struct kr_cli *cli, const struct kr_error *err)
{
    if (err->file[0] && err->line)
        fprintf(cli->err, "%s:%zu:%zu: %s\n", err->file, err->line, err->col, err->msg);
    else if (err->file[0])
        fprintf(cli->err, "%s: %s\n", err->file, err->msg);
    else
        fprintf(cli->err, "kijkronde: %s\n", err->msg[0] ? err->msg : kr_status_str(err->status));
    return KR_EXIT_USAGE;
}

int kr_cli_usage(struct kr_cli *cli, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("kijkronde: ", cli->err);
    vfprintf(cli->err, fmt, ap);
    fputs(" Zie 'kijkronde --help'.\n", cli->err);
    va_end(ap);
    return KR_EXIT_USAGE;
}

int kr_cli_not_yet(struct kr_cli *cli, const char *what)
{
    fprintf(cli->err, "kijkronde: %s is nog niet beschikbaar in deze versie.\n", what);
    return KR_EXIT_USAGE;
}
