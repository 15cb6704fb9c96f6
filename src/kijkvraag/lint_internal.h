/* SPDX-License-Identifier: MIT */
/*
 * Inside the kijkvraag lint (src/kijkvraag/lint*.c): word lists, the words and sentences of a
 * question, the linter with its scratch, small helpers, and the functions the files of the
 * lint share. Not an API: include only from src/kijkvraag/lint*.c.
 */
#ifndef KR_KIJKVRAAG_LINT_INTERNAL_H
#define KR_KIJKVRAAG_LINT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "kijkronde/kijkvraag.h"
#include "kijkronde/mem.h"
#include "kijkronde/text.h"

enum pat_mode { PAT_STEM, PAT_PREFIX, PAT_SUFFIX, PAT_INFIX };

struct pat {
    char *s;
    size_t len;
    enum pat_mode mode;
};

struct term {
    struct pat *w;
    size_t n;
    char *text; /* onderwerpen: the phrase for the hint */
};

struct termlist {
    struct term *items;
    size_t n, cap;
    size_t id;       /* row in the linter's match memo */
    size_t *by_stem; /* terms that start with a stem, sorted by it */
    size_t n_by_stem;
    size_t *globs; /* terms that start with a * pattern */
    size_t n_globs;
};

/* Kinds in the order findings are reported for the same position. */
enum kind {
    K_TOETSEND,
    K_OORDEEL,
    K_ONZICHTBAAR,
    K_ETALAGE,
    K_GESLOTEN,
    K_LERAARGERICHT,
    K_GEEN_LEERLING,
    K_COUNT
};

struct kind_info {
    char *melding, *tip;
    struct termlist terms;
};

struct word {
    size_t start, end;         /* bytes in the question */
    size_t fold_off, stem_off; /* into the linter's scratch */
    size_t fold_len;
    size_t sent;
    bool clause_start; /* first word of a clause (after . ? ! , ; : or at the start) */
    bool quoted;       /* inside a citation: never a fault */
    bool exempt;       /* inside a fixed phrase from 'uitzonderingen' */
    bool used;         /* already part of another finding's span */
    bool sub;          /* inside a subordinate clause */
    bool frame;        /* part of an introduction ("We zijn benieuwd") or a heading before ':' */
    bool after_colon;  /* first word after a ':' */
};

struct sent {
    size_t first, end; /* word indexes [first, end) */
    bool question;     /* ends with '?' */
    bool open;         /* has a question word at a clause start */
    bool tag;          /* a short "Waar zie je dat aan?" */
    size_t frame_end;  /* an introduction followed by 'of' or 'dat': the word after it, or 0 */
    bool frame_of;     /* ... 'of': an indirect yes/no question; else 'dat': seeks confirmation */
};

struct found {
    size_t start, end;
    enum kind kind;
    size_t msg_off, hint_off;
};

struct kr_linter {
    struct kr_stemmer *stemmer;
    struct termlist vraagwoorden, voorzetsels, werkwoorden, leerlingen, leraren, handelen, bijzin,
        bewijs, uitzonderingen, onderwerpen, wij, waarnemen, groepswoorden, situatie, inleidingen,
        hoemaat, voornaamwoorden, effectwoorden;
    struct kind_info kinds[K_COUNT];
    /* scratch, reused between calls */
    struct kr_token_list toks;
    struct word *w;
    size_t nw, wcap;
    struct sent *s;
    size_t ns, scap;
    struct found f[K_COUNT];
    size_t nf;
    struct kr_buf scratch; /* folds and stems */
    struct kr_buf out;     /* messages and hints */
    size_t nlists;         /* word lists with a memo row */
    unsigned char *memo;   /* per word and list: longest match + 1, 0 = not known yet */
    size_t memo_cap;
    const char *q; /* the question being linted */
    size_t qlen;
};

/* ---- small helpers ---- */

static inline const char *fold_of(const struct kr_linter *L, size_t i)
{
    return L->scratch.data + L->w[i].fold_off;
}

static inline const char *stem_of(const struct kr_linter *L, size_t i)
{
    return L->scratch.data + L->w[i].stem_off;
}

static inline bool fold_is(const struct kr_linter *L, size_t i, const char *w)
{
    return strcmp(L->scratch.data + L->w[i].fold_off, w) == 0;
}

static inline bool is_article(const char *f)
{
    static const char *const a[] = {"de", "het", "een", "onze", "ons", "hun", "deze", "dit"};
    for (size_t i = 0; i < sizeof a / sizeof a[0]; i++)
        if (strcmp(f, a[i]) == 0)
            return true;
    return false;
}

/* ---- shared between the files of the lint ---- */

/* lint.c: the kinds' names as the findings carry them, in enum kind order. */
extern const char *const kl_kind_names[K_COUNT];

/* lint_match.c */
bool kl_pat_match(const struct kr_linter *L, const struct pat *p, size_t i);
/* The number of words of the longest term of t at word i (0 if none); faults: as a fault. */
size_t kl_match_at(const struct kr_linter *L, const struct termlist *t, size_t i, bool faults);
bool kl_find_term(const struct kr_linter *L, const struct termlist *t, size_t from, size_t *at,
                  size_t *len);
bool kl_any_term(const struct kr_linter *L, const struct termlist *t);

static inline bool is_in(const struct kr_linter *L, const struct termlist *t, size_t i)
{
    return kl_match_at(L, t, i, false) > 0;
}

/* lint_split.c */
/* L->q into L->w (words) and L->s (sentences). */
void kl_split(struct kr_linter *L);

/* lint_structure.c */
bool kl_opens_clause(const struct kr_linter *L, size_t i);
void kl_mark_structure(struct kr_linter *L);
bool kl_subjectish(const struct kr_linter *L, size_t i);

/* lint_checks.c */
void kl_add_found(struct kr_linter *L, enum kind k, size_t start, size_t end);
bool kl_sentence_has(const struct kr_linter *L, const struct termlist *t, size_t s);
bool kl_is_passive_participle(const char *f);
bool kl_is_passive_aux(const struct kr_linter *L, size_t i);
void kl_check_toetsend(struct kr_linter *L);
void kl_check_terms(struct kr_linter *L, enum kind k);
void kl_check_condition_words(struct kr_linter *L, enum kind k);
void kl_check_gesloten(struct kr_linter *L);
void kl_check_hoe_mate(struct kr_linter *L);
void kl_check_hoe_zijn(struct kr_linter *L);
void kl_check_waarom(struct kr_linter *L);

/* lint_learners.c */
void kl_check_leraar(struct kr_linter *L, bool *has_learner);

/* lint_hints.c */
void kl_topic(struct kr_linter *L, struct kr_buf *b);
size_t kl_expand(struct kr_linter *L, const char *tmpl, const char *words, const char *subj);

#endif
