/* SPDX-License-Identifier: MIT */
/*
 * The library of kijkvragen (kijkvragen/<id>.yaml) and the kijkvraag lint, which
 * flags checking (toetsend/controlerend), closed, teacher-centred, rating and
 * unobservable questions and proposes a learner-behaviour rewrite.
 * Lives in src/kijkvraag/.
 */
#ifndef KR_KIJKVRAAG_H
#define KR_KIJKVRAAG_H

#include <stddef.h>

#include "kijkronde/model.h"
#include "kijkronde/status.h"

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
    char *file;                   /* where it was loaded from */
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
 */
enum kr_status kr_kijkvragen_load(const char *user_dir, struct kr_kijkvraag_list *out,
                                  char **notices, struct kr_error *err);

struct kr_lint_finding {
    size_t start, end;   /* byte span of the words at fault in the question */
    const char *kind;    /* toetsend | gesloten | leraargericht | oordeel | onzichtbaar | ... */
    const char *message; /* what is wrong, Dutch; borrowed */
    const char *hint;    /* a concrete rewrite direction, Dutch; borrowed */
};

struct kr_lint_list {
    struct kr_lint_finding *items;
    size_t n, cap;
};

struct kr_linter;
enum kr_status kr_linter_new(struct kr_linter **out, struct kr_error *err);
void kr_linter_free(struct kr_linter *l);
/* Lint one question; out is reset first. Returns out->n. */
size_t kr_lint(struct kr_linter *l, const char *question, size_t len, struct kr_lint_list *out);
void kr_lint_list_fini(struct kr_lint_list *l);

#endif
