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

static double bench_store(const char *path, int n)
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
    double t0 = now();
    for (int i = 0; i < n; i++) {
        struct kr_observation o = {
            .visit_id = kr_xstrdup(v.id), .text = kr_xstrdup(NOTE), .observer = kr_xstrdup("AB")};
        if (kr_store_obs_add(st, &o, &err) != KR_OK) {
            fprintf(stderr, "%s\n", err.msg);
            exit(1);
        }
        kr_observation_fini(&o);
    }
    double t = now() - t0;
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
    double tb = bench_bare(b, n);
    double ts = bench_store(a, n);
    printf("durable insert, %d notes, one transaction each, WAL + synchronous=FULL\n", n);
    printf("  bare SQLite : %8.0f notes/s\n", n / tb);
    printf("  kijkronde   : %8.0f notes/s (note + history row + search index)\n", n / ts);
    printf("  ratio       : %.2fx the time of bare SQLite\n", ts / tb);
    /* The line bench/run collects: what, baseline, baseline s, kijkronde s, for the same work. */
    printf("RESULT\tdurable note insert (%d notes)\tbare SQLite, same pragmas\t%.4f\t%.4f\n", n, tb,
           ts);
    const char *suffix[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        char p[300];
        snprintf(p, sizeof p, "%s%s", a, suffix[i]);
        unlink(p);
        snprintf(p, sizeof p, "%s%s", b, suffix[i]);
        unlink(p);
    }
    return 0;
}
