/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for recurring patterns across bijeenkomsten (include/kijkronde/recurring.h): a
 * pattern seen in two bijeenkomsten recurs and one seen in one does not, corners never mix,
 * judging notes never count, the group's own sentence wins over the computed statement, and
 * the same input gives the same result.
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/recurring.h"
#include "krtest.h"

struct fixture {
    struct kr_pattern_note notes[8];
    size_t n;
    struct kr_pattern_result res;
};

static const char *const S1[][2] = {
    {"leerling", "Een jongen vraagt zijn buurman om hulp bij de deelsom."},
    {"leerling", "Twee meisjes vragen elkaar om hulp bij de som."},
    {"leerling", "Een meisje legt de breuk na met blokjes op tafel."},
    {"leraar", "De juf zegt het antwoord voor als een leerling stil blijft."},
    {"leerling", "Een leerling vraagt zijn buurman om hulp, heel slim."}, /* judging */
};
static const char *const S2[][2] = {
    {"leerling", "Een leerling vraagt haar buurvrouw om hulp bij de som."},
    {"leerling", "Een jongen vraagt zijn buurman om hulp bij de tafelsom."},
    {"leraar", "De meester zegt het antwoord voor als een leerling stil blijft."},
    {"leerinhoud", "Op het bord staat het lesdoel van de les over breuken."},
    /* the words of the leerling pattern, in another corner: never merged with it */
    {"leraar", "De leraar vraagt een leerling om hulp bij het uitdelen van de som."},
};

static void load(struct fixture *f, const char *const (*texts)[2], size_t n, const char *sid,
                 const struct kr_pattern_options *opt)
{
    static char ids[2][8][32];
    int k = sid[1] - '1';
    memset(f, 0, sizeof *f);
    for (size_t i = 0; i < n; i++) {
        snprintf(ids[k][i], sizeof ids[k][i], "%s-o%zu", sid, i + 1);
        enum kr_corner c;
        ck_assert(kr_corner_parse(texts[i][0], &c));
        f->notes[i] = (struct kr_pattern_note){.id = ids[k][i],
                                               .visit_id = i % 2 ? "v1" : "v2",
                                               .text = texts[i][1],
                                               .corner = c,
                                               .flagged = strstr(texts[i][1], "slim") != NULL};
    }
    f->n = n;
    struct kr_error err;
    ck_assert_int_eq(kr_patterns_compute(f->notes, n, opt, &f->res, &err), KR_OK);
}

static bool has_obs(const struct kr_recurring *r, const char *id)
{
    for (size_t i = 0; i < r->n_observations; i++)
        if (strcmp(r->observations[i], id) == 0)
            return true;
    return false;
}

static const struct kr_recurring *with_obs(const struct kr_recurring_result *r, const char *id)
{
    for (size_t k = 0; k < r->n; k++)
        if (has_obs(&r->items[k], id))
            return &r->items[k];
    return NULL;
}

START_TEST(test_recurring_across_two)
{
    struct fixture a, b;
    load(&a, S1, 5, "s1", NULL);
    load(&b, S2, 5, "s2", NULL);
    struct kr_recurring_session in[2] = {
        {.id = "s1", .notes = a.notes, .n_notes = a.n, .result = &a.res},
        {.id = "s2", .notes = b.notes, .n_notes = b.n, .result = &b.res},
    };
    struct kr_recurring_result r;
    struct kr_error err;
    ck_assert_int_eq(kr_recurring_compute(in, 2, 0, &r, &err), KR_OK);
    ck_assert_uint_ge(r.n, 2);
    const struct kr_recurring *help = with_obs(&r, "s1-o1");
    ck_assert_ptr_nonnull(help);
    ck_assert_int_eq(help->corner, KR_CORNER_LEERLING);
    ck_assert_uint_eq(help->n_sessions, 2);
    ck_assert_uint_eq(help->sessions[0], 0);
    ck_assert_uint_eq(help->sessions[1], 1);
    ck_assert(has_obs(help, "s2-o1") || has_obs(help, "s2-o2"));
    ck_assert(!help->group_statement);
    ck_assert_ptr_nonnull(strstr(help->statement, "hulp"));
    ck_assert(strncmp(help->id, "r-p-", 4) == 0);
    const struct kr_recurring *answer = with_obs(&r, "s1-o4");
    ck_assert_ptr_nonnull(answer);
    ck_assert_int_eq(answer->corner, KR_CORNER_LERAAR);
    ck_assert(has_obs(answer, "s2-o3"));
    for (size_t k = 0; k < r.n; k++) {
        /* the judging note never counts; the blokjes and lesdoel notes were seen once */
        ck_assert(!has_obs(&r.items[k], "s1-o5"));
        ck_assert(!has_obs(&r.items[k], "s1-o3"));
        ck_assert(!has_obs(&r.items[k], "s2-o4"));
        ck_assert_uint_ge(r.items[k].n_sessions, 2);
        /* corners never mix */
        for (size_t i = 0; i < r.items[k].n_members; i++) {
            const struct kr_recurring_member *m = &r.items[k].members[i];
            ck_assert_int_eq(in[m->session].result->patterns[m->pattern].corner, r.items[k].corner);
        }
    }
    ck_assert_ptr_ne(with_obs(&r, "s2-o5"), help);
    /* the same input, the same result */
    struct kr_recurring_result again;
    ck_assert_int_eq(kr_recurring_compute(in, 2, 0, &again, &err), KR_OK);
    ck_assert_uint_eq(again.n, r.n);
    for (size_t k = 0; k < r.n; k++) {
        ck_assert_str_eq(again.items[k].id, r.items[k].id);
        ck_assert_str_eq(again.items[k].statement, r.items[k].statement);
    }
    /* one bijeenkomst alone has nothing that recurs */
    struct kr_recurring_result one;
    ck_assert_int_eq(kr_recurring_compute(in, 1, 0, &one, &err), KR_OK);
    ck_assert_uint_eq(one.n, 0);
    kr_recurring_result_fini(&one);
    kr_recurring_result_fini(&again);
    kr_recurring_result_fini(&r);
    kr_pattern_result_fini(&a.res);
    kr_pattern_result_fini(&b.res);
}
END_TEST

START_TEST(test_recurring_group_sentence_wins)
{
    struct fixture a, b;
    load(&a, S1, 5, "s1", NULL);
    /* in s2 the group renamed the help pattern with a sentence of its own */
    struct kr_pattern_group g = {.id = "g-hulp",
                                 .corner = KR_CORNER_LEERLING,
                                 .label = "Leerlingen zoeken eerst hulp bij een klasgenoot"};
    const char *pins[5] = {"g-hulp", "g-hulp", NULL, NULL, NULL};
    struct kr_pattern_options opt = {.groups = &g, .n_groups = 1, .pins = pins};
    load(&b, S2, 5, "s2", &opt);
    struct kr_recurring_session in[2] = {
        {.id = "s1", .notes = a.notes, .n_notes = a.n, .result = &a.res},
        {.id = "s2", .notes = b.notes, .n_notes = b.n, .result = &b.res},
    };
    struct kr_recurring_result r;
    struct kr_error err;
    ck_assert_int_eq(kr_recurring_compute(in, 2, 0, &r, &err), KR_OK);
    const struct kr_recurring *help = with_obs(&r, "s2-o1");
    ck_assert_ptr_nonnull(help);
    ck_assert(has_obs(help, "s1-o1"));
    ck_assert(help->group_statement);
    ck_assert_str_eq(help->statement, "Leerlingen zoeken eerst hulp bij een klasgenoot.");
    kr_recurring_result_fini(&r);
    /* a hidden[] of the caller (the summary's rule) keeps a note out as well */
    bool hidden[5] = {true, false, false, false, false};
    in[0].hidden = hidden;
    ck_assert_int_eq(kr_recurring_compute(in, 2, 0, &r, &err), KR_OK);
    ck_assert_ptr_null(with_obs(&r, "s1-o1"));
    kr_recurring_result_fini(&r);
    in[0].result = NULL;
    ck_assert_int_eq(kr_recurring_compute(in, 2, 0, &r, &err), KR_INVALID);
    kr_recurring_result_fini(&r);
    kr_pattern_result_fini(&a.res);
    kr_pattern_result_fini(&b.res);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("recurring");
    TCase *tc = tcase_create("recurring");
    tcase_add_test(tc, test_recurring_across_two);
    tcase_add_test(tc, test_recurring_group_sentence_wins);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
