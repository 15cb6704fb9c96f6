/* SPDX-License-Identifier: MIT */
/*
 * `kijkronde sync [--json] [--stil] [--bijeenkomst BIJEENKOMST] DIR`: exchange every change with
 * the other laptops through the shared folder DIR (src/store/sync.c does the work, reached
 * through kijkronde/app.h); with --bijeenkomst also remember DIR as that bijeenkomst's sync
 * folder, so the TUI syncs it in the background while the bijeenkomst is open;
 * `sync --bijeenkomst BIJEENKOMST --geen` forgets it (the TUI stops syncing it; the folder and
 * the database stay as they are). Reports in Dutch; a damaged file of another laptop is named
 * on stderr and skipped, the rest goes on (exit 0); an unusable DIR exits 2.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kijkronde/json.h"
#include "kijkronde/plural.h"

static void on_problem(void *ctx, const char *path, const char *why)
{
    struct kr_cli *cli = ctx;
    fprintf(cli->err, "kijkronde: %s is beschadigd (%s); overgeslagen, de rest gaat door.\n", path,
            why);
}

/* `sync --bijeenkomst B --geen`: the bijeenkomst has no sync folder any more. */
static int clear_folder(struct kr_cli *cli, const char *session_ref, const char *dir, bool quiet)
{
    if (!session_ref)
        return kr_cli_usage(cli, "'--geen' hoort bij een bijeenkomst: gebruik 'kijkronde sync "
                                 "--bijeenkomst BIJEENKOMST --geen'.");
    if (dir)
        return kr_cli_usage(cli, "'--geen' haalt de sync-map weg; geef dan geen map ('%s').", dir);
    struct kr_error err = {0};
    struct kr_app *app = kr_cli_app(cli);
    if (!app)
        return KR_EXIT_USAGE;
    char *session_id = NULL, *old = NULL;
    enum kr_status r = kr_app_session_resolve(app, session_ref, &session_id, &err);
    if (r == KR_OK)
        r = kr_app_sync_folder(app, session_id, &old, &err);
    if (r == KR_OK && old)
        r = kr_app_sync_folder_set(app, session_id, NULL, NULL, &err);
    free(session_id);
    if (r != KR_OK) {
        free(old);
        return kr_cli_fail(cli, &err);
    }
    if (!quiet) {
        if (old)
            fprintf(cli->out,
                    "Deze bijeenkomst synchroniseert niet meer vanzelf met %s; de map en de "
                    "notities blijven zoals ze zijn.\n",
                    old);
        else
            fputs("Deze bijeenkomst had geen sync-map.\n", cli->out);
    }
    free(old);
    return KR_EXIT_OK;
}

int kr_cmd_sync(struct kr_cli *cli, int argc, char **argv)
{
    bool json = false, quiet = false, opts = true, none = false;
    const char *dir = NULL, *session_ref = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (opts && strcmp(a, "--") == 0)
            opts = false;
        else if (opts && strcmp(a, "--json") == 0)
            json = true;
        else if (opts && strcmp(a, "--stil") == 0)
            quiet = true;
        else if (opts && strcmp(a, "--geen") == 0)
            none = true;
        else if (opts && strcmp(a, "--bijeenkomst") == 0 && i + 1 < argc)
            session_ref = argv[++i];
        else if (opts && strncmp(a, "--bijeenkomst=", 14) == 0)
            session_ref = a + 14;
        else if (opts && a[0] == '-' && a[1])
            return kr_cli_usage(cli, "Onbekende optie '%s' bij 'sync'.", a);
        else if (!dir)
            dir = a;
        else
            return kr_cli_usage(cli, "'sync' verwacht één map, niet ook '%s'.", a);
    }
    if (none)
        return clear_folder(cli, session_ref, dir, quiet);
    if (!dir)
        return kr_cli_usage(cli, "Welke map? Gebruik 'kijkronde sync MAP', bijvoorbeeld de map "
                                 "die Syncthing deelt.");
    struct kr_error err = {0};
    /* The folder first: a typo is named before a database is made. */
    if (kr_app_sync_dir_usable(dir, &err) != KR_OK)
        return kr_cli_fail(cli, &err);
    struct kr_app *app = kr_cli_app(cli);
    if (!app)
        return KR_EXIT_USAGE;
    char *session_id = NULL;
    if (session_ref && kr_app_session_resolve(app, session_ref, &session_id, &err) != KR_OK)
        return kr_cli_fail(cli, &err);
    struct kr_sync_stats s;
    if (kr_app_sync(app, dir, &s, on_problem, cli, &err) != KR_OK) {
        free(session_id);
        return kr_cli_fail(cli, &err);
    }
    if (session_id) {
        char abs[PATH_MAX];
        enum kr_status r =
            realpath(dir, abs)
                ? kr_app_sync_folder_set(app, session_id, abs, NULL, &err)
                : kr_error_set(&err, KR_INVALID, "De map '%s' is niet bruikbaar voor sync.", dir);
        free(session_id);
        if (r != KR_OK)
            return kr_cli_fail(cli, &err);
        if (!quiet && !json)
            fprintf(cli->out,
                    "Het scherm van kijkronde synchroniseert deze bijeenkomst nu vanzelf met "
                    "%s.\n",
                    abs);
    }
    if (json) {
        struct kr_buf b = {0};
        kr_buf_puts(&b, "{\"dir\": ");
        kr_json_str(&b, dir, strlen(dir));
        kr_buf_printf(&b,
                      ", \"sent\": %ld, \"chunks\": %ld, \"received\": %ld, \"waiting\": %ld,"
                      " \"corrupt\": %ld, \"laptops\": %ld}\n",
                      s.sent, s.chunks, s.received, s.waiting, s.corrupt, s.laptops);
        fputs(kr_buf_str(&b), cli->out);
        kr_buf_fini(&b);
    } else if (!quiet) {
        fprintf(cli->out,
                "Gesynchroniseerd met %s: %ld %s verstuurd, %ld %s van andere laptops "
                "toegepast (%ld %s); %ld %s.\n",
                dir, s.sent, kr_plural(s.sent, "wijziging", "wijzigingen"), s.chunks,
                kr_plural(s.chunks, "bestand", "bestanden"), s.received,
                kr_plural(s.received, "wijziging", "wijzigingen"), s.laptops,
                kr_plural(s.laptops, "laptop", "laptops"));
        if (s.waiting)
            fprintf(cli->out,
                    "%ld %s nog niet helemaal aangekomen; die volgen bij de volgende "
                    "sync.\n",
                    s.waiting, kr_plural(s.waiting, "bestand is", "bestanden zijn"));
    }
    return KR_EXIT_OK;
}
