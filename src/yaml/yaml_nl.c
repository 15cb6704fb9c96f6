/* SPDX-License-Identifier: MIT */
/*
 * libyaml reports "found character that cannot start any token" or "did not find expected
 * key, while parsing a block mapping". The people who edit a kijkvraag file read Dutch, so
 * the loader translates libyaml's fixed problem texts (from scanner.c, parser.c, reader.c)
 * through the tables below, and says "de YAML is hier niet geldig" for anything else.
 */
#include "yaml_nl.h"

#include <stdio.h>
#include <string.h>

struct nl {
    const char *en; /* libyaml's text; matched as a prefix ("found duplicate anchor; ...") */
    const char *nl;
};

static const struct nl problems[] = {
    {"found character that cannot start any token",
     "hier staat een teken waarmee geen waarde kan beginnen (zoals een tab, @ of `); zet de "
     "tekst tussen aanhalingstekens"},
    {"mapping values are not allowed in this context",
     "hier mag geen dubbele punt met een waarde staan; staat er een ':' in de tekst, zet de "
     "tekst dan tussen aanhalingstekens, of klopt het inspringen niet"},
    {"mapping keys are not allowed in this context", "hier mag geen sleutel ('? ') staan"},
    {"block sequence entries are not allowed in this context",
     "hier mag geen lijstregel ('- ...') staan; klopt het inspringen?"},
    {"did not find expected key",
     "hier wordt een sleutel verwacht ('sleutel: waarde'); klopt het inspringen?"},
    {"could not find expected ':'", "de dubbele punt na de sleutel ontbreekt"},
    {"did not find expected '-' indicator",
     "hier wordt een lijstregel verwacht die met '- ' begint; klopt het inspringen?"},
    {"did not find expected node content", "hier ontbreekt een waarde"},
    {"did not find expected ',' or ']'",
     "hier wordt ',' of ']' verwacht; ontbreekt de ']' die de lijst sluit?"},
    {"did not find expected ',' or '}'",
     "hier wordt ',' of '}' verwacht; ontbreekt de '}' die de mapping sluit?"},
    {"found unexpected end of stream",
     "het bestand houdt op voordat de tekst is afgesloten; ontbreekt er een aanhalingsteken?"},
    {"found unexpected document indicator",
     "'---' of '...' midden in een tekst tussen aanhalingstekens; ontbreekt er een "
     "aanhalingsteken?"},
    {"found a tab character", "hier staat een tab; spring in met spaties"},
    {"found unknown escape character",
     "onbekend teken na '\\' in tekst tussen dubbele aanhalingstekens; gebruik enkele "
     "aanhalingstekens of schrijf '\\\\'"},
    {"found invalid Unicode character escape code",
     "ongeldige \\u- of \\U-code in tekst tussen dubbele aanhalingstekens"},
    {"did not find expected hexdecimal number",
     "ongeldige \\x-, \\u- of \\U-code in tekst tussen dubbele aanhalingstekens"},
    {"found unexpected ':'", "onverwachte ':'; zet de tekst tussen aanhalingstekens"},
    {"did not find expected comment or line break",
     "na deze waarde mag op de regel alleen nog commentaar (#) staan"},
    {"did not find expected whitespace or line break", "hier hoort een spatie of een nieuwe regel"},
    {"did not find expected whitespace", "hier hoort een spatie"},
    {"did not find expected <document start>",
     "hier wordt een nieuw document ('---') verwacht; staat er iets achter het einde van het "
     "document?"},
    /* A prefix of libyaml's "...<stream-start>": lintian takes that whole string in a
       binary for an embedded copy of libyaml (embedded-library), and a prefix matches. */
    {"did not find expected <stream", "het bestand begint niet als YAML"},
    {"found an indentation indicator equal to 0",
     "het inspringgetal na '|' of '>' mag geen 0 zijn"},
    {"did not find expected alphabetic or numeric character",
     "na '&' of '*' hoort een naam van letters en cijfers"},
    {"found undefined alias", "onbekende verwijzing (*naam)"},
    {"found duplicate anchor", "deze ankernaam (&naam) komt twee keer voor"},
    {"found undefined tag handle", "ongeldige tag (!...)"},
    {"did not find expected tag URI", "ongeldige tag (!...)"},
    {"did not find expected '!'", "ongeldige tag (!...)"},
    {"did not find URI escaped octet", "ongeldige tag (!...)"},
    {"did not find the expected '>'", "ongeldige tag (!<...>): de '>' ontbreekt"},
    {"found an incorrect leading UTF-8 octet", "ongeldige tag (!...): geen geldige UTF-8"},
    {"found an incorrect trailing UTF-8 octet", "ongeldige tag (!...): geen geldige UTF-8"},
    {"found duplicate %YAML directive", "ongeldige regel die met '%' begint"},
    {"found incompatible YAML document", "deze YAML-versie (%YAML) wordt niet ondersteund"},
    {"found duplicate %TAG directive", "ongeldige regel die met '%' begint"},
    {"could not find expected directive name", "ongeldige regel die met '%' begint"},
    {"found unknown directive name", "ongeldige regel die met '%' begint"},
    {"found unexpected non-alphabetical character", "ongeldige regel die met '%' begint"},
    {"did not find expected version number", "ongeldige regel die met '%' begint"},
    {"found extremely long version number", "ongeldige regel die met '%' begint"},
    {"did not find expected digit or '.' character", "ongeldige regel die met '%' begint"},
};

static const struct nl reader_problems[] = {
    {"invalid leading UTF-8 octet", "geen geldige UTF-8; sla het bestand op als UTF-8"},
    {"invalid trailing UTF-8 octet", "geen geldige UTF-8; sla het bestand op als UTF-8"},
    {"incomplete UTF-8 octet sequence", "geen geldige UTF-8 (afgebroken teken aan het eind)"},
    {"invalid length of a UTF-8 sequence", "geen geldige UTF-8; sla het bestand op als UTF-8"},
    {"invalid Unicode character", "geen geldige UTF-8 of een verboden teken"},
    {"control characters are not allowed", "geen geldige UTF-8 of een verboden stuurteken"},
    {"input is too long", "het bestand is te groot"},
    {"incomplete UTF-16", "ongeldige UTF-16; sla het bestand op als UTF-8"},
    {"unexpected low surrogate area", "ongeldige UTF-16; sla het bestand op als UTF-8"},
};

static const struct nl contexts[] = {
    {"while scanning a simple key", "de sleutel"},
    {"while scanning a quoted scalar", "de tekst tussen aanhalingstekens"},
    {"while parsing a quoted scalar", "de tekst tussen aanhalingstekens"},
    {"while scanning a block scalar", "het tekstblok ('|' of '>')"},
    {"while scanning a plain scalar", "de tekst"},
    {"while parsing a block mapping", "de mapping"},
    {"while parsing a block collection", "de lijst"},
    {"while parsing a flow sequence", "de lijst tussen [ ]"},
    {"while parsing a flow mapping", "de mapping tussen { }"},
    {"while parsing a block node", "de waarde"},
    {"while parsing a flow node", "de waarde"},
    {"while parsing a node", "de waarde"},
    {"while scanning an anchor", "het anker (&naam)"},
    {"while scanning an alias", "de verwijzing (*naam)"},
    {"while scanning a tag", "de tag (!...)"},
    {"while parsing a tag", "de tag (!...)"},
};

static const char *lookup(const struct nl *t, size_t n, const char *en)
{
    if (!en)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (strncmp(en, t[i].en, strlen(t[i].en)) == 0)
            return t[i].nl;
    return NULL;
}

size_t kr_yaml_explain(char *buf, size_t size, const char *problem, const char *context,
                       size_t context_line, size_t problem_line, bool reader)
{
    const char *p =
        reader ? lookup(reader_problems, sizeof reader_problems / sizeof *reader_problems, problem)
               : lookup(problems, sizeof problems / sizeof *problems, problem);
    int n;
    if (!p) {
        n = snprintf(buf, size, "%s",
                     reader ? "geen geldige UTF-8 of een verboden teken"
                            : "de YAML is hier niet geldig");
        return n < 0 ? 0 : (size_t)n;
    }
    const char *c = lookup(contexts, sizeof contexts / sizeof *contexts, context);
    if (c && context_line && context_line < problem_line)
        n = snprintf(buf, size, "ongeldige YAML: %s (in %s vanaf regel %zu)", p, c, context_line);
    else
        n = snprintf(buf, size, "%s%s", reader ? "" : "ongeldige YAML: ", p);
    return n < 0 ? 0 : (size_t)n;
}
