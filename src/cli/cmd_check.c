/* SPDX-License-Identifier: MIT */
/*
 * `kijkronde check [--json] [--lexicon FILE] TEXT...` and `... -` (one note per stdin
 * line, one answer line per note, flushed per line so a script can talk to it). The
 * judging words are marked in the note, with their kind and a Dutch hint; the JSON is
 * the contract's. Input text is made inert before it reaches the terminal.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kijkronde/check.h"
#include "kijkronde/json.h"
#include "kijkronde/mem.h"
#include "kijkronde/names.h"
#include "kijkronde/utf8.h"

static void put_inert(struct kr_buf *b, const char *s, size_t len)
{
    char *x = kr_utf8_inert(s, len, false);
    kr_buf_puts(b, x);
    free(x);
}

static void json_line(struct kr_buf *b, const char *text, size_t len,
                      const struct kr_finding_list *f)
{
    kr_buf_puts(b, "{\"text\": ");
    kr_json_str(b, text, len);
    kr_buf_puts(b, ", \"findings\": [");
    for (size_t i = 0; i < f->n; i++) {
        const struct kr_finding *k = &f->items[i];
        kr_buf_printf(b, "%s{\"start\": %zu, \"end\": %zu, \"match\": ", i ? ", " : "", k->start,
                      k->end);
        kr_json_str(b, text + k->start, k->end - k->start);
        kr_buf_puts(b, ", \"kind\": ");
        kr_json_str(b, k->kind, strlen(k->kind));
        kr_buf_puts(b, ", \"hint\": ");
        kr_json_str(b, k->hint, strlen(k->hint));
        kr_buf_putc(b, '}');
    }
    kr_buf_puts(b, "]}\n");
}

/* The note with every finding between [ and ]. */
static void marked(struct kr_buf *b, const char *text, size_t len, const struct kr_finding_list *f)
{
    size_t at = 0;
    for (size_t i = 0; i < f->n; i++) {
        put_inert(b, text + at, f->items[i].start - at);
        kr_buf_putc(b, '[');
        put_inert(b, text + f->items[i].start, f->items[i].end - f->items[i].start);
        kr_buf_putc(b, ']');
        at = f->items[i].end;
    }
    put_inert(b, text + at, len - at);
}

/* One line: the marked note and, in brackets, each finding's kind and words. */
static void text_line(struct kr_buf *b, const char *text, size_t len,
                      const struct kr_finding_list *f)
{
    marked(b, text, len, f);
    if (f->n == 0) {
        kr_buf_puts(b, "  (geen oordeel)\n");
        return;
    }
    kr_buf_puts(b, "  (");
    for (size_t i = 0; i < f->n; i++) {
        kr_buf_printf(b, "%s%s: ", i ? "; " : "", f->items[i].kind);
        put_inert(b, text + f->items[i].start, f->items[i].end - f->items[i].start);
    }
    kr_buf_puts(b, ")\n");
}

/* The note marked, then one line per finding with its hint. */
static void text_block(struct kr_buf *b, const char *text, size_t len,
                       const struct kr_finding_list *f)
{
    marked(b, text, len, f);
    kr_buf_putc(b, '\n');
    if (f->n == 0)
        kr_buf_puts(b, "  Geen oordeel gevonden.\n");
    for (size_t i = 0; i < f->n; i++) {
        kr_buf_puts(b, "  [");
        put_inert(b, text + f->items[i].start, f->items[i].end - f->items[i].start);
        kr_buf_printf(b, "] %s: %s\n", f->items[i].kind, f->items[i].hint);
    }
}

static void usage(FILE *out)
{
    fputs("gebruik: kijkronde check [--json] [--lexicon BESTAND] TEKST...\n"
          "         kijkronde check [--json] [--lexicon BESTAND] -  (één notitie per regel)\n"
          "Zoekt woorden die oordelen in plaats van beschrijven. Uitkomst 0: geen oordeel,\n"
          "1: een of meer oordelen gevonden, 2: verkeerd gebruik.\n"
          "Zonder --lexicon worden ook kijkronde/oordeel.yaml in elke map van\n"
          "$XDG_DATA_DIRS en $XDG_DATA_HOME/kijkronde/oordeel.yaml gebruikt als ze\n"
          "bestaan (zie docs/oordeel.md).\n",
          out);
}

int kr_cmd_check(struct kr_cli *cli, int argc, char **argv)
{
    bool json = false, batch = false;
    const char *lexicon = NULL;
    int first = 1;
    for (; first < argc; first++) {
        const char *a = argv[first];
        if (strcmp(a, "--json") == 0) {
            json = true;
        } else if (strcmp(a, "--lexicon") == 0) {
            if (first + 1 >= argc)
                return kr_cli_usage(cli, "--lexicon heeft een bestandsnaam nodig.");
            lexicon = argv[++first];
        } else if (strncmp(a, "--lexicon=", 10) == 0) {
            lexicon = a + 10;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(cli->out);
            return KR_EXIT_OK;
        } else if (strcmp(a, "--") == 0) {
            first++;
            break;
        } else if (a[0] == '-' && a[1] != '\0') {
            return kr_cli_usage(cli, "onbekende optie '%s' bij check.", a);
        } else {
            break;
        }
    }
    if (first >= argc)
        return kr_cli_usage(cli, "check heeft tekst nodig, of '-' om notities van de invoer te "
                                 "lezen.");
    if (argc - first == 1 && strcmp(argv[first], "-") == 0)
        batch = true;

    struct kr_error err = {0};
    struct kr_checker *c = NULL;
    if ((lexicon ? kr_checker_new(lexicon, &c, &err) : kr_checker_new_network(&c, &err)) != KR_OK)
        return kr_cli_fail(cli, &err);
    if (!kr_names_have_wordlist())
        fputs("Let op: de Nederlandse woordenlijst (hunspell-nl) ontbreekt; namen worden alleen "
              "aan hun plaats in de zin herkend.\n",
              stderr);

    struct kr_finding_list f = {0};
    struct kr_buf b = {0};
    bool any = false;
    if (batch) {
        char *line = NULL;
        size_t cap = 0;
        ssize_t got;
        while ((got = getline(&line, &cap, stdin)) >= 0) {
            size_t len = (size_t)got;
            if (len && line[len - 1] == '\n')
                len--;
            if (len && line[len - 1] == '\r')
                len--;
            any |= kr_check(c, line, len, &f) > 0;
            kr_buf_reset(&b);
            if (json)
                json_line(&b, line, len, &f);
            else
                text_line(&b, line, len, &f);
            fwrite(b.data, 1, b.len, cli->out);
            fflush(cli->out);
        }
        free(line);
    } else {
        for (int i = first; i < argc; i++) {
            size_t len = strlen(argv[i]);
            any |= kr_check(c, argv[i], len, &f) > 0;
            kr_buf_reset(&b);
            if (json)
                json_line(&b, argv[i], len, &f);
            else
                text_block(&b, argv[i], len, &f);
            fwrite(b.data, 1, b.len, cli->out);
        }
    }
    kr_buf_fini(&b);
    kr_finding_list_fini(&f);
    kr_checker_free(c);
    return any ? KR_EXIT_FINDINGS : KR_EXIT_OK;
}
