/* SPDX-License-Identifier: MIT */
/*
 * Loading the zonder-oordeel lexicon (src/text/oordeel.yaml and a network's own file) into a
 * checker: the hash table of stems, the patterns of each category ("vindt ... leuk|saai",
 * "*zwak", "# van", "=vorm"), the allowlist and the context word lists. Errors name
 * FILE:LINE:COL. The index the check runs on is built afterwards (check_new.c).
 */
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "kijkronde/mem.h"

/* ---- hash table of stems ---- */

const struct slot *ck_tab_find(const struct table *t, const char *key, size_t len, uint32_t h)
{
    if (!t->cap)
        return NULL;
    size_t mask = t->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const struct slot *s = &t->slots[i];
        if (!s->key)
            return NULL;
        if (s->hash == h && strncmp(s->key, key, len) == 0 && s->key[len] == '\0')
            return s;
    }
}

struct slot *ck_tab_put(struct table *t, const char *key)
{
    size_t len = strlen(key);
    uint32_t h = hash_str(key, len);
    if ((t->n + 1) * 2 > t->cap) {
        size_t ncap = t->cap ? t->cap * 2 : 256;
        struct slot *ns = kr_xcalloc(ncap, sizeof *ns);
        for (size_t i = 0; i < t->cap; i++) {
            if (!t->slots[i].key)
                continue;
            size_t j = t->slots[i].hash & (ncap - 1);
            while (ns[j].key)
                j = (j + 1) & (ncap - 1);
            ns[j] = t->slots[i];
        }
        free(t->slots);
        t->slots = ns;
        t->cap = ncap;
    }
    size_t mask = t->cap - 1;
    size_t i = h & mask;
    for (;; i = (i + 1) & mask) {
        struct slot *s = &t->slots[i];
        if (!s->key)
            break;
        if (s->hash == h && strcmp(s->key, key) == 0)
            return s;
    }
    t->slots[i].key = kr_xstrdup(key);
    t->slots[i].hash = h;
    t->n++;
    return &t->slots[i];
}

void ck_tab_fini(struct table *t)
{
    for (size_t i = 0; i < t->cap; i++) {
        free(t->slots[i].key);
        free(t->slots[i].pats);
        free(t->slots[i].alias);
        free(t->slots[i].lemma);
    }
    free(t->slots);
    memset(t, 0, sizeof *t);
}

/* ---- loading the lexicon ---- */

/* Stem one lexicon word into out (STEM_MAX bytes); false when it is empty or too long. */
bool ck_stem_word(struct kr_checker *c, const char *w, size_t len, char *out)
{
    if (len == 0)
        return false;
    size_t need = kr_stem(c->stemmer, w, len, out, STEM_MAX);
    return need > 0 && need < STEM_MAX;
}

static void elem_fini(struct elem *e)
{
    for (size_t i = 0; i < e->n; i++)
        free(e->alts[i].s), free(e->alts[i].pre), free(e->alts[i].key);
    free(e->alts);
    free(e->by_hash);
    free(e->special);
}

void ck_pattern_fini(struct pattern *p)
{
    for (size_t i = 0; i < p->n; i++)
        elem_fini(&p->elems[i]);
    free(p->elems);
}

/* Set the guards of a lexicon word w[0..len) whose stem is al->s (see struct alt). */
static void guard_alt(const char *w, size_t len, struct alt *al)
{
    char f[STEM_MAX + 8];
    if (kr_fold(w, len, f, sizeof f) >= sizeof f)
        return;
    static const char *const derivs[] = {"lijk", "baar", "heid", "end", "ing"};
    for (size_t i = 0; i < sizeof derivs / sizeof derivs[0]; i++) {
        const char *d = derivs[i];
        char *at = strstr(f, d);
        /* The ending is in the word but the stemmer took it off. */
        if (at && (size_t)(at - f) >= strlen(al->s) && strlen(al->s) < strlen(f)) {
            memcpy(al->req, d, strlen(d) + 1);
            return;
        }
    }
    /* "vaak" -> "vak", "vele" -> "vel": a word that is not its own stem does not match the
     * bare stem, which is often another word (vak, vel). Lexicon base forms are their stems. */
    al->no_bare = strcmp(f, al->s) != 0;
    /* "vaak" -> "vak": the stem changed a letter, so "vakken" must not match; words must
     * start like the lexicon word. */
    size_t sl = strlen(al->s);
    if (al->no_bare && strncmp(f, al->s, sl) != 0)
        al->pre = kr_xstrndup(f, sl);
}

/* Parse one pattern ("vindt ... leuk|saai", "*zwak", "# van") and add it for category cat. */
static enum kr_status add_pattern(struct kr_checker *c, const struct kr_ydoc *doc,
                                  const struct kr_ynode *node, int cat, struct kr_error *err)
{
    if (node->type != KR_YNODE_SCALAR)
        return bad(err, doc, node, "verwacht een woord of patroon (tekst), niet een %s",
                   kr_ynode_type_str(node->type));
    struct pattern p = {.cat = cat};
    size_t capel = 0;
    const char *s = node->value;
    enum kr_status st = KR_OK;
    while (*s) {
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s)
            break;
        const char *e = s;
        while (*e && *e != ' ' && *e != '\t')
            e++;
        size_t wlen = (size_t)(e - s);
        KR_GROW(p.elems, capel, p.n + 1);
        struct elem *el = &p.elems[p.n++];
        memset(el, 0, sizeof *el);
        if (wlen == 3 && memcmp(s, "...", 3) == 0) {
            el->type = EL_GAP;
            if (p.n == 1 || p.elems[p.n - 2].type == EL_GAP) {
                st = bad(err, doc, node,
                         "'...' mag niet aan het begin of twee keer achter elkaar "
                         "staan in '%s'",
                         node->value);
                goto out;
            }
        } else if (wlen == 1 && *s == '#') {
            el->type = EL_NUMBER;
        } else if (wlen == 1 && *s == '_') {
            el->type = EL_ANY;
        } else {
            el->type = EL_STEM;
            size_t capalt = 0;
            const char *a = s;
            while (a <= e) {
                const char *b = a;
                while (b < e && *b != '|')
                    b++;
                char buf[STEM_MAX + 1];
                bool suffix = *a == '*', exact = *a == '=';
                size_t wl = (size_t)(b - a) - (suffix || exact);
                buf[0] = *a;
                bool ok;
                if (exact) /* "=woord": this form only, folded but not stemmed */
                    ok = wl > 0 && kr_fold(a + 1, wl, buf + 1, STEM_MAX) < STEM_MAX;
                else
                    ok = ck_stem_word(c, a + suffix, wl, buf + suffix);
                if (!ok) {
                    st = bad(err, doc, node,
                             "leeg of te lang woord in '%s' (gebruik a|b, ..., *eind, =vorm, # "
                             "of _)",
                             node->value);
                    goto out;
                }
                KR_GROW(el->alts, capalt, el->n + 1);
                struct alt *al = &el->alts[el->n];
                memset(al, 0, sizeof *al);
                al->s = kr_xstrdup(buf);
                al->hash = hash_str(buf, strlen(buf));
                if (!suffix && !exact)
                    guard_alt(a, wl, al);
                char key[STEM_MAX];
                if (exact && ck_stem_word(c, a + 1, wl, key))
                    al->key = kr_xstrdup(key);
                el->unindexed |= suffix || (exact && !al->key);
                el->n++;
                a = b + 1;
            }
        }
        s = e;
    }
    if (p.n == 0) {
        st = bad(err, doc, node, "leeg patroon");
        goto out;
    }
    if (p.elems[p.n - 1].type == EL_GAP) {
        st = bad(err, doc, node, "'...' mag niet aan het eind staan in '%s'", node->value);
        goto out;
    }
    KR_GROW(c->pats, c->cappats, c->npats + 1);
    c->pats[c->npats++] = p;
    return KR_OK;
out:
    ck_pattern_fini(&p);
    return st;
}

static enum kr_status add_list(struct kr_checker *c, const struct kr_ydoc *doc,
                               const struct kr_ynode *seq, int cat, struct kr_error *err)
{
    if (seq->type != KR_YNODE_SEQ)
        return bad(err, doc, seq, "verwacht een lijst van woorden en patronen, niet een %s",
                   kr_ynode_type_str(seq->type));
    for (size_t i = 0; i < seq->n; i++) {
        enum kr_status st = add_pattern(c, doc, seq->items[i], cat, err);
        if (st != KR_OK)
            return st;
    }
    return KR_OK;
}

int ck_find_cat(const struct kr_checker *c, const char *kind)
{
    for (size_t i = 0; i < c->ncats; i++)
        if (strcmp(c->cats[i].kind, kind) == 0)
            return (int)i;
    return -1;
}

static bool valid_kind(const char *k)
{
    if (!*k)
        return false;
    for (const char *p = k; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
            return false;
    return true;
}

static enum kr_status load_categories(struct kr_checker *c, const struct kr_ydoc *doc,
                                      const struct kr_ynode *map, struct kr_error *err)
{
    if (map->type != KR_YNODE_MAP)
        return bad(err, doc, map,
                   "'categorieen' moet een mapping zijn (soort: {hint, woorden}), "
                   "niet een %s",
                   kr_ynode_type_str(map->type));
    for (size_t i = 0; i < map->n; i++) {
        const struct kr_ynode *key = map->keys[i], *val = map->items[i];
        if (!valid_kind(key->value))
            return bad(err, doc, key,
                       "ongeldige categorie '%s' (gebruik kleine letters, cijfers, _ of -)",
                       key->value);
        if (val->type != KR_YNODE_MAP)
            return bad(err, doc, val, "categorie '%s' moet een mapping met hint en woorden zijn",
                       key->value);
        const struct kr_ynode *hint = NULL, *words = NULL;
        for (size_t j = 0; j < val->n; j++) {
            const char *k = val->keys[j]->value;
            if (strcmp(k, "hint") == 0)
                hint = val->items[j];
            else if (strcmp(k, "woorden") == 0)
                words = val->items[j];
            else
                return bad(err, doc, val->keys[j],
                           "onbekende sleutel '%s' (verwacht hint of woorden)", k);
        }
        if (hint && (hint->type != KR_YNODE_SCALAR || hint->len == 0))
            return bad(err, doc, hint, "de hint van '%s' moet een niet-lege tekst zijn",
                       key->value);
        int cat = ck_find_cat(c, key->value);
        if (cat < 0) {
            if (!hint)
                return bad(err, doc, key, "nieuwe categorie '%s' heeft een hint nodig", key->value);
            KR_GROW(c->cats, c->capcats, c->ncats + 1);
            c->cats[c->ncats].kind = kr_xstrdup(key->value);
            c->cats[c->ncats].hint = kr_xstrdup(hint->value);
            cat = (int)c->ncats++;
        } else if (hint) {
            free(c->cats[cat].hint);
            c->cats[cat].hint = kr_xstrdup(hint->value);
        }
        if (words) {
            enum kr_status st = add_list(c, doc, words, cat, err);
            if (st != KR_OK)
                return st;
        }
    }
    return KR_OK;
}

static const struct {
    const char *key;
    unsigned flag;
} context_keys[] = {
    {"spreken", F_SPEECH},        {"sprekers", F_SPEAKER},    {"juist", F_JUIST},
    {"telling", F_TELLING},       {"antwoord", F_ANTWOORD},   {"hoeveelheid", F_HOEVEEL},
    {"te_bijvoeglijk", F_TE_ADJ}, {"te_geen_norm", F_TE_NOT}, {"gemeten", F_GEMETEN},
    {"persoon", F_PERSON},        {"koppel", F_COPULA},       {"predicaat_feit", F_PREDFACT},
    {"versterker", F_INTENS},     {"werk", F_WORK},           {"zinsgrens", F_CLAUSE},
};

/* context.afkortingen: a mapping of abbreviations to the word they stand for ("ll: leerling");
 * a note's "ll" then matches every pattern written with "leerling". */
static enum kr_status load_aliases(struct kr_checker *c, const struct kr_ydoc *doc,
                                   const struct kr_ynode *map, struct kr_error *err)
{
    if (map->type != KR_YNODE_MAP)
        return bad(err, doc, map,
                   "'afkortingen' moet een mapping zijn (afkorting: woord), niet een %s",
                   kr_ynode_type_str(map->type));
    for (size_t i = 0; i < map->n; i++) {
        const struct kr_ynode *k = map->keys[i], *v = map->items[i];
        char from[STEM_MAX], to[STEM_MAX];
        if (!ck_stem_word(c, k->value, k->len, from) || strchr(k->value, ' '))
            return bad(err, doc, k, "verwacht één woord als afkorting");
        if (v->type != KR_YNODE_SCALAR || !ck_stem_word(c, v->value, v->len, to) ||
            strchr(v->value, ' '))
            return bad(err, doc, v, "verwacht één woord achter afkorting '%s'", k->value);
        if (strcmp(from, to) == 0)
            continue;
        struct slot *s = ck_tab_put(&c->tab, from);
        free(s->alias);
        s->alias = kr_xstrdup(to);
    }
    return KR_OK;
}

static enum kr_status load_context(struct kr_checker *c, const struct kr_ydoc *doc,
                                   const struct kr_ynode *map, struct kr_error *err)
{
    if (map->type != KR_YNODE_MAP)
        return bad(err, doc, map, "'context' moet een mapping zijn, niet een %s",
                   kr_ynode_type_str(map->type));
    for (size_t i = 0; i < map->n; i++) {
        const struct kr_ynode *key = map->keys[i], *val = map->items[i];
        if (strcmp(key->value, "binnenkant") == 0) {
            if (val->type != KR_YNODE_SEQ)
                return bad(err, doc, val, "verwacht een lijst van werkwoorden onder 'binnenkant'");
            for (size_t j = 0; j < val->n; j++) {
                const struct kr_ynode *w = val->items[j];
                if (w->type != KR_YNODE_SCALAR || !ck_add_inner_verb(c, w->value, w->len))
                    return bad(err, doc, w,
                               "verwacht een hele werkwoordsvorm op -en onder 'binnenkant'");
            }
            continue;
        }
        if (strcmp(key->value, "afkortingen") == 0) {
            enum kr_status st = load_aliases(c, doc, val, err);
            if (st != KR_OK)
                return st;
            continue;
        }
        unsigned flag = 0;
        for (size_t k = 0; k < sizeof context_keys / sizeof context_keys[0]; k++)
            if (strcmp(key->value, context_keys[k].key) == 0)
                flag = context_keys[k].flag;
        if (!flag)
            return bad(err, doc, key,
                       "onbekende sleutel '%s' in context (verwacht spreken, sprekers, juist, "
                       "telling, antwoord, hoeveelheid, gemeten, te_bijvoeglijk, te_geen_norm, "
                       "persoon, koppel, predicaat_feit, versterker, werk, zinsgrens, "
                       "binnenkant of afkortingen)",
                       key->value);
        if (val->type != KR_YNODE_SEQ)
            return bad(err, doc, val, "verwacht een lijst van woorden onder '%s'", key->value);
        for (size_t j = 0; j < val->n; j++) {
            const struct kr_ynode *w = val->items[j];
            char buf[STEM_MAX];
            if (w->type != KR_YNODE_SCALAR || !ck_stem_word(c, w->value, w->len, buf) ||
                strchr(w->value, ' '))
                return bad(err, doc, w, "verwacht één woord onder '%s'", key->value);
            ck_tab_put(&c->tab, buf)->flags |= flag;
        }
    }
    return KR_OK;
}

enum kr_status ck_load_doc(struct kr_checker *c, const struct kr_ydoc *doc, struct kr_error *err)
{
    const struct kr_ynode *root = doc->root;
    if (!root)
        return KR_OK; /* an empty file adds nothing */
    if (root->type != KR_YNODE_MAP)
        return bad(err, doc, root,
                   "het lexicon moet een mapping zijn met categorieen, toegestaan en context, "
                   "niet een %s",
                   kr_ynode_type_str(root->type));
    for (size_t i = 0; i < root->n; i++) {
        const char *k = root->keys[i]->value;
        enum kr_status st;
        if (strcmp(k, "categorieen") == 0)
            st = load_categories(c, doc, root->items[i], err);
        else if (strcmp(k, "toegestaan") == 0)
            st = add_list(c, doc, root->items[i], -1, err);
        else if (strcmp(k, "context") == 0)
            st = load_context(c, doc, root->items[i], err);
        else
            st = bad(err, doc, root->keys[i],
                     "onbekende sleutel '%s' (verwacht categorieen, toegestaan of context)", k);
        if (st != KR_OK)
            return st;
    }
    return KR_OK;
}
