/* SPDX-License-Identifier: MIT */
/*
 * Networks: the list with counts, one network (also by what the user typed) and its
 * bijeenkomsten (or those without a network), create, rename, delete, and the follow-up of
 * the next steps of earlier bijeenkomsten at a later one.
 */
#include <stdlib.h>
#include <string.h>

#include "app_internal.h"
#include "kijkronde/mem.h"
#include "kijkronde/network.h"

enum kr_status kr_app_networks(struct kr_app *app, struct kr_network_info_list *out,
                               struct kr_error *err)
{
    return kr_store_network_list(app->st, out, err);
}

enum kr_status kr_app_network_get(struct kr_app *app, const char *id, struct kr_network_info *out,
                                  struct kr_error *err)
{
    return kr_store_network_get(app->st, id, out, err);
}

enum kr_status kr_app_network_resolve(struct kr_app *app, const char *ref, char **id_out,
                                      struct kr_error *err)
{
    return kr_store_network_resolve(app->st, ref, id_out, err);
}

/* The bijeenkomsten without a network, by date, as the network screen lists them. */
static enum kr_status sessions_without_network(struct kr_app *app,
                                               struct kr_network_session_list *out,
                                               struct kr_error *err)
{
    struct kr_session_list all = {0};
    enum kr_status r = kr_store_session_list(app->st, &all, err);
    /* the list is newest first: walk it backwards for date order */
    for (size_t i = all.n; r == KR_OK && i-- > 0;) {
        struct kr_session *s = &all.items[i];
        if (s->network_id)
            continue;
        KR_GROW(out->items, out->cap, out->n + 1);
        struct kr_network_session *o = &out->items[out->n++];
        memset(o, 0, sizeof *o);
        o->id = kr_xstrdup(s->id);
        o->date = kr_xstrdup(s->date ? s->date : "");
        o->kind = s->kind ? kr_xstrdup(s->kind) : NULL;
        o->host_school = s->host_school ? kr_xstrdup(s->host_school) : NULL;
        o->kijkvraag = kr_xstrdup(s->kijkvraag_text ? s->kijkvraag_text : "");
        o->n_visits = s->n_visits;
        o->n_observations = s->n_observations;
    }
    kr_session_list_fini(&all);
    return r;
}

enum kr_status kr_app_network_sessions(struct kr_app *app, const char *id,
                                       struct kr_network_session_list *out, struct kr_error *err)
{
    if (!id)
        return sessions_without_network(app, out, err);
    return kr_store_network_sessions(app->st, id, out, err);
}

enum kr_status kr_app_network_create(struct kr_app *app, const char *name, char **id_out,
                                     struct kr_error *err)
{
    return kr_store_network_create(app->st, name, id_out, err);
}

enum kr_status kr_app_network_rename(struct kr_app *app, const char *id, const char *name,
                                     struct kr_error *err)
{
    return kr_store_network_rename(app->st, id, name, err);
}

enum kr_status kr_app_network_delete(struct kr_app *app, const char *id, struct kr_error *err)
{
    return kr_store_network_delete(app->st, id, err);
}

enum kr_status kr_app_open_steps(struct kr_app *app, const char *session_id,
                                 struct kr_open_step_list *out, struct kr_error *err)
{
    return kr_store_network_open_steps(app->st, session_id, out, err);
}

/* A store error here only means it may come up once more: not worth a message. */
bool kr_app_followup_seen(struct kr_app *app, const char *session_id)
{
    bool seen = false;
    struct kr_error err = {0};
    kr_store_followup_seen(app->st, session_id, &seen, &err);
    return seen;
}

void kr_app_followup_mark_seen(struct kr_app *app, const char *session_id)
{
    struct kr_error err = {0};
    kr_store_followup_mark_seen(app->st, session_id, &err);
}

enum kr_status kr_app_follow_up(struct kr_app *app, const char *step_id, const char *session_id,
                                enum kr_follow_status status, const char *text,
                                struct kr_error *err)
{
    return kr_store_network_follow_up(app->st, step_id, session_id, status, text, err);
}
