/* SPDX-License-Identifier: MIT */
/*
 * The zonder-oordeel verdict of a note, kept by the store so an export does not check every
 * note again (issue 21: checking was 40% of a CSV export of 100,000 notes). A kept verdict
 * holds for the note's text (by a hash of it) and for one checker (the key of
 * kr_checker_key: the built-in and the network's lexicons, the version): an edited note or a
 * changed lexicon simply misses, and the caller checks the note again. Nothing in it is
 * user data: losing the table loses only time.
 */
#ifndef KR_JUDGED_H
#define KR_JUDGED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kijkronde/status.h"

struct kr_store;

struct kr_judged {
    char *observation_id;
    uint64_t text_hash; /* kr_judged_text_hash of the text it was checked on */
    bool judging;
};

struct kr_judged_list {
    struct kr_judged *items;
    size_t n, cap;
    size_t *slots, nslots; /* a hash table of items by id (1 + index; 0: empty) */
};

void kr_judged_list_fini(struct kr_judged_list *l);

/* FNV-1a of the text: what a kept verdict is valid for. */
uint64_t kr_judged_text_hash(const char *text);

/* The kept verdicts of checker `key` for the notes of one bijeenkomst. */
enum kr_status kr_store_judged_list(struct kr_store *st, const char *session_id, const char *key,
                                    struct kr_judged_list *out, struct kr_error *err);

/* A note's kept verdict of one checker, read together with the note. */
struct kr_judged_kept {
    uint64_t text_hash; /* as in struct kr_judged */
    bool have;          /* a verdict of that checker is kept for the note */
    bool judging;
};

struct kr_observation_list;

/* The live notes of bijeenkomst session_id as kr_store_obs_list gives them (same order), and
 * in *kept (heap, one per note, free()) the verdict of checker `key` kept for each: one walk
 * instead of the notes and then kr_store_judged_list (issue 21: export speed). */
enum kr_status kr_store_obs_list_judged(struct kr_store *st, const char *session_id,
                                        const char *key, struct kr_observation_list *out,
                                        struct kr_judged_kept **kept, struct kr_error *err);

/* Keep n verdicts of checker `key` (one transaction, not synced: a verdict lost at a power cut
 * is computed again). Replaces what was kept for those notes. */
enum kr_status kr_store_judged_put(struct kr_store *st, const char *key,
                                   const struct kr_judged *items, size_t n, struct kr_error *err);

/* The kept verdict of one note in l (by its hash table), or NULL; valid for the note's text
 * only when its text_hash is kr_judged_text_hash of that text. */
const struct kr_judged *kr_judged_find(const struct kr_judged_list *l, const char *observation_id);

#endif
