/* SPDX-License-Identifier: MIT */
/*
 * The search index catches up with the notes (schema 17, src/store/schema.c): a note is
 * indexed at the next pause in the typing, before any search and at open, not inside the
 * Enter that saves it. The notes above search_mark.upto wait; one statement indexes them in
 * rowid order and moves the mark, in one transaction, so the index and the mark never
 * disagree, whatever is interrupted.
 *
 * Why synchronous=NORMAL here (as for a draft, src/store/draft.c): the index holds nothing
 * that is not in the notes. A catch-up lost at a power cut is lost with its mark, and the
 * notes above the old mark are indexed again at the next catch-up; the notes themselves were
 * made durable by their own commits. So the catch-up costs no fsync, and Enter keeps its one.
 *
 * Why in batches: FTS5 writes a new segment per transaction and merges them later, so one
 * note per transaction costs several times what the same note costs among 64 (the pause in
 * the typing waits for KR_SEARCH_BATCH notes; a search takes what waits, however little).
 */
#include "store_internal.h"

/*
 * How many notes wait for the index, at most (the rowids above the mark: notes are appended,
 * so this is their number unless some were deleted since); -1 when it cannot be read. One
 * lookup of the highest rowid and one of the mark.
 */
static sqlite3_int64 waiting(struct kr_store *st)
{
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v2(st->db,
                                "SELECT coalesce((SELECT max(rowid) FROM observation), 0)"
                                " - (SELECT upto FROM search_mark)",
                                -1, &s, NULL);
    sqlite3_int64 w = -1;
    if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW)
        w = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return w;
}

enum kr_status kr_store_search_catch_up(struct kr_store *st, long at_least, struct kr_error *err)
{
    sqlite3_int64 w = waiting(st);
    if (w >= 0 && w < (at_least > 1 ? at_least : 1))
        return KR_OK; /* the usual case: nothing (or too little) waits, no transaction */
    if (w < 0)
        return kr_store_fail(st, sqlite3_errcode(st->db), err, "Zoekindex bijwerken mislukt");
    if (!st->in_tx)
        sqlite3_exec(st->db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
    enum kr_status r = kr_store_tx_begin(st, err);
    if (r == KR_OK)
        r = kr_store_exec(st,
                          "INSERT INTO observation_search(rowid, text)"
                          " SELECT rowid, text FROM observation"
                          " WHERE rowid > (SELECT upto FROM search_mark) ORDER BY rowid;"
                          "UPDATE search_mark SET upto ="
                          " coalesce((SELECT max(rowid) FROM observation), 0);",
                          err);
    r = kr_store_tx_end(st, r, err);
    if (!st->in_tx)
        sqlite3_exec(st->db, "PRAGMA synchronous = " KR_STORE_SYNCHRONOUS, NULL, NULL, NULL);
    return r;
}
