/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the kept counts of a bijeenkomst (session.n_visits, session.n_live, kept by
 * triggers: src/store/schema.c, MIGRATION_SESSION_COUNTS): after every kind of change (a new
 * note, deleting and restoring one, moving a note or a visit to another bijeenkomst, removing a
 * visit, a bijeenkomst inserted after its visits, an import, a merge and a sync, on both
 * laptops) the kept counts equal the counted ones, and the migration fills them for a
 * database made before it.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kijkronde/mem.h"
#include "kijkronde/store.h"
#include "kijkronde/store_exchange.h"
#include "kijkronde/sync.h"
#include "krtest.h"
#include "raw_db.h"

static void setup(void)
{
    raw_db_open("/tmp/kr-counts-XXXXXX");
}

static void teardown(void)
{
    raw_db_close();
}

static char *add_session(const char *date)
{
    struct kr_session s = {.date = kr_xstrdup(date),
                           .basis = KR_BASIS_REKENEN,
                           .kijkvraag_text = kr_xstrdup("Wat doen leerlingen als ze vastlopen?")};
    ck_assert_int_eq(kr_store_session_add(st, &s, &err), KR_OK);
    char *id = kr_xstrdup(s.id);
    kr_session_fini(&s);
    return id;
}

static char *add_visit(const char *session, const char *label)
{
    struct kr_visit v = {.session_id = kr_xstrdup(session), .label = kr_xstrdup(label)};
    ck_assert_int_eq(kr_store_visit_add(st, &v, &err), KR_OK);
    char *id = kr_xstrdup(v.id);
    kr_visit_fini(&v);
    return id;
}

static char *add_note(const char *visit, const char *text)
{
    struct kr_observation o = {.visit_id = kr_xstrdup(visit), .text = kr_xstrdup(text)};
    ck_assert_int_eq(kr_store_obs_add(st, &o, &err), KR_OK);
    char *id = kr_xstrdup(o.id);
    kr_observation_fini(&o);
    return id;
}

/* The store's counts of SESSION (kept) against the ones counted from the rows, and the
   expected figures. */
static void expect(const char *session, long long visits, long long notes)
{
    struct kr_session s = {0};
    ck_assert_int_eq(kr_store_session_get(st, session, &s, &err), KR_OK);
    long long counted_visits = one("SELECT count(*) FROM visit WHERE session_id = ?1", session);
    long long counted_notes = one("SELECT count(*) FROM observation o JOIN visit v"
                                  " ON v.id = o.visit_id WHERE v.session_id = ?1"
                                  " AND o.deleted_at IS NULL",
                                  session);
    ck_assert_int_eq(counted_visits, visits);
    ck_assert_int_eq(counted_notes, notes);
    ck_assert_int_eq(s.n_visits, visits);
    ck_assert_int_eq(s.n_observations, notes);
    kr_session_fini(&s);
}

START_TEST(test_counts_follow_notes_delete_restore_and_moves)
{
    char *a = add_session("2026-03-12"), *b = add_session("2026-03-19");
    char *va = add_visit(a, "groep 5"), *va2 = add_visit(a, "groep 6"),
         *vb = add_visit(b, "klas 2b");
    expect(a, 2, 0);
    expect(b, 1, 0);
    char *n1 = add_note(va, "Jongen telt hardop tot 7.");
    char *n2 = add_note(va, "Meisje legt drie blokjes.");
    char *n3 = add_note(va2, "Leraar vraagt: hoe weet je dat?");
    free(add_note(vb, "Twee leerlingen overleggen."));
    expect(a, 2, 3);
    expect(b, 1, 1);
    /* Deleting a note (soft) and restoring it. */
    ck_assert_int_eq(kr_store_obs_delete(st, n1, &err), KR_OK);
    expect(a, 2, 2);
    ck_assert_int_eq(kr_store_obs_restore(st, n1, &err), KR_OK);
    expect(a, 2, 3);
    /* Moving a live note to a visit of another bijeenkomst, and a deleted one (no change). */
    char q[512];
    snprintf(q, sizeof q, "UPDATE observation SET visit_id = '%s' WHERE id = '%s'", vb, n2);
    sql(q);
    expect(a, 2, 2);
    expect(b, 1, 2);
    ck_assert_int_eq(kr_store_obs_delete(st, n3, &err), KR_OK);
    snprintf(q, sizeof q, "UPDATE observation SET visit_id = '%s' WHERE id = '%s'", vb, n3);
    sql(q);
    expect(a, 2, 1);
    expect(b, 1, 2);
    /* Moving a whole visit (with its notes) to the other bijeenkomst. */
    snprintf(q, sizeof q, "UPDATE visit SET session_id = '%s' WHERE id = '%s'", b, va);
    sql(q);
    expect(a, 1, 0);
    expect(b, 2, 3);
    /* Removing a visit (as a sync tombstone does) and then its notes, and a hard delete. */
    snprintf(q, sizeof q,
             "PRAGMA foreign_keys = OFF; DELETE FROM visit WHERE id = '%s';"
             " DELETE FROM observation WHERE visit_id = '%s'",
             va, va);
    sql(q);
    expect(b, 1, 2);
    /* A bijeenkomst soft-deleted and restored keeps its counts. */
    ck_assert_int_eq(kr_store_session_delete(st, b, &err), KR_OK);
    ck_assert_int_eq(kr_store_session_restore(st, b, &err), KR_OK);
    expect(b, 1, 2);
    free(a), free(b), free(va), free(va2), free(vb), free(n1), free(n2), free(n3);
}
END_TEST

START_TEST(test_counts_session_inserted_after_its_visits)
{
    /* Sync may apply a visit (and its notes) before its bijeenkomst arrives; and a REPLACE
       inserts the row again. The bijeenkomst counts what is already there. */
    sql("PRAGMA foreign_keys = OFF;"
        "INSERT INTO visit(id, session_id, label) VALUES ('v1', 's1', 'groep 7');"
        "INSERT INTO observation(id, visit_id, at, text, created_at, updated_at) VALUES"
        " ('o1', 'v1', '2026-03-12T09:00:00+01:00', 'Jongen wijst.', 'x', 'x'),"
        " ('o2', 'v1', '2026-03-12T09:01:00+01:00', 'Meisje schrijft.', 'x', 'x');"
        "INSERT INTO session(id, kind, date, basisvaardigheid, kijkvraag_text, is_demo,"
        " created_at, updated_at) VALUES ('s1', 'start', '2026-03-26', 'rekenen-wiskunde', 'Wat?',"
        " 0, 'x', 'x');");
    expect("s1", 1, 2);
    sql("REPLACE INTO session(id, kind, date, basisvaardigheid, kijkvraag_text, is_demo,"
        " created_at, updated_at) VALUES ('s1', 'start', '2026-03-27', 'rekenen-wiskunde', 'Wat?',"
        " 0, 'x', 'y');");
    expect("s1", 1, 2);
}
END_TEST

/* The kept counts of SESSION in another database (the file at PATH) against the counted. */
static void expect_in(struct kr_store *other, const char *file, const char *session,
                      long long visits, long long notes)
{
    sqlite3 *keep = raw;
    ck_assert_int_eq(sqlite3_open(file, &raw), SQLITE_OK);
    struct kr_store *home = st;
    st = other;
    expect(session, visits, notes);
    st = home;
    sqlite3_close(raw);
    raw = keep;
}

static struct kr_store *open_other(const char *name, char *file, size_t size)
{
    snprintf(file, size, "%s/%s.db", dir, name);
    struct kr_store *o = NULL;
    ck_assert_int_eq(kr_store_open(file, &o, &err), KR_OK);
    return o;
}

START_TEST(test_counts_after_import_merge_and_sync)
{
    char *a = add_session("2026-03-12");
    char *v1 = add_visit(a, "groep 5"), *v2 = add_visit(a, "groep 6");
    char *n1 = add_note(v1, "Jongen telt hardop tot 7.");
    free(add_note(v1, "Meisje legt drie blokjes."));
    free(add_note(v2, "Leraar vraagt: hoe weet je dat?"));
    ck_assert_int_eq(kr_store_obs_delete(st, n1, &err), KR_OK);
    expect(a, 2, 2);
    /* Import of the bijeenkomst's export into an empty database. */
    char *json = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&json, &len);
    ck_assert_int_eq(kr_store_export_json(st, a, f, &err), KR_OK);
    fclose(f);
    char fi[160], fm[160], fs[160];
    struct kr_store *imp = open_other("imported", fi, sizeof fi);
    ck_assert_int_eq(kr_store_import_json(imp, json, len, "a.json", NULL, &err), KR_OK);
    expect_in(imp, fi, a, 2, 2);
    /* ... and again (nothing new), then a merge of the whole database into another one. */
    ck_assert_int_eq(kr_store_import_json(imp, json, len, "a.json", NULL, &err), KR_OK);
    expect_in(imp, fi, a, 2, 2);
    struct kr_store *mer = open_other("merged", fm, sizeof fm);
    ck_assert_int_eq(kr_store_merge(mer, path, NULL, &err), KR_OK);
    expect_in(mer, fm, a, 2, 2);
    /* A merge after a restore and a new note brings both. */
    ck_assert_int_eq(kr_store_obs_restore(st, n1, &err), KR_OK);
    free(add_note(v2, "Twee leerlingen overleggen."));
    ck_assert_int_eq(kr_store_merge(mer, path, NULL, &err), KR_OK);
    expect_in(mer, fm, a, 2, 4);
    /* Sync through a folder to a new laptop, and a delete and a new visit back again. */
    char shared[160];
    snprintf(shared, sizeof shared, "%s/gedeeld", dir);
    ck_assert_int_eq(mkdir(shared, 0700), 0);
    struct kr_store *lap = open_other("laptop", fs, sizeof fs);
    ck_assert_int_eq(kr_store_sync(st, shared, NULL, NULL, NULL, &err), KR_OK);
    ck_assert_int_eq(kr_store_sync(lap, shared, NULL, NULL, NULL, &err), KR_OK);
    expect_in(lap, fs, a, 2, 4);
    ck_assert_int_eq(kr_store_obs_delete(lap, n1, &err), KR_OK);
    struct kr_visit v = {.session_id = kr_xstrdup(a), .label = kr_xstrdup("groep 8")};
    ck_assert_int_eq(kr_store_visit_add(lap, &v, &err), KR_OK);
    struct kr_observation o = {.visit_id = kr_xstrdup(v.id), .text = kr_xstrdup("Stil werken.")};
    ck_assert_int_eq(kr_store_obs_add(lap, &o, &err), KR_OK);
    ck_assert_int_eq(kr_store_sync(lap, shared, NULL, NULL, NULL, &err), KR_OK);
    ck_assert_int_eq(kr_store_sync(st, shared, NULL, NULL, NULL, &err), KR_OK);
    expect(a, 3, 4);
    expect_in(lap, fs, a, 3, 4);
    /* A second round on both changes nothing. */
    ck_assert_int_eq(kr_store_sync(lap, shared, NULL, NULL, NULL, &err), KR_OK);
    ck_assert_int_eq(kr_store_sync(st, shared, NULL, NULL, NULL, &err), KR_OK);
    expect(a, 3, 4);
    expect_in(lap, fs, a, 3, 4);
    kr_visit_fini(&v);
    kr_observation_fini(&o);
    kr_store_close(imp);
    kr_store_close(mer);
    kr_store_close(lap);
    free(json);
    free(a), free(v1), free(v2), free(n1);
}
END_TEST

START_TEST(test_counts_migration_fills_them)
{
    kr_store_close(st);
    sqlite3_close(raw);
    snprintf(path, sizeof path, "%s/old.db", dir);
    ck_assert_int_eq(kr_store_open_at_version(path, kr_store_schema_latest() - 1, &st, &err),
                     KR_OK);
    char *a = add_session("2026-03-12");
    char *v1 = add_visit(a, "groep 5"), *v2 = add_visit(a, "groep 6");
    char *n = add_note(v1, "Jongen telt hardop tot 7.");
    free(add_note(v2, "Meisje legt drie blokjes."));
    free(add_note(v2, "Leraar wacht."));
    ck_assert_int_eq(kr_store_obs_delete(st, n, &err), KR_OK);
    kr_store_close(st);
    ck_assert_int_eq(kr_store_open(path, &st, &err), KR_OK);
    ck_assert_int_eq(kr_store_schema_version(st), kr_store_schema_latest());
    ck_assert_int_eq(sqlite3_open(path, &raw), SQLITE_OK);
    expect(a, 2, 2);
    free(a), free(v1), free(v2), free(n);
}
END_TEST

static Suite *counts_suite(void)
{
    Suite *s = suite_create("counts");
    TCase *tc = tcase_create("kept");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_counts_follow_notes_delete_restore_and_moves);
    tcase_add_test(tc, test_counts_session_inserted_after_its_visits);
    tcase_add_test(tc, test_counts_after_import_merge_and_sync);
    tcase_add_test(tc, test_counts_migration_fills_them);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(counts_suite());
}
