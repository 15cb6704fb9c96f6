/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the screens' pages through SQL (issue 21): kr_store_session_page (the start
 * screen) and kr_store_obs_page / kr_store_obs_page_count (the notes screen and its search)
 * return every bijeenkomst or note of the filter exactly once and in the list's order across
 * pages, forwards and backwards, with ties in the sort keys, deleted rows and other
 * bijeenkomsten' notes between them; for a small bijeenkomst (driven by its visits) and a
 * large one (a walk of the list order), a search with few matches and one with many; and the
 * counts equal COUNT(*).
 */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "kijkronde/mem.h"
#include "kijkronde/store.h"
#include "krtest.h"
#include "raw_db.h"

static void setup(void)
{
    raw_db_open("/tmp/kr-paging-XXXXXX");
}

static void teardown(void)
{
    raw_db_close();
}

/* The ids a query returns, one string joined by spaces (heap). */
static char *ids(const char *q, const char *arg)
{
    sqlite3_stmt *s = NULL;
    ck_assert_int_eq(sqlite3_prepare_v2(raw, q, -1, &s, NULL), SQLITE_OK);
    sqlite3_bind_text(s, 1, arg, -1, SQLITE_TRANSIENT);
    struct kr_buf b = {0};
    while (sqlite3_step(s) == SQLITE_ROW)
        kr_buf_printf(&b, "%s ", (const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return b.len ? kr_buf_steal(&b) : kr_xstrdup("");
}

static void add_session(const char *id, const char *date, const char *created, bool deleted)
{
    char q[512];
    snprintf(q, sizeof q,
             "INSERT INTO session(id, kind, date, basisvaardigheid, kijkvraag_text, is_demo,"
             " created_at, updated_at, deleted_at) VALUES ('%s', 'start', '%s',"
             " 'rekenen-wiskunde', 'Wat?', 0, '%s', '%s', %s)",
             id, date, created, created, deleted ? "'x'" : "NULL");
    sql(q);
}

START_TEST(test_session_pages_hold_each_once_in_order)
{
    /* ties: equal dates, and equal date and created_at (then the id decides) */
    add_session("s-a", "2026-03-12", "2026-03-01T10:00:00Z", false);
    add_session("s-b", "2026-03-12", "2026-03-01T10:00:00Z", false);
    add_session("s-c", "2026-03-12", "2026-03-02T10:00:00Z", false);
    add_session("s-d", "2026-03-19", "2026-03-01T10:00:00Z", false);
    add_session("s-e", "2026-03-05", "2026-03-01T10:00:00Z", false);
    add_session("s-f", "2026-03-12", "2026-03-01T10:00:00Z", true);
    add_session("s-g", "2026-03-05", "2026-03-01T10:00:00Z", false);
    char *want = ids("SELECT id FROM session WHERE deleted_at IS NULL"
                     " ORDER BY date DESC, created_at DESC, id",
                     NULL);
    ck_assert_str_eq(want, "s-d s-c s-a s-b s-e s-g ");
    for (size_t limit = 1; limit <= 7; limit++) {
        struct kr_session_list l = {0};
        bool more = true;
        int pages = 0;
        while (more) {
            const char *after = l.n ? l.items[l.n - 1].id : NULL;
            size_t had = l.n;
            ck_assert_int_eq(kr_store_session_page(st, after, limit, &l, &more, &err), KR_OK);
            ck_assert_uint_le(l.n - had, limit);
            ck_assert_int_lt(++pages, 10);
        }
        struct kr_buf got = {0};
        for (size_t i = 0; i < l.n; i++)
            kr_buf_printf(&got, "%s ", l.items[i].id);
        ck_assert_str_eq(kr_buf_str(&got), want);
        kr_buf_fini(&got);
        kr_session_list_fini(&l);
    }
    free(want);
}
END_TEST

/* n notes in session s over 3 visits, with a note of session "other" between each two; every
 * third note shares its time with the one before; every seventh is deleted; every fifth
 * says "kralen", the rest "leerlingen". */
static void fill(const char *s, int n)
{
    char q[1024];
    add_session(s, "2026-03-12", "2026-03-01T10:00:00Z", false);
    sql("INSERT OR IGNORE INTO session(id, kind, date, basisvaardigheid, kijkvraag_text,"
        " is_demo, created_at, updated_at) VALUES ('other', 'start', '2026-03-12',"
        " 'rekenen-wiskunde', 'Wat?', 0, 'x', 'x');"
        "INSERT OR IGNORE INTO visit(id, session_id, label) VALUES ('vo', 'other', 'ander');");
    for (int v = 0; v < 3; v++) {
        snprintf(q, sizeof q,
                 "INSERT INTO visit(id, session_id, label) VALUES ('%s-v%d', '%s', 'g%d')", s, v, s,
                 v);
        sql(q);
    }
    sql("BEGIN");
    for (int i = 0; i < n; i++) {
        int t = i - (i % 3 == 2);
        snprintf(q, sizeof q,
                 "INSERT INTO observation(id, visit_id, at, text, corner, created_at, updated_at,"
                 " deleted_at) VALUES ('%s-o%05d', '%s-v%d', '2026-03-12T09:%02d:%02d+01:00',"
                 " '%s bij de tafel', %s, 'c', 'c', %s);"
                 "INSERT INTO observation(id, visit_id, at, text, created_at, updated_at)"
                 " VALUES ('%s-x%05d', 'vo', '2026-03-12T09:%02d:%02d+01:00', 'kralen leerlingen',"
                 " 'c', 'c')",
                 s, i, s, i % 3, t / 60 % 60, t % 60, i % 5 == 0 ? "kralen" : "leerlingen",
                 i % 4 == 0 ? "'leraar'" : "NULL", i % 7 == 6 ? "'x'" : "NULL", s, i, t / 60 % 60,
                 t % 60);
        sql(q);
    }
    sql("COMMIT");
}

#define LIVE_NOTES(extra)                                                                          \
    "SELECT o.id FROM observation o JOIN visit v ON v.id = o.visit_id WHERE v.session_id = ?1"     \
    " AND o.deleted_at IS NULL" extra " ORDER BY o.at, o.created_at, o.id"

/* Every page of filter f, forwards and backwards with page size limit, against want. */
static void pages_match(const struct kr_obs_page_filter *f, size_t limit, const char *want)
{
    for (int back = 0; back < 2; back++) {
        char *got = kr_xstrdup(""), *from = NULL;
        for (int guard = 0;; guard++) {
            ck_assert_int_lt(guard, 20000);
            struct kr_observation_list page = {0};
            ck_assert_int_eq(kr_store_obs_page(st, f, from, back, limit, &page, &err), KR_OK);
            ck_assert_uint_le(page.n, limit);
            free(from);
            from = page.n ? kr_xstrdup(page.items[back ? 0 : page.n - 1].id) : NULL;
            struct kr_buf b = {0}; /* the page in list order; backwards it goes in front */
            for (size_t i = 0; i < page.n; i++)
                kr_buf_printf(&b, "%s ", page.items[i].id);
            char *joined = back ? kr_xasprintf("%s%s", kr_buf_str(&b), got)
                                : kr_xasprintf("%s%s", got, kr_buf_str(&b));
            free(got);
            got = joined;
            kr_buf_fini(&b);
            size_t n = page.n;
            kr_observation_list_fini(&page);
            if (n < limit)
                break;
        }
        free(from);
        ck_assert_msg(strcmp(got, want) == 0, "%s pages of %zu differ",
                      back ? "backward" : "forward", limit);
        free(got);
    }
}

static long long count_of(const char *q, const char *arg)
{
    sqlite3_stmt *s = NULL;
    ck_assert_int_eq(sqlite3_prepare_v2(raw, q, -1, &s, NULL), SQLITE_OK);
    sqlite3_bind_text(s, 1, arg, -1, SQLITE_TRANSIENT);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    long long n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return n;
}

static void check_session(const char *s, size_t limit)
{
    struct kr_obs_page_filter f = {.session_id = s};
    char *want = ids(LIVE_NOTES(""), s);
    pages_match(&f, limit, want);
    size_t n = 0;
    ck_assert_int_eq(kr_store_obs_page_count(st, &f, 100000, &n, &err), KR_OK);
    ck_assert_int_eq((long long)n, count_of("SELECT count(*) FROM (" LIVE_NOTES("") ")", s));
    free(want);
    /* a rare word, a common one (its prefix), and a corner */
    const char *words[2] = {"\"kralen\"*", "\"leerling\"*"};
    const char *like[2] = {" AND o.text LIKE 'kralen%'", " AND o.text LIKE 'leerlingen%'"};
    for (int w = 0; w < 2; w++) {
        char extra[128], q[512];
        snprintf(extra, sizeof extra, "%s", like[w]);
        snprintf(q, sizeof q,
                 "SELECT o.id FROM observation o JOIN visit v ON v.id = o.visit_id WHERE"
                 " v.session_id = ?1 AND o.deleted_at IS NULL%s ORDER BY o.at, o.created_at, o.id",
                 extra);
        f.search = words[w];
        want = ids(q, s);
        pages_match(&f, limit, want);
        char cq[600];
        snprintf(cq, sizeof cq, "SELECT count(*) FROM (%s)", q);
        ck_assert_int_eq(kr_store_obs_page_count(st, &f, 100000, &n, &err), KR_OK);
        ck_assert_int_eq((long long)n, count_of(cq, s));
        free(want);
    }
    f.search = NULL;
    f.corner_only = true;
    f.corner = KR_CORNER_LERAAR;
    want = ids(LIVE_NOTES(" AND o.corner = 'leraar'"), s);
    pages_match(&f, limit, want);
    free(want);
}

START_TEST(test_obs_pages_small_session)
{
    fill("klein", 200);
    check_session("klein", 7);
}
END_TEST

START_TEST(test_obs_pages_large_session)
{
    /* above the size that is driven by its visits (PAGE_SORT_MAX in observation.c) */
    fill("groot", 6200);
    check_session("groot", 250);
}
END_TEST

static Suite *paging_suite(void)
{
    Suite *s = suite_create("paging");
    TCase *tc = tcase_create("pages");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_session_pages_hold_each_once_in_order);
    tcase_add_test(tc, test_obs_pages_small_session);
    tcase_add_test(tc, test_obs_pages_large_session);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(paging_suite());
}
