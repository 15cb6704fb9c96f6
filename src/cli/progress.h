/* SPDX-License-Identifier: MIT */
/*
 * Progress of long commands on stderr: "notities 12000 van 100000 · nog ongeveer 8 s",
 * redrawn in place with \r at most five times a second, after the work has run for a
 * second, and cleared at the end. Only when stderr is a terminal, TERM is not "dumb" and
 * CI is unset: in a pipe, a log or a CI job nothing is written.
 */
#ifndef KR_CLI_PROGRESS_H
#define KR_CLI_PROGRESS_H

#include <stdbool.h>
#include <stdio.h>

#include "kijkronde/progress.h"

struct kr_cli_progress {
    struct kr_progress cb; /* hand &cb to the store or the exporter */
    FILE *out;             /* stderr */
    bool on;               /* a terminal that wants it */
    double start, last;    /* monotonic seconds: begin, last drawing */
    double first;          /* when the work first reported, 0 before */
    size_t first_done;     /* the notes done then */
    size_t width;          /* columns of the line last drawn, 0 when none */
    const char *dot;       /* the separator: "·" in a UTF-8 locale, else "-" */
};

/* Prepare p for out (decides whether anything will be shown). */
void kr_cli_progress_init(struct kr_cli_progress *p, FILE *out);
/* Clear the line, if one was drawn. Call when the work is over, before printing a result. */
void kr_cli_progress_fini(struct kr_cli_progress *p);

#endif
