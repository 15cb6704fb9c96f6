/* SPDX-License-Identifier: MIT */
/*
 * A JSON syntax checker that says where exactly a document is broken (and why, in
 * Dutch), without recursion, refusing a key that comes twice in one object.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "exchange_internal.h"
#include "kijkronde/mem.h"
#include "kijkronde/utf8.h"

static void js_ws(struct kr_jscan *j)
{
    while (j->pos < j->len && (j->s[j->pos] == ' ' || j->s[j->pos] == '\t' ||
                               j->s[j->pos] == '\n' || j->s[j->pos] == '\r'))
        j->pos++;
}

static int js_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* The value of four hex digits (already checked to be hex, or stops at the first non-hex). */
static unsigned hex4(const char *p)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        unsigned d = c >= '0' && c <= '9'   ? (unsigned)(c - '0')
                     : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
                     : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
                                            : 16;
        if (d == 16)
            return 0xFFFFFFFFu;
        v = v * 16 + d;
    }
    return v;
}

static int js_string(struct kr_jscan *j)
{
    j->pos++; /* opening quote */
    while (j->pos < j->len) {
        unsigned char c = (unsigned char)j->s[j->pos];
        if (c == '"') {
            j->pos++;
            return 1;
        }
        if (c < 0x20) {
            j->why = "een stuurteken of regeleinde midden in een tekst (gebruik \\n)";
            return 0;
        }
        if (c == '\\') {
            j->pos++;
            if (j->pos >= j->len)
                break;
            char e = j->s[j->pos];
            if (e == 'u') {
                for (int k = 1; k <= 4; k++)
                    if (j->pos + (size_t)k >= j->len || !js_hex(j->s[j->pos + (size_t)k])) {
                        j->why = "ongeldige \\u-code in een tekst";
                        return 0;
                    }
                unsigned u = hex4(j->s + j->pos + 1);
                /* NUL would cut the text short; a lone surrogate is no character. */
                bool high = u >= 0xD800 && u <= 0xDBFF;
                unsigned low = high && j->len - j->pos >= 11 && j->s[j->pos + 5] == '\\' &&
                                       j->s[j->pos + 6] == 'u'
                                   ? hex4(j->s + j->pos + 7)
                                   : 0;
                if (u == 0 || (u >= 0xDC00 && u <= 0xDFFF) ||
                    (high && (low < 0xDC00 || low > 0xDFFF))) {
                    j->pos--;
                    j->why = "een tekst bevat \\u0000 of een losse \\u-surrogaat; dat is geen "
                             "teken";
                    return 0;
                }
                j->pos += high ? 10 : 4; /* a pair is one character: skip its low half too */
            } else if (!strchr("\"\\/bfnrt", e) || e == 0) {
                j->why = "ongeldige \\-code in een tekst";
                return 0;
            }
        }
        j->pos++;
    }
    j->why = "de tekst wordt niet afgesloten met \"";
    return 0;
}

static int js_number(struct kr_jscan *j)
{
    size_t p = j->pos;
    if (p < j->len && j->s[p] == '-')
        p++;
    if (p >= j->len || j->s[p] < '0' || j->s[p] > '9')
        goto bad;
    if (j->s[p] == '0')
        p++;
    else
        while (p < j->len && j->s[p] >= '0' && j->s[p] <= '9')
            p++;
    if (p < j->len && j->s[p] == '.') {
        p++;
        if (p >= j->len || j->s[p] < '0' || j->s[p] > '9')
            goto bad;
        while (p < j->len && j->s[p] >= '0' && j->s[p] <= '9')
            p++;
    }
    if (p < j->len && (j->s[p] == 'e' || j->s[p] == 'E')) {
        p++;
        if (p < j->len && (j->s[p] == '+' || j->s[p] == '-'))
            p++;
        if (p >= j->len || j->s[p] < '0' || j->s[p] > '9')
            goto bad;
        while (p < j->len && j->s[p] >= '0' && j->s[p] <= '9')
            p++;
    }
    j->pos = p;
    return 1;
bad:
    j->pos = p;
    j->why = "ongeldig getal";
    return 0;
}

/*
 * The keys of the objects that are open, to refuse a key that comes twice in one object
 * (SQLite would silently keep one of them). Entries form a stack (an object's keys are
 * dropped when it closes) with hash chains over it; a chain's newest entry is its head,
 * so dropping from the top of the stack only ever unlinks chain heads.
 */
struct jkey {
    uint64_t hash;   /* of the object number and the decoded key */
    size_t obj;      /* which object (numbered as they open) */
    size_t off, len; /* the decoded key in the arena */
    size_t pos;      /* byte offset of the key in the document */
    size_t next;     /* the older entry in this chain, + 1 (0: none) */
};

struct jkeys {
    struct jkey *e;
    size_t n, cap;
    size_t *head; /* per bucket: newest entry + 1 */
    size_t n_buckets;
    struct kr_buf arena;
    size_t objs;
};

static void jkeys_fini(struct jkeys *k)
{
    free(k->e);
    free(k->head);
    kr_buf_fini(&k->arena);
}

static uint64_t jkey_hash(size_t obj, const char *s, size_t len)
{
    uint64_t h = 0xcbf29ce484222325u ^ (uint64_t)obj;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3u;
    return h;
}

static void jkeys_link(struct jkeys *k, size_t i)
{
    size_t b = (size_t)(k->e[i].hash & (k->n_buckets - 1));
    k->e[i].next = k->head[b];
    k->head[b] = i + 1;
}

/* The key text of the string token s[0..len) (quotes excluded, already checked) into out. */
void kr_json_key_decode(const char *s, size_t len, struct kr_buf *out)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '\\') {
            kr_buf_putc(out, s[i]);
            continue;
        }
        char e = s[++i];
        if (e != 'u') {
            static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
            kr_buf_putc(out, to[strchr(from, e) - from]);
            continue;
        }
        uint32_t cp = hex4(s + i + 1);
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < len && s[i + 1] == '\\') {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4(s + i + 3) - 0xDC00);
            i += 6;
        }
        char enc[4];
        kr_buf_append(out, enc, kr_utf8_encode(cp, enc));
    }
}

/* Add the key at j->s[start..j->pos) (a string token) to object obj; 0 when it is there. */
static int jkeys_add(struct jkeys *k, struct kr_jscan *j, size_t obj, size_t start)
{
    size_t off = k->arena.len;
    kr_json_key_decode(j->s + start + 1, j->pos - start - 2, &k->arena);
    size_t len = k->arena.len - off;
    uint64_t h = jkey_hash(obj, k->arena.data + off, len);
    if (k->n_buckets) {
        for (size_t e = k->head[h & (k->n_buckets - 1)]; e; e = k->e[e - 1].next) {
            const struct jkey *o = &k->e[e - 1];
            if (o->hash != h || o->obj != obj || o->len != len ||
                memcmp(k->arena.data + o->off, k->arena.data + off, len) != 0)
                continue;
            char v[128];
            size_t l1, c1, l0, c0;
            kr_buf_putc(&k->arena, '\0');
            kr_utf8_truncate(v, sizeof v, k->arena.data + off, 40);
            kr_json_line_col(j->s, j->len, start, &l1, &c1);
            kr_json_line_col(j->s, j->len, o->pos, &l0, &c0);
            snprintf(j->why_buf, sizeof j->why_buf,
                     "dubbele sleutel \"%s\" op regel %zu kolom %zu (staat in hetzelfde object "
                     "al op regel %zu kolom %zu)",
                     v, l1, c1, l0, c0);
            j->why = j->why_buf;
            j->pos = start;
            return 0;
        }
    }
    KR_GROW(k->e, k->cap, k->n + 1);
    k->e[k->n] = (struct jkey){.hash = h, .obj = obj, .off = off, .len = len, .pos = start};
    k->n++;
    if (k->n > 2 * k->n_buckets) {
        k->n_buckets = k->n_buckets ? 2 * k->n_buckets : 64;
        free(k->head);
        k->head = kr_xreallocarray(NULL, k->n_buckets, sizeof *k->head);
        memset(k->head, 0, k->n_buckets * sizeof *k->head);
        for (size_t i = 0; i < k->n; i++)
            jkeys_link(k, i);
    } else {
        jkeys_link(k, k->n - 1);
    }
    return 1;
}

/* An object closes: drop its keys (the top of the stack, from entry `from` on). */
static void jkeys_pop(struct jkeys *k, size_t from)
{
    if (from >= k->n)
        return;
    for (size_t i = k->n; i-- > from;)
        k->head[k->e[i].hash & (k->n_buckets - 1)] = k->e[i].next;
    k->arena.len = k->e[from].off;
    k->n = from;
}

#define JS_MAX_DEPTH 500

/* Check the whole text as JSON without recursion; on failure j->pos is the spot. */
static int js_check_keys(struct kr_jscan *j, struct jkeys *keys)
{
    char stack[JS_MAX_DEPTH];       /* '{' or '[' per open level */
    size_t obj[JS_MAX_DEPTH];       /* per open object: its number */
    size_t first_key[JS_MAX_DEPTH]; /* per open object: its first entry in keys */
    int depth = 0;
    for (;;) {
        /* expect a value */
        js_ws(j);
        if (j->pos >= j->len) {
            j->why = "het bestand houdt op waar een waarde moet staan";
            return 0;
        }
        char c = j->s[j->pos];
        if (c == '{' || c == '[') {
            if (depth == JS_MAX_DEPTH) {
                j->why = "te diep genest";
                return 0;
            }
            obj[depth] = keys->objs++;
            first_key[depth] = keys->n;
            stack[depth++] = c;
            j->pos++;
            js_ws(j);
            if (j->pos < j->len && j->s[j->pos] == (c == '{' ? '}' : ']')) {
                j->pos++;
                depth--;
                goto after_value;
            }
            if (c == '{')
                goto key;
            continue;
        } else if (c == '"') {
            if (!js_string(j))
                return 0;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            if (!js_number(j))
                return 0;
        } else if (j->len - j->pos >= 4 && memcmp(j->s + j->pos, "true", 4) == 0) {
            j->pos += 4;
        } else if (j->len - j->pos >= 5 && memcmp(j->s + j->pos, "false", 5) == 0) {
            j->pos += 5;
        } else if (j->len - j->pos >= 4 && memcmp(j->s + j->pos, "null", 4) == 0) {
            j->pos += 4;
        } else {
            j->why = "hier verwacht ik een waarde (tekst tussen \"\", getal, true, false, null, "
                     "{ of [)";
            return 0;
        }
    after_value:
        js_ws(j);
        if (depth == 0) {
            if (j->pos < j->len) {
                j->why = "na het einde van de JSON staat nog tekst";
                return 0;
            }
            return 1;
        }
        if (j->pos >= j->len) {
            j->why = "het bestand houdt op voordat alle { en [ gesloten zijn";
            return 0;
        }
        c = j->s[j->pos];
        if (c == ',') {
            j->pos++;
            if (stack[depth - 1] == '{')
                goto key;
            continue;
        }
        if (c == (stack[depth - 1] == '{' ? '}' : ']')) {
            j->pos++;
            depth--;
            if (c == '}')
                jkeys_pop(keys, first_key[depth]);
            goto after_value;
        }
        j->why = stack[depth - 1] == '{' ? "hier verwacht ik , of }" : "hier verwacht ik , of ]";
        return 0;
    key:
        js_ws(j);
        if (j->pos >= j->len || j->s[j->pos] != '"') {
            j->why = "hier verwacht ik een sleutel tussen \"\"";
            return 0;
        }
        size_t key_start = j->pos;
        if (!js_string(j) || !jkeys_add(keys, j, obj[depth - 1], key_start))
            return 0;
        js_ws(j);
        if (j->pos >= j->len || j->s[j->pos] != ':') {
            j->why = "hier verwacht ik :";
            return 0;
        }
        j->pos++;
    }
}

int kr_json_check(struct kr_jscan *j)
{
    struct jkeys keys = {0};
    int ok = js_check_keys(j, &keys);
    jkeys_fini(&keys);
    return ok;
}

/* Line and column (1-based, columns in code points) of byte offset off. */
void kr_json_line_col(const char *s, size_t len, size_t off, size_t *line, size_t *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < off && i < len; i++) {
        if (s[i] == '\n') {
            (*line)++;
            *col = 1;
        } else if (((unsigned char)s[i] & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}
