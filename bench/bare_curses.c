/* SPDX-License-Identifier: MIT */
/*
 * The baseline for the start-up benchmark: the least a curses program does before
 * its first screen (initscr, a bordered window with a few lines of text, refresh),
 * then it waits for one key and ends. Given a database, it opens it and lists its
 * bijeenkomsten first, as the least a program that shows them must do.
 *
 * Usage: bare_curses [DB]
 */
#include <curses.h>
#include <locale.h>
#include <sqlite3.h>

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    initscr();
    cbreak();
    noecho();
    keypad(stdscr, TRUE);
    box(stdscr, 0, 0);
    mvaddstr(1, 2, "Bijeenkomsten");
    int row = 3;
    sqlite3 *db = NULL;
    if (argc > 1 && sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
        sqlite3_stmt *s = NULL;
        if (sqlite3_prepare_v2(db, "SELECT date, kijkvraag_text FROM session ORDER BY date DESC",
                               -1, &s, NULL) == SQLITE_OK)
            while (row < LINES - 3 && sqlite3_step(s) == SQLITE_ROW)
                mvprintw(row++, 2, "%.10s  %.60s", (const char *)sqlite3_column_text(s, 0),
                         (const char *)sqlite3_column_text(s, 1));
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    if (row == 3)
        mvaddstr(3, 2, "Rekenen: wat doen leerlingen wanneer ze vastlopen?");
    mvaddstr(LINES - 2, 2, "q stoppen");
    refresh();
    getch();
    endwin();
    return 0;
}
