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

/* Draw slide s over rows 1 .. rows-3 (the bars stay). */
void ui_projector_draw(struct ui *ui, const struct ui_slide *s);

#endif
