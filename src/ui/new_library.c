/* SPDX-License-Identifier: MIT */
/*
 * The kijkvraag library of the new-bijeenkomst form (Ctrl-B, screen_new.c has the form):
 * loaded from the kijkvragen folder when first opened, a list by basisvaardigheid with the
 * kijkpunten of the selected one; Enter puts its question in the form.
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/kijkvraag.h"
#include "kijkronde/plural.h"
#include "new_form.h"
#include "ui_internal.h"

static struct ui_new_form *const S = &ui_new_form_state;

/* The chosen library kijkvraag, as long as its text was not changed. */
const struct kr_kijkvraag *ui_new_chosen(void)
{
    if (S->chosen < 0 || (size_t)S->chosen >= S->library.n)
        return NULL;
    const struct kr_kijkvraag *k = &S->library.items[S->chosen];
    return strcmp(k->vraag, S->ed[F_KIJKVRAAG].text) == 0 ? k : NULL;
}

void ui_new_library_open(struct ui *ui)
{
    struct kr_error err = {0};
    char *notices = NULL;
    if (!S->library_loaded) {
        if (kr_kijkvragen_load(ui->opt->kijkvragen_dir, &S->library, &notices, &err) != KR_OK) {
            ui_store_error(ui, "De kijkvragen konden niet geladen worden", &err);
            free(notices);
            return;
        }
        free(notices);
        S->library_loaded = true;
    }
    if (S->library.n == 0) {
        ui_message(ui, UI_ERROR, "De bibliotheek heeft geen kijkvragen.");
        return;
    }
    /* Start at the first kijkvraag of the chosen basisvaardigheid. */
    S->pick = 0;
    for (size_t i = 0; i < S->library.n; i++)
        if (S->library.items[i].basis == S->basis) {
            S->pick = i;
            break;
        }
    S->picking = true;
}

void ui_new_library_draw(struct ui *ui)
{
    int y = 2, rows = ui->rows - 3 - y - 2 - KR_KIJKPUNTEN_MAX / 2 - 2;
    ui_put(ui, y++, 2, ui->cols - 4, UI_HEAD, "Kies een kijkvraag uit de bibliotheek");
    if (rows < 3)
        rows = 3;
    if (S->pick < S->pick_top)
        S->pick_top = S->pick;
    if (S->pick >= S->pick_top + (size_t)rows)
        S->pick_top = S->pick - (size_t)rows + 1;
    for (size_t i = S->pick_top; i < S->library.n && (int)(i - S->pick_top) < rows; i++, y++) {
        const struct kr_kijkvraag *k = &S->library.items[i];
        enum ui_attr a = i == S->pick ? UI_SELECT : UI_NORMAL;
        if (i == S->pick)
            ui_fill(ui, y, 1, UI_SELECT);
        ui_put(ui, y, 2, 12, i == S->pick ? UI_SELECT : UI_DIM,
               k->basis ? kr_basis_str(k->basis) : "");
        ui_put(ui, y, 15, ui->cols - 17, a, k->vraag);
    }
    y++;
    const struct kr_kijkvraag *k = &S->library.items[S->pick];
    y += ui_put_wrapped(ui, y, 2, ui->cols - 4, 2, UI_HEAD, k->vraag, NULL, 0, UI_HEAD);
    for (size_t i = 0; i < k->n_kijkpunten && y < ui->rows - 2; i++)
        ui_putf(ui, y++, 4, ui->cols - 6, UI_NORMAL, "• %s", k->kijkpunten[i]);
}

void ui_new_library_key(struct ui *ui, int k)
{
    switch (k) {
    case UI_FN(KEY_UP):
    case 'k':
        if (S->pick > 0)
            S->pick--;
        break;
    case UI_FN(KEY_DOWN):
    case 'j':
        if (S->pick + 1 < S->library.n)
            S->pick++;
        break;
    case UI_ENTER: {
        const struct kr_kijkvraag *kv = &S->library.items[S->pick];
        kr_le_set(&S->ed[F_KIJKVRAAG], kv->vraag);
        S->chosen = (int)S->pick;
        if (S->basis == KR_BASIS_NONE)
            S->basis = kv->basis;
        S->picking = false;
        S->field = F_TWEETALLEN;
        ui_message(ui, UI_OK, "Kijkvraag gekozen, met %zu %s. Typ nu de tweetallen.",
                   kv->n_kijkpunten,
                   kr_plural((long long)kv->n_kijkpunten, "kijkpunt", "kijkpunten"));
        break;
    }
    case UI_ESC:
    case 'q':
        S->picking = false;
        break;
    default:
        break;
    }
}
