/* SPDX-License-Identifier: MIT */
/*
 * A question into words and sentences for the lint: tokens, sentence and clause boundaries
 * (. ? ! , ; : brackets, dashes, the ellipsis), and each word's folded form and stem in the
 * linter's scratch.
 */
#include <string.h>

#include "kijkronde/mem.h"
#include "lint_internal.h"

/* ---- analysis ---- */

static bool is_boundary(const char *q, size_t start, size_t end, bool *sentence_end, bool *qmark)
{
    *sentence_end = *qmark = false;
    if (end - start != 1) {
        /* … — – as clause boundaries */
        if ((end - start == 3 && memcmp(q + start, "\xe2\x80\xa6", 3) == 0)) {
            *sentence_end = true;
            return true;
        }
        return end - start == 3 && (memcmp(q + start, "\xe2\x80\x93", 3) == 0 ||
                                    memcmp(q + start, "\xe2\x80\x94", 3) == 0);
    }
    switch (q[start]) {
    case '?':
        *qmark = true;
        *sentence_end = true;
        return true;
    case '.':
    case '!':
        *sentence_end = true;
        return true;
    case ',':
    case ';':
    case ':':
    case '(':
    case ')':
        return true;
    default:
        return false;
    }
}

void kl_split(struct kr_linter *L)
{
    L->nw = L->ns = 0;
    kr_buf_reset(&L->scratch);
    kr_tokenize(L->q, L->qlen, &L->toks);
    bool clause = true, colon = false;
    size_t sent = 0;
    KR_GROW(L->s, L->scap, 1);
    L->s[0] = (struct sent){0};
    for (size_t t = 0; t < L->toks.n; t++) {
        const struct kr_token *tok = &L->toks.items[t];
        if (tok->kind == KR_TOK_PUNCT) {
            bool send, qm;
            if (!is_boundary(L->q, tok->start, tok->end, &send, &qm))
                continue;
            clause = true;
            colon = tok->end - tok->start == 1 && L->q[tok->start] == ':';
            if (send && L->s[sent].end > L->s[sent].first) {
                L->s[sent].question = qm;
                sent++;
                KR_GROW(L->s, L->scap, sent + 1);
                L->s[sent] = (struct sent){.first = L->nw, .end = L->nw};
            } else if (qm) {
                L->s[sent].question = true;
            }
            continue;
        }
        if (tok->kind != KR_TOK_WORD && tok->kind != KR_TOK_NUMBER) {
            clause = false;
            continue;
        }
        KR_GROW(L->w, L->wcap, L->nw + 1);
        struct word *w = &L->w[L->nw];
        *w = (struct word){.start = tok->start,
                           .end = tok->end,
                           .sent = sent,
                           .clause_start = clause,
                           .after_colon = colon,
                           .quoted = tok->quoted};
        size_t len = tok->end - tok->start;
        char buf[256];
        w->fold_off = L->scratch.len;
        if (len < 64) {
            kr_fold(L->q + tok->start, len, buf, sizeof buf);
            w->fold_len = strlen(buf);
            kr_buf_append(&L->scratch, buf, strlen(buf) + 1);
        } else {
            kr_buf_append(&L->scratch, "", 1); /* too long to be a word we know */
        }
        w->stem_off = L->scratch.len;
        if (len < 64) {
            kr_stem(L->stemmer, L->q + tok->start, len, buf, sizeof buf);
            kr_buf_append(&L->scratch, buf, strlen(buf) + 1);
        } else {
            kr_buf_append(&L->scratch, "", 1);
        }
        L->nw++;
        L->s[sent].end = L->nw;
        clause = colon = false;
    }
    L->ns = L->s[sent].end > L->s[sent].first ? sent + 1 : sent;
}
