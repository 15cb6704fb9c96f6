/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the screens' binding tables (src/ui/bindings.c), walked without a terminal:
 * every key a footer or help line names is a key of its binding, every footer key is
 * explained in the help (or belongs to a prompt), every binding is reached by its keys, and
 * the footers read as they did when each screen kept its own string.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "krtest.h"
#include "reflect.h"
#include "round.h"
#include "ui_internal.h"

static const struct ui_screen *const screens[] = {
    &ui_screen_start,    &ui_screen_session, &ui_screen_review,
    &ui_screen_networks, &ui_screen_network, &ui_screen_followup,
    &ui_screen_notes,    &ui_screen_visit,   &ui_screen_export,
};
#define N_SCREENS (sizeof screens / sizeof screens[0])

static struct ui ui;

static void setup(void)
{
    memset(&ui, 0, sizeof ui);
    ui.rows = 24;
    ui.cols = 80;
}

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Is key (a name such as "q") one of the names in a help line's "Tab, q, Esc"? */
static bool names_token(const char *names, const char *key)
{
    size_t n = strlen(key);
    for (const char *p = names; (p = strstr(p, key)) != NULL; p++) {
        bool start = p == names || strchr(" ,(", p[-1]);
        bool end = p[n] == '\0' || strchr(" ,)", p[n]);
        if (start && end)
            return true;
    }
    return false;
}

START_TEST(test_bindings_names_are_their_keys)
{
    for (size_t i = 0; i < N_SCREENS; i++) {
        ck_assert_ptr_nonnull(screens[i]->bindings);
        for (const struct ui_binding *b = screens[i]->bindings; b->name; b++) {
            char key[32];
            if (b->keys[0] == 0) { /* a line of help only ("Typen") */
                ck_assert_msg(b->help && !b->foot && !b->action && !b->screen,
                              "%s: '%s' has no key", screens[i]->title, b->name);
                continue;
            }
            ui_key_name(b->keys[0], key, sizeof key);
            ck_assert_msg(starts_with(b->name, key), "%s: '%s' is not run by %s", screens[i]->title,
                          b->name, key);
            if (b->foot_name)
                ck_assert_msg(starts_with(b->foot_name, key), "%s: footer '%s' is not run by %s",
                              screens[i]->title, b->foot_name, key);
            ck_assert_msg(b->help || b->foot || b->action || b->screen, "%s: '%s' does nothing",
                          screens[i]->title, b->name);
        }
    }
}
END_TEST

START_TEST(test_bindings_footer_keys_are_in_the_help)
{
    for (size_t i = 0; i < N_SCREENS; i++) {
        const struct ui_binding *t = screens[i]->bindings;
        ui.screen = screens[i];
        for (const struct ui_binding *b = t; b->name; b++) {
            /* In the help itself; or a prompt's key, not shown in the screen's first state;
             * or ? itself, which opens the help. */
            if (!b->foot || b->help || (b->when && !b->when(&ui)) || b->keys[0] == '?')
                continue;
            /* each key the footer names ("↑ ↓": ↑ and ↓) is named by a line of the help */
            char keys[64], *save = NULL;
            snprintf(keys, sizeof keys, "%s", b->foot_name ? b->foot_name : b->name);
            for (char *key = strtok_r(keys, " ", &save); key; key = strtok_r(NULL, " ", &save)) {
                bool found = false;
                for (const struct ui_binding *h = t; h->name && !found; h++)
                    found = h->help && names_token(h->name, key);
                ck_assert_msg(found, "%s: footer key '%s' is not in the help", screens[i]->title,
                              key);
            }
        }
    }
}
END_TEST

/* Each binding that does something is what its keys find, wherever its when() holds now. */
START_TEST(test_bindings_keys_reach_their_action)
{
    for (size_t i = 0; i < N_SCREENS; i++) {
        ui.screen = screens[i];
        for (const struct ui_binding *b = screens[i]->bindings; b->name; b++) {
            if (!b->action && !b->screen)
                continue;
            if ((b->when && !b->when(&ui)) ||
                (screens[i]->takes_keys && screens[i]->takes_keys(&ui)))
                continue;
            for (size_t k = 0; k < UI_BINDING_KEYS && b->keys[k]; k++) {
                const struct ui_binding *f = ui_binding_find(&ui, b->keys[k]);
                char key[32];
                ck_assert_msg(f && f->action == b->action && f->screen == b->screen,
                              "%s: %s does not reach '%s'", screens[i]->title,
                              ui_key_name(b->keys[k], key, sizeof key), b->name);
            }
        }
    }
}
END_TEST

static void footer(const struct ui_screen *s, char *buf, size_t size)
{
    const struct ui_binding *items[32];
    ui.screen = s;
    size_t n = ui_footer_items(&ui, items, 32), o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++)
        o += (size_t)snprintf(buf + o, size - o, "%s%s %s", i ? "|" : "",
                              items[i]->foot_name ? items[i]->foot_name : items[i]->name,
                              items[i]->foot);
}

START_TEST(test_bindings_footers_read_as_before)
{
    static const struct {
        const struct ui_screen *screen;
        const char *footer;
    } want[] = {
        {&ui_screen_start, "Enter openen|n nieuwe bijeenkomst|d demo|u ongedaan|? hulp|q stoppen"},
        {&ui_screen_session, "b nieuw bezoek|n alle notities|e exporteren|r reflectie|? hulp|"
                             "q terug"},
        {&ui_screen_review, "Enter volgend bezoek|q terug|? hulp"}, /* no notes */
        {&ui_screen_networks, "Enter openen|n nieuw netwerk|r hernoemen|Tab bijeenkomsten|"
                              "? hulp|q terug"},
        {&ui_screen_network, "Enter openen|v verplaatsen|r hernoemen|? hulp|q terug"},
        {&ui_screen_followup, "1 gedaan|2 bezig|3 niet gedaan|s overslaan|b bezoek|? hulp"},
        {&ui_screen_notes, "/ zoek|f filter|e bewerk|1 2 3 plaats|d wis|u ongedaan|q terug"},
        {&ui_screen_visit, "Enter volgende|← → tweetal|Ctrl-S beginnen|Esc terug"},
        {&ui_screen_export, "← → kiezen|Enter volgende|Ctrl-S schrijven|Esc terug"},
        {&ui_screen_steps, "n nieuw|e wijzig|b bewijs|K/J volgorde|d weg|Tab toa|? hulp|q terug"},
        {&ui_screen_debrief, "←→ notitie|PgDn tweetal|e herschrijf|a apart|Tab stap|p projector|"
                             "? hulp"},
        {&ui_screen_round, "Enter bewaar|Tab notities|Ctrl-Z ongedaan|Ctrl-X bezoek klaar|? hulp"},
        {&ui_screen_new, "Enter volgende|↑ ↓ veld|Ctrl-S maken|Esc annuleren"},
        {&ui_screen_reflect, "r naam|m verplaats|1-3 hoek|s samen|x splits|n stappen|Tab meer|"
                             "? hulp"},
    };
    char got[512];
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        footer(want[i].screen, got, sizeof got);
        ck_assert_str_eq(got, want[i].footer);
    }
}
END_TEST

/* The reflection's footer follows its mode and view through the bindings' when(). */
START_TEST(test_bindings_reflect_footers_by_state)
{
    static const struct {
        enum reflect_view view;
        enum reflect_mode mode;
        const char *footer;
    } want[] = {
        {V_DEBRIEF, M_BROWSE,
         "↑↓ kies|Enter schrijven|v stappen/toa|t beurt|Tab verder|? hulp|q terug"},
        {V_CALIBRATION, M_BROWSE, "t beurt|Tab verder|? hulp|q terug"},
        {V_PATTERNS, M_PICK_MOVE, "↑↓ kies|← → hoek|Enter kiezen|Esc stoppen"},
        {V_PATTERNS, M_RENAME, "Enter bewaren|Esc annuleren"},
    };
    char got[512];
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        ui_reflect_state.view = want[i].view;
        ui_reflect_state.mode = want[i].mode;
        footer(&ui_screen_reflect, got, sizeof got);
        ck_assert_str_eq(got, want[i].footer);
    }
    ui_reflect_state.mode = M_BROWSE;
    ui_reflect_state.view = V_DEBRIEF;
    ui.screen = &ui_screen_reflect;
    const struct ui_binding *v = ui_binding_find(&ui, 'v');
    ck_assert_ptr_nonnull(v);
    ck_assert_ptr_eq(v->screen, NULL);
    ck_assert(v->action != NULL);
    ui_reflect_state.view = V_PATTERNS;
    ck_assert_ptr_null(ui_binding_find(&ui, 'v')); /* v is the debrief's */
    ui_reflect_state.mode = M_RENAME;
    ck_assert_ptr_null(ui_binding_find(&ui, 'q')); /* typed into the name */
    ui_reflect_state.mode = M_BROWSE;
}
END_TEST

/* The round: typing a new note, editing one, the list; letters are typed, not commands. */
START_TEST(test_bindings_round_footers_by_state)
{
    char got[512], id[] = "n1";
    ui.screen = &ui_screen_round;
    ck_assert_ptr_null(ui_binding_find(&ui, 'x')); /* typed into the line */
    ck_assert_ptr_nonnull(ui_binding_find(&ui, UI_CTRL('x')));
    ui_round_state.edit_id = id;
    footer(&ui_screen_round, got, sizeof got);
    ck_assert_str_eq(got, "Enter bewaar bewerking|Esc annuleer|Ctrl-Z ongedaan|? hulp");
    ui_round_state.edit_id = NULL;
    ui_round_state.list_focus = true;
    footer(&ui_screen_round, got, sizeof got);
    ck_assert_str_eq(got, "1 2 3 plaats|e bewerk|d wis|u ongedaan|x bezoek klaar|Tab typen|? hulp");
    ck_assert_ptr_nonnull(ui_binding_find(&ui, 'x'));
    ck_assert_ptr_null(ui_binding_find(&ui, UI_CTRL('z'))); /* the list's undo (notes.c) */
    ui_round_state.list_focus = false;
}
END_TEST

START_TEST(test_bindings_key_names)
{
    char b[32];
    ck_assert_str_eq(ui_key_name(UI_ENTER, b, sizeof b), "Enter");
    ck_assert_str_eq(ui_key_name(UI_CTRL('z'), b, sizeof b), "Ctrl-Z");
    ck_assert_str_eq(ui_key_name(UI_FN(KEY_F(2)), b, sizeof b), "F2");
    ck_assert_str_eq(ui_key_name(UI_FN(KEY_UP), b, sizeof b), "↑");
    ck_assert_str_eq(ui_key_name('n', b, sizeof b), "n");
    ck_assert_str_eq(ui_key_name(0xe9, b, sizeof b), "é");
}
END_TEST

static Suite *bindings_suite(void)
{
    Suite *s = suite_create("bindings");
    TCase *tc = tcase_create("tables");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_bindings_names_are_their_keys);
    tcase_add_test(tc, test_bindings_footer_keys_are_in_the_help);
    tcase_add_test(tc, test_bindings_keys_reach_their_action);
    tcase_add_test(tc, test_bindings_footers_read_as_before);
    tcase_add_test(tc, test_bindings_reflect_footers_by_state);
    tcase_add_test(tc, test_bindings_round_footers_by_state);
    tcase_add_test(tc, test_bindings_key_names);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(bindings_suite());
}
