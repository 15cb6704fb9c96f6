/* SPDX-License-Identifier: MIT */
/*
 * The screens of one bijeenkomst as a user waits for them, in an 80x24 pseudo-terminal:
 * kijkronde opens DB, Enter opens the first bijeenkomst, then the time from the key to a
 * complete screen (output went quiet for 20 ms, not counted) for the notes list (n) and a
 * search in it (/ WORD Enter), then back (q) and the reflection's first screen (r), and the
 * peak resident memory (VmHWM) of the process. The baseline is the same on BASE_DB (a small
 * bijeenkomst), in the same run; the best of RUNS. NAME names DB in the RESULT lines (e.g.
 * "1000000 notes": bench/run then prints the growth between sizes); default its path.
 *
 * Usage: screens_bench KIJKRONDE BASE_DB DB [RUNS [WORD [NAME]]]
 */
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define QUIET 0.020

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Read until the output has been quiet for QUIET after some came; the seconds it took,
 * less the quiet wait, or -1 after 60 s or an end. `want`, when given, must be seen. */
static double settle(int fd, const char *want)
{
    static char seen[1 << 16];
    size_t n_seen = 0;
    double t0 = now(), last = 0;
    bool got = false, found = !want;
    for (;;) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int r = poll(&p, 1, got && found ? (int)(QUIET * 1000) : 1000);
        if (r > 0) {
            char buf[65536];
            ssize_t n = read(fd, buf, sizeof buf);
            if (n <= 0)
                return -1;
            got = true;
            last = now();
            for (ssize_t i = 0; i < n && !found; i++) {
                seen[n_seen++ % sizeof seen] = buf[i];
                if (n_seen >= strlen(want)) {
                    size_t l = strlen(want), ok = 1;
                    for (size_t k = 0; k < l && ok; k++)
                        ok = seen[(n_seen - l + k) % sizeof seen] == want[k];
                    found = ok;
                }
            }
            continue;
        }
        if (r == 0 && got && found)
            return last - t0;
        if (now() - t0 > 60)
            return -1;
    }
}

/* CPU seconds (user + system) the process used so far, from /proc (10 ms ticks). */
static double cpu_s(pid_t pid)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    if (f)
        fclose(f);
    buf[n] = 0;
    char *p = strrchr(buf, ')'); /* the name may hold spaces */
    unsigned long ut = 0, st = 0;
    if (p && sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) == 2)
        return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
    return -1;
}

static long hwm_kb(pid_t pid)
{
    char path[64], line[256];
    long kb = -1;
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "VmHWM:", 6) == 0)
            kb = atol(line + 6);
    if (f)
        fclose(f);
    return kb;
}

struct times {
    double list, search, reflect;             /* wall */
    double list_cpu, search_cpu, reflect_cpu; /* CPU of the process meanwhile */
    long kb;
};

static int once(const char *kr, const char *db, const char *word, struct times *t)
{
    struct winsize ws = {.ws_row = 24, .ws_col = 80};
    int fd;
    pid_t pid = forkpty(&fd, NULL, NULL, &ws);
    if (pid < 0)
        return -1;
    if (pid == 0) {
        setenv("TERM", "xterm-256color", 1);
        execl(kr, kr, "--db", db, (char *)NULL);
        _exit(127);
    }
    double c0 = 0;
    int ok = settle(fd, NULL) >= 0 && write(fd, "\r", 1) == 1 && settle(fd, "Bezoeken") >= 0 &&
             (c0 = cpu_s(pid)) >= 0 && write(fd, "n", 1) == 1 &&
             (t->list = settle(fd, "filter:")) >= 0 && (t->list_cpu = cpu_s(pid) - c0) >= 0 &&
             write(fd, "/", 1) == 1 && settle(fd, NULL) >= 0 &&
             write(fd, word, strlen(word)) == (ssize_t)strlen(word) && settle(fd, NULL) >= 0 &&
             (c0 = cpu_s(pid)) >= 0 && write(fd, "\r", 1) == 1 &&
             (t->search = settle(fd, "zoek:")) >= 0 && (t->search_cpu = cpu_s(pid) - c0) >= 0 &&
             write(fd, "q", 1) == 1 && settle(fd, "Bezoeken") >= 0 && (c0 = cpu_s(pid)) >= 0 &&
             write(fd, "r", 1) == 1 && (t->reflect = settle(fd, "Kalibratie")) >= 0 &&
             (t->reflect_cpu = cpu_s(pid) - c0) >= 0;
    t->kb = hwm_kb(pid);
    kill(pid, SIGTERM);
    waitpid(pid, NULL, 0);
    close(fd);
    return ok ? 0 : -1;
}

static int best(const char *kr, const char *db, const char *word, int runs, struct times *b)
{
    b->list = b->search = b->list_cpu = b->search_cpu = b->reflect = b->reflect_cpu = 1e9;
    b->kb = 0;
    for (int i = 0; i < runs; i++) {
        struct times t = {0};
        if (once(kr, db, word, &t) != 0) {
            fprintf(stderr, "screens_bench: %s: geen notitiescherm of zoekresultaat\n", db);
            return -1;
        }
        b->list = t.list < b->list ? t.list : b->list;
        b->search = t.search < b->search ? t.search : b->search;
        b->list_cpu = t.list_cpu < b->list_cpu ? t.list_cpu : b->list_cpu;
        b->search_cpu = t.search_cpu < b->search_cpu ? t.search_cpu : b->search_cpu;
        b->reflect = t.reflect < b->reflect ? t.reflect : b->reflect;
        b->reflect_cpu = t.reflect_cpu < b->reflect_cpu ? t.reflect_cpu : b->reflect_cpu;
        b->kb = t.kb > b->kb ? t.kb : b->kb;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "gebruik: screens_bench KIJKRONDE BASE_DB DB [RUNS [WOORD]]\n");
        return 2;
    }
    int runs = argc > 4 ? atoi(argv[4]) : 5;
    const char *word = argc > 5 ? argv[5] : "kralen";
    struct times bb, kk, b, k;
    const char *name = argc > 6 ? argv[6] : argv[3];
    bb = kk = (struct times){1e9, 1e9, 1e9, 1e9, 1e9, 1e9, 0};
    for (int i = 0; i < (runs < 1 ? 1 : runs); i++) { /* alternated: base, db, base, db ... */
        if (best(argv[1], argv[2], word, 1, &b) != 0 || best(argv[1], argv[3], word, 1, &k) != 0)
            return 1;
        struct times *acc[2] = {&bb, &kk}, *got[2] = {&b, &k};
        for (int j = 0; j < 2; j++) {
            struct times *a = acc[j], *g = got[j];
            a->list = g->list < a->list ? g->list : a->list;
            a->search = g->search < a->search ? g->search : a->search;
            a->list_cpu = g->list_cpu < a->list_cpu ? g->list_cpu : a->list_cpu;
            a->search_cpu = g->search_cpu < a->search_cpu ? g->search_cpu : a->search_cpu;
            a->reflect = g->reflect < a->reflect ? g->reflect : a->reflect;
            a->reflect_cpu = g->reflect_cpu < a->reflect_cpu ? g->reflect_cpu : a->reflect_cpu;
            a->kb = g->kb > a->kb ? g->kb : a->kb;
        }
    }
    printf("notes screen of the first bijeenkomst, 80x24 pty, best of %d\n", runs);
    const struct times *all[2] = {&bb, &kk};
    for (int j = 0; j < 2; j++)
        printf("  %s: list %.1f ms (CPU %.0f ms), search %.1f ms (CPU %.0f ms), reflection %.1f ms"
               " (CPU %.0f ms), peak RSS %ld MB\n",
               argv[2 + j], all[j]->list * 1000, all[j]->list_cpu * 1000, all[j]->search * 1000,
               all[j]->search_cpu * 1000, all[j]->reflect * 1000, all[j]->reflect_cpu * 1000,
               all[j]->kb / 1024);
    printf("RESULT\tnotes list on screen, %s\tthe same on the demo\t%.4f\t%.4f\n", name, bb.list,
           kk.list);
    printf("RESULT\tnotes list on screen, CPU, %s\tthe same on the demo\t%.4f\t%.4f\n", name,
           bb.list_cpu, kk.list_cpu);
    printf("RESULT\tsearch '%s' in the notes list, %s\tthe same on the demo\t%.4f\t%.4f\n", word,
           name, bb.search, kk.search);
    printf("RESULT\tsearch '%s' in the notes list, CPU, %s\tthe same on the demo\t%.4f\t%.4f\n",
           word, name, bb.search_cpu, kk.search_cpu);
    printf("RESULT\treflection's first screen, %s\tthe same on the demo\t%.4f\t%.4f\n", name,
           bb.reflect, kk.reflect);
    printf("RESULT\treflection's first screen, CPU, %s\tthe same on the demo\t%.4f\t%.4f\n", name,
           bb.reflect_cpu, kk.reflect_cpu);
    /* bench/run prints these in a table of memory */
    printf(
        "MEMORY\tnotes list, a search and the reflection, %s\tthe same on the demo\t%.1f\t%.1f\n",
        name, (double)bb.kb / 1024, (double)kk.kb / 1024);
    return 0;
}
