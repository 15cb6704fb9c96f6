/* SPDX-License-Identifier: MIT */
/*
 * The synced tables as this database has them (their columns and keys, the derived columns
 * that never travel) and the triggers that record this laptop's changes for `kijkronde sync`:
 * made on first use, made again when a table's column list changed, and the ones of older
 * kijkronde versions dropped (src/store/sync.c has the design).
 */
#include <assert.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "store_internal.h"
#include "sync_internal.h"

/* Parents before children: the order rows are upserted in (tombstones go in reverse). */
static const char *const SYNC_TABLES[] = {
    "network",
    "session",
    "tweetal",
    "participant",
    "visit",
    "observation",
    "observation_version",
    "reflection_pattern",
    "reflection_note",
    "reflection_phase",
    "theory_of_action",
    "next_step",
};
_Static_assert(sizeof SYNC_TABLES / sizeof SYNC_TABLES[0] == KR_SYNC_N_TABLES,
               "KR_SYNC_N_TABLES is the number of synced tables");

void kr_sync_table_fini(struct table *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->cols[i]);
    free(t->key_new);
    free(t->key_old);
    free(t->key_bare);
    free(t->row_json);
    free(t->key_match);
    memset(t, 0, sizeof *t);
}

static int skipped_col(const char *table, const char *col)
{
    /* Derived counts, kept by triggers on each laptop (schema.c): they never travel. */
    if (strcmp(table, "visit") == 0)
        return strcmp(col, "n_live") == 0;
    if (strcmp(table, "session") == 0)
        return strcmp(col, "n_live") == 0 || strcmp(col, "n_visits") == 0;
    return 0;
}

static enum kr_status load_table(struct kr_store *st, const char *name, struct table *t,
                                 struct kr_error *err)
{
    memset(t, 0, sizeof *t);
    t->name = name;
    sqlite3_stmt *s = NULL;
    char *sql = kr_xasprintf("SELECT name, pk FROM pragma_table_info('%s') ORDER BY cid", name);
    enum kr_status r = kr_store_prepare(st, sql, &s, err);
    free(sql);
    if (r != KR_OK)
        return r;
    while (sqlite3_step(s) == SQLITE_ROW) {
        const char *c = (const char *)sqlite3_column_text(s, 0);
        if (skipped_col(name, c) || t->n >= sizeof t->cols / sizeof t->cols[0])
            continue;
        t->cols[t->n] = kr_xstrdup(c);
        t->pk[t->n] = sqlite3_column_int(s, 1);
        if (t->pk[t->n])
            t->npk++;
        t->n++;
    }
    sqlite3_finalize(s);
    assert(t->npk > 0 && "every synced table has a primary key");
    struct kr_buf kn = {0}, ko = {0}, kb = {0}, rj = {0}, km = {0};
    kr_buf_puts(&kn, "json_array(");
    kr_buf_puts(&ko, "json_array(");
    kr_buf_puts(&kb, "json_array(");
    for (size_t k = 1; k <= t->npk; k++)
        for (size_t i = 0; i < t->n; i++)
            if ((size_t)t->pk[i] == k) {
                kr_buf_printf(&kn, "%snew.%s", k > 1 ? "," : "", t->cols[i]);
                kr_buf_printf(&ko, "%sold.%s", k > 1 ? "," : "", t->cols[i]);
                kr_buf_printf(&kb, "%s%s", k > 1 ? "," : "", t->cols[i]);
                kr_buf_printf(&km, "%st.%s = json_extract(d.key,'$[%zu]')", k > 1 ? " AND " : "",
                              t->cols[i], k - 1);
            }
    kr_buf_putc(&kn, ')');
    kr_buf_putc(&ko, ')');
    kr_buf_putc(&kb, ')');
    kr_buf_puts(&rj, "json_object(");
    for (size_t i = 0; i < t->n; i++)
        kr_buf_printf(&rj, "%s'%s',t.%s", i ? "," : "", t->cols[i], t->cols[i]);
    kr_buf_putc(&rj, ')');
    t->key_new = kr_buf_steal(&kn);
    t->key_old = kr_buf_steal(&ko);
    t->key_bare = kr_buf_steal(&kb);
    t->row_json = kr_buf_steal(&rj);
    t->key_match = kr_buf_steal(&km);
    return KR_OK;
}

enum kr_status kr_sync_load_tables(struct kr_store *st, struct table *ts, struct kr_error *err)
{
    for (size_t i = 0; i < KR_SYNC_N_TABLES; i++) {
        enum kr_status r = load_table(st, SYNC_TABLES[i], &ts[i], err);
        if (r != KR_OK)
            return r;
    }
    return KR_OK;
}

enum kr_status kr_sync_exec_free(struct kr_store *st, char *sql, struct kr_error *err)
{
    enum kr_status r = kr_store_exec(st, sql, err);
    free(sql);
    return r;
}

/* One mark in sync_dirty (a change) or sync_fresh (a new row). It never conflicts: the DO
   UPDATE of an UPSERT (sync applying a row) overrides a trigger's OR IGNORE, so the key is
   looked up instead. */
static void mark(struct kr_buf *b, const char *into, const char *table, const char *key)
{
    kr_buf_printf(b,
                  " INSERT INTO %s(tbl, key) SELECT '%s', %s WHERE NOT EXISTS"
                  " (SELECT 1 FROM %s WHERE tbl = '%s' AND key = %s);",
                  into, table, key, into, table, key);
}

/* Whether sync_TABLE_au exists and fires on exactly the columns of `of` (" OF a,b,c"). */
static bool trigger_on(struct kr_store *st, const char *table, const char *of)
{
    char *name = kr_xasprintf("sync_%s_au", table);
    char *want = kr_xasprintf("AFTER UPDATE%s ON %s BEGIN", of, table);
    sqlite3_stmt *s = NULL;
    bool same = false;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT instr(sql, ?2) > 0 FROM sqlite_master"
                           " WHERE type = 'trigger' AND name = ?1",
                           -1, &s, NULL) == SQLITE_OK) {
        kr_store_bind_text(s, 1, name);
        kr_store_bind_text(s, 2, want);
        same = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) != 0;
    }
    sqlite3_finalize(s);
    free(want);
    free(name);
    return same;
}

/* The triggers that record this laptop's changes (idempotent). */
enum kr_status kr_sync_ensure_triggers(struct kr_store *st, const struct table *t,
                                       struct kr_error *err)
{
    struct kr_buf of = {0};
    int derived = strcmp(t->name, "visit") == 0 || strcmp(t->name, "session") == 0;
    if (derived) { /* not on the derived counts: a new note must not mark its visit or session */
        kr_buf_puts(&of, " OF ");
        for (size_t i = 0; i < t->n; i++)
            kr_buf_printf(&of, "%s%s", i ? "," : "", t->cols[i]);
    }
    const char *n = t->name;
    struct kr_buf b = {0};
    /* Made again on a table with derived columns when it is not on exactly these columns: an
       older trigger (before session.n_live) fired on the counts, and a new column must be in
       the list. Only then: dropping it every time would change the file on every sync. */
    if (derived && !trigger_on(st, n, kr_buf_str(&of)))
        kr_buf_printf(&b, "DROP TRIGGER IF EXISTS sync_%s_au;", n);
    kr_buf_printf(&b, "CREATE TRIGGER IF NOT EXISTS sync_%s_new AFTER INSERT ON %s BEGIN", n, n);
    mark(&b, "sync_fresh", n, t->key_new);
    kr_buf_printf(&b, " END; CREATE TRIGGER IF NOT EXISTS sync_%s_au AFTER UPDATE%s ON %s BEGIN", n,
                  kr_buf_str(&of), n);
    mark(&b, "sync_dirty", n, t->key_new);
    mark(&b, "sync_dirty", n, t->key_old);
    kr_buf_printf(&b, " END; CREATE TRIGGER IF NOT EXISTS sync_%s_ad AFTER DELETE ON %s BEGIN", n,
                  n);
    mark(&b, "sync_dirty", n, t->key_old);
    kr_buf_puts(&b, " END;");
    char *sql = kr_buf_steal(&b);
    kr_buf_fini(&of);
    return kr_sync_exec_free(st, sql, err);
}

enum kr_status kr_sync_triggers_off(struct kr_store *st, const struct table *ts,
                                    struct kr_error *err)
{
    struct kr_buf b = {0};
    for (size_t i = 0; i < KR_SYNC_N_TABLES; i++)
        kr_buf_printf(&b,
                      "DROP TRIGGER IF EXISTS sync_%s_new; DROP TRIGGER IF EXISTS sync_%s_au;"
                      " DROP TRIGGER IF EXISTS sync_%s_ad;",
                      ts[i].name, ts[i].name, ts[i].name);
    return kr_sync_exec_free(st, kr_buf_steal(&b), err);
}

/*
 * The triggers that are no longer ours: migration 14's, which log what changes before the
 * first sync, and the insert triggers of kijkronde before it, which marked a new row as a
 * change (an untouched import then won over an edit made on another laptop).
 */
enum kr_status kr_sync_drop_old_triggers(struct kr_store *st, const struct table *ts,
                                         struct kr_error *err)
{
    struct kr_buf b = {0};
    for (size_t i = 0; i < KR_SYNC_N_TABLES; i++)
        kr_buf_printf(
            &b,
            "DROP TRIGGER IF EXISTS sync_pre_%s_au; DROP TRIGGER IF EXISTS sync_pre_%s_ad;"
            " DROP TRIGGER IF EXISTS sync_%s_ai;",
            ts[i].name, ts[i].name, ts[i].name);
    /* what they logged is a change of this laptop */
    kr_buf_puts(&b, " INSERT OR IGNORE INTO sync_dirty(tbl, key) SELECT DISTINCT tbl, key"
                    " FROM sync_early; DELETE FROM sync_early;");
    return kr_sync_exec_free(st, kr_buf_steal(&b), err);
}
