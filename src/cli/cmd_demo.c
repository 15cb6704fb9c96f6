/* SPDX-License-Identifier: MIT */
/* `kijkronde demo [--no-tui]`: a realistic bijeenkomst to look around in (the demo itself is
 * the application layer's, src/app/demo.c). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int kr_cmd_demo(struct kr_cli *cli, int argc, char **argv)
{
    int no_tui = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--no-tui") == 0)
            no_tui = 1;
        else
            return kr_cli_usage(cli, "Onbekende optie '%s' bij 'demo'.", argv[i]);
    }
    struct kr_app *app = kr_cli_app(cli);
    if (!app)
        return KR_EXIT_USAGE;
    struct kr_error err = {0};
    char *id = NULL;
    bool created;
    if (kr_app_demo_fill(app, &id, &created, &err) != KR_OK)
        return kr_cli_fail(cli, &err);
    if (no_tui)
        fprintf(cli->out,
                created ? "Demo-bijeenkomst %s gemaakt in %s.\n"
                        : "Demo-bijeenkomst %s staat al in %s.\n",
                id, kr_app_path(app));
    if (no_tui) {
        free(id);
        return KR_EXIT_OK;
    }
    cli->open_session = id;
    int rc = kr_cmd_tui(cli, 0, NULL);
    cli->open_session = NULL;
    free(id);
    return rc;
}
