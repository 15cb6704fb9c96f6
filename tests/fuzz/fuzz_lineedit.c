/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target: any sequence of keys and pastes leaves the line editor's text valid
 * UTF-8 without control characters, the cursor on a character boundary, and the
 * layout helpers inside their bounds. Input bytes:
 *   0x00-0x0a  an editing key (KR_LE_LEFT + byte)
 *   0x0b c     a code point key: the next 3 bytes, big endian
 *   0x0c w     check scroll and wrap at w % 90 + 2 columns
 *   other      a run of bytes up to the next byte < 0x0d, inserted as typed or pasted
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "kijkronde/lineedit.h"
#include "kijkronde/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const struct kr_lineedit *le)
{
    if (strlen(le->text) != le->len || le->cursor > le->len || le->len > 256)
        __builtin_trap();
    if (!kr_utf8_valid(le->text, le->len, NULL))
        __builtin_trap();
    if (le->cursor < le->len && (le->text[le->cursor] & 0xC0) == 0x80)
        __builtin_trap();
    for (size_t off = 0; off < le->len;) {
        uint32_t cp;
        off += kr_utf8_decode(le->text + off, le->len - off, &cp);
        if (kr_utf8_is_control(cp))
            __builtin_trap();
    }
}

static void check_layout(const struct kr_lineedit *le, size_t cols)
{
    size_t first = 0, starts[64], row = 0, col = 0;
    size_t c = kr_le_scroll(le, &first, cols);
    if (c >= cols || first > le->cursor)
        __builtin_trap();
    size_t n = kr_le_wrap(le->text, le->len, cols, starts, 64, le->cursor, &row, &col);
    if (n < 1 || n > 64 || row >= n || col >= cols)
        __builtin_trap();
    for (size_t i = 1; i < n; i++)
        if (starts[i] < starts[i - 1] || starts[i] > le->len)
            __builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct kr_lineedit le;
    kr_le_init(&le);
    le.max_len = 256;
    size_t i = 0;
    while (i < size) {
        uint8_t b = data[i++];
        if (b <= 0x0a) {
            kr_le_key(&le, KR_LE_LEFT + b);
        } else if (b == 0x0b) {
            uint32_t cp = 0;
            for (int k = 0; k < 3 && i < size; k++)
                cp = (cp << 8) | data[i++];
            kr_le_key(&le, cp);
        } else if (b == 0x0c) {
            size_t cols = i < size ? (size_t)(data[i++] % 90) + 2 : 2;
            check_layout(&le, cols);
        } else {
            size_t start = i - 1;
            while (i < size && data[i] >= 0x0d)
                i++;
            kr_le_insert(&le, (const char *)data + start, i - start);
        }
        check(&le);
    }
    kr_le_fini(&le);
    return 0;
}
