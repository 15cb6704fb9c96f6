/* SPDX-License-Identifier: MIT */
/*
 * Pattern statements: one plain Dutch sentence per pattern that a group reads aloud, with
 * the corner's subject first ("Leerlingen ...", "De leraar ...", "De opdracht: ..."),
 * built from the pattern's own most representative note, and the extent of a pattern
 * (enkele / sommige / veel / de meeste) from the visits it was seen in.
 *
 * The sentence is the representative note's first clause with its subject made general:
 * "Meisje achterin steekt haar vinger op en wacht 4 minuten" becomes "Leerlingen steken hun
 * vinger op en wachten 4 minuten". Only the subject, its place ("achterin", "bij het
 * raam": who it was, not what happened), the finite verbs that agree with it and the
 * possessives change; every other word is the observer's, so the statement stays as
 * factual as the note (judging notes never become patterns). Where the note does not
 * start with a subject this recognises, the statement is the clause behind a lead-in
 * ("Leerlingen: ...", "De opdracht: ..."). Pure but for the Dutch word list that names.c
 * loads once: a name behind the lead-in keeps its capital, so the summary's name
 * replacement still sees it ("De opdracht: Jan steekt ...", never "jan steekt").
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "kijkronde/names.h"
#include "kijkronde/patterns.h"
#include "kijkronde/text.h"

#define MAX_WORDS           64
#define MIN_STATEMENT_WORDS 4 /* a statement a group can read aloud says at least this much */

struct word {
    const char *s; /* start in the clause */
    size_t len;    /* bytes of the word proper (letters, digits, ' and -) */
    size_t tail;   /* bytes of punctuation behind it (",", ":", ...) */
};

/* Third person singular -> plural of verbs that the spelling rules below get wrong. */
static const char *const irregular[][2] = {
    {"is", "zijn"},
    {"heeft", "hebben"},
    {"kan", "kunnen"},
    {"wil", "willen"},
    {"mag", "mogen"},
    {"zal", "zullen"},
    {"gaat", "gaan"},
    {"staat", "staan"},
    {"slaat", "slaan"},
    {"doet", "doen"},
    {"ziet", "zien"},
    {"komt", "komen"},
    {"neemt", "nemen"},
    {"geeft", "geven"},
    {"vertelt", "vertellen"},
    {"herstelt", "herstellen"},
    {"bestelt", "bestellen"},
    {"draait", "draaien"},
    {"gooit", "gooien"},
    {"kraait", "kraaien"},
    {"zwaait", "zwaaien"},
    {"roept", "roepen"},
    {"loopt", "lopen"},
    {"koopt", "kopen"},
    {"hoopt", "hopen"},
    {"slaapt", "slapen"},
    {"vraagt", "vragen"},
    {"zegt", "zeggen"},
    {"legt", "leggen"},
    {"ligt", "liggen"},
    {"weet", "weten"},
    {"eet", "eten"},
    {"moet", "moeten"},
    {"zit", "zitten"},
    {"schrijft", "schrijven"},
    {"blijft", "blijven"},
    {"leest", "lezen"},
    {"kiest", "kiezen"},
    {"wijst", "wijzen"},
    {"krijgt", "krijgen"},
    {"zoekt", "zoeken"},
    {"houdt", "houden"},
    {"antwoordt", "antwoorden"},
    {"vindt", "vinden"},
    {"wordt", "worden"},
    {"rijdt", "rijden"},
    {"snijdt", "snijden"},
    {"begint", "beginnen"},
    {"kijkt", "kijken"},
    {"pakt", "pakken"},
    {"heft", "heffen"},
    {"steekt", "steken"},
    {"spreekt", "spreken"},
    {"breekt", "breken"},
    {"rekent", "rekenen"},
    {"tekent", "tekenen"},
    {"opent", "openen"},
    {"luistert", "luisteren"},
    {"fluistert", "fluisteren"},
    {"verbetert", "verbeteren"},
    {"bladert", "bladeren"},
    {"controleert", "controleren"},
    {"noteert", "noteren"},
    {"probeert", "proberen"},
    {"reageert", "reageren"},
    {"kopieert", "kopiëren"},
    {"typt", "typen"},
    {"overlegt", "overleggen"},
    {"fietst", "fietsen"},
    {"helpt", "helpen"},
};

/* Words that end in -t but are not verbs where a verb could stand. */
static const char *const not_verbs[] = {
    "niet",   "met",    "dat",   "het",   "tot",   "uit",   "want",        "naast",  "kast",
    "plaats", "laatst", "eerst", "vast",  "licht", "recht", "echt",        "zacht",  "nacht",
    "toets",  "taart",  "kaart", "bord",  "klaar", "net",   "pot",         "boot",   "groot",
    "weinig", "wat",    "iets",  "niets", "meest", "best",  "zelfs",       "straks", "vorst",
    "punt",   "fout",   "kwart", "helft", "tent",  "krant", "tijdschrift", "hand",   "gelet",
    "apart",  "part",   "wit",   "zwart", "paars", "rust",
};

static const char *const prepositions[] = {
    "bij",       "aan",      "naast",  "op",        "in",     "achter",   "voor",   "onder",
    "tegenover", "van",      "uit",    "met",       "zonder", "links",    "rechts", "vooraan",
    "achterin",  "middenin", "voorin", "achteraan", "midden", "dichtbij", "buiten", "binnen",
};

static const char *const determiners[] = {
    "een", "de", "het", "deze", "die", "dit", "dat", "elke", "ieder", "iedere", "één",
};

/* Learner subjects: singular and plural heads. */
static const char *const learner_sg[] = {
    "leerling",  "jongen",  "meisje",   "kind",       "ll",         "llg",
    "leerlinge", "kleuter", "scholier", "buurjongen", "buurmeisje", "buurvrouw",
    "buurman",   "tweetal", "groepje",  "hij",        "zij",
};
static const char *const learner_pl[] = {
    "leerlingen", "kinderen",   "jongens",    "meisjes",  "lln",
    "kleuters",   "scholieren", "tweetallen", "groepjes",
};
static const char *const teacher[] = {
    "juf",     "meester", "leerkracht",         "leraar",   "lerares",   "lk",
    "docent",  "docente", "onderwijsassistent", "stagiair", "stagiaire", "leerkrachten",
    "leraren",
};
static const char *const content[] = {
    "opdracht", "werkblad",   "programma", "rekenprogramma", "methode",   "tekst",      "som",
    "sommen",   "les",        "lesdoel",   "opgave",         "opgaven",   "instructie", "boek",
    "werkboek", "taak",       "taakkaart", "filmpje",        "spel",      "app",        "toets",
    "oefening", "oefeningen", "vraag",     "vragen",         "materiaal",
};
static const char *const counts[] = {
    "twee",  "drie",   "vier", "vijf",   "zes",    "zeven",   "acht",
    "negen", "tien",   "elf",  "twaalf", "alle",   "enkele",  "sommige",
    "veel",  "meeste", "paar", "beide",  "andere", "overige", "meer",
};
static const char *const subordinators[] = {
    "voordat", "als",   "wanneer", "terwijl", "nadat",  "zodra",   "omdat", "totdat",
    "tot",     "zodat", "die",     "dat",     "waarna", "waarbij", "of",
};

static bool in(const char *const *list, size_t n, const char *w, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(list[i]) == len && strncmp(list[i], w, len) == 0)
            return true;
    return false;
}
#define IN(list, w) in(list, sizeof list / sizeof list[0], (w).s, (w).len)

/* The word lowercased into buf (ASCII letters only; others as they are). */
static const char *lower(const struct word *w, char *buf, size_t size)
{
    size_t n = w->len < size - 1 ? w->len : size - 1;
    for (size_t i = 0; i < n; i++) {
        char c = w->s[i];
        buf[i] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    buf[n] = '\0';
    return buf;
}

static bool word_is(const struct word *w, const char *const *list, size_t n)
{
    char buf[64];
    const char *l = lower(w, buf, sizeof buf);
    return in(list, n, l, strlen(l));
}
#define WORD_IS(w, list) word_is(&(w), list, sizeof list / sizeof list[0])

static bool is_digit_word(const struct word *w)
{
    return w->len > 0 && w->s[0] >= '0' && w->s[0] <= '9';
}

static bool is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* A plausible finite verb, third person singular. */
static bool verb_sg(const struct word *w)
{
    char buf[64];
    const char *l = lower(w, buf, sizeof buf);
    size_t n = strlen(l);
    for (size_t i = 0; i < sizeof irregular / sizeof irregular[0]; i++)
        if (strcmp(irregular[i][0], l) == 0)
            return true;
    if (n < 3 || l[n - 1] != 't' || in(not_verbs, sizeof not_verbs / sizeof not_verbs[0], l, n))
        return false;
    return strcmp(l + n - 4 > l ? l + n - 4 : l, "heid") != 0;
}

/* The plural of a third person singular verb (heap). */
static char *verb_plural(const struct word *w)
{
    char buf[64];
    const char *l = lower(w, buf, sizeof buf);
    for (size_t i = 0; i < sizeof irregular / sizeof irregular[0]; i++)
        if (strcmp(irregular[i][0], l) == 0)
            return kr_xstrdup(irregular[i][1]);
    char stem[64];
    size_t n = strlen(l);
    memcpy(stem, l, n + 1);
    /* The -t is the ending after a consonant ("werkt", "pakt", "rent"), part of the stem
       after a vowel or in -cht ("praat", "wacht", "groet"). */
    bool t_in_stem =
        n >= 2 && (is_vowel(stem[n - 2]) || (n >= 3 && strcmp(stem + n - 3, "cht") == 0));
    if (!t_in_stem)
        stem[--n] = '\0';
    if (n >= 3 && stem[n - 2] == 'd' && stem[n - 1] == 't') /* "antwoordt" handled above */
        stem[--n] = '\0';
    char out[80];
    size_t m = n;
    memcpy(out, stem, n + 1);
    bool double_vowel = n >= 3 && is_vowel(stem[n - 2]) && stem[n - 2] == stem[n - 3] &&
                        stem[n - 2] != 'i' && !is_vowel(stem[n - 1]);
    bool short_vowel = n >= 2 && !is_vowel(stem[n - 1]) && is_vowel(stem[n - 2]) &&
                       (n < 3 || !is_vowel(stem[n - 3]));
    /* unstressed last syllable (-en, -el, -er, -em) of a longer stem: no doubling */
    bool unstressed =
        n >= 4 && stem[n - 2] == 'e' && strchr("nlrm", stem[n - 1]) &&
        (is_vowel(stem[n - 4]) || stem[n - 4] == 'y' || (n >= 5 && is_vowel(stem[n - 5])));
    if (double_vowel) { /* praat -> praten */
        memmove(out + n - 2, out + n - 1, 2);
        m--;
    } else if (short_vowel && !unstressed && strchr("wjxy", stem[n - 1]) == NULL) {
        out[m] = stem[n - 1]; /* pak -> pakk */
        out[++m] = '\0';
    }
    /* f/s after a long vowel, a diphthong or l/r become v/z: schrijf -> schrijv */
    if (m >= 2 && (out[m - 1] == 'f' || out[m - 1] == 's') && !short_vowel &&
        (is_vowel(out[m - 2]) || out[m - 2] == 'j' || out[m - 2] == 'l' || out[m - 2] == 'r'))
        out[m - 1] = out[m - 1] == 'f' ? 'v' : 'z';
    snprintf(out + m, sizeof out - m, "en");
    return kr_xstrdup(out);
}

/* Splits clause[0..len) into words; returns the count (at most MAX_WORDS). */
static size_t split(const char *clause, size_t len, struct word *w)
{
    size_t n = 0, i = 0;
    while (i < len && n < MAX_WORDS) {
        while (i < len && clause[i] == ' ')
            i++;
        if (i >= len)
            break;
        size_t start = i;
        while (i < len && clause[i] != ' ')
            i++;
        size_t end = i, core = end;
        /* trailing punctuation: , ; : . ! ? ) and closing quotes stay behind the word */
        while (core > start && strchr(",;:.!?)\"'", clause[core - 1]))
            core--;
        w[n++] = (struct word){clause + start, core - start, end - core};
    }
    return n;
}

/* The first clause of text: up to ';', or a full stop / ! / ? outside quotes. */
static size_t first_clause(const char *text)
{
    int quote = 0;
    size_t i = 0;
    for (; text[i]; i++) {
        unsigned char c = (unsigned char)text[i];
        /* ' opens after a space or ':' and closes before a space or punctuation; inside a
           word it is an apostrophe ("zo'n") */
        bool single =
            c == '\'' && ((!quote && (i == 0 || text[i - 1] == ' ' || text[i - 1] == ':')) ||
                          (quote && (!text[i + 1] || strchr(" .,;:!?)", text[i + 1]))));
        if (c == '"' || single ||
            (c == 0xE2 && (unsigned char)text[i + 1] == 0x80 &&
             ((unsigned char)text[i + 2] == 0x9C || (unsigned char)text[i + 2] == 0x9D ||
              (unsigned char)text[i + 2] == 0x98 || (unsigned char)text[i + 2] == 0x99))) {
            bool closing = quote;
            quote = !quote;
            size_t after = c == 0xE2 ? i + 3 : i + 1;
            /* "... vraagt: 'Waarom?' 3 leerlingen ...": a quote that ends a sentence */
            if (closing && i > 0 && strchr(".!?", text[i - 1]) && text[after] == ' ')
                return after;
            if (c == 0xE2)
                i += 2;
            continue;
        }
        if (quote)
            continue;
        if (c == ';')
            return i;
        if ((c == '.' || c == '!' || c == '?') && (text[i + 1] == ' ' || text[i + 1] == '\0')) {
            /* not "blz. 42" */
            if (c == '.' && i >= 3 && strncmp(text + i - 3, "blz", 3) == 0)
                continue;
            return i;
        }
    }
    return i;
}

static void put_word(struct kr_buf *b, const struct word *w, bool with_tail)
{
    if (b->len)
        kr_buf_putc(b, ' ');
    kr_buf_append(b, w->s, w->len + (with_tail ? w->tail : 0));
}

static void put_text(struct kr_buf *b, const char *s)
{
    if (b->len)
        kr_buf_putc(b, ' ');
    kr_buf_puts(b, s);
}

/* The subject phrase at w[0..): its length in words, whether it is plural. 0: none. */
static size_t learner_subject(const struct word *w, size_t n, bool *plural)
{
    size_t i = 0;
    while (i < n && i < 3 &&
           (WORD_IS(w[i], determiners) || WORD_IS(w[i], counts) || is_digit_word(&w[i]) ||
            (i > 0 && w[i].len == 3 && strncmp(w[i].s, "van", 3) == 0)))
        i++;
    if (i >= n || w[i].tail) /* "Leerling:" is a heading, not a subject */
        return 0;
    if (WORD_IS(w[i], learner_pl)) {
        *plural = true;
        return i + 1;
    }
    if (WORD_IS(w[i], learner_sg) && !(i > 0 && (WORD_IS(w[0], counts) || is_digit_word(&w[0])))) {
        *plural = false;
        /* "Leerling A", "Leerling 3": the label goes with the subject */
        if (i + 1 < n && !w[i].tail &&
            ((w[i + 1].len == 1 && w[i + 1].s[0] >= 'A' && w[i + 1].s[0] <= 'Z') ||
             is_digit_word(&w[i + 1])))
            return i + 2;
        return i + 1;
    }
    return 0;
}

static size_t teacher_subject(const struct word *w, size_t n)
{
    size_t i = 0;
    if (i < n && WORD_IS(w[i], determiners))
        i++;
    if (i < n && !w[i].tail && WORD_IS(w[i], teacher)) {
        /* "Juf Anna", "meester Bas": the name goes with the subject, and out */
        if (i + 1 < n && w[i + 1].len && w[i + 1].s[0] >= 'A' && w[i + 1].s[0] <= 'Z' &&
            !verb_sg(&w[i + 1]))
            return i + 2;
        return i + 1;
    }
    return 0;
}

/* Skips a place phrase behind the subject: "bij het raam", "aan tafel 2", "aan de voorste
   tafel", "achterin". The noun phrase is kept short (a determiner, an -e adjective, a noun,
   a number or letter) so that a plural verb behind it ("... aan tafel 6 overleggen") stays. */
static size_t skip_place(const struct word *w, size_t n, size_t i)
{
    for (int guard = 0; guard < 2 && i < n && WORD_IS(w[i], prepositions); guard++) {
        size_t j = i + 1;
        if (w[i].tail)
            return j;
        if (j < n && WORD_IS(w[j], determiners) && !w[j].tail)
            j++;
        if (j < n && w[j].len > 2 && w[j].s[w[j].len - 1] == 'e' && !w[j].tail && j + 1 < n &&
            !verb_sg(&w[j + 1]))
            j++; /* "voorste", "middelste" */
        if (j < n && !verb_sg(&w[j]))
            j++; /* the noun */
        if (j < n && !w[j - 1].tail &&
            (is_digit_word(&w[j]) || (w[j].len == 1 && w[j].s[0] >= 'A' && w[j].s[0] <= 'Z')))
            j++;        /* "tafel 2", "groepje B" */
        if (j == i + 1) /* a preposition alone: "achterin", "vooraan" */
            return j;
        i = j;
    }
    return i;
}

/* Writes the clause w[from..n) into b, pluralising the verbs that agree with a singular
   learner subject: the first finite verb, a verb right after "en"/"of", and the last
   verb of a subordinate clause whose subject is "hij/zij/ze". */
static void put_rest(struct kr_buf *b, const struct word *w, size_t n, size_t from, bool pluralise)
{
    bool first_verb_done = !pluralise;
    bool in_sub = false;
    for (size_t i = from; i < n; i++) {
        const struct word *x = &w[i];
        char buf[64];
        const char *l = lower(x, buf, sizeof buf);
        if (pluralise && (strcmp(l, "zijn") == 0 || strcmp(l, "haar") == 0) && first_verb_done &&
            !x->tail && i + 1 < n) {
            put_text(b, "hun");
            kr_buf_append(b, x->s + x->len, x->tail);
            continue;
        }
        bool change = false;
        if (pluralise && !first_verb_done && verb_sg(x)) {
            change = true;
            first_verb_done = true;
        } else if (pluralise && first_verb_done && i > from && verb_sg(x)) {
            char pb[64];
            const char *prev = lower(&w[i - 1], pb, sizeof pb);
            if ((strcmp(prev, "en") == 0 || strcmp(prev, "of") == 0) && !w[i - 1].tail)
                change = true;
            /* "loopt naar de bak, pakt 5 staven": a list of actions */
            if (!in_sub && w[i - 1].tail && w[i - 1].s[w[i - 1].len] == ',')
                change = true;
            /* the verb at the end of "voordat ze de juf roept" */
            if (in_sub && (x->tail || i + 1 == n))
                change = true;
        }
        if (pluralise && WORD_IS(*x, subordinators) && i + 1 < n) {
            char nb[64];
            const char *next = lower(&w[i + 1], nb, sizeof nb);
            in_sub =
                strcmp(next, "ze") == 0 || strcmp(next, "hij") == 0 || strcmp(next, "zij") == 0;
        }
        if (pluralise && in_sub && (strcmp(l, "hij") == 0 || strcmp(l, "zij") == 0)) {
            put_text(b, "ze");
            kr_buf_append(b, x->s + x->len, x->tail);
            continue;
        }
        if (change) {
            char *p = verb_plural(x);
            put_text(b, p);
            free(p);
            kr_buf_append(b, x->s + x->len, x->tail);
        } else {
            put_word(b, x, true);
        }
        if (x->tail && in_sub && strchr(",;:", x->s[x->len]))
            in_sub = false;
    }
}

/* Whether a name of a person (kr_names_add) starts at byte at of s. */
static bool name_at(const char *s, size_t at)
{
    struct kr_token_list tk = {0};
    struct kr_finding_list f = {0};
    kr_tokenize(s, strlen(s), &tk);
    kr_names_add(s, tk.items, tk.n, &f);
    bool yes = false;
    for (size_t i = 0; i < f.n && !yes; i++)
        yes = f.items[i].start == at;
    kr_token_list_fini(&tk);
    kr_finding_list_fini(&f);
    return yes;
}

/* The statement for one note text in a corner; *clean says no lead-in was needed. */
static char *statement_of(const char *text, enum kr_corner corner, bool *clean)
{
    size_t clen = first_clause(text);
    struct word w[MAX_WORDS];
    size_t n = split(text, clen, w);
    struct kr_buf b = {0};
    *clean = false;
    if (n == 0) {
        kr_buf_puts(&b, corner == KR_CORNER_LERAAR ? "De leraar" : "Leerlingen");
        return kr_buf_steal(&b);
    }
    /* "Leerkracht: 'Wie ...'", "Jongen: 'Niks.'": a speaker before a colon */
    size_t sp = WORD_IS(w[0], determiners) && n > 1 ? 1 : 0;
    if (sp + 1 < n && w[sp].tail && w[sp].s[w[sp].len] == ':' &&
        ((corner == KR_CORNER_LERAAR && WORD_IS(w[sp], teacher)) ||
         (corner == KR_CORNER_LEERLING &&
          (WORD_IS(w[sp], learner_sg) || WORD_IS(w[sp], learner_pl))))) {
        kr_buf_puts(&b, corner == KR_CORNER_LERAAR ? "De leraar zegt:" : "Leerlingen zeggen:");
        put_rest(&b, w, n, sp + 1, false);
        *clean = true;
    } else if (corner == KR_CORNER_LEERLING) {
        bool plural = false;
        size_t s = learner_subject(w, n, &plural);
        if (s) {
            size_t v = skip_place(w, n, s);
            if (v < n && (plural || verb_sg(&w[v]))) {
                kr_buf_puts(&b, "Leerlingen");
                put_rest(&b, w, n, v, !plural);
                *clean = true;
            }
        }
        if (!*clean) {
            kr_buf_puts(&b, "Leerlingen:");
            put_rest(&b, w, n, 0, false);
        }
    } else if (corner == KR_CORNER_LERAAR) {
        size_t s = teacher_subject(w, n);
        if (s) {
            size_t v = skip_place(w, n, s);
            kr_buf_puts(&b, "De leraar");
            put_rest(&b, w, n, v, false);
            *clean = v < n && verb_sg(&w[v]);
        } else {
            kr_buf_puts(&b, "De leraar:");
            put_rest(&b, w, n, 0, false);
        }
    } else {
        size_t i = WORD_IS(w[0], determiners) ? 1 : 0;
        if (i < n && WORD_IS(w[i], content) && i + 1 < n && verb_sg(&w[i + 1])) {
            put_rest(&b, w, n, 0, false); /* "Het programma geeft ...": as written */
            *clean = true;
        } else {
            kr_buf_puts(&b, "De opdracht:");
            put_rest(&b, w, n, 0, false);
        }
    }
    /* The first letter after a lead-in ':' in lower case, unless it starts a name (of a
       person: lowered, the summary could no longer replace it) or a quote; the statement
       ends with a full stop. */
    char *s = kr_buf_steal(&b);
    char *colon = strstr(s, ": ");
    if (!*clean && colon && colon[2] >= 'A' && colon[2] <= 'Z' &&
        !(colon[3] >= 'A' && colon[3] <= 'Z') && !name_at(s, (size_t)(colon + 2 - s))) {
        /* lowercase only a common first word (a heading like "Leerkracht" stays readable) */
        colon[2] = (char)(colon[2] - 'A' + 'a');
    }
    size_t len = strlen(s);
    while (len && strchr(" ,;:", s[len - 1]))
        s[--len] = '\0';
    if (len && !strchr(".!?\"'", s[len - 1])) {
        s = kr_xreallocarray(s, len + 2, 1);
        s[len] = '.';
        s[len + 1] = '\0';
    }
    return s;
}

static size_t count_words(const char *s)
{
    size_t n = 0;
    for (const char *c = s; *c; c++)
        n += *c != ' ' && (c == s || c[-1] == ' ');
    return n;
}

char *kr_pattern_statement(const struct kr_pattern *p, const struct kr_pattern_note *notes)
{
    if (p->flagged)
        return kr_xstrdup("Eerst herschrijven: deze notities bevatten een oordeel.");
    /* the best-placed representative whose subject this recognises and that says enough
       (four words or more), then any other note of the pattern (in input order) that does */
    for (size_t r = 0; r < p->n_representatives + p->n_notes; r++) {
        size_t i =
            r < p->n_representatives ? p->representatives[r] : p->notes[r - p->n_representatives];
        bool clean;
        char *s = statement_of(notes[i].text, p->corner, &clean);
        if (clean && count_words(s) >= MIN_STATEMENT_WORDS)
            return s;
        free(s);
    }
    /* else the most representative note behind the corner's subject; a note too short to
       say anything ("Juf lacht.") sends the group to the notes */
    bool clean;
    size_t first = p->n_representatives ? p->representatives[0] : p->notes[0];
    char *s = statement_of(notes[first].text, p->corner, &clean);
    if (count_words(s) < MIN_STATEMENT_WORDS) {
        size_t len = strlen(s);
        if (len && s[len - 1] == '.')
            s[--len] = '\0';
        char *t = kr_xasprintf("%s (zie de notities).", s);
        free(s);
        s = t;
    }
    return s;
}

char *kr_pattern_statement_of_text(const char *text, enum kr_corner corner)
{
    bool clean;
    return statement_of(text, corner, &clean);
}

const char *kr_pattern_extent(size_t seen, size_t total)
{
    if (total == 0 || seen == 0)
        return NULL;
    /* Of the visits of the bijeenkomst: one visit (or under a quarter) is "enkele", up
       to half "sommige", over half "veel", three quarters or more "de meeste" (with at
       least three visits: two of two is "veel", not "de meeste"). */
    if (seen == 1 || 4 * seen < total)
        return "enkele";
    if (2 * seen <= total)
        return "sommige";
    if (4 * seen >= 3 * total && total >= 3)
        return "de meeste";
    return "veel";
}
