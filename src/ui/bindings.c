/* SPDX-License-Identifier: MIT */
/*
 * The screens' binding tables at work: which binding a key runs, the footer and the ?
 * overlay built from the same rows, so a key cannot drift from its footer or its help (tig's
 * request table, htop's FunctionBar).
 */
#include <stdio.h>
#include <string.h>

#include "kijkronde/utf8.h"
#include "ui_internal.h"

static bool applies(struct ui *ui, const struct ui_binding *b)
{
    return !b->when || b->when(ui);
}

const struct ui_binding *ui_binding_find(struct ui *ui, int key)
{
    if (ui->screen->takes_keys && ui->screen->takes_keys(ui))
        return NULL;
    for (const struct ui_binding *b = ui->screen->bindings; b && b->name; b++) {
        if (!b->action && !b->screen)
            continue;
        for (size_t i = 0; i < UI_BINDING_KEYS && b->keys[i]; i++)
            if (b->keys[i] == key && applies(ui, b))
                return b;
    }
    return NULL;
}

bool ui_binding_run(struct ui *ui, int key)
{
    const struct ui_binding *b = ui_binding_find(ui, key);
    if (!b)
        return false;
    if (b->screen)
        ui_push(ui, b->screen);
    else
        b->action(ui);
    return true;
}

size_t ui_footer_items(struct ui *ui, const struct ui_binding **out, size_t max)
{
    size_t n = 0;
    for (const struct ui_binding *b = ui->screen->bindings; b && b->name && n < max; b++) {
        if (!b->foot || !applies(ui, b))
            continue;
        size_t i = n++; /* insertion sort by foot_pos keeps the table order of equals */
        for (; i > 0 && out[i - 1]->foot_pos > b->foot_pos; i--)
            out[i] = out[i - 1];
        out[i] = b;
    }
    return n;
}

const char *ui_key_name(int key, char *buf, size_t size)
{
    static const struct {
        int key;
        const char *name;
    } names[] = {
        {UI_ENTER, "Enter"},
        {UI_ESC, "Esc"},
        {UI_TAB, "Tab"},
        {' ', "spatie"},
        {UI_FN(KEY_UP), "↑"},
        {UI_FN(KEY_DOWN), "↓"},
        {UI_FN(KEY_LEFT), "←"},
        {UI_FN(KEY_RIGHT), "→"},
        {UI_FN(KEY_PPAGE), "PgUp"},
        {UI_FN(KEY_NPAGE), "PgDn"},
        {UI_FN(KEY_HOME), "Home"},
        {UI_FN(KEY_END), "End"},
        {UI_FN(KEY_BTAB), "Shift-Tab"},
        {UI_FN(KEY_BACKSPACE), "Backspace"},
        {UI_FN(KEY_DC), "Delete"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].key == key) {
            snprintf(buf, size, "%s", names[i].name);
            return buf;
        }
    if (key >= UI_FN(KEY_F(1)) && key <= UI_FN(KEY_F(12)))
        snprintf(buf, size, "F%d", key - UI_FN(KEY_F(0)));
    else if (key >= UI_ALT('0') && key <= UI_ALT('9'))
        snprintf(buf, size, "Alt-%c", key - UI_ALT(0));
    else if (key > 0 && key < 0x20)
        snprintf(buf, size, "Ctrl-%c", key + 'A' - 1);
    else if (key >= 0x20 && key < UI_FN(0)) {
        char enc[5] = {0};
        kr_utf8_encode((uint32_t)key, enc);
        snprintf(buf, size, "%s", enc);
    } else
        snprintf(buf, size, "?");
    return buf;
}

void ui_draw_footer(struct ui *ui)
{
    int y = ui->rows - 1, x = 0;
    ui_fill(ui, y, 0, UI_FOOTER);
    const struct ui_binding *items[32];
    size_t n = ui_footer_items(ui, items, sizeof items / sizeof items[0]);
    for (size_t i = 0; i < n && x < ui->cols; i++) {
        const char *key = items[i]->foot_name ? items[i]->foot_name : items[i]->name;
        x += ui_put(ui, y, x, ui->cols - x, UI_KEY, key);
        if (x < ui->cols)
            x += ui_putf(ui, y, x, ui->cols - x, UI_FOOTER, " %s  ", items[i]->foot);
    }
}

/* Rows a greedy word wrap of text takes at cols columns (as ui_put_wrapped breaks at spaces). */
static int help_rows(const char *text, int cols)
{
    if (cols < 1)
        return 1;
    int rows = 1, used = 0;
    const char *p = text;
    while (*p) {
        while (*p == ' ')
            p++;
        const char *e = p;
        while (*e && *e != ' ')
            e++;
        if (e == p)
            break;
        int w = (int)kr_utf8_width(p, (size_t)(e - p));
        int need = used ? used + 1 + w : w;
        if (used && need > cols) {
            rows++;
            used = w;
        } else {
            used = need;
        }
        while (used > cols) { /* a word longer than the line */
            rows++;
            used -= cols;
        }
        p = e;
    }
    return rows;
}

/* The lines of the help: the bindings that have a help text, in table order. */
static size_t help_lines(struct ui *ui, const char **keys, const char **whats, size_t max)
{
    size_t n = 0;
    for (const struct ui_binding *b = ui->screen->bindings; b && b->name && n < max; b++)
        if (b->help) {
            keys[n] = b->name;
            whats[n++] = b->help;
        }
    return n;
}

/*
 * The help box: every key of the screen with what it does. A long line wraps under its own
 * text instead of being cut off at 80 columns.
 */
void ui_draw_help(struct ui *ui)
{
    const char *keys[48], *whats[48];
    int n = (int)help_lines(ui, keys, whats, sizeof keys / sizeof keys[0]);
    int keyw = 0, w = 0;
    for (int i = 0; i < n; i++) {
        int kw = (int)kr_utf8_width(keys[i], strlen(keys[i]));
        int ww = (int)kr_utf8_width(whats[i], strlen(whats[i]));
        keyw = kw > keyw ? kw : keyw;
        w = ww > w ? ww : w;
    }
    int bw = keyw + w + 6;
    if (bw > ui->cols - 2)
        bw = ui->cols - 2;
    int textw = bw - keyw - 6;
    int lines = 0;
    for (int i = 0; i < n; i++)
        lines += help_rows(whats[i], textw);
    int bh = lines + 4;
    if (bh > ui->rows - 2)
        bh = ui->rows - 2;
    int y0 = (ui->rows - bh) / 2, x0 = (ui->cols - bw) / 2;
    for (int y = y0; y < y0 + bh; y++) {
        move(y, x0);
        attrset(ui_attr(ui, UI_TITLE));
        for (int x = 0; x < bw; x++)
            addch(' ');
    }
    attrset(A_NORMAL);
    ui_putf(ui, y0, x0 + 2, bw - 4, UI_TITLE, "Hulp: %s", ui->screen->title);
    int y = y0 + 2, last = y0 + bh - 2; /* rows y0+2 .. last-1 hold the keys */
    for (int i = 0; i < n && y < last; i++) {
        ui_put(ui, y, x0 + 2, keyw, UI_TITLE, keys[i]);
        y += ui_put_wrapped(ui, y, x0 + 4 + keyw, textw, last - y, UI_TITLE, whats[i], NULL, 0,
                            UI_TITLE);
    }
    ui_put(ui, y0 + bh - 1, x0 + 2, bw - 4, UI_TITLE, "Druk op een toets om verder te gaan.");
}
