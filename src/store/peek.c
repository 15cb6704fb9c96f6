/* SPDX-License-Identifier: MIT */
/*
 * A look at a database file that never writes it, nor anything next to it (see
 * store_internal.h, struct kr_peek): whose file it is and its schema, before the store
 * opens it and before merge attaches it.
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
#include "kijkronde/paths.h"
#include "store_internal.h"

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

int kr_store_peek_query(sqlite3 *db, struct kr_peek *p)
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
        rc = kr_store_peek_query(db, p);
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
