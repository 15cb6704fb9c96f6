/* SPDX-License-Identifier: MIT */
/*
 * The exports the screens start: where an export goes by default, and e on the bijeenkomst
 * screen (the summary as HTML at once). To add a screen: write src/ui/screen_<name>.c with
 * one `const struct ui_screen`, declare it in ui_internal.h, list the file in
 * src/ui/meson.build and add one binding to the table of the screen it is opened from.
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/exchange.h"
#include "kijkronde/mem.h"
#include "kijkronde/paths.h"
#include "ui_internal.h"

char *ui_export_path(struct ui *ui, enum kr_export_format f, struct kr_error *err)
{
    char *next_to_db = kr_app_export_default_path(ui->app, ui->session.id, f, err);
    if (!next_to_db)
        return NULL;
    char *dir = kr_paths_export_dir();
    if (!dir)
        return next_to_db;
    const char *slash = strrchr(next_to_db, '/');
    char *p = kr_xasprintf("%s/%s", strcmp(dir, "/") ? dir : "", slash ? slash + 1 : next_to_db);
    free(dir);
    free(next_to_db);
    return p;
}

/* e: the summary of the bijeenkomst as one HTML file where the user finds it (the folder she
 * started kijkronde from, else her documents), at once, and the whole path on the screen. E
 * opens the export screen to choose the format, schuilnamen and file. */
void ui_export_summary(struct ui *ui)
{
    struct kr_error err = {0};
    char *path = ui_export_path(ui, KR_EXPORT_HTML, &err);
    if (path &&
        kr_app_export_file(ui->app, ui->session.id, KR_EXPORT_HTML, NULL, path, &err) == KR_OK)
        ui_message(ui, UI_OK, "Export bewaard in %s  (E: ander formaat of bestand)", path);
    else
        ui_store_error(ui, "Exporteren lukte niet", &err);
    free(path);
}
