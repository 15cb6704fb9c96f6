/* SPDX-License-Identifier: MIT */
/*
 * UTF-8 handling for the whole program. It defines _XOPEN_SOURCE itself (as cmd_sync.c does,
 * for realpath), because wcwidth() needs it and a project-wide definition clashes with
 * ncursesw.pc.
 */
#define _XOPEN_SOURCE 700
#include "kijkronde/utf8.h"

#include <string.h>
#include <utf8proc.h>
#include <wchar.h>

#include "kijkronde/mem.h"

size_t kr_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char c = u[0];
    size_t need;
    uint32_t v, min;

    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
        v = c & 0x1Fu;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        v = c & 0x0Fu;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        v = c & 0x07u;
        min = 0x10000;
    } else {
        *cp = KR_UTF8_REPLACEMENT;
        return 1;
    }
    if (len < need) {
        *cp = KR_UTF8_REPLACEMENT;
        return 1;
    }
    for (size_t i = 1; i < need; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = KR_UTF8_REPLACEMENT;
            return 1;
        }
        v = (v << 6) | (u[i] & 0x3Fu);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = KR_UTF8_REPLACEMENT;
        return 1;
    }
    *cp = v;
    return need;
}

size_t kr_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = KR_UTF8_REPLACEMENT;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* A decode that distinguishes a real U+FFFD in the text from an invalid byte. */
static int decode_ok(const char *s, size_t len, uint32_t *cp, size_t *n)
{
    *n = kr_utf8_decode(s, len, cp);
    if (*cp != KR_UTF8_REPLACEMENT)
        return 1;
    return *n == 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBF &&
           (unsigned char)s[2] == 0xBD;
}

bool kr_utf8_valid(const char *s, size_t len, size_t *bad_off)
{
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n;
        if (!decode_ok(s + i, len - i, &cp, &n)) {
            if (bad_off)
                *bad_off = i;
            return false;
        }
        i += n;
    }
    return true;
}

size_t kr_utf8_prev(const char *s, size_t off)
{
    if (off == 0)
        return 0;
    size_t i = off - 1;
    /* Step back over at most 3 continuation bytes, then check the lead decodes to off. */
    size_t lim = off >= 4 ? off - 4 : 0;
    while (i > lim && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    uint32_t cp;
    if (i + kr_utf8_decode(s + i, off - i, &cp) == off)
        return i;
    return off - 1;
}

size_t kr_utf8_next(const char *s, size_t len, size_t off)
{
    if (off >= len)
        return len;
    uint32_t cp;
    return off + kr_utf8_decode(s + off, len - off, &cp);
}

bool kr_utf8_is_control(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029 ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Single-threaded program: a plain counter (see kr_utf8_measured). */
static size_t measured;

size_t kr_utf8_measured(void)
{
    return measured;
}

bool kr_utf8_is_word(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return true;
    default:
        return false;
    }
}

int kr_utf8_cp_width(uint32_t cp)
{
    measured++;
    if (kr_utf8_is_control(cp))
        return 1;
    int w = wcwidth((wchar_t)cp);
    if (w < 0)
        return 1;
    return w;
}

size_t kr_utf8_width(const char *s, size_t len)
{
    size_t cols = 0, i = 0;
    while (i < len) {
        uint32_t cp;
        i += kr_utf8_decode(s + i, len - i, &cp);
        cols += (size_t)kr_utf8_cp_width(cp);
    }
    return cols;
}

size_t kr_utf8_fit(const char *s, size_t len, size_t cols, size_t *width)
{
    size_t w = 0, i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = kr_utf8_decode(s + i, len - i, &cp);
        size_t cw = (size_t)kr_utf8_cp_width(cp);
        if (w + cw > cols)
            break;
        w += cw;
        i += n;
    }
    if (width)
        *width = w;
    return i;
}

/* The inert form of one decoded code point: what is shown instead. */
static uint32_t inert_cp(uint32_t cp, bool keep_newlines, bool *keep)
{
    *keep = false;
    if (cp == '\n' || cp == '\t' || cp == '\r') {
        if (keep_newlines && cp != '\r') {
            *keep = true;
            return cp;
        }
        return ' ';
    }
    if (kr_utf8_is_control(cp))
        return KR_UTF8_REPLACEMENT;
    return cp;
}

char *kr_utf8_inert(const char *s, size_t len, bool keep_newlines)
{
    struct kr_buf b = {0};
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = kr_utf8_decode(s + i, len - i, &cp);
        bool keep;
        char enc[4];
        cp = inert_cp(cp, keep_newlines, &keep);
        kr_buf_append(&b, enc, kr_utf8_encode(cp, enc));
        i += n;
    }
    return kr_buf_steal(&b);
}

size_t kr_utf8_truncate(char *dst, size_t size, const char *src, size_t cols)
{
    if (size == 0)
        return 0;
    size_t len = strlen(src);
    bool cut = kr_utf8_fit(src, len, cols, NULL) < len;     /* measures at most cols + 1 */
    size_t budget = cut ? (cols > 0 ? cols - 1 : 0) : cols; /* leave a column for "…" */
    size_t used = 0, o = 0, i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = kr_utf8_decode(src + i, len - i, &cp);
        bool keep;
        cp = inert_cp(cp, false, &keep);
        size_t w = (size_t)kr_utf8_cp_width(cp);
        if (used + w > budget)
            break;
        char enc[4];
        size_t en = kr_utf8_encode(cp, enc);
        if (o + en + 1 > size)
            break;
        memcpy(dst + o, enc, en);
        o += en;
        used += w;
        i += n;
    }
    if (cut && cols > 0 && o + 3 + 1 <= size) {
        memcpy(dst + o, "\xE2\x80\xA6", 3);
        o += 3;
        used += 1;
    }
    dst[o] = '\0';
    return used;
}
