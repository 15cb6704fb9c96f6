/* SPDX-License-Identifier: MIT */
/*
 * UTF-8 decoding, validation, terminal column widths and making stored text inert.
 * len is always bytes, cols always terminal columns. Invalid bytes decode as
 * U+FFFD one byte at a time, so no input can make these functions loop or overrun.
 */
#ifndef KR_UTF8_H
#define KR_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define KR_UTF8_REPLACEMENT 0xFFFDu

/*
 * Decode one code point from s (len bytes available, len > 0). Stores it in *cp
 * and returns the bytes consumed (1-4). Invalid, overlong, surrogate or truncated
 * sequences give U+FFFD and consume 1 byte.
 */
size_t kr_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encode cp into out (at least 4 bytes); returns bytes written (1-4). */
size_t kr_utf8_encode(uint32_t cp, char *out);

/* True when s[0..len) is valid UTF-8. If not and bad_off is non-NULL, the first bad byte. */
bool kr_utf8_valid(const char *s, size_t len, size_t *bad_off);

/* Byte offset of the code point before off (0 stays 0). */
size_t kr_utf8_prev(const char *s, size_t off);
/* Byte offset of the code point after off (len stays len). */
size_t kr_utf8_next(const char *s, size_t len, size_t off);

/* Columns one code point takes on a terminal: 0 for combining marks, 2 for wide, 1 else.
 * Control characters count as 1 (they are shown as a visible replacement). */
int kr_utf8_cp_width(uint32_t cp);

/* Columns s[0..len) takes when shown with kr_utf8_inert. */
size_t kr_utf8_width(const char *s, size_t len);

/*
 * The longest prefix of s[0..len) that takes at most cols columns, in bytes (on a code
 * point boundary; zero-width marks after the last character that fits are kept). Its
 * width goes to *width when width is not NULL. Stops measuring at the first code point
 * that does not fit, so cutting a long text to a row costs the row, not the text.
 */
size_t kr_utf8_fit(const char *s, size_t len, size_t cols, size_t *width);

/*
 * How many code points kr_utf8_cp_width has measured since the program started: a work
 * counter, so tests can check that drawing a long text measures it a bounded number of
 * times (linear, not quadratic) without timing anything.
 */
size_t kr_utf8_measured(void);

/*
 * Copy src into dst (size bytes, NUL-terminated when size > 0) so that it takes at
 * most cols columns; when it had to cut, the last column shows "…". The copy is made
 * inert as by kr_utf8_inert. Returns the columns used.
 */
size_t kr_utf8_truncate(char *dst, size_t size, const char *src, size_t cols);

/*
 * Make text safe to show on a terminal or put in an export: invalid bytes become
 * U+FFFD, C0 and C1 control characters (ESC, BEL, CSI, ...) and DEL become U+FFFD,
 * except that newline and tab become a space when keep_newlines is false and are
 * kept when it is true. Returns a heap string (caller frees).
 */
char *kr_utf8_inert(const char *s, size_t len, bool keep_newlines);

/* True when the code point is a C0/C1 control or DEL. */
bool kr_utf8_is_control(uint32_t cp);
/* True when the code point is part of a word: a letter, a mark or a digit of any script
 * (Unicode categories L, M, N). Spaces (also U+00A0), punctuation ("…", "’", "–"),
 * symbols, controls and U+FFFD are not. */
bool kr_utf8_is_word(uint32_t cp);

#endif
