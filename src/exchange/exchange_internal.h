/* SPDX-License-Identifier: MIT */
/* Internals of src/exchange/: the summary as loaded from the store, and its writers. */
#ifndef KR_EXCHANGE_INTERNAL_H
#define KR_EXCHANGE_INTERNAL_H

#include <stdio.h>

#include "kijkronde/exchange.h"
#include "kijkronde/model.h"

/* One bijeenkomst, ready to be written: names already pseudonymised when asked. */
struct kr_summary {
    struct kr_session session;
    struct kr_visit_list visits;
    struct kr_observation_list obs; /* live notes by time */
    struct kr_export_opts opts;
};

enum kr_status kr_summary_load(struct kr_store *st, const char *session_id,
                               const struct kr_export_opts *opts, struct kr_summary *out,
                               struct kr_error *err);
void kr_summary_fini(struct kr_summary *s);

void kr_summary_write_md(const struct kr_summary *s, FILE *out);
void kr_summary_write_html(const struct kr_summary *s, FILE *out);
void kr_summary_write_csv(const struct kr_summary *s, char sep, FILE *out);

#endif
