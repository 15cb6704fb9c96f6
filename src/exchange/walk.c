/* SPDX-License-Identifier: MIT */
/*
 * The one walk over a summary (walk.h): what every writer shows and in which order. A
 * callback that is NULL is skipped; a section a writer does not ask for is not walked.
 */
#include "walk.h"

#include <assert.h>

#define CALL(w, fn, ...)                                                                           \
    do {                                                                                           \
        if ((w)->fn)                                                                               \
            (w)->fn(__VA_ARGS__);                                                                  \
    } while (0)

static bool wants(const struct kr_summary_writer *w, enum kr_walk_section sec)
{
    return (w->sections & KR_WALK_BIT(sec)) != 0;
}

static void walk_notes(const struct kr_summary *s, const struct kr_summary_writer *w, void *ctx)
{
    for (size_t i = 0; i < s->obs.n; i++)
        CALL(w, row, ctx, s, i);
}

static void walk_patterns(const struct kr_summary *s, const struct kr_summary_writer *w, void *ctx)
{
    if (!s->have_patterns)
        return;
    for (enum kr_corner c = KR_CORNER_LEERLING; c <= KR_CORNER_LEERINHOUD; c++) {
        CALL(w, corner_begin, ctx, s, c);
        size_t shown = 0;
        for (size_t p = 0; p < s->refl.result.n_patterns; p++) {
            if (s->refl.result.patterns[p].corner != c || !kr_summary_pattern_shown(s, p))
                continue;
            const struct kr_summary_pattern *sp = &s->pat[p];
            shown++;
            CALL(w, pattern, ctx, s, p);
            for (size_t k = 0; k < sp->n_representatives; k++)
                CALL(w, example, ctx, s, p, k, sp->representatives[k]);
            CALL(w, pattern_end, ctx, s, p);
        }
        CALL(w, corner_end, ctx, s, c, shown, kr_write_singles(s, c));
    }
}

static void walk_compare(const struct kr_summary *s, const struct kr_summary_writer *w, void *ctx)
{
    static const enum kr_pattern_kind kinds[] = {KR_PATTERN_OVEREENKOMST, KR_PATTERN_VERSCHIL};
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        CALL(w, kind_begin, ctx, s, kinds[k]);
        size_t n = 0;
        for (size_t p = 0; p < s->refl.result.n_patterns; p++) {
            if (s->pat[p].kind != kinds[k] || !kr_summary_pattern_shown(s, p))
                continue;
            n++;
            CALL(w, kind_item, ctx, s, p);
        }
        CALL(w, kind_end, ctx, s, kinds[k], n);
    }
}

static void walk_sub(const struct kr_summary *s, const struct kr_summary_writer *w, void *ctx,
                     enum kr_walk_section sec)
{
    CALL(w, section_begin, ctx, s, sec);
    if (sec == KR_WALK_TOAS) {
        for (size_t k = 0; k < s->toas.n; k++)
            CALL(w, toa, ctx, s, k);
    } else if (sec == KR_WALK_STEPS) {
        for (int a = 0; a < KR_ACTOR_COUNT; a++) {
            size_t n = 0;
            for (size_t k = 0; k < s->steps.n; k++) {
                if ((int)s->steps.items[k].actor != a)
                    continue;
                if (!n++)
                    CALL(w, actor_begin, ctx, s, (enum kr_actor)a);
                CALL(w, step, ctx, s, k);
            }
            if (n)
                CALL(w, actor_end, ctx, s, (enum kr_actor)a);
        }
    }
    CALL(w, section_end, ctx, s, sec);
}

static void walk_debrief(const struct kr_summary *s, const struct kr_summary_writer *w, void *ctx)
{
    for (int p = 0; p < KR_PHASE_COUNT; p++)
        if (s->phases[p] && *s->phases[p])
            CALL(w, phase, ctx, s, (enum kr_phase)p);
    if (s->toas.n)
        walk_sub(s, w, ctx, KR_WALK_TOAS);
    if (s->steps.n)
        walk_sub(s, w, ctx, KR_WALK_STEPS);
    /* (the single version of before schema 8 is among s->toas; this is for a summary built
       without them) */
    const struct kr_theory_of_action *t = &s->toa;
    if (!s->toas.n && (t->schoolleiding || t->leraren || t->leerlingen || t->bewijs))
        walk_sub(s, w, ctx, KR_WALK_OLD_TOA);
}

static void walk_appendix(const struct kr_summary *s, const struct kr_summary_writer *w, void *ctx)
{
    for (size_t v = 0; v <= s->visits.n; v++) {
        size_t n = s->visit_shown[v];
        if (v == s->visits.n && n == 0)
            break;
        CALL(w, visit_begin, ctx, s, v, n);
        for (size_t k = s->visit_start[v]; k < s->visit_start[v + 1]; k++) {
            size_t i = s->by_visit[k];
            if (kr_summary_shown(s, i))
                CALL(w, note, ctx, s, i);
        }
        size_t weg = v < s->visits.n ? s->judging_per_visit[v] : 0;
        CALL(w, visit_end, ctx, s, v, s->opts.include_judging ? 0 : weg);
    }
}

void kr_summary_walk(const struct kr_summary *s, const struct kr_summary_writer *w, void *ctx)
{
    assert(s && w);
    CALL(w, begin, ctx, s);
    for (int sec = 0; sec < KR_WALK_SECTION_COUNT; sec++) {
        if (!wants(w, (enum kr_walk_section)sec))
            continue;
        if ((sec == KR_WALK_COMPARE && !s->have_patterns) ||
            (sec == KR_WALK_DEBRIEF && !kr_summary_has_debrief(s)))
            continue;
        if (sec == KR_WALK_TOAS || sec == KR_WALK_STEPS || sec == KR_WALK_OLD_TOA)
            continue; /* walked inside the debrief */
        CALL(w, section_begin, ctx, s, (enum kr_walk_section)sec);
        switch ((enum kr_walk_section)sec) {
        case KR_WALK_NOTES:
            walk_notes(s, w, ctx);
            break;
        case KR_WALK_PATTERNS:
            walk_patterns(s, w, ctx);
            break;
        case KR_WALK_COMPARE:
            walk_compare(s, w, ctx);
            break;
        case KR_WALK_DEBRIEF:
            walk_debrief(s, w, ctx);
            break;
        case KR_WALK_APPENDIX:
            walk_appendix(s, w, ctx);
            break;
        default:
            break;
        }
        CALL(w, section_end, ctx, s, (enum kr_walk_section)sec);
    }
    CALL(w, end, ctx, s);
}
