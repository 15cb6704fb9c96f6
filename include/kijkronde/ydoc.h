/* SPDX-License-Identifier: MIT */
/*
 * A YAML document as a small tree of core types, made by the only module that
 * uses libyaml. Every node carries its 1-based line and column, so callers that
 * validate a schema can report FILE:LINE:COL. The loader already refuses, with a
 * position: invalid YAML, invalid UTF-8, more than one document, aliases and
 * anchors (they are never needed here and enable "alias bombs"), duplicate mapping
 * keys, non-scalar keys, and nesting deeper than KR_YDOC_MAX_DEPTH.
 */
#ifndef KR_YDOC_H
#define KR_YDOC_H

#include <stddef.h>

#include "kijkronde/status.h"

#define KR_YDOC_MAX_DEPTH 64
#define KR_YDOC_MAX_BYTES (16u * 1024u * 1024u) /* larger files are refused */

enum kr_ynode_type { KR_YNODE_SCALAR, KR_YNODE_SEQ, KR_YNODE_MAP };

struct kr_ynode {
    enum kr_ynode_type type;
    size_t line, col; /* 1-based start of the node */
    /* SCALAR */
    char *value; /* NUL-terminated UTF-8 (may contain no NUL) */
    size_t len;
    int plain; /* 1 when unquoted (so "null", "true", "3" may mean something else) */
    /* SEQ: items; MAP: keys[i] -> items[i] (keys are scalars) */
    struct kr_ynode **items;
    struct kr_ynode **keys;
    size_t n, cap;
};

/* The root of a loaded file; NULL for an empty file (no document). */
struct kr_ydoc {
    char *file; /* the name used in messages */
    struct kr_ynode *root;
};

/*
 * Load the YAML file at path. On success *out holds a new document (free with
 * kr_ydoc_free). On failure returns KR_IO or KR_PARSE with err giving
 * file:line:col and a Dutch message.
 */
enum kr_status kr_ydoc_load_file(const char *path, struct kr_ydoc **out, struct kr_error *err);
/* As kr_ydoc_load_file, from memory; name is used in messages. */
enum kr_status kr_ydoc_load_mem(const char *name, const char *data, size_t len,
                                struct kr_ydoc **out, struct kr_error *err);
void kr_ydoc_free(struct kr_ydoc *doc);

/* The value of key in a MAP node, or NULL. */
const struct kr_ynode *kr_ynode_get(const struct kr_ynode *map, const char *key);
/* "tekst", "lijst" or "mapping", for messages. */
const char *kr_ynode_type_str(enum kr_ynode_type t);

#endif
