/* SPDX-License-Identifier: MIT */
/*
 * Durable note insert: Enter in the round (kr_store_obs_add_from_draft: the note, its first
 * history row, the visit's count and the draft's removal in one transaction; the search index
 * follows at the next pause, src/store/search_index.c) and kr_store_obs_add alone, against bare
 * SQLite doing one INSERT per transaction into a table of the same shape with the same pragmas
 * (WAL, synchronous=FULL), on the same disk. The three are alternated note by note, so a disk whose
 * fsync latency drifts (a shared machine) slows all three alike; the draft each Enter removes is
 * written before it, untimed, as the round writes it at a pause in the typing. Prints notes/second,
 * the ratios and RESULT lines for bench/run. Usage: insert_bench [N] [DIR]
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

static void die(const char *what, const char *msg)
{
    fprintf(stderr, "insert_bench: %s: %s\n", what, msg);
    exit(1);
}

struct kr_side {
    struct kr_store *st;
    struct kr_session s;
    struct kr_visit v;
};

static void kr_side_open(struct kr_side *k, const char *path, bool with_instance)
{
    struct kr_error err = {0};
    memset(k, 0, sizeof *k);
    if (kr_store_open(path, &k->st, &err) != KR_OK)
        die(path, err.msg);
    k->s.date = kr_xstrdup("2026-03-12");
    k->s.kijkvraag_text = kr_xstrdup("k");
    if (kr_store_session_add(k->st, &k->s, &err) != KR_OK)
        die("session", err.msg);
    k->v.session_id = kr_xstrdup(k->s.id);
    k->v.label = kr_xstrdup("groep 5");
    if (kr_store_visit_add(k->st, &k->v, &err) != KR_OK)
        die("visit", err.msg);
    if (with_instance)
        kr_store_set_instance(k->st, "bench", (long)getpid(), "bench");
}

/* One note; with_draft: Enter (the draft written first, untimed). Returns the seconds. */
static double kr_side_note(struct kr_side *k, bool with_draft)
{
    struct kr_error err = {0};
    struct kr_observation o = {
        .visit_id = kr_xstrdup(k->v.id), .text = kr_xstrdup(NOTE), .observer = kr_xstrdup("AB")};
    if (with_draft && kr_store_draft_put(k->st, k->v.id, NOTE, &err) != KR_OK)
        die("draft", err.msg);
    /* The pause that writes the draft also indexes the notes saved before it (as
     * kr_app_draft_put does), untimed like the draft: the index keeps growing as in a round. */
    if (with_draft && kr_store_search_catch_up(k->st, KR_SEARCH_BATCH, &err) != KR_OK)
        die("index", err.msg);
    double t0 = now();
    enum kr_status r = with_draft ? kr_store_obs_add_from_draft(k->st, &o, &err)
                                  : kr_store_obs_add(k->st, &o, &err);
    double t = now() - t0;
    if (r != KR_OK)
        die("note", err.msg);
    kr_observation_fini(&o);
    return t;
}

static void kr_side_close(struct kr_side *k)
{
    kr_session_fini(&k->s);
    kr_visit_fini(&k->v);
    kr_store_close(k->st);
}

struct bare {
    sqlite3 *db;
    sqlite3_stmt *ins;
    int i;
};

static void bare_open(struct bare *b, const char *path)
{
    memset(b, 0, sizeof *b);
    if (sqlite3_open(path, &b->db) != SQLITE_OK)
        die(path, "open");
    sqlite3_exec(b->db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                 "CREATE TABLE observation(id TEXT PRIMARY KEY, visit_id TEXT, at TEXT, text TEXT,"
                 " corner TEXT, observer TEXT, created_at TEXT, updated_at TEXT);",
                 NULL, NULL, NULL);
    if (sqlite3_prepare_v2(b->db,
                           "INSERT INTO observation VALUES (?1, 'v', ?2, ?3, NULL, 'AB', ?2, ?2)",
                           -1, &b->ins, NULL) != SQLITE_OK)
        die(path, sqlite3_errmsg(b->db));
}

static double bare_note(struct bare *b)
{
    char id[40], at[40];
    int i = b->i++;
    snprintf(id, sizeof id, "id-%d", i);
    snprintf(at, sizeof at, "2026-03-12T09:%02d:%02d+01:00", (i / 60) % 60, i % 60);
    double t0 = now();
    sqlite3_exec(b->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    sqlite3_bind_text(b->ins, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(b->ins, 2, at, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(b->ins, 3, NOTE, -1, SQLITE_STATIC);
    if (sqlite3_step(b->ins) != SQLITE_DONE)
        die("bare", sqlite3_errmsg(b->db));
    sqlite3_reset(b->ins);
    sqlite3_exec(b->db, "COMMIT", NULL, NULL, NULL);
    return now() - t0;
}

static void bare_close(struct bare *b)
{
    sqlite3_finalize(b->ins);
    sqlite3_close(b->db);
}

static void unlink_db(const char *p)
{
    const char *suffix[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        char q[300];
        snprintf(q, sizeof q, "%s%s", p, suffix[i]);
        unlink(q);
    }
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 2000;
    const char *dir = argc > 2 ? argv[2] : "/tmp";
    char pa[256], pe[256], pb[256];
    snprintf(pa, sizeof pa, "%s/kr-bench-add-%d.db", dir, (int)getpid());
    snprintf(pe, sizeof pe, "%s/kr-bench-enter-%d.db", dir, (int)getpid());
    snprintf(pb, sizeof pb, "%s/kr-bench-bare-%d.db", dir, (int)getpid());
    unlink_db(pa);
    unlink_db(pe);
    unlink_db(pb);
    struct kr_side add, ent;
    struct bare bare;
    kr_side_open(&add, pa, false);
    kr_side_open(&ent, pe, true);
    bare_open(&bare, pb);
    double tb = 0, ta = 0, te = 0;
    for (int i = 0; i < n; i++) {
        /* rotate the order too, so none of the three always follows the same one */
        for (int j = 0; j < 3; j++)
            switch ((i + j) % 3) {
            case 0:
                tb += bare_note(&bare);
                break;
            case 1:
                ta += kr_side_note(&add, false);
                break;
            default:
                te += kr_side_note(&ent, true);
            }
    }
    kr_side_close(&add);
    kr_side_close(&ent);
    bare_close(&bare);
    unlink_db(pa);
    unlink_db(pe);
    unlink_db(pb);
    printf("durable insert, %d notes, one transaction each, WAL + synchronous=FULL, alternated\n",
           n);
    printf("  bare SQLite : %8.0f notes/s\n", n / tb);
    printf("  kijkronde   : %8.0f notes/s (note + history row) %.2fx\n", n / ta, ta / tb);
    printf("  Enter       : %8.0f notes/s (note + history + draft removal, one commit)"
           " %.2fx\n",
           n / te, te / tb);
    /* The lines bench/run collects: what, baseline, baseline s, kijkronde s, for the same work. */
    printf("RESULT\tdurable note insert (%d notes)\tbare SQLite, same pragmas\t%.4f\t%.4f\n", n, tb,
           ta);
    printf("RESULT\tEnter in the round (%d notes)\tbare SQLite, same pragmas\t%.4f\t%.4f\n", n, tb,
           te);
    return 0;
}
