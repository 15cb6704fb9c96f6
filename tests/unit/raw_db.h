/* SPDX-License-Identifier: MIT */
/*
 * Shared by the unit tests that look past the store into the file (test_counts.c,
 * test_paging.c, test_search_index.c): a store opened on a database in a new temporary
 * directory, and a second, raw SQLite connection to the same file for what the store has no
 * call for (reading a derived column, a hard delete, FTS5's integrity-check).
 * raw_db_open/raw_db_close are the checked fixture's setup and teardown.
 */
#ifndef KR_RAW_DB_H
#define KR_RAW_DB_H

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kijkronde/mem.h"
#include "kijkronde/store.h"
#include "krtest.h"

static char dir[64], path[128];
static struct kr_store *st;
static sqlite3 *raw;
static struct kr_error err;

/* tmpl: the directory's name, ending in XXXXXX ("/tmp/kr-counts-XXXXXX"). */
static inline void raw_db_open(const char *tmpl)
{
    kr_error_clear(&err);
    snprintf(dir, sizeof dir, "%s", tmpl);
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/k.db", dir);
    ck_assert_int_eq(kr_store_open(path, &st, &err), KR_OK);
    ck_assert_int_eq(sqlite3_open(path, &raw), SQLITE_OK);
    sqlite3_busy_timeout(raw, 5000);
}

static inline void raw_db_close(void)
{
    sqlite3_close(raw);
    kr_store_close(st);
    st = NULL;
    char *cmd = kr_xasprintf("rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
    free(cmd);
}

/* One or more statements on the raw connection; the test fails with SQLite's message. */
static inline void sql(const char *q)
{
    char *msg = NULL;
    if (sqlite3_exec(raw, q, NULL, NULL, &msg) != SQLITE_OK)
        ck_abort_msg("%s: %s", q, msg ? msg : "?");
}

/* The first column of the first row of q, with ?1 bound to arg (may be NULL). */
static inline long long one(const char *q, const char *arg)
{
    sqlite3_stmt *s = NULL;
    ck_assert_int_eq(sqlite3_prepare_v2(raw, q, -1, &s, NULL), SQLITE_OK);
    if (arg)
        sqlite3_bind_text(s, 1, arg, -1, SQLITE_TRANSIENT);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    long long v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

#endif
