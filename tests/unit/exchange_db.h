/* SPDX-License-Identifier: MIT */
/*
 * Shared by the unit tests of export, import and merge (test_exchange_*.c): a temporary test
 * directory (the checked fixture setup/teardown), new databases in it, sessions, visits and
 * notes added, a session's JSON, a whole database dumped, notes and sessions counted.
 */
#ifndef KR_EXCHANGE_DB_H
#define KR_EXCHANGE_DB_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "kijkronde/mem.h"
#include "kijkronde/store.h"
#include "kijkronde/store_exchange.h"
#include "krtest.h"

static char dir[256];
static struct kr_error err;
static int db_counter;

static inline void setup(void)
{
    kr_error_clear(&err);
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(dir, sizeof dir, "%s/kr-exch-XXXXXX", base);
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static inline void teardown(void)
{
    char *cmd = kr_xasprintf("rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
    free(cmd);
}

/* A new database file in the test directory; *path_out gets its path (heap). */
static inline struct kr_store *new_db(char **path_out)
{
    char *path = kr_xasprintf("%s/db%d.db", dir, db_counter++);
    struct kr_store *st = NULL;
    ck_assert_int_eq(kr_store_open(path, &st, &err), KR_OK);
    if (path_out)
        *path_out = path;
    else
        free(path);
    return st;
}

static inline char *add_session(struct kr_store *st, const char *school)
{
    struct kr_session s = {.date = kr_xstrdup("2026-03-12"),
                           .host_school = kr_xstrdup(school),
                           .basis = KR_BASIS_TAAL,
                           .kijkvraag_text = kr_xstrdup("Wat doen leerlingen als ze vastlopen?")};
    ck_assert_int_eq(kr_store_session_add(st, &s, &err), KR_OK);
    char *id = kr_xstrdup(s.id);
    kr_session_fini(&s);
    return id;
}

static inline char *add_visit(struct kr_store *st, const char *session_id, const char *label)
{
    struct kr_tweetal t = {.session_id = kr_xstrdup(session_id), .name = kr_xstrdup("Tweetal 1")};
    ck_assert_int_eq(kr_store_tweetal_add(st, &t, &err), KR_OK);
    struct kr_visit v = {.session_id = kr_xstrdup(session_id),
                         .tweetal_id = kr_xstrdup(t.id),
                         .label = kr_xstrdup(label),
                         .started_at = kr_xstrdup("2026-03-12T09:10:00+01:00")};
    ck_assert_int_eq(kr_store_visit_add(st, &v, &err), KR_OK);
    char *id = kr_xstrdup(v.id);
    kr_visit_fini(&v);
    kr_tweetal_fini(&t);
    return id;
}

static inline char *add_note(struct kr_store *st, const char *visit_id, const char *text)
{
    struct kr_observation o = {.visit_id = kr_xstrdup(visit_id),
                               .text = kr_xstrdup(text),
                               .corner = KR_CORNER_LEERLING,
                               .observer = kr_xstrdup("AB")};
    ck_assert_int_eq(kr_store_obs_add(st, &o, &err), KR_OK);
    char *id = kr_xstrdup(o.id);
    kr_observation_fini(&o);
    return id;
}

/* The JSON of a session as a heap string. */
static inline char *export_str(struct kr_store *st, const char *session_id)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_int_eq(kr_store_export_json(st, session_id, f, &err), KR_OK);
    fclose(f);
    return buf;
}

/* Everything in a database, as the JSON of every session by id. */
static inline char *dump(struct kr_store *st)
{
    struct kr_session_list l = {0};
    ck_assert_int_eq(kr_store_session_list(st, &l, &err), KR_OK);
    /* by id, so the order does not depend on insertion */
    for (size_t i = 0; i < l.n; i++)
        for (size_t j = i + 1; j < l.n; j++)
            if (strcmp(l.items[j].id, l.items[i].id) < 0) {
                struct kr_session t = l.items[i];
                l.items[i] = l.items[j];
                l.items[j] = t;
            }
    struct kr_buf b = {0};
    for (size_t i = 0; i < l.n; i++) {
        char *j = export_str(st, l.items[i].id);
        kr_buf_puts(&b, j);
        free(j);
    }
    kr_session_list_fini(&l);
    return kr_buf_steal(&b);
}

static inline long count_notes(struct kr_store *st, const char *session_id, bool deleted)
{
    struct kr_observation_list l = {0};
    struct kr_obs_filter f = {.session_id = session_id, .include_deleted = deleted};
    ck_assert_int_eq(kr_store_obs_list(st, &f, &l, &err), KR_OK);
    long n = (long)l.n;
    kr_observation_list_fini(&l);
    return n;
}

/* The counts the store keeps (migration 4) equal the notes counted one by one. */
static inline void assert_counts(struct kr_store *st, const char *session_id)
{
    struct kr_session se;
    ck_assert_int_eq(kr_store_session_get(st, session_id, &se, &err), KR_OK);
    ck_assert_int_eq(se.n_observations, count_notes(st, session_id, false));
    kr_session_fini(&se);
    struct kr_visit_list vl = {0};
    ck_assert_int_eq(kr_store_visit_list(st, session_id, &vl, &err), KR_OK);
    for (size_t i = 0; i < vl.n; i++) {
        struct kr_observation_list l = {0};
        struct kr_obs_filter f = {.visit_id = vl.items[i].id};
        ck_assert_int_eq(kr_store_obs_list(st, &f, &l, &err), KR_OK);
        ck_assert_int_eq(vl.items[i].n_observations, (long)l.n);
        kr_observation_list_fini(&l);
    }
    kr_visit_list_fini(&vl);
}

static inline long count_sessions(struct kr_store *st)
{
    struct kr_session_list l = {0};
    ck_assert_int_eq(kr_store_session_list(st, &l, &err), KR_OK);
    long n = (long)l.n;
    kr_session_list_fini(&l);
    return n;
}

static inline enum kr_status import_str(struct kr_store *st, const char *json,
                                        struct kr_exchange_stats *stats)
{
    kr_error_clear(&err);
    return kr_store_import_json(st, json, strlen(json), "t.json", stats, &err);
}

static inline void sleep_ms(long ms)
{
    struct timespec ts = {0, ms * 1000000L};
    nanosleep(&ts, NULL);
}

#endif
