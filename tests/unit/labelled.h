/* SPDX-License-Identifier: MIT */
/*
 * Loads a labelled visit day (a .tsv file in tests/data: visit, time, corner, theme, text; lines
 * starting with # are comments) for the corner and pattern tests.
 */
#ifndef KR_LABELLED_H
#define KR_LABELLED_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "kijkronde/model.h"

struct labelled_note {
    char *visit, *time, *theme, *text;
    enum kr_corner corner;
};

struct labelled_day {
    struct labelled_note *items;
    size_t n, cap;
};

static inline void labelled_day_fini(struct labelled_day *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->items[i].visit);
        free(d->items[i].time);
        free(d->items[i].theme);
        free(d->items[i].text);
    }
    free(d->items);
    d->items = NULL;
    d->n = d->cap = 0;
}

/* Returns 0 on success, -1 when the file cannot be read or a line is malformed. */
static inline int labelled_day_load(const char *path, struct labelled_day *d)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[4096];
    int rc = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *fields[5];
        char *p = line;
        int nf = 0;
        for (; nf < 5 && p; nf++) {
            fields[nf] = p;
            char *tab = nf < 4 ? strchr(p, '\t') : NULL;
            if (tab)
                *tab++ = '\0';
            p = tab;
        }
        enum kr_corner c;
        if (nf != 5 || !kr_corner_parse(fields[2], &c) || c == KR_CORNER_NONE) {
            rc = -1;
            break;
        }
        KR_GROW(d->items, d->cap, d->n + 1);
        struct labelled_note *n = &d->items[d->n++];
        n->visit = kr_xstrdup(fields[0]);
        n->time = kr_xstrdup(fields[1]);
        n->corner = c;
        n->theme = kr_xstrdup(fields[3]);
        n->text = kr_xstrdup(fields[4]);
    }
    fclose(f);
    return rc;
}

/*
 * A made-up word that no other index gives: consonant, vowel, consonant, vowel, consonant,
 * with a last letter no Dutch suffix rule strips and no double letter to undouble, so every
 * index keeps its own stem. For notes that share no word (9,216 words; index modulo that).
 */
static inline void labelled_lone_word(size_t i, char out[6])
{
    static const char c[] = "bdfhjkmprtvwzlqx", v[] = "aou", last[] = "kmpx";
    out[0] = c[i % 16];
    out[1] = v[(i / 16) % 3];
    out[2] = c[(i / 48) % 16];
    out[3] = v[(i / 768) % 3];
    out[4] = last[(i / 2304) % 4];
    out[5] = '\0';
}

/* A note of three such words that no other k gives (k < 3,072). */
static inline void labelled_lone_note(size_t k, char out[18])
{
    for (size_t w = 0; w < 3; w++) {
        labelled_lone_word(k * 3 + w, out + w * 6);
        out[w * 6 + 5] = w < 2 ? ' ' : '\0';
    }
}

#endif
