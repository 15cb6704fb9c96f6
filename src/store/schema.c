/* SPDX-License-Identifier: MIT */
/*
 * The schema as numbered migrations. Migration i brings a database from
 * user_version i to i + 1; all pending ones run in one transaction. Never edit a
 * migration that has shipped: add a new one.
 */
#include "store_internal.h"

static const char MIGRATION_1[] =
    /* A begeleid leernetwerk: five to seven schools that visit each other in turn. */
    "CREATE TABLE network ("
    "  id         TEXT PRIMARY KEY,"
    "  name       TEXT NOT NULL,"
    "  created_at TEXT NOT NULL"
    ");"
    /* A bijeenkomst (schoolbezoek) at one host school, with one kijkvraag. */
    "CREATE TABLE session ("
    "  id               TEXT PRIMARY KEY,"
    "  network_id       TEXT REFERENCES network(id),"
    "  kind             TEXT NOT NULL DEFAULT 'vervolg'"
    "                   CHECK (kind IN ('start','aftrap','vervolg','afronding')),"
    "  date             TEXT NOT NULL,"
    "  host_school      TEXT,"
    "  basisvaardigheid TEXT CHECK (basisvaardigheid IN"
    "                   ('taal','rekenen-wiskunde','burgerschap','digitale-geletterdheid')),"
    "  ontwikkelvraag   TEXT,"
    "  kijkvraag_id     TEXT,"          /* id in the library, when chosen from it */
    "  kijkvraag_text   TEXT NOT NULL," /* a copy: editing a YAML file never changes history */
    "  kijkpunten       TEXT,"          /* a copy, one per line */
    "  is_demo          INTEGER NOT NULL DEFAULT 0,"
    "  created_at       TEXT NOT NULL,"
    "  updated_at       TEXT NOT NULL"
    ");"
    /* The pairs that observe together; they change from one bijeenkomst to the next. */
    "CREATE TABLE tweetal ("
    "  id         TEXT PRIMARY KEY,"
    "  session_id TEXT NOT NULL REFERENCES session(id),"
    "  name       TEXT NOT NULL"
    ");"
    /* People taking part in one bijeenkomst: first name or initials and a role. */
    "CREATE TABLE participant ("
    "  id         TEXT PRIMARY KEY,"
    "  session_id TEXT NOT NULL REFERENCES session(id),"
    "  tweetal_id TEXT REFERENCES tweetal(id),"
    "  name       TEXT NOT NULL,"
    "  role       TEXT,"
    "  school     TEXT"
    ");"
    /* A classroom visit by one tweetal. */
    "CREATE TABLE visit ("
    "  id         TEXT PRIMARY KEY,"
    "  session_id TEXT NOT NULL REFERENCES session(id),"
    "  tweetal_id TEXT REFERENCES tweetal(id),"
    "  label      TEXT NOT NULL," /* groep 5, klas 2b, de gang */
    "  subject    TEXT,"          /* vak */
    "  started_at TEXT,"
    "  ended_at   TEXT"
    ");"
    "CREATE INDEX visit_by_session ON visit(session_id, started_at);"
    /* What was seen or heard, with its time. Learners' behaviour, never a child's name. */
    "CREATE TABLE observation ("
    "  id          TEXT PRIMARY KEY,"
    "  visit_id    TEXT NOT NULL REFERENCES visit(id),"
    "  at          TEXT NOT NULL," /* local time with UTC offset */
    "  text        TEXT NOT NULL,"
    "  corner      TEXT CHECK (corner IN ('leerling','leraar','leerinhoud')),"
    "  observer    TEXT,"
    "  keep_reason TEXT," /* why a flagged note was kept as it is */
    "  created_at  TEXT NOT NULL,"
    "  updated_at  TEXT NOT NULL,"
    "  deleted_at  TEXT" /* soft delete: the note and its history stay */
    ");"
    "CREATE INDEX observation_by_visit ON observation(visit_id, at);"
    /* Every version of every note; nothing is overwritten. */
    "CREATE TABLE observation_version ("
    "  id             TEXT PRIMARY KEY,"
    "  observation_id TEXT NOT NULL REFERENCES observation(id),"
    "  at             TEXT NOT NULL," /* UTC time of the change */
    "  change         TEXT NOT NULL"
    "                 CHECK (change IN ('aangemaakt','bewerkt','verwijderd','hersteld')),"
    "  text           TEXT NOT NULL,"
    "  corner         TEXT CHECK (corner IN ('leerling','leraar','leerinhoud'))"
    ");"
    "CREATE INDEX observation_version_by_observation"
    "  ON observation_version(observation_id, at);";

static const char MIGRATION_2[] =
    /* The unfinished line of a visit, so a crash loses at most the last second. */
    "CREATE TABLE draft ("
    "  visit_id   TEXT PRIMARY KEY REFERENCES visit(id),"
    "  text       TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL"
    ");"
    /* Full-text search over the notes of a session. */
    "CREATE VIRTUAL TABLE observation_search USING fts5("
    "  text, content='observation', content_rowid='rowid', tokenize='unicode61'"
    ");"
    "INSERT INTO observation_search(rowid, text) SELECT rowid, text FROM observation;"
    "CREATE TRIGGER observation_search_ai AFTER INSERT ON observation BEGIN"
    "  INSERT INTO observation_search(rowid, text) VALUES (new.rowid, new.text);"
    "END;"
    "CREATE TRIGGER observation_search_ad AFTER DELETE ON observation BEGIN"
    "  INSERT INTO observation_search(observation_search, rowid, text)"
    "  VALUES ('delete', old.rowid, old.text);"
    "END;"
    "CREATE TRIGGER observation_search_au AFTER UPDATE OF text ON observation BEGIN"
    "  INSERT INTO observation_search(observation_search, rowid, text)"
    "  VALUES ('delete', old.rowid, old.text);"
    "  INSERT INTO observation_search(rowid, text) VALUES (new.rowid, new.text);"
    "END;";

static const char MIGRATION_3[] =
    /*
     * The group's decisions in the shared reflection. Computed patterns are never stored:
     * they are recomputed from the notes. What the group decides is stored per note (its
     * corner, its pattern) and per pattern the group made its own (its name), so a re-run
     * of the clustering never undoes a decision: pinned notes stay where the group put them.
     */
    "CREATE TABLE reflection_pattern ("
    "  id         TEXT PRIMARY KEY,"
    "  session_id TEXT NOT NULL REFERENCES session(id),"
    "  corner     TEXT NOT NULL CHECK (corner IN ('leerling','leraar','leerinhoud')),"
    "  label      TEXT NOT NULL,"
    "  created_at TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL"
    ");"
    "CREATE INDEX reflection_pattern_by_session ON reflection_pattern(session_id);"
    "CREATE TABLE reflection_note ("
    "  observation_id TEXT PRIMARY KEY REFERENCES observation(id),"
    "  session_id     TEXT NOT NULL REFERENCES session(id),"
    /* the group's corner; the observer's own stays in observation.corner (calibration) */
    "  corner         TEXT CHECK (corner IN ('leerling','leraar','leerinhoud')),"
    "  pattern_id     TEXT REFERENCES reflection_pattern(id),"
    "  updated_at     TEXT NOT NULL"
    ");"
    "CREATE INDEX reflection_note_by_session ON reflection_note(session_id);"
    /* The debrief: beschrijven, analyseren, voorspellen, volgende stap, in the group's words. */
    "CREATE TABLE reflection_phase ("
    "  session_id TEXT NOT NULL REFERENCES session(id),"
    "  phase      TEXT NOT NULL"
    "             CHECK (phase IN ('beschrijven','analyseren','voorspellen','volgende-stap')),"
    "  text       TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL,"
    "  PRIMARY KEY (session_id, phase)"
    ");"
    /* Theory of action: als de schoolleiding X, dan kunnen leraren Y, waardoor leerlingen Z. */
    "CREATE TABLE theory_of_action ("
    "  session_id   TEXT PRIMARY KEY REFERENCES session(id),"
    "  schoolleiding TEXT,"
    "  leraren      TEXT,"
    "  leerlingen   TEXT,"
    "  bewijs       TEXT," /* waar te zien aan: the observed facts */
    "  updated_at   TEXT NOT NULL"
    ");";

static const char MIGRATION_4[] =
    /*
     * Each visit keeps the number of its notes that are not deleted, so the start screen
     * lists the bijeenkomsten with their counts without reading every note (a database of
     * 1,000,000 notes opens as fast as an empty one). Triggers keep the count right for
     * every writer: the round, edits, soft deletes, import and merge.
     */
    "ALTER TABLE visit ADD COLUMN n_live INTEGER NOT NULL DEFAULT 0;"
    "UPDATE visit SET n_live = (SELECT count(*) FROM observation o"
    "  WHERE o.visit_id = visit.id AND o.deleted_at IS NULL);"
    "CREATE TRIGGER visit_count_ai AFTER INSERT ON visit BEGIN"
    "  UPDATE visit SET n_live = (SELECT count(*) FROM observation o"
    "    WHERE o.visit_id = new.id AND o.deleted_at IS NULL) WHERE id = new.id;"
    "END;"
    "CREATE TRIGGER observation_count_ai AFTER INSERT ON observation"
    "  WHEN new.deleted_at IS NULL BEGIN"
    "  UPDATE visit SET n_live = n_live + 1 WHERE id = new.visit_id;"
    "END;"
    "CREATE TRIGGER observation_count_ad AFTER DELETE ON observation"
    "  WHEN old.deleted_at IS NULL BEGIN"
    "  UPDATE visit SET n_live = n_live - 1 WHERE id = old.visit_id;"
    "END;"
    "CREATE TRIGGER observation_count_au AFTER UPDATE OF visit_id, deleted_at ON observation"
    "  WHEN old.visit_id IS NOT new.visit_id"
    "    OR (old.deleted_at IS NULL) IS NOT (new.deleted_at IS NULL) BEGIN"
    "  UPDATE visit SET n_live = n_live - (old.deleted_at IS NULL) WHERE id = old.visit_id;"
    "  UPDATE visit SET n_live = n_live + (new.deleted_at IS NULL) WHERE id = new.visit_id;"
    "END;";

static const char MIGRATION_5[] =
    /*
     * Drafts per observer instance, not per visit: two TUIs on one visit (two observers of
     * one pair, or two pairs on one laptop) each keep their own unfinished line. `instance`
     * is made when a TUI starts; pid and host say whether that TUI still runs, so a later
     * start can offer the draft of one that stopped. Old drafts get instance 'oud' and no
     * pid: their TUI is gone, so they are offered.
     */
    "ALTER TABLE draft RENAME TO draft_old;"
    "CREATE TABLE draft ("
    "  instance   TEXT NOT NULL,"
    "  visit_id   TEXT NOT NULL REFERENCES visit(id),"
    "  text       TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL,"
    "  pid        INTEGER,"
    "  host       TEXT,"
    "  PRIMARY KEY (instance, visit_id)"
    ");"
    "INSERT INTO draft(instance, visit_id, text, updated_at)"
    "  SELECT 'oud', visit_id, text, updated_at FROM draft_old;"
    "DROP TABLE draft_old;";

/* Every text column, in NFC (an unchanged row is not written). */
const char kr_store_nfc_sql[] =
    "UPDATE observation SET text = kr_nfc(text) WHERE text IS NOT kr_nfc(text);"
    "UPDATE observation SET observer = kr_nfc(observer) WHERE observer IS NOT kr_nfc(observer);"
    "UPDATE observation SET keep_reason = kr_nfc(keep_reason) WHERE keep_reason IS NOT "
    "kr_nfc(keep_reason);"
    "UPDATE observation_version SET text = kr_nfc(text) WHERE text IS NOT kr_nfc(text);"
    "UPDATE draft SET text = kr_nfc(text) WHERE text IS NOT kr_nfc(text);"
    "UPDATE session SET host_school = kr_nfc(host_school) WHERE host_school IS NOT "
    "kr_nfc(host_school);"
    "UPDATE session SET ontwikkelvraag = kr_nfc(ontwikkelvraag) WHERE ontwikkelvraag IS NOT "
    "kr_nfc(ontwikkelvraag);"
    "UPDATE session SET kijkvraag_text = kr_nfc(kijkvraag_text) WHERE kijkvraag_text IS NOT "
    "kr_nfc(kijkvraag_text);"
    "UPDATE session SET kijkpunten = kr_nfc(kijkpunten) WHERE kijkpunten IS NOT kr_nfc(kijkpunten);"
    "UPDATE visit SET label = kr_nfc(label) WHERE label IS NOT kr_nfc(label);"
    "UPDATE visit SET subject = kr_nfc(subject) WHERE subject IS NOT kr_nfc(subject);"
    "UPDATE tweetal SET name = kr_nfc(name) WHERE name IS NOT kr_nfc(name);"
    "UPDATE participant SET name = kr_nfc(name) WHERE name IS NOT kr_nfc(name);"
    "UPDATE participant SET school = kr_nfc(school) WHERE school IS NOT kr_nfc(school);"
    "UPDATE network SET name = kr_nfc(name) WHERE name IS NOT kr_nfc(name);"
    "UPDATE reflection_pattern SET label = kr_nfc(label) WHERE label IS NOT kr_nfc(label);"
    "UPDATE reflection_phase SET text = kr_nfc(text) WHERE text IS NOT kr_nfc(text);"
    "UPDATE theory_of_action SET schoolleiding = kr_nfc(schoolleiding) WHERE schoolleiding IS NOT "
    "kr_nfc(schoolleiding);"
    "UPDATE theory_of_action SET leraren = kr_nfc(leraren) WHERE leraren IS NOT kr_nfc(leraren);"
    "UPDATE theory_of_action SET leerlingen = kr_nfc(leerlingen) WHERE leerlingen IS NOT "
    "kr_nfc(leerlingen);"
    "UPDATE theory_of_action SET bewijs = kr_nfc(bewijs) WHERE bewijs IS NOT kr_nfc(bewijs);";

/* 6: texts from before NFC (src/core/nfc.c) become NFC, so a word typed decomposed on a
   Mac is found, checked and clustered as the same word. */
#define MIGRATION_6 kr_store_nfc_sql

/* 7: a bijeenkomst is deleted softly (the TUI's d, undone with u): its visits and notes
   stay, the lists and look-ups skip it. */
#define MIGRATION_7 "ALTER TABLE session ADD COLUMN deleted_at TEXT;"

/*
 * 8: the debrief's end (issue 15): a theory of action per groepje, one of which the school
 * chooses, and the next steps with who acts, by when, the evidence they rest on and their
 * follow-up at a later bijeenkomst (issue 16). The one row per session of migration 3 becomes
 * the version without a group, chosen, with an id derived from its session ('toa-' + id) so two
 * laptops that migrate the same row still merge it as one. Evidence is a JSON array of
 * observation or pattern ids in the row itself, not a table of its own: an evidence list is
 * part of the version it belongs to, so a merge that keeps the newest version keeps its
 * evidence with it. The follow-up of a step has its own time (follow_up_at): a merge takes the
 * newest follow-up and, apart from it, the newest step, so recording the follow-up on one
 * laptop and rewording the step on another both survive. Deletes are soft (deleted_at) so
 * they travel in a merge. follow_up_session_id is no foreign key: the later bijeenkomst may
 * arrive after the step does.
 */
#define MIGRATION_8                                                                                \
    "ALTER TABLE theory_of_action RENAME TO theory_of_action_v3;"                                  \
    "CREATE TABLE theory_of_action ("                                                              \
    "  id            TEXT PRIMARY KEY,"                                                            \
    "  session_id    TEXT NOT NULL REFERENCES session(id),"                                        \
    "  group_name    TEXT," /* the groepje that wrote it, NULL: the whole group */                 \
    "  schoolleiding TEXT,"                                                                        \
    "  leraren       TEXT,"                                                                        \
    "  leerlingen    TEXT,"                                                                        \
    "  bewijs        TEXT,"                       /* waar te zien aan, in the group's words */     \
    "  evidence      TEXT NOT NULL DEFAULT '[]'," /* JSON array of observation/pattern ids */      \
    "  chosen        INTEGER NOT NULL DEFAULT 0 CHECK (chosen IN (0, 1)),"                         \
    "  created_at    TEXT NOT NULL,"                                                               \
    "  updated_at    TEXT NOT NULL,"                                                               \
    "  deleted_at    TEXT"                                                                         \
    ");"                                                                                           \
    "CREATE INDEX theory_of_action_by_session ON theory_of_action(session_id, created_at);"        \
    "INSERT INTO theory_of_action(id, session_id, group_name, schoolleiding, leraren, leerlingen," \
    "  bewijs, evidence, chosen, created_at, updated_at)"                                          \
    "  SELECT 'toa-' || session_id, session_id, NULL, schoolleiding, leraren, leerlingen, bewijs," \
    "  '[]', 1, updated_at, updated_at FROM theory_of_action_v3;"                                  \
    "DROP TABLE theory_of_action_v3;"                                                              \
    "CREATE TABLE next_step ("                                                                     \
    "  id               TEXT PRIMARY KEY,"                                                         \
    "  session_id       TEXT NOT NULL REFERENCES session(id),"                                     \
    "  text             TEXT NOT NULL,"                                                            \
    "  actor            TEXT NOT NULL"                                                             \
    "                   CHECK (actor IN ('schoolleiding','leraren','team','netwerk')),"            \
    "  horizon          TEXT NOT NULL CHECK (horizon IN ('week','maand','schooljaar')),"           \
    "  evidence         TEXT NOT NULL DEFAULT '[]',"                                               \
    "  position         INTEGER NOT NULL DEFAULT 0,"                                               \
    "  created_at       TEXT NOT NULL,"                                                            \
    "  updated_at       TEXT NOT NULL,"                                                            \
    "  deleted_at       TEXT,"                                                                     \
    "  follow_up_session_id TEXT," /* the later bijeenkomst where it was followed up */            \
    "  follow_up_status TEXT CHECK (follow_up_status IN ('gedaan','bezig','niet-gedaan')),"        \
    "  follow_up_text   TEXT,"                                                                     \
    "  follow_up_at     TEXT" /* UTC time the follow-up was recorded */                            \
    ");"                                                                                           \
    "CREATE INDEX next_step_by_session ON next_step(session_id, position);"                        \
    "CREATE INDEX next_step_by_follow_up ON next_step(follow_up_session_id);" KR_STORE_NFC_DEBRIEF

/* The NFC of the texts of migration 8's tables (run by it, and after a merge). */
#define KR_STORE_NFC_DEBRIEF                                                                       \
    "UPDATE theory_of_action SET group_name = kr_nfc(group_name) WHERE group_name IS NOT "         \
    "kr_nfc(group_name);"                                                                          \
    "UPDATE next_step SET text = kr_nfc(text) WHERE text IS NOT kr_nfc(text);"                     \
    "UPDATE next_step SET follow_up_text = kr_nfc(follow_up_text) WHERE follow_up_text IS NOT "    \
    "kr_nfc(follow_up_text);"
const char kr_store_nfc_debrief_sql[] = KR_STORE_NFC_DEBRIEF;

/*
 * 9: networks as a thing of their own (issue 16): a network is created, renamed and deleted
 * (softly, so it travels in a merge) apart from its bijeenkomsten. updated_at NULL means "as
 * created_at" (rows written by an older kijkronde, an import or a merge that does not know the
 * column). Networks that were only a name on a bijeenkomst may exist several times with one
 * name (two laptops that imported the same network each made one): they become one, the
 * oldest, as kr_store_network_unify does after every merge.
 */
#define MIGRATION_9                                                                                \
    "ALTER TABLE network ADD COLUMN updated_at TEXT;"                                              \
    "ALTER TABLE network ADD COLUMN deleted_at TEXT;"                                              \
    "UPDATE network SET updated_at = created_at;"                                                  \
    "CREATE INDEX network_by_name ON network(name);"                                               \
    "CREATE INDEX session_by_network ON session(network_id, date);" KR_STORE_NETWORK_UNIFY

/*
 * One live network per name, and every live bijeenkomst in a live network (network.c,
 * migration 9, after every import and merge): a deleted network that still holds live
 * bijeenkomsten comes back when no live network has its name; then every other network of a
 * name that holds bijeenkomsten or is live folds into the oldest live one of that name (its
 * bijeenkomsten move, it is soft-deleted). Another laptop that folded differently, or deleted
 * a network this one still used, so ends in the same state; a second run changes nothing.
 */
#define KR_STORE_NOW "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
/* The network of the row (network, or n) has a live bijeenkomst. */
#define KR_STORE_LIVE_IN_NETWORK                                                                   \
    "EXISTS (SELECT 1 FROM session s WHERE s.network_id = network.id AND s.deleted_at IS NULL)"
#define KR_STORE_LIVE_IN_N                                                                         \
    "EXISTS (SELECT 1 FROM session s WHERE s.network_id = n.id AND s.deleted_at IS NULL)"
#define KR_STORE_NETWORK_UNIFY                                                                     \
    "UPDATE network SET deleted_at = NULL, updated_at = " KR_STORE_NOW                             \
    "  WHERE deleted_at IS NOT NULL AND " KR_STORE_LIVE_IN_NETWORK                                 \
    "  AND NOT EXISTS (SELECT 1 FROM network k WHERE k.name = network.name"                        \
    "  AND k.deleted_at IS NULL);"                                                                 \
    "CREATE TEMP TABLE IF NOT EXISTS kr_network_fold(id TEXT PRIMARY KEY, into_id TEXT);"          \
    "DELETE FROM kr_network_fold;"                                                                 \
    "INSERT INTO kr_network_fold(id, into_id) SELECT id, into_id FROM (SELECT n.id,"               \
    "  (SELECT k.id FROM network k WHERE k.name = n.name AND k.deleted_at IS NULL"                 \
    "  ORDER BY k.created_at, k.id LIMIT 1) AS into_id FROM network n"                             \
    "  WHERE n.deleted_at IS NULL OR " KR_STORE_LIVE_IN_N ")"                                      \
    "  WHERE into_id IS NOT NULL AND into_id <> id;"                                               \
    "UPDATE session SET network_id = (SELECT f.into_id FROM kr_network_fold f"                     \
    "  WHERE f.id = session.network_id) WHERE network_id IN (SELECT id FROM kr_network_fold);"     \
    "UPDATE network SET deleted_at = " KR_STORE_NOW ", updated_at = " KR_STORE_NOW                 \
    "  WHERE deleted_at IS NULL AND id IN (SELECT id FROM kr_network_fold);"                       \
    "DELETE FROM kr_network_fold;"
const char kr_store_network_unify_sql[] = KR_STORE_NETWORK_UNIFY;

static const char MIGRATION_EXTENT[] =
    /*
     * The extent of a pattern as the group confirmed or changed it in the debrief
     * (analyseren): "enkele", "sommige", "veel" or "de meeste"; NULL keeps the one kijkronde
     * proposes from the number of visits. Confirming makes a pattern a group pattern.
     */
    "ALTER TABLE reflection_pattern ADD COLUMN extent TEXT"
    "  CHECK (extent IN ('enkele','sommige','veel','de meeste'));";

/*
 * 11: the zonder-oordeel verdict of each note, kept so an export need not check every note
 * again (include/kijkronde/judged.h). Valid for the text it was checked on (text_hash) and
 * the checker that judged it (checker: the lexicons' key); anything else is a miss and the
 * note is checked again, so no writer (import, merge, sync, an older kijkronde) has to keep
 * it right. A hard delete of a note takes its verdict along. And an index in the notes lists'
 * order, for the notes screen's pages.
 */
#define MIGRATION_11                                                                               \
    "CREATE TABLE observation_judged ("                                                            \
    "  observation_id TEXT PRIMARY KEY REFERENCES observation(id) ON DELETE CASCADE,"              \
    "  text_hash      INTEGER NOT NULL,"                                                           \
    "  checker        TEXT NOT NULL,"                                                              \
    "  judging        INTEGER NOT NULL CHECK (judging IN (0, 1))"                                  \
    ") WITHOUT ROWID;"                                                                             \
    /* The list order of every notes list, so a page of a bijeenkomst of 1,000,000 notes */      \
    /* reads its own rows (kr_store_obs_page) instead of sorting the bijeenkomst. */              \
    "CREATE INDEX observation_by_order ON observation(at, created_at, id);"

/*
 * 12: `kijkronde sync DIR` (src/store/sync.c). This laptop's id and its Lamport clock and chunk
 * number (one row); per synced row the stamp of its newest version (lamport, laptop) that
 * decides which version wins; the rows changed here since the last sync (filled by triggers
 * that the first sync creates, so a database that never syncs pays nothing); the chunks of
 * other laptops already applied; and per bijeenkomst a sync folder for the TUI. None of these
 * travel: they are this laptop's bookkeeping.
 */
#define MIGRATION_12                                                                               \
    "CREATE TABLE sync_self ("                                                                     \
    "  one    INTEGER PRIMARY KEY CHECK (one = 1),"                                                \
    "  laptop TEXT NOT NULL,"                                                                      \
    "  clock  INTEGER NOT NULL DEFAULT 0,"                                                         \
    "  seq    INTEGER NOT NULL DEFAULT 0"                                                          \
    ");"                                                                                           \
    "CREATE TABLE sync_row ("                                                                      \
    "  tbl TEXT NOT NULL, key TEXT NOT NULL, lamport INTEGER NOT NULL, laptop TEXT NOT NULL,"      \
    "  PRIMARY KEY (tbl, key)) WITHOUT ROWID;"                                                     \
    "CREATE TABLE sync_dirty (tbl TEXT NOT NULL, key TEXT NOT NULL,"                               \
    "  PRIMARY KEY (tbl, key)) WITHOUT ROWID;"                                                     \
    "CREATE TABLE sync_applied (laptop TEXT NOT NULL, seq INTEGER NOT NULL,"                       \
    "  PRIMARY KEY (laptop, seq)) WITHOUT ROWID;"                                                  \
    "CREATE TABLE sync_folder ("                                                                   \
    "  session_id TEXT PRIMARY KEY REFERENCES session(id),"                                        \
    "  dir        TEXT NOT NULL"                                                                   \
    ");"

/*
 * 13: the versions each version of a note was made on top of (base: a JSON array of version
 * ids, the note's heads when the change was made; [] for a new note; NULL for versions from
 * before, or from an import). A note whose versions have two heads was changed on two
 * laptops that had not seen each other's change: the TUI marks it (kr_store_obs_elsewhere).
 */
#define MIGRATION_13 "ALTER TABLE observation_version ADD COLUMN base TEXT;"

/*
 * 14: each bijeenkomst keeps its number of visits and of live notes, so the start screen lists
 * 8,000 bijeenkomsten without summing 66,000 visits (start-up no longer grows with the notes).
 * Derived like visit.n_live (migration 4), whose changes it follows: the triggers on visit keep
 * it right for every writer (the round, edits, soft deletes, import, merge, sync), and sync
 * leaves both columns at home (skipped_col in src/store/sync.c). A session inserted after its
 * visits (or replaced) counts them itself.
 */
#define MIGRATION_SESSION_COUNTS                                                                   \
    "ALTER TABLE session ADD COLUMN n_visits INTEGER NOT NULL DEFAULT 0;"                          \
    "ALTER TABLE session ADD COLUMN n_live INTEGER NOT NULL DEFAULT 0;"                            \
    "UPDATE session SET n_visits = (SELECT count(*) FROM visit v WHERE v.session_id = session.id)," \
    "  n_live = (SELECT coalesce(sum(v.n_live), 0) FROM visit v WHERE v.session_id = session.id);" \
    "CREATE TRIGGER session_count_ai AFTER INSERT ON session BEGIN"                                \
    "  UPDATE session SET"                                                                         \
    "    n_visits = (SELECT count(*) FROM visit v WHERE v.session_id = new.id),"                   \
    "    n_live = (SELECT coalesce(sum(v.n_live), 0) FROM visit v WHERE v.session_id = new.id)"    \
    "    WHERE id = new.id;"                                                                       \
    "END;"                                                                                         \
    "CREATE TRIGGER session_count_visit_ai AFTER INSERT ON visit BEGIN"                            \
    "  UPDATE session SET n_visits = n_visits + 1, n_live = n_live + new.n_live"                   \
    "    WHERE id = new.session_id;"                                                               \
    "END;"                                                                                         \
    "CREATE TRIGGER session_count_visit_ad AFTER DELETE ON visit BEGIN"                            \
    "  UPDATE session SET n_visits = n_visits - 1, n_live = n_live - old.n_live"                   \
    "    WHERE id = old.session_id;"                                                               \
    "END;"                                                                                         \
    "CREATE TRIGGER session_count_visit_au AFTER UPDATE OF session_id, n_live ON visit"            \
    "  WHEN old.session_id IS NOT new.session_id OR old.n_live IS NOT new.n_live BEGIN"            \
    "  UPDATE session SET n_visits = n_visits - 1, n_live = n_live - old.n_live"                   \
    "    WHERE id = old.session_id;"                                                               \
    "  UPDATE session SET n_visits = n_visits + 1, n_live = n_live + new.n_live"                   \
    "    WHERE id = new.session_id;"                                                               \
    "END;"                                                                                         \
    /* The start screen's list in its order, covering what it shows: no sort and no row */      \
    /* read per bijeenkomst (kr_store_session_list_brief). The price: a note's count change */   \
    /* rewrites its entry too (one index page per Enter). */                                      \
    "CREATE INDEX session_by_order ON session(date DESC, created_at DESC, id, host_school,"        \
    "  is_demo, n_visits, n_live) WHERE deleted_at IS NULL;"                                       \
    /* A database that synced has a trigger marking every change of a session for the next */   \
    /* sync (src/store/sync.c); it must not fire on the counts, or each note would send its */   \
    /* bijeenkomst again. The same marks, on the other columns only, until sync remakes it. */   \
    "DROP TRIGGER IF EXISTS sync_session_au;"                                                      \
    "CREATE TRIGGER sync_session_au AFTER UPDATE OF id, network_id, kind, date, host_school,"      \
    "  basisvaardigheid, ontwikkelvraag, kijkvraag_id, kijkvraag_text, kijkpunten, is_demo,"       \
    "  created_at, updated_at, deleted_at ON session"                                              \
    "  WHEN EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'sync_session_ai') BEGIN"             \
    "  INSERT INTO sync_dirty(tbl, key) SELECT 'session', json_array(new.id) WHERE NOT EXISTS"      \
    "    (SELECT 1 FROM sync_dirty WHERE tbl = 'session' AND key = json_array(new.id));"           \
    "  INSERT INTO sync_dirty(tbl, key) SELECT 'session', json_array(old.id) WHERE NOT EXISTS"      \
    "    (SELECT 1 FROM sync_dirty WHERE tbl = 'session' AND key = json_array(old.id));"           \
    "END;"

/*
 * 15: what changed before a laptop's first sync. A row made here or brought in by an import
 * or a merge is no change of this laptop: the other laptops may hold the same copy, and an
 * untouched copy must never win over a change made elsewhere (src/store/sync.c sends such
 * rows with the base stamp). An edit, a soft delete or restore, a corner, a decision undone
 * before the first sync is a change: these triggers log its key in sync_early (no key, so
 * no conflict an UPSERT could turn into an error; the first sync moves them to sync_dirty
 * and drops the triggers). Inserts are not logged: the round and an import pay nothing.
 * Keys never change here, so an update logs its new key only. sync_fresh holds the rows
 * added since the last sync (the sync's own insert triggers fill it).
 */
#define MIGRATION_SYNC_BASE                                                                        \
    "CREATE TABLE sync_fresh (tbl TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (tbl, key)) "      \
    "WITHOUT ROWID;"                                                                               \
    "CREATE TABLE sync_early (tbl TEXT NOT NULL, key TEXT NOT NULL);"                              \
    "CREATE TRIGGER sync_pre_network_au AFTER UPDATE ON network BEGIN INSERT INTO sync_early "     \
    "VALUES ('network', json_array(new.id)); END;"                                                 \
    "CREATE TRIGGER sync_pre_network_ad AFTER DELETE ON network BEGIN INSERT INTO sync_early "     \
    "VALUES ('network', json_array(old.id)); END;" /* not on the kept counts of migration 14: a    \
                                                      note added is no change of its bijeenkomst   \
                                                    */                                             \
    "CREATE TRIGGER sync_pre_session_au AFTER UPDATE OF id, network_id, kind, date, host_school, " \
    "basisvaardigheid, ontwikkelvraag, kijkvraag_id, kijkvraag_text, kijkpunten, is_demo, "        \
    "created_at, updated_at, deleted_at ON session BEGIN INSERT INTO sync_early "                  \
    "VALUES ('session', json_array(new.id)); END;"                                                 \
    "CREATE TRIGGER sync_pre_session_ad AFTER DELETE ON session BEGIN INSERT INTO sync_early "     \
    "VALUES ('session', json_array(old.id)); END;"                                                 \
    "CREATE TRIGGER sync_pre_tweetal_au AFTER UPDATE ON tweetal BEGIN INSERT INTO sync_early "     \
    "VALUES ('tweetal', json_array(new.id)); END;"                                                 \
    "CREATE TRIGGER sync_pre_tweetal_ad AFTER DELETE ON tweetal BEGIN INSERT INTO sync_early "     \
    "VALUES ('tweetal', json_array(old.id)); END;"                                                 \
    "CREATE TRIGGER sync_pre_participant_au AFTER UPDATE ON participant BEGIN INSERT INTO "        \
    "sync_early VALUES ('participant', json_array(new.id)); END;"                                  \
    "CREATE TRIGGER sync_pre_participant_ad AFTER DELETE ON participant BEGIN INSERT INTO "        \
    "sync_early VALUES ('participant', json_array(old.id)); END;"                                  \
    "CREATE TRIGGER sync_pre_visit_au AFTER UPDATE ON visit WHEN new.n_live IS old.n_live BEGIN "  \
    "INSERT INTO sync_early VALUES ('visit', json_array(new.id)); END;"                            \
    "CREATE TRIGGER sync_pre_visit_ad AFTER DELETE ON visit BEGIN "                                \
    "INSERT INTO sync_early VALUES ('visit', json_array(old.id)); END;"                            \
    "CREATE TRIGGER sync_pre_observation_au AFTER UPDATE ON observation BEGIN INSERT INTO "        \
    "sync_early VALUES ('observation', json_array(new.id)); END;"                                  \
    "CREATE TRIGGER sync_pre_observation_ad AFTER DELETE ON observation BEGIN INSERT INTO "        \
    "sync_early VALUES ('observation', json_array(old.id)); END;"                                  \
    "CREATE TRIGGER sync_pre_observation_version_au AFTER UPDATE ON observation_version BEGIN "    \
    "INSERT INTO sync_early VALUES ('observation_version', json_array(new.id)); END;"              \
    "CREATE TRIGGER sync_pre_observation_version_ad AFTER DELETE ON observation_version BEGIN "    \
    "INSERT INTO sync_early VALUES ('observation_version', json_array(old.id)); END;"              \
    "CREATE TRIGGER sync_pre_reflection_pattern_au AFTER UPDATE ON reflection_pattern BEGIN "      \
    "INSERT INTO sync_early VALUES ('reflection_pattern', json_array(new.id)); END;"               \
    "CREATE TRIGGER sync_pre_reflection_pattern_ad AFTER DELETE ON reflection_pattern BEGIN "      \
    "INSERT INTO sync_early VALUES ('reflection_pattern', json_array(old.id)); END;"               \
    "CREATE TRIGGER sync_pre_reflection_note_au AFTER UPDATE ON reflection_note BEGIN INSERT "     \
    "INTO sync_early VALUES ('reflection_note', json_array(new.observation_id)); END;"             \
    "CREATE TRIGGER sync_pre_reflection_note_ad AFTER DELETE ON reflection_note BEGIN INSERT "     \
    "INTO sync_early VALUES ('reflection_note', json_array(old.observation_id)); END;"             \
    "CREATE TRIGGER sync_pre_reflection_phase_au AFTER UPDATE ON reflection_phase BEGIN INSERT "   \
    "INTO sync_early VALUES ('reflection_phase', json_array(new.session_id,new.phase)); END;"      \
    "CREATE TRIGGER sync_pre_reflection_phase_ad AFTER DELETE ON reflection_phase BEGIN INSERT "   \
    "INTO sync_early VALUES ('reflection_phase', json_array(old.session_id,old.phase)); END;"      \
    "CREATE TRIGGER sync_pre_theory_of_action_au AFTER UPDATE ON theory_of_action BEGIN INSERT "   \
    "INTO sync_early VALUES ('theory_of_action', json_array(new.id)); END;"                        \
    "CREATE TRIGGER sync_pre_theory_of_action_ad AFTER DELETE ON theory_of_action BEGIN INSERT "   \
    "INTO sync_early VALUES ('theory_of_action', json_array(old.id)); END;"                        \
    "CREATE TRIGGER sync_pre_next_step_au AFTER UPDATE ON next_step BEGIN INSERT INTO sync_early " \
    "VALUES ('next_step', json_array(new.id)); END;"                                               \
    "CREATE TRIGGER sync_pre_next_step_ad AFTER DELETE ON next_step BEGIN INSERT INTO sync_early " \
    "VALUES ('next_step', json_array(old.id)); END;"

/*
 * 16: this laptop's own memory that the follow-up of the next steps came up for a bijeenkomst
 * (src/ui/screen_followup.c shows it once, also across runs; o brings it back). Never synced,
 * exported or merged: another laptop shows it once too.
 */
#define MIGRATION_FOLLOWUP_SEEN                                                                    \
    "CREATE TABLE followup_seen (session_id TEXT PRIMARY KEY, at TEXT NOT NULL) WITHOUT ROWID;"

/*
 * 17: what an Enter writes, made smaller (issue 21: Enter <= 1.5x a bare insert). First, the
 * search index follows the notes at the next pause, not inside Enter. Indexing a
 * note in FTS5 was 41% of an Enter's instructions (docs/performance.md); the note, its
 * history row, the count and the draft's removal stay one durable transaction, and the index
 * catches up (kr_store_search_catch_up, src/store/search_index.c) when the typing pauses,
 * before every search and at open. The invariant the triggers keep: every note with
 * rowid <= search_mark.upto is in the index with its current text, and no other row is.
 * - A new note gets no trigger: its rowid is above upto (SQLite gives max(rowid) + 1 and
 *   upto <= max(rowid), see the delete below), so it waits.
 * - An edit or delete of an indexed note updates the index at once, as before; of a waiting
 *   note it does nothing: the catch-up reads the current text.
 * - After a delete upto falls to at most the highest rowid left, so the rowid SQLite gives
 *   the next note is never one the mark already counts as indexed.
 */
#define MIGRATION_ENTER                                                                            \
    "CREATE TABLE search_mark (one INTEGER PRIMARY KEY CHECK (one = 1), upto INTEGER NOT NULL);"   \
    "INSERT INTO search_mark VALUES (1, coalesce((SELECT max(rowid) FROM observation), 0));"       \
    "DROP TRIGGER observation_search_ai;"                                                          \
    "DROP TRIGGER observation_search_ad;"                                                          \
    "CREATE TRIGGER observation_search_ad AFTER DELETE ON observation BEGIN"                       \
    "  INSERT INTO observation_search(observation_search, rowid, text)"                            \
    "    SELECT 'delete', old.rowid, old.text WHERE old.rowid <= (SELECT upto FROM search_mark);"  \
    "  UPDATE search_mark SET upto = min(upto, coalesce((SELECT max(rowid) FROM observation), 0));" \
    "END;"                                                                                         \
    "DROP TRIGGER observation_search_au;"                                                          \
    "CREATE TRIGGER observation_search_au AFTER UPDATE OF text ON observation"                     \
    "  WHEN old.rowid <= (SELECT upto FROM search_mark) BEGIN"                                     \
    "  INSERT INTO observation_search(observation_search, rowid, text)"                            \
    "  VALUES ('delete', old.rowid, old.text);"                                                    \
    "  INSERT INTO observation_search(rowid, text) VALUES (new.rowid, new.text);"                  \
    "END;" \
    /* A note's count reached its bijeenkomst through two updates of one row (minus the old */   \
    /* count, plus the new), each rewriting its entry in session_by_order: one update when */    \
    /* the visit stays in its bijeenkomst, two only when it moves. */                             \
    "DROP TRIGGER session_count_visit_au;"                                                         \
    "CREATE TRIGGER session_count_visit_move AFTER UPDATE OF session_id, n_live ON visit"          \
    "  WHEN old.session_id IS NOT new.session_id BEGIN"                                            \
    "  UPDATE session SET n_visits = n_visits - 1, n_live = n_live - old.n_live"                   \
    "    WHERE id = old.session_id;"                                                               \
    "  UPDATE session SET n_visits = n_visits + 1, n_live = n_live + new.n_live"                   \
    "    WHERE id = new.session_id;"                                                               \
    "END;"                                                                                         \
    "CREATE TRIGGER session_count_visit_live AFTER UPDATE OF n_live ON visit"                      \
    "  WHEN old.session_id IS new.session_id AND old.n_live IS NOT new.n_live BEGIN"               \
    "  UPDATE session SET n_live = n_live + new.n_live - old.n_live WHERE id = new.session_id;"    \
    "END;" \
    /* The draft a note's Enter removes: one B-tree keyed by (instance, visit) instead of a */    \
    /* table and its key's index, so each Enter and each pause writes one page less. */           \
    "CREATE TABLE draft_keyed ("                                                                   \
    "  instance   TEXT NOT NULL,"                                                                  \
    "  visit_id   TEXT NOT NULL REFERENCES visit(id),"                                             \
    "  text       TEXT NOT NULL,"                                                                  \
    "  updated_at TEXT NOT NULL,"                                                                  \
    "  pid        INTEGER,"                                                                        \
    "  host       TEXT,"                                                                           \
    "  PRIMARY KEY (instance, visit_id)"                                                           \
    ") WITHOUT ROWID;"                                                                             \
    "INSERT INTO draft_keyed SELECT instance, visit_id, text, updated_at, pid, host FROM draft;"   \
    "DROP TABLE draft;"                                                                            \
    "ALTER TABLE draft_keyed RENAME TO draft;"                                                    \
    /* The start screen's order without the counts: a note's Enter changed its bijeenkomst's */  \
    /* entry in this index too (one more page per note). A page of the start screen now reads */ \
    /* the counts from its own rows (a screen of row look-ups, not the whole table). */            \
    "DROP INDEX session_by_order;"                                                                 \
    "CREATE INDEX session_by_order ON session(date DESC, created_at DESC, id, host_school,"        \
    "  is_demo) WHERE deleted_at IS NULL;"

const char *const kr_store_migrations[] = {MIGRATION_1,         MIGRATION_2,
                                           MIGRATION_3,         MIGRATION_4,
                                           MIGRATION_5,         MIGRATION_6,
                                           MIGRATION_7,         MIGRATION_8,
                                           MIGRATION_9,         MIGRATION_EXTENT,
                                           MIGRATION_11,        MIGRATION_12,
                                           MIGRATION_13,        MIGRATION_SESSION_COUNTS,
                                           MIGRATION_SYNC_BASE, MIGRATION_FOLLOWUP_SEEN,
                                           MIGRATION_ENTER};
const int kr_store_n_migrations = (int)(sizeof kr_store_migrations / sizeof kr_store_migrations[0]);
