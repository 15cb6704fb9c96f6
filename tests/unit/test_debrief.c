/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the end of the debrief (schema 8): theories of action per groepje with one
 * chosen, the single-version API mapped onto it, next steps with evidence, order and
 * follow-up, the migration of the one row of before, and a merge that keeps both a
 * follow-up recorded on one laptop and a rewording made on another.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kijkronde/mem.h"
#include "kijkronde/store.h"
#include "kijkronde/store_exchange.h"
#include "krtest.h"

static struct kr_store *st;
static struct kr_error err;
static char *session_id, *later_id, *obs_id[2];
static char dir[64];

static char *add_session(struct kr_store *s, const char *date)
{
    struct kr_session se = {.date = kr_xstrdup(date), .kijkvraag_text = kr_xstrdup("Wat doen ze?")};
    ck_assert_int_eq(kr_store_session_add(s, &se, &err), KR_OK);
    char *id = kr_xstrdup(se.id);
    kr_session_fini(&se);
    return id;
}

static void add_notes(struct kr_store *s, const char *sid, char **out, int n)
{
    struct kr_visit v = {.session_id = kr_xstrdup(sid), .label = kr_xstrdup("groep 5")};
    ck_assert_int_eq(kr_store_visit_add(s, &v, &err), KR_OK);
    for (int i = 0; i < n; i++) {
        struct kr_observation o = {.visit_id = kr_xstrdup(v.id),
                                   .text = kr_xstrdup(i ? "Meisje vraagt haar buurvrouw."
                                                        : "Jongen wacht met zijn vinger op.")};
        ck_assert_int_eq(kr_store_obs_add(s, &o, &err), KR_OK);
        out[i] = kr_xstrdup(o.id);
        kr_observation_fini(&o);
    }
    kr_visit_fini(&v);
}

static void setup(void)
{
    ck_assert_int_eq(kr_store_open(":memory:", &st, &err), KR_OK);
    session_id = add_session(st, "2026-03-12");
    later_id = add_session(st, "2026-05-12");
    add_notes(st, session_id, obs_id, 2);
}

static void teardown(void)
{
    kr_store_close(st);
    free(session_id);
    free(later_id);
    free(obs_id[0]);
    free(obs_id[1]);
}

static char **ids2(const char *a, const char *b, size_t *n)
{
    char **v = kr_xcalloc(2, sizeof *v);
    v[0] = kr_xstrdup(a);
    *n = 1;
    if (b) {
        v[1] = kr_xstrdup(b);
        *n = 2;
    }
    return v;
}

START_TEST(test_debrief_versions_and_choice)
{
    struct kr_toa_version a = {.group = kr_xstrdup("Groepje 1"),
                               .schoolleiding = kr_xstrdup("tijd geeft"),
                               .leraren = kr_xstrdup("samen kijken"),
                               .leerlingen = kr_xstrdup("zelf doordenken")};
    char *pid = kr_xasprintf("p-%s", obs_id[1]);
    a.evidence = ids2(obs_id[0], pid, &a.n_evidence);
    free(pid);
    ck_assert_int_eq(kr_store_toa_version_put(st, session_id, &a, &err), KR_OK);
    ck_assert_ptr_nonnull(a.id);
    struct kr_toa_version b = {.group = kr_xstrdup("Groepje 2"),
                               .leerlingen = kr_xstrdup("een hulpkaart pakken")};
    ck_assert_int_eq(kr_store_toa_version_put(st, session_id, &b, &err), KR_OK);

    struct kr_toa_list l = {0};
    ck_assert_int_eq(kr_store_toa_list(st, session_id, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 2);
    ck_assert(!l.items[0].chosen && !l.items[1].chosen);
    kr_toa_list_fini(&l);
    /* none chosen and no version without a group: the old API sees nothing */
    struct kr_theory_of_action t = {0};
    ck_assert_int_eq(kr_store_toa_get(st, session_id, &t, &err), KR_OK);
    ck_assert_ptr_null(t.leerlingen);

    ck_assert_int_eq(kr_store_toa_choose(st, session_id, b.id, &err), KR_OK);
    ck_assert_int_eq(kr_store_toa_get(st, session_id, &t, &err), KR_OK);
    ck_assert_str_eq(t.leerlingen, "een hulpkaart pakken");
    kr_theory_of_action_fini(&t);
    ck_assert_int_eq(kr_store_toa_choose(st, session_id, a.id, &err), KR_OK);
    ck_assert_int_eq(kr_store_toa_list(st, session_id, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 2);
    for (size_t i = 0; i < l.n; i++) {
        bool is_a = strcmp(l.items[i].id, a.id) == 0;
        ck_assert(l.items[i].chosen == is_a);
        if (is_a) {
            ck_assert_uint_eq(l.items[i].n_evidence, 2);
            ck_assert_str_eq(l.items[i].evidence[0], obs_id[0]);
            ck_assert_str_eq(l.items[i].group, "Groepje 1");
        }
    }
    kr_toa_list_fini(&l);
    /* the old put edits the chosen version and keeps its evidence */
    t.leraren = kr_xstrdup("wachttijd geven");
    ck_assert_int_eq(kr_store_toa_put(st, session_id, &t, &err), KR_OK);
    kr_theory_of_action_fini(&t);
    ck_assert_int_eq(kr_store_toa_list(st, session_id, &l, &err), KR_OK);
    for (size_t i = 0; i < l.n; i++)
        if (strcmp(l.items[i].id, a.id) == 0) {
            ck_assert_str_eq(l.items[i].leraren, "wachttijd geven");
            ck_assert_uint_eq(l.items[i].n_evidence, 2);
        }
    kr_toa_list_fini(&l);

    /* unknown evidence: refused, naming it, nothing written */
    struct kr_toa_version c = {.group = kr_xstrdup("Groepje 3")};
    c.evidence = ids2("verzonnen-id", NULL, &c.n_evidence);
    ck_assert_int_eq(kr_store_toa_version_put(st, session_id, &c, &err), KR_INVALID);
    ck_assert(strstr(err.msg, "verzonnen-id") != NULL);
    ck_assert_int_eq(kr_store_toa_list(st, session_id, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 2);
    kr_toa_list_fini(&l);
    /* a note of another session is no evidence here */
    char *other[1];
    add_notes(st, later_id, other, 1);
    free(c.evidence[0]);
    c.evidence[0] = other[0];
    ck_assert_int_eq(kr_store_toa_version_put(st, session_id, &c, &err), KR_INVALID);
    ck_assert_int_eq(kr_store_toa_choose(st, session_id, "geen-versie", &err), KR_NOT_FOUND);
    /* a version of this session cannot be written under another */
    struct kr_toa_version moved = {.id = kr_xstrdup(a.id), .group = kr_xstrdup("Elders")};
    ck_assert_int_eq(kr_store_toa_version_put(st, later_id, &moved, &err), KR_INVALID);
    kr_toa_version_fini(&moved);
    ck_assert_int_eq(kr_store_toa_choose(st, later_id, a.id, &err), KR_NOT_FOUND);

    /* deleting the chosen one: nothing chosen; the old put then makes the groupless one */
    ck_assert_int_eq(kr_store_toa_version_delete(st, a.id, &err), KR_OK);
    ck_assert_int_eq(kr_store_toa_version_delete(st, a.id, &err), KR_NOT_FOUND);
    ck_assert_int_eq(kr_store_toa_list(st, session_id, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 1);
    ck_assert(!l.items[0].chosen);
    kr_toa_list_fini(&l);
    struct kr_theory_of_action u = {.schoolleiding = kr_xstrdup("een rooster maakt")};
    ck_assert_int_eq(kr_store_toa_put(st, session_id, &u, &err), KR_OK);
    kr_theory_of_action_fini(&u);
    ck_assert_int_eq(kr_store_toa_list(st, session_id, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 2);
    char *want = kr_xasprintf("toa-%s", session_id);
    size_t chosen = 0;
    for (size_t i = 0; i < l.n; i++)
        if (l.items[i].chosen) {
            chosen++;
            ck_assert_str_eq(l.items[i].id, want);
            ck_assert_ptr_null(l.items[i].group);
        }
    ck_assert_uint_eq(chosen, 1);
    free(want);
    kr_toa_list_fini(&l);
    kr_toa_version_fini(&a);
    kr_toa_version_fini(&b);
    kr_toa_version_fini(&c);
}
END_TEST

START_TEST(test_debrief_steps_order_and_follow_up)
{
    static const char *const texts[3] = {"Eerst vragen wat je al geprobeerd hebt.",
                                         "Teamoverleg over de hulpkaarten.",
                                         "Kijkpunt voor de volgende bijeenkomst."};
    char *id[3];
    for (int i = 0; i < 3; i++) {
        struct kr_next_step n = {
            .text = kr_xstrdup(texts[i]), .actor = (enum kr_actor)i, .horizon = (enum kr_horizon)i};
        n.evidence = ids2(obs_id[i % 2], NULL, &n.n_evidence);
        ck_assert_int_eq(kr_store_step_put(st, session_id, &n, &err), KR_OK);
        id[i] = kr_xstrdup(n.id);
        kr_next_step_fini(&n);
    }
    struct kr_next_step_list l = {0};
    ck_assert_int_eq(kr_store_step_list(st, session_id, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 3);
    for (int i = 0; i < 3; i++) {
        ck_assert_str_eq(l.items[i].id, id[i]);
        ck_assert_int_eq(l.items[i].actor, i);
        ck_assert_int_eq(l.items[i].horizon, i);
        ck_assert_uint_eq(l.items[i].n_evidence, 1);
        ck_assert_int_eq(l.items[i].follow_up_status, KR_FOLLOW_NONE);
    }
    kr_next_step_list_fini(&l);

    const char *first[1] = {id[2]};
    ck_assert_int_eq(kr_store_step_reorder(st, session_id, first, 1, &err), KR_OK);
    ck_assert_int_eq(kr_store_step_list(st, session_id, &l, &err), KR_OK);
    ck_assert_str_eq(l.items[0].id, id[2]);
    ck_assert_str_eq(l.items[1].id, id[0]);
    ck_assert_str_eq(l.items[2].id, id[1]);
    kr_next_step_list_fini(&l);
    const char *bad[2] = {id[0], "geen-stap"};
    ck_assert_int_eq(kr_store_step_reorder(st, session_id, bad, 2, &err), KR_NOT_FOUND);
    ck_assert_int_eq(kr_store_step_list(st, session_id, &l, &err), KR_OK);
    ck_assert_str_eq(l.items[0].id, id[2]); /* unchanged */
    kr_next_step_list_fini(&l);

    ck_assert_int_eq(
        kr_store_step_follow_up(st, id[0], later_id, KR_FOLLOW_BEZIG, "In vier groepen.", &err),
        KR_OK);
    ck_assert_int_eq(
        kr_store_step_follow_up(st, id[0], "geen-bijeenkomst", KR_FOLLOW_GEDAAN, NULL, &err),
        KR_NOT_FOUND);
    ck_assert_int_eq(kr_store_step_list(st, session_id, &l, &err), KR_OK);
    ck_assert_int_eq(l.items[1].follow_up_status, KR_FOLLOW_BEZIG);
    ck_assert_str_eq(l.items[1].follow_up_session, later_id);
    ck_assert_str_eq(l.items[1].follow_up_text, "In vier groepen.");
    ck_assert_ptr_nonnull(l.items[1].follow_up_at);
    kr_next_step_list_fini(&l);
    ck_assert_int_eq(kr_store_step_follow_up(st, id[0], NULL, KR_FOLLOW_NONE, NULL, &err), KR_OK);
    ck_assert_int_eq(kr_store_step_list(st, session_id, &l, &err), KR_OK);
    ck_assert_int_eq(l.items[1].follow_up_status, KR_FOLLOW_NONE);
    ck_assert_ptr_null(l.items[1].follow_up_session);
    kr_next_step_list_fini(&l);

    struct kr_next_step moved = {.id = kr_xstrdup(id[0]), .text = kr_xstrdup("Elders.")};
    ck_assert_int_eq(kr_store_step_put(st, later_id, &moved, &err), KR_INVALID);
    kr_next_step_fini(&moved);
    ck_assert_int_eq(kr_store_step_delete(st, id[1], &err), KR_OK);
    ck_assert_int_eq(kr_store_step_delete(st, id[1], &err), KR_NOT_FOUND);
    ck_assert_int_eq(kr_store_step_list(st, session_id, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 2);
    kr_next_step_list_fini(&l);

    struct kr_next_step n = {.text = kr_xstrdup(""), .actor = KR_ACTOR_TEAM};
    ck_assert_int_eq(kr_store_step_put(st, session_id, &n, &err), KR_INVALID);
    free(n.text);
    n.text = kr_xstrdup("Iets doen.");
    n.actor = (enum kr_actor)7;
    ck_assert_int_eq(kr_store_step_put(st, session_id, &n, &err), KR_INVALID);
    n.actor = KR_ACTOR_TEAM;
    n.evidence = ids2("p-onbekend", NULL, &n.n_evidence);
    ck_assert_int_eq(kr_store_step_put(st, session_id, &n, &err), KR_INVALID);
    ck_assert(strstr(err.msg, "p-onbekend") != NULL);
    ck_assert_ptr_null(n.id);
    kr_next_step_fini(&n);
    for (int i = 0; i < 3; i++)
        free(id[i]);
}
END_TEST

START_TEST(test_debrief_words)
{
    for (int a = 0; a < KR_ACTOR_COUNT; a++) {
        enum kr_actor x = KR_ACTOR_COUNT;
        ck_assert(kr_actor_parse(kr_actor_str((enum kr_actor)a), &x));
        ck_assert_int_eq(x, a);
    }
    for (int h = 0; h < KR_HORIZON_COUNT; h++) {
        enum kr_horizon x = KR_HORIZON_COUNT;
        ck_assert(kr_horizon_parse(kr_horizon_str((enum kr_horizon)h), &x));
        ck_assert_int_eq(x, h);
    }
    enum kr_follow_status f = KR_FOLLOW_NONE;
    ck_assert(kr_follow_status_parse("niet-gedaan", &f));
    ck_assert_int_eq(f, KR_FOLLOW_NIET_GEDAAN);
    ck_assert(!kr_follow_status_parse("", &f));
    ck_assert(!kr_actor_parse("directie", NULL));
    ck_assert(!kr_horizon_parse(NULL, NULL));
    ck_assert_str_eq(kr_follow_status_title(KR_FOLLOW_NIET_GEDAAN), "niet gedaan");
}
END_TEST

static void mkdir_tmp(void)
{
    strcpy(dir, "/tmp/kr-debrief-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void rm_tmp(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

START_TEST(test_debrief_migration_of_the_one_row)
{
    mkdir_tmp();
    char path[128];
    snprintf(path, sizeof path, "%s/k.db", dir);
    struct kr_store *s = NULL;
    ck_assert_int_eq(kr_store_open_at_version(path, 6, &s, &err), KR_OK);
    char *sid = add_session(s, "2026-03-12");
    kr_store_close(s);
    sqlite3 *db = NULL;
    ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
    char *sql = kr_xasprintf("INSERT INTO theory_of_action(session_id, schoolleiding, leraren,"
                             " leerlingen, bewijs, updated_at) VALUES ('%s', 'tijd geeft',"
                             " 'samen kijken', 'zelf doordenken', 'minder wachten',"
                             " '2026-03-12T12:00:00.000Z')",
                             sid);
    ck_assert_int_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    free(sql);
    sqlite3_close(db);
    char *want = kr_xasprintf("toa-%s", sid);
    /* merged as it is (schema 6) into a database of now: the chosen version without a group */
    struct kr_store *m = NULL;
    ck_assert_int_eq(kr_store_open(":memory:", &m, &err), KR_OK);
    struct kr_exchange_stats stats;
    ck_assert_int_eq(kr_store_merge(m, path, &stats, &err), KR_OK);
    ck_assert_int_eq(stats.debrief_changed, 1);
    ck_assert_int_eq(kr_store_merge(m, path, &stats, &err), KR_OK);
    ck_assert_int_eq(stats.debrief_changed, 0);
    struct kr_toa_list l = {0};
    ck_assert_int_eq(kr_store_toa_list(m, sid, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 1);
    ck_assert_str_eq(l.items[0].id, want);
    ck_assert(l.items[0].chosen);
    ck_assert_str_eq(l.items[0].schoolleiding, "tijd geeft");
    kr_toa_list_fini(&l);
    kr_store_close(m);
    /* and migrated in place */
    ck_assert_int_eq(kr_store_open(path, &s, &err), KR_OK);
    ck_assert_int_eq(kr_store_toa_list(s, sid, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 1);
    ck_assert_str_eq(l.items[0].id, want);
    ck_assert(l.items[0].chosen);
    ck_assert_ptr_null(l.items[0].group);
    ck_assert_str_eq(l.items[0].bewijs, "minder wachten");
    ck_assert_str_eq(l.items[0].updated_at, "2026-03-12T12:00:00.000Z");
    kr_toa_list_fini(&l);
    struct kr_theory_of_action t = {0};
    ck_assert_int_eq(kr_store_toa_get(s, sid, &t, &err), KR_OK);
    ck_assert_str_eq(t.leraren, "samen kijken");
    kr_theory_of_action_fini(&t);
    kr_store_close(s);
    free(want);
    free(sid);
    rm_tmp();
}
END_TEST

/* A follow-up recorded on laptop B and a rewording on laptop A both survive a merge, either
 * way round, and merging again changes nothing. */
START_TEST(test_debrief_merge_keeps_follow_up_and_rewording)
{
    mkdir_tmp();
    char pa[128], pb[128];
    snprintf(pa, sizeof pa, "%s/a.db", dir);
    snprintf(pb, sizeof pb, "%s/b.db", dir);
    struct kr_store *a = NULL, *b = NULL;
    ck_assert_int_eq(kr_store_open(pa, &a, &err), KR_OK);
    char *sid = add_session(a, "2026-03-12");
    char *later = add_session(a, "2026-05-12");
    char *note[1];
    add_notes(a, sid, note, 1);
    struct kr_next_step n = {.text = kr_xstrdup("Eerst de buurman vragen."),
                             .actor = KR_ACTOR_LERAREN,
                             .horizon = KR_HORIZON_MAAND};
    n.evidence = ids2(note[0], NULL, &n.n_evidence);
    ck_assert_int_eq(kr_store_step_put(a, sid, &n, &err), KR_OK);
    kr_store_close(a);
    ck_assert_int_eq(kr_store_open(pb, &b, &err), KR_OK);
    struct kr_exchange_stats stats;
    ck_assert_int_eq(kr_store_merge(b, pa, &stats, &err), KR_OK);
    ck_assert_int_eq(stats.debrief_changed, 1);
    ck_assert_int_eq(kr_store_step_follow_up(b, n.id, later, KR_FOLLOW_GEDAAN, "Overal.", &err),
                     KR_OK);
    kr_store_close(b);
    nanosleep(&(struct timespec){0, 2000000}, NULL); /* the rewording is later */
    ck_assert_int_eq(kr_store_open(pa, &a, &err), KR_OK);
    free(n.text);
    n.text = kr_xstrdup("Eerst het maatje vragen.");
    ck_assert_int_eq(kr_store_step_put(a, sid, &n, &err), KR_OK);
    ck_assert_int_eq(kr_store_merge(a, pb, &stats, &err), KR_OK);
    ck_assert_int_eq(stats.debrief_changed, 1);
    ck_assert_int_eq(kr_store_merge(a, pb, &stats, &err), KR_OK);
    ck_assert_int_eq(stats.debrief_changed, 0);
    kr_store_close(a);
    ck_assert_int_eq(kr_store_open(pb, &b, &err), KR_OK);
    ck_assert_int_eq(kr_store_merge(b, pa, &stats, &err), KR_OK);
    ck_assert_int_eq(stats.debrief_changed, 1);
    ck_assert_int_eq(kr_store_merge(b, pa, &stats, &err), KR_OK);
    ck_assert_int_eq(stats.debrief_changed, 0);
    kr_store_close(b);
    const char *paths[2] = {pa, pb};
    for (int k = 0; k < 2; k++) {
        struct kr_store *x = NULL;
        ck_assert_int_eq(kr_store_open(paths[k], &x, &err), KR_OK);
        struct kr_next_step_list l = {0};
        ck_assert_int_eq(kr_store_step_list(x, sid, &l, &err), KR_OK);
        ck_assert_uint_eq(l.n, 1);
        ck_assert_str_eq(l.items[0].text, "Eerst het maatje vragen.");
        ck_assert_int_eq(l.items[0].follow_up_status, KR_FOLLOW_GEDAAN);
        ck_assert_str_eq(l.items[0].follow_up_text, "Overal.");
        ck_assert_str_eq(l.items[0].follow_up_session, later);
        kr_next_step_list_fini(&l);
        kr_store_close(x);
    }
    kr_next_step_fini(&n);
    free(note[0]);
    free(sid);
    free(later);
    rm_tmp();
}
END_TEST

int main(void)
{
    Suite *s = suite_create("debrief");
    TCase *tc = tcase_create("store");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_debrief_versions_and_choice);
    tcase_add_test(tc, test_debrief_steps_order_and_follow_up);
    tcase_add_test(tc, test_debrief_words);
    suite_add_tcase(s, tc);
    TCase *tf = tcase_create("files");
    tcase_add_test(tf, test_debrief_migration_of_the_one_row);
    tcase_add_test(tf, test_debrief_merge_keeps_follow_up_and_rewording);
    tcase_set_timeout(tf, 60);
    suite_add_tcase(s, tf);
    return run_suite(s);
}
