/* SPDX-License-Identifier: MIT */
/*
 * Making stored text inert for each export format. Whatever a note, school name or
 * kijkvraag holds (markup, formulas, escape sequences, invalid UTF-8), the output
 * shows it as text and nothing else: no tag, link, emphasis, formula or control byte.
 */
#include <string.h>

#include "exchange_internal.h"
#include "kijkronde/utf8.h"

static void put_cp(struct kr_buf *b, uint32_t cp)
{
    char enc[4];
    kr_buf_append(b, enc, kr_utf8_encode(cp, enc));
}

/* The length of the run of printable ASCII at s that needs no escape (none of `special`):
 * copied as it is, in one append (most of a Dutch note; issue 21: export speed). */
static size_t plain_run(const char *s, size_t len, const char *special)
{
    size_t n = 0;
    while (n < len && (unsigned char)s[n] >= 0x20 && (unsigned char)s[n] < 0x7f &&
           !strchr(special, s[n]))
        n++;
    return n;
}

void kr_esc_html(struct kr_buf *b, const char *s)
{
    if (!s)
        return;
    size_t len = strlen(s), i = 0;
    while (i < len) {
        size_t run = plain_run(s + i, len - i, "&<>\"'");
        if (run) {
            kr_buf_append(b, s + i, run);
            i += run;
            continue;
        }
        uint32_t cp;
        i += kr_utf8_decode(s + i, len - i, &cp);
        switch (cp) {
        case '&':
            kr_buf_puts(b, "&amp;");
            break;
        case '<':
            kr_buf_puts(b, "&lt;");
            break;
        case '>':
            kr_buf_puts(b, "&gt;");
            break;
        case '"':
            kr_buf_puts(b, "&quot;");
            break;
        case '\'':
            kr_buf_puts(b, "&#39;");
            break;
        case '\n':
        case '\t':
            kr_buf_putc(b, (char)cp); /* shown by white-space: pre-wrap */
            break;
        default:
            put_cp(b, kr_utf8_is_control(cp) ? KR_UTF8_REPLACEMENT : cp);
        }
    }
}

/* ASCII punctuation that can start Markdown syntax anywhere in a line (CommonMark and
 * GitHub's extensions). Each is written with a backslash, which CommonMark defines to
 * give the character itself. */
static bool md_special(uint32_t cp)
{
    return cp < 0x80 && strchr("\\`*_[]<>&|!~#", (int)cp) && cp != 0;
}

/* An ASCII byte kr_esc_md writes as it is wherever it stands: not a control, not Markdown
 * syntax (md_special), not one of the characters that are escaped at the start, after digits,
 * as '@', in "://" or in "www." ("-+=>:.)\"'(@"). */
static bool md_plain(unsigned char c)
{
    if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9') || c == ' ')
        return true; /* (the common case, without a search) */
    return c > 0x20 && c < 0x7f && !md_special(c) && !strchr("-+=>:.)\"'(@", c);
}

void kr_esc_md(struct kr_buf *b, const char *s)
{
    if (!s)
        return;
    size_t start = b->len;
    bool digits_only = true; /* the text so far is digits: "12." would start a list */
    uint32_t prev = 0, prev2 = 0, prev3 = 0;
    size_t len = strlen(s), i = 0;
    while (i < len) {
        /* Letters, digits, spaces and the punctuation no rule below escapes are copied in one
         * append (most of a note; issue 21: export speed), with the state the rules read. */
        size_t run = 0;
        while (i + run < len && md_plain((unsigned char)s[i + run]))
            run++;
        if (run) {
            kr_buf_append(b, s + i, run);
            for (size_t k = 0; digits_only && k < run; k++)
                digits_only = s[i + k] >= '0' && s[i + k] <= '9';
            for (size_t k = run > 3 ? run - 3 : 0; k < run; k++) {
                prev3 = prev2;
                prev2 = prev;
                prev = (unsigned char)s[i + k] | 0x20;
            }
            i += run;
            continue;
        }
        uint32_t cp;
        i += kr_utf8_decode(s + i, len - i, &cp); /* i is now just after cp */
        bool first = b->len == start;
        if (cp == '\n' || cp == '\r' || cp == '\t') {
            kr_buf_putc(b, ' '); /* one line: no new block can start */
        } else if (kr_utf8_is_control(cp)) {
            put_cp(b, KR_UTF8_REPLACEMENT);
        } else if (md_special(cp) || (first && cp < 0x80 && strchr("-+=>:.)\"'(", (int)cp)) ||
                   ((cp == '.' || cp == ')') && digits_only && !first) || cp == '@' ||
                   (cp == ':' && i + 1 < len && s[i] == '/' && s[i + 1] == '/') ||
                   (cp == '.' && prev == 'w' && prev2 == 'w' && prev3 == 'w')) {
            /* '@' and "://" and "www." would become links in GitHub's Markdown. */
            kr_buf_putc(b, '\\');
            kr_buf_putc(b, (char)cp);
        } else {
            put_cp(b, cp);
        }
        if (!(cp >= '0' && cp <= '9'))
            digits_only = false;
        prev3 = prev2;
        prev2 = prev;
        prev = cp | 0x20; /* ASCII lower case for the "www" test */
    }
}

void kr_esc_csv(struct kr_buf *b, const char *s)
{
    kr_buf_putc(b, '"');
    if (s) {
        /* A cell that starts like a formula is shown as text by Excel and LibreOffice. */
        if (strchr("=+-@\t\r", s[0]) && s[0])
            kr_buf_putc(b, '\'');
        size_t len = strlen(s), i = 0;
        while (i < len) {
            size_t run = plain_run(s + i, len - i, "\"");
            if (run) {
                kr_buf_append(b, s + i, run);
                i += run;
                continue;
            }
            uint32_t cp;
            i += kr_utf8_decode(s + i, len - i, &cp);
            if (cp == '"')
                kr_buf_puts(b, "\"\"");
            else if (cp == '\n' || cp == '\t')
                kr_buf_putc(b, (char)cp);
            else if (cp == '\r')
                ; /* line breaks inside a cell are \n only */
            else
                put_cp(b, kr_utf8_is_control(cp) ? KR_UTF8_REPLACEMENT : cp);
        }
    }
    kr_buf_putc(b, '"');
}

void kr_esc_flush(struct kr_buf *b, FILE *out, bool force)
{
    if (b->len >= (1u << 16) || (force && b->len)) {
        fwrite(b->data, 1, b->len, out);
        kr_buf_reset(b);
    }
}
