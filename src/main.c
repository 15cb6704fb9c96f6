/* SPDX-License-Identifier: MIT */
/*
 * kijkronde: global options, command dispatch and exit codes. Everything else
 * lives in the modules; this file only wires them together.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#ifndef KR_VERSION
#define KR_VERSION "0.1.0"
#endif

static const char USAGE[] =
    "Gebruik: kijkronde [--db BESTAND] [--no-color] [--kijkvragen MAP] [OPDRACHT [ARGUMENTEN]]\n"
    "\n"
    "kijkronde helpt tweetallen bij een schoolbezoek in een begeleid leernetwerk: kijken\n"
    "zonder oordeel, met één kijkvraag, en daarna samen patronen zoeken in de didactische\n"
    "driehoek (leerinhoud, leraar, leerling).\n"
    "\n"
    "Zonder opdracht opent kijkronde het scherm op de database.\n"
    "\n"
    "Opdrachten:\n"
    "  demo [--no-tui]                  vult de database met een voorbeeldbijeenkomst en opent "
    "die\n"
    "  sessions [--json]                de bijeenkomsten met het aantal notities\n"
    "  kijkvragen [list [--json]]       de bibliotheek met kijkvragen\n"
    "  kijkvragen check BESTAND...      controleert kijkvraag-bestanden (YAML)\n"
    "  kijkvragen lint [--json] VRAAG...  geeft tips om een kijkvraag te verbeteren\n"
    "  check [--json] TEKST... | -      zoekt oordelen in notities (met -: één per regel)\n"
    "  patterns BIJEENKOMST [--json]    patronen per hoek van de didactische driehoek\n"
    "  export BIJEENKOMST --format md|html|csv|json [-o BESTAND]\n"
    "  import BESTAND.json              voegt een kijkronde/1-bestand toe\n"
    "  merge ANDER.db                   voegt de database van een ander tweetal toe\n"
    "\n"
    "BIJEENKOMST is een id, een uniek begin van een id, of 'latest'.\n"
    "\n"
    "Opties:\n"
    "  --db BESTAND      de database (anders $KIJKRONDE_DB, anders\n"
    "                    $XDG_DATA_HOME/kijkronde/kijkronde.db)\n"
    "  --no-color        geen kleuren (ook met NO_COLOR=1)\n"
    "  --kijkvragen MAP  extra kijkvragen van het netwerk\n"
    "  -h, --help        deze hulp\n"
    "  -V, --version     de versie\n";

struct command {
    const char *name;
    kr_cmd_fn fn;
};

static const struct command commands[] = {
    {"demo", kr_cmd_demo},     {"sessions", kr_cmd_sessions}, {"kijkvragen", kr_cmd_kijkvragen},
    {"check", kr_cmd_check},   {"patterns", kr_cmd_patterns}, {"export", kr_cmd_export},
    {"import", kr_cmd_import}, {"merge", kr_cmd_merge},
};

/* Take the value of an option given as "--opt VALUE" or "--opt=VALUE". */
static int option_value(const char *name, int argc, char **argv, int *i, const char **out)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n) != 0)
        return 0;
    if (argv[*i][n] == '=') {
        *out = argv[*i] + n + 1;
        return 1;
    }
    if (argv[*i][n] != '\0')
        return 0;
    if (*i + 1 >= argc) {
        *out = NULL;
        return 1;
    }
    *out = argv[++*i];
    return 1;
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    struct kr_cli cli = {.out = stdout, .err = stderr};
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        const char *v;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(USAGE, stdout);
            return KR_EXIT_OK;
        } else if (strcmp(argv[i], "--version") == 0 || strcmp(argv[i], "-V") == 0) {
            printf("kijkronde %s\n"
                   "Copyright (c) 2026 de makers van kijkronde\n"
                   "Licentie: MIT; zie LICENSE.\n",
                   KR_VERSION);
            return KR_EXIT_OK;
        } else if (strcmp(argv[i], "--no-color") == 0) {
            cli.no_color = true;
        } else if (option_value("--db", argc, argv, &i, &v)) {
            if (!v || !*v)
                return kr_cli_usage(&cli, "--db heeft een bestandsnaam nodig.");
            cli.db_opt = v;
        } else if (option_value("--kijkvragen", argc, argv, &i, &v)) {
            if (!v || !*v)
                return kr_cli_usage(&cli, "--kijkvragen heeft een map nodig.");
            cli.kijkvragen_dir = v;
        } else {
            return kr_cli_usage(&cli, "Onbekende optie '%s'.", argv[i]);
        }
    }
    int rc;
    if (i == argc) {
        rc = kr_cmd_tui(&cli, 0, NULL);
    } else {
        const struct command *cmd = NULL;
        for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++)
            if (strcmp(argv[i], commands[c].name) == 0)
                cmd = &commands[c];
        if (!cmd)
            rc = kr_cli_usage(&cli, "Onbekende opdracht '%s'.", argv[i]);
        else
            rc = cmd->fn(&cli, argc - i, argv + i);
    }
    kr_store_close(cli.store);
    free(cli.db_path);
    if (fflush(stdout) != 0 && rc == KR_EXIT_OK) {
        fputs("kijkronde: kan de uitvoer niet schrijven.\n", stderr);
        rc = KR_EXIT_USAGE;
    }
    return rc;
}
