/* SPDX-License-Identifier: MIT */
/*
 * Matching the lint's word lists against the words of a question: a term's patterns (stem,
 * prefix, suffix, infix) word by word within one sentence, the longest term at a word, and a
 * memo per word and list, since the structure asks the same thing many times per question.
 */
#include <string.h>

#include "lint_internal.h"

/* ---- matching ---- */

bool kl_pat_match(const struct kr_linter *L, const struct pat *p, size_t i)
{
    const char *f = fold_of(L, i);
    size_t fl = L->w[i].fold_len, pl = p->len;
    switch (p->mode) {
    case PAT_STEM:
        return strcmp(stem_of(L, i), p->s) == 0;
    case PAT_PREFIX:
        return fl >= pl && memcmp(f, p->s, pl) == 0;
    case PAT_SUFFIX:
        return fl >= pl && memcmp(f + fl - pl, p->s, pl) == 0;
    case PAT_INFIX:
        return strstr(f, p->s) != NULL;
    }
    return false;
}

/* Does term match at word i? Faults skip quoted, exempt and used words; structure lists
 * (faults == false) only skip quoted ones. */
static bool term_matches(const struct kr_linter *L, const struct term *term, size_t i, bool faults)
{
    if (i + term->n > L->nw)
        return false;
    for (size_t j = 0; j < term->n; j++) {
        const struct word *w = &L->w[i + j];
        if (w->quoted || (faults && (w->exempt || w->used)) || w->sent != L->w[i].sent)
            return false;
        if (!kl_pat_match(L, &term->w[j], i + j))
            return false;
    }
    return true;
}

/* The number of words of the longest term of t that starts at word i (0 if none). */
static size_t match_scan(const struct kr_linter *L, const struct termlist *t, size_t i, bool faults)
{
    size_t best = 0;
    /* Terms whose first stem is this word's: the first of them by binary search. */
    const char *stem = stem_of(L, i);
    size_t lo = 0, hi = t->n_by_stem;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(t->items[t->by_stem[mid]].w[0].s, stem) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t x = lo; x < t->n_by_stem; x++) {
        const struct term *term = &t->items[t->by_stem[x]];
        if (strcmp(term->w[0].s, stem) != 0)
            break;
        if (term->n > best && term_matches(L, term, i, faults))
            best = term->n;
    }
    for (size_t x = 0; x < t->n_globs; x++) {
        const struct term *term = &t->items[t->globs[x]];
        if (term->n > best && term_matches(L, term, i, faults))
            best = term->n;
    }
    return best;
}

size_t kl_match_at(const struct kr_linter *L, const struct termlist *t, size_t i, bool faults)
{
    /* The structural answer never changes during one kr_lint: remember it. A fault match
     * only adds conditions, so no structural match means no fault match either. */
    unsigned char *m = &L->memo[i * L->nlists + t->id];
    if (*m == 0) {
        size_t n = match_scan(L, t, i, false);
        *m = (unsigned char)(n < 254 ? n + 1 : 255);
    }
    if (*m == 1)
        return 0;
    if (!faults)
        return (size_t)*m - 1;
    return match_scan(L, t, i, faults);
}

/* The first fault from list t at or after word `from`; *len gets its length in words. */
bool kl_find_term(const struct kr_linter *L, const struct termlist *t, size_t from, size_t *at,
                  size_t *len)
{
    for (size_t i = from; i < L->nw; i++) {
        size_t n = kl_match_at(L, t, i, true);
        if (n) {
            *at = i;
            *len = n;
            return true;
        }
    }
    return false;
}

bool kl_any_term(const struct kr_linter *L, const struct termlist *t)
{
    for (size_t i = 0; i < L->nw; i++)
        if (kl_match_at(L, t, i, false))
            return true;
    return false;
}
