/* SPDX-License-Identifier: MIT */
/*
 * `kijkronde sync DIR`: every laptop writes only its own files in a shared folder and applies
 * the others'. Whatever carries the folder (Syncthing, a network share, a USB stick) is the
 * transport; no database file is ever in it (SQLite advises against a database on a shared
 * drive, and a copied half database is lost work).
 *
 * Design (why it is built this way):
 * - State, not operations. Each change travels as the whole new row (or a tombstone for a
 *   row that is gone), known by its table and primary key. Applying a row is then the same
 *   whatever came before it, so chunks can arrive in any order, twice, or late.
 * - Who wins is decided by a stamp per row, (Lamport clock, laptop id), never by wall time:
 *   laptops' clocks differ. The clock is one counter per database, raised past every stamp
 *   it applies, so an edit made after seeing another laptop's version always beats it; two
 *   edits that did not see each other are ordered by clock, then laptop id: every laptop
 *   picks the same one. All laptops end with the row of the highest stamp: equal.
 * - What changed here is recorded by triggers into sync_dirty (table, key), created by the
 *   first sync; what changed before it (an edit, a delete, a decision undone) is logged by
 *   migration 14's update and delete triggers (inserts are not: a database that never syncs
 *   pays nothing for the round or an import). Every writer is caught: the round, edits, soft
 *   deletes, the reflection's decisions and their undo (hard deletes become tombstones, so an
 *   undone decision stays undone everywhere), import and merge.
 * - A new row is no change: a row made here, imported or merged, untouched since, goes into
 *   sync_fresh and travels with the base stamp (KR_SYNC_BASE_LAMPORT, this laptop), below
 *   every change. Two laptops that imported the same export hold the same copy; an edit on one
 *   (stamped past the base) then always beats the untouched copy on the other, whichever
 *   laptop id is higher. A new row whose key this laptop stamped before (a decision undone
 *   and made again), or that changed since, is a change.
 * - History is rows too: every version of a note is its own observation_version row, so the
 *   same note edited on two laptops keeps both versions; the note itself shows the newest.
 * - A sync is one transaction: (1) this laptop's fresh rows are stamped with the base and
 *   its dirty rows with max(clock, base) + 1, each kind written as one chunk (FILE.tmp,
 *   fsync, rename), (2) every complete chunk of the others
 *   that is not in sync_applied is applied, (3) the dirty marks the applying made are
 *   dropped. Stamping first means a local change not yet synced is never overwritten
 *   silently: it is sent and then compared like any other. Foreign keys are off during the
 *   transaction: a note may arrive before its visit does (the visit's chunk still being
 *   copied); it shows once the visit arrives. If the commit fails, the chunk already written
 *   holds rows that are still dirty here: the next sync sends them again (harmless).
 * - A chunk shorter than its header says is being copied: skipped, read next time. One
 *   whose length or checksum is wrong is reported (its path, in Dutch) and skipped; nothing
 *   of it is applied. Our own temporary files and Syncthing's never match the chunk name.
 * Tables that travel: SYNC_TABLES below. visit.n_live, session.n_visits and
 * session.n_live are derived (triggers) and stay home.
 */
#include "kijkronde/sync.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kijkronde/mem.h"
#include "kijkronde/uuid.h"
#include "store_internal.h"
#include "sync_internal.h"

struct self {
    char *laptop;
    long long clock, seq;
};

/* Read this laptop's row; make it (and the triggers, and mark every row) on first use. */
static enum kr_status load_self(struct kr_store *st, struct table *ts, struct self *me,
                                struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_sync_drop_old_triggers(st, ts, err);
    if (r != KR_OK)
        return r;
    r = kr_store_prepare(st, "SELECT laptop, clock, seq FROM sync_self WHERE one = 1", &s, err);
    if (r != KR_OK)
        return r;
    if (sqlite3_step(s) == SQLITE_ROW) {
        me->laptop = kr_store_col_text(s, 0);
        me->clock = sqlite3_column_int64(s, 1);
        me->seq = sqlite3_column_int64(s, 2);
        sqlite3_finalize(s);
        for (size_t i = 0; i < KR_SYNC_N_TABLES && r == KR_OK; i++)
            r = kr_sync_ensure_triggers(st, &ts[i], err);
        return r;
    }
    sqlite3_finalize(s);
    char id[KR_UUID_SIZE];
    kr_uuid_new(id);
    me->laptop = kr_xstrdup(id);
    me->clock = me->seq = 0;
    r = kr_sync_exec_free(
        st, kr_xasprintf("INSERT INTO sync_self(one, laptop) VALUES (1, '%s')", id), err);
    for (size_t i = 0; i < KR_SYNC_N_TABLES && r == KR_OK; i++) {
        r = kr_sync_ensure_triggers(st, &ts[i], err);
        if (r == KR_OK) /* everything from before the first sync travels too: as new rows,
                           but what changed since (migration 14's marks) as changes */
            r = kr_sync_exec_free(st,
                                  kr_xasprintf("INSERT OR IGNORE INTO sync_fresh(tbl, key) "
                                               "SELECT '%s', %s FROM %s",
                                               ts[i].name, ts[i].key_bare, ts[i].name),
                                  err);
    }
    return r;
}

/* The rows changed here as the body of a chunk (a JSON array, one row a line). */
static enum kr_status collect(struct kr_store *st, const struct table *ts, const char *marks,
                              struct kr_buf *body, long *rows, struct kr_error *err)
{
    *rows = 0;
    kr_buf_puts(body, "[");
    for (size_t i = 0; i < KR_SYNC_N_TABLES; i++) {
        const struct table *t = &ts[i];
        char *sql = kr_xasprintf("SELECT json_object('t', d.tbl, 'k', json(d.key), 'd',"
                                 " json(CASE WHEN t.rowid IS NULL THEN NULL ELSE %s END))"
                                 " FROM %s d LEFT JOIN %s t ON %s"
                                 " WHERE d.tbl = '%s' ORDER BY d.key",
                                 t->row_json, marks, t->name, t->key_match, t->name);
        sqlite3_stmt *s = NULL;
        enum kr_status r = kr_store_prepare(st, sql, &s, err);
        free(sql);
        if (r != KR_OK)
            return r;
        int rc;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            kr_buf_puts(body, *rows ? ",\n" : "\n");
            kr_buf_append(body, (const char *)sqlite3_column_text(s, 0),
                          (size_t)sqlite3_column_bytes(s, 0));
            ++*rows;
        }
        sqlite3_finalize(s);
        if (rc != SQLITE_DONE)
            return kr_store_fail(st, rc, err, "Wijzigingen lezen mislukt");
    }
    kr_buf_puts(body, "\n]\n");
    return KR_OK;
}

/* Stamp every row marked in marks with (lamport, laptop) and forget the marks. */
static enum kr_status stamp_marked(struct kr_store *st, const char *marks, long long lamport,
                                   const char *laptop, struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    char *sql = kr_xasprintf(
        "INSERT INTO sync_row(tbl, key, lamport, laptop) SELECT tbl, key, ?1, ?2 FROM %s"
        " WHERE true ON CONFLICT (tbl, key) DO UPDATE SET lamport = excluded.lamport,"
        " laptop = excluded.laptop",
        marks);
    enum kr_status r = kr_store_prepare(st, sql, &s, err);
    free(sql);
    if (r != KR_OK)
        return r;
    sqlite3_bind_int64(s, 1, lamport);
    kr_store_bind_text(s, 2, laptop);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE)
        return kr_store_fail(st, rc, err, "Wijzigingen bijhouden mislukt");
    return kr_sync_exec_free(st, kr_xasprintf("DELETE FROM %s", marks), err);
}

/*
 * A new row that this laptop stamped before (a decision undone and made again, a row put
 * back) is a change; so is a new row changed since. What stays in sync_fresh is new here
 * and untouched: a copy that may be on the other laptops already.
 */
static enum kr_status sort_marks(struct kr_store *st, struct kr_error *err)
{
    return kr_store_exec(
        st,
        "INSERT OR IGNORE INTO sync_dirty(tbl, key) SELECT f.tbl, f.key FROM sync_fresh f"
        " WHERE EXISTS (SELECT 1 FROM sync_row r WHERE r.tbl = f.tbl AND r.key = f.key);"
        "DELETE FROM sync_fresh WHERE EXISTS (SELECT 1 FROM sync_dirty d"
        " WHERE d.tbl = sync_fresh.tbl AND d.key = sync_fresh.key)",
        err);
}

/* Write the rows marked in marks as one chunk stamped lamport (none when there are none). */
static enum kr_status send_marked(struct kr_store *st, const char *dir, const struct table *ts,
                                  const char *marks, long long lamport, struct self *me,
                                  struct kr_sync_stats *stats, struct kr_error *err)
{
    struct kr_buf body = {0};
    long rows = 0;
    enum kr_status r = collect(st, ts, marks, &body, &rows, err);
    if (r == KR_OK && rows > 0) {
        long long on_disk = kr_sync_max_seq(dir, me->laptop);
        long long seq = (me->seq > on_disk ? me->seq : on_disk) + 1;
        r = stamp_marked(st, marks, lamport, me->laptop, err);
        if (r == KR_OK)
            r = kr_sync_write_chunk(dir, me->laptop, seq, lamport, rows, body.data, body.len, err);
        if (r == KR_OK) {
            if (lamport > me->clock)
                me->clock = lamport;
            me->seq = seq;
            stats->sent += rows;
        }
    }
    kr_buf_fini(&body);
    return r;
}

/* Run sql with the chunk's stamp as ?1 (lamport) and ?2 (laptop); *changes += rows touched. */
static enum kr_status run_stamped(struct kr_store *st, char *sql, const struct kr_sync_chunk *c,
                                  long *changes, struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(st, sql, &s, err);
    free(sql);
    if (r != KR_OK)
        return r;
    if (sqlite3_bind_parameter_count(s) >= 1)
        sqlite3_bind_int64(s, 1, c->lamport);
    if (sqlite3_bind_parameter_count(s) >= 2)
        kr_store_bind_text(s, 2, c->laptop);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE)
        return kr_store_fail(st, rc, err, "Een wijziging van een andere laptop toepassen mislukt");
    if (changes)
        *changes += sqlite3_changes(st->db);
    return KR_OK;
}

/* Upsert the winning rows of temp.sync_in into t. */
static char *upsert_sql(const struct table *t)
{
    struct kr_buf b = {0};
    kr_buf_printf(&b, "INSERT INTO %s(", t->name);
    for (size_t i = 0; i < t->n; i++)
        kr_buf_printf(&b, "%s%s", i ? "," : "", t->cols[i]);
    kr_buf_puts(&b, ") SELECT ");
    for (size_t i = 0; i < t->n; i++)
        kr_buf_printf(&b, "%sjson_extract(i.data, '$.%s')", i ? "," : "", t->cols[i]);
    kr_buf_printf(&b,
                  " FROM temp.sync_in i WHERE i.tbl = '%s' AND i.data IS NOT NULL"
                  " ORDER BY i.rowid ON CONFLICT (",
                  t->name);
    for (size_t k = 1, first = 1; k <= t->npk; k++)
        for (size_t i = 0; i < t->n; i++)
            if ((size_t)t->pk[i] == k) {
                kr_buf_printf(&b, "%s%s", first ? "" : ",", t->cols[i]);
                first = 0;
            }
    kr_buf_puts(&b, ") DO ");
    if (t->npk == t->n) {
        kr_buf_puts(&b, "NOTHING");
    } else {
        kr_buf_puts(&b, "UPDATE SET ");
        for (size_t i = 0, first = 1; i < t->n; i++)
            if (!t->pk[i]) {
                kr_buf_printf(&b, "%s%s = excluded.%s", first ? "" : ",", t->cols[i], t->cols[i]);
                first = 0;
            }
    }
    return kr_buf_steal(&b);
}

static char *delete_sql(const struct table *t)
{
    /* (k1, ...) IN (SELECT ...): one look-up per tombstone, not a scan per row */
    struct kr_buf b = {0};
    kr_buf_printf(&b, "DELETE FROM %s WHERE (", t->name);
    for (size_t k = 1; k <= t->npk; k++)
        for (size_t i = 0; i < t->n; i++)
            if ((size_t)t->pk[i] == k)
                kr_buf_printf(&b, "%s%s", k > 1 ? "," : "", t->cols[i]);
    kr_buf_puts(&b, ") IN (SELECT ");
    for (size_t k = 1; k <= t->npk; k++)
        kr_buf_printf(&b, "%sjson_extract(key, '$[%zu]')", k > 1 ? "," : "", k - 1);
    kr_buf_printf(&b, " FROM temp.sync_in WHERE tbl = '%s' AND data IS NULL)", t->name);
    return kr_buf_steal(&b);
}

/* Apply one chunk that was read and checked. */
static enum kr_status apply_chunk(struct kr_store *st, const struct table *ts,
                                  const struct kr_sync_chunk *c, long *changed,
                                  struct kr_error *err)
{
    enum kr_status r = kr_store_exec(st, "DELETE FROM temp.sync_in", err);
    sqlite3_stmt *s = NULL;
    if (r == KR_OK)
        r = kr_store_prepare(st,
                             "INSERT INTO temp.sync_in(tbl, key, data)"
                             " SELECT json_extract(value, '$.t'), json(json_extract(value, '$.k')),"
                             " json_extract(value, '$.d') FROM json_each(?1)",
                             &s, err);
    if (r != KR_OK)
        return r;
    sqlite3_bind_text(s, 1, c->body, (int)c->len, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc == SQLITE_ERROR) /* json_each: malformed JSON */
        return kr_error_set(err, KR_INVALID, "de inhoud is geen geldige lijst van wijzigingen");
    if (rc != SQLITE_DONE)
        return kr_store_fail(st, rc, err, "Een wijziging van een andere laptop lezen mislukt");
    /* What this database holds a newer (or the same) version of stays as it is. */
    r = run_stamped(st,
                    kr_xstrdup("DELETE FROM temp.sync_in WHERE EXISTS (SELECT 1 FROM sync_row r"
                               " WHERE r.tbl = sync_in.tbl AND r.key = sync_in.key"
                               " AND (r.lamport, r.laptop) >= (?1, ?2))"),
                    c, NULL, err);
    for (size_t i = 0; i < KR_SYNC_N_TABLES && r == KR_OK; i++)
        r = run_stamped(st, upsert_sql(&ts[i]), c, changed, err);
    for (size_t i = KR_SYNC_N_TABLES; i-- > 0 && r == KR_OK;)
        r = run_stamped(st, delete_sql(&ts[i]), c, changed, err);
    if (r == KR_OK)
        r = run_stamped(st,
                        kr_xstrdup("INSERT INTO sync_row(tbl, key, lamport, laptop)"
                                   " SELECT tbl, key, ?1, ?2 FROM temp.sync_in WHERE true"
                                   " ON CONFLICT (tbl, key) DO UPDATE SET"
                                   " lamport = excluded.lamport, laptop = excluded.laptop"),
                        c, NULL, err);
    return r;
}

static int chunk_cmp(const void *a, const void *b)
{
    const struct kr_sync_chunk *x = a, *y = b;
    int c = strcmp(x->laptop, y->laptop);
    if (c)
        return c;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Has this database applied the chunk already? -1 on error. */
static int applied(struct kr_store *st, const struct kr_sync_chunk *c)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, "SELECT 1 FROM sync_applied WHERE laptop = ?1 AND seq = ?2", -1,
                           &s, NULL) != SQLITE_OK)
        return -1;
    kr_store_bind_text(s, 1, c->laptop);
    sqlite3_bind_int64(s, 2, c->seq);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

static enum kr_status mark_applied(struct kr_store *st, const struct kr_sync_chunk *c,
                                   struct kr_error *err)
{
    char *sql = kr_xasprintf("INSERT OR IGNORE INTO sync_applied(laptop, seq) VALUES ('%s', %lld)",
                             c->laptop, c->seq); /* laptop passed kr_sync_id_ok: no quotes */
    return kr_sync_exec_free(st, sql, err);
}

static enum kr_status sync_tx(struct kr_store *st, const char *dir, struct table *ts,
                              struct kr_sync_list *list, struct kr_sync_stats *stats,
                              kr_sync_problem_fn problem, void *ctx, struct kr_error *err)
{
    struct self me = {0};
    enum kr_status r = load_self(st, ts, &me, err);
    if (r == KR_OK)
        r = kr_store_exec(st,

                          "CREATE TEMP TABLE IF NOT EXISTS sync_in(tbl TEXT, key TEXT, data TEXT)",
                          err);
    /* (1) this laptop's rows: the new untouched ones as a chunk with the base stamp, its
       changes as a chunk stamped past every stamp it has seen (and past the base) */
    if (r == KR_OK)
        r = sort_marks(st, err);
    if (r == KR_OK)
        r = send_marked(st, dir, ts, "sync_fresh", KR_SYNC_BASE_LAMPORT, &me, stats, err);
    if (r == KR_OK)
        r = send_marked(st, dir, ts, "sync_dirty",
                        (me.clock > KR_SYNC_BASE_LAMPORT ? me.clock : KR_SYNC_BASE_LAMPORT) + 1,
                        &me, stats, err);
    /* (2) the others' chunks. The triggers are off meanwhile: what they would mark is
       dropped in (3) anyway, and marking costs as much as a third of applying a row. The
       transaction holds the write lock, so no change of this laptop slips past them. */
    bool off = false;
    for (size_t i = 0; i < list->n && r == KR_OK && !off; i++)
        if (list->items[i].body && strcmp(list->items[i].laptop, me.laptop) != 0 &&
            applied(st, &list->items[i]) == 0) {
            r = kr_sync_triggers_off(st, ts, err);
            off = true;
        }
    for (size_t i = 0; i < list->n && r == KR_OK; i++) {
        struct kr_sync_chunk *c = &list->items[i];
        if (!c->body || strcmp(c->laptop, me.laptop) == 0)
            continue;
        int a = applied(st, c);
        if (a != 0) {
            if (a < 0)
                r = kr_store_fail(st, sqlite3_errcode(st->db), err, "Databasevraag mislukt");
            continue;
        }
        /* An array (its JSON is checked by json_each as it is read: one parse, not two) */
        size_t at = 0;
        while (at < c->len && strchr(" \t\r\n", c->body[at]))
            at++;
        if (at >= c->len || c->body[at] != '[') {
            if (problem)
                problem(ctx, c->path, "de inhoud is geen geldige lijst van wijzigingen");
            stats->corrupt++;
            continue;
        }
        r = kr_store_exec(st, "SAVEPOINT chunk", err);
        if (r == KR_OK)
            r = apply_chunk(st, ts, c, &stats->received, err);
        if (r == KR_OK)
            r = mark_applied(st, c, err);
        if (r == KR_OK) {
            r = kr_store_exec(st, "RELEASE chunk", err);
            stats->chunks++;
            if (c->lamport > me.clock)
                me.clock = c->lamport;
        } else if (r == KR_INVALID || r == KR_DB) {
            /* a row this database refuses (a CHECK): the chunk is damaged, not the sync */
            sqlite3_exec(st->db, "ROLLBACK TO chunk; RELEASE chunk", NULL, NULL, NULL);
            if (problem)
                problem(ctx, c->path, err->msg);
            kr_error_clear(err);
            stats->corrupt++;
            r = KR_OK;
        }
    }
    for (size_t i = 0; off && i < KR_SYNC_N_TABLES && r == KR_OK; i++)
        r = kr_sync_ensure_triggers(st, &ts[i], err);
    /* (3) the marks of what was just applied are no changes of this laptop */
    if (r == KR_OK)
        r = kr_store_exec(st, "DELETE FROM sync_dirty; DELETE FROM sync_fresh", err);
    if (r == KR_OK)
        r = kr_sync_exec_free(
            st, kr_xasprintf("UPDATE sync_self SET clock = %lld, seq = %lld", me.clock, me.seq),
            err);
    free(me.laptop);
    return r;
}

enum kr_status kr_store_sync(struct kr_store *st, const char *dir, struct kr_sync_stats *stats,
                             kr_sync_problem_fn problem, void *ctx, struct kr_error *err)
{
    struct kr_sync_stats local = {0};
    if (!stats)
        stats = &local;
    memset(stats, 0, sizeof *stats);
    enum kr_status r = kr_sync_dir_check(dir, err);
    if (r != KR_OK)
        return r;
    char *laptop = NULL;
    r = kr_store_sync_laptop(st, &laptop, err);
    if (r != KR_OK)
        return r;
    /* This laptop's directory, also before its first change: the others count it. */
    char *own = kr_xasprintf("%s/%s", dir, laptop);
    if (mkdir(own, 0700) != 0 && errno != EEXIST) {
        int e = errno;
        r = kr_error_set(err, KR_INVALID, "De map '%s' is niet bruikbaar voor sync: %s.", dir,
                         kr_strerror(e));
        free(own);
        free(laptop);
        return r;
    }
    free(own);
    /* Read the others' chunks before taking the write lock: the TUI keeps saving. */
    struct kr_sync_list list;
    r = kr_sync_list_chunks(dir, laptop, &list, err);
    if (r != KR_OK) {
        free(laptop);
        return r;
    }
    stats->laptops = list.laptops;
    if (list.n > 1) /* no chunks: items is NULL, and qsort(NULL) is undefined */
        qsort(list.items, list.n, sizeof list.items[0], chunk_cmp);
    for (size_t i = 0; i < list.n; i++) {
        struct kr_sync_chunk *c = &list.items[i];
        if (applied(st, c) != 0)
            continue;
        char why[200];
        int got = kr_sync_read_chunk(c, why, sizeof why);
        if (got > 0) {
            stats->waiting++;
        } else if (got < 0) {
            stats->corrupt++;
            if (problem)
                problem(ctx, c->path, why);
        }
    }
    struct table ts[KR_SYNC_N_TABLES];
    memset(ts, 0, sizeof ts);
    r = kr_sync_load_tables(st, ts, err);
    if (r == KR_OK)
        r = kr_store_exec(st, "PRAGMA foreign_keys = OFF; PRAGMA temp_store = MEMORY", err);
    if (r == KR_OK) {
        r = kr_store_tx_begin(st, err);
        if (r == KR_OK)
            r = kr_store_tx_end(st, sync_tx(st, dir, ts, &list, stats, problem, ctx, err), err);
        sqlite3_exec(st->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
    }
    for (size_t i = 0; i < KR_SYNC_N_TABLES; i++)
        kr_sync_table_fini(&ts[i]);
    kr_sync_list_fini(&list);
    free(laptop);
    return r;
}

enum kr_status kr_store_sync_laptop(struct kr_store *st, char **id_out, struct kr_error *err)
{
    *id_out = NULL;
    struct table ts[KR_SYNC_N_TABLES];
    memset(ts, 0, sizeof ts);
    enum kr_status r = kr_sync_load_tables(st, ts, err);
    struct self me = {0};
    if (r == KR_OK) {
        r = kr_store_tx_begin(st, err);
        if (r == KR_OK)
            r = kr_store_tx_end(st, load_self(st, ts, &me, err), err);
    }
    for (size_t i = 0; i < KR_SYNC_N_TABLES; i++)
        kr_sync_table_fini(&ts[i]);
    if (r == KR_OK)
        *id_out = me.laptop;
    else
        free(me.laptop);
    return r;
}
