/* SPDX-License-Identifier: MIT */
/*
 * The end of the debrief (schema migration 8): a theory of action per groepje, one of
 * which the school chooses, and the next steps with actor, horizon, evidence and their
 * follow-up at a later bijeenkomst. Also the single-version API of migration 3
 * (kr_store_toa_get/put), mapped onto the chosen version so older callers keep working.
 * The next steps are in debrief_steps.c.
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/clock.h"
#include "kijkronde/mem.h"
#include "kijkronde/utf8.h"
#include "store_internal.h"

/* ---- helpers ---- */

enum kr_status kr_debrief_run(struct kr_store *st, sqlite3_stmt *s, struct kr_error *err,
                              const char *what)
{
    int rc = sqlite3_step(s);
    enum kr_status r = rc == SQLITE_DONE ? KR_OK : kr_store_fail(st, rc, err, what);
    sqlite3_finalize(s);
    return r;
}

enum kr_status kr_debrief_check_utf8(const char *text, const char *what, struct kr_error *err)
{
    size_t bad;
    if (text && !kr_utf8_valid(text, strlen(text), &bad))
        return kr_error_set(err, KR_INVALID, "%s is geen geldige UTF-8 (byte %zu).", what, bad);
    return KR_OK;
}

/* The evidence ids as a JSON array (heap). */
char *kr_debrief_evidence_json(char *const *ids, size_t n)
{
    struct kr_buf b = {0};
    kr_buf_putc(&b, '[');
    for (size_t i = 0; i < n; i++) {
        kr_buf_puts(&b, i ? ",\"" : "\"");
        for (const unsigned char *p = (const unsigned char *)ids[i]; *p; p++) {
            if (*p == '"' || *p == '\\')
                kr_buf_printf(&b, "\\%c", *p);
            else if (*p < 0x20 || *p == 0x7f)
                kr_buf_printf(&b, "\\u%04x", *p);
            else
                kr_buf_putc(&b, (char)*p);
        }
        kr_buf_putc(&b, '"');
    }
    kr_buf_putc(&b, ']');
    return kr_buf_steal(&b);
}

enum kr_status kr_store_evidence_read(struct kr_store *st, const char *json, char ***ids, size_t *n,
                                      struct kr_error *err)
{
    *ids = NULL;
    *n = 0;
    sqlite3_stmt *s = NULL;
    enum kr_status r =
        kr_store_prepare(st, "SELECT value FROM json_each(?1) WHERE type = 'text'", &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, json ? json : "[]");
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        KR_GROW(*ids, cap, *n + 1);
        (*ids)[(*n)++] = kr_store_col_text(s, 0);
    }
    if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Bewijs lezen mislukt");
    sqlite3_finalize(s);
    return r;
}

/* Every evidence id is a note or pattern of the session; else KR_INVALID naming it. */
enum kr_status kr_debrief_evidence_check(struct kr_store *st, const char *session_id,
                                         char *const *ids, size_t n, struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(
        st,
        "SELECT EXISTS (SELECT 1 FROM observation o JOIN visit v ON v.id = o.visit_id"
        " WHERE v.session_id = ?1 AND o.id IN (?2, CASE WHEN substr(?2, 1, 2) = 'p-'"
        " THEN substr(?2, 3) END)) OR EXISTS (SELECT 1 FROM reflection_pattern"
        " WHERE session_id = ?1 AND id = ?2)",
        &s, err);
    if (r != KR_OK)
        return r;
    for (size_t i = 0; r == KR_OK && i < n; i++) {
        if (!ids[i] || !ids[i][0]) {
            r = kr_error_set(err, KR_INVALID, "Bewijs zonder id; kies een notitie of patroon.");
            break;
        }
        sqlite3_reset(s);
        kr_store_bind_text(s, 1, session_id);
        kr_store_bind_text(s, 2, ids[i]);
        int rc = sqlite3_step(s);
        if (rc != SQLITE_ROW) {
            r = kr_store_fail(st, rc, err, "Bewijs controleren mislukt");
        } else if (!sqlite3_column_int(s, 0)) {
            char v[128];
            kr_utf8_truncate(v, sizeof v, ids[i], 60);
            r = kr_error_set(err, KR_INVALID,
                             "Onbekend bewijs \"%s\": geen notitie of patroon van deze "
                             "bijeenkomst; er is niets opgeslagen.",
                             v);
        }
    }
    sqlite3_finalize(s);
    return r;
}

/* ---- theory of action per groepje ---- */

/* The chosen version of a session: chosen, live, and of those the one changed last. */
#define CHOSEN_ID(sess)                                                                            \
    "(SELECT c.id FROM theory_of_action c WHERE c.session_id = " sess " AND c.chosen = 1"          \
    " AND c.deleted_at IS NULL ORDER BY c.updated_at DESC, c.id DESC LIMIT 1)"

/* clang-format off */
static const char SQL_TOA_LIST[] =
    "SELECT t.id, t.group_name, t.schoolleiding, t.leraren, t.leerlingen, t.bewijs, t.evidence,"
    " t.id IS " CHOSEN_ID("t.session_id") ", t.created_at, t.updated_at"
    " FROM theory_of_action t WHERE t.session_id = ?1 AND t.deleted_at IS NULL"
    " ORDER BY t.created_at, t.group_name, t.id";
/* clang-format on */

enum kr_status kr_store_toa_list(struct kr_store *st, const char *session_id,
                                 struct kr_toa_list *out, struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(st, SQL_TOA_LIST, &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, session_id);
    int rc;
    while (r == KR_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        KR_GROW(out->items, out->cap, out->n + 1);
        struct kr_toa_version *v = &out->items[out->n++];
        memset(v, 0, sizeof *v);
        v->id = kr_store_col_text(s, 0);
        v->group = kr_store_col_text(s, 1);
        v->schoolleiding = kr_store_col_text(s, 2);
        v->leraren = kr_store_col_text(s, 3);
        v->leerlingen = kr_store_col_text(s, 4);
        v->bewijs = kr_store_col_text(s, 5);
        r = kr_store_evidence_read(st, (const char *)sqlite3_column_text(s, 6), &v->evidence,
                                   &v->n_evidence, err);
        v->chosen = sqlite3_column_int(s, 7) != 0;
        v->created_at = kr_store_col_text(s, 8);
        v->updated_at = kr_store_col_text(s, 9);
    }
    if (r == KR_OK && rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Theory of action lezen mislukt");
    sqlite3_finalize(s);
    return r;
}

enum kr_status kr_store_toa_version_put(struct kr_store *st, const char *session_id,
                                        struct kr_toa_version *v, struct kr_error *err)
{
    const char *f[5] = {v->group, v->schoolleiding, v->leraren, v->leerlingen, v->bewijs};
    for (int i = 0; i < 5; i++) {
        enum kr_status r = kr_debrief_check_utf8(f[i], "De theory of action", err);
        if (r != KR_OK)
            return r;
    }
    enum kr_status r = kr_debrief_evidence_check(st, session_id, v->evidence, v->n_evidence, err);
    if (r != KR_OK)
        return r;
    char now[KR_TIME_SIZE];
    kr_clock_now_utc(now);
    kr_store_ensure_id(&v->id);
    char *ev = kr_debrief_evidence_json(v->evidence, v->n_evidence);
    sqlite3_stmt *s = NULL;
    r = kr_store_prepare(
        st,
        "INSERT INTO theory_of_action(id, session_id, group_name, schoolleiding, leraren,"
        " leerlingen, bewijs, evidence, chosen, created_at, updated_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?9, ?9) ON CONFLICT(id) DO UPDATE SET"
        " group_name = excluded.group_name, schoolleiding = excluded.schoolleiding,"
        " leraren = excluded.leraren, leerlingen = excluded.leerlingen, bewijs = excluded.bewijs,"
        " evidence = excluded.evidence, updated_at = excluded.updated_at, deleted_at = NULL"
        " WHERE theory_of_action.session_id = excluded.session_id",
        &s, err);
    if (r == KR_OK) {
        kr_store_bind_text(s, 1, v->id);
        kr_store_bind_text(s, 2, session_id);
        for (int i = 0; i < 5; i++)
            kr_store_bind_text(s, i + 3, f[i]);
        kr_store_bind_text(s, 8, ev);
        kr_store_bind_text(s, 9, now);
        r = kr_debrief_run(st, s, err, "Theory of action opslaan mislukt");
    }
    if (r == KR_OK && sqlite3_changes(st->db) == 0)
        r = kr_error_set(err, KR_INVALID,
                         "Theory of action '%s' hoort bij een andere bijeenkomst; er is niets "
                         "opgeslagen.",
                         v->id);
    free(ev);
    return r;
}

/* Soft delete: sql sets deleted_at = ?2 of the live row with id ?1; fail is the message when
 * SQLite fails, what names the thing when there is no such row. */
enum kr_status kr_debrief_soft_delete(struct kr_store *st, const char *sql, const char *id,
                                      const char *fail, const char *what, struct kr_error *err)
{
    char now[KR_TIME_SIZE];
    kr_clock_now_utc(now);
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(st, sql, &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, id);
    kr_store_bind_text(s, 2, now);
    r = kr_debrief_run(st, s, err, fail);
    if (r == KR_OK && sqlite3_changes(st->db) == 0)
        r = kr_error_set(err, KR_NOT_FOUND, "Geen %s met id '%s'.", what, id);
    return r;
}

enum kr_status kr_store_toa_version_delete(struct kr_store *st, const char *id,
                                           struct kr_error *err)
{
    return kr_debrief_soft_delete(
        st,
        "UPDATE theory_of_action SET deleted_at = ?2, chosen = 0, updated_at = ?2"
        " WHERE id = ?1 AND deleted_at IS NULL",
        id, "Theory of action verwijderen mislukt", "theory of action", err);
}

enum kr_status kr_store_toa_choose(struct kr_store *st, const char *session_id, const char *id,
                                   struct kr_error *err)
{
    enum kr_status r = kr_store_tx_begin(st, err);
    if (r != KR_OK)
        return r;
    char now[KR_TIME_SIZE];
    kr_clock_now_utc(now);
    sqlite3_stmt *s = NULL;
    if (id) {
        r = kr_store_prepare(st,
                             "UPDATE theory_of_action SET chosen = 1, updated_at = ?3 WHERE id = ?1"
                             " AND session_id = ?2 AND deleted_at IS NULL",
                             &s, err);
        if (r == KR_OK) {
            kr_store_bind_text(s, 1, id);
            kr_store_bind_text(s, 2, session_id);
            kr_store_bind_text(s, 3, now);
            r = kr_debrief_run(st, s, err, "Kiezen mislukt");
        }
        if (r == KR_OK && sqlite3_changes(st->db) == 0)
            r = kr_error_set(err, KR_NOT_FOUND,
                             "Geen theory of action met id '%s' bij deze bijeenkomst.", id);
    }
    /* The others stop being chosen; only rows that change get a new time. */
    if (r == KR_OK)
        r = kr_store_prepare(st,
                             "UPDATE theory_of_action SET chosen = 0, updated_at = ?3"
                             " WHERE session_id = ?2 AND chosen = 1 AND id IS NOT ?1",
                             &s, err);
    if (r == KR_OK) {
        kr_store_bind_text(s, 1, id);
        kr_store_bind_text(s, 2, session_id);
        kr_store_bind_text(s, 3, now);
        r = kr_debrief_run(st, s, err, "Kiezen mislukt");
    }
    return kr_store_tx_end(st, r, err);
}

/* ---- the single version of migration 3 ---- */

/* The id kr_store_toa_get/put speak of, or NULL (*out, heap). */
static enum kr_status single_id(struct kr_store *st, const char *session_id, char **out,
                                struct kr_error *err)
{
    *out = NULL;
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(
        st,
        "SELECT coalesce(" CHOSEN_ID("?1") ", (SELECT id FROM theory_of_action WHERE id = 'toa-'"
                                           " || ?1 AND deleted_at IS NULL))",
        &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, session_id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *out = kr_store_col_text(s, 0);
    else
        r = kr_store_fail(st, rc, err, "Theory of action lezen mislukt");
    sqlite3_finalize(s);
    return r;
}

enum kr_status kr_store_toa_put(struct kr_store *st, const char *session_id,
                                const struct kr_theory_of_action *t, struct kr_error *err)
{
    const char *f[4] = {t->schoolleiding, t->leraren, t->leerlingen, t->bewijs};
    for (int i = 0; i < 4; i++) {
        enum kr_status r = kr_debrief_check_utf8(f[i], "De theory of action", err);
        if (r != KR_OK)
            return r;
    }
    enum kr_status r = kr_store_tx_begin(st, err);
    if (r != KR_OK)
        return r;
    char *id = NULL;
    r = single_id(st, session_id, &id, err);
    char now[KR_TIME_SIZE];
    kr_clock_now_utc(now);
    sqlite3_stmt *s = NULL;
    if (r == KR_OK)
        r = kr_store_prepare(
            st,
            id ? "UPDATE theory_of_action SET schoolleiding = ?2, leraren = ?3, leerlingen = ?4,"
                 " bewijs = ?5, updated_at = ?6 WHERE id = ?7"
               /* the version without a group; chosen when no other is (also one deleted
                  before: it comes back) */
               : "INSERT INTO theory_of_action(id, session_id, schoolleiding, leraren, leerlingen,"
                 " bewijs, chosen, created_at, updated_at) VALUES ('toa-' || ?1, ?1, ?2, ?3, ?4,"
                 " ?5, " CHOSEN_ID(
                     "?1") " IS NULL, ?6, ?6) ON CONFLICT(id) DO UPDATE SET"
                           " schoolleiding = excluded.schoolleiding, leraren = excluded.leraren,"
                           " leerlingen = excluded.leerlingen, bewijs = excluded.bewijs,"
                           " chosen = excluded.chosen, updated_at = excluded.updated_at, "
                           "deleted_at = NULL",
            &s, err);
    if (r == KR_OK) {
        kr_store_bind_text(s, 1, session_id);
        for (int i = 0; i < 4; i++)
            kr_store_bind_text(s, i + 2, f[i]);
        kr_store_bind_text(s, 6, now);
        if (id)
            kr_store_bind_text(s, 7, id);
        r = kr_debrief_run(st, s, err, "Theory of action opslaan mislukt");
    }
    free(id);
    return kr_store_tx_end(st, r, err);
}

enum kr_status kr_store_toa_get(struct kr_store *st, const char *session_id,
                                struct kr_theory_of_action *out, struct kr_error *err)
{
    memset(out, 0, sizeof *out);
    char *id = NULL;
    enum kr_status r = single_id(st, session_id, &id, err);
    if (r != KR_OK || !id)
        return r;
    sqlite3_stmt *s = NULL;
    r = kr_store_prepare(st,
                         "SELECT schoolleiding, leraren, leerlingen, bewijs FROM theory_of_action"
                         " WHERE id = ?1",
                         &s, err);
    if (r == KR_OK) {
        kr_store_bind_text(s, 1, id);
        int rc = sqlite3_step(s);
        if (rc == SQLITE_ROW) {
            out->schoolleiding = kr_store_col_text(s, 0);
            out->leraren = kr_store_col_text(s, 1);
            out->leerlingen = kr_store_col_text(s, 2);
            out->bewijs = kr_store_col_text(s, 3);
        } else if (rc != SQLITE_DONE) {
            r = kr_store_fail(st, rc, err, "Theory of action lezen mislukt");
        }
        sqlite3_finalize(s);
    }
    free(id);
    return r;
}
