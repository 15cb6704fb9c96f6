/* SPDX-License-Identifier: MIT */
/*
 * A first, minimal TUI: the bijeenkomsten in the database. The observation round
 * (issue: de ronde in de TUI) replaces this file.
 */
#include "kijkronde/ui.h"

#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kijkronde/mem.h"
#include "kijkronde/utf8.h"

static void restore_terminal(void)
{
    if (!isendwin())
        endwin();
}

int kr_ui_run(struct kr_store *st, const struct kr_ui_options *opt)
{
    (void)opt;
    const char *term = getenv("TERM");
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) || !term || !*term ||
        strcmp(term, "dumb") == 0) {
        fputs("kijkronde: geen bruikbare terminal (TERM is leeg of 'dumb', of er is geen "
              "scherm); gebruik de opdrachten, zie 'kijkronde --help'.\n",
              stderr);
        return 2;
    }
    setlocale(LC_ALL, "");
    if (!newterm(NULL, stdout, stdin)) {
        fprintf(stderr, "kijkronde: terminal '%s' wordt niet ondersteund.\n", term);
        return 2;
    }
    kr_mem_set_fatal_hook(restore_terminal);
    cbreak();
    noecho();
    keypad(stdscr, TRUE);
    curs_set(0);
    struct kr_session_list l = {0};
    struct kr_error err = {0};
    kr_store_session_list(st, &l, &err);
    for (;;) {
        werase(stdscr);
        mvaddstr(0, 0, "kijkronde: bijeenkomsten");
        for (size_t i = 0; i < l.n && (int)i + 2 < LINES - 1; i++) {
            char line[512], school[256];
            kr_utf8_truncate(school, sizeof school,
                             l.items[i].host_school ? l.items[i].host_school : "-", 40);
            snprintf(line, sizeof line, "%s  %s  %ld notities", l.items[i].date, school,
                     l.items[i].n_observations);
            mvaddstr((int)i + 2, 2, line);
        }
        mvaddstr(LINES - 1, 0, "q stoppen");
        refresh();
        int ch = getch();
        if (ch == 'q' || ch == 'Q')
            break;
    }
    kr_session_list_fini(&l);
    endwin();
    kr_mem_set_fatal_hook(NULL);
    return 0;
}
