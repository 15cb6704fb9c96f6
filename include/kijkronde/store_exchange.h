/* SPDX-License-Identifier: MIT */
/*
 * Bringing notes together: the kijkronde/1 JSON of one bijeenkomst (export and
 * import) and merging another pair's database. Lives in src/store/ because it is
 * SQLite's own JSON functions and ATTACH that do the work.
 *
 * Import and merge follow one rule, so that they are idempotent and
 * order-independent: every row is known by its id; when both sides hold the same
 * id, the newest version wins (updated_at, then the content itself as tie-break,
 * compared as text), and the history of a note is the union of both histories. So
 * A merged into B holds the same as B merged into A, and doing it twice changes
 * nothing. Soft deletes travel as the newer version of a note.
 */
#ifndef KR_STORE_EXCHANGE_H
#define KR_STORE_EXCHANGE_H

#include <stddef.h>
#include <stdio.h>

#include "kijkronde/status.h"
#include "kijkronde/store.h" /* and records.h: struct kr_exchange_stats */

/*
 * Write the kijkronde/1 JSON of session session_id (exact id) to out: the contract's
 * session, visits and observations, plus "tweetallen", "participants",
 * "deleted_observations" and per note "history", "keep_reason", "created_at",
 * "updated_at", "deleted_at". One object per line, deterministic order. Control
 * characters in texts are written as \u escapes. KR_NOT_FOUND for an unknown id,
 * KR_IO when out fails.
 */
enum kr_status kr_store_export_json(struct kr_store *st, const char *session_id, FILE *out,
                                    struct kr_error *err);

/*
 * Import a kijkronde/1 JSON text json[0..len). Validates the whole text first and
 * writes nothing unless all of it is valid; then adds it in one transaction.
 * source names the file in messages (copied into err->file). On an invalid file:
 * KR_PARSE (not JSON: err has line and column) or KR_INVALID with a message that
 * starts with the JSON path of the first problem, e.g.
 * `observations[3].visit: onbekend bezoek "x"`. Must not be called inside
 * kr_store_begin. stats may be NULL.
 */
enum kr_status kr_store_import_json(struct kr_store *st, const char *json, size_t len,
                                    const char *source, struct kr_exchange_stats *stats,
                                    struct kr_error *err);

/*
 * Add everything from the kijkronde database at other_path. The other file is never
 * written, nor is anything put beside it: it is opened immutable, or, when a -wal with
 * data lies beside it, a copy of both in a private directory (0700) is read. Refuses,
 * changing nothing: a missing or unreadable file, a file that is not a kijkronde
 * database (another application_id, or none of kijkronde's tables: KR_DB_NOT_DB), a
 * newer schema (KR_DB_TOO_NEW), the open database itself (KR_INVALID), and a file with
 * a row that breaks the importer's rules (KR_INVALID, the message names the row). Must
 * not be called inside kr_store_begin. stats may be NULL.
 */
enum kr_status kr_store_merge(struct kr_store *st, const char *other_path,
                              struct kr_exchange_stats *stats, struct kr_error *err);

#endif
