/* SPDX-License-Identifier: MIT */
/*
 * The small containers the patterns code shares: a string -> index table (open addressing,
 * FNV-1a) for terms and stopwords, and sorted sparse vectors with their dot product.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "kijkronde/mem.h"

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
size_t kp_strtab_find(const struct strtab *t, const char *key)
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
size_t kp_strtab_get(struct strtab *t, const char *key, bool add)
{
    size_t i = kp_strtab_find(t, key);
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

void kp_strtab_fini(struct strtab *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->keys[i]);
    free(t->keys);
    free(t->slots);
    memset(t, 0, sizeof *t);
}

static int term_cmp(const void *a, const void *b)
{
    const struct term *x = a, *y = b;
    return x->id < y->id ? -1 : x->id > y->id;
}

double kp_dot(const struct vec *a, const struct vec *b)
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

/* Merge duplicate ids of a vector (sorting it first). */
void kp_vec_merge(struct vec *v)
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
