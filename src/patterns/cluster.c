/* SPDX-License-Identifier: MIT */
/*
 * Clustering of one corner: average linkage on cosine similarity until no two clusters are
 * more similar than the threshold. Average linkage keeps a chain of loosely related notes
 * from becoming one pattern (single linkage would) without forcing a number of patterns
 * (k-means would). Each step merges the most similar pair; ties go to the pair with the
 * lowest input positions, so the result depends only on the input. Each connected component
 * of the "shares a term" graph is clustered on its own; a very large one is first grouped by
 * leader, so the work stays bounded. A pattern is something seen across classrooms: a
 * cluster that gathers many notes from few visits is not grown further (dense.c).
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "kijkronde/mem.h"

#define EXACT_LIMIT     2500 /* notes per corner clustered exactly (a float matrix of this square) */
#define LEADER_TAU      0.5  /* above EXACT_LIMIT: near-duplicates grouped first */
#define LEADER_ROUNDS   8    /* at most this many leader rounds, tau lowered by a fifth each */
#define SINGLETON_FLOOR 0.02 /* a lone note joins a pattern this similar on average */

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
 * product of their means, so starting from groups is exact. visit[a] is the visit of item
 * a when the items are notes (the rule of dense.c), NULL when they are groups. Writes a
 * cluster number per item into label[] (0..k-1, numbered by first item) and returns k.
 */
static size_t cluster_items(const struct vec *const *items, const size_t *init_size, size_t m,
                            double threshold, const size_t *visit, size_t *label)
{
    if (m == 0)
        return 0;
    float *S = similarities(items, m);
    struct kp_dense *vs = kp_dense_new(visit, m);
    size_t *size = kr_xreallocarray(NULL, m, sizeof *size);
    size_t *parent = kr_xreallocarray(NULL, m, sizeof *parent);
    size_t *best = kr_xreallocarray(NULL, m, sizeof *best);
    bool *alive = kr_xreallocarray(NULL, m, sizeof *alive);
    for (size_t a = 0; a < m; a++) {
        size[a] = init_size[a];
        parent[a] = a;
        alive[a] = true;
    }
    /* best[a]: the live partner b != a with the highest S, lowest b on ties, that the rule
     * of dense.c has not refused. Similarities are >= 0; the diagonal and the rows and
     * columns of merged items hold -1, so a plain argmax over the row finds it (SIZE_MAX when
     * no partner is left). */
#define REBEST(a)                                                                                  \
    do {                                                                                           \
        const float *row_ = S + (a)*m;                                                             \
        float bv_ = -1.0f;                                                                         \
        size_t bb_ = SIZE_MAX;                                                                     \
        for (size_t x_ = 0; x_ < m; x_++)                                                          \
            if (row_[x_] > bv_ && !(vs && kp_dense_refused(vs, (a), x_))) {                        \
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
        if (kp_dense_too_dense(vs, a, b, size[a] + size[b])) {
            /* refused until a or b merges with another; each refusal takes one pair out, and
               only a merge (at most m - 1) puts pairs back, so the loop still ends */
            kp_dense_refuse(vs, a, b);
            REBEST(a);
            REBEST(b);
            continue;
        }
        kp_dense_merge(vs, a, b);
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
    kp_dense_free(vs);
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
        kp_vec_merge(&means[c]);
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
 * merges two live items per iteration (fewer than EXACT_LIMIT times), refuses one pair that
 * was not refused (dense.c; only a merge puts pairs back, at most EXACT_LIMIT each), or stops.
 * (The loop this replaces waited for the group count to fall below EXACT_LIMIT; notes that
 * share no term never join a leader at any tau, so the count never fell and it spun.)
 */
static size_t cluster_component(const struct work *w, const struct vec **items, const size_t *visit,
                                size_t m, double threshold, size_t *label)
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
        size_t kb = cluster_items(items + lo, weight + lo, nb, threshold, owned ? NULL : visit + lo,
                                  group + lo);
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
 * A note left on its own by the clustering joins the pattern it is most like, on average
 * over that pattern's notes, when that average reaches SINGLETON_FLOOR: facilitators seldom
 * leave a note alone, and most lone notes are a theme said in other words. Only patterns of
 * two or more notes (as the clustering left them) take notes, so the order of the lone notes
 * does not matter. Postings of the corner's terms keep the cost to the pairs that share a
 * term. Renumbers the clusters by first member and returns their number.
 */
static size_t join_singletons(const struct work *w, const size_t *members, size_t m, size_t *label,
                              size_t k)
{
    size_t *size = kr_xcalloc(k ? k : 1, sizeof *size);
    for (size_t a = 0; a < m; a++)
        size[label[a]]++;
    /* postings (member, weight) per term of the corner, CSR */
    size_t nt = w->terms.n;
    size_t *start = kr_xcalloc(nt + 1, sizeof *start);
    for (size_t a = 0; a < m; a++)
        for (size_t t = 0; t < w->vecs[members[a]].n; t++)
            start[w->vecs[members[a]].t[t].id + 1]++;
    for (size_t t = 0; t < nt; t++)
        start[t + 1] += start[t];
    struct term *post = kr_xreallocarray(NULL, start[nt] ? start[nt] : 1, sizeof *post);
    size_t *fill = kr_xreallocarray(NULL, nt ? nt : 1, sizeof *fill);
    memcpy(fill, start, nt * sizeof *fill);
    for (size_t a = 0; a < m; a++)
        for (size_t t = 0; t < w->vecs[members[a]].n; t++)
            post[fill[w->vecs[members[a]].t[t].id]++] =
                (struct term){a, w->vecs[members[a]].t[t].w};
    free(fill);
    double *acc = kr_xcalloc(k ? k : 1, sizeof *acc);
    size_t *touched = kr_xreallocarray(NULL, k ? k : 1, sizeof *touched);
    size_t *join = kr_xreallocarray(NULL, m ? m : 1, sizeof *join);
    for (size_t a = 0; a < m; a++) {
        join[a] = label[a];
        if (size[label[a]] != 1)
            continue;
        const struct vec *v = &w->vecs[members[a]];
        size_t nt_ = 0;
        for (size_t t = 0; t < v->n; t++)
            for (size_t p = start[v->t[t].id]; p < start[v->t[t].id + 1]; p++) {
                size_t c = label[post[p].id];
                if (size[c] < 2)
                    continue;
                if (acc[c] == 0.0)
                    touched[nt_++] = c;
                acc[c] += v->t[t].w * post[p].w;
            }
        size_t best = SIZE_MAX;
        double bs = 0;
        for (size_t j = 0; j < nt_; j++) {
            size_t c = touched[j];
            double s = acc[c] / (double)size[c];
            if (s > bs || (s == bs && best != SIZE_MAX && c < best)) {
                bs = s;
                best = c;
            }
            acc[c] = 0.0;
        }
        if (best != SIZE_MAX && bs >= SINGLETON_FLOOR)
            join[a] = best;
    }
    memcpy(label, join, m * sizeof *label);
    free(join);
    free(touched);
    free(acc);
    free(post);
    free(start);
    free(size);
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
    return next;
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
size_t kp_cluster(const struct work *w, const size_t *members, size_t m, double threshold,
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
    size_t *visit = kr_xreallocarray(NULL, alloc, sizeof *visit);
    size_t k = 0;
    for (size_t r = 0; r < m; r++) {
        size_t lo = start[r], nc = start[r + 1] - lo;
        if (nc == 0)
            continue;
        if (nc == 1) {
            label[order[lo]] = k++;
            continue;
        }
        for (size_t i = 0; i < nc; i++) {
            items[i] = &w->vecs[members[order[lo + i]]];
            visit[i] = w->visit[members[order[lo + i]]];
        }
        size_t kc = cluster_component(w, items, visit, nc, threshold, local);
        for (size_t i = 0; i < nc; i++)
            label[order[lo + i]] = k + local[i];
        k += kc;
    }
    free(items);
    free(visit);
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
    return join_singletons(w, members, m, label, k);
}
