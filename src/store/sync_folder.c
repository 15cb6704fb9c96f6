/* SPDX-License-Identifier: MIT */
/*
 * The small store calls around `kijkronde sync` that the TUI's live sync uses: a bijeenkomst's
 * sync folder (table sync_folder, this laptop's own setting, never synced) and the database's
 * data_version (did another connection, the background sync, commit?), and the folder a user
 * typed made absolute.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "kijkronde/sync.h"
#include "store_internal.h"

enum kr_status kr_store_sync_folder_get(struct kr_store *st, const char *session_id, char **dir,
                                        struct kr_error *err)
{
    *dir = NULL;
    sqlite3_stmt *s = NULL;
    enum kr_status r =
        kr_store_prepare(st, "SELECT dir FROM sync_folder WHERE session_id = ?1", &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, session_id);
    if (sqlite3_step(s) == SQLITE_ROW)
        *dir = kr_store_col_text(s, 0);
    sqlite3_finalize(s);
    return KR_OK;
}

enum kr_status kr_store_sync_folder_set(struct kr_store *st, const char *session_id,
                                        const char *dir, struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r =
        kr_store_prepare(st,
                         dir ? "INSERT INTO sync_folder(session_id, dir) VALUES (?1, ?2)"
                               " ON CONFLICT (session_id) DO UPDATE SET dir = excluded.dir"
                             : "DELETE FROM sync_folder WHERE session_id = ?1",
                         &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, session_id);
    if (dir)
        kr_store_bind_text(s, 2, dir);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE)
        return kr_store_fail(st, rc, err, "De sync-map bewaren mislukt");
    return KR_OK;
}

long long kr_store_data_version(struct kr_store *st)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, "PRAGMA data_version", -1, &s, NULL) != SQLITE_OK)
        return -1;
    long long v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
    sqlite3_finalize(s);
    return v;
}

enum kr_status kr_sync_dir_resolve(const char *dir, char **abs_out, struct kr_error *err)
{
    *abs_out = NULL;
    char *typed = NULL;
    const char *home = getenv("HOME");
    if (dir && (strcmp(dir, "~") == 0 || strncmp(dir, "~/", 2) == 0) && home && *home)
        typed = kr_xasprintf("%s%s", home, dir + 1); /* as a shell would: the TUI has none */
    const char *d = typed ? typed : dir;
    enum kr_status r = kr_sync_dir_check(d, err);
    char abs[PATH_MAX];
    if (r == KR_OK && !realpath(d, abs))
        r = kr_error_set(err, KR_INVALID, "De map '%s' is niet bruikbaar voor sync.", dir);
    if (r == KR_OK)
        *abs_out = kr_xstrdup(abs);
    free(typed);
    return r;
}
