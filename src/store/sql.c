/* SPDX-License-Identifier: MIT */
/*
 * The store's statement helpers and transactions: errors in Dutch from SQLite result codes,
 * prepare/bind/exec, and the transaction rules (kr_store_begin around several writes; a
 * single write opens its own transaction unless inside one).
 */
#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "kijkronde/nfc.h"
#include "kijkronde/uuid.h"
#include "store_internal.h"

void kr_store_ensure_id(char **id)
{
    if (!*id) {
        char u[KR_UUID_SIZE];
        kr_uuid_new(u);
        *id = kr_xstrdup(u);
    }
}

enum kr_status kr_store_fail(struct kr_store *st, int rc, struct kr_error *err, const char *what)
{
    enum kr_status s;
    const char *why;
    /* A full disk does not always come as SQLITE_FULL: making the -shm or syncing on a full
     * disk is an I/O error with ENOSPC underneath. Say that the disk is full. */
    if ((rc & 0xFF) == SQLITE_IOERR && st && st->db &&
        (sqlite3_system_errno(st->db) == ENOSPC || sqlite3_system_errno(st->db) == EDQUOT))
        rc = SQLITE_FULL;
    switch (rc & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        s = KR_DB_BUSY;
        why = "de database is bezet door een ander programma; probeer het zo nog eens";
        break;
    case SQLITE_CORRUPT:
        s = KR_DB_CORRUPT;
        why = "de database is beschadigd";
        break;
    case SQLITE_NOTADB:
        s = KR_DB_NOT_DB;
        why = "het bestand is geen database";
        break;
    case SQLITE_FULL:
        s = KR_DB_FULL;
        why = "de schijf is vol; maak ruimte vrij (verwijder of verplaats bestanden) en probeer "
              "het opnieuw";
        break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
        s = KR_DB_READONLY;
        why = "er kan niet geschreven worden";
        break;
    case SQLITE_IOERR:
        s = KR_IO;
        why = "lees- of schrijffout";
        break;
    case SQLITE_CONSTRAINT:
        s = KR_INVALID;
        why = "de gegevens passen niet bij de database";
        break;
    default:
        s = KR_DB;
        why = kr_store_rc_nl(rc);
    }
    if (st && st->db && (sqlite3_extended_errcode(st->db) & 0xFF) == (rc & 0xFF))
        rc = sqlite3_extended_errcode(st->db);
    kr_error_set(err, s, "%s in '%s': %s (SQLite-foutcode %d).", what,
                 st && st->path ? st->path : "?", why, rc);
    return s;
}

enum kr_status kr_store_prepare(struct kr_store *st, const char *sql, sqlite3_stmt **out,
                                struct kr_error *err)
{
    const char *tail = NULL;
    int rc = sqlite3_prepare_v2(st->db, sql, -1, out, &tail);
    if (rc != SQLITE_OK)
        return kr_store_fail(st, rc, err, "Databasevraag mislukt");
    if (tail && *tail) {
        sqlite3_finalize(*out);
        *out = NULL;
        return kr_error_set(err, KR_DB, "Interne fout: SQL na het eerste statement.");
    }
    assert(*out && "kr_store_prepare: SQL without a statement");
    return KR_OK;
}

/* Every text the store binds goes in as NFC: notes, drafts, names, search words. */
int kr_store_bind_text(sqlite3_stmt *s, int i, const char *v)
{
    if (!v)
        return sqlite3_bind_null(s, i);
    struct kr_buf b = {0};
    int rc;
    if (kr_nfc(v, strlen(v), &b, NULL, NULL))
        rc = sqlite3_bind_text(s, i, b.data, (int)b.len, SQLITE_TRANSIENT);
    else
        rc = sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
    kr_buf_fini(&b);
    return rc;
}

char *kr_store_col_text(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    if (!t)
        return NULL;
    return kr_xstrndup((const char *)t, (size_t)sqlite3_column_bytes(s, i));
}

enum kr_status kr_store_exec(struct kr_store *st, const char *sql, struct kr_error *err)
{
    int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return kr_store_fail(st, rc, err, "Opslaan mislukt");
    return KR_OK;
}

/* BEGIN IMMEDIATE or COMMIT from a statement prepared once per store. */
static enum kr_status exec_kept(struct kr_store *st, sqlite3_stmt **slot, const char *sql,
                                struct kr_error *err)
{
    int rc = *slot ? SQLITE_OK
                   : sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, slot, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(*slot);
        sqlite3_reset(*slot);
    }
    if (rc != SQLITE_DONE && rc != SQLITE_OK)
        return kr_store_fail(st, rc, err, "Opslaan mislukt");
    return KR_OK;
}

static enum kr_status begin_immediate(struct kr_store *st, struct kr_error *err)
{
    return exec_kept(st, &st->tx_begin, "BEGIN IMMEDIATE", err);
}

static enum kr_status commit(struct kr_store *st, struct kr_error *err)
{
    return exec_kept(st, &st->tx_commit, "COMMIT", err);
}

enum kr_status kr_store_begin(struct kr_store *st, struct kr_error *err)
{
    assert(!st->in_tx && "kr_store_begin does not nest");
    enum kr_status s = begin_immediate(st, err);
    if (s == KR_OK)
        st->in_tx = 1;
    return s;
}

enum kr_status kr_store_commit(struct kr_store *st, struct kr_error *err)
{
    assert(st->in_tx && "kr_store_commit without kr_store_begin");
    enum kr_status s = commit(st, err);
    if (s == KR_OK)
        st->in_tx = 0;
    else
        kr_store_rollback(st);
    return s;
}

void kr_store_rollback(struct kr_store *st)
{
    if (!sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    st->in_tx = 0;
}

enum kr_status kr_store_tx_begin(struct kr_store *st, struct kr_error *err)
{
    if (st->in_tx)
        return KR_OK;
    /* Outside kr_store_begin no transaction is left open: the single write opens its own. */
    assert(sqlite3_get_autocommit(st->db));
    return begin_immediate(st, err);
}

enum kr_status kr_store_tx_end(struct kr_store *st, enum kr_status so_far, struct kr_error *err)
{
    if (st->in_tx)
        return so_far;
    /* Paired with kr_store_tx_begin: its transaction is still open unless a step failed. */
    assert(so_far != KR_OK || !sqlite3_get_autocommit(st->db));
    if (so_far != KR_OK) {
        if (!sqlite3_get_autocommit(st->db))
            sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        return so_far;
    }
    enum kr_status s = commit(st, err);
    if (s != KR_OK && !sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    return s;
}
