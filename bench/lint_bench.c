/* SPDX-License-Identifier: MIT */
/*
 * The kijkvraag lint runs on every key press while a school types its question in the
 * TUI, so it must cost next to nothing. Baseline, same run, same questions: the text
 * work any word-list lint needs (tokenize and stem every word, kr_tokenize + kr_stem).
 * Measured: kr_lint on the whole question, and kr_lint on every prefix of it (one call
 * per typed character). Prints the time per question and per key press and the ratio.
 * Usage: lint_bench [ROUNDS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kijkronde/kijkvraag.h"
#include "kijkronde/text.h"

static const char *const Q[] = {
    "Wordt het EDI-model goed toegepast?",
    "Geeft de leraar een goede instructie?",
    "Houden alle docenten zich aan de weekwoordenafspraak?",
    "Is het klassenmanagement op orde?",
    "Hoe goed werkt onze nieuwe rekenmethode?",
    "Zijn de leerlingen gemotiveerd?",
    "Wat doet de leraar fout bij het differentiëren?",
    "Hoe geeft de leerkracht instructie?",
    "Vinden leerlingen het leuk om te lezen?",
    "Wat doen leerlingen wanneer zij werken met digitale leermiddelen?",
    "Wanneer zijn leerlingen betrokken? Waar zien we dat aan?",
    "Wat doen en zeggen leerlingen als een rekenopgave moeilijk voor ze is? Wat doen ze daarna?",
    ("Hoeveel van de lestijd zijn leerlingen zelf aan het lezen, en wat doen ze als ze een woord "
     "niet kennen?"),
    "Wanneer en hoe gebruiken leerlingen de weekwoorden, ook buiten de les Nederlands?",
    "Waar in het gebouw en in de lessen zie je leerlingen burgerschap laten zien? Wat doen ze dan?",
    "Wat doen leerlingen als ze iets niet begrijpen? Bij wie of wat zoeken ze hulp?",
};
#define NQ (sizeof Q / sizeof Q[0])

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static volatile size_t sink;

static void baseline(struct kr_stemmer *st, struct kr_token_list *toks, const char *q, size_t len)
{
    char buf[128];
    kr_tokenize(q, len, toks);
    for (size_t i = 0; i < toks->n; i++)
        if (toks->items[i].kind == KR_TOK_WORD) {
            sink += kr_fold(q + toks->items[i].start, toks->items[i].end - toks->items[i].start,
                            buf, sizeof buf);
            sink += kr_stem(st, q + toks->items[i].start, toks->items[i].end - toks->items[i].start,
                            buf, sizeof buf);
        }
}

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 200;
    if (rounds < 1)
        rounds = 1;
    struct kr_linter *L;
    struct kr_error err = {0};
    if (kr_linter_new(&L, &err) != KR_OK) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    struct kr_stemmer *st = kr_stemmer_new();
    struct kr_token_list toks = {0};
    struct kr_lint_list f = {0};
    size_t keys = 0;
    for (size_t i = 0; i < NQ; i++)
        keys += strlen(Q[i]);

    double t0 = now();
    for (int r = 0; r < rounds; r++)
        for (size_t i = 0; i < NQ; i++)
            baseline(st, &toks, Q[i], strlen(Q[i]));
    double tb = now() - t0;

    t0 = now();
    for (int r = 0; r < rounds; r++)
        for (size_t i = 0; i < NQ; i++)
            sink += kr_lint(L, Q[i], strlen(Q[i]), &f);
    double tl = now() - t0;

    /* Typing: every prefix once, against the baseline on every prefix. */
    int trounds = rounds / 20 > 0 ? rounds / 20 : 1;
    t0 = now();
    for (int r = 0; r < trounds; r++)
        for (size_t i = 0; i < NQ; i++)
            for (size_t n = 1; n <= strlen(Q[i]); n++)
                baseline(st, &toks, Q[i], n);
    double tbk = now() - t0;
    t0 = now();
    for (int r = 0; r < trounds; r++)
        for (size_t i = 0; i < NQ; i++)
            for (size_t n = 1; n <= strlen(Q[i]); n++)
                sink += kr_lint(L, Q[i], n, &f);
    double tk = now() - t0;

    double per_q = tl / ((double)rounds * NQ), per_qb = tb / ((double)rounds * NQ);
    double per_k = tk / ((double)trounds * (double)keys);
    double per_kb = tbk / ((double)trounds * (double)keys);
    printf("questions: %zu, rounds: %d\n", NQ, rounds);
    printf("tokenize+stem (baseline): %.1f us per question\n", per_qb * 1e6);
    printf("kr_lint:                  %.1f us per question (%.2fx the baseline)\n", per_q * 1e6,
           per_q / per_qb);
    printf("typing, per key press:    %.1f us (baseline %.1f us, %.2fx)\n", per_k * 1e6,
           per_kb * 1e6, per_k / per_kb);
    printf("RESULT\tkijkvraag lint, per question\ttokenize + stem every word\t%.9f\t%.9f\n", per_qb,
           per_q);
    printf("RESULT\tkijkvraag lint, per key press\ttokenize + stem every word\t%.9f\t%.9f\n",
           per_kb, per_k);
    kr_lint_list_fini(&f);
    kr_token_list_fini(&toks);
    kr_stemmer_free(st);
    kr_linter_free(L);
    return 0;
}
