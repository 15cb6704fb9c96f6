/* SPDX-License-Identifier: MIT */
/*
 * `kijkronde export SESSION --format md|html|csv|json|xlsx [-o FILE|-]`, `import FILE.json|-`
 * and `merge OTHER.db` (the last two also with --json). The work is done through the application
 * layer (kijkronde/app.h: the store's JSON and merge, src/exchange/'s human formats); this file
 * parses arguments, reads files and reports in Dutch.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "kijkronde/exchange.h"
#include "kijkronde/json.h"
#include "kijkronde/mem.h"
#include "kijkronde/plural.h"
#include "progress.h"

int kr_cmd_export(struct kr_cli *cli, int argc, char **argv)
{
    const char *ref = NULL, *format = NULL, *outpath = NULL, *network = NULL;
    struct kr_export_opts opts = {.sep = ';'};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if ((strcmp(a, "--format") == 0 || strcmp(a, "-f") == 0) && i + 1 < argc) {
            format = argv[++i];
        } else if (strncmp(a, "--format=", 9) == 0) {
            format = a + 9;
        } else if (strcmp(a, "-o") == 0 && i + 1 < argc) {
            outpath = argv[++i];
        } else if (strcmp(a, "--sep") == 0 && i + 1 < argc) {
            const char *sep = argv[++i];
            if (strcmp(sep, "tab") == 0 || strcmp(sep, "\\t") == 0)
                sep = "\t";
            if (strlen(sep) != 1 || strchr("\"\r\n", sep[0]))
                return kr_cli_usage(cli,
                                    "--sep verwacht één teken, bijvoorbeeld ';' of ',' of 'tab', "
                                    "niet '%s'.",
                                    argv[i]);
            opts.sep = sep[0];
        } else if (strcmp(a, "--network") == 0 && i + 1 < argc) {
            network = argv[++i];
        } else if (strcmp(a, "--pseudoniem") == 0) {
            opts.pseudonymise = true;
        } else if (strcmp(a, "--met-oordelen") == 0) {
            opts.include_judging = true;
        } else if (a[0] == '-' && a[1]) {
            return kr_cli_usage(cli, "Onbekende optie '%s' bij 'export'.", a);
        } else if (!ref) {
            ref = a;
        } else {
            return kr_cli_usage(cli, "'export' verwacht één bijeenkomst, niet ook '%s'.", a);
        }
    }
    if (network && ref)
        return kr_cli_usage(cli, "Geef een bijeenkomst of --network NETWERK, niet allebei.");
    if (network && !format)
        return kr_cli_usage(cli, "Kies een formaat met --format md, html of json.");
    enum kr_export_format fmt;
    if (network && !kr_export_format_parse(format, &fmt))
        return kr_cli_usage(cli, "Onbekend formaat '%s'; kies md, html of json.", format);
    if (network)
        return kr_cli_export_network(cli, network, fmt, outpath, &opts);
    if (!ref)
        return kr_cli_usage(cli, "Welke bijeenkomst? Gebruik 'kijkronde export latest --format "
                                 "html' of een id uit 'kijkronde sessions'.");
    if (!format)
        return kr_cli_usage(cli, "Kies een formaat met --format md, html, csv, json of xlsx.");
    if (!kr_export_format_parse(format, &fmt))
        return kr_cli_usage(cli, "Onbekend formaat '%s'; kies md, html, csv, json of xlsx.",
                            format);
    bool to_stdout = !outpath || strcmp(outpath, "-") == 0;
    if (fmt == KR_EXPORT_XLSX && to_stdout && isatty(fileno(cli->out)))
        return kr_cli_usage(cli, "Een xlsx-bestand is niet leesbaar op het scherm; schrijf het "
                                 "met -o BESTAND.xlsx of stuur de uitvoer naar een bestand.");
    if (fmt == KR_EXPORT_JSON && (opts.pseudonymise || opts.include_judging))
        return kr_cli_usage(cli, "--pseudoniem hoort bij md, html, csv en xlsx, --met-oordelen "
                                 "bij md en html; json bevat altijd alles.");
    struct kr_app *app = kr_cli_app(cli);
    if (!app)
        return KR_EXIT_USAGE;
    struct kr_error err = {0};
    char *id = NULL;
    if (kr_app_session_resolve(app, ref, &id, &err) != KR_OK)
        return kr_cli_fail(cli, &err);
    enum kr_status r;
    struct kr_cli_progress progress;
    kr_cli_progress_init(&progress, cli->err);
    opts.progress = &progress.cb;
    if (!to_stdout)
        r = kr_app_export_file(app, id, fmt, &opts, outpath, &err);
    else
        r = kr_app_export(app, id, fmt, &opts, cli->out, &err);
    kr_cli_progress_fini(&progress);
    if (r == KR_OK && !to_stdout)
        fprintf(cli->out, "Export geschreven naar %s\n", outpath);
    free(id);
    return r == KR_OK ? KR_EXIT_OK : kr_cli_fail(cli, &err);
}

/* The name of the input in messages: the file, or "standaardinvoer" for "-". */
static const char *input_name(const char *path)
{
    return strcmp(path, "-") == 0 ? "standaardinvoer" : path;
}

/* Read a whole file, or standard input for "-"; NULL with err filled when it cannot. */
static char *read_all(const char *path, size_t *len, struct kr_error *err)
{
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        kr_error_set(err, KR_IO, "Kan '%s' niet openen: %s; niets geïmporteerd.", path,
                     kr_strerror(errno));
        return NULL;
    }
    struct kr_buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        kr_buf_append(&b, chunk, n);
    int bad = ferror(f);
    int saved = errno;
    if (!is_stdin)
        fclose(f);
    if (bad) {
        kr_buf_fini(&b);
        if (is_stdin)
            kr_error_set(err, KR_IO, "Kan de standaardinvoer niet lezen: %s; niets geïmporteerd.",
                         kr_strerror(saved));
        else
            kr_error_set(err, KR_IO, "Kan '%s' niet lezen; niets geïmporteerd.", path);
        return NULL;
    }
    *len = b.len;
    return kr_buf_steal(&b);
}

static bool stats_empty(const struct kr_exchange_stats *s)
{
    return !s->sessions_new && !s->visits_new && !s->observations_new && !s->observations_updated &&
           !s->versions_new && !s->sessions_updated && !s->visits_updated &&
           !s->tweetallen_updated && !s->tweetallen_new && !s->other_changed && !s->debrief_changed;
}

static void put_stats(FILE *out, const char *verb, const char *path,
                      const struct kr_exchange_stats *s)
{
    char *from =
        strcmp(path, "-") == 0 ? kr_xstrdup("de standaardinvoer") : kr_xasprintf("'%s'", path);
    if (stats_empty(s)) {
        fprintf(out, "%s %s: alles stond er al; er is niets veranderd.\n", verb, from);
        free(from);
        return;
    }
    long labels = s->sessions_updated + s->visits_updated + s->tweetallen_updated;
    /* a deleted note travels with its history, but is no note the school sees */
    char deleted[64] = "";
    if (s->observations_new_deleted > 0)
        snprintf(deleted, sizeof deleted, " (waarvan %ld verwijderd)", s->observations_new_deleted);
    fprintf(out,
            "%s %s: %ld nieuwe %s, %ld %s, %ld nieuwe %s%s, %ld %s bijgewerkt, "
            "%ld nieuwe %s in de geschiedenis.",
            verb, from, s->sessions_new, kr_plural(s->sessions_new, "bijeenkomst", "bijeenkomsten"),
            s->visits_new, kr_plural(s->visits_new, "nieuw bezoek", "nieuwe bezoeken"),
            s->observations_new, kr_plural(s->observations_new, "notitie", "notities"), deleted,
            s->observations_updated, kr_plural(s->observations_updated, "notitie", "notities"),
            s->versions_new, kr_plural(s->versions_new, "versie", "versies"));
    /* What changed besides the notes: a renamed bezoek, tweetal or bijeenkomst is a change. */
    if (labels)
        fprintf(out, " Bijgewerkt (naam of gegevens): %ld %s, %ld %s, %ld %s.", s->sessions_updated,
                kr_plural(s->sessions_updated, "bijeenkomst", "bijeenkomsten"), s->visits_updated,
                kr_plural(s->visits_updated, "bezoek", "bezoeken"), s->tweetallen_updated,
                kr_plural(s->tweetallen_updated, "tweetal", "tweetallen"));
    if (s->tweetallen_new || s->other_changed)
        fprintf(
            out, " Verder %ld %s en %ld %s (netwerk, deelnemers, nabespreking).", s->tweetallen_new,
            kr_plural(s->tweetallen_new, "nieuw tweetal", "nieuwe tweetallen"), s->other_changed,
            kr_plural(s->other_changed, "andere wijziging", "andere wijzigingen"));
    if (s->debrief_changed)
        fprintf(out, " Theory of action en volgende stappen: %ld %s nieuw of bijgewerkt.",
                s->debrief_changed, kr_plural(s->debrief_changed, "onderdeel", "onderdelen"));
    fputc('\n', out);
    free(from);
}

/* The result as one JSON object on one line (import --json, merge --json). */
static void put_stats_json(FILE *out, const char *path, const struct kr_exchange_stats *s)
{
    struct kr_buf b = {0};
    kr_buf_puts(&b, "{\"file\": ");
    kr_json_str_or_null(&b, path);
    kr_buf_printf(&b,
                  ", \"changed\": %s, \"added\": {\"sessions\": %ld, \"visits\": %ld, "
                  "\"observations\": %ld, \"versions\": %ld, \"tweetallen\": %ld}, "
                  "\"updated\": {\"observations\": %ld, \"sessions\": %ld, \"visits\": %ld, "
                  "\"tweetallen\": %ld}, \"other_changed\": %ld, \"debrief_changed\": %ld}\n",
                  stats_empty(s) ? "false" : "true", s->sessions_new, s->visits_new,
                  s->observations_new, s->versions_new, s->tweetallen_new, s->observations_updated,
                  s->sessions_updated, s->visits_updated, s->tweetallen_updated, s->other_changed,
                  s->debrief_changed);
    fputs(kr_buf_str(&b), out);
    kr_buf_fini(&b);
}

/* Parse "[--json] [--] ARG" for import and merge: *arg gets ARG ("-" allowed when
 * dash_ok). Returns -1 when fine, else the exit code of the usage error. */
static int one_arg(struct kr_cli *cli, int argc, char **argv, bool dash_ok, const char *usage,
                   bool *json, const char **arg)
{
    *arg = NULL;
    bool opts = true;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (opts && strcmp(a, "--") == 0) {
            opts = false;
        } else if (opts && strcmp(a, "--json") == 0) {
            *json = true;
        } else if (opts && a[0] == '-' && a[1]) {
            return kr_cli_usage(cli, "Onbekende optie '%s' bij '%s'. %s", a, argv[0], usage);
        } else if (!*arg && (dash_ok || strcmp(a, "-") != 0)) {
            *arg = a;
        } else {
            return kr_cli_usage(cli, "%s", usage);
        }
    }
    return *arg ? -1 : kr_cli_usage(cli, "%s", usage);
}

int kr_cmd_import(struct kr_cli *cli, int argc, char **argv)
{
    bool json = false;
    const char *path;
    int rc = one_arg(cli, argc, argv, true, "Gebruik: kijkronde import [--json] BESTAND.json|-",
                     &json, &path);
    if (rc >= 0)
        return rc;
    struct kr_error err = {0};
    size_t len = 0;
    if (strcmp(path, "-") == 0 && isatty(STDIN_FILENO))
        fputs("kijkronde: lees kijkronde/1-JSON van de standaardinvoer; sluit af met Ctrl-D.\n",
              cli->err);
    char *data = read_all(path, &len, &err);
    if (!data)
        return kr_cli_fail(cli, &err);
    struct kr_app *app = kr_cli_app(cli);
    if (!app) {
        free(data);
        return KR_EXIT_USAGE;
    }
    struct kr_exchange_stats stats;
    struct kr_cli_progress progress;
    kr_cli_progress_init(&progress, cli->err);
    enum kr_status r =
        kr_app_import_json(app, data, len, input_name(path), &progress.cb, &stats, &err);
    kr_cli_progress_fini(&progress);
    free(data);
    if (r != KR_OK)
        return kr_cli_fail(cli, &err);
    if (json)
        put_stats_json(cli->out, path, &stats);
    else
        put_stats(cli->out, "Geïmporteerd uit", path, &stats);
    return KR_EXIT_OK;
}

int kr_cmd_merge(struct kr_cli *cli, int argc, char **argv)
{
    bool json = false;
    const char *path;
    int rc =
        one_arg(cli, argc, argv, false, "Gebruik: kijkronde merge [--json] ANDER.db", &json, &path);
    if (rc >= 0)
        return rc;
    struct kr_app *app = kr_cli_app(cli);
    if (!app)
        return KR_EXIT_USAGE;
    struct kr_error err = {0};
    struct kr_exchange_stats stats;
    struct kr_cli_progress progress;
    kr_cli_progress_init(&progress, cli->err);
    enum kr_status r = kr_app_merge(app, path, &progress.cb, &stats, &err);
    kr_cli_progress_fini(&progress);
    if (r != KR_OK)
        return kr_cli_fail(cli, &err);
    if (json)
        put_stats_json(cli->out, path, &stats);
    else
        put_stats(cli->out, "Samengevoegd uit", path, &stats);
    return KR_EXIT_OK;
}
