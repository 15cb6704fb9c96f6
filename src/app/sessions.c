/* SPDX-License-Identifier: MIT */
/*
 * The bijeenkomsten (make or change one from its form, in one transaction; delete with
 * undo; move between networks; list; find one by what the user typed) and their tweetallen
 * and visits.
 */
#include <stdlib.h>
#include <string.h>

#include "app_internal.h"
#include "kijkronde/mem.h"
#include "kijkronde/network.h"

enum kr_status kr_app_session_get(struct kr_app *app, const char *id, struct kr_session *out,
                                  struct kr_error *err)
{
    return kr_store_session_get(app->st, id, out, err);
}

enum kr_status kr_app_session_resolve(struct kr_app *app, const char *ref, char **id_out,
                                      struct kr_error *err)
{
    return kr_store_session_resolve(app->st, ref, id_out, err);
}

enum kr_status kr_app_sessions_list(struct kr_app *app, struct kr_session_list *out,
                                    struct kr_error *err)
{
    return kr_store_session_list(app->st, out, err);
}

enum kr_status kr_app_sessions_page(struct kr_app *app, const char *after_id, size_t limit,
                                    struct kr_session_list *out, bool *more, struct kr_error *err)
{
    return kr_store_session_page(app->st, after_id, limit, out, more, err);
}

/* A heap copy of s without leading and trailing spaces, or NULL when nothing is left. */
static char *trimmed(const char *s)
{
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ')
        n--;
    return n ? kr_xstrndup(s, n) : NULL;
}

/* Add the tweetallen "Anna & Bram; Cees & Dirk" and their members; names in known are
 * there already. */
static enum kr_status add_tweetallen(struct kr_app *app, const char *session_id, const char *text,
                                     const struct kr_tweetal_list *known, struct kr_error *err)
{
    enum kr_status r = KR_OK;
    char *copy = kr_xstrdup(text), *save = NULL;
    for (char *part = strtok_r(copy, ";", &save); part && r == KR_OK;
         part = strtok_r(NULL, ";", &save)) {
        char *name = trimmed(part);
        if (!name)
            continue;
        bool is_known = false;
        for (size_t i = 0; known && i < known->n && !is_known; i++)
            is_known = strcmp(known->items[i].name, name) == 0;
        if (is_known) {
            free(name);
            continue;
        }
        struct kr_tweetal t = {.session_id = kr_xstrdup(session_id), .name = name};
        r = kr_store_tweetal_add(app->st, &t, err);
        char *members = kr_xstrdup(name), *msave = NULL;
        for (char *m = strtok_r(members, "&+,/", &msave); m && r == KR_OK;
             m = strtok_r(NULL, "&+,/", &msave)) {
            char *who = trimmed(m);
            if (!who)
                continue;
            struct kr_participant p = {
                .session_id = kr_xstrdup(session_id), .tweetal_id = kr_xstrdup(t.id), .name = who};
            r = kr_store_participant_add(app->st, &p, err);
            kr_participant_fini(&p);
        }
        free(members);
        kr_tweetal_fini(&t);
    }
    free(copy);
    return r;
}

enum kr_status kr_app_session_save(struct kr_app *app, const struct kr_app_session_form *f,
                                   struct kr_error *err)
{
    struct kr_session *s = f->s;
    struct kr_network net = {0};
    enum kr_status r = kr_store_begin(app->st, err);
    if (r != KR_OK)
        return r;
    if (f->network_name) {
        r = kr_store_network_find(app->st, f->network_name, &net, err);
        if (r == KR_NOT_FOUND) {
            kr_network_fini(&net);
            memset(&net, 0, sizeof net);
            net.name = kr_xstrdup(f->network_name);
            r = kr_store_network_add(app->st, &net, err);
        }
    }
    if (r == KR_OK) {
        free(s->network_id);
        s->network_id = net.id ? kr_xstrdup(net.id) : NULL;
        r = f->update ? kr_store_session_update(app->st, s, err)
                      : kr_store_session_add(app->st, s, err);
    }
    if (r == KR_OK && f->tweetallen)
        r = add_tweetallen(app, s->id, f->tweetallen, f->known, err);
    if (r == KR_OK)
        r = kr_store_commit(app->st, err);
    if (r != KR_OK)
        kr_store_rollback(app->st);
    kr_network_fini(&net);
    return r;
}

enum kr_status kr_app_session_delete(struct kr_app *app, const char *id, const char *name,
                                     struct kr_error *err)
{
    enum kr_status r = kr_store_session_delete(app->st, id, err);
    if (r == KR_OK)
        app_undo_push(app, KR_APP_UNDO_SESSION_DELETE, id, name, KR_CORNER_NONE);
    return r;
}

enum kr_status kr_app_session_move(struct kr_app *app, const char *session_id,
                                   const char *network_id, struct kr_error *err)
{
    return kr_store_session_move(app->st, session_id, network_id, err);
}

/* ---- tweetallen and visits ---- */

enum kr_status kr_app_tweetallen(struct kr_app *app, const char *session_id,
                                 struct kr_tweetal_list *out, struct kr_error *err)
{
    return kr_store_tweetal_list(app->st, session_id, out, err);
}

enum kr_status kr_app_visit_start(struct kr_app *app, struct kr_visit *v, const char *tweetal_name,
                                  struct kr_error *err)
{
    enum kr_status r = KR_OK;
    if (tweetal_name) {
        struct kr_tweetal t = {.session_id = kr_xstrdup(v->session_id),
                               .name = kr_xstrdup(tweetal_name)};
        r = kr_store_tweetal_add(app->st, &t, err);
        free(v->tweetal_id);
        v->tweetal_id = t.id ? kr_xstrdup(t.id) : NULL;
        kr_tweetal_fini(&t);
    }
    if (r == KR_OK)
        r = kr_store_visit_add(app->st, v, err);
    return r;
}

enum kr_status kr_app_visit_end(struct kr_app *app, const char *visit_id, const char *ended_at,
                                struct kr_error *err)
{
    return kr_store_visit_end(app->st, visit_id, ended_at, err);
}

enum kr_status kr_app_visit_get(struct kr_app *app, const char *visit_id, struct kr_visit *out,
                                struct kr_error *err)
{
    return kr_store_visit_get(app->st, visit_id, out, err);
}

enum kr_status kr_app_visits(struct kr_app *app, const char *session_id, struct kr_visit_list *out,
                             struct kr_error *err)
{
    return kr_store_visit_list(app->st, session_id, out, err);
}
