/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the kijkvraag lint's rules, one question at a time: the sentence and context
 * rules, the words at fault and the rewrite hint, hostile input and reusing a findings list.
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "kijkvraag_lint.h"

static void expect_clean(const char *q)
{
    struct kr_lint_list f = {0};
    size_t n = kr_lint(L, q, strlen(q), &f);
    ck_assert_msg(n == 0, "'%s' got %s", q, n ? f.items[0].kind : "");
    kr_lint_list_fini(&f);
}

static void expect_kind(const char *q, const char *kind)
{
    struct kr_lint_list f = {0};
    kr_lint(L, q, strlen(q), &f);
    ck_assert_msg(kind_in(&f, kind), "'%s' did not get %s", q, kind);
    kr_lint_list_fini(&f);
}

START_TEST(test_lint_sentence_rules)
{
    /* An introduction: open after a question word, closed after 'of', checking after 'dat'. */
    expect_clean("We zijn benieuwd hoe leerlingen reageren op feedback van een klasgenoot.");
    expect_clean("Kijk naar wat leerlingen doen als ze klaar zijn.");
    expect_kind("We willen weten of leerlingen de strategieën toepassen.", "gesloten");
    expect_kind("Zien we terug dat leerlingen het lesdoel benoemen?", "toetsend");
    /* A heading before a colon, and the teacher as a circumstance. */
    expect_clean("Thema motivatie: wat doen leerlingen als ze een nieuwe taak krijgen?");
    expect_clean("Tijdens de uitleg van de juf: wat doen leerlingen achterin de klas?");
    expect_kind("Wat is de rol van de leerkracht bij het samenwerken van leerlingen?",
                "leraargericht");
    /* Passive about learners is the teacher's work; learners as the agent are not. */
    expect_kind("Hoe worden leerlingen uitgedaagd tijdens de rekenles?", "leraargericht");
    expect_kind("Hoe worden leerlingen begeleid bij het plannen?", "leraargericht");
    expect_clean("Welke woorden worden door leerlingen gebruikt in hun uitleg?");
    /* 'Hoe' + adjective is a rating; 'Hoe vaak' and 'Hoe' + verb are not. */
    expect_kind("Hoe zelfstandig werken leerlingen aan hun weektaak?", "oordeel");
    expect_clean("Hoe vaak stellen leerlingen een vraag aan een klasgenoot?");
    expect_clean("Hoe reageert de klas als iemand een fout maakt?");
    /* Verb first without a question mark; an indirect 'of' clause is a condition. */
    expect_kind("Plannen leerlingen hun werk zelf", "gesloten");
    expect_clean("Hoe controleren leerlingen of hun antwoord goed is?");
    /* 'de groep' as the subject counts as learners, 'in de klas' is a place. */
    expect_clean("Wat doet de groep als de bel gaat?");
    expect_kind("Hoe zorgt de mentor ervoor dat de klas snel aan het werk gaat?", "leraargericht");
}
END_TEST

/* Measurement is not rating: "Hoe hoog", "Hoe groot" ask for a measure; "Hoe goed", "Hoe
 * effectief" and "Is de les goed?" ask for a verdict. An effect of something on something else
 * ("het effect van X op Y") asks what happens; an effect without "op" stays a rating. */
START_TEST(test_lint_measurement_not_rating)
{
    expect_clean("Hoe hoog wordt de toren die leerlingen bouwen?");
    expect_clean("Hoe groot zijn de stappen die leerlingen zetten?");
    expect_clean("Hoelang werken leerlingen zelfstandig door?");
    expect_kind("Hoe goed werken leerlingen samen?", "oordeel");
    expect_kind("Hoe effectief is de instructie voor leerlingen?", "oordeel");
    expect_kind("Is de les goed?", "oordeel");
    expect_clean("Wat is het effect van de hulpkaart op wat leerlingen doen?");
    expect_kind("Wat is het effect van de hulpkaart voor leerlingen?", "oordeel");
    expect_kind("Wat zijn de effecten van de weektaak voor leerlingen?", "oordeel");
    /* 'goed' as a way of looking is an instruction, not a verdict. */
    expect_clean("Hoe vaak kijken leerlingen goed om zich heen?");
}
END_TEST

/* A pronoun right after the verb of a question, or right after a conjunction, is the learner
 * when no adult is named; after a verb of noticing it is the observer. */
START_TEST(test_lint_pronoun_learners)
{
    expect_clean("Waar speelt hij mee?");
    expect_clean("Welke stappen heb je gezet?");
    expect_clean("Wat gebeurt er met de toren wanneer je er een blok bij legt?");
    expect_kind("Wat zie je?", "geen-leerling");
    expect_kind("Wat valt je op?", "geen-leerling");
    /* Not a learner: the tip comes along with a warning (alone it leaves the question alone). */
    expect_kind("Waar kan ik je goed bij helpen?", "geen-leerling");
    expect_kind("Wat zegt hij tegen de leerkracht over de beste aanpak?", "geen-leerling");
    /* The teacher's work as the object: the pronoun may be the teacher. */
    expect_kind("Hoe geeft hij instructie?", "leraargericht");
    expect_kind("Hoe geef je feedback?", "leraargericht");
    expect_clean("Wat doet hij tijdens de uitleg?");
    /* The group after 'van' is whose it is; 'in de klas' stays a place. */
    expect_clean("Hoe hoog wordt de toren van de groep?");
    expect_kind("Hoe goed gaat het in de klas?", "geen-leerling");
}
END_TEST

/* A kijkvraag is about learners: a question that names none gets "geen-leerling", also when
 * nothing else is wrong with it (lint14c made it a tip; the coordinator reverted that, see
 * docs/kijkvragen.md "Waarom geen-leerling blijft"); with another warning it comes along. */
START_TEST(test_lint_no_learner_is_named)
{
    expect_kind("Hoe vaak gebeurt dat?", "geen-leerling");
    expect_kind("Wat eet de poes?", "geen-leerling");
    expect_kind("Wat zie je?", "geen-leerling");
    expect_kind("Wat valt je nog meer op?", "geen-leerling");
    expect_clean("Wat zeggen leerlingen tegen elkaar als ze vastlopen?");
    expect_clean("Waar speelt hij mee?");
    expect_kind("Is er een coöperatieve omgeving?", "gesloten");
    expect_kind("Is er een coöperatieve omgeving?", "geen-leerling");
    expect_kind("Hoe effectief is de nieuwe methode?", "oordeel");
    expect_kind("Hoe effectief is de nieuwe methode?", "geen-leerling");
}
END_TEST

/* A question that opens with 'waarom' asks for a reason, which is in someone's head. */
START_TEST(test_lint_why_asks_for_a_reason)
{
    expect_kind("Waarom zou dat zijn?", "onzichtbaar");
    expect_kind("Waarom werken leerlingen niet samen?", "onzichtbaar");
    expect_kind("Welke keuze maken leerlingen? Waarom kiezen ze die?", "onzichtbaar");
    expect_kind("We zijn benieuwd waarom leerlingen stoppen.", "onzichtbaar");
    expect_clean("Wat zeggen leerlingen als je vraagt waarom ze dit leren?");
    struct kr_lint_list f = {0};
    const char *q = "Kan dit gebeurd zijn en waarom wel of niet?";
    kr_lint(L, q, strlen(q), &f);
    ck_assert_msg(!kind_in(&f, "onzichtbaar"), "'%s' got onzichtbaar", q);
    kr_lint_list_fini(&f);
}
END_TEST

/* 'Hoe' with only a form of 'zijn' asks how it was: a verdict. A perfect tense is not. */
START_TEST(test_lint_how_was_it_is_a_verdict)
{
    expect_kind("Hoe was de les?", "oordeel");
    expect_kind("Hoe was je dag?", "oordeel");
    expect_kind("Hoe waren de antwoorden van de leerlingen?", "oordeel");
    expect_clean("Hoe zijn leerlingen aan de slag gegaan?");
    expect_clean("Hoe zijn ze te werk gegaan?");
    expect_clean("Hoe hoog is de toren van de groep?");
}
END_TEST

/* The effect of what a learner does asks what happens; learners as the ones it is for do not. */
START_TEST(test_lint_effect_of_a_learners_action)
{
    expect_clean("Wat is het effect als een leerling hardop telt?");
    expect_clean("Wat is het gevolg van wat leerlingen tegen elkaar zeggen?");
    expect_clean("Wat is het effect wanneer je een blok op de toren legt?");
    expect_kind("Wat is het effect van de hulpkaart voor leerlingen?", "oordeel");
    expect_kind("Wat is het effect?", "oordeel");
}
END_TEST

/* A yes/no question with a question word coordinated after 'en' asks for more than yes or no
 * (issue 14, dev part of the public questions): not closed. Two yes/no clauses stay closed. */
START_TEST(test_lint_coordinated_question_word_is_open)
{
    struct kr_lint_list f = {0};
    const char *q = "Kan dit gebeurd zijn en waarom wel of niet?";
    kr_lint(L, q, strlen(q), &f);
    ck_assert_msg(!kind_in(&f, "gesloten"), "'%s' got gesloten", q);
    kr_lint_list_fini(&f);
    expect_clean("Werken leerlingen samen en hoe doen ze dat?");
    expect_clean("Stellen leerlingen vragen aan elkaar en welke vragen zijn dat?");
    expect_kind("Werken leerlingen samen?", "gesloten");
    expect_kind("Werken leerlingen samen en helpen ze elkaar?", "gesloten");
    expect_kind("Zijn leerlingen stil en luisteren ze naar de juf?", "gesloten");
}
END_TEST

static const struct kr_lint_finding *lint1(struct kr_lint_list *f, const char *q, const char *kind)
{
    kr_lint(L, q, strlen(q), f);
    const struct kr_lint_finding *x = kind_in(f, kind);
    ck_assert_msg(x, "'%s' did not get %s", q, kind);
    return x;
}

static void expect_span(const char *q, const char *kind, const char *words)
{
    struct kr_lint_list f = {0};
    const struct kr_lint_finding *x = lint1(&f, q, kind);
    ck_assert_msg(strlen(words) == x->end - x->start &&
                      memcmp(q + x->start, words, x->end - x->start) == 0,
                  "%s in '%s': span '%.*s', wanted '%s'", kind, q, (int)(x->end - x->start),
                  q + x->start, words);
    ck_assert_msg(strstr(x->message, words) || strcmp(kind, "gesloten") == 0, "%s", x->message);
    kr_lint_list_fini(&f);
}

START_TEST(test_lint_names_the_words_at_fault)
{
    expect_span("Wordt het EDI-model goed toegepast?", "toetsend", "goed toegepast");
    expect_span("Wordt het EDI-model goed toegepast?", "gesloten", "Wordt");
    expect_span("Hoe goed werkt onze nieuwe rekenmethode?", "oordeel", "Hoe goed");
    expect_span("In hoeverre zijn leerlingen zelfstandig?", "oordeel", "In hoeverre");
    expect_span("Hoe geeft de leerkracht instructie?", "leraargericht", "leerkracht");
    expect_span("Zijn de leerlingen écht gemotiveerde lezers?", "onzichtbaar", "gemotiveerde");
    expect_span("Houden de docenten zich aan de weekwoordenafspraak?", "toetsend", "zich aan");
    expect_span("Is de nieuwe rekenmethode effectief?", "oordeel", "effectief");
    expect_span("Snapt iedereen de uitleg?", "onzichtbaar", "Snapt");
    /* Inflected and compound forms. */
    expect_span("Hoe gaan leerlingen om met de gemaakte leesafspraken?", "toetsend",
                "leesafspraken");
    expect_span("Hoe snappen leerlingen het?", "onzichtbaar", "snappen");
    /* UTF-8 before the span: byte offsets, not characters. */
    expect_span("Één vraag: geeft de juf een goede uitleg?", "oordeel", "goede");
}
END_TEST

static void expect_hint(const char *q, const char *kind, const char *part)
{
    struct kr_lint_list f = {0};
    const struct kr_lint_finding *x = lint1(&f, q, kind);
    ck_assert_msg(strstr(x->hint, part), "hint for '%s' lacks '%s': %s", q, part, x->hint);
    ck_assert_msg(strstr(x->hint, "Wat doen en zeggen leerlingen"), "%s", x->hint);
    kr_lint_list_fini(&f);
}

START_TEST(test_lint_rewrite_uses_the_topic)
{
    expect_hint("Hoe geeft de leerkracht instructie?", "leraargericht", "tijdens de instructie");
    expect_hint("Houden alle docenten zich aan de weekwoordenafspraak?", "toetsend",
                "met de weekwoorden");
    expect_hint("Wat doet de juf als leerlingen vastlopen?", "leraargericht", "als ze vastlopen");
    expect_hint("Worden de regels rond het schoolplein nageleefd?", "toetsend",
                "bij de regels rond het schoolplein");
    expect_hint("Is er rust?", "gesloten", "tijdens de les");
    expect_hint("Zijn de leerlingen gemotiveerd?", "onzichtbaar", "beginnen");
}
END_TEST

START_TEST(test_lint_context_rules)
{
    struct kr_lint_list f = {0};
    /* Quoted words are the teacher's, not the question's. */
    const char *q = "Wat doen leerlingen als de juf \"goed zo\" zegt?";
    ck_assert_uint_eq(kr_lint(L, q, strlen(q), &f), 0);
    /* A closed question opened by a second sentence is fine; the evidence tag alone is not. */
    q = "Werken leerlingen samen? Waar zie je dat aan?";
    kr_lint(L, q, strlen(q), &f);
    ck_assert_ptr_nonnull(kind_in(&f, "gesloten"));
    /* Without a question mark a verb first still makes it closed. */
    q = "Wordt er gedifferentieerd";
    kr_lint(L, q, strlen(q), &f);
    ck_assert_ptr_nonnull(kind_in(&f, "gesloten"));
    /* An unobservable word as the question itself, even with an action verb elsewhere. */
    q = "Begrijpen leerlingen wat ze doen?";
    kr_lint(L, q, strlen(q), &f);
    ck_assert_ptr_nonnull(kind_in(&f, "onzichtbaar"));
    /* Teacher in a subordinate clause first: learners still the subject. */
    q = "Als de leraar uitleg geeft, wat doen leerlingen dan?";
    ck_assert_uint_eq(kr_lint(L, q, strlen(q), &f), 0);
    /* Empty, blank and punctuation-only input. */
    ck_assert_uint_eq(kr_lint(L, "", 0, &f), 0);
    ck_assert_uint_eq(kr_lint(L, NULL, 0, &f), 0);
    ck_assert_uint_eq(kr_lint(L, "  ?!", 4, &f), 0);
    /* A huge paste is looked at only up to KR_LINT_MAX_BYTES, cut at a character. */
    struct kr_buf big = {0};
    kr_buf_puts(&big, "Wordt het model goed toegepast? ");
    while (big.len < 3 * KR_LINT_MAX_BYTES)
        kr_buf_puts(&big, "é « ");
    kr_lint(L, big.data, big.len, &f);
    ck_assert_ptr_nonnull(kind_in(&f, "toetsend"));
    for (size_t i = 0; i < f.n; i++)
        ck_assert_uint_le(f.items[i].end, KR_LINT_MAX_BYTES);
    kr_buf_fini(&big);
    /* Invalid UTF-8 and control bytes never break it; messages stay clean. */
    q = "Wordt \x1b[31mhet\xff model goed toegepast?";
    kr_lint(L, q, strlen(q), &f);
    ck_assert_ptr_nonnull(kind_in(&f, "toetsend"));
    for (size_t i = 0; i < f.n; i++)
        for (const char *p = f.items[i].hint; *p; p++)
            ck_assert((unsigned char)*p >= 0x20);
    kr_lint_list_fini(&f);
}
END_TEST

START_TEST(test_lint_list_reuse_keeps_strings_valid)
{
    struct kr_lint_list f = {0};
    const char *q = "Geeft de leraar een goede instructie?";
    kr_lint(L, q, strlen(q), &f);
    size_t n = f.n;
    char *first = kr_xstrdup(f.items[0].hint);
    /* A second list used in between does not disturb the first. */
    struct kr_lint_list g = {0};
    q = "Zijn de leerlingen gemotiveerd?";
    kr_lint(L, q, strlen(q), &g);
    ck_assert_uint_eq(f.n, n);
    ck_assert_str_eq(f.items[0].hint, first);
    free(first);
    kr_lint_list_fini(&g);
    kr_lint_list_fini(&f);
    kr_lint_list_fini(&f); /* twice is harmless */
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("kijkvraag");
    TCase *t = tcase_create("lint");
    tcase_add_checked_fixture(t, lint_setup, lint_teardown);
    tcase_add_test(t, test_lint_sentence_rules);
    tcase_add_test(t, test_lint_measurement_not_rating);
    tcase_add_test(t, test_lint_pronoun_learners);
    tcase_add_test(t, test_lint_no_learner_is_named);
    tcase_add_test(t, test_lint_why_asks_for_a_reason);
    tcase_add_test(t, test_lint_how_was_it_is_a_verdict);
    tcase_add_test(t, test_lint_effect_of_a_learners_action);
    tcase_add_test(t, test_lint_coordinated_question_word_is_open);
    tcase_add_test(t, test_lint_names_the_words_at_fault);
    tcase_add_test(t, test_lint_rewrite_uses_the_topic);
    tcase_add_test(t, test_lint_context_rules);
    tcase_add_test(t, test_lint_list_reuse_keeps_strings_valid);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
