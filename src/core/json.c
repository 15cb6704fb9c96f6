/* SPDX-License-Identifier: MIT */
/* JSON string escaping: the one place that writes JSON strings. */
#include "kijkronde/json.h"

#include <stdio.h>
#include <string.h>

#include "kijkronde/utf8.h"

void kr_json_str(struct kr_buf *b, const char *s, size_t len)
{
    kr_buf_putc(b, '"');
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = kr_utf8_decode(s + i, len - i, &cp);
        switch (cp) {
        case '"':
            kr_buf_puts(b, "\\\"");
            break;
        case '\\':
            kr_buf_puts(b, "\\\\");
            break;
        case '\n':
            kr_buf_puts(b, "\\n");
            break;
        case '\t':
            kr_buf_puts(b, "\\t");
            break;
        case '\r':
            kr_buf_puts(b, "\\r");
            break;
        default:
            if (kr_utf8_is_control(cp)) {
                kr_buf_printf(b, "\\u%04x", (unsigned)cp);
            } else {
                char enc[4];
                kr_buf_append(b, enc, kr_utf8_encode(cp, enc));
            }
        }
        i += n;
    }
    kr_buf_putc(b, '"');
}

void kr_json_str_or_null(struct kr_buf *b, const char *s)
{
    if (!s)
        kr_buf_puts(b, "null");
    else
        kr_json_str(b, s, strlen(s));
}
