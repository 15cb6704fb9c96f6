/* SPDX-License-Identifier: MIT */
/*
 * Whose question it is: learners named or as a pronoun ("Waar speelt hij mee?"), the group as
 * the subject, adults and the teacher's work (leraargericht) unless they are a circumstance
 * ("tijdens de uitleg van de juf"), the school's "we", and passives about learners ("Hoe
 * worden leerlingen uitgedaagd?").
 */
#include <stdint.h>

#include "lint_internal.h"

/* Is word i (a learner or teacher word) inside a prepositional phrase: "in de klas", "van de
 * juf"? With `situation`, only after the prepositions of 'situatie' (or 'van' after the
 * teacher's work: "de uitleg van de juf"). */
static bool after_prep(const struct kr_linter *L, size_t i, bool situation)
{
    size_t p = i;
    if (p > 0 && L->w[p - 1].sent == L->w[i].sent && is_article(fold_of(L, p - 1)))
        p--;
    if (p == 0 || L->w[p - 1].sent != L->w[i].sent)
        return false;
    p--;
    if (!situation)
        return is_in(L, &L->voorzetsels, p) && !fold_is(L, p, "en") && !fold_is(L, p, "of") &&
               !fold_is(L, p, "maar");
    if (is_in(L, &L->situatie, p))
        return true;
    return fold_is(L, p, "van") && p > 0 && L->w[p - 1].sent == L->w[i].sent &&
           is_in(L, &L->handelen, p - 1);
}

/* "de groep", "de klas" as the subject, not as a place. */
static size_t group_at(const struct kr_linter *L, size_t i)
{
    size_t n = kl_match_at(L, &L->groepswoorden, i, false);
    if (!n || !after_prep(L, i, false))
        return n;
    /* "de zonnebloem van de klas": whose it is, so the learners. The group words start with
     * their article, so the preposition is the word before. */
    return i > 0 && L->w[i - 1].sent == L->w[i].sent && fold_is(L, i - 1, "van") ? n : 0;
}

/* Does the sentence of word i name an adult (a word from 'leraren', outside quotes), or the
 * teacher's work other than as a circumstance ("Hoe geeft hij instructie?", but not "tijdens de
 * uitleg")? Then a pronoun may well be the teacher. */
static bool names_adult(const struct kr_linter *L, size_t i)
{
    size_t s = L->w[i].sent;
    for (size_t j = L->s[s].first; j < L->s[s].end; j++)
        if (!L->w[j].quoted &&
            (is_in(L, &L->leraren, j) || (is_in(L, &L->handelen, j) && !after_prep(L, j, true))))
            return true;
    return false;
}

/* Is word p the observer's verb of noticing: 'zie', 'merk' or 'valt ... op'? */
static bool perceives(const struct kr_linter *L, size_t p)
{
    if (is_in(L, &L->waarnemen, p))
        return true;
    if (!fold_is(L, p, "valt") && !fold_is(L, p, "vallen") && !fold_is(L, p, "viel"))
        return false;
    for (size_t j = p + 1; j < L->nw && L->w[j].sent == L->w[p].sent; j++)
        if (fold_is(L, j, "op"))
            return true;
    return false;
}

/*
 * A pronoun as the learner: right after the finite verb of a question ("Waar speelt hij mee?",
 * "Welke stappen heb je gezet?") or right after a conjunction ("wanneer je je handen wast"),
 * when no adult is named. After a verb of noticing it is the observer ("Wat zie je?").
 */
static bool pronoun_learner(const struct kr_linter *L)
{
    static const char *const not_verb[] = {"ik",  "we",  "wij", "u",   "je",  "jij", "jullie", "ze",
                                           "zij", "hij", "er",  "het", "dat", "dit", "niet"};
    for (size_t i = 1; i < L->nw; i++) {
        size_t p = i - 1;
        if (!is_in(L, &L->voornaamwoorden, i) || L->w[i].quoted || L->w[i].frame ||
            L->w[p].sent != L->w[i].sent || L->w[i].clause_start || names_adult(L, i))
            continue;
        if (is_in(L, &L->bijzin, p))
            return true;
        bool verb = !is_in(L, &L->voorzetsels, p) && !is_in(L, &L->vraagwoorden, p) &&
                    !is_article(fold_of(L, p)) && !is_in(L, &L->leerlingen, p) &&
                    !is_in(L, &L->leraren, p) && !perceives(L, p);
        for (size_t k = 0; verb && k < sizeof not_verb / sizeof not_verb[0]; k++)
            verb = !fold_is(L, p, not_verb[k]);
        if (verb)
            return true;
    }
    return false;
}

/*
 * A passive main clause about learners ("Hoe worden leerlingen uitgedaagd?", "Hoe wordt er
 * omgegaan met leerlingen die ...?") asks what is done to them: the teacher's work. Not when
 * the learners do it ("Welke woorden worden door leerlingen gebruikt?").
 */
static bool passive_about_learners(struct kr_linter *L)
{
    for (size_t s = 0; s < L->ns; s++) {
        size_t aux = SIZE_MAX, part = SIZE_MAX;
        bool learner = false, agent = false;
        for (size_t i = L->s[s].first; i < L->s[s].end; i++) {
            if (L->w[i].quoted)
                continue;
            if (is_in(L, &L->leerlingen, i) || group_at(L, i)) {
                learner = true;
                size_t p = i;
                while (p > L->s[s].first && is_article(fold_of(L, p - 1)))
                    p--;
                if (p > L->s[s].first && (fold_is(L, p - 1, "door") || fold_is(L, p - 1, "tussen")))
                    agent = true;
            }
            if (L->w[i].sub)
                continue;
            if (aux == SIZE_MAX && kl_is_passive_aux(L, i))
                aux = i;
            else if (aux != SIZE_MAX && part == SIZE_MAX && !L->w[i].exempt &&
                     kl_is_passive_participle(fold_of(L, i)))
                part = i;
        }
        if (learner && !agent && part != SIZE_MAX) {
            kl_add_found(L, K_LERAARGERICHT, L->w[aux].start, L->w[part].end);
            return true;
        }
    }
    return false;
}

void kl_check_leraar(struct kr_linter *L, bool *has_learner)
{
    *has_learner = kl_any_term(L, &L->leerlingen) || pronoun_learner(L);
    for (size_t i = 0; !*has_learner && i < L->nw; i++)
        *has_learner = group_at(L, i) > 0;
    if (passive_about_learners(L))
        return;
    for (size_t i = 0; i < L->nw; i++) {
        if (L->w[i].sub || L->w[i].quoted || L->w[i].frame)
            continue;
        if (is_in(L, &L->leerlingen, i) || group_at(L, i))
            return;
        /* "we" is the school ("Hoe zorgen we ervoor dat ...?"), unless it is the observers
         * ("Wat zien we leerlingen doen?"). */
        if (is_in(L, &L->wij, i)) {
            if (kl_sentence_has(L, &L->waarnemen, L->w[i].sent))
                continue;
            kl_add_found(L, K_LERAARGERICHT, L->w[i].start, L->w[i].end);
            return;
        }
        size_t n = kl_match_at(L, &L->leraren, i, false);
        /* The teacher as a circumstance: "tijdens de uitleg van de juf", "bij de meester". */
        if (n && after_prep(L, i, true)) {
            i += n - 1;
            continue;
        }
        if (n) {
            kl_add_found(L, K_LERAARGERICHT, L->w[i].start, L->w[i + n - 1].end);
            return;
        }
    }
    if (*has_learner)
        return;
    size_t at, n;
    if (kl_find_term(L, &L->handelen, 0, &at, &n))
        kl_add_found(L, K_LERAARGERICHT, L->w[at].start, L->w[at + n - 1].end);
}
