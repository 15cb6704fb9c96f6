/* SPDX-License-Identifier: MIT */
/*
 * The shared reflection of one bijeenkomst: the patterns computed from the notes with
 * the group's decisions laid over them, and the decisions themselves (rename, move a
 * note to another pattern or corner, merge, split), each saved at once.
 *
 * How decisions survive a re-run: computed patterns are never stored. A pattern the group
 * touches becomes a group pattern, and every note in it at that moment is pinned to it.
 * A computation places pinned notes in their group pattern before it clusters the rest,
 * so a decision stays as made whatever the clustering does, also after new notes, a new
 * version of kijkronde or another threshold. Notes nobody touched are clustered afresh.
 * Lives in src/reflection/ (core, store, patterns, text).
 */
#ifndef KR_REFLECTION_H
#define KR_REFLECTION_H

#include <stddef.h>

#include "kijkronde/patterns.h"
#include "kijkronde/records.h"

struct kr_store;

/* The keep reason of a note the group set aside in the screening of the debrief: it stays
 * out of the patterns, with the judging notes ("Eerst herschrijven"), until taken back. */
#define KR_REFLECTION_APART "apart gelegd"

struct kr_reflection {
    char *session_id;
    struct kr_session session;
    struct kr_visit_list visits;
    struct kr_observation_list obs; /* the notes (not deleted), by time; index = note */
    struct kr_group_pattern_list groups;
    struct kr_group_note_list placements;
    enum kr_corner *group_corner;    /* per note: the corner the group gave it, or NONE */
    bool *flagged;                   /* per note: judging (kept apart) */
    struct kr_pattern_result result; /* patterns with the decisions applied */
    /* per pattern: the extent kijkronde proposes from the number of visits (static, NULL
       for the judging notes), and whether result.patterns[p].extent is the group's instead */
    const char **proposed;
    bool *confirmed;
    /* the bijeenkomst has more than KR_PATTERNS_MAX_NOTES notes: nothing was read but the
       session (session.n_observations, kept by triggers), and there are no patterns */
    bool too_many;
};

/*
 * Load the notes and decisions of a session and compute its patterns. flagged may be
 * NULL, else a function that says whether a note judges (the zonder-oordeel check).
 * *out belongs to the caller (kr_reflection_fini), also after an error.
 */
enum kr_status kr_reflection_load(struct kr_store *st, const char *session_id,
                                  bool (*flagged)(const char *text, void *ctx), void *ctx,
                                  struct kr_reflection *out, struct kr_error *err);
void kr_reflection_fini(struct kr_reflection *r);

/* Who placed note i: "groep", "observator" or "kijkronde". Static storage. */
const char *kr_reflection_placed_by(const struct kr_reflection *r, size_t i);
/* The index of a visit in r->visits, for labels; SIZE_MAX when unknown. */
size_t kr_reflection_visit(const struct kr_reflection *r, const char *visit_id);

/*
 * Decisions; each is saved at once in one transaction. Indices refer to r->result (pattern)
 * and r->obs (note) as loaded; reload r afterwards to see the new state.
 */
enum kr_status kr_reflection_rename(struct kr_store *st, const struct kr_reflection *r,
                                    size_t pattern, const char *label, struct kr_error *err);
/* Move a note into another pattern (in that pattern's corner). */
enum kr_status kr_reflection_move_note(struct kr_store *st, const struct kr_reflection *r,
                                       size_t note, size_t pattern, struct kr_error *err);
/* Move a note to another corner; it leaves its pattern and is clustered there. */
enum kr_status kr_reflection_set_corner(struct kr_store *st, const struct kr_reflection *r,
                                        size_t note, enum kr_corner corner, struct kr_error *err);
/* Merge pattern `from` into pattern `into` (which keeps its name and corner). */
enum kr_status kr_reflection_merge(struct kr_store *st, const struct kr_reflection *r, size_t into,
                                   size_t from, struct kr_error *err);
/* Split notes[0..n) (note indices, all in `pattern`) off into a new pattern named label. */
enum kr_status kr_reflection_split(struct kr_store *st, const struct kr_reflection *r,
                                   size_t pattern, const size_t *notes, size_t n, const char *label,
                                   struct kr_error *err);

/* The extents in order: "enkele", "sommige", "veel", "de meeste" (static storage). */
extern const char *const kr_reflection_extents[4];
/*
 * The group confirms (or changes) the extent of a pattern: one of kr_reflection_extents, or
 * NULL to go back to the proposal. The pattern becomes a group pattern (as with a rename).
 * KR_INVALID for another word or the judging notes.
 */
enum kr_status kr_reflection_set_extent(struct kr_store *st, const struct kr_reflection *r,
                                        size_t pattern, const char *extent, struct kr_error *err);

/* Where the observers' own corners differ from the group's final placement. */
struct kr_calibration {
    size_t compared;                              /* notes the observer placed */
    size_t differ;                                /* of which the final corner differs */
    double kappa;                                 /* Cohen's kappa between the two placements */
    size_t *notes;                                /* indices of the differing notes (heap) */
    size_t per[KR_CORNER_COUNT][KR_CORNER_COUNT]; /* [observer][final] counts */
};
void kr_reflection_calibration(const struct kr_reflection *r, struct kr_calibration *out);
void kr_calibration_fini(struct kr_calibration *c);
/* One Dutch sentence that explains the kappa figure. Static storage. */
const char *kr_calibration_explained(void);

#endif
