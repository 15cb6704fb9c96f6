/* SPDX-License-Identifier: MIT */
/*
 * Networks as a thing of their own (include/kijkronde/network.h): the list with counts,
 * look-up by id, name or id prefix, create, rename, soft delete, moving a bijeenkomst, the
 * bijeenkomsten of a network in date order, and the follow-up of the next steps of earlier
 * bijeenkomsten at a later one. The counts come from visit.n_live (migration 4), so the list
 * never reads the notes themselves.
 */
#include "kijkronde/network.h"

#include <stdlib.h>
#include <string.h>

#include "kijkronde/clock.h"
#include "kijkronde/mem.h"
#include "kijkronde/nfc.h"
#include "kijkronde/utf8.h"
#include "store_internal.h"

/* ---- the list ---- */

/* The live bijeenkomsten of network n.id, as a FROM clause for the counts. */
#define LIVE_SESSIONS "session s WHERE s.network_id = n.id AND s.deleted_at IS NULL"
#define SQL_INFO                                                                                   \
    "SELECT n.id, n.name, n.created_at, coalesce(n.updated_at, n.created_at),"                     \
    " (SELECT count(*) FROM " LIVE_SESSIONS "),"                                                   \
    " (SELECT count(DISTINCT s.host_school) FROM " LIVE_SESSIONS "),"                              \
    " (SELECT coalesce(sum(v.n_live), 0) FROM visit v JOIN session s ON s.id = v.session_id"       \
    "  WHERE s.network_id = n.id AND s.deleted_at IS NULL),"                                       \
    " (SELECT count(*) FROM next_step x JOIN session s ON s.id = x.session_id"                     \
    "  WHERE s.network_id = n.id AND s.deleted_at IS NULL AND x.deleted_at IS NULL"                \
    "  AND x.follow_up_status IS NULL),"                                                           \
    " (SELECT min(s.date) FROM " LIVE_SESSIONS "), (SELECT max(s.date) FROM " LIVE_SESSIONS ")"    \
    " FROM network n WHERE n.deleted_at IS NULL "

static void read_info(sqlite3_stmt *s, struct kr_network_info *o)
{
    memset(o, 0, sizeof *o);
    o->id = kr_store_col_text(s, 0);
    o->name = kr_store_col_text(s, 1);
    o->created_at = kr_store_col_text(s, 2);
    o->updated_at = kr_store_col_text(s, 3);
    o->n_sessions = (long)sqlite3_column_int64(s, 4);
    o->n_schools = (long)sqlite3_column_int64(s, 5);
    o->n_observations = (long)sqlite3_column_int64(s, 6);
    o->n_open_steps = (long)sqlite3_column_int64(s, 7);
    o->first_date = kr_store_col_text(s, 8);
    o->last_date = kr_store_col_text(s, 9);
}

enum kr_status kr_store_network_list(struct kr_store *st, struct kr_network_info_list *out,
                                     struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r =
        kr_store_prepare(st, SQL_INFO "ORDER BY n.name, n.created_at, n.id", &s, err);
    if (r != KR_OK)
        return r;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        KR_GROW(out->items, out->cap, out->n + 1);
        read_info(s, &out->items[out->n++]);
    }
    if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Netwerken lezen mislukt");
    sqlite3_finalize(s);
    return r;
}

enum kr_status kr_store_network_get(struct kr_store *st, const char *id,
                                    struct kr_network_info *out, struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(st, SQL_INFO "AND n.id = ?1", &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        read_info(s, out);
    else if (rc == SQLITE_DONE)
        r = kr_error_set(err, KR_NOT_FOUND, "Geen netwerk met id '%s'.", id ? id : "");
    else
        r = kr_store_fail(st, rc, err, "Netwerk lezen mislukt");
    sqlite3_finalize(s);
    return r;
}

/* ---- look-up ---- */

/* Up to two ids for ref in one of the three ways (0 id, 1 name, 2 prefix). */
static enum kr_status resolve_way(struct kr_store *st, int way, const char *ref, char *found[2],
                                  int *n, struct kr_error *err)
{
    static const char *const sql[3] = {
        "SELECT id FROM network WHERE id = ?1 AND deleted_at IS NULL",
        "SELECT id FROM network WHERE name = ?1 AND deleted_at IS NULL"
        " ORDER BY created_at, id LIMIT 2",
        "SELECT id FROM network WHERE substr(id, 1, length(?1)) = ?1 AND deleted_at IS NULL"
        " ORDER BY id LIMIT 2",
    };
    sqlite3_stmt *s = NULL;
    *n = 0;
    enum kr_status r = kr_store_prepare(st, sql[way], &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, ref);
    int rc;
    while (*n < 2 && (rc = sqlite3_step(s)) == SQLITE_ROW)
        found[(*n)++] = kr_store_col_text(s, 0);
    if (*n < 2 && rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Netwerk zoeken mislukt");
    sqlite3_finalize(s);
    return r;
}

enum kr_status kr_store_network_resolve(struct kr_store *st, const char *ref, char **id_out,
                                        struct kr_error *err)
{
    *id_out = NULL;
    if (!ref || !*ref)
        return kr_error_set(err, KR_INVALID, "Geef een netwerk: een id of een naam.");
    char *norm = kr_nfc_dup(ref);
    /* ref as it may appear in a message: no control byte reaches the terminal */
    char *shown = kr_utf8_inert(ref, strlen(ref), false);
    enum kr_status r = KR_OK;
    for (int way = 0; way < 3 && r == KR_OK && !*id_out; way++) {
        char *found[2] = {NULL, NULL};
        int n = 0;
        r = resolve_way(st, way, norm ? norm : ref, found, &n, err);
        if (r == KR_OK && n == 1) {
            *id_out = found[0];
            found[0] = NULL;
        } else if (r == KR_OK && n == 2) {
            /* Two live networks of one name only between a merge and its unify. */
            r = kr_error_set(err, KR_AMBIGUOUS,
                             way == 2 ? "'%s' past bij meer dan één netwerk; geef meer tekens van "
                                        "het id."
                                      : "Er zijn meer netwerken met de naam '%s'; geef het id "
                                        "('kijkronde network' toont de ids).",
                             shown);
        }
        free(found[0]);
        free(found[1]);
    }
    if (r == KR_OK && !*id_out)
        r = kr_error_set(err, KR_NOT_FOUND,
                         "Geen netwerk '%s'; 'kijkronde network' toont de netwerken.", shown);
    free(norm);
    free(shown);
    return r;
}

/* ---- create, rename, delete, move ---- */

/* name made NFC and trimmed into *out (heap), or KR_INVALID naming what is wrong with it. */
static enum kr_status clean_name(const char *name, char **out, struct kr_error *err)
{
    *out = NULL;
    size_t bad, len = name ? strlen(name) : 0;
    if (!name || !kr_utf8_valid(name, len, &bad))
        return kr_error_set(err, KR_INVALID, "De naam van het netwerk is geen geldige UTF-8.");
    char *n = kr_nfc_dup(name);
    if (!n)
        n = kr_xstrdup(name);
    size_t a = 0, b = strlen(n), chars = 0;
    while (a < b && (n[a] == ' ' || n[a] == '\t'))
        a++;
    while (b > a && (n[b - 1] == ' ' || n[b - 1] == '\t'))
        b--;
    memmove(n, n + a, b - a);
    n[b - a] = '\0';
    for (size_t i = 0; n[i];) {
        uint32_t cp;
        size_t k = kr_utf8_decode(n + i, strlen(n + i), &cp);
        if (k == 0 || kr_utf8_is_control(cp)) {
            free(n);
            return kr_error_set(err, KR_INVALID,
                                "De naam van het netwerk bevat een stuurteken (teken %zu).",
                                chars + 1);
        }
        i += k;
        chars++;
    }
    if (chars == 0) {
        free(n);
        return kr_error_set(err, KR_INVALID, "Een netwerk heeft een naam nodig.");
    }
    if (chars > KR_NETWORK_NAME_MAX) {
        free(n);
        return kr_error_set(err, KR_INVALID,
                            "De naam van het netwerk is te lang (%zu tekens, hoogstens %d).", chars,
                            KR_NETWORK_NAME_MAX);
    }
    *out = n;
    return KR_OK;
}

/* KR_EXISTS when a live network other than except_id is called name. */
static enum kr_status name_free(struct kr_store *st, const char *name, const char *except_id,
                                struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(st,
                                        "SELECT 1 FROM network WHERE name = ?1 AND deleted_at IS"
                                        " NULL AND id IS NOT ?2 LIMIT 1",
                                        &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, name);
    kr_store_bind_text(s, 2, except_id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        r = kr_error_set(err, KR_EXISTS, "Er is al een netwerk met de naam '%s'.", name);
    else if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Netwerk zoeken mislukt");
    sqlite3_finalize(s);
    return r;
}

/* Run one bound write statement; KR_NOT_FOUND ("Geen <noun> met id <ref>") when it changed
 * no row. */
static enum kr_status write_one(struct kr_store *st, sqlite3_stmt *s, const char *what,
                                const char *noun, const char *ref, struct kr_error *err)
{
    int rc = sqlite3_step(s);
    enum kr_status r = KR_OK;
    if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, what);
    else if (sqlite3_changes(st->db) == 0)
        r = kr_error_set(err, KR_NOT_FOUND, "Geen %s met id '%s'.", noun, ref ? ref : "");
    sqlite3_finalize(s);
    return r;
}

enum kr_status kr_store_network_create(struct kr_store *st, const char *name, char **id_out,
                                       struct kr_error *err)
{
    if (id_out)
        *id_out = NULL;
    char *clean = NULL, *id = NULL;
    sqlite3_stmt *s = NULL;
    enum kr_status r = clean_name(name, &clean, err);
    if (r != KR_OK)
        return r;
    r = kr_store_tx_begin(st, err);
    if (r != KR_OK)
        goto out;
    r = name_free(st, clean, NULL, err);
    if (r == KR_OK)
        r = kr_store_prepare(st,
                             "INSERT INTO network(id, name, created_at, updated_at)"
                             " VALUES (?1, ?2, ?3, ?3)",
                             &s, err);
    if (r == KR_OK) {
        char now[KR_TIME_SIZE];
        kr_clock_now_utc(now);
        kr_store_ensure_id(&id);
        kr_store_bind_text(s, 1, id);
        kr_store_bind_text(s, 2, clean);
        kr_store_bind_text(s, 3, now);
        r = write_one(st, s, "Netwerk opslaan mislukt", "netwerk", id, err);
    }
    r = kr_store_tx_end(st, r, err);
    if (r == KR_OK && id_out) {
        *id_out = id;
        id = NULL;
    }
out:
    free(id);
    free(clean);
    return r;
}

enum kr_status kr_store_network_rename(struct kr_store *st, const char *id, const char *name,
                                       struct kr_error *err)
{
    char *clean = NULL;
    sqlite3_stmt *s = NULL;
    enum kr_status r = clean_name(name, &clean, err);
    if (r != KR_OK)
        return r;
    r = kr_store_tx_begin(st, err);
    if (r != KR_OK)
        goto out;
    r = name_free(st, clean, id, err);
    if (r == KR_OK)
        r = kr_store_prepare(st,
                             "UPDATE network SET name = ?2, updated_at = ?3"
                             " WHERE id = ?1 AND deleted_at IS NULL",
                             &s, err);
    if (r == KR_OK) {
        char now[KR_TIME_SIZE];
        kr_clock_now_utc(now);
        kr_store_bind_text(s, 1, id);
        kr_store_bind_text(s, 2, clean);
        kr_store_bind_text(s, 3, now);
        r = write_one(st, s, "Netwerk hernoemen mislukt", "netwerk", id, err);
    }
    r = kr_store_tx_end(st, r, err);
out:
    free(clean);
    return r;
}

enum kr_status kr_store_network_delete(struct kr_store *st, const char *id, struct kr_error *err)
{
    struct kr_network_info info = {0};
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_tx_begin(st, err);
    if (r != KR_OK)
        return r;
    r = kr_store_network_get(st, id, &info, err);
    if (r == KR_OK && info.n_sessions > 0)
        r = kr_error_set(err, KR_INVALID,
                         "Het netwerk '%s' heeft nog %ld bijeenkomst(en); verplaats die eerst.",
                         info.name, info.n_sessions);
    if (r == KR_OK)
        r = kr_store_prepare(st,
                             "UPDATE network SET deleted_at = ?2, updated_at = ?2"
                             " WHERE id = ?1 AND deleted_at IS NULL",
                             &s, err);
    if (r == KR_OK) {
        char now[KR_TIME_SIZE];
        kr_clock_now_utc(now);
        kr_store_bind_text(s, 1, id);
        kr_store_bind_text(s, 2, now);
        r = write_one(st, s, "Netwerk verwijderen mislukt", "netwerk", id, err);
    }
    kr_network_info_fini(&info);
    return kr_store_tx_end(st, r, err);
}

enum kr_status kr_store_session_move(struct kr_store *st, const char *session_id,
                                     const char *network_id, struct kr_error *err)
{
    struct kr_network_info info = {0};
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_tx_begin(st, err);
    if (r != KR_OK)
        return r;
    if (network_id)
        r = kr_store_network_get(st, network_id, &info, err);
    if (r == KR_OK)
        r = kr_store_prepare(st,
                             "UPDATE session SET network_id = ?2, updated_at = ?3"
                             " WHERE id = ?1 AND deleted_at IS NULL",
                             &s, err);
    if (r == KR_OK) {
        char now[KR_TIME_SIZE];
        kr_clock_now_utc(now);
        kr_store_bind_text(s, 1, session_id);
        kr_store_bind_text(s, 2, network_id);
        kr_store_bind_text(s, 3, now);
        r = write_one(st, s, "Bijeenkomst verplaatsen mislukt", "bijeenkomst", session_id, err);
    }
    kr_network_info_fini(&info);
    return kr_store_tx_end(st, r, err);
}

enum kr_status kr_store_network_unify(struct kr_store *st, struct kr_error *err)
{
    enum kr_status r = kr_store_tx_begin(st, err);
    if (r == KR_OK)
        r = kr_store_exec(st, kr_store_network_unify_sql, err);
    return kr_store_tx_end(st, r, err);
}

/* ---- the bijeenkomsten of a network ---- */

enum kr_status kr_store_network_sessions(struct kr_store *st, const char *id,
                                         struct kr_network_session_list *out, struct kr_error *err)
{
    struct kr_network_info info = {0};
    enum kr_status r = kr_store_network_get(st, id, &info, err);
    kr_network_info_fini(&info);
    if (r != KR_OK)
        return r;
    sqlite3_stmt *s = NULL;
    r = kr_store_prepare(
        st,
        "SELECT s.id, s.date, s.kind, s.host_school, s.kijkvraag_text,"
        " (SELECT count(*) FROM visit v WHERE v.session_id = s.id),"
        " (SELECT coalesce(sum(v.n_live), 0) FROM visit v WHERE v.session_id = s.id),"
        " (SELECT count(*) FROM next_step x WHERE x.session_id = s.id AND x.deleted_at IS NULL),"
        " (SELECT count(*) FROM next_step x WHERE x.session_id = s.id AND x.deleted_at IS NULL"
        "  AND x.follow_up_status IS NULL)"
        " FROM session s WHERE s.network_id = ?1 AND s.deleted_at IS NULL"
        " ORDER BY s.date, s.created_at, s.id",
        &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, id);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        KR_GROW(out->items, out->cap, out->n + 1);
        struct kr_network_session *o = &out->items[out->n++];
        o->id = kr_store_col_text(s, 0);
        o->date = kr_store_col_text(s, 1);
        o->kind = kr_store_col_text(s, 2);
        o->host_school = kr_store_col_text(s, 3);
        o->kijkvraag = kr_store_col_text(s, 4);
        o->n_visits = (long)sqlite3_column_int64(s, 5);
        o->n_observations = (long)sqlite3_column_int64(s, 6);
        o->n_steps = (long)sqlite3_column_int64(s, 7);
        o->n_open_steps = (long)sqlite3_column_int64(s, 8);
    }
    if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Bijeenkomsten van het netwerk lezen mislukt");
    sqlite3_finalize(s);
    return r;
}

/* ---- follow-up ---- */

/*
 * The steps of sessions of ?1's network that come before ?1 (date, created_at, id). The
 * columns: the step as kr_store_step_list reads it (0-11), its session, date and host
 * school (12-14), same school (15), recorded here (16). ?2 is 1 for every open step, 0 to
 * ask about one step ?3 (kr_store_network_follow_up), whatever its follow-up.
 */
static const char SQL_EARLIER_STEPS[] =
    "WITH me AS (SELECT id, network_id, date, created_at, host_school FROM session"
    "  WHERE id = ?1 AND deleted_at IS NULL)"
    " SELECT x.id, x.text, x.actor, x.horizon, x.evidence, x.position, x.follow_up_session_id,"
    " x.follow_up_status, x.follow_up_text, x.follow_up_at, x.created_at, x.updated_at,"
    " s.id, s.date, s.host_school, coalesce(s.host_school = me.host_school, 0),"
    " coalesce(x.follow_up_session_id = me.id, 0)"
    " FROM me JOIN session s ON s.network_id = me.network_id AND s.deleted_at IS NULL"
    "  AND (s.date < me.date OR (s.date = me.date AND (s.created_at < me.created_at"
    "  OR (s.created_at = me.created_at AND s.id < me.id))))"
    " JOIN next_step x ON x.session_id = s.id AND x.deleted_at IS NULL"
    " WHERE (?2 = 0 AND x.id = ?3) OR (?2 = 1 AND (x.follow_up_status IS NULL"
    "  OR x.follow_up_session_id = me.id OR (x.follow_up_status = 'bezig' AND EXISTS"
    "  (SELECT 1 FROM session f WHERE f.id = x.follow_up_session_id AND (f.date < me.date"
    "  OR (f.date = me.date AND (f.created_at < me.created_at"
    "  OR (f.created_at = me.created_at AND f.id < me.id))))))))"
    " ORDER BY 16 DESC, s.date DESC, s.created_at DESC, s.id, x.position, x.created_at, x.id";

static enum kr_status earlier_steps(struct kr_store *st, const char *session_id,
                                    const char *step_id, struct kr_open_step_list *out,
                                    struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(st, SQL_EARLIER_STEPS, &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, session_id);
    sqlite3_bind_int(s, 2, step_id ? 0 : 1);
    kr_store_bind_text(s, 3, step_id);
    int rc = SQLITE_DONE;
    while (r == KR_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        KR_GROW(out->items, out->cap, out->n + 1);
        struct kr_open_step *o = &out->items[out->n++];
        memset(o, 0, sizeof *o);
        struct kr_next_step *n = &o->step;
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
        o->session_id = kr_store_col_text(s, 12);
        o->session_date = kr_store_col_text(s, 13);
        o->host_school = kr_store_col_text(s, 14);
        o->same_school = sqlite3_column_int(s, 15) != 0;
        o->here = sqlite3_column_int(s, 16) != 0;
    }
    if (r == KR_OK && rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Volgende stappen van het netwerk lezen mislukt");
    sqlite3_finalize(s);
    return r;
}

/* KR_NOT_FOUND when session_id is no live session. */
static enum kr_status session_exists(struct kr_store *st, const char *session_id,
                                     struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r =
        kr_store_prepare(st, "SELECT 1 FROM session WHERE id = ?1 AND deleted_at IS NULL", &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, session_id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_DONE)
        r = kr_error_set(err, KR_NOT_FOUND, "Geen bijeenkomst met id '%s'.",
                         session_id ? session_id : "");
    else if (rc != SQLITE_ROW)
        r = kr_store_fail(st, rc, err, "Bijeenkomst lezen mislukt");
    sqlite3_finalize(s);
    return r;
}

enum kr_status kr_store_network_open_steps(struct kr_store *st, const char *session_id,
                                           struct kr_open_step_list *out, struct kr_error *err)
{
    enum kr_status r = session_exists(st, session_id, err);
    return r == KR_OK ? earlier_steps(st, session_id, NULL, out, err) : r;
}

enum kr_status kr_store_network_follow_up(struct kr_store *st, const char *step_id,
                                          const char *session_id, enum kr_follow_status status,
                                          const char *text, struct kr_error *err)
{
    struct kr_open_step_list l = {0};
    enum kr_status r = session_exists(st, session_id, err);
    if (r == KR_OK)
        r = kr_store_tx_begin(st, err);
    if (r != KR_OK)
        return r;
    r = earlier_steps(st, session_id, step_id ? step_id : "", &l, err);
    if (r == KR_OK && l.n == 0)
        r = kr_error_set(err, KR_INVALID,
                         "De volgende stap '%s' hoort niet bij een eerdere bijeenkomst van dit "
                         "netwerk.",
                         step_id ? step_id : "");
    else if (r == KR_OK && status == KR_FOLLOW_NONE && !l.items[0].here)
        r = kr_error_set(err, KR_INVALID,
                         "De opvolging van deze stap is niet bij deze bijeenkomst vastgelegd.");
    if (r == KR_OK)
        r = kr_store_step_follow_up(st, step_id, session_id, status, text, err);
    kr_open_step_list_fini(&l);
    return kr_store_tx_end(st, r, err);
}
