/* SPDX-License-Identifier: MIT */
/*
 * Tokenizer, case folding and the Snowball Dutch stemmer (the only user of
 * libstemmer). Offsets are bytes into the original text, so findings can be
 * highlighted exactly, whatever diacritics, curly quotes or emoji it contains.
 */
#include "kijkronde/text.h"

#include <libstemmer.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "kijkronde/utf8.h"

static bool is_letter(uint32_t cp)
{
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
        return true;
    if (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7)
        return true; /* Latin-1 supplement and Latin Extended-A/B letters */
    if (cp >= 0x370 && cp <= 0x3FF)
        return true; /* Greek */
    if (cp >= 0x400 && cp <= 0x52F)
        return true; /* Cyrillic */
    if (cp >= 0x600 && cp <= 0x6FF)
        return true; /* Arabic (a note may quote a learner's thuistaal) */
    if (cp >= 0x1E00 && cp <= 0x1EFF)
        return true;
    return false;
}

static bool is_digit(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

static bool is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x202F ||
           cp == 0x2009;
}

/* Opening and closing quote characters. */
static bool is_open_quote(uint32_t cp)
{
    return cp == '"' || cp == 0x201C || cp == 0x2018 || cp == 0x201E || cp == 0x201A ||
           cp == 0xAB || cp == '\'';
}

static uint32_t closing_for(uint32_t open)
{
    switch (open) {
    case 0x201C:
    case 0x201E:
        return 0x201D;
    case 0x2018:
    case 0x201A:
        return 0x2019;
    case 0xAB:
        return 0xBB;
    default:
        return open;
    }
}

static uint32_t cp_at(const char *t, size_t len, size_t i, size_t *n)
{
    uint32_t cp;
    *n = kr_utf8_decode(t + i, len - i, &cp);
    return cp;
}

/* The closing quote characters, and where each occurs last in a text. */
static const uint32_t closers[] = {'"', '\'', 0x201D, 0x2019, 0xBB};
#define N_CLOSERS (sizeof closers / sizeof closers[0])

static void find_last_closers(const char *text, size_t len, size_t last[N_CLOSERS])
{
    for (size_t k = 0; k < N_CLOSERS; k++)
        last[k] = SIZE_MAX;
    for (size_t j = 0; j < len;) {
        size_t m;
        uint32_t c = cp_at(text, len, j, &m);
        for (size_t k = 0; k < N_CLOSERS; k++)
            if (c == closers[k])
                last[k] = j;
        j += m;
    }
}

/* Does the closing quote close occur at or after byte from? (One pass over the text at the
 * first question, so a note full of unclosed quotes stays linear.) */
static bool closer_follows(const char *text, size_t len, uint32_t close, size_t from,
                           size_t last[N_CLOSERS], bool *known)
{
    if (!*known) {
        find_last_closers(text, len, last);
        *known = true;
    }
    for (size_t k = 0; k < N_CLOSERS; k++)
        if (closers[k] == close)
            return last[k] != SIZE_MAX && last[k] >= from;
    return false;
}

void kr_tokenize(const char *text, size_t len, struct kr_token_list *out)
{
    out->n = 0;
    size_t i = 0;
    size_t last_closer[N_CLOSERS];
    bool closers_known = false;
    uint32_t open = 0;      /* the quote that opened the current quoted span, or 0 */
    uint32_t prev_cp = ' '; /* previous code point (for deciding if ' opens a quote) */
    while (i < len) {
        size_t n;
        uint32_t cp = cp_at(text, len, i, &n);
        if (is_space(cp)) {
            prev_cp = cp;
            i += n;
            continue;
        }
        struct kr_token tok = {.start = i, .quoted = open != 0};
        if (is_letter(cp)) {
            size_t j = i + n;
            while (j < len) {
                size_t m;
                uint32_t c = cp_at(text, len, j, &m);
                if (is_letter(c) || is_digit(c)) {
                    j += m;
                    continue;
                }
                /* Inner apostrophe or hyphen joins letters: zo'n, auto's, EDI-model. */
                if ((c == '\'' || c == 0x2019 || c == '-') && j + m < len) {
                    size_t k;
                    uint32_t after = cp_at(text, len, j + m, &k);
                    if (is_letter(after)) {
                        j += m;
                        continue;
                    }
                }
                break;
            }
            tok.kind = KR_TOK_WORD;
            tok.end = j;
        } else if (is_digit(cp)) {
            size_t j = i + n;
            bool time = false;
            while (j < len) {
                size_t m;
                uint32_t c = cp_at(text, len, j, &m);
                if (is_digit(c)) {
                    j += m;
                    continue;
                }
                if ((c == ':' || c == '.' || c == ',' || c == '/') && j + 1 < len &&
                    is_digit((unsigned char)text[j + 1])) {
                    if (c == ':')
                        time = true;
                    j += m;
                    continue;
                }
                break;
            }
            /* A suffix like 12e, 3x or 9.14u stays with the number. */
            if (j < len && (text[j] == 'e' || text[j] == 'x' || text[j] == 'u') &&
                (j + 1 == len || !is_letter((unsigned char)text[j + 1])))
                j++;
            tok.kind = time ? KR_TOK_TIME : KR_TOK_NUMBER;
            tok.end = j;
        } else {
            tok.kind = KR_TOK_PUNCT;
            tok.end = i + n;
            if (open && cp == closing_for(open)) {
                tok.quoted = true;
                open = 0;
            } else if (!open && is_open_quote(cp)) {
                /* A straight ' only opens a quote at a word start ("zegt: 'Ik ..."). */
                size_t m;
                bool next_ok = i + n < len && !is_space(cp_at(text, len, i + n, &m));
                if (cp != '\'' || (next_ok && (is_space(prev_cp) || prev_cp == ':' ||
                                               prev_cp == '(' || prev_cp == ' '))) {
                    /* Only when a closing quote follows; else it is a stray mark. */
                    if (closer_follows(text, len, closing_for(cp), i + n, last_closer,
                                       &closers_known)) {
                        open = cp;
                        tok.quoted = true;
                    }
                }
            }
        }
        KR_GROW(out->items, out->cap, out->n + 1);
        out->items[out->n++] = tok;
        prev_cp = cp;
        size_t last = kr_utf8_prev(text, tok.end);
        size_t m;
        prev_cp = cp_at(text, len, last, &m);
        i = tok.end;
    }
}

void kr_token_list_fini(struct kr_token_list *l)
{
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
}

static uint32_t fold_cp(uint32_t cp)
{
    if (cp >= 'A' && cp <= 'Z')
        return cp + 32;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
        return cp + 32;
    if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x131 && cp != 0x138 && cp != 0x149 &&
        cp != 0x17F) {
        /* Latin Extended-A alternates upper/lower, with a shift at 0x139-0x148 and 0x179-0x17E. */
        if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
            return (cp & 1) ? cp + 1 : cp;
        return (cp & 1) ? cp : cp + 1;
    }
    if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2)
        return cp + 32;
    if (cp >= 0x410 && cp <= 0x42F)
        return cp + 32;
    if (cp == 0x2019 || cp == 0x2018)
        return '\'';
    return cp;
}

size_t kr_fold(const char *s, size_t len, char *out, size_t size)
{
    size_t o = 0, i = 0;
    while (i < len) {
        uint32_t cp;
        i += kr_utf8_decode(s + i, len - i, &cp);
        char enc[4];
        size_t en = kr_utf8_encode(fold_cp(cp), enc);
        if (size && o + en < size)
            memcpy(out + o, enc, en);
        o += en;
    }
    if (size)
        out[o < size ? o : size - 1] = '\0';
    return o;
}

struct kr_stemmer {
    struct sb_stemmer *sb;
    char *buf;
    size_t cap;
};

struct kr_stemmer *kr_stemmer_new(void)
{
    struct kr_stemmer *s = kr_xcalloc(1, sizeof *s);
    s->sb = sb_stemmer_new("dutch", "UTF_8");
    return s;
}

void kr_stemmer_free(struct kr_stemmer *s)
{
    if (!s)
        return;
    if (s->sb)
        sb_stemmer_delete(s->sb);
    free(s->buf);
    free(s);
}

size_t kr_stem(struct kr_stemmer *s, const char *word, size_t len, char *out, size_t size)
{
    size_t need = kr_fold(word, len, NULL, 0);
    if (need + 1 > s->cap) {
        s->cap = need + 1;
        s->buf = kr_xreallocarray(s->buf, s->cap, 1);
    }
    kr_fold(word, len, s->buf, s->cap);
    const char *res = s->buf;
    size_t rlen = need;
    if (s->sb && need > 0 && need < 64) {
        const sb_symbol *st = sb_stemmer_stem(s->sb, (const sb_symbol *)s->buf, (int)need);
        if (st) {
            res = (const char *)st;
            rlen = (size_t)sb_stemmer_length(s->sb);
        }
    }
    if (size) {
        size_t c = rlen < size ? rlen : size - 1;
        memcpy(out, res, c);
        out[c] = '\0';
    }
    return rlen;
}
