/* SPDX-License-Identifier: MIT */
/*
 * Opening the database safely, migrations, transactions and statement helpers.
 * The checks before sqlite3_open_v2 exist so that a wrong --db never damages a
 * file: a directory, a non-SQLite file or an unwritable place is refused as is.
 */
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

void kr_store_ensure_id(char **id)
{
    if (!*id) {
        char u[KR_UUID_SIZE];
        kr_uuid_new(u);
        *id = kr_xstrdup(u);
    }
}

int kr_store_schema_latest(void)
{
    return kr_store_n_migrations;
}

enum kr_status kr_store_fail(struct kr_store *st, int rc, struct kr_error *err, const char *what)
{
    enum kr_status s;
    const char *why;
    /* A full disk does not always come as SQLITE_FULL: making the -shm or syncing on a full
     * disk is an I/O error with ENOSPC underneath. Say that the disk is full. */
    if ((rc & 0xFF) == SQLITE_IOERR && st && st->db &&
        (sqlite3_system_errno(st->db) == ENOSPC || sqlite3_system_errno(st->db) == EDQUOT))
        rc = SQLITE_FULL;
    switch (rc & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        s = KR_DB_BUSY;
        why = "de database is bezet door een ander programma; probeer het zo nog eens";
        break;
    case SQLITE_CORRUPT:
        s = KR_DB_CORRUPT;
        why = "de database is beschadigd";
        break;
    case SQLITE_NOTADB:
        s = KR_DB_NOT_DB;
        why = "het bestand is geen database";
        break;
    case SQLITE_FULL:
        s = KR_DB_FULL;
        why = "de schijf is vol; maak ruimte vrij (verwijder of verplaats bestanden) en probeer "
              "het opnieuw";
        break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
        s = KR_DB_READONLY;
        why = "er kan niet geschreven worden";
        break;
    case SQLITE_IOERR:
        s = KR_IO;
        why = "lees- of schrijffout";
        break;
    case SQLITE_CONSTRAINT:
        s = KR_INVALID;
        why = "de gegevens passen niet bij de database";
        break;
    default:
        s = KR_DB;
        why = kr_store_rc_nl(rc);
    }
    if (st && st->db && (sqlite3_extended_errcode(st->db) & 0xFF) == (rc & 0xFF))
        rc = sqlite3_extended_errcode(st->db);
    kr_error_set(err, s, "%s in '%s': %s (SQLite-foutcode %d).", what,
                 st && st->path ? st->path : "?", why, rc);
    return s;
}

enum kr_status kr_store_prepare(struct kr_store *st, const char *sql, sqlite3_stmt **out,
                                struct kr_error *err)
{
    const char *tail = NULL;
    int rc = sqlite3_prepare_v2(st->db, sql, -1, out, &tail);
    if (rc != SQLITE_OK)
        return kr_store_fail(st, rc, err, "Databasevraag mislukt");
    if (tail && *tail) {
        sqlite3_finalize(*out);
        *out = NULL;
        return kr_error_set(err, KR_DB, "Interne fout: SQL na het eerste statement.");
    }
    return KR_OK;
}

/* Every text the store binds goes in as NFC: notes, drafts, names, search words. */
int kr_store_bind_text(sqlite3_stmt *s, int i, const char *v)
{
    if (!v)
        return sqlite3_bind_null(s, i);
    struct kr_buf b = {0};
    int rc;
    if (kr_nfc(v, strlen(v), &b, NULL, NULL))
        rc = sqlite3_bind_text(s, i, b.data, (int)b.len, SQLITE_TRANSIENT);
    else
        rc = sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
    kr_buf_fini(&b);
    return rc;
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

char *kr_store_col_text(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    if (!t)
        return NULL;
    return kr_xstrndup((const char *)t, (size_t)sqlite3_column_bytes(s, i));
}

enum kr_status kr_store_exec(struct kr_store *st, const char *sql, struct kr_error *err)
{
    int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return kr_store_fail(st, rc, err, "Opslaan mislukt");
    return KR_OK;
}

enum kr_status kr_store_begin(struct kr_store *st, struct kr_error *err)
{
    enum kr_status s = kr_store_exec(st, "BEGIN IMMEDIATE", err);
    if (s == KR_OK)
        st->in_tx = 1;
    return s;
}

enum kr_status kr_store_commit(struct kr_store *st, struct kr_error *err)
{
    enum kr_status s = kr_store_exec(st, "COMMIT", err);
    if (s == KR_OK)
        st->in_tx = 0;
    else
        kr_store_rollback(st);
    return s;
}

void kr_store_rollback(struct kr_store *st)
{
    if (!sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    st->in_tx = 0;
}

enum kr_status kr_store_tx_begin(struct kr_store *st, struct kr_error *err)
{
    if (st->in_tx)
        return KR_OK;
    return kr_store_exec(st, "BEGIN IMMEDIATE", err);
}

enum kr_status kr_store_tx_end(struct kr_store *st, enum kr_status so_far, struct kr_error *err)
{
    if (st->in_tx)
        return so_far;
    if (so_far != KR_OK) {
        if (!sqlite3_get_autocommit(st->db))
            sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        return so_far;
    }
    enum kr_status s = kr_store_exec(st, "COMMIT", err);
    if (s != KR_OK && !sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    return s;
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

char *kr_store_uri(const char *path, const char *query)
{
    if (strcmp(path, ":memory:") == 0)
        return kr_xstrdup(path);
    struct kr_buf b = {0};
    /* "file:///abs" for an absolute path (so "//x" is never read as a host), "file:rel" */
    kr_buf_puts(&b, path[0] == '/' ? "file://" : "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("/-._~", *p))
            kr_buf_putc(&b, (char)*p);
        else
            kr_buf_printf(&b, "%%%02X", *p);
    }
    if (query) {
        kr_buf_putc(&b, '?');
        kr_buf_puts(&b, query);
    }
    return kr_buf_steal(&b);
}

/* The core tables every kijkronde database has had since schema 1. */
#define CORE_TABLES                                                                                \
    "('network', 'session', 'tweetal', 'participant', 'visit', 'observation',"                     \
    " 'observation_version')"

static int peek_query(sqlite3 *db, struct kr_peek *p)
{
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT (SELECT application_id FROM pragma_application_id),"
                                " (SELECT user_version FROM pragma_user_version),"
                                " (SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND"
                                " name IN " CORE_TABLES "), (SELECT count(*) FROM sqlite_schema)",
                                -1, &s, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        p->app_id = sqlite3_column_int(s, 0);
        p->version = sqlite3_column_int(s, 1);
        p->core_tables = sqlite3_column_int(s, 2);
        p->objects = sqlite3_column_int(s, 3);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(s);
    return rc;
}

static int peek_db(const char *uri, int flags, struct kr_peek *p, char *why, size_t why_size)
{
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(uri, &db, flags | SQLITE_OPEN_URI, NULL);
    if (rc == SQLITE_OK)
        rc = peek_query(db, p);
    if (rc != SQLITE_OK)
        snprintf(why, why_size, "%s, SQLite-foutcode %d", kr_store_rc_nl(rc), rc);
    sqlite3_close(db);
    return rc;
}

static enum kr_status copy_file(const char *from, const char *to, struct kr_error *err)
{
    int in = open(from, O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return kr_error_set(err, KR_IO, "Kan '%s' niet lezen: %s.", from, kr_strerror(errno));
    int out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (out < 0) {
        int e = errno;
        close(in);
        return kr_error_set(err, KR_IO, "Kan geen tijdelijke kopie maken in '%s': %s.", to,
                            kr_strerror(e));
    }
    char buf[65536];
    enum kr_status s = KR_OK;
    for (;;) {
        ssize_t n = read(in, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            s = kr_error_set(err, KR_IO, "Kan '%s' niet lezen: %s.", from, kr_strerror(errno));
            break;
        }
        if (n == 0)
            break;
        for (ssize_t done = 0; done < n;) {
            ssize_t w = write(out, buf + done, (size_t)(n - done));
            if (w < 0 && errno == EINTR)
                continue;
            if (w < 0) {
                s = kr_error_set(err, errno == ENOSPC ? KR_DB_FULL : KR_IO,
                                 "Kan geen tijdelijke kopie maken in '%s': %s.", to,
                                 kr_strerror(errno));
                break;
            }
            done += w;
        }
        if (s != KR_OK)
            break;
    }
    close(in);
    if (close(out) != 0 && s == KR_OK)
        s = kr_error_set(err, KR_IO, "Kan geen tijdelijke kopie maken in '%s': %s.", to,
                         kr_strerror(errno));
    return s;
}

void kr_store_peek_fini(struct kr_peek *p)
{
    if (p->tmpdir) {
        static const char *const tails[] = {"", "-wal", "-shm", "-journal"};
        for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
            char *f = kr_xasprintf("%s/k.db%s", p->tmpdir, tails[i]);
            unlink(f);
            free(f);
        }
        rmdir(p->tmpdir);
        free(p->tmpdir);
    }
    free(p->uri);
    memset(p, 0, sizeof *p);
}

bool kr_store_peek_ours(const struct kr_peek *p)
{
    return p->app_id == KR_STORE_APP_ID || (p->app_id == 0 && p->core_tables == 7);
}

/* Copy path and its -wal into a new private directory; p->uri names the copy. */
static enum kr_status peek_copy(const char *path, const char *wal, struct kr_peek *p,
                                struct kr_error *err)
{
    const char *tmp = getenv("TMPDIR");
    char *tmpl = kr_xasprintf("%s/kijkronde-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(tmpl)) { /* mkdtemp makes it 0700 */
        enum kr_status s = kr_error_set(err, KR_IO, "Kan geen tijdelijke map '%s' maken: %s.", tmpl,
                                        kr_strerror(errno));
        free(tmpl);
        return s;
    }
    p->tmpdir = tmpl;
    char *db = kr_xasprintf("%s/k.db", tmpl), *dbwal = kr_xasprintf("%s/k.db-wal", tmpl);
    enum kr_status s = copy_file(path, db, err);
    if (s == KR_OK)
        s = copy_file(wal, dbwal, err);
    if (s == KR_OK)
        p->uri = kr_store_uri(db, NULL);
    free(db);
    free(dbwal);
    return s;
}

enum kr_status kr_store_peek(const char *path, bool with_wal, const char *untouched,
                             struct kr_peek *out, struct kr_error *err)
{
    memset(out, 0, sizeof *out);
    char why[256] = "";
    char *wal = kr_xasprintf("%s-wal", path);
    struct stat ws;
    bool wal_data = stat(wal, &ws) == 0 && S_ISREG(ws.st_mode) && ws.st_size > 0;
    int rc = SQLITE_OK;
    enum kr_status s = KR_OK;
    bool copy = with_wal && wal_data;
    if (!copy) {
        out->uri = kr_store_uri(path, "mode=ro&immutable=1");
        rc = peek_db(out->uri, SQLITE_OPEN_READONLY, out, why, sizeof why);
        /* Without locks a read can meet another kijkronde's checkpoint halfway (two TUIs on
         * one database): when a -wal shows the file is in use, look again a moment later. */
        for (int tries = 0; rc != SQLITE_OK && wal_data && tries < 5; tries++) {
            struct timespec pause = {0, 50 * 1000 * 1000};
            nanosleep(&pause, NULL);
            rc = peek_db(out->uri, SQLITE_OPEN_READONLY, out, why, sizeof why);
        }
        /* The main file alone answers unless it looks empty while its -wal holds data (a
         * database whose first writes were never checkpointed), or it cannot be read while
         * its -wal holds data: a writer killed halfway through a checkpoint leaves pages in
         * the main file that only the -wal makes whole again (SQLite recovers that when it
         * opens the file with its -wal; test_kill kills at such moments). Then the private
         * copy of both answers. */
        if (wal_data && (rc != SQLITE_OK || (out->app_id == 0 && out->core_tables == 0))) {
            free(out->uri);
            out->uri = NULL;
            copy = true;
            rc = SQLITE_OK;
        }
    }
    if (copy) {
        s = peek_copy(path, wal, out, err);
        /* read-write: it is our private copy, and SQLite brings the -wal in */
        if (s == KR_OK)
            rc = peek_db(out->uri, SQLITE_OPEN_READWRITE, out, why, sizeof why);
    }
    free(wal);
    if (s == KR_OK && rc != SQLITE_OK) {
        if ((rc & 0xFF) == SQLITE_NOTADB || (rc & 0xFF) == SQLITE_CORRUPT)
            s = kr_error_set(err, KR_DB_NOT_DB,
                             "dit is geen kijkronde-database: '%s' is geen leesbare "
                             "SQLite-database (%s); %s.",
                             path, why, untouched);
        else
            s = kr_error_set(err, KR_IO, "Kan '%s' niet lezen (%s); %s.", path, why, untouched);
    }
    if (s != KR_OK)
        kr_store_peek_fini(out);
    return s;
}

enum kr_status kr_store_peek_check(const char *path, const struct kr_peek *p, bool need_tables,
                                   const char *untouched, struct kr_error *err)
{
    bool empty = p->app_id == 0 && p->objects == 0 && p->version == 0;
    if (!kr_store_peek_ours(p) && !(empty && !need_tables)) {
        if (p->app_id != 0)
            return kr_error_set(err, KR_DB_NOT_DB,
                                "dit is geen kijkronde-database: '%s' hoort bij een ander "
                                "programma (application_id 0x%08X); %s.",
                                path, (unsigned)p->app_id, untouched);
        return kr_error_set(err, KR_DB_NOT_DB,
                            "dit is geen kijkronde-database: '%s' is een SQLite-database "
                            "zonder de tabellen van kijkronde; %s.",
                            path, untouched);
    }
    if (p->version > kr_store_n_migrations)
        return kr_error_set(err, KR_DB_TOO_NEW,
                            "'%s' is gemaakt door een nieuwere kijkronde (schema %d, deze versie "
                            "kent tot %d); %s. Werk kijkronde bij.",
                            path, p->version, kr_store_n_migrations, untouched);
    if (need_tables && (p->core_tables != 7 || p->version < 1))
        return kr_error_set(err, KR_DB_NOT_DB,
                            "dit is geen kijkronde-database: '%s' mist de tabellen van "
                            "kijkronde; %s.",
                            path, untouched);
    return KR_OK;
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
    rc = peek_query(st->db, &now);
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
