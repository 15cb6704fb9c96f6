/* SPDX-License-Identifier: MIT */
/*
 * The structure of a question for the lint: exempt fixed phrases, introductions and headings
 * ("We zijn benieuwd hoe ...", "Thema X: ..."), open questions (a question word at a clause
 * start), tag questions ("Waar zie je dat aan?"), subordinate clauses and the words that can be
 * a subject after a verb.
 */
#include "lint_internal.h"

/* Is there a question word at clause start c (perhaps after one or two prepositions)? */
static bool question_at(const struct kr_linter *L, size_t c, size_t end)
{
    for (size_t i = c; i < end && i < c + 3; i++) {
        if (is_in(L, &L->vraagwoorden, i))
            return true;
        if (!is_in(L, &L->voorzetsels, i))
            return false;
    }
    return false;
}

/* Is word i at the start of its clause, perhaps after prepositions or other question
 * words ("Op welke manier", "Wanneer en hoe")? */
bool kl_opens_clause(const struct kr_linter *L, size_t i)
{
    for (;; i--) {
        if (L->w[i].clause_start)
            return true;
        if (!is_in(L, &L->voorzetsels, i - 1) && !is_in(L, &L->vraagwoorden, i - 1))
            return false;
    }
}

/*
 * An introduction at the start of sentence S ("We zijn benieuwd hoe ...", "Kijk naar wat
 * ...") is not the question: the question starts after it. A short heading before a colon
 * ("Thema leesmotivatie: wat doen ...?") is not the question either.
 */
static void mark_frames(struct kr_linter *L, struct sent *S)
{
    size_t n = kl_match_at(L, &L->inleidingen, S->first, false);
    if (n && S->first + n < S->end) {
        size_t k = S->first + n;
        for (size_t i = S->first; i < k; i++)
            L->w[i].frame = true;
        L->w[k].clause_start = true;
        while (k + 1 < S->end && is_in(L, &L->voorzetsels, k) && !fold_is(L, k, "of"))
            k++;
        if (fold_is(L, k, "of") || fold_is(L, k, "dat")) {
            S->frame_end = k + 1;
            S->frame_of = fold_is(L, k, "of");
        }
        return;
    }
    if (question_at(L, S->first, S->end))
        return;
    for (size_t c = S->first + 1; c < S->end && c <= S->first + 8; c++)
        if (L->w[c].after_colon) {
            if (!question_at(L, c, S->end))
                return;
            for (size_t i = S->first; i < c; i++)
                L->w[i].frame = true;
            return;
        }
}

void kl_mark_structure(struct kr_linter *L)
{
    /* Exempt fixed phrases. */
    for (size_t i = 0; i < L->nw; i++) {
        size_t n = kl_match_at(L, &L->uitzonderingen, i, false);
        for (size_t j = 0; j < n; j++)
            L->w[i + j].exempt = true;
    }
    for (size_t s = 0; s < L->ns; s++) {
        struct sent *S = &L->s[s];
        mark_frames(L, S);
        bool later_question = false;
        /* A question word at a clause start, or coordinated after 'en': "Kan dit gebeurd zijn
         * en waarom wel of niet?" asks for the reasons too, so it is open. */
        for (size_t i = S->first; i < S->end; i++)
            if ((L->w[i].clause_start ||
                 (i > S->first && fold_is(L, i - 1, "en") && !L->w[i - 1].quoted)) &&
                question_at(L, i, S->end)) {
                S->open = true;
                if (i > S->first)
                    later_question = true;
            }
        size_t n = S->end - S->first;
        if (n <= 8)
            for (size_t i = S->first; i < S->end; i++)
                if (kl_match_at(L, &L->bewijs, i, false))
                    S->tag = true;
        /* Subordinate clauses: from a conjunction to the end of its clause. A sentence that
         * opens with 'Wanneer' is only subordinate when a question follows ("Wanneer de
         * juf uitlegt, wat doen leerlingen?"). */
        bool sub = false;
        for (size_t i = S->first; i < S->end; i++) {
            if (L->w[i].clause_start)
                sub = false;
            bool qword = is_in(L, &L->vraagwoorden, i);
            if (!sub && is_in(L, &L->bijzin, i)) {
                if (!(i == S->first && qword && !later_question) &&
                    !(L->w[i].clause_start && i != S->first && qword))
                    sub = true;
            } else if (!sub && fold_is(L, i, "of") && i > S->first && i + 1 < S->end &&
                       !L->w[i + 1].clause_start && kl_subjectish(L, i + 1) &&
                       ((!is_in(L, &L->leerlingen, i + 1) && !is_in(L, &L->leraren, i + 1)) ||
                        fold_is(L, i + 1, "ze") || fold_is(L, i + 1, "zij"))) {
                /* An indirect yes/no question: "controleren of hun antwoord klopt". */
                sub = true;
            } else if (!sub && qword && !kl_opens_clause(L, i)) {
                /* An embedded question word starts a subordinate clause: "een vraag waar ze
                 * het antwoord niet op weten", "zeggen wat ze leren". */
                sub = true;
            }
            L->w[i].sub = sub;
        }
    }
}

/* Could word i be the subject right after a verb: learners, teachers, an article, a pronoun? */
bool kl_subjectish(const struct kr_linter *L, size_t i)
{
    static const char *const pron[] = {"er",   "je",       "jij",  "jullie", "ze",     "zij",
                                       "hij",  "iedereen", "alle", "elke",   "iedere", "ieder",
                                       "veel", "sommige",  "u",    "men",    "wie"};
    if (i >= L->nw)
        return false;
    if (is_in(L, &L->leerlingen, i) || is_in(L, &L->leraren, i) || is_in(L, &L->wij, i) ||
        is_article(fold_of(L, i)))
        return true;
    for (size_t k = 0; k < sizeof pron / sizeof pron[0]; k++)
        if (fold_is(L, i, pron[k]))
            return true;
    return false;
}
