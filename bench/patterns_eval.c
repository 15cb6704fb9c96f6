/* SPDX-License-Identifier: MIT */
/*
 * Runs kr_patterns_compute on a labelled day (tests/data, TSV: visit, time, corner, theme,
 * text) with every corner hidden, as an import with corner null would, and prints one line
 * per note: "<pattern index>\t<corner>\t<gold corner>\t<gold theme>\t<text>", then a line
 * "# notes N patterns P seconds S" (CPU seconds of kr_patterns_compute).
 * With --scale N it makes N notes for the timing curve: the labelled notes first, then
 * variations of them (words dropped and words of other notes mixed in, from a fixed seed),
 * each copy of the day in its own visits. bench/patterns_vs_sklearn.py compares the output with
 * scikit-learn. With --lone N it makes N notes that share no word (made-up words, one
 * corner, 15 notes per visit): each must end as a pattern of its own.
 * Usage: patterns_eval FILE.tsv [--threshold T] [--scale N | --lone N] [--quiet]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../tests/unit/labelled.h"
#include "kijkronde/mem.h"
#include "kijkronde/patterns.h"

/* CPU time of the process: the machine is shared, so wall time says more about the others. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint64_t next(uint64_t *s)
{
    *s = *s * 6364136223846793005u + 1442695040888963407u;
    return *s >> 33;
}

/* A variation of text: each word kept with chance 4/5, and two words of random other notes. */
static char *vary(const char *text, const struct labelled_day *d, uint64_t *seed)
{
    struct kr_buf b = {0};
    const char *p = text;
    while (*p) {
        const char *e = strchr(p, ' ');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (next(seed) % 5 != 0) {
            kr_buf_append(&b, p, len);
            kr_buf_putc(&b, ' ');
        }
        p += len;
        while (*p == ' ')
            p++;
    }
    for (int k = 0; k < 2; k++) {
        const char *o = d->items[next(seed) % d->n].text;
        size_t words = 1;
        for (const char *q = o; *q; q++)
            words += *q == ' ';
        size_t want = next(seed) % words;
        while (want-- && strchr(o, ' '))
            o = strchr(o, ' ') + 1;
        const char *e = strchr(o, ' ');
        kr_buf_append(&b, o, e ? (size_t)(e - o) : strlen(o));
        kr_buf_putc(&b, ' ');
    }
    return kr_buf_steal(&b);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("gebruik: patterns_eval BESTAND.tsv [--threshold T] [--scale N] [--quiet]\n", stderr);
        return 2;
    }
    struct kr_pattern_options opt = {0};
    size_t scale = 0, lone = 0;
    int quiet = 0;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--threshold") == 0 && i + 1 < argc)
            opt.threshold = strtod(argv[++i], NULL);
        else if (strcmp(argv[i], "--scale") == 0 && i + 1 < argc)
            scale = strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--lone") == 0 && i + 1 < argc)
            lone = strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--quiet") == 0)
            quiet = 1;
    }
    struct labelled_day d = {0};
    if (labelled_day_load(argv[1], &d) != 0 || d.n == 0) {
        fprintf(stderr, "patterns_eval: kan %s niet lezen\n", argv[1]);
        return 2;
    }
    size_t n = lone ? lone : scale ? scale : d.n;
    struct kr_pattern_note *notes = kr_xcalloc(n, sizeof *notes);
    char **ids = kr_xcalloc(n, sizeof *ids);
    char **visits = kr_xcalloc(n, sizeof *visits);
    char **texts = kr_xcalloc(n, sizeof *texts);
    uint64_t seed = 12345;
    for (size_t i = 0; i < n; i++) {
        const struct labelled_note *l = &d.items[i % d.n];
        ids[i] = kr_xasprintf("n%06zu", i);
        visits[i] = kr_xasprintf("%s-%zu", l->visit, i / d.n);
        texts[i] = i < d.n ? kr_xstrdup(l->text) : vary(l->text, &d, &seed);
        notes[i] = (struct kr_pattern_note){ids[i], visits[i], texts[i], KR_CORNER_NONE, false};
        if (lone) {
            char buf[18];
            labelled_lone_note(i, buf);
            free(texts[i]);
            free(visits[i]);
            texts[i] = kr_xstrdup(buf);
            visits[i] = kr_xasprintf("v%zu", i / 15);
            notes[i] =
                (struct kr_pattern_note){ids[i], visits[i], texts[i], KR_CORNER_LEERLING, false};
        }
    }
    struct kr_pattern_result r;
    double t0 = now();
    if (kr_patterns_compute(notes, n, &opt, &r, NULL) != KR_OK)
        return 1;
    double t1 = now();
    for (size_t i = 0; i < n && !quiet && !lone; i++) {
        const struct labelled_note *l = &d.items[i % d.n];
        printf("%zu\t%s\t%s\t%s\t%s\n", r.pattern_of[i], kr_corner_str(r.corner[i]),
               kr_corner_str(l->corner), l->theme, texts[i]);
    }
    printf("# notes %zu patterns %zu seconds %.4f\n", n, r.n_patterns, t1 - t0);
    kr_pattern_result_fini(&r);
    for (size_t i = 0; i < n; i++) {
        free(ids[i]);
        free(visits[i]);
        free(texts[i]);
    }
    free(ids);
    free(texts);
    free(visits);
    free(notes);
    labelled_day_fini(&d);
    return 0;
}
