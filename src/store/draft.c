/* SPDX-License-Identifier: MIT */
/*
 * Drafts per observer instance and the watch on the file under an open store.
 *
 * Why a draft is written with synchronous=NORMAL (switched for its one statement on the
 * store's connection, so no second connection drops the page cache of the first): in WAL mode
 * NORMAL still commits atomically, and a commit is in the WAL (the OS page cache) before
 * sqlite3_step returns, so a killed or crashed kijkronde, a closed terminal or a dropped
 * SSH session loses no draft; only a power cut or an OS crash can lose the drafts of the
 * last seconds, and each note's own commit (synchronous=FULL, on the main connection)
 * fsyncs the same WAL, so every draft written before the last saved note is durable too.
 * A draft is a copy of what is on the screen while typing: losing its last seconds at a
 * power cut is the promise ("a crash loses at most the last seconds"), and it keeps the
 * typing path free of fsyncs. Notes never go through this connection.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kijkronde/clock.h"
#include "kijkronde/mem.h"
#include "store_internal.h"

void kr_store_set_instance(struct kr_store *st, const char *id, long pid, const char *host)
{
    free(st->instance);
    free(st->host);
    st->instance = kr_xstrdup(id ? id : "");
    st->host = host ? kr_xstrdup(host) : NULL;
    st->pid = pid;
}

void kr_store_draft_close(struct kr_store *st)
{
    sqlite3_finalize(st->ins_obs);
    sqlite3_finalize(st->ins_version);
    sqlite3_finalize(st->del_draft);
    sqlite3_finalize(st->tx_begin);
    sqlite3_finalize(st->tx_commit);
    st->ins_obs = st->ins_version = st->del_draft = st->tx_begin = st->tx_commit = NULL;
    free(st->instance);
    free(st->host);
    st->instance = st->host = NULL;
}

static const char *instance(const struct kr_store *st)
{
    return st->instance ? st->instance : "";
}

/* Run one draft statement in its own transaction with synchronous=NORMAL (see the top). */
static enum kr_status draft_exec(struct kr_store *st, const char *sql, const char *visit_id,
                                 const char *text, struct kr_error *err)
{
    sqlite3 *db = st->db;
    sqlite3_stmt *s = NULL;
    char now[KR_TIME_SIZE];
    kr_clock_now_utc(now);
    int rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);
    if (rc == SQLITE_OK) {
        kr_store_bind_text(s, 1, instance(st));
        kr_store_bind_text(s, 2, visit_id);
        if (sqlite3_bind_parameter_count(s) >= 3) {
            kr_store_bind_text(s, 3, text);
            kr_store_bind_text(s, 4, now);
            sqlite3_bind_int64(s, 5, st->pid);
            kr_store_bind_text(s, 6, st->host);
        }
        if (!st->in_tx)
            sqlite3_exec(db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
        rc = sqlite3_step(s);
        if (!st->in_tx)
            sqlite3_exec(db, "PRAGMA synchronous = " KR_STORE_SYNCHRONOUS, NULL, NULL, NULL);
    }
    sqlite3_finalize(s);
    if (rc == SQLITE_DONE)
        return KR_OK;
    return kr_error_set(err,
                        rc == SQLITE_FULL   ? KR_DB_FULL
                        : rc == SQLITE_BUSY ? KR_DB_BUSY
                                            : KR_IO,
                        "Concept opslaan mislukt in '%s': %s (SQLite-foutcode %d).", st->path,
                        kr_store_rc_nl(rc), rc);
}

enum kr_status kr_store_draft_put(struct kr_store *st, const char *visit_id, const char *text,
                                  struct kr_error *err)
{
    if (!kr_store_file_ok(st, err))
        return err ? err->status : KR_IO;
    if (!text || !*text)
        return draft_exec(st, "DELETE FROM draft WHERE instance = ?1 AND visit_id = ?2", visit_id,
                          NULL, err);
    return draft_exec(st,
                      "INSERT INTO draft(instance, visit_id, text, updated_at, pid, host)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(instance, visit_id) DO UPDATE"
                      " SET text = excluded.text, updated_at = excluded.updated_at",
                      visit_id, text, err);
}

enum kr_status kr_store_draft_get(struct kr_store *st, const char *visit_id, char **out,
                                  struct kr_error *err)
{
    *out = NULL;
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(
        st, "SELECT text FROM draft WHERE instance = ?1 AND visit_id = ?2", &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, instance(st));
    kr_store_bind_text(s, 2, visit_id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *out = kr_store_col_text(s, 0);
    else if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Concept lezen mislukt");
    sqlite3_finalize(s);
    return r;
}

enum kr_status kr_store_draft_others(struct kr_store *st, const char *visit_id,
                                     struct kr_draft_list *out, struct kr_error *err)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(st,
                                        "SELECT instance, text, updated_at, pid, host FROM draft"
                                        " WHERE visit_id = ?2 AND instance <> ?1"
                                        " ORDER BY updated_at DESC, instance",
                                        &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, instance(st));
    kr_store_bind_text(s, 2, visit_id);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        KR_GROW(out->items, out->cap, out->n + 1);
        struct kr_draft *d = &out->items[out->n++];
        d->instance = kr_store_col_text(s, 0);
        d->text = kr_store_col_text(s, 1);
        d->updated_at = kr_store_col_text(s, 2);
        d->pid = (long)sqlite3_column_int64(s, 3);
        d->host = kr_store_col_text(s, 4);
    }
    if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Concepten lezen mislukt");
    sqlite3_finalize(s);
    return r;
}

enum kr_status kr_store_draft_take(struct kr_store *st, const char *from_instance,
                                   const char *visit_id, char **out, struct kr_error *err)
{
    *out = NULL;
    char *text = NULL;
    sqlite3_stmt *s = NULL;
    if (!kr_store_file_ok(st, err))
        return err ? err->status : KR_IO;
    enum kr_status r = kr_store_tx_begin(st, err);
    if (r != KR_OK)
        return r;
    r = kr_store_prepare(
        st, "DELETE FROM draft WHERE instance = ?1 AND visit_id = ?2 RETURNING text", &s, err);
    if (r == KR_OK) {
        kr_store_bind_text(s, 1, from_instance);
        kr_store_bind_text(s, 2, visit_id);
        int rc = sqlite3_step(s);
        if (rc == SQLITE_ROW) {
            text = kr_store_col_text(s, 0);
            rc = sqlite3_step(s);
        }
        if (rc != SQLITE_DONE)
            r = kr_store_fail(st, rc, err, "Concept overnemen mislukt");
        sqlite3_finalize(s);
        s = NULL;
    }
    if (r == KR_OK && text) {
        char now[KR_TIME_SIZE];
        kr_clock_now_utc(now);
        r = kr_store_prepare(st,
                             "INSERT INTO draft(instance, visit_id, text, updated_at, pid, host)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(instance, visit_id)"
                             " DO UPDATE SET text = draft.text || ' / ' || excluded.text,"
                             " updated_at = excluded.updated_at",
                             &s, err);
        if (r == KR_OK) {
            kr_store_bind_text(s, 1, instance(st));
            kr_store_bind_text(s, 2, visit_id);
            kr_store_bind_text(s, 3, text);
            kr_store_bind_text(s, 4, now);
            sqlite3_bind_int64(s, 5, st->pid);
            kr_store_bind_text(s, 6, st->host);
            int rc = sqlite3_step(s);
            if (rc != SQLITE_DONE)
                r = kr_store_fail(st, rc, err, "Concept overnemen mislukt");
            sqlite3_finalize(s);
        }
    }
    r = kr_store_tx_end(st, r, err);
    if (r == KR_OK)
        *out = text;
    else
        free(text);
    return r;
}

/* ---- the file under the store ---- */

void kr_store_watch_open(struct kr_store *st)
{
    struct stat a, b;
    int fd = open(st->path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return;
    /* The fd must be the file SQLite opened: the path is checked again right after. */
    if (fstat(fd, &a) != 0 || stat(st->path, &b) != 0 || a.st_dev != b.st_dev ||
        a.st_ino != b.st_ino) {
        close(fd);
        return;
    }
    st->watch_fd = fd;
    st->watch_dev = (long long)a.st_dev;
    st->watch_ino = (long long)a.st_ino;
    st->watch_size = (long long)a.st_size;
}

void kr_store_watch_close(struct kr_store *st)
{
    if (st->watch_fd >= 0)
        close(st->watch_fd);
    st->watch_fd = -1;
}

bool kr_store_file_ok(struct kr_store *st, struct kr_error *err)
{
    struct stat open_sb, path_sb;
    if (st->watch_fd < 0)
        return true; /* ":memory:", or the watch could not be set up */
    if (!st->gone) {
        bool have_open = fstat(st->watch_fd, &open_sb) == 0;
        if (stat(st->path, &path_sb) != 0)
            st->gone = 1; /* deleted or moved away */
        else if ((long long)path_sb.st_dev != st->watch_dev ||
                 (long long)path_sb.st_ino != st->watch_ino)
            st->gone = 2; /* replaced by another file */
        else if (have_open && open_sb.st_nlink == 0)
            st->gone = 1;
        else if ((long long)path_sb.st_size < st->watch_size)
            st->gone = 3; /* cut short: kijkronde never makes its database smaller */
        else
            st->watch_size = (long long)path_sb.st_size;
    }
    if (!st->gone)
        return true;
    const char *why = st->gone == 2   ? "vervangen door een ander bestand"
                      : st->gone == 3 ? "ingekort door een ander programma"
                                      : "verwijderd of verplaatst";
    kr_error_set(err, KR_IO, "De database '%s' is %s.", st->path, why);
    return false;
}
