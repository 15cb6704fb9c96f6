/* SPDX-License-Identifier: MIT */
/*
 * The zonder-oordeel checker. The lexicon (src/text/oordeel.yaml, embedded at build
 * time, plus a network's own file) is a list of patterns over Snowball stems, kept in
 * a hash table keyed by the stem of each pattern's first word. A check tokenizes the
 * note, stems every word once, marks the words that are someone else's speech (quotes,
 * "zegt: ...", "zegt dat ..."), tries the patterns that can start at each word, applies
 * the rules that keep facts clean ("te" + verb, "goed" in a count, the allowlist) and
 * joins overlapping findings. Scratch arrays live in the checker and
 * only grow, so a warm checker allocates nothing but the caller's output list.
 */
#include "kijkronde/check.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kijkronde/mem.h"
#include "kijkronde/names.h"
#include "kijkronde/nfc.h"
#include "kijkronde/paths.h"
#include "kijkronde/text.h"
#include "kijkronde/utf8.h"
#include "kijkronde/ydoc.h"

extern const char kr_data_oordeel[];
extern const size_t kr_data_oordeel_len;

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
};

struct slot {
    char *key; /* NULL when empty */
    uint32_t hash;
    unsigned flags;
    char *alias; /* afkortingen: the stem this word stands for ("ll" -> leerling) */
    const struct slot *alias_slot; /* its entry, set by build_index */
    size_t *pats;                  /* patterns whose first element has this stem */
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

/* ---- hash table of stems ---- */

static uint32_t hash_str(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static const struct slot *tab_find(const struct table *t, const char *key, size_t len, uint32_t h)
{
    if (!t->cap)
        return NULL;
    size_t mask = t->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const struct slot *s = &t->slots[i];
        if (!s->key)
            return NULL;
        if (s->hash == h && strncmp(s->key, key, len) == 0 && s->key[len] == '\0')
            return s;
    }
}

static struct slot *tab_put(struct table *t, const char *key)
{
    size_t len = strlen(key);
    uint32_t h = hash_str(key, len);
    if ((t->n + 1) * 2 > t->cap) {
        size_t ncap = t->cap ? t->cap * 2 : 256;
        struct slot *ns = kr_xcalloc(ncap, sizeof *ns);
        for (size_t i = 0; i < t->cap; i++) {
            if (!t->slots[i].key)
                continue;
            size_t j = t->slots[i].hash & (ncap - 1);
            while (ns[j].key)
                j = (j + 1) & (ncap - 1);
            ns[j] = t->slots[i];
        }
        free(t->slots);
        t->slots = ns;
        t->cap = ncap;
    }
    size_t mask = t->cap - 1;
    size_t i = h & mask;
    for (;; i = (i + 1) & mask) {
        struct slot *s = &t->slots[i];
        if (!s->key)
            break;
        if (s->hash == h && strcmp(s->key, key) == 0)
            return s;
    }
    t->slots[i].key = kr_xstrdup(key);
    t->slots[i].hash = h;
    t->n++;
    return &t->slots[i];
}

static void tab_fini(struct table *t)
{
    for (size_t i = 0; i < t->cap; i++) {
        free(t->slots[i].key);
        free(t->slots[i].pats);
        free(t->slots[i].alias);
    }
    free(t->slots);
    memset(t, 0, sizeof *t);
}

/* ---- loading the lexicon ---- */

/* Stem one lexicon word into out (STEM_MAX bytes); false when it is empty or too long. */
static bool stem_word(struct kr_checker *c, const char *w, size_t len, char *out)
{
    if (len == 0)
        return false;
    size_t need = kr_stem(c->stemmer, w, len, out, STEM_MAX);
    return need > 0 && need < STEM_MAX;
}

/* A lexicon error at node n: "FILE:LINE:COL: message". */
#define bad(err, doc, n, ...)                                                                      \
    kr_error_set_at((err), KR_PARSE, (doc)->file, (n)->line, (n)->col, __VA_ARGS__)

static void elem_fini(struct elem *e)
{
    for (size_t i = 0; i < e->n; i++)
        free(e->alts[i].s), free(e->alts[i].pre), free(e->alts[i].key);
    free(e->alts);
    free(e->by_hash);
    free(e->special);
}

static void pattern_fini(struct pattern *p)
{
    for (size_t i = 0; i < p->n; i++)
        elem_fini(&p->elems[i]);
    free(p->elems);
}

/* Set the guards of a lexicon word w[0..len) whose stem is al->s (see struct alt). */
static void guard_alt(const char *w, size_t len, struct alt *al)
{
    char f[STEM_MAX + 8];
    if (kr_fold(w, len, f, sizeof f) >= sizeof f)
        return;
    static const char *const derivs[] = {"lijk", "baar", "heid", "end", "ing"};
    for (size_t i = 0; i < sizeof derivs / sizeof derivs[0]; i++) {
        const char *d = derivs[i];
        char *at = strstr(f, d);
        /* The ending is in the word but the stemmer took it off. */
        if (at && (size_t)(at - f) >= strlen(al->s) && strlen(al->s) < strlen(f)) {
            memcpy(al->req, d, strlen(d) + 1);
            return;
        }
    }
    /* "vaak" -> "vak", "vele" -> "vel": a word that is not its own stem does not match the
     * bare stem, which is often another word (vak, vel). Lexicon base forms are their stems. */
    al->no_bare = strcmp(f, al->s) != 0;
    /* "vaak" -> "vak": the stem changed a letter, so "vakken" must not match; words must
     * start like the lexicon word. */
    size_t sl = strlen(al->s);
    if (al->no_bare && strncmp(f, al->s, sl) != 0)
        al->pre = kr_xstrndup(f, sl);
}

/* Parse one pattern ("vindt ... leuk|saai", "*zwak", "# van") and add it for category cat. */
static enum kr_status add_pattern(struct kr_checker *c, const struct kr_ydoc *doc,
                                  const struct kr_ynode *node, int cat, struct kr_error *err)
{
    if (node->type != KR_YNODE_SCALAR)
        return bad(err, doc, node, "verwacht een woord of patroon (tekst), niet een %s",
                   kr_ynode_type_str(node->type));
    struct pattern p = {.cat = cat};
    size_t capel = 0;
    const char *s = node->value;
    enum kr_status st = KR_OK;
    while (*s) {
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s)
            break;
        const char *e = s;
        while (*e && *e != ' ' && *e != '\t')
            e++;
        size_t wlen = (size_t)(e - s);
        KR_GROW(p.elems, capel, p.n + 1);
        struct elem *el = &p.elems[p.n++];
        memset(el, 0, sizeof *el);
        if (wlen == 3 && memcmp(s, "...", 3) == 0) {
            el->type = EL_GAP;
            if (p.n == 1 || p.elems[p.n - 2].type == EL_GAP) {
                st = bad(err, doc, node,
                         "'...' mag niet aan het begin of twee keer achter elkaar "
                         "staan in '%s'",
                         node->value);
                goto out;
            }
        } else if (wlen == 1 && *s == '#') {
            el->type = EL_NUMBER;
        } else if (wlen == 1 && *s == '_') {
            el->type = EL_ANY;
        } else {
            el->type = EL_STEM;
            size_t capalt = 0;
            const char *a = s;
            while (a <= e) {
                const char *b = a;
                while (b < e && *b != '|')
                    b++;
                char buf[STEM_MAX + 1];
                bool suffix = *a == '*', exact = *a == '=';
                size_t wl = (size_t)(b - a) - (suffix || exact);
                buf[0] = *a;
                bool ok;
                if (exact) /* "=woord": this form only, folded but not stemmed */
                    ok = wl > 0 && kr_fold(a + 1, wl, buf + 1, STEM_MAX) < STEM_MAX;
                else
                    ok = stem_word(c, a + suffix, wl, buf + suffix);
                if (!ok) {
                    st = bad(err, doc, node,
                             "leeg of te lang woord in '%s' (gebruik a|b, ..., *eind, =vorm, # "
                             "of _)",
                             node->value);
                    goto out;
                }
                KR_GROW(el->alts, capalt, el->n + 1);
                struct alt *al = &el->alts[el->n];
                memset(al, 0, sizeof *al);
                al->s = kr_xstrdup(buf);
                al->hash = hash_str(buf, strlen(buf));
                if (!suffix && !exact)
                    guard_alt(a, wl, al);
                char key[STEM_MAX];
                if (exact && stem_word(c, a + 1, wl, key))
                    al->key = kr_xstrdup(key);
                el->unindexed |= suffix || (exact && !al->key);
                el->n++;
                a = b + 1;
            }
        }
        s = e;
    }
    if (p.n == 0) {
        st = bad(err, doc, node, "leeg patroon");
        goto out;
    }
    if (p.elems[p.n - 1].type == EL_GAP) {
        st = bad(err, doc, node, "'...' mag niet aan het eind staan in '%s'", node->value);
        goto out;
    }
    KR_GROW(c->pats, c->cappats, c->npats + 1);
    c->pats[c->npats++] = p;
    return KR_OK;
out:
    pattern_fini(&p);
    return st;
}

static enum kr_status add_list(struct kr_checker *c, const struct kr_ydoc *doc,
                               const struct kr_ynode *seq, int cat, struct kr_error *err)
{
    if (seq->type != KR_YNODE_SEQ)
        return bad(err, doc, seq, "verwacht een lijst van woorden en patronen, niet een %s",
                   kr_ynode_type_str(seq->type));
    for (size_t i = 0; i < seq->n; i++) {
        enum kr_status st = add_pattern(c, doc, seq->items[i], cat, err);
        if (st != KR_OK)
            return st;
    }
    return KR_OK;
}

static int find_cat(const struct kr_checker *c, const char *kind)
{
    for (size_t i = 0; i < c->ncats; i++)
        if (strcmp(c->cats[i].kind, kind) == 0)
            return (int)i;
    return -1;
}

static bool valid_kind(const char *k)
{
    if (!*k)
        return false;
    for (const char *p = k; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
            return false;
    return true;
}

static enum kr_status load_categories(struct kr_checker *c, const struct kr_ydoc *doc,
                                      const struct kr_ynode *map, struct kr_error *err)
{
    if (map->type != KR_YNODE_MAP)
        return bad(err, doc, map,
                   "'categorieen' moet een mapping zijn (soort: {hint, woorden}), "
                   "niet een %s",
                   kr_ynode_type_str(map->type));
    for (size_t i = 0; i < map->n; i++) {
        const struct kr_ynode *key = map->keys[i], *val = map->items[i];
        if (!valid_kind(key->value))
            return bad(err, doc, key,
                       "ongeldige categorie '%s' (gebruik kleine letters, cijfers, _ of -)",
                       key->value);
        if (val->type != KR_YNODE_MAP)
            return bad(err, doc, val, "categorie '%s' moet een mapping met hint en woorden zijn",
                       key->value);
        const struct kr_ynode *hint = NULL, *words = NULL;
        for (size_t j = 0; j < val->n; j++) {
            const char *k = val->keys[j]->value;
            if (strcmp(k, "hint") == 0)
                hint = val->items[j];
            else if (strcmp(k, "woorden") == 0)
                words = val->items[j];
            else
                return bad(err, doc, val->keys[j],
                           "onbekende sleutel '%s' (verwacht hint of woorden)", k);
        }
        if (hint && (hint->type != KR_YNODE_SCALAR || hint->len == 0))
            return bad(err, doc, hint, "de hint van '%s' moet een niet-lege tekst zijn",
                       key->value);
        int cat = find_cat(c, key->value);
        if (cat < 0) {
            if (!hint)
                return bad(err, doc, key, "nieuwe categorie '%s' heeft een hint nodig", key->value);
            KR_GROW(c->cats, c->capcats, c->ncats + 1);
            c->cats[c->ncats].kind = kr_xstrdup(key->value);
            c->cats[c->ncats].hint = kr_xstrdup(hint->value);
            cat = (int)c->ncats++;
        } else if (hint) {
            free(c->cats[cat].hint);
            c->cats[cat].hint = kr_xstrdup(hint->value);
        }
        if (words) {
            enum kr_status st = add_list(c, doc, words, cat, err);
            if (st != KR_OK)
                return st;
        }
    }
    return KR_OK;
}

static const struct {
    const char *key;
    unsigned flag;
} context_keys[] = {
    {"spreken", F_SPEECH},        {"sprekers", F_SPEAKER},    {"juist", F_JUIST},
    {"telling", F_TELLING},       {"antwoord", F_ANTWOORD},   {"hoeveelheid", F_HOEVEEL},
    {"te_bijvoeglijk", F_TE_ADJ}, {"te_geen_norm", F_TE_NOT}, {"gemeten", F_GEMETEN},
    {"persoon", F_PERSON},        {"koppel", F_COPULA},       {"predicaat_feit", F_PREDFACT},
    {"versterker", F_INTENS},     {"werk", F_WORK},           {"zinsgrens", F_CLAUSE},
};

static void flag_word(struct kr_checker *c, const char *w, unsigned flag)
{
    char buf[STEM_MAX];
    if (stem_word(c, w, strlen(w), buf))
        tab_put(&c->tab, buf)->flags |= flag;
}

/* context.afkortingen: a mapping of abbreviations to the word they stand for ("ll: leerling");
 * a note's "ll" then matches every pattern written with "leerling". */
static enum kr_status load_aliases(struct kr_checker *c, const struct kr_ydoc *doc,
                                   const struct kr_ynode *map, struct kr_error *err)
{
    if (map->type != KR_YNODE_MAP)
        return bad(err, doc, map,
                   "'afkortingen' moet een mapping zijn (afkorting: woord), niet een %s",
                   kr_ynode_type_str(map->type));
    for (size_t i = 0; i < map->n; i++) {
        const struct kr_ynode *k = map->keys[i], *v = map->items[i];
        char from[STEM_MAX], to[STEM_MAX];
        if (!stem_word(c, k->value, k->len, from) || strchr(k->value, ' '))
            return bad(err, doc, k, "verwacht één woord als afkorting");
        if (v->type != KR_YNODE_SCALAR || !stem_word(c, v->value, v->len, to) ||
            strchr(v->value, ' '))
            return bad(err, doc, v, "verwacht één woord achter afkorting '%s'", k->value);
        if (strcmp(from, to) == 0)
            continue;
        struct slot *s = tab_put(&c->tab, from);
        free(s->alias);
        s->alias = kr_xstrdup(to);
    }
    return KR_OK;
}

static enum kr_status load_context(struct kr_checker *c, const struct kr_ydoc *doc,
                                   const struct kr_ynode *map, struct kr_error *err)
{
    if (map->type != KR_YNODE_MAP)
        return bad(err, doc, map, "'context' moet een mapping zijn, niet een %s",
                   kr_ynode_type_str(map->type));
    for (size_t i = 0; i < map->n; i++) {
        const struct kr_ynode *key = map->keys[i], *val = map->items[i];
        if (strcmp(key->value, "afkortingen") == 0) {
            enum kr_status st = load_aliases(c, doc, val, err);
            if (st != KR_OK)
                return st;
            continue;
        }
        unsigned flag = 0;
        for (size_t k = 0; k < sizeof context_keys / sizeof context_keys[0]; k++)
            if (strcmp(key->value, context_keys[k].key) == 0)
                flag = context_keys[k].flag;
        if (!flag)
            return bad(err, doc, key,
                       "onbekende sleutel '%s' in context (verwacht spreken, sprekers, juist, "
                       "telling, antwoord, hoeveelheid, gemeten, te_bijvoeglijk, te_geen_norm, "
                       "persoon, koppel, predicaat_feit, versterker, werk, zinsgrens of "
                       "afkortingen)",
                       key->value);
        if (val->type != KR_YNODE_SEQ)
            return bad(err, doc, val, "verwacht een lijst van woorden onder '%s'", key->value);
        for (size_t j = 0; j < val->n; j++) {
            const struct kr_ynode *w = val->items[j];
            char buf[STEM_MAX];
            if (w->type != KR_YNODE_SCALAR || !stem_word(c, w->value, w->len, buf) ||
                strchr(w->value, ' '))
                return bad(err, doc, w, "verwacht één woord onder '%s'", key->value);
            tab_put(&c->tab, buf)->flags |= flag;
        }
    }
    return KR_OK;
}

static enum kr_status load_doc(struct kr_checker *c, const struct kr_ydoc *doc,
                               struct kr_error *err)
{
    const struct kr_ynode *root = doc->root;
    if (!root)
        return KR_OK; /* an empty file adds nothing */
    if (root->type != KR_YNODE_MAP)
        return bad(err, doc, root,
                   "het lexicon moet een mapping zijn met categorieen, toegestaan en context, "
                   "niet een %s",
                   kr_ynode_type_str(root->type));
    for (size_t i = 0; i < root->n; i++) {
        const char *k = root->keys[i]->value;
        enum kr_status st;
        if (strcmp(k, "categorieen") == 0)
            st = load_categories(c, doc, root->items[i], err);
        else if (strcmp(k, "toegestaan") == 0)
            st = add_list(c, doc, root->items[i], -1, err);
        else if (strcmp(k, "context") == 0)
            st = load_context(c, doc, root->items[i], err);
        else
            st = bad(err, doc, root->keys[i],
                     "onbekende sleutel '%s' (verwacht categorieen, toegestaan of context)", k);
        if (st != KR_OK)
            return st;
    }
    return KR_OK;
}

/* Grammar words the context rules need; not lexicon data. */
static const char *const comp_words[] = {"dat",     "of",      "wie",      "wat",     "waarom",
                                         "hoe",     "welk",    "welke",    "wanneer", "waar",
                                         "hoeveel", "waarmee", "waardoor", "omdat"};
static const char *const that_words[] = {"dat", "of"};
static const char *const addr_words[] = {
    "aan",        "tegen",      "de",       "het",     "een",     "zijn",       "haar",
    "hun",        "hem",        "hen",      "mij",     "ons",     "elkaar",     "buurman",
    "buurvrouw",  "maatje",     "iedereen", "klas",    "groep",   "kind",       "kinderen",
    "leerling",   "leerlingen", "juf",      "meester", "leraar",  "leerkracht", "jongen",
    "meisje",     "groepje",    "daarna",   "dan",     "nog",     "ook",        "eerst",
    "hardop",     "zachtjes",   "nu",       "steeds",  "opnieuw", "even",       "uit",
    "buurjongen", "buurmeisje"};
static const char *const particle_words[] = {"uit", "mee",  "samen", "bezig", "om",
                                             "op",  "door", "na",    "voor"};
static const char *const number_words[] = {
    "twee",   "drie",    "vier",    "vijf",    "zes",      "zeven",    "acht",    "negen",
    "tien",   "elf",     "twaalf",  "dertien", "veertien", "vijftien", "zestien", "twintig",
    "dertig", "veertig", "vijftig", "honderd", "beide",    "helft"};
static const char *const te_pre_words[] = {"veel", "veels", "iets", "echt", "net", "wat"};

static const struct elem *sort_elem; /* qsort has no context argument */

static int cmp_alt_hash(const void *a, const void *b)
{
    uint32_t x = sort_elem->alts[*(const size_t *)a].hash;
    uint32_t y = sort_elem->alts[*(const size_t *)b].hash;
    return x < y ? -1 : x > y;
}

/* Sort an element's plain alts by hash so a word is found by binary search, not by a scan of
 * the hundreds of words an evaluatief list has. */
static void index_elem(struct elem *e)
{
    if (e->type != EL_STEM)
        return;
    e->by_hash = kr_xreallocarray(NULL, e->n, sizeof *e->by_hash);
    e->special = kr_xreallocarray(NULL, e->n, sizeof *e->special);
    for (size_t a = 0; a < e->n; a++) {
        char k = e->alts[a].s[0];
        if (k == '*' || k == '=')
            e->special[e->nspecial++] = a;
        else
            e->by_hash[e->nplain++] = a;
    }
    sort_elem = e;
    qsort(e->by_hash, e->nplain, sizeof *e->by_hash, cmp_alt_hash);
    sort_elem = NULL;
}

static void build_index(struct kr_checker *c)
{
    for (size_t p = 0; p < c->npats; p++)
        for (size_t e = 0; e < c->pats[p].n; e++)
            index_elem(&c->pats[p].elems[e]);
    for (size_t i = 0; i < sizeof comp_words / sizeof comp_words[0]; i++)
        flag_word(c, comp_words[i], F_COMP);
    for (size_t i = 0; i < sizeof that_words / sizeof that_words[0]; i++)
        flag_word(c, that_words[i], F_THAT);
    for (size_t i = 0; i < sizeof addr_words / sizeof addr_words[0]; i++)
        flag_word(c, addr_words[i], F_ADDR);
    for (size_t i = 0; i < sizeof particle_words / sizeof particle_words[0]; i++)
        flag_word(c, particle_words[i], F_PARTICLE);
    for (size_t i = 0; i < sizeof number_words / sizeof number_words[0]; i++)
        flag_word(c, number_words[i], F_NUMWORD);
    for (size_t i = 0; i < sizeof te_pre_words / sizeof te_pre_words[0]; i++)
        flag_word(c, te_pre_words[i], F_TE_PRE);
    for (size_t p = 0; p < c->npats; p++) {
        const struct elem *e = &c->pats[p].elems[0];
        if (e->type != EL_STEM || e->unindexed) {
            KR_GROW(c->wild, c->capwild, c->nwild + 1);
            c->wild[c->nwild++] = p;
            continue;
        }
        for (size_t a = 0; a < e->n; a++) {
            struct slot *s = tab_put(&c->tab, e->alts[a].key ? e->alts[a].key : e->alts[a].s);
            if (s->n && s->pats[s->n - 1] == p)
                continue; /* the same stem twice in one element */
            KR_GROW(s->pats, s->cap, s->n + 1);
            s->pats[s->n++] = p;
        }
    }
    /* Aliases point at their word's entry; make every target exist first (tab_put may grow
     * the table), then link. An alias of an alias is not followed. */
    /* (The alias strings are the slots' own heap strings: they stay put when the table grows.) */
    const char **targets = NULL;
    size_t ntargets = 0, captargets = 0;
    for (size_t i = 0; i < c->tab.cap; i++)
        if (c->tab.slots[i].key && c->tab.slots[i].alias) {
            KR_GROW(targets, captargets, ntargets + 1);
            targets[ntargets++] = c->tab.slots[i].alias;
        }
    for (size_t i = 0; i < ntargets; i++)
        tab_put(&c->tab, targets[i]);
    free(targets);
    for (size_t i = 0; i < c->tab.cap; i++) {
        struct slot *s = &c->tab.slots[i];
        if (s->key && s->alias)
            s->alias_slot =
                tab_find(&c->tab, s->alias, strlen(s->alias), hash_str(s->alias, strlen(s->alias)));
    }
    char te[STEM_MAX];
    stem_word(c, "te", 2, te);
    c->te_hash = hash_str(te, strlen(te));
    c->norm_cat = find_cat(c, "norm");
    c->label_cat = find_cat(c, "label");
    c->eval_cat = find_cat(c, "evaluatief");
}

char **kr_checker_network_paths(void)
{
    char **sys = kr_paths_data_dirs();
    size_t nsys = 0;
    while (sys[nsys])
        nsys++;
    char **list = kr_xcalloc(nsys + 2, sizeof *list);
    size_t n = 0;
    char *home = kr_paths_data_home();
    /* sys[nsys - 1] (least important) first, ..., sys[0], then the user's own. */
    for (size_t i = 0; i <= nsys; i++) {
        const char *dir = i < nsys ? sys[nsys - 1 - i] : home;
        if (!dir)
            continue;
        char *p = kr_xasprintf("%s/oordeel.yaml", dir);
        if (access(p, F_OK) == 0)
            list[n++] = p;
        else
            free(p);
    }
    free(home);
    kr_paths_list_free(sys);
    return list;
}

enum kr_status kr_checker_new_network(struct kr_checker **out, struct kr_error *err)
{
    char **paths = kr_checker_network_paths();
    enum kr_status r = kr_checker_new_paths((const char *const *)paths, out, err);
    kr_paths_list_free(paths);
    return r;
}

enum kr_status kr_checker_new(const char *extra_path, struct kr_checker **out, struct kr_error *err)
{
    const char *paths[] = {extra_path, NULL};
    return kr_checker_new_paths(paths, out, err);
}

enum kr_status kr_checker_new_paths(const char *const *paths, struct kr_checker **out,
                                    struct kr_error *err)
{
    *out = NULL;
    struct kr_checker *c = kr_xcalloc(1, sizeof *c);
    struct kr_ydoc *doc = NULL;
    c->stemmer = kr_stemmer_new();
    c->cache = kr_xcalloc(CACHE_SIZE, sizeof *c->cache);
    enum kr_status st =
        kr_ydoc_load_mem("oordeel.yaml", kr_data_oordeel, kr_data_oordeel_len, &doc, err);
    if (st == KR_OK)
        st = load_doc(c, doc, err);
    kr_ydoc_free(doc);
    doc = NULL;
    for (size_t i = 0; st == KR_OK && paths && paths[i]; i++) {
        st = kr_ydoc_load_file(paths[i], &doc, err);
        if (st == KR_OK)
            st = load_doc(c, doc, err);
        kr_ydoc_free(doc);
        doc = NULL;
    }
    if (st != KR_OK) {
        kr_checker_free(c);
        return st;
    }
    build_index(c);
    kr_names_have_wordlist(); /* the word list loads now, not on the first key press */
    *out = c;
    return KR_OK;
}

void kr_checker_free(struct kr_checker *c)
{
    if (!c)
        return;
    kr_stemmer_free(c->stemmer);
    kr_buf_fini(&c->nfc);
    free(c->nfc_map);
    for (size_t i = 0; i < c->ncats; i++) {
        free(c->cats[i].kind);
        free(c->cats[i].hint);
    }
    free(c->cats);
    for (size_t i = 0; i < c->npats; i++)
        pattern_fini(&c->pats[i]);
    free(c->pats);
    free(c->wild);
    tab_fini(&c->tab);
    kr_token_list_fini(&c->toks);
    free(c->info);
    free(c->cands);
    free(c->spans);
    free(c->cache);
    free(c);
}

void kr_finding_list_fini(struct kr_finding_list *l)
{
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
}

/* ---- quoted speech ---- */

static uint32_t cp_at(const char *t, size_t len, size_t i, size_t *n)
{
    if ((unsigned char)t[i] < 0x80) {
        *n = 1;
        return (unsigned char)t[i];
    }
    uint32_t cp;
    *n = kr_utf8_decode(t + i, len - i, &cp);
    return cp;
}

static bool is_space_cp(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x202F ||
           cp == 0x2009;
}

/* Letters and digits, roughly: enough to tell an apostrophe in a word from a quote mark. */
static bool is_alnum_cp(uint32_t cp)
{
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'))
        return true;
    return cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && !(cp >= 0x2000 && cp <= 0x2BFF) &&
           cp != KR_UTF8_REPLACEMENT && !(cp >= 0x1F000 && cp <= 0x1FAFF);
}

static void add_span(struct kr_checker *c, size_t start, size_t end)
{
    KR_GROW(c->spans, c->capspans, c->nspans + 1);
    c->spans[c->nspans++] = (struct span){start, end};
}

/* Byte offset of the first code point from i that is one of a or b, or len. */
static size_t find_cp(const char *t, size_t len, size_t i, uint32_t a, uint32_t b)
{
    while (i < len) {
        size_t n;
        uint32_t cp = cp_at(t, len, i, &n);
        if (cp == a || cp == b)
            return i;
        i += n;
    }
    return len;
}

/* A closing single quote: ' or ’ after a non-space, not followed by a letter (not auto's). */
static bool single_closer_at(const char *t, size_t len, size_t i, size_t n, uint32_t prev)
{
    size_t m;
    return !is_space_cp(prev) && (i + n == len || !is_alnum_cp(cp_at(t, len, i + n, &m)));
}

/* The next single closing quote from i on the same line: its offset, or the offset of the
 * line end (or len) with *found false. */
static size_t next_single_closer(const char *t, size_t len, size_t i, bool *found)
{
    uint32_t prev = 'x';
    *found = false;
    while (i < len) {
        size_t n;
        uint32_t cp = cp_at(t, len, i, &n);
        if (cp == '\n')
            return i;
        if ((cp == '\'' || cp == 0x2019) && single_closer_at(t, len, i, n, prev)) {
            *found = true;
            return i;
        }
        prev = cp;
        i += n;
    }
    return len;
}

/* 's, 't, 'k, 'n: an elision, not an opening quote. */
static bool elision_at(const char *t, size_t len, size_t i)
{
    if (i >= len)
        return false;
    char ch = (char)(t[i] | 0x20);
    if (ch != 's' && ch != 't' && ch != 'k' && ch != 'n')
        return false;
    size_t m;
    return i + 1 == len || !is_alnum_cp(cp_at(t, len, i + 1, &m));
}

static void find_quotes(struct kr_checker *c, const char *t, size_t len)
{
    c->nspans = 0;
    uint32_t prev = ' ', last_visible = ' ';
    /* Memo of the last single-closer search: every start in [memo_from, memo_at] gives the
     * same answer, which keeps unmatched quotes linear. */
    size_t memo_from = 1, memo_at = 0;
    bool memo_found = false;
    size_t i = 0;
    while (i < len) {
        size_t n;
        uint32_t cp = cp_at(t, len, i, &n);
        size_t end = 0; /* end of a quoted span starting at i, or 0 */
        if (cp == '"') {
            size_t cl = find_cp(t, len, i + n, '"', '"');
            end = cl < len ? cl + 1 : len;
        } else if (cp == 0x201C || cp == 0x201E) {
            size_t cl = find_cp(t, len, i + n, 0x201D, cp == 0x201E ? 0x201C : 0x201D);
            end = cl < len ? cl + 3 : len;
        } else if (cp == 0xAB) {
            size_t cl = find_cp(t, len, i + n, 0xBB, 0xBB);
            end = cl < len ? cl + 2 : len;
        } else if (cp == 0x2018 || cp == 0x201A || cp == '\'' || cp == 0x2019) {
            size_t m;
            bool opener =
                i + n < len && !is_space_cp(cp_at(t, len, i + n, &m)) && !elision_at(t, len, i + n);
            if (cp == '\'' || cp == 0x2019)
                opener = opener && (is_space_cp(prev) || prev == ':' || prev == '(' ||
                                    prev == '[' || prev == '"' || prev == 0x201C || i == 0);
            if (opener) {
                size_t from = i + n;
                if (!(memo_from <= from && from <= memo_at)) {
                    memo_at = next_single_closer(t, len, from, &memo_found);
                    memo_from = from;
                }
                if (memo_found)
                    end = memo_at + kr_utf8_next(t, len, memo_at) - memo_at;
                else if (cp == 0x2018 || cp == 0x201A || last_visible == ':')
                    end = memo_at; /* unclosed after "zegt:": to the end of the line */
            }
        }
        if (end > i) {
            add_span(c, i, end);
            prev = 'x';
            last_visible = 'x';
            i = end;
            continue;
        }
        prev = cp;
        if (!is_space_cp(cp))
            last_visible = cp;
        i += n;
    }
}

/* ---- the check ---- */

/* A word, number or time of the observer's own (a pattern may run over it). */
static bool is_word(const struct kr_checker *c, size_t t)
{
    return c->toks.items[t].kind != KR_TOK_PUNCT && !c->info[t].speech;
}

static bool punct_is(const char *text, const struct kr_token *k, char ch)
{
    return k->kind == KR_TOK_PUNCT && k->end - k->start == 1 && text[k->start] == ch;
}

static bool sentence_end(const char *text, const struct kr_token *k)
{
    return punct_is(text, k, '.') || punct_is(text, k, '!') || punct_is(text, k, '?') ||
           punct_is(text, k, ';');
}

static bool has(const struct kr_checker *c, size_t t, unsigned flag)
{
    return c->info[t].slot && (c->info[t].slot->flags & flag);
}

/* The word at t, folded, is exactly w (ASCII letters compared case-insensitively). */
static bool exact_is(const struct kr_checker *c, size_t t, const char *w)
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

/* Can a match go on to token t (a word, not speech, no line break before it)? */
static bool cont_ok(const struct kr_checker *c, size_t t)
{
    return t < c->toks.n && is_word(c, t) && !c->info[t].nl && !c->info[t].sent;
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

static void add_cand(struct kr_checker *c, size_t start, size_t end, int cat)
{
    KR_GROW(c->cands, c->capcands, c->ncands + 1);
    c->cands[c->ncands++] = (struct cand){start, end, cat};
}

static bool measured(const struct kr_checker *c, size_t t);

static void try_pattern(struct kr_checker *c, size_t p, size_t t)
{
    size_t last;
    if (!match_at(c, &c->pats[p], 0, t, &last))
        return;
    /* "om 10:51 zijn alle groepjes aan het werk" counts what it generalises. */
    for (size_t k = t; k < last; k++)
        if (has(c, k, F_GEMETEN) && measured(c, k))
            return;
    add_cand(c, c->toks.items[t].start, c->toks.items[last - 1].end, c->pats[p].cat);
}

/* "goed" (or fout, juist ...) at t means "correct" in a count: "7 van de 10 sommen goed",
 * "het goede antwoord", "goed: 7". Not when a particle follows: "legt de som goed uit". */
static bool count_fact(const struct kr_checker *c, const char *text, size_t t)
{
    const struct kr_token *tk = c->toks.items;
    size_t n = c->toks.n;
    if (t + 1 < n && !c->info[t + 1].sent) {
        if (tk[t + 1].kind == KR_TOK_NUMBER)
            return true;
        if (is_word(c, t + 1) && has(c, t + 1, F_ANTWOORD))
            return true;
        /* "legt de som goed uit." ends on the particle; "6 van de 8 goed na 10 min" goes on. */
        if (is_word(c, t + 1) && has(c, t + 1, F_PARTICLE) &&
            (t + 2 >= n || tk[t + 2].kind == KR_TOK_PUNCT || c->info[t + 2].sent))
            return false;
        if (punct_is(text, &tk[t + 1], ':') && t + 2 < n && tk[t + 2].kind == KR_TOK_NUMBER)
            return true;
    }
    for (size_t j = t, steps = 0; j > 0 && steps < 7 && !c->info[j].sent; steps++) {
        j--;
        if (tk[j].kind == KR_TOK_NUMBER)
            return true;
        if (tk[j].kind == KR_TOK_PUNCT) {
            if (punct_is(text, &tk[j], ',') || punct_is(text, &tk[j], '/'))
                continue;
            return false;
        }
        if (tk[j].kind != KR_TOK_WORD)
            return false;
        if (has(c, j, F_HOEVEEL) || has(c, j, F_ANTWOORD))
            return true;
        if (!has(c, j, F_TELLING))
            return false;
    }
    return false;
}

/* "niemand", "alle" ... at t is measured when a number or time is near in the sentence. */
static bool measured(const struct kr_checker *c, size_t t)
{
    const struct kr_token *tk = c->toks.items;
    for (size_t j = t + 1; j < c->toks.n && j <= t + MEASURE_REACH && !c->info[j].sent; j++)
        if (tk[j].kind == KR_TOK_NUMBER || tk[j].kind == KR_TOK_TIME || has(c, j, F_NUMWORD))
            return true;
    for (size_t j = t, steps = 0; j > 0 && steps < MEASURE_REACH && !c->info[j].sent; steps++) {
        j--;
        if (tk[j].kind == KR_TOK_NUMBER || tk[j].kind == KR_TOK_TIME || has(c, j, F_NUMWORD))
            return true;
    }
    return false;
}

/* "te" at t: a norm ("te lang", "veel te moeilijk") unless a verb follows ("te schrijven"). */
static void te_rule(struct kr_checker *c, size_t t)
{
    if (c->norm_cat < 0 || c->info[t].hash != c->te_hash || c->info[t].slen != 2 ||
        memcmp(c->info[t].stem, "te", 2) != 0)
        return;
    size_t w = t + 1;
    if (!cont_ok(c, w) || c->toks.items[w].kind != KR_TOK_WORD || has(c, w, F_TE_NOT))
        return;
    if (c->info[w].ends_n && !has(c, w, F_TE_ADJ))
        return;
    size_t start = t;
    if (t > 0 && is_word(c, t - 1) && !c->info[t].sent && !c->info[t].nl && has(c, t - 1, F_TE_PRE))
        start = t - 1;
    add_cand(c, c->toks.items[start].start, c->toks.items[w].end, c->norm_cat);
}

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

/* "Hij is een sloddervos", "Mevrouw is depressief", "Wat ben je opmerkzaam", "Het werk is
 * slordig": a person (or a piece of work) and a copula, then, after at most a few intensifiers,
 * one word that ends the clause and is no fact word ("klaar", "ziek", "thuis"), number, name or
 * participle; or "een" and such a word, or "een" + word + person noun ("een braaf meisje").
 * Words the lexicon knows are found by their patterns; this finds the ones it does not. */
static void predicate_rule(struct kr_checker *c, size_t t, size_t nlex)
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
    /* A word the lexicon found: its own pattern names the kind ("is onvoldoende": norm). */
    for (size_t k = 0; k < nlex; k++)
        if (c->cands[k].cat >= 0 && c->cands[k].start <= c->toks.items[p].start &&
            c->toks.items[p].end <= c->cands[k].end)
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
    add_cand(c, c->toks.items[start].start, c->toks.items[end].end,
             work ? c->eval_cat : c->label_cat);
}

/* Mark speech after "zegt:" / "Juf:" and in "zegt dat ...", each up to the sentence end. */
static void speech_rules(struct kr_checker *c, const char *text)
{
    const struct kr_token *tk = c->toks.items;
    size_t n = c->toks.n, sent = 0;
    bool verb_seen = false;
    for (size_t i = 0; i < n; i++) {
        if (c->info[i].sent) {
            sent = i;
            verb_seen = false;
        }
        if (c->info[i].speech)
            continue;
        bool from_here = false;
        if (punct_is(text, &tk[i], ':')) {
            bool speaker =
                (i > sent && has(c, i - 1, F_SPEAKER)) ||
                (i > sent + 1 && tk[i - 1].kind == KR_TOK_NUMBER && has(c, i - 2, F_SPEAKER));
            from_here = verb_seen || speaker;
        } else if (tk[i].kind == KR_TOK_WORD && has(c, i, F_SPEECH)) {
            verb_seen = true;
            /* "zegt (tegen de juf) dat ...", "vraagt (aan de klas) wie ...": a question word
             * only when just the person spoken to comes between ("geeft een opdracht waar
             * ..." is not speech). */
            bool addressee = true;
            for (size_t j = i + 1; j < n && j <= i + DAT_REACH && cont_ok(c, j); j++) {
                if (has(c, j, F_THAT) || (addressee && has(c, j, F_COMP))) {
                    i = j - 1;
                    from_here = true;
                    break;
                }
                addressee = addressee && (has(c, j, F_ADDR) || tk[j].kind == KR_TOK_NUMBER);
            }
        }
        if (!from_here)
            continue;
        size_t j = i + 1;
        while (j < n && !c->info[j].sent) {
            c->info[j].speech = true;
            j++;
        }
        i = j - 1;
    }
}

/* Stem a word of the note into in->stem / in->slen, through the cache; false when it has no
 * usable stem. */
static bool stem_token(struct kr_checker *c, const char *w, size_t len, struct tinfo *in)
{
    struct cache_ent *e = NULL;
    if (len < CACHE_WORD) {
        uint32_t h = hash_str(w, len);
        e = &c->cache[h & (CACHE_SIZE - 1)];
        if (e->wlen == len && e->hash == h && memcmp(e->word, w, len) == 0) {
            if (!e->slen)
                return false;
            memcpy(in->stem, e->stem, (size_t)e->slen + 1);
            in->slen = e->slen;
            return true;
        }
        e->hash = h;
        e->wlen = (unsigned char)len;
        memcpy(e->word, w, len);
    }
    size_t need = kr_stem(c->stemmer, w, len, in->stem, STEM_MAX);
    bool ok = need > 0 && need < STEM_MAX;
    in->slen = ok ? (unsigned char)need : 0;
    if (e) {
        e->slen = in->slen;
        if (ok)
            memcpy(e->stem, in->stem, need + 1);
    }
    return ok;
}

/* A d/t spelling slip ("geconcentreert", "verveeldt"): a word the lexicon does not know, whose
 * stem with the other ending (or without the t of -dt) it does, is read as that word. */
static void dt_fold(struct kr_checker *c, struct tinfo *in)
{
    size_t n = in->slen;
    char last = in->stem[n - 1];
    if (last != 't' && last != 'd')
        return;
    char alt[STEM_MAX];
    memcpy(alt, in->stem, n + 1);
    if (last == 't' && alt[n - 2] == 'd')
        alt[--n] = '\0';
    else
        alt[n - 1] = last == 't' ? 'd' : 't';
    uint32_t h = hash_str(alt, n);
    const struct slot *s = tab_find(&c->tab, alt, n, h);
    if (!s)
        return;
    memcpy(in->stem, alt, n + 1);
    in->slen = (unsigned char)n;
    in->hash = h;
    in->slot = s;
}

/* Letters with full stops, written without spaces ("m.i.", "o.a.", "i.p.v."), become one word,
 * so the lexicon can name them and their dots do not end a sentence. */
static void join_abbrevs(struct kr_checker *c, const char *text)
{
    struct kr_token *tk = c->toks.items;
    size_t n = c->toks.n, w = 0;
    for (size_t i = 0; i < n; i++) {
        size_t j = i;
        while (j + 2 < n && tk[j].kind == KR_TOK_WORD && tk[j].end - tk[j].start == 1 &&
               punct_is(text, &tk[j + 1], '.') && tk[j + 1].start == tk[j].end &&
               tk[j + 2].start == tk[j + 1].end && tk[j + 2].kind == KR_TOK_WORD &&
               tk[j + 2].end - tk[j + 2].start == 1)
            j += 2;
        if (j > i) {
            if (j + 1 < n && punct_is(text, &tk[j + 1], '.') && tk[j + 1].start == tk[j].end)
                j++;
            tk[w] = tk[i];
            tk[w].end = tk[j].end;
            w++;
            i = j;
            continue;
        }
        tk[w++] = tk[i];
    }
    c->toks.n = w;
}

static int cmp_cand(const void *a, const void *b)
{
    const struct cand *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    return x->cat < y->cat ? -1 : x->cat > y->cat;
}

static size_t check_judgements(struct kr_checker *c, const char *text, size_t len,
                               struct kr_finding_list *out)
{
    out->n = 0;
    c->ncands = 0;
    c->text = text;
    kr_tokenize(text, len, &c->toks);
    join_abbrevs(c, text);
    size_t n = c->toks.n;
    if (n > c->capinfo) {
        free(c->info);
        c->capinfo = n + n / 2 + 16;
        c->info = kr_xreallocarray(NULL, c->capinfo, sizeof *c->info);
    }
    find_quotes(c, text, len);

    const struct kr_token *tk = c->toks.items;
    size_t sp = 0, prev_end = 0;
    for (size_t i = 0; i < n; i++) {
        struct tinfo *in = &c->info[i];
        in->slot = NULL;
        in->slen = 0;
        in->hash = 0;
        in->stem[0] = '\0';
        in->nl = memchr(text + prev_end, '\n', tk[i].start - prev_end) != NULL;
        in->sent = i == 0 || in->nl || sentence_end(text, &tk[i - 1]);
        while (sp < c->nspans && c->spans[sp].end <= tk[i].start)
            sp++;
        in->speech = sp < c->nspans && c->spans[sp].start <= tk[i].start;
        in->ends_n = (text[tk[i].end - 1] | 0x20) == 'n';
        prev_end = tk[i].end;
        if (tk[i].kind != KR_TOK_WORD)
            continue;
        if (!stem_token(c, text + tk[i].start, tk[i].end - tk[i].start, in))
            continue;
        size_t need = in->slen;
        in->hash = hash_str(in->stem, need);
        in->slot = tab_find(&c->tab, in->stem, need, in->hash);
        if (!in->slot && need >= 5)
            dt_fold(c, in);
        if (in->slot && in->slot->alias_slot) {
            const struct slot *a = in->slot->alias_slot;
            size_t al = strlen(a->key);
            memcpy(in->stem, a->key, al + 1);
            in->slen = (unsigned char)al;
            in->hash = a->hash;
            in->slot = a;
        }
    }
    speech_rules(c, text);
    for (size_t i = 0; i < n; i++)
        c->info[i].fact = is_word(c, i) && has(c, i, F_JUIST) && count_fact(c, text, i);

    for (size_t i = 0; i < n; i++) {
        if (!is_word(c, i) || c->info[i].fact)
            continue;
        const struct slot *s = c->info[i].slot;
        te_rule(c, i);
        if (s)
            for (size_t k = 0; k < s->n; k++)
                try_pattern(c, s->pats[k], i);
        for (size_t k = 0; k < c->nwild; k++)
            try_pattern(c, c->wild[k], i);
    }
    /* After the patterns, so it can leave the words they found to them. */
    size_t nlex = c->ncands;
    for (size_t i = 0; i < n; i++)
        if (c->info[i].slot && (c->info[i].slot->flags & F_COPULA))
            predicate_rule(c, i, nlex);
    if (c->ncands == 0)
        return 0;

    qsort(c->cands, c->ncands, sizeof *c->cands, cmp_cand);
    /* Drop findings that an allowlist match covers, then join overlapping ones. */
    size_t cover_end = 0;
    bool covering = false;
    for (size_t i = 0; i < c->ncands; i++) {
        const struct cand *k = &c->cands[i];
        if (k->cat < 0) {
            if (!covering || k->end > cover_end)
                cover_end = k->end;
            covering = true;
            continue;
        }
        if (covering && cover_end >= k->end)
            continue;
        if (out->n > 0) {
            struct kr_finding *last = &out->items[out->n - 1];
            if (k->start < last->end) {
                /* Overlapping findings join; the one that starts first names the kind
                 * ("Ik vind het saai" is an opinion, not mind-reading). */
                if (k->end > last->end)
                    last->end = k->end;
                continue;
            }
        }
        KR_GROW(out->items, out->cap, out->n + 1);
        out->items[out->n++] =
            (struct kr_finding){k->start, k->end, c->cats[k->cat].kind, c->cats[k->cat].hint};
    }
    return out->n;
}

/* The judgements, then the names of people (src/text/names.c) on the same tokens. */
size_t kr_check(struct kr_checker *c, const char *text, size_t len, struct kr_finding_list *out)
{
    /* Decomposed text (NFD) is checked in NFC, so it gets exactly the findings of the same
       text typed precomposed; the offsets are mapped back to the text as given (a finding
       starts and ends on a word, so on a cluster boundary). */
    const char *t = text;
    size_t tl = len;
    if (kr_nfc(text, len, &c->nfc, &c->nfc_map, &c->nfc_map_cap)) {
        t = c->nfc.data;
        tl = c->nfc.len;
    }
    check_judgements(c, t, tl, out);
    kr_names_add(t, c->toks.items, c->toks.n, out);
    if (t != text)
        for (size_t i = 0; i < out->n; i++) {
            out->items[i].start = c->nfc_map[out->items[i].start];
            out->items[i].end = c->nfc_map[out->items[i].end];
        }
    return out->n;
}
