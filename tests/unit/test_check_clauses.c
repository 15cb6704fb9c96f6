/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the zonder-oordeel checker's sentence rules of issue 14 and after: the
 * writer's own habit, "te laat" after a generalisation, baselines and refusals, what is read
 * from a face, a predicate about a person, causal and final clauses, formulas and hedges, the
 * verbs of the inside ("hij wil", "ze hoopt"), exclamations, and the abbreviations and slips of
 * notes typed in a hurry.
 */
#include <stddef.h>

#include "check_fixture.h"
#include "kijkronde/names.h"

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

/* The inner-state rule (issue 14, build item 2): a person and a verb of the inside, in any form
 * (wil, wilde, hoopt, hoopte, gelooft, vond), is mind-reading; the verbs are listed once as
 * infinitives. Questions, someone else's words, the writer's own wish, a refusal, finding a thing
 * and being told stay facts. */
START_TEST(test_check_inner_state_verbs)
{
    static const char *const judge[] = {
        "De jongen wil indruk maken op zijn buurman.",
        "Ze wilde eigenlijk naast haar vriendin zitten.",
        "Hij hoopt dat de juf hem overslaat.",
        "Het meisje hoopte op een beurt.",
        "Ze verwacht dat het antwoord fout is.",
        "De leerling gelooft zijn buurman niet.",
        "Hij vertrouwt de opdracht niet.",
        "Ze merkt niet dat haar buurman iets vraagt.",
        "De juf wil dat iedereen zijn schrift pakt.",
        "Hij vindt tekenen maar niks.",
        "Ze vond haar werkblad te kinderachtig.",
        "Daarom wil hij als eerste.",
        "Rekenen vindt de jongen het leukst.",
        "Hij draait zich om omdat hij het antwoord weet.",
        "Ze houdt niet van hardop lezen.",
        "Sem bedoelt dat hij klaar wil zijn.",
        "De kleuter durfde niet naar voren.",
        "Hij beheerst de tafels nog niet.",
    };
    for (size_t i = 0; i < sizeof judge / sizeof judge[0]; i++)
        ck_assert_msg(run(judge[i]) >= 1 && kr_findings_judge(&fl), "missed: %s", judge[i]);
    static const char *const facts[] = {
        "Juf vraagt: \"Wie wil er beginnen?\"",
        "Wil jij de schriften uitdelen?",
        "Hij zegt: 'Ik hoop dat ik mag.'",
        "Ze zegt dat ze het verwacht.",
        "Ik wil na de les de juf iets vragen.",
        "We willen morgen terugkomen.",
        "De kinderen kiezen wat ze willen tekenen.",
        "Ze wil niet meedoen met het spel.",
        "Hij vindt zijn gum onder de tafel.",
        "Ze vindt de schaar niet.",
        "De gymles vindt plaats in de zaal.",
        "Hij zoekt in het woordenboek en vindt 'kade' na 2 minuten.",
        "De juf laat de kinderen weten dat de bel gaat.",
        "Ze houdt de deur open voor de groep.",
        "Hij houdt zijn vinger omhoog.",
        "De juf legt uit wat ze moeten weten.",
        "Hij wil naar de wc en vraagt het aan de juf.",
    };
    for (size_t i = 0; i < sizeof facts / sizeof facts[0]; i++)
        ck_assert_msg(run(facts[i]) == 0 || !kr_findings_judge(&fl), "flagged: %s (%s)", facts[i],
                      match(facts[i], 0));
    /* The finding is the verb, of the kind gedachtelezen. */
    const char *s = "De jongen wil indruk maken.";
    ck_assert_uint_eq(run(s), 1);
    ck_assert_str_eq(match(s, 0), "wil");
    ck_assert_str_eq(fl.items[0].kind, "gedachtelezen");
}
END_TEST

/* "Wat een ...!" at the start of a sentence is an exclamation, an evaluation; "wat een breuk is"
 * asks what something is. */
START_TEST(test_check_exclamation)
{
    ck_assert(run_flags("Wat een herrie in deze klas!", "herrie"));
    ck_assert(run_flags("Wat een kletskous.", "kletskous"));
    ck_assert_uint_eq(run("Juf roept: 'Wat een herrie!'"), 0);
    ck_assert_uint_eq(run("Wat een breuk is, legt de juf uit met een pizza."), 0);
    ck_assert_uint_eq(run("Wat een kwart is? Hij tekent een cirkel."), 0);
}
END_TEST

/* A feeling as a noun after "hebben", with words between ("heeft er geen zin meer in", "heeft
 * een hekel aan"), worrying, liking someone ("mag de juf niet"), and an inference written as a
 * formula ("dat betekent dat ..."). Having things, permission and the meaning of words stay
 * facts. */
START_TEST(test_check_feeling_nouns_and_inference)
{
    static const char *const judge[] = {
        "De jongen heeft er vandaag geen zin meer in.",
        "Ze heeft een enorme hekel aan dictees.",
        "De juf heeft weinig geduld met de achterste rij.",
        "Hij heeft duidelijk behoefte aan rust.",
        "Ze maakt zich zorgen over haar cijfer.",
        "Hij kijkt naar de grond, dat betekent dat hij zich schaamt voor zijn antwoord.",
        "Ze wacht lang met beginnen, wat erop wijst dat ze de opdracht niet kent.",
    };
    for (size_t i = 0; i < sizeof judge / sizeof judge[0]; i++)
        ck_assert_msg(run(judge[i]) >= 1 && kr_findings_judge(&fl), "missed: %s", judge[i]);
    /* liking someone, a body's feeling, having had enough, behaving "like", overdoing */
    static const char *const more[] = {
        "De kleuter mag de nieuwe juf niet.", "Ze mag haar buurman wel graag.",
        "Hij had de hele ochtend honger.",    "Ze is het wachten zat.",
        "Hij is er helemaal klaar mee.",      "Ze gedraagt zich als een prinses.",
        "Hij reageert overdreven.",
    };
    for (size_t i = 0; i < sizeof more / sizeof more[0]; i++)
        ck_assert_msg(run(more[i]) >= 1 && kr_findings_judge(&fl), "missed: %s", more[i]);
    static const char *const facts[] = {
        "Hij mag niet naar buiten.",
        "Ze mag haar jas niet aan in de klas.",
        "De leerling mag de juf niet roepen tijdens de instructie.",
        "Hij zegt: 'Ik heb honger.'",
        "Hij heeft een schaar en een lijmstift op tafel.",
        "De juf heeft de zin op het bord geschreven.",
        "Ze vraagt wat het woord 'hekel' betekent.",
        "Een rode kaart op de tafel betekent: ik wil hulp.",
    };
    for (size_t i = 0; i < sizeof facts / sizeof facts[0]; i++)
        ck_assert_msg(run(facts[i]) == 0 || !kr_findings_judge(&fl), "flagged: %s (%s)", facts[i],
                      match(facts[i], 0));
}
END_TEST

/* Checking whether something is so asks, it does not claim ("kijkt of alles goed gaat"); a
 * yes/no question to "je"/"jullie" asks about the inside, it does not read it. "of" as "or" and
 * a claim after the question still count. */
START_TEST(test_check_asking_is_no_claim)
{
    ck_assert_uint_eq(run("De juf loopt rond en kijkt of alles goed gaat."), 0);
    ck_assert_uint_eq(run("Hij controleert of zijn antwoord goed is."), 0);
    ck_assert_uint_eq(run("Begrijpen jullie het?"), 0);
    ck_assert_uint_eq(run("Snap je het? Twee kinderen knikken."), 0);
    ck_assert(run_flags("Ze kijkt naar het bord of naar de juf en is verveeld.", "verveeld"));
    ck_assert(run_flags("Snap je het? Hij snapt het niet.", "snapt"));
    ck_assert(run_flags("Hij kijkt of de juf kijkt en doet het expres.", "expres"));
}
END_TEST

/* The predicate rule in a subordinate clause, where the copula comes last ("omdat hij een sukkel
 * is"); a fact word, a participle or an infinitive before "is" stays a fact. */
START_TEST(test_check_predicate_in_subordinate_clause)
{
    ck_assert_uint_ge(run("Hij lacht omdat hij een sukkel is."), 1);
    ck_assert_uint_ge(run("Ze krijgt geen beurt terwijl ze zo'n doetje is."), 1);
    ck_assert_str_eq(fl.items[0].kind, "label");
    ck_assert_uint_eq(run("Hij mag eerst omdat hij klaar is."), 0);
    ck_assert_uint_eq(run("Ze huilt omdat ze gevallen is."), 0);
    ck_assert_uint_eq(run("Hij gaat naar huis omdat hij ziek is."), 0);
    ck_assert_uint_eq(run("Hij staat op als hij aan de beurt is."), 0);
    ck_assert_uint_eq(run("Ze stopt als het tien uur is."), 0);
}
END_TEST

/* What the writer notices ("Het viel me op dat ...", "Ik merk dat ...") is an observation like "ik
 * zie dat ...": only what follows can judge. A feeling as the cause of what was seen ("bloost van
 * schaamte") and taste words next to "mooi" ("lelijk", "schattig") are judgements. */
START_TEST(test_check_noticing_feelings_and_taste)
{
    ck_assert_uint_eq(run("Het viel me op dat je drie keer naar de deur keek."), 0);
    ck_assert_uint_eq(run("Ik merk dat de bel om 10.15 uur gaat."), 0);
    ck_assert(run_flags("Ik merk dat hij zich verveelt.", "verveelt"));
    ck_assert(run_flags("Het viel me op dat ze onzeker was.", "onzeker"));
    ck_assert(run_flags("Ze wordt rood van schaamte.", "schaamte"));
    ck_assert(run_flags("Hij trilt van de zenuwen.", "zenuwen"));
    ck_assert(run_flags("Hij schopt de stoel om uit woede.", "woede"));
    ck_assert(run_flags("Wat een lelijke kleur heeft die poster.", "lelijke"));
    ck_assert(run_flags("Haar tekening is schattig.", "schattig"));
    /* a motive as the goal of what was seen */
    ck_assert(run_flags("Hij tikt op tafel om aandacht te krijgen.", "aandacht"));
    ck_assert(run_flags("Ze praat luid om erbij te horen.", "erbij"));
    ck_assert_uint_eq(run("Om 10 uur vraagt de juf aandacht voor de pauze."), 0);
    ck_assert_uint_eq(run("Hij loopt naar de kast om een schaar te pakken."), 0);
    ck_assert_uint_eq(run("Het boek heet 'Verdriet van de tijger'."), 0);
    ck_assert_uint_eq(run("Ze kijkt strak naar het bord."), 0); /* a way of looking, seen */
    ck_assert_uint_eq(run("Hij bleef de juf strak aankijken."), 0);
    ck_assert(run_flags("De juf is strak.", "strak"));
    ck_assert_uint_eq(run("Ze zegt: 'Ik huil van verdriet.'"), 0);
}
END_TEST

static Suite *check_suite(void)
{
    Suite *s = suite_create("check");
    TCase *tc = tcase_create("rules");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_check_abbreviations_and_slips);
    tcase_add_test(tc, test_check_read_from_face);
    tcase_add_test(tc, test_check_baseline_and_refusal_are_facts);
    tcase_add_test(tc, test_check_te_laat_keeps_generalisation);
    tcase_add_test(tc, test_check_predicate_about_a_person);
    tcase_add_test(tc, test_check_causal_and_final_clauses);
    tcase_add_test(tc, test_check_formulas_and_hedges);
    tcase_add_test(tc, test_check_self_report_habit);
    tcase_add_test(tc, test_check_inner_state_verbs);
    tcase_add_test(tc, test_check_exclamation);
    tcase_add_test(tc, test_check_feeling_nouns_and_inference);
    tcase_add_test(tc, test_check_asking_is_no_claim);
    tcase_add_test(tc, test_check_predicate_in_subordinate_clause);
    tcase_add_test(tc, test_check_noticing_feelings_and_taste);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(check_suite());
}
