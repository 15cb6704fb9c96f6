/* SPDX-License-Identifier: MIT */
/*
 * The TUI's frame: terminal set-up and teardown, the main loop (keys, resize, paste,
 * the half-second tick), the screen stack, the top bar and the "venster te klein" screen.
 * The footer and the help overlay come from the screens' bindings (bindings.c); screens
 * live in screen_*.c.
 */
#include "kijkronde/ui.h"

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kijkronde/mem.h"
#include "kijkronde/plural.h"
#include "kijkronde/utf8.h"
#include "ui_internal.h"

/* Bracketed paste: the terminal wraps pasted text in these, so a pasted line break is
 * not an Enter that saves half a note. */
#define KEY_PASTE_BEGIN (KEY_MAX + 1)
#define KEY_PASTE_END   (KEY_MAX + 2)
#define PASTE_MAX       (64 * 1024)

/* SIGHUP (closed terminal, dropped SSH), SIGTERM, SIGINT: the handler only sets this;
 * the main loop (getch times out every 500 ms, or returns at once on EINTR) stops the
 * normal way, so the round's leave() saves what waits and writes the draft. */
static volatile sig_atomic_t stop_signal;

size_t ui_recovery_count;
char ui_recovery_path[1024];
bool ui_recovery_failed;
struct kr_buf ui_recovery_text;

static void on_stop_signal(int sig)
{
    stop_signal = sig;
}

static void catch_stop_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: a blocking read returns with EINTR */
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
}

static void restore_terminal(void)
{
    if (!isendwin()) {
        fputs("\033[?2004l", stdout);
        endwin();
    }
}

void ui_message(struct ui *ui, enum ui_attr attr, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
    va_end(ap);
    ui->msg_attr = attr;
}

void ui_store_error(struct ui *ui, const char *what, const struct kr_error *err)
{
    const char *why;
    switch (err->status) {
    case KR_DB_FULL:
        why = "de schijf is vol";
        break;
    case KR_DB_READONLY:
        why = "de database kan niet beschreven worden (alleen-lezen)";
        break;
    case KR_DB_BUSY:
        why = "een ander programma houdt de database bezet";
        break;
    default:
        why = err->msg[0] ? err->msg : kr_status_str(err->status);
        break;
    }
    ui_message(ui, UI_ERROR, "%s: %s.", what, why);
}

static void set_screen(struct ui *ui, const struct ui_screen *screen)
{
    if (ui->screen && ui->screen->leave)
        ui->screen->leave(ui);
    ui->screen = screen;
    ui->show_help = false;
    if (screen->enter)
        screen->enter(ui);
}

void ui_push(struct ui *ui, const struct ui_screen *screen)
{
    if (ui->screen && ui->depth < sizeof ui->stack / sizeof ui->stack[0])
        ui->stack[ui->depth++] = ui->screen;
    set_screen(ui, screen);
}

void ui_replace(struct ui *ui, const struct ui_screen *screen)
{
    set_screen(ui, screen);
}

void ui_back(struct ui *ui)
{
    if (ui->depth == 0) {
        ui->quit = true;
        return;
    }
    set_screen(ui, ui->stack[--ui->depth]);
}

void ui_close_session(struct ui *ui)
{
    ui_reflection_drop(ui);
    kr_visit_fini(&ui->visit);
    memset(&ui->visit, 0, sizeof ui->visit);
    kr_session_fini(&ui->session);
    memset(&ui->session, 0, sizeof ui->session);
}

bool ui_open_session(struct ui *ui, const char *id)
{
    struct kr_error err = {0};
    struct kr_session s = {0};
    if (kr_app_session_get(ui->app, id, &s, &err) != KR_OK) {
        ui_store_error(ui, "Kan de bijeenkomst niet openen", &err);
        kr_session_fini(&s);
        return false;
    }
    ui_close_session(ui);
    ui->session = s;
    return true;
}

/* ---- colours ---- */

static const struct {
    short fg, bg;
    attr_t extra; /* added with colour */
    attr_t mono;  /* used without colour */
} attr_table[UI_ATTR_COUNT] = {
    [UI_NORMAL] = {-1, -1, 0, A_NORMAL},
    [UI_TITLE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD},
    [UI_FOOTER] = {COLOR_BLACK, COLOR_WHITE, 0, A_REVERSE},
    [UI_KEY] = {COLOR_BLUE, COLOR_WHITE, A_BOLD, A_REVERSE | A_BOLD},
    [UI_SELECT] = {COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE},
    [UI_JUDGE] = {COLOR_BLACK, COLOR_YELLOW, A_UNDERLINE, A_UNDERLINE | A_BOLD},
    [UI_HINT] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
    [UI_ERROR] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_BOLD | A_REVERSE},
    [UI_OK] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
    [UI_DIM] = {-1, -1, A_DIM, A_DIM},
    [UI_HEAD] = {COLOR_CYAN, -1, A_BOLD, A_BOLD | A_UNDERLINE},
    [UI_LEERLING] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
    [UI_LERAAR] = {COLOR_MAGENTA, -1, A_BOLD, A_BOLD},
    [UI_LEERINHOUD] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
};

attr_t ui_attr(const struct ui *ui, enum ui_attr a)
{
    if (!ui->color)
        return attr_table[a].mono;
    if (a == UI_NORMAL)
        return A_NORMAL;
    return COLOR_PAIR((short)a) | attr_table[a].extra;
}

static void init_colors(struct ui *ui)
{
    const char *nc = getenv("NO_COLOR");
    ui->color = !ui->opt->no_color && !(nc && *nc) && has_colors();
    if (!ui->color)
        return;
    start_color();
    use_default_colors();
    for (int a = 1; a < UI_ATTR_COUNT; a++)
        init_pair((short)a, attr_table[a].fg, attr_table[a].bg);
}

/* ---- the frame ---- */

static const char *text_field(struct ui *ui)
{
    return ui->screen->text_field && !ui->show_help ? ui->screen->text_field(ui) : NULL;
}

/* Below the minimum size no screen can be drawn. What the user types then is not lost
 * unseen: letters go on into the text field (a note keeps growing while the observer looks
 * at the class), other keys are ignored, and the screen says which, with the counts. */
static void draw_too_small(struct ui *ui)
{
    char line[256];
    const char *field = text_field(ui);
    erase();
    int y = 0, cols = ui->cols;
    y += ui_put(ui, y, 0, cols, UI_ERROR, "Venster te klein") ? 1 : 0;
    snprintf(line, sizeof line, "Maak het venster groter: minstens %dx%d, nu %dx%d.", UI_MIN_COLS,
             UI_MIN_ROWS, ui->cols, ui->rows);
    y += ui_put_wrapped(ui, y, 0, cols, ui->rows - y, UI_NORMAL, line, NULL, 0, UI_NORMAL);
    if (field) {
        snprintf(line, sizeof line,
                 "Wat je typt, komt in %s (%zu %s erbij); andere toetsen worden genegeerd tot "
                 "het venster groter is.",
                 field, ui->small_typed, kr_plural((long long)ui->small_typed, "teken", "tekens"));
    } else {
        snprintf(line, sizeof line, "Toetsen worden genegeerd tot het venster groter is.");
    }
    y += ui_put_wrapped(ui, y, 0, cols, ui->rows - y, UI_HINT, line, NULL, 0, UI_HINT);
    if (ui->small_ignored) {
        snprintf(line, sizeof line, "%zu %s genegeerd.", ui->small_ignored,
                 kr_plural((long long)ui->small_ignored, "toets", "toetsen"));
        y += ui_put_wrapped(ui, y, 0, cols, ui->rows - y, UI_NORMAL, line, NULL, 0, UI_NORMAL);
    }
    ui_put_wrapped(ui, y, 0, cols, ui->rows - y, UI_NORMAL, "Ctrl-C stopt.", NULL, 0, UI_NORMAL);
}

/* Back to a usable size: say once what happened to the keys typed meanwhile. */
static void small_done(struct ui *ui)
{
    if (!ui->small_typed && !ui->small_ignored)
        return;
    char typed[96] = "", ignored[64] = "";
    if (ui->small_typed)
        snprintf(typed, sizeof typed, "%zu %s getypt", ui->small_typed,
                 kr_plural((long long)ui->small_typed, "teken", "tekens"));
    if (ui->small_ignored)
        snprintf(ignored, sizeof ignored, "%zu %s genegeerd", ui->small_ignored,
                 kr_plural((long long)ui->small_ignored, "toets", "toetsen"));
    ui_message(ui, UI_NORMAL, "Terwijl het venster te klein was: %s%s%s.", typed,
               ui->small_typed && ui->small_ignored ? ", " : "", ignored);
    ui->small_typed = ui->small_ignored = 0;
}

#define UI_MSG_ROWS 4 /* at most this many rows for one message */

static void draw(struct ui *ui)
{
    getmaxyx(stdscr, ui->rows, ui->cols);
    curs_set(0);
    if (ui->rows < UI_MIN_ROWS || ui->cols < UI_MIN_COLS) {
        draw_too_small(ui);
        refresh();
        return;
    }
    small_done(ui);
    erase();
    ui_fill(ui, 0, 0, UI_TITLE);
    int x = ui_put(ui, 0, 1, ui->cols - 2, UI_TITLE, "kijkronde");
    x += ui_putf(ui, 0, 1 + x, ui->cols - 2 - x, UI_TITLE, " · %s", ui->screen->title);
    if (ui->session.id && x < ui->cols - 20) {
        char right[128];
        snprintf(right, sizeof right, "%s%s%s", ui->sync_status, ui->sync_status[0] ? "  " : "",
                 ui->session.date ? ui->session.date : "");
        int w = (int)strlen(right);
        ui_put(ui, 0, ui->cols - w - 1, w, UI_TITLE, right);
    }
    ui_draw_footer(ui);
    size_t starts[UI_MSG_ROWS];
    int msg_rows = ui->msg[0] ? (int)kr_le_wrap(ui->msg, strlen(ui->msg), (size_t)ui->cols, starts,
                                                UI_MSG_ROWS, 0, NULL, NULL)
                              : 0;
    if (msg_rows == 1)
        ui_put(ui, ui->rows - 2, 0, ui->cols, ui->msg_attr, ui->msg);
    /* A screen with a text field ends its draw with curs_set(1) and a move() to the cursor. */
    ui->screen->draw(ui);
    if (msg_rows > 1) {
        /* A message too long for one row (a whole path) wraps upwards over the screen's last
         * rows, on top of them, and the cursor goes back where the screen put it. */
        int cy, cx;
        getyx(stdscr, cy, cx);
        int y0 = ui->rows - 1 - msg_rows;
        for (int r = 0; r < msg_rows; r++)
            ui_fill(ui, y0 + r, 0, UI_NORMAL);
        ui_put_wrapped(ui, y0, 0, ui->cols, msg_rows, ui->msg_attr, ui->msg, NULL, 0, ui->msg_attr);
        move(cy, cx);
    }
    if (ui->show_help) {
        ui_draw_help(ui);
        curs_set(0);
    }
    refresh();
}

static int read_key(int *key)
{
    wint_t wc;
    int r = get_wch(&wc);
    if (r == ERR)
        return ERR;
    if (r == KEY_CODE_YES)
        *key = UI_FN((int)wc);
    else
        *key = (int)wc;
    if (*key == UI_ESC) {
        /* Alt + key arrives as Esc and the key together: look without waiting. */
        int delay = wgetdelay(stdscr);
        wint_t next;
        timeout(0);
        int r2 = get_wch(&next);
        timeout(delay);
        if (r2 == OK && (next == '[' || next == 'O')) {
            /* An escape sequence the terminal description does not know (a key of another
             * terminal): read it to its final byte and drop it, so none of it is typed. */
            wint_t c = 0;
            timeout(0);
            if (next == 'O')
                get_wch(&c);
            else
                for (int n = 0; n < 16 && get_wch(&c) == OK && !(c >= 0x40 && c <= 0x7e); n++)
                    ;
            timeout(delay);
            *key = UI_NOKEY;
        } else if (r2 == OK && next >= '0' && next <= '9')
            *key = UI_ALT((int)next); /* only digits: Esc then a letter stays Esc, a letter */
        else if (r2 == OK)
            unget_wch((wchar_t)next);
        else if (r2 == KEY_CODE_YES)
            ungetch((int)next);
    }
    return OK;
}

/* Collect a bracketed paste until its end marker (or a pause) and hand it to the screen.
 * Returns the characters handed over. */
static size_t read_paste(struct ui *ui)
{
    size_t chars = 0;
    struct kr_buf b = {0};
    int key;
    while (b.len < PASTE_MAX && read_key(&key) == OK) {
        if (key == UI_FN(KEY_PASTE_END))
            break;
        if (key >= UI_FN(0))
            continue;
        char enc[4];
        size_t n = kr_utf8_encode((uint32_t)key, enc);
        kr_buf_append(&b, enc, n);
        chars++;
    }
    if (b.len && ui->screen->paste && !ui->show_help)
        ui->screen->paste(ui, b.data, b.len);
    else
        chars = 0;
    kr_buf_fini(&b);
    return chars;
}

/* A key while the window is too small: letters, Backspace and pastes into the text field
 * when there is one ('?' on an empty field stays the help key, so it is ignored); the rest
 * is counted as ignored (draw_too_small). */
static void small_key(struct ui *ui, int key)
{
    bool field = text_field(ui) != NULL;
    if (key == UI_FN(KEY_PASTE_BEGIN)) {
        if (field)
            ui->small_typed += read_paste(ui);
        else {
            while (read_key(&key) == OK && key != UI_FN(KEY_PASTE_END))
                ;
            ui->small_ignored++;
        }
        return;
    }
    if (key == UI_FN(KEY_PASTE_END))
        return;
    uint32_t k = ui_le_key(key);
    bool letter = k >= 0x20 && k < 0x110000 && key < UI_FN(0);
    bool erase = k == KR_LE_BACKSPACE;
    if (field && (letter || erase) &&
        !(key == '?' && !(ui->screen->typing && ui->screen->typing(ui)))) {
        ui->screen->key(ui, key);
        if (letter)
            ui->small_typed++;
        else if (ui->small_typed)
            ui->small_typed--;
        return;
    }
    ui->small_ignored++;
}

static bool terminal_ok(void)
{
    const char *term = getenv("TERM");
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        fputs("kijkronde: er is geen terminal om het scherm op te tonen; gebruik de opdrachten, "
              "zie 'kijkronde --help'.\n",
              stderr);
        return false;
    }
    if (!term || !*term || strcmp(term, "dumb") == 0) {
        fputs("kijkronde: deze terminal (TERM is leeg of 'dumb') kan geen schermen tonen; "
              "gebruik een gewone terminal of de opdrachten, zie 'kijkronde --help'.\n",
              stderr);
        return false;
    }
    return true;
}

int kr_ui_run(struct kr_app *app, const struct kr_ui_options *opt)
{
    if (!terminal_ok())
        return 2;
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C"); /* machine formats (exports, SVG) with a point: see main.c */
    /* Under LANG=C the bullets, arrows and diacritics would come out as garbage; terminals
     * speak UTF-8 nearly everywhere, so use it for the characters when the locale does not. */
    const char *codeset = nl_langinfo(CODESET);
    if (!codeset || strcmp(codeset, "UTF-8") != 0)
        setlocale(LC_CTYPE, "C.UTF-8");
    /* Before newterm: ncurses leaves handlers alone that are already set. */
    catch_stop_signals();
    SCREEN *scr = newterm(NULL, stdout, stdin);
    if (!scr) {
        fprintf(stderr, "kijkronde: terminal '%s' wordt niet ondersteund.\n", getenv("TERM"));
        return 2;
    }
    kr_mem_set_fatal_hook(restore_terminal);
    /* A file-size limit then fails a write like a full disk does, instead of killing us. */
    signal(SIGXFSZ, SIG_IGN);
    raw(); /* Ctrl-C, Ctrl-Z, Ctrl-S reach the program as keys */
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(50);
    timeout(500);
    define_key("\033[200~", KEY_PASTE_BEGIN);
    define_key("\033[201~", KEY_PASTE_END);
    /* Home and End as tmux, screen, PuTTY, rxvt and the Linux console send them, whatever
     * TERM says: otherwise "1~" would land in the note. */
    static const char *const home[] = {"\033[1~", "\033[7~", "\033[H", "\033OH"};
    static const char *const end[] = {"\033[4~", "\033[8~", "\033[F", "\033OF"};
    for (size_t i = 0; i < sizeof home / sizeof home[0]; i++) {
        define_key(home[i], KEY_HOME);
        define_key(end[i], KEY_END);
    }
    fputs("\033[?2004h", stdout);
    fflush(stdout);

    struct ui ui = {.app = app, .opt = opt};
    init_colors(&ui);
    getmaxyx(stdscr, ui.rows, ui.cols);
    ui_push(&ui, &ui_screen_start);
    if (opt->session_id && ui_open_session(&ui, opt->session_id))
        ui_push(&ui, &ui_screen_session);
    if (opt->notice)
        snprintf(ui.msg, sizeof ui.msg, "%s", opt->notice);

    /* A save waits at most this long for another program's lock, then the note waits
     * ("database bezet") and typing goes on; the store's 5 s would freeze the screen. */
    {
        char host[256] = "";
        gethostname(host, sizeof host - 1);
        kr_app_be_observer(app, 200, host);
    }

    while (!ui.quit && !stop_signal) {
        ui_sync_poll(&ui);
        draw(&ui);
        int key;
        /* A screen that first drew a frame and still has to read (e.g. counts over a very
         * large database) gets its tick at once, so the first screen never waits on data. */
        timeout(ui.tick_now ? 0 : 500);
        ui.tick_now = false;
        if (read_key(&key) == ERR) {
            if (stop_signal)
                break;
            if (ui.screen->tick)
                ui.screen->tick(&ui);
            continue;
        }
        if (key == UI_FN(KEY_RESIZE) || key == UI_NOKEY)
            continue;
        if (key == UI_CTRL('c'))
            break; /* stop from anywhere: the screen's leave() below keeps its draft */
        if (ui.rows < UI_MIN_ROWS || ui.cols < UI_MIN_COLS) {
            small_key(&ui, key);
            continue;
        }
        if (key == UI_FN(KEY_PASTE_BEGIN)) {
            read_paste(&ui);
            continue;
        }
        if (key == UI_FN(KEY_PASTE_END))
            continue;
        if (ui.show_help) {
            ui.show_help = false;
            continue;
        }
        ui.msg[0] = '\0';
        if ((key == '?' && !(ui.screen->typing && ui.screen->typing(&ui))) ||
            key == UI_FN(KEY_F(1))) {
            ui.show_help = true;
            continue;
        }
        if (key == '\n' || key == UI_FN(KEY_ENTER))
            key = UI_ENTER; /* one Enter for every screen */
        if (!ui_binding_run(&ui, key))
            ui.screen->key(&ui, key);
    }
    ui_sync_stop();
    if (ui.screen && ui.screen->leave)
        ui.screen->leave(&ui);
    ui_close_session(&ui);
    ui_undo_clear(&ui);
    ui_followup_forget();
    restore_terminal();
    delscreen(scr);
    kr_mem_set_fatal_hook(NULL);
    if (ui_recovery_count == 0)
        return 0;
    if (!ui_recovery_failed) {
        fprintf(stderr, "kijkronde: %zu %s niet in de database bewaard worden; %s in '%s'.\n",
                ui_recovery_count,
                kr_plural((long long)ui_recovery_count, "notitie kon", "notities konden"),
                kr_plural((long long)ui_recovery_count, "ze staat", "ze staan"), ui_recovery_path);
        return 3;
    }
    fprintf(stderr, "kijkronde: %zu %s nergens bewaard worden; %s:\n%s", ui_recovery_count,
            kr_plural((long long)ui_recovery_count, "notitie kon", "notities konden"),
            kr_plural((long long)ui_recovery_count, "hier is ze (kopieer ze)",
                      "hier zijn ze (kopieer ze)"),
            kr_buf_str(&ui_recovery_text));
    kr_buf_fini(&ui_recovery_text);
    return 4;
}
