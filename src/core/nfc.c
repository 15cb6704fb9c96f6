/* SPDX-License-Identifier: MIT */
/*
 * NFC with libutf8proc (Debian libutf8proc-dev): its tables follow the Unicode version
 * it was built with and are kept by others, which a table of our own would not be.
 * utf8proc_decompose and utf8proc_normalize_utf32 work in a caller buffer, so a cluster
 * costs no allocation; pure ASCII and lone code points below U+0300 (Latin-1 and the
 * Latin extensions, none of which has a singleton decomposition) are NFC by themselves
 * and skip the library entirely.
 */
#include "kijkronde/nfc.h"

#include <string.h>
#include <utf8proc.h>

#include "kijkronde/mem.h"

#define CLUSTER_MAX 64 /* code points; longer mark runs are passed through unchanged */

/* Byte length of the code point at s (1..4), 0 when invalid. */
static size_t cp_at(const char *s, size_t len, utf8proc_int32_t *cp)
{
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, cp);
    return n > 0 ? (size_t)n : 0;
}

static bool is_mark(utf8proc_int32_t cp)
{
    return cp >= 0x300 && utf8proc_get_property(cp)->combining_class != 0;
}

/* Whether s needs work: a non-ASCII code point at or above U+0300. */
static bool needs_work(const char *s, size_t len, bool *valid)
{
    *valid = true;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        size_t n = cp_at(s + i, len - i, &cp);
        if (n == 0) {
            *valid = false;
            return false;
        }
        if (cp >= 0x300)
            return true;
        i += n;
    }
    return false;
}

bool kr_nfc(const char *s, size_t len, struct kr_buf *out, size_t **map, size_t *map_cap)
{
    bool valid;
    if (!needs_work(s, len, &valid) || !valid) {
        /* needs_work stops at the first code point >= U+0300; validate the rest too */
        return false;
    }
    /* validate the whole text first: invalid UTF-8 is left as it is */
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t cp;
        size_t n = (unsigned char)s[i] < 0x80 ? 1 : cp_at(s + i, len - i, &cp);
        if (n == 0)
            return false;
        i += n;
    }
    kr_buf_reset(out);
    size_t changed = 0;
    for (size_t i = 0; i < len;) {
        size_t start = i;
        utf8proc_int32_t cp;
        size_t n =
            (unsigned char)s[i] < 0x80 ? (cp = (unsigned char)s[i], 1) : cp_at(s + i, len - i, &cp);
        i += n;
        size_t count = 1;
        while (i < len && count < CLUSTER_MAX) {
            utf8proc_int32_t next;
            size_t m = (unsigned char)s[i] < 0x80 ? 0 : cp_at(s + i, len - i, &next);
            if (m == 0 || !is_mark(next))
                break;
            i += m;
            count++;
        }
        size_t before = out->len;
        if (count == 1 && cp < 0x300) {
            kr_buf_append(out, s + start, i - start);
        } else {
            utf8proc_int32_t buf[CLUSTER_MAX * 4];
            utf8proc_ssize_t k = utf8proc_decompose(
                (const utf8proc_uint8_t *)s + start, (utf8proc_ssize_t)(i - start), buf,
                CLUSTER_MAX * 4, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE);
            if (k < 0 || k > CLUSTER_MAX * 4) {
                kr_buf_append(out, s + start, i - start);
            } else {
                k = utf8proc_normalize_utf32(buf, k, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
                for (utf8proc_ssize_t j = 0; j < k; j++) {
                    utf8proc_uint8_t enc[4];
                    utf8proc_ssize_t e = utf8proc_encode_char(buf[j], enc);
                    kr_buf_append(out, (const char *)enc, (size_t)e);
                }
                if (out->len - before != i - start ||
                    memcmp(out->data + before, s + start, i - start) != 0)
                    changed++;
            }
        }
        if (map) {
            if (*map_cap < out->len + 1) {
                *map_cap = (out->len + 1) * 2;
                *map = kr_xreallocarray(*map, *map_cap, sizeof **map);
            }
            for (size_t j = before; j < out->len; j++)
                (*map)[j] = start;
        }
    }
    if (changed == 0)
        return false;
    if (map)
        (*map)[out->len] = len;
    return true;
}

char *kr_nfc_dup(const char *s)
{
    if (!s)
        return NULL;
    struct kr_buf b = {0};
    if (!kr_nfc(s, strlen(s), &b, NULL, NULL)) {
        kr_buf_fini(&b);
        return kr_xstrdup(s);
    }
    return kr_buf_steal(&b);
}
