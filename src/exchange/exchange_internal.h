/* SPDX-License-Identifier: MIT */
/* Internals of src/exchange/: the summary as loaded from the store, and its writers. */
#ifndef KR_EXCHANGE_INTERNAL_H
#define KR_EXCHANGE_INTERNAL_H

#include <stdio.h>

#include "kijkronde/exchange.h"
#include "kijkronde/mem.h"
#include "kijkronde/model.h"
#include "kijkronde/patterns.h"
#include "kijkronde/plural.h"
#include "kijkronde/progress.h"
#include "kijkronde/reflection.h"
#include "kijkronde/store.h"

/* Above this many notes the summary leaves out the patterns (they take seconds there). */
#define KR_SUMMARY_MAX_PATTERN_NOTES 20000

/* One note as the writers see it. */
struct kr_summary_note {
    const struct kr_observation *o; /* borrowed from kr_summary.obs */
    const char *text;               /* the text as shown: own_text, or the note's own */
    char *own_text;                 /* the pseudonymised text (heap), or NULL */
    size_t visit;                   /* index into kr_summary.visits */
    enum kr_corner corner;          /* final corner (observer's or the patterns' guess) */
    bool auto_placed;               /* the corner came from kijkronde, not the observer */
    bool group_placed;              /* the group placed it in the reflection */
    bool judging;                   /* the zonder-oordeel checker found something */
};

/*
 * One pattern as the summary shows it: only its shown notes (kr_summary_shown) count,
 * so a judging note the group moved, merged or split into a pattern is neither printed
 * as an example nor counted, nor makes the pattern span its visit.
 */
struct kr_summary_pattern {
    size_t n_notes;            /* shown notes in the pattern */
    size_t representatives[3]; /* shown notes closest to the centre (note indices) */
    size_t n_representatives;
    const char **visits; /* distinct visit ids of the shown notes (borrowed), heap array */
    size_t n_visits;
    enum kr_pattern_kind kind; /* from the shown notes' visits */
};

/* A visit id (borrowed) and its index, for lookups by id. */
struct kr_summary_visit_key {
    const char *id;
    size_t index;
};

/* One bijeenkomst, ready to be written: names already pseudonymised when asked. */
struct kr_summary {
    struct kr_session session;
    char *host_school; /* shown name of the host school (or "School A"), may be NULL */
    char *network;     /* shown network name, NULL when pseudonymised or absent */
    struct kr_visit_list visits;
    char **visit_labels;                       /* per visit: shown label ("groep 5" or "groep A") */
    struct kr_summary_visit_key *visit_sorted; /* visits sorted by id, for kr_summary_visit_of */
    struct kr_observation_list obs;            /* live notes by time */
    struct kr_summary_note *notes;             /* per note in obs */
    size_t *by_visit;               /* note indices grouped by visit (in visit order), by time */
    size_t *visit_start;            /* per visit v: its notes are by_visit[visit_start[v] ..
                                       visit_start[v + 1]); visits.n + 2 entries (the last
                                       group holds notes of an unknown visit) */
    size_t *visit_shown;            /* per visit (visits.n + 1): notes shown in the summary */
    size_t n_judging;               /* notes the checker flags */
    size_t *judging_per_visit;      /* per visit */
    bool checked;                   /* the checker ran */
    bool have_patterns;             /* patterns computed (not above the size limit) */
    struct kr_reflection refl;      /* patterns with the group's decisions, when have_patterns */
    char **pattern_labels;          /* per pattern: its label, pseudonymised when asked */
    char **pattern_statements;      /* per pattern: its statement, as it reaches the school */
    struct kr_summary_pattern *pat; /* per pattern: what the summary shows of it */
    size_t count[KR_CORNER_COUNT];  /* shown notes per corner */
    size_t count_auto[KR_CORNER_COUNT]; /* of which placed by kijkronde */
    size_t n_group_placed;              /* shown notes the group placed in the reflection */
    char *phases[KR_PHASE_COUNT];       /* the group's notes per debrief phase, or NULL */
    struct kr_theory_of_action toa;     /* fields NULL when not recorded */
    struct kr_toa_list toas;            /* the groepjes' versions (texts as shown) */
    struct kr_next_step_list steps;     /* the next steps (texts as shown) */
    struct kr_export_opts opts;
    struct kr_progress_plan *plan; /* the export's progress (heap, never NULL after load):
                                      the check and the writing of each note */
};

/* Load a session for the writers. want_patterns: compute the patterns (md, html, xlsx).
 * write_units: the progress units the writer spends per note (opts->progress is told the
 * check of each note, then what the writer adds to s->plan). */
enum kr_status kr_summary_load(struct kr_store *st, const char *session_id,
                               const struct kr_export_opts *opts, bool want_patterns,
                               size_t write_units, struct kr_summary *out, struct kr_error *err);
void kr_summary_fini(struct kr_summary *s);

/* The visit of an id by binary search over the sorted ids; visits.n when unknown. */
size_t kr_summary_visit_of(const struct kr_summary *s, const char *visit_id);

/*
 * THE rule for what reaches the school: is note i printed in the summary? A note the
 * zonder-oordeel check flags is printed only when the group asked for judging notes
 * (--met-oordelen), whatever the reflection did with it (moved, merged, split, renamed,
 * corner changed). Every writer of a summary and every count it prints goes through
 * this function, directly or through kr_summary.pat, visit_shown and count.
 */
bool kr_summary_shown(const struct kr_summary *s, size_t i);

/* Is pattern p worth a heading: not the judging pattern, and two or more shown notes? */
bool kr_summary_pattern_shown(const struct kr_summary *s, size_t p);

void kr_summary_write_md(const struct kr_summary *s, FILE *out);
void kr_summary_write_html(const struct kr_summary *s, FILE *out);
void kr_summary_write_csv(const struct kr_summary *s, char sep, FILE *out);
/* The notes and the shown patterns as an xlsx workbook at path (xlsx.c). KR_IO when it
 * cannot be written (err says why). progress may be NULL. */
enum kr_status kr_summary_write_xlsx(const struct kr_summary *s, const char *path,
                                     struct kr_error *err);

/* ---- escaping (escape.c): each appends s made inert for its format ---- */

/* HTML text and attribute values: & < > " ' as entities, controls replaced. */
/* What writes an export into out (kr_export_to_path). */
typedef enum kr_status (*kr_export_writer)(void *ctx, FILE *out, struct kr_error *err);
/* Write an export to path through write (src/exchange/outfile.c): a regular file is replaced
 * whole or not at all; a device or FIFO at path is written as it stands. */
enum kr_status kr_export_to_path(const char *path, kr_export_writer write, void *ctx,
                                 struct kr_error *err);

void kr_esc_html(struct kr_buf *b, const char *s);
/* Markdown inline text: no raw HTML, no links, no emphasis, no block syntax; one line. */
void kr_esc_md(struct kr_buf *b, const char *s);
/* One CSV field, always quoted; formula starts (= + - @ tab CR) get a leading '. */
void kr_esc_csv(struct kr_buf *b, const char *s);

/* Flush b to out when it has grown past a chunk (keeps memory flat for big exports). */
void kr_esc_flush(struct kr_buf *b, FILE *out, bool force);

/* ---- what reaches the school (summary_school.c): pseudonyms and names replaced ---- */

struct kr_school_swap {
    const char *from; /* borrowed from the summary */
    size_t len;
    char *to;
};

/* The replacements of one summary, longest first (made by kr_school_begin). */
struct kr_school {
    struct kr_school_swap *sw;
    size_t n;
    const struct kr_export_opts *opts; /* borrowed */
};

/* Make the replacements of out (loaded session, visits, notes; visit_labels allocated) and
 * fill out->visit_labels, host_school and network; the session's own texts are replaced. */
void kr_school_begin(struct kr_summary *out, const struct kr_export_opts *opts,
                     struct kr_school *sc);
/* text as it reaches the school (heap; NULL for NULL). */
char *kr_school_text(const struct kr_school *sc, const char *text);
/* Replace a heap string field by kr_school_text of it. */
void kr_school_field(const struct kr_school *sc, char **field);
/* out->pattern_labels and pattern_statements for the school (labels without names). */
void kr_school_patterns(const struct kr_school *sc, struct kr_summary *out);
/* The debrief, theories of action and next steps for the school, when anything is hidden. */
void kr_school_debrief(const struct kr_school *sc, struct kr_summary *out);
void kr_school_fini(struct kr_school *sc);

/* True when the group recorded any debrief phase or theory of action. */
bool kr_summary_has_debrief(const struct kr_summary *s);

/*
 * What evidence id `id` refers to in this summary: a shown pattern (*pattern gets its index,
 * returns 1), a shown note (*note gets its index, returns 2), or nothing the summary shows
 * (a judging or deleted note, an unknown id: returns 0, never reveals its text).
 */
int kr_summary_evidence(const struct kr_summary *s, const char *id, size_t *pattern, size_t *note);

/* Shared wording. */
const char *kr_summary_corner_title(enum kr_corner c); /* "Leerling", "Leraar", "Leerinhoud" */

/* ---- the summary writers (write_md.c, write_html.c, write_csv.c) share these ---- */

/* "12 maart 2026" from "2026-03-12" (as is when malformed); also the network report's. */
void kr_write_date_nl(struct kr_buf *b, const char *date);
/* "startbijeenkomst", "vervolgbijeenkomst", ... for a session kind. */
const char *kr_write_kind_nl(const char *kind);
/* "taal", "rekenen-wiskunde", ...; NULL when no basisvaardigheid. */
const char *kr_write_basis_nl(enum kr_basis b);
/* Notes the summary shows (kr_summary_shown). */
size_t kr_write_shown_notes(const struct kr_summary *s);
/* "09:05–09:30", "vanaf 09:05" or "" */
void kr_write_visit_times(struct kr_buf *b, const struct kr_visit *v);
/* The shown label of visit v ("?" for notes of an unknown visit). */
const char *kr_write_visit_label(const struct kr_summary *s, size_t v);
/* The labels of the visits a pattern's shown notes span, escaped by esc, joined with ", ". */
void kr_write_pattern_visits(struct kr_buf *b, const struct kr_summary *s,
                             const struct kr_summary_pattern *p,
                             void (*esc)(struct kr_buf *, const char *));
/* Shown notes of corner c in no pattern worth a heading (they stand on their own). */
size_t kr_write_singles(const struct kr_summary *s, enum kr_corner c);
/* Pattern p's heading, statement and extent, as html (true) or Markdown. */
void kr_write_pattern_head(struct kr_buf *b, const struct kr_summary *s, size_t p, bool html);

static inline const char *kr_write_plural(size_t n, const char *one, const char *more)
{
    return kr_plural((long long)n, one, more);
}

#endif
