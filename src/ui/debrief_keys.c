/* SPDX-License-Identifier: MIT */
/*
 * The commands of the debrief in steps as one binding table: their keys, the footer of each
 * step, of the projector and of the editor, and the help, with the actions of the keys that
 * act on the whole screen (Tab, p, q, w). The keys of one step (screening, analyseren, ...)
 * and moving stay with the screen's key() (screen_debrief.c); their rows here name them.
 */
#include "debrief.h"
#include "ui_internal.h"

static struct ui_debrief *const D = &ui_debrief_state;

static bool browsing(struct ui *ui)
{
    (void)ui;
    return D->mode == M_BROWSE;
}

static bool editing(struct ui *ui)
{
    return !browsing(ui);
}

static bool on_projector(struct ui *ui)
{
    return browsing(ui) && D->projector;
}

static bool on_screen(struct ui *ui)
{
    return browsing(ui) && !D->projector;
}

static bool at_screening(struct ui *ui)
{
    return on_screen(ui) && D->step == ST_SCREENING;
}

static bool at_beschrijven(struct ui *ui)
{
    return on_screen(ui) && D->step == ST_BESCHRIJVEN;
}

static bool at_analyseren(struct ui *ui)
{
    return on_screen(ui) && D->step == ST_ANALYSEREN;
}

static bool at_patterns(struct ui *ui)
{
    return at_beschrijven(ui) || at_analyseren(ui);
}

static bool at_voorspellen(struct ui *ui)
{
    return on_screen(ui) && D->step == ST_VOORSPELLEN;
}

static bool at_volgende(struct ui *ui)
{
    return on_screen(ui) && D->step == ST_VOLGENDE;
}

/* The steps whose footer has room for q. */
static bool q_shown(struct ui *ui)
{
    return at_beschrijven(ui) || at_voorspellen(ui) || at_volgende(ui);
}

static void next_step(struct ui *ui)
{
    (void)ui;
    ui_debrief_go_step(1);
}

static void prev_step(struct ui *ui)
{
    (void)ui;
    ui_debrief_go_step(-1);
}

static void projector(struct ui *ui)
{
    (void)ui;
    D->projector = !D->projector;
}

/* On the projector q and Esc go back to the screen; there, back to the reflection. */
static void back(struct ui *ui)
{
    if (D->projector)
        D->projector = false;
    else
        ui_back(ui);
}

/* The footers, by foot_pos: a step's own keys first, then Tab p ? and (where it fits) q. */
const struct ui_binding ui_debrief_bindings[] = {
    {.keys = {UI_TAB},
     .name = "Tab, 1-5",
     .help = "volgende stap van de nabespreking, of stap 1 tot 5",
     .foot_name = "Tab",
     .foot = "stap",
     .foot_pos = 5,
     .action = next_step,
     .when = browsing},
    {.keys = {UI_FN(KEY_BTAB)}, .name = "Shift-Tab", .action = prev_step, .when = browsing},
    {.keys = {UI_FN(KEY_UP), 'k'},
     .name = "↑ ↓ (j k)",
     .help = "kies een notitie of patroon",
     .foot_name = "↑↓",
     .foot = "patroon",
     .foot_pos = 1,
     .when = at_patterns},
    {.keys = {UI_FN(KEY_LEFT)},
     .name = "← →",
     .help = "screening: notitie; analyseren: omvang lager of hoger",
     .foot_name = "←→",
     .foot = "notitie",
     .foot_pos = 1,
     .when = at_screening},
    {.keys = {UI_FN(KEY_LEFT)},
     .name = "←→",
     .foot = "omvang",
     .foot_pos = 2,
     .when = at_analyseren},
    {.keys = {UI_FN(KEY_PPAGE)},
     .name = "PgUp PgDn",
     .help = "screening: vorig of volgend tweetal (bezoek)"},
    {.keys = {UI_FN(KEY_NPAGE)},
     .name = "PgDn",
     .foot = "tweetal",
     .foot_pos = 2,
     .when = at_screening},
    {.keys = {'e', UI_ENTER},
     .name = "e, Enter",
     .help = "screening: notitie herschrijven",
     .foot_name = "e",
     .foot = "herschrijf",
     .foot_pos = 3,
     .when = at_screening},
    {.keys = {'a'},
     .name = "a",
     .help = "screening: notitie apart leggen (of terug)",
     .foot = "apart",
     .foot_pos = 4,
     .when = at_screening},
    {.keys = {'h'}, .name = "h", .help = "screening: notitie houden zoals ze is"},
    {.keys = {'o'}, .name = "o", .help = "screening: naar de volgende notitie met een oordeel"},
    {.keys = {'u', UI_CTRL('z')},
     .name = "u, Ctrl-Z",
     .help = "screening: het herschrijven ongedaan maken"},
    {.keys = {UI_ENTER},
     .name = "Enter",
     .help = "analyseren: voorstel bevestigen; voorspellen: antwoord",
     .foot = "bevestig",
     .foot_pos = 3,
     .when = at_analyseren},
    {.keys = {UI_ENTER},
     .name = "Enter",
     .foot = "antwoord",
     .foot_pos = 1,
     .when = at_voorspellen},
    {.keys = {UI_FN(KEY_BACKSPACE)},
     .name = "Backspace",
     .help = "analyseren: terug naar het voorstel"},
    {.keys = {'w'},
     .name = "w",
     .help = "de tekst van de groep bij deze stap",
     .action = ui_debrief_open_editor,
     .when = on_screen},
    {.keys = {'w'}, .name = "w", .foot = "groepstekst", .foot_pos = 2, .when = at_beschrijven},
    {.keys = {'w'}, .name = "w", .foot = "tekst", .foot_pos = 4, .when = at_analyseren},
    {.keys = {UI_ENTER},
     .name = "Enter (stap 5)",
     .help = "volgende stappen en theory of action",
     .foot_name = "Enter",
     .foot = "stappen",
     .foot_pos = 1,
     .when = at_volgende},
    {.keys = {'p'},
     .name = "p",
     .help = "projector: één ding tegelijk, groot; → verder",
     .action = projector,
     .when = browsing},
    {.keys = {'p'}, .name = "p", .foot = "projector", .foot_pos = 6, .when = on_screen},
    {.keys = {'q', UI_ESC},
     .name = "q, Esc",
     .help = "terug (op de projector: terug naar het scherm)",
     .action = back,
     .when = browsing},
    {.keys = {'q'}, .name = "q", .foot = "terug", .foot_pos = 8, .when = q_shown},
    {.keys = {'?'}, .name = "?", .foot = "hulp", .foot_pos = 7, .when = browsing},
    /* the projector: its keys go to key() (Tab, p, q above) */
    {.keys = {UI_FN(KEY_RIGHT)},
     .name = "→",
     .foot = "verder",
     .foot_pos = 1,
     .when = on_projector},
    {.keys = {UI_FN(KEY_LEFT)}, .name = "←", .foot = "terug", .foot_pos = 2, .when = on_projector},
    {.keys = {'p'}, .name = "p", .foot = "scherm", .foot_pos = 6, .when = on_projector},
    /* the editor: its keys go to key() */
    {.keys = {UI_ENTER}, .name = "Enter", .foot = "bewaren", .when = editing},
    {.keys = {UI_ESC}, .name = "Esc", .foot = "annuleren", .when = editing},
    {.name = NULL},
};
