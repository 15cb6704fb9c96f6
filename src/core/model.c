/* SPDX-License-Identifier: MIT */
/* Names of corners and basisvaardigheden, and freeing of the model structs. */
#include "kijkronde/model.h"

#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"

static const char *const corner_names[KR_CORNER_COUNT] = {NULL, "leerling", "leraar", "leerinhoud"};
static const char *const basis_names[KR_BASIS_COUNT] = {NULL, "taal", "rekenen-wiskunde",
                                                        "burgerschap", "digitale-geletterdheid"};

const char *kr_corner_str(enum kr_corner c)
{
    return (unsigned)c < KR_CORNER_COUNT ? corner_names[c] : NULL;
}

bool kr_corner_parse(const char *s, enum kr_corner *out)
{
    *out = KR_CORNER_NONE;
    if (!s || !*s)
        return true;
    for (int i = 1; i < KR_CORNER_COUNT; i++)
        if (strcmp(s, corner_names[i]) == 0) {
            *out = (enum kr_corner)i;
            return true;
        }
    return false;
}

const char *kr_basis_str(enum kr_basis b)
{
    return (unsigned)b < KR_BASIS_COUNT ? basis_names[b] : NULL;
}

bool kr_basis_parse(const char *s, enum kr_basis *out)
{
    *out = KR_BASIS_NONE;
    if (!s || !*s)
        return true;
    for (int i = 1; i < KR_BASIS_COUNT; i++)
        if (strcmp(s, basis_names[i]) == 0) {
            *out = (enum kr_basis)i;
            return true;
        }
    return false;
}

#define FREE_FIELDS(p, ...)                                                                        \
    do {                                                                                           \
        char **fields_[] = {__VA_ARGS__};                                                          \
        for (size_t i_ = 0; i_ < sizeof fields_ / sizeof fields_[0]; i_++) {                       \
            free(*fields_[i_]);                                                                    \
            *fields_[i_] = NULL;                                                                   \
        }                                                                                          \
    } while (0)

void kr_network_fini(struct kr_network *n)
{
    FREE_FIELDS(n, &n->id, &n->name);
}

void kr_session_fini(struct kr_session *s)
{
    FREE_FIELDS(s, &s->id, &s->network_id, &s->network_name, &s->kind, &s->date, &s->host_school,
                &s->ontwikkelvraag, &s->kijkvraag_id, &s->kijkvraag_text, &s->kijkpunten,
                &s->created_at, &s->updated_at);
}

void kr_tweetal_fini(struct kr_tweetal *t)
{
    FREE_FIELDS(t, &t->id, &t->session_id, &t->name);
}

void kr_participant_fini(struct kr_participant *p)
{
    FREE_FIELDS(p, &p->id, &p->session_id, &p->tweetal_id, &p->name, &p->role, &p->school);
}

void kr_visit_fini(struct kr_visit *v)
{
    FREE_FIELDS(v, &v->id, &v->session_id, &v->tweetal_id, &v->tweetal_name, &v->label, &v->subject,
                &v->started_at, &v->ended_at);
}

void kr_observation_fini(struct kr_observation *o)
{
    FREE_FIELDS(o, &o->id, &o->visit_id, &o->at, &o->text, &o->observer, &o->keep_reason,
                &o->created_at, &o->updated_at, &o->deleted_at);
}

void kr_obs_version_fini(struct kr_obs_version *v)
{
    FREE_FIELDS(v, &v->id, &v->observation_id, &v->at, &v->change, &v->text);
}

#define LIST_FINI(fn, ltype, item_fini)                                                            \
    void fn(struct ltype *l)                                                                       \
    {                                                                                              \
        for (size_t i = 0; i < l->n; i++)                                                          \
            item_fini(&l->items[i]);                                                               \
        free(l->items);                                                                            \
        l->items = NULL;                                                                           \
        l->n = l->cap = 0;                                                                         \
    }

LIST_FINI(kr_session_list_fini, kr_session_list, kr_session_fini)
LIST_FINI(kr_tweetal_list_fini, kr_tweetal_list, kr_tweetal_fini)
LIST_FINI(kr_participant_list_fini, kr_participant_list, kr_participant_fini)
LIST_FINI(kr_visit_list_fini, kr_visit_list, kr_visit_fini)
LIST_FINI(kr_observation_list_fini, kr_observation_list, kr_observation_fini)
LIST_FINI(kr_obs_version_list_fini, kr_obs_version_list, kr_obs_version_fini)

void kr_observation_copy(struct kr_observation *dst, const struct kr_observation *o)
{
    dst->id = kr_xstrdup(o->id);
    dst->visit_id = kr_xstrdup(o->visit_id);
    dst->at = kr_xstrdup(o->at);
    dst->text = kr_xstrdup(o->text);
    dst->corner = o->corner;
    dst->observer = kr_xstrdup(o->observer);
    dst->keep_reason = kr_xstrdup(o->keep_reason);
    dst->created_at = kr_xstrdup(o->created_at);
    dst->updated_at = kr_xstrdup(o->updated_at);
    dst->deleted_at = kr_xstrdup(o->deleted_at);
}
