/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for networks as a thing of their own (include/kijkronde/network.h): create,
 * rename and the name rules, look-up by id, name and prefix, the list with its counts,
 * moving a bijeenkomst, the bijeenkomsten in date order, the open next steps of earlier
 * bijeenkomsten (host school first) and recording their follow-up, and migration 9, which
 * folds networks of one name into one.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "kijkronde/network.h"
#include "kijkronde/store.h"
#include "kijkronde/store_exchange.h"
#include "krtest.h"

static struct kr_store *st;
static struct kr_error err;

static void setup(void)
{
    ck_assert_int_eq(kr_store_open(":memory:", &st, &err), KR_OK);
}

static void teardown(void)
{
    kr_store_close(st);
}

static char *add_session(struct kr_store *s, const char *net, const char *date, const char *host)
{
    struct kr_session se = {.date = kr_xstrdup(date),
                            .kijkvraag_text = kr_xstrdup("Wat doen leerlingen als ze vastlopen?"),
                            .network_id = net ? kr_xstrdup(net) : NULL,
                            .host_school = host ? kr_xstrdup(host) : NULL};
    ck_assert_int_eq(kr_store_session_add(s, &se, &err), KR_OK);
    char *id = kr_xstrdup(se.id);
    kr_session_fini(&se);
    return id;
}

static void add_notes(const char *sid, int n)
{
    struct kr_visit v = {.session_id = kr_xstrdup(sid), .label = kr_xstrdup("groep 5")};
    ck_assert_int_eq(kr_store_visit_add(st, &v, &err), KR_OK);
    for (int i = 0; i < n; i++) {
        struct kr_observation o = {.visit_id = kr_xstrdup(v.id),
                                   .text = kr_xstrdup("Een meisje vraagt haar buurvrouw.")};
        ck_assert_int_eq(kr_store_obs_add(st, &o, &err), KR_OK);
        kr_observation_fini(&o);
    }
    kr_visit_fini(&v);
}

static char *add_step(const char *sid, const char *text)
{
    struct kr_next_step s = {
        .text = kr_xstrdup(text), .actor = KR_ACTOR_LERAREN, .horizon = KR_HORIZON_MAAND};
    ck_assert_int_eq(kr_store_step_put(st, sid, &s, &err), KR_OK);
    char *id = kr_xstrdup(s.id);
    kr_next_step_fini(&s);
    return id;
}

START_TEST(test_network_create_rename_names)
{
    char *a = NULL, *b = NULL;
    ck_assert_int_eq(kr_store_network_create(st, "  Leernetwerk Noord\t", &a, &err), KR_OK);
    ck_assert_int_eq(kr_store_network_create(st, "Leernetwerk Noord", &b, &err), KR_EXISTS);
    ck_assert_ptr_null(b);
    ck_assert_ptr_nonnull(strstr(err.msg, "Leernetwerk Noord"));
    ck_assert_int_eq(kr_store_network_create(st, "   ", &b, &err), KR_INVALID);
    ck_assert_int_eq(kr_store_network_create(st, "Noord\x1b[2J", &b, &err), KR_INVALID);
    ck_assert_int_eq(kr_store_network_create(st, "Noord\xff", &b, &err), KR_INVALID);
    char longname[KR_NETWORK_NAME_MAX + 2];
    memset(longname, 'a', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    ck_assert_int_eq(kr_store_network_create(st, longname, &b, &err), KR_INVALID);
    /* a decomposed é is the same name as a composed one */
    ck_assert_int_eq(kr_store_network_create(st, "Caf\xc3\xa9", &b, &err), KR_OK);
    char *c = NULL;
    ck_assert_int_eq(kr_store_network_create(st, "Cafe\xcc\x81", &c, &err), KR_EXISTS);

    ck_assert_int_eq(kr_store_network_rename(st, a, "Caf\xc3\xa9", &err), KR_EXISTS);
    ck_assert_int_eq(kr_store_network_rename(st, a, "Leernetwerk Noord", &err), KR_OK);
    ck_assert_int_eq(kr_store_network_rename(st, a, "Netwerk Zuid-Oost", &err), KR_OK);
    ck_assert_int_eq(kr_store_network_rename(st, "geen-netwerk", "X", &err), KR_NOT_FOUND);
    struct kr_network_info info = {0};
    ck_assert_int_eq(kr_store_network_get(st, a, &info, &err), KR_OK);
    ck_assert_str_eq(info.name, "Netwerk Zuid-Oost");
    ck_assert_int_eq(info.n_sessions, 0);
    ck_assert_ptr_null(info.first_date);
    ck_assert_str_ge(info.updated_at, info.created_at);
    kr_network_info_fini(&info);
    /* the old name is free again */
    ck_assert_int_eq(kr_store_network_create(st, "Leernetwerk Noord", &c, &err), KR_OK);

    /* deleting: only an empty network; then its name is free and it is gone */
    char *sid = add_session(st, c, "2026-03-12", "De Klimop");
    ck_assert_int_eq(kr_store_network_delete(st, c, &err), KR_INVALID);
    ck_assert_int_eq(kr_store_session_move(st, sid, NULL, &err), KR_OK);
    ck_assert_int_eq(kr_store_network_delete(st, c, &err), KR_OK);
    ck_assert_int_eq(kr_store_network_get(st, c, &info, &err), KR_NOT_FOUND);
    ck_assert_int_eq(kr_store_network_delete(st, c, &err), KR_NOT_FOUND);
    char *d = NULL;
    ck_assert_int_eq(kr_store_network_create(st, "Leernetwerk Noord", &d, &err), KR_OK);
    free(a);
    free(b);
    free(c);
    free(d);
    free(sid);
}
END_TEST

START_TEST(test_network_resolve)
{
    char *a = NULL, *b = NULL, *id = NULL;
    ck_assert_int_eq(kr_store_network_create(st, "Noord", &a, &err), KR_OK);
    ck_assert_int_eq(kr_store_network_create(st, "Zuid", &b, &err), KR_OK);
    ck_assert_int_eq(kr_store_network_resolve(st, a, &id, &err), KR_OK);
    ck_assert_str_eq(id, a);
    free(id);
    ck_assert_int_eq(kr_store_network_resolve(st, "Zuid", &id, &err), KR_OK);
    ck_assert_str_eq(id, b);
    free(id);
    /* a prefix that tells them apart */
    size_t k = 0;
    while (a[k] == b[k])
        k++;
    char pre[64];
    snprintf(pre, sizeof pre, "%.*s", (int)(k + 1), b);
    ck_assert_int_eq(kr_store_network_resolve(st, pre, &id, &err), KR_OK);
    ck_assert_str_eq(id, b);
    free(id);
    if (k > 0) { /* a prefix both share */
        snprintf(pre, sizeof pre, "%.*s", (int)k, b);
        ck_assert_int_eq(kr_store_network_resolve(st, pre, &id, &err), KR_AMBIGUOUS);
        ck_assert_ptr_null(id);
    }
    ck_assert_int_eq(kr_store_network_resolve(st, "West", &id, &err), KR_NOT_FOUND);
    ck_assert_ptr_nonnull(strstr(err.msg, "'West'"));
    ck_assert_int_eq(kr_store_network_resolve(st, "", &id, &err), KR_INVALID);
    free(a);
    free(b);
}
END_TEST

START_TEST(test_network_list_sessions_move)
{
    char *a = NULL, *b = NULL;
    ck_assert_int_eq(kr_store_network_create(st, "Zuid", &b, &err), KR_OK);
    ck_assert_int_eq(kr_store_network_create(st, "Noord", &a, &err), KR_OK);
    /* created out of date order */
    char *s3 = add_session(st, a, "2027-02-01", "De Klimop");
    char *s1 = add_session(st, a, "2026-03-12", "De Klimop");
    char *s2 = add_session(st, a, "2026-10-05", "Het Anker");
    char *sz = add_session(st, b, "2026-04-01", "De Wilg");
    add_notes(s1, 3);
    add_notes(s2, 2);
    add_notes(sz, 4);
    char *step = add_step(s1, "Elke les begint met de kijkvraag op het bord.");
    ck_assert_int_eq(kr_store_session_delete(st, s3, &err), KR_OK);

    struct kr_network_info_list l = {0};
    ck_assert_int_eq(kr_store_network_list(st, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 2);
    ck_assert_str_eq(l.items[0].name, "Noord");
    ck_assert_int_eq(l.items[0].n_sessions, 2); /* the deleted one does not count */
    ck_assert_int_eq(l.items[0].n_schools, 2);
    ck_assert_int_eq(l.items[0].n_observations, 5);
    ck_assert_int_eq(l.items[0].n_open_steps, 1);
    ck_assert_str_eq(l.items[0].first_date, "2026-03-12");
    ck_assert_str_eq(l.items[0].last_date, "2026-10-05");
    ck_assert_int_eq(l.items[1].n_observations, 4);
    kr_network_info_list_fini(&l);

    ck_assert_int_eq(kr_store_session_restore(st, s3, &err), KR_OK);
    struct kr_network_session_list ss = {0};
    ck_assert_int_eq(kr_store_network_sessions(st, a, &ss, &err), KR_OK);
    ck_assert_uint_eq(ss.n, 3);
    ck_assert_str_eq(ss.items[0].id, s1);
    ck_assert_str_eq(ss.items[1].id, s2);
    ck_assert_str_eq(ss.items[2].id, s3);
    ck_assert_str_eq(ss.items[0].host_school, "De Klimop");
    ck_assert_str_eq(ss.items[0].kind, "vervolg");
    ck_assert_str_eq(ss.items[0].kijkvraag, "Wat doen leerlingen als ze vastlopen?");
    ck_assert_int_eq(ss.items[0].n_observations, 3);
    ck_assert_int_eq(ss.items[0].n_steps, 1);
    ck_assert_int_eq(ss.items[0].n_open_steps, 1);
    kr_network_session_list_fini(&ss);

    /* move the Zuid bijeenkomst to Noord: it takes its place by date */
    ck_assert_int_eq(kr_store_session_move(st, sz, a, &err), KR_OK);
    ck_assert_int_eq(kr_store_network_sessions(st, a, &ss, &err), KR_OK);
    ck_assert_uint_eq(ss.n, 4);
    ck_assert_str_eq(ss.items[1].id, sz);
    kr_network_session_list_fini(&ss);
    struct kr_session se = {0};
    ck_assert_int_eq(kr_store_session_get(st, sz, &se, &err), KR_OK);
    ck_assert_str_eq(se.network_name, "Noord");
    kr_session_fini(&se);
    ck_assert_int_eq(kr_store_session_move(st, sz, "geen-netwerk", &err), KR_NOT_FOUND);
    ck_assert_int_eq(kr_store_session_move(st, "geen-sessie", a, &err), KR_NOT_FOUND);
    ck_assert_int_eq(kr_store_network_sessions(st, "geen-netwerk", &ss, &err), KR_NOT_FOUND);
    char *fs[] = {a, b, s1, s2, s3, sz, step};
    for (size_t i = 0; i < sizeof fs / sizeof fs[0]; i++)
        free(fs[i]);
}
END_TEST

START_TEST(test_network_open_steps_and_follow_up)
{
    char *a = NULL, *b = NULL;
    ck_assert_int_eq(kr_store_network_create(st, "Noord", &a, &err), KR_OK);
    ck_assert_int_eq(kr_store_network_create(st, "Zuid", &b, &err), KR_OK);
    char *s1 = add_session(st, a, "2026-03-12", "De Klimop");
    char *s2 = add_session(st, a, "2026-06-05", "Het Anker");
    char *s3 = add_session(st, a, "2026-10-01", "De Klimop");
    char *s4 = add_session(st, a, "2027-01-20", "Het Anker");
    char *other = add_session(st, b, "2026-04-01", "De Wilg");
    char *k1 = add_step(s1, "Leraren geven elke les een denkvraag.");
    char *k2 = add_step(s1, "De schoolleiding plant samen kijken in.");
    char *a1 = add_step(s2, "Leerlingen schrijven eerst zelf een aanpak op.");
    char *w1 = add_step(other, "Een stap van een ander netwerk.");
    char *late = add_step(s4, "Een stap van later.");

    /* at s3 (De Klimop): the Klimop steps of s1 first, then Het Anker's of s2 */
    struct kr_open_step_list l = {0};
    ck_assert_int_eq(kr_store_network_open_steps(st, s3, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 3);
    ck_assert_str_eq(l.items[0].step.id, k1);
    ck_assert_str_eq(l.items[1].step.id, k2);
    ck_assert_str_eq(l.items[2].step.id, a1);
    ck_assert(l.items[0].same_school);
    ck_assert(!l.items[2].same_school);
    ck_assert_str_eq(l.items[0].session_id, s1);
    ck_assert_str_eq(l.items[0].session_date, "2026-03-12");
    ck_assert_str_eq(l.items[2].host_school, "Het Anker");
    ck_assert(!l.items[0].here);
    kr_open_step_list_fini(&l);

    /* recording: only steps of earlier bijeenkomsten of the same network */
    ck_assert_int_eq(kr_store_network_follow_up(st, w1, s3, KR_FOLLOW_GEDAAN, "Gedaan.", &err),
                     KR_INVALID);
    ck_assert_int_eq(kr_store_network_follow_up(st, late, s3, KR_FOLLOW_GEDAAN, "Gedaan.", &err),
                     KR_INVALID);
    ck_assert_int_eq(kr_store_network_follow_up(st, k1, s1, KR_FOLLOW_GEDAAN, NULL, &err),
                     KR_INVALID);
    ck_assert_int_eq(kr_store_network_follow_up(st, k1, "geen", KR_FOLLOW_GEDAAN, NULL, &err),
                     KR_NOT_FOUND);
    ck_assert_int_eq(kr_store_network_follow_up(st, k1, s3, KR_FOLLOW_GEDAAN,
                                                "In alle groepen staat de denkvraag op het bord.",
                                                &err),
                     KR_OK);
    ck_assert_int_eq(kr_store_network_follow_up(st, k2, s3, KR_FOLLOW_BEZIG, NULL, &err), KR_OK);
    ck_assert_int_eq(
        kr_store_network_follow_up(st, a1, s3, KR_FOLLOW_NIET_GEDAAN, "Nog niet.", &err), KR_OK);
    /* at s3 itself they stay in view, marked as recorded here */
    ck_assert_int_eq(kr_store_network_open_steps(st, s3, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 3);
    ck_assert(l.items[0].here);
    ck_assert_int_eq(l.items[0].step.follow_up_status, KR_FOLLOW_GEDAAN);
    ck_assert_str_eq(l.items[0].step.follow_up_session, s3);
    ck_assert_str_eq(l.items[0].step.follow_up_text,
                     "In alle groepen staat de denkvraag op het bord.");
    kr_open_step_list_fini(&l);
    /* at s4: the one still bezig stays open, done and not-done ones are closed */
    ck_assert_int_eq(kr_store_network_open_steps(st, s4, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 1);
    ck_assert_str_eq(l.items[0].step.id, k2);
    ck_assert(!l.items[0].here);
    ck_assert_int_eq(l.items[0].step.follow_up_status, KR_FOLLOW_BEZIG);
    kr_open_step_list_fini(&l);
    /* at s2: only the Klimop steps of s1, still without follow-up there */
    ck_assert_int_eq(kr_store_network_open_steps(st, s2, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 0);
    kr_open_step_list_fini(&l);
    /* clearing at s4 what was recorded at s3 is refused; at s3 it works */
    ck_assert_int_eq(kr_store_network_follow_up(st, k1, s4, KR_FOLLOW_NONE, NULL, &err),
                     KR_INVALID);
    ck_assert_int_eq(kr_store_network_follow_up(st, k1, s3, KR_FOLLOW_NONE, NULL, &err), KR_OK);
    ck_assert_int_eq(kr_store_network_open_steps(st, s4, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 2);
    ck_assert_str_eq(l.items[0].step.id, k1); /* by position within s1 */
    ck_assert_str_eq(l.items[1].step.id, k2);
    kr_open_step_list_fini(&l);
    /* a session without network has none; an unknown one is not found */
    char *lone = add_session(st, NULL, "2027-05-01", NULL);
    ck_assert_int_eq(kr_store_network_open_steps(st, lone, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 0);
    ck_assert_int_eq(kr_store_network_open_steps(st, "geen", &l, &err), KR_NOT_FOUND);
    char *fs[] = {a, b, s1, s2, s3, s4, other, k1, k2, a1, w1, late, lone};
    for (size_t i = 0; i < sizeof fs / sizeof fs[0]; i++)
        free(fs[i]);
}
END_TEST

START_TEST(test_network_migration_folds_names)
{
    char dir[] = "/tmp/kr-network-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/k.db", dir);
    struct kr_store *s = NULL;
    ck_assert_int_eq(
        kr_store_open_at_version(path, 8 /* before migration 9, the networks */, &s, &err), KR_OK);
    kr_store_close(s);
    sqlite3 *db = NULL;
    ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
    /* two laptops each made "Noord" when they imported it; one "Zuid" */
    const char *sql =
        "INSERT INTO network VALUES ('n-new', 'Noord', '2026-05-01T10:00:00.000Z'),"
        " ('n-old', 'Noord', '2026-03-01T10:00:00.000Z'), ('z', 'Zuid', "
        "'2026-04-01T10:00:00.000Z');"
        "INSERT INTO session(id, network_id, date, kijkvraag_text, created_at, updated_at) VALUES"
        " ('s1', 'n-old', '2026-03-12', 'Wat?', '2026-03-01T10:00:00.000Z', "
        "'2026-03-01T10:00:00.000Z'),"
        " ('s2', 'n-new', '2026-06-12', 'Wat?', '2026-05-01T10:00:00.000Z', "
        "'2026-05-01T10:00:00.000Z'),"
        " ('s3', 'z', '2026-06-12', 'Wat?', '2026-05-01T10:00:00.000Z', "
        "'2026-05-01T10:00:00.000Z');";
    ck_assert_int_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    ck_assert_int_eq(kr_store_open(path, &s, &err), KR_OK);
    struct kr_network_info_list l = {0};
    ck_assert_int_eq(kr_store_network_list(s, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 2);
    ck_assert_str_eq(l.items[0].id, "n-old");
    ck_assert_int_eq(l.items[0].n_sessions, 2);
    ck_assert_str_eq(l.items[0].updated_at, "2026-03-01T10:00:00.000Z");
    ck_assert_str_eq(l.items[1].id, "z");
    kr_network_info_list_fini(&l);
    char *id = NULL;
    ck_assert_int_eq(kr_store_network_resolve(s, "Noord", &id, &err), KR_OK);
    ck_assert_str_eq(id, "n-old");
    free(id);
    /* the folded one is gone from look-ups by id too */
    ck_assert_int_eq(kr_store_network_resolve(s, "n-new", &id, &err), KR_NOT_FOUND);
    /* unify again changes nothing */
    ck_assert_int_eq(kr_store_network_unify(s, &err), KR_OK);
    ck_assert_int_eq(kr_store_network_list(s, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 2);
    ck_assert_int_eq(l.items[0].n_sessions, 2);
    kr_network_info_list_fini(&l);
    kr_store_close(s);
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

static void tmpdir(char *dir, size_t size)
{
    snprintf(dir, size, "/tmp/kr-network-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void rmdir_all(const char *dir)
{
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

static long sessions_in(struct kr_store *s, const char *ref)
{
    char *id = NULL;
    ck_assert_int_eq(kr_store_network_resolve(s, ref, &id, &err), KR_OK);
    struct kr_network_info info = {0};
    ck_assert_int_eq(kr_store_network_get(s, id, &info, &err), KR_OK);
    long n = info.n_sessions;
    kr_network_info_fini(&info);
    free(id);
    return n;
}

/* Two laptops that each made "Noord" (an import without network_id) end with one network
 * after a merge; a rename on one travels to the other; a network deleted on one laptop but
 * still used on the other comes back. */
START_TEST(test_network_merge)
{
    char dir[64], pa[96], pb[96];
    tmpdir(dir, sizeof dir);
    snprintf(pa, sizeof pa, "%s/a.db", dir);
    snprintf(pb, sizeof pb, "%s/b.db", dir);
    struct kr_store *a = NULL, *b = NULL;
    ck_assert_int_eq(kr_store_open(pa, &a, &err), KR_OK);
    ck_assert_int_eq(kr_store_open(pb, &b, &err), KR_OK);
    char *na = NULL, *nb = NULL;
    ck_assert_int_eq(kr_store_network_create(a, "Noord", &na, &err), KR_OK);
    ck_assert_int_eq(kr_store_network_create(b, "Noord", &nb, &err), KR_OK);
    ck_assert_str_ne(na, nb);
    char *sa = add_session(a, na, "2026-03-12", "De Klimop");
    char *sb = add_session(b, nb, "2026-06-12", "Het Anker");
    kr_store_close(b);
    ck_assert_int_eq(kr_store_merge(a, pb, NULL, &err), KR_OK);
    struct kr_network_info_list l = {0};
    ck_assert_int_eq(kr_store_network_list(a, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 1);
    ck_assert_int_eq(l.items[0].n_sessions, 2);
    char *kept = kr_xstrdup(l.items[0].id);
    kr_network_info_list_fini(&l);

    kr_store_close(a);
    ck_assert_int_eq(kr_store_open(pb, &b, &err), KR_OK);
    ck_assert_int_eq(kr_store_merge(b, pa, NULL, &err), KR_OK);
    ck_assert_int_eq(kr_store_network_list(b, &l, &err), KR_OK);
    ck_assert_msg(l.n == 1, "b after the first round trip: %zu networks", l.n);
    kr_network_info_list_fini(&l);
    kr_store_close(b);
    /* a rename on a reaches b, which has the network under its old name: the newer wins */
    ck_assert_int_eq(kr_store_open(pa, &a, &err), KR_OK);
    ck_assert_int_eq(kr_store_network_rename(a, kept, "Leernetwerk Noord", &err), KR_OK);
    kr_store_close(a);
    ck_assert_int_eq(kr_store_open(pb, &b, &err), KR_OK);
    ck_assert_int_eq(kr_store_merge(b, pa, NULL, &err), KR_OK);
    ck_assert_int_eq(kr_store_network_list(b, &l, &err), KR_OK);
    ck_assert_msg(l.n == 1, "b after the rename: %zu networks", l.n);
    ck_assert_str_eq(l.items[0].name, "Leernetwerk Noord");
    ck_assert_str_eq(l.items[0].id, kept);
    ck_assert_int_eq(l.items[0].n_sessions, 2);
    kr_network_info_list_fini(&l);
    ck_assert_int_eq(kr_store_open(pa, &a, &err), KR_OK);
    ck_assert_int_eq(kr_store_merge(a, pb, NULL, &err), KR_OK);
    ck_assert_int_eq(sessions_in(a, "Leernetwerk Noord"), 2);

    /* b deletes an empty network "Zuid" that a meanwhile filled: after a merge it is back */
    char *z = NULL;
    ck_assert_int_eq(kr_store_network_create(b, "Zuid", &z, &err), KR_OK);
    kr_store_close(b);
    ck_assert_int_eq(kr_store_merge(a, pb, NULL, &err), KR_OK);
    char *sz = add_session(a, z, "2026-09-01", "De Wilg");
    kr_store_close(a);
    ck_assert_int_eq(kr_store_open(pb, &b, &err), KR_OK);
    ck_assert_int_eq(kr_store_network_delete(b, z, &err), KR_OK);
    ck_assert_int_eq(kr_store_merge(b, pa, NULL, &err), KR_OK);
    ck_assert_int_eq(sessions_in(b, "Zuid"), 1);
    kr_store_close(b);
    char *fs[] = {na, nb, sa, sb, kept, z, sz};
    for (size_t i = 0; i < sizeof fs / sizeof fs[0]; i++)
        free(fs[i]);
    rmdir_all(dir);
}
END_TEST

/* A database from before the network migration (the last one: networks without updated and
 * deleted times) merges in. */
START_TEST(test_network_merge_from_schema_8)
{
    char dir[64], path[96];
    tmpdir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/old.db", dir);
    struct kr_store *old = NULL;
    ck_assert_int_eq(
        kr_store_open_at_version(path, 8 /* before migration 9, the networks */, &old, &err),
        KR_OK);
    struct kr_network n = {.name = kr_xstrdup("Noord")};
    ck_assert_int_eq(kr_store_network_add(old, &n, &err), KR_OK);
    char *so = add_session(old, n.id, "2026-03-12", "De Klimop");
    kr_store_close(old);
    /* here a network of that name already exists, made later */
    char *here = NULL;
    ck_assert_int_eq(kr_store_network_create(st, "Noord", &here, &err), KR_OK);
    char *sh = add_session(st, here, "2026-06-12", "Het Anker");
    ck_assert_int_eq(kr_store_merge(st, path, NULL, &err), KR_OK);
    struct kr_network_info_list l = {0};
    ck_assert_int_eq(kr_store_network_list(st, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 1);
    ck_assert_int_eq(l.items[0].n_sessions, 2);
    kr_network_info_list_fini(&l);
    kr_network_fini(&n);
    free(so);
    free(here);
    free(sh);
    rmdir_all(dir);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("network");
    TCase *tc = tcase_create("store");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_network_create_rename_names);
    tcase_add_test(tc, test_network_resolve);
    tcase_add_test(tc, test_network_list_sessions_move);
    tcase_add_test(tc, test_network_open_steps_and_follow_up);
    tcase_add_test(tc, test_network_migration_folds_names);
    tcase_add_test(tc, test_network_merge);
    tcase_add_test(tc, test_network_merge_from_schema_8);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
