/* SPDX-License-Identifier: MIT */
/* Names of people in a note (kind "naam"): the OpenTaal word list plus context. */
#include "kijkronde/names.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "names_internal.h"

/* Words that come before a teacher's name. */
static const char *const titles[] = {"juf",   "juffrouw", "meester", "mevrouw", "meneer", "mevr",
                                     "mw",    "dhr",      "mr",      "mej",     "moeder", "vader",
                                     "opa",   "oma",      "tante",   "oom",     "broer",  "zus",
                                     "zusje", "broertje", NULL};

/* Verbs of what a person does: a capitalised word before one is a person. */
static const char *const person_verbs[] = {
    "zegt",    "vraagt", "pakt",  "steekt", "loopt",      "schrijft",  "kijkt",     "antwoordt",
    "roept",   "legt",   "helpt", "werkt",  "leest",      "telt",      "staat",     "zit",
    "zet",     "gaat",   "komt",  "heeft",  "wijst",      "fluistert", "lacht",     "knikt",
    "draait",  "geeft",  "maakt", "doet",   "tekent",     "rekent",    "luistert",  "praat",
    "vertelt", "noemt",  "kiest", "speelt", "rent",       "zucht",     "huilt",     "schudt",
    "stopt",   "begint", "start", "pakken", "zeggen",     "vragen",    "werken",    "lezen",
    "lopen",   "zitten", "staan", "praten", "overleggen", "kijken",    "schrijven", "tellen",
    "en",      "is",     "was",   "wil",    "kan",        "mag",       "moet",      "heeft",
    "had",     "krijgt", "neemt", "opent",  "sluit",      "gooit",     "zingt",     "wacht",
    "haalt",   "brengt", "legt",  NULL};

/* Function words that are also first names ("Dan vraagt", "Wil je"): at the start of a
 * sentence they are the word. */
static const char *const function_words[] = {
    "dan",    "nu",     "toen",       "daarna",   "soms",    "ook",    "hier",    "daar",
    "wel",    "niet",   "nog",        "al",       "zo",      "wie",    "wat",     "waar",
    "hoe",    "eerst",  "samen",      "iedereen", "niemand", "ieder",  "elke",    "alle",
    "beide",  "veel",   "weinig",     "hij",      "zij",     "ze",     "ik",      "jij",
    "je",     "we",     "wij",        "men",      "die",     "dat",    "deze",    "dit",
    "er",     "wil",    "mag",        "kan",      "zal",     "even",   "net",     "pas",
    "straks", "daarop", "vervolgens", "tot",      "na",      "om",     "bij",     "met",
    "voor",   "achter", "naast",      "bijna",    "precies", "meteen", "opnieuw", "weer",
    "steeds", "nooit",  "altijd",     "vaak",     NULL};

/* Third-person singular verbs of what a person does: "Eva pakt", "Bram zegt". A
 * capitalised word at the start of a sentence before one of these is a person even when
 * it is also a Dutch word (eva, bram, fleur, nova, roos), unless it is a known sentence
 * starter (below) or a pronoun follows the verb ("Vandaag zegt hij"). "is", "kan" and
 * the like are left out: "Alles is", "Lezen kan" start sentences about things. */
static const char *const verbs_sg[] = {
    "zegt",        "vraagt",     "pakt",     "steekt",  "loopt",  "schrijft", "kijkt",  "antwoordt",
    "roept",       "legt",       "helpt",    "werkt",   "leest",  "telt",     "zit",    "wijst",
    "fluistert",   "lacht",      "knikt",    "draait",  "geeft",  "tekent",   "rekent", "luistert",
    "praat",       "vertelt",    "noemt",    "kiest",   "speelt", "rent",     "zucht",  "huilt",
    "schudt",      "krijgt",     "neemt",    "opent",   "gooit",  "zingt",    "wacht",  "haalt",
    "brengt",      "schuift",    "deelt",    "springt", "duwt",   "tikt",     "klapt",  "denkt",
    "weet",        "probeert",   "herhaalt", "kleurt",  "knipt",  "plakt",    "zoekt",  "vult",
    "controleert", "vergelijkt", "bladert",  "gumt",    "fietst", "huppelt",  "leunt",  "staat",
    "loopt",       "overlegt",   "bouwt",    "spreekt", "snapt",  "begrijpt", NULL};

/* Plural verbs of what people do: "Fleur en Nova tellen". */
static const char *const verbs_pl[] = {
    "pakken", "zeggen",      "vragen",     "werken",  "lezen",     "lopen",   "zitten",
    "staan",  "praten",      "overleggen", "kijken",  "schrijven", "tellen",  "tekenen",
    "spelen", "delen",       "lachen",     "wijzen",  "rekenen",   "zingen",  "bouwen",
    "leggen", "geven",       "krijgen",    "helpen",  "kiezen",    "knikken", "fluisteren",
    "roepen", "vergelijken", "luisteren",  "wachten", "maken",     "doen",    NULL};

/* Subject pronouns: after a verb they show the word before the verb is not its subject
 * ("Vandaag zegt hij", "Daarom pakt ze"). */
static const char *const subjects[] = {"hij",      "zij",     "ze",     "ik", "jij", "je",
                                       "we",       "wij",     "jullie", "u",  "men", "er",
                                       "iedereen", "niemand", "iemand", NULL};

/* Words that start a sentence and are never a person, even before a verb of a person:
 * articles, numerals (also "Eén" with one accent), pronouns and determiners, adverbs of
 * time and place, prepositions, conjunctions, and the people in a classroom named by
 * their role ("Juf zegt", "Lk leest"). Lower case. Days, months, subjects and places are
 * in non_names. */
static const char *const starters[] = {
    /* articles and numerals */
    "de", "het", "een", "eén", "één", "'n", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht",
    "negen", "tien", "elf", "twaalf", "twintig", "dertig", "honderd", "beide", "alle", "allebei",
    "sommige", "enkele", "meerdere", "verschillende", "diverse", "geen", "elk", "ieder", "iedere",
    "elke", "veel", "weinig", "meer", "minder", "eerste", "tweede", "derde", "laatste", "andere",
    "half", "halve",
    /* pronouns and determiners */
    "hij", "zij", "ze", "ik", "jij", "je", "we", "wij", "jullie", "u", "men", "iedereen", "niemand",
    "iemand", "alles", "niets", "niks", "iets", "wie", "wat", "welke", "welk", "deze", "die", "dat",
    "dit", "zijn", "haar", "hun", "mijn", "onze", "ons", "jouw", "uw", "zo'n", "zulke", "elkaar",
    /* adverbs and prepositions that start an inverted sentence ("Vandaag zegt de juf") */
    "vandaag", "morgen", "gisteren", "straks", "nu", "dan", "toen", "daarna", "daarop",
    "vervolgens", "eerst", "later", "nadien", "intussen", "ondertussen", "tegelijk",
    "tegelijkertijd", "opeens", "ineens", "plotseling", "meteen", "direct", "snel", "langzaam",
    "stil", "zacht", "hardop", "buiten", "binnen", "boven", "beneden", "voorin", "achterin",
    "halverwege", "tot", "sinds", "tijdens", "na", "voor", "om", "bij", "met", "zonder", "tegen",
    "naast", "achter", "onder", "op", "aan", "in", "uit", "van", "naar", "over", "door", "hierna",
    "daarom", "daardoor", "daarmee", "daarbij", "hiermee", "hierbij", "dus", "maar", "want", "en",
    "of", "ook", "nog", "weer", "opnieuw", "steeds", "soms", "vaak", "altijd", "nooit", "even",
    "alleen", "samen", "zelf", "ja", "nee", "goed", "prima", "oké", "ok", "kijk", "klaar", "stop",
    "sst", "hé", "hoi", "dag", "dank", NULL};

/* People in a classroom named by their role ("Juf zegt", "Lk leest", "zegt de juf"). */
static const char *const roles[] = {"juf",        "juffrouw",    "meester",
                                    "mevrouw",    "meneer",      "leerkracht",
                                    "leraar",     "lerares",     "lk",
                                    "lkr",        "leerling",    "leerlingen",
                                    "ll",         "lln",         "kind",
                                    "kinderen",   "kleuter",     "kleuters",
                                    "jongen",     "jongens",     "meisje",
                                    "meisjes",    "klas",        "groep",
                                    "groepje",    "tweetal",     "tweetallen",
                                    "tafel",      "directeur",   "directrice",
                                    "stagiair",   "stagiaire",   "onderwijsassistent",
                                    "assistent",  "moeder",      "vader",
                                    "ouder",      "ouders",      "docent",
                                    "docente",    "docenten",    "buurman",
                                    "buurvrouw",  "buurjongen",  "buurmeisje",
                                    "klasgenoot", "klasgenoten", "tafelgenoot",
                                    "maatje",     "partner",     "mentor",
                                    "coach",      "begeleider",  "invaller",
                                    "conciërge",  "observator",  "bezoeker",
                                    "collega",    "ib'er",       "rt'er",
                                    "logopedist", "duo",         NULL};

/* Articles: in the middle of a sentence the start of a title ("De Gruffalo"). */
static const char *const articles[] = {"de", "het", "een", NULL};

/* Words before a capitalised word that make it a title, a place or a language. */
static const char *const not_after[] = {
    "de",      "het",       "een",  "in",      "uit",   "te",      "boek",    "boekje",
    "methode", "app",       "lied", "liedje",  "film",  "filmpje", "verhaal", "prentenboek",
    "spel",    "programma", "site", "website", "serie", "over",    NULL};

/* Capitalised words that are not people: lesmethodes, apps and brands, places, countries,
 * languages, feasts, book and film titles. Lower case. */
static const char *const non_names[] = {
    /* lesmethodes and learning platforms */
    "snappet", "gynzy", "pluspunt", "staal", "nieuwsbegrip", "wereld", "getallen", "taal", "actief",
    "estafette", "blink", "getal", "ruimte", "rekentuin", "taalzee", "naut", "meander", "brandaan",
    "kleuterplein", "squla", "bomberbot", "kahoot", "prowise", "zwijsen", "malmberg", "noordhoff",
    "thiememeulenhoff", "wizwijs", "alles", "telt", "veilig", "leren", "lezen", "lijn", "station",
    "zuid", "flits", "karakter", "kwink", "leefstijl", "topondernemers", "faqta", "argus", "clou",
    "davinci", "onderbouwd", "schatkist", "bouw", "kanjertraining", "kanjer", "cito", "iep",
    "parnassys", "momento", "basispoort", "wrts", "bookwidgets", "classroomscreen", "quizlet",
    "padlet", "mentimeter", "scratch", "microbit", "lego", "spike", "rekenrijk", "wereldoriëntatie",
    "naturalis", "jeugdjournaal", "schooltv", "klokhuis",
    /* brands and devices */
    "chromebook", "ipad", "ipads", "chromebooks", "google", "youtube", "microsoft", "teams", "word",
    "excel", "powerpoint", "windows", "apple", "samsung", "minecraft", "roblox", "fortnite",
    "tiktok", "instagram", "whatsapp", "netflix", "albert", "heijn", "jumbo", "lidl", "aldi",
    "hema", "action", "ikea", "nintendo", "playstation", "xbox", "pokémon", "pokemon", "disney",
    "spotify", "digibord", "canva", "wikipedia", "oxford",
    /* countries and regions */
    "nederland", "belgië", "duitsland", "frankrijk", "spanje", "italië", "engeland", "polen",
    "turkije", "marokko", "suriname", "curaçao", "aruba", "bonaire", "sint", "maarten", "syrië",
    "eritrea", "ethiopië", "somalië", "afghanistan", "irak", "iran", "oekraïne", "rusland",
    "roemenië", "bulgarije", "griekenland", "portugal", "china", "japan", "india", "indonesië",
    "amerika", "canada", "brazilië", "egypte", "tunesië", "algerije", "ghana", "nigeria", "afrika",
    "azië", "europa", "australië", "antillen", "caribisch", "limburg", "friesland", "brabant",
    "holland", "zeeland", "groningen", "drenthe", "overijssel", "gelderland", "utrecht",
    "flevoland", "noord", "oost", "west", "schotland", "ierland", "zweden", "noorwegen",
    "denemarken", "oostenrijk", "zwitserland", "hongarije", "mexico", "pakistan", "bangladesh",
    "jemen", "libanon", "jordanië", "israël", "palestina", "soedan",
    /* cities */
    "amsterdam", "rotterdam", "den", "haag", "eindhoven", "tilburg", "almere", "breda", "nijmegen",
    "arnhem", "haarlem", "zwolle", "leiden", "maastricht", "dordrecht", "zoetermeer", "delft",
    "deventer", "enschede", "apeldoorn", "amersfoort", "alkmaar", "leeuwarden", "assen", "lelystad",
    "middelburg", "paramaribo", "willemstad", "istanbul", "ankara", "rabat", "casablanca", "tanger",
    "nador", "damascus", "aleppo", "asmara", "warschau", "krakau", "parijs", "londen", "berlijn",
    "brussel", "antwerpen", "gent",
    /* languages */
    "nederlands", "engels", "frans", "duits", "spaans", "turks", "pools", "arabisch", "berbers",
    "tamazight", "tigrinya", "papiaments", "sranantongo", "sranan", "hindi", "hindoestaans",
    "italiaans", "portugees", "chinees", "russisch", "oekraïens", "koerdisch", "somalisch", "fries",
    "latijn", "grieks", "dari", "farsi", "perzisch", "amhaars", "roemeens",
    /* feasts, days, months, seasons */
    "kerstmis", "kerst", "pasen", "pinksteren", "sinterklaas", "sint-maarten", "koningsdag",
    "carnaval", "ramadan", "suikerfeest", "offerfeest", "divali", "diwali", "holi", "chanoeka",
    "keti", "koti", "halloween", "moederdag", "vaderdag", "bevrijdingsdag", "dodenherdenking",
    "kinderboekenweek", "boekenweek", "prinsjesdag", "nieuwjaar", "pieten", "piet", "zwarte",
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "januari",
    "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
    "november", "december", "god", "allah", "jezus", "bijbel", "koran",
    /* books, characters, films */
    "jip", "janneke", "dolfje", "weerwolfje", "gruffalo", "harry", "potter", "nijntje", "dikkie",
    "dik", "kikker", "rupsje", "nooitgenoeg", "pluk", "petteflet", "annie", "schmidt", "roald",
    "dahl", "matilda", "pippi", "langkous", "donald", "duck", "mickey", "elsa", "frozen",
    "spiderman", "batman", "bobbi", "woezel", "pip", "nijn", "efteling", "dreumes", "geronimo",
    "stilton", "poes", "pieter", "konijn", "moritz", "sesamstraat", "grover", "pino", "tommie",
    "paw", "patrol",
    /* school words that are capitalised in notes */
    "groep", "leerling", "leerlingen", "juf", "meester", "mevrouw", "meneer", "ik", "ib", "ib'er",
    "rt", "ot", "ob", "bb", "mb", "kring", "rekenen", "spelling", "begrijpend", "technisch", "wo",
    "gym", "muziek", "tekenen", "handvaardigheid", "burgerschap", "engels", "ok", "oké",
    /* abbreviations observers use for the teacher and the pupils */
    "lk", "lkr", "lkn", "ll", "lln", "oa", "ola", NULL};

static bool in_list(const char *const *list, const char *w);

/* What the word list says of a word (W_* of names_internal.h), cached per thread. */
#define CACHE_N 1024
struct centry {
    uint32_t h;
    unsigned char len, res;
    char w[WORD_MAX];
};
static _Thread_local struct centry cache[CACHE_N];

static int lookup(const char *w, size_t len, const char *lower)
{
    uint32_t h = kr_names_hash(w, len);
    struct centry *e = &cache[h & (CACHE_N - 1)];
    if (e->len == len && e->h == h && memcmp(e->w, w, len) == 0)
        return e->res;
    int res = in_list(non_names, lower) ? W_NONNAME : kr_names_wordlist_lookup(w, len, lower);
    e->h = h;
    e->len = (unsigned char)len;
    e->res = (unsigned char)res;
    memcpy(e->w, w, len);
    return res;
}

/* ---- letters ---- */

static bool upper_at(const char *s, size_t len)
{
    unsigned char a = (unsigned char)s[0], b = len > 1 ? (unsigned char)s[1] : 0;
    if (a >= 'A' && a <= 'Z')
        return true;
    if (a == 0xC3)
        return b >= 0x80 && b <= 0x9E && b != 0x97;
    if (a == 0xC4 || a == 0xC5) /* Latin Extended-A: capitals on even code points */
        return ((((unsigned)a & 0x1F) << 6 | (b & 0x3FU)) & 1U) == 0;
    return false;
}

/* s[0..len) in lower case into out (same length); false when too long. */
static bool lower_into(const char *s, size_t len, char *out)
{
    if (len >= WORD_MAX)
        return false;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 'A' && ch <= 'Z')
            ch = (unsigned char)(ch + 32);
        else if (i > 0 && (unsigned char)s[i - 1] == 0xC3 && ch >= 0x80 && ch <= 0x9E && ch != 0x97)
            ch = (unsigned char)(ch + 0x20);
        else if (i > 0 && ((unsigned char)s[i - 1] == 0xC4 || (unsigned char)s[i - 1] == 0xC5) &&
                 upper_at(s + i - 1, 2))
            ch = (unsigned char)(ch + 1);
        out[i] = (char)ch;
    }
    out[len] = '\0';
    return true;
}

static bool in_list(const char *const *list, const char *w)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(list[i], w) == 0)
            return true;
    return false;
}

/* A capital after the first letter, other than after - or ' ("Anne-Sophie", "N'Dour"):
 * "GGD", "IJsbrand" aside, no name is written so ("ReKenen", "BSO"). */
static bool inner_capital(const char *s, size_t len)
{
    for (size_t i = 1; i < len; i++)
        if (s[i] >= 'A' && s[i] <= 'Z' && s[i - 1] != '-' && s[i - 1] != '\'' &&
            !(i == 1 && s[0] == 'I' && s[1] == 'J'))
            return true;
    return false;
}

static bool punct_in(const char *text, const struct kr_token *k, const char *set)
{
    return k->kind == KR_TOK_PUNCT && strchr(set, text[k->start]) != NULL;
}

/* Whether token i starts a sentence: only quotes, brackets or dashes before it since the
 * start or a . ! ? : or a new line. */
static bool sentence_start(const char *text, const struct kr_token *tk, size_t i)
{
    while (i > 0) {
        const struct kr_token *p = &tk[i - 1];
        if (memchr(text + p->end, '\n', tk[i].start - p->end))
            return true;
        if (p->kind != KR_TOK_PUNCT)
            return false;
        if (strchr(".!?:;", text[p->start]))
            return true;
        unsigned char c0 = (unsigned char)text[p->start];
        if (!(strchr("'\"(-[", (char)c0) || c0 == 0xE2)) /* ‘ “ – are E2 80 xx */
            return false;
        i--;
    }
    return true;
}

/* The word token before/after i in the same clause, lower case into out; false if none. */
static bool word_near(const char *text, const struct kr_token *tk, size_t n, size_t i, int dir,
                      char *out)
{
    size_t j = i;
    if (dir < 0 ? j == 0 : j + 1 >= n)
        return false;
    j = dir < 0 ? j - 1 : j + 1;
    if (tk[j].kind != KR_TOK_WORD)
        return false;
    return lower_into(text + tk[j].start, tk[j].end - tk[j].start, out);
}

/* Token j as a lower-case word into out; false when it is not a word. */
static bool word_at(const char *text, const struct kr_token *tk, size_t n, size_t j, char *out)
{
    return j < n && tk[j].kind == KR_TOK_WORD &&
           lower_into(text + tk[j].start, tk[j].end - tk[j].start, out);
}

static bool has_digit(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return true;
    return false;
}

/* Whether token i is the subject of a verb of a person: "Eva pakt een gum" (a singular
 * verb, no pronoun after it: "Vandaag zegt hij") or "Fleur en Nova tellen" (a second
 * capitalised word, not a sentence starter, then a plural verb). */
static bool person_subject(const char *text, const struct kr_token *tk, size_t n, size_t i)
{
    char a[WORD_MAX], b[WORD_MAX], c[WORD_MAX];
    if (!word_at(text, tk, n, i + 1, a))
        return false;
    if (in_list(verbs_sg, a)) {
        if (!word_at(text, tk, n, i + 2, b))
            return true;
        if (in_list(subjects, b))
            return false;
        /* "Tussendoor zegt de juf": a person named by role after the verb is its subject */
        return !(in_list(articles, b) && word_at(text, tk, n, i + 3, c) && in_list(roles, c));
    }
    if (strcmp(a, "en") != 0 || !word_at(text, tk, n, i + 2, b) ||
        !upper_at(text + tk[i + 2].start, tk[i + 2].end - tk[i + 2].start) ||
        in_list(starters, b) || in_list(roles, b) || in_list(non_names, b))
        return false;
    return word_at(text, tk, n, i + 3, c) && in_list(verbs_pl, c);
}

/* Words before a person in the middle of a sentence: "tegen Bram", "met Eva", "naast
 * Fleur", "fluistert Nova" (an inverted verb of a person). */
static const char *const person_before[] = {"tegen", "met",   "naast",  "aan",   "noemt",
                                            "helpt", "geeft", "vraagt", "roept", NULL};

/* Whether a capitalised Dutch word in the middle of a sentence (prev the word before it,
 * "" if none) stands where a person stands; prev_name: the word before prev is a name
 * ("Ricardo en Bram"). */
static bool person_context(const char *text, const struct kr_token *tk, size_t n, size_t i,
                           const char *prev, bool prev_name)
{
    if (in_list(person_before, prev) || in_list(verbs_sg, prev))
        return true;
    if (prev_name && strcmp(prev, "en") == 0)
        return true;
    /* spoken to: "Heel goed, Bram." */
    if (i > 0 && punct_in(text, &tk[i - 1], ",") &&
        (i + 1 == n || punct_in(text, &tk[i + 1], ".!?'\"") ||
         (tk[i + 1].kind == KR_TOK_PUNCT && (unsigned char)text[tk[i + 1].start] == 0xE2)))
        return true;
    return person_subject(text, tk, n, i);
}

static void add_finding(struct kr_finding_list *out, size_t start, size_t end)
{
    size_t pos = out->n;
    while (pos > 0 && out->items[pos - 1].start > start)
        pos--;
    /* A judgement found on exactly this word is a word list's reading of a name ("Noor"
     * is no mind-reading): the name is what the note says. */
    if (pos > 0 && out->items[pos - 1].start == start && out->items[pos - 1].end == end) {
        out->items[pos - 1].kind = KR_NAMES_KIND;
        out->items[pos - 1].hint = KR_NAMES_HINT;
        return;
    }
    if (pos > 0 && out->items[pos - 1].end > start)
        return;
    if (pos < out->n && out->items[pos].start < end)
        return;
    KR_GROW(out->items, out->cap, out->n + 1);
    memmove(&out->items[pos + 1], &out->items[pos], (out->n - pos) * sizeof *out->items);
    out->items[pos] = (struct kr_finding){start, end, KR_NAMES_KIND, KR_NAMES_HINT};
    out->n++;
}

/* A Dutch word with the ending of an abstract noun (-isme, -heid, -schap, -teit, -tie,
 * -ing): no first name ends so, so before a verb it is not a person. lw is lower case. */
static bool abstract_noun(const char *lw)
{
    static const struct {
        const char *end;
        size_t min; /* shortest word with it */
    } ends[] = {{"isme", 6}, {"heid", 6}, {"schap", 7}, {"teit", 7}, {"tie", 7}, {"ing", 7}};
    size_t len = strlen(lw);
    for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
        size_t e = strlen(ends[k].end);
        if (len >= ends[k].min && strcmp(lw + len - e, ends[k].end) == 0)
            return true;
    }
    return false;
}

void kr_names_add(const char *text, const struct kr_token *tk, size_t n,
                  struct kr_finding_list *out)
{
    bool dict = kr_names_have_wordlist();
    size_t run_start = 0, run_end = 0; /* the name being read: "El Idrissi" */
    bool in_run = false;
    size_t last_name = 0; /* 1 + the index of the last token read as a name, 0 none */
    for (size_t i = 0; i < n; i++) {
        const struct kr_token *k = &tk[i];
        size_t len = k->end - k->start;
        const char *w = text + k->start;
        char lw[WORD_MAX], prev[WORD_MAX], next[WORD_MAX];
        bool name = false;
        if (k->kind == KR_TOK_WORD && len >= 2 && upper_at(w, len) && !inner_capital(w, len) &&
            !has_digit(w, len) && lower_into(w, len, lw) && !(lookup(w, len, lw) & W_NONNAME)) {
            bool has_prev = word_near(text, tk, n, i, -1, prev);
            if (!has_prev)
                prev[0] = '\0';
            bool has_next = word_near(text, tk, n, i, +1, next);
            bool start = sentence_start(text, tk, i);
            if (in_run && i > 0 && tk[i - 1].end + 1 >= k->start)
                name = true; /* a surname after a first name */
            else if (has_prev && in_list(titles, prev))
                name = true; /* juf Jansen */
            else if (has_prev && in_list(not_after, prev))
                name = false; /* in Marokko, het Engels, boek Matilda */
            else if (!dict)
                name = !start || (has_next && in_list(person_verbs, next));
            else {
                int res = lookup(w, len, lw); /* cached: the second look is free */
                if (start && (in_list(starters, lw) || in_list(roles, lw) ||
                              ((res & W_COMMON) && in_list(function_words, lw))))
                    name = false; /* "Eén tweetal", "De vragen", "Juf zegt" */
                else if (start && (res & W_COMMON) && abstract_noun(lw))
                    name = false; /* "Perfectionisme zit de student in de weg" */
                else if (start)
                    name = !(res & W_COMMON) || person_subject(text, tk, n, i) ||
                           ((res & W_PROPER) && has_next && in_list(person_verbs, next)) ||
                           ((res & W_PROPER) && i + 1 < n && punct_in(text, &tk[i + 1], ","));
                else if (in_list(articles, lw))
                    name = false; /* "staat De Gruffalo" (after a title: "juf De Vries") */
                else
                    name = !(res & W_COMMON) || (res & W_PROPER) ||
                           person_context(text, tk, n, i, prev, last_name + 2 == i + 1);
            }
        }
        if (name) {
            last_name = i + 1;
            if (!in_run)
                run_start = k->start;
            run_end = k->end;
            in_run = true;
        } else if (in_run) {
            add_finding(out, run_start, run_end);
            in_run = false;
        }
    }
    if (in_run)
        add_finding(out, run_start, run_end);
}

/* Whether byte offset pos of text starts a sentence (only spaces, quotes and brackets
 * since the start or a . ! ? :). */
static bool sentence_start_text(const char *text, size_t pos)
{
    while (pos > 0) {
        unsigned char ch = (unsigned char)text[pos - 1];
        if (strchr(".!?:\n", (char)ch))
            return true;
        if (!(ch == ' ' || ch == '\'' || ch == '"' || ch == '(' || ch >= 0x80))
            return false;
        pos--;
    }
    return true;
}

char *kr_names_replace(const char *text)
{
    size_t len = strlen(text);
    struct kr_token_list toks = {0};
    struct kr_finding_list f = {0};
    kr_tokenize(text, len, &toks);
    kr_names_add(text, toks.items, toks.n, &f);
    kr_token_list_fini(&toks);
    if (f.n == 0) {
        kr_finding_list_fini(&f);
        return kr_xstrdup(text);
    }
    /* Distinct pupils' names, in order of first appearance. */
    size_t *who = kr_xcalloc(f.n, sizeof *who), npupils = 0;
    bool *teacher = kr_xcalloc(f.n, sizeof *teacher);
    for (size_t i = 0; i < f.n; i++) {
        const struct kr_finding *x = &f.items[i];
        size_t s = x->start;
        while (s > 0 && text[s - 1] == ' ')
            s--;
        size_t b = s;
        while (b > 0 && ((text[b - 1] | 0x20) >= 'a' && (text[b - 1] | 0x20) <= 'z'))
            b--;
        char pw[WORD_MAX];
        teacher[i] = s > b && lower_into(text + b, s - b, pw) && in_list(titles, pw);
        if (teacher[i])
            continue;
        size_t j = 0;
        for (; j < i; j++)
            if (!teacher[j] && f.items[j].end - f.items[j].start == x->end - x->start &&
                memcmp(text + f.items[j].start, text + x->start, x->end - x->start) == 0)
                break;
        who[i] = j < i ? who[j] : npupils++;
    }
    size_t cap = len * 2 + 64, o = 0, at = 0;
    char *res = kr_xmalloc(cap);
    for (size_t i = 0; i < f.n; i++) {
        const struct kr_finding *x = &f.items[i];
        size_t cut = x->start;
        if (teacher[i])
            while (cut > at && text[cut - 1] == ' ')
                cut--;
        char rep[32] = "";
        if (!teacher[i]) {
            bool cap1 = sentence_start_text(text, x->start);
            if (npupils == 1)
                snprintf(rep, sizeof rep, "%s", cap1 ? "Een leerling" : "een leerling");
            else
                snprintf(rep, sizeof rep, "%s %c", cap1 ? "Leerling" : "leerling",
                         (char)('A' + (who[i] % 26)));
        }
        size_t need = o + (cut - at) + strlen(rep) + 1;
        if (need > cap) {
            cap = need * 2;
            res = kr_xreallocarray(res, cap, 1);
        }
        memcpy(res + o, text + at, cut - at);
        o += cut - at;
        memcpy(res + o, rep, strlen(rep));
        o += strlen(rep);
        at = x->end;
    }
    size_t need = o + (len - at) + 1;
    if (need > cap)
        res = kr_xreallocarray(res, need, 1);
    memcpy(res + o, text + at, len - at);
    res[o + len - at] = '\0';
    free(who);
    free(teacher);
    kr_finding_list_fini(&f);
    return res;
}

bool kr_findings_judge(const struct kr_finding_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->items[i].kind, KR_NAMES_KIND) != 0)
            return true;
    return false;
}
