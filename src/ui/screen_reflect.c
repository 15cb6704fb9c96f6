/* SPDX-License-Identifier: MIT */
/*
 * The shared reflection: the driehoek with the count at each corner, the patterns of
 * each corner with their notes and visits, and the group's decisions (rename, move a
 * note to another pattern or corner, merge, split), each saved at once through
 * src/reflection. Tab switches to the debrief (the four phases and the theory of action,
 * in the group's words) and to the calibration. 't' gives the next tweetal its turn. The
 * drawing is in reflect_draw.c.
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/check.h"
#include "kijkronde/clock.h"
#include "kijkronde/mem.h"
#include "kijkronde/names.h"
#include "kijkronde/plural.h"
#include "kijkronde/reflection.h"
#include "reflect.h"
#include "ui_internal.h"

struct ui_reflect ui_reflect_state;
static struct ui_reflect *const S = &ui_reflect_state;
/* Back from the next steps (v): the debrief again, not the patterns. Outside the state, which
 * leave() clears. */
static bool back_to_debrief;
/* Back from a screen opened here (v, n): the shared reflection is still right. */
static bool back_from_child;

void ui_reflect_open(struct ui *ui, const struct ui_screen *screen, bool to_debrief)
{
    back_from_child = true;
    back_to_debrief = to_debrief;
    ui_push(ui, screen);
}

/* ---- loading ---- */

static void build_rows(void)
{
    const struct kr_pattern_result *r = &S->rf->result;
    S->n_rows = 0;
    for (size_t p = 0; p < r->n_patterns; p++) {
        if (r->patterns[p].corner != S->corner)
            continue;
        KR_GROW(S->rows, S->cap_rows, S->n_rows + 1);
        S->rows[S->n_rows++] = (struct reflect_row){p, SIZE_MAX};
        if (S->open_id && strcmp(S->open_id, r->patterns[p].id) == 0)
            for (size_t k = 0; k < r->patterns[p].n_notes; k++) {
                KR_GROW(S->rows, S->cap_rows, S->n_rows + 1);
                S->rows[S->n_rows++] = (struct reflect_row){p, r->patterns[p].notes[k]};
            }
    }
    if (S->sel >= S->n_rows)
        S->sel = S->n_rows ? S->n_rows - 1 : 0;
}

/* Reload everything from the database (fresh: recompute the patterns, else take the
 * shared reflection as it is), keeping the selection on the same pattern or note. */
static void reload(struct ui *ui, bool fresh)
{
    char *pat_id = NULL, *note_id = NULL;
    if (S->sel < S->n_rows) {
        const struct reflect_row *rw = &S->rows[S->sel];
        pat_id = kr_xstrdup(S->rf->result.patterns[rw->pattern].id);
        if (rw->note != SIZE_MAX)
            note_id = kr_xstrdup(S->rf->obs.items[rw->note].id);
    }
    if (fresh)
        ui_reflection_drop(ui);
    S->rf = ui_reflection(ui);
    free(S->marked);
    S->marked = kr_xcalloc(S->rf->obs.n ? S->rf->obs.n : 1, sizeof *S->marked);
    /* A note that was selected may now be in another pattern or corner: follow it. */
    if (note_id) {
        for (size_t i = 0; i < S->rf->obs.n; i++)
            if (strcmp(S->rf->obs.items[i].id, note_id) == 0) {
                const struct kr_pattern *p = &S->rf->result.patterns[S->rf->result.pattern_of[i]];
                S->corner = p->corner;
                free(S->open_id);
                S->open_id = kr_xstrdup(p->id);
            }
    }
    build_rows();
    for (size_t i = 0; i < S->n_rows; i++) {
        const struct reflect_row *rw = &S->rows[i];
        bool hit = note_id
                       ? rw->note != SIZE_MAX && strcmp(S->rf->obs.items[rw->note].id, note_id) == 0
                       : pat_id && rw->note == SIZE_MAX &&
                             strcmp(S->rf->result.patterns[rw->pattern].id, pat_id) == 0;
        if (hit)
            S->sel = i;
    }
    free(pat_id);
    free(note_id);
}

/* Notes from other laptops arrived (live sync): recompute, unless the group is in the middle
 * of something (marking, moving, typing) that a reload would disturb. */
static void data_changed(struct ui *ui)
{
    if (S->mode == M_BROWSE)
        reload(ui, true);
}

static void load_debrief(struct ui *ui)
{
    struct kr_error err = {0};
    for (int p = 0; p < KR_PHASE_COUNT; p++) {
        free(S->phase[p]);
        S->phase[p] = NULL;
        if (kr_app_phase_get(ui->app, ui->session.id, (enum kr_phase)p, &S->phase[p], &err) !=
            KR_OK)
            ui_store_error(ui, "Kan de nabespreking niet lezen", &err);
    }
    kr_theory_of_action_fini(&S->toa);
    if (kr_app_toa_get(ui->app, ui->session.id, &S->toa, &err) != KR_OK)
        ui_store_error(ui, "Kan de theory of action niet lezen", &err);
}

static void enter(struct ui *ui)
{
    kr_le_init(&S->ed);
    S->ed.max_len = 4000;
    S->view = back_to_debrief ? V_DEBRIEF : V_PATTERNS;
    S->item = back_to_debrief ? KR_PHASE_VOLGENDE_STAP : 0;
    back_to_debrief = false;
    S->mode = M_BROWSE;
    S->corner = KR_CORNER_LEERLING;
    S->sel = S->top = 0;
    S->turn = 0;
    struct kr_error err = {0};
    kr_tweetal_list_fini(&S->tweetallen);
    if (kr_app_tweetallen(ui->app, ui->session.id, &S->tweetallen, &err) != KR_OK)
        ui_store_error(ui, "Kan de tweetallen niet lezen", &err);
    reload(ui, !back_from_child);
    back_from_child = false;
    load_debrief(ui);
}

static void leave(struct ui *ui)
{
    (void)ui;
    kr_le_fini(&S->ed);
    kr_tweetal_list_fini(&S->tweetallen);
    kr_theory_of_action_fini(&S->toa);
    for (int p = 0; p < KR_PHASE_COUNT; p++)
        free(S->phase[p]);
    free(S->rows);
    free(S->open_id);
    free(S->marked);
    memset(S, 0, sizeof *S);
}

/* ---- decisions ---- */

static const struct reflect_row *current(void)
{
    return S->sel < S->n_rows ? &S->rows[S->sel] : NULL;
}

static void done(struct ui *ui, enum kr_status r, const struct kr_error *err, const char *ok)
{
    if (r == KR_OK)
        ui_message(ui, UI_OK, "%s", ok);
    else
        ui_store_error(ui, "Dat lukte niet", err);
    S->mode = M_BROWSE;
    reload(ui, true);
}

/* Put the cursor on the pattern row of the pattern that holds this note (in its corner). */
static void select_pattern_of(const char *note_id)
{
    for (size_t i = 0; i < S->rf->obs.n; i++) {
        if (strcmp(S->rf->obs.items[i].id, note_id) != 0)
            continue;
        size_t p = S->rf->result.pattern_of[i];
        S->corner = S->rf->result.patterns[p].corner;
        build_rows();
        for (size_t j = 0; j < S->n_rows; j++)
            if (S->rows[j].note == SIZE_MAX && S->rows[j].pattern == p)
                S->sel = j;
        return;
    }
}

static void split_marked(struct ui *ui, const char *label)
{
    const struct kr_pattern *p = &S->rf->result.patterns[S->src_pattern];
    size_t *notes = kr_xcalloc(p->n_notes, sizeof *notes), n = 0;
    for (size_t k = 0; k < p->n_notes; k++)
        if (S->marked[p->notes[k]])
            notes[n++] = p->notes[k];
    struct kr_error err = {0};
    enum kr_status r = kr_app_pattern_split(ui->app, S->rf, S->src_pattern, notes, n, label, &err);
    free(notes);
    done(ui, r, &err, "Patroon gesplitst.");
}

static void pick(struct ui *ui)
{
    const struct reflect_row *rw = current();
    if (!rw)
        return;
    struct kr_error err = {0};
    if (S->mode == M_PICK_MOVE) {
        enum kr_status r = kr_app_pattern_move_note(ui->app, S->rf, S->src_note, rw->pattern, &err);
        done(ui, r, &err, "Notitie verplaatst.");
    } else {
        if (rw->pattern == S->src_pattern) {
            ui_message(ui, UI_ERROR, "Kies een ander patroon om mee samen te voegen.");
            return;
        }
        /* The merged pattern keeps the source's notes: follow one of them, so the cursor
         * lands on the merged pattern and not on whatever row took the picked one's place. */
        const struct kr_pattern *src = &S->rf->result.patterns[S->src_pattern];
        char *note_id = src->n_notes ? kr_xstrdup(S->rf->obs.items[src->notes[0]].id) : NULL;
        enum kr_status r = kr_app_pattern_merge(ui->app, S->rf, S->src_pattern, rw->pattern, &err);
        done(ui, r, &err, "Patronen samengevoegd.");
        if (r == KR_OK && note_id)
            select_pattern_of(note_id);
        free(note_id);
    }
}

static void switch_corner(int step)
{
    int c = (int)S->corner - 1 + step;
    c = (c + 3) % 3;
    S->corner = (enum kr_corner)(c + 1);
    S->sel = S->top = 0;
    build_rows();
}

static void key_patterns(struct ui *ui, int k)
{
    const struct reflect_row *rw = current();
    switch (k) {
    case UI_FN(KEY_LEFT):
    case 'h':
        switch_corner(-1);
        return;
    case UI_FN(KEY_RIGHT):
    case 'l':
        switch_corner(1);
        return;
    case UI_ENTER:
    case '\n':
    case UI_FN(KEY_ENTER):
        if (S->mode == M_PICK_MOVE || S->mode == M_PICK_MERGE) {
            pick(ui);
            return;
        }
        if (!rw)
            return;
        if (S->open_id && strcmp(S->open_id, S->rf->result.patterns[rw->pattern].id) == 0) {
            free(S->open_id);
            S->open_id = NULL;
        } else {
            free(S->open_id);
            S->open_id = kr_xstrdup(S->rf->result.patterns[rw->pattern].id);
        }
        size_t p = rw->pattern; /* stay on the pattern row */
        build_rows();
        for (size_t i = 0; i < S->n_rows; i++)
            if (S->rows[i].note == SIZE_MAX && S->rows[i].pattern == p)
                S->sel = i;
        return;
    default:
        break;
    }
    if (S->mode != M_BROWSE || !rw)
        return;
    switch (k) {
    case 'r':
        S->src_pattern = rw->pattern;
        kr_le_set(&S->ed, S->rf->result.patterns[rw->pattern].label);
        S->mode = M_RENAME;
        return;
    case 'm':
        if (rw->note == SIZE_MAX) {
            ui_message(ui, UI_ERROR,
                       "Open een patroon (Enter) en kies de notitie die je wilt "
                       "verplaatsen.");
            return;
        }
        S->src_note = rw->note;
        S->src_pattern = rw->pattern;
        S->mode = M_PICK_MOVE;
        ui_message(ui, UI_NORMAL,
                   "Kies het patroon waar de notitie heen gaat en druk Enter "
                   "(← → andere hoek, Esc stopt).");
        return;
    case 's':
        S->src_pattern = rw->pattern;
        S->mode = M_PICK_MERGE;
        ui_message(ui, UI_NORMAL, "Kies het patroon dat erbij komt en druk Enter (Esc stopt).");
        return;
    case ' ':
        if (rw->note != SIZE_MAX) {
            S->marked[rw->note] = !S->marked[rw->note];
            if (S->sel + 1 < S->n_rows)
                S->sel++;
        }
        return;
    case 'x': {
        const struct kr_pattern *p = &S->rf->result.patterns[rw->pattern];
        size_t n = 0;
        for (size_t i = 0; i < p->n_notes; i++)
            n += S->marked[p->notes[i]];
        if (n == 0 || n == p->n_notes) {
            ui_message(ui, UI_ERROR,
                       "Markeer eerst met de spatiebalk de notities die een eigen "
                       "patroon worden (niet allemaal).");
            return;
        }
        S->src_pattern = rw->pattern;
        kr_le_clear(&S->ed);
        S->mode = M_SPLIT_NAME;
        return;
    }
    case '1':
    case '2':
    case '3': {
        if (rw->note == SIZE_MAX) {
            ui_message(ui, UI_ERROR, "Kies eerst een notitie (open het patroon met Enter).");
            return;
        }
        enum kr_corner c = (enum kr_corner)(k - '0');
        struct kr_error err = {0};
        enum kr_status r = kr_app_pattern_note_corner(ui->app, S->rf, rw->note, c, &err);
        char ok[96];
        snprintf(ok, sizeof ok, "Notitie naar %s.", kr_corner_str(c));
        done(ui, r, &err, ok);
        return;
    }
    default:
        return;
    }
}

static void save_item(struct ui *ui)
{
    struct kr_error err = {0};
    enum kr_status r;
    if (S->item < KR_PHASE_COUNT) {
        r = kr_app_phase_put(ui->app, ui->session.id, (enum kr_phase)S->item, S->ed.text, &err);
    } else {
        char **f[4] = {&S->toa.schoolleiding, &S->toa.leraren, &S->toa.leerlingen, &S->toa.bewijs};
        char **field = f[S->item - KR_PHASE_COUNT];
        free(*field);
        *field = S->ed.text[0] ? kr_xstrdup(S->ed.text) : NULL;
        r = kr_app_toa_put(ui->app, ui->session.id, &S->toa, &err);
    }
    if (r == KR_OK)
        ui_message(ui, UI_OK, "Bewaard.");
    else
        ui_store_error(ui, "Bewaren lukte niet", &err);
    S->mode = M_BROWSE;
    load_debrief(ui);
}

static void key_debrief(int k)
{
    switch (k) {
    case UI_FN(KEY_UP):
    case 'k':
        if (S->item > 0)
            S->item--;
        return;
    case UI_FN(KEY_DOWN):
    case 'j':
        if (S->item + 1 < N_ITEMS)
            S->item++;
        return;
    case UI_ENTER:
    case '\n':
    case UI_FN(KEY_ENTER): {
        const char *t = S->item < KR_PHASE_COUNT        ? S->phase[S->item]
                        : S->item == KR_PHASE_COUNT     ? S->toa.schoolleiding
                        : S->item == KR_PHASE_COUNT + 1 ? S->toa.leraren
                        : S->item == KR_PHASE_COUNT + 2 ? S->toa.leerlingen
                                                        : S->toa.bewijs;
        kr_le_set(&S->ed, t ? t : "");
        S->mode = M_EDIT;
        return;
    }
    default:
        return;
    }
}

/* Keys while a line editor is open. */
static void key_editing(struct ui *ui, int k)
{
    if (k == UI_ESC) {
        S->mode = M_BROWSE;
        ui_message(ui, UI_NORMAL, "Niets veranderd.");
        return;
    }
    if (k == UI_ENTER || k == '\n' || k == UI_FN(KEY_ENTER) || k == UI_CTRL('s')) {
        struct kr_error err = {0};
        if (S->mode == M_EDIT) {
            save_item(ui);
        } else if (S->mode == M_RENAME) {
            if (kr_le_blank(&S->ed)) {
                ui_message(ui, UI_ERROR, "Een patroon heeft een naam nodig.");
                return;
            }
            enum kr_status r =
                kr_app_pattern_rename(ui->app, S->rf, S->src_pattern, S->ed.text, &err);
            done(ui, r, &err, "Patroon hernoemd.");
        } else {
            split_marked(ui, S->ed.text);
        }
        return;
    }
    ui_le_feed(&S->ed, k);
}

static void key(struct ui *ui, int k)
{
    if (S->mode == M_RENAME || S->mode == M_SPLIT_NAME || S->mode == M_EDIT) {
        key_editing(ui, k);
        return;
    }
    /* q, Tab, n, t and v are bindings (reflect_keys.c) */
    switch (k) {
    case UI_FN(KEY_UP):
    case 'k':
        if (S->view == V_PATTERNS) {
            if (S->sel > 0)
                S->sel--;
            return;
        }
        break;
    case UI_FN(KEY_DOWN):
    case 'j':
        if (S->view == V_PATTERNS) {
            if (S->sel + 1 < S->n_rows)
                S->sel++;
            return;
        }
        break;
    default:
        break;
    }
    if (S->view == V_PATTERNS)
        key_patterns(ui, k);
    else if (S->view == V_DEBRIEF)
        key_debrief(k);
}

static void paste(struct ui *ui, const char *text, size_t len)
{
    (void)ui;
    if (S->mode == M_RENAME || S->mode == M_SPLIT_NAME || S->mode == M_EDIT)
        kr_le_insert(&S->ed, text, len);
}

static const char *text_field(struct ui *ui)
{
    (void)ui;
    return S->mode == M_EDIT ? "de tekst" : ui_reflect_typing(ui) ? "de naam" : NULL;
}

const struct ui_screen ui_screen_reflect = {
    .title = "reflectie",
    .bindings = ui_reflect_bindings,
    .enter = enter,
    .leave = leave,
    .draw = ui_reflect_draw,
    .key = key,
    .paste = paste,
    .typing = ui_reflect_typing,
    .takes_keys = ui_reflect_typing,
    .text_field = text_field,
    .data_changed = data_changed,
};
