/* SPDX-License-Identifier: MIT */
/* Internals shared by the files of src/store/. Never included outside it. */
#ifndef KR_STORE_INTERNAL_H
#define KR_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>

#include "kijkronde/store.h"

struct kr_store {
    sqlite3 *db;
    char *path;
    int in_tx;   /* inside kr_store_begin: single writes do not open their own transaction */
    FILE *trace; /* KR_SQL_TRACE: one line per statement run (its SQL, never its values) */
    /* Drafts (draft.c): the observer instance. */
    char *instance, *host; /* "" / NULL until kr_store_set_instance */
    long pid;
    /* The file under the store (draft.c): an fd of our own on the opened file, kept open
     * until after sqlite3_close (closing an fd drops the process's POSIX locks on it). */
    int watch_fd; /* -1 when none */
    long long watch_dev, watch_ino, watch_size;
    int gone; /* the path no longer is the open file (sticky) */
    /* Statements of Enter, prepared once (the hot path of the round), and the transaction's
     * own two (sql.c: parsing "BEGIN IMMEDIATE" and "COMMIT" again was 4% of an Enter). */
    sqlite3_stmt *ins_obs, *ins_version, *del_draft;
    sqlite3_stmt *tx_begin, *tx_commit;
    /* The notes screen's search (observation.c): the matches of match_query in temp.kr_match,
     * valid while no connection changed the database (total changes and data_version as
     * they were when it was filled). */
    char *match_query, *match_session;
    sqlite3_int64 *match_ids; /* the matches' rowids, ascending */
    size_t match_n;
    sqlite3_int64 match_changes, match_dv, match_live;
    bool match_fn; /* kr_match() is registered */
    /* Progress of an import or merge (sqlfuncs.c, import.c): who watches, and the job. */
    const struct kr_progress *progress;
    struct kr_progress_plan plan;
};

/*
 * kijkronde's PRAGMA application_id: 0x4B524F4E, "KRON" in ASCII. Set on every database
 * kijkronde creates, and on an older kijkronde database (id 0, kijkronde's tables) the
 * first time it is opened. A file with another id is never written (docs/database.md).
 */
#define KR_STORE_APP_ID     0x4B524F4E
#define KR_STORE_APP_ID_STR "1263685454" /* the same, for PRAGMA application_id = */

/*
 * The synchronous level of the store's connection: FULL, so a note whose save returned
 * survives a power cut (tests/unit/test_powercut.c fails with OFF or NORMAL). Set at open;
 * a draft switches to NORMAL for its one statement and back to this (draft.c).
 */
#define KR_STORE_SYNCHRONOUS "FULL"

/* A "file:" URI for path (percent-encoded) with query (NULL for none); heap string.
   ":memory:" stays as it is. The store opens every file through a URI. */
char *kr_store_uri(const char *path, const char *query);

/*
 * A look at a database file that never writes it, nor anything next to it: the file is
 * opened immutable (no locks, no -wal/-shm). When a -wal with data lies next to it (which
 * immutable ignores) and the main file alone does not answer the question, or when
 * `with_wal` asks for the data itself, the file and its -wal are first copied into a
 * private directory (0700) and the copy is read. `uri` then names what to read.
 */
struct kr_peek {
    int app_id, version;
    int core_tables; /* how many of kijkronde's seven core tables it has */
    int objects;     /* entries in sqlite_schema */
    char *uri;       /* what to ATTACH/open read-only for the data */
    char *tmpdir;    /* the private copy's directory, or NULL */
};
/* untouched: the end of a message, e.g. "het bestand is niet aangeraakt". */
enum kr_status kr_store_peek(const char *path, bool with_wal, const char *untouched,
                             struct kr_peek *out, struct kr_error *err);
void kr_store_peek_fini(struct kr_peek *p);
/* The peek's questions on an open connection (application_id, user_version, tables). */
int kr_store_peek_query(sqlite3 *db, struct kr_peek *p);
/* Is the looked-at file kijkronde's (its id, or id 0 with kijkronde's tables)? */
bool kr_store_peek_ours(const struct kr_peek *p);
/* Refuse (KR_DB_NOT_DB, KR_DB_TOO_NEW, with a Dutch message naming path and ending in
   untouched) a file that is not kijkronde's or is newer than this build. An empty SQLite
   file (no schema, id 0, version 0) passes unless need_tables. */
enum kr_status kr_store_peek_check(const char *path, const struct kr_peek *p, bool need_tables,
                                   const char *untouched, struct kr_error *err);

/* After sqlite3_open_v2 of a file: remember the file (draft.c). */
void kr_store_watch_open(struct kr_store *st);
/* Finalize cached statements, free the instance (before sqlite3_close). */
void kr_store_draft_close(struct kr_store *st);
/* After sqlite3_close: close the watch fd. */
void kr_store_watch_close(struct kr_store *st);

/* Rewrites every stored text that is not NFC into NFC (the SQL function kr_nfc, which
   kr_store_open registers): a migration for databases from before, and after a merge. */
extern const char kr_store_nfc_sql[];
/* The same for the tables of migration 8 (the theory of action per groepje, next steps);
   kept apart because migration 6 runs kr_store_nfc_sql on databases without them. */
extern const char kr_store_nfc_debrief_sql[];

/* Folds live networks of one name into the oldest (migration 9, kr_store_network_unify). */
extern const char kr_store_network_unify_sql[];

extern const char *const kr_store_migrations[];
extern const int kr_store_n_migrations;

/* A Dutch sentence for a SQLite result code (primary or extended); static, never NULL. The
 * user never reads sqlite3_errmsg()'s English. */
const char *kr_store_rc_nl(int rc);

/* Map a SQLite result code to a status and fill err with a Dutch message: what, the path,
   why (in Dutch) and the code. */
enum kr_status kr_store_fail(struct kr_store *st, int rc, struct kr_error *err, const char *what);

/* Prepare one statement; rejects leftover SQL. */
enum kr_status kr_store_prepare(struct kr_store *st, const char *sql, sqlite3_stmt **out,
                                struct kr_error *err);

/* Bind a string or NULL (SQLITE_TRANSIENT). */
int kr_store_bind_text(sqlite3_stmt *s, int i, const char *v);
/* A heap copy of a text column, or NULL. */
char *kr_store_col_text(sqlite3_stmt *s, int i);

/* The columns of a note, in the order kr_store_obs_read reads them (observation.c). */
#define KR_STORE_OBS_COLS                                                                          \
    "SELECT o.id, o.visit_id, o.at, o.text, o.corner, o.observer, o.keep_reason,"                  \
    " o.created_at, o.updated_at, o.deleted_at FROM observation o "
void kr_store_obs_read(sqlite3_stmt *s, struct kr_observation *o);

/* Run SQL with no results. */
enum kr_status kr_store_exec(struct kr_store *st, const char *sql, struct kr_error *err);

/* Start a write transaction unless inside kr_store_begin; pair with kr_store_tx_end. */
enum kr_status kr_store_tx_begin(struct kr_store *st, struct kr_error *err);
enum kr_status kr_store_tx_end(struct kr_store *st, enum kr_status st_so_far, struct kr_error *err);

/* The ids of a JSON array column (evidence) into *ids / *n (heap; debrief.c). */
enum kr_status kr_store_evidence_read(struct kr_store *st, const char *json, char ***ids, size_t *n,
                                      struct kr_error *err);

/* Give *id a new UUID when it is NULL. */
void kr_store_ensure_id(char **id);

/* ---- shared by debrief.c and debrief_steps.c ---- */

/* Step s once (it must be done) and finalize it; what names the action when SQLite fails. */
enum kr_status kr_debrief_run(struct kr_store *st, sqlite3_stmt *s, struct kr_error *err,
                              const char *what);
/* KR_INVALID naming what when text is not valid UTF-8. */
enum kr_status kr_debrief_check_utf8(const char *text, const char *what, struct kr_error *err);
/* The evidence ids as a JSON array (heap). */
char *kr_debrief_evidence_json(char *const *ids, size_t n);
/* Every evidence id is a note or pattern of the session; else KR_INVALID naming it. */
enum kr_status kr_debrief_evidence_check(struct kr_store *st, const char *session_id,
                                         char *const *ids, size_t n, struct kr_error *err);
/* Soft delete: sql sets deleted_at = ?2 of the live row with id ?1; fail is the message when
 * SQLite fails, what names the thing when there is no such row. */
enum kr_status kr_debrief_soft_delete(struct kr_store *st, const char *sql, const char *id,
                                      const char *fail, const char *what, struct kr_error *err);

#endif
