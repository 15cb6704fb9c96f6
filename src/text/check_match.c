/* SPDX-License-Identifier: MIT */
/*
 * Matching the lexicon's patterns against a tokenized note: an element against a word (a stem
 * with its derivational guards, a suffix, an exact form, a number, any word), gaps of a few
 * words, and the rule that a generalisation measured by a number nearby ("om 10:51 zijn alle
 * groepjes aan het werk") is no judgement, nor is a frequency in the writer's own habit
 * (ck_self_report in check_facts.c).
 */
#include <assert.h>

#include "check_internal.h"
#include "kijkronde/mem.h"

/* The guards of al hold for the word at t (its ASCII letters compared case-insensitively). */
static bool guard_ok(const struct kr_checker *c, size_t t, const struct alt *al)
{
    if (!al->req[0] && !al->no_bare)
        return true;
    const struct kr_token *k = &c->toks.items[t];
    size_t len = k->end - k->start;
    if (al->pre) {
        size_t pl = strlen(al->pre);
        if (len < pl)
            return false;
        for (size_t i = 0; i < pl; i++) {
            char ch = c->text[k->start + i];
            if (ch >= 'A' && ch <= 'Z')
                ch = (char)(ch - 'A' + 'a');
            if (ch != al->pre[i])
                return false;
        }
    }
    if (al->no_bare && exact_is(c, t, al->s))
        return false;
    if (!al->req[0])
        return true;
    size_t rl = strlen(al->req);
    for (size_t i = 0; i + rl <= len; i++) {
        size_t j = 0;
        while (j < rl && (c->text[k->start + i + j] | 0x20) == al->req[j])
            j++;
        if (j == rl)
            return true;
    }
    return false;
}

static bool elem_ok(const struct kr_checker *c, const struct elem *el, size_t t)
{
    const struct tinfo *in = &c->info[t];
    switch (el->type) {
    case EL_NUMBER:
        return c->toks.items[t].kind == KR_TOK_NUMBER || has(c, t, F_HOEVEEL);
    case EL_ANY:
        return c->toks.items[t].kind == KR_TOK_WORD;
    case EL_STEM:
        if (!in->slen || in->fact)
            return false;
        for (size_t k = 0; k < el->nspecial; k++) {
            const char *alt = el->alts[el->special[k]].s;
            if (alt[0] == '=') {
                if (exact_is(c, t, alt + 1))
                    return true;
            } else {
                size_t sl = strlen(alt + 1);
                if (in->slen > sl && memcmp(in->stem + in->slen - sl, alt + 1, sl) == 0)
                    return true;
            }
        }
        size_t lo = 0, hi = el->nplain; /* first alt with hash >= in->hash */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (el->alts[el->by_hash[mid]].hash < in->hash)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (; lo < el->nplain && el->alts[el->by_hash[lo]].hash == in->hash; lo++) {
            const struct alt *al = &el->alts[el->by_hash[lo]];
            if (strcmp(al->s, in->stem) == 0 && guard_ok(c, t, al))
                return true;
        }
        return false;
    case EL_GAP:
        break;
    }
    return false;
}

static bool match_at(const struct kr_checker *c, const struct pattern *p, size_t e, size_t t,
                     size_t *last)
{
    if (e == p->n) {
        *last = t;
        return true;
    }
    const struct elem *el = &p->elems[e];
    if (el->type == EL_GAP) {
        for (size_t g = 0; g <= GAP_MAX; g++) {
            if (match_at(c, p, e + 1, t + g, last))
                return true;
            if (!cont_ok(c, t + g))
                return false;
        }
        return false;
    }
    if (!(e == 0 ? is_word(c, t) : cont_ok(c, t)) || !elem_ok(c, el, t))
        return false;
    return match_at(c, p, e + 1, t + 1, last);
}

void ck_add_cand(struct kr_checker *c, size_t start, size_t end, int cat)
{
    KR_GROW(c->cands, c->capcands, c->ncands + 1);
    c->cands[c->ncands++] = (struct cand){start, end, cat};
}

void ck_try_pattern(struct kr_checker *c, size_t p, size_t t)
{
    assert(p < c->npats && t < c->toks.n);
    size_t last;
    if (!match_at(c, &c->pats[p], 0, t, &last))
        return;
    /* "Ik teken bijna elke dag": the writer's own habit, not a generalisation about a pupil. */
    if (c->pats[p].cat >= 0 && c->pats[p].cat == c->gen_cat && ck_self_report(c, t))
        return;
    /* "Begrijp je het?" asks; it does not read a mind. */
    if (c->pats[p].cat >= 0 && c->pats[p].cat == c->mind_cat && ck_question_to_you(c, t))
        return;
    /* "om 10:51 zijn alle groepjes aan het werk" counts what it generalises. */
    for (size_t k = t; k < last; k++)
        if (has(c, k, F_GEMETEN) && ck_measured(c, k))
            return;
    ck_add_cand(c, c->toks.items[t].start, c->toks.items[last - 1].end, c->pats[p].cat);
}
