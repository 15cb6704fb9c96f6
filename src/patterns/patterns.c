/* SPDX-License-Identifier: MIT */
/*
 * Patterns: place each note in a corner (the observer's or group's choice, otherwise the
 * corner guess), turn the notes into vectors (features.c), cluster each corner
 * (cluster.c), describe each pattern (describe.c) and sort them. Also Cohen's kappa
 * between two placements.
 */
#include "kijkronde/patterns.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "kijkronde/corner.h"
#include "kijkronde/mem.h"

const char *kr_pattern_kind_str(enum kr_pattern_kind k)
{
    return k == KR_PATTERN_OVEREENKOMST ? "overeenkomst" : "verschil";
}

static int pattern_cmp(const void *a, const void *b)
{
    const struct kr_pattern *x = a, *y = b;
    if (x->corner != y->corner)
        return x->corner < y->corner ? -1 : 1;
    if (x->flagged != y->flagged)
        return x->flagged ? 1 : -1;
    if (x->n_notes != y->n_notes)
        return x->n_notes > y->n_notes ? -1 : 1;
    return x->notes[0] < y->notes[0] ? -1 : x->notes[0] > y->notes[0];
}

enum kr_status kr_patterns_compute(const struct kr_pattern_note *notes, size_t n,
                                   const struct kr_pattern_options *opt,
                                   struct kr_pattern_result *out, struct kr_error *err)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < n; i++)
        if (!notes[i].id || !notes[i].visit_id || !notes[i].text)
            return kr_error_set(err, KR_INVALID, "Notitie %zu mist een id, bezoek of tekst.",
                                i + 1);
    if (n > KR_PATTERNS_MAX_NOTES)
        return kr_error_set(err, KR_INVALID,
                            "Deze bijeenkomst heeft %zu notities; patronen zoeken kan tot %d"
                            " notities per bijeenkomst. Splits de bijeenkomst in kleinere"
                            " (bijvoorbeeld per dag of per school) en zoek daar patronen.",
                            n, KR_PATTERNS_MAX_NOTES);
    double threshold = opt && opt->threshold > 0 ? opt->threshold : KR_PATTERNS_THRESHOLD;
    out->n_notes = n;
    size_t alloc = n ? n : 1;
    out->corner = kr_xcalloc(alloc, sizeof *out->corner);
    out->auto_placed = kr_xcalloc(alloc, sizeof *out->auto_placed);
    out->confidence = kr_xcalloc(alloc, sizeof *out->confidence);
    out->pattern_of = kr_xcalloc(alloc, sizeof *out->pattern_of);

    /* pinned[i]: the group pattern note i is pinned to, SIZE_MAX when none */
    size_t *pinned = kr_xreallocarray(NULL, alloc, sizeof *pinned);
    for (size_t i = 0; i < n; i++) {
        pinned[i] = SIZE_MAX;
        for (size_t g = 0; opt && opt->pins && opt->pins[i] && g < opt->n_groups; g++)
            if (opt->groups[g].id && strcmp(opt->groups[g].id, opt->pins[i]) == 0 &&
                opt->groups[g].corner != KR_CORNER_NONE) {
                pinned[i] = g;
                break;
            }
    }
    struct kr_corner_classifier *cc = kr_corner_classifier_new();
    for (size_t i = 0; i < n; i++) {
        if (pinned[i] != SIZE_MAX) {
            out->corner[i] = opt->groups[pinned[i]].corner;
            out->confidence[i] = 1.0;
        } else if (notes[i].corner != KR_CORNER_NONE) {
            out->corner[i] = notes[i].corner;
            out->confidence[i] = 1.0;
        } else {
            struct kr_corner_guess g = kr_corner_guess(cc, notes[i].text, strlen(notes[i].text));
            out->corner[i] = g.corner;
            out->confidence[i] = g.confidence;
            out->auto_placed[i] = true;
        }
        out->count[out->corner[i]]++;
    }
    kr_corner_classifier_free(cc);

    struct work w = {.notes = notes, .n = n};
    struct kr_buf scratch = {0};
    kp_features(&w);

    size_t *members = kr_xcalloc(alloc, sizeof *members);
    size_t *label = kr_xcalloc(alloc, sizeof *label);
    size_t pcap = 0;
    for (enum kr_corner k = KR_CORNER_LEERLING; k <= KR_CORNER_LEERINHOUD; k++) {
        for (int flagged = 0; flagged <= 1; flagged++) {
            size_t m = 0;
            for (size_t i = 0; i < n; i++)
                if (out->corner[i] == k && notes[i].flagged == (bool)flagged &&
                    pinned[i] == SIZE_MAX)
                    members[m++] = i;
            if (m == 0)
                continue;
            size_t nk = 1;
            if (flagged)
                memset(label, 0, m * sizeof *label);
            else
                nk = kp_cluster(&w, members, m, threshold, label);
            size_t base = out->n_patterns;
            KR_GROW(out->patterns, pcap, base + nk);
            memset(out->patterns + base, 0, nk * sizeof *out->patterns);
            out->n_patterns += nk;
            /* each pattern sized to its notes: a corner of m lone notes makes m patterns */
            size_t *sizes = kr_xcalloc(nk, sizeof *sizes);
            for (size_t a = 0; a < m; a++)
                sizes[label[a]]++;
            for (size_t c = 0; c < nk; c++)
                out->patterns[base + c].notes = kr_xcalloc(sizes[c], sizeof(size_t));
            free(sizes);
            for (size_t a = 0; a < m; a++) {
                struct kr_pattern *p = &out->patterns[base + label[a]];
                p->notes[p->n_notes++] = members[a];
            }
            for (size_t c = 0; c < nk; c++)
                kp_finish_pattern(&w, &out->patterns[base + c], k, flagged, &scratch);
        }
    }
    /* the group's patterns, with the notes pinned to them */
    for (size_t g = 0; opt && g < opt->n_groups; g++) {
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            if (pinned[i] == g)
                members[m++] = i;
        if (m == 0)
            continue;
        KR_GROW(out->patterns, pcap, out->n_patterns + 1);
        struct kr_pattern *p = &out->patterns[out->n_patterns++];
        memset(p, 0, sizeof *p);
        p->notes = kr_xreallocarray(NULL, m, sizeof *p->notes);
        memcpy(p->notes, members, m * sizeof *members);
        p->n_notes = m;
        kp_finish_pattern(&w, p, opt->groups[g].corner, false, &scratch);
        free(p->label);
        free(p->id);
        p->label = kr_xstrdup(opt->groups[g].label ? opt->groups[g].label : "");
        p->id = kr_xstrdup(opt->groups[g].id);
        p->group = true;
    }
    if (out->n_patterns)
        qsort(out->patterns, out->n_patterns, sizeof *out->patterns, pattern_cmp);
    for (size_t p = 0; p < out->n_patterns; p++)
        for (size_t i = 0; i < out->patterns[p].n_notes; i++)
            out->pattern_of[out->patterns[p].notes[i]] = p;
    kp_state_patterns(out, notes, n);

    free(members);
    free(label);
    free(pinned);
    kp_work_fini(&w);
    kr_buf_fini(&scratch);
    return KR_OK;
}

double kr_cohen_kappa(const enum kr_corner *a, const enum kr_corner *b, size_t n, size_t *used)
{
    double table[KR_CORNER_COUNT][KR_CORNER_COUNT] = {{0}};
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (a[i] == KR_CORNER_NONE || b[i] == KR_CORNER_NONE || (unsigned)a[i] >= KR_CORNER_COUNT ||
            (unsigned)b[i] >= KR_CORNER_COUNT)
            continue;
        table[a[i]][b[i]] += 1.0;
        m++;
    }
    if (used)
        *used = m;
    if (m == 0)
        return 0.0;
    double po = 0, pe = 0;
    for (int k = 1; k < KR_CORNER_COUNT; k++) {
        double ra = 0, rb = 0;
        for (int j = 1; j < KR_CORNER_COUNT; j++) {
            ra += table[k][j];
            rb += table[j][k];
        }
        po += table[k][k];
        pe += (ra / (double)m) * (rb / (double)m);
    }
    po /= (double)m;
    if (pe >= 1.0)
        return po >= 1.0 ? 1.0 : 0.0;
    return (po - pe) / (1.0 - pe);
}

void kr_pattern_result_fini(struct kr_pattern_result *r)
{
    for (size_t p = 0; p < r->n_patterns; p++) {
        free(r->patterns[p].id);
        free(r->patterns[p].label);
        free(r->patterns[p].statement);
        free(r->patterns[p].notes);
        free(r->patterns[p].visits);
    }
    free(r->patterns);
    free(r->corner);
    free(r->auto_placed);
    free(r->confidence);
    free(r->pattern_of);
    memset(r, 0, sizeof *r);
}
