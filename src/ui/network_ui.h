/* SPDX-License-Identifier: MIT */
/*
 * What the two network screens share (screen_networks.c, the list; screen_network.c, one
 * network): the one-line name prompt of n and r, and list moving and scrolling.
 */
#ifndef KR_UI_NETWORK_UI_H
#define KR_UI_NETWORK_UI_H

#include "ui_internal.h"

/* A one-line name prompt under a list: n creates a network, r renames id. */
struct ui_name_prompt {
    bool on;
    bool rename; /* rename network id, else create */
    char *id;
    struct kr_lineedit ed;
};

void ui_name_prompt_open(struct ui_name_prompt *p, const char *id, const char *name);
void ui_name_prompt_fini(struct ui_name_prompt *p);
/* Create or rename; true when saved (p->id is then the network), false with the message set
 * (the prompt stays open with the name to correct). */
bool ui_name_prompt_save(struct ui *ui, struct ui_name_prompt *p);
/* Draw it over the rows just above the message line. */
void ui_name_prompt_draw(struct ui *ui, const struct ui_name_prompt *p);

/* Up, Down, j, k, Home, End, g, G on a list of n rows; true when k was one of them. */
bool ui_list_move(size_t *sel, size_t n, int k);
/* Scroll *top so that sel is among avail rows. */
void ui_keep_visible(size_t sel, size_t *top, size_t avail);

#endif
