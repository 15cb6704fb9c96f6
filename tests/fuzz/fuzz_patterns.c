/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target: any bytes, split into notes at newlines (every third note in a second
 * visit, every fifth one flagged), go through the corner guess and the patterns. Each
 * guess names a corner with a confidence in (0, 1], and every note ends up in exactly one
 * pattern of its own corner.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kijkronde/corner.h"
#include "kijkronde/mem.h"
#include "kijkronde/patterns.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct kr_corner_classifier *cc;
    if (!cc)
        cc = kr_corner_classifier_new();
    struct kr_corner_guess g = kr_corner_guess(cc, (const char *)data, size);
    if (g.corner == KR_CORNER_NONE || !(g.confidence > 0.0 && g.confidence <= 1.0))
        __builtin_trap();

    char *copy = kr_xstrndup((const char *)data, size); /* stops at a NUL byte */
    size_t n = 0, cap = 0;
    struct kr_pattern_note *notes = NULL;
    char ids[64][8];
    for (char *save = NULL, *line = strtok_r(copy, "\n", &save); line && n < 64;
         line = strtok_r(NULL, "\n", &save)) {
        KR_GROW(notes, cap, n + 1);
        snprintf(ids[n], sizeof ids[n], "n%zu", n);
        notes[n] = (struct kr_pattern_note){ids[n], n % 3 ? "v1" : "v2", line,
                                            (enum kr_corner)(n % 4), n % 5 == 4};
        n++;
    }
    struct kr_pattern_result r;
    if (kr_patterns_compute(notes, n, NULL, &r, NULL) != KR_OK)
        __builtin_trap();
    size_t total = 0;
    for (size_t p = 0; p < r.n_patterns; p++) {
        total += r.patterns[p].n_notes;
        for (size_t i = 0; i < r.patterns[p].n_notes; i++)
            if (r.pattern_of[r.patterns[p].notes[i]] != p ||
                r.corner[r.patterns[p].notes[i]] != r.patterns[p].corner)
                __builtin_trap();
    }
    if (total != n)
        __builtin_trap();
    kr_pattern_result_fini(&r);
    free(notes);
    free(copy);
    return 0;
}
