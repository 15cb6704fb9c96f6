/* SPDX-License-Identifier: MIT */
/*
 * The next steps of a bijeenkomst (schema migration 8): who (actor), by when (horizon), on
 * what evidence, in the group's order, and their follow-up at a later bijeenkomst. The
 * words, the theory of action and the shared helpers are in debrief.c.
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/clock.h"
#include "kijkronde/mem.h"
#include "kijkronde/utf8.h"
#include "store_internal.h"

enum kr_status kr_store_step_list(struct kr_store *st, const char *session_id,
                                  struct kr_next_step_list *out, struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(
        st,
        "SELECT id, text, actor, horizon, evidence, position, follow_up_session_id,"
        " follow_up_status, follow_up_text, follow_up_at, created_at, updated_at FROM next_step"
        " WHERE session_id = ?1 AND deleted_at IS NULL ORDER BY position, created_at, id",
        &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, session_id);
    int rc;
    while (r == KR_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        KR_GROW(out->items, out->cap, out->n + 1);
        struct kr_next_step *n = &out->items[out->n++];
        memset(n, 0, sizeof *n);
        n->id = kr_store_col_text(s, 0);
        n->text = kr_store_col_text(s, 1);
        kr_actor_parse((const char *)sqlite3_column_text(s, 2), &n->actor);
        kr_horizon_parse((const char *)sqlite3_column_text(s, 3), &n->horizon);
        r = kr_store_evidence_read(st, (const char *)sqlite3_column_text(s, 4), &n->evidence,
                                   &n->n_evidence, err);
        n->position = (long)sqlite3_column_int64(s, 5);
        n->follow_up_session = kr_store_col_text(s, 6);
        n->follow_up_status = KR_FOLLOW_NONE;
        kr_follow_status_parse((const char *)sqlite3_column_text(s, 7), &n->follow_up_status);
        n->follow_up_text = kr_store_col_text(s, 8);
        n->follow_up_at = kr_store_col_text(s, 9);
        n->created_at = kr_store_col_text(s, 10);
        n->updated_at = kr_store_col_text(s, 11);
    }
    if (r == KR_OK && rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Volgende stappen lezen mislukt");
    sqlite3_finalize(s);
    return r;
}

enum kr_status kr_store_step_put(struct kr_store *st, const char *session_id,
                                 struct kr_next_step *n, struct kr_error *err)
{
    if (!n->text || !n->text[0])
        return kr_error_set(err, KR_INVALID, "Een volgende stap heeft een tekst nodig.");
    if ((unsigned)n->actor >= KR_ACTOR_COUNT)
        return kr_error_set(err, KR_INVALID,
                            "Wie zet de stap? Kies schoolleiding, leraren, team of netwerk.");
    if ((unsigned)n->horizon >= KR_HORIZON_COUNT)
        return kr_error_set(err, KR_INVALID, "Wanneer? Kies week, maand of schooljaar.");
    enum kr_status r = kr_debrief_check_utf8(n->text, "De volgende stap", err);
    if (r == KR_OK)
        r = kr_debrief_evidence_check(st, session_id, n->evidence, n->n_evidence, err);
    if (r != KR_OK)
        return r;
    char now[KR_TIME_SIZE];
    kr_clock_now_utc(now);
    kr_store_ensure_id(&n->id);
    char *ev = kr_debrief_evidence_json(n->evidence, n->n_evidence);
    sqlite3_stmt *s = NULL;
    r = kr_store_prepare(
        st,
        "INSERT INTO next_step(id, session_id, text, actor, horizon, evidence, position,"
        " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT coalesce(max(position)"
        " + 1, 0) FROM next_step WHERE session_id = ?2), ?7, ?7) ON CONFLICT(id) DO UPDATE SET"
        " text = excluded.text, actor = excluded.actor, horizon = excluded.horizon,"
        " evidence = excluded.evidence, updated_at = excluded.updated_at, deleted_at = NULL"
        " WHERE next_step.session_id = excluded.session_id",
        &s, err);
    if (r == KR_OK) {
        kr_store_bind_text(s, 1, n->id);
        kr_store_bind_text(s, 2, session_id);
        kr_store_bind_text(s, 3, n->text);
        kr_store_bind_text(s, 4, kr_actor_str(n->actor));
        kr_store_bind_text(s, 5, kr_horizon_str(n->horizon));
        kr_store_bind_text(s, 6, ev);
        kr_store_bind_text(s, 7, now);
        r = kr_debrief_run(st, s, err, "Volgende stap opslaan mislukt");
    }
    if (r == KR_OK && sqlite3_changes(st->db) == 0)
        r = kr_error_set(err, KR_INVALID,
                         "Volgende stap '%s' hoort bij een andere bijeenkomst; er is niets "
                         "opgeslagen.",
                         n->id);
    free(ev);
    return r;
}

enum kr_status kr_store_step_delete(struct kr_store *st, const char *id, struct kr_error *err)
{
    return kr_debrief_soft_delete(st,
                                  "UPDATE next_step SET deleted_at = ?2, updated_at = ?2"
                                  " WHERE id = ?1 AND deleted_at IS NULL",
                                  id, "Volgende stap verwijderen mislukt", "volgende stap", err);
}

enum kr_status kr_store_step_reorder(struct kr_store *st, const char *session_id,
                                     const char *const *ids, size_t n, struct kr_error *err)
{
    struct kr_next_step_list l = {0};
    enum kr_status r = kr_store_tx_begin(st, err);
    if (r == KR_OK)
        r = kr_store_step_list(st, session_id, &l, err);
    /* The new order: ids first, then the rest as they were. */
    const char **order = kr_xcalloc(l.n + 1, sizeof *order);
    size_t k = 0;
    for (size_t i = 0; r == KR_OK && i < n; i++) {
        size_t j = 0;
        while (j < l.n && strcmp(l.items[j].id, ids[i]) != 0)
            j++;
        if (j == l.n)
            r = kr_error_set(err, KR_NOT_FOUND,
                             "Geen volgende stap met id '%s' bij deze bijeenkomst.", ids[i]);
        else if (l.items[j].position >= 0) {
            order[k++] = l.items[j].id;
            l.items[j].position = -1; /* taken */
        }
    }
    for (size_t j = 0; r == KR_OK && j < l.n; j++)
        if (l.items[j].position >= 0)
            order[k++] = l.items[j].id;
    char now[KR_TIME_SIZE];
    kr_clock_now_utc(now);
    sqlite3_stmt *s = NULL;
    if (r == KR_OK)
        r = kr_store_prepare(st,
                             "UPDATE next_step SET position = ?2, updated_at = ?3 WHERE id = ?1"
                             " AND position IS NOT ?2",
                             &s, err);
    for (size_t i = 0; r == KR_OK && i < k; i++) {
        sqlite3_reset(s);
        kr_store_bind_text(s, 1, order[i]);
        sqlite3_bind_int64(s, 2, (sqlite3_int64)i);
        kr_store_bind_text(s, 3, now);
        int rc = sqlite3_step(s);
        if (rc != SQLITE_DONE)
            r = kr_store_fail(st, rc, err, "Volgorde opslaan mislukt");
    }
    sqlite3_finalize(s);
    free(order);
    kr_next_step_list_fini(&l);
    return kr_store_tx_end(st, r, err);
}

enum kr_status kr_store_step_follow_up(struct kr_store *st, const char *id, const char *session_id,
                                       enum kr_follow_status status, const char *text,
                                       struct kr_error *err)
{
    if ((unsigned)status > KR_FOLLOW_NIET_GEDAAN)
        return kr_error_set(err, KR_INVALID, "Kies gedaan, bezig of niet gedaan.");
    bool clear = status == KR_FOLLOW_NONE;
    enum kr_status r = clear ? KR_OK : kr_debrief_check_utf8(text, "De opvolging", err);
    if (r != KR_OK)
        return r;
    sqlite3_stmt *s = NULL;
    if (!clear) {
        r = kr_store_prepare(st, "SELECT 1 FROM session WHERE id = ?1", &s, err);
        if (r != KR_OK)
            return r;
        kr_store_bind_text(s, 1, session_id);
        int rc = sqlite3_step(s);
        sqlite3_finalize(s);
        if (rc != SQLITE_ROW)
            return kr_error_set(err, KR_NOT_FOUND, "Geen bijeenkomst met id '%s'.",
                                session_id ? session_id : "");
    }
    char now[KR_TIME_SIZE];
    kr_clock_now_utc(now);
    /* Only the follow-up's own time changes: a merge weighs it apart from the step. */
    r = kr_store_prepare(st,
                         "UPDATE next_step SET follow_up_session_id = ?2, follow_up_status = ?3,"
                         " follow_up_text = ?4, follow_up_at = ?5 WHERE id = ?1"
                         " AND deleted_at IS NULL",
                         &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, id);
    kr_store_bind_text(s, 2, clear ? NULL : session_id);
    kr_store_bind_text(s, 3, clear ? NULL : kr_follow_status_str(status));
    kr_store_bind_text(s, 4, clear || (text && !text[0]) ? NULL : text);
    kr_store_bind_text(s, 5, now);
    r = kr_debrief_run(st, s, err, "Opvolging opslaan mislukt");
    if (r == KR_OK && sqlite3_changes(st->db) == 0)
        r = kr_error_set(err, KR_NOT_FOUND, "Geen volgende stap met id '%s'.", id);
    return r;
}
