/* SPDX-License-Identifier: MIT */
/*
 * Notes and their history (drafts: draft.c). Each change is one transaction that writes
 * the note and a new row of its history together, so the two never disagree.
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/clock.h"
#include "kijkronde/mem.h"
#include "kijkronde/utf8.h"
#include "kijkronde/uuid.h"
#include "store_internal.h"

static enum kr_status check_text(const char *text, struct kr_error *err)
{
    size_t bad;
    if (!text)
        return kr_error_set(err, KR_INVALID, "Een notitie heeft tekst nodig.");
    if (!kr_utf8_valid(text, strlen(text), &bad))
        return kr_error_set(err, KR_INVALID,
                            "De tekst is geen geldige UTF-8 (byte %zu); niets opgeslagen.", bad);
    return KR_OK;
}

/* A statement kept prepared in *slot for the life of the store (Enter's hot path). */
static enum kr_status cached(struct kr_store *st, sqlite3_stmt **slot, const char *sql,
                             struct kr_error *err)
{
    if (!*slot) {
        int rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, slot, NULL);
        if (rc != SQLITE_OK) {
            *slot = NULL;
            return kr_store_fail(st, rc, err, "Databasevraag mislukt");
        }
    }
    sqlite3_reset(*slot);
    sqlite3_clear_bindings(*slot);
    return KR_OK;
}

static enum kr_status step_done(struct kr_store *st, sqlite3_stmt *s, const char *what,
                                struct kr_error *err)
{
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? KR_OK : kr_store_fail(st, rc, err, what);
}

/*
 * The note, its first history row (and with clear_draft this instance's draft of the
 * visit) in one transaction: one commit, so one fsync of the WAL per note.
 */
static enum kr_status obs_add(struct kr_store *st, struct kr_observation *o, bool clear_draft,
                              struct kr_error *err)
{
    enum kr_status r = check_text(o->text, err);
    if (r != KR_OK)
        return r;
    if (!kr_store_file_ok(st, err))
        return KR_IO; /* a note saved now would land in a file nobody sees again */
    char now[KR_TIME_SIZE], vid[KR_UUID_SIZE];
    kr_clock_now_utc(now);
    kr_store_ensure_id(&o->id);
    if (!o->at) {
        char at[KR_TIME_SIZE];
        kr_clock_now_local(at);
        o->at = kr_xstrdup(at);
    }
    r = kr_store_tx_begin(st, err);
    if (r != KR_OK)
        return r;
    r = cached(st, &st->ins_obs,
               "INSERT INTO observation(id, visit_id, at, text, corner, observer,"
               " keep_reason, created_at, updated_at)"
               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
               err);
    if (r == KR_OK) {
        sqlite3_stmt *s = st->ins_obs;
        kr_store_bind_text(s, 1, o->id);
        kr_store_bind_text(s, 2, o->visit_id);
        kr_store_bind_text(s, 3, o->at);
        kr_store_bind_text(s, 4, o->text);
        kr_store_bind_text(s, 5, kr_corner_str(o->corner));
        kr_store_bind_text(s, 6, o->observer);
        kr_store_bind_text(s, 7, o->keep_reason);
        kr_store_bind_text(s, 8, now);
        r = step_done(st, s, "Notitie opslaan mislukt", err);
    }
    if (r == KR_OK)
        r = cached(st, &st->ins_version,
                   "INSERT INTO observation_version(id, observation_id, at,"
                   " change, text, corner, base) VALUES (?1, ?2, ?3, 'aangemaakt', ?4, ?5, '[]')",
                   err);
    if (r == KR_OK) {
        kr_uuid_new(vid);
        sqlite3_stmt *s = st->ins_version;
        kr_store_bind_text(s, 1, vid);
        kr_store_bind_text(s, 2, o->id);
        kr_store_bind_text(s, 3, now);
        kr_store_bind_text(s, 4, o->text);
        kr_store_bind_text(s, 5, kr_corner_str(o->corner));
        r = step_done(st, s, "Geschiedenis opslaan mislukt", err);
    }
    if (r == KR_OK && clear_draft)
        r = cached(st, &st->del_draft, "DELETE FROM draft WHERE instance = ?1 AND visit_id = ?2",
                   err);
    if (r == KR_OK && clear_draft) {
        kr_store_bind_text(st->del_draft, 1, st->instance ? st->instance : "");
        kr_store_bind_text(st->del_draft, 2, o->visit_id);
        r = step_done(st, st->del_draft, "Concept opruimen mislukt", err);
    }
    r = kr_store_tx_end(st, r, err);
    if (r == KR_OK) {
        free(o->created_at);
        free(o->updated_at);
        o->created_at = kr_xstrdup(now);
        o->updated_at = kr_xstrdup(now);
    }
    return r;
}

enum kr_status kr_store_obs_add(struct kr_store *st, struct kr_observation *o, struct kr_error *err)
{
    return obs_add(st, o, false, err);
}

enum kr_status kr_store_obs_add_from_draft(struct kr_store *st, struct kr_observation *o,
                                           struct kr_error *err)
{
    return obs_add(st, o, true, err);
}

/*
 * The heads of note ?2's history: its versions no other version was made on top of, as a
 * JSON array (the base of a new version). Versions of the same note are few, and found
 * through observation_version_by_observation.
 */
#define SQL_HEADS                                                                                  \
    "SELECT json_group_array(v.id) FROM observation_version v WHERE v.observation_id = ?2"         \
    " AND NOT EXISTS (SELECT 1 FROM observation_version w, json_each(w.base) j"                    \
    " WHERE w.observation_id = ?2 AND j.value = v.id)"

/*
 * Apply one change to a note: `set` is the SQL SET clause using ?2 = now,
 * ?3 = text, ?4 = corner; the version row records the note as it is afterwards.
 */
static enum kr_status change_obs(struct kr_store *st, const char *id, const char *set,
                                 const char *change, const char *text, const char *corner,
                                 const char *where_extra, struct kr_error *err)
{
    char now[KR_TIME_SIZE];
    kr_clock_now_utc(now);
    sqlite3_stmt *s = NULL;
    char *sql = kr_xasprintf("UPDATE observation SET %s, updated_at = ?2 WHERE id = ?1%s", set,
                             where_extra);
    enum kr_status r = kr_store_tx_begin(st, err);
    if (r != KR_OK) {
        free(sql);
        return r;
    }
    r = kr_store_prepare(st, sql, &s, err);
    free(sql);
    if (r == KR_OK) {
        kr_store_bind_text(s, 1, id);
        kr_store_bind_text(s, 2, now);
        kr_store_bind_text(s, 3, text);
        kr_store_bind_text(s, 4, corner);
        int rc = sqlite3_step(s);
        if (rc != SQLITE_DONE)
            r = kr_store_fail(st, rc, err, "Notitie wijzigen mislukt");
        else if (sqlite3_changes(st->db) == 0)
            r = kr_error_set(err, KR_NOT_FOUND, "Geen notitie '%s' om te wijzigen.", id);
        sqlite3_finalize(s);
    }
    if (r == KR_OK) {
        /* Record the note as it now stands. */
        r = kr_store_prepare(st,
                             "INSERT INTO observation_version(id, observation_id, at, change,"
                             " text, corner, base) SELECT ?1, id, ?3, ?4, text, corner, (" SQL_HEADS
                             ") FROM observation WHERE id = ?2",
                             &s, err);
        if (r == KR_OK) {
            char vid[KR_UUID_SIZE];
            kr_uuid_new(vid);
            kr_store_bind_text(s, 1, vid);
            kr_store_bind_text(s, 2, id);
            kr_store_bind_text(s, 3, now);
            kr_store_bind_text(s, 4, change);
            int rc = sqlite3_step(s);
            if (rc != SQLITE_DONE)
                r = kr_store_fail(st, rc, err, "Geschiedenis opslaan mislukt");
            sqlite3_finalize(s);
        }
    }
    return kr_store_tx_end(st, r, err);
}

enum kr_status kr_store_obs_edit(struct kr_store *st, const char *id, const char *text,
                                 enum kr_corner corner, struct kr_error *err)
{
    enum kr_status r = check_text(text, err);
    if (r != KR_OK)
        return r;
    return change_obs(st, id, "text = ?3, corner = ?4", "bewerkt", text, kr_corner_str(corner), "",
                      err);
}

enum kr_status kr_store_obs_set_corner(struct kr_store *st, const char *id, enum kr_corner corner,
                                       struct kr_error *err)
{
    return change_obs(st, id, "corner = ?4", "bewerkt", NULL, kr_corner_str(corner), "", err);
}

enum kr_status kr_store_obs_set_keep_reason(struct kr_store *st, const char *id, const char *reason,
                                            struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r =
        kr_store_prepare(st, "UPDATE observation SET keep_reason = ?2 WHERE id = ?1", &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, id);
    kr_store_bind_text(s, 2, reason);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Notitie wijzigen mislukt");
    sqlite3_finalize(s);
    return r;
}

enum kr_status kr_store_obs_delete(struct kr_store *st, const char *id, struct kr_error *err)
{
    return change_obs(st, id, "deleted_at = ?2", "verwijderd", NULL, NULL,
                      " AND deleted_at IS NULL", err);
}

enum kr_status kr_store_obs_restore(struct kr_store *st, const char *id, struct kr_error *err)
{
    return change_obs(st, id, "deleted_at = NULL", "hersteld", NULL, NULL,
                      " AND deleted_at IS NOT NULL", err);
}

void kr_store_obs_read(sqlite3_stmt *s, struct kr_observation *o)
{
    memset(o, 0, sizeof *o);
    o->id = kr_store_col_text(s, 0);
    o->visit_id = kr_store_col_text(s, 1);
    o->at = kr_store_col_text(s, 2);
    o->text = kr_store_col_text(s, 3);
    kr_corner_parse((const char *)sqlite3_column_text(s, 4), &o->corner);
    o->observer = kr_store_col_text(s, 5);
    o->keep_reason = kr_store_col_text(s, 6);
    o->created_at = kr_store_col_text(s, 7);
    o->updated_at = kr_store_col_text(s, 8);
    o->deleted_at = kr_store_col_text(s, 9);
}

enum kr_status kr_store_obs_get(struct kr_store *st, const char *id, struct kr_observation *out,
                                struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(st, KR_STORE_OBS_COLS "WHERE o.id = ?1", &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        kr_store_obs_read(s, out);
    else if (rc == SQLITE_DONE)
        r = kr_error_set(err, KR_NOT_FOUND, "Geen notitie met id '%s'.", id);
    else
        r = kr_store_fail(st, rc, err, "Notitie lezen mislukt");
    sqlite3_finalize(s);
    return r;
}

enum kr_status kr_store_obs_list(struct kr_store *st, const struct kr_obs_filter *f,
                                 struct kr_observation_list *out, struct kr_error *err)
{
    struct kr_buf sql = {0};
    if (f->search)
        kr_store_search_catch_up(st, 1, NULL); /* best effort: see store.h */
    kr_buf_puts(&sql, KR_STORE_OBS_COLS "JOIN visit v ON v.id = o.visit_id WHERE 1");
    if (f->visit_id)
        kr_buf_puts(&sql, " AND o.visit_id = ?1");
    if (f->session_id)
        kr_buf_puts(&sql, " AND v.session_id = ?2");
    if (!f->include_deleted)
        kr_buf_puts(&sql, " AND o.deleted_at IS NULL");
    if (f->search)
        kr_buf_puts(&sql, " AND o.rowid IN (SELECT rowid FROM observation_search"
                          " WHERE observation_search MATCH ?3)");
    kr_buf_puts(&sql, " ORDER BY o.at, o.created_at, o.id");
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(st, kr_buf_str(&sql), &s, err);
    kr_buf_fini(&sql);
    if (r != KR_OK)
        return r;
    if (f->visit_id)
        kr_store_bind_text(s, 1, f->visit_id);
    if (f->session_id)
        kr_store_bind_text(s, 2, f->session_id);
    if (f->search)
        kr_store_bind_text(s, 3, f->search);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        KR_GROW(out->items, out->cap, out->n + 1);
        kr_store_obs_read(s, &out->items[out->n++]);
    }
    if (rc != SQLITE_DONE)
        r = f->search && (rc & 0xFF) == SQLITE_ERROR
                ? kr_error_set(err, KR_INVALID, "Zoekvraag '%s' begrijp ik niet.", f->search)
                : kr_store_fail(st, rc, err, "Notities lezen mislukt");
    sqlite3_finalize(s);
    return r;
}

enum kr_status kr_store_obs_history(struct kr_store *st, const char *id,
                                    struct kr_obs_version_list *out, struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(st,
                                        "SELECT id, observation_id, at, change, text, corner"
                                        " FROM observation_version WHERE observation_id = ?1"
                                        " ORDER BY at, rowid",
                                        &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, id);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        KR_GROW(out->items, out->cap, out->n + 1);
        struct kr_obs_version *v = &out->items[out->n++];
        memset(v, 0, sizeof *v);
        v->id = kr_store_col_text(s, 0);
        v->observation_id = kr_store_col_text(s, 1);
        v->at = kr_store_col_text(s, 2);
        v->change = kr_store_col_text(s, 3);
        v->text = kr_store_col_text(s, 4);
        kr_corner_parse((const char *)sqlite3_column_text(s, 5), &v->corner);
    }
    if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Geschiedenis lezen mislukt");
    sqlite3_finalize(s);
    return r;
}

int kr_store_obs_elsewhere(struct kr_store *st, const char *id)
{
    /* Two heads among the versions made since base was recorded: two changes that did not
       see each other (two laptops, or two copies of a database merged). */
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(
            st->db,
            "SELECT count(*) > 1 FROM observation_version v"
            " WHERE v.observation_id = ?1 AND v.base IS NOT NULL"
            " AND NOT EXISTS (SELECT 1 FROM observation_version w, json_each(w.base) j"
            " WHERE w.observation_id = ?1 AND j.value = v.id)",
            -1, &s, NULL) != SQLITE_OK)
        return -1;
    kr_store_bind_text(s, 1, id);
    int rc = sqlite3_step(s);
    int out = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : -1;
    sqlite3_finalize(s);
    return out;
}
