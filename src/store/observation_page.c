/* SPDX-License-Identifier: MIT */
/*
 * The notes list a page at a time (keyset over observation_by_order) and the search by
 * words (FTS5 matches kept as rowids, tested by kr_match): what a screen shows costs what
 * fits on it, not the whole bijeenkomst. Which plan a page uses depends on the
 * bijeenkomst's kept count (session.n_live).
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "store_internal.h"

/* What drives a page's query: the list order (observation_by_order, testing each note: reads
 * a page's worth of rows when the filter keeps many notes of the database), the bijeenkomst's
 * visits or the search's matches (then sorted: cheaper when they are few). */
enum drive { BY_ORDER, BY_ORDER_BOUNDED, BY_VISITS, BY_MATCHES, BY_ROWID };

/*
 * The WHERE of a page filter, its parameters ?1 session, ?2 search, ?3 corner. The unary +
 * keeps SQLite from driving the query by what is only tested.
 */
static void page_where(struct kr_buf *sql, const struct kr_obs_page_filter *f, enum drive d)
{
    /* First what the index entry alone answers (a match is a lookup by its rowid): SQLite
       reads a note's row only when it passes. */
    if (d == BY_ROWID) /* the table in rowid order from ?4 */
        kr_buf_puts(sql, " WHERE o.rowid >= ?4 AND kr_match(o.rowid) AND");
    else if (f->search && d != BY_MATCHES)
        kr_buf_puts(sql, " WHERE kr_match(o.rowid) AND");
    else
        kr_buf_puts(sql, " WHERE");
    if (d == BY_VISITS)
        kr_buf_puts(sql, " o.visit_id IN (SELECT id FROM visit WHERE session_id = ?1)"
                         " AND o.deleted_at IS NULL");
    else /* a visit's row per note tested (an IN list would read every visit first) */
        kr_buf_puts(sql, " EXISTS (SELECT 1 FROM visit v WHERE v.id = +o.visit_id"
                         " AND v.session_id = ?1) AND o.deleted_at IS NULL");
    if (f->search && d == BY_MATCHES) /* the matches, made once per search by match_ready */
        kr_buf_puts(sql, " AND o.rowid IN (SELECT id FROM temp.kr_match)");
    if (f->corner_only)
        kr_buf_puts(sql,
                    f->corner == KR_CORNER_NONE ? " AND o.corner IS NULL" : " AND o.corner = ?3");
    /* The walk starts at the bijeenkomst's first note, not at the first of the database (its
       times from the index observation_by_visit, read once per statement). */
    if (d == BY_ORDER_BOUNDED)
        kr_buf_puts(sql, " AND o.at BETWEEN (SELECT min(at) FROM observation WHERE visit_id IN"
                         " (SELECT id FROM visit WHERE session_id = ?1)) AND (SELECT max(at) FROM"
                         " observation WHERE visit_id IN (SELECT id FROM visit WHERE"
                         " session_id = ?1))");
}

/* Notes of the bijeenkomst, or matches of the search, up to which reading them all for each
 * page and keeping the first beats walking the list order (measured on 1,000,000 notes: a page
 * costs about 5 us of CPU per note read; 22,000 matches cost 0.12 s a page). */
#define PAGE_SORT_MAX 5000
/* A bijeenkomst up to this size has its walk bounded by its first and last note's time
 * (reading its visits' index entries once per page: about 5 ms at this size). */
#define PAGE_BOUND_MAX 50000
/* Matches up to this many also go into temp.kr_match, which drives the count (one lookup by
 * rowid each, until the cap); more are counted by a scan in rowid order (count_matches), which
 * costs less where they are dense. */
#define MATCH_TABLE_MAX 30000
/* A bijeenkomst up to this size has only its own stretch of rowids searched. */
#define SEARCH_RANGE_MAX 50000

/* The bijeenkomst's live notes, kept by triggers (session.n_live); 0 when it is unknown. */
static sqlite3_int64 session_live(struct kr_store *st, const char *session_id)
{
    sqlite3_stmt *s = NULL;
    sqlite3_int64 n = 0;
    if (sqlite3_prepare_v2(st->db, "SELECT n_live FROM session WHERE id = ?1", -1, &s, NULL) ==
        SQLITE_OK) {
        kr_store_bind_text(s, 1, session_id);
        if (sqlite3_step(s) == SQLITE_ROW)
            n = sqlite3_column_int64(s, 0);
    }
    sqlite3_finalize(s);
    return n;
}

static sqlite3_int64 data_version(struct kr_store *st)
{
    sqlite3_stmt *s = NULL;
    sqlite3_int64 v = -1;
    if (sqlite3_prepare_v2(st->db, "PRAGMA data_version", -1, &s, NULL) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

/* kr_match(rowid): is the note among the search's matches (st->match_ids, sorted)? */
static void match_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const struct kr_store *st = sqlite3_user_data(ctx);
    sqlite3_int64 id = sqlite3_value_int64(argv[0]);
    size_t lo = 0, hi = st->match_n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (st->match_ids[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    sqlite3_result_int(ctx, lo < st->match_n && st->match_ids[lo] == id);
}

/*
 * The search's matches, once per search: their rowids in a sorted array in memory (8 bytes a
 * match), shared by every page and the count (each of them used to make FTS5 build the whole
 * match set again: 0.1-0.15 s per statement for 300,000 matches; a temporary table of them
 * cost 0.15 s more to fill). The walk in list order tests a note with kr_match(rowid); a set
 * of at most MATCH_TABLE_MAX matches also goes into temp.kr_match, to drive the count and (up
 * to PAGE_SORT_MAX) the pages. For a
 * bijeenkomst of at most SEARCH_RANGE_MAX notes only the matches between its first and its
 * last rowid are asked (FTS5 seeks to them): the search no longer grows with the other
 * bijeenkomsten of the database. Made again when the query or the bijeenkomst differs or
 * anything was written since, here (total changes) or by another connection (data_version),
 * so a page never misses a new note or shows a deleted one.
 */
static enum kr_status match_ready(struct kr_store *st, const struct kr_obs_page_filter *f,
                                  struct kr_error *err)
{
    if (!f->search)
        return KR_OK;
    kr_store_search_catch_up(st, 1, NULL); /* best effort: see store.h */
    sqlite3_int64 dv = data_version(st);
    if (st->match_query && strcmp(st->match_query, f->search) == 0 && st->match_session &&
        strcmp(st->match_session, f->session_id) == 0 &&
        st->match_changes == sqlite3_total_changes64(st->db) && st->match_dv == dv)
        return KR_OK;
    free(st->match_query);
    free(st->match_session);
    free(st->match_ids);
    st->match_query = st->match_session = NULL;
    st->match_ids = NULL;
    st->match_n = 0;
    st->match_live = session_live(st, f->session_id);
    if (!st->match_fn &&
        sqlite3_create_function_v2(st->db, "kr_match", 1, SQLITE_UTF8 | SQLITE_DIRECTONLY, st,
                                   match_fn, NULL, NULL, NULL) != SQLITE_OK)
        return kr_store_fail(st, sqlite3_errcode(st->db), err, "Zoeken mislukt");
    st->match_fn = true;
    enum kr_status r = kr_store_exec(st,
                                     "CREATE TEMP TABLE IF NOT EXISTS kr_match(id INTEGER PRIMARY "
                                     "KEY); DELETE FROM temp.kr_match",
                                     err);
    if (r != KR_OK)
        return r;
    sqlite3_stmt *s = NULL;
    bool small = st->match_live <= SEARCH_RANGE_MAX;
    r = kr_store_prepare(st,
                         small ? "WITH b AS (SELECT min(o.rowid) lo, max(o.rowid) hi FROM"
                                 " observation o WHERE o.visit_id IN (SELECT id FROM visit"
                                 " WHERE session_id = ?2))"
                                 " SELECT rowid FROM observation_search"
                                 " WHERE observation_search MATCH ?1"
                                 " AND rowid BETWEEN (SELECT lo FROM b) AND (SELECT hi FROM b)"
                                 " ORDER BY rowid"
                               : "SELECT rowid FROM observation_search"
                                 " WHERE observation_search MATCH ?1 ORDER BY rowid",
                         &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, f->search);
    if (small)
        kr_store_bind_text(s, 2, f->session_id);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        KR_GROW(st->match_ids, cap, st->match_n + 1);
        st->match_ids[st->match_n++] = sqlite3_column_int64(s, 0);
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) /* a query FTS5 refuses */
        return kr_store_fail(st, rc, err, "Zoeken mislukt");
    if (st->match_n <= MATCH_TABLE_MAX && st->match_n > 0) {
        r = kr_store_prepare(st, "INSERT INTO temp.kr_match(id) VALUES (?1)", &s, err);
        if (r == KR_OK)
            r = kr_store_exec(st, "SAVEPOINT kr_match", err);
        for (size_t i = 0; r == KR_OK && i < st->match_n; i++) {
            sqlite3_bind_int64(s, 1, st->match_ids[i]);
            if ((rc = sqlite3_step(s)) != SQLITE_DONE)
                r = kr_store_fail(st, rc, err, "Zoeken mislukt");
            sqlite3_reset(s);
        }
        sqlite3_finalize(s);
        if (r == KR_OK)
            r = kr_store_exec(st, "RELEASE kr_match", err);
        else
            sqlite3_exec(st->db, "ROLLBACK TO kr_match; RELEASE kr_match", NULL, NULL, NULL);
        if (r != KR_OK)
            return r;
    }
    st->match_changes = sqlite3_total_changes64(st->db);
    st->match_dv = dv;
    st->match_query = kr_xstrdup(f->search);
    st->match_session = kr_xstrdup(f->session_id);
    return KR_OK;
}

/* Walk the list order, or sort what the bijeenkomst or the search keeps? */
static enum drive page_drive(struct kr_store *st, const struct kr_obs_page_filter *f)
{
    sqlite3_int64 live = f->search ? st->match_live : session_live(st, f->session_id);
    if (f->search ? st->match_n <= PAGE_SORT_MAX : live <= PAGE_SORT_MAX)
        return f->search ? BY_MATCHES : BY_VISITS;
    return live <= PAGE_BOUND_MAX ? BY_ORDER_BOUNDED : BY_ORDER;
}

static void page_bind(sqlite3_stmt *s, const struct kr_obs_page_filter *f)
{
    kr_store_bind_text(s, 1, f->session_id);
    if (f->search)
        kr_store_bind_text(s, 2, f->search);
    if (f->corner_only && f->corner != KR_CORNER_NONE)
        kr_store_bind_text(s, 3, kr_corner_str(f->corner));
}

enum kr_status kr_store_obs_page(struct kr_store *st, const struct kr_obs_page_filter *f,
                                 const char *from_id, bool backwards, size_t limit,
                                 struct kr_observation_list *out, struct kr_error *err)
{
    enum kr_status r = match_ready(st, f, err);
    if (r != KR_OK)
        return r;
    struct kr_buf sql = {0};
    kr_buf_puts(&sql, KR_STORE_OBS_COLS);
    page_where(&sql, f, page_drive(st, f));
    if (from_id)
        kr_buf_printf(&sql,
                      " AND (o.at, o.created_at, o.id) %s"
                      " (SELECT at, created_at, id FROM observation WHERE id = ?4)",
                      backwards ? "<" : ">");
    /* The order of the index observation_by_order: each page reads its own rows. */
    kr_buf_puts(&sql, backwards ? " ORDER BY o.at DESC, o.created_at DESC, o.id DESC LIMIT ?5"
                                : " ORDER BY o.at, o.created_at, o.id LIMIT ?5");
    sqlite3_stmt *s = NULL;
    r = kr_store_prepare(st, kr_buf_str(&sql), &s, err);
    kr_buf_fini(&sql);
    if (r != KR_OK)
        return r;
    page_bind(s, f);
    if (from_id)
        kr_store_bind_text(s, 4, from_id);
    sqlite3_bind_int64(s, 5, (sqlite3_int64)limit);
    size_t first = out->n;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        KR_GROW(out->items, out->cap, out->n + 1);
        kr_store_obs_read(s, &out->items[out->n++]);
    }
    if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Notities lezen mislukt");
    sqlite3_finalize(s);
    for (size_t i = first, j = out->n; backwards && i + 1 < j; i++, j--) {
        struct kr_observation t = out->items[i];
        out->items[i] = out->items[j - 1];
        out->items[j - 1] = t;
    }
    return r;
}

/* A search with many matches counted in rowid order from its first match until cap + 1 are
 * notes of the filter: a scan of the table in its own order, each note tested by kr_match
 * before its visit (one lookup by rowid per match cost 10 us; this 1-5 us per match). */
static enum kr_status count_matches(struct kr_store *st, const struct kr_obs_page_filter *f,
                                    size_t cap, size_t *out, struct kr_error *err)
{
    struct kr_buf sql = {0};
    kr_buf_puts(&sql, "SELECT count(*) FROM (SELECT 1 FROM observation o");
    page_where(&sql, f, BY_ROWID);
    kr_buf_printf(&sql, " LIMIT %zu)", cap + 1);
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(st, kr_buf_str(&sql), &s, err);
    kr_buf_fini(&sql);
    if (r != KR_OK)
        return r;
    page_bind(s, f);
    sqlite3_bind_int64(s, 4, st->match_n ? st->match_ids[0] : 0);
    int rc = sqlite3_step(s);
    *out = rc == SQLITE_ROW ? (size_t)sqlite3_column_int64(s, 0) : 0;
    if (rc != SQLITE_ROW)
        r = kr_store_fail(st, rc, err, "Notities tellen mislukt");
    sqlite3_finalize(s);
    return r;
}

enum kr_status kr_store_obs_page_count(struct kr_store *st, const struct kr_obs_page_filter *f,
                                       size_t cap, size_t *out, struct kr_error *err)
{
    enum kr_status r = match_ready(st, f, err);
    if (r != KR_OK)
        return r;
    if (f->search && st->match_n > MATCH_TABLE_MAX)
        return count_matches(st, f, cap, out, err);
    struct kr_buf sql = {0};
    if (!f->search && !f->corner_only) { /* kept by triggers (schema.c) */
        kr_buf_puts(&sql, "SELECT n_live FROM session WHERE id = ?1");
    } else {
        /* counted up to cap + 1: a search that keeps most of 1,000,000 notes is not counted
         * to the end (its count alone cost 0.5 s) */
        kr_buf_puts(&sql, "SELECT count(*) FROM (SELECT 1 FROM observation o");
        page_where(&sql, f, f->search ? BY_MATCHES : page_drive(st, f));
        kr_buf_printf(&sql, " LIMIT %zu)", cap + 1);
    }
    sqlite3_stmt *s = NULL;
    r = kr_store_prepare(st, kr_buf_str(&sql), &s, err);
    kr_buf_fini(&sql);
    if (r != KR_OK)
        return r;
    page_bind(s, f);
    int rc = sqlite3_step(s);
    *out = 0; /* no row: the bijeenkomst is gone */
    if (rc == SQLITE_ROW)
        *out = (size_t)sqlite3_column_int64(s, 0);
    else if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Notities tellen mislukt");
    sqlite3_finalize(s);
    return r;
}
