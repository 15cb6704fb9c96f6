/* SPDX-License-Identifier: MIT */
/* `kijkronde export`, `import` and `merge`: not built yet. Answers with a clear Dutch "nog niet
 * beschikbaar" and exit 2, never a silent success. */
#include "cli.h"

int kr_cmd_export(struct kr_cli *cli, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return kr_cli_not_yet(cli, "'kijkronde export'");
}

int kr_cmd_import(struct kr_cli *cli, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return kr_cli_not_yet(cli, "'kijkronde import'");
}

int kr_cmd_merge(struct kr_cli *cli, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return kr_cli_not_yet(cli, "'kijkronde merge'");
}
