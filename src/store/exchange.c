/* SPDX-License-Identifier: MIT */
/*
 * kijkronde/1 JSON export and import, and merging another database, with SQLite's
 * JSON functions and ATTACH. Import and merge share one path: the rows to add are
 * first put in a schema "src" (an attached read-only database for merge, an
 * in-memory database filled from the JSON for import) and then one set of upserts
 * brings src into main. Each upsert keeps, per id, the greatest version under one
 * total order (updated_at, then the content as JSON text), which makes the result
 * independent of the order in which databases are merged, and a second run a no-op.
 */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kijkronde/clock.h"
#include "kijkronde/mem.h"
#include "kijkronde/model.h"
#include "kijkronde/nfc.h"
#include "kijkronde/store_exchange.h"
#include "kijkronde/utf8.h"
#include "kijkronde/uuid.h"
#include "store_internal.h"

/* ---- SQL functions used by validation and staging ---- */

/* kr_text_ok(x): 1 when x is text without NUL and valid UTF-8. */
static void fn_text_ok(sqlite3_context *c, int argc, sqlite3_value **v)
{
    (void)argc;
    if (sqlite3_value_type(v[0]) != SQLITE_TEXT) {
        sqlite3_result_int(c, 1);
        return;
    }
    const char *s = (const char *)sqlite3_value_text(v[0]);
    size_t n = (size_t)sqlite3_value_bytes(v[0]);
    sqlite3_result_int(c, s && memchr(s, 0, n) == NULL && kr_utf8_valid(s, n, NULL));
}

/* kr_line_ok(x): 1 when x is text as kr_text_ok and without any control character. */
static void fn_line_ok(sqlite3_context *c, int argc, sqlite3_value **v)
{
    (void)argc;
    if (sqlite3_value_type(v[0]) != SQLITE_TEXT) {
        sqlite3_result_int(c, 0);
        return;
    }
    const char *s = (const char *)sqlite3_value_text(v[0]);
    size_t n = (size_t)sqlite3_value_bytes(v[0]);
    bool ok = s && memchr(s, 0, n) == NULL && kr_utf8_valid(s, n, NULL);
    for (size_t i = 0; ok && i < n;) {
        uint32_t cp;
        i += kr_utf8_decode(s + i, n - i, &cp);
        ok = !kr_utf8_is_control(cp);
    }
    sqlite3_result_int(c, ok);
}

/* kr_iso_ok(x): 1 when x is an ISO 8601 time kijkronde accepts. */
static void fn_iso_ok(sqlite3_context *c, int argc, sqlite3_value **v)
{
    (void)argc;
    const char *s = (const char *)sqlite3_value_text(v[0]);
    sqlite3_result_int(c, sqlite3_value_type(v[0]) == SQLITE_TEXT && s && kr_clock_valid_iso(s));
}

/* kr_date_ok(x): 1 when x is a real YYYY-MM-DD date. */
static void fn_date_ok(sqlite3_context *c, int argc, sqlite3_value **v)
{
    (void)argc;
    const char *s = (const char *)sqlite3_value_text(v[0]);
    sqlite3_result_int(c, sqlite3_value_type(v[0]) == SQLITE_TEXT && s && strlen(s) == 10 &&
                              kr_clock_valid_date(s));
}

/* kr_fnv(a, b, ...): a 64-bit FNV-1a hash of the arguments as hex, for stable synthetic ids. */
static void fn_fnv(sqlite3_context *c, int argc, sqlite3_value **v)
{
    uint64_t h = 1469598103934665603u;
    for (int a = 0; a < argc; a++) {
        const unsigned char *s = sqlite3_value_text(v[a]);
        int n = sqlite3_value_bytes(v[a]);
        for (int i = 0; s && i < n; i++) {
            h ^= s[i];
            h *= 1099511628211u;
        }
        h ^= 0xff; /* separates ("ab","c") from ("a","bc") */
        h *= 1099511628211u;
    }
    char hex[17];
    snprintf(hex, sizeof hex, "%016llx", (unsigned long long)h);
    sqlite3_result_text(c, hex, 16, SQLITE_TRANSIENT);
}

/* kr_uuid(): a new UUID. */
static void fn_uuid(sqlite3_context *c, int argc, sqlite3_value **v)
{
    (void)argc;
    (void)v;
    char u[KR_UUID_SIZE];
    kr_uuid_new(u);
    sqlite3_result_text(c, u, -1, SQLITE_TRANSIENT);
}

void kr_store_set_progress(struct kr_store *st, const struct kr_progress *p)
{
    st->progress = p;
}

/* kr_tick(): 1, and one unit of the job's progress; in the WHERE of the long statements,
 * so that the watcher hears of every row (not deterministic: evaluated per row). */
static void fn_tick(sqlite3_context *c, int argc, sqlite3_value **v)
{
    (void)argc;
    (void)v;
    struct kr_store *st = sqlite3_user_data(c);
    kr_progress_add(&st->plan, 1);
    sqlite3_result_int(c, 1);
}

static enum kr_status register_tick(struct kr_store *st, struct kr_error *err)
{
    int rc = sqlite3_create_function_v2(st->db, "kr_tick", 0, SQLITE_UTF8 | SQLITE_DIRECTONLY, st,
                                        fn_tick, NULL, NULL, NULL);
    return rc == SQLITE_OK ? KR_OK : kr_store_fail(st, rc, err, "Voorbereiden mislukt");
}

/* One count(*) (a statement without parameters); 0 when it fails. */
static size_t count_of(struct kr_store *st, const char *sql)
{
    sqlite3_stmt *s = NULL;
    size_t n = 0;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        n = (size_t)sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return n;
}

static enum kr_status register_functions(struct kr_store *st, struct kr_error *err)
{
    static const struct {
        const char *name;
        int nargs, flags;
        void (*fn)(sqlite3_context *, int, sqlite3_value **);
    } fns[] = {
        {"kr_text_ok", 1, SQLITE_DETERMINISTIC, fn_text_ok},
        {"kr_iso_ok", 1, SQLITE_DETERMINISTIC, fn_iso_ok},
        {"kr_line_ok", 1, SQLITE_DETERMINISTIC, fn_line_ok},
        {"kr_date_ok", 1, SQLITE_DETERMINISTIC, fn_date_ok},
        {"kr_fnv", -1, SQLITE_DETERMINISTIC, fn_fnv},
        {"kr_uuid", 0, 0, fn_uuid},
    };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
        int rc = sqlite3_create_function_v2(st->db, fns[i].name, fns[i].nargs,
                                            SQLITE_UTF8 | fns[i].flags, NULL, fns[i].fn, NULL, NULL,
                                            NULL);
        if (rc != SQLITE_OK)
            return kr_store_fail(st, rc, err, "Voorbereiden mislukt");
    }
    return register_tick(st, err);
}

/* ---- export ---- */

/*
 * Write JSON text made by SQLite, with DEL and the C1 controls (which SQLite leaves
 * raw) as \u escapes: they can only occur inside strings, so this keeps the JSON
 * equal in meaning and keeps escape bytes away from a terminal.
 */
static void put_json_inert(FILE *out, const char *s, size_t len)
{
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char b = (unsigned char)s[i];
        unsigned cp = 0;
        size_t n = 0;
        if (b == 0x7f) {
            cp = 0x7f;
            n = 1;
        } else if (b == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
                   (unsigned char)s[i + 1] <= 0x9f) {
            cp = (unsigned char)s[i + 1];
            n = 2;
        }
        if (n) {
            fwrite(s + start, 1, i - start, out);
            fprintf(out, "\\u%04x", cp);
            i += n - 1;
            start = i + 1;
        }
    }
    fwrite(s + start, 1, len - start, out);
}

/* Run sql (binding ?1 = id) and write each row's first column, joined by ",\n". */
static enum kr_status put_rows(struct kr_store *st, FILE *out, const char *key, const char *sql,
                               const char *id, struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(st, sql, &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, id);
    fprintf(out, ",\n\"%s\": [", key);
    int rc, n = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        fputs(n++ ? ",\n" : "\n", out);
        put_json_inert(out, (const char *)sqlite3_column_text(s, 0),
                       (size_t)sqlite3_column_bytes(s, 0));
    }
    if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Exporteren mislukt");
    fputs("]", out);
    sqlite3_finalize(s);
    return r;
}

static const char SQL_EXPORT_SESSION[] =
    "SELECT json_object('id', s.id, 'network', n.name, 'host_school', s.host_school,"
    " 'date', s.date, 'basisvaardigheid', s.basisvaardigheid, 'ontwikkelvraag', s.ontwikkelvraag,"
    " 'kijkvraag', json_object('id', s.kijkvraag_id, 'text', s.kijkvraag_text),"
    " 'network_id', s.network_id, 'kind', s.kind, 'kijkpunten', s.kijkpunten,"
    " 'demo', json(CASE WHEN s.is_demo THEN 'true' ELSE 'false' END),"
    " 'created_at', s.created_at, 'updated_at', s.updated_at)"
    " FROM session s LEFT JOIN network n ON n.id = s.network_id WHERE s.id = ?1";

static const char SQL_EXPORT_TWEETALLEN[] =
    "SELECT json_object('id', id, 'name', name) FROM tweetal WHERE session_id = ?1"
    " ORDER BY name, id";

static const char SQL_EXPORT_PARTICIPANTS[] =
    "SELECT json_object('id', id, 'tweetal', tweetal_id, 'name', name, 'role', role,"
    " 'school', school) FROM participant WHERE session_id = ?1 ORDER BY tweetal_id, name, id";

static const char SQL_EXPORT_VISITS[] =
    "SELECT json_object('id', v.id, 'label', v.label, 'subject', v.subject, 'pair', t.name,"
    " 'started_at', v.started_at, 'ended_at', v.ended_at, 'pair_id', v.tweetal_id)"
    " FROM visit v LEFT JOIN tweetal t ON t.id = v.tweetal_id WHERE v.session_id = ?1"
    " ORDER BY v.started_at, v.label, v.id";

#define SQL_EXPORT_OBS(deleted)                                                                    \
    "SELECT json_object('id', o.id, 'visit', o.visit_id, 'at', o.at, 'text', o.text,"              \
    " 'corner', o.corner, 'observer', o.observer, 'keep_reason', o.keep_reason,"                   \
    " 'created_at', o.created_at, 'updated_at', o.updated_at, 'deleted_at', o.deleted_at,"         \
    " 'history', json((SELECT json_group_array(json_object('id', h.id, 'at', h.at,"                \
    " 'change', h.change, 'text', h.text, 'corner', h.corner)) FROM (SELECT * FROM"                \
    " observation_version h WHERE h.observation_id = o.id ORDER BY h.at, h.id) h)))"               \
    " FROM observation o JOIN visit v ON v.id = o.visit_id WHERE v.session_id = ?1"                \
    " AND o.deleted_at IS " deleted " ORDER BY o.at, o.id"

/* The group's reflection: decisions on patterns, the debrief phases, the theory of action. */
static const char SQL_EXPORT_GROUP_PATTERNS[] =
    "SELECT json_object('id', id, 'corner', corner, 'label', label, 'created_at', created_at,"
    " 'updated_at', updated_at) FROM reflection_pattern WHERE session_id = ?1 ORDER BY id";
static const char SQL_EXPORT_GROUP_NOTES[] =
    "SELECT json_object('observation', observation_id, 'corner', corner, 'pattern', pattern_id,"
    " 'updated_at', updated_at) FROM reflection_note WHERE session_id = ?1"
    " ORDER BY observation_id";
static const char SQL_EXPORT_PHASES[] =
    "SELECT json_object('phase', phase, 'text', text, 'updated_at', updated_at)"
    " FROM reflection_phase WHERE session_id = ?1 ORDER BY CASE phase WHEN 'beschrijven' THEN 0"
    " WHEN 'analyseren' THEN 1 WHEN 'voorspellen' THEN 2 ELSE 3 END";
/* The theory of action per groepje and the next steps (schema 8, the contract's shape plus
 * bookkeeping keys). "chosen" is true for one version at most: when a merge left two marked,
 * for the one changed last (as kr_store_toa_list). */
#define SQL_EXPORT_TOA(deleted)                                                                    \
    "SELECT json_object('id', t.id, 'group', t.group_name, 'schoolleiding', t.schoolleiding,"      \
    " 'leraren', t.leraren, 'leerlingen', t.leerlingen, 'evidence', json(t.evidence),"             \
    " 'bewijs', t.bewijs, 'chosen', json(CASE WHEN t.id IS (SELECT c.id FROM theory_of_action c"   \
    " WHERE c.session_id = t.session_id AND c.chosen = 1 AND c.deleted_at IS NULL ORDER BY"        \
    " c.updated_at DESC, c.id DESC LIMIT 1) THEN 'true' ELSE 'false' END),"                        \
    " 'created_at', t.created_at, 'updated_at', t.updated_at, 'deleted_at', t.deleted_at)"         \
    " FROM theory_of_action t WHERE t.session_id = ?1 AND t.deleted_at IS " deleted                \
    " ORDER BY t.created_at, t.group_name, t.id"
#define SQL_EXPORT_STEPS(deleted)                                                                  \
    "SELECT json_object('id', id, 'text', text, 'actor', actor, 'horizon', horizon,"               \
    " 'evidence', json(evidence), 'follow_up', json(CASE WHEN follow_up_status IS NULL"            \
    " THEN 'null' ELSE json_object('session', follow_up_session_id, 'status', follow_up_status,"   \
    " 'text', follow_up_text) END), 'follow_up_at', follow_up_at, 'position', position,"           \
    " 'created_at', created_at, 'updated_at', updated_at, 'deleted_at', deleted_at)"               \
    " FROM next_step WHERE session_id = ?1 AND deleted_at IS " deleted                             \
    " ORDER BY position, created_at, id"

enum kr_status kr_store_export_json(struct kr_store *st, const char *session_id, FILE *out,
                                    struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    /* One read transaction, so a writer in between cannot tear the export. */
    enum kr_status r = kr_store_exec(st, "BEGIN", err);
    if (r != KR_OK)
        return r;
    r = kr_store_prepare(st, SQL_EXPORT_SESSION, &s, err);
    if (r != KR_OK)
        goto out;
    kr_store_bind_text(s, 1, session_id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_DONE)
        r = kr_error_set(err, KR_NOT_FOUND, "Geen bijeenkomst met id '%s'.", session_id);
    else if (rc != SQLITE_ROW)
        r = kr_store_fail(st, rc, err, "Exporteren mislukt");
    if (r == KR_OK) {
        fputs("{\"format\": \"kijkronde/1\",\n\"session\": ", out);
        put_json_inert(out, (const char *)sqlite3_column_text(s, 0),
                       (size_t)sqlite3_column_bytes(s, 0));
    }
    sqlite3_finalize(s);
    if (r == KR_OK)
        r = put_rows(st, out, "visits", SQL_EXPORT_VISITS, session_id, err);
    if (r == KR_OK)
        r = put_rows(st, out, "observations", SQL_EXPORT_OBS("NULL"), session_id, err);
    if (r == KR_OK)
        r = put_rows(st, out, "tweetallen", SQL_EXPORT_TWEETALLEN, session_id, err);
    if (r == KR_OK)
        r = put_rows(st, out, "participants", SQL_EXPORT_PARTICIPANTS, session_id, err);
    if (r == KR_OK)
        r = put_rows(st, out, "deleted_observations", SQL_EXPORT_OBS("NOT NULL"), session_id, err);
    if (r == KR_OK)
        r = put_rows(st, out, "group_patterns", SQL_EXPORT_GROUP_PATTERNS, session_id, err);
    if (r == KR_OK)
        r = put_rows(st, out, "group_notes", SQL_EXPORT_GROUP_NOTES, session_id, err);
    if (r == KR_OK)
        r = put_rows(st, out, "reflection_phases", SQL_EXPORT_PHASES, session_id, err);
    if (r == KR_OK)
        r = put_rows(st, out, "theory_of_action", SQL_EXPORT_TOA("NULL"), session_id, err);
    if (r == KR_OK)
        r = put_rows(st, out, "deleted_theory_of_action", SQL_EXPORT_TOA("NOT NULL"), session_id,
                     err);
    if (r == KR_OK)
        r = put_rows(st, out, "next_steps", SQL_EXPORT_STEPS("NULL"), session_id, err);
    if (r == KR_OK)
        r = put_rows(st, out, "deleted_next_steps", SQL_EXPORT_STEPS("NOT NULL"), session_id, err);
    if (r == KR_OK) {
        fputs("}\n", out);
        if (fflush(out) != 0 || ferror(out))
            r = kr_error_set(err, KR_IO, "Schrijven van de export mislukt: %s%s.",
                             kr_strerror(errno), kr_strerror_hint(errno));
    }
out:
    if (!sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
    return r;
}

/* ---- merging schema src into main ---- */

static enum kr_status count_rows(struct kr_store *st, const char *table, long *out,
                                 struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    char sql[80];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM main.%s", table);
    enum kr_status r = kr_store_prepare(st, sql, &s, err);
    if (r != KR_OK)
        return r;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *out = (long)sqlite3_column_int64(s, 0);
    else
        r = kr_store_fail(st, rc, err, "Tellen mislukt");
    sqlite3_finalize(s);
    return r;
}

/* The theory of action from src (columns as expressions, for src tables of either shape). */
#define MERGE_TOA_FROM(id, group, evidence, chosen, created, deleted)                              \
    "INSERT INTO main.theory_of_action(id, session_id, group_name, schoolleiding, leraren,"        \
    " leerlingen, bewijs, evidence, chosen, created_at, updated_at, deleted_at) SELECT " id ","    \
    " session_id, " group ", schoolleiding, leraren, leerlingen, bewijs, " evidence ", " chosen    \
    ", " created ", updated_at, " deleted " FROM src.theory_of_action WHERE true"
#define MERGE_TOA_TAIL                                                                             \
    " ON CONFLICT(id) DO UPDATE SET session_id = excluded.session_id,"                             \
    " group_name = excluded.group_name, schoolleiding = excluded.schoolleiding,"                   \
    " leraren = excluded.leraren, leerlingen = excluded.leerlingen, bewijs = excluded.bewijs,"     \
    " evidence = excluded.evidence, chosen = excluded.chosen, created_at = excluded.created_at,"   \
    " updated_at = excluded.updated_at, deleted_at = excluded.deleted_at"                          \
    " WHERE (excluded.updated_at, json_array(excluded.deleted_at IS NOT NULL,"                     \
    " excluded.session_id, excluded.group_name, excluded.schoolleiding, excluded.leraren,"         \
    " excluded.leerlingen, excluded.bewijs, excluded.evidence, excluded.chosen,"                   \
    " excluded.created_at, excluded.deleted_at)) > (updated_at, json_array(deleted_at IS NOT"      \
    " NULL, session_id, group_name, schoolleiding, leraren, leerlingen, bewijs, evidence,"         \
    " chosen, created_at, deleted_at))"
/* A database from before schema 8: its one row is the version without a group. */
static const char MERGE_TOA_V3[] = MERGE_TOA_FROM("'toa-' || session_id", "NULL", "'[]'", "1",
                                                  "updated_at", "NULL") MERGE_TOA_TAIL;
/*
 * The upserts, parents before children. For each table the WHERE of DO UPDATE
 * compares the incoming row with the present one under the total order described
 * at the top; only a greater row replaces. History rows never change: a row whose
 * id is present is ignored.
 */
static const struct {
    const char *table;
    const char *sql;
} MERGE_SQL[] = {
    {"network", "INSERT INTO main.network(id, name, created_at)"
                " SELECT id, name, created_at FROM src.network WHERE true"
                " ON CONFLICT(id) DO UPDATE SET name = excluded.name,"
                " created_at = excluded.created_at"
                " WHERE json_array(excluded.name, excluded.created_at)"
                " > json_array(name, created_at)"},
    {"session",
     "INSERT INTO main.session(id, network_id, kind, date, host_school, basisvaardigheid,"
     " ontwikkelvraag, kijkvraag_id, kijkvraag_text, kijkpunten, is_demo, created_at, updated_at)"
     " SELECT id, network_id, kind, date, host_school, basisvaardigheid, ontwikkelvraag,"
     " kijkvraag_id, kijkvraag_text, kijkpunten, is_demo, created_at, updated_at"
     " FROM src.session WHERE true"
     " ON CONFLICT(id) DO UPDATE SET network_id = excluded.network_id, kind = excluded.kind,"
     " date = excluded.date, host_school = excluded.host_school,"
     " basisvaardigheid = excluded.basisvaardigheid, ontwikkelvraag = excluded.ontwikkelvraag,"
     " kijkvraag_id = excluded.kijkvraag_id, kijkvraag_text = excluded.kijkvraag_text,"
     " kijkpunten = excluded.kijkpunten, is_demo = excluded.is_demo,"
     " created_at = excluded.created_at, updated_at = excluded.updated_at"
     " WHERE (excluded.updated_at, json_array(excluded.network_id, excluded.kind, excluded.date,"
     " excluded.host_school, excluded.basisvaardigheid, excluded.ontwikkelvraag,"
     " excluded.kijkvraag_id, excluded.kijkvraag_text, excluded.kijkpunten, excluded.is_demo,"
     " excluded.created_at)) > (updated_at, json_array(network_id, kind, date, host_school,"
     " basisvaardigheid, ontwikkelvraag, kijkvraag_id, kijkvraag_text, kijkpunten, is_demo,"
     " created_at))"},
    {"tweetal", "INSERT INTO main.tweetal(id, session_id, name)"
                " SELECT id, session_id, name FROM src.tweetal WHERE true"
                " ON CONFLICT(id) DO UPDATE SET session_id = excluded.session_id,"
                " name = excluded.name"
                " WHERE json_array(excluded.session_id, excluded.name)"
                " > json_array(session_id, name)"},
    {"participant", "INSERT INTO main.participant(id, session_id, tweetal_id, name, role, school)"
                    " SELECT id, session_id, tweetal_id, name, role, school"
                    " FROM src.participant WHERE true"
                    " ON CONFLICT(id) DO UPDATE SET session_id = excluded.session_id,"
                    " tweetal_id = excluded.tweetal_id, name = excluded.name,"
                    " role = excluded.role, school = excluded.school"
                    " WHERE json_array(excluded.session_id, excluded.tweetal_id, excluded.name,"
                    " excluded.role, excluded.school)"
                    " > json_array(session_id, tweetal_id, name, role, school)"},
    /* An ended visit beats an open one; otherwise the content decides. */
    {"visit", "INSERT INTO main.visit(id, session_id, tweetal_id, label, subject, started_at,"
              " ended_at) SELECT id, session_id, tweetal_id, label, subject, started_at, ended_at"
              " FROM src.visit WHERE true"
              " ON CONFLICT(id) DO UPDATE SET session_id = excluded.session_id,"
              " tweetal_id = excluded.tweetal_id, label = excluded.label,"
              " subject = excluded.subject, started_at = excluded.started_at,"
              " ended_at = excluded.ended_at"
              " WHERE json_array(excluded.ended_at IS NOT NULL, excluded.session_id,"
              " excluded.tweetal_id, excluded.label, excluded.subject, excluded.started_at,"
              " excluded.ended_at) > json_array(ended_at IS NOT NULL, session_id, tweetal_id,"
              " label, subject, started_at, ended_at)"},
    /* The newest version of a note shows; a deleted or kept-with-reason one wins a tie. */
    {"observation",
     "INSERT INTO main.observation(id, visit_id, at, text, corner, observer, keep_reason,"
     " created_at, updated_at, deleted_at) SELECT id, visit_id, at, text, corner, observer,"
     " keep_reason, created_at, updated_at, deleted_at FROM src.observation WHERE true"
     " ON CONFLICT(id) DO UPDATE SET visit_id = excluded.visit_id, at = excluded.at,"
     " text = excluded.text, corner = excluded.corner, observer = excluded.observer,"
     " keep_reason = excluded.keep_reason, created_at = excluded.created_at,"
     " updated_at = excluded.updated_at, deleted_at = excluded.deleted_at"
     " WHERE (excluded.updated_at, json_array(excluded.deleted_at IS NOT NULL,"
     " excluded.keep_reason IS NOT NULL, excluded.visit_id, excluded.at, excluded.text,"
     " excluded.corner, excluded.observer, excluded.keep_reason, excluded.created_at,"
     " excluded.deleted_at)) > (updated_at, json_array(deleted_at IS NOT NULL,"
     " keep_reason IS NOT NULL, visit_id, at, text, corner, observer, keep_reason, created_at,"
     " deleted_at))"},
    {"observation_version",
     "INSERT OR IGNORE INTO main.observation_version(id, observation_id, at, change, text,"
     " corner) SELECT id, observation_id, at, change, text, corner FROM src.observation_version"},
    /* The reflection (schema 3): the newest decision wins. A decision undone on one laptop
     * (a row removed there) comes back from the other: these rows have no soft delete. */
    {"reflection_pattern",
     "INSERT INTO main.reflection_pattern(id, session_id, corner, label, created_at,"
     " updated_at) SELECT id, session_id, corner, label, created_at, updated_at"
     " FROM src.reflection_pattern WHERE true ON CONFLICT(id) DO UPDATE SET"
     " session_id = excluded.session_id, corner = excluded.corner, label = excluded.label,"
     " created_at = excluded.created_at, updated_at = excluded.updated_at"
     " WHERE (excluded.updated_at, json_array(excluded.session_id, excluded.corner,"
     " excluded.label, excluded.created_at)) > (updated_at, json_array(session_id, corner,"
     " label, created_at))"},
    {"reflection_note",
     "INSERT INTO main.reflection_note(observation_id, session_id, corner, pattern_id,"
     " updated_at) SELECT observation_id, session_id, corner, pattern_id, updated_at"
     " FROM src.reflection_note WHERE true ON CONFLICT(observation_id) DO UPDATE SET"
     " session_id = excluded.session_id, corner = excluded.corner,"
     " pattern_id = excluded.pattern_id, updated_at = excluded.updated_at"
     " WHERE (excluded.updated_at, json_array(excluded.session_id, excluded.corner,"
     " excluded.pattern_id)) > (updated_at, json_array(session_id, corner, pattern_id))"},
    {"reflection_phase",
     "INSERT INTO main.reflection_phase(session_id, phase, text, updated_at)"
     " SELECT session_id, phase, text, updated_at FROM src.reflection_phase WHERE true"
     " ON CONFLICT(session_id, phase) DO UPDATE SET text = excluded.text,"
     " updated_at = excluded.updated_at"
     " WHERE (excluded.updated_at, excluded.text) > (updated_at, text)"},
    /* Schema 7: a version per groepje, evidence inside the row; soft deletes travel. */
    /* (from a database before schema 8: MERGE_TOA_V3) */
    {"theory_of_action", MERGE_TOA_FROM("id", "group_name", "evidence", "chosen", "created_at",
                                        "deleted_at") MERGE_TOA_TAIL},
    /* A step and its follow-up each by their own time, so a follow-up recorded on one laptop
     * and a rewording on another both stay. */
    {"next_step",
     "INSERT INTO main.next_step(id, session_id, text, actor, horizon, evidence, position,"
     " created_at, updated_at, deleted_at, follow_up_session_id, follow_up_status,"
     " follow_up_text, follow_up_at) SELECT id, session_id, text, actor, horizon, evidence,"
     " position, created_at, updated_at, deleted_at, follow_up_session_id, follow_up_status,"
     " follow_up_text, follow_up_at FROM src.next_step WHERE true ON CONFLICT(id) DO UPDATE SET"
     " session_id = excluded.session_id, text = excluded.text, actor = excluded.actor,"
     " horizon = excluded.horizon, evidence = excluded.evidence, position = excluded.position,"
     " created_at = excluded.created_at, updated_at = excluded.updated_at,"
     " deleted_at = excluded.deleted_at"
     " WHERE (excluded.updated_at, json_array(excluded.deleted_at IS NOT NULL,"
     " excluded.session_id, excluded.text, excluded.actor, excluded.horizon, excluded.evidence,"
     " excluded.position, excluded.created_at, excluded.deleted_at)) > (updated_at,"
     " json_array(deleted_at IS NOT NULL, session_id, text, actor, horizon, evidence, position,"
     " created_at, deleted_at));"
     "UPDATE main.next_step SET follow_up_session_id = x.follow_up_session_id,"
     " follow_up_status = x.follow_up_status, follow_up_text = x.follow_up_text,"
     " follow_up_at = x.follow_up_at FROM src.next_step x WHERE x.id = next_step.id"
     " AND (coalesce(x.follow_up_at, ''), json_array(x.follow_up_session_id,"
     " x.follow_up_status, x.follow_up_text)) > (coalesce(next_step.follow_up_at, ''),"
     " json_array(next_step.follow_up_session_id, next_step.follow_up_status,"
     " next_step.follow_up_text))"},
};

/* Does schema src have this table? (An older database may lack the reflection.) */
static bool src_has(struct kr_store *st, const char *table)
{
    sqlite3_stmt *s = NULL;
    bool yes = false;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT 1 FROM src.sqlite_schema WHERE type = 'table' AND name = ?1", -1,
                           &s, NULL) == SQLITE_OK) {
        kr_store_bind_text(s, 1, table);
        yes = sqlite3_step(s) == SQLITE_ROW;
    }
    sqlite3_finalize(s);
    return yes;
}

/*
 * Run the upsert sql of a big table (its SELECT reads "FROM src.TABLE", maybe followed by
 * "WHERE true") in slices of rowids, telling the progress after each: a table with
 * triggers has its whole SELECT gathered before the first row goes in, so a tick per
 * selected row would say nothing of the inserting. Same rows, same order, one transaction.
 * *changed gets the rows inserted or updated.
 */
static enum kr_status exec_sliced(struct kr_store *st, const char *table, const char *sql,
                                  long *changed, struct kr_error *err)
{
    enum { SLICE = 4096 };
    char from[64], range[128];
    snprintf(from, sizeof from, " FROM src.%s", table);
    snprintf(range, sizeof range, "SELECT min(rowid), max(rowid), count(*) FROM src.%s", table);
    const char *at = strstr(sql, from);
    assert(at && (at[strlen(from)] == 0 || at[strlen(from)] == ' '));
    const char *rest = at + strlen(from);
    if (strncmp(rest, " WHERE true", 11) == 0)
        rest += 11;
    char *q =
        kr_xasprintf("%.*s%s WHERE rowid BETWEEN ?1 AND ?2%s", (int)(at - sql), sql, from, rest);
    sqlite3_stmt *s = NULL;
    long long lo = 0, hi = -1, n = 0;
    int rc = sqlite3_prepare_v2(st->db, range, -1, &s, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        lo = sqlite3_column_int64(s, 0);
        hi = sqlite3_column_int64(s, 1);
        n = sqlite3_column_int64(s, 2);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(s);
    s = NULL;
    enum kr_status r = KR_OK;
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(st->db, q, -1, &s, NULL);
    if (rc != SQLITE_OK)
        r = kr_store_fail(st, rc, err, "Samenvoegen mislukt");
    *changed = 0;
    for (long long a = lo; r == KR_OK && n > 0 && a <= hi; a += SLICE) {
        long long b = hi - a < SLICE ? hi : a + SLICE - 1;
        sqlite3_bind_int64(s, 1, a);
        sqlite3_bind_int64(s, 2, b);
        rc = sqlite3_step(s);
        if (rc != SQLITE_DONE) {
            r = kr_store_fail(st, rc, err, "Samenvoegen mislukt");
            break;
        }
        *changed += (long)sqlite3_changes(st->db);
        sqlite3_reset(s);
        /* the rows of this slice, as a share of the table's rows */
        kr_progress_add(&st->plan, (size_t)((b - a + 1) * n / (hi - lo + 1)));
    }
    sqlite3_finalize(s);
    free(q);
    return r;
}

/* Does src.table have this column? */
static bool src_has_col(struct kr_store *st, const char *table, const char *col)
{
    sqlite3_stmt *s = NULL;
    bool yes = false;
    if (sqlite3_prepare_v2(st->db, "SELECT 1 FROM pragma_table_info(?1, 'src') WHERE name = ?2", -1,
                           &s, NULL) == SQLITE_OK) {
        kr_store_bind_text(s, 1, table);
        kr_store_bind_text(s, 2, col);
        yes = sqlite3_step(s) == SQLITE_ROW;
    }
    sqlite3_finalize(s);
    return yes;
}

static enum kr_status merge_src(struct kr_store *st, struct kr_exchange_stats *stats,
                                struct kr_error *err)
{
    enum kr_status r = register_tick(st, err);
    struct kr_exchange_stats tmp = {0};
    /* A merge of its own (not the last step of an import): a unit per note and version. */
    bool own_plan = !st->plan.total;
    if (own_plan && st->progress) {
        size_t notes = count_of(st, "SELECT count(*) FROM src.observation");
        kr_progress_begin(&st->plan, st->progress, notes,
                          notes + count_of(st, "SELECT count(*) FROM src.observation_version"));
    }
    for (size_t i = 0; r == KR_OK && i < sizeof MERGE_SQL / sizeof MERGE_SQL[0]; i++) {
        if (!src_has(st, MERGE_SQL[i].table))
            continue;
        const char *sql = MERGE_SQL[i].sql;
        if (strcmp(MERGE_SQL[i].table, "theory_of_action") == 0 &&
            !src_has_col(st, "theory_of_action", "id"))
            sql = MERGE_TOA_V3;
        long before = 0, after = 0, changed = 0;
        bool big = strcmp(MERGE_SQL[i].table, "observation") == 0 ||
                   strcmp(MERGE_SQL[i].table, "observation_version") == 0;
        r = count_rows(st, MERGE_SQL[i].table, &before, err);
        sqlite3_int64 total = sqlite3_total_changes64(st->db);
        if (r == KR_OK && big) {
            r = exec_sliced(st, MERGE_SQL[i].table, sql, &changed, err);
        } else if (r == KR_OK) {
            r = kr_store_exec(st, sql, err);
            changed = (long)sqlite3_changes(st->db);
        }
        if (strcmp(MERGE_SQL[i].table, "theory_of_action") == 0 ||
            strcmp(MERGE_SQL[i].table, "next_step") == 0) /* (next_step is two statements) */
            tmp.debrief_changed += (long)(sqlite3_total_changes64(st->db) - total);
        if (r == KR_OK)
            r = count_rows(st, MERGE_SQL[i].table, &after, err);
        if (r != KR_OK)
            break;
        long added = after - before;
        if (strcmp(MERGE_SQL[i].table, "session") == 0) {
            tmp.sessions_new = added;
            tmp.sessions_updated = changed - added;
        } else if (strcmp(MERGE_SQL[i].table, "visit") == 0) {
            tmp.visits_new = added;
            tmp.visits_updated = changed - added;
        } else if (strcmp(MERGE_SQL[i].table, "tweetal") == 0) {
            tmp.tweetallen_new = added;
            tmp.tweetallen_updated = changed - added;
        } else if (strcmp(MERGE_SQL[i].table, "observation") == 0) {
            tmp.observations_new = added;
            tmp.observations_updated = changed - added;
        } else if (strcmp(MERGE_SQL[i].table, "observation_version") == 0) {
            tmp.versions_new = added;
        } else if (strcmp(MERGE_SQL[i].table, "theory_of_action") != 0 &&
                   strcmp(MERGE_SQL[i].table, "next_step") != 0) { /* (debrief_changed) */
            tmp.other_changed += changed;
        }
    }
    if (r == KR_OK && stats)
        *stats = tmp;
    if (own_plan)
        kr_progress_end(&st->plan);
    return r;
}

/* ---- JSON syntax: where exactly is it broken? ---- */

static void line_col(const char *s, size_t len, size_t off, size_t *line, size_t *col);

struct jscan {
    const char *s;
    size_t len, pos;
    const char *why;
    char why_buf[256]; /* for a why with a value in it */
};

static void js_ws(struct jscan *j)
{
    while (j->pos < j->len && (j->s[j->pos] == ' ' || j->s[j->pos] == '\t' ||
                               j->s[j->pos] == '\n' || j->s[j->pos] == '\r'))
        j->pos++;
}

static int js_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* The value of four hex digits (already checked to be hex, or stops at the first non-hex). */
static unsigned hex4(const char *p)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        unsigned d = c >= '0' && c <= '9'   ? (unsigned)(c - '0')
                     : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
                     : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
                                            : 16;
        if (d == 16)
            return 0xFFFFFFFFu;
        v = v * 16 + d;
    }
    return v;
}

static int js_string(struct jscan *j)
{
    j->pos++; /* opening quote */
    while (j->pos < j->len) {
        unsigned char c = (unsigned char)j->s[j->pos];
        if (c == '"') {
            j->pos++;
            return 1;
        }
        if (c < 0x20) {
            j->why = "een stuurteken of regeleinde midden in een tekst (gebruik \\n)";
            return 0;
        }
        if (c == '\\') {
            j->pos++;
            if (j->pos >= j->len)
                break;
            char e = j->s[j->pos];
            if (e == 'u') {
                for (int k = 1; k <= 4; k++)
                    if (j->pos + (size_t)k >= j->len || !js_hex(j->s[j->pos + (size_t)k])) {
                        j->why = "ongeldige \\u-code in een tekst";
                        return 0;
                    }
                unsigned u = hex4(j->s + j->pos + 1);
                /* NUL would cut the text short; a lone surrogate is no character. */
                bool high = u >= 0xD800 && u <= 0xDBFF;
                unsigned low = high && j->len - j->pos >= 11 && j->s[j->pos + 5] == '\\' &&
                                       j->s[j->pos + 6] == 'u'
                                   ? hex4(j->s + j->pos + 7)
                                   : 0;
                if (u == 0 || (u >= 0xDC00 && u <= 0xDFFF) ||
                    (high && (low < 0xDC00 || low > 0xDFFF))) {
                    j->pos--;
                    j->why = "een tekst bevat \\u0000 of een losse \\u-surrogaat; dat is geen "
                             "teken";
                    return 0;
                }
                j->pos += high ? 10 : 4; /* a pair is one character: skip its low half too */
            } else if (!strchr("\"\\/bfnrt", e) || e == 0) {
                j->why = "ongeldige \\-code in een tekst";
                return 0;
            }
        }
        j->pos++;
    }
    j->why = "de tekst wordt niet afgesloten met \"";
    return 0;
}

static int js_number(struct jscan *j)
{
    size_t p = j->pos;
    if (p < j->len && j->s[p] == '-')
        p++;
    if (p >= j->len || j->s[p] < '0' || j->s[p] > '9')
        goto bad;
    if (j->s[p] == '0')
        p++;
    else
        while (p < j->len && j->s[p] >= '0' && j->s[p] <= '9')
            p++;
    if (p < j->len && j->s[p] == '.') {
        p++;
        if (p >= j->len || j->s[p] < '0' || j->s[p] > '9')
            goto bad;
        while (p < j->len && j->s[p] >= '0' && j->s[p] <= '9')
            p++;
    }
    if (p < j->len && (j->s[p] == 'e' || j->s[p] == 'E')) {
        p++;
        if (p < j->len && (j->s[p] == '+' || j->s[p] == '-'))
            p++;
        if (p >= j->len || j->s[p] < '0' || j->s[p] > '9')
            goto bad;
        while (p < j->len && j->s[p] >= '0' && j->s[p] <= '9')
            p++;
    }
    j->pos = p;
    return 1;
bad:
    j->pos = p;
    j->why = "ongeldig getal";
    return 0;
}

/*
 * The keys of the objects that are open, to refuse a key that comes twice in one object
 * (SQLite would silently keep one of them). Entries form a stack (an object's keys are
 * dropped when it closes) with hash chains over it; a chain's newest entry is its head,
 * so dropping from the top of the stack only ever unlinks chain heads.
 */
struct jkey {
    uint64_t hash;   /* of the object number and the decoded key */
    size_t obj;      /* which object (numbered as they open) */
    size_t off, len; /* the decoded key in the arena */
    size_t pos;      /* byte offset of the key in the document */
    size_t next;     /* the older entry in this chain, + 1 (0: none) */
};

struct jkeys {
    struct jkey *e;
    size_t n, cap;
    size_t *head; /* per bucket: newest entry + 1 */
    size_t n_buckets;
    struct kr_buf arena;
    size_t objs;
};

static void jkeys_fini(struct jkeys *k)
{
    free(k->e);
    free(k->head);
    kr_buf_fini(&k->arena);
}

static uint64_t jkey_hash(size_t obj, const char *s, size_t len)
{
    uint64_t h = 0xcbf29ce484222325u ^ (uint64_t)obj;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3u;
    return h;
}

static void jkeys_link(struct jkeys *k, size_t i)
{
    size_t b = (size_t)(k->e[i].hash & (k->n_buckets - 1));
    k->e[i].next = k->head[b];
    k->head[b] = i + 1;
}

/* The key text of the string token s[0..len) (quotes excluded, already checked) into out. */
static void js_key_decode(const char *s, size_t len, struct kr_buf *out)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '\\') {
            kr_buf_putc(out, s[i]);
            continue;
        }
        char e = s[++i];
        if (e != 'u') {
            static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
            kr_buf_putc(out, to[strchr(from, e) - from]);
            continue;
        }
        uint32_t cp = hex4(s + i + 1);
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < len && s[i + 1] == '\\') {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4(s + i + 3) - 0xDC00);
            i += 6;
        }
        char enc[4];
        kr_buf_append(out, enc, kr_utf8_encode(cp, enc));
    }
}

/* Add the key at j->s[start..j->pos) (a string token) to object obj; 0 when it is there. */
static int jkeys_add(struct jkeys *k, struct jscan *j, size_t obj, size_t start)
{
    size_t off = k->arena.len;
    js_key_decode(j->s + start + 1, j->pos - start - 2, &k->arena);
    size_t len = k->arena.len - off;
    uint64_t h = jkey_hash(obj, k->arena.data + off, len);
    if (k->n_buckets) {
        for (size_t e = k->head[h & (k->n_buckets - 1)]; e; e = k->e[e - 1].next) {
            const struct jkey *o = &k->e[e - 1];
            if (o->hash != h || o->obj != obj || o->len != len ||
                memcmp(k->arena.data + o->off, k->arena.data + off, len) != 0)
                continue;
            char v[128];
            size_t l1, c1, l0, c0;
            kr_buf_putc(&k->arena, '\0');
            kr_utf8_truncate(v, sizeof v, k->arena.data + off, 40);
            line_col(j->s, j->len, start, &l1, &c1);
            line_col(j->s, j->len, o->pos, &l0, &c0);
            snprintf(j->why_buf, sizeof j->why_buf,
                     "dubbele sleutel \"%s\" op regel %zu kolom %zu (staat in hetzelfde object "
                     "al op regel %zu kolom %zu)",
                     v, l1, c1, l0, c0);
            j->why = j->why_buf;
            j->pos = start;
            return 0;
        }
    }
    KR_GROW(k->e, k->cap, k->n + 1);
    k->e[k->n] = (struct jkey){.hash = h, .obj = obj, .off = off, .len = len, .pos = start};
    k->n++;
    if (k->n > 2 * k->n_buckets) {
        k->n_buckets = k->n_buckets ? 2 * k->n_buckets : 64;
        free(k->head);
        k->head = kr_xreallocarray(NULL, k->n_buckets, sizeof *k->head);
        memset(k->head, 0, k->n_buckets * sizeof *k->head);
        for (size_t i = 0; i < k->n; i++)
            jkeys_link(k, i);
    } else {
        jkeys_link(k, k->n - 1);
    }
    return 1;
}

/* An object closes: drop its keys (the top of the stack, from entry `from` on). */
static void jkeys_pop(struct jkeys *k, size_t from)
{
    if (from >= k->n)
        return;
    for (size_t i = k->n; i-- > from;)
        k->head[k->e[i].hash & (k->n_buckets - 1)] = k->e[i].next;
    k->arena.len = k->e[from].off;
    k->n = from;
}

#define JS_MAX_DEPTH 500

/* Check the whole text as JSON without recursion; on failure j->pos is the spot. */
static int js_check_keys(struct jscan *j, struct jkeys *keys)
{
    char stack[JS_MAX_DEPTH];       /* '{' or '[' per open level */
    size_t obj[JS_MAX_DEPTH];       /* per open object: its number */
    size_t first_key[JS_MAX_DEPTH]; /* per open object: its first entry in keys */
    int depth = 0;
    for (;;) {
        /* expect a value */
        js_ws(j);
        if (j->pos >= j->len) {
            j->why = "het bestand houdt op waar een waarde moet staan";
            return 0;
        }
        char c = j->s[j->pos];
        if (c == '{' || c == '[') {
            if (depth == JS_MAX_DEPTH) {
                j->why = "te diep genest";
                return 0;
            }
            obj[depth] = keys->objs++;
            first_key[depth] = keys->n;
            stack[depth++] = c;
            j->pos++;
            js_ws(j);
            if (j->pos < j->len && j->s[j->pos] == (c == '{' ? '}' : ']')) {
                j->pos++;
                depth--;
                goto after_value;
            }
            if (c == '{')
                goto key;
            continue;
        } else if (c == '"') {
            if (!js_string(j))
                return 0;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            if (!js_number(j))
                return 0;
        } else if (j->len - j->pos >= 4 && memcmp(j->s + j->pos, "true", 4) == 0) {
            j->pos += 4;
        } else if (j->len - j->pos >= 5 && memcmp(j->s + j->pos, "false", 5) == 0) {
            j->pos += 5;
        } else if (j->len - j->pos >= 4 && memcmp(j->s + j->pos, "null", 4) == 0) {
            j->pos += 4;
        } else {
            j->why = "hier verwacht ik een waarde (tekst tussen \"\", getal, true, false, null, "
                     "{ of [)";
            return 0;
        }
    after_value:
        js_ws(j);
        if (depth == 0) {
            if (j->pos < j->len) {
                j->why = "na het einde van de JSON staat nog tekst";
                return 0;
            }
            return 1;
        }
        if (j->pos >= j->len) {
            j->why = "het bestand houdt op voordat alle { en [ gesloten zijn";
            return 0;
        }
        c = j->s[j->pos];
        if (c == ',') {
            j->pos++;
            if (stack[depth - 1] == '{')
                goto key;
            continue;
        }
        if (c == (stack[depth - 1] == '{' ? '}' : ']')) {
            j->pos++;
            depth--;
            if (c == '}')
                jkeys_pop(keys, first_key[depth]);
            goto after_value;
        }
        j->why = stack[depth - 1] == '{' ? "hier verwacht ik , of }" : "hier verwacht ik , of ]";
        return 0;
    key:
        js_ws(j);
        if (j->pos >= j->len || j->s[j->pos] != '"') {
            j->why = "hier verwacht ik een sleutel tussen \"\"";
            return 0;
        }
        size_t key_start = j->pos;
        if (!js_string(j) || !jkeys_add(keys, j, obj[depth - 1], key_start))
            return 0;
        js_ws(j);
        if (j->pos >= j->len || j->s[j->pos] != ':') {
            j->why = "hier verwacht ik :";
            return 0;
        }
        j->pos++;
    }
}

static int js_check(struct jscan *j)
{
    struct jkeys keys = {0};
    int ok = js_check_keys(j, &keys);
    jkeys_fini(&keys);
    return ok;
}

/* Line and column (1-based, columns in code points) of byte offset off. */
static void line_col(const char *s, size_t len, size_t off, size_t *line, size_t *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < off && i < len; i++) {
        if (s[i] == '\n') {
            (*line)++;
            *col = 1;
        } else if (((unsigned char)s[i] & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

/* ---- validation of a kijkronde/1 document ---- */

enum fkind {
    F_ID,       /* required non-empty text */
    F_TEXT,     /* required non-empty text */
    F_STR,      /* required text, may be empty */
    F_OPT_TEXT, /* text or null or absent */
    F_ISO,      /* required ISO time */
    F_OPT_ISO,
    F_DATE,
    F_CORNER, /* leerling|leraar|leerinhoud|null */
    F_BASIS,
    F_KIND,
    F_CHANGE, /* required history change */
    F_OPT_BOOL,
    F_OBJ,
    F_OPT_ARRAY,
    F_CORNER_REQ, /* leerling|leraar|leerinhoud */
    F_PHASE,      /* beschrijven|analyseren|voorspellen|volgende-stap */
    F_ACTOR,      /* schoolleiding|leraren|team|netwerk */
    F_HORIZON,    /* week|maand|schooljaar */
    F_OPT_OBJ,    /* an object or null or absent */
    F_OPT_INT,    /* a whole number or null or absent */
    F_FU_SESSION, /* required non-empty text when the follow_up is an object */
    F_FU_STATUS,  /* gedaan|bezig|niet-gedaan, required when the follow_up is an object */
};

struct field {
    const char *name; /* JSON path below the item, e.g. "kijkvraag.text" */
    enum fkind kind;
};

/* Staging tables of raw items: sec, rank (document order of sections), i, k, t, j, id, ref. */
struct section {
    const char *table; /* src.<table> */
    bool array;        /* a list: paths get [i] */
    bool history;      /* items below observations: path sec[i].history[k] */
    const struct field *fields;
    size_t n_fields;
};

static const struct field SESSION_FIELDS[] = {
    {"id", F_ID},
    {"date", F_DATE},
    {"kijkvraag", F_OBJ},
    {"kijkvraag.text", F_TEXT},
    {"kijkvraag.id", F_OPT_TEXT},
    {"network", F_OPT_TEXT},
    {"network_id", F_OPT_TEXT},
    {"host_school", F_OPT_TEXT},
    {"basisvaardigheid", F_BASIS},
    {"ontwikkelvraag", F_OPT_TEXT},
    {"kind", F_KIND},
    {"kijkpunten", F_OPT_TEXT},
    {"demo", F_OPT_BOOL},
    {"created_at", F_OPT_ISO},
    {"updated_at", F_OPT_ISO},
};
static const struct field TWEETAL_FIELDS[] = {{"id", F_ID}, {"name", F_TEXT}};
static const struct field PARTICIPANT_FIELDS[] = {
    {"id", F_ID},         {"name", F_TEXT},       {"tweetal", F_OPT_TEXT},
    {"role", F_OPT_TEXT}, {"school", F_OPT_TEXT},
};
static const struct field VISIT_FIELDS[] = {
    {"id", F_ID},
    {"label", F_TEXT},
    {"subject", F_OPT_TEXT},
    {"pair", F_OPT_TEXT},
    {"pair_id", F_OPT_TEXT},
    {"started_at", F_OPT_ISO},
    {"ended_at", F_OPT_ISO},
};
static const struct field OBS_FIELDS[] = {
    {"id", F_ID},
    {"visit", F_TEXT},
    {"at", F_ISO},
    {"text", F_STR},
    {"corner", F_CORNER},
    {"observer", F_OPT_TEXT},
    {"keep_reason", F_OPT_TEXT},
    {"created_at", F_OPT_ISO},
    {"updated_at", F_OPT_ISO},
    {"deleted_at", F_OPT_ISO},
    {"history", F_OPT_ARRAY},
};
static const struct field HISTORY_FIELDS[] = {
    {"id", F_ID}, {"at", F_ISO}, {"change", F_CHANGE}, {"text", F_STR}, {"corner", F_CORNER},
};

static const struct field GROUP_PATTERN_FIELDS[] = {
    {"id", F_ID},
    {"corner", F_CORNER_REQ},
    {"label", F_TEXT},
    {"created_at", F_OPT_ISO},
    {"updated_at", F_OPT_ISO},
};
static const struct field GROUP_NOTE_FIELDS[] = {
    {"observation", F_TEXT},
    {"corner", F_CORNER},
    {"pattern", F_OPT_TEXT},
    {"updated_at", F_OPT_ISO},
};
static const struct field PHASE_FIELDS[] = {
    {"phase", F_PHASE},
    {"text", F_STR},
    {"updated_at", F_OPT_ISO},
};
/* Schema 7's shape; the one of before (no id, group, evidence) still reads. */
static const struct field TOA_FIELDS[] = {
    {"id", F_OPT_TEXT},        {"group", F_OPT_TEXT},      {"schoolleiding", F_OPT_TEXT},
    {"leraren", F_OPT_TEXT},   {"leerlingen", F_OPT_TEXT}, {"evidence", F_OPT_ARRAY},
    {"bewijs", F_OPT_TEXT},    {"chosen", F_OPT_BOOL},     {"created_at", F_OPT_ISO},
    {"updated_at", F_OPT_ISO}, {"deleted_at", F_OPT_ISO},
};
static const struct field STEP_FIELDS[] = {
    {"id", F_ID},
    {"text", F_TEXT},
    {"actor", F_ACTOR},
    {"horizon", F_HORIZON},
    {"evidence", F_OPT_ARRAY},
    {"follow_up", F_OPT_OBJ},
    {"follow_up.session", F_FU_SESSION},
    {"follow_up.status", F_FU_STATUS},
    {"follow_up.text", F_OPT_TEXT},
    {"follow_up_at", F_OPT_ISO},
    {"position", F_OPT_INT},
    {"created_at", F_OPT_ISO},
    {"updated_at", F_OPT_ISO},
    {"deleted_at", F_OPT_ISO},
};

#define NF(a) (sizeof(a) / sizeof((a)[0]))

static const struct section SECTIONS[] = {
    {"js", false, false, SESSION_FIELDS, NF(SESSION_FIELDS)},
    {"jt", true, false, TWEETAL_FIELDS, NF(TWEETAL_FIELDS)},
    {"jp", true, false, PARTICIPANT_FIELDS, NF(PARTICIPANT_FIELDS)},
    {"jv", true, false, VISIT_FIELDS, NF(VISIT_FIELDS)},
    {"jo", true, false, OBS_FIELDS, NF(OBS_FIELDS)},
    {"jh", true, true, HISTORY_FIELDS, NF(HISTORY_FIELDS)},
    {"jgp", true, false, GROUP_PATTERN_FIELDS, NF(GROUP_PATTERN_FIELDS)},
    {"jgn", true, false, GROUP_NOTE_FIELDS, NF(GROUP_NOTE_FIELDS)},
    {"jrp", true, false, PHASE_FIELDS, NF(PHASE_FIELDS)},
    {"jta", true, false, TOA_FIELDS, NF(TOA_FIELDS)},
    {"jns", true, false, STEP_FIELDS, NF(STEP_FIELDS)},
};

/* The SQL condition that is true when field f of item j is wrong. Heap string. */
static char *bad_sql(const struct field *f)
{
    char p[64];
    snprintf(p, sizeof p, "'$.%s'", f->name);
    switch (f->kind) {
    case F_ID:
    case F_TEXT:
        return kr_xasprintf("(json_type(j, %s) IS NOT 'text' OR json_extract(j, %s) = '')", p, p);
    case F_STR:
        return kr_xasprintf("json_type(j, %s) IS NOT 'text'", p);
    case F_OPT_TEXT:
        return kr_xasprintf("json_type(j, %s) NOT IN ('null', 'text')", p);
    case F_ISO:
        return kr_xasprintf(
            "(json_type(j, %s) IS NOT 'text' OR NOT kr_iso_ok(json_extract(j, %s)))", p, p);
    case F_OPT_ISO:
        return kr_xasprintf("(json_type(j, %s) NOT IN ('null', 'text') OR (json_type(j, %s) ="
                            " 'text' AND NOT kr_iso_ok(json_extract(j, %s))))",
                            p, p, p);
    case F_DATE:
        return kr_xasprintf(
            "(json_type(j, %s) IS NOT 'text' OR NOT kr_date_ok(json_extract(j, %s)))", p, p);
    case F_CORNER:
        return kr_xasprintf("(json_type(j, %s) NOT IN ('null', 'text') OR (json_type(j, %s) ="
                            " 'text' AND json_extract(j, %s) NOT IN ('leerling', 'leraar',"
                            " 'leerinhoud')))",
                            p, p, p);
    case F_BASIS:
        return kr_xasprintf("(json_type(j, %s) NOT IN ('null', 'text') OR (json_type(j, %s) ="
                            " 'text' AND json_extract(j, %s) NOT IN ('taal', 'rekenen-wiskunde',"
                            " 'burgerschap', 'digitale-geletterdheid')))",
                            p, p, p);
    case F_KIND:
        return kr_xasprintf("(json_type(j, %s) NOT IN ('null', 'text') OR (json_type(j, %s) ="
                            " 'text' AND json_extract(j, %s) NOT IN ('start', 'aftrap',"
                            " 'vervolg', 'afronding')))",
                            p, p, p);
    case F_CHANGE:
        return kr_xasprintf("(json_type(j, %s) IS NOT 'text' OR json_extract(j, %s) NOT IN"
                            " ('aangemaakt', 'bewerkt', 'verwijderd', 'hersteld'))",
                            p, p);
    case F_OPT_BOOL:
        return kr_xasprintf("json_type(j, %s) NOT IN ('null', 'true', 'false')", p);
    case F_OBJ:
        return kr_xasprintf("json_type(j, %s) IS NOT 'object'", p);
    case F_OPT_ARRAY:
        return kr_xasprintf("json_type(j, %s) NOT IN ('null', 'array')", p);
    case F_CORNER_REQ:
        return kr_xasprintf("(json_type(j, %s) IS NOT 'text' OR json_extract(j, %s) NOT IN"
                            " ('leerling', 'leraar', 'leerinhoud'))",
                            p, p);
    case F_PHASE:
        return kr_xasprintf("(json_type(j, %s) IS NOT 'text' OR json_extract(j, %s) NOT IN"
                            " ('beschrijven', 'analyseren', 'voorspellen', 'volgende-stap'))",
                            p, p);
    case F_ACTOR:
        return kr_xasprintf("(json_type(j, %s) IS NOT 'text' OR json_extract(j, %s) NOT IN"
                            " ('schoolleiding', 'leraren', 'team', 'netwerk'))",
                            p, p);
    case F_HORIZON:
        return kr_xasprintf("(json_type(j, %s) IS NOT 'text' OR json_extract(j, %s) NOT IN"
                            " ('week', 'maand', 'schooljaar'))",
                            p, p);
    case F_OPT_OBJ:
        return kr_xasprintf("json_type(j, %s) NOT IN ('null', 'object')", p);
    case F_OPT_INT:
        return kr_xasprintf("json_type(j, %s) NOT IN ('null', 'integer')", p);
    case F_FU_SESSION:
        return kr_xasprintf("(json_type(j, '$.follow_up') = 'object' AND (json_type(j, %s) IS NOT"
                            " 'text' OR json_extract(j, %s) = ''))",
                            p, p);
    case F_FU_STATUS:
        return kr_xasprintf("(json_type(j, '$.follow_up') = 'object' AND (json_type(j, %s) IS NOT"
                            " 'text' OR json_extract(j, %s) NOT IN ('gedaan', 'bezig',"
                            " 'niet-gedaan')))",
                            p, p);
    }
    return kr_xstrdup("0");
}

static const char *type_nl(const char *t)
{
    if (!t)
        return "niets";
    if (!strcmp(t, "integer") || !strcmp(t, "real"))
        return "een getal";
    if (!strcmp(t, "true") || !strcmp(t, "false"))
        return "true/false";
    if (!strcmp(t, "object"))
        return "een object";
    if (!strcmp(t, "array"))
        return "een lijst";
    if (!strcmp(t, "text"))
        return "tekst";
    return t;
}

/* The message for a wrong field, given its JSON type and value. */
static void field_msg(struct kr_buf *b, enum fkind k, const char *type, const char *value)
{
    char v[128];
    kr_utf8_truncate(v, sizeof v, value ? value : "", 60);
    bool required = k == F_ID || k == F_TEXT || k == F_STR || k == F_ISO || k == F_DATE ||
                    k == F_CHANGE || k == F_OBJ || k == F_CORNER_REQ || k == F_PHASE ||
                    k == F_ACTOR || k == F_HORIZON || k == F_FU_SESSION || k == F_FU_STATUS;
    if (!type && required) {
        kr_buf_puts(b, "ontbreekt");
        return;
    }
    if (k == F_OBJ) {
        kr_buf_printf(b, "moet een object zijn, niet %s", type_nl(type));
        return;
    }
    if (k == F_OPT_OBJ) {
        kr_buf_printf(b, "moet een object of null zijn, niet %s", type_nl(type));
        return;
    }
    if (k == F_OPT_INT) {
        kr_buf_printf(b, "moet een geheel getal of null zijn, niet %s", type_nl(type));
        return;
    }
    if (k == F_OPT_ARRAY) {
        kr_buf_printf(b, "moet een lijst of null zijn, niet %s", type_nl(type));
        return;
    }
    if (k == F_OPT_BOOL) {
        kr_buf_printf(b, "moet true, false of null zijn, niet %s", type_nl(type));
        return;
    }
    if (!type || strcmp(type, "text") != 0) {
        kr_buf_printf(b, "moet tekst%s zijn, niet %s", required ? "" : " of null", type_nl(type));
        return;
    }
    switch (k) {
    case F_ID:
    case F_TEXT:
    case F_FU_SESSION:
        kr_buf_puts(b, "is leeg");
        break;
    case F_ACTOR:
        kr_buf_printf(b, "onbekende actor \"%s\"; kies schoolleiding, leraren, team of netwerk", v);
        break;
    case F_HORIZON:
        kr_buf_printf(b, "onbekende termijn \"%s\"; kies week, maand of schooljaar", v);
        break;
    case F_FU_STATUS:
        kr_buf_printf(b, "onbekende stand \"%s\"; kies gedaan, bezig of niet-gedaan", v);
        break;
    case F_ISO:
    case F_OPT_ISO:
        kr_buf_printf(b, "ongeldige tijd \"%s\"; gebruik bijvoorbeeld 2026-03-12T09:14:05+01:00",
                      v);
        break;
    case F_DATE:
        kr_buf_printf(b, "ongeldige datum \"%s\"; gebruik JJJJ-MM-DD", v);
        break;
    case F_CORNER:
        kr_buf_printf(b, "onbekende hoek \"%s\"; kies leerling, leraar, leerinhoud of null", v);
        break;
    case F_CORNER_REQ:
        kr_buf_printf(b, "onbekende hoek \"%s\"; kies leerling, leraar of leerinhoud", v);
        break;
    case F_PHASE:
        kr_buf_printf(b,
                      "onbekende fase \"%s\"; kies beschrijven, analyseren, voorspellen of "
                      "volgende-stap",
                      v);
        break;
    case F_BASIS:
        kr_buf_printf(b,
                      "onbekende basisvaardigheid \"%s\"; kies taal, rekenen-wiskunde, "
                      "burgerschap, digitale-geletterdheid of null",
                      v);
        break;
    case F_KIND:
        kr_buf_printf(b, "onbekende soort \"%s\"; kies start, aftrap, vervolg of afronding", v);
        break;
    case F_CHANGE:
        kr_buf_printf(b,
                      "onbekende wijziging \"%s\"; kies aangemaakt, bewerkt, verwijderd of "
                      "hersteld",
                      v);
        break;
    default:
        kr_buf_puts(b, "ongeldige waarde");
    }
}

/* The first problem found so far: its position in document order and its message. */
struct problem {
    bool found;
    long rank, i, k;
    char *sec;
    struct kr_buf msg; /* without the path */
    char *field;       /* "" for the item itself */
};

static void problem_fini(struct problem *p)
{
    free(p->sec);
    free(p->field);
    kr_buf_fini(&p->msg);
}

/*
 * Run a check query: it returns (sec, rank, i, k, a, b) for its first failing item
 * in document order. When that item comes before the problem found so far, it
 * becomes the problem; fill() writes its message from columns a and b.
 */
typedef void (*msg_fn)(struct kr_buf *b, const char *a, const char *c, const void *ctx);

static enum kr_status run_check(struct kr_store *st, const char *sql, const char *field,
                                msg_fn fill, const void *ctx, struct problem *p,
                                struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(st, sql, &s, err);
    if (r != KR_OK)
        return r;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        long rank = (long)sqlite3_column_int64(s, 1), i = (long)sqlite3_column_int64(s, 2);
        long k = sqlite3_column_type(s, 3) == SQLITE_NULL ? -1 : (long)sqlite3_column_int64(s, 3);
        if (!p->found || rank < p->rank || (rank == p->rank && i < p->i) ||
            (rank == p->rank && i == p->i && k < p->k)) {
            p->found = true;
            p->rank = rank;
            p->i = i;
            p->k = k;
            free(p->sec);
            p->sec = kr_store_col_text(s, 0);
            free(p->field);
            p->field = kr_xstrdup(field);
            kr_buf_reset(&p->msg);
            fill(&p->msg, (const char *)sqlite3_column_text(s, 4),
                 (const char *)sqlite3_column_text(s, 5), ctx);
        }
    } else if (rc != SQLITE_DONE) {
        r = kr_store_fail(st, rc, err, "Controleren mislukt");
    }
    sqlite3_finalize(s);
    return r;
}

static void msg_field(struct kr_buf *b, const char *type, const char *value, const void *ctx)
{
    field_msg(b, *(const enum fkind *)ctx, type, value);
}

/* The template ctx with its first "%s" replaced by a and the second by c, made inert. */
static void msg_text(struct kr_buf *b, const char *a, const char *c, const void *ctx)
{
    char va[128], vc[128];
    kr_utf8_truncate(va, sizeof va, a ? a : "", 60);
    kr_utf8_truncate(vc, sizeof vc, c ? c : "", 60);
    const char *vals[2] = {va, vc};
    int used = 0;
    for (const char *t = ctx; *t; t++) {
        if (t[0] == '%' && t[1] == 's' && used < 2) {
            kr_buf_puts(b, vals[used++]);
            t++;
        } else {
            kr_buf_putc(b, *t);
        }
    }
}

static void msg_type(struct kr_buf *b, const char *type, const char *unused, const void *ctx)
{
    (void)unused;
    (void)ctx;
    kr_buf_printf(b, "moet een object zijn, niet %s", type_nl(type));
}

#define ITEM_COLS "SELECT sec, rank, i, k"

/* Every check of one section; the earliest problem in document order wins. */
static enum kr_status check_section(struct kr_store *st, const struct section *sec,
                                    struct problem *p, struct kr_error *err)
{
    enum kr_status r = KR_OK;
    char *sql = kr_xasprintf(ITEM_COLS ", t, NULL FROM src.%s WHERE t IS NOT 'object'"
                                       " ORDER BY rank, i, k LIMIT 1",
                             sec->table);
    r = run_check(st, sql, "", msg_type, NULL, p, err);
    free(sql);
    for (size_t f = 0; r == KR_OK && f < sec->n_fields; f++) {
        char *cond = bad_sql(&sec->fields[f]);
        char path[64];
        snprintf(path, sizeof path, "'$.%s'", sec->fields[f].name);
        sql = kr_xasprintf(ITEM_COLS ", json_type(j, %s), json_extract(j, %s) FROM src.%s"
                                     " WHERE t = 'object' AND %s ORDER BY rank, i, k LIMIT 1",
                           path, path, sec->table, cond);
        r = run_check(st, sql, sec->fields[f].name, msg_field, &sec->fields[f].kind, p, err);
        free(sql);
        free(cond);
    }
    /* Ids are unique within their kind. */
    if (r == KR_OK && sec->array) {
        sql = kr_xasprintf(ITEM_COLS ", a.id, NULL FROM src.%s a WHERE t = 'object' AND EXISTS"
                                     " (SELECT 1 FROM src.%s b WHERE b.id = a.id AND"
                                     " (b.rank, b.i, coalesce(b.k, -1)) < (a.rank, a.i,"
                                     " coalesce(a.k, -1))) ORDER BY rank, i, k LIMIT 1",
                           sec->table, sec->table);
        r = run_check(st, sql, "id", msg_text,
                      "dubbel id \"%s\"%s; elk id mag maar één keer voorkomen", p, err);
        free(sql);
    }
    return r;
}

#define KR_XSTR(x) #x
#define KR_STR(x)  KR_XSTR(x)

/* Checks between items and against the database, each as (SQL, field, message). */
static const struct {
    const char *sql, *field, *msg;
} CROSS_CHECKS[] = {
    /* The TUI's limit on a note holds for imported notes too (length() counts characters). */
    {ITEM_COLS
     ", i + 1, length(json_extract(j, '$.text')) FROM src.jo WHERE t = 'object' AND"
     " length(json_extract(j, '$.text')) > " KR_STR(KR_NOTE_MAX_CHARS) " ORDER BY rank, i LIMIT 1",
     "text",
     "notitie %s is langer dan " KR_STR(KR_NOTE_MAX_CHARS) " tekens (%s); kort haar in of"
                                                           " splits haar"},
    {ITEM_COLS ", i + 1, length(json_extract(j, '$.text')) FROM src.jh WHERE t = 'object' AND"
               " length(json_extract(j, '$.text')) > " KR_STR(
                   KR_NOTE_MAX_CHARS) " ORDER BY rank, i, k LIMIT 1",
     "text", "een versie van notitie %s is langer dan " KR_STR(KR_NOTE_MAX_CHARS) " tekens (%s)"},
    /* Evidence cites a note or pattern of this bijeenkomst: of the file, or already here. */
    {ITEM_COLS ", t, NULL FROM src.jev WHERE t IS NOT 'text' OR j = '' ORDER BY rank, i LIMIT 1",
     "evidence", "elk bewijs moet het id van een notitie of patroon zijn (niet-lege tekst)"},
    {ITEM_COLS ", id, NULL FROM src.jev WHERE t = 'text' AND j <> '' AND NOT EXISTS (SELECT 1"
               " FROM src.jo WHERE jo.id IN (jev.id, CASE WHEN substr(jev.id, 1, 2) = 'p-' THEN"
               " substr(jev.id, 3) END)) AND NOT EXISTS (SELECT 1 FROM src.jgp WHERE jgp.id ="
               " jev.id) AND NOT EXISTS (SELECT 1 FROM main.observation o JOIN main.visit v ON"
               " v.id = o.visit_id, src.js WHERE v.session_id = js.id AND o.id IN (jev.id, CASE"
               " WHEN substr(jev.id, 1, 2) = 'p-' THEN substr(jev.id, 3) END)) AND NOT EXISTS"
               " (SELECT 1 FROM main.reflection_pattern p, src.js WHERE p.session_id = js.id"
               " AND p.id = jev.id) ORDER BY rank, i LIMIT 1",
     "evidence",
     "onbekend bewijs \"%s\"%s: geen notitie of patroon van deze bijeenkomst (niet in"
     " \"observations\" of \"group_patterns\")"},
    {ITEM_COLS ", id, NULL FROM src.jta WHERE t = 'object' AND EXISTS (SELECT 1 FROM"
               " main.theory_of_action x, src.js WHERE x.id = jta.id AND x.session_id <> js.id)"
               " ORDER BY rank, i LIMIT 1",
     "id", "theory of action \"%s\" hoort in de database al bij een andere bijeenkomst%s"},
    {ITEM_COLS ", id, NULL FROM src.jns WHERE t = 'object' AND EXISTS (SELECT 1 FROM"
               " main.next_step x, src.js WHERE x.id = jns.id AND x.session_id <> js.id)"
               " ORDER BY rank, i LIMIT 1",
     "id", "volgende stap \"%s\" hoort in de database al bij een andere bijeenkomst%s"},
    {ITEM_COLS ", id, NULL FROM src.jgn WHERE t = 'object' AND NOT EXISTS (SELECT 1 FROM"
               " src.jo WHERE jo.id = jgn.id) ORDER BY rank, i LIMIT 1",
     "observation", "onbekende notitie \"%s\"%s; ze staat niet bij \"observations\""},
    {ITEM_COLS ", json_extract(j, '$.pattern'), NULL FROM src.jgn WHERE t = 'object' AND"
               " json_type(j, '$.pattern') = 'text' AND NOT EXISTS (SELECT 1 FROM src.jgp WHERE"
               " jgp.id = json_extract(jgn.j, '$.pattern')) AND NOT EXISTS (SELECT 1 FROM"
               " main.reflection_pattern p, src.js WHERE p.id = json_extract(jgn.j, '$.pattern')"
               " AND p.session_id = js.id) ORDER BY rank, i LIMIT 1",
     "pattern", "onbekend patroon \"%s\"%s; het staat niet bij \"group_patterns\""},
    {ITEM_COLS ", id, NULL FROM src.jgp WHERE t = 'object' AND EXISTS (SELECT 1 FROM"
               " main.reflection_pattern p, src.js WHERE p.id = jgp.id AND p.session_id <> js.id)"
               " ORDER BY rank, i LIMIT 1",
     "id", "patroon \"%s\" hoort in de database al bij een andere bijeenkomst%s"},
    {ITEM_COLS ", json_extract(j, '$.pair_id'), NULL FROM src.jv WHERE t = 'object' AND"
               " json_type(j, '$.pair_id') = 'text' AND NOT EXISTS (SELECT 1 FROM src.jt WHERE"
               " jt.id = json_extract(jv.j, '$.pair_id')) AND NOT EXISTS (SELECT 1 FROM"
               " main.tweetal t, src.js WHERE t.id = json_extract(jv.j, '$.pair_id') AND"
               " t.session_id = js.id) ORDER BY rank, i LIMIT 1",
     "pair_id", "onbekend tweetal \"%s\"%s"},
    {ITEM_COLS ", json_extract(j, '$.tweetal'), NULL FROM src.jp WHERE t = 'object' AND"
               " json_type(j, '$.tweetal') = 'text' AND NOT EXISTS (SELECT 1 FROM src.jt WHERE"
               " jt.id = json_extract(jp.j, '$.tweetal')) AND NOT EXISTS (SELECT 1 FROM"
               " main.tweetal t, src.js WHERE t.id = json_extract(jp.j, '$.tweetal') AND"
               " t.session_id = js.id) ORDER BY rank, i LIMIT 1",
     "tweetal", "onbekend tweetal \"%s\"%s"},
    {ITEM_COLS ", json_extract(j, '$.visit'), NULL FROM src.jo WHERE t = 'object' AND NOT"
               " EXISTS (SELECT 1 FROM src.jv WHERE jv.id = json_extract(jo.j, '$.visit'))"
               " ORDER BY rank, i LIMIT 1",
     "visit", "onbekend bezoek \"%s\"%s; het staat niet bij \"visits\""},
    {ITEM_COLS ", id, NULL FROM src.jt WHERE t = 'object' AND EXISTS (SELECT 1 FROM"
               " main.tweetal t, src.js WHERE t.id = jt.id AND t.session_id <> js.id)"
               " ORDER BY rank, i LIMIT 1",
     "id", "tweetal \"%s\" hoort in de database al bij een andere bijeenkomst%s"},
    {ITEM_COLS ", id, NULL FROM src.jp WHERE t = 'object' AND EXISTS (SELECT 1 FROM"
               " main.participant x, src.js WHERE x.id = jp.id AND x.session_id <> js.id)"
               " ORDER BY rank, i LIMIT 1",
     "id", "deelnemer \"%s\" hoort in de database al bij een andere bijeenkomst%s"},
    {ITEM_COLS ", id, NULL FROM src.jv WHERE t = 'object' AND EXISTS (SELECT 1 FROM"
               " main.visit v, src.js WHERE v.id = jv.id AND v.session_id <> js.id)"
               " ORDER BY rank, i LIMIT 1",
     "id", "bezoek \"%s\" hoort in de database al bij een andere bijeenkomst%s"},
    {ITEM_COLS ", id, NULL FROM src.jo WHERE t = 'object' AND EXISTS (SELECT 1 FROM"
               " main.observation o WHERE o.id = jo.id AND o.visit_id IS NOT"
               " json_extract(jo.j, '$.visit')) ORDER BY rank, i LIMIT 1",
     "id", "notitie \"%s\" hoort in de database al bij een ander bezoek%s"},
    {ITEM_COLS ", id, NULL FROM src.jh WHERE t = 'object' AND EXISTS (SELECT 1 FROM"
               " main.observation_version h WHERE h.id = jh.id AND h.observation_id IS NOT"
               " jh.ref) ORDER BY rank, i, k LIMIT 1",
     "id", "versie \"%s\" hoort in de database al bij een andere notitie%s"},
};

/* Raw items of the document in staging tables, one row per array element. */
static const char SQL_STAGE_RAW[] =
    "CREATE TABLE src.js AS SELECT 'session' AS sec, 0 AS rank, 0 AS i, NULL AS k,"
    " json_type(?1, '$.session') AS t, json_extract(?1, '$.session') AS j,"
    " json_extract(?1, '$.session.id') AS id, NULL AS ref;"
    "CREATE TABLE src.jt AS SELECT 'tweetallen' AS sec, 1 AS rank, key AS i, NULL AS k,"
    " type AS t, value AS j, CASE type WHEN 'object' THEN json_extract(value, '$.id') END AS id,"
    " NULL AS ref FROM json_each(?1, '$.tweetallen') WHERE json_type(?1, '$.tweetallen') ="
    " 'array';"
    "CREATE TABLE src.jp AS SELECT 'participants' AS sec, 2 AS rank, key AS i, NULL AS k,"
    " type AS t, value AS j, CASE type WHEN 'object' THEN json_extract(value, '$.id') END AS id,"
    " NULL AS ref FROM json_each(?1, '$.participants') WHERE json_type(?1, '$.participants') ="
    " 'array';"
    "CREATE TABLE src.jv AS SELECT 'visits' AS sec, 3 AS rank, key AS i, NULL AS k,"
    " type AS t, value AS j, CASE type WHEN 'object' THEN json_extract(value, '$.id') END AS id,"
    " NULL AS ref FROM json_each(?1, '$.visits');"
    "CREATE TABLE src.jo AS SELECT 'observations' AS sec, 4 AS rank, key AS i, NULL AS k,"
    " type AS t, value AS j, CASE type WHEN 'object' THEN json_extract(value, '$.id') END AS id,"
    " NULL AS ref FROM json_each(?1, '$.observations') WHERE kr_tick()"
    " UNION ALL SELECT 'deleted_observations', 5, key, NULL, type, value,"
    " CASE type WHEN 'object' THEN json_extract(value, '$.id') END, NULL"
    " FROM json_each(?1, '$.deleted_observations')"
    " WHERE json_type(?1, '$.deleted_observations') = 'array';";

/* The rest, after the notes' elements are in src.jo (fill_notes). */
static const char SQL_STAGE_RAW_REST[] =
    "CREATE TABLE src.jh AS SELECT o.sec, o.rank, o.i, h.key AS k, h.type AS t, h.value AS j,"
    " CASE h.type WHEN 'object' THEN json_extract(h.value, '$.id') END AS id, o.id AS ref"
    " FROM src.jo o, json_each(o.j, '$.history') h WHERE o.t = 'object' AND"
    " json_type(o.j, '$.history') = 'array';"
    "CREATE TABLE src.jgp AS SELECT 'group_patterns' AS sec, 6 AS rank, key AS i, NULL AS k,"
    " type AS t, value AS j, CASE type WHEN 'object' THEN json_extract(value, '$.id') END AS id,"
    " NULL AS ref FROM json_each(?1, '$.group_patterns') WHERE json_type(?1, '$.group_patterns')"
    " = 'array';"
    "CREATE TABLE src.jgn AS SELECT 'group_notes' AS sec, 7 AS rank, key AS i, NULL AS k,"
    " type AS t, value AS j, CASE type WHEN 'object' THEN json_extract(value, '$.observation')"
    " END AS id, NULL AS ref FROM json_each(?1, '$.group_notes')"
    " WHERE json_type(?1, '$.group_notes') = 'array';"
    "CREATE TABLE src.jrp AS SELECT 'reflection_phases' AS sec, 8 AS rank, key AS i, NULL AS k,"
    " type AS t, value AS j, CASE type WHEN 'object' THEN json_extract(value, '$.phase')"
    " END AS id, NULL AS ref FROM json_each(?1, '$.reflection_phases')"
    " WHERE json_type(?1, '$.reflection_phases') = 'array';"
    "CREATE INDEX src.jgp_id ON jgp(id);"
    "CREATE INDEX src.jgn_id ON jgn(id);"
    "CREATE INDEX src.jt_id ON jt(id);"
    "CREATE INDEX src.jp_id ON jp(id);"
    "CREATE INDEX src.jv_id ON jv(id);"
    "CREATE INDEX src.jo_id ON jo(id);"
    "CREATE INDEX src.jh_id ON jh(id);"
    /* the notes without history are found by ref: without this index that lookup made the
     * import quadratic (10,000 notes 17 s) */
    "CREATE INDEX src.jh_ref ON jh(ref);";

/* The same for the theory of action and the next steps (schema 8). */
static const char SQL_STAGE_RAW_DEBRIEF[] =
    /* a version without an id (the shape before schema 8) is the one without a group */
    "CREATE TABLE src.jta AS SELECT 'theory_of_action' AS sec, 9 AS rank, key AS i, NULL AS k,"
    " type AS t, value AS j, CASE type WHEN 'object' THEN coalesce(nullif(json_extract(value,"
    " '$.id'), ''), 'toa-' || json_extract(?1, '$.session.id')) END AS id, NULL AS ref"
    " FROM json_each(?1, '$.theory_of_action') WHERE json_type(?1, '$.theory_of_action') ="
    " 'array' UNION ALL SELECT 'deleted_theory_of_action', 10, key, NULL, type, value,"
    " CASE type WHEN 'object' THEN coalesce(nullif(json_extract(value, '$.id'), ''), 'toa-' ||"
    " json_extract(?1, '$.session.id')) END, NULL FROM json_each(?1,"
    " '$.deleted_theory_of_action') WHERE json_type(?1, '$.deleted_theory_of_action') ="
    " 'array';"
    "CREATE TABLE src.jns AS SELECT 'next_steps' AS sec, 11 AS rank, key AS i, NULL AS k,"
    " type AS t, value AS j, CASE type WHEN 'object' THEN json_extract(value, '$.id') END AS id,"
    " NULL AS ref FROM json_each(?1, '$.next_steps') WHERE json_type(?1, '$.next_steps') ="
    " 'array' UNION ALL SELECT 'deleted_next_steps', 12, key, NULL, type, value,"
    " CASE type WHEN 'object' THEN json_extract(value, '$.id') END, NULL FROM json_each(?1,"
    " '$.deleted_next_steps') WHERE json_type(?1, '$.deleted_next_steps') = 'array';"
    /* the evidence of both, one row per cited id (ref: its version or step) */
    "CREATE TABLE src.jev AS SELECT x.sec, x.rank, x.i, NULL AS k, e.type AS t, e.value AS j,"
    " CASE e.type WHEN 'text' THEN e.value END AS id, x.id AS ref FROM (SELECT * FROM src.jta"
    " UNION ALL SELECT * FROM src.jns) x, json_each(x.j, '$.evidence') e WHERE x.t = 'object'"
    " AND json_type(x.j, '$.evidence') = 'array';"
    "CREATE INDEX src.jta_id ON jta(id);"
    "CREATE INDEX src.jns_id ON jns(id);"
    "CREATE INDEX src.jev_id ON jev(id);";

/* Tables shaped like main's, to be merged. */
static const char SQL_STAGE_TABLES[] =
    "CREATE TABLE src.network AS SELECT * FROM main.network WHERE 0;"
    "CREATE TABLE src.session AS SELECT * FROM main.session WHERE 0;"
    "CREATE TABLE src.tweetal AS SELECT * FROM main.tweetal WHERE 0;"
    "CREATE TABLE src.participant AS SELECT * FROM main.participant WHERE 0;"
    "CREATE TABLE src.visit AS SELECT * FROM main.visit WHERE 0;"
    "CREATE TABLE src.observation AS SELECT * FROM main.observation WHERE 0;"
    "CREATE TABLE src.observation_version AS SELECT * FROM main.observation_version WHERE 0;"
    "CREATE TABLE src.reflection_pattern AS SELECT * FROM main.reflection_pattern WHERE 0;"
    "CREATE TABLE src.reflection_note AS SELECT * FROM main.reflection_note WHERE 0;"
    "CREATE TABLE src.reflection_phase AS SELECT * FROM main.reflection_phase WHERE 0;"
    "CREATE TABLE src.theory_of_action AS SELECT * FROM main.theory_of_action WHERE 0;"
    "CREATE TABLE src.next_step AS SELECT * FROM main.next_step WHERE 0;";

/* From validated raw items to rows. Missing bookkeeping times get values derived from
 * the content, so importing the same file twice gives the same rows. */
static const char *const SQL_STAGE_ROWS[] = {
    /* The network: by its id, else the one of that name already here, else a new one. */
    "INSERT INTO src.network(id, name, created_at) SELECT coalesce(json_extract(j,"
    " '$.network_id'), (SELECT n.id FROM main.network n WHERE n.name = json_extract(js.j,"
    " '$.network') ORDER BY n.created_at, n.id LIMIT 1), kr_uuid()), json_extract(j,"
    " '$.network'), NULL FROM src.js WHERE json_type(j, '$.network') = 'text'",
    "UPDATE src.network SET created_at = coalesce((SELECT n.created_at FROM main.network n"
    " WHERE n.id = network.id), (SELECT coalesce(json_extract(j, '$.created_at'), "
    "date(json_extract(j,"
    " '$.date')) || 'T00:00:00.000Z') FROM src.js))",
    "INSERT INTO src.session(id, network_id, kind, date, host_school, basisvaardigheid,"
    " ontwikkelvraag, kijkvraag_id, kijkvraag_text, kijkpunten, is_demo, created_at, updated_at)"
    " SELECT id, (SELECT id FROM src.network), coalesce(json_extract(j, '$.kind'), 'vervolg'),"
    " json_extract(j, '$.date'), json_extract(j, '$.host_school'),"
    " json_extract(j, '$.basisvaardigheid'), json_extract(j, '$.ontwikkelvraag'),"
    " json_extract(j, '$.kijkvraag.id'), json_extract(j, '$.kijkvraag.text'),"
    " json_extract(j, '$.kijkpunten'), coalesce(json_extract(j, '$.demo'), 0),"
    " coalesce(json_extract(j, '$.created_at'), json_extract(j, '$.date') || 'T00:00:00.000Z'),"
    " coalesce(json_extract(j, '$.updated_at'), json_extract(j, '$.created_at'),"
    " json_extract(j, '$.date') || 'T00:00:00.000Z') FROM src.js",
    "INSERT INTO src.tweetal(id, session_id, name) SELECT jt.id, js.id, json_extract(jt.j,"
    " '$.name') FROM src.jt, src.js",
    /* Pairs named only by name: the tweetal of that name in the file or the database. */
    "INSERT INTO src.tweetal(id, session_id, name) SELECT coalesce((SELECT t.id FROM"
    " main.tweetal t WHERE t.session_id = js.id AND t.name = p.name ORDER BY t.id LIMIT 1),"
    " kr_uuid()), js.id, p.name FROM (SELECT DISTINCT json_extract(j, '$.pair') AS name"
    " FROM src.jv WHERE json_type(j, '$.pair') = 'text' AND json_type(j, '$.pair_id') IS NOT"
    " 'text') p, src.js WHERE NOT EXISTS (SELECT 1 FROM src.tweetal t WHERE t.name = p.name)",
    "INSERT INTO src.participant(id, session_id, tweetal_id, name, role, school) SELECT jp.id,"
    " js.id, json_extract(jp.j, '$.tweetal'), json_extract(jp.j, '$.name'), json_extract(jp.j,"
    " '$.role'), json_extract(jp.j, '$.school') FROM src.jp, src.js",
    "INSERT INTO src.visit(id, session_id, tweetal_id, label, subject, started_at, ended_at)"
    " SELECT jv.id, js.id, coalesce(json_extract(jv.j, '$.pair_id'), (SELECT t.id FROM"
    " src.tweetal t WHERE t.name = json_extract(jv.j, '$.pair') ORDER BY t.id LIMIT 1)),"
    " json_extract(jv.j, '$.label'), json_extract(jv.j, '$.subject'), json_extract(jv.j,"
    " '$.started_at'), json_extract(jv.j, '$.ended_at') FROM src.jv, src.js",
    "INSERT INTO src.observation(id, visit_id, at, text, corner, observer, keep_reason,"
    " created_at, updated_at, deleted_at) SELECT id, json_extract(j, '$.visit'),"
    " json_extract(j, '$.at'), json_extract(j, '$.text'), json_extract(j, '$.corner'),"
    " json_extract(j, '$.observer'), json_extract(j, '$.keep_reason'),"
    " coalesce(json_extract(j, '$.created_at'), strftime('%Y-%m-%dT%H:%M:%fZ', json_extract(j,"
    " '$.at'))), coalesce(json_extract(j, '$.updated_at'), json_extract(j, '$.created_at'),"
    " strftime('%Y-%m-%dT%H:%M:%fZ', json_extract(j, '$.at'))),"
    " CASE WHEN sec = 'deleted_observations' THEN coalesce(json_extract(j, '$.deleted_at'),"
    " json_extract(j, '$.updated_at'), json_extract(j, '$.created_at'),"
    " strftime('%Y-%m-%dT%H:%M:%fZ', json_extract(j, '$.at')))"
    " ELSE json_extract(j, '$.deleted_at') END FROM src.jo WHERE kr_tick()",
    "INSERT INTO src.observation_version(id, observation_id, at, change, text, corner)"
    " SELECT id, ref, json_extract(j, '$.at'), json_extract(j, '$.change'), json_extract(j,"
    " '$.text'), json_extract(j, '$.corner') FROM src.jh WHERE kr_tick()",
    /* A note without history gets one 'aangemaakt' version with an id derived from the note,
     * so that a second import finds it again. */
    "INSERT INTO src.observation_version(id, observation_id, at, change, text, corner)"
    " SELECT o.id || '-' || kr_fnv(o.text, o.corner), o.id, o.created_at, 'aangemaakt',"
    " o.text, o.corner FROM src.observation o WHERE NOT EXISTS (SELECT 1 FROM src.jh"
    " WHERE jh.ref = o.id) AND kr_tick()",
    /* The reflection; a decision without a time gets the session's. */
    "INSERT INTO src.reflection_pattern(id, session_id, corner, label, created_at, updated_at)"
    " SELECT jgp.id, s.id, json_extract(j, '$.corner'), json_extract(j, '$.label'),"
    " coalesce(json_extract(j, '$.created_at'), s.updated_at), coalesce(json_extract(j,"
    " '$.updated_at'), json_extract(j, '$.created_at'), s.updated_at) FROM src.jgp, src.session s",
    "INSERT INTO src.reflection_note(observation_id, session_id, corner, pattern_id, updated_at)"
    " SELECT jgn.id, s.id, json_extract(j, '$.corner'), json_extract(j, '$.pattern'),"
    " coalesce(json_extract(j, '$.updated_at'), s.updated_at) FROM src.jgn, src.session s",
    "INSERT INTO src.reflection_phase(session_id, phase, text, updated_at) SELECT s.id, jrp.id,"
    " json_extract(j, '$.text'), coalesce(json_extract(j, '$.updated_at'), s.updated_at)"
    " FROM src.jrp, src.session s",
    /* The theory of action; one without an id (the shape before schema 8) is chosen. */
    "INSERT INTO src.theory_of_action(id, session_id, group_name, schoolleiding, leraren,"
    " leerlingen, bewijs, evidence, chosen, created_at, updated_at, deleted_at) SELECT jta.id,"
    " s.id, json_extract(j, '$.group'), json_extract(j, '$.schoolleiding'), json_extract(j,"
    " '$.leraren'), json_extract(j, '$.leerlingen'), json_extract(j, '$.bewijs'),"
    " coalesce(json_extract(j, '$.evidence'), '[]'), CASE WHEN nullif(json_extract(j, '$.id'),"
    " '') IS NULL THEN 1 ELSE coalesce(json_extract(j, '$.chosen'), 0) END,"
    " coalesce(json_extract(j, '$.created_at'), json_extract(j, '$.updated_at'), s.updated_at),"
    " coalesce(json_extract(j, '$.updated_at'), s.updated_at), CASE WHEN sec ="
    " 'deleted_theory_of_action' THEN coalesce(json_extract(j, '$.deleted_at'), json_extract(j,"
    " '$.updated_at'), s.updated_at) ELSE json_extract(j, '$.deleted_at') END"
    " FROM src.jta, src.session s",
    "INSERT INTO src.next_step(id, session_id, text, actor, horizon, evidence, position,"
    " created_at, updated_at, deleted_at, follow_up_session_id, follow_up_status,"
    " follow_up_text, follow_up_at) SELECT jns.id, s.id, json_extract(j, '$.text'),"
    " json_extract(j, '$.actor'), json_extract(j, '$.horizon'), coalesce(json_extract(j,"
    " '$.evidence'), '[]'), coalesce(json_extract(j, '$.position'), jns.i),"
    " coalesce(json_extract(j, '$.created_at'), json_extract(j, '$.updated_at'), s.updated_at),"
    " coalesce(json_extract(j, '$.updated_at'), s.updated_at), CASE WHEN sec ="
    " 'deleted_next_steps' THEN coalesce(json_extract(j, '$.deleted_at'), json_extract(j,"
    " '$.updated_at'), s.updated_at) ELSE json_extract(j, '$.deleted_at') END,"
    " json_extract(j, '$.follow_up.session'), json_extract(j, '$.follow_up.status'),"
    " json_extract(j, '$.follow_up.text'), coalesce(json_extract(j, '$.follow_up_at'),"
    " CASE WHEN json_type(j, '$.follow_up') = 'object' THEN coalesce(json_extract(j,"
    " '$.updated_at'), s.updated_at) END) FROM src.jns, src.session s",
};

static enum kr_status detach_src(struct kr_store *st)
{
    sqlite3_exec(st->db, "DETACH DATABASE src", NULL, NULL, NULL);
    return KR_OK;
}

/* Build "sec[i].history[k].field: msg" into err. */
static enum kr_status report(const struct problem *p, const char *source, struct kr_error *err)
{
    struct kr_buf path = {0};
    kr_buf_puts(&path, p->sec);
    if (strcmp(p->sec, "session") != 0)
        kr_buf_printf(&path, "[%ld]", p->i);
    if (p->k >= 0)
        kr_buf_printf(&path, ".history[%ld]", p->k);
    if (p->field && *p->field)
        kr_buf_printf(&path, ".%s", p->field);
    kr_error_set(err, KR_INVALID, "%s: %s; niets geïmporteerd.", kr_buf_str(&path),
                 kr_buf_str(&p->msg));
    if (err && source)
        snprintf(err->file, sizeof err->file, "%s", source);
    kr_buf_fini(&path);
    return KR_INVALID;
}

/* Top-level shape: an object with the right format and the required sections. */
/*
 * The notes arrive element by element. SQLite parses a whole document for every statement
 * that reads it (json_each, json_tree), in memory several times the size of the text, so a
 * 150 MB file needed gigabytes. The notes are nearly all of a file: their two lists
 * (observations, deleted_observations) are cut out of the document (the SQL reads the rest,
 * with those lists empty) and go into src.jo one element at a time (fill_notes), each
 * parsed on its own. The document has passed js_check, so the walk below needs no checks.
 */
struct notes_split {
    size_t open[2], close[2]; /* the lists' [ and ] in the document; open 0: not there */
};

/* The end of the value that starts at s[i] (s is valid JSON). */
static size_t skip_value(const char *s, size_t len, size_t i)
{
    int depth = 0;
    do {
        char c = s[i];
        if (c == '"') {
            for (i++; i < len && s[i] != '"'; i++)
                if (s[i] == '\\')
                    i++;
            i++;
        } else if (c == '{' || c == '[') {
            depth++;
            i++;
        } else if (c == '}' || c == ']') {
            depth--;
            i++;
        } else if (depth == 0) {
            while (i < len && !strchr(",]} \t\r\n", s[i]))
                i++;
        } else {
            i++;
        }
    } while (depth > 0 && i < len);
    return i;
}

static size_t skip_ws(const char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
        i++;
    return i;
}

static void split_notes(const char *s, size_t len, struct notes_split *sp)
{
    memset(sp, 0, sizeof *sp);
    size_t i = skip_ws(s, len, 0);
    if (i >= len || s[i] != '{')
        return;
    i = skip_ws(s, len, i + 1);
    struct kr_buf key = {0};
    while (i < len && s[i] == '"') {
        size_t k = i;
        i = skip_value(s, len, i);
        key.len = 0;
        js_key_decode(s + k + 1, i - k - 2, &key);
        i = skip_ws(s, len, skip_ws(s, len, i) + 1); /* past the ':' */
        int which = strcmp(kr_buf_str(&key), "observations") == 0           ? 0
                    : strcmp(kr_buf_str(&key), "deleted_observations") == 0 ? 1
                                                                            : -1;
        size_t end = skip_value(s, len, i);
        /* A key twice in one object was refused by js_check, so each list is seen once. */
        if (which >= 0 && s[i] == '[') {
            sp->open[which] = i;
            sp->close[which] = end - 1;
        }
        i = skip_ws(s, len, end);
        if (i < len && s[i] == ',')
            i = skip_ws(s, len, i + 1);
    }
    kr_buf_fini(&key);
}

/* The document without the elements of the two lists (they become []). Heap. */
static char *without_notes(const char *s, size_t len, const struct notes_split *sp, size_t *out_len)
{
    struct kr_buf b = {0};
    size_t from = 0;
    int order[2] = {0, 1};
    if (sp->open[1] && (!sp->open[0] || sp->open[1] < sp->open[0])) {
        order[0] = 1;
        order[1] = 0;
    }
    for (int n = 0; n < 2; n++) {
        int w = order[n];
        if (!sp->open[w])
            continue;
        kr_buf_append(&b, s + from, sp->open[w] + 1 - from);
        from = sp->close[w];
    }
    kr_buf_append(&b, s + from, len - from);
    *out_len = b.len;
    if (!b.data)
        kr_buf_putc(&b, '\0');
    return kr_buf_steal(&b);
}

/* The number of elements of the list s[open..close]. */
static size_t count_elements(const char *s, size_t len, size_t open, size_t close)
{
    size_t n = 0;
    for (size_t i = skip_ws(s, len, open + 1); i < close; n++) {
        i = skip_ws(s, len, skip_value(s, len, i));
        if (i < close && s[i] == ',')
            i = skip_ws(s, len, i + 1);
    }
    return n;
}

/*
 * Stage the elements of the two lists into src.jo as the SQL did with json_each (the same
 * columns: sec, rank, i, k, t, j, id, ref), and refuse a text with a character SQLite
 * cannot hold (what check_top does for the rest of the document).
 */
static enum kr_status fill_notes(struct kr_store *st, const char *s, size_t len,
                                 const struct notes_split *sp, const char *source,
                                 struct kr_error *err)
{
    static const char *const sec[2] = {"observations", "deleted_observations"};
    sqlite3_stmt *ins = NULL, *bad = NULL;
    enum kr_status r = kr_store_prepare(
        st,
        "INSERT INTO src.jo SELECT ?2, ?3, ?4, NULL, json_type(?1), json_extract(?1, '$'),"
        " CASE json_type(?1) WHEN 'object' THEN json_extract(?1, '$.id') END, NULL"
        " WHERE ?3 <> 4 OR kr_tick()",
        &ins, err);
    if (r == KR_OK)
        r = kr_store_prepare(st,
                             "SELECT fullkey FROM json_tree(?1) WHERE type = 'text' AND NOT"
                             " kr_text_ok(atom) LIMIT 1",
                             &bad, err);
    for (int w = 0; r == KR_OK && w < 2; w++) {
        if (!sp->open[w])
            continue;
        size_t i = skip_ws(s, len, sp->open[w] + 1);
        for (long n = 0; r == KR_OK && i < sp->close[w]; n++) {
            size_t end = skip_value(s, len, i);
            sqlite3_bind_text(bad, 1, s + i, (int)(end - i), SQLITE_STATIC);
            if (sqlite3_step(bad) == SQLITE_ROW) {
                const char *fk = (const char *)sqlite3_column_text(bad, 0);
                r = kr_error_set(err, KR_INVALID,
                                 "%s[%ld]%s: bevat een ongeldig teken (NUL of een losse "
                                 "\\u-surrogaat); niets geïmporteerd.",
                                 sec[w], n, fk && fk[0] == '$' ? fk + 1 : "");
                if (source)
                    snprintf(err->file, sizeof err->file, "%s", source);
                break;
            }
            sqlite3_reset(bad);
            sqlite3_bind_text(ins, 1, s + i, (int)(end - i), SQLITE_STATIC);
            sqlite3_bind_text(ins, 2, sec[w], -1, SQLITE_STATIC);
            sqlite3_bind_int(ins, 3, 4 + w);
            sqlite3_bind_int64(ins, 4, n);
            int rc = sqlite3_step(ins);
            if (rc != SQLITE_DONE)
                r = kr_store_fail(st, rc, err, "Importeren mislukt");
            sqlite3_reset(ins);
            i = skip_ws(s, len, end);
            if (i < sp->close[w] && s[i] == ',')
                i = skip_ws(s, len, i + 1);
        }
    }
    sqlite3_finalize(ins);
    sqlite3_finalize(bad);
    return r;
}

static enum kr_status check_top(struct kr_store *st, const char *json, size_t len,
                                const char *source, struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(
        st,
        /* One walk of the top level instead of a json_type(?1, ...) per key: SQLite keeps a
         * copy of the document per call site, so fourteen calls held fourteen copies (most of
         * an import's peak memory). Keys are compared only when the root is an object. */
        "SELECT (SELECT json_type(?1)) AS root,"
        " max(CASE WHEN key = 'format' THEN type END),"
        " max(CASE WHEN key = 'format' THEN atom END),"
        " max(CASE WHEN key = 'session' THEN type END),"
        " max(CASE WHEN key = 'visits' THEN type END),"
        " max(CASE WHEN key = 'observations' THEN type END),"
        " max(CASE WHEN key = 'tweetallen' THEN type END),"
        " max(CASE WHEN key = 'participants' THEN type END),"
        " max(CASE WHEN key = 'deleted_observations' THEN type END),"
        " max(CASE WHEN key = 'group_patterns' THEN type END),"
        " max(CASE WHEN key = 'group_notes' THEN type END),"
        " max(CASE WHEN key = 'reflection_phases' THEN type END),"
        " max(CASE WHEN key = 'theory_of_action' THEN type END),"
        " max(CASE WHEN key = 'deleted_theory_of_action' THEN type END),"
        " max(CASE WHEN key = 'next_steps' THEN type END),"
        " max(CASE WHEN key = 'deleted_next_steps' THEN type END),"
        " (SELECT fullkey FROM json_tree(?1) WHERE type = 'text' AND NOT kr_text_ok(atom)"
        "  LIMIT 1)"
        " FROM (SELECT key, type, atom FROM json_each(?1) WHERE json_type(?1) = 'object'"
        "  UNION ALL SELECT NULL, NULL, NULL)",
        &s, err);
    if (r != KR_OK)
        return r;
    sqlite3_bind_text(s, 1, json, (int)len, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        r = kr_store_fail(st, rc, err, "Importeren mislukt");
        goto out;
    }
#define COL(i) ((const char *)sqlite3_column_text(s, (i)))
    struct problem p = {.k = -1};
    const char *why = NULL;
    char v[128];
    if (!COL(0) || strcmp(COL(0), "object") != 0) {
        why = "het bestand moet één JSON-object { ... } zijn";
        p.sec = kr_xstrdup("$");
    } else if (!COL(1)) {
        why = "ontbreekt; dit is geen kijkronde/1-bestand";
        p.sec = kr_xstrdup("format");
    } else if (strcmp(COL(1), "text") != 0 || strcmp(COL(2), "kijkronde/1") != 0) {
        kr_utf8_truncate(v, sizeof v, COL(2) ? COL(2) : "?", 40);
        kr_buf_printf(&p.msg, "onbekend formaat \"%s\"; deze kijkronde leest kijkronde/1", v);
        p.sec = kr_xstrdup("format");
    } else if (!COL(3) || strcmp(COL(3), "object") != 0) {
        why = COL(3) ? "moet een object zijn" : "ontbreekt";
        p.sec = kr_xstrdup("session");
    } else if (!COL(4) || strcmp(COL(4), "array") != 0) {
        why = COL(4) ? "moet een lijst [ ... ] zijn" : "ontbreekt";
        p.sec = kr_xstrdup("visits");
    } else if (!COL(5) || strcmp(COL(5), "array") != 0) {
        why = COL(5) ? "moet een lijst [ ... ] zijn" : "ontbreekt";
        p.sec = kr_xstrdup("observations");
    } else {
        /* Optional lists: a list or null when present. */
        static const char *const lists[] = {
            "tweetallen",  "participants",      "deleted_observations", "group_patterns",
            "group_notes", "reflection_phases", "theory_of_action",     "deleted_theory_of_action",
            "next_steps",  "deleted_next_steps"};
        for (int c = 0; c < (int)NF(lists) && !p.sec; c++)
            if (COL(6 + c) && strcmp(COL(6 + c), "array") != 0 && strcmp(COL(6 + c), "null") != 0) {
                why = "moet een lijst [ ... ] zijn";
                p.sec = kr_xstrdup(lists[c]);
            }
        if (!p.sec && COL(16)) {
            why = "bevat een ongeldig teken (NUL of een losse \\u-surrogaat)";
            const char *fk = COL(16);
            p.sec = kr_xstrdup(strncmp(fk, "$.", 2) == 0 ? fk + 2 : fk);
        }
    }
#undef COL
    if (p.sec) {
        if (why)
            kr_buf_puts(&p.msg, why);
        kr_error_set(err, KR_INVALID, "%s: %s; niets geïmporteerd.", p.sec, kr_buf_str(&p.msg));
        if (err && source)
            snprintf(err->file, sizeof err->file, "%s", source);
        r = KR_INVALID;
    }
    problem_fini(&p);
out:
    sqlite3_finalize(s);
    return r;
}

static enum kr_status import_json(struct kr_store *st, const char *json, size_t len,
                                  const char *source, struct kr_exchange_stats *stats,
                                  struct kr_error *err);

/* The file's texts go in as NFC: the whole document is normalised once (JSON's own syntax
   is ASCII, so only the strings change), then imported. */
enum kr_status kr_store_import_json(struct kr_store *st, const char *json, size_t len,
                                    const char *source, struct kr_exchange_stats *stats,
                                    struct kr_error *err)
{
    struct kr_buf nfc = {0};
    enum kr_status r;
    /* A UTF-8 byte order mark (Windows editors write one) is no part of the JSON. */
    if (len >= 3 && memcmp(json, "\xEF\xBB\xBF", 3) == 0) {
        json += 3;
        len -= 3;
    }
    if (kr_nfc(json, len, &nfc, NULL, NULL))
        r = import_json(st, nfc.data, nfc.len, source, stats, err);
    else
        r = import_json(st, json, len, source, stats, err);
    kr_buf_fini(&nfc);
    return r;
}

static enum kr_status import_json(struct kr_store *st, const char *json, size_t len,
                                  const char *source, struct kr_exchange_stats *stats,
                                  struct kr_error *err)
{
    if (stats)
        memset(stats, 0, sizeof *stats);
    const char *src_name = source ? source : "JSON";
    size_t bad;
    if (!kr_utf8_valid(json, len, &bad)) {
        size_t line, col;
        line_col(json, len, bad, &line, &col);
        return kr_error_set_at(err, KR_PARSE, src_name, line, col,
                               "geen geldige UTF-8 (byte %zu); niets geïmporteerd.", bad);
    }
    struct jscan js = {.s = json, .len = len};
    if (len > INT32_MAX) {
        return kr_error_set(err, KR_INVALID, "'%s' is te groot om te importeren.", src_name);
    }
    if (!js_check(&js)) {
        size_t line, col;
        line_col(json, len, js.pos, &line, &col);
        return kr_error_set_at(err, KR_PARSE, src_name, line, col,
                               "geen geldige JSON: %s; niets geïmporteerd.", js.why);
    }
    enum kr_status r = register_functions(st, err);
    if (r != KR_OK)
        return r;
    /* From here the SQL reads the document without its notes; they go in one by one. */
    struct notes_split sp;
    split_notes(json, len, &sp);
    const char *whole = json;
    size_t whole_len = len;
    char *small = without_notes(json, len, &sp, &len);
    json = small;
    r = check_top(st, json, len, src_name, err);
    if (r == KR_OK)
        r = kr_store_exec(st, "ATTACH ':memory:' AS src", err);
    if (r != KR_OK) {
        free(small);
        return r;
    }
    /* The job in units: staging a note, checking it (two), making its rows, adding it; the
     * versions (about one per note until staged) are made and added too. */
    size_t notes = 0, checks = NF(SECTIONS) + NF(CROSS_CHECKS);
    if (st->progress) {
        if (sp.open[0])
            notes = count_elements(whole, whole_len, sp.open[0], sp.close[0]);
        kr_progress_begin(&st->plan, st->progress, notes, 7 * notes);
    }
    struct problem p = {.k = -1};
    /* The multi-statement staging SQL: run statement by statement with ?1 bound. */
    const char *const raw[] = {SQL_STAGE_RAW, SQL_STAGE_RAW_REST, SQL_STAGE_RAW_DEBRIEF};
    for (size_t q = 0; q < NF(raw); q++) {
        if (q == 1 && r == KR_OK)
            r = fill_notes(st, whole, whole_len, &sp, src_name, err);
        for (const char *tail = raw[q]; r == KR_OK && *tail;) {
            sqlite3_stmt *s = NULL;
            int rc = sqlite3_prepare_v2(st->db, tail, -1, &s, &tail);
            if (rc != SQLITE_OK) {
                r = kr_store_fail(st, rc, err, "Importeren mislukt");
                break;
            }
            if (!s)
                break;
            if (sqlite3_bind_parameter_count(s) >= 1)
                sqlite3_bind_text(s, 1, json, (int)len, SQLITE_STATIC);
            rc = sqlite3_step(s);
            if (rc != SQLITE_DONE)
                r = kr_store_fail(st, rc, err, "Importeren mislukt");
            sqlite3_finalize(s);
        }
    }
    if (r == KR_OK && st->plan.p) {
        size_t h = count_of(st, "SELECT count(*) FROM src.jh");
        kr_progress_retotal(&st->plan, 5 * notes + 2 * (h > notes ? h : notes));
    }
    for (size_t i = 0; r == KR_OK && i < NF(SECTIONS) && !p.found; i++) {
        r = check_section(st, &SECTIONS[i], &p, err);
        kr_progress_add(&st->plan, 2 * notes / checks);
    }
    for (size_t i = 0; r == KR_OK && i < NF(CROSS_CHECKS) && !p.found; i++) {
        r = run_check(st, CROSS_CHECKS[i].sql, CROSS_CHECKS[i].field, msg_text, CROSS_CHECKS[i].msg,
                      &p, err);
        kr_progress_add(&st->plan, 2 * notes / checks);
    }
    if (r == KR_OK && p.found)
        r = report(&p, src_name, err);
    problem_fini(&p);
    if (r == KR_OK)
        r = kr_store_exec(st, SQL_STAGE_TABLES, err);
    for (size_t i = 0; r == KR_OK && i < NF(SQL_STAGE_ROWS); i++)
        r = kr_store_exec(st, SQL_STAGE_ROWS[i], err);
    if (r == KR_OK) {
        r = kr_store_begin(st, err);
        if (r == KR_OK) {
            r = merge_src(st, stats, err);
            if (r == KR_OK)
                r = kr_store_commit(st, err);
            else
                kr_store_rollback(st);
        }
    }
    detach_src(st);
    free(small);
    if (r == KR_OK)
        kr_progress_end(&st->plan);
    st->plan = (struct kr_progress_plan){0};
    return r;
}

/* ---- merge ---- */

/*
 * Every row of the other database passes the importer's rules before anything is merged:
 * texts are TEXT and valid UTF-8 without NUL, ids and references also without control
 * characters, a note no longer than KR_NOTE_MAX_CHARS, times valid ISO 8601, dates real,
 * corners, kinds, phases and changes known. A damaged or hostile file (a BLOB as text, a
 * time that is none) is refused, naming the row, and nothing is merged.
 */
enum vkind {
    V_ID,   /* non-empty text without controls */
    V_REF,  /* an id or NULL */
    V_TEXT, /* text (may be empty) */
    V_OPT,  /* text or NULL */
    V_NOTE, /* text within the note length limit */
    V_ISO,  /* an ISO time */
    V_OPT_ISO,
    V_DATE,
    V_CORNER, /* a corner or NULL */
    V_CORNER_REQ,
    V_KIND,
    V_BASIS, /* a basisvaardigheid or NULL */
    V_CHANGE,
    V_PHASE,
    V_BOOL, /* 0 or 1 */
};

struct vcol {
    const char *col;
    enum vkind kind;
};

#define CORNERS "('leerling', 'leraar', 'leerinhoud')"

static char *vbad_sql(const char *x, enum vkind k)
{
    switch (k) {
    case V_ID:
        return kr_xasprintf("(NOT kr_line_ok(%s) OR %s = '')", x, x);
    case V_REF:
        return kr_xasprintf("(%s IS NOT NULL AND (NOT kr_line_ok(%s) OR %s = ''))", x, x, x);
    case V_TEXT:
        return kr_xasprintf("(typeof(%s) IS NOT 'text' OR NOT kr_text_ok(%s))", x, x);
    case V_OPT:
        return kr_xasprintf("(%s IS NOT NULL AND (typeof(%s) IS NOT 'text' OR NOT kr_text_ok(%s)))",
                            x, x, x);
    case V_NOTE:
        return kr_xasprintf("(typeof(%s) IS NOT 'text' OR NOT kr_text_ok(%s) OR length(%s) > %d)",
                            x, x, x, KR_NOTE_MAX_CHARS);
    case V_ISO:
        return kr_xasprintf("(NOT kr_iso_ok(%s))", x);
    case V_OPT_ISO:
        return kr_xasprintf("(%s IS NOT NULL AND NOT kr_iso_ok(%s))", x, x);
    case V_DATE:
        return kr_xasprintf("(NOT kr_date_ok(%s))", x);
    case V_CORNER:
        return kr_xasprintf(
            "(%s IS NOT NULL AND (typeof(%s) IS NOT 'text' OR %s NOT IN " CORNERS "))", x, x, x);
    case V_CORNER_REQ:
        return kr_xasprintf("(typeof(%s) IS NOT 'text' OR %s NOT IN " CORNERS ")", x, x);
    case V_KIND:
        return kr_xasprintf("(typeof(%s) IS NOT 'text' OR %s NOT IN ('start', 'aftrap', 'vervolg',"
                            " 'afronding'))",
                            x, x);
    case V_BASIS:
        return kr_xasprintf("(%s IS NOT NULL AND (typeof(%s) IS NOT 'text' OR %s NOT IN ('taal',"
                            " 'rekenen-wiskunde', 'burgerschap', 'digitale-geletterdheid')))",
                            x, x, x);
    case V_CHANGE:
        return kr_xasprintf("(typeof(%s) IS NOT 'text' OR %s NOT IN ('aangemaakt', 'bewerkt',"
                            " 'verwijderd', 'hersteld'))",
                            x, x);
    case V_PHASE:
        return kr_xasprintf("(typeof(%s) IS NOT 'text' OR %s NOT IN ('beschrijven', 'analyseren',"
                            " 'voorspellen', 'volgende-stap'))",
                            x, x);
    case V_BOOL:
        return kr_xasprintf("(typeof(%s) IS NOT 'integer' OR %s NOT IN (0, 1))", x, x);
    }
    return kr_xstrdup("0");
}

static const struct vcol V_NETWORK[] = {{"id", V_ID}, {"name", V_TEXT}, {"created_at", V_ISO}};
static const struct vcol V_SESSION[] = {
    {"id", V_ID},
    {"network_id", V_REF},
    {"kind", V_KIND},
    {"date", V_DATE},
    {"host_school", V_OPT},
    {"basisvaardigheid", V_BASIS},
    {"ontwikkelvraag", V_OPT},
    {"kijkvraag_id", V_OPT},
    {"kijkvraag_text", V_TEXT},
    {"kijkpunten", V_OPT},
    {"is_demo", V_BOOL},
    {"created_at", V_ISO},
    {"updated_at", V_ISO},
};
static const struct vcol V_TWEETAL[] = {{"id", V_ID}, {"session_id", V_ID}, {"name", V_TEXT}};
static const struct vcol V_PARTICIPANT[] = {
    {"id", V_ID},     {"session_id", V_ID}, {"tweetal_id", V_REF},
    {"name", V_TEXT}, {"role", V_OPT},      {"school", V_OPT},
};
static const struct vcol V_VISIT[] = {
    {"id", V_ID},       {"session_id", V_ID},      {"tweetal_id", V_REF},   {"label", V_TEXT},
    {"subject", V_OPT}, {"started_at", V_OPT_ISO}, {"ended_at", V_OPT_ISO},
};
static const struct vcol V_OBS[] = {
    {"id", V_ID},          {"visit_id", V_ID},        {"at", V_ISO},          {"text", V_NOTE},
    {"corner", V_CORNER},  {"observer", V_OPT},       {"keep_reason", V_OPT}, {"created_at", V_ISO},
    {"updated_at", V_ISO}, {"deleted_at", V_OPT_ISO},
};
static const struct vcol V_VERSION[] = {
    {"id", V_ID},         {"observation_id", V_ID}, {"at", V_ISO},
    {"change", V_CHANGE}, {"text", V_NOTE},         {"corner", V_CORNER},
};
static const struct vcol V_RPATTERN[] = {
    {"id", V_ID},      {"session_id", V_ID},  {"corner", V_CORNER_REQ},
    {"label", V_TEXT}, {"created_at", V_ISO}, {"updated_at", V_ISO},
};
static const struct vcol V_RNOTE[] = {
    {"observation_id", V_ID}, {"session_id", V_ID},  {"corner", V_CORNER},
    {"pattern_id", V_REF},    {"updated_at", V_ISO},
};
static const struct vcol V_RPHASE[] = {
    {"session_id", V_ID}, {"phase", V_PHASE}, {"text", V_TEXT}, {"updated_at", V_ISO}};
static const struct vcol V_TOA[] = {
    {"session_id", V_ID},  {"schoolleiding", V_OPT}, {"leraren", V_OPT},
    {"leerlingen", V_OPT}, {"bewijs", V_OPT},        {"updated_at", V_ISO},
};

static const struct {
    const char *table, *what, *id; /* the row in a message: "<what> <id>" */
    const struct vcol *cols;
    size_t n;
} VTABLES[] = {
    {"network", "netwerk", "id", V_NETWORK, NF(V_NETWORK)},
    {"session", "bijeenkomst", "id", V_SESSION, NF(V_SESSION)},
    {"tweetal", "tweetal", "id", V_TWEETAL, NF(V_TWEETAL)},
    {"participant", "deelnemer", "id", V_PARTICIPANT, NF(V_PARTICIPANT)},
    {"visit", "bezoek", "id", V_VISIT, NF(V_VISIT)},
    {"observation", "notitie", "id", V_OBS, NF(V_OBS)},
    {"observation_version", "versie", "id", V_VERSION, NF(V_VERSION)},
    {"reflection_pattern", "patroon", "id", V_RPATTERN, NF(V_RPATTERN)},
    {"reflection_note", "groepskeuze voor notitie", "observation_id", V_RNOTE, NF(V_RNOTE)},
    {"reflection_phase", "nabespreking van bijeenkomst", "session_id", V_RPHASE, NF(V_RPHASE)},
    {"theory_of_action", "theory of action van bijeenkomst", "session_id", V_TOA, NF(V_TOA)},
};

/* Why value x (of SQLite type `type`) breaks rule k, in Dutch, into b. */
static void vmsg(struct kr_buf *b, enum vkind k, const char *type, int text_ok, int line_ok,
                 long chars, const char *value)
{
    char v[128];
    kr_utf8_truncate(v, sizeof v, value ? value : "", 40);
    bool text = type && strcmp(type, "text") == 0;
    if (k == V_BOOL) {
        kr_buf_puts(b, "moet 0 of 1 zijn");
    } else if (!type || strcmp(type, "null") == 0) {
        kr_buf_puts(b, "ontbreekt (NULL)");
    } else if (!text) {
        kr_buf_printf(b, "is %s in plaats van tekst",
                      strcmp(type, "blob") == 0 ? "binaire gegevens (een BLOB)" : "een getal");
    } else if (!text_ok) {
        kr_buf_puts(b, "is geen geldige tekst (geen geldige UTF-8, of een NUL-teken)");
    } else if ((k == V_ID || k == V_REF) && !line_ok) {
        kr_buf_puts(b, "bevat een besturingsteken");
    } else if (k == V_ID || k == V_REF) {
        kr_buf_puts(b, "is leeg");
    } else if (k == V_NOTE) {
        kr_buf_printf(b, "is te lang: %ld tekens, hoogstens %d", chars, KR_NOTE_MAX_CHARS);
    } else if (k == V_ISO || k == V_OPT_ISO) {
        kr_buf_printf(b, "ongeldige tijd \"%s\"", v);
    } else if (k == V_DATE) {
        kr_buf_printf(b, "ongeldige datum \"%s\"", v);
    } else {
        kr_buf_printf(b, "onbekende waarde \"%s\"", v);
    }
}

/* The first row of table t (VTABLES[t]) that breaks a rule, into err; KR_OK when none. */
static enum kr_status validate_table(struct kr_store *st, size_t t, const char *path,
                                     struct kr_error *err)
{
    struct kr_buf where = {0};
    for (size_t c = 0; c < VTABLES[t].n; c++) {
        char *cond = vbad_sql(VTABLES[t].cols[c].col, VTABLES[t].cols[c].kind);
        kr_buf_printf(&where, "%s%s", c ? " OR " : "", cond);
        free(cond);
    }
    /* One scan for the whole table; only a bad row is looked at column by column. */
    char *sql = kr_xasprintf("SELECT rowid FROM src.%s WHERE %s ORDER BY rowid LIMIT 1",
                             VTABLES[t].table, kr_buf_str(&where));
    kr_buf_fini(&where);
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(st, sql, &s, err);
    free(sql);
    if (r != KR_OK)
        return r;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_DONE) {
        sqlite3_finalize(s);
        return KR_OK;
    }
    if (rc != SQLITE_ROW) {
        r = kr_store_fail(st, rc, err, "Controleren mislukt");
        sqlite3_finalize(s);
        return r;
    }
    sqlite3_int64 rowid = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    for (size_t c = 0; c < VTABLES[t].n; c++) {
        const char *x = VTABLES[t].cols[c].col, *id = VTABLES[t].id;
        char *cond = vbad_sql(x, VTABLES[t].cols[c].kind);
        sql = kr_xasprintf("SELECT CASE WHEN kr_line_ok(%s) AND %s <> '' THEN %s END, typeof(%s),"
                           " kr_text_ok(%s), kr_line_ok(%s), length(%s), CASE WHEN"
                           " kr_line_ok(%s) THEN %s END FROM src.%s WHERE rowid = ?1 AND %s",
                           id, id, id, x, x, x, x, x, x, VTABLES[t].table, cond);
        free(cond);
        r = kr_store_prepare(st, sql, &s, err);
        free(sql);
        if (r != KR_OK)
            return r;
        sqlite3_bind_int64(s, 1, rowid);
        rc = sqlite3_step(s);
        if (rc == SQLITE_ROW) {
            struct kr_buf m = {0};
            vmsg(&m, VTABLES[t].cols[c].kind, (const char *)sqlite3_column_text(s, 1),
                 sqlite3_column_int(s, 2), sqlite3_column_int(s, 3),
                 (long)sqlite3_column_int64(s, 4), (const char *)sqlite3_column_text(s, 5));
            char shown[160];
            const char *idv = (const char *)sqlite3_column_text(s, 0);
            if (idv) {
                char cut[128];
                kr_utf8_truncate(cut, sizeof cut, idv, 40);
                snprintf(shown, sizeof shown, "\"%s\"", cut);
            } else {
                snprintf(shown, sizeof shown, "(rij %lld)", (long long)rowid);
            }
            r = kr_error_set(err, KR_INVALID,
                             "'%s' is beschadigd of hoort niet bij kijkronde: %s %s, veld %s: %s; "
                             "er is niets samengevoegd.",
                             path, VTABLES[t].what, shown, x, kr_buf_str(&m));
            kr_buf_fini(&m);
            sqlite3_finalize(s);
            return r;
        }
        sqlite3_finalize(s);
        if (rc != SQLITE_DONE)
            return kr_store_fail(st, rc, err, "Controleren mislukt");
    }
    return KR_OK;
}

static enum kr_status validate_src(struct kr_store *st, const char *path, struct kr_error *err)
{
    enum kr_status r = KR_OK;
    for (size_t t = 0; r == KR_OK && t < NF(VTABLES); t++)
        if (src_has(st, VTABLES[t].table))
            r = validate_table(st, t, path, err);
    return r;
}

static enum kr_status check_other_file(struct kr_store *st, const char *path, struct kr_error *err)
{
    struct stat a, b;
    if (stat(path, &b) != 0)
        return kr_error_set(err, KR_IO, "Kan '%s' niet openen: %s; er is niets veranderd.", path,
                            kr_strerror(errno));
    if (!S_ISREG(b.st_mode))
        return kr_error_set(err, KR_INVALID, "'%s' is geen gewoon bestand; er is niets veranderd.",
                            path);
    if (strcmp(st->path, ":memory:") != 0 && stat(st->path, &a) == 0 && a.st_dev == b.st_dev &&
        a.st_ino == b.st_ino)
        return kr_error_set(err, KR_INVALID,
                            "'%s' is de database zelf; samenvoegen met zichzelf kan niet.", path);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return kr_error_set(err, KR_IO, "Kan '%s' niet lezen: %s; er is niets veranderd.", path,
                            kr_strerror(errno));
    char head[16] = {0};
    ssize_t n = read(fd, head, sizeof head);
    close(fd);
    if (n != (ssize_t)sizeof head || memcmp(head, "SQLite format 3", 16) != 0)
        return kr_error_set(err, KR_DB_NOT_DB,
                            "'%s' is geen kijkronde-database; er is niets veranderd.", path);
    return KR_OK;
}

/* After ATTACH: is src a kijkronde database this version can read? */
static enum kr_status check_other_schema(struct kr_store *st, const char *path,
                                         struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    int version = -1, tables = 0;
    int rc = sqlite3_prepare_v2(st->db, "PRAGMA src.user_version", -1, &s, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW)
        version = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    s = NULL;
    if (rc == SQLITE_ROW) {
        rc = sqlite3_prepare_v2(st->db,
                                "SELECT count(*) FROM src.sqlite_schema WHERE type = 'table' AND"
                                " name IN ('network', 'session', 'tweetal', 'participant',"
                                " 'visit', 'observation', 'observation_version')",
                                -1, &s, NULL);
        if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW)
            tables = sqlite3_column_int(s, 0);
        sqlite3_finalize(s);
    }
    if (rc != SQLITE_ROW) {
        if ((rc & 0xFF) == SQLITE_NOTADB || (rc & 0xFF) == SQLITE_CORRUPT)
            return kr_error_set(err, KR_DB_NOT_DB,
                                "'%s' is geen (leesbare) kijkronde-database; er is niets "
                                "veranderd.",
                                path);
        return kr_error_set(err, KR_IO, "Kan '%s' niet lezen (%s); er is niets veranderd.", path,
                            kr_store_rc_nl(rc));
    }
    if (version > kr_store_n_migrations)
        return kr_error_set(err, KR_DB_TOO_NEW,
                            "'%s' is gemaakt door een nieuwere kijkronde (schema %d, deze versie "
                            "kent tot %d); werk kijkronde bij. Er is niets veranderd.",
                            path, version, kr_store_n_migrations);
    if (version < 1 || tables != 7)
        return kr_error_set(err, KR_DB_NOT_DB,
                            "'%s' is geen kijkronde-database; er is niets veranderd.", path);
    return KR_OK;
}

#define MERGE_UNTOUCHED "er is niets veranderd"

enum kr_status kr_store_merge(struct kr_store *st, const char *other_path,
                              struct kr_exchange_stats *stats, struct kr_error *err)
{
    if (stats)
        memset(stats, 0, sizeof *stats);
    enum kr_status r = check_other_file(st, other_path, err);
    if (r != KR_OK)
        return r;
    /* The other file is read without a byte written to it or beside it (the other pair's
     * USB stick, perhaps read-only): immutable, or a private copy when a -wal holds data. */
    struct kr_peek pk;
    r = kr_store_peek(other_path, true, MERGE_UNTOUCHED, &pk, err);
    if (r != KR_OK)
        return r;
    r = kr_store_peek_check(other_path, &pk, true, MERGE_UNTOUCHED, err);
    sqlite3_stmt *s = NULL;
    if (r == KR_OK)
        r = kr_store_prepare(st, "ATTACH ?1 AS src", &s, err);
    if (r != KR_OK) {
        kr_store_peek_fini(&pk);
        return r;
    }
    sqlite3_bind_text(s, 1, pk.uri, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        r = kr_error_set(err, KR_IO, "Kan '%s' niet openen (%s); er is niets veranderd.",
                         other_path, kr_store_rc_nl(rc));
        kr_store_peek_fini(&pk);
        return r;
    }
    r = check_other_schema(st, other_path, err);
    if (r == KR_OK)
        r = register_functions(st, err);
    if (r == KR_OK)
        r = validate_src(st, other_path, err);
    if (r == KR_OK)
        r = kr_store_begin(st, err);
    if (r == KR_OK) {
        r = merge_src(st, stats, err);
        if (r == KR_OK) /* the other laptop's texts in NFC, as ours are */
            r = kr_store_exec(st, kr_store_nfc_sql, err);
        if (r == KR_OK)
            r = kr_store_exec(st, kr_store_nfc_debrief_sql, err);
        if (r == KR_OK)
            r = kr_store_commit(st, err);
        else
            kr_store_rollback(st);
    }
    detach_src(st);
    kr_store_peek_fini(&pk);
    return r;
}
