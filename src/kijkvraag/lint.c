/* SPDX-License-Identifier: MIT */
/*
 * The kijkvraag lint. A kijkvraag should start from what learners do and be
 * answerable with facts; schools tend to write checking, closed, teacher-centred,
 * rating or unobservable questions instead. The word lists live in lint.yaml
 * (embedded) and are matched on Snowball stems, so inflected forms count; the
 * sentence structure (question words, subordinate clauses, the subject) decides
 * the closed and teacher-centred findings. Each finding gets a rewrite built from
 * the question's own topic where one can be found.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kijkronde/kijkvraag.h"
#include "kijkronde/mem.h"
#include "kijkronde/text.h"
#include "kijkronde/utf8.h"
#include "kijkronde/ydoc.h"

extern const char kr_data_kijkvraag_lint[];
extern const size_t kr_data_kijkvraag_lint_len;

enum pat_mode { PAT_STEM, PAT_PREFIX, PAT_SUFFIX, PAT_INFIX };

struct pat {
    char *s;
    size_t len;
    enum pat_mode mode;
};

struct term {
    struct pat *w;
    size_t n;
    char *text; /* onderwerpen: the phrase for the hint */
};

struct termlist {
    struct term *items;
    size_t n, cap;
    size_t id;       /* row in the linter's match memo */
    size_t *by_stem; /* terms that start with a stem, sorted by it */
    size_t n_by_stem;
    size_t *globs; /* terms that start with a * pattern */
    size_t n_globs;
};

/* Kinds in the order findings are reported for the same position. */
enum kind {
    K_TOETSEND,
    K_OORDEEL,
    K_ONZICHTBAAR,
    K_ETALAGE,
    K_GESLOTEN,
    K_LERAARGERICHT,
    K_GEEN_LEERLING,
    K_COUNT
};

static const char *const kind_names[K_COUNT] = {
    "toetsend", "oordeel", "onzichtbaar", "etalage", "gesloten", "leraargericht", "geen-leerling",
};

struct kind_info {
    char *melding, *tip;
    struct termlist terms;
};

struct word {
    size_t start, end;         /* bytes in the question */
    size_t fold_off, stem_off; /* into the linter's scratch */
    size_t fold_len;
    size_t sent;
    bool clause_start; /* first word of a clause (after . ? ! , ; : or at the start) */
    bool quoted;       /* inside a citation: never a fault */
    bool exempt;       /* inside a fixed phrase from 'uitzonderingen' */
    bool used;         /* already part of another finding's span */
    bool sub;          /* inside a subordinate clause */
    bool frame;        /* part of an introduction ("We zijn benieuwd") or a heading before ':' */
    bool after_colon;  /* first word after a ':' */
};

struct sent {
    size_t first, end; /* word indexes [first, end) */
    bool question;     /* ends with '?' */
    bool open;         /* has a question word at a clause start */
    bool tag;          /* a short "Waar zie je dat aan?" */
    size_t frame_end;  /* an introduction followed by 'of' or 'dat': the word after it, or 0 */
    bool frame_of;     /* ... 'of': an indirect yes/no question; else 'dat': seeks confirmation */
};

struct found {
    size_t start, end;
    enum kind kind;
    size_t msg_off, hint_off;
};

struct kr_linter {
    struct kr_stemmer *stemmer;
    struct termlist vraagwoorden, voorzetsels, werkwoorden, leerlingen, leraren, handelen, bijzin,
        bewijs, uitzonderingen, onderwerpen, wij, waarnemen, groepswoorden, situatie, inleidingen,
        hoemaat, voornaamwoorden, effectwoorden;
    struct kind_info kinds[K_COUNT];
    /* scratch, reused between calls */
    struct kr_token_list toks;
    struct word *w;
    size_t nw, wcap;
    struct sent *s;
    size_t ns, scap;
    struct found f[K_COUNT];
    size_t nf;
    struct kr_buf scratch; /* folds and stems */
    struct kr_buf out;     /* messages and hints */
    size_t nlists;         /* word lists with a memo row */
    unsigned char *memo;   /* per word and list: longest match + 1, 0 = not known yet */
    size_t memo_cap;
    const char *q; /* the question being linted */
    size_t qlen;
};

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
            if (strcmp(name, kind_names[j]) == 0)
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
            return kr_error_set(err, KR_PARSE, "lint.yaml: soort '%s' ontbreekt", kind_names[j]);
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

/* ---- matching ---- */

static const char *fold_of(const struct kr_linter *L, size_t i)
{
    return L->scratch.data + L->w[i].fold_off;
}

static const char *stem_of(const struct kr_linter *L, size_t i)
{
    return L->scratch.data + L->w[i].stem_off;
}

static bool pat_match(const struct kr_linter *L, const struct pat *p, size_t i)
{
    const char *f = fold_of(L, i);
    size_t fl = L->w[i].fold_len, pl = p->len;
    switch (p->mode) {
    case PAT_STEM:
        return strcmp(stem_of(L, i), p->s) == 0;
    case PAT_PREFIX:
        return fl >= pl && memcmp(f, p->s, pl) == 0;
    case PAT_SUFFIX:
        return fl >= pl && memcmp(f + fl - pl, p->s, pl) == 0;
    case PAT_INFIX:
        return strstr(f, p->s) != NULL;
    }
    return false;
}

/* Does term match at word i? Faults skip quoted, exempt and used words; structure lists
 * (faults == false) only skip quoted ones. */
static bool term_matches(const struct kr_linter *L, const struct term *term, size_t i, bool faults)
{
    if (i + term->n > L->nw)
        return false;
    for (size_t j = 0; j < term->n; j++) {
        const struct word *w = &L->w[i + j];
        if (w->quoted || (faults && (w->exempt || w->used)) || w->sent != L->w[i].sent)
            return false;
        if (!pat_match(L, &term->w[j], i + j))
            return false;
    }
    return true;
}

/* The number of words of the longest term of t that starts at word i (0 if none). */
static size_t match_scan(const struct kr_linter *L, const struct termlist *t, size_t i, bool faults)
{
    size_t best = 0;
    /* Terms whose first stem is this word's: the first of them by binary search. */
    const char *stem = stem_of(L, i);
    size_t lo = 0, hi = t->n_by_stem;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(t->items[t->by_stem[mid]].w[0].s, stem) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t x = lo; x < t->n_by_stem; x++) {
        const struct term *term = &t->items[t->by_stem[x]];
        if (strcmp(term->w[0].s, stem) != 0)
            break;
        if (term->n > best && term_matches(L, term, i, faults))
            best = term->n;
    }
    for (size_t x = 0; x < t->n_globs; x++) {
        const struct term *term = &t->items[t->globs[x]];
        if (term->n > best && term_matches(L, term, i, faults))
            best = term->n;
    }
    return best;
}

static size_t match_at(const struct kr_linter *L, const struct termlist *t, size_t i, bool faults)
{
    /* The structural answer never changes during one kr_lint: remember it. A fault match
     * only adds conditions, so no structural match means no fault match either. */
    unsigned char *m = &L->memo[i * L->nlists + t->id];
    if (*m == 0) {
        size_t n = match_scan(L, t, i, false);
        *m = (unsigned char)(n < 254 ? n + 1 : 255);
    }
    if (*m == 1)
        return 0;
    if (!faults)
        return (size_t)*m - 1;
    return match_scan(L, t, i, faults);
}

static bool is_in(const struct kr_linter *L, const struct termlist *t, size_t i)
{
    return match_at(L, t, i, false) > 0;
}

/* The first fault from list t at or after word `from`; *len gets its length in words. */
static bool find_term(const struct kr_linter *L, const struct termlist *t, size_t from, size_t *at,
                      size_t *len)
{
    for (size_t i = from; i < L->nw; i++) {
        size_t n = match_at(L, t, i, true);
        if (n) {
            *at = i;
            *len = n;
            return true;
        }
    }
    return false;
}

static bool any_term(const struct kr_linter *L, const struct termlist *t)
{
    for (size_t i = 0; i < L->nw; i++)
        if (match_at(L, t, i, false))
            return true;
    return false;
}

/* ---- analysis ---- */

static bool is_boundary(const char *q, size_t start, size_t end, bool *sentence_end, bool *qmark)
{
    *sentence_end = *qmark = false;
    if (end - start != 1) {
        /* … — – as clause boundaries */
        if ((end - start == 3 && memcmp(q + start, "\xe2\x80\xa6", 3) == 0)) {
            *sentence_end = true;
            return true;
        }
        return end - start == 3 && (memcmp(q + start, "\xe2\x80\x93", 3) == 0 ||
                                    memcmp(q + start, "\xe2\x80\x94", 3) == 0);
    }
    switch (q[start]) {
    case '?':
        *qmark = true;
        *sentence_end = true;
        return true;
    case '.':
    case '!':
        *sentence_end = true;
        return true;
    case ',':
    case ';':
    case ':':
    case '(':
    case ')':
        return true;
    default:
        return false;
    }
}

static void split(struct kr_linter *L)
{
    L->nw = L->ns = 0;
    kr_buf_reset(&L->scratch);
    kr_tokenize(L->q, L->qlen, &L->toks);
    bool clause = true, colon = false;
    size_t sent = 0;
    KR_GROW(L->s, L->scap, 1);
    L->s[0] = (struct sent){0};
    for (size_t t = 0; t < L->toks.n; t++) {
        const struct kr_token *tok = &L->toks.items[t];
        if (tok->kind == KR_TOK_PUNCT) {
            bool send, qm;
            if (!is_boundary(L->q, tok->start, tok->end, &send, &qm))
                continue;
            clause = true;
            colon = tok->end - tok->start == 1 && L->q[tok->start] == ':';
            if (send && L->s[sent].end > L->s[sent].first) {
                L->s[sent].question = qm;
                sent++;
                KR_GROW(L->s, L->scap, sent + 1);
                L->s[sent] = (struct sent){.first = L->nw, .end = L->nw};
            } else if (qm) {
                L->s[sent].question = true;
            }
            continue;
        }
        if (tok->kind != KR_TOK_WORD && tok->kind != KR_TOK_NUMBER) {
            clause = false;
            continue;
        }
        KR_GROW(L->w, L->wcap, L->nw + 1);
        struct word *w = &L->w[L->nw];
        *w = (struct word){.start = tok->start,
                           .end = tok->end,
                           .sent = sent,
                           .clause_start = clause,
                           .after_colon = colon,
                           .quoted = tok->quoted};
        size_t len = tok->end - tok->start;
        char buf[256];
        w->fold_off = L->scratch.len;
        if (len < 64) {
            kr_fold(L->q + tok->start, len, buf, sizeof buf);
            w->fold_len = strlen(buf);
            kr_buf_append(&L->scratch, buf, strlen(buf) + 1);
        } else {
            kr_buf_append(&L->scratch, "", 1); /* too long to be a word we know */
        }
        w->stem_off = L->scratch.len;
        if (len < 64) {
            kr_stem(L->stemmer, L->q + tok->start, len, buf, sizeof buf);
            kr_buf_append(&L->scratch, buf, strlen(buf) + 1);
        } else {
            kr_buf_append(&L->scratch, "", 1);
        }
        L->nw++;
        L->s[sent].end = L->nw;
        clause = colon = false;
    }
    L->ns = L->s[sent].end > L->s[sent].first ? sent + 1 : sent;
}

/* Is there a question word at clause start c (perhaps after one or two prepositions)? */
static bool question_at(const struct kr_linter *L, size_t c, size_t end)
{
    for (size_t i = c; i < end && i < c + 3; i++) {
        if (is_in(L, &L->vraagwoorden, i))
            return true;
        if (!is_in(L, &L->voorzetsels, i))
            return false;
    }
    return false;
}

/* Is word i at the start of its clause, perhaps after prepositions or other question
 * words ("Op welke manier", "Wanneer en hoe")? */
static bool opens_clause(const struct kr_linter *L, size_t i)
{
    for (;; i--) {
        if (L->w[i].clause_start)
            return true;
        if (!is_in(L, &L->voorzetsels, i - 1) && !is_in(L, &L->vraagwoorden, i - 1))
            return false;
    }
}

static bool fold_is(const struct kr_linter *L, size_t i, const char *w)
{
    return strcmp(L->scratch.data + L->w[i].fold_off, w) == 0;
}

/*
 * An introduction at the start of sentence S ("We zijn benieuwd hoe ...", "Kijk naar wat
 * ...") is not the question: the question starts after it. A short heading before a colon
 * ("Thema leesmotivatie: wat doen ...?") is not the question either.
 */
static void mark_frames(struct kr_linter *L, struct sent *S)
{
    size_t n = match_at(L, &L->inleidingen, S->first, false);
    if (n && S->first + n < S->end) {
        size_t k = S->first + n;
        for (size_t i = S->first; i < k; i++)
            L->w[i].frame = true;
        L->w[k].clause_start = true;
        while (k + 1 < S->end && is_in(L, &L->voorzetsels, k) && !fold_is(L, k, "of"))
            k++;
        if (fold_is(L, k, "of") || fold_is(L, k, "dat")) {
            S->frame_end = k + 1;
            S->frame_of = fold_is(L, k, "of");
        }
        return;
    }
    if (question_at(L, S->first, S->end))
        return;
    for (size_t c = S->first + 1; c < S->end && c <= S->first + 8; c++)
        if (L->w[c].after_colon) {
            if (!question_at(L, c, S->end))
                return;
            for (size_t i = S->first; i < c; i++)
                L->w[i].frame = true;
            return;
        }
}

static bool subjectish(const struct kr_linter *L, size_t i);

static void mark_structure(struct kr_linter *L)
{
    /* Exempt fixed phrases. */
    for (size_t i = 0; i < L->nw; i++) {
        size_t n = match_at(L, &L->uitzonderingen, i, false);
        for (size_t j = 0; j < n; j++)
            L->w[i + j].exempt = true;
    }
    for (size_t s = 0; s < L->ns; s++) {
        struct sent *S = &L->s[s];
        mark_frames(L, S);
        bool later_question = false;
        for (size_t i = S->first; i < S->end; i++)
            if (L->w[i].clause_start && question_at(L, i, S->end)) {
                S->open = true;
                if (i > S->first)
                    later_question = true;
            }
        size_t n = S->end - S->first;
        if (n <= 8)
            for (size_t i = S->first; i < S->end; i++)
                if (match_at(L, &L->bewijs, i, false))
                    S->tag = true;
        /* Subordinate clauses: from a conjunction to the end of its clause. A sentence that
         * opens with 'Wanneer' is only subordinate when a question follows ("Wanneer de
         * juf uitlegt, wat doen leerlingen?"). */
        bool sub = false;
        for (size_t i = S->first; i < S->end; i++) {
            if (L->w[i].clause_start)
                sub = false;
            bool qword = is_in(L, &L->vraagwoorden, i);
            if (!sub && is_in(L, &L->bijzin, i)) {
                if (!(i == S->first && qword && !later_question) &&
                    !(L->w[i].clause_start && i != S->first && qword))
                    sub = true;
            } else if (!sub && fold_is(L, i, "of") && i > S->first && i + 1 < S->end &&
                       !L->w[i + 1].clause_start && subjectish(L, i + 1) &&
                       ((!is_in(L, &L->leerlingen, i + 1) && !is_in(L, &L->leraren, i + 1)) ||
                        fold_is(L, i + 1, "ze") || fold_is(L, i + 1, "zij"))) {
                /* An indirect yes/no question: "controleren of hun antwoord klopt". */
                sub = true;
            } else if (!sub && qword && !opens_clause(L, i)) {
                /* An embedded question word starts a subordinate clause: "een vraag waar ze
                 * het antwoord niet op weten", "zeggen wat ze leren". */
                sub = true;
            }
            L->w[i].sub = sub;
        }
    }
}

static void add_found(struct kr_linter *L, enum kind k, size_t start, size_t end)
{
    for (size_t i = 0; i < L->nf; i++)
        if (L->f[i].kind == k)
            return;
    L->f[L->nf++] = (struct found){.start = start, .end = end, .kind = k};
}

static void mark_used(struct kr_linter *L, size_t at, size_t n)
{
    for (size_t j = 0; j < n; j++)
        L->w[at + j].used = true;
}

static bool sentence_has(const struct kr_linter *L, const struct termlist *t, size_t s)
{
    for (size_t i = L->s[s].first; i < L->s[s].end; i++)
        if (match_at(L, t, i, false))
            return true;
    return false;
}

static bool is_participle(const char *f)
{
    static const char *const prefixes[] = {
        "",     "toe",   "na",  "uit",   "in",   "aan", "op", "af",    "mee",  "voor", "door",
        "over", "terug", "bij", "samen", "vast", "weg", "om", "tegen", "rond", "neer"};
    size_t fl = strlen(f);
    if (fl < 5)
        return false;
    char last = f[fl - 1];
    bool ends = last == 'd' || last == 't' ||
                (fl > 2 && (strcmp(f + fl - 2, "en") == 0 || strcmp(f + fl - 3, "aan") == 0));
    if (!ends)
        return false;
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        size_t pl = strlen(prefixes[i]);
        if (strncmp(f, prefixes[i], pl) == 0 && strncmp(f + pl, "ge", 2) == 0 && fl > pl + 3)
            return true;
    }
    return false;
}

/* A participle after a passive auxiliary: also the ones without ge- ("begeleid",
 * "ondersteund", "verrijkt"). */
static bool is_passive_participle(const char *f)
{
    if (is_participle(f))
        return true;
    static const char *const prefixes[] = {"be", "ver", "ont", "her"};
    size_t fl = strlen(f);
    if (fl < 6 || (f[fl - 1] != 'd' && f[fl - 1] != 't'))
        return false;
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (strncmp(f, prefixes[i], strlen(prefixes[i])) == 0)
            return true;
    return false;
}

static bool is_passive_aux(const struct kr_linter *L, size_t i)
{
    const char *st = stem_of(L, i);
    return strcmp(st, "wordt") == 0 || strcmp(st, "word") == 0 || strcmp(st, "werd") == 0 ||
           strcmp(st, "werden") == 0;
}

static void check_toetsend(struct kr_linter *L)
{
    const struct termlist *t = &L->kinds[K_TOETSEND].terms;
    size_t at = 0, n = 0;
    bool found = find_term(L, t, 0, &at, &n);
    /* Passive check: "Wordt het model toegepast?", "Wordt er gedifferentieerd?" without
     * learners in the sentence. */
    for (size_t s = 0; s < L->ns; s++) {
        if (found && L->w[at].sent <= s)
            break;
        if (sentence_has(L, &L->leerlingen, s))
            continue;
        bool passive = false;
        for (size_t i = L->s[s].first; i < L->s[s].end; i++) {
            const char *st = stem_of(L, i);
            if (!passive && (strcmp(st, "wordt") == 0 || strcmp(st, "word") == 0 ||
                             strcmp(st, "werd") == 0 || strcmp(st, "werden") == 0)) {
                passive = true;
                continue;
            }
            if (passive && !L->w[i].quoted && !L->w[i].exempt &&
                is_passive_participle(fold_of(L, i))) {
                at = i;
                n = 1;
                found = true;
                break;
            }
        }
    }
    /* "Zien we terug dat ...?", "We willen zien dat ...": looking for confirmation. */
    for (size_t s = 0; !found && s < L->ns; s++)
        if (L->s[s].frame_end && !L->s[s].frame_of) {
            at = L->s[s].first;
            n = L->s[s].frame_end - at;
            found = true;
        }
    if (!found)
        return;
    /* "goed toegepast": the rating word belongs to this finding. */
    size_t first = at;
    if (at > 0 && L->w[at - 1].sent == L->w[at].sent &&
        match_at(L, &L->kinds[K_OORDEEL].terms, at - 1, true) == 1)
        first = at - 1;
    mark_used(L, first, at + n - first);
    add_found(L, K_TOETSEND, L->w[first].start, L->w[at + n - 1].end);
}

static void check_terms(struct kr_linter *L, enum kind k)
{
    size_t at, n;
    if (!find_term(L, &L->kinds[k].terms, 0, &at, &n))
        return;
    mark_used(L, at, n);
    add_found(L, k, L->w[at].start, L->w[at + n - 1].end);
}

/* "het effect van de hulpkaart op wat leerlingen doen": an effect word with 'op' after it in
 * its sentence asks what happens, not how good something is. */
static bool effect_on(const struct kr_linter *L, size_t at, size_t n)
{
    if (!is_in(L, &L->effectwoorden, at))
        return false;
    for (size_t i = at + n; i < L->nw && L->w[i].sent == L->w[at].sent; i++)
        if (fold_is(L, i, "op"))
            return true;
    return false;
}

/*
 * Unobservable and rating words. Either is fine as a condition in an open question:
 * "Wat doen leerlingen als ze het niet snappen?", "... als hun antwoord fout is?". An
 * unobservable word is also fine when the question asks for the evidence itself
 * ("Waar zie je dat aan?").
 */
static void check_condition_words(struct kr_linter *L, enum kind k)
{
    if (k == K_ONZICHTBAAR && any_term(L, &L->bewijs))
        return;
    const struct termlist *t = &L->kinds[k].terms;
    for (size_t from = 0; from < L->nw;) {
        size_t at, n;
        if (!find_term(L, t, from, &at, &n))
            return;
        if ((L->w[at].sub && L->s[L->w[at].sent].open) || L->w[at].frame ||
            (k == K_OORDEEL && effect_on(L, at, n))) {
            from = at + n;
            continue;
        }
        mark_used(L, at, n);
        add_found(L, k, L->w[at].start, L->w[at + n - 1].end);
        return;
    }
}

static bool is_article(const char *f);

/* Could word i be the subject right after a verb: learners, teachers, an article, a pronoun? */
static bool subjectish(const struct kr_linter *L, size_t i)
{
    static const char *const pron[] = {"er",   "je",       "jij",  "jullie", "ze",     "zij",
                                       "hij",  "iedereen", "alle", "elke",   "iedere", "ieder",
                                       "veel", "sommige",  "u",    "men",    "wie"};
    if (i >= L->nw)
        return false;
    if (is_in(L, &L->leerlingen, i) || is_in(L, &L->leraren, i) || is_in(L, &L->wij, i) ||
        is_article(fold_of(L, i)))
        return true;
    for (size_t k = 0; k < sizeof pron / sizeof pron[0]; k++)
        if (fold_is(L, i, pron[k]))
            return true;
    return false;
}

/* Without a question mark: does the first word look like a finite verb before its subject
 * ("Plannen leerlingen hun werk zelf")? */
static bool verb_first(const struct kr_linter *L, const struct sent *S)
{
    size_t i = S->first;
    if (S->end - i < 2 || L->w[i].frame || L->w[i + 1].clause_start || !subjectish(L, i + 1))
        return false;
    const char *f = fold_of(L, i);
    size_t fl = strlen(f);
    if (fl < 4 || !(f[fl - 1] == 't' || strcmp(f + fl - 2, "en") == 0))
        return false;
    return !is_in(L, &L->voorzetsels, i) && !is_in(L, &L->vraagwoorden, i) &&
           !is_in(L, &L->bijzin, i) && !is_in(L, &L->leerlingen, i) && !is_in(L, &L->leraren, i);
}

static void check_gesloten(struct kr_linter *L)
{
    bool any_q = false, any_open = false;
    for (size_t s = 0; s < L->ns; s++) {
        any_q |= L->s[s].question;
        any_open |= L->s[s].open && !L->s[s].tag;
    }
    if (any_open)
        return;
    for (size_t s = 0; s < L->ns; s++) {
        const struct sent *S = &L->s[s];
        /* "We willen weten of ...": an indirect yes/no question. */
        if (S->frame_end && S->frame_of) {
            add_found(L, K_GESLOTEN, L->w[S->first].start, L->w[S->frame_end - 1].end);
            return;
        }
        bool closed = S->question && !S->open && !S->tag;
        if (!any_q && s == 0 && !S->open &&
            (is_in(L, &L->werkwoorden, S->first) || verb_first(L, S)))
            closed = true;
        if (closed) {
            add_found(L, K_GESLOTEN, L->w[S->first].start, L->w[S->first].end);
            return;
        }
    }
}

/* Is word i (a learner or teacher word) inside a prepositional phrase: "in de klas", "van de
 * juf"? With `situation`, only after the prepositions of 'situatie' (or 'van' after the
 * teacher's work: "de uitleg van de juf"). */
static bool after_prep(const struct kr_linter *L, size_t i, bool situation)
{
    size_t p = i;
    if (p > 0 && L->w[p - 1].sent == L->w[i].sent && is_article(fold_of(L, p - 1)))
        p--;
    if (p == 0 || L->w[p - 1].sent != L->w[i].sent)
        return false;
    p--;
    if (!situation)
        return is_in(L, &L->voorzetsels, p) && !fold_is(L, p, "en") && !fold_is(L, p, "of") &&
               !fold_is(L, p, "maar");
    if (is_in(L, &L->situatie, p))
        return true;
    return fold_is(L, p, "van") && p > 0 && L->w[p - 1].sent == L->w[i].sent &&
           is_in(L, &L->handelen, p - 1);
}

/* "de groep", "de klas" as the subject, not as a place. */
static size_t group_at(const struct kr_linter *L, size_t i)
{
    size_t n = match_at(L, &L->groepswoorden, i, false);
    if (!n || !after_prep(L, i, false))
        return n;
    /* "de zonnebloem van de klas": whose it is, so the learners. The group words start with
     * their article, so the preposition is the word before. */
    return i > 0 && L->w[i - 1].sent == L->w[i].sent && fold_is(L, i - 1, "van") ? n : 0;
}

/* Does the sentence of word i name an adult (a word from 'leraren', outside quotes), or the
 * teacher's work other than as a circumstance ("Hoe geeft hij instructie?", but not "tijdens de
 * uitleg")? Then a pronoun may well be the teacher. */
static bool names_adult(const struct kr_linter *L, size_t i)
{
    size_t s = L->w[i].sent;
    for (size_t j = L->s[s].first; j < L->s[s].end; j++)
        if (!L->w[j].quoted &&
            (is_in(L, &L->leraren, j) || (is_in(L, &L->handelen, j) && !after_prep(L, j, true))))
            return true;
    return false;
}

/* Is word p the observer's verb of noticing: 'zie', 'merk' or 'valt ... op'? */
static bool perceives(const struct kr_linter *L, size_t p)
{
    if (is_in(L, &L->waarnemen, p))
        return true;
    if (!fold_is(L, p, "valt") && !fold_is(L, p, "vallen") && !fold_is(L, p, "viel"))
        return false;
    for (size_t j = p + 1; j < L->nw && L->w[j].sent == L->w[p].sent; j++)
        if (fold_is(L, j, "op"))
            return true;
    return false;
}

/*
 * A pronoun as the learner: right after the finite verb of a question ("Waar speelt hij mee?",
 * "Welke stappen heb je gezet?") or right after a conjunction ("wanneer je je handen wast"),
 * when no adult is named. After a verb of noticing it is the observer ("Wat zie je?").
 */
static bool pronoun_learner(const struct kr_linter *L)
{
    static const char *const not_verb[] = {"ik",  "we",  "wij", "u",   "je",  "jij", "jullie", "ze",
                                           "zij", "hij", "er",  "het", "dat", "dit", "niet"};
    for (size_t i = 1; i < L->nw; i++) {
        size_t p = i - 1;
        if (!is_in(L, &L->voornaamwoorden, i) || L->w[i].quoted || L->w[i].frame ||
            L->w[p].sent != L->w[i].sent || L->w[i].clause_start || names_adult(L, i))
            continue;
        if (is_in(L, &L->bijzin, p))
            return true;
        bool verb = !is_in(L, &L->voorzetsels, p) && !is_in(L, &L->vraagwoorden, p) &&
                    !is_article(fold_of(L, p)) && !is_in(L, &L->leerlingen, p) &&
                    !is_in(L, &L->leraren, p) && !perceives(L, p);
        for (size_t k = 0; verb && k < sizeof not_verb / sizeof not_verb[0]; k++)
            verb = !fold_is(L, p, not_verb[k]);
        if (verb)
            return true;
    }
    return false;
}

/*
 * A passive main clause about learners ("Hoe worden leerlingen uitgedaagd?", "Hoe wordt er
 * omgegaan met leerlingen die ...?") asks what is done to them: the teacher's work. Not when
 * the learners do it ("Welke woorden worden door leerlingen gebruikt?").
 */
static bool passive_about_learners(struct kr_linter *L)
{
    for (size_t s = 0; s < L->ns; s++) {
        size_t aux = SIZE_MAX, part = SIZE_MAX;
        bool learner = false, agent = false;
        for (size_t i = L->s[s].first; i < L->s[s].end; i++) {
            if (L->w[i].quoted)
                continue;
            if (is_in(L, &L->leerlingen, i) || group_at(L, i)) {
                learner = true;
                size_t p = i;
                while (p > L->s[s].first && is_article(fold_of(L, p - 1)))
                    p--;
                if (p > L->s[s].first && (fold_is(L, p - 1, "door") || fold_is(L, p - 1, "tussen")))
                    agent = true;
            }
            if (L->w[i].sub)
                continue;
            if (aux == SIZE_MAX && is_passive_aux(L, i))
                aux = i;
            else if (aux != SIZE_MAX && part == SIZE_MAX && !L->w[i].exempt &&
                     is_passive_participle(fold_of(L, i)))
                part = i;
        }
        if (learner && !agent && part != SIZE_MAX) {
            add_found(L, K_LERAARGERICHT, L->w[aux].start, L->w[part].end);
            return true;
        }
    }
    return false;
}

static void check_leraar(struct kr_linter *L, bool *has_learner)
{
    *has_learner = any_term(L, &L->leerlingen) || pronoun_learner(L);
    for (size_t i = 0; !*has_learner && i < L->nw; i++)
        *has_learner = group_at(L, i) > 0;
    if (passive_about_learners(L))
        return;
    for (size_t i = 0; i < L->nw; i++) {
        if (L->w[i].sub || L->w[i].quoted || L->w[i].frame)
            continue;
        if (is_in(L, &L->leerlingen, i) || group_at(L, i))
            return;
        /* "we" is the school ("Hoe zorgen we ervoor dat ...?"), unless it is the observers
         * ("Wat zien we leerlingen doen?"). */
        if (is_in(L, &L->wij, i)) {
            if (sentence_has(L, &L->waarnemen, L->w[i].sent))
                continue;
            add_found(L, K_LERAARGERICHT, L->w[i].start, L->w[i].end);
            return;
        }
        size_t n = match_at(L, &L->leraren, i, false);
        /* The teacher as a circumstance: "tijdens de uitleg van de juf", "bij de meester". */
        if (n && after_prep(L, i, true)) {
            i += n - 1;
            continue;
        }
        if (n) {
            add_found(L, K_LERAARGERICHT, L->w[i].start, L->w[i + n - 1].end);
            return;
        }
    }
    if (*has_learner)
        return;
    size_t at, n;
    if (find_term(L, &L->handelen, 0, &at, &n))
        add_found(L, K_LERAARGERICHT, L->w[at].start, L->w[at + n - 1].end);
}

/* "Hoe zelfstandig werken leerlingen ...?", "Hoe actief zijn ze ...?": a degree, a rating.
 * Not "Hoe vaak", "Hoe lang" (counts) and not "Hoe reageren leerlingen" (a verb). */
static void check_hoe_mate(struct kr_linter *L)
{
    for (size_t i = 0; i + 2 < L->nw; i++) {
        if (!fold_is(L, i, "hoe") || L->w[i].quoted || L->w[i].sub || L->w[i].frame ||
            !opens_clause(L, i) || L->w[i + 2].sent != L->w[i].sent || L->w[i + 1].clause_start ||
            L->w[i + 2].clause_start)
            continue;
        size_t a = i + 1;
        if (L->w[a].exempt || subjectish(L, a) || subjectish(L, a + 1) ||
            is_in(L, &L->hoemaat, a) || is_in(L, &L->werkwoorden, a) ||
            is_in(L, &L->voorzetsels, a) || is_in(L, &L->vraagwoorden, a) ||
            is_in(L, &L->bijzin, a))
            continue;
        bool verb = is_in(L, &L->werkwoorden, a + 1) ||
                    (a + 2 < L->nw && L->w[a + 2].sent == L->w[i].sent && subjectish(L, a + 2));
        if (!verb)
            continue;
        add_found(L, K_OORDEEL, L->w[i].start, L->w[a].end);
        return;
    }
}

/* ---- hints ---- */

static bool is_stopword(const struct kr_linter *L, size_t i)
{
    if (is_in(L, &L->vraagwoorden, i) || is_in(L, &L->voorzetsels, i) ||
        is_in(L, &L->werkwoorden, i) || is_in(L, &L->bijzin, i) || is_in(L, &L->leraren, i) ||
        is_in(L, &L->leerlingen, i))
        return true;
    for (int k = 0; k < K_COUNT; k++)
        if (is_in(L, &L->kinds[k].terms, i))
            return true;
    return false;
}

static bool is_article(const char *f)
{
    static const char *const a[] = {"de", "het", "een", "onze", "ons", "hun", "deze", "dit"};
    for (size_t i = 0; i < sizeof a / sizeof a[0]; i++)
        if (strcmp(f, a[i]) == 0)
            return true;
    return false;
}

/*
 * The last word of a noun phrase that starts with the article at i: adjectives (ending in
 * -e), then one noun; "het zelfstandig werken" keeps its verb. Returns i when there is none.
 */
static size_t np_end(const struct kr_linter *L, size_t i)
{
    size_t e = i + 1;
    for (; e < L->nw && e < i + 5; e++) {
        const struct word *w = &L->w[e];
        if (w->clause_start || w->sent != L->w[i].sent || w->quoted || is_stopword(L, e) ||
            is_article(fold_of(L, e)))
            return i;
        const char *f = fold_of(L, e);
        size_t fl = strlen(f);
        if (fl > 2 && f[fl - 1] == 'e' && e + 1 < L->nw && !L->w[e + 1].clause_start &&
            L->w[e + 1].sent == w->sent && !is_stopword(L, e + 1))
            continue; /* an adjective before the noun */
        break;
    }
    if (e >= L->nw || e == i + 5)
        return i;
    if (strcmp(fold_of(L, i), "het") == 0 && e + 1 < L->nw && !L->w[e + 1].clause_start &&
        L->w[e + 1].sent == L->w[e].sent && is_in(L, &L->werkwoorden, e + 1))
        return e + 1;
    return e;
}

/* The topic for the hints into b: a phrase like "tijdens de instructie". */
static void topic(struct kr_linter *L, struct kr_buf *b)
{
    for (size_t k = 0; k < L->onderwerpen.n; k++)
        for (size_t i = 0; i < L->nw; i++) {
            const struct term *t = &L->onderwerpen.items[k];
            if (i + t->n > L->nw || L->w[i].quoted)
                continue;
            size_t j = 0;
            while (j < t->n && pat_match(L, &t->w[j], i + j))
                j++;
            if (j == t->n) {
                kr_buf_puts(b, t->text);
                return;
            }
        }
    /* A subordinate clause about learners: "als leerlingen vastlopen" -> "als ze vastlopen". */
    static const char *const conj[] = {"als", "wanneer", "terwijl", "zodra", "nadat", "voordat"};
    for (size_t i = 0; i < L->nw; i++) {
        bool c = false;
        for (size_t j = 0; j < sizeof conj / sizeof conj[0]; j++)
            c |= strcmp(fold_of(L, i), conj[j]) == 0;
        if (!c || !L->w[i].sub || L->w[i].quoted)
            continue;
        size_t e = i + 1;
        while (e < L->nw && L->w[e].sub && !L->w[e].clause_start && L->w[e].sent == L->w[i].sent)
            e++;
        if (e - i > 10 || e - i < 2)
            continue;
        size_t learner = SIZE_MAX;
        for (size_t j = i + 1; j < e && learner == SIZE_MAX; j++)
            if (is_in(L, &L->leerlingen, j))
                learner = j;
        if (learner == SIZE_MAX)
            continue;
        size_t from = learner;
        if (from > i + 1 && is_article(fold_of(L, from - 1)))
            from--;
        struct kr_buf t = {0};
        kr_buf_append(&t, L->q + L->w[i].start, L->w[from].start - L->w[i].start);
        kr_buf_puts(&t, "ze");
        kr_buf_append(&t, L->q + L->w[learner].end, L->w[e - 1].end - L->w[learner].end);
        char *inert = kr_utf8_inert(t.data, t.len, false);
        kr_buf_puts(b, inert);
        free(inert);
        kr_buf_fini(&t);
        return;
    }
    /* A noun phrase from the question: "bij het EDI-model", "bij de regels rond het plein". */
    for (size_t i = 0; i + 1 < L->nw; i++) {
        if (L->w[i].quoted || !is_article(fold_of(L, i)))
            continue;
        size_t e = np_end(L, i);
        if (e == i)
            continue;
        /* One attached phrase: "van de gedeelde verantwoordelijkheid", "rond het plein". */
        static const char *const attach[] = {"van", "rond", "voor", "over"};
        size_t p = e + 1;
        for (size_t a = 0; a < sizeof attach / sizeof attach[0] && p + 1 < L->nw; a++)
            if (strcmp(fold_of(L, p), attach[a]) == 0 && L->w[p].sent == L->w[i].sent &&
                !L->w[p].clause_start && is_article(fold_of(L, p + 1))) {
                size_t pe = np_end(L, p + 1);
                if (pe > p + 1)
                    e = pe;
                break;
            }
        char *inert = kr_utf8_inert(L->q + L->w[i].start, L->w[e].end - L->w[i].start, false);
        kr_buf_printf(b, "bij %s", inert);
        free(inert);
        return;
    }
    kr_buf_puts(b, "tijdens de les");
}

/* Expand {woorden} and {onderwerp} in tmpl into L->out; returns the offset. */
static size_t expand(struct kr_linter *L, const char *tmpl, const char *words, const char *subj)
{
    size_t off = L->out.len;
    for (const char *p = tmpl; *p;) {
        if (strncmp(p, "{woorden}", 9) == 0) {
            kr_buf_puts(&L->out, words);
            p += 9;
        } else if (strncmp(p, "{onderwerp}", 11) == 0) {
            kr_buf_puts(&L->out, subj);
            p += 11;
        } else {
            kr_buf_putc(&L->out, *p++);
        }
    }
    kr_buf_putc(&L->out, '\0');
    return off;
}

static int found_cmp(const void *a, const void *b)
{
    const struct found *x = a, *y = b;
    /* "no learners" is about the whole question: after the findings on words. */
    if ((x->kind == K_GEEN_LEERLING) != (y->kind == K_GEEN_LEERLING))
        return x->kind == K_GEEN_LEERLING ? 1 : -1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (int)x->kind - (int)y->kind;
}

size_t kr_lint(struct kr_linter *L, const char *question, size_t len, struct kr_lint_list *out)
{
    out->n = 0;
    out->strings_len = 0;
    L->q = question ? question : "";
    L->qlen = question ? len : 0;
    /* A kijkvraag is a sentence or two; beyond this the rest is not looked at, which bounds
     * the time whatever is pasted in (cut at a character boundary). */
    if (L->qlen > KR_LINT_MAX_BYTES) {
        L->qlen = KR_LINT_MAX_BYTES;
        while (L->qlen > 0 && ((unsigned char)L->q[L->qlen] & 0xC0) == 0x80)
            L->qlen--;
    }
    L->nf = 0;
    split(L);
    if (L->nw == 0)
        return 0;
    size_t need = L->nw * L->nlists;
    if (need > L->memo_cap) {
        L->memo = kr_xreallocarray(L->memo, need, 1);
        L->memo_cap = need;
    }
    memset(L->memo, 0, need);
    mark_structure(L);
    check_toetsend(L);
    check_terms(L, K_ETALAGE);
    check_condition_words(L, K_ONZICHTBAAR);
    check_condition_words(L, K_OORDEEL);
    check_hoe_mate(L);
    check_gesloten(L);
    bool has_learner;
    check_leraar(L, &has_learner);
    bool leraar = false;
    for (size_t i = 0; i < L->nf; i++)
        leraar |= L->f[i].kind == K_LERAARGERICHT;
    if (!has_learner && !leraar && L->nw >= 3)
        add_found(L, K_GEEN_LEERLING, L->w[0].start, L->w[L->nw - 1].end);
    if (L->nf == 0)
        return 0;
    qsort(L->f, L->nf, sizeof L->f[0], found_cmp);
    kr_buf_reset(&L->out);
    struct kr_buf subj = {0};
    topic(L, &subj);
    for (size_t i = 0; i < L->nf; i++) {
        struct found *f = &L->f[i];
        char words[256];
        char *span = kr_xstrndup(L->q + f->start, f->end - f->start);
        kr_utf8_truncate(words, sizeof words, span, 40);
        free(span);
        f->msg_off = expand(L, L->kinds[f->kind].melding, words, kr_buf_str(&subj));
        f->hint_off = expand(L, L->kinds[f->kind].tip, words, kr_buf_str(&subj));
    }
    kr_buf_fini(&subj);
    if (L->out.len > out->strings_cap) {
        out->strings = kr_xreallocarray(out->strings, L->out.len, 1);
        out->strings_cap = L->out.len;
    }
    memcpy(out->strings, L->out.data, L->out.len);
    out->strings_len = L->out.len;
    KR_GROW(out->items, out->cap, L->nf);
    for (size_t i = 0; i < L->nf; i++)
        out->items[i] = (struct kr_lint_finding){.start = L->f[i].start,
                                                 .end = L->f[i].end,
                                                 .kind = kind_names[L->f[i].kind],
                                                 .message = out->strings + L->f[i].msg_off,
                                                 .hint = out->strings + L->f[i].hint_off};
    out->n = L->nf;
    return out->n;
}
