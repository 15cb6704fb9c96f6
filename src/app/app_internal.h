/* SPDX-License-Identifier: MIT */
/* What the files of src/app share: struct kr_app itself. */
#ifndef KR_APP_INTERNAL_H
#define KR_APP_INTERNAL_H

#include "kijkronde/app.h"
#include "kijkronde/store.h"

#define KR_APP_UNDO_MAX 100

/* One step kr_app_undo takes back. */
struct app_undo {
    enum kr_app_undo_kind kind;
    char *id;              /* the note or bijeenkomst */
    char *text;            /* EDIT: the text before; SESSION_DELETE: its name as shown */
    enum kr_corner corner; /* EDIT, PLACE: the corner before */
};

/* A note the database refused, waiting for a retry. */
struct app_pending {
    char *visit_id, *at, *text;
};

struct kr_app {
    struct kr_store *st;
    struct kr_checker *checker; /* made on first use (kr_app_checker) */
    bool checker_made;          /* tried: NULL checker then means none could be made */
    struct kr_corner_classifier *classifier;
    struct app_undo undo[KR_APP_UNDO_MAX];
    size_t n_undo;
    struct app_pending *pending;
    size_t n_pending, cap_pending;
};

/* Remember a step for kr_app_undo (text may be NULL). */
void app_undo_push(struct kr_app *app, enum kr_app_undo_kind kind, const char *id, const char *text,
                   enum kr_corner corner);

#endif
