/* SPDX-License-Identifier: MIT */
/*
 * The projector view of the debrief (debrief_projector.c): one item at a time, large and
 * centred inside a driehoek drawn to fill the window, so a room reads it from the back.
 */
#ifndef KR_UI_PROJECTOR_H
#define KR_UI_PROJECTOR_H

#include <stddef.h>

#include "kijkronde/model.h"
#include "ui_internal.h"

#define UI_SLIDE_LINES 4

/* One item on the projector. Strings are borrowed for the draw. */
struct ui_slide {
    const char *step;                  /* the step of the debrief ("Beschrijven") */
    size_t index, count;               /* "2 van 7" within the step (count 0: none shown) */
    enum kr_corner corner;             /* the corner lit on the driehoek, NONE for none */
    const char *text;                  /* the item: a pattern statement, a note, a step */
    const char *lines[UI_SLIDE_LINES]; /* smaller lines under it (NULL ends them) */
    size_t at_corner[KR_CORNER_COUNT]; /* the count shown at each corner */
};

/* Large type (bigtext.c): a letter is UI_BIG_ADVANCE columns (with the gap) and UI_BIG_ROWS
 * rows high. */
#define UI_BIG_ROWS    3
#define UI_BIG_ADVANCE 4
/* The letters of text[0..len) in large type, or -1 when one of them has no large glyph. */
int ui_big_chars(const char *text, size_t len);
/* Draw text[0..len) in large type from (y, x) with attribute a. */
void ui_big_put(struct ui *ui, int y, int x, enum ui_attr a, const char *text, size_t len);

/* Draw slide s over rows 1 .. rows-3 (the bars stay). At 120x36 and more the item is drawn in
 * large type when it fits inside the driehoek, else (and in smaller windows) as normal text. */
void ui_projector_draw(struct ui *ui, const struct ui_slide *s);

#endif
