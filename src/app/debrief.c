/* SPDX-License-Identifier: MIT */
/*
 * The shared reflection and the debrief: the patterns with the group's decisions (notes
 * flagged by the app's one checker), the phases, the theory of action per groepje and the
 * next steps with their follow-up.
 */
#include <string.h>

#include "app_internal.h"
#include "kijkronde/check.h"
#include "kijkronde/names.h"

/* A note judges when the checker finds judging words (a name alone is no judgement). */
struct judge_ctx {
    struct kr_checker *checker;
    struct kr_finding_list findings;
};

static bool judging(const char *text, void *ctx)
{
    struct judge_ctx *j = ctx;
    return j->checker && kr_check(j->checker, text, strlen(text), &j->findings) > 0 &&
           kr_findings_judge(&j->findings);
}

enum kr_status kr_app_reflection_load(struct kr_app *app, const char *session_id,
                                      struct kr_reflection *out, struct kr_error *err)
{
    struct judge_ctx j = {kr_app_checker(app, NULL), {0}};
    enum kr_status r = kr_reflection_load(app->st, session_id, judging, &j, out, err);
    kr_finding_list_fini(&j.findings);
    return r;
}

enum kr_status kr_app_pattern_rename(struct kr_app *app, const struct kr_reflection *r,
                                     size_t pattern, const char *label, struct kr_error *err)
{
    return kr_reflection_rename(app->st, r, pattern, label, err);
}

enum kr_status kr_app_pattern_move_note(struct kr_app *app, const struct kr_reflection *r,
                                        size_t note, size_t pattern, struct kr_error *err)
{
    return kr_reflection_move_note(app->st, r, note, pattern, err);
}

enum kr_status kr_app_pattern_note_corner(struct kr_app *app, const struct kr_reflection *r,
                                          size_t note, enum kr_corner c, struct kr_error *err)
{
    return kr_reflection_set_corner(app->st, r, note, c, err);
}

enum kr_status kr_app_pattern_merge(struct kr_app *app, const struct kr_reflection *r, size_t into,
                                    size_t from, struct kr_error *err)
{
    return kr_reflection_merge(app->st, r, into, from, err);
}

enum kr_status kr_app_pattern_split(struct kr_app *app, const struct kr_reflection *r,
                                    size_t pattern, const size_t *notes, size_t n,
                                    const char *label, struct kr_error *err)
{
    return kr_reflection_split(app->st, r, pattern, notes, n, label, err);
}

enum kr_status kr_app_pattern_extent(struct kr_app *app, const struct kr_reflection *r,
                                     size_t pattern, const char *extent, struct kr_error *err)
{
    return kr_reflection_set_extent(app->st, r, pattern, extent, err);
}

/* ---- phases and the theory of action ---- */

enum kr_status kr_app_phase_get(struct kr_app *app, const char *session_id, enum kr_phase p,
                                char **out, struct kr_error *err)
{
    return kr_store_phase_get(app->st, session_id, p, out, err);
}

enum kr_status kr_app_phase_put(struct kr_app *app, const char *session_id, enum kr_phase p,
                                const char *text, struct kr_error *err)
{
    return kr_store_phase_put(app->st, session_id, p, text, err);
}

enum kr_status kr_app_toa_get(struct kr_app *app, const char *session_id,
                              struct kr_theory_of_action *out, struct kr_error *err)
{
    return kr_store_toa_get(app->st, session_id, out, err);
}

enum kr_status kr_app_toa_put(struct kr_app *app, const char *session_id,
                              const struct kr_theory_of_action *t, struct kr_error *err)
{
    return kr_store_toa_put(app->st, session_id, t, err);
}

enum kr_status kr_app_toa_versions(struct kr_app *app, const char *session_id,
                                   struct kr_toa_list *out, struct kr_error *err)
{
    return kr_store_toa_list(app->st, session_id, out, err);
}

enum kr_status kr_app_toa_version_put(struct kr_app *app, const char *session_id,
                                      struct kr_toa_version *v, struct kr_error *err)
{
    return kr_store_toa_version_put(app->st, session_id, v, err);
}

enum kr_status kr_app_toa_version_delete(struct kr_app *app, const char *id, struct kr_error *err)
{
    return kr_store_toa_version_delete(app->st, id, err);
}

enum kr_status kr_app_toa_choose(struct kr_app *app, const char *session_id, const char *id,
                                 struct kr_error *err)
{
    return kr_store_toa_choose(app->st, session_id, id, err);
}

/* ---- next steps ---- */

enum kr_status kr_app_steps(struct kr_app *app, const char *session_id,
                            struct kr_next_step_list *out, struct kr_error *err)
{
    return kr_store_step_list(app->st, session_id, out, err);
}

enum kr_status kr_app_step_put(struct kr_app *app, const char *session_id, struct kr_next_step *s,
                               struct kr_error *err)
{
    return kr_store_step_put(app->st, session_id, s, err);
}

enum kr_status kr_app_step_delete(struct kr_app *app, const char *id, struct kr_error *err)
{
    return kr_store_step_delete(app->st, id, err);
}

enum kr_status kr_app_steps_reorder(struct kr_app *app, const char *session_id,
                                    const char *const *ids, size_t n, struct kr_error *err)
{
    return kr_store_step_reorder(app->st, session_id, ids, n, err);
}

enum kr_status kr_app_step_follow_up(struct kr_app *app, const char *id, const char *session_id,
                                     enum kr_follow_status status, const char *text,
                                     struct kr_error *err)
{
    return kr_store_step_follow_up(app->st, id, session_id, status, text, err);
}
