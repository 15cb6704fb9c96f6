/* SPDX-License-Identifier: MIT */
/*
 * The kijkvraag lint's word lists (src/kijkvraag/lint.yaml, embedded): loading them as terms
 * of Snowball stems and * patterns, indexing each list by its terms' first stem, the messages
 * and tips per kind, and making and freeing a linter.
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "kijkronde/ydoc.h"
#include "lint_internal.h"

extern const char kr_data_kijkvraag_lint[];
extern const size_t kr_data_kijkvraag_lint_len;

/* ---- word lists ---- */

static void termlist_fini(struct termlist *t)
{
    for (size_t i = 0; i < t->n; i++) {
        for (size_t j = 0; j < t->items[i].n; j++)
            free(t->items[i].w[j].s);
        free(t->items[i].w);
        free(t->items[i].text);
    }
    free(t->items);
    free(t->by_stem);
    free(t->globs);
    memset(t, 0, sizeof *t);
}

struct keyed {
    const char *stem;
    size_t k;
};

static int keyed_cmp(const void *a, const void *b)
{
    const struct keyed *x = a, *y = b;
    int c = strcmp(x->stem, y->stem);
    return c ? c : (x->k > y->k) - (x->k < y->k);
}

/* Index the terms by their first word, so a word is matched against a few terms only. */
static void termlist_index(struct termlist *t)
{
    struct keyed *keys = kr_xcalloc(t->n + 1, sizeof *keys);
    t->by_stem = kr_xcalloc(t->n + 1, sizeof *t->by_stem);
    t->globs = kr_xcalloc(t->n + 1, sizeof *t->globs);
    for (size_t k = 0; k < t->n; k++) {
        if (t->items[k].w[0].mode == PAT_STEM)
            keys[t->n_by_stem++] = (struct keyed){t->items[k].w[0].s, k};
        else
            t->globs[t->n_globs++] = k;
    }
    qsort(keys, t->n_by_stem, sizeof *keys, keyed_cmp);
    for (size_t x = 0; x < t->n_by_stem; x++)
        t->by_stem[x] = keys[x].k;
    free(keys);
}

static char *fold_dup(const char *s, size_t len)
{
    size_t need = kr_fold(s, len, NULL, 0);
    char *o = kr_xmalloc(need + 1);
    kr_fold(s, len, o, need + 1);
    return o;
}

static char *stem_dup(struct kr_stemmer *st, const char *s, size_t len)
{
    char buf[128];
    size_t need = kr_stem(st, s, len, buf, sizeof buf);
    if (need < sizeof buf)
        return kr_xstrdup(buf);
    char *o = kr_xmalloc(need + 1);
    kr_stem(st, s, len, o, need + 1);
    return o;
}

static void term_add(struct kr_linter *L, struct termlist *t, const char *s, const char *text)
{
    struct term term = {0};
    size_t cap = 0;
    const char *p = s;
    while (*p) {
        while (*p == ' ')
            p++;
        const char *e = p;
        while (*e && *e != ' ')
            e++;
        if (e == p)
            break;
        struct pat pat = {0};
        size_t len = (size_t)(e - p);
        bool lead = p[0] == '*', trail = p[len - 1] == '*' && len > 1;
        if (lead || trail) {
            const char *b = p + (lead ? 1 : 0);
            size_t bl = len - (lead ? 1 : 0) - (trail ? 1 : 0);
            pat.s = fold_dup(b, bl);
            pat.mode = lead && trail ? PAT_INFIX : lead ? PAT_SUFFIX : PAT_PREFIX;
        } else {
            pat.s = stem_dup(L->stemmer, p, len);
            pat.mode = PAT_STEM;
        }
        pat.len = strlen(pat.s);
        KR_GROW(term.w, cap, term.n + 1);
        term.w[term.n++] = pat;
        p = e;
    }
    if (!term.n) {
        free(term.w);
        return;
    }
    term.text = text ? kr_xstrdup(text) : NULL;
    KR_GROW(t->items, t->cap, t->n + 1);
    t->items[t->n++] = term;
}

static enum kr_status load_list(struct kr_linter *L, const struct kr_ynode *root, const char *key,
                                struct termlist *t, struct kr_error *err)
{
    const struct kr_ynode *v = kr_ynode_get(root, key);
    if (!v || v->type != KR_YNODE_SEQ)
        return kr_error_set(err, KR_PARSE, "lint.yaml: lijst '%s' ontbreekt", key);
    for (size_t i = 0; i < v->n; i++) {
        if (v->items[i]->type != KR_YNODE_SCALAR)
            return kr_error_set_at(err, KR_PARSE, "lint.yaml", v->items[i]->line, v->items[i]->col,
                                   "verwacht tekst in '%s'", key);
        term_add(L, t, v->items[i]->value, NULL);
    }
    t->id = L->nlists++;
    termlist_index(t);
    return KR_OK;
}

static const char *scalar(const struct kr_ynode *map, const char *key)
{
    const struct kr_ynode *v = kr_ynode_get(map, key);
    return v && v->type == KR_YNODE_SCALAR ? v->value : NULL;
}

static enum kr_status load_data(struct kr_linter *L, const struct kr_ynode *root,
                                struct kr_error *err)
{
    static const struct {
        const char *key;
        size_t off;
    } lists[] = {
        {"vraagwoorden", offsetof(struct kr_linter, vraagwoorden)},
        {"voorzetsels", offsetof(struct kr_linter, voorzetsels)},
        {"werkwoorden", offsetof(struct kr_linter, werkwoorden)},
        {"leerlingen", offsetof(struct kr_linter, leerlingen)},
        {"leraren", offsetof(struct kr_linter, leraren)},
        {"leraarhandelen", offsetof(struct kr_linter, handelen)},
        {"bijzin", offsetof(struct kr_linter, bijzin)},
        {"bewijs", offsetof(struct kr_linter, bewijs)},
        {"uitzonderingen", offsetof(struct kr_linter, uitzonderingen)},
        {"wij", offsetof(struct kr_linter, wij)},
        {"waarnemen", offsetof(struct kr_linter, waarnemen)},
        {"groepswoorden", offsetof(struct kr_linter, groepswoorden)},
        {"situatie", offsetof(struct kr_linter, situatie)},
        {"inleidingen", offsetof(struct kr_linter, inleidingen)},
        {"hoemaat", offsetof(struct kr_linter, hoemaat)},
        {"voornaamwoorden", offsetof(struct kr_linter, voornaamwoorden)},
        {"effectwoorden", offsetof(struct kr_linter, effectwoorden)},
    };
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        struct termlist *t = (struct termlist *)(void *)((char *)L + lists[i].off);
        enum kr_status r = load_list(L, root, lists[i].key, t, err);
        if (r != KR_OK)
            return r;
    }
    const struct kr_ynode *kinds = kr_ynode_get(root, "soorten");
    if (!kinds || kinds->type != KR_YNODE_SEQ)
        return kr_error_set(err, KR_PARSE, "lint.yaml: 'soorten' ontbreekt");
    for (size_t i = 0; i < kinds->n; i++) {
        const struct kr_ynode *k = kinds->items[i];
        const char *name = scalar(k, "soort"), *melding = scalar(k, "melding"),
                   *tip = scalar(k, "tip");
        int idx = -1;
        for (int j = 0; name && j < K_COUNT; j++)
            if (strcmp(name, kl_kind_names[j]) == 0)
                idx = j;
        if (idx < 0 || !melding || !tip)
            return kr_error_set_at(err, KR_PARSE, "lint.yaml", k->line, k->col,
                                   "onbekende of onvolledige soort");
        L->kinds[idx].melding = kr_xstrdup(melding);
        L->kinds[idx].tip = kr_xstrdup(tip);
        if (kr_ynode_get(k, "termen")) {
            enum kr_status r = load_list(L, k, "termen", &L->kinds[idx].terms, err);
            if (r != KR_OK)
                return r;
        }
    }
    for (int j = 0; j < K_COUNT; j++)
        if (!L->kinds[j].melding)
            return kr_error_set(err, KR_PARSE, "lint.yaml: soort '%s' ontbreekt", kl_kind_names[j]);
    const struct kr_ynode *ond = kr_ynode_get(root, "onderwerpen");
    if (!ond || ond->type != KR_YNODE_SEQ)
        return kr_error_set(err, KR_PARSE, "lint.yaml: 'onderwerpen' ontbreekt");
    for (size_t i = 0; i < ond->n; i++) {
        const char *term = scalar(ond->items[i], "term"), *text = scalar(ond->items[i], "tekst");
        if (!term || !text)
            return kr_error_set_at(err, KR_PARSE, "lint.yaml", ond->items[i]->line,
                                   ond->items[i]->col, "onderwerp zonder term of tekst");
        term_add(L, &L->onderwerpen, term, text);
    }
    return KR_OK;
}

enum kr_status kr_linter_new(struct kr_linter **out, struct kr_error *err)
{
    *out = NULL;
    struct kr_linter *L = kr_xcalloc(1, sizeof *L);
    L->stemmer = kr_stemmer_new();
    struct kr_ydoc *doc = NULL;
    enum kr_status r = kr_ydoc_load_mem("lint.yaml", kr_data_kijkvraag_lint,
                                        kr_data_kijkvraag_lint_len, &doc, err);
    if (r == KR_OK && (!doc->root || doc->root->type != KR_YNODE_MAP))
        r = kr_error_set(err, KR_PARSE, "lint.yaml: verwacht een mapping");
    if (r == KR_OK)
        r = load_data(L, doc->root, err);
    kr_ydoc_free(doc);
    if (r != KR_OK) {
        kr_linter_free(L);
        return r;
    }
    *out = L;
    return KR_OK;
}

void kr_linter_free(struct kr_linter *L)
{
    if (!L)
        return;
    kr_stemmer_free(L->stemmer);
    struct termlist *lists[] = {
        &L->vraagwoorden,    &L->voorzetsels,  &L->werkwoorden, &L->leerlingen,
        &L->leraren,         &L->handelen,     &L->bijzin,      &L->bewijs,
        &L->uitzonderingen,  &L->onderwerpen,  &L->wij,         &L->waarnemen,
        &L->groepswoorden,   &L->situatie,     &L->inleidingen, &L->hoemaat,
        &L->voornaamwoorden, &L->effectwoorden};
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
        termlist_fini(lists[i]);
    for (int k = 0; k < K_COUNT; k++) {
        free(L->kinds[k].melding);
        free(L->kinds[k].tip);
        termlist_fini(&L->kinds[k].terms);
    }
    kr_token_list_fini(&L->toks);
    free(L->w);
    free(L->s);
    free(L->memo);
    kr_buf_fini(&L->scratch);
    kr_buf_fini(&L->out);
    free(L);
}

void kr_lint_list_fini(struct kr_lint_list *l)
{
    free(l->items);
    free(l->strings);
    memset(l, 0, sizeof *l);
}
