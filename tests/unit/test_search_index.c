/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the search index that follows the notes (schema 17: src/store/schema.c,
 * MIGRATION_ENTER, and src/store/search_index.c): an Enter does not index its note; a search
 * right after it still finds the note, with the text it has now; an edit or a deletion of a
 * waiting note and of an indexed one leave an index that FTS5's own integrity-check finds
 * equal to the notes; a rowid given again after a hard delete is indexed; notes a stopped
 * kijkronde left waiting are indexed at the next open; a pause indexes only a batch; and a
 * database of schema 16 keeps its index whole.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kijkronde/mem.h"
#include "kijkronde/store.h"
#include "krtest.h"
#include "raw_db.h"

static char *session_id, *visit_id;

/* A bijeenkomst with one visit, for the notes of a test. */
static void make_visit(void)
{
    free(session_id);
    free(visit_id);
    struct kr_session s = {.date = kr_xstrdup("2026-03-12"),
                           .kijkvraag_text = kr_xstrdup("Wat doen leerlingen als ze vastlopen?")};
    ck_assert_int_eq(kr_store_session_add(st, &s, &err), KR_OK);
    session_id = kr_xstrdup(s.id);
    kr_session_fini(&s);
    struct kr_visit v = {.session_id = kr_xstrdup(session_id), .label = kr_xstrdup("groep 5")};
    ck_assert_int_eq(kr_store_visit_add(st, &v, &err), KR_OK);
    visit_id = kr_xstrdup(v.id);
    kr_visit_fini(&v);
}

static void setup(void)
{
    raw_db_open("/tmp/kr-search-XXXXXX");
    make_visit();
}

static void teardown(void)
{
    raw_db_close();
    free(session_id);
    free(visit_id);
    session_id = visit_id = NULL;
}

/* FTS5's own check: the index holds exactly the notes' texts (an external content table). */
static void index_matches_notes(void)
{
    sql("INSERT INTO observation_search(observation_search, rank) VALUES ('integrity-check', 1)");
}

static char *enter(const char *text)
{
    struct kr_observation o = {
        .visit_id = kr_xstrdup(visit_id), .text = kr_xstrdup(text), .observer = kr_xstrdup("AB")};
    ck_assert_int_eq(kr_store_draft_put(st, visit_id, text, &err), KR_OK);
    ck_assert_int_eq(kr_store_obs_add_from_draft(st, &o, &err), KR_OK);
    char *id = kr_xstrdup(o.id);
    kr_observation_fini(&o);
    return id;
}

/* How many live notes of the bijeenkomst a search finds, through both ways to search. */
static size_t found(const char *query)
{
    struct kr_obs_filter f = {.session_id = session_id, .search = query};
    struct kr_observation_list l = {0};
    ck_assert_int_eq(kr_store_obs_list(st, &f, &l, &err), KR_OK);
    size_t n = l.n;
    kr_observation_list_fini(&l);
    struct kr_obs_page_filter pf = {.session_id = session_id, .search = query};
    size_t count = 0;
    ck_assert_int_eq(kr_store_obs_page_count(st, &pf, 1000, &count, &err), KR_OK);
    ck_assert_uint_eq(count, n);
    return n;
}

static long long indexed(void)
{
    return one("SELECT count(*) FROM observation_search_docsize", NULL);
}

START_TEST(enter_does_not_index_but_search_finds)
{
    char *a = enter("Meisje pakt de breukenstrook.");
    char *b = enter("Jongen telt hardop tot tien.");
    ck_assert_int_eq(indexed(), 0); /* no FTS5 work inside the Enter */
    ck_assert_uint_eq(found("breukenstrook"), 1);
    ck_assert_int_eq(indexed(), 2); /* the search caught up first */
    index_matches_notes();
    char *c = enter("Twee leerlingen delen een breukenstrook.");
    ck_assert_uint_eq(found("breukenstrook"), 2);
    index_matches_notes();
    free(a);
    free(b);
    free(c);
}
END_TEST

START_TEST(edits_and_deletes_of_waiting_and_indexed_notes)
{
    char *a = enter("Meisje pakt de breukenstrook.");
    ck_assert_uint_eq(found("breukenstrook"), 1); /* a is indexed now */
    char *b = enter("Jongen telt hardop.");       /* b waits */
    ck_assert_int_eq(kr_store_obs_edit(st, b, "Jongen telt op zijn vingers.", KR_CORNER_NONE, &err),
                     KR_OK);
    ck_assert_int_eq(kr_store_obs_edit(st, a, "Meisje pakt het blokje.", KR_CORNER_NONE, &err),
                     KR_OK);
    ck_assert_uint_eq(found("hardop"), 0); /* b's old text was never indexed */
    ck_assert_uint_eq(found("vingers"), 1);
    ck_assert_uint_eq(found("breukenstrook"), 0); /* a's old text left the index */
    ck_assert_uint_eq(found("blokje"), 1);
    index_matches_notes();
    char *c = enter("Juf wijst naar het blokje.");
    ck_assert_int_eq(kr_store_obs_delete(st, c, &err), KR_OK); /* soft: the index keeps it */
    ck_assert_uint_eq(found("blokje"), 1);
    index_matches_notes();
    free(a);
    free(b);
    free(c);
}
END_TEST

/*
 * kijkronde deletes notes softly, but a file may meet a hard delete (an older tool, a repair
 * by hand). SQLite gives the next note max(rowid) + 1, so after the highest indexed note is
 * gone its rowid comes back: the mark must fall with it, or that new note is never indexed.
 */
START_TEST(a_rowid_given_again_is_indexed)
{
    char *a = enter("Meisje pakt de breukenstrook.");
    char *b = enter("Jongen telt hardop.");
    ck_assert_uint_eq(found("hardop"), 1);
    long long rb = one("SELECT max(rowid) FROM observation", NULL);
    sql("PRAGMA foreign_keys = OFF; DELETE FROM observation_version WHERE observation_id ="
        " (SELECT id FROM observation WHERE rowid = (SELECT max(rowid) FROM observation));"
        " DELETE FROM observation WHERE rowid = (SELECT max(rowid) FROM observation)");
    index_matches_notes();
    char *c = enter("Meester legt de liniaal neer.");
    ck_assert_int_eq(one("SELECT max(rowid) FROM observation", NULL), rb); /* the same rowid */
    ck_assert_uint_eq(found("liniaal"), 1);
    ck_assert_uint_eq(found("hardop"), 0);
    index_matches_notes();
    free(a);
    free(b);
    free(c);
}
END_TEST

START_TEST(waiting_notes_are_indexed_at_open)
{
    char *a = enter("Meisje pakt de breukenstrook.");
    char *b = enter("Jongen telt hardop.");
    ck_assert_int_eq(indexed(), 0);
    kr_store_close(st); /* a kijkronde that stopped before a pause */
    ck_assert_int_eq(indexed(), 0);
    ck_assert_int_eq(kr_store_open(path, &st, &err), KR_OK);
    ck_assert_int_eq(indexed(), 2);
    index_matches_notes();
    free(a);
    free(b);
}
END_TEST

START_TEST(a_pause_indexes_a_batch)
{
    char *ids[KR_SEARCH_BATCH];
    for (int i = 0; i < KR_SEARCH_BATCH; i++) {
        ids[i] = enter("Leerling schrijft het antwoord op.");
        ck_assert_int_eq(kr_store_search_catch_up(st, KR_SEARCH_BATCH, &err), KR_OK);
        /* below a batch nothing is written; the batch's last note writes it all */
        ck_assert_int_eq(indexed(), i + 1 < KR_SEARCH_BATCH ? 0 : KR_SEARCH_BATCH);
    }
    index_matches_notes();
    for (int i = 0; i < KR_SEARCH_BATCH; i++)
        free(ids[i]);
}
END_TEST

/* A database of schema 16 (every note indexed by the old trigger) keeps its index whole. */
START_TEST(an_older_database_keeps_its_index)
{
    kr_store_close(st);
    sqlite3_close(raw);
    char *cmd = kr_xasprintf("rm -f '%s' '%s-wal' '%s-shm'", path, path, path);
    ck_assert_int_eq(system(cmd), 0);
    free(cmd);
    ck_assert_int_eq(kr_store_open_at_version(path, 16, &st, &err), KR_OK);
    ck_assert_int_eq(sqlite3_open(path, &raw), SQLITE_OK);
    make_visit();
    struct kr_observation o = {.visit_id = kr_xstrdup(visit_id),
                               .text = kr_xstrdup("Meisje pakt de breukenstrook.")};
    ck_assert_int_eq(kr_store_obs_add(st, &o, &err), KR_OK);
    kr_observation_fini(&o);
    ck_assert_int_eq(indexed(), 1); /* indexed by schema 16's trigger */
    kr_store_close(st);
    ck_assert_int_eq(kr_store_open(path, &st, &err), KR_OK);
    ck_assert_int_eq(one("SELECT upto FROM search_mark", NULL),
                     one("SELECT max(rowid) FROM observation", NULL));
    char *b = enter("Jongen pakt ook een breukenstrook.");
    ck_assert_uint_eq(found("breukenstrook"), 2);
    index_matches_notes();
    free(b);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("search_index");
    TCase *t = tcase_create("search_index");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, enter_does_not_index_but_search_finds);
    tcase_add_test(t, edits_and_deletes_of_waiting_and_indexed_notes);
    tcase_add_test(t, a_rowid_given_again_is_indexed);
    tcase_add_test(t, waiting_notes_are_indexed_at_open);
    tcase_add_test(t, a_pause_indexes_a_batch);
    tcase_add_test(t, an_older_database_keeps_its_index);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
