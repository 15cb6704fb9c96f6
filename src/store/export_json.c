/* SPDX-License-Identifier: MIT */
/* The kijkronde/1 JSON export of one bijeenkomst: the notes written in C (put_notes), the rest
 * by SQLite's JSON functions. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
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
 * carries "edited_elsewhere": true; the key is absent otherwise. The notes themselves are
 * written in C (put_notes below); this is the same test for one note (?1 its id). */
static const char SQL_EDITED_ELSEWHERE[] =
    "SELECT (SELECT count(*) FROM observation_version v WHERE v.observation_id = ?1"
    " AND v.base IS NOT NULL AND NOT EXISTS (SELECT 1 FROM observation_version w,"
    " json_each(w.base) j WHERE w.observation_id = ?1 AND j.value = v.id)) > 1";

/* Every note of the session with its history rows, in the export's order (a note without
 * history once, with NULL version columns). Column 0 tells one note from the next. */
#define SQL_EXPORT_OBS(deleted)                                                                    \
    "SELECT o.rowid, o.id, o.visit_id, o.at, o.text, o.corner, o.observer, o.keep_reason,"         \
    " o.created_at, o.updated_at, o.deleted_at, h.rowid, h.id, h.at, h.change, h.text, h.corner,"  \
    " h.base IS NOT NULL FROM observation o JOIN visit v ON v.id = o.visit_id"                     \
    " LEFT JOIN observation_version h ON h.observation_id = o.id WHERE v.session_id = ?1"          \
    " AND o.deleted_at IS " deleted " ORDER BY o.at, o.id, h.at, h.id"

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

/*
 * The notes in C. They are nearly all of an export, and SQLite's JSON functions made each one
 * three times: json_object, then json() parsing and rendering the history's json_group_array,
 * then json_patch parsing and rendering the whole note again (89% of a JSON export; issue 21).
 * The bytes are the same: a string as SQLite's jsonAppendString escapes it ('"' and '\' with a
 * backslash, \b \t \n \f \r, other controls as \u00XX), made inert as put_json_inert does, and
 * null; a value of any other type goes through json_quote, so SQLite writes it (or refuses a
 * BLOB as json_object did). One sorted walk over notes and versions replaces the subquery per
 * note.
 */
struct jw {
    FILE *out;
    size_t n;
    char buf[1 << 16];
};

static void jw_flush(struct jw *w)
{
    if (w->n)
        fwrite(w->buf, 1, w->n, w->out);
    w->n = 0;
}

static void jw_raw(struct jw *w, const char *s, size_t n)
{
    if (n > sizeof w->buf - w->n) {
        jw_flush(w);
        if (n > sizeof w->buf) {
            fwrite(s, 1, n, w->out);
            return;
        }
    }
    memcpy(w->buf + w->n, s, n);
    w->n += n;
}

#define JW_LIT(w, lit) jw_raw((w), (lit), sizeof(lit) - 1)

/* A string: quotes, SQLite's escapes, DEL and the C1 controls as \u escapes (put_json_inert). */
static void jw_str(struct jw *w, const unsigned char *s, size_t n)
{
    static const char special[32] = {
        ['\b'] = 'b', ['\t'] = 't', ['\n'] = 'n', ['\f'] = 'f', ['\r'] = 'r'};
    static const char hex[] = "0123456789abcdef";
    JW_LIT(w, "\"");
    size_t start = 0, i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f && c != 0xc2) {
            i++;
            continue;
        }
        unsigned cp;
        size_t used = 1;
        if (c == 0xc2) {
            if (i + 1 >= n || s[i + 1] < 0x80 || s[i + 1] > 0x9f) {
                i++; /* an ordinary two-byte character */
                continue;
            }
            cp = s[i + 1];
            used = 2;
        } else {
            cp = c;
        }
        jw_raw(w, (const char *)s + start, i - start);
        char e[6] = {'\\', 'u', '0', '0', hex[cp >> 4], hex[cp & 0xf]};
        if (c == '"' || c == '\\') {
            e[1] = (char)c;
            jw_raw(w, e, 2);
        } else if (c < 0x20 && special[c]) {
            e[1] = special[c];
            jw_raw(w, e, 2);
        } else {
            jw_raw(w, e, 6);
        }
        i += used;
        start = i;
    }
    jw_raw(w, (const char *)s + start, n - start);
    JW_LIT(w, "\"");
}

/* Column i of s as json_object writes it; quote is the prepared "SELECT json_quote(?1)". */
static enum kr_status jw_col(struct kr_store *st, struct jw *w, sqlite3_stmt *s, int i,
                             sqlite3_stmt *quote, struct kr_error *err)
{
    switch (sqlite3_column_type(s, i)) {
    case SQLITE_NULL:
        JW_LIT(w, "null");
        return KR_OK;
    case SQLITE_TEXT: {
        const unsigned char *t = sqlite3_column_text(s, i);
        jw_str(w, t, (size_t)sqlite3_column_bytes(s, i));
        return KR_OK;
    }
    default: /* (not in a TEXT column; kept exact all the same) */
        break;
    }
    sqlite3_reset(quote);
    sqlite3_bind_value(quote, 1, sqlite3_column_value(s, i));
    int rc = sqlite3_step(quote);
    if (rc != SQLITE_ROW)
        return kr_store_fail(st, rc, err, "Exporteren mislukt");
    jw_raw(w, (const char *)sqlite3_column_text(quote, 0), (size_t)sqlite3_column_bytes(quote, 0));
    return KR_OK;
}

/* Write the notes of session id (sql: SQL_EXPORT_OBS) as put_rows wrote their json_objects. */
static enum kr_status put_notes(struct kr_store *st, FILE *out, const char *key, const char *sql,
                                const char *id, struct kr_error *err)
{
    static const char *const note_keys[] = {
        "{\"id\":",         ",\"visit\":",     ",\"at\":",          ",\"text\":",
        ",\"corner\":",     ",\"observer\":",  ",\"keep_reason\":", ",\"created_at\":",
        ",\"updated_at\":", ",\"deleted_at\":"};
    static const char *const version_keys[] = {
        "{\"id\":", ",\"at\":", ",\"change\":", ",\"text\":", ",\"corner\":"};
    sqlite3_stmt *s = NULL, *quote = NULL, *elsewhere = NULL;
    enum kr_status r = kr_store_prepare(st, sql, &s, err);
    if (r == KR_OK)
        r = kr_store_prepare(st, "SELECT json_quote(?1)", &quote, err);
    if (r == KR_OK)
        r = kr_store_prepare(st, SQL_EDITED_ELSEWHERE, &elsewhere, err);
    if (r != KR_OK) {
        sqlite3_finalize(s);
        sqlite3_finalize(quote);
        return r;
    }
    kr_store_bind_text(s, 1, id);
    struct jw *w = kr_xmalloc(sizeof *w);
    w->out = out;
    w->n = 0;
    jw_raw(w, ",\n\"", 3);
    jw_raw(w, key, strlen(key));
    JW_LIT(w, "\": [");
    bool first = true;
    int rc = sqlite3_step(s);
    while (r == KR_OK && rc == SQLITE_ROW) {
        sqlite3_int64 note = sqlite3_column_int64(s, 0);
        if (first)
            JW_LIT(w, "\n");
        else
            JW_LIT(w, ",\n");
        first = false;
        for (int c = 0; r == KR_OK && c < 10; c++) {
            jw_raw(w, note_keys[c], strlen(note_keys[c]));
            r = jw_col(st, w, s, 1 + c, quote, err);
        }
        JW_LIT(w, ",\"history\":[");
        /* Versions with a base are what can make a note "edited elsewhere": only then is the
         * question asked (it reads every base of the note, as the one query did). */
        sqlite3_reset(elsewhere);
        sqlite3_bind_value(elsewhere, 1, sqlite3_column_value(s, 1));
        bool based = false, first_v = true;
        /* this note's rows: one per version, or one with none */
        while (r == KR_OK && rc == SQLITE_ROW && sqlite3_column_int64(s, 0) == note) {
            if (sqlite3_column_type(s, 11) != SQLITE_NULL) {
                if (!first_v)
                    JW_LIT(w, ",");
                first_v = false;
                for (int c = 0; r == KR_OK && c < 5; c++) {
                    jw_raw(w, version_keys[c], strlen(version_keys[c]));
                    r = jw_col(st, w, s, 12 + c, quote, err);
                }
                JW_LIT(w, "}");
                based = based || sqlite3_column_int(s, 17);
            }
            if (r == KR_OK)
                rc = sqlite3_step(s);
        }
        if (r != KR_OK)
            break;
        bool edited_elsewhere = false;
        if (based) {
            int rc2 = sqlite3_step(elsewhere);
            if (rc2 != SQLITE_ROW) {
                r = kr_store_fail(st, rc2, err, "Exporteren mislukt");
                break;
            }
            edited_elsewhere = sqlite3_column_int(elsewhere, 0) != 0;
            sqlite3_reset(elsewhere);
        }
        if (edited_elsewhere)
            JW_LIT(w, "],\"edited_elsewhere\":true}");
        else
            JW_LIT(w, "]}");
    }
    if (r == KR_OK && rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Exporteren mislukt");
    JW_LIT(w, "]");
    jw_flush(w);
    free(w);
    sqlite3_finalize(s);
    sqlite3_finalize(quote);
    sqlite3_finalize(elsewhere);
    return r;
}

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
        r = put_notes(st, out, "observations", SQL_EXPORT_OBS("NULL"), session_id, err);
    if (r == KR_OK)
        r = put_rows(st, out, "tweetallen", SQL_EXPORT_TWEETALLEN, session_id, err);
    if (r == KR_OK)
        r = put_rows(st, out, "participants", SQL_EXPORT_PARTICIPANTS, session_id, err);
    if (r == KR_OK)
        r = put_notes(st, out, "deleted_observations", SQL_EXPORT_OBS("NOT NULL"), session_id, err);
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
