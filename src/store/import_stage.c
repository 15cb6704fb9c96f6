/* SPDX-License-Identifier: MIT */
/*
 * Staging an import in the temporary schema "src" (import.c): the document's raw items in tables
 * (one row per element), and from the checked items rows shaped like main's.
 */
#include "exchange_internal.h"
#include "kijkronde/store_exchange.h"
#include "store_internal.h"

/* Raw items of the document in staging tables, one row per array element. */
static const char SQL_STAGE_RAW[] =
    "CREATE TABLE src.js AS SELECT 'session' AS sec, 0 AS rank, 0 AS i, NULL AS k,"
    " json_type(?1, '$.session') AS t, json_extract(?1, '$.session') AS j,"
    " json_extract(?1, '$.session.id') AS id, NULL AS ref;"
    "CREATE TABLE src.jt AS SELECT 'tweetallen' AS sec, 1 AS rank, key AS i, NULL AS k,"
    " type AS t, value AS j, CASE type WHEN 'object' THEN json_extract(value, '$.id') END AS id,"
    " NULL AS ref FROM json_each(?1, '$.tweetallen') WHERE json_type(?1, '$.tweetallen') ="
    " 'array';"
    "CREATE TABLE src.jp AS SELECT 'participants' AS sec, 2 AS rank, key AS i, NULL AS k,"
    " type AS t, value AS j, CASE type WHEN 'object' THEN json_extract(value, '$.id') END AS id,"
    " NULL AS ref FROM json_each(?1, '$.participants') WHERE json_type(?1, '$.participants') ="
    " 'array';"
    "CREATE TABLE src.jv AS SELECT 'visits' AS sec, 3 AS rank, key AS i, NULL AS k,"
    " type AS t, value AS j, CASE type WHEN 'object' THEN json_extract(value, '$.id') END AS id,"
    " NULL AS ref FROM json_each(?1, '$.visits');"
    "CREATE TABLE src.jo AS SELECT 'observations' AS sec, 4 AS rank, key AS i, NULL AS k,"
    " type AS t, value AS j, CASE type WHEN 'object' THEN json_extract(value, '$.id') END AS id,"
    " NULL AS ref FROM json_each(?1, '$.observations') WHERE kr_tick()"
    " UNION ALL SELECT 'deleted_observations', 5, key, NULL, type, value,"
    " CASE type WHEN 'object' THEN json_extract(value, '$.id') END, NULL"
    " FROM json_each(?1, '$.deleted_observations')"
    " WHERE json_type(?1, '$.deleted_observations') = 'array';";

/* The rest, after the notes' elements are in src.jo (kr_import_fill_notes). */
static const char SQL_STAGE_RAW_REST[] =
    "CREATE TABLE src.jh AS SELECT o.sec, o.rank, o.i, h.key AS k, h.type AS t, h.value AS j,"
    " CASE h.type WHEN 'object' THEN json_extract(h.value, '$.id') END AS id, o.id AS ref"
    " FROM src.jo o, json_each(o.j, '$.history') h WHERE o.t = 'object' AND"
    " json_type(o.j, '$.history') = 'array';"
    "CREATE TABLE src.jgp AS SELECT 'group_patterns' AS sec, 6 AS rank, key AS i, NULL AS k,"
    " type AS t, value AS j, CASE type WHEN 'object' THEN json_extract(value, '$.id') END AS id,"
    " NULL AS ref FROM json_each(?1, '$.group_patterns') WHERE json_type(?1, '$.group_patterns')"
    " = 'array';"
    "CREATE TABLE src.jgn AS SELECT 'group_notes' AS sec, 7 AS rank, key AS i, NULL AS k,"
    " type AS t, value AS j, CASE type WHEN 'object' THEN json_extract(value, '$.observation')"
    " END AS id, NULL AS ref FROM json_each(?1, '$.group_notes')"
    " WHERE json_type(?1, '$.group_notes') = 'array';"
    "CREATE TABLE src.jrp AS SELECT 'reflection_phases' AS sec, 8 AS rank, key AS i, NULL AS k,"
    " type AS t, value AS j, CASE type WHEN 'object' THEN json_extract(value, '$.phase')"
    " END AS id, NULL AS ref FROM json_each(?1, '$.reflection_phases')"
    " WHERE json_type(?1, '$.reflection_phases') = 'array';"
    "CREATE INDEX src.jgp_id ON jgp(id);"
    "CREATE INDEX src.jgn_id ON jgn(id);"
    "CREATE INDEX src.jt_id ON jt(id);"
    "CREATE INDEX src.jp_id ON jp(id);"
    "CREATE INDEX src.jv_id ON jv(id);"
    "CREATE INDEX src.jo_id ON jo(id);"
    "CREATE INDEX src.jh_id ON jh(id);"
    /* the notes without history are found by ref: without this index that lookup made the
     * import quadratic (10,000 notes 17 s) */
    "CREATE INDEX src.jh_ref ON jh(ref);";

/* The same for the theory of action and the next steps (schema 8). */
static const char SQL_STAGE_RAW_DEBRIEF[] =
    /* a version without an id (the shape before schema 8) is the one without a group */
    "CREATE TABLE src.jta AS SELECT 'theory_of_action' AS sec, 9 AS rank, key AS i, NULL AS k,"
    " type AS t, value AS j, CASE type WHEN 'object' THEN coalesce(nullif(json_extract(value,"
    " '$.id'), ''), 'toa-' || json_extract(?1, '$.session.id')) END AS id, NULL AS ref"
    " FROM json_each(?1, '$.theory_of_action') WHERE json_type(?1, '$.theory_of_action') ="
    " 'array' UNION ALL SELECT 'deleted_theory_of_action', 10, key, NULL, type, value,"
    " CASE type WHEN 'object' THEN coalesce(nullif(json_extract(value, '$.id'), ''), 'toa-' ||"
    " json_extract(?1, '$.session.id')) END, NULL FROM json_each(?1,"
    " '$.deleted_theory_of_action') WHERE json_type(?1, '$.deleted_theory_of_action') ="
    " 'array';"
    "CREATE TABLE src.jns AS SELECT 'next_steps' AS sec, 11 AS rank, key AS i, NULL AS k,"
    " type AS t, value AS j, CASE type WHEN 'object' THEN json_extract(value, '$.id') END AS id,"
    " NULL AS ref FROM json_each(?1, '$.next_steps') WHERE json_type(?1, '$.next_steps') ="
    " 'array' UNION ALL SELECT 'deleted_next_steps', 12, key, NULL, type, value,"
    " CASE type WHEN 'object' THEN json_extract(value, '$.id') END, NULL FROM json_each(?1,"
    " '$.deleted_next_steps') WHERE json_type(?1, '$.deleted_next_steps') = 'array';"
    /* the evidence of both, one row per cited id (ref: its version or step) */
    "CREATE TABLE src.jev AS SELECT x.sec, x.rank, x.i, NULL AS k, e.type AS t, e.value AS j,"
    " CASE e.type WHEN 'text' THEN e.value END AS id, x.id AS ref FROM (SELECT * FROM src.jta"
    " UNION ALL SELECT * FROM src.jns) x, json_each(x.j, '$.evidence') e WHERE x.t = 'object'"
    " AND json_type(x.j, '$.evidence') = 'array';"
    "CREATE INDEX src.jta_id ON jta(id);"
    "CREATE INDEX src.jns_id ON jns(id);"
    "CREATE INDEX src.jev_id ON jev(id);";

/* Tables shaped like main's, to be merged. */
static const char SQL_STAGE_TABLES[] =
    "CREATE TABLE src.network AS SELECT * FROM main.network WHERE 0;"
    "CREATE TABLE src.session AS SELECT * FROM main.session WHERE 0;"
    "CREATE TABLE src.tweetal AS SELECT * FROM main.tweetal WHERE 0;"
    "CREATE TABLE src.participant AS SELECT * FROM main.participant WHERE 0;"
    "CREATE TABLE src.visit AS SELECT * FROM main.visit WHERE 0;"
    "CREATE TABLE src.observation AS SELECT * FROM main.observation WHERE 0;"
    "CREATE TABLE src.observation_version AS SELECT * FROM main.observation_version WHERE 0;"
    "CREATE TABLE src.reflection_pattern AS SELECT * FROM main.reflection_pattern WHERE 0;"
    "CREATE TABLE src.reflection_note AS SELECT * FROM main.reflection_note WHERE 0;"
    "CREATE TABLE src.reflection_phase AS SELECT * FROM main.reflection_phase WHERE 0;"
    "CREATE TABLE src.theory_of_action AS SELECT * FROM main.theory_of_action WHERE 0;"
    "CREATE TABLE src.next_step AS SELECT * FROM main.next_step WHERE 0;";

/* From validated raw items to rows. Missing bookkeeping times get values derived from
 * the content, so importing the same file twice gives the same rows. */
static const char *const SQL_STAGE_ROWS[] = {
    /* The network: by its id, else the one of that name already here, else a new one. */
    "INSERT INTO src.network(id, name, created_at) SELECT coalesce(json_extract(j,"
    " '$.network_id'), (SELECT n.id FROM main.network n WHERE n.name = json_extract(js.j,"
    " '$.network') ORDER BY n.deleted_at IS NOT NULL, n.created_at, n.id LIMIT 1), kr_uuid()),"
    " json_extract(j,"
    " '$.network'), NULL FROM src.js WHERE json_type(j, '$.network') = 'text'",
    "UPDATE src.network SET created_at = coalesce((SELECT n.created_at FROM main.network n"
    " WHERE n.id = network.id), (SELECT coalesce(json_extract(j, '$.created_at'), "
    "date(json_extract(j,"
    " '$.date')) || 'T00:00:00.000Z') FROM src.js))",
    "INSERT INTO src.session(id, network_id, kind, date, host_school, basisvaardigheid,"
    " ontwikkelvraag, kijkvraag_id, kijkvraag_text, kijkpunten, is_demo, created_at, updated_at)"
    " SELECT id, (SELECT id FROM src.network), coalesce(json_extract(j, '$.kind'), 'vervolg'),"
    " json_extract(j, '$.date'), json_extract(j, '$.host_school'),"
    " json_extract(j, '$.basisvaardigheid'), json_extract(j, '$.ontwikkelvraag'),"
    " json_extract(j, '$.kijkvraag.id'), json_extract(j, '$.kijkvraag.text'),"
    " json_extract(j, '$.kijkpunten'), coalesce(json_extract(j, '$.demo'), 0),"
    " coalesce(json_extract(j, '$.created_at'), json_extract(j, '$.date') || 'T00:00:00.000Z'),"
    " coalesce(json_extract(j, '$.updated_at'), json_extract(j, '$.created_at'),"
    " json_extract(j, '$.date') || 'T00:00:00.000Z') FROM src.js",
    "INSERT INTO src.tweetal(id, session_id, name) SELECT jt.id, js.id, json_extract(jt.j,"
    " '$.name') FROM src.jt, src.js",
    /* Pairs named only by name: the tweetal of that name in the file or the database. */
    "INSERT INTO src.tweetal(id, session_id, name) SELECT coalesce((SELECT t.id FROM"
    " main.tweetal t WHERE t.session_id = js.id AND t.name = p.name ORDER BY t.id LIMIT 1),"
    " kr_uuid()), js.id, p.name FROM (SELECT DISTINCT json_extract(j, '$.pair') AS name"
    " FROM src.jv WHERE json_type(j, '$.pair') = 'text' AND json_type(j, '$.pair_id') IS NOT"
    " 'text') p, src.js WHERE NOT EXISTS (SELECT 1 FROM src.tweetal t WHERE t.name = p.name)",
    "INSERT INTO src.participant(id, session_id, tweetal_id, name, role, school) SELECT jp.id,"
    " js.id, json_extract(jp.j, '$.tweetal'), json_extract(jp.j, '$.name'), json_extract(jp.j,"
    " '$.role'), json_extract(jp.j, '$.school') FROM src.jp, src.js",
    "INSERT INTO src.visit(id, session_id, tweetal_id, label, subject, started_at, ended_at)"
    " SELECT jv.id, js.id, coalesce(json_extract(jv.j, '$.pair_id'), (SELECT t.id FROM"
    " src.tweetal t WHERE t.name = json_extract(jv.j, '$.pair') ORDER BY t.id LIMIT 1)),"
    " json_extract(jv.j, '$.label'), json_extract(jv.j, '$.subject'), json_extract(jv.j,"
    " '$.started_at'), json_extract(jv.j, '$.ended_at') FROM src.jv, src.js",
    "INSERT INTO src.observation(id, visit_id, at, text, corner, observer, keep_reason,"
    " created_at, updated_at, deleted_at) SELECT id, json_extract(j, '$.visit'),"
    " json_extract(j, '$.at'), json_extract(j, '$.text'), json_extract(j, '$.corner'),"
    " json_extract(j, '$.observer'), json_extract(j, '$.keep_reason'),"
    " coalesce(json_extract(j, '$.created_at'), strftime('%Y-%m-%dT%H:%M:%fZ', json_extract(j,"
    " '$.at'))), coalesce(json_extract(j, '$.updated_at'), json_extract(j, '$.created_at'),"
    " strftime('%Y-%m-%dT%H:%M:%fZ', json_extract(j, '$.at'))),"
    " CASE WHEN sec = 'deleted_observations' THEN coalesce(json_extract(j, '$.deleted_at'),"
    " json_extract(j, '$.updated_at'), json_extract(j, '$.created_at'),"
    " strftime('%Y-%m-%dT%H:%M:%fZ', json_extract(j, '$.at')))"
    " ELSE json_extract(j, '$.deleted_at') END FROM src.jo WHERE kr_tick()",
    "INSERT INTO src.observation_version(id, observation_id, at, change, text, corner)"
    " SELECT id, ref, json_extract(j, '$.at'), json_extract(j, '$.change'), json_extract(j,"
    " '$.text'), json_extract(j, '$.corner') FROM src.jh WHERE kr_tick()",
    /* A note without history gets one 'aangemaakt' version with an id derived from the note,
     * so that a second import finds it again. */
    "INSERT INTO src.observation_version(id, observation_id, at, change, text, corner)"
    " SELECT o.id || '-' || kr_fnv(o.text, o.corner), o.id, o.created_at, 'aangemaakt',"
    " o.text, o.corner FROM src.observation o WHERE NOT EXISTS (SELECT 1 FROM src.jh"
    " WHERE jh.ref = o.id) AND kr_tick()",
    /* The reflection; a decision without a time gets the session's. */
    "INSERT INTO src.reflection_pattern(id, session_id, corner, label, extent, created_at,"
    " updated_at) SELECT jgp.id, s.id, json_extract(j, '$.corner'), json_extract(j, '$.label'),"
    " json_extract(j, '$.extent'),"
    " coalesce(json_extract(j, '$.created_at'), s.updated_at), coalesce(json_extract(j,"
    " '$.updated_at'), json_extract(j, '$.created_at'), s.updated_at) FROM src.jgp, src.session s",
    "INSERT INTO src.reflection_note(observation_id, session_id, corner, pattern_id, updated_at)"
    " SELECT jgn.id, s.id, json_extract(j, '$.corner'), json_extract(j, '$.pattern'),"
    " coalesce(json_extract(j, '$.updated_at'), s.updated_at) FROM src.jgn, src.session s",
    "INSERT INTO src.reflection_phase(session_id, phase, text, updated_at) SELECT s.id, jrp.id,"
    " json_extract(j, '$.text'), coalesce(json_extract(j, '$.updated_at'), s.updated_at)"
    " FROM src.jrp, src.session s",
    /* The theory of action; one without an id (the shape before schema 8) is chosen. */
    "INSERT INTO src.theory_of_action(id, session_id, group_name, schoolleiding, leraren,"
    " leerlingen, bewijs, evidence, chosen, created_at, updated_at, deleted_at) SELECT jta.id,"
    " s.id, json_extract(j, '$.group'), json_extract(j, '$.schoolleiding'), json_extract(j,"
    " '$.leraren'), json_extract(j, '$.leerlingen'), json_extract(j, '$.bewijs'),"
    " coalesce(json_extract(j, '$.evidence'), '[]'), CASE WHEN nullif(json_extract(j, '$.id'),"
    " '') IS NULL THEN 1 ELSE coalesce(json_extract(j, '$.chosen'), 0) END,"
    " coalesce(json_extract(j, '$.created_at'), json_extract(j, '$.updated_at'), s.updated_at),"
    " coalesce(json_extract(j, '$.updated_at'), s.updated_at), CASE WHEN sec ="
    " 'deleted_theory_of_action' THEN coalesce(json_extract(j, '$.deleted_at'), json_extract(j,"
    " '$.updated_at'), s.updated_at) ELSE json_extract(j, '$.deleted_at') END"
    " FROM src.jta, src.session s",
    "INSERT INTO src.next_step(id, session_id, text, actor, horizon, evidence, position,"
    " created_at, updated_at, deleted_at, follow_up_session_id, follow_up_status,"
    " follow_up_text, follow_up_at) SELECT jns.id, s.id, json_extract(j, '$.text'),"
    " json_extract(j, '$.actor'), json_extract(j, '$.horizon'), coalesce(json_extract(j,"
    " '$.evidence'), '[]'), coalesce(json_extract(j, '$.position'), jns.i),"
    " coalesce(json_extract(j, '$.created_at'), json_extract(j, '$.updated_at'), s.updated_at),"
    " coalesce(json_extract(j, '$.updated_at'), s.updated_at), CASE WHEN sec ="
    " 'deleted_next_steps' THEN coalesce(json_extract(j, '$.deleted_at'), json_extract(j,"
    " '$.updated_at'), s.updated_at) ELSE json_extract(j, '$.deleted_at') END,"
    " json_extract(j, '$.follow_up.session'), json_extract(j, '$.follow_up.status'),"
    " json_extract(j, '$.follow_up.text'), coalesce(json_extract(j, '$.follow_up_at'),"
    " CASE WHEN json_type(j, '$.follow_up') = 'object' THEN coalesce(json_extract(j,"
    " '$.updated_at'), s.updated_at) END) FROM src.jns, src.session s",
};

enum kr_status kr_import_stage_raw(struct kr_store *st, const char *json, size_t len,
                                   const char *whole, size_t whole_len,
                                   const struct kr_notes_split *sp, const char *source,
                                   struct kr_error *err)
{
    enum kr_status r = KR_OK;
    /* The multi-statement staging SQL: run statement by statement with ?1 bound. */
    const char *const raw[] = {SQL_STAGE_RAW, SQL_STAGE_RAW_REST, SQL_STAGE_RAW_DEBRIEF};
    for (size_t q = 0; q < KR_NF(raw); q++) {
        if (q == 1 && r == KR_OK)
            r = kr_import_fill_notes(st, whole, whole_len, sp, source, err);
        for (const char *tail = raw[q]; r == KR_OK && *tail;) {
            sqlite3_stmt *s = NULL;
            int rc = sqlite3_prepare_v2(st->db, tail, -1, &s, &tail);
            if (rc != SQLITE_OK) {
                r = kr_store_fail(st, rc, err, "Importeren mislukt");
                break;
            }
            if (!s)
                break;
            if (sqlite3_bind_parameter_count(s) >= 1)
                sqlite3_bind_text(s, 1, json, (int)len, SQLITE_STATIC);
            rc = sqlite3_step(s);
            if (rc != SQLITE_DONE)
                r = kr_store_fail(st, rc, err, "Importeren mislukt");
            sqlite3_finalize(s);
        }
    }
    return r;
}

enum kr_status kr_import_stage_rows(struct kr_store *st, struct kr_error *err)
{
    enum kr_status r = kr_store_exec(st, SQL_STAGE_TABLES, err);
    for (size_t i = 0; r == KR_OK && i < KR_NF(SQL_STAGE_ROWS); i++)
        r = kr_store_exec(st, SQL_STAGE_ROWS[i], err);
    return r;
}
