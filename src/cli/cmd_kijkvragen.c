/* SPDX-License-Identifier: MIT */
/*
 * `kijkronde kijkvragen`: list the library, check kijkvraag files, and lint a
 * question as a school would type it in the voorgesprek. Everything that comes
 * from a file or an argument is made inert before it reaches the terminal.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kijkronde/json.h"
#include "kijkronde/kijkvraag.h"
#include "kijkronde/mem.h"
#include "kijkronde/utf8.h"

/* Print s (any bytes) without control characters. */
static void put_inert(FILE *out, const char *s, size_t len)
{
    char *t = kr_utf8_inert(s, len, false);
    fputs(t, out);
    free(t);
}

static void put_inert_str(FILE *out, const char *s)
{
    put_inert(out, s, strlen(s));
}

static void json_item(struct kr_buf *b, const struct kr_kijkvraag *k)
{
    kr_buf_puts(b, "{\"id\": ");
    kr_json_str_or_null(b, k->id);
    kr_buf_puts(b, ", \"basisvaardigheid\": ");
    kr_json_str_or_null(b, kr_basis_str(k->basis));
    kr_buf_puts(b, ", \"thema\": ");
    kr_json_str_or_null(b, k->thema);
    kr_buf_puts(b, ", \"vraag\": ");
    kr_json_str_or_null(b, k->vraag);
    kr_buf_puts(b, ", \"toelichting\": ");
    kr_json_str_or_null(b, k->toelichting);
    kr_buf_puts(b, ", \"kijkpunten\": [");
    for (size_t i = 0; i < k->n_kijkpunten; i++) {
        if (i)
            kr_buf_puts(b, ", ");
        kr_json_str_or_null(b, k->kijkpunten[i]);
    }
    kr_buf_puts(b, "], \"hints\": {");
    int n = 0;
    for (int c = 1; c < KR_CORNER_COUNT; c++) {
        if (!k->hints[c])
            continue;
        kr_buf_puts(b, n++ ? ", " : "");
        kr_json_str_or_null(b, kr_corner_str((enum kr_corner)c));
        kr_buf_puts(b, ": ");
        kr_json_str_or_null(b, k->hints[c]);
    }
    kr_buf_puts(b, "}, \"bron\": ");
    kr_json_str_or_null(b, k->bron);
    kr_buf_puts(b, ", \"bestand\": ");
    kr_json_str_or_null(b, k->file);
    kr_buf_printf(b, ", \"ingebouwd\": %s}", k->builtin ? "true" : "false");
}

/* A usage error about an argument, shown inert. Returns 2. */
static int bad_option(struct kr_cli *cli, const char *arg, const char *where)
{
    char *a = kr_utf8_inert(arg, strlen(arg), false);
    int rc = kr_cli_usage(cli, "Onbekende optie '%s' bij '%s'.", a, where);
    free(a);
    return rc;
}

/* Print FILE:LINE:COL: message for err (inert). */
static void put_error(FILE *out, const struct kr_error *e)
{
    put_inert_str(out, e->file);
    if (e->line)
        fprintf(out, ":%zu:%zu", e->line, e->col);
    fputs(": ", out);
    put_inert_str(out, e->msg[0] ? e->msg : kr_status_str(e->status));
    fputc('\n', out);
}

static int cmd_list(struct kr_cli *cli, int argc, char **argv)
{
    bool json = false;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            json = true;
        else
            return bad_option(cli, argv[i], "kijkvragen list");
    }
    struct kr_kijkvraag_list l = {0};
    char *notices = NULL;
    struct kr_error err = {0};
    if (kr_kijkvragen_load(cli->kijkvragen_dir, &l, &notices, &err) != KR_OK) {
        put_error(cli->err, &err); /* names the --kijkvragen directory, made inert */
        return KR_EXIT_USAGE;
    }
    if (notices)
        fputs(notices, cli->err); /* already inert */
    free(notices);
    if (json) {
        struct kr_buf b = {0};
        kr_buf_puts(&b, "[");
        for (size_t i = 0; i < l.n; i++) {
            kr_buf_puts(&b, i ? ",\n " : "\n ");
            json_item(&b, &l.items[i]);
        }
        kr_buf_puts(&b, l.n ? "\n]\n" : "]\n");
        fputs(kr_buf_str(&b), cli->out);
        kr_buf_fini(&b);
    } else {
        size_t idw = 2;
        for (size_t i = 0; i < l.n; i++) {
            size_t w = kr_utf8_width(l.items[i].id, strlen(l.items[i].id));
            idw = w > idw ? w : idw;
        }
        fprintf(cli->out, "%-*s  %-22s  %s\n", (int)idw, "ID", "BASISVAARDIGHEID", "VRAAG");
        for (size_t i = 0; i < l.n; i++) {
            const struct kr_kijkvraag *k = &l.items[i];
            size_t pad = idw - kr_utf8_width(k->id, strlen(k->id));
            put_inert_str(cli->out, k->id);
            fprintf(cli->out, "%*s  %-22s  ", (int)pad, "", kr_basis_str(k->basis));
            put_inert_str(cli->out, k->vraag);
            fputc('\n', cli->out);
        }
        if (l.n == 0)
            fputs("De bibliotheek is leeg.\n", cli->out);
    }
    kr_kijkvraag_list_fini(&l);
    return KR_EXIT_OK;
}

/* Column of byte offset off in the question of k, for FILE:LINE:COL. */
static size_t finding_col(const struct kr_kijkvraag *k, size_t off)
{
    if (!k->vraag_plain)
        return k->vraag_col;
    size_t col = k->vraag_col;
    for (size_t i = 0; i < off;) {
        uint32_t cp;
        i += kr_utf8_decode(k->vraag + i, off - i, &cp);
        col++;
    }
    return col;
}

/* Where check writes its findings: lines FILE:LINE:COL: ..., or a JSON array. */
struct check_out {
    FILE *out;
    bool json;
    size_t n; /* findings written */
};

/* One finding. line 0 means no position (an unreadable file); hint may be NULL. */
static void put_finding(struct check_out *co, const char *file, size_t line, size_t col,
                        const char *kind, const char *message, const char *hint)
{
    if (co->json) {
        struct kr_buf b = {0};
        kr_buf_puts(&b, co->n ? ",\n " : "[\n ");
        kr_buf_puts(&b, "{\"file\": ");
        kr_json_str_or_null(&b, file);
        if (line)
            kr_buf_printf(&b, ", \"line\": %zu, \"col\": %zu", line, col);
        else
            kr_buf_puts(&b, ", \"line\": null, \"col\": null");
        kr_buf_puts(&b, ", \"kind\": ");
        kr_json_str_or_null(&b, kind);
        kr_buf_puts(&b, ", \"message\": ");
        kr_json_str_or_null(&b, message);
        kr_buf_puts(&b, ", \"hint\": ");
        kr_json_str_or_null(&b, hint);
        kr_buf_puts(&b, "}");
        fputs(kr_buf_str(&b), co->out);
        kr_buf_fini(&b);
    } else {
        put_inert_str(co->out, file);
        if (line)
            fprintf(co->out, ":%zu:%zu", line, col);
        fputs(": ", co->out);
        if (hint) { /* a lint finding: its kind first, the tip on the same line */
            fprintf(co->out, "%s: ", kind);
            put_inert_str(co->out, message);
            fputs(" Tip: ", co->out); /* one line per finding, for tools that read it */
            put_inert_str(co->out, hint);
        } else {
            put_inert_str(co->out, message);
        }
        fputc('\n', co->out);
    }
    co->n++;
}

/* A file that is invalid or unreadable: kind "ongeldig" in JSON. */
static void put_check_error(struct check_out *co, const struct kr_error *e)
{
    put_finding(co, e->file, e->line, e->col, "ongeldig",
                e->msg[0] ? e->msg : kr_status_str(e->status), NULL);
}

static int cmd_check(struct kr_cli *cli, int argc, char **argv)
{
    struct check_out co = {.out = cli->out};
    int first = 0;
    for (; first < argc && argv[first][0] == '-' && argv[first][1] == '-'; first++) {
        if (strcmp(argv[first], "--json") == 0) {
            co.json = true;
        } else if (strcmp(argv[first], "--") == 0) {
            first++;
            break;
        } else {
            return bad_option(cli, argv[first], "kijkvragen check");
        }
    }
    if (first == argc)
        return kr_cli_usage(cli, "'kijkvragen check' heeft een of meer bestanden nodig.");
    struct kr_linter *lint = NULL;
    struct kr_error err = {0};
    if (kr_linter_new(&lint, &err) != KR_OK)
        return kr_cli_fail(cli, &err);
    struct kr_lint_list found = {0};
    struct kr_kijkvraag_list seen = {0};
    int rc = KR_EXIT_OK;
    for (int i = first; i < argc; i++) {
        struct kr_kijkvraag k;
        if (kr_kijkvraag_load_file(argv[i], &k, &err) != KR_OK) {
            put_check_error(&co, &err);
            rc = KR_EXIT_USAGE;
            continue;
        }
        const struct kr_kijkvraag *dup = NULL;
        for (size_t j = 0; j < seen.n && !dup; j++)
            if (strcmp(seen.items[j].id, k.id) == 0)
                dup = &seen.items[j];
        if (dup) {
            kr_error_set_at(&err, KR_PARSE, k.file, k.id_line, k.id_col,
                            "id '%s' komt ook voor in %s; elke kijkvraag heeft een eigen id", k.id,
                            dup->file);
            put_check_error(&co, &err);
            rc = KR_EXIT_USAGE;
            kr_kijkvraag_fini(&k);
            continue;
        }
        kr_lint(lint, k.vraag, strlen(k.vraag), &found);
        for (size_t f = 0; f < found.n; f++) {
            const struct kr_lint_finding *x = &found.items[f];
            put_finding(&co, k.file, k.vraag_line, finding_col(&k, x->start), x->kind, x->message,
                        x->hint);
        }
        bool any = found.n > 0;
        /* A kijkpunt is an open prompt about what learners do: report one that is closed,
         * checking or about the teacher (the other kinds fit a short prompt less well). */
        for (size_t p = 0; p < k.n_kijkpunten; p++) {
            kr_lint(lint, k.kijkpunten[p], strlen(k.kijkpunten[p]), &found);
            for (size_t f = 0; f < found.n; f++) {
                const struct kr_lint_finding *x = &found.items[f];
                if (strcmp(x->kind, "gesloten") != 0 && strcmp(x->kind, "toetsend") != 0 &&
                    strcmp(x->kind, "leraargericht") != 0)
                    continue;
                char *msg = kr_xasprintf("Kijkpunt %zu: %s", p + 1, x->message);
                put_finding(&co, k.file, k.kijkpunt_line ? k.kijkpunt_line[p] : k.vraag_line,
                            k.kijkpunt_col ? k.kijkpunt_col[p] : k.vraag_col, x->kind, msg,
                            x->hint);
                free(msg);
                any = true;
            }
        }
        if (any && rc == KR_EXIT_OK)
            rc = KR_EXIT_FINDINGS;
        KR_GROW(seen.items, seen.cap, seen.n + 1);
        seen.items[seen.n++] = k;
    }
    if (co.json)
        fputs(co.n ? "\n]\n" : "[]\n", cli->out);
    kr_kijkvraag_list_fini(&seen);
    kr_lint_list_fini(&found);
    kr_linter_free(lint);
    return rc;
}

/* A question never ends in ".yaml" without a space: the user meant `kijkvragen check`. */
static bool looks_like_yaml_file(const char *q)
{
    size_t n = strlen(q);
    if (strchr(q, ' '))
        return false;
    return (n > 5 && strcmp(q + n - 5, ".yaml") == 0) || (n > 4 && strcmp(q + n - 4, ".yml") == 0);
}

static int cmd_lint(struct kr_cli *cli, int argc, char **argv)
{
    bool json = false;
    int first = 0;
    for (; first < argc && argv[first][0] == '-' && argv[first][1] == '-'; first++) {
        if (strcmp(argv[first], "--json") == 0) {
            json = true;
        } else if (strcmp(argv[first], "--") == 0) {
            first++;
            break;
        } else {
            return bad_option(cli, argv[first], "kijkvragen lint");
        }
    }
    if (first == argc)
        return kr_cli_usage(cli, "'kijkvragen lint' heeft een of meer vragen nodig, elk tussen "
                                 "aanhalingstekens.");
    struct kr_linter *lint = NULL;
    struct kr_error err = {0};
    if (kr_linter_new(&lint, &err) != KR_OK)
        return kr_cli_fail(cli, &err);
    struct kr_lint_list found = {0};
    int rc = KR_EXIT_OK;
    for (int i = first; i < argc; i++) {
        const char *q = argv[i];
        size_t len = strlen(q);
        if (looks_like_yaml_file(q)) {
            char *a = kr_utf8_inert(q, len, false);
            fprintf(cli->err,
                    "kijkronde: let op: '%s' lijkt een bestand; de tekst zelf wordt als vraag "
                    "gecontroleerd. Een bestand met kijkvragen controleer je met "
                    "'kijkronde kijkvragen check BESTAND'.\n",
                    a);
            free(a);
        }
        kr_lint(lint, q, len, &found);
        if (found.n)
            rc = KR_EXIT_FINDINGS;
        if (json) {
            struct kr_buf b = {0};
            kr_buf_puts(&b, "{\"text\": ");
            kr_json_str(&b, q, len);
            kr_buf_puts(&b, ", \"findings\": [");
            for (size_t f = 0; f < found.n; f++) {
                const struct kr_lint_finding *x = &found.items[f];
                kr_buf_printf(&b, "%s{\"start\": %zu, \"end\": %zu, \"match\": ", f ? ", " : "",
                              x->start, x->end);
                kr_json_str(&b, q + x->start, x->end - x->start);
                kr_buf_puts(&b, ", \"kind\": ");
                kr_json_str_or_null(&b, x->kind);
                kr_buf_puts(&b, ", \"message\": ");
                kr_json_str_or_null(&b, x->message);
                kr_buf_puts(&b, ", \"hint\": ");
                kr_json_str_or_null(&b, x->hint);
                kr_buf_puts(&b, "}");
            }
            kr_buf_puts(&b, "]}\n");
            fputs(kr_buf_str(&b), cli->out);
            kr_buf_fini(&b);
            continue;
        }
        fputs("Vraag: ", cli->out);
        put_inert(cli->out, q, len);
        fputc('\n', cli->out);
        if (!found.n)
            fputs("  Geen opmerkingen: de vraag gaat over wat leerlingen doen en is open.\n",
                  cli->out);
        for (size_t f = 0; f < found.n; f++) {
            const struct kr_lint_finding *x = &found.items[f];
            fprintf(cli->out, "  %s: ", x->kind);
            put_inert_str(cli->out, x->message);
            fputs("\n    Tip: ", cli->out);
            put_inert_str(cli->out, x->hint);
            fputc('\n', cli->out);
        }
        if (i + 1 < argc)
            fputc('\n', cli->out);
    }
    kr_lint_list_fini(&found);
    kr_linter_free(lint);
    return rc;
}

int kr_cmd_kijkvragen(struct kr_cli *cli, int argc, char **argv)
{
    if (argc < 2)
        return cmd_list(cli, 0, NULL);
    const char *sub = argv[1];
    if (strcmp(sub, "list") == 0)
        return cmd_list(cli, argc - 2, argv + 2);
    if (strcmp(sub, "--json") == 0)
        return cmd_list(cli, argc - 1, argv + 1);
    if (strcmp(sub, "check") == 0)
        return cmd_check(cli, argc - 2, argv + 2);
    if (strcmp(sub, "lint") == 0)
        return cmd_lint(cli, argc - 2, argv + 2);
    char *s = kr_utf8_inert(sub, strlen(sub), false);
    int rc = kr_cli_usage(cli, "Onbekende opdracht 'kijkvragen %s'; kies list, check of lint.", s);
    free(s);
    return rc;
}
