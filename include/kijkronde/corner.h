/* SPDX-License-Identifier: MIT */
/*
 * Guessing the corner of the didactische driehoek (leerling, leraar, leerinhoud)
 * that a note is about, from its text alone. Used as the suggestion while typing
 * and by the patterns module for notes the observer did not place. Lives in src/text/.
 */
#ifndef KR_CORNER_H
#define KR_CORNER_H

#include <stddef.h>

#include "kijkronde/model.h"

struct kr_corner_guess {
    enum kr_corner corner; /* never KR_CORNER_NONE for non-empty text */
    double confidence;     /* 0..1 */
};

struct kr_corner_classifier;
struct kr_corner_classifier *kr_corner_classifier_new(void);
void kr_corner_classifier_free(struct kr_corner_classifier *c);
/* Guess the corner of text[0..len). Deterministic; no I/O. */
struct kr_corner_guess kr_corner_guess(struct kr_corner_classifier *c, const char *text,
                                       size_t len);

#endif
