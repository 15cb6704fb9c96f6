/* SPDX-License-Identifier: MIT */
/*
 * The predicate rule: a person or a piece of work, a copula and one word that ends the clause
 * ("Hij is een sloddervos", "Mevrouw is depressief", "Het werk is slordig") is a label or an
 * evaluation even when the lexicon does not know the word. Participles, infinitives, names,
 * numbers and fact words ("klaar", "ziek") are left alone.
 */
#include <string.h>

#include "check_internal.h"
#include "kijkronde/text.h"

/* The word at t looks like a past participle ("gevallen", "opgestaan", "vertrokken"): "hij is
 * gevallen" reports what happened. Present participles ("vervelend") are adjectives. */
static bool participle(const struct kr_checker *c, size_t t)
{
    char f[STEM_MAX + 8];
    const struct kr_token *k = &c->toks.items[t];
    size_t n = kr_fold(c->text + k->start, k->end - k->start, f, sizeof f);
    if (n >= sizeof f || n < 5)
        return false;
    char last = f[n - 1];
    if (n >= 3 && memcmp(f + n - 3, "end", 3) == 0)
        return false;
    if (last != 'd' && last != 't' && last != 'n')
        return false;
    static const char *const pre[] = {"ge", "be", "ver", "ont", "her", "er"};
    for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++)
        if (strncmp(f, pre[i], strlen(pre[i])) == 0)
            return true;
    /* a separable prefix before "ge": opgestaan, weggelopen, binnengekomen */
    for (size_t i = 2; i + 2 < n && i <= 6; i++)
        if (f[i] == 'g' && f[i + 1] == 'e')
            return true;
    return false;
}

/* The predicate ends after token t: the sentence, a punctuation mark, or a word such as
 * "en", "maar", "zeg" follows. */
static bool clause_ends_after(const struct kr_checker *c, size_t t)
{
    size_t u = t + 1;
    if (u >= c->toks.n || c->info[u].sent || c->info[u].nl)
        return true;
    if (c->toks.items[u].kind == KR_TOK_PUNCT)
        return true;
    return c->toks.items[u].kind == KR_TOK_WORD && has(c, u, F_CLAUSE);
}

/* A word that can be the predicate: an ordinary lower-case word of the observer's own that is
 * no number, grammar word, name or copula. */
static bool pred_word(const struct kr_checker *c, size_t t)
{
    if (t >= c->toks.n || c->toks.items[t].kind != KR_TOK_WORD || c->info[t].speech ||
        !c->info[t].slen || c->info[t].sent || c->info[t].nl)
        return false;
    unsigned char first = (unsigned char)c->text[c->toks.items[t].start];
    if (first >= 'A' && first <= 'Z')
        return false; /* a name: "ben jij Anne?" */
    return !has(c, t, F_PREDFACT | F_COPULA | F_NUMWORD | F_INTENS | F_CLAUSE | F_HOEVEEL);
}

/* A word the lexicon found at p: its own pattern names the kind ("is onvoldoende": norm). */
static bool lexicon_has(const struct kr_checker *c, size_t p, size_t nlex)
{
    for (size_t k = 0; k < nlex; k++)
        if (c->cands[k].cat >= 0 && c->cands[k].start <= c->toks.items[p].start &&
            c->toks.items[p].end <= c->cands[k].end)
            return true;
    return false;
}

/* "omdat hij chaotisch is", "terwijl ze een doetje is": the same predicate in a subordinate
 * clause, where the copula comes last. Only after a subordinator of reason or time: "dat" also
 * opens lesson goals ("het doel is dat ze zelfstandig zijn"). */
static void predicate_last(struct kr_checker *c, size_t t, size_t nlex)
{
    static const char *const subord[] = {"omdat",   "doordat", "zodat", "als",
                                         "wanneer", "terwijl", "hoewel"};
    if (t < 3 || c->info[t].sent || !clause_ends_after(c, t) || !pred_word(c, t - 1) ||
        has(c, t - 1, F_PERSON) || participle(c, t - 1) || lexicon_has(c, t - 1, nlex))
        return;
    const struct kr_token *k = &c->toks.items[t - 1];
    if (k->end - k->start > 3 && c->info[t - 1].ends_n)
        return; /* "omdat hij zwemmen is": an infinitive */
    size_t j = t - 2;
    for (int steps = 0; steps < 3 && j > 0 && is_word(c, j) && !c->info[j].sent &&
                        (has(c, j, F_INTENS) || exact_is(c, j, "een") || exact_is(c, j, "zo'n"));
         steps++)
        j--;
    if (j == 0 || !is_word(c, j) || c->info[j].sent || !has(c, j, F_PERSON) || !is_word(c, j - 1))
        return;
    bool sub = false;
    for (size_t i = 0; i < sizeof subord / sizeof subord[0]; i++)
        sub = sub || exact_is(c, j - 1, subord[i]);
    if (sub)
        ck_add_cand(c, c->toks.items[j].start, c->toks.items[t].end, c->label_cat);
}

/* "Hij is een sloddervos", "Mevrouw is depressief", "Wat ben je opmerkzaam", "Het werk is
 * slordig": a person (or a piece of work) and a copula, then, after at most a few intensifiers,
 * one word that ends the clause and is no fact word ("klaar", "ziek", "thuis"), number, name or
 * participle; or "een" and such a word, or "een" + word + person noun ("een braaf meisje").
 * Words the lexicon knows are found by their patterns; this finds the ones it does not. */
void ck_predicate_rule(struct kr_checker *c, size_t t, size_t nlex)
{
    if (c->label_cat < 0 || !is_word(c, t) || !has(c, t, F_COPULA))
        return;
    size_t n = c->toks.n, start, p;
    bool work = false;
    if (t > 0 && !c->info[t].sent && is_word(c, t - 1) &&
        c->toks.items[t - 1].kind == KR_TOK_WORD && has(c, t - 1, F_PERSON | F_WORK)) {
        start = t - 1; /* "hij is", "de leerling is", "het werk is" */
        work = !has(c, t - 1, F_PERSON);
        p = t + 1;
    } else if (t + 1 < n && !c->info[t + 1].sent && is_word(c, t + 1) &&
               c->toks.items[t + 1].kind == KR_TOK_WORD && has(c, t + 1, F_PERSON)) {
        start = t; /* "wat ben je ...", "is hij ..." */
        p = t + 2;
    } else {
        predicate_last(c, t, nlex);
        return;
    }
    if (work && c->eval_cat < 0)
        return;
    bool article = false;
    for (int steps = 0; steps < 4 && p < n && is_word(c, p) && !c->info[p].sent; steps++) {
        if (has(c, p, F_INTENS))
            p++;
        else if (!article && exact_is(c, p, "een"))
            article = true, p++;
        else
            break;
    }
    if (!pred_word(c, p) || has(c, p, F_PERSON))
        return;
    if (lexicon_has(c, p, nlex))
        return;
    size_t end = p;
    if (!clause_ends_after(c, p)) {
        /* "een braaf meisje", "een lastig kind" */
        if (!article || !pred_word(c, p + 1) || !has(c, p + 1, F_PERSON) ||
            !clause_ends_after(c, p + 1))
            return;
        end = p + 1;
    } else if (!article) {
        /* a bare word: not a participle ("is gevallen") or an infinitive ("is zwemmen") */
        const struct kr_token *k = &c->toks.items[p];
        if (participle(c, p) || (k->end - k->start > 3 && c->info[p].ends_n))
            return;
    }
    for (size_t k = start; k <= end; k++)
        if (c->info[k].fact)
            return;
    ck_add_cand(c, c->toks.items[start].start, c->toks.items[end].end,
                work ? c->eval_cat : c->label_cat);
}
