/* SPDX-License-Identifier: MIT */
/*
 * The zonder-oordeel checker. The lexicon (src/text/oordeel.yaml, embedded at build
 * time, plus a network's own file) is a list of patterns over Snowball stems, kept in
 * a hash table keyed by the stem of each pattern's first word. A check tokenizes the
 * note, stems every word once, marks the words that are someone else's speech (quotes,
 * "zegt: ...", "zegt dat ..."), tries the patterns that can start at each word, applies
 * the rules that keep facts clean ("te" + verb, "goed" in a count, the allowlist) and
 * joins overlapping findings. Scratch arrays live in the checker and
 * only grow, so a warm checker allocates nothing but the caller's output list.
 *
 * This file runs one check: tokens, stems (cached), the context rules, the patterns, the
 * predicate rule, then the allowlist and the joining of findings. The lexicon is loaded in
 * check_lexicon.c, the checker made in check_new.c, speech found in check_speech.c, patterns
 * matched in check_match.c, facts kept clean in check_facts.c and check_predicate.c.
 */
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "kijkronde/mem.h"
#include "kijkronde/names.h"
#include "kijkronde/nfc.h"

/* Stem a word of the note into in->stem / in->slen, through the cache; false when it has no
 * usable stem. */
static bool stem_token(struct kr_checker *c, const char *w, size_t len, struct tinfo *in)
{
    struct cache_ent *e = NULL;
    if (len < CACHE_WORD) {
        uint32_t h = hash_str(w, len);
        e = &c->cache[h & (CACHE_SIZE - 1)];
        if (e->wlen == len && e->hash == h && memcmp(e->word, w, len) == 0) {
            if (!e->slen)
                return false;
            memcpy(in->stem, e->stem, (size_t)e->slen + 1);
            in->slen = e->slen;
            return true;
        }
        e->hash = h;
        e->wlen = (unsigned char)len;
        memcpy(e->word, w, len);
    }
    size_t need = kr_stem(c->stemmer, w, len, in->stem, STEM_MAX);
    bool ok = need > 0 && need < STEM_MAX;
    in->slen = ok ? (unsigned char)need : 0;
    if (e) {
        e->slen = in->slen;
        if (ok)
            memcpy(e->stem, in->stem, need + 1);
    }
    return ok;
}

/* A d/t spelling slip ("geconcentreert", "verveeldt"): a word the lexicon does not know, whose
 * stem with the other ending (or without the t of -dt) it does, is read as that word. */
static void dt_fold(struct kr_checker *c, struct tinfo *in)
{
    size_t n = in->slen;
    char last = in->stem[n - 1];
    if (last != 't' && last != 'd')
        return;
    char alt[STEM_MAX];
    memcpy(alt, in->stem, n + 1);
    if (last == 't' && alt[n - 2] == 'd')
        alt[--n] = '\0';
    else
        alt[n - 1] = last == 't' ? 'd' : 't';
    uint32_t h = hash_str(alt, n);
    const struct slot *s = ck_tab_find(&c->tab, alt, n, h);
    if (!s)
        return;
    memcpy(in->stem, alt, n + 1);
    in->slen = (unsigned char)n;
    in->hash = h;
    in->slot = s;
}

/* Letters with full stops, written without spaces ("m.i.", "o.a.", "i.p.v."), become one word,
 * so the lexicon can name them and their dots do not end a sentence. */
static void join_abbrevs(struct kr_checker *c, const char *text)
{
    struct kr_token *tk = c->toks.items;
    size_t n = c->toks.n, w = 0;
    for (size_t i = 0; i < n; i++) {
        size_t j = i;
        while (j + 2 < n && tk[j].kind == KR_TOK_WORD && tk[j].end - tk[j].start == 1 &&
               punct_is(text, &tk[j + 1], '.') && tk[j + 1].start == tk[j].end &&
               tk[j + 2].start == tk[j + 1].end && tk[j + 2].kind == KR_TOK_WORD &&
               tk[j + 2].end - tk[j + 2].start == 1)
            j += 2;
        if (j > i) {
            if (j + 1 < n && punct_is(text, &tk[j + 1], '.') && tk[j + 1].start == tk[j].end)
                j++;
            tk[w] = tk[i];
            tk[w].end = tk[j].end;
            w++;
            i = j;
            continue;
        }
        tk[w++] = tk[i];
    }
    c->toks.n = w;
}

static int cmp_cand(const void *a, const void *b)
{
    const struct cand *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    return x->cat < y->cat ? -1 : x->cat > y->cat;
}

static size_t check_judgements(struct kr_checker *c, const char *text, size_t len,
                               struct kr_finding_list *out)
{
    out->n = 0;
    c->ncands = 0;
    c->text = text;
    kr_tokenize(text, len, &c->toks);
    join_abbrevs(c, text);
    size_t n = c->toks.n;
    if (n > c->capinfo) {
        free(c->info);
        c->capinfo = n + n / 2 + 16;
        c->info = kr_xreallocarray(NULL, c->capinfo, sizeof *c->info);
    }
    ck_find_quotes(c, text, len);

    const struct kr_token *tk = c->toks.items;
    size_t sp = 0, prev_end = 0;
    for (size_t i = 0; i < n; i++) {
        struct tinfo *in = &c->info[i];
        in->slot = NULL;
        in->slen = 0;
        in->hash = 0;
        in->stem[0] = '\0';
        in->nl = memchr(text + prev_end, '\n', tk[i].start - prev_end) != NULL;
        in->sent = i == 0 || in->nl || sentence_end(text, &tk[i - 1]);
        while (sp < c->nspans && c->spans[sp].end <= tk[i].start)
            sp++;
        in->speech = sp < c->nspans && c->spans[sp].start <= tk[i].start;
        in->ends_n = (text[tk[i].end - 1] | 0x20) == 'n';
        prev_end = tk[i].end;
        if (tk[i].kind != KR_TOK_WORD)
            continue;
        if (!stem_token(c, text + tk[i].start, tk[i].end - tk[i].start, in))
            continue;
        size_t need = in->slen;
        in->hash = hash_str(in->stem, need);
        in->slot = ck_tab_find(&c->tab, in->stem, need, in->hash);
        if (!in->slot && need >= 5)
            dt_fold(c, in);
        if (in->slot && in->slot->alias_slot) {
            const struct slot *a = in->slot->alias_slot;
            size_t al = strlen(a->key);
            memcpy(in->stem, a->key, al + 1);
            in->slen = (unsigned char)al;
            in->hash = a->hash;
            in->slot = a;
        }
    }
    ck_speech_rules(c, text);
    for (size_t i = 0; i < n; i++)
        c->info[i].fact = is_word(c, i) && has(c, i, F_JUIST) && ck_count_fact(c, text, i);

    for (size_t i = 0; i < n; i++) {
        if (!is_word(c, i) || c->info[i].fact)
            continue;
        const struct slot *s = c->info[i].slot;
        ck_te_rule(c, i);
        if (s)
            for (size_t k = 0; k < s->n; k++)
                ck_try_pattern(c, s->pats[k], i);
        for (size_t k = 0; k < c->nwild; k++)
            ck_try_pattern(c, c->wild[k], i);
    }
    /* After the patterns, so it can leave the words they found to them. */
    size_t nlex = c->ncands;
    for (size_t i = 0; i < n; i++)
        if (c->info[i].slot && (c->info[i].slot->flags & F_COPULA))
            ck_predicate_rule(c, i, nlex);
    for (size_t i = 0; i < n; i++) {
        if (c->info[i].slot && (c->info[i].slot->flags & F_INNER))
            ck_inner_rule(c, i);
        if (c->info[i].sent)
            ck_exclamation_rule(c, i);
    }
    if (c->ncands == 0)
        return 0;

    qsort(c->cands, c->ncands, sizeof *c->cands, cmp_cand);
    /* Drop findings that an allowlist match covers, then join overlapping ones. */
    size_t cover_end = 0;
    bool covering = false;
    for (size_t i = 0; i < c->ncands; i++) {
        const struct cand *k = &c->cands[i];
        if (k->cat < 0) {
            if (!covering || k->end > cover_end)
                cover_end = k->end;
            covering = true;
            continue;
        }
        if (covering && cover_end >= k->end)
            continue;
        if (out->n > 0) {
            struct kr_finding *last = &out->items[out->n - 1];
            if (k->start < last->end) {
                /* Overlapping findings join; the one that starts first names the kind
                 * ("Ik vind het saai" is an opinion, not mind-reading). */
                if (k->end > last->end)
                    last->end = k->end;
                continue;
            }
        }
        KR_GROW(out->items, out->cap, out->n + 1);
        out->items[out->n++] =
            (struct kr_finding){k->start, k->end, c->cats[k->cat].kind, c->cats[k->cat].hint};
    }
    return out->n;
}

/* The judgements, then the names of people (src/text/names.c) on the same tokens. */
size_t kr_check(struct kr_checker *c, const char *text, size_t len, struct kr_finding_list *out)
{
    /* Decomposed text (NFD) is checked in NFC, so it gets exactly the findings of the same
       text typed precomposed; the offsets are mapped back to the text as given (a finding
       starts and ends on a word, so on a cluster boundary). */
    const char *t = text;
    size_t tl = len;
    if (kr_nfc(text, len, &c->nfc, &c->nfc_map, &c->nfc_map_cap)) {
        t = c->nfc.data;
        tl = c->nfc.len;
    }
    check_judgements(c, t, tl, out);
    kr_names_add(t, c->toks.items, c->toks.n, out);
    if (t != text)
        for (size_t i = 0; i < out->n; i++) {
            out->items[i].start = c->nfc_map[out->items[i].start];
            out->items[i].end = c->nfc_map[out->items[i].end];
        }
    return out->n;
}
