/* SPDX-License-Identifier: MIT */
/* Internals of the network report (src/exchange/netreport*.c): the network as loaded. */
#ifndef KR_NETREPORT_H
#define KR_NETREPORT_H

#include <stdio.h>

#include "kijkronde/network.h"
#include "kijkronde/network_report.h"
#include "kijkronde/recurring.h"
#include "kijkronde/reflection.h"

/* One bijeenkomst of the network, texts as they reach the reader. */
struct kr_netrep_session {
    struct kr_network_session s;    /* as stored (host_school, kijkvraag: the real ones) */
    char *host;                     /* shown host school ("School A" with pseudonyms), or NULL */
    char *kijkvraag;                /* shown kijkvraag */
    char code[24];                  /* "B1", "B2", ...: its short name in the picture */
    struct kr_reflection refl;      /* its notes and patterns with the group's decisions */
    struct kr_pattern_note *pnotes; /* refl.obs as pattern notes (flagged = judging) */
    struct kr_next_step_list steps; /* its next steps (text, follow-up text as shown) */
};

/* A follow-up's bijeenkomst, found in the network. */
struct kr_netrep_step_ref {
    size_t session; /* the step's bijeenkomst */
    size_t step;    /* index in its steps */
    size_t follow;  /* the bijeenkomst of its follow-up, or SIZE_MAX (none, or not in it) */
};

/* A name replaced in every text with pseudonyms ("De Klimop" -> "School A"). */
struct kr_netrep_swap {
    char *from, *to;
};

struct kr_netrep {
    struct kr_network_info info;
    char *name; /* shown name ("het netwerk" with pseudonyms) */
    bool pseudonymise;
    struct kr_netrep_session *sessions; /* in date order */
    size_t n_sessions;
    struct kr_recurring_result rec;   /* over sessions, in their order */
    char **rec_statement;             /* per recurring pattern: the statement as shown */
    struct kr_netrep_step_ref *steps; /* every step in session order, then position */
    size_t n_steps;
    size_t n_judging;             /* judging notes left out */
    struct kr_netrep_swap *swaps; /* longest first */
    size_t n_swaps;
};

/* Load network_id. *out belongs to the caller (kr_netrep_fini), also after an error. */
enum kr_status kr_netrep_load(struct kr_store *st, const char *network_id, bool pseudonymise,
                              struct kr_netrep *out, struct kr_error *err);
void kr_netrep_fini(struct kr_netrep *r);

/* The shown text of a note of a session (names replaced, pseudonyms): heap. */
char *kr_netrep_note_text(const struct kr_netrep *r, size_t session, size_t note);
/* The session index of a follow-up's session id, SIZE_MAX when not in the network. */
size_t kr_netrep_session_of(const struct kr_netrep *r, const char *id);

void kr_netrep_write_json(const struct kr_netrep *r, FILE *out);
void kr_netrep_write_md(const struct kr_netrep *r, FILE *out);
void kr_netrep_write_html(const struct kr_netrep *r, FILE *out);
void kr_netrep_write_text(const struct kr_netrep *r, FILE *out);
/* The picture: bijeenkomsten across, recurring patterns and next steps down (netreport_svg.c). */
void kr_netrep_write_svg(const struct kr_netrep *r, FILE *out);

#endif
