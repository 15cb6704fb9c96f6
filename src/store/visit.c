/* SPDX-License-Identifier: MIT */
/* Tweetallen, participants and classroom visits. */
#include <string.h>

#include "kijkronde/mem.h"
#include "store_internal.h"

/* Run a prepared insert/update and finalize it. */
static enum kr_status step_done(struct kr_store *st, sqlite3_stmt *s, struct kr_error *err,
                                const char *what)
{
    int rc = sqlite3_step(s);
    enum kr_status r = KR_OK;
    if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, what);
    sqlite3_finalize(s);
    return r;
}

enum kr_status kr_store_tweetal_add(struct kr_store *st, struct kr_tweetal *t, struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    kr_store_ensure_id(&t->id);
    enum kr_status r = kr_store_prepare(
        st, "INSERT INTO tweetal(id, session_id, name) VALUES (?1, ?2, ?3)", &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, t->id);
    kr_store_bind_text(s, 2, t->session_id);
    kr_store_bind_text(s, 3, t->name);
    return step_done(st, s, err, "Tweetal opslaan mislukt");
}

enum kr_status kr_store_tweetal_list(struct kr_store *st, const char *session_id,
                                     struct kr_tweetal_list *out, struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(
        st, "SELECT id, session_id, name FROM tweetal WHERE session_id = ?1 ORDER BY name, id", &s,
        err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, session_id);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        KR_GROW(out->items, out->cap, out->n + 1);
        struct kr_tweetal *t = &out->items[out->n++];
        t->id = kr_store_col_text(s, 0);
        t->session_id = kr_store_col_text(s, 1);
        t->name = kr_store_col_text(s, 2);
    }
    if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Tweetallen lezen mislukt");
    sqlite3_finalize(s);
    return r;
}

enum kr_status kr_store_participant_add(struct kr_store *st, struct kr_participant *p,
                                        struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    kr_store_ensure_id(&p->id);
    enum kr_status r = kr_store_prepare(st,
                                        "INSERT INTO participant(id, session_id, tweetal_id, name,"
                                        " role, school) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                        &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, p->id);
    kr_store_bind_text(s, 2, p->session_id);
    kr_store_bind_text(s, 3, p->tweetal_id);
    kr_store_bind_text(s, 4, p->name);
    kr_store_bind_text(s, 5, p->role);
    kr_store_bind_text(s, 6, p->school);
    return step_done(st, s, err, "Deelnemer opslaan mislukt");
}

enum kr_status kr_store_participant_list(struct kr_store *st, const char *session_id,
                                         struct kr_participant_list *out, struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(st,
                                        "SELECT id, session_id, tweetal_id, name, role, school"
                                        " FROM participant WHERE session_id = ?1"
                                        " ORDER BY tweetal_id, rowid",
                                        &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, session_id);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        KR_GROW(out->items, out->cap, out->n + 1);
        struct kr_participant *p = &out->items[out->n++];
        p->id = kr_store_col_text(s, 0);
        p->session_id = kr_store_col_text(s, 1);
        p->tweetal_id = kr_store_col_text(s, 2);
        p->name = kr_store_col_text(s, 3);
        p->role = kr_store_col_text(s, 4);
        p->school = kr_store_col_text(s, 5);
    }
    if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Deelnemers lezen mislukt");
    sqlite3_finalize(s);
    return r;
}

enum kr_status kr_store_visit_add(struct kr_store *st, struct kr_visit *v, struct kr_error *err)
{
    if (!v->label || !*v->label)
        return kr_error_set(err, KR_INVALID, "Een klassenbezoek heeft een groep of klas nodig.");
    sqlite3_stmt *s = NULL;
    kr_store_ensure_id(&v->id);
    enum kr_status r = kr_store_prepare(st,
                                        "INSERT INTO visit(id, session_id, tweetal_id, label,"
                                        " subject, started_at, ended_at)"
                                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                        &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, v->id);
    kr_store_bind_text(s, 2, v->session_id);
    kr_store_bind_text(s, 3, v->tweetal_id);
    kr_store_bind_text(s, 4, v->label);
    kr_store_bind_text(s, 5, v->subject);
    kr_store_bind_text(s, 6, v->started_at);
    kr_store_bind_text(s, 7, v->ended_at);
    return step_done(st, s, err, "Klassenbezoek opslaan mislukt");
}

enum kr_status kr_store_visit_end(struct kr_store *st, const char *visit_id, const char *ended_at,
                                  struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r =
        kr_store_prepare(st, "UPDATE visit SET ended_at = ?2 WHERE id = ?1", &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, visit_id);
    kr_store_bind_text(s, 2, ended_at);
    return step_done(st, s, err, "Klassenbezoek afsluiten mislukt");
}

#define VISIT_COLS                                                                                 \
    "SELECT v.id, v.session_id, v.tweetal_id, t.name, v.label, v.subject, v.started_at,"           \
    " v.ended_at, v.n_live FROM visit v LEFT JOIN tweetal t ON t.id = v.tweetal_id "

static void read_visit(sqlite3_stmt *s, struct kr_visit *v)
{
    memset(v, 0, sizeof *v);
    v->id = kr_store_col_text(s, 0);
    v->session_id = kr_store_col_text(s, 1);
    v->tweetal_id = kr_store_col_text(s, 2);
    v->tweetal_name = kr_store_col_text(s, 3);
    v->label = kr_store_col_text(s, 4);
    v->subject = kr_store_col_text(s, 5);
    v->started_at = kr_store_col_text(s, 6);
    v->ended_at = kr_store_col_text(s, 7);
    v->n_observations = sqlite3_column_int64(s, 8);
}

enum kr_status kr_store_visit_get(struct kr_store *st, const char *visit_id, struct kr_visit *out,
                                  struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(st, VISIT_COLS "WHERE v.id = ?1", &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, visit_id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        read_visit(s, out);
    else if (rc == SQLITE_DONE)
        r = kr_error_set(err, KR_NOT_FOUND, "Geen klassenbezoek met id '%s'.", visit_id);
    else
        r = kr_store_fail(st, rc, err, "Klassenbezoek lezen mislukt");
    sqlite3_finalize(s);
    return r;
}

enum kr_status kr_store_visit_list(struct kr_store *st, const char *session_id,
                                   struct kr_visit_list *out, struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(
        st, VISIT_COLS "WHERE v.session_id = ?1 ORDER BY v.started_at, v.rowid", &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, session_id);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        KR_GROW(out->items, out->cap, out->n + 1);
        read_visit(s, &out->items[out->n++]);
    }
    if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Klassenbezoeken lezen mislukt");
    sqlite3_finalize(s);
    return r;
}
