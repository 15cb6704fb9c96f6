/* SPDX-License-Identifier: MIT */
/*
 * Features of the notes: Snowball stems without Dutch stopwords (verb spellings made to
 * meet), bigrams of neighbouring stems, the parts of Dutch compound words, then sublinear tf times
 * smoothed idf, L2-normalised. Also the surface word of each stem, for the labels, and the
 * visit of each note, for the clustering.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "kijkronde/mem.h"
#include "kijkronde/ydoc.h"

extern const char kr_data_stopwords[];
extern const size_t kr_data_stopwords_len;

#define BIGRAM_WEIGHT   0.6 /* a bigram is evidence, but less than two shared stems */
#define COMPOUND_WEIGHT 0.7 /* a part of a compound word */
#define COMPOUND_TAIL   4   /* the shortest last part of a compound ("boek", "muur") */
#define COMPOUND_HEAD   4   /* the shortest first part ("werk" of "werkkaart") */
#define VERB_T_WEIGHT   1.0 /* the form without the -t of the third person ("loopt" -> "loop") */

/*
 * The Dutch Snowball stemmer leaves the spelling changes of Dutch verbs alone: "zeggen" ->
 * "zegg" but "zeg", "schrijven" -> "schrijv" but "schrijf", "lezen" -> "lez" but "lees" ->
 * "les". A doubled final consonant is undoubled, a final v becomes f and a final z s, so
 * the singular and the plural of a verb (what one learner and what several learners do)
 * meet. Returns the new length.
 */
static size_t norm_stem(char *s, size_t l)
{
    if (l >= 4 && s[l - 1] == s[l - 2] && (unsigned char)s[l - 1] < 0x80 &&
        !strchr("aeiou", s[l - 1]))
        s[--l] = '\0';
    if (l >= 3 && s[l - 1] == 'v')
        s[l - 1] = 'f';
    if (l >= 3 && s[l - 1] == 'z')
        s[l - 1] = 's';
    return l;
}

static void load_list(const struct kr_ynode *root, const char *key, struct strtab *into,
                      struct kr_stemmer *st)
{
    const struct kr_ynode *l = root ? kr_ynode_get(root, key) : NULL;
    for (size_t i = 0; l && l->type == KR_YNODE_SEQ && i < l->n; i++) {
        char buf[128];
        kr_stem(st, l->items[i]->value, l->items[i]->len, buf, sizeof buf);
        kp_strtab_get(into, buf, true);
        kr_fold(l->items[i]->value, l->items[i]->len, buf, sizeof buf);
        kp_strtab_get(into, buf, true);
    }
}

static void load_stopwords(struct work *w, struct kr_stemmer *st)
{
    struct kr_ydoc *doc = NULL;
    if (kr_ydoc_load_mem("stopwords.yaml", kr_data_stopwords, kr_data_stopwords_len, &doc, NULL) !=
        KR_OK)
        return; /* carried data, checked by the unit tests */
    load_list(doc->root, "stopwoorden", &w->stops, st);
    load_list(doc->root, "niet_in_naam", &w->nolabel, st);
    kr_ydoc_free(doc);
}

static void count_surface(struct work *w, size_t term, const char *word)
{
    char key[300];
    snprintf(key, sizeof key, "%zu\x1f%s", term, word);
    size_t i = kp_strtab_get(&w->surfaces, key, true);
    if (i >= w->surface_cap) {
        size_t old = w->surface_cap;
        KR_GROW(w->surface_count, w->surface_cap, i + 1);
        memset(w->surface_count + old, 0, (w->surface_cap - old) * sizeof *w->surface_count);
    }
    w->surface_count[i]++;
}

static void add_term(struct work *w, struct kr_buf *tv, const char *key, double weight)
{
    size_t id = kp_strtab_get(&w->terms, key, true);
    struct term t = {id, weight};
    kr_buf_append(tv, (const char *)&t, sizeof t);
}

/*
 * Whether a folded word is the diminutive of a stopword: "groepje" and "tafeltjes" say who
 * and where as "groep" and "tafel" do, but the Snowball stemmer keeps the -je, so they
 * linked notes of every theme that mention a group (a lesson in groepjes wrote it in a fifth
 * of its notes). -je, -tje, -pje, -etje with their plural -s, a doubled consonant before
 * -etje undone ("balletje" -> "bal").
 */
static bool small_stop(const struct work *w, const char *word)
{
    char base[128];
    size_t l = strlen(word);
    if (l >= sizeof base || l < 5)
        return false;
    memcpy(base, word, l + 1);
    if (base[l - 1] == 's')
        base[--l] = '\0';
    if (l < 5 || strcmp(base + l - 2, "je") != 0)
        return false;
    base[l -= 2] = '\0';
    if (kp_strtab_find(&w->stops, base) != SIZE_MAX)
        return true;
    /* "tafeltje", "raampje"; a base of four letters at least, so "kantje" is not "kan" */
    if ((base[l - 1] == 't' || base[l - 1] == 'p') && l >= 5) {
        base[--l] = '\0';
        if (kp_strtab_find(&w->stops, base) != SIZE_MAX)
            return true;
    }
    if (l >= 4 && strcmp(base + l - 1, "e") == 0 && base[l - 2] == base[l - 3]) {
        base[l - 2] = '\0'; /* "balletje" -> "bal" */
        return kp_strtab_find(&w->stops, base) != SIZE_MAX;
    }
    return false;
}

/* Tokens of one note -> raw term counts (duplicates merged). */
static void vectorise(struct work *w, size_t i, struct kr_stemmer *st, struct kr_token_list *toks,
                      struct kr_buf *tv)
{
    const char *text = w->notes[i].text;
    size_t len = strlen(text);
    kr_tokenize(text, len, toks);
    kr_buf_reset(tv);
    char prev[128] = "";
    for (size_t k = 0; k < toks->n; k++) {
        const struct kr_token *tk = &toks->items[k];
        if (tk->kind != KR_TOK_WORD) {
            if (tk->kind == KR_TOK_PUNCT)
                prev[0] = '\0'; /* no bigram across punctuation */
            continue;
        }
        char stem[128], word[128];
        size_t sl = kr_stem(st, text + tk->start, tk->end - tk->start, stem, sizeof stem);
        kr_fold(text + tk->start, tk->end - tk->start, word, sizeof word);
        if (sl < 2 || sl >= sizeof stem || kp_strtab_get(&w->stops, stem, false) != SIZE_MAX ||
            kp_strtab_get(&w->stops, word, false) != SIZE_MAX || small_stop(w, word))
            continue;
        sl = norm_stem(stem, sl);
        add_term(w, tv, stem, 1.0);
        /* "Leerling loopt" and "leerlingen lopen": the stem of the word without its final t
           counts too ("loop" -> "lop", as "lopen"); for a noun ("opdracht" -> "opdrach") it
           is a term only its own forms share, so it links nothing new */
        size_t wl = tk->end - tk->start;
        if (wl >= 4 && text[tk->end - 1] == 't') {
            char alt[128];
            size_t al = kr_stem(st, text + tk->start, wl - 1, alt, sizeof alt);
            if (al >= 2 && al < sizeof alt) {
                al = norm_stem(alt, al);
                if (strcmp(alt, stem) != 0)
                    add_term(w, tv, alt, VERB_T_WEIGHT);
            }
        }
        count_surface(w, kp_strtab_get(&w->terms, stem, false), word);
        if (prev[0]) {
            char bi[260];
            snprintf(bi, sizeof bi, "%s %s", prev, stem);
            add_term(w, tv, bi, BIGRAM_WEIGHT);
        }
        memcpy(prev, stem, sl + 1);
    }
    struct term *t = (struct term *)(void *)tv->data;
    size_t n = tv->len / sizeof *t;
    struct vec *v = &w->vecs[i];
    v->t = kr_xreallocarray(NULL, n ? n : 1, sizeof *v->t);
    if (n)
        memcpy(v->t, t, n * sizeof *t);
    v->n = n;
    kp_vec_merge(v);
}

/*
 * Dutch glues words together: "woordmuur" and "weekwoordenmuur" share "muur",
 * "voorleesboek" and "leesboek" share "boek". A stem that ends with another stem of the
 * session (at least COMPOUND_TAIL letters), or starts with one (at least COMPOUND_HEAD),
 * also counts that part, at COMPOUND_WEIGHT, so such notes can meet. Many Dutch first parts
 * are stems of four letters ("snijmes", "vijlsel", "werkkaart"); asking five letters or
 * more, as before, missed them: over the five labelled days the mean ARI rose 0.006 with
 * four (docs/patronen.md, ari15d).
 */
static void split_compounds(struct work *w)
{
    size_t nterms = w->terms.n;
    size_t(*parts)[2] = kr_xcalloc(nterms ? nterms : 1, sizeof *parts);
    for (size_t t = 0; t < nterms; t++) {
        const char *s = w->terms.keys[t];
        size_t len = strlen(s);
        parts[t][0] = parts[t][1] = SIZE_MAX;
        if (strchr(s, ' ') || len < 7)
            continue;
        for (size_t k = 2; k + COMPOUND_TAIL <= len && parts[t][0] == SIZE_MAX; k++) {
            size_t id = kp_strtab_get(&w->terms, s + k, false);
            if (id != SIZE_MAX && id < nterms)
                parts[t][0] = id;
        }
        char buf[128];
        for (size_t k = len - 2; k >= COMPOUND_HEAD && k < sizeof buf && parts[t][1] == SIZE_MAX;
             k--) {
            memcpy(buf, s, k);
            buf[k] = '\0';
            size_t id = kp_strtab_get(&w->terms, buf, false);
            if (id != SIZE_MAX && id < nterms)
                parts[t][1] = id;
        }
    }
    for (size_t i = 0; i < w->n; i++) {
        struct vec *v = &w->vecs[i];
        size_t n0 = v->n, extra = 0;
        for (size_t k = 0; k < n0; k++)
            extra += (parts[v->t[k].id][0] != SIZE_MAX) + (parts[v->t[k].id][1] != SIZE_MAX);
        if (!extra)
            continue;
        v->t = kr_xreallocarray(v->t, n0 + extra, sizeof *v->t);
        for (size_t k = 0; k < n0; k++)
            for (int j = 0; j < 2; j++)
                if (parts[v->t[k].id][j] != SIZE_MAX)
                    v->t[v->n++] = (struct term){parts[v->t[k].id][j], COMPOUND_WEIGHT * v->t[k].w};
        kp_vec_merge(v);
    }
    free(parts);
}

static void count_df(struct work *w)
{
    w->df = kr_xcalloc(w->terms.n ? w->terms.n : 1, sizeof *w->df);
    for (size_t i = 0; i < w->n; i++)
        for (size_t k = 0; k < w->vecs[i].n; k++)
            w->df[w->vecs[i].t[k].id]++;
}

/* Sublinear tf times smoothed idf, L2-normalised. Terms seen in one note only are dropped:
 * they cannot link two notes and would only dilute the similarity of the rest. */
static void weigh(struct work *w)
{
    double nn = (double)w->n;
    for (size_t i = 0; i < w->n; i++) {
        struct vec *v = &w->vecs[i];
        double norm = 0;
        size_t m = 0;
        for (size_t k = 0; k < v->n; k++) {
            size_t df = w->df[v->t[k].id];
            if (df < 2)
                continue;
            double idf = log((1.0 + nn) / (1.0 + (double)df)) + 1.0;
            double tf = v->t[k].w;
            double base = tf >= 1.0 ? 1.0 + log(tf) : tf;
            v->t[m].id = v->t[k].id;
            v->t[m].w = base * idf;
            norm += v->t[m].w * v->t[m].w;
            m++;
        }
        v->n = m;
        norm = sqrt(norm);
        for (size_t k = 0; k < m && norm > 0; k++)
            v->t[k].w /= norm;
    }
}

/* Per term, the word it was most often written as ("vinger" for "ving"); lowest on ties. */
static void pick_surfaces(struct work *w)
{
    w->surface_of = kr_xcalloc(w->terms.n ? w->terms.n : 1, sizeof *w->surface_of);
    size_t *bestc = kr_xcalloc(w->terms.n ? w->terms.n : 1, sizeof *bestc);
    for (size_t i = 0; i < w->surfaces.n; i++) {
        char *end;
        const char *k = w->surfaces.keys[i];
        size_t term = strtoul(k, &end, 10);
        const char *word = end + 1;
        const char *cur = w->surface_of[term];
        if (w->surface_count[i] > bestc[term] ||
            (w->surface_count[i] == bestc[term] && cur && strcmp(word, cur) < 0)) {
            bestc[term] = w->surface_count[i];
            w->surface_of[term] = word;
        }
    }
    free(bestc);
}
void kp_features(struct work *w)
{
    w->vecs = kr_xcalloc(w->n ? w->n : 1, sizeof *w->vecs);
    struct kr_stemmer *st = kr_stemmer_new();
    struct kr_token_list toks = {0};
    struct kr_buf scratch = {0};
    load_stopwords(w, st);
    struct strtab visits = {0};
    w->visit = kr_xcalloc(w->n ? w->n : 1, sizeof *w->visit);
    for (size_t i = 0; i < w->n; i++)
        w->visit[i] = kp_strtab_get(&visits, w->notes[i].visit_id, true);
    kp_strtab_fini(&visits);
    for (size_t i = 0; i < w->n; i++)
        if (!w->notes[i].flagged)
            vectorise(w, i, st, &toks, &scratch);
    split_compounds(w);
    count_df(w);
    weigh(w);
    pick_surfaces(w);
    kr_buf_fini(&scratch);
    kr_token_list_fini(&toks);
    kr_stemmer_free(st);
}

void kp_work_fini(struct work *w)
{
    for (size_t i = 0; i < w->n; i++)
        free(w->vecs[i].t);
    free(w->vecs);
    free(w->df);
    free(w->visit);
    free(w->surface_count);
    free(w->surface_of);
    kp_strtab_fini(&w->terms);
    kp_strtab_fini(&w->stops);
    kp_strtab_fini(&w->nolabel);
    kp_strtab_fini(&w->surfaces);
}
