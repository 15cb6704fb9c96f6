/* SPDX-License-Identifier: MIT */
/* Internals shared by the files of src/store/. Never included outside it. */
#ifndef KR_STORE_INTERNAL_H
#define KR_STORE_INTERNAL_H

#include <sqlite3.h>
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
    /* Statements of Enter, prepared once (the hot path of the round). */
    sqlite3_stmt *ins_obs, *ins_version, *del_draft;
};

/* After sqlite3_open_v2 of a file: remember the file (draft.c). */
void kr_store_watch_open(struct kr_store *st);
/* Finalize cached statements, free the instance (before sqlite3_close). */
void kr_store_draft_close(struct kr_store *st);
/* After sqlite3_close: close the watch fd. */
void kr_store_watch_close(struct kr_store *st);

/* Rewrites every stored text that is not NFC into NFC (the SQL function kr_nfc, which
   kr_store_open registers): a migration for databases from before, and after a merge. */
extern const char kr_store_nfc_sql[];
/* The same for the tables of migration 7 (the theory of action per groepje, next steps);
   kept apart because migration 6 runs kr_store_nfc_sql on databases without them. */
extern const char kr_store_nfc_debrief_sql[];

extern const char *const kr_store_migrations[];
extern const int kr_store_n_migrations;

/* Map a SQLite result code to a status and fill err with the database's message. */
enum kr_status kr_store_fail(struct kr_store *st, int rc, struct kr_error *err, const char *what);

/* Prepare one statement; rejects leftover SQL. */
enum kr_status kr_store_prepare(struct kr_store *st, const char *sql, sqlite3_stmt **out,
                                struct kr_error *err);

/* Bind a string or NULL (SQLITE_TRANSIENT). */
int kr_store_bind_text(sqlite3_stmt *s, int i, const char *v);
/* A heap copy of a text column, or NULL. */
char *kr_store_col_text(sqlite3_stmt *s, int i);

/* Run SQL with no results. */
enum kr_status kr_store_exec(struct kr_store *st, const char *sql, struct kr_error *err);

/* Start a write transaction unless inside kr_store_begin; pair with kr_store_tx_end. */
enum kr_status kr_store_tx_begin(struct kr_store *st, struct kr_error *err);
enum kr_status kr_store_tx_end(struct kr_store *st, enum kr_status st_so_far, struct kr_error *err);

/* Give *id a new UUID when it is NULL. */
void kr_store_ensure_id(char **id);

#endif
