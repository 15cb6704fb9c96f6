/* SPDX-License-Identifier: MIT */
/*
 * Inside the zonder-oordeel checker (src/text/check*.c): the lexicon's patterns, the hash
 * table of stems, what a check knows per token, the checker itself, the small helpers every
 * rule uses and the functions the files of the checker share. Not an API: include only from
 * src/text/check*.c.
 */
#ifndef KR_TEXT_CHECK_INTERNAL_H
#define KR_TEXT_CHECK_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "kijkronde/check.h"
#include "kijkronde/mem.h"
#include "kijkronde/text.h"
#include "kijkronde/ydoc.h"

#define STEM_MAX      40 /* longer words are never lexicon words */
#define GAP_MAX       4  /* words a "..." in a pattern may skip */
#define DAT_REACH     5  /* words between "zegt" and "dat" in indirect speech */
#define MEASURE_REACH 5  /* tokens between "niemand" and the number that measures it */

enum elem_type { EL_STEM, EL_NUMBER, EL_ANY, EL_GAP };

/* One word of a pattern. Snowball stems away more than inflection: "gebruikelijk" and
 * "gebruiken" share a stem, as do "vaak" and "vak". So a stem match must also keep the
 * derivational ending the lexicon word had (req) and, when the word is not its own stem, not be
 * the bare stem itself (no_bare). */
struct alt {
    char *s;       /* stem; "*stem": a longer word ending in it; "=form": exactly this form */
    uint32_t hash; /* of s */
    char req[5];   /* "lijk", "baar", "end", "ing", "heid" the word must contain, or "" */
    bool no_bare;  /* the word may not be exactly the stem */
    char *pre;     /* the word must start with this (the lexicon word's first letters), or NULL */
    char *key;     /* "=form": the stem of form, to find the pattern by (else s is the key) */
};

struct elem {
    enum elem_type type;
    struct alt *alts; /* one matches */
    size_t n;
    bool unindexed; /* some alt has no stem to be found by ('*' suffixes) */
    /* Built by build_index: the plain stem alts sorted by hash, and the '*' and '=' alts. */
    size_t *by_hash, nplain;
    size_t *special, nspecial;
};

struct pattern {
    struct elem *elems;
    size_t n;
    int cat; /* index into categories, or -1 for an allowlist entry */
};

struct category {
    char *kind;
    char *hint;
};

/* Flags a stem can carry (context word lists and built-in grammar words). */
enum {
    F_SPEECH = 1u << 0,    /* spreken: zegt, vraagt ... */
    F_SPEAKER = 1u << 1,   /* sprekers: juf, leerling, bord ... before ':' */
    F_JUIST = 1u << 2,     /* goed, fout ...: a fact in a count */
    F_TELLING = 1u << 3,   /* filler between a count and "goed" */
    F_ANTWOORD = 1u << 4,  /* antwoord, som ...: what can be "goed" */
    F_HOEVEEL = 1u << 5,   /* alle, helft, twee ...: a count */
    F_TE_ADJ = 1u << 6,    /* te + this (ending in -n) is still a norm */
    F_TE_NOT = 1u << 7,    /* te + this is not a norm */
    F_COMP = 1u << 8,      /* dat, of, wie ...: starts indirect speech */
    F_PARTICLE = 1u << 9,  /* uit, mee ...: "legt het goed uit" is not a count */
    F_TE_PRE = 1u << 10,   /* veel, iets: part of "veel te lang" */
    F_GEMETEN = 1u << 11,  /* niemand, steeds ...: a fact next to a number or time */
    F_NUMWORD = 1u << 12,  /* twee, drie ...: a number written as a word */
    F_THAT = 1u << 13,     /* dat, of: indirect speech after any few words ("zegt ... dat") */
    F_ADDR = 1u << 14,     /* aan, tegen, de ...: who is spoken to ("vraagt aan de klas wie") */
    F_PERSON = 1u << 15,   /* persoon: hij, jij, leerling, mevrouw ...: who a predicate is about */
    F_COPULA = 1u << 16,   /* koppel: is, ben, lijkt, blijft ...: "X is ..." */
    F_PREDFACT = 1u << 17, /* predicaat_feit: klaar, ziek, thuis ...: "X is klaar" is a fact */
    F_INTENS = 1u << 18,   /* versterker: heel, erg, toch ...: between the copula and the word */
    F_WORK = 1u << 19,     /* werk: werk, tekening, schrift ...: "het werk is slordig" */
    F_CLAUSE = 1u << 20,   /* zinsgrens: en, maar, zeg, hoor ...: the predicate ends before it */
    F_INNER = 1u << 21,    /* binnenkant: a form of willen, vinden, weten ...: an inner state */
};

struct slot {
    char *key; /* NULL when empty */
    uint32_t hash;
    unsigned flags;
    char *alias; /* afkortingen: the stem this word stands for ("ll" -> leerling) */
    const struct slot *alias_slot; /* its entry, set by build_index */
    char *lemma;  /* binnenkant: the stem of the infinitive this form belongs to ("vind") */
    size_t *pats; /* patterns whose first element has this stem */
    size_t n, cap;
};

struct table {
    struct slot *slots;
    size_t cap, n;
};

struct tinfo {
    const struct slot *slot; /* the stem's table entry, or NULL */
    uint32_t hash;
    unsigned char slen; /* stem length; 0 when not a word or too long */
    bool speech;        /* someone else's words */
    bool nl;            /* a line break comes before this token */
    bool sent;          /* first token of a sentence */
    bool ends_n;        /* the word ends in n (an infinitive after "te") */
    bool fact;          /* "goed" meaning correct in a count: matches no pattern */
    char stem[STEM_MAX];
};

/* A direct-mapped cache of word -> stem: a note is checked again on every keystroke, and
 * Snowball is most of the cost of a check. */
#define CACHE_SIZE 4096 /* entries, a power of two */
#define CACHE_WORD 32   /* longer words are stemmed every time */
struct cache_ent {
    uint32_t hash;      /* of the word's bytes */
    unsigned char wlen; /* 0 = empty */
    unsigned char slen; /* stem length, 0 when too long to match */
    char word[CACHE_WORD];
    char stem[STEM_MAX];
};

struct cand {
    size_t start, end;
    int cat;
};

struct span {
    size_t start, end;
};

struct kr_checker {
    struct kr_stemmer *stemmer;
    struct category *cats;
    size_t ncats, capcats;
    struct pattern *pats;
    size_t npats, cappats;
    size_t *wild; /* patterns whose first element is a suffix or a number */
    size_t nwild, capwild;
    struct table tab;
    int norm_cat;            /* category of the "te" rule, or -1 */
    int label_cat, eval_cat; /* categories of the predicate rule ("hij is ...", "het werk is ..") */
    int gen_cat;             /* "generalisatie", or -1 (the self-report rule) */
    int mind_cat;            /* "gedachtelezen", or -1 (the inner-state rule) */
    uint32_t te_hash;
    /* scratch, reused by every kr_check */
    struct kr_buf nfc; /* the text in NFC, when it was not */
    size_t *nfc_map;   /* per byte of nfc: offset of its cluster in the text given */
    size_t nfc_map_cap;
    struct kr_token_list toks;
    struct tinfo *info;
    size_t capinfo;
    struct cand *cands;
    size_t ncands, capcands;
    struct span *spans;
    size_t nspans, capspans;
    struct cache_ent *cache; /* CACHE_SIZE entries */
    const char *text;        /* the text being checked (during kr_check only) */
};

/* A lexicon error at node n: "FILE:LINE:COL: message". */
#define bad(err, doc, n, ...)                                                                      \
    kr_error_set_at((err), KR_PARSE, (doc)->file, (n)->line, (n)->col, __VA_ARGS__)

static inline uint32_t hash_str(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

/* ---- small helpers on the tokens of the note being checked ---- */

/* A word, number or time of the observer's own (a pattern may run over it). */
static inline bool is_word(const struct kr_checker *c, size_t t)
{
    return c->toks.items[t].kind != KR_TOK_PUNCT && !c->info[t].speech;
}

static inline bool punct_is(const char *text, const struct kr_token *k, char ch)
{
    return k->kind == KR_TOK_PUNCT && k->end - k->start == 1 && text[k->start] == ch;
}

static inline bool sentence_end(const char *text, const struct kr_token *k)
{
    return punct_is(text, k, '.') || punct_is(text, k, '!') || punct_is(text, k, '?') ||
           punct_is(text, k, ';');
}

static inline bool has(const struct kr_checker *c, size_t t, unsigned flag)
{
    return c->info[t].slot && (c->info[t].slot->flags & flag);
}

/* The word at t, folded, is exactly w (ASCII letters compared case-insensitively). */
static inline bool exact_is(const struct kr_checker *c, size_t t, const char *w)
{
    const struct kr_token *k = &c->toks.items[t];
    size_t len = k->end - k->start;
    if (strlen(w) != len)
        return false;
    for (size_t i = 0; i < len; i++) {
        char ch = c->text[k->start + i];
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        if (ch != w[i])
            return false;
    }
    return true;
}

/* Can a match go on to token t (a word, not speech, no line break before it)? */
static inline bool cont_ok(const struct kr_checker *c, size_t t)
{
    return t < c->toks.n && is_word(c, t) && !c->info[t].nl && !c->info[t].sent;
}

/* ---- shared between the files of the checker ---- */

/* check_lexicon.c */
const struct slot *ck_tab_find(const struct table *t, const char *key, size_t len, uint32_t h);
struct slot *ck_tab_put(struct table *t, const char *key);
void ck_tab_fini(struct table *t);
/* Stem one lexicon word into out (STEM_MAX bytes); false when it is empty or too long. */
bool ck_stem_word(struct kr_checker *c, const char *w, size_t len, char *out);
void ck_pattern_fini(struct pattern *p);
int ck_find_cat(const struct kr_checker *c, const char *kind);
/* Add one lexicon document (categorieen, toegestaan, context) to c. */
enum kr_status ck_load_doc(struct kr_checker *c, const struct kr_ydoc *doc, struct kr_error *err);

/* check_speech.c */
/* The quoted spans of t into c->spans. */
void ck_find_quotes(struct kr_checker *c, const char *t, size_t len);
/* Mark speech after "zegt:" / "Juf:" and in "zegt dat ...", each up to the sentence end. */
void ck_speech_rules(struct kr_checker *c, const char *text);

/* check_match.c */
void ck_add_cand(struct kr_checker *c, size_t start, size_t end, int cat);
/* Pattern p tried at token t; a match becomes a candidate finding. */
void ck_try_pattern(struct kr_checker *c, size_t p, size_t t);

/* check_facts.c */
bool ck_count_fact(const struct kr_checker *c, const char *text, size_t t);
bool ck_measured(const struct kr_checker *c, size_t t);
void ck_te_rule(struct kr_checker *c, size_t t);
/* The sentence of token t is the writer telling their own habit (see check_facts.c). */
bool ck_self_report(const struct kr_checker *c, size_t t);

/* check_predicate.c */
/* The predicate rule at copula t; nlex: the candidates the lexicon's patterns found. */
void ck_predicate_rule(struct kr_checker *c, size_t t, size_t nlex);

/* check_inner.c */
/* Put the forms of one infinitive of context.binnenkant ("vinden": vind, vindt, vindde ...) in
 * the table with F_INNER; false when it is no infinitive. */
bool ck_add_inner_verb(struct kr_checker *c, const char *inf, size_t len);
/* The inner-state rule at token t, which has F_INNER ("hij wil", "omdat ze het weet"). */
void ck_inner_rule(struct kr_checker *c, size_t t);
/* The sentence of t asks "you" a yes/no question ("Begrijp je het?", "Snappen jullie het?"):
 * what is asked about the inside is no claim about it. */
bool ck_question_to_you(const struct kr_checker *c, size_t t);
/* "Wat een idioot!": an exclamation at the start of sentence t. */
void ck_exclamation_rule(struct kr_checker *c, size_t t);

#endif
