/* SPDX-License-Identifier: MIT */
/*
 * The plain records beyond model.h that the store fills and the screens show: the filters
 * of a notes list, drafts of other observers, the group's decisions in the reflection, the
 * debrief (phases, theory of action, next steps and their follow-up), networks, and what an
 * import, merge or sync did. Core types: no function here touches a database
 * (src/core/records.c), so the TUI, the command line and the application layer
 * (kijkronde/app.h) can use them without a store header.
 */
#ifndef KR_RECORDS_H
#define KR_RECORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "kijkronde/model.h"

/* Which notes a list returns. */
struct kr_obs_filter {
    const char *session_id; /* one of session_id / visit_id must be set */
    const char *visit_id;
    bool include_deleted;
    const char *search; /* FTS5 full-text query over the text, or NULL */
};

/* Which notes a page of the notes screen returns (kr_store_obs_page says how). */
struct kr_obs_page_filter {
    const char *session_id;
    const char *search;
    bool corner_only;
    enum kr_corner corner;
};

/* A draft of another instance (kr_store_draft_others). */
struct kr_draft {
    char *instance, *text, *updated_at, *host; /* host NULL when unknown (older drafts) */
    long pid;                                  /* 0 when unknown */
};
KR_LIST(kr_draft_list, struct kr_draft);
void kr_draft_list_fini(struct kr_draft_list *l);

/*
 * A pattern the group made its own (renamed, merged, split, or moved a note into). Its
 * notes are pinned to it, so recomputing the patterns never moves them.
 */
struct kr_group_pattern {
    char *id; /* UUID */
    enum kr_corner corner;
    char *label;
    char *extent; /* the extent the group confirmed ("enkele" ... "de meeste"), or NULL (load) */
};

/* The group's placement of one note. */
struct kr_group_note {
    char *observation_id;
    enum kr_corner corner; /* the group's corner; NONE = as the observer (or the guess) had it */
    char *pattern_id;      /* the group pattern it is pinned to, or NULL */
};

KR_LIST(kr_group_pattern_list, struct kr_group_pattern);
KR_LIST(kr_group_note_list, struct kr_group_note);
void kr_group_pattern_list_fini(struct kr_group_pattern_list *l);
void kr_group_note_list_fini(struct kr_group_note_list *l);

/* The four phases of the debrief, in order. */
enum kr_phase {
    KR_PHASE_BESCHRIJVEN,
    KR_PHASE_ANALYSEREN,
    KR_PHASE_VOORSPELLEN,
    KR_PHASE_VOLGENDE_STAP,
};
#define KR_PHASE_COUNT 4
/* "beschrijven", "analyseren", "voorspellen", "volgende-stap". Static storage. */
const char *kr_phase_str(enum kr_phase p);
/* The Dutch title and the guiding question of a phase. Static storage. */
const char *kr_phase_title(enum kr_phase p);
const char *kr_phase_question(enum kr_phase p);

/* The theory of action: "Als de schoolleiding [schoolleiding], dan kunnen leraren [leraren],
 * waardoor leerlingen [leerlingen] (waar te zien aan: [bewijs])". Fields may be NULL. */
struct kr_theory_of_action {
    char *schoolleiding, *leraren, *leerlingen, *bewijs;
};
void kr_theory_of_action_fini(struct kr_theory_of_action *t);

/* One groepje's theory of action. */
struct kr_toa_version {
    char *id;    /* UUID; NULL on put: a new one is filled in */
    char *group; /* the groepje's name ("Groepje 1"), or NULL */
    char *schoolleiding, *leraren, *leerlingen, *bewijs; /* may be NULL */
    char **evidence;                                     /* cited ids, in order */
    size_t n_evidence;
    bool chosen; /* the school's chosen version (read only: set with kr_store_toa_choose) */
    char *created_at, *updated_at; /* filled by list */
};
KR_LIST(kr_toa_list, struct kr_toa_version);
void kr_toa_version_fini(struct kr_toa_version *v);
void kr_toa_list_fini(struct kr_toa_list *l);

/* Who takes a next step. */
enum kr_actor { KR_ACTOR_SCHOOLLEIDING, KR_ACTOR_LERAREN, KR_ACTOR_TEAM, KR_ACTOR_NETWERK };
#define KR_ACTOR_COUNT 4
/* By when. */
enum kr_horizon { KR_HORIZON_WEEK, KR_HORIZON_MAAND, KR_HORIZON_SCHOOLJAAR };
#define KR_HORIZON_COUNT 3
/* What became of it at a later bijeenkomst. */
enum kr_follow_status {
    KR_FOLLOW_NONE, /* not followed up yet */
    KR_FOLLOW_GEDAAN,
    KR_FOLLOW_BEZIG,
    KR_FOLLOW_NIET_GEDAAN,
};
/* "schoolleiding", "leraren", "team", "netwerk" / "week", "maand", "schooljaar" / "",
 * "gedaan", "bezig", "niet-gedaan": the stored and JSON words. Static storage. */
const char *kr_actor_str(enum kr_actor a);
const char *kr_horizon_str(enum kr_horizon h);
const char *kr_follow_status_str(enum kr_follow_status f);
/* Parse those words; false (out untouched) for anything else, NULL included. */
bool kr_actor_parse(const char *s, enum kr_actor *out);
bool kr_horizon_parse(const char *s, enum kr_horizon *out);
bool kr_follow_status_parse(const char *s, enum kr_follow_status *out);
/* Dutch for readers: "Schoolleiding" / "volgende week", "deze maand", "dit schooljaar" /
 * "gedaan", "bezig", "niet gedaan". Static storage. */
const char *kr_actor_title(enum kr_actor a);
const char *kr_horizon_title(enum kr_horizon h);
const char *kr_follow_status_title(enum kr_follow_status f);

/* One step of the next level of work. */
struct kr_next_step {
    char *id;   /* UUID; NULL on put: a new one is filled in */
    char *text; /* required, non-empty */
    enum kr_actor actor;
    enum kr_horizon horizon;
    char **evidence; /* cited ids, in order */
    size_t n_evidence;
    long position; /* order within the session (list fills; put of a new step appends) */
    /* The follow-up (read only here: set with kr_store_step_follow_up). */
    char *follow_up_session; /* id of the later bijeenkomst, NULL when not followed up */
    enum kr_follow_status follow_up_status;
    char *follow_up_text; /* the group's sentence, or NULL */
    char *follow_up_at;   /* UTC time it was recorded */
    char *created_at, *updated_at;
};
KR_LIST(kr_next_step_list, struct kr_next_step);
void kr_next_step_fini(struct kr_next_step *s);
void kr_next_step_list_fini(struct kr_next_step_list *l);

/* ---- networks ---- */

/* The longest network name, in characters (code points). */
#define KR_NETWORK_NAME_MAX 200

/* A network with what the start screen shows of it. */
struct kr_network_info {
    char *id, *name;
    char *created_at, *updated_at; /* UTC */
    long n_sessions;               /* live bijeenkomsten */
    long n_schools;                /* distinct host schools among them (NULL not counted) */
    long n_observations;           /* live notes of those bijeenkomsten */
    long n_open_steps;             /* live next steps without a follow-up */
    char *first_date, *last_date;  /* YYYY-MM-DD of its first and last bijeenkomst, or NULL */
};
KR_LIST(kr_network_info_list, struct kr_network_info);
void kr_network_info_fini(struct kr_network_info *n);
void kr_network_info_list_fini(struct kr_network_info_list *l);

/* One bijeenkomst of a network, as its overview lists it. */
struct kr_network_session {
    char *id, *date, *kind; /* kind: start | aftrap | vervolg | afronding */
    char *host_school;      /* may be NULL */
    char *kijkvraag;        /* the kijkvraag text */
    long n_visits, n_observations;
    long n_steps, n_open_steps; /* live next steps, and those without a follow-up */
};
KR_LIST(kr_network_session_list, struct kr_network_session);
void kr_network_session_fini(struct kr_network_session *s);
void kr_network_session_list_fini(struct kr_network_session_list *l);

/* A next step of an earlier bijeenkomst, to be followed up at a later one. */
struct kr_open_step {
    struct kr_next_step step; /* with its follow-up as far as recorded */
    char *session_id;         /* the bijeenkomst it was set at */
    char *session_date;       /* its date */
    char *host_school;        /* its host school, or NULL */
    bool same_school;         /* set at the host school of the later bijeenkomst */
    bool here;                /* its follow-up was recorded at the later bijeenkomst itself */
};
KR_LIST(kr_open_step_list, struct kr_open_step);
void kr_open_step_fini(struct kr_open_step *s);
void kr_open_step_list_fini(struct kr_open_step_list *l);

/* What an import or merge added (new) and changed (updated): filled by the store
 * (kijkronde/store_exchange.h), reported by the command line through kijkronde/app.h. */
struct kr_exchange_stats {
    long sessions_new, visits_new, observations_new;
    long observations_updated; /* an existing note got a newer version (or was deleted) */
    long versions_new;         /* history rows added */
    /* Rows that were there and got the other side's newer data: a bijeenkomst, a bezoek
     * (its label, subject, times), a tweetal (its name). */
    long sessions_updated, visits_updated, tweetallen_updated;
    long tweetallen_new;
    long other_changed;            /* networks, participants and the reflection: added or changed */
    long debrief_changed;          /* theories of action and next steps added or changed */
    long observations_new_deleted; /* of observations_new: deleted ones (their history) */
};

/* What one sync did (kijkronde/sync.h). */
struct kr_sync_stats {
    long sent;     /* rows of this laptop written to a new chunk (0: no chunk written) */
    long chunks;   /* chunks of other laptops applied */
    long received; /* rows of those chunks that changed this database */
    long waiting;  /* chunks not complete yet (half copied): read next time */
    long corrupt;  /* chunks that are damaged: named in the problems, skipped */
    long laptops;  /* laptops that write in DIR, this one included */
};

/* A damaged chunk, reported by the sync and never applied. */
typedef void (*kr_sync_problem_fn)(void *ctx, const char *path, const char *why);

#endif
