/* SPDX-License-Identifier: MIT */
/*
 * What the files of src/patterns share and nothing outside it sees: the string table, the
 * sparse vectors, the work of one kr_patterns_compute call, and the steps it runs
 * (features.c: terms and weights; cluster.c: average linkage per corner; dense.c: the
 * rule that keeps clusters from gathering many notes from few visits; describe.c: the
 * label, representatives, statement and extent of each pattern).
 */
#ifndef KR_PATTERNS_INTERNAL_H
#define KR_PATTERNS_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kijkronde/mem.h"
#include "kijkronde/patterns.h"
#include "kijkronde/text.h"

/* ---- a string -> index table (strtab.c) ---- */

struct strtab {
    char **keys; /* by index */
    size_t n, cap;
    uint32_t *slots; /* index + 1, 0 = empty */
    size_t nslots;
};

/* The index of key, or SIZE_MAX when absent. */
size_t kp_strtab_find(const struct strtab *t, const char *key);
/* The index of key, adding it when add is set; SIZE_MAX when absent and not added. */
size_t kp_strtab_get(struct strtab *t, const char *key, bool add);
void kp_strtab_fini(struct strtab *t);

/* ---- sparse vectors (strtab.c) ---- */

struct term {
    size_t id;
    double w;
};

struct vec {
    struct term *t; /* sorted by id */
    size_t n;
};

double kp_dot(const struct vec *a, const struct vec *b);
/* Merge duplicate ids of a vector (sorting it first). */
void kp_vec_merge(struct vec *v);

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
    size_t *visit;           /* per note: its visit, numbered 0.. by first appearance */
};

/* features.c: the weighted, L2-normalised vector of every note that is not flagged (a
   flagged note keeps an empty one), the surface word of every term and the visit of every
   note. */
void kp_features(struct work *w);
void kp_work_fini(struct work *w);

/* cluster.c: cluster the notes members[0..m) of one corner; label[a] gets the cluster of
   members[a] (0..k-1, numbered by first member); returns k. */
size_t kp_cluster(const struct work *w, const size_t *members, size_t m, double threshold,
                  size_t *label);

/* dense.c: the rule that keeps a cluster from gathering many notes from few visits, for
   the average linkage over items 0..m-1 that are notes of visits visit[0..m). NULL when it
   does not apply (visit NULL, fewer than three visits, or no cluster could be large enough);
   kp_dense_too_dense and kp_dense_merge accept NULL. */
struct kp_dense;
struct kp_dense *kp_dense_new(const size_t *visit, size_t m);
void kp_dense_free(struct kp_dense *d);
/* Whether merging the clusters of items a and b (size notes together) is refused. */
bool kp_dense_too_dense(const struct kp_dense *d, size_t a, size_t b, size_t size);
/* Refuse the pair (a, b) until one of them merges; whether it is refused now (d not NULL). */
void kp_dense_refuse(struct kp_dense *d, size_t a, size_t b);
bool kp_dense_refused(const struct kp_dense *d, size_t a, size_t b);
/* The cluster of b merged into that of a. */
void kp_dense_merge(struct kp_dense *d, size_t a, size_t b);

/* describe.c: fill in corner, visits, kind, representatives, label and id of a pattern whose
   notes are set; then, over the sorted result, the statements and extents. */
void kp_finish_pattern(const struct work *w, struct kr_pattern *p, enum kr_corner corner,
                       bool flagged, struct kr_buf *scratch);
void kp_state_patterns(struct kr_pattern_result *out, const struct kr_pattern_note *notes,
                       size_t n);

#endif
