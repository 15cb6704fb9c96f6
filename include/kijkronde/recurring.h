/* SPDX-License-Identifier: MIT */
/*
 * Recurring patterns across the bijeenkomsten of a network: the patterns of each
 * bijeenkomst (kr_patterns_compute, with the group's decisions applied) are compared with
 * each other by the same text model as the notes within one bijeenkomst (TF-IDF over
 * Snowball stems and bigrams, average linkage on cosine similarity, patterns.h): each pattern
 * of a bijeenkomst is one item, its text the texts of its notes, its "visit" its bijeenkomst,
 * and a cluster seen in two or more bijeenkomsten is a recurring pattern. A pattern never
 * merges with one of another corner.
 *
 * Privacy: judging notes (kr_pattern_note.flagged, or the caller's hidden[]) and the pattern
 * of judging notes are never part of a recurring pattern, and names of people are replaced
 * in its statement (kr_names_replace). The statement is the group's when a member pattern has
 * the group's own sentence (the reflection's rename wins), else the computed statement of the
 * most representative member. Pure and deterministic: no clock, no I/O. Lives in
 * src/patterns/.
 */
#ifndef KR_RECURRING_H
#define KR_RECURRING_H

#include <stdbool.h>
#include <stddef.h>

#include "kijkronde/patterns.h"
#include "kijkronde/status.h"

/* One bijeenkomst as input; everything borrowed during kr_recurring_compute (the
 * observation ids of the result stay borrowed from notes). */
struct kr_recurring_session {
    const char *id;                         /* session id */
    const struct kr_pattern_note *notes;    /* its notes as given to kr_patterns_compute */
    size_t n_notes;                         /* ... and their number */
    const struct kr_pattern_result *result; /* its patterns over those notes */
    const bool *hidden; /* per note: never in a recurring pattern (e.g. judging by the
                           summary's rule); NULL: notes[i].flagged decides */
};

/* A pattern of one bijeenkomst inside a recurring pattern. */
struct kr_recurring_member {
    size_t session; /* index into the input */
    size_t pattern; /* index into that session's result->patterns */
};

struct kr_recurring {
    char *id;              /* "r-" + the id of its most representative member pattern */
    char *statement;       /* one Dutch sentence, without names (heap) */
    bool group_statement;  /* the statement is the group's own sentence */
    enum kr_corner corner; /* never NONE */
    size_t *sessions;      /* input indices of the bijeenkomsten it was seen in, ascending */
    size_t n_sessions;     /* >= 2 */
    struct kr_recurring_member *members; /* by session, then pattern */
    size_t n_members;
    const char **observations; /* shown notes' ids (borrowed from the input), by session and
                                  then note order */
    size_t n_observations;
};

struct kr_recurring_result {
    struct kr_recurring *items; /* the most bijeenkomsten first, then the most notes, then
                                   corner and first member */
    size_t n;
};

/* Similarity at which patterns of different bijeenkomsten stop merging (the default). */
#define KR_RECURRING_THRESHOLD 0.20

/*
 * The recurring patterns of sessions[0..n). threshold 0 means KR_RECURRING_THRESHOLD. *out
 * belongs to the caller (kr_recurring_result_fini), also after an error. KR_INVALID when a
 * session lacks an id or result.
 */
enum kr_status kr_recurring_compute(const struct kr_recurring_session *sessions, size_t n,
                                    double threshold, struct kr_recurring_result *out,
                                    struct kr_error *err);
void kr_recurring_result_fini(struct kr_recurring_result *r);

#endif
