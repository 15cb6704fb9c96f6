/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the application layer (include/kijkronde/app.h) on ":memory:", without a
 * terminal: a note added is in the list with the checker's findings; edit, place and delete
 * are taken back by undo (also a bijeenkomst's deletion behind later note steps); the
 * session form is one transaction that leaves nothing behind when a part fails; the pending
 * queue saves in order; and the network lexicon policy (a broken lexicon: the built-in one,
 * told once).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kijkronde/app.h"
#include "kijkronde/check.h"
#include "kijkronde/mem.h"
#include "krtest.h"

static struct kr_app *app;
static struct kr_error err;
static char *sid, *vid;

static void setup(void)
{
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(kr_app_open(":memory:", &app, &err), KR_OK);
    struct kr_session s = {.date = kr_xstrdup("2026-03-12"),
                           .kijkvraag_text = kr_xstrdup("Wat doen leerlingen als ze vastlopen?")};
    struct kr_app_session_form f = {.s = &s, .tweetallen = "Anna & Bram"};
    ck_assert_int_eq(kr_app_session_save(app, &f, &err), KR_OK);
    sid = kr_xstrdup(s.id);
    kr_session_fini(&s);
    struct kr_tweetal_list tl = {0};
    ck_assert_int_eq(kr_app_tweetallen(app, sid, &tl, &err), KR_OK);
    ck_assert_uint_eq(tl.n, 1);
    struct kr_visit v = {.session_id = kr_xstrdup(sid),
                         .label = kr_xstrdup("groep 5"),
                         .tweetal_id = kr_xstrdup(tl.items[0].id)};
    ck_assert_int_eq(kr_app_visit_start(app, &v, NULL, &err), KR_OK);
    vid = kr_xstrdup(v.id);
    kr_visit_fini(&v);
    kr_tweetal_list_fini(&tl);
}

static void teardown(void)
{
    kr_app_close(app);
    free(sid);
    free(vid);
}

/* Notes a minute apart, so the list's order (by time) is the order they were added in. */
static char *add(const char *text)
{
    static int minute;
    struct kr_observation o = {.visit_id = kr_xstrdup(vid),
                               .at = kr_xasprintf("2026-03-12T09:%02d:00+01:00", minute++ % 60),
                               .text = kr_xstrdup(text)};
    ck_assert_int_eq(kr_app_note_add(app, &o, &err), KR_OK);
    char *id = kr_xstrdup(o.id);
    kr_observation_fini(&o);
    return id;
}

/* The live notes of the visit. */
static struct kr_observation_list notes(void)
{
    struct kr_observation_list l = {0};
    struct kr_obs_filter f = {.visit_id = vid};
    ck_assert_int_eq(kr_app_notes_list(app, &f, &l, &err), KR_OK);
    return l;
}

static size_t findings(const char *text)
{
    struct kr_checker *c = kr_app_checker(app, NULL);
    ck_assert_ptr_nonnull(c);
    struct kr_finding_list fl = {0};
    size_t n = kr_check(c, text, strlen(text), &fl);
    kr_finding_list_fini(&fl);
    return n;
}

START_TEST(test_add_then_list_with_findings)
{
    char *a = add("De juf legt het heel goed uit.");
    char *b = add("Een jongen wijst naar het bord.");
    struct kr_observation_list l = notes();
    ck_assert_uint_eq(l.n, 2);
    ck_assert_str_eq(l.items[0].id, a);
    ck_assert_str_eq(l.items[0].text, "De juf legt het heel goed uit.");
    ck_assert_str_eq(l.items[1].id, b);
    /* the list's findings: the judging note is flagged, the plain one not */
    ck_assert_uint_gt(findings(l.items[0].text), 0);
    ck_assert_uint_eq(findings(l.items[1].text), 0);
    kr_observation_list_fini(&l);
    free(a);
    free(b);
}
END_TEST

START_TEST(test_edit_then_undo_restores)
{
    char *id = add("Een meisje vraagt haar buurvrouw.");
    struct kr_observation_list l = notes();
    ck_assert_int_eq(kr_app_note_place(app, &l.items[0], KR_CORNER_LEERLING, &err), KR_OK);
    kr_observation_list_fini(&l);
    l = notes();
    ck_assert_int_eq(kr_app_note_edit(app, &l.items[0], "Een meisje vraagt de juf.", &err), KR_OK);
    kr_observation_list_fini(&l);
    l = notes();
    ck_assert_str_eq(l.items[0].text, "Een meisje vraagt de juf.");
    kr_observation_list_fini(&l);

    struct kr_app_undone u;
    ck_assert_int_eq(kr_app_undo(app, &u, &err), KR_OK);
    ck_assert_int_eq(u.kind, KR_APP_UNDO_EDIT);
    ck_assert_str_eq(u.id, id);
    kr_app_undone_fini(&u);
    l = notes();
    ck_assert_str_eq(l.items[0].text, "Een meisje vraagt haar buurvrouw.");
    ck_assert_int_eq(l.items[0].corner, KR_CORNER_LEERLING); /* the corner it had then */
    kr_observation_list_fini(&l);

    ck_assert_int_eq(kr_app_undo(app, &u, &err), KR_OK);
    ck_assert_int_eq(u.kind, KR_APP_UNDO_PLACE);
    kr_app_undone_fini(&u);
    l = notes();
    ck_assert_int_eq(l.items[0].corner, KR_CORNER_NONE);
    kr_observation_list_fini(&l);

    ck_assert_int_eq(kr_app_undo(app, &u, &err), KR_OK); /* the add */
    ck_assert_int_eq(u.kind, KR_APP_UNDO_ADD);
    kr_app_undone_fini(&u);
    l = notes();
    ck_assert_uint_eq(l.n, 0);
    kr_observation_list_fini(&l);
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(kr_app_undo(app, &u, &err), KR_NOT_FOUND);
    ck_assert_int_eq(err.status, KR_OK); /* nothing to undo is no error */
    free(id);
}
END_TEST

START_TEST(test_delete_then_restore)
{
    char *id = add("Een jongen pakt de blokjes.");
    struct kr_observation_list l = notes();
    ck_assert_int_eq(kr_app_note_delete(app, &l.items[0], &err), KR_OK);
    kr_observation_list_fini(&l);
    l = notes();
    ck_assert_uint_eq(l.n, 0);
    kr_observation_list_fini(&l);
    struct kr_app_undone u;
    ck_assert_int_eq(kr_app_undo(app, &u, &err), KR_OK);
    ck_assert_int_eq(u.kind, KR_APP_UNDO_DELETE);
    ck_assert_str_eq(u.id, id);
    kr_app_undone_fini(&u);
    l = notes();
    ck_assert_uint_eq(l.n, 1);
    ck_assert_str_eq(l.items[0].text, "Een jongen pakt de blokjes.");
    kr_observation_list_fini(&l);
    free(id);
}
END_TEST

/* u on the start screen: the deletion of a bijeenkomst comes back although a note was
 * changed after it, and the note's step stays to be undone. */
START_TEST(test_session_delete_undone_behind_note_steps)
{
    char *id = add("Een meisje telt op haar vingers.");
    ck_assert_int_eq(kr_app_session_delete(app, sid, "12 maart", &err), KR_OK);
    struct kr_session_list sl = {0};
    ck_assert_int_eq(kr_app_sessions_list(app, &sl, &err), KR_OK);
    ck_assert_uint_eq(sl.n, 0);
    kr_session_list_fini(&sl);
    struct kr_observation_list l = notes();
    ck_assert_int_eq(kr_app_note_place(app, &l.items[0], KR_CORNER_LERAAR, &err), KR_OK);
    kr_observation_list_fini(&l);

    struct kr_app_undone u;
    ck_assert_int_eq(kr_app_undo_session_delete(app, &u, &err), KR_OK);
    ck_assert_int_eq(u.kind, KR_APP_UNDO_SESSION_DELETE);
    ck_assert_str_eq(u.id, sid);
    ck_assert_str_eq(u.name, "12 maart");
    kr_app_undone_fini(&u);
    ck_assert_int_eq(kr_app_sessions_list(app, &sl, &err), KR_OK);
    ck_assert_uint_eq(sl.n, 1);
    kr_session_list_fini(&sl);
    ck_assert_int_eq(kr_app_undo_session_delete(app, &u, &err), KR_NOT_FOUND);
    /* the place is next, then the add */
    ck_assert_int_eq(kr_app_undo(app, &u, &err), KR_OK);
    ck_assert_int_eq(u.kind, KR_APP_UNDO_PLACE);
    kr_app_undone_fini(&u);
    ck_assert_int_eq(kr_app_undo(app, &u, &err), KR_OK);
    ck_assert_int_eq(u.kind, KR_APP_UNDO_ADD);
    ck_assert_str_eq(u.id, id);
    kr_app_undone_fini(&u);
    free(id);
}
END_TEST

/* The form's transaction: an edit of a bijeenkomst that is not there fails after its new
 * network was made, and the network goes with it; the app can save again afterwards. */
START_TEST(test_session_save_rolls_back)
{
    struct kr_session s = {.id = kr_xstrdup("00000000-0000-4000-8000-000000000000"),
                           .date = kr_xstrdup("2026-03-13"),
                           .kijkvraag_text = kr_xstrdup("Hoe plannen leerlingen hun werk?")};
    struct kr_app_session_form f = {
        .s = &s, .network_name = "Netwerk Noord", .tweetallen = "Cees & Dirk", .update = true};
    ck_assert_int_eq(kr_app_session_save(app, &f, &err), KR_NOT_FOUND);
    kr_session_fini(&s);
    struct kr_network_info_list nl = {0};
    ck_assert_int_eq(kr_app_networks(app, &nl, &err), KR_OK);
    ck_assert_uint_eq(nl.n, 0);
    kr_network_info_list_fini(&nl);

    /* no transaction left open: a new bijeenkomst in that network is saved */
    struct kr_session n = {.date = kr_xstrdup("2026-03-13"),
                           .kijkvraag_text = kr_xstrdup("Hoe plannen leerlingen hun werk?")};
    struct kr_app_session_form g = {
        .s = &n, .network_name = "Netwerk Noord", .tweetallen = "Cees & Dirk; Anna & Bram"};
    ck_assert_int_eq(kr_app_session_save(app, &g, &err), KR_OK);
    ck_assert_int_eq(kr_app_networks(app, &nl, &err), KR_OK);
    ck_assert_uint_eq(nl.n, 1);
    ck_assert_str_eq(nl.items[0].name, "Netwerk Noord");
    kr_network_info_list_fini(&nl);
    struct kr_tweetal_list tl = {0};
    ck_assert_int_eq(kr_app_tweetallen(app, n.id, &tl, &err), KR_OK);
    ck_assert_uint_eq(tl.n, 2);
    kr_tweetal_list_fini(&tl);
    kr_session_fini(&n);
}
END_TEST

START_TEST(test_pending_saved_in_order)
{
    kr_app_pending_add(app, vid, "2026-03-12T09:01:00+01:00", "Eerste notitie die wachtte.");
    kr_app_pending_add(app, vid, "2026-03-12T09:02:00+01:00", "Tweede notitie die wachtte.");
    ck_assert_uint_eq(kr_app_pending_count(app), 2);
    const char *v, *at, *text;
    kr_app_pending_get(app, 1, &v, &at, &text);
    ck_assert_str_eq(text, "Tweede notitie die wachtte.");
    ck_assert_uint_eq(kr_app_pending_retry(app, &err), 2);
    ck_assert_uint_eq(kr_app_pending_count(app), 0);
    struct kr_observation_list l = notes();
    ck_assert_uint_eq(l.n, 2);
    ck_assert_str_eq(l.items[0].text, "Eerste notitie die wachtte.");
    ck_assert_str_eq(l.items[0].at, "2026-03-12T09:01:00+01:00");
    kr_observation_list_fini(&l);
    struct kr_app_undone u;
    ck_assert_int_eq(kr_app_undo(app, &u, &err), KR_OK); /* the second one's add */
    kr_app_undone_fini(&u);
    l = notes();
    ck_assert_uint_eq(l.n, 1);
    kr_observation_list_fini(&l);
}
END_TEST

/* The network lexicon policy: a broken oordeel.yaml of the network is named once, and the
 * checker is the built-in one (it still finds judging words). */
START_TEST(test_broken_network_lexicon_falls_back)
{
    char dir[] = "/tmp/kr-app-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char *sub = kr_xasprintf("%s/kijkronde", dir), *file = kr_xasprintf("%s/oordeel.yaml", sub);
    ck_assert_int_eq(mkdir(sub, 0700), 0);
    FILE *fp = fopen(file, "w");
    ck_assert_ptr_nonnull(fp);
    fputs("categorieen:\n  jargon: [\n", fp);
    fclose(fp);
    setenv("XDG_DATA_HOME", dir, 1);
    struct kr_error warn = {0};
    struct kr_checker *c = kr_app_checker(app, &warn);
    ck_assert_ptr_nonnull(c);
    ck_assert_int_ne(warn.status, KR_OK);
    ck_assert(strstr(warn.file, "oordeel.yaml") || strstr(warn.msg, "oordeel.yaml"));
    ck_assert_uint_gt(findings("De juf legt het heel goed uit."), 0);
    struct kr_error again = {0};
    ck_assert_ptr_eq(kr_app_checker(app, &again), c);
    ck_assert_int_eq(again.status, KR_OK); /* told once */
    unsetenv("XDG_DATA_HOME");
    unlink(file);
    rmdir(sub);
    rmdir(dir);
    free(file);
    free(sub);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("app");
    TCase *tc = tcase_create("app");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_add_then_list_with_findings);
    tcase_add_test(tc, test_edit_then_undo_restores);
    tcase_add_test(tc, test_delete_then_restore);
    tcase_add_test(tc, test_session_delete_undone_behind_note_steps);
    tcase_add_test(tc, test_session_save_rolls_back);
    tcase_add_test(tc, test_pending_saved_in_order);
    tcase_add_test(tc, test_broken_network_lexicon_falls_back);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
