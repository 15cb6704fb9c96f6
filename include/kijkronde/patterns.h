/* SPDX-License-Identifier: MIT */
/*
 * Patterns in the notes of one bijeenkomst: every note placed in a corner of the
 * didactische driehoek (the observer's choice wins, otherwise the corner guess), then
 * the notes of each corner clustered into patterns. Features are TF-IDF weights over
 * Snowball stems without Dutch stopwords, plus bigrams of neighbouring stems; the
 * method is average-linkage agglomerative clustering on cosine similarity that stops
 * below a similarity threshold, so no number of clusters is fixed. Ties are broken by
 * input order: the same notes in the same order give the same patterns. No clock, no
 * randomness, no I/O. Judging (flagged) notes are kept apart in their own pattern per
 * corner. Lives in src/patterns/ (core + text only; no SQLite, no curses).
 */
#ifndef KR_PATTERNS_H
#define KR_PATTERNS_H

#include <stdbool.h>
#include <stddef.h>

#include "kijkronde/model.h"
#include "kijkronde/status.h"

/* One note as input. All strings are borrowed for the duration of kr_patterns_compute. */
struct kr_pattern_note {
    const char *id;        /* observation id, unique */
    const char *visit_id;  /* the visit it was made in */
    const char *text;      /* UTF-8 */
    enum kr_corner corner; /* the observer's (or group's) placement, NONE when not placed */
    bool flagged;          /* a judging note (kr_check found something): kept apart */
};

/* A pattern the group made its own; notes pinned to it stay in it whatever the clustering. */
struct kr_pattern_group {
    const char *id; /* borrowed */
    enum kr_corner corner;
    const char *label;
};

struct kr_pattern_options {
    double threshold; /* cosine similarity at which clusters stop merging; 0 = default */
    const struct kr_pattern_group *groups; /* the group's patterns (may be NULL) */
    size_t n_groups;
    const char *const *pins; /* per note: the id of the group pattern the group put it in,
                                or NULL; the array itself may be NULL (no pins) */
};

/* The most notes of one bijeenkomst patterns are computed for: 300,000 notes take about 12 s
 * and 210 MB on the CI machine, 1,000,000 about 84 s and 650 MB (bench/patterns_eval --scale);
 * a real bijeenkomst has a few hundred. Above it the caller gets a message to split it. */
#define KR_PATTERNS_MAX_NOTES 300000

/* The default similarity threshold (tuned on tests/data/corner_day.tsv and heldout_day.tsv). */
#define KR_PATTERNS_THRESHOLD 0.08

enum kr_pattern_kind {
    KR_PATTERN_OVEREENKOMST, /* seen in two or more visits */
    KR_PATTERN_VERSCHIL,     /* seen in one visit */
};

/* "overeenkomst" or "verschil". Static storage. */
const char *kr_pattern_kind_str(enum kr_pattern_kind k);

struct kr_pattern {
    char *id;           /* "p-" + the id of its most representative note (stable between runs), or
                           the id of the group pattern */
    char *label;        /* short Dutch label from its characteristic words */
    char *statement;    /* one plain Dutch sentence a group reads aloud, the corner's subject
                           first ("Leerlingen ...", "De leraar ..."): kr_pattern_statement */
    const char *extent; /* how widespread: "enkele", "sommige", "veel", "de meeste" (static),
                           NULL for the judging notes */
    enum kr_corner corner;
    enum kr_pattern_kind kind;
    bool flagged;  /* the pattern of judging notes of this corner */
    bool group;    /* a group pattern: its id and label are the group's */
    size_t *notes; /* indices into the input, ascending */
    size_t n_notes;
    const char **visits; /* distinct visit ids (borrowed from the input), in first-seen order */
    size_t n_visits;
    size_t representatives[3]; /* indices of the notes closest to the centre, best first */
    size_t n_representatives;
};

struct kr_pattern_result {
    size_t n_notes;              /* the input count */
    enum kr_corner *corner;      /* per note: its final corner (never NONE) */
    bool *auto_placed;           /* per note: the corner came from the guess */
    double *confidence;          /* per note: confidence of the guess (1 for the observer's) */
    size_t *pattern_of;          /* per note: index into patterns */
    struct kr_pattern *patterns; /* per corner (leerling, leraar, leerinhoud); within a corner
                                    the largest first, then by first note; the flagged last */
    size_t n_patterns;
    size_t count[KR_CORNER_COUNT]; /* notes per corner */
};

/*
 * Compute the patterns of notes[0..n). opt may be NULL (defaults). A note pinned to a
 * group pattern (opt->pins[i]) is placed in that pattern and its corner, and is not
 * clustered; a group pattern without notes is left out; a pin to an unknown group is
 * ignored. *out is filled and
 * belongs to the caller (kr_pattern_result_fini). KR_INVALID when a note lacks an id,
 * visit or text, or when n > KR_PATTERNS_MAX_NOTES (the message asks to split the
 * bijeenkomst). n == 0 gives an empty result.
 */
enum kr_status kr_patterns_compute(const struct kr_pattern_note *notes, size_t n,
                                   const struct kr_pattern_options *opt,
                                   struct kr_pattern_result *out, struct kr_error *err);
void kr_pattern_result_fini(struct kr_pattern_result *r);

/*
 * The statement of pattern p of a result over notes: the first clause of its most
 * representative note whose subject is recognised (then of any other note of it), with the
 * subject made general ("Meisje achterin steekt haar vinger op" -> "Leerlingen steken hun
 * vinger op."); when no note starts so, the clause of the most representative one behind
 * the corner's subject ("Leerlingen: ...", "De leraar: ...", "De opdracht: ..."). The judging notes
 * get the sentence that asks to rewrite them. Heap, caller frees; never NULL.
 */
char *kr_pattern_statement(const struct kr_pattern *p, const struct kr_pattern_note *notes);
/* The same for one note text placed in corner (for tests and the reflection). Heap. */
char *kr_pattern_statement_of_text(const char *text, enum kr_corner corner);
/* The extent of a pattern seen in `seen` of `total` visits: "enkele" (one, or under a
   quarter), "sommige" (up to half), "veel", "de meeste" (three quarters, of three or
   more). NULL when seen or total is 0. Static storage. */
const char *kr_pattern_extent(size_t seen, size_t total);

/*
 * Cohen's kappa between two placements a[i] and b[i] of the same notes, over the notes
 * where both are placed (not NONE); *used gets their number (may be NULL). 1 is full
 * agreement, 0 no more than chance. Returns 1 when both always choose one and the same
 * corner, and 0 for no usable notes.
 */
double kr_cohen_kappa(const enum kr_corner *a, const enum kr_corner *b, size_t n, size_t *used);

#endif
