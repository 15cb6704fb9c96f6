/* SPDX-License-Identifier: MIT */
/*
 * Recurring patterns across the bijeenkomsten of a network (include/kijkronde/recurring.h):
 * every shown pattern of every bijeenkomst becomes one item for kr_patterns_compute, with the
 * texts of its shown notes as its text, its bijeenkomst as its visit and its corner as placed
 * by an observer, so the same text model that groups notes groups patterns; the clusters seen
 * in two or more bijeenkomsten are the recurring patterns.
 */
#include "kijkronde/recurring.h"

#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "kijkronde/names.h"

/* One pattern of one bijeenkomst as an item. */
struct item {
    size_t session, pattern;
    char *text; /* its shown notes' texts, one per line (heap) */
};

static bool hidden_note(const struct kr_recurring_session *s, size_t i)
{
    return s->hidden ? s->hidden[i] : s->notes[i].flagged;
}

/* Does the member's statement carry the group's own words (a sentence it named it)? */
static bool group_words(const struct kr_pattern *p)
{
    size_t len = p->label ? strlen(p->label) : 0;
    return p->group && len > 0 && p->statement && strncmp(p->statement, p->label, len) == 0;
}

static int cmp_member(const void *a, const void *b)
{
    const struct kr_recurring_member *x = a, *y = b;
    if (x->session != y->session)
        return x->session < y->session ? -1 : 1;
    return x->pattern < y->pattern ? -1 : x->pattern > y->pattern ? 1 : 0;
}

/* A note of a session (for the order of a recurring pattern's observations). */
struct note_at {
    size_t session, note;
};

static int cmp_note_at(const void *a, const void *b)
{
    const struct note_at *x = a, *y = b;
    if (x->session != y->session)
        return x->session < y->session ? -1 : 1;
    return x->note < y->note ? -1 : x->note > y->note ? 1 : 0;
}

static int cmp_recurring(const void *a, const void *b)
{
    const struct kr_recurring *x = a, *y = b;
    if (x->n_sessions != y->n_sessions)
        return x->n_sessions > y->n_sessions ? -1 : 1;
    if (x->n_observations != y->n_observations)
        return x->n_observations > y->n_observations ? -1 : 1;
    if (x->corner != y->corner)
        return x->corner < y->corner ? -1 : 1;
    return cmp_member(&x->members[0], &y->members[0]);
}

/* Fill r from cluster c of the items' result. */
static void build(struct kr_recurring *r, const struct kr_pattern *c, const struct item *items,
                  const struct kr_recurring_session *in)
{
    memset(r, 0, sizeof *r);
    r->corner = c->corner;
    r->members = kr_xcalloc(c->n_notes, sizeof *r->members);
    for (size_t k = 0; k < c->n_notes; k++) {
        r->members[k].session = items[c->notes[k]].session;
        r->members[k].pattern = items[c->notes[k]].pattern;
    }
    r->n_members = c->n_notes;
    qsort(r->members, r->n_members, sizeof *r->members, cmp_member);
    r->sessions = kr_xcalloc(r->n_members, sizeof *r->sessions);
    size_t n_obs = 0;
    for (size_t k = 0; k < r->n_members; k++) {
        const struct kr_recurring_member *m = &r->members[k];
        if (r->n_sessions == 0 || r->sessions[r->n_sessions - 1] != m->session)
            r->sessions[r->n_sessions++] = m->session;
        n_obs += in[m->session].result->patterns[m->pattern].n_notes;
    }
    /* the shown notes as (session, note) pairs, by session and then note order */
    struct note_at *at = kr_xcalloc(n_obs ? n_obs : 1, sizeof *at);
    for (size_t k = 0; k < r->n_members; k++) {
        const struct kr_recurring_session *s = &in[r->members[k].session];
        const struct kr_pattern *p = &s->result->patterns[r->members[k].pattern];
        for (size_t i = 0; i < p->n_notes; i++)
            if (!hidden_note(s, p->notes[i]))
                at[r->n_observations++] = (struct note_at){r->members[k].session, p->notes[i]};
    }
    qsort(at, r->n_observations, sizeof *at, cmp_note_at);
    r->observations = kr_xcalloc(n_obs ? n_obs : 1, sizeof *r->observations);
    for (size_t i = 0; i < r->n_observations; i++)
        r->observations[i] = in[at[i].session].notes[at[i].note].id;
    free(at);
    /* The statement: a member with the group's own sentence (the largest such), else the
       most representative member's. */
    const struct item *rep = &items[c->representatives[0]];
    const struct kr_pattern *best = &in[rep->session].result->patterns[rep->pattern];
    const struct kr_pattern *group = NULL;
    for (size_t k = 0; k < r->n_members; k++) {
        const struct kr_pattern *p =
            &in[r->members[k].session].result->patterns[r->members[k].pattern];
        if (group_words(p) && (!group || p->n_notes > group->n_notes))
            group = p;
    }
    r->group_statement = group != NULL;
    r->statement = kr_names_replace(group ? group->statement : best->statement);
    r->id = kr_xasprintf("r-%s", best->id);
}

enum kr_status kr_recurring_compute(const struct kr_recurring_session *in, size_t n,
                                    double threshold, struct kr_recurring_result *out,
                                    struct kr_error *err)
{
    memset(out, 0, sizeof *out);
    struct item *items = NULL;
    struct kr_pattern_note *notes = NULL;
    size_t n_items = 0, cap = 0;
    enum kr_status r = KR_OK;
    struct kr_pattern_result res = {0};
    for (size_t s = 0; s < n; s++) {
        if (!in[s].id || !in[s].result) {
            r = kr_error_set(err, KR_INVALID, "Bijeenkomst %zu heeft geen id of patronen.", s + 1);
            goto out;
        }
        const struct kr_pattern_result *pr = in[s].result;
        for (size_t p = 0; p < pr->n_patterns; p++) {
            const struct kr_pattern *pt = &pr->patterns[p];
            if (pt->flagged || pt->corner == KR_CORNER_NONE)
                continue;
            struct kr_buf b = {0};
            for (size_t i = 0; i < pt->n_notes; i++) {
                size_t k = pt->notes[i];
                if (k >= in[s].n_notes || hidden_note(&in[s], k))
                    continue;
                kr_buf_puts(&b, in[s].notes[k].text);
                kr_buf_putc(&b, '\n');
            }
            if (b.len == 0) {
                kr_buf_fini(&b);
                continue;
            }
            KR_GROW(items, cap, n_items + 1);
            items[n_items++] = (struct item){s, p, kr_buf_steal(&b)};
        }
    }
    notes = kr_xcalloc(n_items ? n_items : 1, sizeof *notes);
    for (size_t i = 0; i < n_items; i++) {
        const struct kr_pattern *pt = &in[items[i].session].result->patterns[items[i].pattern];
        notes[i] = (struct kr_pattern_note){.id = pt->id,
                                            .visit_id = in[items[i].session].id,
                                            .text = items[i].text,
                                            .corner = pt->corner};
    }
    struct kr_pattern_options opt = {.threshold =
                                         threshold > 0 ? threshold : KR_RECURRING_THRESHOLD};
    r = kr_patterns_compute(notes, n_items, &opt, &res, err);
    if (r != KR_OK)
        goto out;
    size_t ocap = 0;
    for (size_t c = 0; c < res.n_patterns; c++) {
        const struct kr_pattern *pc = &res.patterns[c];
        if (pc->flagged || pc->n_visits < 2 || pc->n_representatives == 0)
            continue;
        KR_GROW(out->items, ocap, out->n + 1);
        build(&out->items[out->n++], pc, items, in);
    }
    if (out->n > 1)
        qsort(out->items, out->n, sizeof *out->items, cmp_recurring);
out:
    kr_pattern_result_fini(&res);
    for (size_t i = 0; i < n_items; i++)
        free(items[i].text);
    free(items);
    free(notes);
    return r;
}

void kr_recurring_result_fini(struct kr_recurring_result *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->items[i].id);
        free(r->items[i].statement);
        free(r->items[i].sessions);
        free(r->items[i].members);
        free(r->items[i].observations);
    }
    free(r->items);
    memset(r, 0, sizeof *r);
}
