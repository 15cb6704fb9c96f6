/* SPDX-License-Identifier: MIT */
/*
 * The zonder-oordeel check as it runs on every keystroke: kr_check on 100-character notes,
 * against the bare pass it cannot avoid (kr_tokenize plus a Snowball stem of every word) over
 * the same notes in the same run. Two sets: "warm", notes made of recurring words (typing:
 * the checker's stem cache hits), and "cold", the same notes with random letters in capitals,
 * so nearly every word misses the cache and goes through Snowball. Prints notes/second, the
 * ratio, and RESULT lines for bench/run. Fails (exit 1) when the cold check is below 50,000
 * notes/second, the floor, and also takes more than twice the baseline's time (below
 * the floor with a fast check, the machine is busy, not the checker slow: then it warns).
 * Usage: check_bench [ROUNDS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kijkronde/check.h"
#include "kijkronde/text.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Pieces that make realistic notes: facts, quotes, times, counts and judging words. */
static const char *const pieces[] = {
    "Leerling bij het raam kijkt naar buiten.",
    "Juf zegt: 'Pak je schrift.'",
    "Om 09:14 steken 5 van 26 leerlingen hun vinger op.",
    "De juf legt het heel goed uit.",
    "Twee leerlingen overleggen over opgave 4.",
    "Ik vind dat de instructie veel te lang duurt.",
    "7 van de 10 sommen goed.",
    "Leerling begint te schrijven.",
    "Deze jongen verveelt zich en heeft geen zin.",
    "Op het bord staat “Ik kan breuken vergelijken”.",
    "De klas is rommelig na de pauze.",
    "Meisje vraagt of ze naar de wc mag.",
    "Zwakke leerlingen snappen het niet.",
    "Leraar loopt langs 9 tafels.",
};

#define NOTES    4096
#define NOTE_LEN 100

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 50;
    if (rounds < 1)
        rounds = 1;
    size_t npieces = sizeof pieces / sizeof pieces[0];
    static char notes[NOTES][NOTE_LEN + 1];
    srand(42);
    for (size_t i = 0; i < NOTES; i++) {
        size_t len = 0;
        while (len < NOTE_LEN) {
            const char *p = pieces[(size_t)rand() % npieces];
            size_t pl = strlen(p);
            if (len + pl + 1 > NOTE_LEN)
                pl = NOTE_LEN - len - 1;
            memcpy(notes[i] + len, p, pl);
            len += pl;
            notes[i][len++] = ' ';
        }
        notes[i][NOTE_LEN] = '\0';
        /* Do not leave half a UTF-8 character at the end. */
        size_t e = NOTE_LEN;
        while (e > 0 && ((unsigned char)notes[i][e - 1] & 0xC0) == 0x80)
            e--;
        if (e > 0 && ((unsigned char)notes[i][e - 1] & 0xC0) == 0xC0)
            notes[i][e - 1] = ' ';
    }

    static char cold[NOTES][NOTE_LEN + 1];
    for (size_t i = 0; i < NOTES; i++)
        for (size_t k = 0; k <= NOTE_LEN; k++)
            cold[i][k] = (char)(notes[i][k] >= 'a' && notes[i][k] <= 'z' && rand() % 2
                                    ? notes[i][k] - 'a' + 'A'
                                    : notes[i][k]);

    struct kr_checker *c;
    struct kr_error err = {0};
    if (kr_checker_new(NULL, &c, &err) != KR_OK) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    struct kr_stemmer *st = kr_stemmer_new();
    struct kr_token_list toks = {0};
    struct kr_finding_list f = {0};
    char stem[64];
    size_t sink = 0;

    /* Warm up (caches, scratch memory). */
    for (size_t i = 0; i < NOTES; i++)
        sink += kr_check(c, notes[i], NOTE_LEN, &f);

    double cold_rate = 0, cold_ratio = 0;
    for (int set = 0; set < 2; set++) {
        char(*in)[NOTE_LEN + 1] = set ? cold : notes;
        double t0 = now();
        for (int r = 0; r < rounds; r++)
            for (size_t i = 0; i < NOTES; i++) {
                kr_tokenize(in[i], NOTE_LEN, &toks);
                for (size_t k = 0; k < toks.n; k++)
                    if (toks.items[k].kind == KR_TOK_WORD)
                        sink += kr_stem(st, in[i] + toks.items[k].start,
                                        toks.items[k].end - toks.items[k].start, stem, sizeof stem);
            }
        double t_base = now() - t0;
        size_t findings = 0;
        t0 = now();
        for (int r = 0; r < rounds; r++)
            for (size_t i = 0; i < NOTES; i++)
                findings += kr_check(c, in[i], NOTE_LEN, &f);
        double t_check = now() - t0;
        double n = (double)rounds * NOTES;
        const char *name = set ? "cold (words new to the stem cache)" : "warm (recurring words)";
        printf("%s: %.0f notes of %d bytes, %.2f findings per note\n", name, n, NOTE_LEN,
               (double)findings / n);
        printf("  baseline kr_tokenize + kr_stem per word: %10.0f notes/s\n", n / t_base);
        printf("  kr_check (the full check):               %10.0f notes/s  (%.2fx the baseline "
               "time)\n",
               n / t_check, t_check / t_base);
        printf("RESULT\tzonder-oordeel check, %s, 100-byte notes\ttokenize + stem\t%.6f\t%.6f\n",
               name, t_base, t_check);
        if (set) {
            cold_rate = n / t_check;
            cold_ratio = t_check / t_base;
        }
    }
    printf("(sink %zu)\n", sink);
    if (cold_rate < 50000 && cold_ratio <= 2.0)
        fprintf(stderr,
                "let op: %.0f notities per seconde, maar de basislijn is even traag: de "
                "machine is bezet\n",
                cold_rate);
    kr_finding_list_fini(&f);
    kr_token_list_fini(&toks);
    kr_stemmer_free(st);
    kr_checker_free(c);
    if (cold_rate < 50000 && cold_ratio > 2.0) {
        fprintf(stderr, "te traag: %.0f notities per seconde (minimaal 50.000)\n", cold_rate);
        return 1;
    }
    return 0;
}
