/* SPDX-License-Identifier: MIT */
/*
 * Merging another kijkronde database: the file checked (a regular file, not ourselves,
 * SQLite, kijkronde's schema, not newer), read without a byte written to it, every row
 * checked against the importer's rules, then merged (merge_src.c) in one transaction.
 */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exchange_internal.h"
#include "kijkronde/mem.h"
#include "kijkronde/model.h"
#include "kijkronde/store_exchange.h"
#include "kijkronde/utf8.h"
#include "store_internal.h"

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
    V_BOOL,   /* 0 or 1 */
    V_EXTENT, /* a pattern's extent or NULL */
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
    case V_EXTENT:
        return kr_xasprintf("(%s IS NOT NULL AND (typeof(%s) IS NOT 'text' OR %s NOT IN ('enkele',"
                            " 'sommige', 'veel', 'de meeste')))",
                            x, x, x);
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
/* (extent: schema 10, absent in a database from before; validate_table skips it there) */
static const struct vcol V_RPATTERN[] = {
    {"id", V_ID},          {"session_id", V_ID},  {"corner", V_CORNER_REQ}, {"label", V_TEXT},
    {"created_at", V_ISO}, {"updated_at", V_ISO}, {"extent", V_EXTENT},
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
    {"network", "netwerk", "id", V_NETWORK, KR_NF(V_NETWORK)},
    {"session", "bijeenkomst", "id", V_SESSION, KR_NF(V_SESSION)},
    {"tweetal", "tweetal", "id", V_TWEETAL, KR_NF(V_TWEETAL)},
    {"participant", "deelnemer", "id", V_PARTICIPANT, KR_NF(V_PARTICIPANT)},
    {"visit", "bezoek", "id", V_VISIT, KR_NF(V_VISIT)},
    {"observation", "notitie", "id", V_OBS, KR_NF(V_OBS)},
    {"observation_version", "versie", "id", V_VERSION, KR_NF(V_VERSION)},
    {"reflection_pattern", "patroon", "id", V_RPATTERN, KR_NF(V_RPATTERN)},
    {"reflection_note", "groepskeuze voor notitie", "observation_id", V_RNOTE, KR_NF(V_RNOTE)},
    {"reflection_phase", "nabespreking van bijeenkomst", "session_id", V_RPHASE, KR_NF(V_RPHASE)},
    {"theory_of_action", "theory of action van bijeenkomst", "session_id", V_TOA, KR_NF(V_TOA)},
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
    } else if (k == V_EXTENT) {
        kr_buf_printf(b, "onbekende omvang \"%s\"; kies enkele, sommige, veel of de meeste", v);
    } else {
        kr_buf_printf(b, "onbekende waarde \"%s\"", v);
    }
}

/* The first row of table t (VTABLES[t]) that breaks a rule, into err; KR_OK when none. */
static enum kr_status validate_table(struct kr_store *st, size_t t, const char *path,
                                     struct kr_error *err)
{
    struct kr_buf where = {0};
    bool has[16]; /* per column: src has it (a database from before a migration may not) */
    assert(VTABLES[t].n <= sizeof has / sizeof has[0]);
    for (size_t c = 0, k = 0; c < VTABLES[t].n; c++) {
        has[c] = kr_store_src_has_col(st, VTABLES[t].table, VTABLES[t].cols[c].col);
        if (!has[c])
            continue;
        char *cond = vbad_sql(VTABLES[t].cols[c].col, VTABLES[t].cols[c].kind);
        kr_buf_printf(&where, "%s%s", k++ ? " OR " : "", cond);
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
        if (!has[c])
            continue;
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
    for (size_t t = 0; r == KR_OK && t < KR_NF(VTABLES); t++)
        if (kr_store_src_has(st, VTABLES[t].table))
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
        r = kr_store_register_fns(st, err);
    if (r == KR_OK)
        r = validate_src(st, other_path, err);
    if (r == KR_OK)
        r = kr_store_begin(st, err);
    if (r == KR_OK) {
        r = kr_store_merge_src(st, stats, err);
        if (r == KR_OK) /* the other laptop's texts in NFC, as ours are */
            r = kr_store_exec(st, kr_store_nfc_sql, err);
        if (r == KR_OK)
            r = kr_store_exec(st, kr_store_nfc_debrief_sql, err);
        if (r == KR_OK)
            r = kr_store_commit(st, err);
        else
            kr_store_rollback(st);
    }
    kr_store_detach_src(st);
    kr_store_peek_fini(&pk);
    return r;
}
