/* SPDX-License-Identifier: MIT */
/*
 * Networks (begeleide leernetwerken) as a thing of their own in the store: list, find,
 * create, rename and soft-delete a network, move a bijeenkomst to another network, the
 * bijeenkomsten of a network in date order, and the follow-up of next steps: the open steps
 * of the earlier bijeenkomsten of a network, shown when a later one opens, and recording
 * what became of a step at that later bijeenkomst (schema: the network table, with updated
 * and deleted times; session.network_id points to it).
 *
 * Names: a live network's name is unique (create and rename refuse a name in use); a merge
 * that brings a second network of the same name folds it into the oldest one (see
 * kr_store_network_unify). In kijkronde/1 JSON a session carries its network's name
 * ("network") and id ("network_id"); an import finds the network by id, else by name.
 *
 * Strings passed in are copied; lists filled belong to the caller (the _fini below).
 */
#ifndef KR_NETWORK_H
#define KR_NETWORK_H

#include <stdbool.h>

#include "kijkronde/model.h"
#include "kijkronde/records.h"
#include "kijkronde/status.h"
#include "kijkronde/store.h"

/* Every live network with counts, by name (byte order), then created_at, id; appended. */
enum kr_status kr_store_network_list(struct kr_store *st, struct kr_network_info_list *out,
                                     struct kr_error *err);
/* One live network by exact id, with counts. KR_NOT_FOUND when absent or deleted. */
enum kr_status kr_store_network_get(struct kr_store *st, const char *id,
                                    struct kr_network_info *out, struct kr_error *err);
/*
 * A user's reference to a network: an exact id, else an exact name, else a unique id
 * prefix (deleted networks never match). *id_out gets a heap id. KR_NOT_FOUND or
 * KR_AMBIGUOUS with a Dutch sentence naming ref.
 */
enum kr_status kr_store_network_resolve(struct kr_store *st, const char *ref, char **id_out,
                                        struct kr_error *err);
/*
 * Create a network called name (copied; NFC, surrounding spaces trimmed). *id_out (may be
 * NULL) gets its new heap id. KR_INVALID for an empty, too long, non-UTF-8 name or one with
 * control characters; KR_EXISTS when a live network already has that name.
 */
enum kr_status kr_store_network_create(struct kr_store *st, const char *name, char **id_out,
                                       struct kr_error *err);
/* Rename network id (the same checks as create; its own name again is fine). */
enum kr_status kr_store_network_rename(struct kr_store *st, const char *id, const char *name,
                                       struct kr_error *err);
/* Soft-delete an empty network (KR_INVALID while it has live bijeenkomsten). */
enum kr_status kr_store_network_delete(struct kr_store *st, const char *id, struct kr_error *err);
/*
 * Move bijeenkomst session_id to network network_id (NULL: to no network). KR_NOT_FOUND for
 * an unknown (or deleted) session or network. Its next steps and their follow-ups stay.
 */
enum kr_status kr_store_session_move(struct kr_store *st, const char *session_id,
                                     const char *network_id, struct kr_error *err);
/*
 * Fold live networks of the same name into the oldest (created_at, then id): sessions move
 * to it, the others are soft-deleted. Run by the migration that made networks their own and
 * after a merge; running it twice changes nothing.
 */
enum kr_status kr_store_network_unify(struct kr_store *st, struct kr_error *err);

/* The live bijeenkomsten of network id by date, then created_at, id; appended to *out.
 * KR_NOT_FOUND for an unknown network. */
enum kr_status kr_store_network_sessions(struct kr_store *st, const char *id,
                                         struct kr_network_session_list *out, struct kr_error *err);

/*
 * The steps to follow up when bijeenkomst session_id opens: the live next steps of the
 * earlier bijeenkomsten of its network (an earlier date, or the same date and created
 * before it) that have no follow-up yet, are "bezig" from a bijeenkomst before this one,
 * or were followed up at this one (here = true, so the screen shows what the group said).
 * Those of its own host school first, then the others; within each the newest bijeenkomst
 * first, then the step's position. Appended to *out; empty for a session without network.
 * KR_NOT_FOUND for an unknown session.
 */
enum kr_status kr_store_network_open_steps(struct kr_store *st, const char *session_id,
                                           struct kr_open_step_list *out, struct kr_error *err);
/*
 * Record at bijeenkomst session_id what became of step step_id (status and a sentence,
 * text may be NULL): as kr_store_step_follow_up, but only for a step of an earlier
 * bijeenkomst of the same network (KR_INVALID otherwise, a Dutch sentence saying why).
 * KR_FOLLOW_NONE clears a follow-up recorded at session_id.
 */
enum kr_status kr_store_network_follow_up(struct kr_store *st, const char *step_id,
                                          const char *session_id, enum kr_follow_status status,
                                          const char *text, struct kr_error *err);
/* Whether the follow-up came up for bijeenkomst session_id on this laptop (table
 * followup_seen, never synced); and record that it did (src/store/local.c). */
enum kr_status kr_store_followup_seen(struct kr_store *st, const char *session_id, bool *seen,
                                      struct kr_error *err);
enum kr_status kr_store_followup_mark_seen(struct kr_store *st, const char *session_id,
                                           struct kr_error *err);

#endif
