/* SPDX-License-Identifier: MIT */
/*
 * The commands of the reflection screen as one binding table: their keys, the footer of each
 * mode and view, and the help, with the actions of the keys that act on the screen (Tab, n,
 * t, v, q). The keys that act on the selected pattern or note, and moving, stay with the
 * screen's key() (screen_reflect.c); their rows here name them in the footer and help.
 */
#include "reflect.h"
#include "ui_internal.h"

static struct ui_reflect *const S = &ui_reflect_state;

bool ui_reflect_typing(struct ui *ui)
{
    (void)ui;
    return S->mode == M_RENAME || S->mode == M_SPLIT_NAME || S->mode == M_EDIT;
}

static bool browsing(struct ui *ui)
{
    (void)ui;
    return S->mode == M_BROWSE;
}

static bool picking(struct ui *ui)
{
    (void)ui;
    return S->mode == M_PICK_MOVE || S->mode == M_PICK_MERGE;
}

static bool on_patterns(struct ui *ui)
{
    return browsing(ui) && S->view == V_PATTERNS;
}

static bool on_debrief(struct ui *ui)
{
    return browsing(ui) && S->view == V_DEBRIEF;
}

/* The debrief and the calibration, whose footers share t, Tab, ? and q. */
static bool on_talk(struct ui *ui)
{
    return browsing(ui) && S->view != V_PATTERNS;
}

static void next_view(struct ui *ui)
{
    (void)ui;
    S->view = (enum reflect_view)((S->view + 1) % V_COUNT);
}

static void open_debrief(struct ui *ui)
{
    ui_reflect_open(ui, &ui_screen_debrief, false);
}

static void open_steps(struct ui *ui)
{
    ui_reflect_open(ui, &ui_screen_steps, true);
}

static void next_turn(struct ui *ui)
{
    if (S->tweetallen.n == 0) {
        ui_message(ui, UI_ERROR, "Deze bijeenkomst heeft geen tweetallen.");
        return;
    }
    S->turn = S->turn % S->tweetallen.n + 1;
    ui_message(ui, UI_OK, "%s heeft het woord.", S->tweetallen.items[S->turn - 1].name);
}

/* q and Esc stop choosing a pattern first; then they go back. */
static void back(struct ui *ui)
{
    if (S->mode != M_BROWSE) {
        S->mode = M_BROWSE;
        ui_message(ui, UI_NORMAL, "Niets veranderd.");
        return;
    }
    ui_back(ui);
}

/* The footers, by foot_pos: r m 1-3 s x n Tab ? on the patterns; ↑↓ Enter v t Tab ? q in the
 * debrief; t Tab ? q in the calibration; a pick's and an editor's keys in their mode. */
const struct ui_binding ui_reflect_bindings[] = {
    {.keys = {UI_TAB},
     .name = "Tab",
     .help = "patronen, nabespreking, kalibratie",
     .foot = "meer",
     .foot_pos = 7,
     .action = next_view,
     .when = on_patterns},
    {.keys = {UI_TAB},
     .name = "Tab",
     .foot = "verder",
     .foot_pos = 7,
     .action = next_view,
     .when = on_talk},
    {.keys = {UI_FN(KEY_LEFT), 'h'}, .name = "← → (h l)", .help = "andere hoek van de driehoek"},
    {.keys = {UI_FN(KEY_UP), 'k'},
     .name = "↑ ↓ (j k)",
     .help = "kies een patroon of notitie",
     .foot_name = "↑↓",
     .foot = "kies",
     .foot_pos = 1,
     .when = on_debrief},
    {.keys = {UI_ENTER},
     .name = "Enter",
     .help = "patroon open- of dichtklappen; in de nabespreking: schrijven",
     .foot = "schrijven",
     .foot_pos = 2,
     .when = on_debrief},
    {.keys = {'r'},
     .name = "r",
     .help = "patroon een andere naam geven",
     .foot = "naam",
     .foot_pos = 1,
     .when = on_patterns},
    {.keys = {'m'},
     .name = "m",
     .help = "notitie naar een ander patroon (kies het doel, Enter)",
     .foot = "verplaats",
     .foot_pos = 2,
     .when = on_patterns},
    {.keys = {'1', '2', '3'},
     .name = "1 2 3",
     .help = "notitie naar leerling, leraar of leerinhoud",
     .foot_name = "1-3",
     .foot = "hoek",
     .foot_pos = 3,
     .when = on_patterns},
    {.keys = {'s'},
     .name = "s",
     .help = "een ander patroon erbij voegen (kies het, Enter)",
     .foot = "samen",
     .foot_pos = 4,
     .when = on_patterns},
    {.keys = {' ', 'x'},
     .name = "spatie, x",
     .help = "notities markeren en als eigen patroon afsplitsen"},
    {.keys = {'x'}, .name = "x", .foot = "splits", .foot_pos = 5, .when = on_patterns},
    {.keys = {'v'},
     .name = "v",
     .help = "nabespreking: volgende stappen en theory of action per groepje",
     .foot = "stappen/toa",
     .foot_pos = 3,
     .action = open_steps,
     .when = on_debrief},
    {.keys = {'n'},
     .name = "n",
     .help = "de nabespreking in stappen: screening tot volgende stap, met projector",
     .action = open_debrief,
     .when = browsing},
    {.keys = {'n'}, .name = "n", .foot = "stappen", .foot_pos = 6, .when = on_patterns},
    {.keys = {'t'},
     .name = "t",
     .help = "het volgende tweetal heeft het woord",
     .action = next_turn},
    {.keys = {'t'}, .name = "t", .foot = "beurt", .foot_pos = 4, .when = on_talk},
    {.keys = {'*'}, .name = "*", .help = "hoek door kijkronde geraden"}, /* a mark, no key */
    {.keys = {'q', 'Q', UI_ESC}, .name = "q, Esc", .help = "terug", .action = back},
    {.keys = {'q'}, .name = "q", .foot = "terug", .foot_pos = 9, .when = on_talk},
    {.keys = {'?'}, .name = "?", .foot = "hulp", .foot_pos = 8, .when = browsing},
    /* choosing a pattern, and the editors: their keys go to key() (Esc: back above) */
    {.keys = {UI_FN(KEY_UP)}, .name = "↑↓", .foot = "kies", .when = picking},
    {.keys = {UI_FN(KEY_LEFT)}, .name = "← →", .foot = "hoek", .when = picking},
    {.keys = {UI_ENTER}, .name = "Enter", .foot = "kiezen", .when = picking},
    {.keys = {UI_ESC}, .name = "Esc", .foot = "stoppen", .when = picking},
    {.keys = {UI_ENTER}, .name = "Enter", .foot = "bewaren", .when = ui_reflect_typing},
    {.keys = {UI_ESC}, .name = "Esc", .foot = "annuleren", .when = ui_reflect_typing},
    {.name = NULL},
};
