/* SPDX-License-Identifier: MIT */
/*
 * The inner-state rule: a person and a verb of the inside (willen, vinden, weten, hopen ...:
 * context.binnenkant) is mind-reading, whatever the words around it ("hij wil aandacht", "ze
 * hoopt dat de juf haar kiest", "omdat hij het antwoord weet"). A lexicon lists the verbs once,
 * as infinitives; their present and past forms come from Dutch spelling rules, so no inflected
 * lists are needed. Someone else's words, questions, the writer's own "ik wil", a refusal ("wil
 * niet meedoen") and finding a thing ("vindt zijn pen") stay facts. Also here: an exclamation
 * "Wat een ...!" at the start of a sentence is an evaluation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "kijkronde/mem.h"

static bool is_vowel(char ch)
{
    return ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u' || ch == 'y';
}

/* Vowel groups in w after a prefix that is never stressed (be-, ge-, ver-, ont-, her-): "hop"
 * has one, "geloov" after "ge" one, "twijfel" two. */
static int vowel_groups(const char *w)
{
    static const char *const pre[] = {"ver", "ont", "her", "be", "ge"};
    for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++)
        if (strncmp(w, pre[i], strlen(pre[i])) == 0 && strlen(w) > strlen(pre[i]) + 2) {
            w += strlen(pre[i]);
            break;
        }
    int n = 0;
    for (size_t i = 0; w[i]; i++)
        if (is_vowel(w[i]) && (i == 0 || !is_vowel(w[i - 1])))
            n++;
    return n;
}

static void put_form(struct kr_checker *c, const char *form, const char *lemma)
{
    char st[STEM_MAX];
    if (!ck_stem_word(c, form, strlen(form), st))
        return;
    struct slot *s = ck_tab_put(&c->tab, st);
    s->flags |= F_INNER;
    if (!s->lemma)
        s->lemma = kr_xstrdup(lemma);
}

/* The forms of one stam ("hoop"): itself, stam + t and the past tense by 't kofschip, soft when
 * the infinitive had no t, k, f, s, ch, p or x before -en (voelde, but hoopte). */
static void put_stam(struct kr_checker *c, char *stam, size_t n, bool soft, const char *lemma)
{
    if (stam[n - 1] == 'v')
        stam[n - 1] = 'f'; /* geloven: geloof */
    else if (stam[n - 1] == 'z')
        stam[n - 1] = 's'; /* vrezen: vrees */
    char form[STEM_MAX + 8];
    put_form(c, stam, lemma);
    snprintf(form, sizeof form, "%s%s", stam, stam[n - 1] == 't' ? "" : "t");
    put_form(c, form, lemma);
    snprintf(form, sizeof form, "%s%s", stam, soft ? "de" : "te");
    put_form(c, form, lemma);
    snprintf(form, sizeof form, "%s%s", stam, soft ? "den" : "ten");
    put_form(c, form, lemma);
}

/* "vinden" or "vinden vond vonden" (an infinitive, then irregular forms). The stam is the
 * infinitive without -en, with a double consonant made single (willen: wil) and an open
 * syllable's vowel doubled (hopen: hoop, geloven: geloof). Whether a longer verb's last syllable
 * is stressed (negeren: negeer) or not (twijfelen: twijfel) spelling does not tell, so both are
 * made; the one that is no Dutch word matches nothing. */
bool ck_add_inner_verb(struct kr_checker *c, const char *inf, size_t len)
{
    char buf[3 * STEM_MAX];
    if (len >= sizeof buf)
        return false;
    memcpy(buf, inf, len);
    buf[len] = '\0';
    char *save = NULL, *w = strtok_r(buf, " ", &save);
    size_t wl = w ? strlen(w) : 0;
    if (wl < 4 || wl > STEM_MAX - 8 || strcmp(w + wl - 2, "en") != 0)
        return false;
    char lemma[STEM_MAX];
    if (!ck_stem_word(c, w, wl, lemma))
        return false;
    put_form(c, w, lemma);
    char stam[STEM_MAX + 2];
    size_t n = wl - 2;
    memcpy(stam, w, n);
    stam[n] = '\0';
    char oc = stam[n - 1];
    bool soft = strchr("tkfschpx", oc) == NULL;
    if (n >= 2 && stam[n - 1] == stam[n - 2] && !is_vowel(stam[n - 1])) {
        stam[--n] = '\0';
        put_stam(c, stam, n, soft, lemma);
    } else if (n >= 2 && !is_vowel(stam[n - 1]) && is_vowel(stam[n - 2]) && stam[n - 2] != 'i' &&
               (n == 2 || !is_vowel(stam[n - 3]))) {
        char open[STEM_MAX + 2];
        memcpy(open, stam, n - 1);
        open[n - 1] = stam[n - 2];
        open[n] = stam[n - 1];
        open[n + 1] = '\0';
        put_stam(c, open, n + 1, soft, lemma);
        if (vowel_groups(stam) > 1)
            put_stam(c, stam, n, soft, lemma);
    } else {
        put_stam(c, stam, n, soft, lemma);
    }
    while ((w = strtok_r(NULL, " ", &save)) != NULL)
        put_form(c, w, lemma);
    return true;
}

static bool exact_any(const struct kr_checker *c, size_t t, const char *const *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (exact_is(c, t, w[i]))
            return true;
    return false;
}
#define ANY(c, t, list) exact_any((c), (t), (list), sizeof(list) / sizeof(list)[0])

/* Grammar words of the rule; not lexicon data. */
static const char *const writer[] = {"ik", "we", "wij", "men"};
static const char *const wh[] = {"wat", "wie", "waar", "welke", "hoe", "wanneer", "waarom", "of"};
/* Subordinators after which the verb comes last: "omdat hij het niet begrijpt". */
static const char *const subord[] = {"omdat",   "doordat", "zodat", "als",     "wanneer",
                                     "terwijl", "hoewel",  "zodra", "voordat", "nadat"};
/* A modal before the inner verb makes it a plan or a norm: "omdat ze het moeten weten". */
static const char *const modal[] = {"moet",   "moeten", "moest",  "mag",   "mogen", "kan",
                                    "kunnen", "zal",    "zullen", "hoeft", "hoeven"};
static const char *const let[] = {"laat", "laten", "liet", "lieten"};
/* After an article comes a person noun, not a pronoun: "vindt dat ze ..." is no inversion. */
static const char *const pron[] = {"hij", "zij", "ze", "jij", "je", "u", "jullie"};
static const char *const det[] = {"de", "het", "die", "deze", "dat", "dit", "een", "zijn", "haar"};
/* What a person finds with "vinden" as with his hands: "vindt zijn pen", "vindt het in de kast". */
static const char *const finder[] = {"de",   "een",  "zijn", "haar", "hun",  "z'n",
                                     "mijn", "jouw", "je",   "ons",  "onze", "jullie"};
static const char *const place[] = {"terug",  "in",     "op",  "onder", "bij",    "naast",
                                    "achter", "tussen", "uit", "boven", "plaats", "nergens"};

/* "Het doel is dat ze weten ...", "De afspraak is dat ...": a goal or a rule (a word of
 * context.sprekers that is no person) shortly before "dat" at t; what the lesson wants, not what
 * anyone is read to think. */
static bool goal_before(const struct kr_checker *c, size_t t)
{
    for (size_t j = t, k = 0; j > 0 && k < 3 && !c->info[j].sent; k++) {
        j--;
        if (has(c, j, F_SPEAKER) && !has(c, j, F_PERSON))
            return true;
    }
    return false;
}

static bool question(const struct kr_checker *c, size_t t)
{
    for (size_t j = t + 1; j < c->toks.n && !c->info[j].sent; j++)
        if (punct_is(c->text, &c->toks.items[j], '?'))
            return true;
    return false;
}

bool ck_question_to_you(const struct kr_checker *c, size_t t)
{
    static const char *const you[] = {"je", "jij", "jullie", "u"};
    size_t s = t;
    while (s > 0 && !c->info[s].sent)
        s--;
    return s + 1 < c->toks.n && is_word(c, s) && c->toks.items[s].kind == KR_TOK_WORD &&
           cont_ok(c, s + 1) && ANY(c, s + 1, you) && question(c, s);
}

/* The word at t is a person the sentence can be about: a person word ("hij", "de leerling") or
 * a capitalised word (a name), not the writer. */
static bool person_at(const struct kr_checker *c, size_t t, bool names)
{
    if (!is_word(c, t) || c->toks.items[t].kind != KR_TOK_WORD || ANY(c, t, writer))
        return false;
    if (has(c, t, F_PERSON))
        return true;
    unsigned char first = (unsigned char)c->text[c->toks.items[t].start];
    return names && first >= 'A' && first <= 'Z' && !has(c, t, F_INNER);
}

/* The clause after t ends at u (exclusive): punctuation, a new sentence or a clause word. */
static size_t clause_end(const struct kr_checker *c, size_t t)
{
    size_t u = t + 1;
    while (u < c->toks.n && u <= t + 8 && cont_ok(c, u) && !has(c, u, F_CLAUSE))
        u++;
    return u;
}

/* "vindt zijn pen (niet)", "vindt het boek in de kast", "de les vindt plaats": finding a thing. */
static bool finds_a_thing(const struct kr_checker *c, size_t t)
{
    size_t e = clause_end(c, t);
    /* a quoted word found in the dictionary ("vindt 'oever' niet"), or a count or time */
    if (t + 1 < c->toks.n && c->info[t + 1].speech)
        return true;
    for (size_t j = t + 1; j < e; j++)
        if (ANY(c, j, place) || c->toks.items[j].kind == KR_TOK_NUMBER ||
            c->toks.items[j].kind == KR_TOK_TIME || has(c, j, F_NUMWORD))
            return true;
    if (t + 2 < e && ANY(c, t + 1, finder))
        return e == t + 3 || (e == t + 4 && exact_is(c, t + 3, "niet"));
    return t + 2 < e && ANY(c, t + 1, det) && (has(c, t + 2, F_ANTWOORD) || has(c, t + 2, F_WORK));
}

/* "Hij mag mij niet", "ze mag de juf graag": liking someone. "Mogen" is mostly permission ("mag
 * niet naar buiten", "mag zijn jas niet aan"): only a person, then "niet" or "graag" ending the
 * clause, is liking. */
static bool likes_a_person(const struct kr_checker *c, size_t t)
{
    static const char *const obj[] = {"mij", "me", "hem", "haar", "jou", "ons", "hen", "elkaar"};
    size_t e = clause_end(c, t), j = t + 1;
    if (j < e && (ANY(c, j, det) || ANY(c, j, finder)) && j + 1 < e && has(c, j + 1, F_PERSON))
        j += 2; /* "de juf" */
    else if (j < e && (ANY(c, j, det) || ANY(c, j, finder)) && j + 2 < e && has(c, j + 2, F_PERSON))
        j += 3; /* "de nieuwe juf" */
    else if (j < e && (ANY(c, j, obj) || has(c, j, F_PERSON)))
        j++;
    else
        return false;
    if (j + 2 == e && has(c, j, F_INTENS))
        j++; /* "mag hem wel graag" */
    return j + 1 == e && (exact_is(c, j, "niet") || exact_is(c, j, "graag"));
}

/* "Hij wil naar de wc en vraagt het aan de juf": the wish is asked for in the same sentence, so
 * it was heard, not read. */
static bool asked_for(const struct kr_checker *c, size_t t)
{
    static const char *const ask[] = {"vraagt", "vroeg", "vragen", "vroegen"};
    for (size_t j = t + 1; j < c->toks.n && !c->info[j].sent; j++)
        if (ANY(c, j, ask))
            return true;
    return false;
}

/* The verb's own limits: a refusal is seen ("wil niet meedoen", but "wil niet dat ..." wants),
 * "houden" is an inner state only with "van", and finding a thing is no opinion. */
static bool verb_says_inside(const struct kr_checker *c, size_t t)
{
    const char *lemma = c->info[t].slot->lemma;
    if (!lemma)
        return false;
    if (strcmp(lemma, "will") == 0)
        return !(t + 1 < c->toks.n && exact_is(c, t + 1, "niet") &&
                 !(t + 2 < c->toks.n && exact_is(c, t + 2, "dat"))) &&
               !asked_for(c, t);
    if (strcmp(lemma, "houd") == 0) {
        size_t e = clause_end(c, t);
        for (size_t j = t + 1; j < e; j++)
            if (exact_is(c, j, "van"))
                return true;
        return false;
    }
    if (strcmp(lemma, "vind") == 0)
        return !finds_a_thing(c, t);
    if (strcmp(lemma, "mog") == 0)
        return likes_a_person(c, t);
    return true;
}

void ck_inner_rule(struct kr_checker *c, size_t t)
{
    if (c->mind_cat < 0 || !is_word(c, t) || c->info[t].fact || !has(c, t, F_INNER) ||
        question(c, t))
        return;
    bool subject = false;
    size_t n = c->toks.n;
    if (t > 0 && !c->info[t].sent && person_at(c, t - 1, true)) {
        /* "hij wil", "de leerling vindt", "Sem hoopt"; not "kiezen wat ze willen" */
        subject = !(t > 1 && !c->info[t - 1].sent && ANY(c, t - 2, wh)) &&
                  !(t + 1 < n && ANY(c, t + 1, writer));
        /* "laat de kinderen weten": the person is told, not read */
        for (size_t j = t - 1, k = 0; subject && j > 0 && k < 3 && !c->info[j].sent; k++)
            if (ANY(c, --j, let))
                subject = false;
    } else if (!c->info[t].sent && t + 1 < n && !c->info[t + 1].sent) {
        /* "daarom wil hij", "rekenen vindt de leerling niks" */
        subject =
            person_at(c, t + 1, false) ||
            (t + 2 < n && ANY(c, t + 1, det) && person_at(c, t + 2, false) && !ANY(c, t + 2, pron));
    }
    /* "omdat hij het niet begrijpt": the subordinator, the person, a few words, the verb. */
    for (size_t j = t, k = 0; !subject && j > 1 && k < 5 && !c->info[j].sent; k++) {
        j--;
        if (!is_word(c, j) || c->toks.items[j].kind != KR_TOK_WORD || ANY(c, j, modal))
            break;
        if (person_at(c, j, false) && is_word(c, j - 1) && ANY(c, j - 1, subord))
            subject = true;
        else if (person_at(c, j, false) && is_word(c, j - 1) && exact_is(c, j - 1, "dat"))
            subject = !goal_before(c, j - 1); /* "ik zie dat hij het weet", not a lesson goal */
        else if (j + 1 < t && has(c, j, F_CLAUSE))
            break;
    }
    if (!subject || !verb_says_inside(c, t))
        return;
    ck_add_cand(c, c->toks.items[t].start, c->toks.items[t].end, c->mind_cat);
}

void ck_exclamation_rule(struct kr_checker *c, size_t t)
{
    size_t n = c->toks.n;
    if (c->eval_cat < 0 || !c->info[t].sent || !is_word(c, t) || t + 2 >= n ||
        !exact_is(c, t, "wat") || !cont_ok(c, t + 1) || !exact_is(c, t + 1, "een") ||
        !cont_ok(c, t + 2) || c->toks.items[t + 2].kind != KR_TOK_WORD || question(c, t))
        return;
    size_t e = t + 2;
    while (e + 1 < n && cont_ok(c, e + 1) && c->toks.items[e + 1].kind == KR_TOK_WORD)
        e++;
    /* "Wat een breuk is, legt de juf uit": a question in other words, not an exclamation. */
    for (size_t j = t + 2; j <= e; j++)
        if (has(c, j, F_COPULA | F_SPEECH) || exact_is(c, j, "betekent"))
            return;
    ck_add_cand(c, c->toks.items[t].start, c->toks.items[e].end, c->eval_cat);
}
