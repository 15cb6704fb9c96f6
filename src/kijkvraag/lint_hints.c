/* SPDX-License-Identifier: MIT */
/*
 * The rewrite tips of the lint: the question's own topic ("tijdens de instructie", "als ze
 * vastlopen", "bij het EDI-model") found from the topic list, a subordinate clause about
 * learners or a noun phrase, and {woorden}/{onderwerp} expanded in the messages and tips.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "kijkronde/utf8.h"
#include "lint_internal.h"

/* ---- hints ---- */

static bool is_stopword(const struct kr_linter *L, size_t i)
{
    if (is_in(L, &L->vraagwoorden, i) || is_in(L, &L->voorzetsels, i) ||
        is_in(L, &L->werkwoorden, i) || is_in(L, &L->bijzin, i) || is_in(L, &L->leraren, i) ||
        is_in(L, &L->leerlingen, i))
        return true;
    for (int k = 0; k < K_COUNT; k++)
        if (is_in(L, &L->kinds[k].terms, i))
            return true;
    return false;
}

/*
 * The last word of a noun phrase that starts with the article at i: adjectives (ending in
 * -e), then one noun; "het zelfstandig werken" keeps its verb. Returns i when there is none.
 */
static size_t np_end(const struct kr_linter *L, size_t i)
{
    size_t e = i + 1;
    for (; e < L->nw && e < i + 5; e++) {
        const struct word *w = &L->w[e];
        if (w->clause_start || w->sent != L->w[i].sent || w->quoted || is_stopword(L, e) ||
            is_article(fold_of(L, e)))
            return i;
        const char *f = fold_of(L, e);
        size_t fl = strlen(f);
        if (fl > 2 && f[fl - 1] == 'e' && e + 1 < L->nw && !L->w[e + 1].clause_start &&
            L->w[e + 1].sent == w->sent && !is_stopword(L, e + 1))
            continue; /* an adjective before the noun */
        break;
    }
    if (e >= L->nw || e == i + 5)
        return i;
    if (strcmp(fold_of(L, i), "het") == 0 && e + 1 < L->nw && !L->w[e + 1].clause_start &&
        L->w[e + 1].sent == L->w[e].sent && is_in(L, &L->werkwoorden, e + 1))
        return e + 1;
    return e;
}

/* The topic for the hints into b: a phrase like "tijdens de instructie". */
void kl_topic(struct kr_linter *L, struct kr_buf *b)
{
    for (size_t k = 0; k < L->onderwerpen.n; k++)
        for (size_t i = 0; i < L->nw; i++) {
            const struct term *t = &L->onderwerpen.items[k];
            if (i + t->n > L->nw || L->w[i].quoted)
                continue;
            size_t j = 0;
            while (j < t->n && kl_pat_match(L, &t->w[j], i + j))
                j++;
            if (j == t->n) {
                kr_buf_puts(b, t->text);
                return;
            }
        }
    /* A subordinate clause about learners: "als leerlingen vastlopen" -> "als ze vastlopen". */
    static const char *const conj[] = {"als", "wanneer", "terwijl", "zodra", "nadat", "voordat"};
    for (size_t i = 0; i < L->nw; i++) {
        bool c = false;
        for (size_t j = 0; j < sizeof conj / sizeof conj[0]; j++)
            c |= strcmp(fold_of(L, i), conj[j]) == 0;
        if (!c || !L->w[i].sub || L->w[i].quoted)
            continue;
        size_t e = i + 1;
        while (e < L->nw && L->w[e].sub && !L->w[e].clause_start && L->w[e].sent == L->w[i].sent)
            e++;
        if (e - i > 10 || e - i < 2)
            continue;
        size_t learner = SIZE_MAX;
        for (size_t j = i + 1; j < e && learner == SIZE_MAX; j++)
            if (is_in(L, &L->leerlingen, j))
                learner = j;
        if (learner == SIZE_MAX)
            continue;
        size_t from = learner;
        if (from > i + 1 && is_article(fold_of(L, from - 1)))
            from--;
        struct kr_buf t = {0};
        kr_buf_append(&t, L->q + L->w[i].start, L->w[from].start - L->w[i].start);
        kr_buf_puts(&t, "ze");
        kr_buf_append(&t, L->q + L->w[learner].end, L->w[e - 1].end - L->w[learner].end);
        char *inert = kr_utf8_inert(t.data, t.len, false);
        kr_buf_puts(b, inert);
        free(inert);
        kr_buf_fini(&t);
        return;
    }
    /* A noun phrase from the question: "bij het EDI-model", "bij de regels rond het plein". */
    for (size_t i = 0; i + 1 < L->nw; i++) {
        if (L->w[i].quoted || !is_article(fold_of(L, i)))
            continue;
        size_t e = np_end(L, i);
        if (e == i)
            continue;
        /* One attached phrase: "van de gedeelde verantwoordelijkheid", "rond het plein". */
        static const char *const attach[] = {"van", "rond", "voor", "over"};
        size_t p = e + 1;
        for (size_t a = 0; a < sizeof attach / sizeof attach[0] && p + 1 < L->nw; a++)
            if (strcmp(fold_of(L, p), attach[a]) == 0 && L->w[p].sent == L->w[i].sent &&
                !L->w[p].clause_start && is_article(fold_of(L, p + 1))) {
                size_t pe = np_end(L, p + 1);
                if (pe > p + 1)
                    e = pe;
                break;
            }
        char *inert = kr_utf8_inert(L->q + L->w[i].start, L->w[e].end - L->w[i].start, false);
        kr_buf_printf(b, "bij %s", inert);
        free(inert);
        return;
    }
    kr_buf_puts(b, "tijdens de les");
}

/* Expand {woorden} and {onderwerp} in tmpl into L->out; returns the offset. */
size_t kl_expand(struct kr_linter *L, const char *tmpl, const char *words, const char *subj)
{
    size_t off = L->out.len;
    for (const char *p = tmpl; *p;) {
        if (strncmp(p, "{woorden}", 9) == 0) {
            kr_buf_puts(&L->out, words);
            p += 9;
        } else if (strncmp(p, "{onderwerp}", 11) == 0) {
            kr_buf_puts(&L->out, subj);
            p += 11;
        } else {
            kr_buf_putc(&L->out, *p++);
        }
    }
    kr_buf_putc(&L->out, '\0');
    return off;
}
