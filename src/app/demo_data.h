/* SPDX-License-Identifier: MIT */
/*
 * The demo bijeenkomst as plain data: one network, one host school, one kijkvraag,
 * the tweetallen, their classroom visits and the notes written during those visits.
 * demo.c turns this into store calls; nothing here touches the database.
 */
#ifndef KR_DEMO_DATA_H
#define KR_DEMO_DATA_H

#include <stddef.h>

struct kr_demo_session {
    const char *network;     /* name of the begeleid leernetwerk */
    const char *host_school; /* ontvangende school (fictional) */
    const char *date;        /* YYYY-MM-DD */
    const char
        *basisvaardigheid;      /* taal | rekenen-wiskunde | burgerschap | digitale-geletterdheid */
    const char *ontwikkelvraag; /* the host school's improvement question */
    const char *kijkvraag_id;   /* id in kijkvragen/ or NULL */
    const char *kijkvraag;      /* the kijkvraag text */
    const char *utc_offset;     /* "+01:00" (winter) or "+02:00" */
};

struct kr_demo_person {
    const char *name;   /* first name or initials only */
    const char *role;   /* schoolleider, intern begeleider, leraar, rekencoördinator, ... */
    const char *school; /* visiting school (fictional) */
};

struct kr_demo_tweetal {
    const char *name; /* "Tweetal 1" */
    struct kr_demo_person members[2];
};

struct kr_demo_visit {
    const char *key;     /* short key used by notes, e.g. "g5" */
    int tweetal;         /* index into kr_demo_tweetallen */
    const char *label;   /* "groep 5" */
    const char *subject; /* "rekenen" or NULL */
    const char *start;   /* "09:10" local time */
    const char *end;     /* "09:35" */
};

struct kr_demo_note {
    const char *visit;  /* kr_demo_visit.key */
    const char *time;   /* "09:14:05" local time, inside the visit */
    const char *text;   /* the note as typed */
    const char *corner; /* "leerling" | "leraar" | "leerinhoud" | NULL (not placed) */
    int observer;       /* 0 or 1: which member of the visit's tweetal typed it */
};

/* The end of the demo's debrief: notes are cited as "visit-key time" ("g3 09:19:10"). */
#define KR_DEMO_MAX_EVIDENCE 6
struct kr_demo_toa {
    const char *group; /* "Groepje 1" */
    const char *schoolleiding, *leraren, *leerlingen, *bewijs;
    int chosen;                                 /* the school's chosen version */
    const char *evidence[KR_DEMO_MAX_EVIDENCE]; /* NULL-terminated when shorter */
};
struct kr_demo_step {
    const char *text;
    const char *actor;   /* schoolleiding | leraren | team | netwerk */
    const char *horizon; /* week | maand | schooljaar */
    const char *evidence[KR_DEMO_MAX_EVIDENCE];
};

/* An extent the group confirmed in analyseren: the pattern that holds the cited note. */
struct kr_demo_extent {
    const char *note;   /* "visit-key time" */
    const char *extent; /* enkele | sommige | veel | de meeste */
};

extern const struct kr_demo_session kr_demo_session;
extern const struct kr_demo_tweetal kr_demo_tweetallen[];
extern const size_t kr_demo_n_tweetallen;
extern const struct kr_demo_visit kr_demo_visits[];
extern const size_t kr_demo_n_visits;
extern const struct kr_demo_note kr_demo_notes[];
extern const size_t kr_demo_n_notes;
extern const struct kr_demo_toa kr_demo_toas[];
extern const size_t kr_demo_n_toas;
extern const struct kr_demo_step kr_demo_steps[];
extern const size_t kr_demo_n_steps;
extern const struct kr_demo_extent kr_demo_extents[];
extern const size_t kr_demo_n_extents;
extern const char kr_demo_prediction[]; /* the group's answer in voorspellen */

#endif
