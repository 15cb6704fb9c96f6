/* SPDX-License-Identifier: MIT */
/*
 * Internals shared by the files of kijkronde/1 import, merge and export (src/store/ only).
 *
 * Import and merge share one path: the rows to add are first put in a schema "src" (an
 * attached read-only database for merge, an in-memory database filled from the JSON for
 * import) and then one set of upserts brings src into main (merge_src.c). Each upsert keeps,
 * per id, the greatest version under one total order (updated_at, then the content as JSON
 * text), which makes the result independent of the order in which databases are merged, and
 * a second run a no-op.
 *
 *   sqlfuncs.c      SQL functions of validation and staging, the progress tick
 *   json_check.c    JSON syntax, with the spot and reason of the first error
 *   import.c        kr_store_import_json: bytes, syntax, top level, then the steps below
 *   import_notes.c  the notes cut out of the document and staged one by one
 *   import_stage.c  staging SQL: raw items, then rows shaped like main's
 *   import_check.c  the rules of a document's items and between them
 *   merge.c         kr_store_merge: the other file checked, its rows validated
 *   merge_src.c     the upserts from src into main
 *   export_json.c   kr_store_export_json
 */
#ifndef KR_STORE_EXCHANGE_INTERNAL_H
#define KR_STORE_EXCHANGE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "kijkronde/mem.h"
#include "kijkronde/store_exchange.h"

#define KR_NF(a) (sizeof(a) / sizeof((a)[0]))

/* ---- sqlfuncs.c ---- */

/* Register kr_text_ok, kr_line_ok, kr_iso_ok, kr_date_ok, kr_fnv, kr_uuid and kr_tick. */
enum kr_status kr_store_register_fns(struct kr_store *st, struct kr_error *err);
/* Register kr_tick() alone: 1, and one unit of st->plan's progress per call. */
enum kr_status kr_store_register_tick(struct kr_store *st, struct kr_error *err);
/* One count(*) (a statement without parameters); 0 when it fails. */
size_t kr_store_count_of(struct kr_store *st, const char *sql);

/* ---- json_check.c ---- */

struct kr_jscan {
    const char *s;
    size_t len, pos;
    const char *why;   /* on failure: why, in Dutch */
    char why_buf[256]; /* for a why with a value in it */
};
/* Check j->s[0..len) as JSON (no key twice in one object); 0 and j->pos, j->why on failure. */
int kr_json_check(struct kr_jscan *j);
/* Line and column (1-based, columns in code points) of byte offset off. */
void kr_json_line_col(const char *s, size_t len, size_t off, size_t *line, size_t *col);
/* The key text of the string token s[0..len) (quotes excluded, already checked) into out. */
void kr_json_key_decode(const char *s, size_t len, struct kr_buf *out);

/* ---- import_notes.c ---- */

struct kr_notes_split {
    size_t open[2], close[2]; /* the lists' [ and ] in the document; open 0: not there */
};
/* Where the lists observations and deleted_observations are (s has passed kr_json_check). */
void kr_import_split_notes(const char *s, size_t len, struct kr_notes_split *sp);
/* The document without the elements of the two lists (they become []). Heap. */
char *kr_import_without_notes(const char *s, size_t len, const struct kr_notes_split *sp,
                              size_t *out_len);
/* The number of elements of the list s[open..close]. */
size_t kr_import_count_elements(const char *s, size_t len, size_t open, size_t close);
/* Stage the notes' elements into src.jo (after src.jo exists). */
enum kr_status kr_import_fill_notes(struct kr_store *st, const char *s, size_t len,
                                    const struct kr_notes_split *sp, const char *source,
                                    struct kr_error *err);

/* ---- import_stage.c ---- */

/* The raw items into src (src attached): json is the document without its notes (bound
   as ?1), whole the document with them (for kr_import_fill_notes). */
enum kr_status kr_import_stage_raw(struct kr_store *st, const char *json, size_t len,
                                   const char *whole, size_t whole_len,
                                   const struct kr_notes_split *sp, const char *source,
                                   struct kr_error *err);
/* From the checked raw items, src's tables shaped like main's. */
enum kr_status kr_import_stage_rows(struct kr_store *st, struct kr_error *err);

/* ---- import_check.c ---- */

/* Every rule on the staged items; the first problem in document order becomes err
   (KR_INVALID, "sec[i].field: ...; niets geïmporteerd."). notes: for the progress. */
enum kr_status kr_import_check(struct kr_store *st, size_t notes, const char *source,
                               struct kr_error *err);

/* ---- merge_src.c ---- */

/* Does schema src have this table? (An older database may lack the reflection.) */
bool kr_store_src_has(struct kr_store *st, const char *table);
/* Does src.table have this column? (An older database may lack a newer one.) */
bool kr_store_src_has_col(struct kr_store *st, const char *table, const char *col);
/* The upserts from src into main (inside a transaction); stats may be NULL. */
enum kr_status kr_store_merge_src(struct kr_store *st, struct kr_exchange_stats *stats,
                                  struct kr_error *err);
/* DETACH src (whatever state it is in). */
void kr_store_detach_src(struct kr_store *st);

#endif
