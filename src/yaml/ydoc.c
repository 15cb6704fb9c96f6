/* SPDX-License-Identifier: MIT */
/*
 * The only user of libyaml. Builds a kr_ydoc tree from parser events (not from
 * yaml_parser_load, whose alias handling lets a small file expand without bound)
 * and refuses, with a position, everything the kijkronde formats never need.
 */
#include "kijkronde/ydoc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "kijkronde/mem.h"
#include "kijkronde/utf8.h"
#include "yaml_nl.h"

const char *kr_ynode_type_str(enum kr_ynode_type t)
{
    switch (t) {
    case KR_YNODE_SCALAR:
        return "tekst";
    case KR_YNODE_SEQ:
        return "lijst";
    case KR_YNODE_MAP:
        return "mapping";
    }
    return "?";
}

static void node_free(struct kr_ynode *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->n; i++) {
        node_free(n->items[i]);
        if (n->keys)
            node_free(n->keys[i]);
    }
    free(n->items);
    free(n->keys);
    free(n->value);
    free(n);
}

void kr_ydoc_free(struct kr_ydoc *doc)
{
    if (!doc)
        return;
    node_free(doc->root);
    free(doc->file);
    free(doc);
}

const struct kr_ynode *kr_ynode_get(const struct kr_ynode *map, const char *key)
{
    if (!map || map->type != KR_YNODE_MAP)
        return NULL;
    for (size_t i = 0; i < map->n; i++)
        if (strcmp(map->keys[i]->value, key) == 0)
            return map->items[i];
    return NULL;
}

struct loader {
    yaml_parser_t parser;
    const char *name;
    struct kr_error *err;
};

static enum kr_status fail_at(struct loader *L, yaml_mark_t m, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static enum kr_status fail_at(struct loader *L, yaml_mark_t m, const char *fmt, ...)
{
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return kr_error_set_at(L->err, KR_PARSE, L->name, m.line + 1, m.column + 1, "%s", msg);
}

static enum kr_status parse_event(struct loader *L, yaml_event_t *ev)
{
    if (yaml_parser_parse(&L->parser, ev))
        return KR_OK;
    yaml_mark_t m = L->parser.problem_mark;
    if (L->parser.error == YAML_READER_ERROR)
        m = L->parser.mark;
    /* libyaml's problem text is English: translated, never copied (yaml_nl.c). */
    char msg[300];
    kr_yaml_explain(msg, sizeof msg, L->parser.problem, L->parser.context,
                    L->parser.context ? L->parser.context_mark.line + 1 : 0, m.line + 1,
                    L->parser.error == YAML_READER_ERROR);
    return kr_error_set_at(L->err, KR_PARSE, L->name, m.line + 1, m.column + 1, "%s", msg);
}

static struct kr_ynode *node_new(enum kr_ynode_type t, yaml_mark_t m)
{
    struct kr_ynode *n = kr_xcalloc(1, sizeof *n);
    n->type = t;
    n->line = m.line + 1;
    n->col = m.column + 1;
    return n;
}

static enum kr_status parse_node(struct loader *L, yaml_event_t *ev, int depth,
                                 struct kr_ynode **out);

/* Parse the children of a sequence or mapping until its end event. */
static enum kr_status parse_children(struct loader *L, struct kr_ynode *n, int depth)
{
    for (;;) {
        yaml_event_t ev;
        enum kr_status r = parse_event(L, &ev);
        if (r != KR_OK)
            return r;
        if (ev.type == YAML_SEQUENCE_END_EVENT || ev.type == YAML_MAPPING_END_EVENT) {
            yaml_event_delete(&ev);
            return KR_OK;
        }
        struct kr_ynode *child = NULL;
        yaml_mark_t at = ev.start_mark;
        r = parse_node(L, &ev, depth + 1, &child);
        yaml_event_delete(&ev);
        if (r != KR_OK)
            return r;
        if (n->type == KR_YNODE_SEQ) {
            KR_GROW(n->items, n->cap, n->n + 1);
            n->items[n->n++] = child;
            continue;
        }
        /* Mapping: child is the key; the value follows. */
        if (child->type != KR_YNODE_SCALAR) {
            node_free(child);
            return fail_at(L, at, "een sleutel moet tekst zijn");
        }
        for (size_t i = 0; i < n->n; i++)
            if (strcmp(n->keys[i]->value, child->value) == 0) {
                enum kr_status d = fail_at(L, at, "sleutel '%s' komt twee keer voor", child->value);
                node_free(child);
                return d;
            }
        yaml_event_t vev;
        r = parse_event(L, &vev);
        if (r != KR_OK) {
            node_free(child);
            return r;
        }
        struct kr_ynode *value = NULL;
        r = parse_node(L, &vev, depth + 1, &value);
        yaml_event_delete(&vev);
        if (r != KR_OK) {
            node_free(child);
            return r;
        }
        if (n->n + 1 > n->cap) {
            size_t cap = n->cap;
            KR_GROW(n->items, cap, n->n + 1);
            n->keys = kr_xreallocarray(n->keys, cap, sizeof *n->keys);
            n->cap = cap;
        }
        n->keys[n->n] = child;
        n->items[n->n++] = value;
    }
}

static enum kr_status parse_node(struct loader *L, yaml_event_t *ev, int depth,
                                 struct kr_ynode **out)
{
    *out = NULL;
    if (depth > KR_YDOC_MAX_DEPTH)
        return fail_at(L, ev->start_mark, "te diep genest (meer dan %d niveaus)",
                       KR_YDOC_MAX_DEPTH);
    switch (ev->type) {
    case YAML_ALIAS_EVENT:
        return fail_at(L, ev->start_mark, "aliassen (*%s) worden niet ondersteund",
                       (const char *)ev->data.alias.anchor);
    case YAML_SCALAR_EVENT: {
        if (ev->data.scalar.anchor)
            return fail_at(L, ev->start_mark, "ankers (&%s) worden niet ondersteund",
                           (const char *)ev->data.scalar.anchor);
        const char *v = (const char *)ev->data.scalar.value;
        size_t len = ev->data.scalar.length;
        if (memchr(v, '\0', len))
            return fail_at(L, ev->start_mark, "de tekst bevat een NUL-teken");
        struct kr_ynode *n = node_new(KR_YNODE_SCALAR, ev->start_mark);
        n->value = kr_xstrndup(v, len);
        n->len = len;
        n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        *out = n;
        return KR_OK;
    }
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT: {
        int seq = ev->type == YAML_SEQUENCE_START_EVENT;
        const yaml_char_t *anchor =
            seq ? ev->data.sequence_start.anchor : ev->data.mapping_start.anchor;
        if (anchor)
            return fail_at(L, ev->start_mark, "ankers (&%s) worden niet ondersteund",
                           (const char *)anchor);
        struct kr_ynode *n = node_new(seq ? KR_YNODE_SEQ : KR_YNODE_MAP, ev->start_mark);
        enum kr_status r = parse_children(L, n, depth);
        if (r != KR_OK) {
            node_free(n);
            return r;
        }
        *out = n;
        return KR_OK;
    }
    default:
        return fail_at(L, ev->start_mark, "onverwacht YAML-element");
    }
}

enum kr_status kr_ydoc_load_mem(const char *name, const char *data, size_t len,
                                struct kr_ydoc **out, struct kr_error *err)
{
    *out = NULL;
    if (len > KR_YDOC_MAX_BYTES)
        return kr_error_set_at(err, KR_PARSE, name, 0, 0,
                               "het bestand is te groot (%zu bytes, hoogstens %u)", len,
                               KR_YDOC_MAX_BYTES);
    size_t bad;
    if (!kr_utf8_valid(data, len, &bad)) {
        size_t line = 1, col = 1;
        for (size_t i = 0; i < bad; i++) {
            if (data[i] == '\n') {
                line++;
                col = 1;
            } else if (((unsigned char)data[i] & 0xC0) != 0x80) {
                col++;
            }
        }
        return kr_error_set_at(err, KR_PARSE, name, line, col, "geen geldige UTF-8 (byte %zu)",
                               bad);
    }
    struct loader L = {.name = name, .err = err};
    struct kr_ydoc *doc = kr_xcalloc(1, sizeof *doc);
    doc->file = kr_xstrdup(name);
    if (!yaml_parser_initialize(&L.parser)) {
        kr_ydoc_free(doc);
        return kr_error_set(err, KR_NOMEM, "YAML-lezer kon niet starten.");
    }
    yaml_parser_set_input_string(&L.parser, (const unsigned char *)data, len);
    enum kr_status r = KR_OK;
    int docs = 0;
    for (int done = 0; !done && r == KR_OK;) {
        yaml_event_t ev;
        r = parse_event(&L, &ev);
        if (r != KR_OK)
            break;
        switch (ev.type) {
        case YAML_STREAM_END_EVENT:
            done = 1;
            break;
        case YAML_DOCUMENT_START_EVENT:
            if (++docs > 1)
                r = fail_at(&L, ev.start_mark,
                            "meer dan één document in het bestand (één per bestand)");
            break;
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_END_EVENT:
            break;
        default:
            r = parse_node(&L, &ev, 1, &doc->root);
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&L.parser);
    if (r != KR_OK) {
        kr_ydoc_free(doc);
        return r;
    }
    *out = doc;
    return KR_OK;
}

enum kr_status kr_ydoc_load_file(const char *path, struct kr_ydoc **out, struct kr_error *err)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return kr_error_set_at(err, KR_IO, path, 0, 0, "kan het bestand niet openen: %s",
                               kr_strerror(errno));
    struct kr_buf b = {0};
    char chunk[65536];
    size_t n;
    enum kr_status r = KR_OK;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        kr_buf_append(&b, chunk, n);
        if (b.len > KR_YDOC_MAX_BYTES) {
            r = kr_error_set_at(err, KR_PARSE, path, 0, 0,
                                "het bestand is te groot (hoogstens %u bytes)", KR_YDOC_MAX_BYTES);
            break;
        }
    }
    if (r == KR_OK && ferror(f))
        r = kr_error_set_at(err, KR_IO, path, 0, 0, "kan het bestand niet lezen");
    fclose(f);
    if (r == KR_OK)
        r = kr_ydoc_load_mem(path, kr_buf_str(&b), b.len, out, err);
    kr_buf_fini(&b);
    return r;
}
