/* SPDX-License-Identifier: MIT */
/*
 * Loading kijkvragen: one strict YAML file per kijkvraag, and the library made of
 * the built-in files, the user's data directory and --kijkvragen DIR. Every
 * refusal names FILE:LINE:COL and says, in Dutch, what was expected there.
 */
#include "kijkronde/kijkvraag.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "kijkronde/paths.h"
#include "kijkronde/plural.h"
#include "kijkronde/utf8.h"
#include "kijkronde/ydoc.h"

#define VRAAG_MAX_BYTES 400
#define TEXT_MAX_BYTES  4000

static const char KEYS[] =
    "id, vraag, basisvaardigheid, thema, toelichting, kijkpunten, hints, bron";

void kr_kijkvraag_fini(struct kr_kijkvraag *k)
{
    if (!k)
        return;
    free(k->id);
    free(k->vraag);
    free(k->thema);
    free(k->toelichting);
    for (size_t i = 0; i < k->n_kijkpunten; i++)
        free(k->kijkpunten[i]);
    free(k->kijkpunten);
    free(k->kijkpunt_line);
    free(k->kijkpunt_col);
    for (int c = 0; c < KR_CORNER_COUNT; c++)
        free(k->hints[c]);
    free(k->bron);
    free(k->file);
    memset(k, 0, sizeof *k);
}

void kr_kijkvraag_list_fini(struct kr_kijkvraag_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        kr_kijkvraag_fini(&l->items[i]);
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
}

/* The id a file must carry: its base name without ".yaml" (or ".yml"). Heap string. */
static char *id_from_name(const char *name)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    size_t n = strlen(base);
    if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
        n -= 5;
    else if (n > 4 && strcmp(base + n - 4, ".yml") == 0)
        n -= 4;
    return kr_xstrndup(base, n);
}

static bool id_valid(const char *s)
{
    if (!*s || *s == '-' || strlen(s) > 64)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return false;
    return true;
}

/* An inert copy of s for messages, at most about 60 columns. */
static void shown(char *dst, size_t size, const char *s)
{
    kr_utf8_truncate(dst, size, s, 60);
}

static enum kr_status fail(struct kr_error *err, const char *file, const struct kr_ynode *n,
                           const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static enum kr_status fail(struct kr_error *err, const char *file, const struct kr_ynode *n,
                           const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return kr_error_set_at(err, KR_PARSE, file, n ? n->line : 1, n ? n->col : 1, "%s", msg);
}

/* A plain scalar YAML would read as something other than text. */
static const char *non_text_kind(const struct kr_ynode *n)
{
    if (!n->plain)
        return NULL;
    const char *v = n->value;
    if (!*v || strcmp(v, "~") == 0 || strcmp(v, "null") == 0 || strcmp(v, "Null") == 0 ||
        strcmp(v, "NULL") == 0)
        return "leeg (null)";
    if (strcmp(v, "true") == 0 || strcmp(v, "false") == 0 || strcmp(v, "True") == 0 ||
        strcmp(v, "False") == 0 || strcmp(v, "TRUE") == 0 || strcmp(v, "FALSE") == 0)
        return "een ja/nee-waarde";
    return NULL;
}

/*
 * Take a text value: a scalar, not null, not empty, no control characters (a newline
 * only when multiline), at most max bytes. *out gets a heap copy.
 */
static enum kr_status take_text(const char *file, const char *key, const struct kr_ynode *v,
                                bool multiline, size_t max, char **out, struct kr_error *err)
{
    if (v->type != KR_YNODE_SCALAR)
        return fail(err, file, v, "'%s' moet tekst zijn, maar is een %s", key,
                    kr_ynode_type_str(v->type));
    const char *nt = non_text_kind(v);
    if (nt)
        return fail(err, file, v, "'%s' moet tekst zijn, maar is %s", key, nt);
    size_t len = v->len;
    while (len && (v->value[len - 1] == '\n' || v->value[len - 1] == ' '))
        len--;
    size_t start = 0;
    while (start < len && v->value[start] == ' ')
        start++;
    if (start == len)
        return fail(err, file, v, "'%s' is leeg; verwacht een tekst", key);
    if (len - start > max)
        return fail(err, file, v, "'%s' is te lang (%zu bytes, hoogstens %zu)", key, len - start,
                    max);
    for (size_t i = start; i < len;) {
        uint32_t cp;
        i += kr_utf8_decode(v->value + i, len - i, &cp);
        if (cp == '\n' && multiline)
            continue;
        if (cp == '\n')
            return fail(err, file, v, "'%s' moet op één regel staan", key);
        if (cp == '\t')
            continue;
        if (kr_utf8_is_control(cp))
            return fail(err, file, v, "'%s' bevat een stuurteken (U+%04X); verwacht gewone tekst",
                        key, (unsigned)cp);
    }
    *out = kr_xstrndup(v->value + start, len - start);
    return KR_OK;
}

static enum kr_status take_kijkpunten(const char *file, const struct kr_ynode *v,
                                      struct kr_kijkvraag *k, struct kr_error *err)
{
    if (v->type != KR_YNODE_SEQ)
        return fail(err, file, v,
                    "'kijkpunten' moet een lijst zijn (regels die met '- ' beginnen), maar is "
                    "een %s",
                    kr_ynode_type_str(v->type));
    if (v->n < KR_KIJKPUNTEN_MIN || v->n > KR_KIJKPUNTEN_MAX)
        return fail(err, file, v, "'kijkpunten' heeft %zu %s; verwacht %d tot en met %d", v->n,
                    kr_plural((long long)v->n, "punt", "punten"), KR_KIJKPUNTEN_MIN,
                    KR_KIJKPUNTEN_MAX);
    k->kijkpunten = kr_xcalloc(v->n, sizeof *k->kijkpunten);
    k->kijkpunt_line = kr_xcalloc(v->n, sizeof *k->kijkpunt_line);
    k->kijkpunt_col = kr_xcalloc(v->n, sizeof *k->kijkpunt_col);
    for (size_t i = 0; i < v->n; i++) {
        k->kijkpunt_line[i] = v->items[i]->line;
        k->kijkpunt_col[i] = v->items[i]->col;
        char key[32];
        snprintf(key, sizeof key, "kijkpunt %zu", i + 1);
        enum kr_status r =
            take_text(file, key, v->items[i], false, VRAAG_MAX_BYTES, &k->kijkpunten[i], err);
        if (r != KR_OK)
            return r;
        k->n_kijkpunten++;
    }
    return KR_OK;
}

static enum kr_status take_hints(const char *file, const struct kr_ynode *v, struct kr_kijkvraag *k,
                                 struct kr_error *err)
{
    if (v->type != KR_YNODE_MAP)
        return fail(err, file, v,
                    "'hints' moet een mapping zijn met leerling, leraar en/of leerinhoud, maar is "
                    "een %s",
                    kr_ynode_type_str(v->type));
    for (size_t i = 0; i < v->n; i++) {
        enum kr_corner c;
        if (!kr_corner_parse(v->keys[i]->value, &c) || c == KR_CORNER_NONE) {
            char s[256];
            shown(s, sizeof s, v->keys[i]->value);
            return fail(err, file, v->keys[i],
                        "onbekende hoek '%s' in 'hints'; verwacht leerling, leraar of leerinhoud",
                        s);
        }
        char key[32];
        snprintf(key, sizeof key, "hints.%s", kr_corner_str(c));
        enum kr_status r =
            take_text(file, key, v->items[i], true, TEXT_MAX_BYTES, &k->hints[c], err);
        if (r != KR_OK)
            return r;
    }
    return KR_OK;
}

static enum kr_status from_tree(const char *file, const struct kr_ydoc *doc, struct kr_kijkvraag *k,
                                struct kr_error *err)
{
    const struct kr_ynode *root = doc->root;
    if (!root)
        return kr_error_set_at(err, KR_PARSE, file, 1, 1,
                               "het bestand is leeg; verwacht een kijkvraag met %s", KEYS);
    if (root->type != KR_YNODE_MAP)
        return fail(err, file, root,
                    "verwacht een mapping (regels 'sleutel: waarde') met %s, "
                    "maar het bestand is een %s",
                    KEYS, kr_ynode_type_str(root->type));
    enum kr_status r = KR_OK;
    for (size_t i = 0; i < root->n && r == KR_OK; i++) {
        const char *key = root->keys[i]->value;
        const struct kr_ynode *v = root->items[i];
        if (strcmp(key, "id") == 0) {
            r = take_text(file, key, v, false, 64, &k->id, err);
            k->id_line = v->line;
            k->id_col = v->col;
            if (r == KR_OK && !id_valid(k->id)) {
                char s[256];
                shown(s, sizeof s, k->id);
                r = fail(err, file, v,
                         "id '%s' mag alleen kleine letters, cijfers en '-' bevatten (zoals "
                         "rekenen-vastlopen)",
                         s);
            }
        } else if (strcmp(key, "vraag") == 0) {
            r = take_text(file, key, v, false, VRAAG_MAX_BYTES, &k->vraag, err);
            k->vraag_line = v->line;
            k->vraag_col = v->col;
            k->vraag_plain = v->plain && v->type == KR_YNODE_SCALAR;
        } else if (strcmp(key, "basisvaardigheid") == 0) {
            char *b = NULL;
            r = take_text(file, key, v, false, 64, &b, err);
            if (r == KR_OK && (!kr_basis_parse(b, &k->basis) || k->basis == KR_BASIS_NONE)) {
                char s[256];
                shown(s, sizeof s, b);
                r = fail(err, file, v,
                         "onbekende basisvaardigheid '%s'; verwacht taal, rekenen-wiskunde, "
                         "burgerschap of digitale-geletterdheid",
                         s);
            }
            free(b);
        } else if (strcmp(key, "thema") == 0) {
            r = take_text(file, key, v, false, VRAAG_MAX_BYTES, &k->thema, err);
        } else if (strcmp(key, "toelichting") == 0) {
            r = take_text(file, key, v, true, TEXT_MAX_BYTES, &k->toelichting, err);
        } else if (strcmp(key, "kijkpunten") == 0) {
            r = take_kijkpunten(file, v, k, err);
        } else if (strcmp(key, "hints") == 0) {
            r = take_hints(file, v, k, err);
        } else if (strcmp(key, "bron") == 0) {
            r = take_text(file, key, v, true, TEXT_MAX_BYTES, &k->bron, err);
        } else {
            char s[256];
            shown(s, sizeof s, key);
            r = fail(err, file, root->keys[i], "onbekende sleutel '%s'; verwacht een van: %s", s,
                     KEYS);
        }
    }
    if (r != KR_OK)
        return r;
    static const char *const required[] = {"id",    "vraag",       "basisvaardigheid",
                                           "thema", "toelichting", "kijkpunten"};
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
        if (!kr_ynode_get(root, required[i]))
            return fail(err, file, root,
                        "verplichte sleutel '%s' ontbreekt (nodig: id, vraag, "
                        "basisvaardigheid, thema, toelichting, kijkpunten)",
                        required[i]);
    char *want = id_from_name(file);
    if (strcmp(want, k->id) != 0) {
        char s[256], w[256];
        shown(s, sizeof s, k->id);
        shown(w, sizeof w, want);
        r = fail(err, file, kr_ynode_get(root, "id"),
                 "id '%s' hoort bij de bestandsnaam: verwacht id '%s' (of noem het bestand "
                 "'%s.yaml')",
                 s, w, s);
    }
    free(want);
    return r;
}

/* Byte offset of 1-based line/col (col in code points) in data, or len. */
static size_t offset_of(const char *data, size_t len, size_t line, size_t col)
{
    size_t i = 0;
    for (size_t l = 1; l < line && i < len; i++)
        if (data[i] == '\n')
            l++;
    for (size_t c = 1; c < col && i < len; c++)
        i = kr_utf8_next(data, len, i);
    return i;
}

enum kr_status kr_kijkvraag_load_mem(const char *name, const char *data, size_t len,
                                     struct kr_kijkvraag *out, struct kr_error *err)
{
    memset(out, 0, sizeof *out);
    struct kr_ydoc *doc = NULL;
    enum kr_status r = kr_ydoc_load_mem(name, data, len, &doc, err);
    if (r == KR_OK)
        r = from_tree(name, doc, out, err);
    kr_ydoc_free(doc);
    if (r != KR_OK) {
        kr_kijkvraag_fini(out);
        return r;
    }
    /* Point vraag_col at the first character of the text, so a lint finding's column is
     * vraag_col plus its offset in code points: exact for a plain or quoted one-line value. */
    if (!out->vraag_plain && out->vraag_line) {
        size_t o = offset_of(data, len, out->vraag_line, out->vraag_col);
        if (o < len && (data[o] == '"' || data[o] == '\'')) {
            size_t e = o + 1;
            while (e < len && data[e] != '\n' && data[e] != data[o])
                e++;
            if (e < len && data[e] == data[o]) {
                out->vraag_col++;
                out->vraag_plain = true;
            }
        }
    }
    out->file = kr_xstrdup(name);
    return KR_OK;
}

/* Read the whole file at path into b (at most KR_YDOC_MAX_BYTES). */
static enum kr_status read_file(const char *path, struct kr_buf *b, struct kr_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return kr_error_set_at(err, KR_IO, path, 0, 0, "kan het bestand niet openen: %s",
                               kr_strerror(errno));
    char chunk[65536];
    size_t n;
    enum kr_status r = KR_OK;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        kr_buf_append(b, chunk, n);
        if (b->len > KR_YDOC_MAX_BYTES) {
            r = kr_error_set_at(err, KR_PARSE, path, 0, 0,
                                "het bestand is te groot voor een kijkvraag (hoogstens %u bytes)",
                                KR_YDOC_MAX_BYTES);
            break;
        }
    }
    if (r == KR_OK && ferror(f))
        r = kr_error_set_at(err, KR_IO, path, 0, 0, "kan het bestand niet lezen: %s",
                            kr_strerror(errno));
    fclose(f);
    return r;
}

enum kr_status kr_kijkvraag_load_file(const char *path, struct kr_kijkvraag *out,
                                      struct kr_error *err)
{
    memset(out, 0, sizeof *out);
    struct kr_buf b = {0};
    enum kr_status r = read_file(path, &b, err);
    if (r == KR_OK)
        r = kr_kijkvraag_load_mem(path, kr_buf_str(&b), b.len, out, err);
    kr_buf_fini(&b);
    return r;
}

/* ---- the library ---- */

static void notice_err(struct kr_buf *notes, const struct kr_error *e, const char *tail)
{
    char *f = kr_utf8_inert(e->file, strlen(e->file), false);
    char *m = kr_utf8_inert(e->msg, strlen(e->msg), false);
    if (e->line)
        kr_buf_printf(notes, "%s:%zu:%zu: %s%s\n", f, e->line, e->col, m, tail);
    else
        kr_buf_printf(notes, "%s: %s%s\n", f, m, tail);
    free(f);
    free(m);
}

static int find_id(const struct kr_kijkvraag_list *l, const char *id)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->items[i].id, id) == 0)
            return (int)i;
    return -1;
}

/*
 * Add k (taken over; room for one more item must exist) to the list. levels[i] is the
 * source of item i (0 built-in, then each $XDG_DATA_DIRS directory, $XDG_DATA_HOME,
 * --kijkvragen): an existing id from an earlier source is overridden (with a notice
 * unless quiet), one from the same source is a duplicate and k is refused with a notice.
 */
static void add_item(struct kr_kijkvraag_list *l, int *levels, int level, bool quiet,
                     struct kr_kijkvraag *k, struct kr_buf *notes)
{
    int at = find_id(l, k->id);
    char *f = kr_utf8_inert(k->file, strlen(k->file), false);
    if (at >= 0 && levels[at] == level) {
        char *g = kr_utf8_inert(l->items[at].file, strlen(l->items[at].file), false);
        kr_buf_printf(notes,
                      "%s:%zu:%zu: id '%s' komt ook voor in %s; dit bestand is overgeslagen "
                      "(de andere kijkvragen zijn wel geladen)\n",
                      f, k->id_line, k->id_col, k->id, g);
        free(g);
        kr_kijkvraag_fini(k);
    } else if (at >= 0) {
        if (!quiet) {
            char *g = kr_utf8_inert(l->items[at].file, strlen(l->items[at].file), false);
            kr_buf_printf(notes, "%s: vervangt kijkvraag '%s' uit %s\n", f, k->id, g);
            free(g);
        }
        kr_kijkvraag_fini(&l->items[at]);
        l->items[at] = *k;
        levels[at] = level;
    } else {
        levels[l->n] = level;
        l->items[l->n++] = *k;
    }
    free(f);
    memset(k, 0, sizeof *k);
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_yaml_name(const char *n)
{
    size_t len = strlen(n);
    if (n[0] == '.')
        return false;
    return (len > 5 && strcmp(n + len - 5, ".yaml") == 0) ||
           (len > 4 && strcmp(n + len - 4, ".yml") == 0);
}

/* The built-in file called name ("<id>.yaml"), or NULL. */
static const struct kr_kijkvraag_builtin *builtin_named(const char *name)
{
    for (size_t i = 0; i < kr_kijkvraag_builtins_n; i++)
        if (strcmp(kr_kijkvraag_builtins[i].name, name) == 0)
            return &kr_kijkvraag_builtins[i];
    return NULL;
}

static enum kr_status load_builtin(const struct kr_kijkvraag_builtin *b, struct kr_kijkvraag *k,
                                   struct kr_error *err)
{
    char *name = kr_xasprintf("(ingebouwd) kijkvragen/%s", b->name);
    enum kr_status r = kr_kijkvraag_load_mem(name, b->data, *b->len, k, err);
    free(name);
    if (r == KR_OK)
        k->builtin = true;
    return r;
}

/*
 * Load a file of a system-wide directory ($XDG_DATA_DIRS): the installed copy of a built-in
 * file (the same bytes) counts as the built-in one, so an installed program lists what the
 * program in the build directory lists.
 */
static enum kr_status load_system_file(const char *path, const char *name, struct kr_kijkvraag *k,
                                       struct kr_error *err)
{
    memset(k, 0, sizeof *k);
    struct kr_buf b = {0};
    enum kr_status r = read_file(path, &b, err);
    const struct kr_kijkvraag_builtin *bi = builtin_named(name);
    if (r == KR_OK && bi && *bi->len == b.len && memcmp(bi->data, kr_buf_str(&b), b.len) == 0)
        r = load_builtin(bi, k, err);
    else if (r == KR_OK)
        r = kr_kijkvraag_load_mem(path, kr_buf_str(&b), b.len, k, err);
    kr_buf_fini(&b);
    return r;
}

/*
 * Load every *.yaml in dir (sorted by name). A missing dir is fine unless required. A
 * system-wide dir overrides quietly: what the administrator installed is what counts.
 */
static enum kr_status load_dir(const char *dir, bool required, bool system, int level,
                               struct kr_kijkvraag_list *l, int **levels, size_t *levels_cap,
                               struct kr_buf *notes, struct kr_error *err)
{
    DIR *d = opendir(dir);
    if (!d) {
        if (!required && errno == ENOENT)
            return KR_OK;
        int e = errno;
        if (required)
            return kr_error_set_at(err, KR_IO, dir, 0, 0,
                                   "kan de map met kijkvragen niet "
                                   "openen: %s",
                                   kr_strerror(e));
        char *f = kr_utf8_inert(dir, strlen(dir), false);
        kr_buf_printf(notes, "%s: kan de map niet openen (%s); overgeslagen\n", f, kr_strerror(e));
        free(f);
        return KR_OK;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (!is_yaml_name(de->d_name))
            continue;
        KR_GROW(names, cap, n + 1);
        names[n++] = kr_xasprintf("%s/%s", dir, de->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, name_cmp);
    for (size_t i = 0; i < n; i++) {
        struct kr_kijkvraag k;
        struct kr_error e = {0};
        enum kr_status r = system ? load_system_file(names[i], names[i] + strlen(dir) + 1, &k, &e)
                                  : kr_kijkvraag_load_file(names[i], &k, &e);
        if (r != KR_OK) {
            notice_err(notes, &e,
                       " (dit bestand is overgeslagen; de andere kijkvragen zijn wel geladen)");
        } else {
            KR_GROW(l->items, l->cap, l->n + 1);
            if (*levels_cap < l->cap) {
                *levels = kr_xreallocarray(*levels, l->cap, sizeof **levels);
                *levels_cap = l->cap;
            }
            add_item(l, *levels, level, system, &k, notes);
        }
        free(names[i]);
    }
    free(names);
    return KR_OK;
}

static int item_cmp(const void *a, const void *b)
{
    const struct kr_kijkvraag *x = a, *y = b;
    if (x->basis != y->basis)
        return x->basis < y->basis ? -1 : 1;
    return strcmp(x->id, y->id);
}

enum kr_status kr_kijkvragen_load(const char *user_dir, struct kr_kijkvraag_list *out,
                                  char **notices, struct kr_error *err)
{
    memset(out, 0, sizeof *out);
    if (notices)
        *notices = NULL;
    struct kr_buf notes = {0};
    int *levels = NULL;
    size_t levels_cap = 0;
    enum kr_status r = KR_OK;
    for (size_t i = 0; i < kr_kijkvraag_builtins_n; i++) {
        struct kr_kijkvraag k;
        struct kr_error e = {0};
        if (load_builtin(&kr_kijkvraag_builtins[i], &k, &e) != KR_OK) {
            notice_err(&notes, &e, " (overgeslagen)");
        } else {
            KR_GROW(out->items, out->cap, out->n + 1);
            if (levels_cap < out->cap) {
                levels = kr_xreallocarray(levels, out->cap, sizeof *levels);
                levels_cap = out->cap;
            }
            add_item(out, levels, 0, false, &k, &notes);
        }
    }
    /* The system-wide directories, least important first, so the most important one wins. */
    int level = 1;
    char **sys = kr_paths_data_dirs();
    size_t nsys = 0;
    while (sys[nsys])
        nsys++;
    for (size_t i = nsys; i-- > 0;) {
        char *dir = kr_xasprintf("%s/kijkvragen", sys[i]);
        load_dir(dir, false, true, level++, out, &levels, &levels_cap, &notes, err);
        free(dir);
    }
    kr_paths_list_free(sys);
    char *home = kr_paths_data_home();
    if (home) {
        char *dir = kr_xasprintf("%s/kijkvragen", home);
        r = load_dir(dir, false, false, level++, out, &levels, &levels_cap, &notes, err);
        free(dir);
        free(home);
    }
    if (r == KR_OK && user_dir)
        r = load_dir(user_dir, true, false, level, out, &levels, &levels_cap, &notes, err);
    free(levels);
    if (r != KR_OK) {
        kr_kijkvraag_list_fini(out);
        kr_buf_fini(&notes);
        return r;
    }
    if (out->n)
        qsort(out->items, out->n, sizeof *out->items, item_cmp);
    if (notices && notes.len)
        *notices = kr_buf_steal(&notes);
    kr_buf_fini(&notes);
    return KR_OK;
}
