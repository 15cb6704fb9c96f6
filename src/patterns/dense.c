/* SPDX-License-Identifier: MIT */
/*
 * The DENSE rule of the clustering (cluster.c): a pattern is something seen across
 * classrooms, so two clusters do not merge when the result would hold more than
 * DENSE_PER_VISIT notes per visit it was seen in, more than DENSE_SIZE_PER_VISIT times the
 * visits of the component, and more than DENSE_SHARE of the component's notes of those
 * visits, once the component spans DENSE_MIN_VISITS visits or more. On the labelled days a
 * theme holds about one note per visit; a cluster of three notes from every classroom is two
 * behaviours tied by a common verb ("leest", "vraagt", "zegt"). The share keeps the rule out
 * of sessions whose tweetallen write many notes per visit. A refused pair stays refused until
 * one side merges with another cluster.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "kijkronde/mem.h"

#define DENSE_PER_VISIT      2.5
#define DENSE_SIZE_PER_VISIT 2
#define DENSE_SHARE          0.2
#define DENSE_MIN_VISITS     3

struct kp_dense {
    size_t m;
    size_t **v;        /* per item: the distinct visits of its cluster, ascending */
    size_t *n;         /* per item: their number */
    size_t min_size;   /* a union smaller than this is never refused */
    uint64_t *refused; /* m x m bits: the pair was refused since either side last merged */
    bool *any;         /* per item: it may hold a refused pair */
    size_t *count;     /* per visit id: the component's notes in it */
};

struct kp_dense *kp_dense_new(const size_t *visit, size_t m)
{
    if (!visit || m < 2)
        return NULL;
    size_t top = 0;
    for (size_t a = 0; a < m; a++)
        top = visit[a] > top ? visit[a] : top;
    size_t *count = kr_xcalloc(top + 1, sizeof *count), visits = 0;
    for (size_t a = 0; a < m; a++)
        visits += count[visit[a]]++ == 0;
    if (visits < DENSE_MIN_VISITS || visits * DENSE_SIZE_PER_VISIT >= m) {
        free(count); /* too few visits to judge, or no union could be large enough */
        return NULL;
    }
    struct kp_dense *d = kr_xcalloc(1, sizeof *d);
    d->m = m;
    d->count = count;
    d->min_size = visits * DENSE_SIZE_PER_VISIT + 1;
    d->v = kr_xreallocarray(NULL, m, sizeof *d->v);
    d->n = kr_xreallocarray(NULL, m, sizeof *d->n);
    for (size_t a = 0; a < m; a++) {
        d->v[a] = kr_xreallocarray(NULL, 1, sizeof **d->v);
        d->v[a][0] = visit[a];
        d->n[a] = 1;
    }
    d->refused = kr_xcalloc((m * m + 63) / 64, sizeof *d->refused);
    d->any = kr_xcalloc(m, sizeof *d->any);
    return d;
}

void kp_dense_free(struct kp_dense *d)
{
    if (!d)
        return;
    for (size_t a = 0; a < d->m; a++)
        free(d->v[a]);
    free(d->v);
    free(d->n);
    free(d->refused);
    free(d->any);
    free(d->count);
    free(d);
}

bool kp_dense_refused(const struct kp_dense *d, size_t a, size_t b)
{
    size_t bit = a * d->m + b;
    return d->refused[bit / 64] >> (bit % 64) & 1u;
}

static void set_refused(struct kp_dense *d, size_t a, size_t b, bool on)
{
    size_t bits[2] = {a * d->m + b, b * d->m + a};
    for (int i = 0; i < 2; i++) {
        if (on)
            d->refused[bits[i] / 64] |= (uint64_t)1 << (bits[i] % 64);
        else
            d->refused[bits[i] / 64] &= ~((uint64_t)1 << (bits[i] % 64));
    }
}

/* The distinct visits of the clusters of a and b together, into out (room for both). */
static size_t union_visits(const struct kp_dense *d, size_t a, size_t b, size_t *out)
{
    size_t i = 0, j = 0, u = 0;
    const size_t *x = d->v[a], *y = d->v[b];
    while (i < d->n[a] || j < d->n[b]) {
        if (j >= d->n[b] || (i < d->n[a] && x[i] < y[j]))
            out[u++] = x[i++];
        else if (i >= d->n[a] || y[j] < x[i])
            out[u++] = y[j++];
        else {
            out[u++] = x[i++];
            j++;
        }
    }
    return u;
}

bool kp_dense_too_dense(const struct kp_dense *d, size_t a, size_t b, size_t size)
{
    if (!d || size < d->min_size)
        return false;
    size_t *u = kr_xreallocarray(NULL, d->n[a] + d->n[b], sizeof *u);
    size_t nu = union_visits(d, a, b, u), notes = 0;
    for (size_t i = 0; i < nu; i++)
        notes += d->count[u[i]];
    free(u);
    return (double)size > DENSE_PER_VISIT * (double)nu &&
           (double)size > DENSE_SHARE * (double)notes;
}

void kp_dense_refuse(struct kp_dense *d, size_t a, size_t b)
{
    set_refused(d, a, b, true);
    d->any[a] = d->any[b] = true;
}

void kp_dense_merge(struct kp_dense *d, size_t a, size_t b)
{
    if (!d)
        return;
    size_t *u = kr_xreallocarray(NULL, d->n[a] + d->n[b], sizeof *u);
    size_t nu = union_visits(d, a, b, u);
    free(d->v[a]);
    d->v[a] = u;
    d->n[a] = nu;
    if (d->any[a]) /* a is a new cluster: what was refused to the old one may be taken now */
        for (size_t x = 0; x < d->m; x++)
            set_refused(d, a, x, false);
    d->any[a] = false;
}
