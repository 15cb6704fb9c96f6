/* SPDX-License-Identifier: MIT */
/*
 * What the two files of the new-bijeenkomst form share: its fields and state (screen_new.c
 * draws the form, handles its keys and saves it; new_library.c is the kijkvraag library
 * opened with Ctrl-B).
 */
#ifndef KR_UI_NEW_FORM_H
#define KR_UI_NEW_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "kijkronde/app.h"
#include "kijkronde/kijkvraag.h"
#include "kijkronde/lineedit.h"
#include "ui_internal.h"

enum new_field {
    F_NETWORK,
    F_SCHOOL,
    F_DATE,
    F_BASIS,
    F_ONTWIKKEL,
    F_KIJKVRAAG,
    F_TWEETALLEN,
    F_KIND, /* after the tweetallen: the fields above keep their place (and their keys) */
    F_SAVE,
    F_COUNT
};

/* The one form's state (screen_new.c). */
struct ui_new_form {
    struct kr_lineedit ed[F_COUNT];
    enum kr_basis basis;
    int field;
    /* The library, loaded when first opened with Ctrl-B. */
    struct kr_kijkvraag_list library;
    bool library_loaded, picking;
    size_t pick, pick_top;
    int chosen; /* index of the chosen kijkvraag, -1 when typed */
    struct kr_linter *linter;
    struct kr_lint_list lint;
    bool esc_once; /* Esc pressed once with text in the form: the next Esc discards it */
    int kind;      /* index in kinds (screen_new.c) */
    /* Editing an existing bijeenkomst: its stored fields, to compare with and to keep. */
    bool editing;
    struct kr_session orig;
    struct kr_tweetal_list tweetallen;
    char *orig_text[F_COUNT];
};
extern struct ui_new_form ui_new_form_state;

/* The chosen library kijkvraag, as long as its text was not changed; else NULL. */
const struct kr_kijkvraag *ui_new_chosen(void);
/* Ctrl-B: load the library once and open it at the chosen basisvaardigheid. */
void ui_new_library_open(struct ui *ui);
/* The library instead of the form: the list, then the selected kijkvraag with its kijkpunten. */
void ui_new_library_draw(struct ui *ui);
/* A key while the library is open: move, Enter takes the kijkvraag, Esc closes. */
void ui_new_library_key(struct ui *ui, int k);

#endif
