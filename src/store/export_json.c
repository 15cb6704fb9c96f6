/* SPDX-License-Identifier: MIT */
/* The kijkronde/1 JSON export of one bijeenkomst, written by SQLite's JSON functions. */
#include <errno.h>
#include <stdio.h>

#include "kijkronde/store_exchange.h"
#include "store_internal.h"

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

/* A note changed on two laptops that had not seen each other's change (kr_store_obs_elsewhere)
 * carries "edited_elsewhere": true; the key is absent otherwise. */
#define SQL_EXPORT_OBS(deleted)                                                                    \
    "SELECT json_patch(json_object('id', o.id, 'visit', o.visit_id, 'at', o.at, 'text', o.text,"   \
    " 'corner', o.corner, 'observer', o.observer, 'keep_reason', o.keep_reason,"                   \
    " 'created_at', o.created_at, 'updated_at', o.updated_at, 'deleted_at', o.deleted_at,"         \
    " 'history', json((SELECT json_group_array(json_object('id', h.id, 'at', h.at,"                \
    " 'change', h.change, 'text', h.text, 'corner', h.corner)) FROM (SELECT * FROM"                \
    " observation_version h WHERE h.observation_id = o.id ORDER BY h.at, h.id) h))),"              \
    " CASE WHEN (SELECT count(*) FROM observation_version v WHERE v.observation_id = o.id"         \
    " AND v.base IS NOT NULL AND NOT EXISTS (SELECT 1 FROM observation_version w,"                 \
    " json_each(w.base) j WHERE w.observation_id = o.id AND j.value = v.id)) > 1"                  \
    " THEN '{\"edited_elsewhere\":true}' ELSE '{}' END)"                                           \
    " FROM observation o JOIN visit v ON v.id = o.visit_id WHERE v.session_id = ?1"                \
    " AND o.deleted_at IS " deleted " ORDER BY o.at, o.id"

/* The group's reflection: decisions on patterns, the debrief phases, the theory of action.
 * A group pattern's extent is the one the group confirmed, null when it kept the proposal. */
static const char SQL_EXPORT_GROUP_PATTERNS[] =
    "SELECT json_object('id', id, 'corner', corner, 'label', label, 'extent', extent,"
    " 'created_at', created_at, 'updated_at', updated_at) FROM reflection_pattern"
    " WHERE session_id = ?1 ORDER BY id";
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
