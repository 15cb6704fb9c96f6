/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the use cases of the application layer that the command line reaches the
 * database through (include/kijkronde/app.h), on ":memory:" (and a temporary file where a
 * second database must be opened by path): a bijeenkomst and a network found by what the user
 * typed; an export imported into another database, twice (the second time changes nothing),
 * with the progress watcher told; a merge; the network report and its text; a sync of two
 * laptops through one folder; a note from a recovery file, saved but not undoable; the demo,
 * made once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kijkronde/app.h"
#include "kijkronde/mem.h"
#include "krtest.h"

static struct kr_app *app;
static struct kr_error err;
static char *sid, *vid, *nid;

static void setup(void)
{
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(kr_app_open(":memory:", &app, &err), KR_OK);
    struct kr_session s = {.date = kr_xstrdup("2026-03-12"),
                           .host_school = kr_xstrdup("OBS De Regenboog"),
                           .kijkvraag_text = kr_xstrdup("Wat doen leerlingen als ze vastlopen?")};
    struct kr_app_session_form f = {
        .s = &s, .network_name = "Leernetwerk Rekenen", .tweetallen = "Anna & Bram"};
    ck_assert_int_eq(kr_app_session_save(app, &f, &err), KR_OK);
    sid = kr_xstrdup(s.id);
    nid = kr_xstrdup(s.network_id);
    kr_session_fini(&s);
    struct kr_visit v = {.session_id = kr_xstrdup(sid), .label = kr_xstrdup("groep 5")};
    ck_assert_int_eq(kr_app_visit_start(app, &v, "Cees & Dirk", &err), KR_OK);
    vid = kr_xstrdup(v.id);
    kr_visit_fini(&v);
    const char *texts[] = {"Een leerling telt op zijn vingers.", "De leraar wacht tien tellen."};
    for (size_t i = 0; i < 2; i++) {
        struct kr_observation o = {.visit_id = kr_xstrdup(vid),
                                   .at = kr_xasprintf("2026-03-12T09:%02zu:00+01:00", i),
                                   .text = kr_xstrdup(texts[i])};
        ck_assert_int_eq(kr_app_note_add(app, &o, &err), KR_OK);
        kr_observation_fini(&o);
    }
}

static void teardown(void)
{
    kr_app_close(app);
    free(sid);
    free(vid);
    free(nid);
}

/* What a use case writes to a stream, as a heap string. */
struct capture {
    char *buf;
    size_t len;
    FILE *f;
};

static FILE *capture_open(struct capture *c)
{
    memset(c, 0, sizeof *c);
    c->f = open_memstream(&c->buf, &c->len);
    ck_assert_ptr_nonnull(c->f);
    return c->f;
}

static char *capture_close(struct capture *c)
{
    fclose(c->f);
    return c->buf;
}

START_TEST(test_session_resolve)
{
    char *id = NULL;
    ck_assert_int_eq(kr_app_session_resolve(app, "latest", &id, &err), KR_OK);
    ck_assert_str_eq(id, sid);
    free(id);
    char prefix[9];
    snprintf(prefix, sizeof prefix, "%s", sid);
    ck_assert_int_eq(kr_app_session_resolve(app, prefix, &id, &err), KR_OK);
    ck_assert_str_eq(id, sid);
    free(id);
    id = NULL;
    ck_assert_int_eq(kr_app_session_resolve(app, "zzzz", &id, &err), KR_NOT_FOUND);
    ck_assert_ptr_null(id);
    ck_assert_ptr_nonnull(strstr(err.msg, "zzzz")); /* the Dutch sentence names the reference */
}
END_TEST

START_TEST(test_network_resolve_by_name_and_report)
{
    char *id = NULL;
    ck_assert_int_eq(kr_app_network_resolve(app, "Leernetwerk Rekenen", &id, &err), KR_OK);
    ck_assert_str_eq(id, nid);
    free(id);
    id = NULL;
    ck_assert_int_eq(kr_app_network_resolve(app, "Ander netwerk", &id, &err), KR_NOT_FOUND);
    ck_assert_ptr_null(id);

    struct capture c;
    ck_assert_int_eq(kr_app_network_report(app, nid, KR_EXPORT_JSON, NULL, capture_open(&c), &err),
                     KR_OK);
    char *json = capture_close(&c);
    ck_assert_ptr_nonnull(strstr(json, "Leernetwerk Rekenen"));
    ck_assert_ptr_nonnull(strstr(json, sid));
    free(json);
    ck_assert_int_eq(kr_app_network_text(app, nid, capture_open(&c), &err), KR_OK);
    char *text = capture_close(&c);
    ck_assert_ptr_nonnull(strstr(text, "OBS De Regenboog"));
    free(text);

    char path[] = "/tmp/kr-app-cli-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    ck_assert_int_eq(kr_app_network_report_file(app, nid, KR_EXPORT_MD, NULL, path, &err), KR_OK);
    FILE *f = fopen(path, "r");
    ck_assert_ptr_nonnull(f);
    char line[256] = "";
    ck_assert_ptr_nonnull(fgets(line, sizeof line, f));
    fclose(f);
    ck_assert_ptr_nonnull(strstr(line, "Leernetwerk Rekenen"));
    unlink(path);
}
END_TEST

static size_t progress_calls;

static void on_progress(void *ctx, size_t done, size_t total)
{
    (void)ctx;
    ck_assert_uint_le(done, total);
    progress_calls++;
}

/* The exported JSON of the fixture's bijeenkomst (heap). */
static char *export_json(struct kr_app *a, const char *session_id)
{
    struct capture c;
    ck_assert_int_eq(kr_app_export(a, session_id, KR_EXPORT_JSON, NULL, capture_open(&c), &err),
                     KR_OK);
    return capture_close(&c);
}

START_TEST(test_export_import_twice)
{
    char *json = export_json(app, sid);
    ck_assert_ptr_nonnull(strstr(json, "\"format\": \"kijkronde/1\""));
    struct kr_app *other = NULL;
    ck_assert_int_eq(kr_app_open(":memory:", &other, &err), KR_OK);
    struct kr_progress p = {on_progress, NULL};
    struct kr_exchange_stats st;
    progress_calls = 0;
    ck_assert_int_eq(kr_app_import_json(other, json, strlen(json), "test.json", &p, &st, &err),
                     KR_OK);
    ck_assert_int_eq(st.sessions_new, 1);
    ck_assert_int_eq(st.visits_new, 1);
    ck_assert_int_eq(st.observations_new, 2);
    ck_assert_uint_gt(progress_calls, 0);
    /* the same file again: nothing new, nothing changed */
    ck_assert_int_eq(kr_app_import_json(other, json, strlen(json), "test.json", NULL, &st, &err),
                     KR_OK);
    ck_assert_int_eq(st.sessions_new + st.visits_new + st.observations_new, 0);
    ck_assert_int_eq(st.observations_updated + st.sessions_updated, 0);
    char *again = export_json(other, sid);
    ck_assert_str_eq(again, json);
    free(again);
    /* a broken file: a Dutch sentence that names it, nothing imported */
    memset(&err, 0, sizeof err);
    ck_assert_int_ne(kr_app_import_json(other, "{", 1, "kapot.json", NULL, &st, &err), KR_OK);
    ck_assert_str_eq(err.file, "kapot.json");
    ck_assert_ptr_nonnull(strstr(err.msg, "niets geïmporteerd"));
    kr_app_close(other);
    free(json);
}
END_TEST

START_TEST(test_merge_and_export_file)
{
    char dir[] = "/tmp/kr-app-cli-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char *db = kr_xasprintf("%s/ander.db", dir), *md = kr_xasprintf("%s/verslag.md", dir);
    struct kr_app *other = NULL;
    ck_assert_int_eq(kr_app_open(db, &other, &err), KR_OK);
    ck_assert_str_eq(kr_app_path(other), db);
    char *json = export_json(app, sid);
    struct kr_exchange_stats st;
    ck_assert_int_eq(kr_app_import_json(other, json, strlen(json), "x", NULL, &st, &err), KR_OK);
    free(json);
    struct kr_observation o = {.visit_id = kr_xstrdup(vid),
                               .at = kr_xstrdup("2026-03-12T09:30:00+01:00"),
                               .text = kr_xstrdup("Een meisje schrijft 3/4 op het bord.")};
    ck_assert_int_eq(kr_app_note_add(other, &o, &err), KR_OK);
    kr_observation_fini(&o);
    kr_app_close(other);

    ck_assert_int_eq(kr_app_merge(app, db, NULL, &st, &err), KR_OK);
    ck_assert_int_eq(st.observations_new, 1);
    ck_assert_int_eq(st.sessions_new, 0);
    ck_assert_int_eq(kr_app_merge(app, db, NULL, &st, &err), KR_OK);
    ck_assert_int_eq(st.observations_new + st.observations_updated, 0);

    ck_assert_int_eq(kr_app_export_file(app, sid, KR_EXPORT_MD, NULL, md, &err), KR_OK);
    ck_assert_int_eq(access(md, R_OK), 0);
    unlink(md);
    unlink(db);
    char *wal = kr_xasprintf("%s-wal", db), *shm = kr_xasprintf("%s-shm", db);
    unlink(wal);
    unlink(shm);
    rmdir(dir);
    free(wal);
    free(shm);
    free(db);
    free(md);
}
END_TEST

static int problems;

static void on_problem(void *ctx, const char *path, const char *why)
{
    (void)ctx;
    (void)path;
    (void)why;
    problems++;
}

/* Two laptops through one folder: the bijeenkomst of the first arrives at the second; a
 * folder that is not there is refused with a Dutch sentence before anything is made. */
START_TEST(test_sync_two_laptops)
{
    char dir[] = "/tmp/kr-app-cli-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char *shared = kr_xasprintf("%s/gedeeld", dir), *a_db = kr_xasprintf("%s/a.db", dir),
         *b_db = kr_xasprintf("%s/b.db", dir), *missing = kr_xasprintf("%s/weg", dir);
    ck_assert_int_eq(mkdir(shared, 0700), 0);
    ck_assert_int_eq(kr_app_sync_dir_usable(shared, &err), KR_OK);
    ck_assert_int_eq(kr_app_sync_dir_usable(missing, &err), KR_INVALID);
    ck_assert_ptr_nonnull(strstr(err.msg, missing));

    struct kr_app *a = NULL, *b = NULL;
    ck_assert_int_eq(kr_app_open(a_db, &a, &err), KR_OK);
    ck_assert_int_eq(kr_app_open(b_db, &b, &err), KR_OK);
    char *json = export_json(app, sid);
    struct kr_exchange_stats st;
    ck_assert_int_eq(kr_app_import_json(a, json, strlen(json), "x", NULL, &st, &err), KR_OK);
    free(json);
    struct kr_sync_stats s;
    problems = 0;
    ck_assert_int_eq(kr_app_sync(a, shared, &s, on_problem, NULL, &err), KR_OK);
    ck_assert_int_gt(s.sent, 0);
    ck_assert_int_eq(s.laptops, 1);
    ck_assert_int_eq(kr_app_sync(b, shared, &s, on_problem, NULL, &err), KR_OK);
    ck_assert_int_gt(s.chunks, 0);
    ck_assert_int_gt(s.received, 0);
    ck_assert_int_eq(s.laptops, 2);
    ck_assert_int_eq(problems, 0);
    struct kr_session got = {0};
    ck_assert_int_eq(kr_app_session_get(b, sid, &got, &err), KR_OK);
    ck_assert_str_eq(got.host_school, "OBS De Regenboog");
    ck_assert_int_eq(got.n_observations, 2);
    kr_session_fini(&got);
    /* again: nothing new either way */
    ck_assert_int_eq(kr_app_sync(a, shared, &s, NULL, NULL, &err), KR_OK);
    ck_assert_int_eq(s.sent + s.received, 0);
    kr_app_close(a);
    kr_app_close(b);
    char *cmd = kr_xasprintf("rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
    free(cmd);
    free(shared);
    free(a_db);
    free(b_db);
    free(missing);
}
END_TEST

/* A note read back from a recovery file is saved, and is no step of this run to undo. */
START_TEST(test_note_recover_not_undoable)
{
    kr_app_undo_forget(app);
    struct kr_observation o = {.visit_id = kr_xstrdup(vid),
                               .at = kr_xstrdup("2026-03-12T09:40:00+01:00"),
                               .text = kr_xstrdup("Een jongen pakt de hulpkaart.")};
    ck_assert_int_eq(kr_app_note_recover(app, &o, &err), KR_OK);
    ck_assert_ptr_nonnull(o.id);
    kr_observation_fini(&o);
    struct kr_app_undone u = {0};
    ck_assert_int_eq(kr_app_undo(app, &u, &err), KR_NOT_FOUND);
    struct kr_observation_list l = {0};
    struct kr_obs_filter f = {.visit_id = vid};
    ck_assert_int_eq(kr_app_notes_list(app, &f, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 3);
    ck_assert_str_eq(l.items[2].text, "Een jongen pakt de hulpkaart.");
    kr_observation_list_fini(&l);
}
END_TEST

/* The demo: made once, with its notes and the end of its debrief; a second fill finds it. */
START_TEST(test_demo_fill_once)
{
    struct kr_app *d = NULL;
    ck_assert_int_eq(kr_app_open(":memory:", &d, &err), KR_OK);
    char *id = NULL, *again = NULL;
    bool created = false;
    ck_assert_int_eq(kr_app_demo_fill(d, &id, &created, &err), KR_OK);
    ck_assert(created);
    struct kr_session s = {0};
    ck_assert_int_eq(kr_app_session_get(d, id, &s, &err), KR_OK);
    ck_assert(s.is_demo);
    ck_assert_int_gt(s.n_visits, 0);
    ck_assert_int_gt(s.n_observations, 0);
    kr_session_fini(&s);
    struct kr_next_step_list steps = {0};
    ck_assert_int_eq(kr_app_steps(d, id, &steps, &err), KR_OK);
    ck_assert_uint_gt(steps.n, 0);
    kr_next_step_list_fini(&steps);
    struct kr_toa_list toas = {0};
    ck_assert_int_eq(kr_app_toa_versions(d, id, &toas, &err), KR_OK);
    ck_assert_uint_gt(toas.n, 0);
    kr_toa_list_fini(&toas);
    ck_assert_int_eq(kr_app_demo_fill(d, &again, &created, &err), KR_OK);
    ck_assert(!created);
    ck_assert_str_eq(again, id);
    struct kr_session_list all = {0};
    ck_assert_int_eq(kr_app_sessions_list(d, &all, &err), KR_OK);
    ck_assert_uint_eq(all.n, 1);
    kr_session_list_fini(&all);
    free(id);
    free(again);
    kr_app_close(d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("app_cli");
    TCase *tc = tcase_create("app_cli");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_session_resolve);
    tcase_add_test(tc, test_network_resolve_by_name_and_report);
    tcase_add_test(tc, test_export_import_twice);
    tcase_add_test(tc, test_merge_and_export_file);
    tcase_add_test(tc, test_sync_two_laptops);
    tcase_add_test(tc, test_note_recover_not_undoable);
    tcase_add_test(tc, test_demo_fill_once);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
