/* SPDX-License-Identifier: MIT */
/*
 * Bringing schema "src" into main: the one set of upserts that import and merge share
 * (see exchange_internal.h). Each upsert keeps, per id, the greatest version under one
 * total order (updated_at, then the content as JSON text), which makes the result
 * independent of the order in which databases are merged, and a second run a no-op.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "exchange_internal.h"
#include "kijkronde/mem.h"
#include "kijkronde/store_exchange.h"
#include "store_internal.h"

static enum kr_status count_rows(struct kr_store *st, const char *table, long *out,
                                 struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    char sql[80];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM main.%s", table);
    enum kr_status r = kr_store_prepare(st, sql, &s, err);
    if (r != KR_OK)
        return r;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *out = (long)sqlite3_column_int64(s, 0);
    else
        r = kr_store_fail(st, rc, err, "Tellen mislukt");
    sqlite3_finalize(s);
    return r;
}

/* The theory of action from src (columns as expressions, for src tables of either shape). */
#define MERGE_TOA_FROM(id, group, evidence, chosen, created, deleted)                              \
    "INSERT INTO main.theory_of_action(id, session_id, group_name, schoolleiding, leraren,"        \
    " leerlingen, bewijs, evidence, chosen, created_at, updated_at, deleted_at) SELECT " id ","    \
    " session_id, " group ", schoolleiding, leraren, leerlingen, bewijs, " evidence ", " chosen    \
    ", " created ", updated_at, " deleted " FROM src.theory_of_action WHERE true"
#define MERGE_TOA_TAIL                                                                             \
    " ON CONFLICT(id) DO UPDATE SET session_id = excluded.session_id,"                             \
    " group_name = excluded.group_name, schoolleiding = excluded.schoolleiding,"                   \
    " leraren = excluded.leraren, leerlingen = excluded.leerlingen, bewijs = excluded.bewijs,"     \
    " evidence = excluded.evidence, chosen = excluded.chosen, created_at = excluded.created_at,"   \
    " updated_at = excluded.updated_at, deleted_at = excluded.deleted_at"                          \
    " WHERE (excluded.updated_at, json_array(excluded.deleted_at IS NOT NULL,"                     \
    " excluded.session_id, excluded.group_name, excluded.schoolleiding, excluded.leraren,"         \
    " excluded.leerlingen, excluded.bewijs, excluded.evidence, excluded.chosen,"                   \
    " excluded.created_at, excluded.deleted_at)) > (updated_at, json_array(deleted_at IS NOT"      \
    " NULL, session_id, group_name, schoolleiding, leraren, leerlingen, bewijs, evidence,"         \
    " chosen, created_at, deleted_at))"
/* A database from before schema 9: a network without updated and deleted times. */
static const char MERGE_NETWORK_V1[] =
    "INSERT INTO main.network(id, name, created_at) SELECT id, name, created_at FROM src.network"
    " WHERE true ON CONFLICT(id) DO UPDATE SET name = excluded.name,"
    " created_at = excluded.created_at WHERE (excluded.created_at, json_array(false,"
    " excluded.name, excluded.created_at, NULL)) > (coalesce(updated_at, created_at),"
    " json_array(deleted_at IS NOT NULL, name, created_at, deleted_at))";
/* A group pattern; its extent (schema 10) is an expression, NULL from a database before it. */
#define MERGE_RPATTERN(extent)                                                                     \
    "INSERT INTO main.reflection_pattern(id, session_id, corner, label, extent, created_at,"       \
    " updated_at) SELECT id, session_id, corner, label, " extent ", created_at, updated_at"        \
    " FROM src.reflection_pattern WHERE true ON CONFLICT(id) DO UPDATE SET"                        \
    " session_id = excluded.session_id, corner = excluded.corner, label = excluded.label,"         \
    " extent = excluded.extent, created_at = excluded.created_at,"                                 \
    " updated_at = excluded.updated_at WHERE (excluded.updated_at,"                                \
    " json_array(excluded.session_id, excluded.corner, excluded.label, excluded.created_at,"       \
    " excluded.extent)) > (updated_at, json_array(session_id, corner, label, created_at,"          \
    " extent))"
static const char MERGE_RPATTERN_V9[] = MERGE_RPATTERN("NULL");
/* A database from before schema 8: its one row is the version without a group. */
static const char MERGE_TOA_V3[] = MERGE_TOA_FROM("'toa-' || session_id", "NULL", "'[]'", "1",
                                                  "updated_at", "NULL") MERGE_TOA_TAIL;
/*
 * The upserts, parents before children. For each table the WHERE of DO UPDATE
 * compares the incoming row with the present one under the total order described
 * at the top; only a greater row replaces. History rows never change: a row whose
 * id is present is ignored.
 */
static const struct {
    const char *table;
    const char *sql;
} MERGE_SQL[] = {
    /* Schema 9: renames and deletes travel by their time (NULL: as created). */
    {"network", "INSERT INTO main.network(id, name, created_at, updated_at, deleted_at)"
                " SELECT id, name, created_at, updated_at, deleted_at FROM src.network WHERE true"
                " ON CONFLICT(id) DO UPDATE SET name = excluded.name,"
                " created_at = excluded.created_at, updated_at = excluded.updated_at,"
                " deleted_at = excluded.deleted_at"
                " WHERE (coalesce(excluded.updated_at, excluded.created_at),"
                " json_array(excluded.deleted_at IS NOT NULL, excluded.name, excluded.created_at,"
                " excluded.deleted_at)) > (coalesce(updated_at, created_at), json_array(deleted_at"
                " IS NOT NULL, name, created_at, deleted_at))"},
    {"session",
     "INSERT INTO main.session(id, network_id, kind, date, host_school, basisvaardigheid,"
     " ontwikkelvraag, kijkvraag_id, kijkvraag_text, kijkpunten, is_demo, created_at, updated_at)"
     " SELECT id, network_id, kind, date, host_school, basisvaardigheid, ontwikkelvraag,"
     " kijkvraag_id, kijkvraag_text, kijkpunten, is_demo, created_at, updated_at"
     " FROM src.session WHERE true"
     " ON CONFLICT(id) DO UPDATE SET network_id = excluded.network_id, kind = excluded.kind,"
     " date = excluded.date, host_school = excluded.host_school,"
     " basisvaardigheid = excluded.basisvaardigheid, ontwikkelvraag = excluded.ontwikkelvraag,"
     " kijkvraag_id = excluded.kijkvraag_id, kijkvraag_text = excluded.kijkvraag_text,"
     " kijkpunten = excluded.kijkpunten, is_demo = excluded.is_demo,"
     " created_at = excluded.created_at, updated_at = excluded.updated_at"
     " WHERE (excluded.updated_at, json_array(excluded.network_id, excluded.kind, excluded.date,"
     " excluded.host_school, excluded.basisvaardigheid, excluded.ontwikkelvraag,"
     " excluded.kijkvraag_id, excluded.kijkvraag_text, excluded.kijkpunten, excluded.is_demo,"
     " excluded.created_at)) > (updated_at, json_array(network_id, kind, date, host_school,"
     " basisvaardigheid, ontwikkelvraag, kijkvraag_id, kijkvraag_text, kijkpunten, is_demo,"
     " created_at))"},
    {"tweetal", "INSERT INTO main.tweetal(id, session_id, name)"
                " SELECT id, session_id, name FROM src.tweetal WHERE true"
                " ON CONFLICT(id) DO UPDATE SET session_id = excluded.session_id,"
                " name = excluded.name"
                " WHERE json_array(excluded.session_id, excluded.name)"
                " > json_array(session_id, name)"},
    {"participant", "INSERT INTO main.participant(id, session_id, tweetal_id, name, role, school)"
                    " SELECT id, session_id, tweetal_id, name, role, school"
                    " FROM src.participant WHERE true"
                    " ON CONFLICT(id) DO UPDATE SET session_id = excluded.session_id,"
                    " tweetal_id = excluded.tweetal_id, name = excluded.name,"
                    " role = excluded.role, school = excluded.school"
                    " WHERE json_array(excluded.session_id, excluded.tweetal_id, excluded.name,"
                    " excluded.role, excluded.school)"
                    " > json_array(session_id, tweetal_id, name, role, school)"},
    /* An ended visit beats an open one; otherwise the content decides. */
    {"visit", "INSERT INTO main.visit(id, session_id, tweetal_id, label, subject, started_at,"
              " ended_at) SELECT id, session_id, tweetal_id, label, subject, started_at, ended_at"
              " FROM src.visit WHERE true"
              " ON CONFLICT(id) DO UPDATE SET session_id = excluded.session_id,"
              " tweetal_id = excluded.tweetal_id, label = excluded.label,"
              " subject = excluded.subject, started_at = excluded.started_at,"
              " ended_at = excluded.ended_at"
              " WHERE json_array(excluded.ended_at IS NOT NULL, excluded.session_id,"
              " excluded.tweetal_id, excluded.label, excluded.subject, excluded.started_at,"
              " excluded.ended_at) > json_array(ended_at IS NOT NULL, session_id, tweetal_id,"
              " label, subject, started_at, ended_at)"},
    /* The newest version of a note shows; a deleted or kept-with-reason one wins a tie. */
    {"observation",
     "INSERT INTO main.observation(id, visit_id, at, text, corner, observer, keep_reason,"
     " created_at, updated_at, deleted_at) SELECT id, visit_id, at, text, corner, observer,"
     " keep_reason, created_at, updated_at, deleted_at FROM src.observation WHERE true"
     " ON CONFLICT(id) DO UPDATE SET visit_id = excluded.visit_id, at = excluded.at,"
     " text = excluded.text, corner = excluded.corner, observer = excluded.observer,"
     " keep_reason = excluded.keep_reason, created_at = excluded.created_at,"
     " updated_at = excluded.updated_at, deleted_at = excluded.deleted_at"
     " WHERE (excluded.updated_at, json_array(excluded.deleted_at IS NOT NULL,"
     " excluded.keep_reason IS NOT NULL, excluded.visit_id, excluded.at, excluded.text,"
     " excluded.corner, excluded.observer, excluded.keep_reason, excluded.created_at,"
     " excluded.deleted_at)) > (updated_at, json_array(deleted_at IS NOT NULL,"
     " keep_reason IS NOT NULL, visit_id, at, text, corner, observer, keep_reason, created_at,"
     " deleted_at))"},
    {"observation_version",
     "INSERT OR IGNORE INTO main.observation_version(id, observation_id, at, change, text,"
     " corner) SELECT id, observation_id, at, change, text, corner FROM src.observation_version"},
    /* The reflection (schema 3): the newest decision wins. A decision undone on one laptop
     * (a row removed there) comes back from the other: these rows have no soft delete. */
    {"reflection_pattern", MERGE_RPATTERN("extent")},
    {"reflection_note",
     "INSERT INTO main.reflection_note(observation_id, session_id, corner, pattern_id,"
     " updated_at) SELECT observation_id, session_id, corner, pattern_id, updated_at"
     " FROM src.reflection_note WHERE true ON CONFLICT(observation_id) DO UPDATE SET"
     " session_id = excluded.session_id, corner = excluded.corner,"
     " pattern_id = excluded.pattern_id, updated_at = excluded.updated_at"
     " WHERE (excluded.updated_at, json_array(excluded.session_id, excluded.corner,"
     " excluded.pattern_id)) > (updated_at, json_array(session_id, corner, pattern_id))"},
    {"reflection_phase",
     "INSERT INTO main.reflection_phase(session_id, phase, text, updated_at)"
     " SELECT session_id, phase, text, updated_at FROM src.reflection_phase WHERE true"
     " ON CONFLICT(session_id, phase) DO UPDATE SET text = excluded.text,"
     " updated_at = excluded.updated_at"
     " WHERE (excluded.updated_at, excluded.text) > (updated_at, text)"},
    /* Schema 7: a version per groepje, evidence inside the row; soft deletes travel. */
    /* (from a database before schema 8: MERGE_TOA_V3) */
    {"theory_of_action", MERGE_TOA_FROM("id", "group_name", "evidence", "chosen", "created_at",
                                        "deleted_at") MERGE_TOA_TAIL},
    /* A step and its follow-up each by their own time, so a follow-up recorded on one laptop
     * and a rewording on another both stay. */
    {"next_step",
     "INSERT INTO main.next_step(id, session_id, text, actor, horizon, evidence, position,"
     " created_at, updated_at, deleted_at, follow_up_session_id, follow_up_status,"
     " follow_up_text, follow_up_at) SELECT id, session_id, text, actor, horizon, evidence,"
     " position, created_at, updated_at, deleted_at, follow_up_session_id, follow_up_status,"
     " follow_up_text, follow_up_at FROM src.next_step WHERE true ON CONFLICT(id) DO UPDATE SET"
     " session_id = excluded.session_id, text = excluded.text, actor = excluded.actor,"
     " horizon = excluded.horizon, evidence = excluded.evidence, position = excluded.position,"
     " created_at = excluded.created_at, updated_at = excluded.updated_at,"
     " deleted_at = excluded.deleted_at"
     " WHERE (excluded.updated_at, json_array(excluded.deleted_at IS NOT NULL,"
     " excluded.session_id, excluded.text, excluded.actor, excluded.horizon, excluded.evidence,"
     " excluded.position, excluded.created_at, excluded.deleted_at)) > (updated_at,"
     " json_array(deleted_at IS NOT NULL, session_id, text, actor, horizon, evidence, position,"
     " created_at, deleted_at));"
     "UPDATE main.next_step SET follow_up_session_id = x.follow_up_session_id,"
     " follow_up_status = x.follow_up_status, follow_up_text = x.follow_up_text,"
     " follow_up_at = x.follow_up_at FROM src.next_step x WHERE x.id = next_step.id"
     " AND (coalesce(x.follow_up_at, ''), json_array(x.follow_up_session_id,"
     " x.follow_up_status, x.follow_up_text)) > (coalesce(next_step.follow_up_at, ''),"
     " json_array(next_step.follow_up_session_id, next_step.follow_up_status,"
     " next_step.follow_up_text))"},
};

/* Does schema src have this table? (An older database may lack the reflection.) */
bool kr_store_src_has(struct kr_store *st, const char *table)
{
    sqlite3_stmt *s = NULL;
    bool yes = false;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT 1 FROM src.sqlite_schema WHERE type = 'table' AND name = ?1", -1,
                           &s, NULL) == SQLITE_OK) {
        kr_store_bind_text(s, 1, table);
        yes = sqlite3_step(s) == SQLITE_ROW;
    }
    sqlite3_finalize(s);
    return yes;
}

/*
 * Run the upsert sql of a big table (its SELECT reads "FROM src.TABLE", maybe followed by
 * "WHERE true") in slices of rowids, telling the progress after each: a table with
 * triggers has its whole SELECT gathered before the first row goes in, so a tick per
 * selected row would say nothing of the inserting. Same rows, same order, one transaction.
 * *changed gets the rows inserted or updated.
 */
/*
 * Run every statement of sql; *changed = the rows they changed themselves. Not
 * sqlite3_total_changes: that counts what triggers write too (sync's bookkeeping).
 */
static enum kr_status exec_counting(struct kr_store *st, const char *sql, long *changed,
                                    struct kr_error *err)
{
    *changed = 0;
    while (sql && *sql) {
        sqlite3_stmt *s = NULL;
        const char *tail = NULL;
        int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, &tail);
        if (rc != SQLITE_OK)
            return kr_store_fail(st, rc, err, "Samenvoegen mislukt");
        if (!s) /* only white space or a comment left */
            break;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW)
            ;
        sqlite3_finalize(s);
        if (rc != SQLITE_DONE)
            return kr_store_fail(st, rc, err, "Samenvoegen mislukt");
        *changed += (long)sqlite3_changes(st->db);
        sql = tail;
    }
    return KR_OK;
}

static enum kr_status exec_sliced(struct kr_store *st, const char *table, const char *sql,
                                  long *changed, struct kr_error *err)
{
    enum { SLICE = 4096 };
    char from[64], range[128];
    snprintf(from, sizeof from, " FROM src.%s", table);
    snprintf(range, sizeof range, "SELECT min(rowid), max(rowid), count(*) FROM src.%s", table);
    const char *at = strstr(sql, from);
    assert(at && (at[strlen(from)] == 0 || at[strlen(from)] == ' '));
    const char *rest = at + strlen(from);
    if (strncmp(rest, " WHERE true", 11) == 0)
        rest += 11;
    char *q =
        kr_xasprintf("%.*s%s WHERE rowid BETWEEN ?1 AND ?2%s", (int)(at - sql), sql, from, rest);
    sqlite3_stmt *s = NULL;
    long long lo = 0, hi = -1, n = 0;
    int rc = sqlite3_prepare_v2(st->db, range, -1, &s, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        lo = sqlite3_column_int64(s, 0);
        hi = sqlite3_column_int64(s, 1);
        n = sqlite3_column_int64(s, 2);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(s);
    s = NULL;
    enum kr_status r = KR_OK;
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(st->db, q, -1, &s, NULL);
    if (rc != SQLITE_OK)
        r = kr_store_fail(st, rc, err, "Samenvoegen mislukt");
    *changed = 0;
    for (long long a = lo; r == KR_OK && n > 0 && a <= hi; a += SLICE) {
        long long b = hi - a < SLICE ? hi : a + SLICE - 1;
        sqlite3_bind_int64(s, 1, a);
        sqlite3_bind_int64(s, 2, b);
        rc = sqlite3_step(s);
        if (rc != SQLITE_DONE) {
            r = kr_store_fail(st, rc, err, "Samenvoegen mislukt");
            break;
        }
        *changed += (long)sqlite3_changes(st->db);
        sqlite3_reset(s);
        /* the rows of this slice, as a share of the table's rows */
        kr_progress_add(&st->plan, (size_t)((b - a + 1) * n / (hi - lo + 1)));
    }
    sqlite3_finalize(s);
    free(q);
    return r;
}

/* Does src.table have this column? */
bool kr_store_src_has_col(struct kr_store *st, const char *table, const char *col)
{
    sqlite3_stmt *s = NULL;
    bool yes = false;
    if (sqlite3_prepare_v2(st->db, "SELECT 1 FROM pragma_table_info(?1, 'src') WHERE name = ?2", -1,
                           &s, NULL) == SQLITE_OK) {
        kr_store_bind_text(s, 1, table);
        kr_store_bind_text(s, 2, col);
        yes = sqlite3_step(s) == SQLITE_ROW;
    }
    sqlite3_finalize(s);
    return yes;
}

enum kr_status kr_store_merge_src(struct kr_store *st, struct kr_exchange_stats *stats,
                                  struct kr_error *err)
{
    /* Inside the caller's transaction: a merge is all or nothing. */
    assert(!sqlite3_get_autocommit(st->db));
    enum kr_status r = kr_store_register_tick(st, err);
    struct kr_exchange_stats tmp = {0};
    /* A merge of its own (not the last step of an import): a unit per note and version. */
    bool own_plan = !st->plan.total;
    if (own_plan && st->progress) {
        size_t notes = kr_store_count_of(st, "SELECT count(*) FROM src.observation");
        kr_progress_begin(
            &st->plan, st->progress, notes,
            notes + kr_store_count_of(st, "SELECT count(*) FROM src.observation_version"));
    }
    for (size_t i = 0; r == KR_OK && i < sizeof MERGE_SQL / sizeof MERGE_SQL[0]; i++) {
        if (!kr_store_src_has(st, MERGE_SQL[i].table))
            continue;
        const char *sql = MERGE_SQL[i].sql;
        if (strcmp(MERGE_SQL[i].table, "theory_of_action") == 0 &&
            !kr_store_src_has_col(st, "theory_of_action", "id"))
            sql = MERGE_TOA_V3;
        if (strcmp(MERGE_SQL[i].table, "network") == 0 &&
            !kr_store_src_has_col(st, "network", "deleted_at"))
            sql = MERGE_NETWORK_V1;
        if (strcmp(MERGE_SQL[i].table, "reflection_pattern") == 0 &&
            !kr_store_src_has_col(st, "reflection_pattern", "extent"))
            sql = MERGE_RPATTERN_V9;
        long before = 0, after = 0, changed = 0;
        bool big = strcmp(MERGE_SQL[i].table, "observation") == 0 ||
                   strcmp(MERGE_SQL[i].table, "observation_version") == 0;
        r = count_rows(st, MERGE_SQL[i].table, &before, err);
        /* the deleted notes among the new ones: reading the other side's rows only */
        long new_deleted = 0;
        if (r == KR_OK && strcmp(MERGE_SQL[i].table, "observation") == 0)
            new_deleted = (long)kr_store_count_of(
                st, "SELECT count(*) FROM src.observation s WHERE s.deleted_at IS NOT NULL"
                    " AND NOT EXISTS (SELECT 1 FROM main.observation m WHERE m.id = s.id)");
        long all = 0;
        if (r == KR_OK && big) {
            r = exec_sliced(st, MERGE_SQL[i].table, sql, &changed, err);
        } else if (r == KR_OK) {
            r = exec_counting(st, sql, &all, err);
            changed = (long)sqlite3_changes(st->db);
        }
        if (strcmp(MERGE_SQL[i].table, "theory_of_action") == 0 ||
            strcmp(MERGE_SQL[i].table, "next_step") == 0) /* (next_step is two statements) */
            tmp.debrief_changed += all;
        if (r == KR_OK)
            r = count_rows(st, MERGE_SQL[i].table, &after, err);
        if (r != KR_OK)
            break;
        long added = after - before;
        if (strcmp(MERGE_SQL[i].table, "session") == 0) {
            tmp.sessions_new = added;
            tmp.sessions_updated = changed - added;
        } else if (strcmp(MERGE_SQL[i].table, "visit") == 0) {
            tmp.visits_new = added;
            tmp.visits_updated = changed - added;
        } else if (strcmp(MERGE_SQL[i].table, "tweetal") == 0) {
            tmp.tweetallen_new = added;
            tmp.tweetallen_updated = changed - added;
        } else if (strcmp(MERGE_SQL[i].table, "observation") == 0) {
            tmp.observations_new = added;
            tmp.observations_new_deleted = new_deleted;
            tmp.observations_updated = changed - added;
        } else if (strcmp(MERGE_SQL[i].table, "observation_version") == 0) {
            tmp.versions_new = added;
        } else if (strcmp(MERGE_SQL[i].table, "theory_of_action") != 0 &&
                   strcmp(MERGE_SQL[i].table, "next_step") != 0) { /* (debrief_changed) */
            tmp.other_changed += changed;
        }
    }
    if (r == KR_OK) /* one live network per name, every bijeenkomst in a live one */
        r = kr_store_exec(st, kr_store_network_unify_sql, err);
    if (r == KR_OK && stats)
        *stats = tmp;
    if (own_plan)
        kr_progress_end(&st->plan);
    return r;
}

void kr_store_detach_src(struct kr_store *st)
{
    sqlite3_exec(st->db, "DETACH DATABASE src", NULL, NULL, NULL);
}
