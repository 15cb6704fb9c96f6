/* SPDX-License-Identifier: MIT */
/*
 * The round: one classroom visit. The kijkvraag and kijkpunten stay at the top, the
 * visit's notes in the middle, the line editor at the bottom. Enter saves a note at
 * once with its time; the zonder-oordeel check highlights judging words while typing
 * and shows its hint, but never blocks. The unfinished line is written as a draft
 * when typing pauses, so a crash loses at most the last second. A note that cannot be
 * saved (full disk, read-only medium) stays on screen and is saved when it can be. The
 * drawing is in round_draw.c, the drafts and the recovery file in round_keep.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kijkronde/clock.h"
#include "kijkronde/mem.h"
#include "kijkronde/plural.h"
#include "round.h"
#include "ui_internal.h"

struct ui_round ui_round_state;
static struct ui_round *const R = &ui_round_state;

/* Seconds since the epoch of "YYYY-MM-DDTHH:MM:SS+HH:MM" (or Z); -1 when malformed. */
static time_t parse_iso(const char *s)
{
    int y, mo, d, h, mi, sec, oh = 0, om = 0;
    char sign = 'Z';
    if (!s || strlen(s) < 19 ||
        sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &sec) != 6)
        return -1;
    const char *tz = s + 19;
    if (*tz == '.')
        while (*++tz >= '0' && *tz <= '9')
            ;
    if ((*tz == '+' || *tz == '-') && sscanf(tz + 1, "%2d:%2d", &oh, &om) == 2)
        sign = *tz;
    /* Days from civil (Howard Hinnant's algorithm). */
    y -= mo <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    long days = era * 146097 + doe - 719468;
    long off = (oh * 60 + om) * 60 * (sign == '-' ? -1 : 1);
    return (time_t)(days * 86400 + h * 3600 + mi * 60 + sec - off);
}

void ui_round_reload(struct ui *ui)
{
    struct kr_obs_filter f = {.visit_id = ui->visit.id};
    ui_notelist_load(ui, &R->list, &f);
}

static void enter(struct ui *ui)
{
    struct kr_error err = {0};
    char *draft = NULL;
    kr_le_init(&R->ed);
    R->ed.max_len = KR_NOTE_MAX_CHARS * 4; /* bytes: room for the longest note in any script */
    R->list_focus = false;
    R->list.show = UI_SHOW_ALL;
    R->list.with_visit = false;
    R->draft_dirty = R->draft_stored = false;
    if (ui->visit_start == 0 || ui->visit_start == (time_t)-1)
        ui->visit_start = parse_iso(ui->visit.started_at);
    if (kr_app_draft_get(ui->app, ui->visit.id, &draft, &err) == KR_OK && !draft)
        draft = ui_round_adopt_stopped_draft(ui);
    if (draft) {
        kr_le_set(&R->ed, draft);
        R->draft_stored = true;
        ui_message(ui, UI_OK, "Je onafgemaakte notitie is teruggezet.");
    } else if (ui->visit.ended_at) {
        char hhmm[6];
        kr_clock_hhmm(ui->visit.ended_at, hhmm);
        ui_message(ui, UI_HINT,
                   "Dit bezoek is om %s afgerond; een nieuwe notitie krijgt de tijd van nu.", hhmm);
    }
    free(draft);
    ui_round_reload(ui);
    R->list.sel = R->list.notes.n ? R->list.notes.n - 1 : 0;
}

static void retry_pending(struct ui *ui);

static void leave(struct ui *ui)
{
    if (R->edit_id) {
        /* An edit not confirmed with Enter is dropped; the stashed new note is the draft. */
        kr_le_set(&R->ed, R->stash);
        free(R->edit_id);
        free(R->stash);
        R->edit_id = R->stash = NULL;
        R->draft_dirty = true;
    }
    /* Every way out first tries to save what waits (not into a deleted database). */
    if (kr_app_pending_count(ui->app) && kr_app_file_ok(ui->app, NULL))
        retry_pending(ui);
    ui_round_write_draft(ui);
    bool draft_lost = R->draft_dirty || !kr_app_file_ok(ui->app, NULL);
    if (kr_app_pending_count(ui->app) || (draft_lost && R->ed.len))
        ui_round_write_recovery(ui, draft_lost ? R->ed.text : NULL);
    ui_notelist_fini(&R->list);
    kr_le_fini(&R->ed);
    kr_app_pending_clear(ui->app);
}

/*
 * Enter on the line: the note and the removal of this observer's draft in one
 * transaction (one fsync). The list is not reloaded: the new note goes at its end with
 * the findings already known from typing.
 */
static enum kr_status add_typed_note(struct ui *ui, const char *text, const char *at, bool judging,
                                     struct kr_error *err)
{
    struct kr_observation o = {
        .visit_id = kr_xstrdup(ui->visit.id), .at = kr_xstrdup(at), .text = kr_xstrdup(text)};
    enum kr_status r = kr_app_note_add_typed(ui->app, &o, err);
    if (r == KR_OK) {
        struct kr_observation_list *l = &R->list.notes;
        bool shown = R->list.show == UI_SHOW_ALL || R->list.show == UI_SHOW_UNPLACED ||
                     (R->list.show == UI_SHOW_FLAGGED && judging);
        if (shown) {
            KR_GROW(l->items, l->cap, l->n + 1);
            /* flagged[] was sized by the load (its count, not l->cap): grow it to match */
            R->list.flagged = kr_xreallocarray(R->list.flagged, l->n + 1, sizeof(bool));
            R->list.flagged[l->n] = judging;
            l->items[l->n++] = o;
            R->list.sel = l->n - 1;
            return r;
        }
    }
    kr_observation_fini(&o);
    return r;
}

/* Try the notes that could not be saved before, oldest first. */
static void retry_pending(struct ui *ui)
{
    struct kr_error err = {0};
    R->last_retry_ms = round_now_ms();
    size_t done = kr_app_pending_retry(ui->app, &err);
    if (done == 0)
        return;
    ui_round_reload(ui);
    ui_message(ui, UI_OK, "%zu %s alsnog bewaard.", done,
               kr_plural((long long)done, "notitie", "notities"));
}

static void save_new(struct ui *ui)
{
    struct kr_error err = {0};
    char at[KR_TIME_SIZE], *id = NULL;
    char *text = ui_trimmed(R->ed.text);
    if (!text) {
        ui_message(ui, UI_NORMAL, "Typ eerst wat je ziet of hoort; Enter bewaart het.");
        return;
    }
    size_t n_chars = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        n_chars += (*p & 0xC0) != 0x80;
    if (n_chars > KR_NOTE_MAX_CHARS) {
        ui_message(ui, UI_ERROR, "Te lang: een notitie heeft hoogstens %d tekens, deze %zu.",
                   KR_NOTE_MAX_CHARS, n_chars);
        free(text);
        return;
    }
    kr_clock_now_local(at);
    if (kr_app_pending_count(ui->app))
        retry_pending(ui);
    /* The findings of the line as drawn while typing (the same text, checked at the last
     * frame); trimming only takes away spaces. */
    bool judging = R->checked_n > 0;
    if (kr_app_pending_count(ui->app) == 0 &&
        add_typed_note(ui, text, at, judging, &err) == KR_OK) {
        char hhmm[6];
        kr_clock_hhmm(at, hhmm);
        ui_message(ui, judging ? UI_HINT : UI_OK, "Bewaard om %s.%s", hhmm,
                   judging ? " Met oordeelwoorden (!): laat staan of herschrijf later (e)."
                           : " Plaatsen: Alt-1 2 3 (of Tab, dan 1 2 3).");
        kr_le_clear(&R->ed);
        R->draft_stored = false; /* its row went in the note's transaction */
        R->draft_dirty = false;
        free(id);
        free(text);
        return;
    }
    if (kr_app_pending_count(ui->app) && err.status == KR_OK)
        err = (struct kr_error){.status = KR_DB_FULL};
    struct kr_error gone = {0};
    bool db_gone = !kr_app_file_ok(ui->app, &gone);
    kr_app_pending_add(ui->app, ui->visit.id, at, text);
    free(text);
    kr_le_clear(&R->ed);
    R->draft_dirty = false;
    if (db_gone) {
        ui_message(ui, UI_ERROR,
                   "NIET BEWAARD: database weg of vervangen. Ctrl-C: naar herstelbestand.");
        return;
    }
    if (err.status == KR_DB_BUSY) {
        ui_message(ui, UI_ERROR, "database bezet, notitie wacht (een ander programma schrijft).");
        return;
    }
    const char *why = err.status == KR_DB_FULL       ? "de schijf is vol"
                      : err.status == KR_DB_READONLY ? "de schijf is alleen-lezen"
                      : err.status == KR_DB_BUSY     ? "de database is bezet"
                                                     : "schrijffout (schijf vol of alleen-lezen?)";
    ui_message(ui, UI_ERROR, "NIET BEWAARD: %s. De notitie blijft staan tot het lukt.", why);
}

/* Alt-1/2/3: save the line (if any) and place it, or place the note saved last. */
void ui_round_save_and_place(struct ui *ui, enum kr_corner c)
{
    if (R->edit_id)
        return;
    if (!kr_le_blank(&R->ed)) {
        save_new(ui);
        if (R->ed.len || kr_app_pending_count(ui->app))
            return; /* not saved: its message stays */
    }
    const struct kr_observation *o = ui_notelist_selected(&R->list);
    if (!o) {
        ui_message(ui, UI_NORMAL, "Nog geen notitie om te plaatsen.");
        return;
    }
    if (ui_note_place(ui, o, c))
        ui_round_reload(ui);
}

void ui_round_start_edit(struct ui *ui)
{
    const struct kr_observation *o = ui_notelist_selected(&R->list);
    if (!o)
        return;
    free(R->stash);
    R->stash = kr_xstrdup(R->ed.text);
    free(R->edit_id);
    R->edit_id = kr_xstrdup(o->id);
    kr_le_set(&R->ed, o->text);
    R->list_focus = false;
    ui_message(ui, UI_NORMAL,
               "Bewerken: Enter bewaart (de oude tekst blijft in de geschiedenis), "
               "Esc annuleert.");
}

void ui_round_end_edit(void)
{
    kr_le_set(&R->ed, R->stash);
    free(R->stash);
    free(R->edit_id);
    R->stash = R->edit_id = NULL;
}

static void save_edit(struct ui *ui)
{
    const struct kr_observation *o = NULL;
    for (size_t i = 0; i < R->list.notes.n; i++)
        if (strcmp(R->list.notes.items[i].id, R->edit_id) == 0)
            o = &R->list.notes.items[i];
    char *text = ui_trimmed(R->ed.text);
    if (!text) {
        ui_message(ui, UI_NORMAL, "Een lege notitie bewaar ik niet; verwijderen kan met d.");
        return;
    }
    if (o && ui_note_edit(ui, o, text)) {
        ui_round_end_edit();
        ui_round_reload(ui);
    }
    free(text);
}

/* Leaving the round is held back while notes wait to be saved. */
bool ui_round_may_leave(struct ui *ui)
{
    if (kr_app_pending_count(ui->app) == 0)
        return true;
    ui_message(ui, UI_ERROR,
               "Eerst moeten de wachtende notities bewaard zijn (maak ruimte vrij); Ctrl-C stopt.");
    return false;
}

void ui_round_end_visit(struct ui *ui)
{
    struct kr_error err = {0};
    char now[KR_TIME_SIZE];
    if (R->edit_id) {
        ui_message(ui, UI_ERROR, "Maak eerst de bewerking af (Enter) of annuleer hem (Esc).");
        return;
    }
    if (!kr_le_blank(&R->ed)) {
        ui_message(ui, UI_ERROR,
                   "Er staat nog een notitie in de regel: Enter bewaart, Ctrl-U wist.");
        return;
    }
    if (!ui_round_may_leave(ui))
        return;
    kr_clock_now_local(now);
    if (kr_app_visit_end(ui->app, ui->visit.id, now, &err) != KR_OK) {
        ui_store_error(ui, "Het bezoek kon niet afgesloten worden", &err);
        return;
    }
    ui_replace(ui, &ui_screen_review);
}

static void tick(struct ui *ui)
{
    long long t = round_now_ms();
    if (R->draft_dirty && t - R->last_change_ms >= DRAFT_PAUSE_MS)
        ui_round_write_draft(ui);
    if (kr_app_pending_count(ui->app) && t - R->last_retry_ms >= RETRY_MS)
        retry_pending(ui);
}

/* The list's moving and its keys on the selected note (ui_notelist_*); the round's own
 * commands are bindings (round_keys.c). */
static void list_key(struct ui *ui, int k)
{
    if (ui_notelist_move(&R->list, k, R->list_rows))
        return;
    if (ui_notelist_act(ui, &R->list, k))
        ui_round_reload(ui);
}

/* Typing: what the line editor takes (Enter, Tab, Esc and the Ctrl keys are bindings). */
static void key(struct ui *ui, int k)
{
    if (R->list_focus) {
        list_key(ui, k);
        return;
    }
    if (ui_le_feed(&R->ed, k) == KR_LE_CHANGED) {
        ui_round_draft_changed();
        /* An emptied line (Ctrl-U, or everything erased) removes the draft at once: a kill
         * right after must not bring the cleared text back. */
        if (R->ed.len == 0 && R->draft_stored)
            ui_round_write_draft(ui);
        else if (round_now_ms() - R->last_draft_ms >= DRAFT_MAX_MS)
            ui_round_write_draft(ui);
    }
}

void ui_round_save_line(struct ui *ui)
{
    if (R->edit_id)
        save_edit(ui);
    else
        save_new(ui);
}

static void paste(struct ui *ui, const char *text, size_t len)
{
    (void)ui;
    if (R->list_focus)
        R->list_focus = false;
    if (kr_le_insert(&R->ed, text, len) == KR_LE_CHANGED)
        ui_round_draft_changed();
}

static bool typing(struct ui *ui)
{
    (void)ui;
    return !R->list_focus && R->ed.len > 0;
}

static const char *text_field(struct ui *ui)
{
    (void)ui;
    return R->list_focus ? NULL : "de notitie";
}

const struct ui_screen ui_screen_round = {
    .title = "ronde",
    .bindings = ui_round_bindings,
    .enter = enter,
    .leave = leave,
    .draw = ui_round_draw,
    .key = key,
    .paste = paste,
    .tick = tick,
    .typing = typing,
    .text_field = text_field,
};
