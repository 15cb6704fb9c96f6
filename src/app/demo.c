/* SPDX-License-Identifier: MIT */
/*
 * The demo bijeenkomst (`kijkronde demo`, and the start screen of the TUI when the database
 * is empty): the plain data of demo_data.c turned into store calls, in one transaction, then
 * the extents the group confirmed as decisions of their own, as the debrief makes them.
 */
#include <stdlib.h>
#include <string.h>

#include "app_internal.h"
#include "demo_data.h"
#include "kijkronde/check.h"
#include "kijkronde/mem.h"
#include "kijkronde/names.h"
#include "kijkronde/network.h"
#include "kijkronde/reflection.h"

/* "2026-03-12" + "09:14:05" + "+01:00" -> heap ISO time. */
static char *demo_time(const char *hms)
{
    return kr_xasprintf("%sT%s%s%s", kr_demo_session.date, hms, strlen(hms) == 5 ? ":00" : "",
                        kr_demo_session.utc_offset);
}

/* The ids of the notes cited as "visit-key time" (heap array, caller frees); err on a typo. */
static enum kr_status demo_evidence(const char *const *cites, char **note_ids, char ***out,
                                    size_t *n, struct kr_error *err)
{
    *out = kr_xcalloc(KR_DEMO_MAX_EVIDENCE, sizeof **out);
    *n = 0;
    for (size_t c = 0; c < KR_DEMO_MAX_EVIDENCE && cites[c]; c++) {
        size_t i = 0;
        for (; i < kr_demo_n_notes; i++) {
            size_t kl = strlen(kr_demo_notes[i].visit);
            if (strncmp(cites[c], kr_demo_notes[i].visit, kl) == 0 && cites[c][kl] == ' ' &&
                strcmp(cites[c] + kl + 1, kr_demo_notes[i].time) == 0)
                break;
        }
        if (i == kr_demo_n_notes)
            return kr_error_set(err, KR_INVALID, "Demo: onbekende notitie '%s'.", cites[c]);
        (*out)[(*n)++] = kr_xstrdup(note_ids[i]);
    }
    return KR_OK;
}

static void free_ids(char **ids, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
}

/* The end of the debrief: the groepjes' theories of action and the next steps. */
static enum kr_status fill_debrief(struct kr_store *st, const char *session_id, char **note_ids,
                                   struct kr_error *err)
{
    enum kr_status r = KR_OK;
    for (size_t t = 0; r == KR_OK && t < kr_demo_n_toas; t++) {
        const struct kr_demo_toa *dt = &kr_demo_toas[t];
        struct kr_toa_version v = {
            .group = kr_xstrdup(dt->group),
            .schoolleiding = kr_xstrdup(dt->schoolleiding),
            .leraren = kr_xstrdup(dt->leraren),
            .leerlingen = kr_xstrdup(dt->leerlingen),
            .bewijs = dt->bewijs ? kr_xstrdup(dt->bewijs) : NULL,
        };
        r = demo_evidence(dt->evidence, note_ids, &v.evidence, &v.n_evidence, err);
        if (r == KR_OK)
            r = kr_store_toa_version_put(st, session_id, &v, err);
        if (r == KR_OK && dt->chosen)
            r = kr_store_toa_choose(st, session_id, v.id, err);
        kr_toa_version_fini(&v);
    }
    if (r == KR_OK)
        r = kr_store_phase_put(st, session_id, KR_PHASE_VOORSPELLEN, kr_demo_prediction, err);
    for (size_t i = 0; r == KR_OK && i < kr_demo_n_steps; i++) {
        const struct kr_demo_step *ds = &kr_demo_steps[i];
        struct kr_next_step n = {.text = kr_xstrdup(ds->text)};
        if (!kr_actor_parse(ds->actor, &n.actor) || !kr_horizon_parse(ds->horizon, &n.horizon))
            r = kr_error_set(err, KR_INVALID,
                             "Demo: stap %zu heeft een onbekende actor of termijn.", i + 1);
        if (r == KR_OK)
            r = demo_evidence(ds->evidence, note_ids, &n.evidence, &n.n_evidence, err);
        if (r == KR_OK)
            r = kr_store_step_put(st, session_id, &n, err);
        kr_next_step_fini(&n);
    }
    return r;
}

/* The reflection's question "does this note judge?", as the TUI and the summary ask it. */
static bool judges(const char *text, void *ctx)
{
    struct kr_finding_list f = {0};
    bool yes = kr_check(ctx, text, strlen(text), &f) > 0 && kr_findings_judge(&f);
    kr_finding_list_fini(&f);
    return yes;
}

/*
 * The extents the group confirmed (kr_demo_extents), each on the pattern that holds its
 * note, as the debrief's analyseren does it: a decision of its own, so after the fill's
 * transaction, and the reflection loaded again after each (it renumbers the patterns).
 */
static enum kr_status demo_extents(struct kr_store *st, const char *session_id,
                                   struct kr_error *err)
{
    struct kr_checker *checker = NULL;
    enum kr_status r = kr_checker_new_network(&checker, err);
    for (size_t e = 0; r == KR_OK && e < kr_demo_n_extents; e++) {
        const char *cite = kr_demo_extents[e].note;
        size_t d = 0;
        for (; d < kr_demo_n_notes; d++) {
            size_t kl = strlen(kr_demo_notes[d].visit);
            if (strncmp(cite, kr_demo_notes[d].visit, kl) == 0 && cite[kl] == ' ' &&
                strcmp(cite + kl + 1, kr_demo_notes[d].time) == 0)
                break;
        }
        if (d == kr_demo_n_notes) {
            r = kr_error_set(err, KR_INVALID, "Demo: onbekende notitie '%s'.", cite);
            break;
        }
        struct kr_reflection rf;
        r = kr_reflection_load(st, session_id, judges, checker, &rf, err);
        size_t i = 0;
        while (r == KR_OK && i < rf.obs.n && strcmp(rf.obs.items[i].text, kr_demo_notes[d].text))
            i++;
        if (r == KR_OK && i == rf.obs.n)
            r = kr_error_set(err, KR_INVALID, "Demo: notitie '%s' staat niet in de bijeenkomst.",
                             cite);
        if (r == KR_OK)
            r = kr_reflection_set_extent(st, &rf, rf.result.pattern_of[i],
                                         kr_demo_extents[e].extent, err);
        kr_reflection_fini(&rf);
    }
    kr_checker_free(checker);
    return r;
}

static enum kr_status fill(struct kr_store *st, char **id_out, struct kr_error *err)
{
    enum kr_status r;
    struct kr_network net = {.name = kr_xstrdup(kr_demo_session.network)};
    struct kr_session se = {0};
    char **tweetal_ids = kr_xcalloc(kr_demo_n_tweetallen, sizeof *tweetal_ids);
    char **visit_ids = kr_xcalloc(kr_demo_n_visits, sizeof *visit_ids);
    char **note_ids = kr_xcalloc(kr_demo_n_notes, sizeof *note_ids);

    r = kr_store_network_add(st, &net, err);
    if (r != KR_OK)
        goto out;
    se.network_id = kr_xstrdup(net.id);
    se.kind = kr_xstrdup("vervolg");
    se.date = kr_xstrdup(kr_demo_session.date);
    se.host_school = kr_xstrdup(kr_demo_session.host_school);
    kr_basis_parse(kr_demo_session.basisvaardigheid, &se.basis);
    se.ontwikkelvraag = kr_xstrdup(kr_demo_session.ontwikkelvraag);
    se.kijkvraag_id = kr_xstrdup(kr_demo_session.kijkvraag_id);
    se.kijkvraag_text = kr_xstrdup(kr_demo_session.kijkvraag);
    se.is_demo = true;
    r = kr_store_session_add(st, &se, err);
    for (size_t i = 0; r == KR_OK && i < kr_demo_n_tweetallen; i++) {
        const struct kr_demo_tweetal *dt = &kr_demo_tweetallen[i];
        struct kr_tweetal t = {.session_id = kr_xstrdup(se.id), .name = kr_xstrdup(dt->name)};
        r = kr_store_tweetal_add(st, &t, err);
        tweetal_ids[i] = t.id;
        t.id = NULL;
        kr_tweetal_fini(&t);
        for (size_t m = 0; r == KR_OK && m < 2; m++) {
            struct kr_participant p = {
                .session_id = kr_xstrdup(se.id),
                .tweetal_id = kr_xstrdup(tweetal_ids[i]),
                .name = kr_xstrdup(dt->members[m].name),
                .role = kr_xstrdup(dt->members[m].role),
                .school = kr_xstrdup(dt->members[m].school),
            };
            r = kr_store_participant_add(st, &p, err);
            kr_participant_fini(&p);
        }
    }
    for (size_t i = 0; r == KR_OK && i < kr_demo_n_visits; i++) {
        const struct kr_demo_visit *dv = &kr_demo_visits[i];
        struct kr_visit v = {
            .session_id = kr_xstrdup(se.id),
            .tweetal_id = kr_xstrdup(tweetal_ids[dv->tweetal]),
            .label = kr_xstrdup(dv->label),
            .subject = kr_xstrdup(dv->subject),
            .started_at = demo_time(dv->start),
            .ended_at = demo_time(dv->end),
        };
        r = kr_store_visit_add(st, &v, err);
        visit_ids[i] = v.id;
        v.id = NULL;
        kr_visit_fini(&v);
    }
    for (size_t i = 0; r == KR_OK && i < kr_demo_n_notes; i++) {
        const struct kr_demo_note *dn = &kr_demo_notes[i];
        size_t vi = 0;
        while (vi < kr_demo_n_visits && strcmp(kr_demo_visits[vi].key, dn->visit) != 0)
            vi++;
        if (vi == kr_demo_n_visits) {
            r = kr_error_set(err, KR_INVALID, "Demo: onbekend bezoek '%s'.", dn->visit);
            break;
        }
        const struct kr_demo_tweetal *dt = &kr_demo_tweetallen[kr_demo_visits[vi].tweetal];
        struct kr_observation o = {
            .visit_id = kr_xstrdup(visit_ids[vi]),
            .at = demo_time(dn->time),
            .text = kr_xstrdup(dn->text),
            .observer = kr_xstrdup(dt->members[dn->observer ? 1 : 0].name),
        };
        kr_corner_parse(dn->corner, &o.corner);
        r = kr_store_obs_add(st, &o, err);
        note_ids[i] = o.id;
        o.id = NULL;
        kr_observation_fini(&o);
    }
    if (r == KR_OK)
        r = fill_debrief(st, se.id, note_ids, err);
    if (r == KR_OK) {
        *id_out = se.id;
        se.id = NULL;
    }
out:
    for (size_t i = 0; i < kr_demo_n_tweetallen; i++)
        free(tweetal_ids[i]);
    for (size_t i = 0; i < kr_demo_n_visits; i++)
        free(visit_ids[i]);
    free(tweetal_ids);
    free(visit_ids);
    free_ids(note_ids, kr_demo_n_notes);
    kr_network_fini(&net);
    kr_session_fini(&se);
    return r;
}

enum kr_status kr_app_demo_fill(struct kr_app *app, char **id_out, bool *created,
                                struct kr_error *err)
{
    struct kr_store *st = app->st;
    *created = false;
    enum kr_status r = kr_store_session_demo(st, id_out, NULL);
    if (r == KR_OK)
        return KR_OK;
    r = kr_store_begin(st, err);
    if (r != KR_OK)
        return r;
    r = fill(st, id_out, err);
    if (r == KR_OK)
        r = kr_store_commit(st, err);
    else
        kr_store_rollback(st);
    *created = r == KR_OK;
    if (r == KR_OK)
        r = demo_extents(st, *id_out, err);
    return r;
}
