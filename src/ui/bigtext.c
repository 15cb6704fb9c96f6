/* SPDX-License-Identifier: MIT */
/*
 * Large type for the projector: a 3x5 block font drawn with half blocks, so one letter is
 * three columns wide and three rows high (a column between letters, a row between lines).
 * Capitals, digits and the usual punctuation; Dutch accented letters are drawn as their
 * base letter (the accent does not survive the size, the word does). A text with any other
 * character is not drawn big at all: the caller falls back to normal text.
 */
#include <string.h>

#include "kijkronde/utf8.h"
#include "projector.h"

/* Five rows of three pixels each, top to bottom: '#' is ink. */
struct glyph {
    char c;
    const char *rows[5];
};

static const struct glyph font[] = {
    {'A', {" # ", "# #", "###", "# #", "# #"}}, {'B', {"## ", "# #", "## ", "# #", "## "}},
    {'C', {" ##", "#  ", "#  ", "#  ", " ##"}}, {'D', {"## ", "# #", "# #", "# #", "## "}},
    {'E', {"###", "#  ", "## ", "#  ", "###"}}, {'F', {"###", "#  ", "## ", "#  ", "#  "}},
    {'G', {" ##", "#  ", "# #", "# #", " ##"}}, {'H', {"# #", "# #", "###", "# #", "# #"}},
    {'I', {"###", " # ", " # ", " # ", "###"}}, {'J', {"  #", "  #", "  #", "# #", " # "}},
    {'K', {"# #", "# #", "## ", "# #", "# #"}}, {'L', {"#  ", "#  ", "#  ", "#  ", "###"}},
    {'M', {"# #", "###", "###", "# #", "# #"}}, {'N', {"## ", "# #", "# #", "# #", "# #"}},
    {'O', {" # ", "# #", "# #", "# #", " # "}}, {'P', {"## ", "# #", "## ", "#  ", "#  "}},
    {'Q', {" # ", "# #", "# #", "## ", " ##"}}, {'R', {"## ", "# #", "## ", "# #", "# #"}},
    {'S', {" ##", "#  ", " # ", "  #", "## "}}, {'T', {"###", " # ", " # ", " # ", " # "}},
    {'U', {"# #", "# #", "# #", "# #", "###"}}, {'V', {"# #", "# #", "# #", "# #", " # "}},
    {'W', {"# #", "# #", "###", "###", "# #"}}, {'X', {"# #", "# #", " # ", "# #", "# #"}},
    {'Y', {"# #", "# #", " # ", " # ", " # "}}, {'Z', {"###", "  #", " # ", "#  ", "###"}},
    {'0', {"###", "# #", "# #", "# #", "###"}}, {'1', {" # ", "## ", " # ", " # ", "###"}},
    {'2', {"## ", "  #", " # ", "#  ", "###"}}, {'3', {"## ", "  #", " # ", "  #", "## "}},
    {'4', {"# #", "# #", "###", "  #", "  #"}}, {'5', {"###", "#  ", "## ", "  #", "## "}},
    {'6', {" ##", "#  ", "###", "# #", "###"}}, {'7', {"###", "  #", " # ", " # ", " # "}},
    {'8', {"###", "# #", "###", "# #", "###"}}, {'9', {"###", "# #", "###", "  #", "## "}},
    {' ', {"   ", "   ", "   ", "   ", "   "}}, {'.', {"   ", "   ", "   ", "   ", " # "}},
    {',', {"   ", "   ", "   ", " # ", "#  "}}, {':', {"   ", " # ", "   ", " # ", "   "}},
    {';', {"   ", " # ", "   ", " # ", "#  "}}, {'\'', {" # ", " # ", "   ", "   ", "   "}},
    {'"', {"# #", "# #", "   ", "   ", "   "}}, {'?', {"## ", "  #", " # ", "   ", " # "}},
    {'!', {" # ", " # ", " # ", "   ", " # "}}, {'-', {"   ", "   ", "###", "   ", "   "}},
    {'(', {"  #", " # ", " # ", " # ", "  #"}}, {')', {"#  ", " # ", " # ", " # ", "#  "}},
    {'/', {"  #", "  #", " # ", "#  ", "#  "}}, {'+', {"   ", " # ", "###", " # ", "   "}},
    {'=', {"   ", "###", "   ", "###", "   "}}, {'%', {"# #", "  #", " # ", "#  ", "# #"}},
};

/* The letter a code point is drawn as, or 0 when there is none. */
static char base_of(uint32_t cp)
{
    if (cp >= 'a' && cp <= 'z')
        return (char)(cp - 'a' + 'A');
    if (cp < 0x80)
        return (char)cp;
    static const struct {
        uint32_t cp;
        char c;
    } map[] = {
        {0xE0, 'A'},   {0xE1, 'A'},   {0xE2, 'A'},    {0xE4, 'A'},    {0xC0, 'A'},   {0xC1, 'A'},
        {0xC4, 'A'},   {0xE7, 'C'},   {0xC7, 'C'},    {0xE8, 'E'},    {0xE9, 'E'},   {0xEA, 'E'},
        {0xEB, 'E'},   {0xC8, 'E'},   {0xC9, 'E'},    {0xCB, 'E'},    {0xEC, 'I'},   {0xED, 'I'},
        {0xEE, 'I'},   {0xEF, 'I'},   {0xCF, 'I'},    {0xF1, 'N'},    {0xF2, 'O'},   {0xF3, 'O'},
        {0xF4, 'O'},   {0xF6, 'O'},   {0xD6, 'O'},    {0xF9, 'U'},    {0xFA, 'U'},   {0xFB, 'U'},
        {0xFC, 'U'},   {0xDC, 'U'},   {0x2018, '\''}, {0x2019, '\''}, {0x201C, '"'}, {0x201D, '"'},
        {0x2013, '-'}, {0x2014, '-'}, {0xA0, ' '},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].cp == cp)
            return map[i].c;
    return 0;
}

static const struct glyph *glyph_of(uint32_t cp)
{
    char c = base_of(cp);
    for (size_t i = 0; c && i < sizeof font / sizeof font[0]; i++)
        if (font[i].c == c)
            return &font[i];
    return NULL;
}

int ui_big_chars(const char *text, size_t len)
{
    int n = 0;
    for (size_t at = 0; at < len;) {
        uint32_t cp;
        at += kr_utf8_decode(text + at, len - at, &cp);
        if (!glyph_of(cp))
            return -1;
        n++;
    }
    return n;
}

void ui_big_put(struct ui *ui, int y, int x, enum ui_attr a, const char *text, size_t len)
{
    for (size_t at = 0; at < len; x += UI_BIG_ADVANCE) {
        uint32_t cp;
        at += kr_utf8_decode(text + at, len - at, &cp);
        const struct glyph *g = glyph_of(cp);
        if (!g)
            continue;
        for (int r = 0; r < UI_BIG_ROWS; r++)
            for (int c = 0; c < 3; c++) {
                /* two pixel rows a screen row: ▀ top, ▄ bottom, █ both */
                bool top = g->rows[2 * r][c] == '#';
                bool bottom = 2 * r + 1 < 5 && g->rows[2 * r + 1][c] == '#';
                if (top || bottom)
                    ui_put(ui, y + r, x + c, 1, a, top && bottom ? "█" : top ? "▀" : "▄");
            }
    }
}
