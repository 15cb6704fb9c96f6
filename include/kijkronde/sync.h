/* SPDX-License-Identifier: MIT */
/*
 * `kijkronde sync DIR`: exchanging every change with the other laptops through a shared
 * folder, without ever sharing a database file. The design is in src/store/sync.c.
 */
#ifndef KR_SYNC_H
#define KR_SYNC_H

#include <stdbool.h>
#include <stddef.h>

#include "kijkronde/status.h"
#include "kijkronde/store.h" /* and records.h: struct kr_sync_stats, kr_sync_problem_fn */

/*
 * Sync the database with the folder dir: write this laptop's changes since its last sync as
 * one new chunk in dir/LAPTOP-ID/ (nothing when there are none), then apply every chunk of
 * the other laptops that is complete and not applied yet. A damaged chunk is reported through
 * problem (may be NULL) with its path and one Dutch reason, and harms nothing. KR_INVALID
 * when dir is unusable (err names it); a database error rolls everything back. Must not be
 * called inside kr_store_begin. stats may be NULL.
 */
enum kr_status kr_store_sync(struct kr_store *st, const char *dir, struct kr_sync_stats *stats,
                             kr_sync_problem_fn problem, void *ctx, struct kr_error *err);

/* Is dir a directory this process can read and write? KR_INVALID with a Dutch message. */
enum kr_status kr_sync_dir_check(const char *dir, struct kr_error *err);

/* dir (a leading ~ is the home folder) checked as kr_sync_dir_check does, made absolute
 * (heap); KR_INVALID with a Dutch message naming dir. */
enum kr_status kr_sync_dir_resolve(const char *dir, char **abs_out, struct kr_error *err);

/* This laptop's id (made and stored on first use); heap string. */
enum kr_status kr_store_sync_laptop(struct kr_store *st, char **id_out, struct kr_error *err);

/* The sync folder of a bijeenkomst (NULL when none, heap), and setting it (NULL clears). */
enum kr_status kr_store_sync_folder_get(struct kr_store *st, const char *session_id, char **dir,
                                        struct kr_error *err);
enum kr_status kr_store_sync_folder_set(struct kr_store *st, const char *session_id,
                                        const char *dir, struct kr_error *err);

/* How many laptops write in dir (directories named like a laptop id); 0 when unreadable. */
long kr_sync_count_laptops(const char *dir);

/* A number that changes whenever another connection (a background sync) committed to the
 * database since the last call on this store; -1 on error. */
long long kr_store_data_version(struct kr_store *st);

#endif
