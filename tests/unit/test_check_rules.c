/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the zonder-oordeel checker's rules: byte offsets, quotes as speech, every
 * kind of finding, stems and their guards, the allowlist, hostile input and the network
 * lexicon with its errors.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_fixture.h"
#include "kijkronde/mem.h"

START_TEST(test_check_contract_example)
{
    const char *s = "De juf legt het heel goed uit.";
    ck_assert_uint_eq(run(s), 1);
    ck_assert_uint_eq(fl.items[0].start, 16);
    ck_assert_uint_eq(fl.items[0].end, 25);
    ck_assert_str_eq(match(s, 0), "heel goed");
    ck_assert_str_eq(fl.items[0].kind, "evaluatief");
    ck_assert_str_eq(fl.items[0].hint,
                     "Wat zag of hoorde je precies? Beschrijf wat leerlingen doen of zeggen.");
}
END_TEST

START_TEST(test_check_offsets_diacritics_emoji)
{
    const char *s =
        "😀 Één leerling in groep 5 is héél enthousiast; “ok” zegt ze. Café is rommelig.";
    ck_assert_uint_ge(run(s), 2);
    int saw_ent = 0, saw_rom = 0;
    for (size_t i = 0; i < fl.n; i++) {
        const char *m = match(s, i);
        if (strstr(m, "enthousiast")) {
            saw_ent = 1;
            ck_assert_uint_eq(fl.items[i].end,
                              (size_t)(strstr(s, "enthousiast") - s) + strlen("enthousiast"));
        }
        if (strcmp(m, "rommelig") == 0) {
            saw_rom = 1;
            ck_assert_uint_eq(fl.items[i].start, (size_t)(strstr(s, "rommelig") - s));
        }
    }
    ck_assert(saw_ent && saw_rom);
}
END_TEST

START_TEST(test_check_findings_sorted_disjoint)
{
    const char *s = "Ik vind dat de juf veel te lang praat; de zwakke leerlingen vervelen zich "
                    "altijd en de klas is rommelig.";
    ck_assert_uint_ge(run(s), 4);
    for (size_t i = 0; i < fl.n; i++) {
        ck_assert_uint_lt(fl.items[i].start, fl.items[i].end);
        ck_assert_uint_le(fl.items[i].end, strlen(s));
        if (i)
            ck_assert_uint_le(fl.items[i - 1].end, fl.items[i].start);
    }
    ck_assert(flagged(s, "Ik vind"));
    ck_assert(flagged(s, "te lang"));
    ck_assert(flagged(s, "zwakke leerlingen"));
    ck_assert(flagged(s, "altijd"));
}
END_TEST

START_TEST(test_check_quotes_are_speech)
{
    const char *notes[] = {
        "Juf zegt: 'Jullie moeten nu stil zijn, dat is beter.'",
        "Juf zegt: \"Jullie moeten nu stil zijn, dat is beter.\"",
        "Juf zegt: ‘Jullie moeten nu stil zijn, dat is beter.’",
        "Juf zegt: “Jullie moeten nu stil zijn, dat is beter.”",
        "Juf zegt: „Jullie moeten nu stil zijn, dat is beter.”",
        "Juf zegt: jullie moeten nu stil zijn, dat is beter.",
        "Leerling vraagt: snap jij dit? Buurman wijst naar het bord.",
        "Juf: jullie moeten eerst je naam schrijven.",
        "Op het bord staat: Wat is een goede samenvatting?",
        "Leerling zegt dat hij het saai vindt.",
        "Leraar vraagt of iedereen het snapt.",
    };
    for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++)
        ck_assert_msg(run(notes[i]) == 0, "flagged: %s", notes[i]);
    /* The observer's own words after the quote still count. */
    const char *s = "Juf zegt: 'Pak je schrift.' De klas is erg rommelig.";
    ck_assert_uint_ge(run(s), 1);
    ck_assert(flagged(s, "rommelig"));
    ck_assert(!flagged(s, "Pak"));
    /* A relative clause after "geeft een opdracht" is the observer's own words. */
    ck_assert_uint_ge(run("Leraar geeft een opdracht waar niemand iets van snapt."), 1);
    ck_assert_uint_eq(run("Leraar vraagt aan de klas wie het snapt."), 0);
    /* A quote still being typed counts as speech to the end. */
    ck_assert_uint_eq(run("Juf zegt: \"jullie moeten echt beter"), 0);
}
END_TEST

START_TEST(test_check_apostrophes_do_not_open_quotes)
{
    const char *s = "'s Middags telt hij zo'n tien auto's en de klas is rommelig.";
    run(s);
    ck_assert(flagged(s, "rommelig"));
    const char *t = "Hij pakt de foto's 's ochtends; het is chaotisch.";
    run(t);
    ck_assert(flagged(t, "chaotisch"));
    const char *u = "Leerling zegt 'nee' en het is saai.";
    run(u);
    ck_assert(flagged(u, "saai"));
    ck_assert(!flagged(u, "nee"));
}
END_TEST

START_TEST(test_check_te_verb_is_not_a_norm)
{
    ck_assert_uint_eq(run("Leerling begint te schrijven om 10:03."), 0);
    ck_assert_uint_eq(run("Drie leerlingen zitten te wachten."), 0);
    ck_assert_uint_eq(run("Ze hebben 5 minuten om te lezen."), 0);
    ck_assert_uint_eq(run("Twee leerlingen komen te laat binnen."), 0);
    const char *s = "De opdracht is te moeilijk.";
    ck_assert_uint_eq(run(s), 1);
    ck_assert_str_eq(match(s, 0), "te moeilijk");
    ck_assert_str_eq(fl.items[0].kind, "norm");
    const char *t = "De instructie duurt veel te lang.";
    ck_assert_uint_eq(run(t), 1);
    ck_assert_str_eq(match(t, 0), "veel te lang");
    const char *u = "Het lokaal is te klein.";
    ck_assert_uint_eq(run(u), 1);
    /* "te veel" as many write it, in one word */
    const char *v = "Meneer heeft teveel gedronken.";
    ck_assert_uint_eq(run(v), 1);
    ck_assert_str_eq(match(v, 0), "teveel");
    ck_assert_str_eq(fl.items[0].kind, "norm");
    ck_assert(run_flags("Er is teweinig tijd voor de opdracht.", "teweinig"));
}
END_TEST

START_TEST(test_check_goed_in_counts_is_a_fact)
{
    const char *facts[] = {
        "7 van de 10 sommen goed.",
        "De jongen heeft 8 van de 12 opgaven goed.",
        "18 leerlingen hebben alle woorden goed, 4 hebben er 2 fout.",
        "Het meisje geeft het goede antwoord.",
        "Het antwoord van de leerling is goed: 56.",
        "Bij opgave 6 hebben 14 van de 25 leerlingen het juiste antwoord.",
        "Maakt 5 sommen, 3 goed.",
    };
    for (size_t i = 0; i < sizeof facts / sizeof facts[0]; i++)
        ck_assert_msg(run(facts[i]) == 0, "flagged: %s", facts[i]);
    ck_assert_uint_ge(run("De juf legt de som goed uit."), 1);
    ck_assert_uint_ge(run("Goed gedaan van de leraar."), 1);
    ck_assert_uint_ge(run("Het gaat goed in groep 5."), 1);
}
END_TEST

START_TEST(test_check_moet_outside_quotes_is_a_norm)
{
    const char *s = "De leraar moet meer differentiëren.";
    ck_assert_uint_ge(run(s), 1);
    ck_assert(flagged(s, "moet"));
    ck_assert_uint_eq(run("Juf: 'Jullie moeten je schrift pakken.'"), 0);
    ck_assert_uint_eq(run("Leerlingen moeten van de juf eerst hun naam schrijven."), 0);
}
END_TEST

START_TEST(test_check_categories)
{
    static const struct {
        const char *text, *word, *kind;
    } cases[] = {
        {"Ik denk dat het te moeilijk is.", "Ik denk", "mening"},
        {"Volgens mij snapt hij het.", "Volgens mij", "mening"},
        {"De jongen verveelt zich.", "verveelt", "gedachtelezen"},
        {"Ze heeft geen zin in de les.", "heeft geen zin in", "gedachtelezen"},
        {"Ik vind het saai.", "Ik vind", "mening"},
        {"Het is een zorgleerling.", "zorgleerling", "label"},
        {"Taalzwakke kinderen haken af.", "Taalzwakke", "label"},
        {"Hij zit nooit stil.", "nooit", "generalisatie"},
        {"Ze praten de hele tijd.", "de hele tijd", "generalisatie"},
        {"Dat komt door thuis.", "komt door thuis", "oorzaak"},
        {"Bij ons op school gaat dat anders.", "Bij ons", "vergelijking"},
        {"De instructie is onvoldoende.", "onvoldoende", "norm"},
        {"Het lokaal is rommelig.", "rommelig", "evaluatief"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        run(cases[i].text);
        int ok = 0;
        for (size_t k = 0; k < fl.n; k++)
            if (strcmp(match(cases[i].text, k), cases[i].word) == 0 &&
                strcmp(fl.items[k].kind, cases[i].kind) == 0)
                ok = 1;
        ck_assert_msg(ok, "'%s' not %s in: %s", cases[i].word, cases[i].kind, cases[i].text);
    }
}
END_TEST

START_TEST(test_check_inflections_by_stem)
{
    ck_assert_uint_ge(run("Een mooie tekening."), 1);
    ck_assert_uint_ge(run("Mooiste tekening."), 1);
    ck_assert_uint_ge(run("Ze vervelen zich."), 1);
    ck_assert_uint_ge(run("Zwakke lezers."), 1);
}
END_TEST

START_TEST(test_check_stem_guards)
{
    /* Snowball gives these the stem of a lexicon word (vaak, vele, gebruikelijk, uitstekend,
     * begrijpen); they are other words and must not count. */
    const char *facts[] = {
        "Het vak rekenen begint om 9:00.",
        "Leerling pakt een vel papier.",
        "Leerlingen gebruiken de laptop.",
        "Zij mag haar vinger uitsteken.",
        "Groep 7, begrijpend lezen.",
        "Leerling maakt een opmerking.",
        "Ze kennen de tafels van 6.",
        "Leerling heeft een pen in de hand.",
        "Bij 2 leerlingen werkt de laptop niet.",
    };
    for (size_t i = 0; i < sizeof facts / sizeof facts[0]; i++)
        ck_assert_msg(run(facts[i]) == 0, "flagged: %s", facts[i]);
    ck_assert_uint_eq(run("Ze praten vaak."), 1);
    ck_assert_uint_eq(run("Vele leerlingen praten."), 1);
    ck_assert_uint_eq(run("Het is een gebruikelijke les."), 1);
    ck_assert_uint_eq(run("Hij begrijpt het niet."), 1);
}
END_TEST

START_TEST(test_check_measured_generalisation)
{
    ck_assert_uint_eq(run("Niemand antwoordt binnen 10 seconden."), 0);
    ck_assert_uint_eq(run("Jongen kiest steeds binnen 2 seconden antwoord A."), 0);
    ck_assert_uint_eq(run("Niemand luistert naar de juf."), 1);
    ck_assert_uint_eq(run("Hij zit nooit stil."), 1);
}
END_TEST

START_TEST(test_check_allowlist)
{
    ck_assert_uint_eq(run("De betrokken leerling pakt een gum."), 0);
    ck_assert_uint_eq(run("Ze werken met een actieve werkvorm."), 0);
    ck_assert_uint_eq(run("Leerling drukt op de knop."), 0);
    ck_assert_uint_eq(run("Leerlingen rekenen met negatieve getallen."), 0);
}
END_TEST

START_TEST(test_check_hostile_input)
{
    const char bad[] = "\xff\xfe goed \x00 mooi \xe2\x80 \"open 'x \xf0\x9f";
    size_t len = sizeof bad - 1;
    kr_check(chk, bad, len, &fl);
    for (size_t i = 0; i < fl.n; i++) {
        ck_assert_uint_le(fl.items[i].end, len);
        ck_assert_uint_lt(fl.items[i].start, fl.items[i].end);
    }
    ck_assert_uint_eq(run(""), 0);
    ck_assert_uint_eq(run("?!?!... ''' \"\" ‘’ “”"), 0);
    /* A long note: many quotes that never close must stay linear, and findings stay sorted. */
    size_t n = 1u << 20;
    char *big = kr_xmalloc(n + 1);
    for (size_t i = 0; i < n; i++)
        big[i] = " 'a mooi"[i % 8];
    big[n] = '\0';
    ck_assert_uint_gt(kr_check(chk, big, n, &fl), 1000);
    for (size_t i = 1; i < fl.n; i++)
        ck_assert_uint_le(fl.items[i - 1].end, fl.items[i].start);
    free(big);
}
END_TEST

static char *write_tmp(const char *content)
{
    char *path = kr_xstrdup("/tmp/kr-check-XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, content, strlen(content)), (ssize_t)strlen(content));
    close(fd);
    return path;
}

START_TEST(test_check_network_lexicon)
{
    char *path = write_tmp("categorieen:\n"
                           "  evaluatief:\n"
                           "    woorden: [knullig]\n"
                           "  jargon:\n"
                           "    hint: \"Zeg wat je zag, zonder vakjargon.\"\n"
                           "    woorden: [\"executieve functies\"]\n"
                           "toegestaan:\n"
                           "  - mooi weer\n");
    struct kr_checker *c = NULL;
    struct kr_error err = {0};
    ck_assert_int_eq(kr_checker_new(path, &c, &err), KR_OK);
    const char *s = "Een knullige tekening; executieve functies; mooi weer.";
    ck_assert_uint_eq(kr_check(c, s, strlen(s), &fl), 2);
    ck_assert_str_eq(fl.items[0].kind, "evaluatief");
    ck_assert_str_eq(fl.items[1].kind, "jargon");
    ck_assert_str_eq(fl.items[1].hint, "Zeg wat je zag, zonder vakjargon.");
    /* The built-in lexicon is still there. */
    ck_assert_uint_eq(kr_check(c, "rommelig", 8, &fl), 1);
    kr_checker_free(c);
    unlink(path);
    free(path);
}
END_TEST

/* A network adds a verb of the inside as one infinitive; its forms follow, also where the last
 * syllable is stressed (negeren: negeert, negeerde). */
START_TEST(test_check_network_inner_verb)
{
    char *path = write_tmp("context:\n  binnenkant: [negeren]\n");
    struct kr_checker *c = NULL;
    struct kr_error err = {0};
    ck_assert_int_eq(kr_checker_new(path, &c, &err), KR_OK);
    static const char *const judge[] = {"Hij negeert de juf.", "De leerling negeerde haar buurman.",
                                        "Ze negeren de regels."};
    for (size_t i = 0; i < sizeof judge / sizeof judge[0]; i++) {
        ck_assert_msg(kr_check(c, judge[i], strlen(judge[i]), &fl) == 1, "missed: %s", judge[i]);
        ck_assert_str_eq(fl.items[0].kind, "gedachtelezen");
    }
    const char *q = "Juf vraagt: 'Negeer je mij?'";
    ck_assert_uint_eq(kr_check(c, q, strlen(q), &fl), 0);
    kr_checker_free(c);
    unlink(path);
    free(path);
}
END_TEST

START_TEST(test_check_network_lexicon_errors)
{
    static const struct {
        const char *yaml;
        size_t line, col;
    } cases[] = {
        {"categorieen:\n  evaluatief: [\n", 0, 0},                          /* broken YAML */
        {"categorien:\n  x: 1\n", 1, 1},                                    /* unknown key */
        {"categorieen:\n  nieuw:\n    woorden: [a]\n", 2, 3},               /* no hint */
        {"categorieen:\n  norm:\n    woorden:\n      - \"a ...\"\n", 4, 9}, /* gap at end */
        {"toegestaan: [\"\"]\n", 1, 14},                                    /* empty pattern */
        {"context:\n  spreken: [\"twee woorden\"]\n", 2, 13},
        {"context:\n  binnenkant: [negeer]\n", 2, 16}, /* no infinitive */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *path = write_tmp(cases[i].yaml);
        struct kr_checker *c = NULL;
        struct kr_error err = {0};
        ck_assert_int_eq(kr_checker_new(path, &c, &err), KR_PARSE);
        ck_assert_ptr_null(c);
        ck_assert_str_eq(err.file, path);
        ck_assert_msg(err.line > 0, "no line for case %zu: %s", i, err.msg);
        if (cases[i].line) {
            ck_assert_msg(err.line == cases[i].line && err.col == cases[i].col,
                          "case %zu at %zu:%zu: %s", i, err.line, err.col, err.msg);
        }
        unlink(path);
        free(path);
    }
    struct kr_checker *c = NULL;
    struct kr_error err = {0};
    ck_assert_int_eq(kr_checker_new("/nonexistent/oordeel.yaml", &c, &err), KR_IO);
}
END_TEST

static Suite *check_suite(void)
{
    Suite *s = suite_create("check");
    TCase *tc = tcase_create("rules");
    /* The 1 MiB note under ASan on a busy machine; a quadratic scan still would not fit. */
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_check_contract_example);
    tcase_add_test(tc, test_check_offsets_diacritics_emoji);
    tcase_add_test(tc, test_check_findings_sorted_disjoint);
    tcase_add_test(tc, test_check_quotes_are_speech);
    tcase_add_test(tc, test_check_apostrophes_do_not_open_quotes);
    tcase_add_test(tc, test_check_te_verb_is_not_a_norm);
    tcase_add_test(tc, test_check_goed_in_counts_is_a_fact);
    tcase_add_test(tc, test_check_moet_outside_quotes_is_a_norm);
    tcase_add_test(tc, test_check_categories);
    tcase_add_test(tc, test_check_inflections_by_stem);
    tcase_add_test(tc, test_check_stem_guards);
    tcase_add_test(tc, test_check_measured_generalisation);
    tcase_add_test(tc, test_check_allowlist);
    tcase_add_test(tc, test_check_hostile_input);
    tcase_add_test(tc, test_check_network_lexicon);
    tcase_add_test(tc, test_check_network_inner_verb);
    tcase_add_test(tc, test_check_network_lexicon_errors);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(check_suite());
}
