/* SPDX-License-Identifier: MIT */
/*
 * Opening the database safely, migrations, closing. (Statement helpers and transactions:
 * sql.c; the look at a file before it is opened: peek.c.)
 * The checks before sqlite3_open_v2 exist so that a wrong --db never damages a
 * file: a directory, a non-SQLite file or an unwritable place is refused as is.
 */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "kijkronde/mem.h"
#include "kijkronde/nfc.h"
#include "kijkronde/paths.h"
#include "kijkronde/uuid.h"
#include "store_internal.h"

#define BUSY_TIMEOUT_MS 5000

int kr_store_schema_latest(void)
{
    return kr_store_n_migrations;
}

/* kr_nfc(text): the SQL side of NFC, for the migration and merge (kr_store_nfc_sql). */
static void sql_nfc(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    if (sqlite3_value_type(argv[0]) != SQLITE_TEXT) {
        sqlite3_result_value(ctx, argv[0]);
        return;
    }
    const char *t = (const char *)sqlite3_value_text(argv[0]);
    size_t len = (size_t)sqlite3_value_bytes(argv[0]);
    struct kr_buf b = {0};
    if (t && kr_nfc(t, len, &b, NULL, NULL))
        sqlite3_result_text(ctx, b.data, (int)b.len, SQLITE_TRANSIENT);
    else
        sqlite3_result_value(ctx, argv[0]);
    kr_buf_fini(&b);
}

static int pragma_int(struct kr_store *st, const char *sql, int *out)
{
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(s);
        if (rc == SQLITE_ROW) {
            *out = sqlite3_column_int(s, 0);
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(s);
    return rc;
}

int kr_store_schema_version(struct kr_store *st)
{
    int v = -1;
    pragma_int(st, "PRAGMA user_version", &v);
    return v;
}

const char *kr_store_path(const struct kr_store *st)
{
    return st->path;
}

/*
 * Look at the path before SQLite does. Creates a missing file with mode 0600 (and
 * its directories with 0700) so the database is private from its first byte.
 */
#define UNTOUCHED "het bestand is niet aangeraakt"

static enum kr_status precheck(const char *path, struct kr_error *err)
{
    struct stat sb;
    if (stat(path, &sb) == 0) {
        if (S_ISDIR(sb.st_mode))
            return kr_error_set(err, KR_INVALID,
                                "'%s' is een map, geen databasebestand; geef een bestandsnaam, "
                                "bijvoorbeeld '%s/kijkronde.db'.",
                                path, path);
        if (!S_ISREG(sb.st_mode))
            return kr_error_set(err, KR_INVALID, "'%s' is geen gewoon bestand.", path);
        if (sb.st_size > 0) {
            int fd = open(path, O_RDONLY | O_CLOEXEC);
            if (fd < 0)
                return kr_error_set(err, KR_IO, "Kan '%s' niet lezen: %s.", path,
                                    kr_strerror(errno));
            char head[16] = {0};
            ssize_t n = read(fd, head, sizeof head);
            close(fd);
            if (n != (ssize_t)sizeof head || memcmp(head, "SQLite format 3", 16) != 0)
                return kr_error_set(err, KR_DB_NOT_DB,
                                    "'%s' is geen kijkronde-database (geen SQLite-bestand); "
                                    "het bestand is niet aangeraakt.",
                                    path);
            /* Whose file is it? Asked without writing a byte, before anything else. */
            struct kr_peek pk;
            enum kr_status s = kr_store_peek(path, false, UNTOUCHED, &pk, err);
            if (s == KR_OK)
                s = kr_store_peek_check(path, &pk, false, UNTOUCHED, err);
            kr_store_peek_fini(&pk);
            if (s != KR_OK)
                return s;
        }
        if (access(path, R_OK | W_OK) != 0)
            return kr_error_set(err, KR_DB_READONLY,
                                "Kan niet schrijven in '%s': %s; het bestand is niet aangeraakt.",
                                path, kr_strerror(errno));
        return KR_OK;
    }
    if (errno != ENOENT)
        return kr_error_set(err, KR_IO, "Kan '%s' niet openen: %s.", path, kr_strerror(errno));
    enum kr_status s = kr_paths_mkparents(path, err);
    if (s != KR_OK)
        return s;
    int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST)
        return kr_error_set(err, KR_DB_READONLY, "Kan de database '%s' niet maken: %s.", path,
                            kr_strerror(errno));
    if (fd >= 0) {
        fchmod(fd, 0600); /* whatever the umask */
        close(fd);
    }
    return KR_OK;
}

/*
 * The database holds names of pupils and teachers: private to its owner. A file copied in
 * (cp keeps 0644 under the usual umask) is made 0600 on open, with its -wal and -shm, which
 * SQLite makes with the database's mode. Only files of ours; never through a symlink.
 */
static void make_private(const char *path)
{
    static const char *const suffix[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
        char *p = kr_xasprintf("%s%s", path, suffix[i]);
        struct stat sb;
        /* By name, never open(): closing any descriptor of a file drops the POSIX locks
         * SQLite holds on it (the two-writers durability test lost notes that way). */
        if (lstat(p, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_uid == geteuid() &&
            (sb.st_mode & 077))
            chmod(p, sb.st_mode & 0700);
        free(p);
    }
}

static enum kr_status migrate(struct kr_store *st, int target, struct kr_error *err)
{
    int v = kr_store_schema_version(st);
    if (v < 0)
        return kr_store_fail(st, SQLITE_NOTADB, err, "Openen mislukt");
    if (v > kr_store_n_migrations)
        return kr_error_set(err, KR_DB_TOO_NEW,
                            "'%s' is gemaakt door een nieuwere kijkronde (schema %d, deze versie "
                            "kent tot %d); werk kijkronde bij.",
                            st->path, v, kr_store_n_migrations);
    if (v >= target)
        return KR_OK;
    enum kr_status s = kr_store_exec(st, "BEGIN IMMEDIATE", err);
    if (s != KR_OK)
        return s;
    for (int i = v; i < target && s == KR_OK; i++)
        s = kr_store_exec(st, kr_store_migrations[i], err);
    if (s == KR_OK) {
        char sql[48];
        snprintf(sql, sizeof sql, "PRAGMA user_version = %d", target);
        s = kr_store_exec(st, sql, err);
    }
    if (s == KR_OK)
        s = kr_store_exec(st, "COMMIT", err);
    if (s != KR_OK && !sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    return s;
}

/* KR_SQL_TRACE=FILE: every statement the store runs, as a line with its SQL text (bound
 * values, such as a note's text, never appear). For tests and benchmarks that check how
 * much database work a user action costs, e.g. that a key press costs none. */
static int trace_statement(unsigned type, void *ctx, void *stmt, void *sql)
{
    struct kr_store *st = ctx;
    (void)type;
    (void)stmt;
    const char *text = sql;
    fprintf(st->trace, "%.*s\n", (int)strcspn(text, "\n"), text);
    fflush(st->trace);
    return 0;
}

static void trace_open(struct kr_store *st)
{
    const char *path = getenv("KR_SQL_TRACE");
    if (!path || !*path)
        return;
    st->trace = fopen(path, "a");
    if (st->trace)
        sqlite3_trace_v2(st->db, SQLITE_TRACE_STMT, trace_statement, st);
}

enum kr_status kr_store_open_at_version(const char *path, int version, struct kr_store **out,
                                        struct kr_error *err)
{
    *out = NULL;
    assert(version >= 0 && version <= kr_store_n_migrations);
    int memory = strcmp(path, ":memory:") == 0;
    enum kr_status s = memory ? KR_OK : precheck(path, err);
    if (s != KR_OK)
        return s;
    struct kr_store *st = kr_xcalloc(1, sizeof *st);
    st->path = kr_xstrdup(path);
    st->watch_fd = -1;
    /* Through a URI, so that merge can ATTACH the other file immutable by its URI. */
    char *uri = kr_store_uri(path, NULL);
    int rc = sqlite3_open_v2(uri, &st->db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_URI, NULL);
    free(uri);
    if (rc != SQLITE_OK) {
        s = kr_store_fail(st, rc, err, "Openen mislukt");
        goto out;
    }
    sqlite3_extended_result_codes(st->db, 1);
    sqlite3_create_function_v2(st->db, "kr_nfc", 1,
                               SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL, sql_nfc,
                               NULL, NULL, NULL);
    sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
    trace_open(st);
    if (sqlite3_db_readonly(st->db, "main") == 1) {
        s = kr_error_set(err, KR_DB_READONLY, "Kan niet schrijven in '%s'.", path);
        goto out;
    }
    /* Once more on this connection, before any write: the file is kijkronde's (or empty)
     * and not newer. A corrupt file fails here without being written. */
    struct kr_peek now = {0};
    rc = kr_store_peek_query(st->db, &now);
    if (rc != SQLITE_OK) {
        s = kr_store_fail(st, rc, err, "Openen mislukt");
        goto out;
    }
    s = kr_store_peek_check(path, &now, false, UNTOUCHED, err);
    if (s != KR_OK)
        goto out;
    /* A new database carries kijkronde's id from its first page on. */
    if (now.app_id == 0 && now.objects == 0) {
        s = kr_store_exec(st, "PRAGMA application_id = " KR_STORE_APP_ID_STR, err);
        if (s != KR_OK)
            goto out;
    }
    if (!memory) {
        sqlite3_stmt *jm = NULL;
        rc = sqlite3_prepare_v2(st->db, "PRAGMA journal_mode = WAL", -1, &jm, NULL);
        if (rc == SQLITE_OK)
            rc = sqlite3_step(jm);
        sqlite3_finalize(jm);
        if (rc != SQLITE_ROW) {
            s = kr_store_fail(st, rc, err, "Openen mislukt");
            goto out;
        }
    }
    s = kr_store_exec(
        st, "PRAGMA synchronous = " KR_STORE_SYNCHRONOUS "; PRAGMA foreign_keys = ON;", err);
    if (s != KR_OK)
        goto out;
    s = migrate(st, version, err);
    /* An older kijkronde database (id 0, kijkronde's tables) gets the id once. */
    if (s == KR_OK && now.app_id != KR_STORE_APP_ID) /* best effort: it can wait for later */
        sqlite3_exec(st->db, "PRAGMA application_id = " KR_STORE_APP_ID_STR, NULL, NULL, NULL);
    if (s == KR_OK && !memory)
        make_private(path); /* a kijkronde database now, after every check */
    /* Notes a stopped kijkronde saved but did not index yet (best effort: see store.h). */
    if (s == KR_OK && version == kr_store_n_migrations)
        kr_store_search_catch_up(st, 1, NULL);
    if (s == KR_OK && !memory)
        kr_store_watch_open(st);
out:
    if (s != KR_OK) {
        kr_store_close(st);
        return s;
    }
    *out = st;
    return KR_OK;
}

enum kr_status kr_store_open(const char *path, struct kr_store **out, struct kr_error *err)
{
    return kr_store_open_at_version(path, kr_store_n_migrations, out, err);
}

void kr_store_set_busy_timeout(struct kr_store *st, int ms)
{
    sqlite3_busy_timeout(st->db, ms);
}

void kr_store_close(struct kr_store *st)
{
    if (!st)
        return;
    kr_store_draft_close(st);
    sqlite3_close_v2(st->db);
    kr_store_watch_close(st);
    if (st->trace)
        fclose(st->trace);
    free(st->path);
    free(st->match_query);
    free(st->match_session);
    free(st->match_ids);
    free(st);
}

enum kr_status kr_store_check_integrity(struct kr_store *st, struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(st, "PRAGMA integrity_check", &s, err);
    if (r != KR_OK)
        return r;
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        r = kr_store_fail(st, rc, err, "Controle mislukt");
    } else {
        const char *res = (const char *)sqlite3_column_text(s, 0);
        if (!res || strcmp(res, "ok") != 0)
            r = kr_error_set(err, KR_DB_CORRUPT, "De database '%s' is beschadigd: %s.", st->path,
                             res ? res : "?");
    }
    sqlite3_finalize(s);
    return r;
}
