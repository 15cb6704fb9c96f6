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
    "Gebruik: kijkronde [OPTIES] [OPDRACHT [ARGUMENTEN]]\n"
    "\n"
    "kijkronde helpt tweetallen bij een schoolbezoek in een begeleid leernetwerk:\n"
    "kijken zonder oordeel, met één kijkvraag, en daarna samen patronen zoeken in de\n"
    "didactische driehoek (leerinhoud, leraar, leerling).\n"
    "\n"
    "Zonder opdracht opent kijkronde het scherm op de database.\n"
    "\n"
    "Opdrachten (meer over elke opdracht met 'kijkronde OPDRACHT --help'):\n"
    "  demo [--no-tui]                 vult de database met een voorbeeld, opent dat\n"
    "  sessions [--json]               de bijeenkomsten met het aantal notities\n"
    "  kijkvragen [list [--json]]      de bibliotheek met kijkvragen\n"
    "  kijkvragen check [--json] BESTAND...  controleert kijkvraag-bestanden (YAML)\n"
    "  kijkvragen lint [--json] VRAAG...  tips om een kijkvraag te verbeteren\n"
    "  check [--json] [--lexicon BESTAND] TEKST... | -\n"
    "                                  zoekt oordelen in notities (-: één per regel)\n"
    "  patterns BIJEENKOMST [--json]   patronen per hoek van de didactische driehoek\n"
    "  export BIJEENKOMST --format md|html|csv|json|xlsx [-o BESTAND|-]\n"
    "         [--sep TEKEN] [--pseudoniem] [--met-oordelen]\n"
    "                                  schrijft een bijeenkomst naar een bestand\n"
    "  import [--json] BESTAND.json|-  voegt een kijkronde/1-bestand toe (-: stdin)\n"
    "  merge [--json] ANDER.db         voegt de database van een ander tweetal toe\n"
    "  network [NETWERK] [--json]      de netwerken, of één netwerk door de tijd\n"
    "  export --network NETWERK --format md|html|json [-o BESTAND|-] [--pseudoniem]\n"
    "                                  het netwerkverslag voor de coördinator\n"
    "  sync [--json] MAP               wisselt alle wijzigingen uit met de andere\n"
    "                                  laptops via een gedeelde map\n"
    "\n"
    "BIJEENKOMST is een id, een uniek begin van een id, of 'latest'. NETWERK is een\n"
    "id, een uniek begin van een id, of de naam van het netwerk.\n"
    "\n"
    "Opties:\n"
    "  --db BESTAND      de database (anders $KIJKRONDE_DB, anders\n"
    "                    $XDG_DATA_HOME/kijkronde/kijkronde.db); ook na de opdracht\n"
    "  --no-color        geen kleuren (ook met NO_COLOR=1)\n"
    "  --kijkvragen MAP  extra kijkvragen van het netwerk\n"
    "  -h, --help        deze hulp\n"
    "  -V, --version     de versie en de licentie\n"
    "\n"
    "Opties van export:\n"
    "  -f, --format FORMAAT  md, html, csv, json of xlsx\n"
    "  -o BESTAND            schrijf naar BESTAND in plaats van de standaarduitvoer\n"
    "                        (-o -: de standaarduitvoer)\n"
    "  --sep TEKEN           scheidingsteken voor csv: ';' (standaard), ',' of 'tab'\n"
    "  --pseudoniem          vervang namen van tweetallen en klassen door codes\n"
    "  --met-oordelen        neem ook notities met een oordeel op (md, html; csv en\n"
    "                        xlsx hebben ze altijd, met de kolom oordeel)\n"
    "  --network NETWERK     het verslag van een netwerk (md, html of json)\n";

/* One usage text per command, printed by 'kijkronde OPDRACHT --help' (or -h). */
static const char USAGE_DEMO[] =
    "Gebruik: kijkronde demo [--no-tui]\n"
    "\n"
    "Vult de database met een voorbeeldbijeenkomst (als die er nog niet is) en opent\n"
    "die op het scherm.\n"
    "\n"
    "  --no-tui   alleen vullen, het scherm niet openen\n";
static const char USAGE_SESSIONS[] =
    "Gebruik: kijkronde sessions [--json]\n"
    "\n"
    "Toont de bijeenkomsten in de database met het aantal bezoeken en notities.\n"
    "\n"
    "  --json   als JSON (één object per bijeenkomst)\n";
static const char USAGE_KIJKVRAGEN[] =
    "Gebruik: kijkronde kijkvragen [list [--json]]\n"
    "         kijkronde kijkvragen check [--json] BESTAND...\n"
    "         kijkronde kijkvragen lint [--json] VRAAG...\n"
    "\n"
    "list    toont de bibliotheek met kijkvragen (met --kijkvragen MAP ook die van\n"
    "        het netwerk)\n"
    "check   controleert kijkvraag-bestanden (YAML); fouten met bestand:regel:kolom\n"
    "lint    geeft tips om een kijkvraag te verbeteren (elke vraag tussen\n"
    "        aanhalingstekens)\n"
    "\n"
    "  --json   als JSON\n";
static const char USAGE_PATTERNS[] =
    "Gebruik: kijkronde patterns BIJEENKOMST [--json]\n"
    "\n"
    "Toont de patronen van een bijeenkomst per hoek van de didactische driehoek\n"
    "(leerling, leraar, leerinhoud). BIJEENKOMST is een id, een uniek begin van een\n"
    "id, of 'latest'.\n"
    "\n"
    "  --json   als JSON\n";
static const char USAGE_EXPORT[] =
    "Gebruik: kijkronde export BIJEENKOMST --format md|html|csv|json|xlsx\n"
    "                          [-o BESTAND|-] [--sep TEKEN] [--pseudoniem]\n"
    "                          [--met-oordelen]\n"
    "         kijkronde export --network NETWERK --format md|html|json\n"
    "                          [-o BESTAND|-] [--pseudoniem]\n"
    "\n"
    "Schrijft een bijeenkomst naar de standaarduitvoer of naar een bestand.\n"
    "BIJEENKOMST is een id, een uniek begin van een id, of 'latest'.\n"
    "\n"
    "  -f, --format FORMAAT  md, html, csv, json (bevat altijd alles) of xlsx\n"
    "                        (de notities als tekstcellen, met de patronen)\n"
    "  -o BESTAND            schrijf naar BESTAND in plaats van de standaarduitvoer;\n"
    "                        -o - schrijft naar de standaarduitvoer\n"
    "  --sep TEKEN           scheidingsteken voor csv: ';' (standaard), ',' of 'tab'\n"
    "  --pseudoniem          vervang namen van tweetallen en klassen door codes\n"
    "  --met-oordelen        neem ook notities met een oordeel op (md, html; csv en\n"
    "                        xlsx hebben ze altijd, met de kolom oordeel)\n"
    "  --network NETWERK     het netwerkverslag: de bijeenkomsten, de patronen die\n"
    "                        terugkomen en elke volgende stap met de opvolging\n"
    "                        (NETWERK: id, begin van een id, of naam), zonder\n"
    "                        notities met een oordeel en zonder namen\n";
static const char USAGE_IMPORT[] =
    "Gebruik: kijkronde import [--json] BESTAND.json|-\n"
    "\n"
    "Voegt een kijkronde/1-bestand (van 'kijkronde export --format json') toe aan de\n"
    "database. Wat er al staat, blijft staan: twee keer importeren verandert niets.\n"
    "Met - leest kijkronde het bestand van de standaardinvoer.\n"
    "\n"
    "  --json   wat er is toegevoegd en bijgewerkt, als één JSON-object\n";
static const char USAGE_MERGE[] =
    "Gebruik: kijkronde merge [--json] ANDER.db\n"
    "\n"
    "Voegt de database van een ander tweetal toe aan deze database. Wat er al staat,\n"
    "blijft staan: twee keer samenvoegen verandert niets.\n"
    "\n"
    "  --json   wat er is toegevoegd en bijgewerkt, als één JSON-object\n";
static const char USAGE_NETWORK[] =
    "Gebruik: kijkronde network [NETWERK] [--json]\n"
    "\n"
    "Zonder NETWERK: de netwerken met hun bijeenkomsten, scholen, notities en open\n"
    "volgende stappen. Met NETWERK (een id, een uniek begin van een id, of de naam):\n"
    "het netwerk door de tijd, met de bijeenkomsten op datum, de patronen die in\n"
    "twee of meer bijeenkomsten terugkomen, en elke volgende stap met de opvolging.\n"
    "Het verslag voor de scholen: 'kijkronde export --network NETWERK --format html'.\n"
    "\n"
    "  --json   als JSON\n";

static const char USAGE_SYNC[] =
    "Gebruik: kijkronde sync [--json] [--stil] [--bijeenkomst BIJEENKOMST] MAP\n"
    "        kijkronde sync --bijeenkomst BIJEENKOMST --geen\n"
    "\n"
    "Wisselt alle wijzigingen uit met de andere laptops via de gedeelde map MAP\n"
    "(Syncthing, een netwerkmap of een USB-stick). Elke laptop schrijft alleen eigen\n"
    "bestanden in MAP en leest die van de anderen; er staat nooit een database in.\n"
    "Twee keer na elkaar synchroniseren verandert niets. Een bestand dat nog niet\n"
    "helemaal is aangekomen, volgt bij de volgende sync; een beschadigd bestand wordt\n"
    "genoemd en overgeslagen.\n"
    "\n"
    "  --json   wat er is verstuurd en toegepast, als één JSON-object\n"
    "  --stil   geen samenvatting (meldingen over beschadigde bestanden blijven)\n"
    "  --bijeenkomst BIJEENKOMST\n"
    "           onthoud MAP als sync-map van de bijeenkomst: het scherm van\n"
    "           kijkronde synchroniseert dan vanzelf zolang die bijeenkomst open is\n"
    "           (in het scherm: s op de bijeenkomst)\n"
    "  --geen   (met --bijeenkomst, zonder MAP) de bijeenkomst heeft geen sync-map\n"
    "           meer: het scherm synchroniseert haar niet meer vanzelf\n"
    "\n"
    "Afsluitcode 2: MAP is geen bruikbare map.\n";

struct command {
    const char *name;
    kr_cmd_fn fn;
    const char *usage; /* NULL: the command answers --help itself */
};

static const struct command commands[] = {
    {"demo", kr_cmd_demo, USAGE_DEMO},
    {"sessions", kr_cmd_sessions, USAGE_SESSIONS},
    {"kijkvragen", kr_cmd_kijkvragen, USAGE_KIJKVRAGEN},
    {"check", kr_cmd_check, NULL},
    {"patterns", kr_cmd_patterns, USAGE_PATTERNS},
    {"export", kr_cmd_export, USAGE_EXPORT},
    {"import", kr_cmd_import, USAGE_IMPORT},
    {"merge", kr_cmd_merge, USAGE_MERGE},
    {"network", kr_cmd_network, USAGE_NETWORK},
    {"sync", kr_cmd_sync, USAGE_SYNC},
};

/* Does the command's argument list ask for help (before a "--")? */
static int wants_help(int argc, char **argv)
{
    for (int j = 1; j < argc; j++) {
        if (strcmp(argv[j], "--") == 0)
            return 0;
        if (strcmp(argv[j], "--help") == 0 || strcmp(argv[j], "-h") == 0)
            return 1;
    }
    return 0;
}

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
    /* Numbers in JSON, SVG, CSV and HTML attributes, and the ones we parse, always use a
       point; where a person reads a decimal, the code writes the Dutch comma itself. */
    setlocale(LC_NUMERIC, "C");
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
    /* A teacher writes "kijkronde sessions --db FILE" as often as "--db FILE sessions": take
       --db after the command too (up to a "--"), once. */
    for (int j = i + 1; j < argc && strcmp(argv[j], "--") != 0;) {
        const char *v;
        int k = j;
        if (!option_value("--db", argc, argv, &k, &v)) {
            j++;
            continue;
        }
        if (!v || !*v)
            return kr_cli_usage(&cli, "--db heeft een bestandsnaam nodig.");
        if (cli.db_opt && strcmp(cli.db_opt, v) != 0)
            return kr_cli_usage(&cli, "--db staat er twee keer, met een ander bestand.");
        cli.db_opt = v;
        int taken = k - j + 1;
        memmove(&argv[j], &argv[k + 1], (size_t)(argc - k - 1) * sizeof *argv);
        argc -= taken;
        argv[argc] = NULL;
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
        else if (cmd->usage && wants_help(argc - i, argv + i))
            rc = fputs(cmd->usage, stdout) < 0 ? KR_EXIT_USAGE : KR_EXIT_OK;
        else
            rc = cmd->fn(&cli, argc - i, argv + i);
    }
    kr_app_close(cli.app); /* and the database */
    free(cli.db_path);
    if (fflush(stdout) != 0 && rc == KR_EXIT_OK) {
        fputs("kijkronde: kan de uitvoer niet schrijven.\n", stderr);
        rc = KR_EXIT_USAGE;
    }
    return rc;
}
