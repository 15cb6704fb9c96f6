/* SPDX-License-Identifier: MIT */
/*
 * Runs kr_patterns_compute on a labelled day (tests/data, TSV: visit, time, corner, theme,
 * text) with every corner hidden, as an import with corner null would, and prints one line
 * per note: "<pattern index>\t<corner>\t<gold corner>\t<gold theme>", then "# seconds S".
 * With --scale N the notes are repeated (with a copy number per visit) up to N notes, for
 * the timing curve. bench/patterns_vs_sklearn.py compares the output with scikit-learn.
 * Usage: patterns_eval FILE.tsv [--threshold T] [--scale N] [--quiet]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../tests/unit/labelled.h"
#include "kijkronde/mem.h"
#include "kijkronde/patterns.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("gebruik: patterns_eval BESTAND.tsv [--threshold T] [--scale N] [--quiet]\n", stderr);
        return 2;
    }
    struct kr_pattern_options opt = {0};
    size_t scale = 0;
    int quiet = 0;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--threshold") == 0 && i + 1 < argc)
            opt.threshold = strtod(argv[++i], NULL);
        else if (strcmp(argv[i], "--scale") == 0 && i + 1 < argc)
            scale = strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--quiet") == 0)
            quiet = 1;
    }
    struct labelled_day d = {0};
    if (labelled_day_load(argv[1], &d) != 0 || d.n == 0) {
        fprintf(stderr, "patterns_eval: kan %s niet lezen\n", argv[1]);
        return 2;
    }
    size_t n = scale ? scale : d.n;
    struct kr_pattern_note *notes = kr_xcalloc(n, sizeof *notes);
    char **ids = kr_xcalloc(n, sizeof *ids);
    char **visits = kr_xcalloc(n, sizeof *visits);
    for (size_t i = 0; i < n; i++) {
        const struct labelled_note *l = &d.items[i % d.n];
        ids[i] = kr_xasprintf("n%06zu", i);
        visits[i] = kr_xasprintf("%s-%zu", l->visit, i / d.n);
        notes[i] = (struct kr_pattern_note){ids[i], visits[i], l->text, KR_CORNER_NONE, false};
    }
    struct kr_pattern_result r;
    double t0 = now();
    if (kr_patterns_compute(notes, n, &opt, &r, NULL) != KR_OK)
        return 1;
    double t1 = now();
    for (size_t i = 0; i < n && !quiet; i++) {
        const struct labelled_note *l = &d.items[i % d.n];
        printf("%zu\t%s\t%s\t%s\n", r.pattern_of[i], kr_corner_str(r.corner[i]),
               kr_corner_str(l->corner), l->theme);
    }
    printf("# notes %zu patterns %zu seconds %.4f\n", n, r.n_patterns, t1 - t0);
    kr_pattern_result_fini(&r);
    for (size_t i = 0; i < n; i++) {
        free(ids[i]);
        free(visits[i]);
    }
    free(ids);
    free(visits);
    free(notes);
    labelled_day_fini(&d);
    return 0;
}
