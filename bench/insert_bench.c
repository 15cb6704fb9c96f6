/* SPDX-License-Identifier: MIT */
/*
 * Durable note insert: kr_store_obs_add (one transaction: the note, its first
 * history row and the search index) against bare SQLite doing one INSERT per
 * transaction into a table of the same shape, with the same pragmas (WAL,
 * synchronous=FULL), in the same run on the same disk. Prints notes/second and the ratio.
 * Usage: insert_bench [N] [DIR]
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "kijkronde/mem.h"
#include "kijkronde/store.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char NOTE[] = "Meisje aan tafel 3 zegt: 'Ik snap 3/4 niet.' Ze pakt de breukenstrook "
                           "en legt hem naast de som.";

/*
 * mode 0: kr_store_obs_add alone. mode 1: Enter in the round as it is now: a draft row
 * written while typing (not timed: it happens at a pause), then the note and the draft's
 * removal in one transaction. mode 2: Enter as it was before: the note, then the draft
 * removed in a second transaction (two commits, two fsyncs).
 */
static double bench_store_mode(const char *path, int n, int mode)
{
    struct kr_store *st;
    struct kr_error err = {0};
    if (kr_store_open(path, &st, &err) != KR_OK) {
        fprintf(stderr, "%s\n", err.msg);
        exit(1);
    }
    struct kr_session s = {.date = kr_xstrdup("2026-03-12"), .kijkvraag_text = kr_xstrdup("k")};
    struct kr_visit v = {0};
    if (kr_store_session_add(st, &s, &err) != KR_OK)
        exit(1);
    v.session_id = kr_xstrdup(s.id);
    v.label = kr_xstrdup("groep 5");
    if (kr_store_visit_add(st, &v, &err) != KR_OK)
        exit(1);
    if (mode)
        kr_store_set_instance(st, "bench", (long)getpid(), "bench");
    double t = 0;
    for (int i = 0; i < n; i++) {
        struct kr_observation o = {
            .visit_id = kr_xstrdup(v.id), .text = kr_xstrdup(NOTE), .observer = kr_xstrdup("AB")};
        if (mode && kr_store_draft_put(st, v.id, NOTE, &err) != KR_OK) {
            fprintf(stderr, "%s\n", err.msg);
            exit(1);
        }
        double t0 = now();
        enum kr_status r =
            mode == 1 ? kr_store_obs_add_from_draft(st, &o, &err) : kr_store_obs_add(st, &o, &err);
        if (r == KR_OK && mode == 2)
            r = kr_store_draft_put(st, v.id, "", &err);
        t += now() - t0;
        if (r != KR_OK) {
            fprintf(stderr, "%s\n", err.msg);
            exit(1);
        }
        kr_observation_fini(&o);
    }
    kr_session_fini(&s);
    kr_visit_fini(&v);
    kr_store_close(st);
    return t;
}

static double bench_bare(const char *path, int n)
{
    sqlite3 *db;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        exit(1);
    sqlite3_exec(db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                 "CREATE TABLE observation(id TEXT PRIMARY KEY, visit_id TEXT, at TEXT, text TEXT,"
                 " corner TEXT, observer TEXT, created_at TEXT, updated_at TEXT);",
                 NULL, NULL, NULL);
    sqlite3_stmt *s;
    sqlite3_prepare_v2(db, "INSERT INTO observation VALUES (?1, 'v', ?2, ?3, NULL, 'AB', ?2, ?2)",
                       -1, &s, NULL);
    double t0 = now();
    for (int i = 0; i < n; i++) {
        char id[40], at[40];
        snprintf(id, sizeof id, "id-%d", i);
        snprintf(at, sizeof at, "2026-03-12T09:%02d:%02d+01:00", (i / 60) % 60, i % 60);
        sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
        sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(s, 2, at, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(s, 3, NOTE, -1, SQLITE_STATIC);
        if (sqlite3_step(s) != SQLITE_DONE)
            exit(1);
        sqlite3_reset(s);
        sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    }
    double t = now() - t0;
    sqlite3_finalize(s);
    sqlite3_close(db);
    return t;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 2000;
    const char *dir = argc > 2 ? argv[2] : "/tmp";
    char a[256], b[256];
    snprintf(a, sizeof a, "%s/kr-bench-store-%d.db", dir, (int)getpid());
    snprintf(b, sizeof b, "%s/kr-bench-bare-%d.db", dir, (int)getpid());
    const char *suffix[] = {"", "-wal", "-shm"};
    double tb = bench_bare(b, n);
    double ts = bench_store_mode(a, n, 0);
    for (int i = 0; i < 3; i++) {
        char p[300];
        snprintf(p, sizeof p, "%s%s", a, suffix[i]);
        unlink(p);
    }
    double te = bench_store_mode(a, n, 1);
    for (int i = 0; i < 3; i++) {
        char p[300];
        snprintf(p, sizeof p, "%s%s", a, suffix[i]);
        unlink(p);
    }
    double to = bench_store_mode(a, n, 2);
    /* The baseline once more, after: the disk's speed drifts during a run. */
    for (int i = 0; i < 3; i++) {
        char p[300];
        snprintf(p, sizeof p, "%s%s", b, suffix[i]);
        unlink(p);
    }
    tb = (tb + bench_bare(b, n)) / 2;
    printf("durable insert, %d notes, one transaction each, WAL + synchronous=FULL\n", n);
    printf("  bare SQLite : %8.0f notes/s\n", n / tb);
    printf("  kijkronde   : %8.0f notes/s (note + history row + search index)\n", n / ts);
    printf("  ratio       : %.2fx the time of bare SQLite\n", ts / tb);
    printf("  Enter       : %8.0f notes/s (note + history + index + draft removal, one commit)"
           " %.2fx\n",
           n / te, te / tb);
    printf("  Enter (old) : %8.0f notes/s (draft removed in a second commit) %.2fx\n", n / to,
           to / tb);
    /* The line bench/run collects: what, baseline, baseline s, kijkronde s, for the same work. */
    printf("RESULT\tdurable note insert (%d notes)\tbare SQLite, same pragmas\t%.4f\t%.4f\n", n, tb,
           ts);
    printf("RESULT\tEnter in the round (%d notes)\tbare SQLite, same pragmas\t%.4f\t%.4f\n", n, tb,
           te);
    for (int i = 0; i < 3; i++) {
        char p[300];
        snprintf(p, sizeof p, "%s%s", a, suffix[i]);
        unlink(p);
        snprintf(p, sizeof p, "%s%s", b, suffix[i]);
        unlink(p);
    }
    return 0;
}
