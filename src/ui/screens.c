/* SPDX-License-Identifier: MIT */
/*
 * Where screens are reached from. To add a screen: write src/ui/screen_<name>.c with
 * one `const struct ui_screen`, declare it in ui_internal.h, list the file in
 * src/ui/meson.build and add one line here. An action (e.g. an export) is a function
 * instead of a screen.
 */
#include "ui_internal.h"

/* Keys on the bijeenkomst screen. Keep the keys free of b, q, j, k, g, G, ? and Enter. */
const struct ui_link ui_session_links[] = {
    {'b', "nieuw bezoek", &ui_screen_visit, NULL},
    {'n', "alle notities", &ui_screen_notes, NULL},
    {0, NULL, NULL, NULL},
};
