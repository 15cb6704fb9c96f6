/* SPDX-License-Identifier: MIT */
/*
 * The commands of the next-steps screen as one binding table: their keys, the footer of each
 * mode and view, and the help, with the small actions behind the keys. The forms, the
 * evidence and the j/n of d take their keys themselves (screen_steps.c).
 */
#include "steps.h"
#include "ui_internal.h"

static struct ui_steps *const S = &ui_steps_state;

bool ui_steps_takes_keys(struct ui *ui)
{
    (void)ui;
    return S->mode != M_BROWSE;
}

static bool browsing(struct ui *ui)
{
    return !ui_steps_takes_keys(ui);
}

static bool on_steps(struct ui *ui)
{
    return browsing(ui) && S->view == V_STEPS;
}

static bool on_toa(struct ui *ui)
{
    return browsing(ui) && S->view == V_TOA;
}

static bool in_step_form(struct ui *ui)
{
    (void)ui;
    return S->mode == M_STEP_FORM;
}

static bool in_toa_form(struct ui *ui)
{
    (void)ui;
    return S->mode == M_TOA_FORM;
}

static bool in_evidence(struct ui *ui)
{
    (void)ui;
    return S->mode == M_EVIDENCE;
}

static bool confirming(struct ui *ui)
{
    (void)ui;
    return S->mode == M_CONFIRM;
}

static void next_view(struct ui *ui)
{
    (void)ui;
    S->view = (enum steps_view)((S->view + 1) % V_COUNT);
}

static void new_item(struct ui *ui)
{
    (void)ui;
    if (S->view == V_STEPS)
        ui_steps_step_form(NULL);
    else
        ui_steps_toa_form();
}

static void edit_step(struct ui *ui)
{
    (void)ui;
    if (steps_cur_step(S))
        ui_steps_step_form(steps_cur_step(S));
}

static void move_up(struct ui *ui)
{
    ui_steps_move(ui, -1);
}

static void move_down(struct ui *ui)
{
    ui_steps_move(ui, 1);
}

static void ask_delete(struct ui *ui)
{
    size_t n = S->view == V_STEPS ? S->steps.n : S->toas.n;
    if (n == 0)
        return;
    if (S->view == V_STEPS)
        ui_message(ui, UI_ERROR, "Stap %zu verwijderen? (j/n)", S->sel[V_STEPS] + 1);
    else
        ui_message(ui, UI_ERROR, "Theory of action van %s verwijderen? (j/n)",
                   steps_cur_toa(S)->group ? steps_cur_toa(S)->group : "deze versie");
    S->mode = M_CONFIRM;
}

/* The footer: n e b K/J d Tab ? q on the steps, n c d Tab ? q on the theory of action (by
 * foot_pos); a form's keys in its own mode. */
const struct ui_binding ui_steps_bindings[] = {
    {.keys = {UI_TAB, UI_FN(KEY_BTAB)},
     .name = "Tab",
     .help = "volgende stappen, theory of action per groepje",
     .foot = "toa",
     .foot_pos = 6,
     .action = next_view,
     .when = on_steps},
    {.keys = {UI_TAB, UI_FN(KEY_BTAB)},
     .name = "Tab",
     .foot = "stappen",
     .foot_pos = 6,
     .action = next_view,
     .when = on_toa},
    {.keys = {UI_FN(KEY_UP), 'k'}, .name = "↑ ↓ (j k)", .help = "kies een stap of versie"},
    {.keys = {'n'},
     .name = "n",
     .help = "nieuwe stap, of nieuwe theory of action van een groepje",
     .foot = "nieuw",
     .foot_pos = 1,
     .action = new_item,
     .when = browsing},
    {.keys = {'e', UI_ENTER},
     .name = "e, Enter",
     .help = "stap wijzigen",
     .foot_name = "e",
     .foot = "wijzig",
     .foot_pos = 2,
     .action = edit_step,
     .when = on_steps},
    {.keys = {UI_FN(KEY_LEFT)}, .name = "← →", .help = "in het formulier: wie en wanneer kiezen"},
    {.keys = {'b'},
     .name = "b",
     .help = "bewijs: patronen aan/uit met spatie, Enter bewaart",
     .foot = "bewijs",
     .foot_pos = 3,
     .action = ui_steps_evidence,
     .when = on_steps},
    {.keys = {'K', UI_FN(KEY_SR)},
     .name = "K J (Shift-↑ ↓)",
     .help = "stap een plaats omhoog of omlaag (de volgorde telt)",
     .foot_name = "K/J",
     .foot = "volgorde",
     .foot_pos = 4,
     .action = move_up,
     .when = on_steps},
    {.keys = {'J', UI_FN(KEY_SF)}, .name = "J", .action = move_down, .when = on_steps},
    {.keys = {'c'},
     .name = "c",
     .help = "deze theory of action kiezen als die van de school",
     .foot = "kiezen",
     .foot_pos = 2,
     .action = ui_steps_toa_choose,
     .when = on_toa},
    {.keys = {'d'},
     .name = "d",
     .help = "verwijderen (j/n)",
     .foot = "weg",
     .foot_pos = 5,
     .action = ask_delete,
     .when = browsing},
    {.keys = {'q', 'Q', UI_ESC},
     .name = "q, Esc",
     .help = "terug naar de nabespreking",
     .foot_name = "q",
     .foot = "terug",
     .foot_pos = 8,
     .action = ui_back,
     .when = browsing},
    {.keys = {'?'}, .name = "?", .foot = "hulp", .foot_pos = 7, .when = browsing},
    /* the forms, the evidence and the j/n: their keys go to key() */
    {.keys = {UI_FN(KEY_UP)}, .name = "↑↓", .foot = "veld", .when = in_step_form},
    {.keys = {UI_FN(KEY_LEFT)}, .name = "← →", .foot = "kiezen", .when = in_step_form},
    {.keys = {UI_ENTER}, .name = "Enter", .foot = "bewaren", .when = in_step_form},
    {.keys = {UI_ESC}, .name = "Esc", .foot = "annuleren", .when = in_step_form},
    {.keys = {UI_FN(KEY_UP)}, .name = "↑↓", .foot = "veld", .when = in_toa_form},
    {.keys = {UI_ENTER}, .name = "Enter", .foot = "volgende", .when = in_toa_form},
    {.keys = {UI_CTRL('s')}, .name = "Ctrl-S", .foot = "bewaren", .when = in_toa_form},
    {.keys = {UI_ESC}, .name = "Esc", .foot = "annuleren", .when = in_toa_form},
    {.keys = {UI_FN(KEY_UP)}, .name = "↑↓", .foot = "kies", .when = in_evidence},
    {.keys = {' '}, .name = "spatie", .foot = "aan/uit", .when = in_evidence},
    {.keys = {UI_ENTER}, .name = "Enter", .foot = "bewaren", .when = in_evidence},
    {.keys = {UI_ESC}, .name = "Esc", .foot = "annuleren", .when = in_evidence},
    {.keys = {'j'}, .name = "j", .foot = "verwijderen", .when = confirming},
    {.keys = {'n'}, .name = "n", .foot = "niet", .when = confirming},
    {.name = NULL},
};
