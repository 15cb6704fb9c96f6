/* SPDX-License-Identifier: MIT */
/* The files of `kijkronde sync` (sync_files.c), used by src/store/sync.c only. */
#ifndef KR_SYNC_INTERNAL_H
#define KR_SYNC_INTERNAL_H

#include <stddef.h>

#include "kijkronde/sync.h"

/* A laptop id is a lowercase UUID: the name of its directory in DIR. */
#define KR_SYNC_ID_MAX 64

/* The stamp of a row that is new on a laptop and untouched since (made here, imported,
 * merged): the same copy may be on other laptops, so any change of it (stamped higher) wins.
 * 1, not 0: a chunk stamped 0 is damaged to kijkronde before this. */
#define KR_SYNC_BASE_LAMPORT 1

/* One chunk file of another laptop, as found in DIR. */
struct kr_sync_chunk {
    char laptop[KR_SYNC_ID_MAX + 1];
    long long seq, lamport;
    long rows;
    char *path; /* heap */
    char *body; /* heap, NUL-terminated; NULL until read */
    size_t len;
};

struct kr_sync_list {
    struct kr_sync_chunk *items;
    size_t n, cap;
    long laptops; /* directories of laptops in DIR, this one included */
};

/* Does s look like a laptop id (the name of a laptop's directory)? */
int kr_sync_id_ok(const char *s);

/* The highest chunk number in dir/laptop (0 when none). */
long long kr_sync_max_seq(const char *dir, const char *laptop);

/* Every chunk file in dir of laptops other than self (not read yet). */
enum kr_status kr_sync_list_chunks(const char *dir, const char *self, struct kr_sync_list *out,
                                   struct kr_error *err);
void kr_sync_list_fini(struct kr_sync_list *l);

/*
 * Read and check one chunk: 0 when whole and sound (c->body, c->lamport, c->rows set), 1 when
 * incomplete (shorter than its header says: still being copied, read it next time), -1 when
 * damaged (why gets one Dutch reason).
 */
int kr_sync_read_chunk(struct kr_sync_chunk *c, char *why, size_t why_size);

/* Write dir/laptop/SEQ.json durably (temporary name, fsync, rename, fsync of the directory). */
enum kr_status kr_sync_write_chunk(const char *dir, const char *laptop, long long seq,
                                   long long lamport, long rows, const char *body, size_t len,
                                   struct kr_error *err);

/* ---- the synced tables and their triggers (sync_tables.c) ---- */

#define KR_SYNC_N_TABLES 12 /* network ... next_step, parents before children */

/* One synced table as this database has it: its columns and primary key. */
struct table {
    const char *name;
    char *cols[48];
    int pk[48]; /* 1-based position in the primary key, 0 if not in it */
    size_t n;
    size_t npk;
    /* SQL fragments, made once per sync */
    char *key_new, *key_old, *key_bare; /* json_array(new.k1, ...), (old.k1, ...), (k1, ...) */
    char *row_json;                     /* json_object('c', t.c, ...) */
    char *key_match;                    /* t.k1 = json_extract(d.key,'$[0]') AND ... */
};

/* Every synced table's columns and key as this database has them (ts[KR_SYNC_N_TABLES]). */
enum kr_status kr_sync_load_tables(struct kr_store *st, struct table *ts, struct kr_error *err);
void kr_sync_table_fini(struct table *t);
/* Run sql (heap; freed). */
enum kr_status kr_sync_exec_free(struct kr_store *st, char *sql, struct kr_error *err);
/* The triggers that record this laptop's changes of table t (idempotent). */
enum kr_status kr_sync_ensure_triggers(struct kr_store *st, const struct table *t,
                                       struct kr_error *err);
/* Drop them (while sync applies the other laptops' rows). */
enum kr_status kr_sync_triggers_off(struct kr_store *st, const struct table *ts,
                                    struct kr_error *err);
/* Drop the triggers that are no longer ours and keep what they logged as changes. */
enum kr_status kr_sync_drop_old_triggers(struct kr_store *st, const struct table *ts,
                                         struct kr_error *err);

#endif
