/* SPDX-License-Identifier: MIT */
/*
 * The commands of the round as one binding table: their keys, the footer while typing a new
 * note, while editing one and in the list, and the help, with the actions behind the keys.
 * Letters go to the line while typing, so the list's letter keys apply only in the list; the
 * typing itself and the list's moving and note keys stay with screen_round.c.
 */
#include "round.h"
#include "ui_internal.h"

static struct ui_round *const R = &ui_round_state;

static bool in_list(struct ui *ui)
{
    (void)ui;
    return R->list_focus;
}

static bool on_line(struct ui *ui)
{
    return !in_list(ui);
}

static bool on_new(struct ui *ui)
{
    return on_line(ui) && !R->edit_id;
}

static bool on_edit(struct ui *ui)
{
    return on_line(ui) && R->edit_id;
}

static void to_list(struct ui *ui)
{
    (void)ui;
    R->list_focus = true;
}

static void to_line(struct ui *ui)
{
    (void)ui;
    R->list_focus = false;
}

/* Esc on the line: stop editing; on a new note, to the list. */
static void line_esc(struct ui *ui)
{
    if (R->edit_id) {
        ui_round_end_edit();
        ui_message(ui, UI_NORMAL, "Bewerking geannuleerd.");
    } else {
        R->list_focus = true;
    }
}

static void undo(struct ui *ui)
{
    ui_undo_last(ui);
    ui_round_reload(ui);
}

static void all_punten(struct ui *ui)
{
    (void)ui;
    R->all_punten = !R->all_punten;
}

static void place_leerling(struct ui *ui)
{
    ui_round_save_and_place(ui, KR_CORNER_LEERLING);
}

static void place_leraar(struct ui *ui)
{
    ui_round_save_and_place(ui, KR_CORNER_LERAAR);
}

static void place_leerinhoud(struct ui *ui)
{
    ui_round_save_and_place(ui, KR_CORNER_LEERINHOUD);
}

static void notes(struct ui *ui)
{
    if (ui_round_may_leave(ui))
        ui_push(ui, &ui_screen_notes);
}

static void back(struct ui *ui)
{
    if (ui_round_may_leave(ui))
        ui_back(ui);
}

/* The footers, by foot_pos: Enter Tab Ctrl-Z Ctrl-X ? for a new note; Enter Esc Ctrl-Z ? while
 * editing; 1 2 3, e, d, u, x, Tab, ? in the list. */
const struct ui_binding ui_round_bindings[] = {
    {.name = "Typen",
     .help = "schrijf wat je ziet en hoort; woorden die oordelen worden gemarkeerd"},
    {.keys = {UI_ENTER},
     .name = "Enter",
     .help = "bewaar de notitie meteen, met de tijd",
     .action = ui_round_save_line,
     .when = on_line},
    {.keys = {UI_ENTER}, .name = "Enter", .foot = "bewaar", .foot_pos = 1, .when = on_new},
    {.keys = {UI_ENTER},
     .name = "Enter",
     .foot = "bewaar bewerking",
     .foot_pos = 1,
     .when = on_edit},
    {.keys = {UI_CTRL('p')},
     .name = "Ctrl-P",
     .help = "alle kijkpunten onder elkaar, of weer kort (ook p in de lijst)",
     .action = all_punten},
    {.keys = {'p'}, .name = "p", .action = all_punten, .when = in_list},
    {.keys = {UI_ALT('1')},
     .name = "Alt-1 2 3",
     .help = "bewaar de regel en plaats hem bij leerling, leraar, leerinhoud",
     .action = place_leerling,
     .when = on_line},
    {.keys = {UI_ALT('2')}, .name = "Alt-2", .action = place_leraar, .when = on_line},
    {.keys = {UI_ALT('3')}, .name = "Alt-3", .action = place_leerinhoud, .when = on_line},
    {.keys = {UI_TAB, UI_FN(KEY_UP)},
     .name = "Tab, ↑",
     .help = "naar de lijst met notities (Tab of Esc: terug naar typen)",
     .action = to_list,
     .when = on_line},
    {.keys = {UI_TAB}, .name = "Tab", .foot = "notities", .foot_pos = 2, .when = on_new},
    {.keys = {UI_ESC}, .name = "Esc", .action = line_esc, .when = on_line},
    {.keys = {UI_ESC}, .name = "Esc", .foot = "annuleer", .foot_pos = 2, .when = on_edit},
    {.keys = {UI_TAB, UI_ESC, 'i'},
     .name = "Tab",
     .foot = "typen",
     .foot_pos = 6,
     .action = to_line,
     .when = in_list},
    {.keys = {'1', '2', '3', '0'},
     .name = "1 2 3",
     .help = "in de lijst: plaats bij leerling, leraar, leerinhoud (0: los)",
     .foot = "plaats",
     .foot_pos = 1,
     .when = in_list},
    {.keys = {'v'}, .name = "v", .help = "in de lijst: plaats volgens het voorstel"},
    {.keys = {'e', UI_ENTER},
     .name = "e, Enter",
     .help = "in de lijst: bewerk de notitie",
     .foot_name = "e",
     .foot = "bewerk",
     .foot_pos = 2,
     .action = ui_round_start_edit,
     .when = in_list},
    {.keys = {'d'},
     .name = "d",
     .help = "in de lijst: verwijder (ongedaan te maken)",
     .foot = "wis",
     .foot_pos = 3,
     .when = in_list},
    {.keys = {'h'},
     .name = "h",
     .help = "in de lijst: houd een notitie met oordeelwoord bewust zo"},
    {.keys = {'u', UI_CTRL('z')},
     .name = "u, Ctrl-Z",
     .help = "maak de laatste stap ongedaan",
     .foot_name = "u",
     .foot = "ongedaan",
     .foot_pos = 4,
     .when = in_list},
    {.keys = {UI_CTRL('z')},
     .name = "Ctrl-Z",
     .foot = "ongedaan",
     .foot_pos = 3,
     .action = undo,
     .when = on_line},
    {.keys = {UI_CTRL('x')},
     .name = "Ctrl-X, x",
     .help = "bezoek afronden (met nabespreking van gemarkeerde notities)",
     .action = ui_round_end_visit},
    {.keys = {UI_CTRL('x')},
     .name = "Ctrl-X",
     .foot = "bezoek klaar",
     .foot_pos = 4,
     .when = on_new},
    {.keys = {'x'},
     .name = "x",
     .foot = "bezoek klaar",
     .foot_pos = 5,
     .action = ui_round_end_visit,
     .when = in_list},
    {.keys = {UI_CTRL('n')},
     .name = "Ctrl-N, n",
     .help = "alle notities van de bijeenkomst, zoeken en filteren",
     .action = notes},
    {.keys = {'n'}, .name = "n", .action = notes, .when = in_list},
    {.keys = {UI_CTRL('a'), UI_CTRL('e')},
     .name = "Ctrl-A/E",
     .help = "naar begin/eind van de regel"},
    {.keys = {UI_CTRL('w'), UI_CTRL('u'), UI_CTRL('k')},
     .name = "Ctrl-W/U/K",
     .help = "wis woord / alles ervoor / alles erna"},
    {.keys = {'q'},
     .name = "q",
     .help = "in de lijst: terug naar de bijeenkomst (bezoek loopt door)",
     .action = back,
     .when = in_list},
    {.keys = {'?'},
     .name = "?",
     .help = "deze hulp (bij een lege regel)",
     .foot = "hulp",
     .foot_pos = 7},
    {.name = NULL},
};
