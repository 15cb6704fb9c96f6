/* SPDX-License-Identifier: MIT */
/*
 * Unicode normalisation form C (NFC), with libutf8proc. Text from macOS, some PDFs and
 * some keyboards arrives decomposed (NFD: "e" + U+0308 for "ë"); every text is NFC
 * before it is stored, checked, searched or clustered, so the same word is the same
 * bytes everywhere.
 */
#ifndef KR_NFC_H
#define KR_NFC_H

#include <stdbool.h>
#include <stddef.h>

#include "kijkronde/mem.h"

/*
 * NFC of s[0..len) into out (reset first), cluster by cluster (a starter and the marks
 * behind it). When map is non-NULL, (*map)[j] for j in 0..out->len is the offset in s of
 * the start of the cluster that output byte j belongs to, and (*map)[out->len] == len;
 * *map is grown as needed (kr_xreallocarray; *map_cap its capacity). Returns false, and
 * leaves out and map unused, when s is already NFC (the common case, found without
 * allocating: pure ASCII or lone precomposed Latin letters) or is not valid UTF-8.
 */
bool kr_nfc(const char *s, size_t len, struct kr_buf *out, size_t **map, size_t *map_cap);

/* s in NFC as a new heap string (a copy when it already is); NULL for NULL. */
char *kr_nfc_dup(const char *s);

#endif
