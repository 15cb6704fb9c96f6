/* SPDX-License-Identifier: MIT */
/*
 * The kijkvraag lint. A kijkvraag should start from what learners do and be
 * answerable with facts; schools tend to write checking, closed, teacher-centred,
 * rating or unobservable questions instead. The word lists live in lint.yaml
 * (embedded) and are matched on Snowball stems, so inflected forms count; the
 * sentence structure (question words, subordinate clauses, the subject) decides
 * the closed and teacher-centred findings. Each finding gets a rewrite built from
 * the question's own topic where one can be found.
 *
 * This file runs one lint and builds the findings list. The word lists are loaded in
 * lint_words.c, the question split in lint_split.c, terms matched in lint_match.c, the
 * structure marked in lint_structure.c, the findings decided in lint_checks.c and
 * lint_learners.c, and the tips written in lint_hints.c.
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "kijkronde/utf8.h"
#include "lint_internal.h"

const char *const kl_kind_names[K_COUNT] = {
    "toetsend", "oordeel", "onzichtbaar", "etalage", "gesloten", "leraargericht", "geen-leerling",
};

static int found_cmp(const void *a, const void *b)
{
    const struct found *x = a, *y = b;
    /* "no learners" is about the whole question: after the findings on words. */
    if ((x->kind == K_GEEN_LEERLING) != (y->kind == K_GEEN_LEERLING))
        return x->kind == K_GEEN_LEERLING ? 1 : -1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (int)x->kind - (int)y->kind;
}

size_t kr_lint(struct kr_linter *L, const char *question, size_t len, struct kr_lint_list *out)
{
    out->n = 0;
    out->strings_len = 0;
    L->q = question ? question : "";
    L->qlen = question ? len : 0;
    /* A kijkvraag is a sentence or two; beyond this the rest is not looked at, which bounds
     * the time whatever is pasted in (cut at a character boundary). */
    if (L->qlen > KR_LINT_MAX_BYTES) {
        L->qlen = KR_LINT_MAX_BYTES;
        while (L->qlen > 0 && ((unsigned char)L->q[L->qlen] & 0xC0) == 0x80)
            L->qlen--;
    }
    L->nf = 0;
    kl_split(L);
    if (L->nw == 0)
        return 0;
    size_t need = L->nw * L->nlists;
    if (need > L->memo_cap) {
        L->memo = kr_xreallocarray(L->memo, need, 1);
        L->memo_cap = need;
    }
    memset(L->memo, 0, need);
    kl_mark_structure(L);
    kl_check_toetsend(L);
    kl_check_terms(L, K_ETALAGE);
    kl_check_condition_words(L, K_ONZICHTBAAR);
    kl_check_condition_words(L, K_OORDEEL);
    kl_check_hoe_mate(L);
    kl_check_hoe_zijn(L);
    kl_check_waarom(L);
    kl_check_gesloten(L);
    bool has_learner;
    kl_check_leraar(L, &has_learner);
    bool leraar = false;
    for (size_t i = 0; i < L->nf; i++)
        leraar |= L->f[i].kind == K_LERAARGERICHT;
    /* A kijkvraag is about what learners do (domain.md 2.3): a question that names no learner
     * and does not ask about the teacher's work gets "geen-leerling", also when nothing else is
     * wrong with it. The public sources call such questions good as a conversation question to
     * a child ("Hoe vaak gebeurt dat?", "Wat eet de poes?"); as the kijkvraag of a schoolbezoek
     * they still need the learners named (docs/kijkvragen.md, "Waarom geen-leerling blijft"). */
    if (!has_learner && !leraar && L->nw >= 3)
        kl_add_found(L, K_GEEN_LEERLING, L->w[0].start, L->w[L->nw - 1].end);
    if (L->nf == 0)
        return 0;
    qsort(L->f, L->nf, sizeof L->f[0], found_cmp);
    kr_buf_reset(&L->out);
    struct kr_buf subj = {0};
    kl_topic(L, &subj);
    for (size_t i = 0; i < L->nf; i++) {
        struct found *f = &L->f[i];
        char words[256];
        char *span = kr_xstrndup(L->q + f->start, f->end - f->start);
        kr_utf8_truncate(words, sizeof words, span, 40);
        free(span);
        f->msg_off = kl_expand(L, L->kinds[f->kind].melding, words, kr_buf_str(&subj));
        f->hint_off = kl_expand(L, L->kinds[f->kind].tip, words, kr_buf_str(&subj));
    }
    kr_buf_fini(&subj);
    if (L->out.len > out->strings_cap) {
        out->strings = kr_xreallocarray(out->strings, L->out.len, 1);
        out->strings_cap = L->out.len;
    }
    memcpy(out->strings, L->out.data, L->out.len);
    out->strings_len = L->out.len;
    KR_GROW(out->items, out->cap, L->nf);
    for (size_t i = 0; i < L->nf; i++)
        out->items[i] = (struct kr_lint_finding){.start = L->f[i].start,
                                                 .end = L->f[i].end,
                                                 .kind = kl_kind_names[L->f[i].kind],
                                                 .message = out->strings + L->f[i].msg_off,
                                                 .hint = out->strings + L->f[i].hint_off};
    out->n = L->nf;
    return out->n;
}
