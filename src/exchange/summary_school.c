/* SPDX-License-Identifier: MIT */
/*
 * What of a summary reaches the school (summary.c loads it): with --pseudoniem the school,
 * the network, each class, the tweetallen and observers replaced wherever they are named; the
 * names of pupils and teachers replaced (kr_names_replace) when the export hides them. Every
 * text a writer prints passes through here first.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "exchange_internal.h"
#include "kijkronde/names.h"
#include "kijkronde/text.h"
#include "kijkronde/utf8.h"

/* "A", "B", ..., "Z", "AA", "AB", ... for n = 0, 1, ... */
static void letters(size_t n, char out[8])
{
    char tmp[8];
    size_t k = 0;
    n++;
    while (n > 0 && k < sizeof tmp - 1) {
        n--;
        tmp[k++] = (char)('A' + n % 26);
        n /= 26;
    }
    for (size_t i = 0; i < k; i++)
        out[i] = tmp[k - 1 - i];
    out[k] = 0;
}

static int by_len_desc(const void *a, const void *b)
{
    const struct kr_school_swap *x = a, *y = b;
    return x->len < y->len ? 1 : x->len > y->len ? -1 : 0;
}

static bool word_char(unsigned char c)
{
    return isalnum(c) || c >= 0x80;
}

/* Whether s[0..len) has a word character (kr_utf8_is_word) just before / at off. A space,
 * "…", "’" or U+00A0 is no part of a word, so "De Linde…" still names the school. */
static bool word_before(const char *s, size_t off)
{
    if (off == 0)
        return false;
    size_t p = kr_utf8_prev(s, off);
    uint32_t cp;
    kr_utf8_decode(s + p, off - p, &cp);
    return kr_utf8_is_word(cp);
}

static bool word_at(const char *s, size_t len, size_t off)
{
    uint32_t cp;
    return off < len && (kr_utf8_decode(s + off, len - off, &cp), kr_utf8_is_word(cp));
}

/* s with every whole-word, ASCII-case-insensitive occurrence of a swap replaced. Heap. */
static char *apply_swaps(const char *s, const struct kr_school_swap *sw, size_t n)
{
    if (!s)
        return NULL;
    struct kr_buf b = {0};
    size_t len = strlen(s), i = 0;
    while (i < len) {
        bool done = false;
        if (((unsigned char)s[i] & 0xC0) != 0x80 && !word_before(s, i)) {
            for (size_t k = 0; k < n; k++) {
                if (sw[k].len <= len - i && strncasecmp(s + i, sw[k].from, sw[k].len) == 0 &&
                    !word_at(s, len, i + sw[k].len)) {
                    kr_buf_puts(&b, sw[k].to);
                    i += sw[k].len;
                    done = true;
                    break;
                }
            }
        }
        if (!done)
            kr_buf_putc(&b, s[i++]);
    }
    return kr_buf_steal(&b);
}

static char *school_text(const char *text, const struct kr_school_swap *sw, size_t n,
                         const struct kr_export_opts *opts);

/* After the swaps, a group named in a list goes too: "groep A en 7" -> "groep A en B" when
 * "groep 7" is a class of the session ("in groep 6 en 7", "groep 5, 6 en 7"). Frees t. */
static char *group_lists(char *t, const struct kr_school_swap *sw, size_t n)
{
    if (!t || !*t)
        return t;
    struct kr_buf b = {0};
    size_t i = 0, len = strlen(t);
    bool list = false; /* just after "groep X" or a group of its list */
    while (i < len) {
        if (!list && strncasecmp(t + i, "groep ", 6) == 0 &&
            (i == 0 || !word_char((unsigned char)t[i - 1]))) {
            size_t j = i + 6;
            while (j < len && word_char((unsigned char)t[j]))
                j++;
            kr_buf_append(&b, t + i, j - i);
            i = j;
            list = true;
            continue;
        }
        size_t sepl = strncmp(t + i, " en ", 4) == 0 ? 4 : strncmp(t + i, ", ", 2) == 0 ? 2 : 0;
        if (list && sepl) {
            size_t j = i + sepl, k = j;
            while (k < len && word_char((unsigned char)t[k]))
                k++;
            const char *to = NULL;
            if (k > j && isdigit((unsigned char)t[j]))
                for (size_t q = 0; q < n && !to; q++)
                    if (sw[q].len == k - j + 6 && strncasecmp(sw[q].from, "groep ", 6) == 0 &&
                        strncasecmp(sw[q].from + 6, t + j, k - j) == 0 &&
                        strncmp(sw[q].to, "groep ", 6) == 0)
                        to = sw[q].to + 6;
            if (to) {
                kr_buf_append(&b, t + i, sepl);
                kr_buf_puts(&b, to);
                i = k;
                continue;
            }
        }
        list = false;
        kr_buf_putc(&b, t[i++]);
    }
    free(t);
    return kr_buf_steal(&b);
}

/* Replace a heap string field by its version for the school (school_text). */
static void swap_field(char **field, const struct kr_school_swap *sw, size_t n,
                       const struct kr_export_opts *opts)
{
    char *t = school_text(*field, sw, n, opts);
    free(*field);
    *field = t;
}

/* Every text the summary prints, as it reaches the school: with pseudonyms the school,
 * network, groups, observers and tweetallen replaced; names of people replaced
 * (kr_names_replace) when opts->hide_names. Heap string. */
static char *school_text(const char *text, const struct kr_school_swap *sw, size_t n,
                         const struct kr_export_opts *opts)
{
    if (!text)
        return NULL;
    char *t = opts->pseudonymise ? group_lists(apply_swaps(text, sw, n), sw, n) : kr_xstrdup(text);
    if (!opts->hide_names)
        return t;
    char *u = kr_names_replace(t);
    free(t);
    return u;
}

/* The folded words of every name in the notes (kr_names_add), sorted. A pattern's label is
 * made of folded words ("Een leerling, jan, steekt"): kr_names_replace no longer sees a
 * name in it, so label_without_names leaves these words out. */
struct name_words {
    char **w;
    size_t n, cap;
};

static int by_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void note_names(const struct kr_observation_list *obs, struct name_words *out)
{
    struct kr_token_list tk = {0};
    struct kr_finding_list f = {0};
    for (size_t i = 0; i < obs->n; i++) {
        const char *t = obs->items[i].text ? obs->items[i].text : "";
        kr_tokenize(t, strlen(t), &tk);
        f.n = 0;
        kr_names_add(t, tk.items, tk.n, &f);
        for (size_t k = 0, j = 0; k < f.n; k++)
            for (; j < tk.n && tk.items[j].start < f.items[k].end; j++) {
                const struct kr_token *w = &tk.items[j];
                char buf[128];
                if (w->kind != KR_TOK_WORD || w->start < f.items[k].start ||
                    kr_fold(t + w->start, w->end - w->start, buf, sizeof buf) >= sizeof buf)
                    continue;
                KR_GROW(out->w, out->cap, out->n + 1);
                out->w[out->n++] = kr_xstrdup(buf);
            }
    }
    kr_token_list_fini(&tk);
    kr_finding_list_fini(&f);
    if (out->n)
        qsort(out->w, out->n, sizeof *out->w, by_str);
}

/* label without its ", "-separated words that are names in the notes (heap). */
static char *label_without_names(const char *label, const struct name_words *nw)
{
    struct kr_buf b = {0};
    const char *p = label;
    for (;;) {
        const char *e = strstr(p, ", ");
        size_t l = e ? (size_t)(e - p) : strlen(p);
        char buf[128];
        const char *key = buf;
        bool name = nw->n && kr_fold(p, l, buf, sizeof buf) < sizeof buf &&
                    bsearch(&key, nw->w, nw->n, sizeof *nw->w, by_str);
        if (!name) {
            kr_buf_puts(&b, b.len ? ", " : "");
            kr_buf_append(&b, p, l);
        }
        if (!e)
            break;
        p = e + 2;
    }
    if (!b.len)
        kr_buf_puts(&b, "Een leerling");
    else if (b.data[0] >= 'a' && b.data[0] <= 'z')
        b.data[0] = (char)(b.data[0] - 'a' + 'A');
    return kr_buf_steal(&b);
}

void kr_school_begin(struct kr_summary *out, const struct kr_export_opts *opts,
                     struct kr_school *sc)
{
    const struct kr_visit_list *vl = &out->visits;
    sc->opts = opts;
    /* Pseudonyms: the school, the network, each distinct class label; the same words in
     * texts are replaced too, so "zoals in groep 5" does not give the class away. */
    struct kr_school_swap *sw = kr_xcalloc(2 * vl->n + out->obs.n + 2, sizeof *sw);
    size_t nsw = 0;
    if (opts->pseudonymise) {
        if (out->session.host_school && *out->session.host_school)
            sw[nsw++] = (struct kr_school_swap){
                out->session.host_school, strlen(out->session.host_school), kr_xstrdup("School A")};
        if (out->session.network_name && *out->session.network_name)
            sw[nsw++] = (struct kr_school_swap){out->session.network_name,
                                                strlen(out->session.network_name),
                                                kr_xstrdup("het leernetwerk")};
        size_t distinct = 0;
        for (size_t i = 0; i < vl->n; i++) {
            const char *label = vl->items[i].label ? vl->items[i].label : "";
            size_t k = 0;
            while (k < nsw && strcmp(sw[k].from, label) != 0)
                k++;
            if (k == nsw) {
                char l[8];
                letters(distinct++, l);
                sw[nsw++] =
                    (struct kr_school_swap){label, strlen(label), kr_xasprintf("groep %s", l)};
            }
            out->visit_labels[i] = kr_xstrdup(sw[k].to);
        }
        /* Tweetallen and observers named in running text (md and html never print them). */
        size_t npairs = 0;
        for (size_t i = 0; i < vl->n; i++) {
            const char *pair = vl->items[i].tweetal_name;
            size_t k = 0;
            while (pair && k < nsw && strcmp(sw[k].from, pair) != 0)
                k++;
            if (pair && *pair && k == nsw) {
                char l[8];
                letters(npairs++, l);
                sw[nsw++] =
                    (struct kr_school_swap){pair, strlen(pair), kr_xasprintf("tweetal %s", l)};
            }
        }
        for (size_t i = 0; i < out->obs.n; i++) {
            const char *who = out->obs.items[i].observer;
            size_t k = 0;
            while (who && k < nsw && strcmp(sw[k].from, who) != 0)
                k++;
            if (who && *who && k == nsw)
                sw[nsw++] = (struct kr_school_swap){who, strlen(who), kr_xstrdup("een waarnemer")};
        }
        out->host_school = out->session.host_school ? kr_xstrdup("School A") : NULL;
        out->network = NULL;
    } else {
        for (size_t i = 0; i < vl->n; i++)
            out->visit_labels[i] = kr_xstrdup(vl->items[i].label ? vl->items[i].label : "");
        out->host_school = kr_xstrdup(out->session.host_school);
        out->network = kr_xstrdup(out->session.network_name);
    }
    /* Longest first, so "groep 6a" is not caught by "groep 6"; empty ones never match. */
    size_t nsw_text = 0;
    for (size_t k = 0; k < nsw; k++)
        if (sw[k].len >= 3)
            sw[nsw_text++] = sw[k];
        else
            free(sw[k].to);
    qsort(sw, nsw_text, sizeof *sw, by_len_desc);
    sc->sw = sw;
    sc->n = nsw_text;
    if (opts->pseudonymise || opts->hide_names) {
        kr_school_field(sc, &out->session.kijkvraag_text);
        kr_school_field(sc, &out->session.ontwikkelvraag);
        kr_school_field(sc, &out->session.kijkpunten);
    }
}

char *kr_school_text(const struct kr_school *sc, const char *text)
{
    return school_text(text, sc->sw, sc->n, sc->opts);
}

void kr_school_field(const struct kr_school *sc, char **field)
{
    swap_field(field, sc->sw, sc->n, sc->opts);
}

void kr_school_patterns(const struct kr_school *sc, struct kr_summary *out)
{
    const struct kr_export_opts *opts = sc->opts;
    const struct kr_pattern_result *pr = &out->refl.result;
    out->pattern_labels = kr_xcalloc(pr->n_patterns + 1, sizeof(char *));
    out->pattern_statements = kr_xcalloc(pr->n_patterns + 1, sizeof(char *));
    struct name_words nw = {0};
    if (opts->hide_names)
        note_names(&out->obs, &nw);
    for (size_t p = 0; p < pr->n_patterns; p++) {
        const char *l = pr->patterns[p].label ? pr->patterns[p].label : "";
        char *own = opts->hide_names ? label_without_names(l, &nw) : NULL;
        out->pattern_labels[p] = kr_school_text(sc, own ? own : l);
        free(own);
        /* (a statement is a note's clause: names go as in the notes' own texts) */
        const char *stm = pr->patterns[p].statement;
        out->pattern_statements[p] = stm ? kr_school_text(sc, stm) : NULL;
    }
    for (size_t k = 0; k < nw.n; k++)
        free(nw.w[k]);
    free(nw.w);
}

void kr_school_debrief(const struct kr_school *sc, struct kr_summary *out)
{
    if (!sc->opts->pseudonymise && !sc->opts->hide_names)
        return;
    for (int p = 0; p < KR_PHASE_COUNT; p++)
        kr_school_field(sc, &out->phases[p]);
    kr_school_field(sc, &out->toa.schoolleiding);
    kr_school_field(sc, &out->toa.leraren);
    kr_school_field(sc, &out->toa.leerlingen);
    kr_school_field(sc, &out->toa.bewijs);
    for (size_t k = 0; k < out->toas.n; k++) {
        struct kr_toa_version *v = &out->toas.items[k];
        kr_school_field(sc, &v->group);
        kr_school_field(sc, &v->schoolleiding);
        kr_school_field(sc, &v->leraren);
        kr_school_field(sc, &v->leerlingen);
        kr_school_field(sc, &v->bewijs);
    }
    for (size_t k = 0; k < out->steps.n; k++) {
        kr_school_field(sc, &out->steps.items[k].text);
        kr_school_field(sc, &out->steps.items[k].follow_up_text);
    }
}

void kr_school_fini(struct kr_school *sc)
{
    for (size_t k = 0; k < sc->n; k++)
        free(sc->sw[k].to);
    free(sc->sw);
    sc->sw = NULL;
    sc->n = 0;
}
