/* SPDX-License-Identifier: MIT */
/* Networks and bijeenkomsten (sessions). */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/clock.h"
#include "kijkronde/mem.h"
#include "kijkronde/utf8.h"
#include "store_internal.h"

enum kr_status kr_store_network_add(struct kr_store *st, struct kr_network *n, struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    char now[KR_TIME_SIZE];
    kr_clock_now_utc(now);
    kr_store_ensure_id(&n->id);
    enum kr_status r = kr_store_prepare(
        st, "INSERT INTO network(id, name, created_at) VALUES (?1, ?2, ?3)", &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, n->id);
    kr_store_bind_text(s, 2, n->name);
    kr_store_bind_text(s, 3, now);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Netwerk opslaan mislukt");
    sqlite3_finalize(s);
    return r;
}

enum kr_status kr_store_network_find(struct kr_store *st, const char *name, struct kr_network *out,
                                     struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(
        st, "SELECT id, name FROM network WHERE name = ?1 ORDER BY created_at LIMIT 1", &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, name);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        out->id = kr_store_col_text(s, 0);
        out->name = kr_store_col_text(s, 1);
    } else if (rc == SQLITE_DONE) {
        r = kr_error_set(err, KR_NOT_FOUND, "Geen netwerk met de naam '%s'.", name);
    } else {
        r = kr_store_fail(st, rc, err, "Netwerk lezen mislukt");
    }
    sqlite3_finalize(s);
    return r;
}

enum kr_status kr_store_session_add(struct kr_store *st, struct kr_session *se,
                                    struct kr_error *err)
{
    if (!se->date || !kr_clock_valid_date(se->date))
        return kr_error_set(err, KR_INVALID, "Ongeldige datum '%s': gebruik JJJJ-MM-DD.",
                            se->date ? se->date : "");
    if (!se->kijkvraag_text || !*se->kijkvraag_text)
        return kr_error_set(err, KR_INVALID, "Een bijeenkomst heeft een kijkvraag nodig.");
    sqlite3_stmt *s = NULL;
    char now[KR_TIME_SIZE];
    kr_clock_now_utc(now);
    kr_store_ensure_id(&se->id);
    enum kr_status r = kr_store_prepare(
        st,
        "INSERT INTO session(id, network_id, kind, date, host_school, basisvaardigheid,"
        " ontwikkelvraag, kijkvraag_id, kijkvraag_text, kijkpunten, is_demo, created_at,"
        " updated_at) VALUES (?1, ?2, coalesce(?3, 'vervolg'), ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
        " ?11, ?12, ?12)",
        &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, se->id);
    kr_store_bind_text(s, 2, se->network_id);
    kr_store_bind_text(s, 3, se->kind);
    kr_store_bind_text(s, 4, se->date);
    kr_store_bind_text(s, 5, se->host_school);
    kr_store_bind_text(s, 6, kr_basis_str(se->basis));
    kr_store_bind_text(s, 7, se->ontwikkelvraag);
    kr_store_bind_text(s, 8, se->kijkvraag_id);
    kr_store_bind_text(s, 9, se->kijkvraag_text);
    kr_store_bind_text(s, 10, se->kijkpunten);
    sqlite3_bind_int(s, 11, se->is_demo ? 1 : 0);
    kr_store_bind_text(s, 12, now);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Bijeenkomst opslaan mislukt");
    sqlite3_finalize(s);
    if (r == KR_OK) {
        free(se->created_at);
        free(se->updated_at);
        se->created_at = kr_xstrdup(now);
        se->updated_at = kr_xstrdup(now);
    }
    return r;
}

enum kr_status kr_store_session_update(struct kr_store *st, const struct kr_session *se,
                                       struct kr_error *err)
{
    if (!se->date || !kr_clock_valid_date(se->date))
        return kr_error_set(err, KR_INVALID, "Ongeldige datum '%s': gebruik JJJJ-MM-DD.",
                            se->date ? se->date : "");
    sqlite3_stmt *s = NULL;
    char now[KR_TIME_SIZE];
    kr_clock_now_utc(now);
    enum kr_status r = kr_store_prepare(
        st,
        "UPDATE session SET network_id = ?2, kind = coalesce(?3, kind), date = ?4,"
        " host_school = ?5, basisvaardigheid = ?6, ontwikkelvraag = ?7, kijkvraag_id = ?8,"
        " kijkvraag_text = ?9, kijkpunten = ?10, updated_at = ?11 WHERE id = ?1",
        &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, se->id);
    kr_store_bind_text(s, 2, se->network_id);
    kr_store_bind_text(s, 3, se->kind);
    kr_store_bind_text(s, 4, se->date);
    kr_store_bind_text(s, 5, se->host_school);
    kr_store_bind_text(s, 6, kr_basis_str(se->basis));
    kr_store_bind_text(s, 7, se->ontwikkelvraag);
    kr_store_bind_text(s, 8, se->kijkvraag_id);
    kr_store_bind_text(s, 9, se->kijkvraag_text);
    kr_store_bind_text(s, 10, se->kijkpunten);
    kr_store_bind_text(s, 11, now);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Bijeenkomst opslaan mislukt");
    else if (sqlite3_changes(st->db) == 0)
        r = kr_error_set(err, KR_NOT_FOUND, "Geen bijeenkomst met id '%s'.", se->id);
    sqlite3_finalize(s);
    return r;
}

#define SESSION_COLS                                                                               \
    "SELECT s.id, s.network_id, n.name, s.kind, s.date, s.host_school, s.basisvaardigheid,"        \
    " s.ontwikkelvraag, s.kijkvraag_id, s.kijkvraag_text, s.kijkpunten, s.is_demo,"                \
    " s.created_at, s.updated_at,"                                                                 \
    " s.n_visits, s.n_live" /* kept by triggers (schema.c, MIGRATION_SESSION_COUNTS) */            \
    " FROM session s LEFT JOIN network n ON n.id = s.network_id "

static void read_session(sqlite3_stmt *s, struct kr_session *o)
{
    memset(o, 0, sizeof *o);
    o->id = kr_store_col_text(s, 0);
    o->network_id = kr_store_col_text(s, 1);
    o->network_name = kr_store_col_text(s, 2);
    o->kind = kr_store_col_text(s, 3);
    o->date = kr_store_col_text(s, 4);
    o->host_school = kr_store_col_text(s, 5);
    kr_basis_parse((const char *)sqlite3_column_text(s, 6), &o->basis);
    o->ontwikkelvraag = kr_store_col_text(s, 7);
    o->kijkvraag_id = kr_store_col_text(s, 8);
    o->kijkvraag_text = kr_store_col_text(s, 9);
    o->kijkpunten = kr_store_col_text(s, 10);
    o->is_demo = sqlite3_column_int(s, 11) != 0;
    o->created_at = kr_store_col_text(s, 12);
    o->updated_at = kr_store_col_text(s, 13);
    o->n_visits = sqlite3_column_int64(s, 14);
    o->n_observations = sqlite3_column_int64(s, 15);
}

enum kr_status kr_store_session_get(struct kr_store *st, const char *id, struct kr_session *out,
                                    struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r =
        kr_store_prepare(st, SESSION_COLS "WHERE s.id = ?1 AND s.deleted_at IS NULL", &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        read_session(s, out);
    else if (rc == SQLITE_DONE)
        r = kr_error_set(err, KR_NOT_FOUND, "Geen bijeenkomst met id '%s'.", id);
    else
        r = kr_store_fail(st, rc, err, "Bijeenkomst lezen mislukt");
    sqlite3_finalize(s);
    return r;
}

enum kr_status kr_store_session_list(struct kr_store *st, struct kr_session_list *out,
                                     struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r =
        kr_store_prepare(st,
                         SESSION_COLS "WHERE s.deleted_at IS NULL"
                                      " ORDER BY s.date DESC, s.created_at DESC, s.id",
                         &s, err);
    if (r != KR_OK)
        return r;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        KR_GROW(out->items, out->cap, out->n + 1);
        read_session(s, &out->items[out->n++]);
    }
    if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Bijeenkomsten lezen mislukt");
    sqlite3_finalize(s);
    return r;
}

enum kr_status kr_store_session_page(struct kr_store *st, const char *after_id, size_t limit,
                                     struct kr_session_list *out, bool *more, struct kr_error *err)
{
    /* Keyset on the list's order (date DESC, created_at DESC, id), walked in the covering
       index session_by_order from the anchor's date on: a page reads its own entries,
       whatever the number of bijeenkomsten. An anchor that is gone starts at the top. */
    sqlite3_stmt *s = NULL;
    char *date = NULL, *created = NULL;
    enum kr_status r = KR_OK;
    if (after_id) {
        r = kr_store_prepare(st, "SELECT date, created_at FROM session WHERE id = ?1", &s, err);
        if (r != KR_OK)
            return r;
        kr_store_bind_text(s, 1, after_id);
        if (sqlite3_step(s) == SQLITE_ROW) {
            date = kr_store_col_text(s, 0);
            created = kr_store_col_text(s, 1);
        }
        sqlite3_finalize(s);
    }
    r = kr_store_prepare(st,
                         date ? "SELECT id, date, host_school, is_demo, n_visits, n_live"
                                " FROM session WHERE deleted_at IS NULL AND date <= ?1 AND"
                                " (date < ?1 OR created_at < ?2 OR (created_at = ?2 AND id > ?3))"
                                " ORDER BY date DESC, created_at DESC, id LIMIT ?4"
                              : "SELECT id, date, host_school, is_demo, n_visits, n_live"
                                " FROM session WHERE deleted_at IS NULL"
                                " ORDER BY date DESC, created_at DESC, id LIMIT ?4",
                         &s, err);
    if (r != KR_OK) {
        free(date);
        free(created);
        return r;
    }
    kr_store_bind_text(s, 1, date);
    kr_store_bind_text(s, 2, created);
    kr_store_bind_text(s, 3, after_id);
    /* one more than asked: whether there are more */
    sqlite3_bind_int64(s, 4, limit ? (sqlite3_int64)limit + 1 : -1);
    size_t got = 0;
    int rc;
    if (more)
        *more = false;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (limit && got == limit) {
            if (more)
                *more = true;
            rc = SQLITE_DONE;
            break;
        }
        got++;
        KR_GROW(out->items, out->cap, out->n + 1);
        struct kr_session *o = &out->items[out->n++];
        memset(o, 0, sizeof *o);
        o->id = kr_store_col_text(s, 0);
        o->date = kr_store_col_text(s, 1);
        o->host_school = kr_store_col_text(s, 2);
        o->is_demo = sqlite3_column_int(s, 3) != 0;
        o->n_visits = sqlite3_column_int64(s, 4);
        o->n_observations = sqlite3_column_int64(s, 5);
    }
    if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Bijeenkomsten lezen mislukt");
    sqlite3_finalize(s);
    free(date);
    free(created);
    return r;
}

enum kr_status kr_store_session_list_brief(struct kr_store *st, struct kr_session_list *out,
                                           struct kr_error *err)
{
    return kr_store_session_page(st, NULL, 0, out, NULL, err);
}

enum kr_status kr_store_session_resolve(struct kr_store *st, const char *ref, char **id_out,
                                        struct kr_error *err)
{
    *id_out = NULL;
    sqlite3_stmt *s = NULL;
    enum kr_status r;
    if (strcmp(ref, "latest") == 0)
        r = kr_store_prepare(st,
                             "SELECT id FROM session WHERE deleted_at IS NULL"
                             " ORDER BY date DESC, created_at DESC, id LIMIT 1",
                             &s, err);
    else
        r = kr_store_prepare(st,
                             "SELECT id FROM session WHERE id = ?1 AND deleted_at IS NULL"
                             " UNION ALL SELECT id FROM session WHERE substr(id, 1, length(?1))"
                             " = ?1 AND id <> ?1 AND deleted_at IS NULL AND NOT EXISTS"
                             " (SELECT 1 FROM session WHERE id = ?1 AND deleted_at IS NULL)"
                             " LIMIT 2",
                             &s, err);
    if (r != KR_OK)
        return r;
    if (strcmp(ref, "latest") != 0)
        kr_store_bind_text(s, 1, ref);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *id_out = kr_store_col_text(s, 0);
        rc = sqlite3_step(s);
        if (rc == SQLITE_ROW) {
            free(*id_out);
            *id_out = NULL;
            r = kr_error_set(err, KR_AMBIGUOUS,
                             "'%s' past bij meer dan één bijeenkomst; geef meer tekens van het id.",
                             ref);
        } else if (rc != SQLITE_DONE) {
            free(*id_out);
            *id_out = NULL;
            r = kr_store_fail(st, rc, err, "Bijeenkomst zoeken mislukt");
        }
    } else if (rc == SQLITE_DONE) {
        if (strcmp(ref, "latest") == 0) {
            /* which file: without --db or KIJKRONDE_DB it may not be the one the user meant */
            char *where = kr_utf8_inert(kr_store_path(st), strlen(kr_store_path(st)), false);
            r = kr_error_set(err, KR_NOT_FOUND, "Er staan nog geen bijeenkomsten in %s.", where);
            free(where);
        } else {
            r = kr_error_set(err, KR_NOT_FOUND,
                             "Geen bijeenkomst '%s'; 'kijkronde sessions' toont de ids.", ref);
        }
    } else {
        r = kr_store_fail(st, rc, err, "Bijeenkomst zoeken mislukt");
    }
    sqlite3_finalize(s);
    return r;
}

enum kr_status kr_store_session_demo(struct kr_store *st, char **id_out, struct kr_error *err)
{
    *id_out = NULL;
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(
        st,
        "SELECT id FROM session WHERE is_demo = 1 AND deleted_at IS NULL ORDER BY created_at"
        " LIMIT 1",
        &s, err);
    if (r != KR_OK)
        return r;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *id_out = kr_store_col_text(s, 0);
    else if (rc == SQLITE_DONE)
        r = kr_error_set(err, KR_NOT_FOUND, "Geen demo-bijeenkomst.");
    else
        r = kr_store_fail(st, rc, err, "Bijeenkomst zoeken mislukt");
    sqlite3_finalize(s);
    return r;
}

/* Set or clear deleted_at of a session; KR_NOT_FOUND when it was not in the other state. */
static enum kr_status set_deleted(struct kr_store *st, const char *id, bool deleted,
                                  struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    char now[KR_TIME_SIZE];
    kr_clock_now_utc(now);
    enum kr_status r =
        kr_store_prepare(st,
                         deleted ? "UPDATE session SET deleted_at = ?2, updated_at = ?2"
                                   " WHERE id = ?1 AND deleted_at IS NULL"
                                 : "UPDATE session SET deleted_at = NULL, updated_at = ?2"
                                   " WHERE id = ?1 AND deleted_at IS NOT NULL",
                         &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, id);
    kr_store_bind_text(s, 2, now);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err,
                          deleted ? "Bijeenkomst verwijderen mislukt"
                                  : "Bijeenkomst terugzetten mislukt");
    else if (sqlite3_changes(st->db) == 0)
        r = kr_error_set(err, KR_NOT_FOUND,
                         deleted ? "Geen bijeenkomst met id '%s'."
                                 : "Geen verwijderde bijeenkomst met id '%s'.",
                         id);
    sqlite3_finalize(s);
    return r;
}

enum kr_status kr_store_session_delete(struct kr_store *st, const char *id, struct kr_error *err)
{
    return set_deleted(st, id, true, err);
}

enum kr_status kr_store_session_restore(struct kr_store *st, const char *id, struct kr_error *err)
{
    return set_deleted(st, id, false, err);
}

enum kr_status kr_store_last_deleted(struct kr_store *st, const char *session_id, char **id,
                                     char **label, struct kr_error *err)
{
    *id = *label = NULL;
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(
        st,
        session_id ? "SELECT o.id, substr(o.at, 12, 5) || ' ' || o.text FROM observation o"
                     " JOIN visit v ON v.id = o.visit_id WHERE v.session_id = ?1"
                     " AND o.deleted_at IS NOT NULL ORDER BY o.deleted_at DESC, o.id LIMIT 1"
                   : "SELECT id, trim(coalesce(host_school, '') || ' ' || date) FROM session"
                     " WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id LIMIT 1",
        &s, err);
    if (r != KR_OK)
        return r;
    if (session_id)
        kr_store_bind_text(s, 1, session_id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *id = kr_store_col_text(s, 0);
        *label = kr_store_col_text(s, 1);
    } else if (rc == SQLITE_DONE) {
        r = KR_NOT_FOUND;
    } else {
        r = kr_store_fail(st, rc, err, "Verwijderde gegevens lezen mislukt");
    }
    sqlite3_finalize(s);
    return r;
}
