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

/* e: the summary of the bijeenkomst as one HTML file next to the database, at once. E opens
 * the export screen to choose the format, schuilnamen and file. */
static void export_summary(struct ui *ui)
{
    struct kr_error err = {0};
    char *path = kr_export_default_path(ui->st, ui->session.id, KR_EXPORT_HTML, &err);
    if (path &&
        kr_export_session_file(ui->st, ui->session.id, KR_EXPORT_HTML, NULL, path, &err) == KR_OK)
        ui_message(ui, UI_OK, "Export bewaard in %s  (E: ander formaat of bestand)", path);
    else
        ui_store_error(ui, "Exporteren lukte niet", &err);
    free(path);
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
