/* SPDX-License-Identifier: MIT */
/* Unit tests for the store: round trips, migrations, history, soft delete, drafts. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kijkronde/mem.h"
#include "kijkronde/store.h"
#include "krtest.h"

static struct kr_store *st;
static struct kr_error err;
static char *session_id, *visit_id;

static void make_session(void)
{
    struct kr_session s = {.date = kr_xstrdup("2026-03-12"),
                           .host_school = kr_xstrdup("Basisschool De Wilg"),
                           .basis = KR_BASIS_REKENEN,
                           .kijkvraag_text = kr_xstrdup("Wat doen leerlingen als ze vastlopen?")};
    ck_assert_int_eq(kr_store_session_add(st, &s, &err), KR_OK);
    session_id = kr_xstrdup(s.id);
    kr_session_fini(&s);
    struct kr_visit v = {.session_id = kr_xstrdup(session_id),
                         .label = kr_xstrdup("groep 5"),
                         .subject = kr_xstrdup("rekenen"),
                         .started_at = kr_xstrdup("2026-03-12T09:10:00+01:00")};
    ck_assert_int_eq(kr_store_visit_add(st, &v, &err), KR_OK);
    visit_id = kr_xstrdup(v.id);
    kr_visit_fini(&v);
}

static void setup(void)
{
    kr_error_clear(&err);
    ck_assert_int_eq(kr_store_open(":memory:", &st, &err), KR_OK);
    make_session();
}

static void teardown(void)
{
    kr_store_close(st);
    free(session_id);
    free(visit_id);
    st = NULL;
}

static char *add_note(const char *text, enum kr_corner c)
{
    struct kr_observation o = {.visit_id = kr_xstrdup(visit_id),
                               .text = kr_xstrdup(text),
                               .corner = c,
                               .observer = kr_xstrdup("AB")};
    ck_assert_int_eq(kr_store_obs_add(st, &o, &err), KR_OK);
    char *id = kr_xstrdup(o.id);
    kr_observation_fini(&o);
    return id;
}

START_TEST(test_store_note_round_trip_keeps_utf8_exactly)
{
    const char *texts[] = {"Meisje zegt: ‘Ik snap 3/4 niet.’", "Leerling bij raam: “één, twee”",
                           "Naïef geïnterpreteerd: ëï’ 😀 日本"};
    for (size_t i = 0; i < 3; i++) {
        char *id = add_note(texts[i], KR_CORNER_LEERLING);
        struct kr_observation o = {0};
        ck_assert_int_eq(kr_store_obs_get(st, id, &o, &err), KR_OK);
        ck_assert_str_eq(o.text, texts[i]);
        ck_assert_int_eq(o.corner, KR_CORNER_LEERLING);
        ck_assert_str_eq(o.observer, "AB");
        ck_assert_str_eq(o.visit_id, visit_id);
        ck_assert_uint_eq(strlen(o.id), 36);
        ck_assert_ptr_nonnull(o.at);
        kr_observation_fini(&o);
        free(id);
    }
    struct kr_session s = {0};
    ck_assert_int_eq(kr_store_session_get(st, session_id, &s, &err), KR_OK);
    ck_assert_int_eq(s.n_observations, 3);
    ck_assert_int_eq(s.n_visits, 1);
    ck_assert_int_eq(s.basis, KR_BASIS_REKENEN);
    kr_session_fini(&s);
}
END_TEST

START_TEST(test_store_large_note_and_invalid_utf8)
{
    char *big = kr_xmalloc(10241);
    for (size_t i = 0; i < 10240; i++)
        big[i] = (char)('a' + i % 26);
    big[10240] = '\0';
    char *id = add_note(big, KR_CORNER_NONE);
    struct kr_observation o = {0};
    ck_assert_int_eq(kr_store_obs_get(st, id, &o, &err), KR_OK);
    ck_assert_uint_eq(strlen(o.text), 10240);
    ck_assert_int_eq(o.corner, KR_CORNER_NONE);
    kr_observation_fini(&o);
    free(id);
    free(big);
    struct kr_observation bad = {.visit_id = kr_xstrdup(visit_id), .text = kr_xstrdup("a\xff")};
    ck_assert_int_eq(kr_store_obs_add(st, &bad, &err), KR_INVALID);
    kr_observation_fini(&bad);
}
END_TEST

START_TEST(test_store_edit_keeps_history)
{
    char *id = add_note("De juf legt het goed uit.", KR_CORNER_NONE);
    ck_assert_int_eq(
        kr_store_obs_edit(st, id, "Juf vraagt: 'Hoe heb je dat gedaan?'", KR_CORNER_LERAAR, &err),
        KR_OK);
    struct kr_observation o = {0};
    ck_assert_int_eq(kr_store_obs_get(st, id, &o, &err), KR_OK);
    ck_assert_str_eq(o.text, "Juf vraagt: 'Hoe heb je dat gedaan?'");
    ck_assert_int_eq(o.corner, KR_CORNER_LERAAR);
    kr_observation_fini(&o);
    struct kr_obs_version_list h = {0};
    ck_assert_int_eq(kr_store_obs_history(st, id, &h, &err), KR_OK);
    ck_assert_uint_eq(h.n, 2);
    ck_assert_str_eq(h.items[0].change, "aangemaakt");
    ck_assert_str_eq(h.items[0].text, "De juf legt het goed uit.");
    ck_assert_str_eq(h.items[1].change, "bewerkt");
    kr_obs_version_list_fini(&h);
    ck_assert_int_eq(kr_store_obs_edit(st, "nope", "x", KR_CORNER_NONE, &err), KR_NOT_FOUND);
    free(id);
}
END_TEST

START_TEST(test_store_soft_delete_and_restore)
{
    char *id = add_note("5 van 26 leerlingen steken hun vinger op.", KR_CORNER_LEERLING);
    char *keep = add_note("Leerling bij raam kijkt naar buiten.", KR_CORNER_NONE);
    ck_assert_int_eq(kr_store_obs_delete(st, id, &err), KR_OK);
    struct kr_obs_filter f = {.session_id = session_id};
    struct kr_observation_list l = {0};
    ck_assert_int_eq(kr_store_obs_list(st, &f, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 1);
    ck_assert_str_eq(l.items[0].id, keep);
    kr_observation_list_fini(&l);
    f.include_deleted = true;
    ck_assert_int_eq(kr_store_obs_list(st, &f, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 2);
    kr_observation_list_fini(&l);
    /* The deleted note still has its text and a 'verwijderd' version. */
    struct kr_obs_version_list h = {0};
    ck_assert_int_eq(kr_store_obs_history(st, id, &h, &err), KR_OK);
    ck_assert_uint_eq(h.n, 2);
    ck_assert_str_eq(h.items[1].change, "verwijderd");
    ck_assert_str_eq(h.items[1].text, "5 van 26 leerlingen steken hun vinger op.");
    kr_obs_version_list_fini(&h);
    ck_assert_int_eq(kr_store_obs_restore(st, id, &err), KR_OK);
    f.include_deleted = false;
    ck_assert_int_eq(kr_store_obs_list(st, &f, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 2);
    kr_observation_list_fini(&l);
    free(id);
    free(keep);
}
END_TEST

START_TEST(test_store_session_soft_delete_and_restore)
{
    char *note = add_note("Jongen legt drie blokjes.", KR_CORNER_LEERLING);
    ck_assert_int_eq(kr_store_session_delete(st, session_id, &err), KR_OK);
    struct kr_session s = {0};
    ck_assert_int_eq(kr_store_session_get(st, session_id, &s, &err), KR_NOT_FOUND);
    kr_session_fini(&s);
    struct kr_session_list l = {0};
    ck_assert_int_eq(kr_store_session_list(st, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 0);
    kr_session_list_fini(&l);
    char *id = NULL;
    ck_assert_int_eq(kr_store_session_resolve(st, "latest", &id, &err), KR_NOT_FOUND);
    ck_assert_int_eq(kr_store_session_resolve(st, session_id, &id, &err), KR_NOT_FOUND);
    ck_assert_ptr_null(id);
    /* Twice is not found; the notes stay. */
    ck_assert_int_eq(kr_store_session_delete(st, session_id, &err), KR_NOT_FOUND);
    struct kr_observation o = {0};
    ck_assert_int_eq(kr_store_obs_get(st, note, &o, &err), KR_OK);
    kr_observation_fini(&o);
    /* Undo brings it back with its counts. */
    ck_assert_int_eq(kr_store_session_restore(st, session_id, &err), KR_OK);
    ck_assert_int_eq(kr_store_session_restore(st, session_id, &err), KR_NOT_FOUND);
    ck_assert_int_eq(kr_store_session_get(st, session_id, &s, &err), KR_OK);
    ck_assert_int_eq(s.n_visits, 1);
    ck_assert_int_eq(s.n_observations, 1);
    kr_session_fini(&s);
    ck_assert_int_eq(kr_store_session_resolve(st, "latest", &id, &err), KR_OK);
    ck_assert_str_eq(id, session_id);
    free(id);
    free(note);
}
END_TEST

START_TEST(test_store_search_finds_words)
{
    char *a = add_note("Twee leerlingen pakken de breukenstroken.", KR_CORNER_NONE);
    char *b = add_note("Leraar schrijft 3/4 op het bord.", KR_CORNER_NONE);
    struct kr_obs_filter f = {.session_id = session_id, .search = "breukenstroken"};
    struct kr_observation_list l = {0};
    ck_assert_int_eq(kr_store_obs_list(st, &f, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 1);
    ck_assert_str_eq(l.items[0].id, a);
    kr_observation_list_fini(&l);
    /* An edit is found under its new words only. */
    ck_assert_int_eq(
        kr_store_obs_edit(st, b, "Leraar wijst naar de getallenlijn.", KR_CORNER_NONE, &err),
        KR_OK);
    f.search = "getallenlijn";
    ck_assert_int_eq(kr_store_obs_list(st, &f, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 1);
    kr_observation_list_fini(&l);
    f.search = "bord";
    ck_assert_int_eq(kr_store_obs_list(st, &f, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 0);
    kr_observation_list_fini(&l);
    free(a);
    free(b);
}
END_TEST

START_TEST(test_store_draft_put_get_clear)
{
    char *d = NULL;
    ck_assert_int_eq(kr_store_draft_get(st, visit_id, &d, &err), KR_OK);
    ck_assert_ptr_null(d);
    ck_assert_int_eq(kr_store_draft_put(st, visit_id, "Meisje zeg", &err), KR_OK);
    ck_assert_int_eq(kr_store_draft_put(st, visit_id, "Meisje zegt: ‘Ik", &err), KR_OK);
    ck_assert_int_eq(kr_store_draft_get(st, visit_id, &d, &err), KR_OK);
    ck_assert_str_eq(d, "Meisje zegt: ‘Ik");
    free(d);
    ck_assert_int_eq(kr_store_draft_put(st, visit_id, "", &err), KR_OK);
    ck_assert_int_eq(kr_store_draft_get(st, visit_id, &d, &err), KR_OK);
    ck_assert_ptr_null(d);
}
END_TEST

START_TEST(test_store_resolve_session_refs)
{
    char *id = NULL;
    ck_assert_int_eq(kr_store_session_resolve(st, "latest", &id, &err), KR_OK);
    ck_assert_str_eq(id, session_id);
    free(id);
    char prefix[9];
    memcpy(prefix, session_id, 8);
    prefix[8] = '\0';
    ck_assert_int_eq(kr_store_session_resolve(st, prefix, &id, &err), KR_OK);
    ck_assert_str_eq(id, session_id);
    free(id);
    ck_assert_int_eq(kr_store_session_resolve(st, "zzz", &id, &err), KR_NOT_FOUND);
    ck_assert_ptr_nonnull(strstr(err.msg, "zzz"));
    /* Two sessions sharing a prefix: ambiguous. */
    struct kr_session s2 = {.id = kr_xstrdup("abc-1"),
                            .date = kr_xstrdup("2026-01-01"),
                            .kijkvraag_text = kr_xstrdup("k")};
    struct kr_session s3 = {.id = kr_xstrdup("abc-2"),
                            .date = kr_xstrdup("2026-01-02"),
                            .kijkvraag_text = kr_xstrdup("k")};
    ck_assert_int_eq(kr_store_session_add(st, &s2, &err), KR_OK);
    ck_assert_int_eq(kr_store_session_add(st, &s3, &err), KR_OK);
    ck_assert_int_eq(kr_store_session_resolve(st, "abc", &id, &err), KR_AMBIGUOUS);
    ck_assert_int_eq(kr_store_session_resolve(st, "abc-1", &id, &err), KR_OK);
    free(id);
    kr_session_fini(&s2);
    kr_session_fini(&s3);
}
END_TEST

START_TEST(test_store_rejects_bad_session)
{
    struct kr_session s = {.date = kr_xstrdup("12-03-2026"), .kijkvraag_text = kr_xstrdup("k")};
    ck_assert_int_eq(kr_store_session_add(st, &s, &err), KR_INVALID);
    ck_assert_ptr_nonnull(strstr(err.msg, "12-03-2026"));
    kr_session_fini(&s);
    struct kr_observation o = {.visit_id = kr_xstrdup("no-such-visit"), .text = kr_xstrdup("x")};
    ck_assert_int_ne(kr_store_obs_add(st, &o, &err), KR_OK); /* foreign key */
    kr_observation_fini(&o);
}
END_TEST

/* ---- files: migrations, modes, refusals ---- */

static char dir[64];

static void file_setup(void)
{
    strcpy(dir, "/tmp/kr-store-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void file_teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

START_TEST(test_store_new_file_is_private_wal_and_current)
{
    char path[128];
    snprintf(path, sizeof path, "%s/sub/dir/k.db", dir);
    struct kr_store *s;
    ck_assert_int_eq(kr_store_open(path, &s, &err), KR_OK);
    ck_assert_int_eq(kr_store_schema_version(s), kr_store_schema_latest());
    ck_assert_int_eq(kr_store_check_integrity(s, &err), KR_OK);
    kr_store_close(s);
    struct stat sb;
    ck_assert_int_eq(stat(path, &sb), 0);
    ck_assert_int_eq(sb.st_mode & 0777, 0600);
    snprintf(path, sizeof path, "%s/sub", dir);
    ck_assert_int_eq(stat(path, &sb), 0);
    ck_assert_int_eq(sb.st_mode & 0777, 0700);
}
END_TEST

START_TEST(test_store_migrates_from_previous_version_keeping_notes)
{
    char path[128];
    snprintf(path, sizeof path, "%s/old.db", dir);
    struct kr_store *s;
    ck_assert_int_eq(kr_store_open_at_version(path, 1, &s, &err), KR_OK);
    ck_assert_int_eq(kr_store_schema_version(s), 1);
    kr_store_close(s);
    /* Today's note insert names the version's base (migration 13): the old file gets the
       column for as long as the note is written, and loses it before it is migrated. */
    char *cmd =
        kr_xasprintf("sqlite3 '%s' 'ALTER TABLE observation_version ADD COLUMN base TEXT'", path);
    ck_assert_int_eq(system(cmd), 0);
    free(cmd);
    ck_assert_int_eq(kr_store_open_at_version(path, 1, &s, &err), KR_OK);
    st = s;
    make_session();
    char *id = add_note("Jongen vooraan telt hardop tot 7.", KR_CORNER_LEERLING);
    kr_store_close(s);
    cmd = kr_xasprintf("sqlite3 '%s' 'ALTER TABLE observation_version DROP COLUMN base'", path);
    ck_assert_int_eq(system(cmd), 0);
    free(cmd);
    ck_assert_int_eq(kr_store_open(path, &s, &err), KR_OK);
    ck_assert_int_eq(kr_store_schema_version(s), kr_store_schema_latest());
    struct kr_observation o = {0};
    ck_assert_int_eq(kr_store_obs_get(s, id, &o, &err), KR_OK);
    ck_assert_str_eq(o.text, "Jongen vooraan telt hardop tot 7.");
    kr_observation_fini(&o);
    /* Notes written before the search index existed are found by it. */
    struct kr_obs_filter f = {.session_id = session_id, .search = "hardop"};
    struct kr_observation_list l = {0};
    ck_assert_int_eq(kr_store_obs_list(s, &f, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 1);
    kr_observation_list_fini(&l);
    kr_store_close(s);
    st = NULL;
    free(id);
    free(session_id);
    free(visit_id);
    session_id = visit_id = NULL;
}
END_TEST

START_TEST(test_store_refuses_without_touching)
{
    char path[128];
    struct kr_store *s;
    /* A directory. */
    ck_assert_int_eq(kr_store_open(dir, &s, &err), KR_INVALID);
    ck_assert_ptr_nonnull(strstr(err.msg, dir));
    /* A file that is not SQLite stays byte for byte the same. */
    snprintf(path, sizeof path, "%s/notes.txt", dir);
    FILE *f = fopen(path, "w");
    fputs("mijn aantekeningen\n", f);
    fclose(f);
    ck_assert_int_eq(kr_store_open(path, &s, &err), KR_DB_NOT_DB);
    ck_assert_ptr_nonnull(strstr(err.msg, path));
    f = fopen(path, "r");
    char buf[64] = {0};
    ck_assert_ptr_nonnull(fgets(buf, sizeof buf, f));
    fclose(f);
    ck_assert_str_eq(buf, "mijn aantekeningen\n");
    /* A database from a newer kijkronde. */
    snprintf(path, sizeof path, "%s/new.db", dir);
    ck_assert_int_eq(kr_store_open(path, &s, &err), KR_OK);
    kr_store_close(s);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "sqlite3 '%s' 'PRAGMA user_version=99' 2>/dev/null", path);
    if (system(cmd) == 0) {
        ck_assert_int_eq(kr_store_open(path, &s, &err), KR_DB_TOO_NEW);
        ck_assert_ptr_nonnull(strstr(err.msg, "nieuwere"));
    }
}
END_TEST

/* Read a whole small file into buf; its length, or -1. */
static long slurp(const char *path, char *buf, size_t size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t n = fread(buf, 1, size, f);
    fclose(f);
    return (long)n;
}

START_TEST(test_store_refuses_foreign_sqlite_by_application_id)
{
    char path[128], side[160], cmd[512];
    struct kr_store *s;
    snprintf(path, sizeof path, "%s/ander.db", dir);
    snprintf(cmd, sizeof cmd,
             "sqlite3 '%s' \"CREATE TABLE boek(t); INSERT INTO boek VALUES ('x');"
             " PRAGMA journal_mode = delete;\" >/dev/null 2>&1",
             path);
    if (system(cmd) != 0)
        return; /* no sqlite3 program */
    static char before[65536], after[65536];
    long n = slurp(path, before, sizeof before);
    ck_assert_int_gt(n, 0);
    ck_assert_int_eq(kr_store_open(path, &s, &err), KR_DB_NOT_DB);
    ck_assert_ptr_nonnull(strstr(err.msg, "geen kijkronde-database"));
    ck_assert_ptr_nonnull(strstr(err.msg, path));
    ck_assert_int_eq(slurp(path, after, sizeof after), n);
    ck_assert_mem_eq(before, after, (size_t)n);
    snprintf(side, sizeof side, "%s-wal", path);
    ck_assert_int_ne(access(side, F_OK), 0);
    snprintf(side, sizeof side, "%s-journal", path);
    ck_assert_int_ne(access(side, F_OK), 0);
    /* Another program's id, even with kijkronde's table names. */
    snprintf(path, sizeof path, "%s/id.db", dir);
    snprintf(cmd, sizeof cmd,
             "sqlite3 '%s' 'PRAGMA application_id = 7; CREATE TABLE session(id);' >/dev/null",
             path);
    ck_assert_int_eq(system(cmd), 0);
    ck_assert_int_eq(kr_store_open(path, &s, &err), KR_DB_NOT_DB);
    ck_assert_ptr_nonnull(strstr(err.msg, "0x00000007"));
    /* Ours: a new database carries the id. */
    snprintf(path, sizeof path, "%s/ons.db", dir);
    ck_assert_int_eq(kr_store_open(path, &s, &err), KR_OK);
    kr_store_close(s);
    snprintf(cmd, sizeof cmd, "test \"$(sqlite3 '%s' 'PRAGMA application_id')\" = 1263685454",
             path);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

static Suite *store_suite(void)
{
    Suite *s = suite_create("store");
    TCase *tc = tcase_create("memory");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_store_note_round_trip_keeps_utf8_exactly);
    tcase_add_test(tc, test_store_large_note_and_invalid_utf8);
    tcase_add_test(tc, test_store_edit_keeps_history);
    tcase_add_test(tc, test_store_soft_delete_and_restore);
    tcase_add_test(tc, test_store_session_soft_delete_and_restore);
    tcase_add_test(tc, test_store_search_finds_words);
    tcase_add_test(tc, test_store_draft_put_get_clear);
    tcase_add_test(tc, test_store_resolve_session_refs);
    tcase_add_test(tc, test_store_rejects_bad_session);
    suite_add_tcase(s, tc);
    tc = tcase_create("files");
    tcase_add_checked_fixture(tc, file_setup, file_teardown);
    tcase_add_test(tc, test_store_new_file_is_private_wal_and_current);
    tcase_add_test(tc, test_store_migrates_from_previous_version_keeping_notes);
    tcase_add_test(tc, test_store_refuses_without_touching);
    tcase_add_test(tc, test_store_refuses_foreign_sqlite_by_application_id);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(store_suite());
}
