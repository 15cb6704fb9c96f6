/* SPDX-License-Identifier: MIT */
/*
 * Describing a pattern once its notes are known: the visits it was seen in, overeenkomst or
 * verschil, the notes closest to its centre, a short label from its heaviest stems, its id,
 * and (over the whole result) its statement and extent (src/patterns/statement.c).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "kijkronde/mem.h"

#define MAX_LABEL_TERMS 3

struct scored {
    size_t id;
    double s;
};

static int scored_cmp(const void *a, const void *b)
{
    const struct scored *x = a, *y = b;
    if (x->s != y->s)
        return x->s > y->s ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

static int scored_id_cmp(const void *a, const void *b)
{
    const struct scored *x = a, *y = b;
    return x->id < y->id ? -1 : x->id > y->id;
}

/*
 * Two label words that are forms of one word: one starts with the other ("weet" and the
 * stem "wee", "gumt" and "gum"), or they share a start of at least four letters that is
 * three quarters of the shorter ("schrijft", "schrijven"). A label names three different
 * things, not one verb twice.
 */
static bool same_word(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), n = 0;
    while (n < la && n < lb && tolower((unsigned char)a[n]) == tolower((unsigned char)b[n]))
        n++;
    size_t shorter = la < lb ? la : lb;
    return n == shorter || (n >= 4 && 4 * n >= 3 * shorter);
}

static void describe(const struct work *w, struct kr_pattern *p, struct kr_buf *scratch)
{
    /* centroid */
    kr_buf_reset(scratch);
    for (size_t i = 0; i < p->n_notes; i++) {
        const struct vec *v = &w->vecs[p->notes[i]];
        for (size_t k = 0; k < v->n; k++) {
            struct scored s = {v->t[k].id, v->t[k].w};
            kr_buf_append(scratch, (const char *)&s, sizeof s);
        }
    }
    struct scored *c = (struct scored *)(void *)scratch->data;
    size_t nc = scratch->len / sizeof *c, m = 0;
    if (nc) /* a note without a term ("Juf v") leaves c NULL: qsort(NULL) is undefined */
        qsort(c, nc, sizeof *c, scored_id_cmp); /* merge by id */
    for (size_t i = 0; i < nc; i++) {
        if (m && c[m - 1].id == c[i].id)
            c[m - 1].s += c[i].s;
        else
            c[m++] = c[i];
    }
    struct vec cen = {kr_xreallocarray(NULL, m ? m : 1, sizeof(struct term)), m};
    for (size_t i = 0; i < m; i++)
        cen.t[i] = (struct term){c[i].id, c[i].s};
    /* representatives: closest to the centroid */
    struct scored *rep = kr_xreallocarray(NULL, p->n_notes, sizeof *rep);
    for (size_t i = 0; i < p->n_notes; i++)
        rep[i] = (struct scored){p->notes[i], kp_dot(&w->vecs[p->notes[i]], &cen)};
    qsort(rep, p->n_notes, sizeof *rep, scored_cmp);
    p->n_representatives = p->n_notes < 3 ? p->n_notes : 3;
    for (size_t i = 0; i < p->n_representatives; i++)
        p->representatives[i] = rep[i].id;
    free(rep);
    /* label: the heaviest single-stem terms of the centroid */
    if (m)
        qsort(c, m, sizeof *c, scored_cmp);
    struct kr_buf lab = {0};
    size_t used = 0;
    const char *words[MAX_LABEL_TERMS];
    for (size_t i = 0; i < m && used < MAX_LABEL_TERMS; i++) {
        const char *key = w->terms.keys[c[i].id];
        const char *word = w->surface_of[c[i].id] ? w->surface_of[c[i].id] : key;
        if (strchr(key, ' ') || strlen(word) < 3 || kp_strtab_find(&w->nolabel, key) != SIZE_MAX)
            continue;
        size_t j = 0;
        while (j < used && !same_word(words[j], word))
            j++;
        if (j < used)
            continue;
        words[used] = word;
        kr_buf_puts(&lab, used ? ", " : "");
        if (used == 0 && word[0] >= 'a' && word[0] <= 'z') {
            kr_buf_putc(&lab, (char)(word[0] - 'a' + 'A'));
            kr_buf_puts(&lab, word + 1);
        } else {
            kr_buf_puts(&lab, word);
        }
        used++;
    }
    if (used == 0) {
        /* nothing shared: the start of the representative note */
        char buf[64];
        const char *t = w->notes[p->representatives[0]].text;
        size_t l = strlen(t) < 40 ? strlen(t) : 40;
        while (l > 0 && l < strlen(t) && ((unsigned char)t[l] & 0xC0) == 0x80)
            l--;
        snprintf(buf, sizeof buf, "%.*s%s", (int)l, t, l < strlen(t) ? "…" : "");
        kr_buf_puts(&lab, buf);
    }
    p->label = kr_buf_steal(&lab);
    free(cen.t);
}

void kp_finish_pattern(const struct work *w, struct kr_pattern *p, enum kr_corner corner,
                       bool flagged, struct kr_buf *scratch)
{
    p->corner = corner;
    p->flagged = flagged;
    p->visits = kr_xreallocarray(NULL, p->n_notes, sizeof *p->visits);
    for (size_t i = 0; i < p->n_notes; i++) {
        const char *v = w->notes[p->notes[i]].visit_id;
        size_t j = 0;
        while (j < p->n_visits && strcmp(p->visits[j], v) != 0)
            j++;
        if (j == p->n_visits)
            p->visits[p->n_visits++] = v;
    }
    p->kind = p->n_visits >= 2 ? KR_PATTERN_OVEREENKOMST : KR_PATTERN_VERSCHIL;
    if (flagged) {
        p->label = kr_xstrdup("Notities met een oordeel");
        p->n_representatives = p->n_notes < 3 ? p->n_notes : 3;
        for (size_t i = 0; i < p->n_representatives; i++)
            p->representatives[i] = p->notes[i];
    } else {
        describe(w, p, scratch);
    }
    p->id = kr_xasprintf("p-%s", w->notes[p->representatives[0]].id);
}

/* Statements and extents (src/patterns/statement.c). A group pattern whose name is a
   sentence of four words or more keeps it as its statement: the group's words win. */
void kp_state_patterns(struct kr_pattern_result *out, const struct kr_pattern_note *notes, size_t n)
{
    struct strtab visits = {0};
    for (size_t i = 0; i < n; i++)
        kp_strtab_get(&visits, notes[i].visit_id, true);
    for (size_t p = 0; p < out->n_patterns; p++) {
        struct kr_pattern *pat = &out->patterns[p];
        size_t words = 0;
        for (const char *c = pat->group ? pat->label : ""; *c; c++)
            words += (c == pat->label || c[-1] == ' ') && *c != ' ';
        if (pat->group && words >= 4) {
            size_t len = strlen(pat->label);
            bool stop = len && strchr(".!?", pat->label[len - 1]);
            pat->statement = kr_xasprintf("%s%s", pat->label, stop ? "" : ".");
        } else {
            pat->statement = kr_pattern_statement(pat, notes);
        }
        pat->extent = pat->flagged ? NULL : kr_pattern_extent(pat->n_visits, visits.n);
    }
    kp_strtab_fini(&visits);
}
