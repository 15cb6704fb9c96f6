/* SPDX-License-Identifier: MIT */
/* Unit tests for pattern statements and extents (src/patterns/statement.c). */
#include <string.h>

#include "kijkronde/check.h"
#include "kijkronde/patterns.h"
#include "krtest.h"
#include "labelled.h"

static void expect(const char *text, enum kr_corner corner, const char *want)
{
    char *s = kr_pattern_statement_of_text(text, corner);
    ck_assert_msg(strcmp(s, want) == 0, "'%s'\n  gives '%s'\n  wanted '%s'", text, s, want);
    free(s);
}

START_TEST(test_statement_subject_first)
{
    expect("Meisje achterin steekt haar vinger op en wacht 4 minuten; ze typt in die tijd niets.",
           KR_CORNER_LEERLING, "Leerlingen steken hun vinger op en wachten 4 minuten.");
    expect("Leerling bij het raam klikt binnen 3 seconden een antwoord aan.", KR_CORNER_LEERLING,
           "Leerlingen klikken binnen 3 seconden een antwoord aan.");
    expect("Twee jongens aan tafel 6 overleggen in het Turks over opgave 3.", KR_CORNER_LEERLING,
           "Leerlingen overleggen in het Turks over opgave 3.");
    expect("Een leerling vraagt haar buurvrouw om hulp voordat ze de juf roept.",
           KR_CORNER_LEERLING, "Leerlingen vragen hun buurvrouw om hulp voordat ze de juf roepen.");
    expect("Jongen naast de kast is om 09:06 klaar en zit daarna met zijn armen over elkaar.",
           KR_CORNER_LEERLING,
           "Leerlingen zijn om 09:06 klaar en zitten daarna met hun armen over elkaar.");
    expect("Leerling loopt naar de bak, pakt 5 staven en legt ze op tafel.", KR_CORNER_LEERLING,
           "Leerlingen lopen naar de bak, pakken 5 staven en leggen ze op tafel.");
    expect("Leerling antwoordt: 'Omdat het er samen 14 zijn.'", KR_CORNER_LEERLING,
           "Leerlingen antwoorden: 'Omdat het er samen 14 zijn.'");
    expect("Meester schrijft vier woorden op het bord.", KR_CORNER_LERAAR,
           "De leraar schrijft vier woorden op het bord.");
    expect("Leerkracht: 'Wie het lastig vindt, komt naar de tafel.' 6 leerlingen gaan.",
           KR_CORNER_LERAAR, "De leraar zegt: 'Wie het lastig vindt, komt naar de tafel.'");
    expect("Het programma geeft na drie goede antwoorden een moeilijkere som.",
           KR_CORNER_LEERINHOUD,
           "Het programma geeft na drie goede antwoorden een moeilijkere som.");
    expect("Op het bord staat het lesdoel.", KR_CORNER_LEERINHOUD,
           "De opdracht: op het bord staat het lesdoel.");
    expect("Uitleg aan het bord van 09:07 tot 09:19. In die tijd twee vragen.", KR_CORNER_LERAAR,
           "De leraar: uitleg aan het bord van 09:07 tot 09:19.");
    expect("Om 09:26 lezen 14 kinderen stil in het boekje.", KR_CORNER_LEERLING,
           "Leerlingen: om 09:26 lezen 14 kinderen stil in het boekje.");
    /* a name behind the lead-in keeps its capital: lowered, the summary's name
       replacement would no longer see it (found by fuzz_summary) */
    expect("Jan steekt zijn vinger op.", KR_CORNER_LEERINHOUD,
           "De opdracht: Jan steekt zijn vinger op.");
    expect("Fatima en Daan tellen de blokjes.", KR_CORNER_LEERINHOUD,
           "De opdracht: Fatima en Daan tellen de blokjes.");
}
END_TEST

/* A pattern of one note too short to say anything still gets four words or more, subject
   first, that send the group to the notes. */
START_TEST(test_statement_short_note)
{
    const struct kr_pattern_note n[] = {
        {"s1", "v1", "Juf lacht.", KR_CORNER_LERAAR, false},
    };
    struct kr_pattern_result r;
    ck_assert_int_eq(kr_patterns_compute(n, 1, NULL, &r, NULL), KR_OK);
    ck_assert_uint_eq(r.n_patterns, 1);
    ck_assert_str_eq(r.patterns[0].statement, "De leraar lacht (zie de notities).");
    kr_pattern_result_fini(&r);
}
END_TEST

START_TEST(test_extent)
{
    ck_assert_ptr_null(kr_pattern_extent(0, 8));
    ck_assert_ptr_null(kr_pattern_extent(1, 0));
    ck_assert_str_eq(kr_pattern_extent(1, 8), "enkele");
    ck_assert_str_eq(kr_pattern_extent(1, 1), "enkele");
    ck_assert_str_eq(kr_pattern_extent(3, 8), "sommige");
    ck_assert_str_eq(kr_pattern_extent(4, 8), "sommige");
    ck_assert_str_eq(kr_pattern_extent(5, 8), "veel");
    ck_assert_str_eq(kr_pattern_extent(2, 2), "veel");
    ck_assert_str_eq(kr_pattern_extent(6, 8), "de meeste");
    ck_assert_str_eq(kr_pattern_extent(8, 8), "de meeste");
}
END_TEST

/* Does statement s open with the subject of corner c: "Leerlingen", "De leraar", or for the
   task "De opdracht" or the task's own subject ("Het programma geeft ...", "De app ...")? */
static bool opens_with_subject(const char *s, enum kr_corner c)
{
    if (c == KR_CORNER_LEERLING)
        return strncmp(s, "Leerlingen ", 11) == 0 || strncmp(s, "Leerlingen:", 11) == 0;
    if (c == KR_CORNER_LERAAR)
        return strncmp(s, "De leraar ", 10) == 0 || strncmp(s, "De leraar:", 10) == 0;
    return strncmp(s, "De opdracht", 11) == 0 || strncmp(s, "De ", 3) == 0 ||
           strncmp(s, "Het ", 4) == 0;
}

/* On the labelled days: every pattern has a statement of four words or more that starts
   with its corner's subject, that the zonder-oordeel check leaves alone, and an extent;
   the judging notes are kept apart under "Eerst herschrijven". */
static void day(const char *file)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", KR_TEST_DATA, file);
    struct labelled_day d = {0};
    ck_assert_int_eq(labelled_day_load(path, &d), 0);
    struct kr_pattern_note *notes = kr_xcalloc(d.n, sizeof *notes);
    char(*ids)[32] = kr_xcalloc(d.n, sizeof *ids);
    for (size_t i = 0; i < d.n; i++) {
        snprintf(ids[i], sizeof ids[i], "n%zu", i);
        notes[i] = (struct kr_pattern_note){ids[i], d.items[i].visit, d.items[i].text,
                                            KR_CORNER_NONE, false};
    }
    struct kr_checker *c = NULL;
    ck_assert_int_eq(kr_checker_new(NULL, &c, NULL), KR_OK);
    struct kr_finding_list f = {0};
    for (size_t i = 0; i < d.n; i++)
        notes[i].flagged = kr_check(c, notes[i].text, strlen(notes[i].text), &f) > 0;
    struct kr_pattern_result r;
    ck_assert_int_eq(kr_patterns_compute(notes, d.n, NULL, &r, NULL), KR_OK);
    size_t sentences = 0, plain = 0;
    for (size_t p = 0; p < r.n_patterns; p++) {
        const struct kr_pattern *pt = &r.patterns[p];
        ck_assert_ptr_nonnull(pt->statement);
        size_t words = 0;
        for (const char *s = pt->statement; *s; s++)
            words += *s != ' ' && (s == pt->statement || s[-1] == ' ');
        ck_assert_msg(words >= 4, "statement too short: '%s'", pt->statement);
        if (pt->flagged) {
            ck_assert_ptr_null(pt->extent);
            ck_assert(strncmp(pt->statement, "Eerst herschrijven", 18) == 0);
            continue;
        }
        plain++;
        ck_assert_ptr_nonnull(pt->extent);
        ck_assert_msg(opens_with_subject(pt->statement, pt->corner), "not subject first: '%s'",
                      pt->statement);
        ck_assert_msg(kr_check(c, pt->statement, strlen(pt->statement), &f) == 0,
                      "the statement judges: '%s'", pt->statement);
        sentences += strncmp(pt->statement, "Leerlingen:", 11) != 0 &&
                     strncmp(pt->statement, "De leraar:", 10) != 0 &&
                     strncmp(pt->statement, "De opdracht:", 12) != 0;
    }
    printf("# %s: %zu of %zu statements are a sentence without a lead-in\n", file, sentences,
           plain);
    ck_assert_uint_ge(sentences * 2, plain); /* at least half without a lead-in */
    kr_finding_list_fini(&f);
    kr_checker_free(c);
    kr_pattern_result_fini(&r);
    free(notes);
    free(ids);
    labelled_day_fini(&d);
}

START_TEST(test_statement_labelled_days)
{
    day("corner_day.tsv");
    day("heldout_day.tsv");
    day("heldout_day2.tsv");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("statement");
    TCase *tc = tcase_create("statement");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_statement_subject_first);
    tcase_add_test(tc, test_statement_short_note);
    tcase_add_test(tc, test_extent);
    tcase_add_test(tc, test_statement_labelled_days);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
