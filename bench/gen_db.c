/* SPDX-License-Identifier: MIT */
/*
 * A realistic kijkronde database for the benchmarks: bijeenkomsten of 8 visits, 15 notes per
 * visit, each note a variation of a note of a labelled visit day (words dropped, words of other
 * notes mixed in, from a fixed seed), with its 'aangemaakt' version row, as the round writes
 * them. The schema comes from kijkronde itself (it creates the database on `sessions`), so the
 * triggers (search index, kept counts) run for every note as they do for a user.
 *
 * Usage: gen_db KIJKRONDE DB NOTES DAY.tsv [--one-session]
 *   --one-session: all notes in one bijeenkomst (NOTES / 15 visits), for the patterns limit.
 */
#include <inttypes.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tests/unit/labelled.h"

static uint64_t next(uint64_t *s)
{
    *s = *s * 6364136223846793005u + 1442695040888963407u;
    return *s >> 33;
}

/* A variation of text into buf: each word kept with chance 4/5, and two words of other notes. */
static void vary(char *buf, size_t size, const char *text, const struct labelled_day *d,
                 uint64_t *seed)
{
    size_t len = 0;
    buf[0] = '\0';
    for (const char *p = text; *p;) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (next(seed) % 5 != 0 && len + n + 2 < size) {
            memcpy(buf + len, p, n);
            len += n;
            buf[len++] = ' ';
        }
        p += n;
        while (*p == ' ')
            p++;
    }
    for (int k = 0; k < 2; k++) {
        const char *o = d->items[next(seed) % d->n].text;
        size_t words = 1;
        for (const char *q = o; *q; q++)
            words += *q == ' ';
        size_t want = next(seed) % words;
        while (want-- && strchr(o, ' '))
            o = strchr(o, ' ') + 1;
        const char *e = strchr(o, ' ');
        size_t n = e ? (size_t)(e - o) : strlen(o);
        if (len + n + 2 < size) {
            memcpy(buf + len, o, n);
            len += n;
            buf[len++] = ' ';
        }
    }
    while (len && buf[len - 1] == ' ')
        len--;
    buf[len] = '\0';
}

static int exec(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        fprintf(stderr, "gen_db: %s\n", msg);
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fputs("gebruik: gen_db KIJKRONDE DB NOTITIES DAG.tsv [--one-session]\n", stderr);
        return 2;
    }
    long notes = atol(argv[3]);
    int one = argc > 5 && strcmp(argv[5], "--one-session") == 0;
    struct labelled_day d = {0};
    if (labelled_day_load(argv[4], &d) != 0 || d.n == 0) {
        fprintf(stderr, "gen_db: kan %s niet lezen\n", argv[4]);
        return 2;
    }
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "'%s' --db '%s' sessions >/dev/null", argv[1], argv[2]);
    if (system(cmd) != 0)
        return 1;
    sqlite3 *db = NULL;
    if (sqlite3_open(argv[2], &db) != SQLITE_OK)
        return 1;
    sqlite3_stmt *ss = NULL, *sv = NULL, *so = NULL, *sh = NULL;
    if (exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = OFF; BEGIN") ||
        sqlite3_prepare_v2(db,
                           "INSERT INTO session(id, date, host_school, kijkvraag_text, created_at,"
                           " updated_at) VALUES (?1, ?2, 'OBS De Bron', 'Wat doen leerlingen"
                           " wanneer ze vastlopen bij een opdracht?', ?2 || 'T08:00:00.000Z',"
                           " ?2 || 'T08:00:00.000Z')",
                           -1, &ss, NULL) ||
        sqlite3_prepare_v2(db,
                           "INSERT INTO visit(id, session_id, label, subject, started_at,"
                           " ended_at) VALUES (?1, ?2, ?3, 'rekenen', ?4 || 'T09:00:00+01:00',"
                           " ?4 || 'T09:45:00+01:00')",
                           -1, &sv, NULL) ||
        sqlite3_prepare_v2(db,
                           "INSERT INTO observation(id, visit_id, at, text, corner, created_at,"
                           " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                           -1, &so, NULL) ||
        sqlite3_prepare_v2(db,
                           "INSERT INTO observation_version(id, observation_id, at, change, text,"
                           " corner) VALUES (?1 || '-v1', ?1, ?2, 'aangemaakt', ?3, ?4)",
                           -1, &sh, NULL)) {
        fprintf(stderr, "gen_db: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    uint64_t seed = 4242;
    char sid[40] = "", vid[40] = "", oid[40], at[40], utc[40], date[16], label[32], text[1024];
    long visits = (notes + 14) / 15;
    for (long i = 0; i < notes; i++) {
        long v = i / 15, s = one ? 0 : v / 8;
        if (i % 15 == 0) {
            /* one bijeenkomst a school day from 2020 on: 8 visits a day */
            snprintf(date, sizeof date, "%04ld-%02ld-%02ld", 2020 + (s / 300) % 80,
                     1 + (s / 25) % 12, 1 + s % 25);
            if (v == 0 || (!one && v % 8 == 0)) {
                snprintf(sid, sizeof sid, "bench-s%07ld", s);
                sqlite3_bind_text(ss, 1, sid, -1, SQLITE_TRANSIENT);
                sqlite3_bind_text(ss, 2, date, -1, SQLITE_TRANSIENT);
                if (sqlite3_step(ss) != SQLITE_DONE)
                    goto fail;
                sqlite3_reset(ss);
            }
            snprintf(vid, sizeof vid, "bench-v%07ld", v);
            snprintf(label, sizeof label, "groep %ld", 3 + v % 6);
            sqlite3_bind_text(sv, 1, vid, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(sv, 2, sid, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(sv, 3, label, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(sv, 4, date, -1, SQLITE_TRANSIENT);
            if (sqlite3_step(sv) != SQLITE_DONE)
                goto fail;
            sqlite3_reset(sv);
        }
        const struct labelled_note *l = &d.items[(size_t)i % d.n];
        if ((size_t)i < d.n)
            snprintf(text, sizeof text, "%s", l->text);
        else
            vary(text, sizeof text, l->text, &d, &seed);
        long minute = (i % 15) * 3;
        snprintf(oid, sizeof oid, "bench-o%08ld", i);
        snprintf(at, sizeof at, "%sT09:%02ld:%02ld+01:00", date, minute, (i * 7) % 60);
        snprintf(utc, sizeof utc, "%sT08:%02ld:%02ld.000Z", date, minute, (i * 7) % 60);
        /* two notes in three placed by the observer, as in the labelled days */
        const char *corner = i % 3 == 2 ? NULL : kr_corner_str(l->corner);
        sqlite3_bind_text(so, 1, oid, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(so, 2, vid, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(so, 3, at, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(so, 4, text, -1, SQLITE_TRANSIENT);
        if (corner)
            sqlite3_bind_text(so, 5, corner, -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(so, 5);
        sqlite3_bind_text(so, 6, utc, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(so) != SQLITE_DONE)
            goto fail;
        sqlite3_reset(so);
        sqlite3_bind_text(sh, 1, oid, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(sh, 2, utc, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(sh, 3, text, -1, SQLITE_TRANSIENT);
        if (corner)
            sqlite3_bind_text(sh, 4, corner, -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(sh, 4);
        if (sqlite3_step(sh) != SQLITE_DONE)
            goto fail;
        sqlite3_reset(sh);
    }
    if (exec(db, "COMMIT"))
        return 1;
    sqlite3_finalize(ss);
    sqlite3_finalize(sv);
    sqlite3_finalize(so);
    sqlite3_finalize(sh);
    sqlite3_close(db);
    fprintf(stderr, "gen_db: %ld notes, %ld visits, %ld bijeenkomsten\n", notes, visits,
            one ? 1 : (visits + 7) / 8);
    labelled_day_fini(&d);
    return 0;
fail:
    fprintf(stderr, "gen_db: %s\n", sqlite3_errmsg(db));
    return 1;
}
