/* SPDX-License-Identifier: MIT */
/*
 * The search of the notes screen: the words a teacher types become an FTS5 query, each word
 * a quoted prefix term that also matches by its Snowball stem, so nothing typed is taken as
 * FTS5 syntax.
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "kijkronde/text.h"
#include "ui_internal.h"

/* One FTS5 string term: quoted (a quote doubled), so nothing in it is taken as syntax. */
static void fts_term(struct kr_buf *b, const char *w, size_t len)
{
    kr_buf_putc(b, '"');
    for (size_t i = 0; i < len; i++) {
        if (w[i] == '"')
            kr_buf_putc(b, '"');
        kr_buf_putc(b, w[i]);
    }
    kr_buf_puts(b, "\"*");
}

/* Words typed by a teacher become an FTS5 query of quoted prefix terms, so that quotes,
 * dashes or "NOT" in the text are never taken as syntax. Each word also matches by its
 * Snowball stem: "leerlingen" finds "leerling", "boeken" finds "boek". */
char *ui_fts_query(const char *typed)
{
    struct kr_buf b = {0};
    struct kr_stemmer *stemmer = kr_stemmer_new();
    char *copy = kr_xstrdup(typed), *save = NULL;
    for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        char stem[128];
        size_t n = stemmer ? kr_stem(stemmer, w, strlen(w), stem, sizeof stem) : 0;
        bool by_stem = n >= 3 && n < sizeof stem && strncmp(stem, w, n) != 0;
        bool shorter = n >= 3 && n < strlen(w) && strncmp(stem, w, n) == 0;
        if (b.len)
            kr_buf_putc(&b, ' ');
        if (by_stem) { /* the stem is no prefix of the word: either matches */
            kr_buf_putc(&b, '(');
            fts_term(&b, w, strlen(w));
            kr_buf_puts(&b, " OR ");
            fts_term(&b, stem, n);
            kr_buf_putc(&b, ')');
        } else {
            fts_term(&b, shorter ? stem : w, shorter ? n : strlen(w));
        }
    }
    free(copy);
    kr_stemmer_free(stemmer);
    return b.len ? kr_buf_steal(&b) : (kr_buf_fini(&b), NULL);
}
