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

#endif
