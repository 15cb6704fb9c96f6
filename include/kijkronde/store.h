/* SPDX-License-Identifier: MIT */
/*
 * The kijkronde database: the only module that speaks SQLite. Every function takes
 * and returns core types (model.h); no SQLite type leaves src/store/.
 *
 * Durability: WAL journal, synchronous=FULL, foreign keys on, a busy timeout. A note
 * is committed in its own transaction before kr_store_obs_add returns, so a crash
 * or a flat battery after that loses nothing. Edits and deletes never destroy text:
 * each change adds a row to the note's history and deletes are soft.
 *
 * Strings passed in are copied; structs filled by reads belong to the caller, who
 * releases them with the matching _fini from model.h.
 */
#ifndef KR_STORE_H
#define KR_STORE_H

#include <stdbool.h>

#include "kijkronde/model.h"
#include "kijkronde/progress.h"
#include "kijkronde/records.h"
#include "kijkronde/status.h"

struct kr_store;

/* The schema version this build writes (PRAGMA user_version). */
int kr_store_schema_latest(void);

/*
 * Open (creating when missing) the database at path and bring its schema up to
 * date. A new file is created with mode 0600 and missing directories with 0700.
 * Refuses, leaving the file untouched, a directory, a file that is not a SQLite
 * database, a database of a newer kijkronde, and a place that cannot be written.
 * ":memory:" opens a private in-memory database (for tests).
 */
enum kr_status kr_store_open(const char *path, struct kr_store **out, struct kr_error *err);

/*
 * Open with the schema brought only up to version `version` (tests of migrations).
 */
enum kr_status kr_store_open_at_version(const char *path, int version, struct kr_store **out,
                                        struct kr_error *err);

/* How long a write waits for another program that holds the database (default 5000 ms). */
void kr_store_set_busy_timeout(struct kr_store *st, int ms);

/* Close; NULL does nothing. */
void kr_store_close(struct kr_store *st);

/* The schema version of the open database. */
int kr_store_schema_version(struct kr_store *st);
/* The path it was opened with (borrowed, valid until close). */
const char *kr_store_path(const struct kr_store *st);

/* Explicit transactions for bulk work (demo, import, merge). Not nestable. */
enum kr_status kr_store_begin(struct kr_store *st, struct kr_error *err);
enum kr_status kr_store_commit(struct kr_store *st, struct kr_error *err);
void kr_store_rollback(struct kr_store *st);

/* PRAGMA integrity_check; KR_OK when "ok", else KR_DB_CORRUPT with the first problem. */
enum kr_status kr_store_check_integrity(struct kr_store *st, struct kr_error *err);

/* ---- networks and sessions ---- */

/* Insert; fills n->id with a new UUID when NULL. */
enum kr_status kr_store_network_add(struct kr_store *st, struct kr_network *n,
                                    struct kr_error *err);
/* Find a network by exact name; KR_NOT_FOUND when none. Fills *out. */
enum kr_status kr_store_network_find(struct kr_store *st, const char *name, struct kr_network *out,
                                     struct kr_error *err);

/* Insert; fills s->id (when NULL), created_at and updated_at. kijkvraag_text and date required. */
enum kr_status kr_store_session_add(struct kr_store *st, struct kr_session *s,
                                    struct kr_error *err);
/* Update the editable fields of an existing session (by s->id). */
enum kr_status kr_store_session_update(struct kr_store *st, const struct kr_session *s,
                                       struct kr_error *err);
/*
 * Soft-delete a session: it leaves the lists and look-ups (get, list, resolve, demo), its
 * visits and notes stay, and kr_store_session_restore brings it back. KR_NOT_FOUND when
 * there is no such session (or, for restore, no such deleted one).
 */
enum kr_status kr_store_session_delete(struct kr_store *st, const char *id, struct kr_error *err);
enum kr_status kr_store_session_restore(struct kr_store *st, const char *id, struct kr_error *err);
/*
 * The most recently deleted bijeenkomst (session_id NULL), or note of the bijeenkomst
 * session_id: *id (heap) and *label (heap: the host school and date of a bijeenkomst, the
 * note's time "HH:MM" and text of a note). For an undo after a restart: nothing is really
 * gone. KR_NOT_FOUND (err untouched) when nothing is deleted.
 */
enum kr_status kr_store_last_deleted(struct kr_store *st, const char *session_id, char **id,
                                     char **label, struct kr_error *err);
/* Read one session by exact id, with network_name and counts. KR_NOT_FOUND when absent or
 * deleted. */
enum kr_status kr_store_session_get(struct kr_store *st, const char *id, struct kr_session *out,
                                    struct kr_error *err);
/* All sessions that are not deleted, newest date first, with counts. */
enum kr_status kr_store_session_list(struct kr_store *st, struct kr_session_list *out,
                                     struct kr_error *err);
/* The same list with only what the start screen shows: id, date, host_school, is_demo and the
   counts (the other fields NULL/0). A start-up over 8,000 bijeenkomsten reads 5 columns, not 16. */
enum kr_status kr_store_session_list_brief(struct kr_store *st, struct kr_session_list *out,
                                           struct kr_error *err);
/* A page of that list: up to limit (0: all) bijeenkomsten after after_id (NULL: from the
   first) in the list's order, appended to *out; *more (may be NULL): there are more after
   them. Reads only the page, at any number of bijeenkomsten (keyset, covering index). */
enum kr_status kr_store_session_page(struct kr_store *st, const char *after_id, size_t limit,
                                     struct kr_session_list *out, bool *more, struct kr_error *err);
/*
 * Resolve a user's reference to a session: an exact id, a unique prefix of one, or
 * "latest" (newest date, then newest created). Returns a heap id in *id_out.
 * KR_NOT_FOUND or KR_AMBIGUOUS with a Dutch message naming ref.
 */
enum kr_status kr_store_session_resolve(struct kr_store *st, const char *ref, char **id_out,
                                        struct kr_error *err);
/* The id of the demo session, or KR_NOT_FOUND. */
enum kr_status kr_store_session_demo(struct kr_store *st, char **id_out, struct kr_error *err);

/* ---- tweetallen, participants, visits ---- */

enum kr_status kr_store_tweetal_add(struct kr_store *st, struct kr_tweetal *t,
                                    struct kr_error *err);
enum kr_status kr_store_tweetal_list(struct kr_store *st, const char *session_id,
                                     struct kr_tweetal_list *out, struct kr_error *err);
enum kr_status kr_store_participant_add(struct kr_store *st, struct kr_participant *p,
                                        struct kr_error *err);
enum kr_status kr_store_participant_list(struct kr_store *st, const char *session_id,
                                         struct kr_participant_list *out, struct kr_error *err);

/* Insert; fills v->id when NULL. */
enum kr_status kr_store_visit_add(struct kr_store *st, struct kr_visit *v, struct kr_error *err);
/* Set ended_at of a visit (ISO 8601 with offset). */
enum kr_status kr_store_visit_end(struct kr_store *st, const char *visit_id, const char *ended_at,
                                  struct kr_error *err);
enum kr_status kr_store_visit_get(struct kr_store *st, const char *visit_id, struct kr_visit *out,
                                  struct kr_error *err);
/* The visits of a session by start time, with tweetal_name and note counts. */
enum kr_status kr_store_visit_list(struct kr_store *st, const char *session_id,
                                   struct kr_visit_list *out, struct kr_error *err);

/* ---- observations ---- */

/*
 * Save a new note durably, in one transaction with the first row of its history.
 * Fills o->id (when NULL), o->at (when NULL: now, local with offset), created_at and
 * updated_at. text must be valid UTF-8 (KR_INVALID otherwise, naming the byte).
 */
enum kr_status kr_store_obs_add(struct kr_store *st, struct kr_observation *o,
                                struct kr_error *err);
/* Change text and corner of a note; the old version stays in its history. */
enum kr_status kr_store_obs_edit(struct kr_store *st, const char *id, const char *text,
                                 enum kr_corner corner, struct kr_error *err);
/* Place a note in a corner (history keeps the change). */
enum kr_status kr_store_obs_set_corner(struct kr_store *st, const char *id, enum kr_corner corner,
                                       struct kr_error *err);
/* Record why a flagged note was kept (NULL clears). */
enum kr_status kr_store_obs_set_keep_reason(struct kr_store *st, const char *id, const char *reason,
                                            struct kr_error *err);
/* Soft delete: the note disappears from lists but stays, with its history. */
enum kr_status kr_store_obs_delete(struct kr_store *st, const char *id, struct kr_error *err);
/* Undo a soft delete. */
enum kr_status kr_store_obs_restore(struct kr_store *st, const char *id, struct kr_error *err);
enum kr_status kr_store_obs_get(struct kr_store *st, const char *id, struct kr_observation *out,
                                struct kr_error *err);

/* Notes matching f, by time then id. */
enum kr_status kr_store_obs_list(struct kr_store *st, const struct kr_obs_filter *f,
                                 struct kr_observation_list *out, struct kr_error *err);
/*
 * A bijeenkomst's notes a page at a time (the notes screen on 1,000,000 notes, issue 21):
 * live notes of session_id in the order of kr_store_obs_list, optionally only those matching
 * the FTS5 query `search` and only one corner (corner_only; KR_CORNER_NONE: not placed).
 * kr_store_obs_page appends up to limit notes strictly after the note from_id (NULL: from
 * the first), or with backwards strictly before it (NULL: up to the last), always in list
 * order. Each page costs its own rows, not the session's (an index on the order).
 */
enum kr_status kr_store_obs_page(struct kr_store *st, const struct kr_obs_page_filter *f,
                                 const char *from_id, bool backwards, size_t limit,
                                 struct kr_observation_list *out, struct kr_error *err);
/* How many notes the filter has: the visits' kept counts without search or corner (exact),
 * else counted up to cap + 1 (*out > cap: more than cap). */
enum kr_status kr_store_obs_page_count(struct kr_store *st, const struct kr_obs_page_filter *f,
                                       size_t cap, size_t *out, struct kr_error *err);
/* Every version of a note, oldest first. */
/* Was note id changed on two laptops that had not seen each other's change (its history forks
 * and no later change joined it)? 1 yes, 0 no, -1 on error. The newest change is the note's
 * text; the other stays in the history. */
int kr_store_obs_elsewhere(struct kr_store *st, const char *id);
enum kr_status kr_store_obs_history(struct kr_store *st, const char *id,
                                    struct kr_obs_version_list *out, struct kr_error *err);

/* ---- drafts: the unfinished line of one observer, so a crash loses at most a second ---- */

/*
 * Drafts belong to an observer instance (one running TUI), not to a visit: two TUIs on
 * one visit never see each other's line. Set the instance once after opening (copies
 * id and host; pid says whether it still runs). Without it, drafts use instance "".
 * Drafts are written with synchronous=NORMAL: no fsync while typing (draft.c says why
 * that is durable enough for a draft).
 */
void kr_store_set_instance(struct kr_store *st, const char *id, long pid, const char *host);

/*
 * Who is told the progress of kr_store_import_json and kr_store_merge on this store
 * (kijkronde/progress.h): the notes done of the notes in the file, often, from inside the
 * work. p is borrowed until it is replaced; NULL (the default) tells nobody.
 */
void kr_store_set_progress(struct kr_store *st, const struct kr_progress *p);
/* Store (replace) this instance's draft of a visit; an empty text removes it. */
enum kr_status kr_store_draft_put(struct kr_store *st, const char *visit_id, const char *text,
                                  struct kr_error *err);
/* This instance's draft of a visit in *out (heap, caller frees), or NULL when none. */
enum kr_status kr_store_draft_get(struct kr_store *st, const char *visit_id, char **out,
                                  struct kr_error *err);

/* The drafts of other instances for a visit, newest first. */
enum kr_status kr_store_draft_others(struct kr_store *st, const char *visit_id,
                                     struct kr_draft_list *out, struct kr_error *err);
/*
 * Take over another instance's draft of a visit (it stopped): in one transaction its row
 * goes and its text becomes this instance's draft. *out gets the text (heap), or NULL
 * when the row was gone already (another TUI took it first).
 */
enum kr_status kr_store_draft_take(struct kr_store *st, const char *from_instance,
                                   const char *visit_id, char **out, struct kr_error *err);

/*
 * Enter in the round: the note (as kr_store_obs_add) and the removal of this instance's
 * draft of its visit in one transaction, so one commit and one fsync per note.
 */
enum kr_status kr_store_obs_add_from_draft(struct kr_store *st, struct kr_observation *o,
                                           struct kr_error *err);

/*
 * Index the notes saved since the last catch-up for search (src/store/search_index.c), when
 * at least at_least of them wait: a note is not indexed inside its Enter. No write when fewer
 * wait. Called with KR_SEARCH_BATCH when the typing pauses, with 1 before every search, at
 * open and at the end; the searches go on when it fails (a full disk, a busy file): what
 * waits is found after the next catch-up that succeeds.
 */
#define KR_SEARCH_BATCH 64
enum kr_status kr_store_search_catch_up(struct kr_store *st, long at_least, struct kr_error *err);

/* ---- the file under an open store ---- */

/*
 * True while the path the store was opened on is still the open file: same st_dev and
 * st_ino, still linked, not shorter than it was. False (err filled, KR_IO, one Dutch
 * sentence) when the file was deleted, replaced or truncated: a save would then land in a
 * file nobody sees again. Once false, it stays false. Always true for ":memory:".
 */
bool kr_store_file_ok(struct kr_store *st, struct kr_error *err);

/* ---- the shared reflection: what the group decided (schema migration 3) ---- */

/* Every group pattern and placement of a session (appended to the lists, by id). */
enum kr_status kr_store_group_load(struct kr_store *st, const char *session_id,
                                   struct kr_group_pattern_list *patterns,
                                   struct kr_group_note_list *notes, struct kr_error *err);
/* Create (p->id NULL: a new UUID is filled in) or update the corner and label of a group
 * pattern. label must be non-empty UTF-8. */
enum kr_status kr_store_group_pattern_put(struct kr_store *st, const char *session_id,
                                          struct kr_group_pattern *p, struct kr_error *err);
/* Set the extent the group confirmed for group pattern id: "enkele", "sommige", "veel" or
 * "de meeste"; NULL forgets it. KR_INVALID for another word, KR_NOT_FOUND for an unknown id. */
enum kr_status kr_store_group_pattern_extent(struct kr_store *st, const char *id,
                                             const char *extent, struct kr_error *err);
/* Remove a group pattern; notes pinned to it are unpinned (they keep their corner). */
enum kr_status kr_store_group_pattern_delete(struct kr_store *st, const char *id,
                                             struct kr_error *err);
/* Set the group's placement of a note (corner NONE and pattern_id NULL forget it). */
enum kr_status kr_store_group_note_put(struct kr_store *st, const char *session_id,
                                       const char *observation_id, enum kr_corner corner,
                                       const char *pattern_id, struct kr_error *err);

/* Store the group's notes of a phase (an empty text removes them). */
enum kr_status kr_store_phase_put(struct kr_store *st, const char *session_id, enum kr_phase p,
                                  const char *text, struct kr_error *err);
/* The group's notes of a phase in *out (heap), or NULL when none. */
enum kr_status kr_store_phase_get(struct kr_store *st, const char *session_id, enum kr_phase p,
                                  char **out, struct kr_error *err);

enum kr_status kr_store_toa_put(struct kr_store *st, const char *session_id,
                                const struct kr_theory_of_action *t, struct kr_error *err);
/* Fills *out (all NULL when none was recorded). */
enum kr_status kr_store_toa_get(struct kr_store *st, const char *session_id,
                                struct kr_theory_of_action *out, struct kr_error *err);
/*
 * kr_store_toa_get and _put (schema 8) speak of one version: the chosen one, else the one
 * without a group (id "toa-" + session id), created by _put when missing (and then chosen
 * when no other version is). Its evidence list and group stay as they were.
 */

/* ---- the theory of action per groepje and the next steps (schema migration 8) ---- */

/*
 * Evidence: ids of observations of the session, of the group's patterns (kr_group_pattern)
 * or of computed patterns ("p-" + an observation id). A put refuses any other id (KR_INVALID,
 * a Dutch message naming it) and writes nothing.
 */

/* The live versions of a session, oldest first (created_at, group, id), appended to *out. At most
 * one is chosen: when a merge left two marked, the one changed last. */
enum kr_status kr_store_toa_list(struct kr_store *st, const char *session_id,
                                 struct kr_toa_list *out, struct kr_error *err);
/* Create (v->id NULL: filled in) or update group, clauses, bewijs and evidence of a version
 * (KR_INVALID for an id of another session). */
enum kr_status kr_store_toa_version_put(struct kr_store *st, const char *session_id,
                                        struct kr_toa_version *v, struct kr_error *err);
/* Soft delete; a chosen version stops being chosen. KR_NOT_FOUND for an unknown id. */
enum kr_status kr_store_toa_version_delete(struct kr_store *st, const char *id,
                                           struct kr_error *err);
/* Make version id the school's chosen one (the others of its session stop being chosen);
 * id NULL: none is chosen. KR_NOT_FOUND for an id that is not a live version of session_id. */
enum kr_status kr_store_toa_choose(struct kr_store *st, const char *session_id, const char *id,
                                   struct kr_error *err);

/* The live steps of a session by position (then created_at, id), appended to *out. */
enum kr_status kr_store_step_list(struct kr_store *st, const char *session_id,
                                  struct kr_next_step_list *out, struct kr_error *err);
/* Create (s->id NULL: filled in, placed last) or update text, actor, horizon and evidence
 * (KR_INVALID for an id of another session). */
enum kr_status kr_store_step_put(struct kr_store *st, const char *session_id,
                                 struct kr_next_step *s, struct kr_error *err);
/* Soft delete. KR_NOT_FOUND for an unknown id. */
enum kr_status kr_store_step_delete(struct kr_store *st, const char *id, struct kr_error *err);
/* Put the steps ids[0..n) first, in that order (the others keep their order after them).
 * KR_NOT_FOUND, changing nothing, when an id is not a live step of session_id. */
enum kr_status kr_store_step_reorder(struct kr_store *st, const char *session_id,
                                     const char *const *ids, size_t n, struct kr_error *err);
/* Record the follow-up of step id at the later bijeenkomst session_id with status and a
 * sentence (text may be NULL). status KR_FOLLOW_NONE clears it (session_id, text ignored).
 * KR_NOT_FOUND for an unknown step or session. */
enum kr_status kr_store_step_follow_up(struct kr_store *st, const char *id, const char *session_id,
                                       enum kr_follow_status status, const char *text,
                                       struct kr_error *err);

#endif
