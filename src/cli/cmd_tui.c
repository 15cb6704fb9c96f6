/* SPDX-License-Identifier: MIT */
/* No command: the TUI on the database, through the application layer (kijkronde/app.h). */
#include "cli.h"
#include "kijkronde/app.h"
#include "kijkronde/ui.h"

int kr_cmd_tui(struct kr_cli *cli, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    /* The one app of the run (the cli closes it, and the store with it). */
    struct kr_app *app = kr_cli_app(cli);
    if (!app)
        return KR_EXIT_USAGE;
    char notice[256];
    kr_cli_recover(app, notice, sizeof notice);
    struct kr_ui_options opt = {.no_color = cli->no_color,
                                .notice = notice[0] ? notice : NULL,
                                .kijkvragen_dir = cli->kijkvragen_dir,
                                .session_id = cli->open_session,
                                .demo_fill = kr_app_demo_fill};
    return kr_ui_run(app, &opt);
}
