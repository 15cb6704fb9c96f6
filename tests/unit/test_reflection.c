/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the shared reflection: the group's decisions (rename, move, corner,
 * merge, split) are saved, survive a restart, and a re-run of the clustering with new
 * notes never undoes them; the debrief phases, theory of action and calibration.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "kijkronde/mem.h"
#include "kijkronde/reflection.h"
#include "kijkronde/store.h"
#include "krtest.h"

static struct kr_store *st;
static struct kr_error err;
static char *session_id, *visit_id[2];
static char dbpath[64];

static const struct {
    int visit;
    enum kr_corner corner;
    const char *text;
} seed[] = {
    {0, KR_CORNER_LEERLING, "Leerling steekt haar vinger op en wacht drie minuten."},
    {1, KR_CORNER_LEERLING, "Twee leerlingen steken hun vinger op en wachten op de juf."},
    {0, KR_CORNER_NONE, "Jongen vraagt zijn buurman om hulp bij de som."},
    {1, KR_CORNER_LEERLING, "Meisje vraagt haar buurvrouw om hulp bij opgave 4."},
    {0, KR_CORNER_LERAAR, "Juf legt de som uit op het digibord."},
    {1, KR_CORNER_LEERLING, "De juf legt op het digibord uit hoe je splitst."},
    {0, KR_CORNER_NONE, "Op het bord staat het lesdoel."},
    {1, KR_CORNER_LEERINHOUD, "Het lesdoel staat op het bord."},
};
#define NSEED (sizeof seed / sizeof *seed)
static char *ids[NSEED];

static void add_note(const char *text, int visit, enum kr_corner c, char **id_out)
{
    struct kr_observation o = {
        .visit_id = kr_xstrdup(visit_id[visit]), .text = kr_xstrdup(text), .corner = c};
    ck_assert_int_eq(kr_store_obs_add(st, &o, &err), KR_OK);
    if (id_out)
        *id_out = kr_xstrdup(o.id);
    kr_observation_fini(&o);
}

static void setup(void)
{
    kr_error_clear(&err);
    snprintf(dbpath, sizeof dbpath, "/tmp/kr-reflection-%ld.db", (long)getpid());
    unlink(dbpath);
    ck_assert_int_eq(kr_store_open(dbpath, &st, &err), KR_OK);
    struct kr_session s = {.date = kr_xstrdup("2026-03-12"),
                           .kijkvraag_text = kr_xstrdup("Wat doen leerlingen als ze vastlopen?")};
    ck_assert_int_eq(kr_store_session_add(st, &s, &err), KR_OK);
    session_id = kr_xstrdup(s.id);
    kr_session_fini(&s);
    for (int v = 0; v < 2; v++) {
        struct kr_visit vi = {.session_id = kr_xstrdup(session_id),
                              .label = kr_xasprintf("groep %d", 5 + v)};
        ck_assert_int_eq(kr_store_visit_add(st, &vi, &err), KR_OK);
        visit_id[v] = kr_xstrdup(vi.id);
        kr_visit_fini(&vi);
    }
    for (size_t i = 0; i < NSEED; i++)
        add_note(seed[i].text, seed[i].visit, seed[i].corner, &ids[i]);
}

static void teardown(void)
{
    kr_store_close(st);
    st = NULL;
    unlink(dbpath);
    char side[80];
    snprintf(side, sizeof side, "%s-wal", dbpath);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", dbpath);
    unlink(side);
    free(session_id);
    free(visit_id[0]);
    free(visit_id[1]);
    for (size_t i = 0; i < NSEED; i++)
        free(ids[i]);
}

static void load(struct kr_reflection *r)
{
    ck_assert_int_eq(kr_reflection_load(st, session_id, NULL, NULL, r, &err), KR_OK);
}

/* The index of the note with id, in r. */
static size_t note_of(const struct kr_reflection *r, const char *id)
{
    for (size_t i = 0; i < r->obs.n; i++)
        if (strcmp(r->obs.items[i].id, id) == 0)
            return i;
    ck_abort_msg("note %s not found", id);
    return 0;
}

static const struct kr_pattern *pattern_of(const struct kr_reflection *r, const char *id)
{
    return &r->result.patterns[r->result.pattern_of[note_of(r, id)]];
}

static void reopen(void)
{
    kr_store_close(st);
    ck_assert_int_eq(kr_store_open(dbpath, &st, &err), KR_OK);
}

START_TEST(test_reflection_rename_survives_restart_and_rerun)
{
    struct kr_reflection r;
    load(&r);
    size_t p = r.result.pattern_of[note_of(&r, ids[0])];
    ck_assert_uint_eq(p, r.result.pattern_of[note_of(&r, ids[1])]); /* vinger op */
    ck_assert(!r.result.patterns[p].group);
    ck_assert_int_eq(kr_reflection_rename(st, &r, p, "Wachten met de vinger op", &err), KR_OK);
    kr_reflection_fini(&r);
    reopen();
    /* New notes that would pull the clustering elsewhere do not change the decision. */
    add_note("Leerling steekt vinger op, juf komt niet; hij wacht en vraagt zijn buurman.", 0,
             KR_CORNER_NONE, NULL);
    add_note("Vinger op bij opgave 2, daarna vraagt ze haar buurvrouw om hulp.", 1, KR_CORNER_NONE,
             NULL);
    load(&r);
    const struct kr_pattern *pt = pattern_of(&r, ids[0]);
    ck_assert(pt->group);
    ck_assert_str_eq(pt->label, "Wachten met de vinger op");
    ck_assert_ptr_eq(pt, pattern_of(&r, ids[1]));
    ck_assert_uint_eq(pt->n_notes, 2); /* the new notes were not added behind the group's back */
    /* Renaming its pattern does not make the group the one who placed the note. */
    ck_assert_str_ne(kr_reflection_placed_by(&r, note_of(&r, ids[0])), "groep");
    kr_reflection_fini(&r);
}
END_TEST

START_TEST(test_reflection_move_merge_split)
{
    struct kr_reflection r;
    load(&r);
    /* Move the lesdoel note into the vinger-op pattern (a strange but deliberate choice). */
    size_t target = r.result.pattern_of[note_of(&r, ids[0])];
    ck_assert_int_eq(kr_reflection_move_note(st, &r, note_of(&r, ids[6]), target, &err), KR_OK);
    kr_reflection_fini(&r);
    load(&r);
    ck_assert_ptr_eq(pattern_of(&r, ids[6]), pattern_of(&r, ids[0]));
    ck_assert_int_eq(r.result.corner[note_of(&r, ids[6])], KR_CORNER_LEERLING);
    /* Merge the hulp-vragen pattern into it. */
    size_t into = r.result.pattern_of[note_of(&r, ids[0])];
    size_t from = r.result.pattern_of[note_of(&r, ids[2])];
    ck_assert_uint_ne(into, from);
    ck_assert_int_eq(kr_reflection_merge(st, &r, into, from, &err), KR_OK);
    kr_reflection_fini(&r);
    load(&r);
    const struct kr_pattern *m = pattern_of(&r, ids[0]);
    ck_assert_ptr_eq(m, pattern_of(&r, ids[3]));
    ck_assert_uint_eq(m->n_notes, 5);
    ck_assert_int_eq(m->kind, KR_PATTERN_OVEREENKOMST);
    /* Split the two hulp notes off again, under their own name. */
    size_t pm = r.result.pattern_of[note_of(&r, ids[0])];
    size_t part[2] = {note_of(&r, ids[2]), note_of(&r, ids[3])};
    ck_assert_int_eq(kr_reflection_split(st, &r, pm, part, 2, "Hulp bij een klasgenoot", &err),
                     KR_OK);
    /* A split of every note or of a note from elsewhere is refused. */
    size_t wrong[1] = {note_of(&r, ids[4])};
    ck_assert_int_eq(kr_reflection_split(st, &r, pm, wrong, 1, "x", &err), KR_INVALID);
    kr_reflection_fini(&r);
    load(&r);
    ck_assert_str_eq(pattern_of(&r, ids[2])->label, "Hulp bij een klasgenoot");
    ck_assert_ptr_eq(pattern_of(&r, ids[2]), pattern_of(&r, ids[3]));
    ck_assert_ptr_ne(pattern_of(&r, ids[2]), pattern_of(&r, ids[0]));
    ck_assert_uint_eq(pattern_of(&r, ids[0])->n_notes, 3);
    /* Every note is still in exactly one pattern. */
    size_t total = 0;
    for (size_t p = 0; p < r.result.n_patterns; p++)
        total += r.result.patterns[p].n_notes;
    ck_assert_uint_eq(total, r.obs.n);
    kr_reflection_fini(&r);
}
END_TEST

START_TEST(test_reflection_corner_and_calibration)
{
    struct kr_reflection r;
    load(&r);
    struct kr_calibration c;
    kr_reflection_calibration(&r, &c);
    ck_assert_uint_eq(c.compared, 6); /* six notes placed by their observer */
    ck_assert_uint_eq(c.differ, 0);
    ck_assert(c.kappa > 0.99);
    kr_calibration_fini(&c);
    /* The group decides note 5 (placed at leerling by its observer) is about the leraar. */
    ck_assert_int_eq(kr_reflection_set_corner(st, &r, note_of(&r, ids[5]), KR_CORNER_LERAAR, &err),
                     KR_OK);
    kr_reflection_fini(&r);
    reopen();
    load(&r);
    size_t i5 = note_of(&r, ids[5]);
    ck_assert_int_eq(r.result.corner[i5], KR_CORNER_LERAAR);
    ck_assert_int_eq(r.obs.items[i5].corner, KR_CORNER_LEERLING); /* the observer's own stays */
    ck_assert_str_eq(kr_reflection_placed_by(&r, i5), "groep");
    ck_assert_ptr_eq(pattern_of(&r, ids[5]), pattern_of(&r, ids[4])); /* now with the uitleg */
    kr_reflection_calibration(&r, &c);
    ck_assert_uint_eq(c.differ, 1);
    ck_assert_uint_eq(c.notes[0], i5);
    ck_assert_uint_eq(c.per[KR_CORNER_LEERLING][KR_CORNER_LERAAR], 1);
    ck_assert(c.kappa < 0.99 && c.kappa > 0.0);
    ck_assert(strstr(kr_calibration_explained(), "kappa") != NULL);
    kr_calibration_fini(&c);
    kr_reflection_fini(&r);
}
END_TEST

START_TEST(test_reflection_kappa_values)
{
    enum kr_corner a[] = {KR_CORNER_LEERLING, KR_CORNER_LEERLING, KR_CORNER_LERAAR,
                          KR_CORNER_LERAAR, KR_CORNER_NONE};
    enum kr_corner b[] = {KR_CORNER_LEERLING, KR_CORNER_LERAAR, KR_CORNER_LERAAR, KR_CORNER_LERAAR,
                          KR_CORNER_LEERINHOUD};
    size_t used;
    /* po = 0.75, pe = 0.5*0.25 + 0.5*0.75 = 0.5, kappa = 0.5 */
    ck_assert_double_eq_tol(kr_cohen_kappa(a, b, 5, &used), 0.5, 1e-9);
    ck_assert_uint_eq(used, 4);
    ck_assert_double_eq_tol(kr_cohen_kappa(a, a, 4, NULL), 1.0, 1e-9);
    ck_assert_double_eq_tol(kr_cohen_kappa(a, b, 0, &used), 0.0, 1e-9);
}
END_TEST

START_TEST(test_reflection_phases_and_theory_of_action)
{
    char *t = NULL;
    ck_assert_int_eq(kr_store_phase_get(st, session_id, KR_PHASE_VOORSPELLEN, &t, &err), KR_OK);
    ck_assert_ptr_null(t);
    ck_assert_int_eq(kr_store_phase_put(st, session_id, KR_PHASE_VOORSPELLEN,
                                        "Je leert wachten tot de juf komt.", &err),
                     KR_OK);
    reopen();
    ck_assert_int_eq(kr_store_phase_get(st, session_id, KR_PHASE_VOORSPELLEN, &t, &err), KR_OK);
    ck_assert_str_eq(t, "Je leert wachten tot de juf komt.");
    free(t);
    ck_assert_int_eq(kr_store_phase_put(st, session_id, KR_PHASE_VOORSPELLEN, "", &err), KR_OK);
    ck_assert_int_eq(kr_store_phase_get(st, session_id, KR_PHASE_VOORSPELLEN, &t, &err), KR_OK);
    ck_assert_ptr_null(t);
    ck_assert_int_eq(kr_store_phase_put(st, session_id, KR_PHASE_ANALYSEREN, "\xff", &err),
                     KR_INVALID);
    ck_assert_str_eq(kr_phase_str(KR_PHASE_VOLGENDE_STAP), "volgende-stap");
    ck_assert(strstr(kr_phase_question(KR_PHASE_VOORSPELLEN), "leerling") != NULL);

    struct kr_theory_of_action toa = {kr_xstrdup("tijd maakt voor collegiale observatie"),
                                      kr_xstrdup("wachttijd geven na een vraag"),
                                      kr_xstrdup("zelf een eerste stap zetten"), NULL};
    ck_assert_int_eq(kr_store_toa_put(st, session_id, &toa, &err), KR_OK);
    kr_theory_of_action_fini(&toa);
    ck_assert_int_eq(kr_store_toa_get(st, session_id, &toa, &err), KR_OK);
    ck_assert_str_eq(toa.leraren, "wachttijd geven na een vraag");
    ck_assert_ptr_null(toa.bewijs);
    kr_theory_of_action_fini(&toa);
}
END_TEST

/* The group confirms an extent (debrief, analyseren): stored, kept over a restart and new
 * notes, with the proposal beside it; a word outside the four is refused; NULL goes back to
 * the proposal. A note set aside in the screening stays out of the patterns. */
START_TEST(test_reflection_extent_and_set_aside)
{
    struct kr_reflection r;
    load(&r);
    size_t p = r.result.pattern_of[note_of(&r, ids[0])];
    const char *proposed = r.result.patterns[p].extent;
    ck_assert_ptr_nonnull(proposed);
    ck_assert_ptr_eq(r.proposed[p], proposed);
    ck_assert(!r.confirmed[p]);
    const char *other = strcmp(proposed, "enkele") == 0 ? "de meeste" : "enkele";
    ck_assert_int_eq(kr_reflection_set_extent(st, &r, p, "weinig", &err), KR_INVALID);
    ck_assert_ptr_nonnull(strstr(err.msg, "weinig"));
    ck_assert_int_eq(kr_reflection_set_extent(st, &r, p, other, &err), KR_OK);
    kr_reflection_fini(&r);
    reopen();
    add_note("Leerling steekt haar vinger op en wacht tot de juf komt.", 0, KR_CORNER_LEERLING,
             NULL);
    load(&r);
    p = r.result.pattern_of[note_of(&r, ids[0])];
    ck_assert(r.result.patterns[p].group);
    ck_assert_str_eq(r.result.patterns[p].extent, other);
    ck_assert(r.confirmed[p]);
    ck_assert_str_eq(r.proposed[p], proposed);
    ck_assert_int_eq(kr_reflection_set_extent(st, &r, p, NULL, &err), KR_OK);
    kr_reflection_fini(&r);
    load(&r);
    p = r.result.pattern_of[note_of(&r, ids[0])];
    ck_assert(!r.confirmed[p]);
    ck_assert_str_eq(r.result.patterns[p].extent, r.proposed[p]);
    ck_assert(!r.flagged[note_of(&r, ids[2])]);
    kr_reflection_fini(&r);

    ck_assert_int_eq(kr_store_obs_set_keep_reason(st, ids[2], KR_REFLECTION_APART, &err), KR_OK);
    load(&r);
    ck_assert(r.flagged[note_of(&r, ids[2])]);
    ck_assert(pattern_of(&r, ids[2])->flagged);
    ck_assert_ptr_null(pattern_of(&r, ids[2])->extent);
    ck_assert_int_eq(
        kr_reflection_set_extent(st, &r, r.result.pattern_of[note_of(&r, ids[2])], "veel", &err),
        KR_INVALID);
    kr_reflection_fini(&r);
}
END_TEST

START_TEST(test_reflection_too_many_said_before_reading)
{
    /* The kept count says more notes than patterns take: refused before a note is read. */
    sqlite3 *raw = NULL;
    ck_assert_int_eq(sqlite3_open(dbpath, &raw), SQLITE_OK);
    char q[256];
    snprintf(q, sizeof q, "UPDATE session SET n_live = %d WHERE id = '%s'",
             KR_PATTERNS_MAX_NOTES + 1, session_id);
    ck_assert_int_eq(sqlite3_exec(raw, q, NULL, NULL, NULL), SQLITE_OK);
    struct kr_reflection r;
    ck_assert_int_eq(kr_reflection_load(st, session_id, NULL, NULL, &r, &err), KR_INVALID);
    ck_assert(r.too_many);
    ck_assert_uint_eq(r.obs.n, 0);
    ck_assert_uint_eq(r.visits.n, 0);
    ck_assert_ptr_nonnull(strstr(err.msg, "300001 notities"));
    kr_reflection_fini(&r);
    kr_error_clear(&err);
    /* Within the limit the patterns are computed as before. */
    snprintf(q, sizeof q, "UPDATE session SET n_live = %d WHERE id = '%s'", (int)NSEED, session_id);
    ck_assert_int_eq(sqlite3_exec(raw, q, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);
    load(&r);
    ck_assert(!r.too_many);
    ck_assert_uint_eq(r.obs.n, NSEED);
    kr_reflection_fini(&r);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("reflection");
    TCase *tc = tcase_create("decisions");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_reflection_rename_survives_restart_and_rerun);
    tcase_add_test(tc, test_reflection_extent_and_set_aside);
    tcase_add_test(tc, test_reflection_move_merge_split);
    tcase_add_test(tc, test_reflection_corner_and_calibration);
    tcase_add_test(tc, test_reflection_kappa_values);
    tcase_add_test(tc, test_reflection_too_many_said_before_reading);
    tcase_add_test(tc, test_reflection_phases_and_theory_of_action);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
