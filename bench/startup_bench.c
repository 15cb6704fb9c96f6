/* SPDX-License-Identifier: MIT */
/*
 * Start-up: the time from exec to the first full screen and back out, for kijkronde
 * opening a database with the demo bijeenkomst, against a bare curses program
 * (bench/bare_curses.c) that opens the same database and lists its bijeenkomsten, in
 * the same run. Each runs in its own pseudo-terminal of 80x24; the benchmark waits
 * until the program has drawn (output went quiet after the first bytes), sends "q"
 * and waits for the exit. The start screen reads the note counts before it reads a
 * key, so the time includes them. With NOTES, that many extra notes are added to the
 * demo's first visit first (with the sqlite3 shell, as one insert).
 *
 * Usage: startup_bench KIJKRONDE BARE_CURSES [RUNS [NOTES]]
 */
#define _DEFAULT_SOURCE /* wait4 */
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double last_cpu; /* user + system seconds of the last child run_once waited for */

static double cpu_of(const struct rusage *ru)
{
    return (double)ru->ru_utime.tv_sec + (double)ru->ru_utime.tv_usec / 1e6 +
           (double)ru->ru_stime.tv_sec + (double)ru->ru_stime.tv_usec / 1e6;
}

/* Run argv in a pty; return seconds from fork to exit, or -1. */
static double run_once(char *const argv[])
{
    struct winsize ws = {.ws_row = 24, .ws_col = 80};
    int fd;
    double t0 = now();
    pid_t pid = forkpty(&fd, NULL, NULL, &ws);
    if (pid < 0)
        return -1;
    if (pid == 0) {
        setenv("TERM", "xterm-256color", 1);
        execv(argv[0], argv);
        _exit(127);
    }
    char buf[65536];
    size_t total = 0;
    int sent = 0;
    double deadline = t0 + 10;
    for (;;) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        /* Quiet for 20 ms after output began: the first screen is complete. */
        int r = poll(&p, 1, total ? 20 : 1000);
        if (r > 0) {
            ssize_t n = read(fd, buf, sizeof buf);
            if (n <= 0)
                break; /* EIO: the child closed the terminal */
            total += (size_t)n;
            continue;
        }
        if (r == 0 && total && sent < 3) {
            if (write(fd, "q", 1) != 1)
                break;
            sent++;
        }
        int st;
        struct rusage ru;
        if (wait4(pid, &st, WNOHANG, &ru) == pid) {
            last_cpu = cpu_of(&ru);
            close(fd);
            return now() - t0 - 0.020 * sent; /* the quiet waits are not start-up */
        }
        if (now() > deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, NULL, 0);
            close(fd);
            return -1;
        }
    }
    int st;
    struct rusage ru;
    wait4(pid, &st, 0, &ru);
    last_cpu = cpu_of(&ru);
    close(fd);
    return now() - t0 - 0.020 * sent;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median_of(double *t, int runs)
{
    qsort(t, (size_t)runs, sizeof *t, cmp);
    return t[runs / 2];
}

/* Medians of wall and CPU time for A and B, their runs alternated (A, B, A, B, ...) so a
   load that changes during the run slows both alike. */
static void medians(char *const a[], char *const b[], int runs, double *wa, double *wb, double *ca,
                    double *cb)
{
    double *t = calloc(4 * (size_t)runs, sizeof *t);
    if (!t)
        exit(1);
    for (int i = 0; i < runs; i++)
        for (int k = 0; k < 2; k++) {
            char *const *argv = k ? b : a;
            double w = run_once(argv);
            if (w < 0) {
                fprintf(stderr, "%s kwam niet tot een scherm of stopte niet op q\n", argv[0]);
                exit(1);
            }
            t[(size_t)(2 * k) * (size_t)runs + (size_t)i] = w;
            t[(size_t)(2 * k + 1) * (size_t)runs + (size_t)i] = last_cpu;
        }
    *wa = median_of(t, runs);
    *ca = median_of(t + runs, runs);
    *wb = median_of(t + 2 * runs, runs);
    *cb = median_of(t + 3 * runs, runs);
    free(t);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "gebruik: startup_bench KIJKRONDE BARE_CURSES [RUNS [NOTES [DB]]]\n");
        return 2;
    }
    int runs = argc > 3 ? atoi(argv[3]) : 15;
    if (runs < 1)
        runs = 1;
    long notes = argc > 4 ? atol(argv[4]) : 0;
    char db[] = "/tmp/kr-startup-XXXXXX";
    int dfd = mkstemp(db);
    if (dfd < 0)
        return 1;
    close(dfd);
    unlink(db);
    char cmd[4096];
    if (argc > 5) { /* a database made by bench/gen_db: used as it is, and kept */
        char *kr_argv[] = {argv[1], (char[]){"--db"}, argv[5], NULL};
        char *bare_argv[] = {argv[2], argv[5], NULL};
        double tb, tk, cb, ck;
        medians(bare_argv, kr_argv, runs, &tb, &tk, &cb, &ck);
        printf("RESULT\tstart-up to the list of bijeenkomsten, %s\tbare curses program"
               " opening the same database\t%.4f\t%.4f\n",
               argv[5], tb, tk);
        printf("RESULT\tstart-up to the list of bijeenkomsten (CPU), %s\tbare curses program"
               " opening the same database\t%.4f\t%.4f\n",
               argv[5], cb, ck);
        return 0;
    }
    snprintf(cmd, sizeof cmd, "'%s' --db '%s' demo --no-tui >/dev/null", argv[1], db);
    if (system(cmd) != 0) {
        fprintf(stderr, "demo kon niet worden gemaakt\n");
        return 1;
    }
    if (notes > 0) {
        snprintf(cmd, sizeof cmd,
                 "sqlite3 '%s' \"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                 " WHERE i < %ld) INSERT INTO observation(id, visit_id, at, text, created_at,"
                 " updated_at) SELECT 'bench-' || i, (SELECT id FROM visit LIMIT 1),"
                 " '2026-03-12T09:00:00+01:00', 'Leerling ' || i || ' telt de kralen en zegt het"
                 " antwoord hardop', '2026-03-12T08:00:00.000Z', '2026-03-12T08:00:00.000Z'"
                 " FROM n\"",
                 db, notes);
        if (system(cmd) != 0) {
            fprintf(stderr, "de extra notities konden niet worden gemaakt (sqlite3)\n");
            return 1;
        }
    }
    char opt_db[] = "--db";
    char *kr_argv[] = {argv[1], opt_db, db, NULL};
    char *bare_argv[] = {argv[2], db, NULL};
    double tb, tk, cb, ck;
    medians(bare_argv, kr_argv, runs, &tb, &tk, &cb, &ck);
    printf("start-up to first screen and quit, 80x24 pty, median of %d runs, demo + %ld notes\n",
           runs, notes);
    printf("  bare curses program : %7.1f ms\n", tb * 1000);
    printf("  kijkronde           : %7.1f ms\n", tk * 1000);
    printf("  ratio               : %.2fx the time of bare curses\n", tk / tb);
    printf("  CPU (user + system) : %.1f ms against %.1f ms, %.2fx\n", ck * 1000, cb * 1000,
           ck / cb);
    printf("RESULT\tstart-up to the list of bijeenkomsten, demo + %ld notes\tbare curses program"
           " opening the same database\t%.4f\t%.4f\n",
           notes, tb, tk);
    printf("RESULT\tstart-up to the list of bijeenkomsten (CPU), demo + %ld notes\tbare curses"
           " program opening the same database\t%.4f\t%.4f\n",
           notes, cb, ck);
    const char *suffix[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < 3; i++) {
        snprintf(cmd, sizeof cmd, "%s%s", db, suffix[i]);
        unlink(cmd);
    }
    return 0;
}
