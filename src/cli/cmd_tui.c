/* SPDX-License-Identifier: MIT */
/* No command: the TUI on the database. */
#include "cli.h"
#include "kijkronde/ui.h"

int kr_cmd_tui(struct kr_cli *cli, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    struct kr_store *st = kr_cli_store(cli);
    if (!st)
        return KR_EXIT_USAGE;
    char notice[256];
    kr_cli_recover(st, notice, sizeof notice);
    struct kr_ui_options opt = {.no_color = cli->no_color,
                                .notice = notice[0] ? notice : NULL,
                                .kijkvragen_dir = cli->kijkvragen_dir,
                                .session_id = cli->open_session,
                                .demo_fill = kr_demo_fill};
    return kr_ui_run(st, &opt);
}
