/* SPDX-License-Identifier: MIT */
/*
 * This laptop's own memory of a bijeenkomst that no other laptop needs: that the follow-up of
 * the next steps came up for it (table followup_seen, migration 16; never synced, exported or
 * merged).
 */
#include <stdbool.h>

#include "kijkronde/clock.h"
#include "kijkronde/network.h"
#include "store_internal.h"

enum kr_status kr_store_followup_seen(struct kr_store *st, const char *session_id, bool *seen,
                                      struct kr_error *err)
{
    *seen = false;
    sqlite3_stmt *s = NULL;
    enum kr_status r =
        kr_store_prepare(st, "SELECT 1 FROM followup_seen WHERE session_id = ?1", &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, session_id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *seen = true;
    else if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Opvolging lezen mislukt");
    sqlite3_finalize(s);
    return r;
}

enum kr_status kr_store_followup_mark_seen(struct kr_store *st, const char *session_id,
                                           struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    char now[KR_TIME_SIZE];
    kr_clock_now_utc(now);
    enum kr_status r = kr_store_prepare(
        st, "INSERT OR IGNORE INTO followup_seen(session_id, at) VALUES (?1, ?2)", &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, session_id);
    kr_store_bind_text(s, 2, now);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Opvolging bewaren mislukt");
    sqlite3_finalize(s);
    return r;
}
