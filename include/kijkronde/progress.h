/* SPDX-License-Identifier: MIT */
/*
 * Progress of long work (import, merge, export) as a callback, so that the store and the
 * exporters can report it without knowing who shows it or how: the command line passes a
 * function and its context (src/cli/progress.c), tests and the TUI pass nothing.
 */
#ifndef KR_PROGRESS_H
#define KR_PROGRESS_H

#include <stddef.h>

/* Called with the notes done so far and the total (done <= total); must not fail. */
typedef void (*kr_progress_fn)(void *ctx, size_t done, size_t total);

struct kr_progress {
    kr_progress_fn fn; /* NULL: nobody is watching */
    void *ctx;         /* handed to fn, borrowed */
};

/* How often the workers call fn: every this many notes, and at the last one. */
#define KR_PROGRESS_EVERY 512

/* Report done of total to p (may be NULL) every KR_PROGRESS_EVERY notes and at the end. */
static inline void kr_progress_step(const struct kr_progress *p, size_t done, size_t total)
{
    if (p && p->fn && (done % KR_PROGRESS_EVERY == 0 || done == total))
        p->fn(p->ctx, done, total);
}

#endif
