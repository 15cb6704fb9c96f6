/* SPDX-License-Identifier: MIT */
/*
 * The domain model of a begeleid leernetwerk as plain C structs: network,
 * bijeenkomst (session), tweetal, participant, classroom visit and observation.
 * Every char * field is a heap string owned by its struct (NULL = not set) and
 * freed by the matching _fini; lists own their items. There is deliberately no
 * field for a child's name and no score or grade for a teacher.
 */
#ifndef KR_MODEL_H
#define KR_MODEL_H

#include <stdbool.h>
#include <stddef.h>

/* The three corners of the didactische driehoek, or none (not placed yet). */
enum kr_corner {
    KR_CORNER_NONE = 0,
    KR_CORNER_LEERLING,
    KR_CORNER_LERAAR,
    KR_CORNER_LEERINHOUD,
};
#define KR_CORNER_COUNT 4

/* The longest note, in characters (code points): the TUI, import and merge hold to it. */
#define KR_NOTE_MAX_CHARS 10000

/* "leerling", "leraar", "leerinhoud", or NULL for KR_CORNER_NONE. Static storage. */
const char *kr_corner_str(enum kr_corner c);
/* Parse a corner name; NULL or "" give NONE. Returns false for an unknown name. */
bool kr_corner_parse(const char *s, enum kr_corner *out);

enum kr_basis {
    KR_BASIS_NONE = 0,
    KR_BASIS_TAAL,
    KR_BASIS_REKENEN, /* rekenen-wiskunde */
    KR_BASIS_BURGERSCHAP,
    KR_BASIS_DIGITAAL, /* digitale-geletterdheid */
};
#define KR_BASIS_COUNT 5

/* "taal", "rekenen-wiskunde", "burgerschap", "digitale-geletterdheid" or NULL. */
const char *kr_basis_str(enum kr_basis b);
/* Parse; NULL or "" give NONE. Returns false for an unknown name. */
bool kr_basis_parse(const char *s, enum kr_basis *out);

/* A begeleid leernetwerk. */
struct kr_network {
    char *id;
    char *name;
};

/* A bijeenkomst / schoolbezoek. */
struct kr_session {
    char *id;
    char *network_id;   /* may be NULL */
    char *network_name; /* filled by reads (join); ignored on insert */
    char *kind;         /* start | aftrap | vervolg | afronding; NULL = vervolg */
    char *date;         /* YYYY-MM-DD */
    char *host_school;  /* ontvangende school, may be NULL */
    enum kr_basis basis;
    char *ontwikkelvraag; /* may be NULL */
    char *kijkvraag_id;   /* id in the library when chosen from it, else NULL */
    char *kijkvraag_text; /* copied at creation: later edits of a YAML file never change history */
    char *kijkpunten;     /* copied kijkpunten, one per line, may be NULL */
    bool is_demo;
    char *created_at, *updated_at; /* UTC, filled by the store */
    /* Counts filled by list/get reads (not stored). */
    long n_visits;
    long n_observations; /* not deleted */
};

/* A tweetal: the pair that observes together during one session. */
struct kr_tweetal {
    char *id;
    char *session_id;
    char *name; /* "Tweetal 1", or the members' names */
};

/* A person taking part in one session (people change between bijeenkomsten). */
struct kr_participant {
    char *id;
    char *session_id;
    char *tweetal_id; /* may be NULL (e.g. the onderwijscoördinator) */
    char *name;       /* first name or initials */
    char
        *role; /* schoolleider, intern begeleider, leraar, onderwijscoördinator, ...; may be NULL */
    char *school; /* may be NULL */
};

/* One classroom visit by a tweetal. */
struct kr_visit {
    char *id;
    char *session_id;
    char *tweetal_id;    /* may be NULL */
    char *tweetal_name;  /* filled by reads (join): the contract's "pair" */
    char *label;         /* "groep 5", "klas 2b", "gang bij de bibliotheek" */
    char *subject;       /* vak, may be NULL */
    char *started_at;    /* ISO 8601 with offset, may be NULL */
    char *ended_at;      /* ISO 8601 with offset, may be NULL */
    long n_observations; /* filled by reads */
};

/* One note: what was seen or heard, with its wall-clock time. */
struct kr_observation {
    char *id;
    char *visit_id;
    char *at; /* ISO 8601 local time with offset */
    char *text;
    enum kr_corner corner; /* the observer's placement, NONE when not placed */
    char *observer;        /* first name or initials, may be NULL */
    char *keep_reason;     /* why a flagged note was kept anyway, may be NULL */
    char *created_at, *updated_at, *deleted_at; /* UTC; deleted_at NULL unless soft-deleted */
};

/* One version of a note in its history; nothing is ever overwritten. */
struct kr_obs_version {
    char *id;
    char *observation_id;
    char *at;     /* UTC time of the change */
    char *change; /* aangemaakt | bewerkt | verwijderd | hersteld */
    char *text;
    enum kr_corner corner;
};

#define KR_LIST(name, type)                                                                        \
    struct name {                                                                                  \
        type *items;                                                                               \
        size_t n, cap;                                                                             \
    }
KR_LIST(kr_session_list, struct kr_session);
KR_LIST(kr_tweetal_list, struct kr_tweetal);
KR_LIST(kr_participant_list, struct kr_participant);
KR_LIST(kr_visit_list, struct kr_visit);
KR_LIST(kr_observation_list, struct kr_observation);
KR_LIST(kr_obs_version_list, struct kr_obs_version);

void kr_network_fini(struct kr_network *n);
void kr_session_fini(struct kr_session *s);
void kr_tweetal_fini(struct kr_tweetal *t);
void kr_participant_fini(struct kr_participant *p);
void kr_visit_fini(struct kr_visit *v);
void kr_observation_fini(struct kr_observation *o);
void kr_obs_version_fini(struct kr_obs_version *v);

void kr_session_list_fini(struct kr_session_list *l);
void kr_tweetal_list_fini(struct kr_tweetal_list *l);
void kr_participant_list_fini(struct kr_participant_list *l);
void kr_visit_list_fini(struct kr_visit_list *l);
void kr_observation_list_fini(struct kr_observation_list *l);
void kr_obs_version_list_fini(struct kr_obs_version_list *l);

/* Deep copy of o into *dst (dst's old contents are not freed). */
void kr_observation_copy(struct kr_observation *dst, const struct kr_observation *o);

#endif
