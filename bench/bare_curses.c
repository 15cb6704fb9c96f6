/* SPDX-License-Identifier: MIT */
/*
 * The baseline for the start-up benchmark: the least a curses program does before
 * its first screen (initscr, a bordered window with a few lines of text, refresh),
 * then it waits for one key and ends.
 */
#include <curses.h>
#include <locale.h>

int main(void)
{
    setlocale(LC_ALL, "");
    initscr();
    cbreak();
    noecho();
    keypad(stdscr, TRUE);
    box(stdscr, 0, 0);
    mvaddstr(1, 2, "Bijeenkomsten");
    mvaddstr(3, 2, "Rekenen: wat doen leerlingen wanneer ze vastlopen?");
    mvaddstr(LINES - 2, 2, "q stoppen");
    refresh();
    getch();
    endwin();
    return 0;
}
