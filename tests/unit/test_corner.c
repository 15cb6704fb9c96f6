/* SPDX-License-Identifier: MIT */
/* Unit tests for the corner guess: role words, the subject, quotes, and accuracy on a labelled day.
 */
#include <string.h>

#include "kijkronde/corner.h"
#include "krtest.h"
#include "labelled.h"

static struct kr_corner_classifier *cc;

static void setup(void)
{
    cc = kr_corner_classifier_new();
}

static void teardown(void)
{
    kr_corner_classifier_free(cc);
}

static enum kr_corner guess(const char *t)
{
    struct kr_corner_guess g = kr_corner_guess(cc, t, strlen(t));
    ck_assert(g.confidence > 0.0 && g.confidence <= 1.0);
    return g.corner;
}

START_TEST(test_corner_subject_decides)
{
    ck_assert_int_eq(guess("Juf vraagt: \"Wie weet het antwoord?\""), KR_CORNER_LERAAR);
    ck_assert_int_eq(guess("De leerkracht loopt rond en kijkt op de schermen."), KR_CORNER_LERAAR);
    ck_assert_int_eq(guess("5 van 26 lln steken hun vinger op."), KR_CORNER_LEERLING);
    ck_assert_int_eq(guess("Meisje bij het raam kijkt naar buiten."), KR_CORNER_LEERLING);
    ck_assert_int_eq(guess("Op het bord staat het lesdoel."), KR_CORNER_LEERINHOUD);
    ck_assert_int_eq(guess("Het werkblad heeft 20 sommen van hetzelfde type."),
                     KR_CORNER_LEERINHOUD);
    /* Inversion: the subject follows the verb after a fronted phrase. */
    ck_assert_int_eq(guess("Na de uitleg vraagt de meester om een antwoord."), KR_CORNER_LERAAR);
}
END_TEST

START_TEST(test_corner_quotes_ignored)
{
    /* The learner speaks about the juf; the note is about the learner. */
    ck_assert_int_eq(guess("Leerling zegt: 'De juf heeft de opdracht op het bord gezet.'"),
                     KR_CORNER_LEERLING);
    ck_assert_int_eq(guess("Jongen vraagt: \"Meester, mag ik de chromebook pakken?\""),
                     KR_CORNER_LEERLING);
}
END_TEST

START_TEST(test_corner_empty_and_deterministic)
{
    struct kr_corner_guess g = kr_corner_guess(cc, "", 0);
    ck_assert_int_ne(g.corner, KR_CORNER_NONE);
    ck_assert(g.confidence < 0.5); /* nothing to go on */
    const char *t = "Docent deelt de werkbladen uit; twee kinderen pakken een laptop.";
    struct kr_corner_guess a = kr_corner_guess(cc, t, strlen(t));
    struct kr_corner_guess b = kr_corner_guess(cc, t, strlen(t));
    ck_assert_int_eq(a.corner, b.corner);
    ck_assert(a.confidence == b.confidence);
    /* A clear note is more certain than an empty one. */
    ck_assert(guess("Juf legt uit.") != KR_CORNER_NONE);
    struct kr_corner_guess clear = kr_corner_guess(cc, "Juf legt uit.", 13);
    ck_assert(clear.confidence > g.confidence);
    /* Invalid UTF-8 and control bytes do not crash it. */
    g = kr_corner_guess(cc, "\xff\xfe lln \x1b[2J", 10);
    ck_assert_int_eq(g.corner, KR_CORNER_LEERLING);
}
END_TEST

/* The accuracy floor on the labelled day the classifier was tuned on (see docs/performance.md). */
static void check_day(const char *file, double floor)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", KR_TEST_DATA, file);
    struct labelled_day d = {0};
    ck_assert_int_eq(labelled_day_load(path, &d), 0);
    ck_assert_uint_ge(d.n, 100);
    size_t right = 0;
    const char *verbose = getenv("KR_CORNER_VERBOSE");
    for (size_t i = 0; i < d.n; i++) {
        struct kr_corner_guess g = kr_corner_guess(cc, d.items[i].text, strlen(d.items[i].text));
        if (g.corner == d.items[i].corner)
            right++;
        else if (verbose)
            printf("# mis: %s -> %s (%.2f): %s\n", kr_corner_str(d.items[i].corner),
                   kr_corner_str(g.corner), g.confidence, d.items[i].text);
    }
    double acc = (double)right / (double)d.n;
    printf("# %s: corner accuracy %zu/%zu = %.3f\n", file, right, d.n, acc);
    ck_assert_msg(acc >= floor, "accuracy %.3f below %.2f", acc, floor);
    labelled_day_fini(&d);
}

START_TEST(test_corner_accuracy_day)
{
    check_day("corner_day.tsv", 0.90);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("corner");
    TCase *tc = tcase_create("guess");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_corner_subject_decides);
    tcase_add_test(tc, test_corner_quotes_ignored);
    tcase_add_test(tc, test_corner_empty_and_deterministic);
    tcase_add_test(tc, test_corner_accuracy_day);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
