/* SPDX-License-Identifier: MIT */
/*
 * Kept zonder-oordeel verdicts (include/kijkronde/judged.h): read per bijeenkomst by an
 * export, and written by it for the notes it had to check.
 */
#include "kijkronde/judged.h"

#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "kijkronde/model.h"
#include "store_internal.h"

void kr_judged_list_fini(struct kr_judged_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i].observation_id);
    free(l->items);
    free(l->slots);
    memset(l, 0, sizeof *l);
}

uint64_t kr_judged_text_hash(const char *text)
{
    uint64_t h = 1469598103934665603ULL;
    for (const unsigned char *p = (const unsigned char *)(text ? text : ""); *p; p++)
        h = (h ^ *p) * 1099511628211ULL;
    return h;
}

/* The hash as SQLite keeps it: a signed 64-bit integer with the same bits. */
static sqlite3_int64 as_int(uint64_t h)
{
    sqlite3_int64 v;
    memcpy(&v, &h, sizeof v);
    return v;
}

static size_t id_hash(const char *id)
{
    return (size_t)kr_judged_text_hash(id);
}

enum kr_status kr_store_judged_list(struct kr_store *st, const char *session_id, const char *key,
                                    struct kr_judged_list *out, struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(
        st,
        "SELECT j.observation_id, j.text_hash, j.judging FROM observation_judged j"
        " JOIN observation o ON o.id = j.observation_id JOIN visit v ON v.id = o.visit_id"
        " WHERE v.session_id = ?1 AND j.checker = ?2",
        &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, session_id);
    kr_store_bind_text(s, 2, key);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        KR_GROW(out->items, out->cap, out->n + 1);
        sqlite3_int64 h = sqlite3_column_int64(s, 1);
        struct kr_judged *j = &out->items[out->n++];
        j->observation_id = kr_store_col_text(s, 0);
        memcpy(&j->text_hash, &h, sizeof h);
        j->judging = sqlite3_column_int(s, 2) != 0;
    }
    if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Bewaarde controles lezen mislukt");
    sqlite3_finalize(s);
    /* The hash table: a power of two at least twice the count, linear probing. */
    out->nslots = 16;
    while (out->nslots < 2 * out->n)
        out->nslots *= 2;
    out->slots = kr_xcalloc(out->nslots, sizeof *out->slots);
    for (size_t i = 0; i < out->n; i++) {
        size_t k = id_hash(out->items[i].observation_id) & (out->nslots - 1);
        while (out->slots[k])
            k = (k + 1) & (out->nslots - 1);
        out->slots[k] = i + 1;
    }
    return r;
}

enum kr_status kr_store_obs_list_judged(struct kr_store *st, const char *session_id,
                                        const char *key, struct kr_observation_list *out,
                                        struct kr_judged_kept **kept, struct kr_error *err)
{
    *kept = NULL;
    sqlite3_stmt *s = NULL;
    /* kr_store_obs_list's query for one bijeenkomst, with the verdict of the note's row in
     * observation_judged (its primary key) when it is this checker's */
    enum kr_status r = kr_store_prepare(
        st,
        "SELECT o.id, o.visit_id, o.at, o.text, o.corner, o.observer, o.keep_reason,"
        " o.created_at, o.updated_at, o.deleted_at, j.text_hash, j.judging FROM observation o"
        " JOIN visit v ON v.id = o.visit_id LEFT JOIN observation_judged j"
        " ON j.observation_id = o.id AND j.checker = ?2 WHERE v.session_id = ?1"
        " AND o.deleted_at IS NULL ORDER BY o.at, o.created_at, o.id",
        &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, session_id);
    kr_store_bind_text(s, 2, key);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        KR_GROW(out->items, out->cap, out->n + 1);
        KR_GROW(*kept, cap, out->n + 1);
        kr_store_obs_read(s, &out->items[out->n]);
        struct kr_judged_kept *k = &(*kept)[out->n++];
        k->have = sqlite3_column_type(s, 10) != SQLITE_NULL;
        sqlite3_int64 h = sqlite3_column_int64(s, 10);
        memcpy(&k->text_hash, &h, sizeof h);
        k->judging = sqlite3_column_int(s, 11) != 0;
    }
    if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Notities lezen mislukt");
    sqlite3_finalize(s);
    return r;
}

static const char INSERT_SQL[] =
    "INSERT INTO observation_judged(observation_id, text_hash, checker, judging)"
    " VALUES (?1, ?2, ?3, ?4) ON CONFLICT(observation_id) DO UPDATE SET"
    " text_hash = excluded.text_hash, checker = excluded.checker, judging = excluded.judging";

enum kr_status kr_store_judged_put(struct kr_store *st, const char *key,
                                   const struct kr_judged *items, size_t n, struct kr_error *err)
{
    if (n == 0)
        return KR_OK;
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_tx_begin(st, err);
    if (r == KR_OK)
        r = kr_store_prepare(st, INSERT_SQL, &s, err);
    for (size_t i = 0; r == KR_OK && i < n; i++) {
        kr_store_bind_text(s, 1, items[i].observation_id);
        sqlite3_bind_int64(s, 2, as_int(items[i].text_hash));
        kr_store_bind_text(s, 3, key);
        sqlite3_bind_int(s, 4, items[i].judging);
        int rc = sqlite3_step(s);
        sqlite3_reset(s);
        if (rc != SQLITE_DONE)
            r = kr_store_fail(st, rc, err, "Controles bewaren mislukt");
    }
    sqlite3_finalize(s);
    /* Not synced: a verdict lost at a power cut is only computed again (the next note's
     * commit, with synchronous=FULL, syncs it anyway). */
    if (!st->in_tx)
        sqlite3_exec(st->db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
    r = kr_store_tx_end(st, r, err);
    if (!st->in_tx)
        sqlite3_exec(st->db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
    return r;
}

const struct kr_judged *kr_judged_find(const struct kr_judged_list *l, const char *observation_id)
{
    if (!l->nslots || !observation_id)
        return NULL;
    for (size_t k = id_hash(observation_id) & (l->nslots - 1); l->slots[k];
         k = (k + 1) & (l->nslots - 1))
        if (strcmp(l->items[l->slots[k] - 1].observation_id, observation_id) == 0)
            return &l->items[l->slots[k] - 1];
    return NULL;
}
