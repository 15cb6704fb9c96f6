/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the kijkvraag lint on labelled questions: the lists of questions schools write
 * (bad ones with the kind they must get, good ones that must stay clean, a held-out set) and the
 * labelled files in tests/data (corpus, validation, the public questions), with their figures.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kijkvraag_lint.h"

/* Questions as schools write them, with the kind the lint must give. Sources: the
 * reports (domain.md 2.4 and 4.2) and what coordinators hear in voorgesprekken. */
static const struct {
    const char *kind;
    const char *q;
} BAD[] = {
    {"toetsend", "Wordt het EDI-model goed toegepast?"},
    {"leraargericht", "Geeft de leraar een goede instructie?"},
    {"oordeel", "Geeft de leraar een goede instructie?"},
    {"toetsend", "Houden alle docenten zich aan de weekwoordenafspraak?"},
    {"gesloten", "Is het klassenmanagement op orde?"},
    {"oordeel", "Hoe goed werkt onze nieuwe rekenmethode?"},
    {"etalage", "Kijk eens hoe mooi onze nieuwe leeshoeken zijn."},
    {"onzichtbaar", "Zijn de leerlingen gemotiveerd?"},
    {"gesloten", "Zijn de leerlingen gemotiveerd?"},
    {"toetsend", "Wordt indicator 3 van de kijkwijzer nageleefd?"},
    {"leraargericht", "Wat doet de leraar fout bij het differentiëren?"},
    {"leraargericht", "Hoe geeft de leerkracht instructie?"},
    {"gesloten", "Werken leerlingen zelfstandig aan hun weektaak?"},
    {"gesloten", "Is er rust in de klas tijdens het zelfstandig werken?"},
    {"oordeel", "In hoeverre zijn de lessen begrijpend lezen effectief?"},
    {"onzichtbaar", "Vinden leerlingen het leuk om te lezen?"},
    {"onzichtbaar", "Hoe betrokken zijn de leerlingen tijdens de rekenles?"},
    {"onzichtbaar", "Snappen de kinderen de uitleg bij rekenen?"},
    {"toetsend", "Worden de afspraken over het gebruik van de chromebooks nageleefd?"},
    {"leraargericht", "Hoe differentieert de leerkracht tijdens de instructie?"},
    {"toetsend", "Wordt er in alle groepen volgens het directe instructiemodel gewerkt?"},
    {"gesloten", "Gebruiken de leerkrachten de nieuwe methode voor begrijpend lezen?"},
    {"oordeel", "Hoe effectief is de verlengde instructie aan de instructietafel?"},
    {"onzichtbaar", "Begrijpen leerlingen waarom ze burgerschapslessen krijgen?"},
    {"leraargericht", "Hoe zorgen leerkrachten voor een veilig klimaat?"},
    {"toetsend", "Voldoet de leesles aan de kwaliteitskaart van de school?"},
    {"onzichtbaar", "Hoe groot is het eigenaarschap van leerlingen over hun leerproces?"},
    {"oordeel", "Hoe goed kunnen onze leerlingen digitaal zoeken?"},
    {"gesloten", "Lezen de leerlingen elke dag twintig minuten?"},
    {"leraargericht", "Welke rol speelt de leerkracht bij het samenwerken?"},
    {"toetsend", "Zijn de weekwoorden in elke klas zichtbaar zoals afgesproken?"},
    {"onzichtbaar", "Voelen leerlingen zich veilig om fouten te maken?"},
    {"gesloten", "Stellen leerkrachten genoeg hogere-orde-vragen?"},
    {"leraargericht", "Hoe geven de docenten feedback op de rekentoets?"},
    {"toetsend", "Hoe wordt er gedifferentieerd in de klas?"},
    {"oordeel", "Krijgen leerlingen voldoende uitdaging?"},
    {"toetsend", "Wordt het digitale leerplatform op de juiste manier gebruikt?"},
    {"onzichtbaar", "Weten de leerlingen wat het doel van de les is?"},
    {"leraargericht", "Hoe motiveert de juf de kinderen om te lezen?"},
    {"onzichtbaar", "Hebben de leerlingen plezier in lezen?"},
    {"geen-leerling", "Hoe effectief zijn de tutorlezen-momenten?"},
    {"geen-leerling", "Werkt de nieuwe methode voor technisch lezen?"},
    {"gesloten", "Zijn de lesdoelen zichtbaar op het bord"},
    {"leraargericht", "Hoe zorgen we ervoor dat leerlingen meer lezen?"},
    {"leraargericht", "Hoe kunnen wij de betrokkenheid van leerlingen vergroten?"},
};

/* Open learner-behaviour questions: no finding at all. */
static const char *const GOOD_Q[] = {
    "Wat doen leerlingen wanneer zij werken met digitale leermiddelen?",
    "Wanneer zijn leerlingen betrokken? Waar zien we dat aan?",
    "Wat doen en zeggen leerlingen als een rekenopgave moeilijk voor ze is? Wat doen ze daarna?",
    ("Hoeveel van de lestijd zijn leerlingen zelf aan het lezen, en wat doen ze als ze een woord "
     "niet kennen?"),
    "Wat laten leerlingen zien en horen tijdens de controle van begrip en de begeleide inoefening?",
    "Wanneer en hoe gebruiken leerlingen de weekwoorden, ook buiten de les Nederlands?",
    "Waar in het gebouw en in de lessen zie je leerlingen burgerschap laten zien? Wat doen ze dan?",
    "Waaraan zie je dat leerlingen eigenaarschap nemen over hun werk of de ruimte?",
    "Wat doen leerlingen als ze samen aan een tekst werken?",
    "Wanneer gebruiken leerlingen hun thuistaal in de les, en wat doen ze direct daarna?",
    "Wat doen leerlingen als ze iets niet begrijpen? Bij wie of wat zoeken ze hulp?",
    "Gebruiken kleuters woorden uit het thema in hun spel en gesprekjes? Welke en hoe?",
    "Wat doen leerlingen die hun werk snel af hebben?",
    "Wat doen leerlingen als de leraar een vraag stelt aan de hele klas?",
    "Hoe reageren leerlingen op de feedback van de leerkracht?",
    "Welke vragen stellen leerlingen aan elkaar tijdens het samenwerken?",
    "Wat doen kinderen in de eerste vijf minuten na de instructie?",
    "Op welke manier helpen leerlingen elkaar bij het rekenen?",
    "Wat doen leerlingen als ze een fout maken?",
    "Wanneer de leerkracht uitleg geeft, wat doen de leerlingen dan?",
    "Hoe gaan kleuters om met de materialen in de bouwhoek?",
    "Welke strategieën zie je leerlingen gebruiken bij begrijpend lezen?",
    "Wat doen en zeggen leerlingen als een medeleerling een fout antwoord geeft?",
    "Hoe vaak en bij wie vragen leerlingen om hulp tijdens het zelfstandig werken?",
    "Wat doen leerlingen als de juf zegt: 'Dat is goed toegepast'?",
    "Wat doen kinderen als ze een woord niet goed kunnen lezen?",
    "Wat doen leerlingen als hun antwoord fout is?",
    "Wat zien we leerlingen doen als ze een opdracht niet snappen?",
    "Waar zien we leerlingen samenwerken, en wat zeggen ze dan tegen elkaar?",
    "Wat doen leerlingen om te laten zien dat ze het snappen?",
    "Waar halen leerlingen hulp als de juf bij de instructietafel zit?",
};

/*
 * A held-out set: written after the lint was built and measured once before any change to
 * it (20 of 20 checking/closed/teacher-centred questions flagged, 18 of 20 open
 * learner-behaviour questions clean; the two misses, "waar ze het antwoord niet op weten"
 * and "een bron beoordelen", were then fixed). Kept as regression data.
 */
static const char *const HELD_BAD[] = {
    "Wordt de nieuwe spellingaanpak in alle groepen op dezelfde manier uitgevoerd?",
    "Hanteren de leerkrachten het stappenplan bij begrijpend lezen?",
    "Hoe bewaakt de leerkracht de lestijd?",
    "Is de klassenopstelling geschikt voor coöperatief leren?",
    "Krijgt iedere leerling de instructie die hij nodig heeft?",
    "Wordt het lesdoel aan het begin van de les genoemd?",
    "Geven de leraren voldoende verlengde instructie?",
    "Hoe organiseert de juf het circuit in groep 3?",
    "Past de leerkracht het model van de gedeelde verantwoordelijkheid toe?",
    "Maken alle groepen gebruik van de leesmeter?",
    "Is er sprake van een taalrijke omgeving in de kleutergroepen?",
    "Hoe controleert de leraar of de leerlingen het begrepen hebben?",
    "Zijn de afspraken over mediawijsheid bekend bij de leerlingen?",
    "Wordt er in de bovenbouw voldoende aandacht besteed aan burgerschap?",
    "Sluit de instructie aan bij de onderwijsbehoeften van de groep?",
    "Hoe zet de docent de digiborden in tijdens de les?",
    "Heeft de leerkracht een duidelijke klassenstructuur?",
    "Volgen de leerkrachten de rekenmethode zoals bedoeld?",
    "Werkt de leerkracht met het directe instructiemodel?",
    "Hoe betrekt het team de ouders bij het leesonderwijs?",
};
static const char *const HELD_GOOD[] = {
    "Wat doen leerlingen als ze een opdracht op de tablet af hebben?",
    "Welke woorden gebruiken leerlingen als ze in groepjes over een prentenboek praten?",
    "Wat zeggen leerlingen tegen elkaar tijdens het oefenen van de tafels?",
    "Hoe gaan leerlingen te werk als ze een verhaalsom moeten oplossen?",
    "Wat doen kleuters als ze in de kring moeten wachten op hun beurt?",
    "Wat doen leerlingen als ze een onbekend woord tegenkomen in een zaakvaktekst?",
    "Bij welke momenten in de les stellen leerlingen zelf vragen, en wat vragen ze?",
    "Wat doen leerlingen in de eerste minuten van de les, voordat de instructie begint?",
    "Hoe verdelen leerlingen het werk als ze samen een presentatie maken?",
    "Wat doen leerlingen met de hulpkaarten die in de klas hangen?",
    "Welke strategieën gebruiken leerlingen als ze een tekst samenvatten?",
    "Wat doen leerlingen als er onenigheid ontstaat tijdens het samenwerken?",
    "Waar kijken leerlingen naar als ze een grafiek moeten aflezen?",
    "Wat zeggen leerlingen als ze hun werk aan een klasgenoot laten zien?",
    "Hoe kiezen leerlingen welke opdracht ze als eerste gaan maken?",
    "Wat doen leerlingen op het plein als iemand alleen staat?",
    "Wat schrijven leerlingen op als ze een eigen leerdoel formuleren?",
    "Wat doen leerlingen als ze hun thuistaal spreken met een nieuwkomer in de klas?",
    ("Hoe reageren leerlingen op een vraag van de leerkracht waar ze het antwoord niet direct op "
     "weten?"),
    "Wat doen leerlingen wanneer ze online een bron moeten beoordelen?",
};

START_TEST(test_lint_labelled_bad_questions)
{
    ck_assert_uint_ge(sizeof BAD / sizeof BAD[0] + sizeof GOOD_Q / sizeof GOOD_Q[0], 40);
    struct kr_lint_list f = {0};
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        size_t len = strlen(BAD[i].q);
        kr_lint(L, BAD[i].q, len, &f);
        const struct kr_lint_finding *x = kind_in(&f, BAD[i].kind);
        ck_assert_msg(x, "'%s' did not get %s (%zu findings, first %s)", BAD[i].q, BAD[i].kind, f.n,
                      f.n ? f.items[0].kind : "-");
        ck_assert(x->start < x->end && x->end <= len);
        ck_assert(x->message[0] && x->hint[0]);
        ck_assert_msg(strstr(x->hint, "leerlingen"), "hint without learners: %s", x->hint);
        /* At most one finding per kind, sorted by position (the no-learner one last). */
        for (size_t a = 0; a < f.n; a++)
            for (size_t b = a + 1; b < f.n; b++) {
                ck_assert_str_ne(f.items[a].kind, f.items[b].kind);
                if (strcmp(f.items[b].kind, "geen-leerling") != 0)
                    ck_assert_uint_le(f.items[a].start, f.items[b].start);
            }
    }
    kr_lint_list_fini(&f);
}
END_TEST

START_TEST(test_lint_heldout_questions)
{
    struct kr_lint_list f = {0};
    for (size_t i = 0; i < sizeof HELD_BAD / sizeof HELD_BAD[0]; i++)
        ck_assert_msg(kr_lint(L, HELD_BAD[i], strlen(HELD_BAD[i]), &f) > 0, "'%s' not flagged",
                      HELD_BAD[i]);
    for (size_t i = 0; i < sizeof HELD_GOOD / sizeof HELD_GOOD[0]; i++)
        ck_assert_msg(kr_lint(L, HELD_GOOD[i], strlen(HELD_GOOD[i]), &f) == 0, "'%s' got %s",
                      HELD_GOOD[i], f.items[0].kind);
    kr_lint_list_fini(&f);
}
END_TEST

/*
 * A labelled file (tests/data/kijkvraag_*.tsv: LABEL<TAB>TEXT, # comments): 'goed' must stay
 * clean, any other label (the kind of bad question) must get a finding of some kind.
 */
struct kv_score {
    size_t bad_hit, bad, good_clean, good;
    size_t good_only_learner; /* good questions whose only remark is geen-leerling */
};

static void score_questions(const char *path, struct kv_score *sc)
{
    FILE *fp = fopen(path, "r");
    ck_assert_msg(fp, "%s", path);
    memset(sc, 0, sizeof *sc);
    struct kr_lint_list f = {0};
    char line[4096];
    while (fgets(line, sizeof line, fp)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *tab = strchr(line, '\t');
        ck_assert_ptr_nonnull(tab);
        *tab = '\0';
        const char *q = tab + 1;
        size_t n = kr_lint(L, q, strlen(q), &f);
        if (strcmp(line, "goed") == 0) {
            sc->good++;
            if (n == 0)
                sc->good_clean++;
            else
                printf("# onterecht (%s): %s\n", f.items[0].kind, q);
        } else {
            sc->bad++;
            if (n > 0)
                sc->bad_hit++;
            else
                printf("# gemist (%s): %s\n", line, q);
        }
    }
    fclose(fp);
    kr_lint_list_fini(&f);
    printf("# %s: %zu/%zu slechte vragen gemeld, %zu/%zu goede vragen schoon\n",
           strrchr(path, '/') + 1, sc->bad_hit, sc->bad, sc->good_clean, sc->good);
}

/* The acceptance: at least 9 of 10 bad questions get a finding, 9 of 10 good ones none. */
static void expect_floors(const char *path, size_t min_each)
{
    struct kv_score sc;
    score_questions(path, &sc);
    ck_assert_uint_ge(sc.bad, min_each);
    ck_assert_uint_ge(sc.good, min_each);
    ck_assert_msg(sc.bad_hit * 10 >= 9 * sc.bad, "%zu/%zu bad flagged", sc.bad_hit, sc.bad);
    ck_assert_msg(sc.good_clean * 10 >= 9 * sc.good, "%zu/%zu good clean", sc.good_clean, sc.good);
}

/* The public questions (tests/data/kijkvraag_public.tsv: PART, LABEL, TEXT, SOURCE_LABEL, SOURCE),
 * one part at a time: "dev" may be tuned on, "test" is only measured. */
static void score_public_file(const char *path, const char *part, struct kv_score *sc)
{
    FILE *fp = fopen(path, "r");
    ck_assert_ptr_nonnull(fp);
    memset(sc, 0, sizeof *sc);
    struct kr_lint_list f = {0};
    char line[4096];
    while (fgets(line, sizeof line, fp)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *fields[5];
        char *p = line;
        for (int i = 0; i < 5; i++) {
            ck_assert_ptr_nonnull(p);
            fields[i] = p;
            char *tab = strchr(p, '\t');
            if (tab)
                *tab++ = '\0';
            p = tab;
        }
        ck_assert(strcmp(fields[0], "dev") == 0 || strcmp(fields[0], "test") == 0 ||
                  strcmp(fields[0], "test2") == 0);
        if (strcmp(fields[0], part) != 0)
            continue;
        const char *q = fields[2];
        size_t n = kr_lint(L, q, strlen(q), &f);
        if (strcmp(fields[1], "goed") == 0) {
            sc->good++;
            bool only_learner = n > 0;
            for (size_t k = 0; k < n; k++)
                only_learner &= strcmp(f.items[k].kind, "geen-leerling") == 0;
            if (n == 0)
                sc->good_clean++;
            else if (only_learner)
                sc->good_only_learner++;
            else
                printf("# %s onterecht (%s): %s\n", part, f.items[0].kind, q);
        } else {
            sc->bad++;
            if (n > 0)
                sc->bad_hit++;
            else
                printf("# %s gemist (%s): %s\n", part, fields[1], q);
        }
    }
    fclose(fp);
    kr_lint_list_fini(&f);
    printf("# %s %s: %zu/%zu slechte vragen gemeld, %zu/%zu goede vragen schoon\n",
           strrchr(path, '/') + 1, part, sc->bad_hit, sc->bad, sc->good_clean, sc->good);
}

static void score_public_questions(const char *part, struct kv_score *sc)
{
    score_public_file(KR_TEST_DATA "/kijkvraag_public.tsv", part, sc);
}

START_TEST(test_lint_question_corpus)
{
    expect_floors(KR_TEST_DATA "/kijkvraag_corpus.tsv", 40);
}
END_TEST

START_TEST(test_lint_question_validation)
{
    expect_floors(KR_TEST_DATA "/kijkvraag_validation.tsv", 15);
}
END_TEST

/*
 * The public questions, 76 from pages nobody here wrote (docs/kijkvragen.md). First look, before
 * any change: dev 5/40 good clean, 12/12 bad flagged; test 1/17 good clean, 7/7 bad flagged.
 * After the rules of issue 14 (tuned on dev only): dev 18/40 and 12/12; test 10/17 (58.8%) and
 * 7/7. The acceptance for bad questions (>= 85% flagged) is met on test; the acceptance for good
 * ones (>= 80% left alone) is NOT met: most of the rest are questions put to a child in
 * conversation that name no learner ("Hoe vaak gebeurt dat?") or closed questions the source
 * still calls good. The floors below guard the measured level, not the goal.
 * lint14c: this whole file is development data now (both parts were looked at); "geen-leerling"
 * alone became a tip, and 'waarom', 'hoe was' and observer-only questions got rules: dev 31/40
 * good clean and 9/12 bad flagged, test 13/17 and 7/7. The fresh measurement is
 * kijkvraag_public2.tsv (test_lint_public2_heldout).
 */
START_TEST(test_lint_public_heldout)
{
    struct kv_score dev, test;
    score_public_questions("dev", &dev);
    score_public_questions("test", &test);
    ck_assert_uint_eq(dev.good, 40);
    ck_assert_uint_eq(dev.bad, 12);
    ck_assert_uint_eq(test.good, 17);
    ck_assert_uint_eq(test.bad, 7);
    ck_assert_uint_ge(test.bad_hit * 100, 85 * test.bad); /* acceptance: bad flagged >= 85% */
    ck_assert_uint_ge(test.bad_hit, 7);                   /* measured: 7/7 */
    printf("# public dev: good clean %zu/%zu (+%zu only geen-leerling), bad %zu/%zu; test: %zu/%zu "
           "(+%zu), bad %zu/%zu\n",
           dev.good_clean, dev.good, dev.good_only_learner, dev.bad_hit, dev.bad, test.good_clean,
           test.good, test.good_only_learner, test.bad_hit, test.bad);
    /* geen-leerling a warning again (the coordinator's revert of lint14c's tip): */
    ck_assert_uint_ge(test.good_clean, 10);                          /* 10/17 */
    ck_assert_uint_ge(test.good_clean + test.good_only_learner, 13); /* lint14c: 13/17 */
    ck_assert_uint_ge(dev.bad_hit, 12);                              /* 12/12 */
    ck_assert_uint_ge(dev.good_clean + dev.good_only_learner, 31);   /* lint14c: 31/40 */
}
END_TEST

/*
 * The fresh held-out set (tests/data/kijkvraag_public2.tsv, 47 questions from pages not used
 * before, labelled and committed before the lint saw them; docs/kijkvragen.md). First look, the
 * lint of main: 9/34 good clean (26.5%), 7/13 bad flagged (53.8%). After lint14c, whose rules were
 * chosen on kijkvraag_public.tsv only: 25/34 (73.5%) and 11/13 (84.6%). Both are below the
 * acceptance of issue 14 (>= 80% good left alone, >= 85% bad flagged): the floors guard the
 * measured level, not the goal.
 */
START_TEST(test_lint_public2_heldout)
{
    struct kv_score t2;
    score_public_file(KR_TEST_DATA "/kijkvraag_public2.tsv", "test2", &t2);
    ck_assert_uint_eq(t2.good, 34);
    ck_assert_uint_eq(t2.bad, 13);
    printf("# public2: good clean %zu/%zu, only geen-leerling %zu, bad flagged %zu/%zu\n",
           t2.good_clean, t2.good, t2.good_only_learner, t2.bad_hit, t2.bad);
    ck_assert_uint_ge(t2.good_clean, 9); /* measured 9/34 with geen-leerling a warning */
    /* and 25/34 without any remark but geen-leerling (lint14c's tip model; goal 80%: 28) */
    ck_assert_uint_ge(t2.good_clean + t2.good_only_learner, 25);
    ck_assert_uint_ge(t2.bad_hit, 11); /* measured 11/13 (goal 85%: 12) */
}
END_TEST

START_TEST(test_lint_labelled_good_questions)
{
    struct kr_lint_list f = {0};
    for (size_t i = 0; i < sizeof GOOD_Q / sizeof GOOD_Q[0]; i++)
        ck_assert_msg(kr_lint(L, GOOD_Q[i], strlen(GOOD_Q[i]), &f) == 0, "'%s' got %s at '%.*s'",
                      GOOD_Q[i], f.items[0].kind, (int)(f.items[0].end - f.items[0].start),
                      GOOD_Q[i] + f.items[0].start);
    kr_lint_list_fini(&f);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("kijkvraag");
    TCase *t = tcase_create("lint");
    tcase_add_checked_fixture(t, lint_setup, lint_teardown);
    tcase_add_test(t, test_lint_labelled_bad_questions);
    tcase_add_test(t, test_lint_labelled_good_questions);
    tcase_add_test(t, test_lint_heldout_questions);
    tcase_add_test(t, test_lint_question_corpus);
    tcase_add_test(t, test_lint_question_validation);
    tcase_add_test(t, test_lint_public2_heldout);
    tcase_add_test(t, test_lint_public_heldout);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
