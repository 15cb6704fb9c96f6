/* SPDX-License-Identifier: MIT */
/*
 * Someone else's words in a note: quoted spans ("...", “...”, „...”, «...», '...',
 * with elisions such as 's and apostrophes in words told apart from quote marks), speech after
 * "zegt:" or "Juf:", and indirect speech ("zegt dat ...", "vraagt aan de klas wie ..."). The
 * checker never flags these words: they are what was heard, not the observer's judgement.
 */
#include <string.h>

#include "check_internal.h"
#include "kijkronde/mem.h"
#include "kijkronde/utf8.h"

static uint32_t cp_at(const char *t, size_t len, size_t i, size_t *n)
{
    if ((unsigned char)t[i] < 0x80) {
        *n = 1;
        return (unsigned char)t[i];
    }
    uint32_t cp;
    *n = kr_utf8_decode(t + i, len - i, &cp);
    return cp;
}

static bool is_space_cp(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x202F ||
           cp == 0x2009;
}

/* Letters and digits, roughly: enough to tell an apostrophe in a word from a quote mark. */
static bool is_alnum_cp(uint32_t cp)
{
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'))
        return true;
    return cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && !(cp >= 0x2000 && cp <= 0x2BFF) &&
           cp != KR_UTF8_REPLACEMENT && !(cp >= 0x1F000 && cp <= 0x1FAFF);
}

static void add_span(struct kr_checker *c, size_t start, size_t end)
{
    KR_GROW(c->spans, c->capspans, c->nspans + 1);
    c->spans[c->nspans++] = (struct span){start, end};
}

/* Byte offset of the first code point from i that is one of a or b, or len. */
static size_t find_cp(const char *t, size_t len, size_t i, uint32_t a, uint32_t b)
{
    while (i < len) {
        size_t n;
        uint32_t cp = cp_at(t, len, i, &n);
        if (cp == a || cp == b)
            return i;
        i += n;
    }
    return len;
}

/* A closing single quote: ' or ’ after a non-space, not followed by a letter (not auto's). */
static bool single_closer_at(const char *t, size_t len, size_t i, size_t n, uint32_t prev)
{
    size_t m;
    return !is_space_cp(prev) && (i + n == len || !is_alnum_cp(cp_at(t, len, i + n, &m)));
}

/* The next single closing quote from i on the same line: its offset, or the offset of the
 * line end (or len) with *found false. */
static size_t next_single_closer(const char *t, size_t len, size_t i, bool *found)
{
    uint32_t prev = 'x';
    *found = false;
    while (i < len) {
        size_t n;
        uint32_t cp = cp_at(t, len, i, &n);
        if (cp == '\n')
            return i;
        if ((cp == '\'' || cp == 0x2019) && single_closer_at(t, len, i, n, prev)) {
            *found = true;
            return i;
        }
        prev = cp;
        i += n;
    }
    return len;
}

/* 's, 't, 'k, 'n: an elision, not an opening quote. */
static bool elision_at(const char *t, size_t len, size_t i)
{
    if (i >= len)
        return false;
    char ch = (char)(t[i] | 0x20);
    if (ch != 's' && ch != 't' && ch != 'k' && ch != 'n')
        return false;
    size_t m;
    return i + 1 == len || !is_alnum_cp(cp_at(t, len, i + 1, &m));
}

void ck_find_quotes(struct kr_checker *c, const char *t, size_t len)
{
    c->nspans = 0;
    uint32_t prev = ' ', last_visible = ' ';
    /* Memo of the last single-closer search: every start in [memo_from, memo_at] gives the
     * same answer, which keeps unmatched quotes linear. */
    size_t memo_from = 1, memo_at = 0;
    bool memo_found = false;
    size_t i = 0;
    while (i < len) {
        size_t n;
        uint32_t cp = cp_at(t, len, i, &n);
        size_t end = 0; /* end of a quoted span starting at i, or 0 */
        if (cp == '"') {
            size_t cl = find_cp(t, len, i + n, '"', '"');
            end = cl < len ? cl + 1 : len;
        } else if (cp == 0x201C || cp == 0x201E) {
            size_t cl = find_cp(t, len, i + n, 0x201D, cp == 0x201E ? 0x201C : 0x201D);
            end = cl < len ? cl + 3 : len;
        } else if (cp == 0xAB) {
            size_t cl = find_cp(t, len, i + n, 0xBB, 0xBB);
            end = cl < len ? cl + 2 : len;
        } else if (cp == 0x2018 || cp == 0x201A || cp == '\'' || cp == 0x2019) {
            size_t m;
            bool opener =
                i + n < len && !is_space_cp(cp_at(t, len, i + n, &m)) && !elision_at(t, len, i + n);
            if (cp == '\'' || cp == 0x2019)
                opener = opener && (is_space_cp(prev) || prev == ':' || prev == '(' ||
                                    prev == '[' || prev == '"' || prev == 0x201C || i == 0);
            if (opener) {
                size_t from = i + n;
                if (!(memo_from <= from && from <= memo_at)) {
                    memo_at = next_single_closer(t, len, from, &memo_found);
                    memo_from = from;
                }
                if (memo_found)
                    end = memo_at + kr_utf8_next(t, len, memo_at) - memo_at;
                else if (cp == 0x2018 || cp == 0x201A || last_visible == ':')
                    end = memo_at; /* unclosed after "zegt:": to the end of the line */
            }
        }
        if (end > i) {
            add_span(c, i, end);
            prev = 'x';
            last_visible = 'x';
            i = end;
            continue;
        }
        prev = cp;
        if (!is_space_cp(cp))
            last_visible = cp;
        i += n;
    }
}

/* Token t is the word w (ASCII, any case). */
static bool word_is(const struct kr_checker *c, const char *text, size_t t, const char *w)
{
    const struct kr_token *k = &c->toks.items[t];
    size_t n = strlen(w);
    if (k->kind != KR_TOK_WORD || k->end - k->start != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((text[k->start + i] | 0x20) != w[i])
            return false;
    return true;
}

/* "Volgens de ouders was het een succes": a sentence that opens with "volgens" and a person
 * reports someone else's opinion (issue 14, test2 of the public set). "Volgens mij/ons" is the
 * writer's own, and "volgens het protocol" a norm: both stay. */
static bool reported_opinion(const struct kr_checker *c, const char *text, size_t i)
{
    size_t n = c->toks.n;
    if (!c->info[i].sent || !word_is(c, text, i, "volgens") || i + 1 >= n)
        return false;
    static const char *const own[] = {"mij", "me", "ons", "mijn", "onze", "jou", "jouw"};
    for (size_t k = 0; k < sizeof own / sizeof own[0]; k++)
        if (word_is(c, text, i + 1, own[k]))
            return false;
    size_t j = i + 1;
    static const char *const det[] = {"de", "het", "haar", "zijn", "hun", "die", "deze"};
    for (size_t k = 0; k < sizeof det / sizeof det[0] && j + 1 < n; k++)
        if (word_is(c, text, j, det[k])) {
            j++;
            break;
        }
    const struct kr_token *k = &c->toks.items[j];
    if (k->kind != KR_TOK_WORD)
        return false;
    static const char *const pron[] = {"hem",       "haar",     "hen",      "hun",
                                       "ouders",    "moeder",   "vader",    "collega",
                                       "collega's", "directie", "directeur"};
    for (size_t m = 0; m < sizeof pron / sizeof pron[0]; m++)
        if (word_is(c, text, j, pron[m]))
            return true;
    /* A role word that may speak (juf, leerling, begeleider), or a name right after "volgens":
     * a capital and a small letter, so a model ("Volgens EDI hoort ...") stays a norm. */
    if (has(c, j, F_SPEAKER))
        return true;
    return j == i + 1 && k->end - k->start >= 2 && text[k->start] >= 'A' && text[k->start] <= 'Z' &&
           text[k->start + 1] >= 'a' && text[k->start + 1] <= 'z';
}

/* "Ze kijkt (naar de tuin) of alles goed gaat", "controleert of hij het begrepen heeft": an
 * indirect question after a verb of checking asks, it does not claim; the clause after "of" is
 * no judgement of the writer's. "of" as "or" ("kijkt naar de juf of naar het bord") is left
 * alone: after the question's "of" comes a subject. Returns the token of "of", or 0. */
static size_t checks_whether(const struct kr_checker *c, const char *text, size_t i)
{
    static const char *const check[] = {"kijkt",  "kijken",  "keek",         "keken",
                                        "checkt", "checken", "controleert",  "controleren",
                                        "test",   "testen",  "controleerde", "kijk"};
    static const char *const subj[] = {"alles", "iedereen", "iemand", "niemand", "hij",  "zij",
                                       "ze",    "het",      "er",     "de",      "die",  "dat",
                                       "je",    "jij",      "jullie", "een",     "zijn", "haar"};
    const struct kr_token *tk = &c->toks.items[i];
    char first = (char)(text[tk->start] | 0x20);
    if (tk->kind != KR_TOK_WORD || (first != 'k' && first != 'c' && first != 't'))
        return 0; /* most words: the list below need not be read */
    bool verb = false;
    for (size_t k = 0; k < sizeof check / sizeof check[0] && !verb; k++)
        verb = word_is(c, text, i, check[k]);
    if (!verb)
        return 0;
    for (size_t j = i + 1; j + 1 < c->toks.n && j <= i + DAT_REACH && cont_ok(c, j); j++) {
        if (!word_is(c, text, j, "of"))
            continue;
        for (size_t k = 0; k < sizeof subj / sizeof subj[0]; k++)
            if (cont_ok(c, j + 1) && word_is(c, text, j + 1, subj[k]))
                return j;
        return 0;
    }
    return 0;
}

/* Mark speech after "zegt:" / "Juf:" and in "zegt dat ...", each up to the sentence end. */
void ck_speech_rules(struct kr_checker *c, const char *text)
{
    const struct kr_token *tk = c->toks.items;
    size_t n = c->toks.n, sent = 0;
    bool verb_seen = false;
    for (size_t i = 0; i < n; i++) {
        if (c->info[i].sent) {
            sent = i;
            verb_seen = false;
        }
        if (c->info[i].speech)
            continue;
        bool from_here = false;
        size_t whether = 0;
        if (reported_opinion(c, text, i)) {
            from_here = true;
        } else if ((whether = checks_whether(c, text, i)) != 0) {
            i = whether;
            from_here = true;
        } else if (punct_is(text, &tk[i], ':')) {
            bool speaker =
                (i > sent && has(c, i - 1, F_SPEAKER)) ||
                (i > sent + 1 && tk[i - 1].kind == KR_TOK_NUMBER && has(c, i - 2, F_SPEAKER));
            from_here = verb_seen || speaker;
        } else if (tk[i].kind == KR_TOK_WORD && has(c, i, F_SPEECH)) {
            verb_seen = true;
            /* "zegt (tegen de juf) dat ...", "vraagt (aan de klas) wie ...": a question word
             * only when just the person spoken to comes between ("geeft een opdracht waar
             * ..." is not speech). */
            bool addressee = true;
            for (size_t j = i + 1; j < n && j <= i + DAT_REACH && cont_ok(c, j); j++) {
                if (has(c, j, F_THAT) || (addressee && has(c, j, F_COMP))) {
                    i = j - 1;
                    from_here = true;
                    break;
                }
                addressee = addressee && (has(c, j, F_ADDR) || tk[j].kind == KR_TOK_NUMBER);
            }
        }
        if (!from_here)
            continue;
        size_t j = i + 1;
        while (j < n && !c->info[j].sent) {
            /* the checked question ends with its clause: "kijkt of ..., en doet het expres" */
            if (whether && (punct_is(text, &tk[j], ',') || word_is(c, text, j, "en") ||
                            word_is(c, text, j, "maar")))
                break;
            c->info[j].speech = true;
            j++;
        }
        i = j - 1;
    }
}
