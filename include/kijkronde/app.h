/* SPDX-License-Identifier: MIT */
/*
 * The application layer: what a user of kijkronde does, between the screens (src/ui) and
 * the command line (src/cli) above and the modules (store, text, reflection, exchange)
 * below. One struct kr_app is opened once per run (kr_cli_app, src/cli/cli.c) and handed to
 * the commands and the screens instead of the store; it owns
 *
 *   - the store (the database; no screen or command sees it or a store header),
 *   - the one zonder-oordeel checker, made on first use with the network lexicon policy
 *     below, and the corner classifier,
 *   - undo: every undoable use case remembers how to take itself back (kr_app_undo),
 *   - the pending-notes queue: notes the database refused (busy, full, read-only) wait
 *     here, in order, until a retry saves them or they go to the recovery file.
 *
 * A use case that needs a transaction begins and ends it itself: the screens never do.
 * Every function returns what the store returns (KR_OK, or an error in err with a Dutch
 * sentence); strings passed in are copied; what a read fills belongs to the caller, who
 * releases it with the matching _fini of model.h or records.h.
 *
 * The network lexicon policy (docs/oordeel.md, "Het lexicon van je netwerk"): the checker
 * is the built-in lexicon with the system's and the network's oordeel.yaml on top
 * (kr_checker_new_network), as `kijkronde check` without --lexicon and the exports use it.
 * When one of those files is broken the TUI says so once and checks with the built-in
 * lexicon alone, rather than not at all; only when even that fails is there no check
 * (kr_app_checker returns NULL, the notes are then shown unflagged).
 */
#ifndef KR_APP_H
#define KR_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "kijkronde/corner.h"
#include "kijkronde/exchange.h"
#include "kijkronde/model.h"
#include "kijkronde/progress.h"
#include "kijkronde/records.h"
#include "kijkronde/reflection.h"
#include "kijkronde/status.h"

struct kr_app;
struct kr_checker;

/* ---- open and close (app.c) ---- */

/* Open the database at path (as the store opens it: created when missing, schema brought up
 * to date; ":memory:" for tests) and the app on it. */
enum kr_status kr_app_open(const char *path, struct kr_app **out, struct kr_error *err);
/* Close the app and its database; NULL does nothing. */
void kr_app_close(struct kr_app *app);
/* The path the database was opened with (borrowed). */
const char *kr_app_path(const struct kr_app *app);
/* An interactive observer: saves wait at most ms for another program's lock (the TUI
 * uses 200 ms so the screen never freezes), and the drafts are this observer's own
 * (a new instance id, with pid and host). */
void kr_app_be_observer(struct kr_app *app, int busy_ms, const char *host);
/* True while the file under the app is still the open database (not deleted, replaced or
 * truncated); false with err (may be NULL) filled. */
bool kr_app_file_ok(struct kr_app *app, struct kr_error *err);

/* ---- the checker and the classifier (app.c) ---- */

/* The checker (policy above), made on first use; NULL when none could be made. The call
 * that makes it fills err (when not NULL) if the network's lexicon was broken (the checker
 * returned is then the built-in one) or no checker could be made (NULL returned); later
 * calls leave err alone. */
struct kr_checker *kr_app_checker(struct kr_app *app, struct kr_error *err);
/* Has the checker been made (or tried)? A screen can then draw before it is made (its word
 * lists take about 0.2 s) and mark the notes a moment later (issue 21). */
bool kr_app_checker_ready(const struct kr_app *app);
/* The corner the classifier suggests for text[0..len) (NONE for blank text). */
enum kr_corner kr_app_suggest_corner(struct kr_app *app, const char *text, size_t len);

/* ---- notes (notes.c) ---- */

/* Save a new note durably (o->id, at, created_at filled; see kr_store_obs_add); undoable. */
enum kr_status kr_app_note_add(struct kr_app *app, struct kr_observation *o, struct kr_error *err);
/* Save a note of an earlier run read back from a recovery file (as kr_app_note_add, but not
 * undoable: it was typed and confirmed before this run began). */
enum kr_status kr_app_note_recover(struct kr_app *app, struct kr_observation *o,
                                   struct kr_error *err);
/* Enter in the round: the note and the removal of this observer's draft of its visit in one
 * transaction; undoable. */
enum kr_status kr_app_note_add_typed(struct kr_app *app, struct kr_observation *o,
                                     struct kr_error *err);
/* Change the text of note o (its corner stays); the old text stays in its history. Nothing
 * happens for the same text. Undoable (the text and corner of o before). */
enum kr_status kr_app_note_edit(struct kr_app *app, const struct kr_observation *o,
                                const char *text, struct kr_error *err);
/* Place note o in corner c (NONE: loose again); nothing for its own corner. Undoable. */
enum kr_status kr_app_note_place(struct kr_app *app, const struct kr_observation *o,
                                 enum kr_corner c, struct kr_error *err);
/* Record why a flagged note stays as it is (NULL clears). */
enum kr_status kr_app_note_keep(struct kr_app *app, const char *id, const char *reason,
                                struct kr_error *err);
/* Delete note o softly (it stays in the history); undoable. */
enum kr_status kr_app_note_delete(struct kr_app *app, const struct kr_observation *o,
                                  struct kr_error *err);
/* Notes matching f (a visit's or a bijeenkomst's; search: FTS5 words), by time then id. */
enum kr_status kr_app_notes_list(struct kr_app *app, const struct kr_obs_filter *f,
                                 struct kr_observation_list *out, struct kr_error *err);
/* A page of a bijeenkomst's notes after (before, backwards) from_id; see kr_store_obs_page. */
enum kr_status kr_app_notes_page(struct kr_app *app, const struct kr_obs_page_filter *f,
                                 const char *from_id, bool backwards, size_t limit,
                                 struct kr_observation_list *out, struct kr_error *err);
/* How many notes f has, counted up to cap + 1. */
enum kr_status kr_app_notes_count(struct kr_app *app, const struct kr_obs_page_filter *f,
                                  size_t cap, size_t *out, struct kr_error *err);
/* Was note id changed on two laptops apart? 1 yes, 0 no, -1 on error. */
int kr_app_note_changed_elsewhere(struct kr_app *app, const char *id);

/* ---- undo (notes.c) ---- */

/* What an undoable use case did. */
enum kr_app_undo_kind {
    KR_APP_UNDO_ADD,
    KR_APP_UNDO_EDIT,
    KR_APP_UNDO_DELETE,
    KR_APP_UNDO_PLACE,
    KR_APP_UNDO_SESSION_DELETE,
};
/* The step an undo took back: the note's (or bijeenkomst's) id, and for a bijeenkomst the
 * name the user saw (may be NULL). Heap; kr_app_undone_fini. */
struct kr_app_undone {
    enum kr_app_undo_kind kind;
    char *id, *name;
};
void kr_app_undone_fini(struct kr_app_undone *u);
/* The last 100 steps are kept. Take back the last one: KR_NOT_FOUND (err untouched) when
 * there is none; on a store error the step stays. */
enum kr_status kr_app_undo(struct kr_app *app, struct kr_app_undone *out, struct kr_error *err);
/* Take back the latest deletion of a bijeenkomst, also when notes were changed since (their
 * steps stay to be undone in their own screens). KR_NOT_FOUND when there is none. */
enum kr_status kr_app_undo_session_delete(struct kr_app *app, struct kr_app_undone *out,
                                          struct kr_error *err);
/* With no step of this run to take back: restore the most recently deleted bijeenkomst
 * (session_id NULL) or note of bijeenkomst session_id, also one deleted in an earlier run
 * (kr_store_last_deleted); out->name is what was restored ("OBS De Regenboog 2026-03-12",
 * "09:12 Meisje zegt ..."). KR_NOT_FOUND (err untouched) when nothing is deleted. */
enum kr_status kr_app_restore_last_deleted(struct kr_app *app, const char *session_id,
                                           struct kr_app_undone *out, struct kr_error *err);
/* Forget every step (the end of a run). */
void kr_app_undo_forget(struct kr_app *app);

/* ---- the pending-notes queue (notes.c) ---- */

/* Queue a note the database refused (text and at copied), for visit_id. */
void kr_app_pending_add(struct kr_app *app, const char *visit_id, const char *at, const char *text);
size_t kr_app_pending_count(const struct kr_app *app);
/* The i-th waiting note (borrowed, valid until the queue changes). */
void kr_app_pending_get(const struct kr_app *app, size_t i, const char **visit_id, const char **at,
                        const char **text);
/* Save the waiting notes oldest first (each as kr_app_note_add, undoable) until one fails;
 * returns how many were saved (err: why the next one was not). */
size_t kr_app_pending_retry(struct kr_app *app, struct kr_error *err);
/* Forget the queue (after it went to the recovery file). */
void kr_app_pending_clear(struct kr_app *app);

/* ---- drafts: the unfinished line of this observer (drafts.c) ---- */

enum kr_status kr_app_draft_put(struct kr_app *app, const char *visit_id, const char *text,
                                struct kr_error *err);
enum kr_status kr_app_draft_get(struct kr_app *app, const char *visit_id, char **out,
                                struct kr_error *err);
/* The drafts other observers left of a visit, newest first. */
enum kr_status kr_app_draft_others(struct kr_app *app, const char *visit_id,
                                   struct kr_draft_list *out, struct kr_error *err);
/* Take over a stopped observer's draft (NULL in *out when another took it first). */
enum kr_status kr_app_draft_take(struct kr_app *app, const char *from_instance,
                                 const char *visit_id, char **out, struct kr_error *err);

/* ---- bijeenkomsten (sessions.c) ---- */

enum kr_status kr_app_session_get(struct kr_app *app, const char *id, struct kr_session *out,
                                  struct kr_error *err);
/* A user's reference to a bijeenkomst (an exact id, a unique prefix of one, or "latest"): its
 * id in *id_out (heap); KR_NOT_FOUND or KR_AMBIGUOUS with a Dutch sentence naming ref. */
enum kr_status kr_app_session_resolve(struct kr_app *app, const char *ref, char **id_out,
                                      struct kr_error *err);
/* The bijeenkomsten that are not deleted, newest first, with counts. */
enum kr_status kr_app_sessions_list(struct kr_app *app, struct kr_session_list *out,
                                    struct kr_error *err);
/* The start screen's page of that list: up to limit (0: all) after after_id (NULL: from the
 * first), only id, date, school, demo and the counts (kr_store_session_page). */
enum kr_status kr_app_sessions_page(struct kr_app *app, const char *after_id, size_t limit,
                                    struct kr_session_list *out, bool *more, struct kr_error *err);
/* The new-form (n) or the edit form (w) saved, in one transaction: the network by name
 * (made when new; NULL: none), the bijeenkomst (added, or updated when update, by s->id),
 * and the tweetallen typed as "Anna & Bram; Cees & Dirk" with their members (names already in
 * known are skipped). Nothing is saved when one part fails. */
struct kr_app_session_form {
    struct kr_session *s;                /* filled fields; s->id filled in when added */
    const char *network_name;            /* trimmed, or NULL */
    const char *tweetallen;              /* as typed, or NULL */
    const struct kr_tweetal_list *known; /* may be NULL */
    bool update;
};
enum kr_status kr_app_session_save(struct kr_app *app, const struct kr_app_session_form *f,
                                   struct kr_error *err);
/* Delete a bijeenkomst softly; undoable (name: as the user saw it, for the message). */
enum kr_status kr_app_session_delete(struct kr_app *app, const char *id, const char *name,
                                     struct kr_error *err);
/* Move a bijeenkomst into network network_id (NULL: out of its network). */
enum kr_status kr_app_session_move(struct kr_app *app, const char *session_id,
                                   const char *network_id, struct kr_error *err);

/* ---- tweetallen and visits (sessions.c) ---- */

enum kr_status kr_app_tweetallen(struct kr_app *app, const char *session_id,
                                 struct kr_tweetal_list *out, struct kr_error *err);
/* Begin visit v (session_id, label, subject, started_at filled): by the new tweetal
 * tweetal_name when not NULL (added first), else by v->tweetal_id
 * (its id filled in; kr_app_visit_get reads it back with its tweetal's name). */
enum kr_status kr_app_visit_start(struct kr_app *app, struct kr_visit *v, const char *tweetal_name,
                                  struct kr_error *err);
enum kr_status kr_app_visit_end(struct kr_app *app, const char *visit_id, const char *ended_at,
                                struct kr_error *err);
enum kr_status kr_app_visit_get(struct kr_app *app, const char *visit_id, struct kr_visit *out,
                                struct kr_error *err);
enum kr_status kr_app_visits(struct kr_app *app, const char *session_id, struct kr_visit_list *out,
                             struct kr_error *err);

/* ---- the reflection and the debrief (debrief.c) ---- */

/* The patterns of a bijeenkomst with the group's decisions, notes flagged by the checker
 * (a name alone is no judgement). *out belongs to the caller, also after an error. */
enum kr_status kr_app_reflection_load(struct kr_app *app, const char *session_id,
                                      struct kr_reflection *out, struct kr_error *err);
/* The group's decisions (kijkronde/reflection.h says what each does). */
enum kr_status kr_app_pattern_rename(struct kr_app *app, const struct kr_reflection *r,
                                     size_t pattern, const char *label, struct kr_error *err);
enum kr_status kr_app_pattern_move_note(struct kr_app *app, const struct kr_reflection *r,
                                        size_t note, size_t pattern, struct kr_error *err);
enum kr_status kr_app_pattern_note_corner(struct kr_app *app, const struct kr_reflection *r,
                                          size_t note, enum kr_corner c, struct kr_error *err);
enum kr_status kr_app_pattern_merge(struct kr_app *app, const struct kr_reflection *r, size_t into,
                                    size_t from, struct kr_error *err);
enum kr_status kr_app_pattern_split(struct kr_app *app, const struct kr_reflection *r,
                                    size_t pattern, const size_t *notes, size_t n,
                                    const char *label, struct kr_error *err);
enum kr_status kr_app_pattern_extent(struct kr_app *app, const struct kr_reflection *r,
                                     size_t pattern, const char *extent, struct kr_error *err);

/* The group's notes of a phase (heap or NULL) / store them (empty: removed). */
enum kr_status kr_app_phase_get(struct kr_app *app, const char *session_id, enum kr_phase p,
                                char **out, struct kr_error *err);
enum kr_status kr_app_phase_put(struct kr_app *app, const char *session_id, enum kr_phase p,
                                const char *text, struct kr_error *err);
/* The theory of action (the chosen version) and all versions per groepje. */
enum kr_status kr_app_toa_get(struct kr_app *app, const char *session_id,
                              struct kr_theory_of_action *out, struct kr_error *err);
enum kr_status kr_app_toa_put(struct kr_app *app, const char *session_id,
                              const struct kr_theory_of_action *t, struct kr_error *err);
enum kr_status kr_app_toa_versions(struct kr_app *app, const char *session_id,
                                   struct kr_toa_list *out, struct kr_error *err);
enum kr_status kr_app_toa_version_put(struct kr_app *app, const char *session_id,
                                      struct kr_toa_version *v, struct kr_error *err);
enum kr_status kr_app_toa_version_delete(struct kr_app *app, const char *id, struct kr_error *err);
enum kr_status kr_app_toa_choose(struct kr_app *app, const char *session_id, const char *id,
                                 struct kr_error *err);
/* The next steps: list, put (new or changed), delete, reorder, follow up. */
enum kr_status kr_app_steps(struct kr_app *app, const char *session_id,
                            struct kr_next_step_list *out, struct kr_error *err);
enum kr_status kr_app_step_put(struct kr_app *app, const char *session_id, struct kr_next_step *s,
                               struct kr_error *err);
enum kr_status kr_app_step_delete(struct kr_app *app, const char *id, struct kr_error *err);
enum kr_status kr_app_steps_reorder(struct kr_app *app, const char *session_id,
                                    const char *const *ids, size_t n, struct kr_error *err);
enum kr_status kr_app_step_follow_up(struct kr_app *app, const char *id, const char *session_id,
                                     enum kr_follow_status status, const char *text,
                                     struct kr_error *err);

/* ---- networks and the follow-up of next steps (networks.c) ---- */

enum kr_status kr_app_networks(struct kr_app *app, struct kr_network_info_list *out,
                               struct kr_error *err);
enum kr_status kr_app_network_get(struct kr_app *app, const char *id, struct kr_network_info *out,
                                  struct kr_error *err);
/* A user's reference to a network (an exact id, else an exact name, else a unique id
 * prefix): its id in *id_out (heap); KR_NOT_FOUND or KR_AMBIGUOUS with a Dutch sentence. */
enum kr_status kr_app_network_resolve(struct kr_app *app, const char *ref, char **id_out,
                                      struct kr_error *err);
/* The bijeenkomsten of network id by date; id NULL: those without a network. */
enum kr_status kr_app_network_sessions(struct kr_app *app, const char *id,
                                       struct kr_network_session_list *out, struct kr_error *err);
enum kr_status kr_app_network_create(struct kr_app *app, const char *name, char **id_out,
                                     struct kr_error *err);
enum kr_status kr_app_network_rename(struct kr_app *app, const char *id, const char *name,
                                     struct kr_error *err);
enum kr_status kr_app_network_delete(struct kr_app *app, const char *id, struct kr_error *err);
/* The next steps of earlier bijeenkomsten of session_id's network to follow up at it. */
enum kr_status kr_app_open_steps(struct kr_app *app, const char *session_id,
                                 struct kr_open_step_list *out, struct kr_error *err);
/* Whether the follow-up came up for bijeenkomst session_id on this laptop (also in an
 * earlier run), and record that it did now. */
bool kr_app_followup_seen(struct kr_app *app, const char *session_id);
void kr_app_followup_mark_seen(struct kr_app *app, const char *session_id);
/* Record (KR_FOLLOW_NONE: forget) the follow-up of step_id at bijeenkomst session_id. */
enum kr_status kr_app_follow_up(struct kr_app *app, const char *step_id, const char *session_id,
                                enum kr_follow_status status, const char *text,
                                struct kr_error *err);

/* ---- the demo (demo.c) ---- */

/* Fill the database with the demo bijeenkomst unless it has one (in one transaction, then the
 * extents the group confirmed): *id_out gets its id (heap), *created whether it was made now. */
enum kr_status kr_app_demo_fill(struct kr_app *app, char **id_out, bool *created,
                                struct kr_error *err);

/* ---- the sync folder and the sync (sync.c) ---- */

/* The sync folder of a bijeenkomst (heap, or NULL when none). */
enum kr_status kr_app_sync_folder(struct kr_app *app, const char *session_id, char **dir,
                                  struct kr_error *err);
/* The folder the user typed (a leading ~ is the home folder), checked and made absolute
 * (heap *abs); KR_INVALID or KR_IO with a Dutch sentence when it cannot be a sync folder. */
enum kr_status kr_app_sync_dir_check(const char *typed, char **abs, struct kr_error *err);
/* Give a bijeenkomst the sync folder abs (from kr_app_sync_dir_check; NULL: none); with old,
 * *old (heap, may be NULL) gets the one it had. */
enum kr_status kr_app_sync_folder_set(struct kr_app *app, const char *session_id, const char *abs,
                                      char **old, struct kr_error *err);
/* How many laptops wrote into a sync folder (-1 when it cannot be read). */
long kr_app_sync_laptops(const char *dir);
/* A number that changes when another connection (a sync) changed the database. */
long long kr_app_data_version(struct kr_app *app);
/* Is dir, as given, a folder this process can read and write (kr_sync_dir_check)? KR_INVALID
 * with a Dutch sentence when not. */
enum kr_status kr_app_sync_dir_usable(const char *dir, struct kr_error *err);
/* Exchange every change with the other laptops through the folder dir (kr_store_sync):
 * *stats says what happened; a damaged file of another laptop goes to problem (may be NULL)
 * and is skipped. */
enum kr_status kr_app_sync(struct kr_app *app, const char *dir, struct kr_sync_stats *stats,
                           kr_sync_problem_fn problem, void *ctx, struct kr_error *err);

/* ---- exports, import, merge and the network report (exchange.c) ---- */

/* Export a bijeenkomst to out (kr_export_session). */
enum kr_status kr_app_export(struct kr_app *app, const char *session_id, enum kr_export_format f,
                             const struct kr_export_opts *opts, FILE *out, struct kr_error *err);
/* Export a bijeenkomst into the file path (kr_export_session_file). */
enum kr_status kr_app_export_file(struct kr_app *app, const char *session_id,
                                  enum kr_export_format f, const struct kr_export_opts *opts,
                                  const char *path, struct kr_error *err);
/* Where an export goes by default next to the database (kr_export_default_path). */
char *kr_app_export_default_path(struct kr_app *app, const char *session_id,
                                 enum kr_export_format f, struct kr_error *err);
/* Add the kijkronde/1 JSON json[0..len) (source names it in messages) in one transaction
 * (kr_store_import_json); progress (may be NULL) is told how far it is. */
enum kr_status kr_app_import_json(struct kr_app *app, const char *json, size_t len,
                                  const char *source, const struct kr_progress *progress,
                                  struct kr_exchange_stats *stats, struct kr_error *err);
/* Add everything of the database at other_path (kr_store_merge); progress as above. */
enum kr_status kr_app_merge(struct kr_app *app, const char *other_path,
                            const struct kr_progress *progress, struct kr_exchange_stats *stats,
                            struct kr_error *err);
/* The network report of network id in f (md, html, json) to out, or into the file path
 * (kr_export_network, kr_export_network_file); opts may be NULL. */
enum kr_status kr_app_network_report(struct kr_app *app, const char *id, enum kr_export_format f,
                                     const struct kr_export_opts *opts, FILE *out,
                                     struct kr_error *err);
enum kr_status kr_app_network_report_file(struct kr_app *app, const char *id,
                                          enum kr_export_format f,
                                          const struct kr_export_opts *opts, const char *path,
                                          struct kr_error *err);
/* The network over time as Dutch text to out (kr_network_write_text). */
enum kr_status kr_app_network_text(struct kr_app *app, const char *id, FILE *out,
                                   struct kr_error *err);

#endif
