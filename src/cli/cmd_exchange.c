/* SPDX-License-Identifier: MIT */
/*
 * `kijkronde export SESSION --format md|html|csv|json [-o FILE]`, `import FILE.json` and
 * `merge OTHER.db`. The work is done by the store (JSON, merge) and by src/exchange/ (the
 * human formats); this file parses arguments, reads files and reports in Dutch.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kijkronde/exchange.h"
#include "kijkronde/mem.h"
#include "kijkronde/plural.h"
#include "kijkronde/store_exchange.h"

int kr_cmd_export(struct kr_cli *cli, int argc, char **argv)
{
    const char *ref = NULL, *format = NULL, *outpath = NULL;
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
    if (!ref)
        return kr_cli_usage(cli, "Welke bijeenkomst? Gebruik 'kijkronde export latest --format "
                                 "html' of een id uit 'kijkronde sessions'.");
    enum kr_export_format fmt;
    if (!format)
        return kr_cli_usage(cli, "Kies een formaat met --format md, html, csv of json.");
    if (!kr_export_format_parse(format, &fmt))
        return kr_cli_usage(cli, "Onbekend formaat '%s'; kies md, html, csv of json.", format);
    if (fmt == KR_EXPORT_JSON && (opts.pseudonymise || opts.include_judging))
        return kr_cli_usage(cli, "--pseudoniem en --met-oordelen horen bij md, html en csv; "
                                 "json bevat altijd alles.");
    struct kr_store *st = kr_cli_store(cli);
    if (!st)
        return KR_EXIT_USAGE;
    struct kr_error err = {0};
    char *id = NULL;
    if (kr_store_session_resolve(st, ref, &id, &err) != KR_OK)
        return kr_cli_fail(cli, &err);
    enum kr_status r;
    if (outpath) {
        r = kr_export_session_file(st, id, fmt, &opts, outpath, &err);
        if (r == KR_OK)
            fprintf(cli->out, "Export geschreven naar %s\n", outpath);
    } else {
        r = kr_export_session(st, id, fmt, &opts, cli->out, &err);
    }
    free(id);
    return r == KR_OK ? KR_EXIT_OK : kr_cli_fail(cli, &err);
}

/* Read a whole file; NULL with err filled when it cannot. */
static char *read_all(const char *path, size_t *len, struct kr_error *err)
{
    FILE *f = fopen(path, "rb");
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
    fclose(f);
    if (bad) {
        kr_buf_fini(&b);
        kr_error_set(err, KR_IO, "Kan '%s' niet lezen; niets geïmporteerd.", path);
        return NULL;
    }
    *len = b.len;
    return kr_buf_steal(&b);
}

static void put_stats(FILE *out, const char *verb, const char *path,
                      const struct kr_exchange_stats *s)
{
    long labels = s->sessions_updated + s->visits_updated + s->tweetallen_updated;
    if (!s->sessions_new && !s->visits_new && !s->observations_new && !s->observations_updated &&
        !s->versions_new && !labels && !s->tweetallen_new && !s->other_changed &&
        !s->debrief_changed) {
        fprintf(out, "%s '%s': alles stond er al; er is niets veranderd.\n", verb, path);
        return;
    }
    fprintf(out,
            "%s '%s': %ld nieuwe %s, %ld %s, %ld nieuwe %s, %ld %s bijgewerkt, "
            "%ld nieuwe %s in de geschiedenis.",
            verb, path, s->sessions_new, kr_plural(s->sessions_new, "bijeenkomst", "bijeenkomsten"),
            s->visits_new, kr_plural(s->visits_new, "nieuw bezoek", "nieuwe bezoeken"),
            s->observations_new, kr_plural(s->observations_new, "notitie", "notities"),
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
}

int kr_cmd_import(struct kr_cli *cli, int argc, char **argv)
{
    if (argc != 2 || argv[1][0] == '-')
        return kr_cli_usage(cli, "Gebruik: kijkronde import BESTAND.json");
    struct kr_error err = {0};
    size_t len = 0;
    char *data = read_all(argv[1], &len, &err);
    if (!data)
        return kr_cli_fail(cli, &err);
    struct kr_store *st = kr_cli_store(cli);
    if (!st) {
        free(data);
        return KR_EXIT_USAGE;
    }
    struct kr_exchange_stats stats;
    enum kr_status r = kr_store_import_json(st, data, len, argv[1], &stats, &err);
    free(data);
    if (r != KR_OK)
        return kr_cli_fail(cli, &err);
    put_stats(cli->out, "Geïmporteerd uit", argv[1], &stats);
    return KR_EXIT_OK;
}

int kr_cmd_merge(struct kr_cli *cli, int argc, char **argv)
{
    if (argc != 2 || argv[1][0] == '-')
        return kr_cli_usage(cli, "Gebruik: kijkronde merge ANDER.db");
    struct kr_store *st = kr_cli_store(cli);
    if (!st)
        return KR_EXIT_USAGE;
    struct kr_error err = {0};
    struct kr_exchange_stats stats;
    if (kr_store_merge(st, argv[1], &stats, &err) != KR_OK)
        return kr_cli_fail(cli, &err);
    put_stats(cli->out, "Samengevoegd uit", argv[1], &stats);
    return KR_EXIT_OK;
}
