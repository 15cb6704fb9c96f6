/* SPDX-License-Identifier: MIT */
/*
 * The network over time for the coordinator: its bijeenkomsten in date order, the patterns
 * that recur across them (include/kijkronde/recurring.h) with their evidence, and every next
 * step with its follow-up, as the contract's `network --json`, as Markdown, or as one
 * self-contained HTML file with an inline SVG of the network (bijeenkomsten across,
 * recurring patterns down, next steps with their follow-up). Lives in src/exchange/.
 *
 * The same privacy rules as the session summary: judging notes are never shown nor counted
 * in a recurring pattern, names of people in every text are replaced (kr_names_replace), and
 * with pseudonymise the host schools become "School A", "School B", ... (in date order of
 * their first bijeenkomst) and the network's name "het netwerk", also inside texts.
 */
#ifndef KR_NETWORK_REPORT_H
#define KR_NETWORK_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "kijkronde/exchange.h"
#include "kijkronde/status.h"
#include "kijkronde/store.h"

/*
 * Write the report of network network_id (exact id) in format f (md, html or json; csv and
 * xlsx give KR_INVALID) to out. opts may be NULL; only opts->pseudonymise is read. KR_NOT_FOUND
 * for an unknown network, KR_IO when writing fails.
 */
enum kr_status kr_export_network(struct kr_store *st, const char *network_id,
                                 enum kr_export_format f, const struct kr_export_opts *opts,
                                 FILE *out, struct kr_error *err);
/* As kr_export_network into path, through a temporary file renamed into place. */
enum kr_status kr_export_network_file(struct kr_store *st, const char *network_id,
                                      enum kr_export_format f, const struct kr_export_opts *opts,
                                      const char *path, struct kr_error *err);

/* The network for a reader in a terminal (`kijkronde network NETWORK`): Dutch text. */
enum kr_status kr_network_write_text(struct kr_store *st, const char *network_id, FILE *out,
                                     struct kr_error *err);

#endif
