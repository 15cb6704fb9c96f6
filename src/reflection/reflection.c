/* SPDX-License-Identifier: MIT */
/*
 * The shared reflection: patterns with the group's decisions laid over them. A decision
 * first "claims" the patterns it touches: an automatic pattern becomes a group pattern
 * with its current name, and its notes are pinned to it. Then the decision itself is a
 * plain change of pins, corners or names, all in one transaction.
 */
#include "kijkronde/reflection.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "kijkronde/store.h"

void kr_reflection_fini(struct kr_reflection *r)
{
    free(r->session_id);
    kr_session_fini(&r->session);
    kr_visit_list_fini(&r->visits);
    kr_observation_list_fini(&r->obs);
    kr_group_pattern_list_fini(&r->groups);
    kr_group_note_list_fini(&r->placements);
    free(r->group_corner);
    free(r->flagged);
    kr_pattern_result_fini(&r->result);
    free(r->proposed);
    free(r->confirmed);
    memset(r, 0, sizeof *r);
}

/* The placement of note i by the group, or NULL. Placements are sorted by observation id. */
static const struct kr_group_note *placement_of(const struct kr_reflection *r, const char *obs_id)
{
    size_t lo = 0, hi = r->placements.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(r->placements.items[mid].observation_id, obs_id);
        if (c == 0)
            return &r->placements.items[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const char *const kr_reflection_extents[4] = {"enkele", "sommige", "veel", "de meeste"};

/* The group's confirmed extents over the computed ones; the proposal is kept beside. */
static void apply_extents(struct kr_reflection *out)
{
    size_t np = out->result.n_patterns, alloc = np ? np : 1;
    out->proposed = kr_xcalloc(alloc, sizeof *out->proposed);
    out->confirmed = kr_xcalloc(alloc, sizeof *out->confirmed);
    for (size_t p = 0; p < np; p++) {
        struct kr_pattern *pt = &out->result.patterns[p];
        out->proposed[p] = pt->extent;
        if (!pt->group || pt->flagged)
            continue;
        for (size_t g = 0; g < out->groups.n; g++) {
            const struct kr_group_pattern *gp = &out->groups.items[g];
            if (!gp->extent || strcmp(gp->id, pt->id) != 0)
                continue;
            for (size_t e = 0; e < 4; e++)
                if (strcmp(gp->extent, kr_reflection_extents[e]) == 0) {
                    pt->extent = kr_reflection_extents[e];
                    out->confirmed[p] = true;
                }
        }
    }
}

enum kr_status kr_reflection_load(struct kr_store *st, const char *session_id,
                                  bool (*flagged)(const char *text, void *ctx), void *ctx,
                                  struct kr_reflection *out, struct kr_error *err)
{
    memset(out, 0, sizeof *out);
    out->session_id = kr_xstrdup(session_id);
    struct kr_obs_filter f = {.session_id = session_id};
    enum kr_status r = kr_store_session_get(st, session_id, &out->session, err);
    /* Too many notes for patterns: said before anything is read (the kept count), so the
       reflection of 1,000,000 notes opens at once with the message instead of reading them
       all (700 MB) to refuse them afterwards. */
    if (r == KR_OK && out->session.n_observations > KR_PATTERNS_MAX_NOTES) {
        out->too_many = true;
        return kr_error_set(err, KR_INVALID,
                            "Deze bijeenkomst heeft %ld notities; patronen zoeken kan tot %d"
                            " notities per bijeenkomst. Splits de bijeenkomst in kleinere"
                            " (bijvoorbeeld per dag of per school) en zoek daar patronen",
                            out->session.n_observations, KR_PATTERNS_MAX_NOTES);
    }
    if (r == KR_OK)
        r = kr_store_visit_list(st, session_id, &out->visits, err);
    if (r == KR_OK)
        r = kr_store_obs_list(st, &f, &out->obs, err);
    if (r == KR_OK)
        r = kr_store_group_load(st, session_id, &out->groups, &out->placements, err);
    if (r != KR_OK)
        return r;
    size_t n = out->obs.n, alloc = n ? n : 1;
    out->group_corner = kr_xcalloc(alloc, sizeof *out->group_corner);
    out->flagged = kr_xcalloc(alloc, sizeof *out->flagged);
    struct kr_pattern_note *notes = kr_xcalloc(alloc, sizeof *notes);
    const char **pins = kr_xcalloc(alloc, sizeof *pins);
    struct kr_pattern_group *groups = kr_xcalloc(out->groups.n ? out->groups.n : 1, sizeof *groups);
    for (size_t g = 0; g < out->groups.n; g++)
        groups[g] = (struct kr_pattern_group){out->groups.items[g].id, out->groups.items[g].corner,
                                              out->groups.items[g].label};
    for (size_t i = 0; i < n; i++) {
        const struct kr_observation *o = &out->obs.items[i];
        const struct kr_group_note *gn = placement_of(out, o->id);
        out->group_corner[i] = gn ? gn->corner : KR_CORNER_NONE;
        pins[i] = gn ? gn->pattern_id : NULL;
        /* Set aside in the screening, or judging: apart from the patterns either way. */
        out->flagged[i] = (o->keep_reason && strcmp(o->keep_reason, KR_REFLECTION_APART) == 0) ||
                          (flagged && o->text && flagged(o->text, ctx));
        notes[i] = (struct kr_pattern_note){
            o->id, o->visit_id, o->text ? o->text : "",
            out->group_corner[i] != KR_CORNER_NONE ? out->group_corner[i] : o->corner,
            out->flagged[i]};
    }
    struct kr_pattern_options opt = {.groups = groups, .n_groups = out->groups.n, .pins = pins};
    r = kr_patterns_compute(notes, n, &opt, &out->result, err);
    free(notes);
    free(pins);
    free(groups);
    if (r == KR_OK)
        apply_extents(out);
    return r;
}

const char *kr_reflection_placed_by(const struct kr_reflection *r, size_t i)
{
    if (i >= r->obs.n)
        return "";
    /* Who chose the note's corner: the group only when it put the note in a corner (or in a
     * pattern of another corner); renaming or merging its pattern is not a placement. */
    const struct kr_group_note *gn = placement_of(r, r->obs.items[i].id);
    if (gn && gn->corner != KR_CORNER_NONE)
        return "groep";
    return r->result.auto_placed[i] ? "kijkronde" : "observator";
}

size_t kr_reflection_visit(const struct kr_reflection *r, const char *visit_id)
{
    for (size_t i = 0; i < r->visits.n; i++)
        if (strcmp(r->visits.items[i].id, visit_id) == 0)
            return i;
    return SIZE_MAX;
}

/* ---- decisions ---- */

static enum kr_status check_pattern(const struct kr_reflection *r, size_t p, struct kr_error *err)
{
    if (p >= r->result.n_patterns)
        return kr_error_set(err, KR_NOT_FOUND, "Dat patroon bestaat niet (meer).");
    return KR_OK;
}

/* Pin every note of pattern p to the group pattern id, keeping each note's group corner. */
static enum kr_status pin_all(struct kr_store *st, const struct kr_reflection *r, size_t p,
                              const char *id, struct kr_error *err)
{
    const struct kr_pattern *pt = &r->result.patterns[p];
    enum kr_status s = KR_OK;
    for (size_t i = 0; i < pt->n_notes && s == KR_OK; i++)
        s = kr_store_group_note_put(st, r->session_id, r->obs.items[pt->notes[i]].id,
                                    r->group_corner[pt->notes[i]], id, err);
    return s;
}

/* Make pattern p a group pattern (when it is not one yet); *id gets its id (heap). */
static enum kr_status claim(struct kr_store *st, const struct kr_reflection *r, size_t p, char **id,
                            struct kr_error *err)
{
    const struct kr_pattern *pt = &r->result.patterns[p];
    if (pt->group) {
        *id = kr_xstrdup(pt->id);
        return KR_OK;
    }
    struct kr_group_pattern g = {NULL, pt->corner, pt->label, NULL};
    enum kr_status s = kr_store_group_pattern_put(st, r->session_id, &g, err);
    *id = g.id;
    if (s == KR_OK)
        s = pin_all(st, r, p, g.id, err);
    return s;
}

/* Run a decision in one transaction. */
static enum kr_status finish(struct kr_store *st, enum kr_status s, struct kr_error *err)
{
    if (s != KR_OK) {
        kr_store_rollback(st);
        return s;
    }
    return kr_store_commit(st, err);
}

enum kr_status kr_reflection_rename(struct kr_store *st, const struct kr_reflection *r,
                                    size_t pattern, const char *label, struct kr_error *err)
{
    enum kr_status s = check_pattern(r, pattern, err);
    if (s != KR_OK)
        return s;
    if (!label || !label[0])
        return kr_error_set(err, KR_INVALID, "Een patroon heeft een naam nodig.");
    if ((s = kr_store_begin(st, err)) != KR_OK)
        return s;
    char *id = NULL;
    s = claim(st, r, pattern, &id, err);
    if (s == KR_OK) {
        struct kr_group_pattern g = {id, r->result.patterns[pattern].corner, (char *)label, NULL};
        s = kr_store_group_pattern_put(st, r->session_id, &g, err);
    }
    free(id);
    return finish(st, s, err);
}

enum kr_status kr_reflection_set_extent(struct kr_store *st, const struct kr_reflection *r,
                                        size_t pattern, const char *extent, struct kr_error *err)
{
    enum kr_status s = check_pattern(r, pattern, err);
    if (s != KR_OK)
        return s;
    if (r->result.patterns[pattern].flagged)
        return kr_error_set(err, KR_INVALID,
                            "De notities met een oordeel hebben geen omvang: herschrijf ze eerst.");
    if ((s = kr_store_begin(st, err)) != KR_OK)
        return s;
    char *id = NULL;
    s = claim(st, r, pattern, &id, err);
    if (s == KR_OK)
        s = kr_store_group_pattern_extent(st, id, extent, err);
    free(id);
    return finish(st, s, err);
}

enum kr_status kr_reflection_move_note(struct kr_store *st, const struct kr_reflection *r,
                                       size_t note, size_t pattern, struct kr_error *err)
{
    enum kr_status s = check_pattern(r, pattern, err);
    if (s != KR_OK)
        return s;
    if (note >= r->obs.n)
        return kr_error_set(err, KR_NOT_FOUND, "Die notitie bestaat niet (meer).");
    if ((s = kr_store_begin(st, err)) != KR_OK)
        return s;
    char *id = NULL;
    s = claim(st, r, pattern, &id, err);
    enum kr_corner c = r->result.patterns[pattern].corner;
    if (s == KR_OK)
        s = kr_store_group_note_put(st, r->session_id, r->obs.items[note].id, c, id, err);
    free(id);
    return finish(st, s, err);
}

enum kr_status kr_reflection_set_corner(struct kr_store *st, const struct kr_reflection *r,
                                        size_t note, enum kr_corner corner, struct kr_error *err)
{
    if (note >= r->obs.n)
        return kr_error_set(err, KR_NOT_FOUND, "Die notitie bestaat niet (meer).");
    if (corner == KR_CORNER_NONE)
        return kr_error_set(err, KR_INVALID, "Kies een hoek: leerling, leraar of leerinhoud.");
    return kr_store_group_note_put(st, r->session_id, r->obs.items[note].id, corner, NULL, err);
}

enum kr_status kr_reflection_merge(struct kr_store *st, const struct kr_reflection *r, size_t into,
                                   size_t from, struct kr_error *err)
{
    enum kr_status s = check_pattern(r, into, err);
    if (s == KR_OK)
        s = check_pattern(r, from, err);
    if (s != KR_OK)
        return s;
    if (into == from)
        return kr_error_set(err, KR_INVALID,
                            "Kies twee verschillende patronen om samen te voegen.");
    if ((s = kr_store_begin(st, err)) != KR_OK)
        return s;
    char *id = NULL;
    s = claim(st, r, into, &id, err);
    const struct kr_pattern *pf = &r->result.patterns[from];
    enum kr_corner c = r->result.patterns[into].corner;
    for (size_t i = 0; i < pf->n_notes && s == KR_OK; i++)
        s = kr_store_group_note_put(st, r->session_id, r->obs.items[pf->notes[i]].id,
                                    pf->corner == c ? r->group_corner[pf->notes[i]] : c, id, err);
    if (s == KR_OK && pf->group)
        s = kr_store_group_pattern_delete(st, pf->id, err);
    free(id);
    return finish(st, s, err);
}

enum kr_status kr_reflection_split(struct kr_store *st, const struct kr_reflection *r,
                                   size_t pattern, const size_t *notes, size_t n, const char *label,
                                   struct kr_error *err)
{
    enum kr_status s = check_pattern(r, pattern, err);
    if (s != KR_OK)
        return s;
    const struct kr_pattern *pt = &r->result.patterns[pattern];
    if (n == 0 || n >= pt->n_notes)
        return kr_error_set(err, KR_INVALID,
                            "Kies een deel van de notities van het patroon om af te splitsen.");
    for (size_t i = 0; i < n; i++)
        if (notes[i] >= r->obs.n || r->result.pattern_of[notes[i]] != pattern)
            return kr_error_set(err, KR_INVALID, "Een gekozen notitie hoort niet bij dit patroon.");
    if ((s = kr_store_begin(st, err)) != KR_OK)
        return s;
    char *id = NULL;
    s = claim(st, r, pattern, &id, err);
    struct kr_group_pattern g = {NULL, pt->corner, (char *)(label && label[0] ? label : pt->label),
                                 NULL};
    if (s == KR_OK)
        s = kr_store_group_pattern_put(st, r->session_id, &g, err);
    for (size_t i = 0; i < n && s == KR_OK; i++)
        s = kr_store_group_note_put(st, r->session_id, r->obs.items[notes[i]].id,
                                    r->group_corner[notes[i]], g.id, err);
    free(g.id);
    free(id);
    return finish(st, s, err);
}

/* ---- calibration ---- */

void kr_reflection_calibration(const struct kr_reflection *r, struct kr_calibration *out)
{
    memset(out, 0, sizeof *out);
    size_t n = r->obs.n;
    enum kr_corner *own = kr_xcalloc(n ? n : 1, sizeof *own);
    out->notes = kr_xcalloc(n ? n : 1, sizeof *out->notes);
    for (size_t i = 0; i < n; i++) {
        own[i] = r->obs.items[i].corner;
        if (own[i] == KR_CORNER_NONE)
            continue;
        enum kr_corner fin = r->result.corner[i];
        out->per[own[i]][fin]++;
        if (fin != own[i])
            out->notes[out->differ++] = i;
    }
    out->kappa = kr_cohen_kappa(own, r->result.corner, n, &out->compared);
    free(own);
}

void kr_calibration_fini(struct kr_calibration *c)
{
    free(c->notes);
    memset(c, 0, sizeof *c);
}

const char *kr_calibration_explained(void)
{
    return "Cohens kappa zegt hoe vaak de observatoren een notitie in dezelfde hoek plaatsten "
           "als de groep uiteindelijk deed, gecorrigeerd voor wat je door toeval al zou "
           "verwachten: 1 is helemaal eens, 0 is niet beter dan gokken, en boven 0,6 is de "
           "overeenstemming goed.";
}
