/* SPDX-License-Identifier: MIT */
/*
 * The zonder-oordeel checker: finds where an observation judges instead of
 * describes (evaluatief, norm, mening, gedachtelezen, label, generalisatie,
 * oorzaak, vergelijking, ...) and gives a short Dutch hint for a factual rewrite.
 * Its lexicon is YAML data matched on Snowball stems. Lives in src/text/.
 */
#ifndef KR_CHECK_H
#define KR_CHECK_H

#include <stddef.h>

#include "kijkronde/status.h"

struct kr_finding {
    size_t start, end; /* byte offsets into the checked text, end exclusive */
    const char *kind;  /* category, e.g. "evaluatief"; borrowed from the checker */
    const char *hint;  /* Dutch rewrite hint; borrowed from the checker */
};

struct kr_finding_list {
    struct kr_finding *items;
    size_t n, cap;
};

struct kr_checker;

/*
 * A checker with the built-in lexicon, plus the network's own lexicon file when
 * extra_path is non-NULL (entries and allowlist are added). KR_PARSE with
 * file:line:col when that file is invalid.
 */
enum kr_status kr_checker_new(const char *extra_path, struct kr_checker **out,
                              struct kr_error *err);
void kr_checker_free(struct kr_checker *c);

/* As kr_checker_new, with each file of paths (NULL-terminated; NULL for none) added in order. */
enum kr_status kr_checker_new_paths(const char *const *paths, struct kr_checker **out,
                                    struct kr_error *err);

/*
 * The lexicons that extend the built-in one when no other file is asked for, in the order
 * to add them: <dir>/oordeel.yaml for each system-wide data directory ($XDG_DATA_DIRS,
 * least important first), then the network's own $XDG_DATA_HOME/kijkronde/oordeel.yaml
 * (or under ~/.local/share); only the files that exist. A NULL-terminated heap array
 * (kr_paths_list_free); pass it to kr_checker_new_paths.
 */
char **kr_checker_network_paths(void);
/* kr_checker_new_paths with kr_checker_network_paths: what check, the TUI and exports use. */
enum kr_status kr_checker_new_network(struct kr_checker **out, struct kr_error *err);

/*
 * Check text[0..len) (any bytes; invalid UTF-8 is tolerated). out is reset first,
 * then filled with findings sorted by start, never overlapping. Returns out->n.
 * Strings in findings stay valid until kr_checker_free. Does no I/O; besides out it
 * only grows scratch memory the checker keeps (so a warm checker allocates nothing
 * else). Not thread-safe: one checker per thread.
 */
size_t kr_check(struct kr_checker *c, const char *text, size_t len, struct kr_finding_list *out);
void kr_finding_list_fini(struct kr_finding_list *l);

#endif
