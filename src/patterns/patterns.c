/* SPDX-License-Identifier: MIT */
/*
 * Patterns: place each note in a corner, turn it into a TF-IDF vector over stems and
 * stem bigrams, and cluster each corner by average linkage until no two clusters are
 * more similar than the threshold. Average linkage keeps a chain of loosely related
 * notes from becoming one pattern (single linkage would) without forcing a number of
 * patterns (k-means would). Each step merges the most similar pair; ties go to the pair
 * with the lowest input positions, so the result depends only on the input.
 */
#include "kijkronde/patterns.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kijkronde/corner.h"
#include "kijkronde/mem.h"
#include "kijkronde/text.h"
#include "kijkronde/ydoc.h"

extern const char kr_data_stopwords[];
extern const size_t kr_data_stopwords_len;

#define BIGRAM_WEIGHT   0.6 /* a bigram is evidence, but less than two shared stems */
#define MAX_LABEL_TERMS 3
#define COMPOUND_WEIGHT 0.7  /* a part of a compound word */
#define EXACT_LIMIT     2500 /* notes per corner clustered exactly (a float matrix of this square) */
#define LEADER_TAU      0.5  /* above EXACT_LIMIT: near-duplicates grouped first */
#define LEADER_ROUNDS   8    /* at most this many leader rounds, tau lowered by a fifth each */

const char *kr_pattern_kind_str(enum kr_pattern_kind k)
{
    return k == KR_PATTERN_OVEREENKOMST ? "overeenkomst" : "verschil";
}

/* ---- a string -> index table (open addressing, FNV-1a) ---- */

struct strtab {
    char **keys; /* by index */
    size_t n, cap;
    uint32_t *slots; /* index + 1, 0 = empty */
    size_t nslots;
};

static uint32_t fnv(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (uint8_t)*s) * 16777619u;
    return h;
}

static void strtab_grow(struct strtab *t)
{
    size_t ns = t->nslots ? t->nslots * 2 : 1024;
    uint32_t *slots = kr_xcalloc(ns, sizeof *slots);
    for (size_t i = 0; i < t->n; i++) {
        size_t h = fnv(t->keys[i]) & (ns - 1);
        while (slots[h])
            h = (h + 1) & (ns - 1);
        slots[h] = (uint32_t)(i + 1);
    }
    free(t->slots);
    t->slots = slots;
    t->nslots = ns;
}

/* The index of key, or SIZE_MAX when absent. */
static size_t strtab_find(const struct strtab *t, const char *key)
{
    if (t->nslots == 0)
        return SIZE_MAX;
    size_t h = fnv(key) & (t->nslots - 1);
    while (t->slots[h]) {
        size_t i = t->slots[h] - 1;
        if (strcmp(t->keys[i], key) == 0)
            return i;
        h = (h + 1) & (t->nslots - 1);
    }
    return SIZE_MAX;
}

/* The index of key, adding it when add is set; SIZE_MAX when absent and not added. */
static size_t strtab_get(struct strtab *t, const char *key, bool add)
{
    size_t i = strtab_find(t, key);
    if (i != SIZE_MAX || !add)
        return i;
    if ((t->n + 1) * 2 > t->nslots)
        strtab_grow(t);
    size_t h = fnv(key) & (t->nslots - 1);
    while (t->slots[h])
        h = (h + 1) & (t->nslots - 1);
    KR_GROW(t->keys, t->cap, t->n + 1);
    t->keys[t->n] = kr_xstrdup(key);
    t->slots[h] = (uint32_t)(t->n + 1);
    return t->n++;
}

static void strtab_fini(struct strtab *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->keys[i]);
    free(t->keys);
    free(t->slots);
    memset(t, 0, sizeof *t);
}

/* ---- sparse vectors ---- */

struct term {
    size_t id;
    double w;
};

struct vec {
    struct term *t; /* sorted by id */
    size_t n;
};

static int term_cmp(const void *a, const void *b)
{
    const struct term *x = a, *y = b;
    return x->id < y->id ? -1 : x->id > y->id;
}

static double dot(const struct vec *a, const struct vec *b)
{
    double s = 0;
    size_t i = 0, j = 0;
    while (i < a->n && j < b->n) {
        if (a->t[i].id == b->t[j].id)
            s += a->t[i++].w * b->t[j++].w;
        else if (a->t[i].id < b->t[j].id)
            i++;
        else
            j++;
    }
    return s;
}

/* ---- the work of one call ---- */

struct work {
    const struct kr_pattern_note *notes;
    size_t n;
    struct strtab terms;   /* stems and "stem stem" bigrams */
    struct strtab stops;   /* stopword stems */
    struct strtab nolabel; /* stems that make poor pattern names */
    size_t *df;            /* per term */
    struct vec *vecs;      /* per note */
    /* surface forms for labels: per term the most frequent folded word */
    struct strtab surfaces; /* "term\x1fword" -> count index */
    size_t *surface_count;
    size_t surface_cap;
    const char **surface_of; /* per term, borrowed from surfaces */
};

static void load_list(const struct kr_ynode *root, const char *key, struct strtab *into,
                      struct kr_stemmer *st)
{
    const struct kr_ynode *l = root ? kr_ynode_get(root, key) : NULL;
    for (size_t i = 0; l && l->type == KR_YNODE_SEQ && i < l->n; i++) {
        char buf[128];
        kr_stem(st, l->items[i]->value, l->items[i]->len, buf, sizeof buf);
        strtab_get(into, buf, true);
        kr_fold(l->items[i]->value, l->items[i]->len, buf, sizeof buf);
        strtab_get(into, buf, true);
    }
}

static void load_stopwords(struct work *w, struct kr_stemmer *st)
{
    struct kr_ydoc *doc = NULL;
    if (kr_ydoc_load_mem("stopwords.yaml", kr_data_stopwords, kr_data_stopwords_len, &doc, NULL) !=
        KR_OK)
        return; /* carried data, checked by the unit tests */
    load_list(doc->root, "stopwoorden", &w->stops, st);
    load_list(doc->root, "niet_in_naam", &w->nolabel, st);
    kr_ydoc_free(doc);
}

static void count_surface(struct work *w, size_t term, const char *word)
{
    char key[300];
    snprintf(key, sizeof key, "%zu\x1f%s", term, word);
    size_t i = strtab_get(&w->surfaces, key, true);
    if (i >= w->surface_cap) {
        size_t old = w->surface_cap;
        KR_GROW(w->surface_count, w->surface_cap, i + 1);
        memset(w->surface_count + old, 0, (w->surface_cap - old) * sizeof *w->surface_count);
    }
    w->surface_count[i]++;
}

static void add_term(struct work *w, struct kr_buf *tv, const char *key, double weight)
{
    size_t id = strtab_get(&w->terms, key, true);
    struct term t = {id, weight};
    kr_buf_append(tv, (const char *)&t, sizeof t);
}

/* Merge duplicate ids of a vector (sorting it first). */
static void vec_merge(struct vec *v)
{
    qsort(v->t, v->n, sizeof *v->t, term_cmp);
    size_t m = 0;
    for (size_t k = 0; k < v->n; k++) {
        if (m && v->t[m - 1].id == v->t[k].id)
            v->t[m - 1].w += v->t[k].w;
        else
            v->t[m++] = v->t[k];
    }
    v->n = m;
}

/* Tokens of one note -> raw term counts (duplicates merged). */
static void vectorise(struct work *w, size_t i, struct kr_stemmer *st, struct kr_token_list *toks,
                      struct kr_buf *tv)
{
    const char *text = w->notes[i].text;
    size_t len = strlen(text);
    kr_tokenize(text, len, toks);
    kr_buf_reset(tv);
    char prev[128] = "";
    for (size_t k = 0; k < toks->n; k++) {
        const struct kr_token *tk = &toks->items[k];
        if (tk->kind != KR_TOK_WORD) {
            if (tk->kind == KR_TOK_PUNCT)
                prev[0] = '\0'; /* no bigram across punctuation */
            continue;
        }
        char stem[128], word[128];
        size_t sl = kr_stem(st, text + tk->start, tk->end - tk->start, stem, sizeof stem);
        kr_fold(text + tk->start, tk->end - tk->start, word, sizeof word);
        if (sl < 2 || sl >= sizeof stem || strtab_get(&w->stops, stem, false) != SIZE_MAX ||
            strtab_get(&w->stops, word, false) != SIZE_MAX)
            continue;
        add_term(w, tv, stem, 1.0);
        count_surface(w, strtab_get(&w->terms, stem, false), word);
        if (prev[0]) {
            char bi[260];
            snprintf(bi, sizeof bi, "%s %s", prev, stem);
            add_term(w, tv, bi, BIGRAM_WEIGHT);
        }
        memcpy(prev, stem, sl + 1);
    }
    struct term *t = (struct term *)(void *)tv->data;
    size_t n = tv->len / sizeof *t;
    struct vec *v = &w->vecs[i];
    v->t = kr_xreallocarray(NULL, n ? n : 1, sizeof *v->t);
    if (n)
        memcpy(v->t, t, n * sizeof *t);
    v->n = n;
    vec_merge(v);
}

/*
 * Dutch glues words together: "woordmuur" and "weekwoordenmuur" share "muur",
 * "voorleesboek" and "leesboek" share "boek". A stem that ends with another stem of the
 * session (at least four letters), or starts with one (at least five), also counts that
 * part, at COMPOUND_WEIGHT, so such notes can meet.
 */
static void split_compounds(struct work *w)
{
    size_t nterms = w->terms.n;
    size_t(*parts)[2] = kr_xcalloc(nterms ? nterms : 1, sizeof *parts);
    for (size_t t = 0; t < nterms; t++) {
        const char *s = w->terms.keys[t];
        size_t len = strlen(s);
        parts[t][0] = parts[t][1] = SIZE_MAX;
        if (strchr(s, ' ') || len < 7)
            continue;
        for (size_t k = 2; k + 4 <= len && parts[t][0] == SIZE_MAX; k++) {
            size_t id = strtab_get(&w->terms, s + k, false);
            if (id != SIZE_MAX && id < nterms)
                parts[t][0] = id;
        }
        char buf[128];
        for (size_t k = len - 2; k >= 5 && k < sizeof buf && parts[t][1] == SIZE_MAX; k--) {
            memcpy(buf, s, k);
            buf[k] = '\0';
            size_t id = strtab_get(&w->terms, buf, false);
            if (id != SIZE_MAX && id < nterms)
                parts[t][1] = id;
        }
    }
    for (size_t i = 0; i < w->n; i++) {
        struct vec *v = &w->vecs[i];
        size_t n0 = v->n, extra = 0;
        for (size_t k = 0; k < n0; k++)
            extra += (parts[v->t[k].id][0] != SIZE_MAX) + (parts[v->t[k].id][1] != SIZE_MAX);
        if (!extra)
            continue;
        v->t = kr_xreallocarray(v->t, n0 + extra, sizeof *v->t);
        for (size_t k = 0; k < n0; k++)
            for (int j = 0; j < 2; j++)
                if (parts[v->t[k].id][j] != SIZE_MAX)
                    v->t[v->n++] = (struct term){parts[v->t[k].id][j], COMPOUND_WEIGHT * v->t[k].w};
        vec_merge(v);
    }
    free(parts);
}

static void count_df(struct work *w)
{
    w->df = kr_xcalloc(w->terms.n ? w->terms.n : 1, sizeof *w->df);
    for (size_t i = 0; i < w->n; i++)
        for (size_t k = 0; k < w->vecs[i].n; k++)
            w->df[w->vecs[i].t[k].id]++;
}

/* Sublinear tf times smoothed idf, L2-normalised. Terms seen in one note only are dropped:
 * they cannot link two notes and would only dilute the similarity of the rest. */
static void weigh(struct work *w)
{
    double nn = (double)w->n;
    for (size_t i = 0; i < w->n; i++) {
        struct vec *v = &w->vecs[i];
        double norm = 0;
        size_t m = 0;
        for (size_t k = 0; k < v->n; k++) {
            size_t df = w->df[v->t[k].id];
            if (df < 2)
                continue;
            double idf = log((1.0 + nn) / (1.0 + (double)df)) + 1.0;
            double tf = v->t[k].w;
            double base = tf >= 1.0 ? 1.0 + log(tf) : tf;
            v->t[m].id = v->t[k].id;
            v->t[m].w = base * idf;
            norm += v->t[m].w * v->t[m].w;
            m++;
        }
        v->n = m;
        norm = sqrt(norm);
        for (size_t k = 0; k < m && norm > 0; k++)
            v->t[k].w /= norm;
    }
}

/* ---- average-linkage clustering of one corner ---- */

/*
 * The m x m similarity matrix of items (dot products; -1 on the diagonal), filled
 * through an inverted index so only pairs that share a term cost anything.
 */
static float *similarities(const struct vec *const *items, size_t m)
{
    float *S = kr_xcalloc(m * m, sizeof *S);
    size_t nt = 0, total = 0;
    for (size_t a = 0; a < m; a++) {
        total += items[a]->n;
        for (size_t k = 0; k < items[a]->n; k++)
            if (items[a]->t[k].id + 1 > nt)
                nt = items[a]->t[k].id + 1;
    }
    /* postings in CSR form: start[t]..start[t+1] holds (item, weight) with ascending item */
    size_t *start = kr_xcalloc(nt + 1, sizeof *start);
    for (size_t a = 0; a < m; a++)
        for (size_t k = 0; k < items[a]->n; k++)
            start[items[a]->t[k].id + 1]++;
    for (size_t t = 0; t < nt; t++)
        start[t + 1] += start[t];
    size_t *fill = kr_xreallocarray(NULL, nt ? nt : 1, sizeof *fill);
    memcpy(fill, start, nt * sizeof *fill);
    struct term *post = kr_xreallocarray(NULL, total ? total : 1, sizeof *post);
    for (size_t a = 0; a < m; a++)
        for (size_t k = 0; k < items[a]->n; k++)
            post[fill[items[a]->t[k].id]++] = (struct term){a, items[a]->t[k].w};
    for (size_t t = 0; t < nt; t++)
        for (size_t i = start[t]; i < start[t + 1]; i++) {
            float *row = S + post[i].id * m;
            double wi = post[i].w;
            for (size_t j = i + 1; j < start[t + 1]; j++)
                row[post[j].id] += (float)(wi * post[j].w);
        }
    for (size_t a = 0; a < m; a++) {
        S[a * m + a] = -1.0f;
        for (size_t b = a + 1; b < m; b++)
            S[b * m + a] = S[a * m + b];
    }
    free(start);
    free(fill);
    free(post);
    return S;
}

/*
 * Average linkage over m items: item a is the mean vector of init_size[a] notes (1 for a
 * note). The average similarity of all note pairs between two groups equals the dot
 * product of their means, so starting from groups is exact. Writes a cluster number per
 * item into label[] (0..k-1, numbered by first item) and returns k.
 */
static size_t cluster_items(const struct vec *const *items, const size_t *init_size, size_t m,
                            double threshold, size_t *label)
{
    if (m == 0)
        return 0;
    float *S = similarities(items, m);
    size_t *size = kr_xreallocarray(NULL, m, sizeof *size);
    size_t *parent = kr_xreallocarray(NULL, m, sizeof *parent);
    size_t *best = kr_xreallocarray(NULL, m, sizeof *best);
    bool *alive = kr_xreallocarray(NULL, m, sizeof *alive);
    for (size_t a = 0; a < m; a++) {
        size[a] = init_size[a];
        parent[a] = a;
        alive[a] = true;
    }
    /* best[a]: the live partner b != a with the highest S, lowest b on ties. Similarities
     * are >= 0; the diagonal and the rows and columns of merged items hold -1, so a plain
     * argmax over the row finds it (SIZE_MAX when no partner is left). */
#define REBEST(a)                                                                                  \
    do {                                                                                           \
        const float *row_ = S + (a)*m;                                                             \
        float bv_ = -1.0f;                                                                         \
        size_t bb_ = SIZE_MAX;                                                                     \
        for (size_t x_ = 0; x_ < m; x_++)                                                          \
            if (row_[x_] > bv_) {                                                                  \
                bv_ = row_[x_];                                                                    \
                bb_ = x_;                                                                          \
            }                                                                                      \
        best[(a)] = bb_;                                                                           \
    } while (0)
    for (size_t a = 0; a < m; a++)
        REBEST(a);
    for (;;) {
        size_t pa = SIZE_MAX;
        float ps = 0;
        for (size_t a = 0; a < m; a++) {
            if (!alive[a] || best[a] == SIZE_MAX)
                continue;
            float s = S[a * m + best[a]];
            if (pa == SIZE_MAX || s > ps) {
                pa = a;
                ps = s;
            }
        }
        if (pa == SIZE_MAX || ps < (float)threshold)
            break;
        size_t a = pa, b = best[pa];
        if (b < a) {
            size_t t = a;
            a = b;
            b = t;
        }
        /* merge b into a (Lance-Williams for average linkage) */
        float na = (float)size[a], nb = (float)size[b];
        for (size_t x = 0; x < m; x++) {
            if (!alive[x] || x == a || x == b)
                continue;
            float s = (na * S[a * m + x] + nb * S[b * m + x]) / (na + nb);
            S[a * m + x] = S[x * m + a] = s;
        }
        alive[b] = false;
        for (size_t x = 0; x < m; x++)
            S[b * m + x] = S[x * m + b] = -1.0f;
        size[a] += size[b];
        parent[b] = a;
        for (size_t x = 0; x < m; x++) {
            if (!alive[x])
                continue;
            if (x == a || best[x] == a || best[x] == b)
                REBEST(x);
            else if (S[x * m + a] > S[x * m + best[x]] ||
                     (S[x * m + a] == S[x * m + best[x]] && a < best[x]))
                best[x] = a;
        }
    }
#undef REBEST
    /* number clusters by their first member */
    size_t k = 0;
    size_t *num = kr_xreallocarray(NULL, m, sizeof *num);
    for (size_t a = 0; a < m; a++)
        num[a] = SIZE_MAX;
    for (size_t a = 0; a < m; a++) {
        size_t r = a;
        while (parent[r] != r)
            r = parent[r];
        if (num[r] == SIZE_MAX)
            num[r] = k++;
        label[a] = num[r];
    }
    free(num);
    free(S);
    free(size);
    free(parent);
    free(best);
    free(alive);
    return k;
}

/*
 * Leader grouping for large corners, in input order: an item joins the most similar
 * earlier leader when the similarity reaches tau, else it leads a new group. Candidates
 * come from an inverted index over the leaders' terms, so the cost grows with the notes
 * times the leaders that share a term, and memory with the notes. Returns the number of
 * groups; group[i] is the group of item i (numbered in order of their leaders).
 */
static size_t leader_groups(const struct vec *const *items, size_t m, size_t nterms, double tau,
                            size_t *group)
{
    struct posting {
        size_t leader;
        double w;
    };
    struct plist {
        struct posting *items;
        size_t n, cap;
    } *inv = kr_xcalloc(nterms ? nterms : 1, sizeof *inv);
    double *acc = kr_xcalloc(m, sizeof *acc);
    size_t *touched = kr_xcalloc(m, sizeof *touched);
    size_t nleaders = 0;
    for (size_t i = 0; i < m; i++) {
        const struct vec *v = items[i];
        size_t nt = 0;
        for (size_t k = 0; k < v->n; k++) {
            const struct plist *pl = &inv[v->t[k].id];
            for (size_t j = 0; j < pl->n; j++) {
                size_t L = pl->items[j].leader;
                if (acc[L] == 0.0)
                    touched[nt++] = L;
                acc[L] += v->t[k].w * pl->items[j].w;
            }
        }
        size_t best = SIZE_MAX;
        for (size_t j = 0; j < nt; j++) {
            size_t L = touched[j];
            if (best == SIZE_MAX || acc[L] > acc[best] || (acc[L] == acc[best] && L < best))
                best = L;
        }
        if (best != SIZE_MAX && acc[best] >= tau) {
            group[i] = best;
        } else {
            group[i] = nleaders;
            for (size_t k = 0; k < v->n; k++) {
                struct plist *pl = &inv[v->t[k].id];
                KR_GROW(pl->items, pl->cap, pl->n + 1);
                pl->items[pl->n++] = (struct posting){nleaders, v->t[k].w};
            }
            nleaders++;
        }
        for (size_t j = 0; j < nt; j++)
            acc[touched[j]] = 0.0;
    }
    for (size_t t = 0; t < nterms; t++)
        free(inv[t].items);
    free(inv);
    free(acc);
    free(touched);
    return nleaders;
}

/* The mean vectors of g groups of items (group[i] for item i), each item counted weight[i] times.
 */
static struct vec *group_means(const struct vec *const *items, const size_t *weight, size_t m,
                               const size_t *group, size_t g, size_t *gsize)
{
    struct vec *means = kr_xcalloc(g, sizeof *means);
    size_t *count = kr_xcalloc(g, sizeof *count);
    for (size_t i = 0; i < m; i++) {
        count[group[i]] += items[i]->n;
        gsize[group[i]] += weight[i];
    }
    for (size_t c = 0; c < g; c++)
        means[c].t = kr_xreallocarray(NULL, count[c] ? count[c] : 1, sizeof(struct term));
    for (size_t i = 0; i < m; i++) {
        struct vec *mv = &means[group[i]];
        for (size_t k = 0; k < items[i]->n; k++)
            mv->t[mv->n++] = (struct term){items[i]->t[k].id, items[i]->t[k].w * (double)weight[i]};
    }
    for (size_t c = 0; c < g; c++) {
        vec_merge(&means[c]);
        for (size_t k = 0; k < means[c].n; k++)
            means[c].t[k].w /= (double)gsize[c];
    }
    free(count);
    return means;
}

/*
 * Cluster the items of one connected component (every item shares a term with another, or
 * m == 1); label[a] gets the component-local cluster of items[a] (0..k-1). Up to
 * EXACT_LIMIT items: exact average linkage. Above it, near-duplicates are first grouped by
 * leader at LEADER_TAU, lowered by a fifth for each of at most LEADER_ROUNDS rounds while
 * more than EXACT_LIMIT groups remain; what still remains is clustered exactly in blocks
 * of EXACT_LIMIT groups in input order.
 *
 * Why this ends, whatever the text: the leader loop runs at most LEADER_ROUNDS times, each
 * round one pass over the groups; each block is one call of cluster_items, whose loop
 * merges two live items per iteration or stops, so it runs fewer than EXACT_LIMIT times.
 * (The loop this replaces waited for the group count to fall below EXACT_LIMIT; notes that
 * share no term never join a leader at any tau, so the count never fell and it spun.)
 */
static size_t cluster_component(const struct work *w, const struct vec **items, size_t m,
                                double threshold, size_t *label)
{
    size_t *weight = kr_xreallocarray(NULL, m, sizeof *weight);
    for (size_t a = 0; a < m; a++) {
        weight[a] = 1;
        label[a] = a; /* item -> current group */
    }
    size_t g = m;
    struct vec *owned = NULL; /* the current groups when they are group means */
    size_t *group = kr_xreallocarray(NULL, m, sizeof *group);
    double tau = LEADER_TAU;
    for (int round = 0; round < LEADER_ROUNDS && g > EXACT_LIMIT; round++) {
        size_t ng = leader_groups(items, g, w->terms.n, tau, group);
        size_t *gsize = kr_xcalloc(ng, sizeof *gsize);
        struct vec *means = group_means(items, weight, g, group, ng, gsize);
        for (size_t a = 0; a < m; a++)
            label[a] = group[label[a]];
        if (owned) {
            for (size_t c = 0; c < g; c++)
                free(owned[c].t);
            free(owned);
        }
        owned = means;
        for (size_t c = 0; c < ng; c++) {
            items[c] = &means[c];
            weight[c] = gsize[c];
        }
        free(gsize);
        g = ng;
        tau *= 0.8;
    }
    /* exact average linkage, in blocks of EXACT_LIMIT groups (one block when g is small) */
    size_t k = 0;
    for (size_t lo = 0; lo < g; lo += EXACT_LIMIT) {
        size_t nb = g - lo < EXACT_LIMIT ? g - lo : EXACT_LIMIT;
        size_t kb = cluster_items(items + lo, weight + lo, nb, threshold, group + lo);
        for (size_t c = lo; c < lo + nb; c++)
            group[c] += k;
        k += kb;
    }
    for (size_t a = 0; a < m; a++)
        label[a] = group[label[a]];
    if (owned) {
        for (size_t c = 0; c < g; c++)
            free(owned[c].t);
        free(owned);
    }
    free(group);
    free(weight);
    return k;
}

static size_t uf_find(size_t *parent, size_t a)
{
    while (parent[a] != a) {
        parent[a] = parent[parent[a]];
        a = parent[a];
    }
    return a;
}

/*
 * Cluster the notes members[0..m) of one corner; label[a] gets the cluster of members[a]
 * (0..k-1, numbered by first member). Two notes that share no term have similarity 0,
 * and so have any two groups of them (the mean of zeros), which is below every threshold
 * (> 0): average linkage never joins notes of different components of the "shares a term"
 * graph. So each component is clustered on its own (the same partition as clustering the
 * corner at once, in less memory), and a note that shares no term with the others of its
 * corner is a pattern of its own without any clustering.
 */
static size_t cluster(const struct work *w, const size_t *members, size_t m, double threshold,
                      size_t *label)
{
    size_t alloc = m ? m : 1;
    /* union-find over the members, joined through the first member holding each term */
    size_t *parent = kr_xreallocarray(NULL, alloc, sizeof *parent);
    size_t *first = kr_xreallocarray(NULL, w->terms.n ? w->terms.n : 1, sizeof *first);
    for (size_t t = 0; t < w->terms.n; t++)
        first[t] = SIZE_MAX;
    for (size_t a = 0; a < m; a++) {
        parent[a] = a;
        const struct vec *v = &w->vecs[members[a]];
        for (size_t k = 0; k < v->n; k++) {
            size_t t = v->t[k].id;
            if (first[t] == SIZE_MAX) {
                first[t] = a;
            } else {
                size_t r = uf_find(parent, first[t]), s = uf_find(parent, a);
                if (r != s)
                    parent[r > s ? r : s] = r < s ? r : s; /* the root is the lowest member */
            }
        }
    }
    free(first);
    /* the members of each component, components in order of their first member */
    size_t *root = kr_xreallocarray(NULL, alloc, sizeof *root);
    size_t *start = kr_xcalloc(m + 1, sizeof *start);
    for (size_t a = 0; a < m; a++) {
        root[a] = uf_find(parent, a);
        start[root[a] + 1]++;
    }
    for (size_t a = 0; a < m; a++)
        start[a + 1] += start[a];
    size_t *order = kr_xreallocarray(NULL, alloc, sizeof *order);
    size_t *fill = kr_xreallocarray(NULL, alloc, sizeof *fill);
    memcpy(fill, start, m * sizeof *fill);
    for (size_t a = 0; a < m; a++)
        order[fill[root[a]]++] = a;
    free(fill);
    const struct vec **items = kr_xreallocarray(NULL, alloc, sizeof *items);
    size_t *local = kr_xreallocarray(NULL, alloc, sizeof *local);
    size_t k = 0;
    for (size_t r = 0; r < m; r++) {
        size_t lo = start[r], nc = start[r + 1] - lo;
        if (nc == 0)
            continue;
        if (nc == 1) {
            label[order[lo]] = k++;
            continue;
        }
        for (size_t i = 0; i < nc; i++)
            items[i] = &w->vecs[members[order[lo + i]]];
        size_t kc = cluster_component(w, items, nc, threshold, local);
        for (size_t i = 0; i < nc; i++)
            label[order[lo + i]] = k + local[i];
        k += kc;
    }
    free(items);
    free(local);
    free(order);
    free(start);
    free(root);
    free(parent);
    /* renumber by first member */
    size_t *num = kr_xreallocarray(NULL, k ? k : 1, sizeof *num);
    for (size_t c = 0; c < k; c++)
        num[c] = SIZE_MAX;
    size_t next = 0;
    for (size_t a = 0; a < m; a++) {
        if (num[label[a]] == SIZE_MAX)
            num[label[a]] = next++;
        label[a] = num[label[a]];
    }
    free(num);
    return k;
}

/* ---- describing a pattern ---- */

struct scored {
    size_t id;
    double s;
};

static int scored_cmp(const void *a, const void *b)
{
    const struct scored *x = a, *y = b;
    if (x->s != y->s)
        return x->s > y->s ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

static int scored_id_cmp(const void *a, const void *b)
{
    const struct scored *x = a, *y = b;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* Per term, the word it was most often written as ("vinger" for "ving"); lowest on ties. */
static void pick_surfaces(struct work *w)
{
    w->surface_of = kr_xcalloc(w->terms.n ? w->terms.n : 1, sizeof *w->surface_of);
    size_t *bestc = kr_xcalloc(w->terms.n ? w->terms.n : 1, sizeof *bestc);
    for (size_t i = 0; i < w->surfaces.n; i++) {
        char *end;
        const char *k = w->surfaces.keys[i];
        size_t term = strtoul(k, &end, 10);
        const char *word = end + 1;
        const char *cur = w->surface_of[term];
        if (w->surface_count[i] > bestc[term] ||
            (w->surface_count[i] == bestc[term] && cur && strcmp(word, cur) < 0)) {
            bestc[term] = w->surface_count[i];
            w->surface_of[term] = word;
        }
    }
    free(bestc);
}

static void describe(const struct work *w, struct kr_pattern *p, struct kr_buf *scratch)
{
    /* centroid */
    kr_buf_reset(scratch);
    for (size_t i = 0; i < p->n_notes; i++) {
        const struct vec *v = &w->vecs[p->notes[i]];
        for (size_t k = 0; k < v->n; k++) {
            struct scored s = {v->t[k].id, v->t[k].w};
            kr_buf_append(scratch, (const char *)&s, sizeof s);
        }
    }
    struct scored *c = (struct scored *)(void *)scratch->data;
    size_t nc = scratch->len / sizeof *c, m = 0;
    if (nc) /* a note without a term ("Juf v") leaves c NULL: qsort(NULL) is undefined */
        qsort(c, nc, sizeof *c, scored_id_cmp); /* merge by id */
    for (size_t i = 0; i < nc; i++) {
        if (m && c[m - 1].id == c[i].id)
            c[m - 1].s += c[i].s;
        else
            c[m++] = c[i];
    }
    struct vec cen = {kr_xreallocarray(NULL, m ? m : 1, sizeof(struct term)), m};
    for (size_t i = 0; i < m; i++)
        cen.t[i] = (struct term){c[i].id, c[i].s};
    /* representatives: closest to the centroid */
    struct scored *rep = kr_xreallocarray(NULL, p->n_notes, sizeof *rep);
    for (size_t i = 0; i < p->n_notes; i++)
        rep[i] = (struct scored){p->notes[i], dot(&w->vecs[p->notes[i]], &cen)};
    qsort(rep, p->n_notes, sizeof *rep, scored_cmp);
    p->n_representatives = p->n_notes < 3 ? p->n_notes : 3;
    for (size_t i = 0; i < p->n_representatives; i++)
        p->representatives[i] = rep[i].id;
    free(rep);
    /* label: the heaviest single-stem terms of the centroid */
    if (m)
        qsort(c, m, sizeof *c, scored_cmp);
    struct kr_buf lab = {0};
    size_t used = 0;
    const char *words[MAX_LABEL_TERMS];
    for (size_t i = 0; i < m && used < MAX_LABEL_TERMS; i++) {
        const char *key = w->terms.keys[c[i].id];
        const char *word = w->surface_of[c[i].id] ? w->surface_of[c[i].id] : key;
        if (strchr(key, ' ') || strlen(word) < 3 || strtab_find(&w->nolabel, key) != SIZE_MAX)
            continue;
        size_t j = 0;
        while (j < used && strcmp(words[j], word) != 0)
            j++;
        if (j < used)
            continue;
        words[used] = word;
        kr_buf_puts(&lab, used ? ", " : "");
        if (used == 0 && word[0] >= 'a' && word[0] <= 'z') {
            kr_buf_putc(&lab, (char)(word[0] - 'a' + 'A'));
            kr_buf_puts(&lab, word + 1);
        } else {
            kr_buf_puts(&lab, word);
        }
        used++;
    }
    if (used == 0) {
        /* nothing shared: the start of the representative note */
        char buf[64];
        const char *t = w->notes[p->representatives[0]].text;
        size_t l = strlen(t) < 40 ? strlen(t) : 40;
        while (l > 0 && l < strlen(t) && ((unsigned char)t[l] & 0xC0) == 0x80)
            l--;
        snprintf(buf, sizeof buf, "%.*s%s", (int)l, t, l < strlen(t) ? "…" : "");
        kr_buf_puts(&lab, buf);
    }
    p->label = kr_buf_steal(&lab);
    free(cen.t);
}

static void finish_pattern(const struct work *w, struct kr_pattern *p, enum kr_corner corner,
                           bool flagged, struct kr_buf *scratch)
{
    p->corner = corner;
    p->flagged = flagged;
    p->visits = kr_xreallocarray(NULL, p->n_notes, sizeof *p->visits);
    for (size_t i = 0; i < p->n_notes; i++) {
        const char *v = w->notes[p->notes[i]].visit_id;
        size_t j = 0;
        while (j < p->n_visits && strcmp(p->visits[j], v) != 0)
            j++;
        if (j == p->n_visits)
            p->visits[p->n_visits++] = v;
    }
    p->kind = p->n_visits >= 2 ? KR_PATTERN_OVEREENKOMST : KR_PATTERN_VERSCHIL;
    if (flagged) {
        p->label = kr_xstrdup("Notities met een oordeel");
        p->n_representatives = p->n_notes < 3 ? p->n_notes : 3;
        for (size_t i = 0; i < p->n_representatives; i++)
            p->representatives[i] = p->notes[i];
    } else {
        describe(w, p, scratch);
    }
    p->id = kr_xasprintf("p-%s", w->notes[p->representatives[0]].id);
}

/* Statements and extents (src/patterns/statement.c). A group pattern whose name is a
   sentence of four words or more keeps it as its statement: the group's words win. */
static void state_patterns(struct kr_pattern_result *out, const struct kr_pattern_note *notes,
                           size_t n)
{
    struct strtab visits = {0};
    for (size_t i = 0; i < n; i++)
        strtab_get(&visits, notes[i].visit_id, true);
    for (size_t p = 0; p < out->n_patterns; p++) {
        struct kr_pattern *pat = &out->patterns[p];
        size_t words = 0;
        for (const char *c = pat->group ? pat->label : ""; *c; c++)
            words += (c == pat->label || c[-1] == ' ') && *c != ' ';
        if (pat->group && words >= 4) {
            size_t len = strlen(pat->label);
            bool stop = len && strchr(".!?", pat->label[len - 1]);
            pat->statement = kr_xasprintf("%s%s", pat->label, stop ? "" : ".");
        } else {
            pat->statement = kr_pattern_statement(pat, notes);
        }
        pat->extent = pat->flagged ? NULL : kr_pattern_extent(pat->n_visits, visits.n);
    }
    strtab_fini(&visits);
}

static int pattern_cmp(const void *a, const void *b)
{
    const struct kr_pattern *x = a, *y = b;
    if (x->corner != y->corner)
        return x->corner < y->corner ? -1 : 1;
    if (x->flagged != y->flagged)
        return x->flagged ? 1 : -1;
    if (x->n_notes != y->n_notes)
        return x->n_notes > y->n_notes ? -1 : 1;
    return x->notes[0] < y->notes[0] ? -1 : x->notes[0] > y->notes[0];
}

enum kr_status kr_patterns_compute(const struct kr_pattern_note *notes, size_t n,
                                   const struct kr_pattern_options *opt,
                                   struct kr_pattern_result *out, struct kr_error *err)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < n; i++)
        if (!notes[i].id || !notes[i].visit_id || !notes[i].text)
            return kr_error_set(err, KR_INVALID, "Notitie %zu mist een id, bezoek of tekst.",
                                i + 1);
    if (n > KR_PATTERNS_MAX_NOTES)
        return kr_error_set(err, KR_INVALID,
                            "Deze bijeenkomst heeft %zu notities; patronen zoeken kan tot %d"
                            " notities per bijeenkomst. Splits de bijeenkomst in kleinere"
                            " (bijvoorbeeld per dag of per school) en zoek daar patronen.",
                            n, KR_PATTERNS_MAX_NOTES);
    double threshold = opt && opt->threshold > 0 ? opt->threshold : KR_PATTERNS_THRESHOLD;
    out->n_notes = n;
    size_t alloc = n ? n : 1;
    out->corner = kr_xcalloc(alloc, sizeof *out->corner);
    out->auto_placed = kr_xcalloc(alloc, sizeof *out->auto_placed);
    out->confidence = kr_xcalloc(alloc, sizeof *out->confidence);
    out->pattern_of = kr_xcalloc(alloc, sizeof *out->pattern_of);

    /* pinned[i]: the group pattern note i is pinned to, SIZE_MAX when none */
    size_t *pinned = kr_xreallocarray(NULL, alloc, sizeof *pinned);
    for (size_t i = 0; i < n; i++) {
        pinned[i] = SIZE_MAX;
        for (size_t g = 0; opt && opt->pins && opt->pins[i] && g < opt->n_groups; g++)
            if (opt->groups[g].id && strcmp(opt->groups[g].id, opt->pins[i]) == 0 &&
                opt->groups[g].corner != KR_CORNER_NONE) {
                pinned[i] = g;
                break;
            }
    }
    struct kr_corner_classifier *cc = kr_corner_classifier_new();
    for (size_t i = 0; i < n; i++) {
        if (pinned[i] != SIZE_MAX) {
            out->corner[i] = opt->groups[pinned[i]].corner;
            out->confidence[i] = 1.0;
        } else if (notes[i].corner != KR_CORNER_NONE) {
            out->corner[i] = notes[i].corner;
            out->confidence[i] = 1.0;
        } else {
            struct kr_corner_guess g = kr_corner_guess(cc, notes[i].text, strlen(notes[i].text));
            out->corner[i] = g.corner;
            out->confidence[i] = g.confidence;
            out->auto_placed[i] = true;
        }
        out->count[out->corner[i]]++;
    }
    kr_corner_classifier_free(cc);

    struct work w = {.notes = notes, .n = n};
    w.vecs = kr_xcalloc(alloc, sizeof *w.vecs);
    struct kr_stemmer *st = kr_stemmer_new();
    struct kr_token_list toks = {0};
    struct kr_buf scratch = {0};
    load_stopwords(&w, st);
    for (size_t i = 0; i < n; i++)
        if (!notes[i].flagged)
            vectorise(&w, i, st, &toks, &scratch);
    split_compounds(&w);
    count_df(&w);
    weigh(&w);
    pick_surfaces(&w);

    size_t *members = kr_xcalloc(alloc, sizeof *members);
    size_t *label = kr_xcalloc(alloc, sizeof *label);
    size_t pcap = 0;
    for (enum kr_corner k = KR_CORNER_LEERLING; k <= KR_CORNER_LEERINHOUD; k++) {
        for (int flagged = 0; flagged <= 1; flagged++) {
            size_t m = 0;
            for (size_t i = 0; i < n; i++)
                if (out->corner[i] == k && notes[i].flagged == (bool)flagged &&
                    pinned[i] == SIZE_MAX)
                    members[m++] = i;
            if (m == 0)
                continue;
            size_t nk = 1;
            if (flagged)
                memset(label, 0, m * sizeof *label);
            else
                nk = cluster(&w, members, m, threshold, label);
            size_t base = out->n_patterns;
            KR_GROW(out->patterns, pcap, base + nk);
            memset(out->patterns + base, 0, nk * sizeof *out->patterns);
            out->n_patterns += nk;
            /* each pattern sized to its notes: a corner of m lone notes makes m patterns */
            size_t *sizes = kr_xcalloc(nk, sizeof *sizes);
            for (size_t a = 0; a < m; a++)
                sizes[label[a]]++;
            for (size_t c = 0; c < nk; c++)
                out->patterns[base + c].notes = kr_xcalloc(sizes[c], sizeof(size_t));
            free(sizes);
            for (size_t a = 0; a < m; a++) {
                struct kr_pattern *p = &out->patterns[base + label[a]];
                p->notes[p->n_notes++] = members[a];
            }
            for (size_t c = 0; c < nk; c++)
                finish_pattern(&w, &out->patterns[base + c], k, flagged, &scratch);
        }
    }
    /* the group's patterns, with the notes pinned to them */
    for (size_t g = 0; opt && g < opt->n_groups; g++) {
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            if (pinned[i] == g)
                members[m++] = i;
        if (m == 0)
            continue;
        KR_GROW(out->patterns, pcap, out->n_patterns + 1);
        struct kr_pattern *p = &out->patterns[out->n_patterns++];
        memset(p, 0, sizeof *p);
        p->notes = kr_xreallocarray(NULL, m, sizeof *p->notes);
        memcpy(p->notes, members, m * sizeof *members);
        p->n_notes = m;
        finish_pattern(&w, p, opt->groups[g].corner, false, &scratch);
        free(p->label);
        free(p->id);
        p->label = kr_xstrdup(opt->groups[g].label ? opt->groups[g].label : "");
        p->id = kr_xstrdup(opt->groups[g].id);
        p->group = true;
    }
    if (out->n_patterns)
        qsort(out->patterns, out->n_patterns, sizeof *out->patterns, pattern_cmp);
    for (size_t p = 0; p < out->n_patterns; p++)
        for (size_t i = 0; i < out->patterns[p].n_notes; i++)
            out->pattern_of[out->patterns[p].notes[i]] = p;
    state_patterns(out, notes, n);

    free(members);
    free(label);
    free(pinned);
    for (size_t i = 0; i < n; i++)
        free(w.vecs[i].t);
    free(w.vecs);
    free(w.df);
    free(w.surface_count);
    free(w.surface_of);
    strtab_fini(&w.terms);
    strtab_fini(&w.stops);
    strtab_fini(&w.nolabel);
    strtab_fini(&w.surfaces);
    kr_buf_fini(&scratch);
    kr_token_list_fini(&toks);
    kr_stemmer_free(st);
    return KR_OK;
}

double kr_cohen_kappa(const enum kr_corner *a, const enum kr_corner *b, size_t n, size_t *used)
{
    double table[KR_CORNER_COUNT][KR_CORNER_COUNT] = {{0}};
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (a[i] == KR_CORNER_NONE || b[i] == KR_CORNER_NONE || (unsigned)a[i] >= KR_CORNER_COUNT ||
            (unsigned)b[i] >= KR_CORNER_COUNT)
            continue;
        table[a[i]][b[i]] += 1.0;
        m++;
    }
    if (used)
        *used = m;
    if (m == 0)
        return 0.0;
    double po = 0, pe = 0;
    for (int k = 1; k < KR_CORNER_COUNT; k++) {
        double ra = 0, rb = 0;
        for (int j = 1; j < KR_CORNER_COUNT; j++) {
            ra += table[k][j];
            rb += table[j][k];
        }
        po += table[k][k];
        pe += (ra / (double)m) * (rb / (double)m);
    }
    po /= (double)m;
    if (pe >= 1.0)
        return po >= 1.0 ? 1.0 : 0.0;
    return (po - pe) / (1.0 - pe);
}

void kr_pattern_result_fini(struct kr_pattern_result *r)
{
    for (size_t p = 0; p < r->n_patterns; p++) {
        free(r->patterns[p].id);
        free(r->patterns[p].label);
        free(r->patterns[p].statement);
        free(r->patterns[p].notes);
        free(r->patterns[p].visits);
    }
    free(r->patterns);
    free(r->corner);
    free(r->auto_placed);
    free(r->confidence);
    free(r->pattern_of);
    memset(r, 0, sizeof *r);
}
