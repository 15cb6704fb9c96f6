/* SPDX-License-Identifier: MIT */
/*
 * Where screens are reached from. To add a screen: write src/ui/screen_<name>.c with
 * one `const struct ui_screen`, declare it in ui_internal.h, list the file in
 * src/ui/meson.build and add one line here. An action (e.g. an export) is a function
 * instead of a screen.
 */
#include <stdlib.h>

#include "kijkronde/exchange.h"
#include "ui_internal.h"

/* e: the summary of the bijeenkomst as one HTML file next to the database, at once (or,
 * should this build not write HTML, everything as kijkronde/1 JSON). E: choose. */
static void export_summary(struct ui *ui)
{
    static const enum kr_export_format formats[] = {KR_EXPORT_HTML, KR_EXPORT_JSON};
    struct kr_error err = {0};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        char *path = kr_export_default_path(ui->st, ui->session.id, formats[i], &err);
        if (!path)
            break;
        enum kr_status r =
            kr_export_session_file(ui->st, ui->session.id, formats[i], NULL, path, &err);
        if (r == KR_OK)
            ui_message(ui, UI_OK, "Export bewaard in %s  (E: ander formaat of bestand)", path);
        free(path);
        if (r != KR_UNSUPPORTED)
            break;
    }
    if (err.status != KR_OK && err.status != KR_UNSUPPORTED)
        ui_store_error(ui, "Exporteren lukte niet", &err);
}

/* Keys on the bijeenkomst screen. Keep the keys free of b, q, j, k, g, G, ? and Enter. */
const struct ui_link ui_session_links[] = {
    {'b', "nieuw bezoek", &ui_screen_visit, NULL},
    {'n', "alle notities", &ui_screen_notes, NULL},
    {'e', "exporteren", NULL, export_summary},
    {'E', "exporteren: kiezen", &ui_screen_export, NULL},
    {'r', "reflectie", &ui_screen_reflect, NULL},
    {0, NULL, NULL, NULL},
};
