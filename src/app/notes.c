/* SPDX-License-Identifier: MIT */
/*
 * The notes: add (also from the round's draft or a recovery file), edit, place in a corner,
 * keep as it is, delete, page through and search; the undo of those steps (and of deleting a
 * bijeenkomst); and the queue of notes the database refused, retried in order.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "app_internal.h"
#include "kijkronde/mem.h"

/* ---- undo ---- */

static void undo_free(struct app_undo *u)
{
    free(u->id);
    free(u->text);
    memset(u, 0, sizeof *u);
}

void app_undo_push(struct kr_app *app, enum kr_app_undo_kind kind, const char *id, const char *text,
                   enum kr_corner corner)
{
    if (app->n_undo == KR_APP_UNDO_MAX) {
        undo_free(&app->undo[0]);
        memmove(app->undo, app->undo + 1, (KR_APP_UNDO_MAX - 1) * sizeof app->undo[0]);
        app->n_undo--;
    }
    struct app_undo *u = &app->undo[app->n_undo++];
    u->kind = kind;
    u->id = kr_xstrdup(id);
    u->text = text ? kr_xstrdup(text) : NULL;
    u->corner = corner;
}

void kr_app_undo_forget(struct kr_app *app)
{
    while (app->n_undo)
        undo_free(&app->undo[--app->n_undo]);
}

void kr_app_undone_fini(struct kr_app_undone *u)
{
    free(u->id);
    free(u->name);
    memset(u, 0, sizeof *u);
}

enum kr_status kr_app_undo(struct kr_app *app, struct kr_app_undone *out, struct kr_error *err)
{
    memset(out, 0, sizeof *out);
    if (app->n_undo == 0)
        return KR_NOT_FOUND;
    struct app_undo *u = &app->undo[app->n_undo - 1];
    enum kr_status r;
    switch (u->kind) {
    case KR_APP_UNDO_ADD:
        r = kr_store_obs_delete(app->st, u->id, err);
        break;
    case KR_APP_UNDO_EDIT:
        r = kr_store_obs_edit(app->st, u->id, u->text, u->corner, err);
        break;
    case KR_APP_UNDO_DELETE:
        r = kr_store_obs_restore(app->st, u->id, err);
        break;
    case KR_APP_UNDO_SESSION_DELETE:
        r = kr_store_session_restore(app->st, u->id, err);
        break;
    case KR_APP_UNDO_PLACE:
    default:
        r = kr_store_obs_set_corner(app->st, u->id, u->corner, err);
        break;
    }
    if (r != KR_OK)
        return r;
    out->kind = u->kind;
    out->id = u->id;
    out->name = u->kind == KR_APP_UNDO_SESSION_DELETE ? u->text : NULL;
    if (u->kind != KR_APP_UNDO_SESSION_DELETE)
        free(u->text);
    memset(u, 0, sizeof *u);
    app->n_undo--;
    return KR_OK;
}

enum kr_status kr_app_undo_session_delete(struct kr_app *app, struct kr_app_undone *out,
                                          struct kr_error *err)
{
    memset(out, 0, sizeof *out);
    size_t i = app->n_undo;
    while (i > 0 && app->undo[i - 1].kind != KR_APP_UNDO_SESSION_DELETE)
        i--;
    if (i == 0)
        return KR_NOT_FOUND;
    /* Take the deletion out of the stack and undo it as the last step. */
    struct app_undo del = app->undo[i - 1];
    memmove(&app->undo[i - 1], &app->undo[i], (app->n_undo - i) * sizeof app->undo[0]);
    app->undo[app->n_undo - 1] = del;
    return kr_app_undo(app, out, err);
}

enum kr_status kr_app_restore_last_deleted(struct kr_app *app, const char *session_id,
                                           struct kr_app_undone *out, struct kr_error *err)
{
    memset(out, 0, sizeof *out);
    char *id, *label;
    enum kr_status r = kr_store_last_deleted(app->st, session_id, &id, &label, err);
    if (r != KR_OK)
        return r;
    r = session_id ? kr_store_obs_restore(app->st, id, err)
                   : kr_store_session_restore(app->st, id, err);
    if (r != KR_OK) {
        free(id);
        free(label);
        return r;
    }
    out->kind = session_id ? KR_APP_UNDO_DELETE : KR_APP_UNDO_SESSION_DELETE;
    out->id = id;
    out->name = label;
    return KR_OK;
}

/* ---- the steps on a note ---- */

enum kr_status kr_app_note_add(struct kr_app *app, struct kr_observation *o, struct kr_error *err)
{
    enum kr_status r = kr_store_obs_add(app->st, o, err);
    if (r == KR_OK)
        app_undo_push(app, KR_APP_UNDO_ADD, o->id, NULL, KR_CORNER_NONE);
    return r;
}

enum kr_status kr_app_note_recover(struct kr_app *app, struct kr_observation *o,
                                   struct kr_error *err)
{
    return kr_store_obs_add(app->st, o, err);
}

enum kr_status kr_app_note_add_typed(struct kr_app *app, struct kr_observation *o,
                                     struct kr_error *err)
{
    enum kr_status r = kr_store_obs_add_from_draft(app->st, o, err);
    if (r == KR_OK)
        app_undo_push(app, KR_APP_UNDO_ADD, o->id, NULL, KR_CORNER_NONE);
    return r;
}

enum kr_status kr_app_note_edit(struct kr_app *app, const struct kr_observation *o,
                                const char *text, struct kr_error *err)
{
    if (strcmp(o->text, text) == 0)
        return KR_OK;
    enum kr_status r = kr_store_obs_edit(app->st, o->id, text, o->corner, err);
    if (r == KR_OK)
        app_undo_push(app, KR_APP_UNDO_EDIT, o->id, o->text, o->corner);
    return r;
}

enum kr_status kr_app_note_place(struct kr_app *app, const struct kr_observation *o,
                                 enum kr_corner c, struct kr_error *err)
{
    if (o->corner == c)
        return KR_OK;
    enum kr_status r = kr_store_obs_set_corner(app->st, o->id, c, err);
    if (r == KR_OK)
        app_undo_push(app, KR_APP_UNDO_PLACE, o->id, NULL, o->corner);
    return r;
}

enum kr_status kr_app_note_keep(struct kr_app *app, const char *id, const char *reason,
                                struct kr_error *err)
{
    return kr_store_obs_set_keep_reason(app->st, id, reason, err);
}

enum kr_status kr_app_note_delete(struct kr_app *app, const struct kr_observation *o,
                                  struct kr_error *err)
{
    enum kr_status r = kr_store_obs_delete(app->st, o->id, err);
    if (r == KR_OK)
        app_undo_push(app, KR_APP_UNDO_DELETE, o->id, NULL, o->corner);
    return r;
}

/* ---- reading ---- */

enum kr_status kr_app_notes_list(struct kr_app *app, const struct kr_obs_filter *f,
                                 struct kr_observation_list *out, struct kr_error *err)
{
    return kr_store_obs_list(app->st, f, out, err);
}

enum kr_status kr_app_notes_page(struct kr_app *app, const struct kr_obs_page_filter *f,
                                 const char *from_id, bool backwards, size_t limit,
                                 struct kr_observation_list *out, struct kr_error *err)
{
    return kr_store_obs_page(app->st, f, from_id, backwards, limit, out, err);
}

enum kr_status kr_app_notes_count(struct kr_app *app, const struct kr_obs_page_filter *f,
                                  size_t cap, size_t *out, struct kr_error *err)
{
    return kr_store_obs_page_count(app->st, f, cap, out, err);
}

int kr_app_note_changed_elsewhere(struct kr_app *app, const char *id)
{
    return kr_store_obs_elsewhere(app->st, id);
}

/* ---- the pending-notes queue ---- */

void kr_app_pending_add(struct kr_app *app, const char *visit_id, const char *at, const char *text)
{
    KR_GROW(app->pending, app->cap_pending, app->n_pending + 1);
    struct app_pending *p = &app->pending[app->n_pending++];
    p->visit_id = kr_xstrdup(visit_id);
    p->at = kr_xstrdup(at);
    p->text = kr_xstrdup(text);
}

size_t kr_app_pending_count(const struct kr_app *app)
{
    return app->n_pending;
}

void kr_app_pending_get(const struct kr_app *app, size_t i, const char **visit_id, const char **at,
                        const char **text)
{
    assert(i < app->n_pending);
    *visit_id = app->pending[i].visit_id;
    *at = app->pending[i].at;
    *text = app->pending[i].text;
}

static void pending_free(struct app_pending *p)
{
    free(p->visit_id);
    free(p->at);
    free(p->text);
}

size_t kr_app_pending_retry(struct kr_app *app, struct kr_error *err)
{
    size_t done = 0;
    while (done < app->n_pending) {
        struct app_pending *p = &app->pending[done];
        struct kr_observation o = {.visit_id = kr_xstrdup(p->visit_id),
                                   .at = kr_xstrdup(p->at),
                                   .text = kr_xstrdup(p->text)};
        enum kr_status r = kr_app_note_add(app, &o, err);
        kr_observation_fini(&o);
        if (r != KR_OK)
            break;
        pending_free(p);
        done++;
    }
    memmove(app->pending, app->pending + done, (app->n_pending - done) * sizeof *app->pending);
    app->n_pending -= done;
    return done;
}

void kr_app_pending_clear(struct kr_app *app)
{
    for (size_t i = 0; i < app->n_pending; i++)
        pending_free(&app->pending[i]);
    app->n_pending = 0;
}
