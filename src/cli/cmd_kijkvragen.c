/* SPDX-License-Identifier: MIT */
/* `kijkronde kijkvragen`: not built yet. Answers with a clear Dutch "nog niet beschikbaar" and exit
 * 2, never a silent success. */
#include "cli.h"

int kr_cmd_kijkvragen(struct kr_cli *cli, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return kr_cli_not_yet(cli, "'kijkronde kijkvragen'");
}
