/* SPDX-License-Identifier: MIT */
/* The name detector (kind "naam"): rules that must and must not flag, the labelled
 * sets (tests/data/names_dev.tsv tuned on, names_test.tsv held out) against the
 * acceptance floors, and the replacement a summary uses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kijkronde/check.h"
#include "kijkronde/names.h"
#include "krtest.h"

static struct kr_checker *C;

static void setup(void)
{
    struct kr_error err = {0};
    ck_assert_int_eq(kr_checker_new(NULL, &C, &err), KR_OK);
}

static void teardown(void)
{
    kr_checker_free(C);
}

/* The names found in text, each "[..]", into buf. */
static const char *names_in(const char *text, char *buf, size_t size)
{
    struct kr_finding_list f = {0};
    kr_check(C, text, strlen(text), &f);
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < f.n; i++)
        if (strcmp(f.items[i].kind, KR_NAMES_KIND) == 0)
            o +=
                (size_t)snprintf(buf + o, size - o, "[%.*s]",
                                 (int)(f.items[i].end - f.items[i].start), text + f.items[i].start);
    kr_finding_list_fini(&f);
    return buf;
}

#define FLAGS(text, want)                                                                          \
    do {                                                                                           \
        char b_[256];                                                                              \
        ck_assert_str_eq(names_in(text, b_, sizeof b_), want);                                     \
    } while (0)

START_TEST(test_names_must_flag)
{
    ck_assert(kr_names_have_wordlist());
    FLAGS("Jan steekt zijn vinger op.", "[Jan]");
    FLAGS("juf zegt 'heel goed, Fatima'", "[Fatima]");
    FLAGS("Zoë en Noël lezen samen.", "[Zoë][Noël]");
    FLAGS("Juf Jansen loopt naar tafel 3.", "[Jansen]");
    FLAGS("Meester El Idrissi schrijft de som op.", "[El Idrissi]");
    FLAGS("Daarna pakt Roos een boek.", "[Roos]");
    FLAGS("Roos pakt een boek.", "[Roos]");
    FLAGS("Een jongen (Kerem) kijkt naar het bord.", "[Kerem]");
    FLAGS("'Ik ben klaar', zegt Wiktoria.", "[Wiktoria]");
    FLAGS("Tesfay, Senait en Yonas staan bij de kast.", "[Tesfay][Senait][Yonas]");
    FLAGS("Mevrouw Yilmaz vraagt wie het weet.", "[Yilmaz]");
    FLAGS("De leerlingen kijken naar juf Fleur.", "[Fleur]"); /* fleur is a Dutch word */
    FLAGS("Dan vraagt meester Dirk of het klopt.", "[Dirk]");
}
END_TEST

/* First names that are also Dutch words (eva, bram, fleur, nova) or that a judgement
 * pattern reads ("Noor"): their place in the sentence makes them a person. */
START_TEST(test_names_dutch_words)
{
    FLAGS("Eva pakt een gum.", "[Eva]");
    FLAGS("Bram pakt een gum.", "[Bram]");
    FLAGS("Fleur pakt een gum.", "[Fleur]");
    FLAGS("Nova pakt een gum.", "[Nova]");
    FLAGS("Noor pakt een gum.", "[Noor]");
    FLAGS("Eva pakt een gum en zegt tegen Bram: \"Kijk, zo.\"", "[Eva][Bram]");
    FLAGS("Fleur en Nova tellen samen hardop tot 20.", "[Fleur][Nova]");
    FLAGS("Tegen Sem zegt ze: 'Jij mag beginnen.'", "[Sem]");
    FLAGS("Om 9.10 pakt Eva een gum.", "[Eva]");
    FLAGS("Tijdens het lezen fluistert Bram iets tegen Marisol.", "[Bram][Marisol]");
    FLAGS("De juf zegt: 'Heel goed, Bram.'", "[Bram]");
    FLAGS("Ricardo en Bram werken samen.", "[Ricardo][Bram]");
    FLAGS("Max pakt een gum.", "[Max]");
}
END_TEST

/* Capitalised sentence starters that are never a person, also before a verb of a person. */
START_TEST(test_names_starters)
{
    FLAGS("Eén tweetal legt een touwtje.", "");
    FLAGS("Één tweetal legt een touwtje.", "");
    FLAGS("De vragen bij de tekst zijn meerkeuzevragen.", "");
    FLAGS("Om 9.10 pakt een jongen een gum.", "");
    FLAGS("Tegen de muur hangt een getallenlijn.", "");
    FLAGS("Juf zegt: 'Pak je boek.'", "");
    FLAGS("Leraar zegt: 'Goed zo.'", "");
    FLAGS("Docent loopt een rondje door het lokaal.", "");
    FLAGS("Lk leest het begin van het prentenboek voor.", "");
    FLAGS("L3 vraagt: 'Mag ik naar de wc?'", "");
    FLAGS("Meisje leest hardop: 'De kat zit op de mat.'", "");
    FLAGS("Vandaag zegt hij niets.", "");
    FLAGS("Daarnaast zegt hij niets.", ""); /* not a listed starter: the pronoun tells */
    FLAGS("Tussendoor zegt de juf: 'Nog twee minuten.'", "");
    FLAGS("Maandag pakt de groep de schriften.", "");
    FLAGS("Samen tellen de kinderen hardop tot 20.", "");
    FLAGS("Op het bord staat De Gruffalo.", "");
    /* A Dutch abstract noun before a verb of a person is no first name (-isme, -heid, -ing). */
    FLAGS("Perfectionisme zit hem in de weg.", "");
    FLAGS("Onzekerheid speelt een rol bij de start.", "");
    FLAGS("Spanning zit in de lucht.", "");
    FLAGS("Fleur zit naast de kast.", "[Fleur]"); /* a Dutch word, but no such ending */
}
END_TEST

START_TEST(test_names_must_not_flag)
{
    FLAGS("Leerlingen werken in Snappet.", "");
    FLAGS("De juf start Gynzy op het digibord.", "");
    FLAGS("Leerling A pakt een blad.", "");
    FLAGS("Groep 6 werkt in tweetallen.", "");
    FLAGS("Een leerling vertelt over een reis naar Marokko.", "");
    FLAGS("Rekenen begint om 9 uur.", "");
    FLAGS("Daarna gaan de leerlingen in de kring zitten.", "");
    FLAGS("Twee leerlingen praten Arabisch met elkaar.", "");
    FLAGS("Na de pauze lezen ze Nieuwsbegrip.", "");
    FLAGS("Iedereen pakt een schrift.", "");
    FLAGS("De klas leest uit Jip en Janneke.", "");
    FLAGS("Om 9:30 begint de les over Kerstmis.", "");
}
END_TEST

START_TEST(test_names_replace)
{
    char *r = kr_names_replace("Fatima steekt haar vinger op.");
    ck_assert_str_eq(r, "Een leerling steekt haar vinger op.");
    free(r);
    r = kr_names_replace("Zoë en Noël lezen; Zoë wijst.");
    ck_assert_str_eq(r, "Leerling A en leerling B lezen; leerling A wijst.");
    free(r);
    r = kr_names_replace("Juf Jansen zegt: 'heel goed, Fatima'.");
    ck_assert_str_eq(r, "Juf zegt: 'heel goed, een leerling'.");
    free(r);
    r = kr_names_replace("Vijf leerlingen openen Snappet.");
    ck_assert_str_eq(r, "Vijf leerlingen openen Snappet.");
    free(r);
}
END_TEST

struct score {
    size_t names, found, neg, flagged;
};

static struct score score_file(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", KR_TEST_DATA, name);
    FILE *fp = fopen(path, "r");
    ck_assert_msg(fp != NULL, "%s", path);
    struct score s = {0};
    char line[1024];
    struct kr_finding_list f = {0};
    while (fgets(line, sizeof line, fp)) {
        if (line[0] == '#')
            continue;
        line[strcspn(line, "\n")] = '\0';
        char *text = strchr(line, '\t');
        if (!text)
            continue;
        *text++ = '\0';
        char *want = strchr(text, '\t');
        if (want)
            *want++ = '\0';
        kr_check(C, text, strlen(text), &f);
        if (strcmp(line, "geen") == 0) {
            s.neg++;
            for (size_t i = 0; i < f.n; i++)
                if (strcmp(f.items[i].kind, KR_NAMES_KIND) == 0) {
                    s.flagged++;
                    break;
                }
            continue;
        }
        /* Each expected name counts once per sentence: found when a naam finding covers it. */
        for (char *nm = strtok(want, ";"); nm; nm = strtok(NULL, ";")) {
            s.names++;
            const char *at = strstr(text, nm);
            ck_assert_msg(at != NULL, "%s not in %s", nm, text);
            size_t st = (size_t)(at - text), en = st + strlen(nm);
            for (size_t i = 0; i < f.n; i++)
                if (strcmp(f.items[i].kind, KR_NAMES_KIND) == 0 && f.items[i].start <= st &&
                    f.items[i].end >= en) {
                    s.found++;
                    break;
                }
        }
    }
    kr_finding_list_fini(&f);
    fclose(fp);
    printf("# %s: names found %zu/%zu (%.1f%%), non-name sentences flagged %zu/%zu (%.1f%%)\n",
           name, s.found, s.names, 100.0 * (double)s.found / (double)s.names, s.flagged, s.neg,
           100.0 * (double)s.flagged / (double)s.neg);
    return s;
}

START_TEST(test_names_floors)
{
    score_file("names_dev.tsv");
    struct score t = score_file("names_test.tsv");
    ck_assert_msg(t.names >= 100 && t.neg >= 100, "the held-out set is too small");
    ck_assert_msg(t.found * 100 >= t.names * 90, "held out: %zu/%zu names found, floor 90%%",
                  t.found, t.names);
    ck_assert_msg(t.flagged * 100 <= t.neg * 5, "held out: %zu/%zu non-names flagged, ceiling 5%%",
                  t.flagged, t.neg);
    /* names13's fresh sets: first names that are Dutch words, capitalised starters */
    struct score f = score_file("names_fresh.tsv");
    ck_assert_msg(f.found * 100 >= f.names * 95, "fresh: %zu/%zu names found, floor 95%%", f.found,
                  f.names);
    ck_assert_msg(f.flagged * 100 <= f.neg * 5, "fresh: %zu/%zu non-names flagged, ceiling 5%%",
                  f.flagged, f.neg);
    score_file("names_fresh2.tsv");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("names");
    TCase *tc = tcase_create("names");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_names_must_flag);
    tcase_add_test(tc, test_names_must_not_flag);
    tcase_add_test(tc, test_names_dutch_words);
    tcase_add_test(tc, test_names_starters);
    tcase_add_test(tc, test_names_replace);
    tcase_add_test(tc, test_names_floors);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
