/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the zonder-oordeel checker: byte offsets, every context rule, the
 * network lexicon, hostile input, and precision/recall on the labelled corpus
 * (tests/data/check_corpus.tsv), the separate validation set and the fresh sets 5 and 6.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kijkronde/check.h"
#include "kijkronde/mem.h"
#include "kijkronde/names.h"
#include "krtest.h"

static struct kr_checker *chk;
static struct kr_finding_list fl;

static void setup(void)
{
    struct kr_error err = {0};
    ck_assert_int_eq(kr_checker_new(NULL, &chk, &err), KR_OK);
}

static void teardown(void)
{
    kr_checker_free(chk);
    chk = NULL;
    kr_finding_list_fini(&fl);
}

static size_t run(const char *s)
{
    return kr_check(chk, s, strlen(s), &fl);
}

/* The text of finding i. */
static const char *match(const char *s, size_t i)
{
    static char buf[256];
    size_t n = fl.items[i].end - fl.items[i].start;
    ck_assert_uint_lt(n, sizeof buf);
    memcpy(buf, s + fl.items[i].start, n);
    buf[n] = '\0';
    return buf;
}

/* True when some finding covers exactly the first occurrence of word in s. */
static int flagged(const char *s, const char *word)
{
    const char *p = strstr(s, word);
    ck_assert_ptr_nonnull(p);
    size_t at = (size_t)(p - s);
    for (size_t i = 0; i < fl.n; i++)
        if (fl.items[i].start <= at && at + strlen(word) <= fl.items[i].end)
            return 1;
    return 0;
}

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

struct score {
    size_t tp, fn, fp, tn;
};

/* Check every note of a LABEL<TAB>TEXT file; -1 when it cannot be read. */
static int score_file(const char *path, struct score *sc)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[4096];
    memset(sc, 0, sizeof *sc);
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *tab = strchr(line, '\t');
        ck_assert_ptr_nonnull(tab);
        *tab = '\0';
        int judging = strcmp(line, "oordeel") == 0;
        ck_assert(judging || strcmp(line, "feit") == 0);
        int hit = run(tab + 1) > 0 && kr_findings_judge(&fl);
        if (judging && hit)
            sc->tp++;
        else if (judging)
            sc->fn++, printf("# gemist: %s\n", tab + 1);
        else if (hit)
            sc->fp++, printf("# onterecht: %s (%s)\n", tab + 1, match(tab + 1, 0));
        else
            sc->tn++;
    }
    fclose(f);
    double prec = sc->tp + sc->fp ? (double)sc->tp / (double)(sc->tp + sc->fp) : 1.0;
    double rec = (double)sc->tp / (double)(sc->tp + sc->fn);
    double fpr = (double)sc->fp / (double)(sc->fp + sc->tn);
    printf("# %s: %zu oordeel, %zu feit; precision %.3f recall %.3f false-positive rate %.3f\n",
           strrchr(path, '/') + 1, sc->tp + sc->fn, sc->fp + sc->tn, prec, rec, fpr);
    return 0;
}

START_TEST(test_check_corpus_precision_recall)
{
    struct score sc;
    ck_assert_int_eq(score_file(KR_TEST_DATA "/check_corpus.tsv", &sc), 0);
    ck_assert_uint_ge(sc.tp + sc.fn, 75);
    ck_assert_uint_ge(sc.fp + sc.tn, 75);
    /* Floors: recall >= 95%, false-positive rate <= 5% on the corpus the lexicon was built on. */
    ck_assert_uint_ge(sc.tp * 100, 95 * (sc.tp + sc.fn));
    ck_assert_uint_le(sc.fp * 100, 5 * (sc.fp + sc.tn));
}
END_TEST

START_TEST(test_check_validation_precision_recall)
{
    struct score sc;
    ck_assert_int_eq(score_file(KR_TEST_DATA "/check_validation.tsv", &sc), 0);
    ck_assert_uint_ge(sc.tp + sc.fn, 40);
    /* The acceptance floors: >= 85% of judging notes flagged, <= 10% of factual notes. */
    ck_assert_uint_ge(sc.tp * 100, 85 * (sc.tp + sc.fn));
    ck_assert_uint_le(sc.fp * 100, 10 * (sc.fp + sc.tn));
}
END_TEST

/* Fresh sets written blind (5) and after tuning (6): the acceptance floors, >= 85% of judging
 * notes flagged and <= 10% of factual notes. */
START_TEST(test_check_fresh_precision_recall)
{
    static const char *const sets[] = {KR_TEST_DATA "/check_fresh5.tsv",
                                       KR_TEST_DATA "/check_fresh6.tsv"};
    for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
        struct score sc;
        ck_assert_int_eq(score_file(sets[i], &sc), 0);
        ck_assert_uint_ge(sc.tp + sc.fn, 30);
        ck_assert_uint_ge(sc.fp + sc.tn, 30);
        ck_assert_uint_ge(sc.tp * 100, 85 * (sc.tp + sc.fn));
        ck_assert_uint_le(sc.fp * 100, 10 * (sc.fp + sc.tn));
    }
}
END_TEST

/* The public sentences (tests/data/public_check.tsv: PART, LABEL, KIND, CORNER, TEXT, SOURCE), one
 * part at a time: "dev" may be tuned on, "test" is only measured. A held-out part is scored with
 * show_misses 0: counts per kind only, so nobody tunes on which sentences it misses. */
static void score_public_as(const char *part, struct score *sc, int show_misses)
{
    char kinds[16][24] = {{0}};
    size_t kind_n[16] = {0}, kind_hit[16] = {0}, nkinds = 0;
    FILE *f = fopen(KR_TEST_DATA "/public_check.tsv", "r");
    ck_assert_ptr_nonnull(f);
    char line[4096];
    memset(sc, 0, sizeof *sc);
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *fields[6];
        char *p = line;
        for (int i = 0; i < 6; i++) {
            ck_assert_ptr_nonnull(p);
            fields[i] = p;
            char *tab = strchr(p, '\t');
            if (tab)
                *tab++ = '\0';
            p = tab;
        }
        if (strcmp(fields[0], part) != 0)
            continue;
        int judging = strcmp(fields[1], "oordeel") == 0;
        ck_assert(judging || strcmp(fields[1], "feit") == 0);
        int hit = run(fields[4]) > 0 && kr_findings_judge(&fl); /* a name alone is no judgement */
        if (judging) {
            size_t k = 0;
            while (k < nkinds && strcmp(kinds[k], fields[2]) != 0)
                k++;
            if (k == nkinds && nkinds < 16)
                snprintf(kinds[nkinds++], sizeof kinds[0], "%s", fields[2]);
            if (k < nkinds)
                kind_n[k]++, kind_hit[k] += hit != 0;
        }
        if (judging && hit)
            sc->tp++;
        else if (judging) {
            sc->fn++;
            if (show_misses)
                printf("# %s gemist: %s\n", part, fields[4]);
        } else if (hit) {
            sc->fp++;
            if (show_misses)
                printf("# %s onterecht: %s (%s)\n", part, fields[4], match(fields[4], 0));
        } else
            sc->tn++;
    }
    fclose(f);
    printf("# public_check.tsv %s: oordeel %zu/%zu gevonden, feit %zu/%zu onterecht\n", part,
           sc->tp, sc->tp + sc->fn, sc->fp, sc->fp + sc->tn);
    for (size_t k = 0; k < nkinds; k++)
        printf("#   %s soort %s: %zu/%zu\n", part, kinds[k][0] ? kinds[k] : "-", kind_hit[k],
               kind_n[k]);
}

static void score_public(const char *part, struct score *sc)
{
    score_public_as(part, sc, 1);
}

/* Check s, then: is word inside a finding? */
static int run_flags(const char *s, const char *word)
{
    run(s);
    return flagged(s, word);
}

/* The writer's own habit is no generalisation about a pupil (issue 14, dev part of the public
 * set): a frequency in a sentence whose only person is "ik"/"we". Anyone else in the sentence,
 * noticing ("Ik zie vaak ...") or a reported clause keeps it a generalisation. */
START_TEST(test_check_self_report_habit)
{
    ck_assert_uint_eq(run("Ik teken bijna elke dag, meestal na school."), 0);
    ck_assert_uint_eq(run("We maken dan vaak pasta of een soep."), 0);
    ck_assert_uint_eq(run("Ik fiets meestal naar school."), 0);
    ck_assert(run_flags("We helpen hem vaak.", "vaak"));
    ck_assert(run_flags("Ik help Hans altijd.", "altijd"));
    ck_assert(run_flags("Ik zie vaak dat hij wegkijkt.", "vaak"));
    ck_assert(run_flags("Ik hoor steeds geroezemoes.", "steeds"));
    ck_assert(run_flags("We werken altijd samen met de leerlingen.", "altijd"));
    ck_assert(run_flags("Ze komt altijd te laat, ik niet.", "altijd"));
    ck_assert(run_flags("Ik denk dat hij altijd zo doet.", "altijd"));
}
END_TEST

/* The public set (docs/oordeel.md): 151 sentences in "dev" and "test", 38 in "test2". Rules are
 * tuned on "dev" only. "test" was measured after the structural rules of issue 14 and so seen
 * before the self-report rule of the next round: 43/46 judging sentences found (93.5%) and 4/26
 * factual ones flagged, now 2/26 (7.7%, within the acceptance 8%, but no longer a clean
 * held-out figure). "test2" was collected afterwards and only measured: 17/21 found (81.0%, the
 * acceptance 88% is NOT met) and 2/17 factual ones flagged (11.8%, the 8% is NOT met). The floors
 * guard the measured levels, not the goals. */
START_TEST(test_check_public_heldout)
{
    struct score dev, test, test2;
    score_public("dev", &dev);
    score_public("test", &test);
    score_public("test2", &test2);
    struct score test3, test4;
    score_public_as("test3", &test3, 0);
    score_public_as("test4", &test4, 0);
    ck_assert_uint_ge(dev.tp + dev.fn, 50);
    ck_assert_uint_ge(dev.fp + dev.tn, 29);
    ck_assert_uint_ge(test.tp + test.fn, 46);
    ck_assert_uint_ge(test.fp + test.tn, 26);
    ck_assert_uint_eq(test2.tp + test2.fn, 21);
    ck_assert_uint_eq(test2.fp + test2.tn, 17);
    ck_assert_uint_ge(test.tp * 100, 88 * (test.tp + test.fn)); /* acceptance: found >= 88% */
    ck_assert_uint_ge(test.tp * 100, 93 * (test.tp + test.fn)); /* measured: 93.5% */
    ck_assert_uint_le(test.fp * 100, 8 * (test.fp + test.tn));  /* measured: 7.7% */
    ck_assert_uint_ge(dev.tp * 100, 94 * (dev.tp + dev.fn));    /* measured: 94.0% */
    ck_assert_uint_le(dev.fp * 100, 4 * (dev.fp + dev.tn));     /* measured: 3.4% */
    /* fid14c used test and test2 as development material (docs/oordeel.md): test 45/46 and 2/26,
     * test2 19/21 and 0/17 after its rules (first look 17/21 and 2/17). */
    ck_assert_uint_ge(test2.tp, 19);
    ck_assert_uint_le(test2.fp, 0);
    ck_assert_uint_ge(test.tp, 45);
    /* test3: 55 fresh sentences, committed before the first measurement and never tuned on.
     * First look and final are the same: 25/27 found (92.6%, acceptance 88% met) and 5/28
     * factual ones flagged (17.9%: the acceptance 8% is NOT met). */
    ck_assert_uint_eq(test3.tp + test3.fn, 27);
    ck_assert_uint_eq(test3.fp + test3.tn, 28);
    ck_assert_uint_ge(test3.tp, 25);
    ck_assert_uint_le(test3.fp, 5);
    /* test4 (fid14d): 27 fresh sentences from pages not used before, committed before the first
     * measurement (docs/oordeel.md, Vierde ronde); counts per kind only. First look: 6/12 found
     * (50.0%) and 3/15 factual ones flagged (20.0%): both acceptance figures are NOT met. */
    ck_assert_uint_eq(test4.tp + test4.fn, 12);
    ck_assert_uint_eq(test4.fp + test4.tn, 15);
    ck_assert_uint_ge(test4.tp, 6);
    ck_assert_uint_le(test4.fp, 3);
}
END_TEST

/* fid14c, from test and test2 of the public set (used as development material): a reported
 * opinion after "Volgens <person>" is what was heard; the writer's own "volgens mij" and a norm
 * source ("volgens het protocol") still count. */
START_TEST(test_check_volgens_reported)
{
    ck_assert_uint_eq(run("Volgens de ouders was de talentenjacht een groot succes."), 0);
    ck_assert_uint_eq(run("Volgens de juf is het werk slordig."), 0);
    run("Volgens Ahmed is de les saai.");
    ck_assert(!kr_findings_judge(&fl)); /* the name is found, no judgement */
    ck_assert_uint_eq(run("Volgens hem is dat een leuk spel."), 0);
    ck_assert(run_flags("Volgens mij is hij lui.", "Volgens mij"));
    ck_assert(run_flags("Volgens ons was de les saai.", "saai"));
    ck_assert_uint_ge(run("Volgens het protocol had de juf moeten wachten."), 1);
    ck_assert_uint_ge(run("Volgens EDI hoort de leraar eerst het doel te noemen."), 1);
    ck_assert(run_flags("Het werk is slordig, volgens de juf.", "slordig")); /* not at the start */
}
END_TEST

/* The writer's preference or dislike without "vind" is an opinion; "liever" in someone else's
 * words is not the writer's. */
START_TEST(test_check_preference_without_vind)
{
    ck_assert(run_flags("Ik zit liever te gamen dan dat ik aan een sport doe.", "liever"));
    ck_assert(run_flags("Bah, ik haat stamppot!", "haat"));
    ck_assert(run_flags("Ik heb een hekel aan rekenen.", "hekel"));
    ck_assert_uint_eq(run("Een leerling zegt: \"ik haat stamppot\"."), 0);
    ck_assert_uint_eq(run("Ik zit naast de leerling aan de tafel."), 0);
}
END_TEST

/* A norm without a norm word: who something is for ("enkel voor jongens", "een beroep voor
 * meisjes"); a room or a group that is for someone is a fact. */
START_TEST(test_check_norm_for_gender)
{
    ck_assert_uint_ge(run("Gitaar is enkel voor jongens."), 1);
    ck_assert_uint_ge(run("Automonteur is een beroep voor jongens."), 1);
    ck_assert_uint_ge(run("Voetbal is niks voor meisjes."), 1);
    ck_assert_uint_eq(run("De jongens gaan naar de gymzaal."), 0);
    ck_assert_uint_eq(run("Het lokaal is voor groep 5."), 0);
}
END_TEST

/* An obligation caused by something outside the pupil is a fact; the observer's own norm is not. */
START_TEST(test_check_obligation_with_cause)
{
    ck_assert_uint_eq(run("Door de coronacrisis moeten wij online lesgeven."), 0);
    ck_assert_uint_eq(run("Vanwege de toets moeten de leerlingen stil zijn."), 0);
    ck_assert_uint_ge(run("We moeten meer differentiëren."), 1);
    ck_assert_uint_ge(run("De juf moet strenger zijn."), 1);
}
END_TEST

/* "te laat" after "komt" is a fact, but it must not hide a generalisation before it (issue 14). */
START_TEST(test_check_te_laat_keeps_generalisation)
{
    const char *s = "Hij komt altijd te laat";
    ck_assert_uint_ge(run(s), 1);
    ck_assert(flagged(s, "altijd"));
    ck_assert_uint_ge(run("Ze is altijd te laat."), 1);
    ck_assert_uint_eq(run("Hij komt te laat binnen."), 0);
    ck_assert_uint_eq(run("Hij komt 5 minuten te laat binnen."), 0);
    ck_assert_uint_eq(run("Twee leerlingen komen om 8:35 te laat binnen."), 0);
}
END_TEST

/* Over-flags from issue 14: a counted baseline after "normaal" and a refusal are facts; "normaal"
 * as a norm and wanting something ("wil graag") still count. */
START_TEST(test_check_baseline_and_refusal_are_facts)
{
    ck_assert_uint_eq(run("Normaal gaat zij twee keer naar de wc."), 0);
    ck_assert_uint_eq(run("Ze wilde niet meedoen met het spel."), 0);
    ck_assert_uint_eq(run("Hij weigerde het werkblad te pakken."), 0);
    ck_assert_uint_ge(run("Dit is niet normaal voor een groep 5."), 1);
    ck_assert_uint_ge(run("Hij wil graag de beurt."), 1);
}
END_TEST

/* Disappointment and contempt are read from a face, not seen (dev part of the public set). */
START_TEST(test_check_read_from_face)
{
    ck_assert_uint_ge(run("Je stelt me teleur."), 1);
    ck_assert_uint_ge(run("De leerling stelde de juf teleur."), 1);
    ck_assert_uint_ge(run("Hij kijkt minachtend naar zijn buurman."), 1);
    ck_assert_uint_eq(run("Ze stelt een vraag aan haar buurman."), 0);
    ck_assert_uint_eq(run("De juf stelt de wekker op 10 minuten."), 0);
}
END_TEST

/* The predicate rule (issue 14): a person or a piece of work, a copula, then one word that ends
 * the clause. It finds labels the lexicon does not list; facts after "is" stay facts. */
START_TEST(test_check_predicate_about_a_person)
{
    static const char *const judge[] = {
        "Je bent een sloddervos",     "jij bent langzaam",
        "Mevrouw is depressief.",     "Wat ben je toch dapper, Anne",
        "Wat ben je opmerkzaam",      "Hij is een zeur.",
        "De leerling is egoïstisch.", "Ze blijft een kletskous",
        "Je bent een onhandig kind.", "Het werk is slordig.",
        "De tekening is waardeloos.", "Ze is echt heel gemeen en ...",
    };
    for (size_t i = 0; i < sizeof judge / sizeof judge[0]; i++)
        ck_assert_msg(run(judge[i]) >= 1 && kr_findings_judge(&fl), "missed: %s", judge[i]);
    static const char *const facts[] = {
        "Hij is klaar.",
        "Ze is jarig.",
        "Hij is gevallen.",
        "Ze is opgestaan.",
        "Hij is een leerling.",
        "Ze is een meisje van 8.",
        "Hij is er niet.",
        "Ze is 8.",
        "Hij is aan de beurt.",
        "Ben jij Anne?",
        "Ze is weg.",
        "De klas wordt stil.",
        "Het antwoord is 56.",
        "De tekening is af.",
        "Hij is vertrokken.",
        "Ze is zwemmen.",
        "Juf zegt: 'Jij bent een kletskous.'",
        "De les is afgelopen.",
        "Ze is ziek.",
        "Hans wiebelt op zijn stoel.",
        "Hij is de leerkracht.",
    };
    for (size_t i = 0; i < sizeof facts / sizeof facts[0]; i++)
        ck_assert_msg(run(facts[i]) == 0 || !kr_findings_judge(&fl), "flagged: %s (%s)", facts[i],
                      match(facts[i], 0));
    /* The label names the person and the word; a lexicon word keeps its own kind. */
    const char *s = "Mevrouw is dement.";
    ck_assert_uint_eq(run(s), 1);
    ck_assert_str_eq(match(s, 0), "Mevrouw is dement");
    ck_assert_str_eq(fl.items[0].kind, "label");
    ck_assert_uint_eq(run("Het werk is slordig."), 1);
    ck_assert_str_eq(fl.items[0].kind, "evaluatief");
    ck_assert_uint_eq(run("De instructie is onvoldoende."), 1);
    ck_assert_str_eq(fl.items[0].kind, "norm");
}
END_TEST

/* A reason or intent after "omdat"/"zodat" + person + wanting, having to, doing (issue 14): not
 * seen. Word order does not matter any more ("want hij wil" was found, "omdat hij ... wil" not). */
START_TEST(test_check_causal_and_final_clauses)
{
    static const char *const judge[] = {
        "Hij roept door de klas omdat hij aandacht wil.",
        "Weet je nog dat jij mij wakker maakte, omdat jij niet zachtjes deed?",
        "Ze schuift haar schrift weg zodat ze niet hoeft te schrijven.",
        "Doordat de juf streng is, zijn ze stil.",
        "Daardoor gaat hij huilen.",
    };
    for (size_t i = 0; i < sizeof judge / sizeof judge[0]; i++)
        ck_assert_msg(run(judge[i]) >= 1, "missed: %s", judge[i]);
    static const char *const facts[] = {
        "Ze staan op omdat de bel gaat.",
        "Omdat zij vaker afspraken vergeet, zal ik contact met haar opnemen.",
        "Juf zegt: 'Ik wacht omdat jij nog praat.'",
        "Hij vraagt of hij mag gaan omdat hij klaar is.",
    };
    for (size_t i = 0; i < sizeof facts / sizeof facts[0]; i++)
        ck_assert_msg(run(facts[i]) == 0, "flagged: %s (%s)", facts[i], match(facts[i], 0));
}
END_TEST

/* Praise and blame formulas, taste, a conclusion at a glance (issue 14). */
START_TEST(test_check_formulas_and_hedges)
{
    static const char *const judge[] = {
        "Goed zo!",
        "Netjes hoor.",
        "Dat kan beter.",
        "Spruitjes zijn vies!",
        "Dit is waardeloos werk.",
        "Ik zie in één oogopslag dat hij het niet snapt.",
        "Hij lijkt te twijfelen.",
        "Ze komt waarschijnlijk later.",
    };
    for (size_t i = 0; i < sizeof judge / sizeof judge[0]; i++)
        ck_assert_msg(run(judge[i]) >= 1, "missed: %s", judge[i]);
    static const char *const facts[] = {
        "Hij zet de vieze bekers in de gootsteen.",
        "Ze kijkt naar het werk van haar buurman.",
    };
    (void)facts; /* "vieze bekers": taste words stay judgements, also about cups */
    ck_assert_uint_eq(run("Ze kijkt naar het werk van haar buurman."), 0);
}
END_TEST

START_TEST(test_check_abbreviations_and_slips)
{
    /* "lln", "ll", "lk" count as leerlingen, leerling, leerkracht in every pattern. */
    const char *s = "de zwakke lln zitten bij de juf";
    ck_assert_uint_ge(run(s), 1);
    ck_assert(flagged(s, "zwakke lln"));
    ck_assert_uint_ge(run("lk moet de doelen noemen"), 1);
    ck_assert_uint_eq(run("de betrokken ll pakt een gum"), 0);
    /* d/t slips read as the word meant. */
    ck_assert_uint_ge(run("ll is geconcentreert aan het werk"), 1);
    ck_assert_uint_ge(run("ll verveeldt zich"), 1);
    /* "m.i." is one word, and its dots end no sentence. */
    const char *m = "m.i. gaat de les voorbij aan het doel";
    ck_assert_uint_ge(run(m), 1);
    ck_assert(flagged(m, "m.i."));
    /* The article "een" is no count: "een goede band" judges. */
    ck_assert_uint_ge(run("er is een goede band tussen lk en lln"), 1);
    /* "goed" in a count that goes on after a particle stays a fact. */
    ck_assert_uint_eq(run("ll 5 heeft 6 van de 8 sommen goed na 10 min"), 0);
    ck_assert_uint_eq(run("7 van de 10 goed op het wisbordje"), 0);
    /* "legt aan ll 10 uit hoe je moet ..." reports an explanation. */
    ck_assert_uint_eq(run("ll 9 legt aan ll 10 uit hoe je moet lenen bij aftrekken"), 0);
    /* Inner states that a joined word list had silenced. */
    ck_assert_uint_ge(run("ll is vrolijk"), 1);
    ck_assert_uint_ge(run("ll is faalangstig"), 1);
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
    tcase_add_test(tc, test_check_network_lexicon_errors);
    tcase_add_test(tc, test_check_abbreviations_and_slips);
    tcase_add_test(tc, test_check_read_from_face);
    tcase_add_test(tc, test_check_baseline_and_refusal_are_facts);
    tcase_add_test(tc, test_check_te_laat_keeps_generalisation);
    tcase_add_test(tc, test_check_predicate_about_a_person);
    tcase_add_test(tc, test_check_causal_and_final_clauses);
    tcase_add_test(tc, test_check_formulas_and_hedges);
    tcase_add_test(tc, test_check_self_report_habit);
    suite_add_tcase(s, tc);
    TCase *tl = tcase_create("labelled");
    tcase_add_checked_fixture(tl, setup, teardown);
    tcase_set_timeout(tl, 60);
    tcase_add_test(tl, test_check_corpus_precision_recall);
    tcase_add_test(tl, test_check_validation_precision_recall);
    tcase_add_test(tl, test_check_fresh_precision_recall);
    tcase_add_test(tl, test_check_public_heldout);
    tcase_add_test(tl, test_check_volgens_reported);
    tcase_add_test(tl, test_check_preference_without_vind);
    tcase_add_test(tl, test_check_norm_for_gender);
    tcase_add_test(tl, test_check_obligation_with_cause);
    suite_add_tcase(s, tl);
    return s;
}

int main(void)
{
    return run_suite(check_suite());
}
