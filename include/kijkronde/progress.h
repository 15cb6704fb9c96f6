/* SPDX-License-Identifier: MIT */
/*
 * Progress of long work (import, merge, export) as a callback, so that the store and the
 * exporters can report it without knowing who shows it or how: the command line passes a
 * function and its context (src/cli/progress.c); tests and the TUI pass nothing.
 *
 * A job is planned in work units (a note staged, checked, written...), because it runs in
 * phases of different length; the watcher is told "done of total" in notes, the units
 * done scaled to the job's notes, so the fraction and the time left follow the work.
 */
#ifndef KR_PROGRESS_H
#define KR_PROGRESS_H

#include <stddef.h>

/* Called with the notes done so far and the notes of the job (done <= total, total > 0).
 * Called often (about every 0.2 % of the work); must be cheap and must not fail. */
typedef void (*kr_progress_fn)(void *ctx, size_t done, size_t total);

struct kr_progress {
    kr_progress_fn fn; /* NULL: nobody is watching */
    void *ctx;         /* handed to fn, borrowed */
};

/* One job in progress: caller-provided storage, zero-initialised means "no job". */
struct kr_progress_plan {
    const struct kr_progress *p; /* borrowed; NULL or p->fn NULL: nothing is reported */
    size_t notes;                /* what the watcher counts */
    size_t total;                /* work units of the whole job */
    size_t done;                 /* units done so far (kept below total until the end) */
    size_t shown;                /* units at the last report */
};

static inline void kr_progress_report_(struct kr_progress_plan *pl)
{
    pl->shown = pl->done;
    unsigned long long d = (unsigned long long)pl->done * pl->notes / pl->total;
    pl->p->fn(pl->p->ctx, (size_t)d, pl->notes);
}

/* Start a job of total units over notes notes (p may be NULL). */
static inline void kr_progress_begin(struct kr_progress_plan *pl, const struct kr_progress *p,
                                     size_t notes, size_t total)
{
    *pl = (struct kr_progress_plan){
        .p = p && p->fn && notes && total ? p : NULL, .notes = notes, .total = total};
}

/* The job turned out bigger or smaller: total units from now on (at least those done). */
static inline void kr_progress_retotal(struct kr_progress_plan *pl, size_t total)
{
    pl->total = total > pl->done ? total : pl->done + 1;
}

/* units more done; reported when a 500th of the job has passed since the last report. */
static inline void kr_progress_add(struct kr_progress_plan *pl, size_t units)
{
    if (!pl->p)
        return;
    pl->done = pl->done + units < pl->total ? pl->done + units : pl->total - 1;
    if (pl->done - pl->shown >= pl->total / 500 + 1)
        kr_progress_report_(pl);
}

/* The job is done: the watcher sees all notes, and the plan is cleared. */
static inline void kr_progress_end(struct kr_progress_plan *pl)
{
    if (pl->p) {
        pl->done = pl->total;
        kr_progress_report_(pl);
    }
    *pl = (struct kr_progress_plan){0};
}

#endif
