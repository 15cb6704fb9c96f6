/* SPDX-License-Identifier: MIT */
/*
 * The library of kijkvragen (kijkvragen/<id>.yaml) and the kijkvraag lint, which
 * flags checking (toetsend/controlerend), closed, teacher-centred, rating and
 * unobservable questions and proposes a learner-behaviour rewrite.
 * Lives in src/kijkvraag/.
 */
#ifndef KR_KIJKVRAAG_H
#define KR_KIJKVRAAG_H

#include <stdbool.h>
#include <stddef.h>

#include "kijkronde/model.h"
#include "kijkronde/status.h"

/* Limits of the format (docs/kijkvragen.md). */
#define KR_KIJKPUNTEN_MIN 3
#define KR_KIJKPUNTEN_MAX 8

struct kr_kijkvraag {
    char *id;
    char *vraag;
    enum kr_basis basis;
    char *thema;
    char *toelichting;
    char **kijkpunten; /* n_kijkpunten heap strings */
    size_t n_kijkpunten;
    char *hints[KR_CORNER_COUNT]; /* per corner (index enum kr_corner), may be NULL */
    char *bron;                   /* may be NULL */
    char *file;                   /* where it was loaded from ("(ingebouwd) ..." for built-in) */
    /* Added after the first version; zero when unknown. */
    size_t id_line, id_col;       /* 1-based position of the id value in file */
    size_t vraag_line, vraag_col; /* 1-based position of the vraag value in file */
    bool vraag_plain; /* vraag is on one line at vraag_col (plain or quoted): exact columns */
    bool builtin;     /* from the library inside the program */
    size_t *kijkpunt_line, *kijkpunt_col; /* per kijkpunt, 1-based; NULL when unknown */
};

struct kr_kijkvraag_list {
    struct kr_kijkvraag *items;
    size_t n, cap;
};

void kr_kijkvraag_fini(struct kr_kijkvraag *k);
void kr_kijkvraag_list_fini(struct kr_kijkvraag_list *l);

/*
 * Load the library: the built-in directory, then $XDG_DATA_HOME/kijkronde/kijkvragen/,
 * then user_dir (--kijkvragen DIR, may be NULL). A later file with an existing id
 * replaces it. notices (may be NULL) receives one Dutch line per override or
 * skipped file. Sorted by basisvaardigheid, then id.
 *
 * *notices is set to a heap string (caller frees) of '\n'-terminated lines, or NULL
 * when there is nothing to say. A user file that does not load is skipped with a
 * notice "FILE:LINE:COL: ... (overgeslagen; de andere kijkvragen zijn wel geladen)".
 * Fails (KR_IO, with err naming the directory) only when user_dir cannot be read;
 * out is then empty. A missing $XDG_DATA_HOME directory is not an error.
 */
enum kr_status kr_kijkvragen_load(const char *user_dir, struct kr_kijkvraag_list *out,
                                  char **notices, struct kr_error *err);

/*
 * Load and validate one kijkvraag file strictly. The id must equal the file's base
 * name without ".yaml". On failure returns KR_IO or KR_PARSE with err holding
 * file:line:col and a Dutch message saying what was expected; *out is then empty.
 * On success *out owns its strings (kr_kijkvraag_fini).
 */
enum kr_status kr_kijkvraag_load_file(const char *path, struct kr_kijkvraag *out,
                                      struct kr_error *err);
/* As kr_kijkvraag_load_file, from memory; name is the file name used for the id and messages. */
enum kr_status kr_kijkvraag_load_mem(const char *name, const char *data, size_t len,
                                     struct kr_kijkvraag *out, struct kr_error *err);

/* The library inside the program: n files named "<id>.yaml" with their bytes. */
struct kr_kijkvraag_builtin {
    const char *name;
    const char *data;
    const size_t *len;
};
extern const struct kr_kijkvraag_builtin kr_kijkvraag_builtins[];
extern const size_t kr_kijkvraag_builtins_n;

struct kr_lint_finding {
    size_t start, end;   /* byte span of the words at fault in the question */
    const char *kind;    /* toetsend | gesloten | leraargericht | oordeel | onzichtbaar | ... */
    const char *message; /* what is wrong, Dutch; borrowed */
    const char *hint;    /* a concrete rewrite direction, Dutch; borrowed */
};

/*
 * Findings of one kr_lint call. Zero-initialise. The message and hint strings are
 * borrowed: valid until the next kr_lint into this list, kr_lint_list_fini, or
 * kr_linter_free, whichever comes first.
 */
struct kr_lint_list {
    struct kr_lint_finding *items;
    size_t n, cap;
    char *strings; /* storage of built hints (private) */
    size_t strings_len, strings_cap;
};

struct kr_linter;
/* A linter with its word lists (embedded YAML). Reuse one: kr_lint is then fast enough to
 * run on every key press. Not thread-safe; one per thread. */
enum kr_status kr_linter_new(struct kr_linter **out, struct kr_error *err);
void kr_linter_free(struct kr_linter *l);
/* Lint one question; out is reset first. Returns out->n. Findings are sorted by start;
 * at most one finding per kind. Never fails; any bytes are accepted. Only the first
 * KR_LINT_MAX_BYTES bytes are looked at (a kijkvraag file allows 400). */
#define KR_LINT_MAX_BYTES 4096
size_t kr_lint(struct kr_linter *l, const char *question, size_t len, struct kr_lint_list *out);
void kr_lint_list_fini(struct kr_lint_list *l);

#endif
