/* SPDX-License-Identifier: MIT */
/*
 * Making and freeing a zonder-oordeel checker: the embedded lexicon plus the network's files
 * (in the order of $XDG_DATA_DIRS, then the user's own), the grammar words the context rules
 * need, and the index a check runs on (alts sorted by hash, patterns by their first stem,
 * aliases linked to their word's entry).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_internal.h"
#include "kijkronde/mem.h"
#include "kijkronde/names.h"
#include "kijkronde/paths.h"

extern const char kr_data_oordeel[];
extern const size_t kr_data_oordeel_len;

static void flag_word(struct kr_checker *c, const char *w, unsigned flag)
{
    char buf[STEM_MAX];
    if (ck_stem_word(c, w, strlen(w), buf))
        ck_tab_put(&c->tab, buf)->flags |= flag;
}

/* Grammar words the context rules need; not lexicon data. */
static const char *const comp_words[] = {"dat",     "of",      "wie",      "wat",     "waarom",
                                         "hoe",     "welk",    "welke",    "wanneer", "waar",
                                         "hoeveel", "waarmee", "waardoor", "omdat"};
static const char *const that_words[] = {"dat", "of"};
static const char *const addr_words[] = {
    "aan",        "tegen",      "de",       "het",     "een",     "zijn",       "haar",
    "hun",        "hem",        "hen",      "mij",     "ons",     "elkaar",     "buurman",
    "buurvrouw",  "maatje",     "iedereen", "klas",    "groep",   "kind",       "kinderen",
    "leerling",   "leerlingen", "juf",      "meester", "leraar",  "leerkracht", "jongen",
    "meisje",     "groepje",    "daarna",   "dan",     "nog",     "ook",        "eerst",
    "hardop",     "zachtjes",   "nu",       "steeds",  "opnieuw", "even",       "uit",
    "buurjongen", "buurmeisje"};
static const char *const particle_words[] = {"uit", "mee",  "samen", "bezig", "om",
                                             "op",  "door", "na",    "voor"};
static const char *const number_words[] = {
    "twee",   "drie",    "vier",    "vijf",    "zes",      "zeven",    "acht",    "negen",
    "tien",   "elf",     "twaalf",  "dertien", "veertien", "vijftien", "zestien", "twintig",
    "dertig", "veertig", "vijftig", "honderd", "beide",    "helft"};
static const char *const te_pre_words[] = {"veel", "veels", "iets", "echt", "net", "wat"};

static const struct elem *sort_elem; /* qsort has no context argument */

static int cmp_alt_hash(const void *a, const void *b)
{
    uint32_t x = sort_elem->alts[*(const size_t *)a].hash;
    uint32_t y = sort_elem->alts[*(const size_t *)b].hash;
    return x < y ? -1 : x > y;
}

/* Sort an element's plain alts by hash so a word is found by binary search, not by a scan of
 * the hundreds of words an evaluatief list has. */
static void index_elem(struct elem *e)
{
    if (e->type != EL_STEM)
        return;
    e->by_hash = kr_xreallocarray(NULL, e->n, sizeof *e->by_hash);
    e->special = kr_xreallocarray(NULL, e->n, sizeof *e->special);
    for (size_t a = 0; a < e->n; a++) {
        char k = e->alts[a].s[0];
        if (k == '*' || k == '=')
            e->special[e->nspecial++] = a;
        else
            e->by_hash[e->nplain++] = a;
    }
    sort_elem = e;
    qsort(e->by_hash, e->nplain, sizeof *e->by_hash, cmp_alt_hash);
    sort_elem = NULL;
}

static void build_index(struct kr_checker *c)
{
    for (size_t p = 0; p < c->npats; p++)
        for (size_t e = 0; e < c->pats[p].n; e++)
            index_elem(&c->pats[p].elems[e]);
    for (size_t i = 0; i < sizeof comp_words / sizeof comp_words[0]; i++)
        flag_word(c, comp_words[i], F_COMP);
    for (size_t i = 0; i < sizeof that_words / sizeof that_words[0]; i++)
        flag_word(c, that_words[i], F_THAT);
    for (size_t i = 0; i < sizeof addr_words / sizeof addr_words[0]; i++)
        flag_word(c, addr_words[i], F_ADDR);
    for (size_t i = 0; i < sizeof particle_words / sizeof particle_words[0]; i++)
        flag_word(c, particle_words[i], F_PARTICLE);
    for (size_t i = 0; i < sizeof number_words / sizeof number_words[0]; i++)
        flag_word(c, number_words[i], F_NUMWORD);
    for (size_t i = 0; i < sizeof te_pre_words / sizeof te_pre_words[0]; i++)
        flag_word(c, te_pre_words[i], F_TE_PRE);
    for (size_t p = 0; p < c->npats; p++) {
        const struct elem *e = &c->pats[p].elems[0];
        if (e->type != EL_STEM || e->unindexed) {
            KR_GROW(c->wild, c->capwild, c->nwild + 1);
            c->wild[c->nwild++] = p;
            continue;
        }
        for (size_t a = 0; a < e->n; a++) {
            struct slot *s = ck_tab_put(&c->tab, e->alts[a].key ? e->alts[a].key : e->alts[a].s);
            if (s->n && s->pats[s->n - 1] == p)
                continue; /* the same stem twice in one element */
            KR_GROW(s->pats, s->cap, s->n + 1);
            s->pats[s->n++] = p;
        }
    }
    /* Aliases point at their word's entry; make every target exist first (tab_put may grow
     * the table), then link. An alias of an alias is not followed. */
    /* (The alias strings are the slots' own heap strings: they stay put when the table grows.) */
    const char **targets = NULL;
    size_t ntargets = 0, captargets = 0;
    for (size_t i = 0; i < c->tab.cap; i++)
        if (c->tab.slots[i].key && c->tab.slots[i].alias) {
            KR_GROW(targets, captargets, ntargets + 1);
            targets[ntargets++] = c->tab.slots[i].alias;
        }
    for (size_t i = 0; i < ntargets; i++)
        ck_tab_put(&c->tab, targets[i]);
    free(targets);
    for (size_t i = 0; i < c->tab.cap; i++) {
        struct slot *s = &c->tab.slots[i];
        if (s->key && s->alias)
            s->alias_slot = ck_tab_find(&c->tab, s->alias, strlen(s->alias),
                                        hash_str(s->alias, strlen(s->alias)));
    }
    char te[STEM_MAX];
    ck_stem_word(c, "te", 2, te);
    c->te_hash = hash_str(te, strlen(te));
    c->norm_cat = ck_find_cat(c, "norm");
    c->label_cat = ck_find_cat(c, "label");
    c->eval_cat = ck_find_cat(c, "evaluatief");
    c->gen_cat = ck_find_cat(c, "generalisatie");
    c->mind_cat = ck_find_cat(c, "gedachtelezen");
}

char **kr_checker_network_paths(void)
{
    char **sys = kr_paths_data_dirs();
    size_t nsys = 0;
    while (sys[nsys])
        nsys++;
    char **list = kr_xcalloc(nsys + 2, sizeof *list);
    size_t n = 0;
    char *home = kr_paths_data_home();
    /* sys[nsys - 1] (least important) first, ..., sys[0], then the user's own. */
    for (size_t i = 0; i <= nsys; i++) {
        const char *dir = i < nsys ? sys[nsys - 1 - i] : home;
        if (!dir)
            continue;
        char *p = kr_xasprintf("%s/oordeel.yaml", dir);
        if (access(p, F_OK) == 0)
            list[n++] = p;
        else
            free(p);
    }
    free(home);
    kr_paths_list_free(sys);
    return list;
}

enum kr_status kr_checker_new_network(struct kr_checker **out, struct kr_error *err)
{
    char **paths = kr_checker_network_paths();
    enum kr_status r = kr_checker_new_paths((const char *const *)paths, out, err);
    kr_paths_list_free(paths);
    return r;
}

enum kr_status kr_checker_new(const char *extra_path, struct kr_checker **out, struct kr_error *err)
{
    const char *paths[] = {extra_path, NULL};
    return kr_checker_new_paths(paths, out, err);
}

enum kr_status kr_checker_new_paths(const char *const *paths, struct kr_checker **out,
                                    struct kr_error *err)
{
    *out = NULL;
    struct kr_checker *c = kr_xcalloc(1, sizeof *c);
    struct kr_ydoc *doc = NULL;
    c->stemmer = kr_stemmer_new();
    c->cache = kr_xcalloc(CACHE_SIZE, sizeof *c->cache);
    enum kr_status st =
        kr_ydoc_load_mem("oordeel.yaml", kr_data_oordeel, kr_data_oordeel_len, &doc, err);
    if (st == KR_OK)
        st = ck_load_doc(c, doc, err);
    kr_ydoc_free(doc);
    doc = NULL;
    for (size_t i = 0; st == KR_OK && paths && paths[i]; i++) {
        st = kr_ydoc_load_file(paths[i], &doc, err);
        if (st == KR_OK)
            st = ck_load_doc(c, doc, err);
        kr_ydoc_free(doc);
        doc = NULL;
    }
    if (st != KR_OK) {
        kr_checker_free(c);
        return st;
    }
    build_index(c);
    kr_names_have_wordlist(); /* the word list loads now, not on the first key press */
    *out = c;
    return KR_OK;
}

void kr_checker_free(struct kr_checker *c)
{
    if (!c)
        return;
    kr_stemmer_free(c->stemmer);
    kr_buf_fini(&c->nfc);
    free(c->nfc_map);
    for (size_t i = 0; i < c->ncats; i++) {
        free(c->cats[i].kind);
        free(c->cats[i].hint);
    }
    free(c->cats);
    for (size_t i = 0; i < c->npats; i++)
        ck_pattern_fini(&c->pats[i]);
    free(c->pats);
    free(c->wild);
    ck_tab_fini(&c->tab);
    kr_token_list_fini(&c->toks);
    free(c->info);
    free(c->cands);
    free(c->spans);
    free(c->cache);
    free(c);
}

void kr_finding_list_fini(struct kr_finding_list *l)
{
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
}
