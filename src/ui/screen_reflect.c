/* SPDX-License-Identifier: MIT */
/*
 * The shared reflection: the driehoek with the count at each corner, the patterns of
 * each corner with their notes and visits, and the group's decisions (rename, move a
 * note to another pattern or corner, merge, split), each saved at once through
 * src/reflection. Tab switches to the debrief (the four phases and the theory of action,
 * in the group's words) and to the calibration. 't' gives the next tweetal its turn.
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/check.h"
#include "kijkronde/clock.h"
#include "kijkronde/mem.h"
#include "kijkronde/names.h"
#include "kijkronde/plural.h"
#include "kijkronde/reflection.h"
#include "ui_internal.h"

enum view { V_PATTERNS, V_DEBRIEF, V_CALIBRATION, V_COUNT };
static const char *const view_names[V_COUNT] = {"Patronen", "Nabespreking", "Kalibratie"};

enum mode {
    M_BROWSE,
    M_RENAME,     /* typing a new name for the selected pattern */
    M_PICK_MOVE,  /* choosing the pattern a note goes to */
    M_PICK_MERGE, /* choosing the pattern to merge into the source */
    M_SPLIT_NAME, /* typing the name of the part split off */
    M_EDIT,       /* typing a debrief phase or a theory-of-action field */
};

/* One row of the pattern list: a pattern, or one of the notes of the open pattern. */
struct row {
    size_t pattern; /* index into S.rf->result.patterns */
    size_t note;    /* index into S.rf->obs, or SIZE_MAX for the pattern row */
};

#define N_ITEMS (KR_PHASE_COUNT + 4) /* the four phases, then the theory-of-action fields */
static const char *const toa_titles[4] = {"Als de schoolleiding", "dan kunnen leraren",
                                          "waardoor leerlingen", "waar te zien aan"};

static struct {
    const struct kr_reflection *rf; /* the shared one (ui_reflection) */
    enum view view;
    enum mode mode;
    enum kr_corner corner;
    struct row *rows;
    size_t n_rows, cap_rows, sel, top;
    char *open_id;      /* id of the open pattern, or NULL */
    bool *marked;       /* per note: marked for a split */
    size_t src_pattern; /* the pattern a move, merge or split starts from */
    size_t src_note;
    struct kr_lineedit ed;
    int item; /* debrief: selected item */
    char *phase[KR_PHASE_COUNT];
    struct kr_theory_of_action toa;
    struct kr_tweetal_list tweetallen;
    size_t turn; /* 0: nobody; else tweetal turn-1 has the word */
    char footer[256];
} S;
/* Back from the next steps (v): the debrief again, not the patterns. */
static bool back_to_debrief;
/* Back from a screen opened here (v, n): the shared reflection is still right. */
static bool back_from_child;

/* ---- loading ---- */

static void build_rows(void)
{
    const struct kr_pattern_result *r = &S.rf->result;
    S.n_rows = 0;
    for (size_t p = 0; p < r->n_patterns; p++) {
        if (r->patterns[p].corner != S.corner)
            continue;
        KR_GROW(S.rows, S.cap_rows, S.n_rows + 1);
        S.rows[S.n_rows++] = (struct row){p, SIZE_MAX};
        if (S.open_id && strcmp(S.open_id, r->patterns[p].id) == 0)
            for (size_t k = 0; k < r->patterns[p].n_notes; k++) {
                KR_GROW(S.rows, S.cap_rows, S.n_rows + 1);
                S.rows[S.n_rows++] = (struct row){p, r->patterns[p].notes[k]};
            }
    }
    if (S.sel >= S.n_rows)
        S.sel = S.n_rows ? S.n_rows - 1 : 0;
}

/* Reload everything from the database (fresh: recompute the patterns, else take the
 * shared reflection as it is), keeping the selection on the same pattern or note. */
static void reload(struct ui *ui, bool fresh)
{
    char *pat_id = NULL, *note_id = NULL;
    if (S.sel < S.n_rows) {
        const struct row *rw = &S.rows[S.sel];
        pat_id = kr_xstrdup(S.rf->result.patterns[rw->pattern].id);
        if (rw->note != SIZE_MAX)
            note_id = kr_xstrdup(S.rf->obs.items[rw->note].id);
    }
    if (fresh)
        ui_reflection_drop(ui);
    S.rf = ui_reflection(ui);
    free(S.marked);
    S.marked = kr_xcalloc(S.rf->obs.n ? S.rf->obs.n : 1, sizeof *S.marked);
    /* A note that was selected may now be in another pattern or corner: follow it. */
    if (note_id) {
        for (size_t i = 0; i < S.rf->obs.n; i++)
            if (strcmp(S.rf->obs.items[i].id, note_id) == 0) {
                const struct kr_pattern *p = &S.rf->result.patterns[S.rf->result.pattern_of[i]];
                S.corner = p->corner;
                free(S.open_id);
                S.open_id = kr_xstrdup(p->id);
            }
    }
    build_rows();
    for (size_t i = 0; i < S.n_rows; i++) {
        const struct row *rw = &S.rows[i];
        bool hit = note_id
                       ? rw->note != SIZE_MAX && strcmp(S.rf->obs.items[rw->note].id, note_id) == 0
                       : pat_id && rw->note == SIZE_MAX &&
                             strcmp(S.rf->result.patterns[rw->pattern].id, pat_id) == 0;
        if (hit)
            S.sel = i;
    }
    free(pat_id);
    free(note_id);
}

/* Notes from other laptops arrived (live sync): recompute, unless the group is in the middle
 * of something (marking, moving, typing) that a reload would disturb. */
static void data_changed(struct ui *ui)
{
    if (S.mode == M_BROWSE)
        reload(ui, true);
}

static void load_debrief(struct ui *ui)
{
    struct kr_error err = {0};
    for (int p = 0; p < KR_PHASE_COUNT; p++) {
        free(S.phase[p]);
        S.phase[p] = NULL;
        if (kr_store_phase_get(ui->st, ui->session.id, (enum kr_phase)p, &S.phase[p], &err) !=
            KR_OK)
            ui_store_error(ui, "Kan de nabespreking niet lezen", &err);
    }
    kr_theory_of_action_fini(&S.toa);
    if (kr_store_toa_get(ui->st, ui->session.id, &S.toa, &err) != KR_OK)
        ui_store_error(ui, "Kan de theory of action niet lezen", &err);
}

static void enter(struct ui *ui)
{
    kr_le_init(&S.ed);
    S.ed.max_len = 4000;
    S.view = back_to_debrief ? V_DEBRIEF : V_PATTERNS;
    S.item = back_to_debrief ? KR_PHASE_VOLGENDE_STAP : 0;
    back_to_debrief = false;
    S.mode = M_BROWSE;
    S.corner = KR_CORNER_LEERLING;
    S.sel = S.top = 0;
    S.turn = 0;
    struct kr_error err = {0};
    kr_tweetal_list_fini(&S.tweetallen);
    if (kr_store_tweetal_list(ui->st, ui->session.id, &S.tweetallen, &err) != KR_OK)
        ui_store_error(ui, "Kan de tweetallen niet lezen", &err);
    reload(ui, !back_from_child);
    back_from_child = false;
    load_debrief(ui);
}

static void leave(struct ui *ui)
{
    (void)ui;
    kr_le_fini(&S.ed);
    kr_tweetal_list_fini(&S.tweetallen);
    kr_theory_of_action_fini(&S.toa);
    for (int p = 0; p < KR_PHASE_COUNT; p++)
        free(S.phase[p]);
    free(S.rows);
    free(S.open_id);
    free(S.marked);
    memset(&S, 0, sizeof S);
}

/* ---- drawing ---- */

static const char *visit_label(size_t note)
{
    size_t v = kr_reflection_visit(S.rf, S.rf->obs.items[note].visit_id);
    return v == SIZE_MAX ? "?" : S.rf->visits.items[v].label;
}

/* The driehoek with the count at each corner; the current corner stands out. */
static int draw_triangle(struct ui *ui, int y)
{
    const size_t *n = S.rf->result.count;
    int mid = ui->cols / 2;
    char top[64], left[64], right[64];
    snprintf(top, sizeof top, " Leerinhoud %zu ", n[KR_CORNER_LEERINHOUD]);
    snprintf(left, sizeof left, " Leerling %zu ", n[KR_CORNER_LEERLING]);
    snprintf(right, sizeof right, " Leraar %zu ", n[KR_CORNER_LERAAR]);
    enum kr_corner c = S.view == V_PATTERNS ? S.corner : KR_CORNER_NONE;
    ui_put(ui, y, mid - (int)strlen(top) / 2, ui->cols / 2,
           c == KR_CORNER_LEERINHOUD ? UI_SELECT : UI_LEERINHOUD, top);
    ui_put(ui, y + 1, mid - 2, 4, UI_DIM, "/  \\");
    int lx = mid - 4 - (int)strlen(left);
    ui_put(ui, y + 2, lx > 0 ? lx : 0, (int)strlen(left),
           c == KR_CORNER_LEERLING ? UI_SELECT : UI_LEERLING, left);
    ui_put(ui, y + 2, mid - 3, 6, UI_DIM, "/____\\");
    ui_put(ui, y + 2, mid + 4, ui->cols - mid - 5, c == KR_CORNER_LERAAR ? UI_SELECT : UI_LERAAR,
           right);
    if (S.turn && S.turn <= S.tweetallen.n)
        ui_putf(ui, y, 2, mid - 12 > 0 ? mid - 12 : 0, UI_HEAD, "Aan de beurt: %s",
                S.tweetallen.items[S.turn - 1].name);
    /* the views as tabs */
    int x = 2;
    for (int v = 0; v < V_COUNT; v++)
        x += ui_putf(ui, y + 3, x, ui->cols - x - 1, v == (int)S.view ? UI_SELECT : UI_DIM, " %s ",
                     view_names[v]) +
             1;
    return y + 4;
}

static void draw_patterns(struct ui *ui, int y)
{
    int bottom = ui->rows - 3;
    if (S.mode == M_RENAME || S.mode == M_SPLIT_NAME)
        bottom--; /* the editor takes the last row */
    if (S.n_rows == 0) {
        ui_put(ui, y + 1, 2, ui->cols - 4, UI_NORMAL, "Geen notities in deze hoek.");
        return;
    }
    /* The selected pattern's statement (the sentence a group reads aloud) on the last row
       of the list, when the list has room for it. */
    const struct kr_pattern *selp =
        S.sel < S.n_rows ? &S.rf->result.patterns[S.rows[S.sel].pattern] : NULL;
    if (selp && selp->statement && (int)S.n_rows < bottom - y && S.mode != M_RENAME &&
        S.mode != M_SPLIT_NAME) {
        ui_putf(ui, bottom, 2, ui->cols - 4, UI_DIM, "Zin: %s", selp->statement);
        bottom -= 2;
    }
    int avail = bottom - y + 1;
    if (avail < 1)
        return;
    if (S.sel < S.top)
        S.top = S.sel;
    if (S.sel >= S.top + (size_t)avail)
        S.top = S.sel - (size_t)avail + 1;
    for (size_t i = S.top; i < S.n_rows && y <= bottom; i++, y++) {
        const struct row *rw = &S.rows[i];
        const struct kr_pattern *p = &S.rf->result.patterns[rw->pattern];
        enum ui_attr a = i == S.sel ? UI_SELECT : UI_NORMAL;
        if (i == S.sel)
            ui_fill(ui, y, 1, UI_SELECT);
        if (rw->note == SIZE_MAX) {
            bool open = S.open_id && strcmp(S.open_id, p->id) == 0;
            bool picking =
                (S.mode == M_PICK_MOVE || S.mode == M_PICK_MERGE) && rw->pattern == S.src_pattern;
            int x = 2;
            x += ui_put(ui, y, x, 2, a, open ? "▾" : "▸") + 1;
            /* The judging notes are no finding: they are there to be rewritten. */
            x += ui_put(ui, y, x, ui->cols / 2, p->flagged ? UI_JUDGE : a,
                        p->flagged ? "Eerst herschrijven" : p->label);
            if (p->flagged)
                ui_putf(ui, y, x + 1, ui->cols - x - 2, i == S.sel ? a : UI_DIM,
                        "(%zu %s met een oordeel)", p->n_notes,
                        kr_plural((long long)p->n_notes, "notitie", "notities"));
            else
                ui_putf(ui, y, x + 1, ui->cols - x - 2, i == S.sel ? a : UI_DIM,
                        "(%zu · %zu %s · %s%s%s)", p->n_notes, p->n_visits,
                        kr_plural((long long)p->n_visits, "bezoek", "bezoeken"),
                        p->extent ? p->extent : "", p->group ? " · van de groep" : "",
                        picking ? " · bron" : "");
        } else {
            const struct kr_observation *o = &S.rf->obs.items[rw->note];
            char hhmm[6];
            kr_clock_hhmm(o->at ? o->at : "", hhmm);
            bool autoc = S.rf->result.auto_placed[rw->note];
            ui_putf(ui, y, 4, ui->cols - 5, a, "%s %s %-8.8s %s%s",
                    S.marked[rw->note] ? "[x]" : "[ ]", hhmm, visit_label(rw->note),
                    autoc ? "*" : "", o->text ? o->text : "");
        }
    }
}

static void draw_debrief(struct ui *ui, int y)
{
    int w = ui->cols - 4;
    for (int i = 0; i < N_ITEMS && y < ui->rows - 3; i++, y++) {
        const char *title =
            i < KR_PHASE_COUNT ? kr_phase_title((enum kr_phase)i) : toa_titles[i - KR_PHASE_COUNT];
        const char *text = i < KR_PHASE_COUNT        ? S.phase[i]
                           : i == KR_PHASE_COUNT     ? S.toa.schoolleiding
                           : i == KR_PHASE_COUNT + 1 ? S.toa.leraren
                           : i == KR_PHASE_COUNT + 2 ? S.toa.leerlingen
                                                     : S.toa.bewijs;
        if (i == KR_PHASE_COUNT)
            ui_put(ui, y++, 2, w, UI_HEAD, "Theory of action");
        enum ui_attr a = i == S.item ? UI_SELECT : UI_NORMAL;
        if (i == S.item)
            ui_fill(ui, y, 1, UI_SELECT);
        int x = 2 + ui_putf(ui, y, 2, 24, i == S.item ? a : UI_HEAD, "%s:", title) + 1;
        ui_put(ui, y, x, w - x + 2, text && *text ? a : UI_DIM,
               text && *text ? text : "(nog leeg)");
    }
    y++;
    if (S.item < KR_PHASE_COUNT && y < ui->rows - 3)
        y += ui_put_wrapped(ui, y, 2, w, 2, UI_DIM, kr_phase_question((enum kr_phase)S.item), NULL,
                            0, UI_DIM);
    if (S.mode != M_EDIT && y < ui->rows - 3)
        ui_put(ui, y++, 2, w, UI_DIM,
               "v: volgende stappen (wie, wanneer, bewijs) en theory of action per groepje");
    if (S.mode != M_EDIT || y >= ui->rows - 3)
        return;
    /* Beschrijven and the evidence of the theory of action are facts: the zonder-oordeel
     * check marks judging words there, as in the round. (Analysing and predicting interpret
     * on purpose.) */
    struct ui_span spans[UI_MAX_SPANS];
    size_t n_spans = 0;
    const char *hint = NULL;
    if (S.item == KR_PHASE_BESCHRIJVEN || S.item == KR_PHASE_COUNT + 3) {
        ui_check(ui, S.ed.text, S.ed.len, spans, &n_spans, &hint);
        if (hint && y < ui->rows - 4)
            ui_putf(ui, y++, 2, w, UI_HINT, "Tip: %s", hint);
    }
    ui_draw_field(ui, y, 2, w, ui->rows - 3 - y, &S.ed, true, spans, n_spans);
}

static void draw_calibration(struct ui *ui, int y)
{
    int w = ui->cols - 4;
    struct kr_calibration c;
    kr_reflection_calibration(S.rf, &c);
    if (c.compared == 0) {
        ui_put(ui, y, 2, w, UI_NORMAL,
               "De observatoren hebben zelf nog geen notities in een hoek geplaatst.");
        kr_calibration_fini(&c);
        return;
    }
    char kappa[16];
    snprintf(kappa, sizeof kappa, "%.2f", c.kappa);
    char *dot = strchr(kappa, '.');
    if (dot)
        *dot = ',';
    ui_putf(ui, y++, 2, w, UI_HEAD, "%zu van %zu eigen plaatsingen %s af · Cohens kappa %s",
            c.differ, c.compared, kr_plural((long long)c.differ, "wijkt", "wijken"), kappa);
    int room = ui->rows - 3 - y - (c.differ ? 2 : 0); /* the whole sentence where it fits */
    y += ui_put_wrapped(ui, y, 2, w, room < 2 ? 2 : room, UI_DIM, kr_calibration_explained(), NULL,
                        0, UI_DIM);
    for (size_t i = 0; i < c.differ && y < ui->rows - 3; i++, y++) {
        const struct kr_observation *o = &S.rf->obs.items[c.notes[i]];
        ui_putf(ui, y, 2, w, UI_NORMAL, "%s → %s: %s", kr_corner_str(o->corner),
                kr_corner_str(S.rf->result.corner[c.notes[i]]), o->text ? o->text : "");
    }
    kr_calibration_fini(&c);
}

static void draw(struct ui *ui)
{
    int y = draw_triangle(ui, 2);
    switch (S.view) {
    case V_PATTERNS:
        draw_patterns(ui, y);
        if (S.mode == M_RENAME || S.mode == M_SPLIT_NAME) {
            int ly = ui->rows - 3;
            int x = 2 + ui_put(ui, ly, 2, 20, UI_HEAD,
                               S.mode == M_RENAME ? "Nieuwe naam › " : "Naam van het deel › ");
            ui_draw_field(ui, ly, x, ui->cols - x - 2, 1, &S.ed, true, NULL, 0);
        }
        break;
    case V_DEBRIEF:
        draw_debrief(ui, y);
        break;
    default:
        draw_calibration(ui, y);
        break;
    }
}

/* ---- decisions ---- */

static const struct row *current(void)
{
    return S.sel < S.n_rows ? &S.rows[S.sel] : NULL;
}

static void done(struct ui *ui, enum kr_status r, const struct kr_error *err, const char *ok)
{
    if (r == KR_OK)
        ui_message(ui, UI_OK, "%s", ok);
    else
        ui_store_error(ui, "Dat lukte niet", err);
    S.mode = M_BROWSE;
    reload(ui, true);
}

/* Put the cursor on the pattern row of the pattern that holds this note (in its corner). */
static void select_pattern_of(const char *note_id)
{
    for (size_t i = 0; i < S.rf->obs.n; i++) {
        if (strcmp(S.rf->obs.items[i].id, note_id) != 0)
            continue;
        size_t p = S.rf->result.pattern_of[i];
        S.corner = S.rf->result.patterns[p].corner;
        build_rows();
        for (size_t j = 0; j < S.n_rows; j++)
            if (S.rows[j].note == SIZE_MAX && S.rows[j].pattern == p)
                S.sel = j;
        return;
    }
}

static void split_marked(struct ui *ui, const char *label)
{
    const struct kr_pattern *p = &S.rf->result.patterns[S.src_pattern];
    size_t *notes = kr_xcalloc(p->n_notes, sizeof *notes), n = 0;
    for (size_t k = 0; k < p->n_notes; k++)
        if (S.marked[p->notes[k]])
            notes[n++] = p->notes[k];
    struct kr_error err = {0};
    enum kr_status r = kr_reflection_split(ui->st, S.rf, S.src_pattern, notes, n, label, &err);
    free(notes);
    done(ui, r, &err, "Patroon gesplitst.");
}

static void pick(struct ui *ui)
{
    const struct row *rw = current();
    if (!rw)
        return;
    struct kr_error err = {0};
    if (S.mode == M_PICK_MOVE) {
        enum kr_status r = kr_reflection_move_note(ui->st, S.rf, S.src_note, rw->pattern, &err);
        done(ui, r, &err, "Notitie verplaatst.");
    } else {
        if (rw->pattern == S.src_pattern) {
            ui_message(ui, UI_ERROR, "Kies een ander patroon om mee samen te voegen.");
            return;
        }
        /* The merged pattern keeps the source's notes: follow one of them, so the cursor
         * lands on the merged pattern and not on whatever row took the picked one's place. */
        const struct kr_pattern *src = &S.rf->result.patterns[S.src_pattern];
        char *note_id = src->n_notes ? kr_xstrdup(S.rf->obs.items[src->notes[0]].id) : NULL;
        enum kr_status r = kr_reflection_merge(ui->st, S.rf, S.src_pattern, rw->pattern, &err);
        done(ui, r, &err, "Patronen samengevoegd.");
        if (r == KR_OK && note_id)
            select_pattern_of(note_id);
        free(note_id);
    }
}

static void switch_corner(int step)
{
    int c = (int)S.corner - 1 + step;
    c = (c + 3) % 3;
    S.corner = (enum kr_corner)(c + 1);
    S.sel = S.top = 0;
    build_rows();
}

static void key_patterns(struct ui *ui, int k)
{
    const struct row *rw = current();
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
        if (S.mode == M_PICK_MOVE || S.mode == M_PICK_MERGE) {
            pick(ui);
            return;
        }
        if (!rw)
            return;
        if (S.open_id && strcmp(S.open_id, S.rf->result.patterns[rw->pattern].id) == 0) {
            free(S.open_id);
            S.open_id = NULL;
        } else {
            free(S.open_id);
            S.open_id = kr_xstrdup(S.rf->result.patterns[rw->pattern].id);
        }
        size_t p = rw->pattern; /* stay on the pattern row */
        build_rows();
        for (size_t i = 0; i < S.n_rows; i++)
            if (S.rows[i].note == SIZE_MAX && S.rows[i].pattern == p)
                S.sel = i;
        return;
    default:
        break;
    }
    if (S.mode != M_BROWSE || !rw)
        return;
    switch (k) {
    case 'r':
        S.src_pattern = rw->pattern;
        kr_le_set(&S.ed, S.rf->result.patterns[rw->pattern].label);
        S.mode = M_RENAME;
        return;
    case 'm':
        if (rw->note == SIZE_MAX) {
            ui_message(ui, UI_ERROR,
                       "Open een patroon (Enter) en kies de notitie die je wilt "
                       "verplaatsen.");
            return;
        }
        S.src_note = rw->note;
        S.src_pattern = rw->pattern;
        S.mode = M_PICK_MOVE;
        ui_message(ui, UI_NORMAL,
                   "Kies het patroon waar de notitie heen gaat en druk Enter "
                   "(← → andere hoek, Esc stopt).");
        return;
    case 's':
        S.src_pattern = rw->pattern;
        S.mode = M_PICK_MERGE;
        ui_message(ui, UI_NORMAL, "Kies het patroon dat erbij komt en druk Enter (Esc stopt).");
        return;
    case ' ':
        if (rw->note != SIZE_MAX) {
            S.marked[rw->note] = !S.marked[rw->note];
            if (S.sel + 1 < S.n_rows)
                S.sel++;
        }
        return;
    case 'x': {
        const struct kr_pattern *p = &S.rf->result.patterns[rw->pattern];
        size_t n = 0;
        for (size_t i = 0; i < p->n_notes; i++)
            n += S.marked[p->notes[i]];
        if (n == 0 || n == p->n_notes) {
            ui_message(ui, UI_ERROR,
                       "Markeer eerst met de spatiebalk de notities die een eigen "
                       "patroon worden (niet allemaal).");
            return;
        }
        S.src_pattern = rw->pattern;
        kr_le_clear(&S.ed);
        S.mode = M_SPLIT_NAME;
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
        enum kr_status r = kr_reflection_set_corner(ui->st, S.rf, rw->note, c, &err);
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
    if (S.item < KR_PHASE_COUNT) {
        r = kr_store_phase_put(ui->st, ui->session.id, (enum kr_phase)S.item, S.ed.text, &err);
    } else {
        char **f[4] = {&S.toa.schoolleiding, &S.toa.leraren, &S.toa.leerlingen, &S.toa.bewijs};
        char **field = f[S.item - KR_PHASE_COUNT];
        free(*field);
        *field = S.ed.text[0] ? kr_xstrdup(S.ed.text) : NULL;
        r = kr_store_toa_put(ui->st, ui->session.id, &S.toa, &err);
    }
    if (r == KR_OK)
        ui_message(ui, UI_OK, "Bewaard.");
    else
        ui_store_error(ui, "Bewaren lukte niet", &err);
    S.mode = M_BROWSE;
    load_debrief(ui);
}

static void key_debrief(struct ui *ui, int k)
{
    switch (k) {
    case UI_FN(KEY_UP):
    case 'k':
        if (S.item > 0)
            S.item--;
        return;
    case UI_FN(KEY_DOWN):
    case 'j':
        if (S.item + 1 < N_ITEMS)
            S.item++;
        return;
    case UI_ENTER:
    case '\n':
    case UI_FN(KEY_ENTER): {
        const char *t = S.item < KR_PHASE_COUNT        ? S.phase[S.item]
                        : S.item == KR_PHASE_COUNT     ? S.toa.schoolleiding
                        : S.item == KR_PHASE_COUNT + 1 ? S.toa.leraren
                        : S.item == KR_PHASE_COUNT + 2 ? S.toa.leerlingen
                                                       : S.toa.bewijs;
        kr_le_set(&S.ed, t ? t : "");
        S.mode = M_EDIT;
        return;
    }
    case 'v':
        back_to_debrief = back_from_child = true;
        ui_push(ui, &ui_screen_steps);
        return;
    default:
        return;
    }
}

/* Keys while a line editor is open. */
static void key_editing(struct ui *ui, int k)
{
    if (k == UI_ESC) {
        S.mode = M_BROWSE;
        ui_message(ui, UI_NORMAL, "Niets veranderd.");
        return;
    }
    if (k == UI_ENTER || k == '\n' || k == UI_FN(KEY_ENTER) || k == UI_CTRL('s')) {
        struct kr_error err = {0};
        if (S.mode == M_EDIT) {
            save_item(ui);
        } else if (S.mode == M_RENAME) {
            if (kr_le_blank(&S.ed)) {
                ui_message(ui, UI_ERROR, "Een patroon heeft een naam nodig.");
                return;
            }
            enum kr_status r = kr_reflection_rename(ui->st, S.rf, S.src_pattern, S.ed.text, &err);
            done(ui, r, &err, "Patroon hernoemd.");
        } else {
            split_marked(ui, S.ed.text);
        }
        return;
    }
    ui_le_feed(&S.ed, k);
}

static void key(struct ui *ui, int k)
{
    if (S.mode == M_RENAME || S.mode == M_SPLIT_NAME || S.mode == M_EDIT) {
        key_editing(ui, k);
        return;
    }
    switch (k) {
    case 'q':
    case 'Q':
    case UI_ESC:
        if (S.mode != M_BROWSE) {
            S.mode = M_BROWSE;
            ui_message(ui, UI_NORMAL, "Niets veranderd.");
            return;
        }
        ui_back(ui);
        return;
    case UI_TAB:
        if (S.mode == M_BROWSE)
            S.view = (enum view)((S.view + 1) % V_COUNT);
        return;
    case 'n':
        if (S.mode == M_BROWSE) {
            back_from_child = true;
            ui_push(ui, &ui_screen_debrief);
        }
        return;
    case 't':
        if (S.tweetallen.n == 0) {
            ui_message(ui, UI_ERROR, "Deze bijeenkomst heeft geen tweetallen.");
            return;
        }
        S.turn = S.turn % S.tweetallen.n + 1;
        ui_message(ui, UI_OK, "%s heeft het woord.", S.tweetallen.items[S.turn - 1].name);
        return;
    case UI_FN(KEY_UP):
    case 'k':
        if (S.view == V_PATTERNS) {
            if (S.sel > 0)
                S.sel--;
            return;
        }
        break;
    case UI_FN(KEY_DOWN):
    case 'j':
        if (S.view == V_PATTERNS) {
            if (S.sel + 1 < S.n_rows)
                S.sel++;
            return;
        }
        break;
    default:
        break;
    }
    if (S.view == V_PATTERNS)
        key_patterns(ui, k);
    else if (S.view == V_DEBRIEF)
        key_debrief(ui, k);
}

static void paste(struct ui *ui, const char *text, size_t len)
{
    (void)ui;
    if (S.mode == M_RENAME || S.mode == M_SPLIT_NAME || S.mode == M_EDIT)
        kr_le_insert(&S.ed, text, len);
}

static bool typing(struct ui *ui)
{
    (void)ui;
    return S.mode == M_RENAME || S.mode == M_SPLIT_NAME || S.mode == M_EDIT;
}

static const char *text_field(struct ui *ui)
{
    (void)ui;
    return S.mode == M_EDIT ? "de tekst" : typing(ui) ? "de naam" : NULL;
}

static const char *footer(struct ui *ui)
{
    (void)ui;
    const char *f;
    if (typing(ui))
        f = "Enter bewaren|Esc annuleren";
    else if (S.mode == M_PICK_MOVE || S.mode == M_PICK_MERGE)
        f = "↑↓ kies|← → hoek|Enter kiezen|Esc stoppen";
    else if (S.view == V_PATTERNS)
        f = "r naam|m verplaats|1-3 hoek|s samen|x splits|n stappen|Tab meer|? hulp";
    else if (S.view == V_DEBRIEF)
        f = "↑↓ kies|Enter schrijven|v stappen/toa|t beurt|Tab verder|? hulp|q terug";
    else
        f = "t beurt|Tab verder|? hulp|q terug";
    snprintf(S.footer, sizeof S.footer, "%s", f);
    return S.footer;
}

static const struct ui_help help[] = {
    {"Tab", "patronen, nabespreking, kalibratie"},
    {"← → (h l)", "andere hoek van de driehoek"},
    {"↑ ↓ (j k)", "kies een patroon of notitie"},
    {"Enter", "patroon open- of dichtklappen; in de nabespreking: schrijven"},
    {"r", "patroon een andere naam geven"},
    {"m", "notitie naar een ander patroon (kies het doel, Enter)"},
    {"1 2 3", "notitie naar leerling, leraar of leerinhoud"},
    {"s", "een ander patroon erbij voegen (kies het, Enter)"},
    {"spatie, x", "notities markeren en als eigen patroon afsplitsen"},
    {"v", "nabespreking: volgende stappen en theory of action per groepje"},
    {"n", "de nabespreking in stappen: screening tot volgende stap, met projector"},
    {"t", "het volgende tweetal heeft het woord"},
    {"*", "hoek door kijkronde geraden"},
    {"q, Esc", "terug"},
    {NULL, NULL},
};

const struct ui_screen ui_screen_reflect = {
    .title = "reflectie",
    .help = help,
    .enter = enter,
    .leave = leave,
    .draw = draw,
    .key = key,
    .paste = paste,
    .footer = footer,
    .typing = typing,
    .text_field = text_field,
    .data_changed = data_changed,
};
