/* SPDX-License-Identifier: MIT */
/*
 * The context rules that keep facts clean: "goed" meaning correct in a count ("7 van de 10
 * sommen goed"), a generalisation measured by a number or time, and "te" as a norm ("te lang")
 * unless a verb follows ("te schrijven"), and a frequency in the writer's own habit ("Ik teken
 * meestal na school", "We eten vaak pasta").
 */
#include <assert.h>

#include "check_internal.h"

/* "goed" (or fout, juist ...) at t means "correct" in a count: "7 van de 10 sommen goed",
 * "het goede antwoord", "goed: 7". Not when a particle follows: "legt de som goed uit". */
bool ck_count_fact(const struct kr_checker *c, const char *text, size_t t)
{
    const struct kr_token *tk = c->toks.items;
    size_t n = c->toks.n;
    if (t + 1 < n && !c->info[t + 1].sent) {
        if (tk[t + 1].kind == KR_TOK_NUMBER)
            return true;
        if (is_word(c, t + 1) && has(c, t + 1, F_ANTWOORD))
            return true;
        /* "legt de som goed uit." ends on the particle; "6 van de 8 goed na 10 min" goes on. */
        if (is_word(c, t + 1) && has(c, t + 1, F_PARTICLE) &&
            (t + 2 >= n || tk[t + 2].kind == KR_TOK_PUNCT || c->info[t + 2].sent))
            return false;
        if (punct_is(text, &tk[t + 1], ':') && t + 2 < n && tk[t + 2].kind == KR_TOK_NUMBER)
            return true;
    }
    for (size_t j = t, steps = 0; j > 0 && steps < 7 && !c->info[j].sent; steps++) {
        j--;
        if (tk[j].kind == KR_TOK_NUMBER)
            return true;
        if (tk[j].kind == KR_TOK_PUNCT) {
            if (punct_is(text, &tk[j], ',') || punct_is(text, &tk[j], '/'))
                continue;
            return false;
        }
        if (tk[j].kind != KR_TOK_WORD)
            return false;
        if (has(c, j, F_HOEVEEL) || has(c, j, F_ANTWOORD))
            return true;
        if (!has(c, j, F_TELLING))
            return false;
    }
    return false;
}

/* "niemand", "alle" ... at t is measured when a number or time is near in the sentence. */
bool ck_measured(const struct kr_checker *c, size_t t)
{
    const struct kr_token *tk = c->toks.items;
    for (size_t j = t + 1; j < c->toks.n && j <= t + MEASURE_REACH && !c->info[j].sent; j++)
        if (tk[j].kind == KR_TOK_NUMBER || tk[j].kind == KR_TOK_TIME || has(c, j, F_NUMWORD))
            return true;
    for (size_t j = t, steps = 0; j > 0 && steps < MEASURE_REACH && !c->info[j].sent; steps++) {
        j--;
        if (tk[j].kind == KR_TOK_NUMBER || tk[j].kind == KR_TOK_TIME || has(c, j, F_NUMWORD))
            return true;
    }
    return false;
}

/* "te" at t: a norm ("te lang", "veel te moeilijk") unless a verb follows ("te schrijven"). */
void ck_te_rule(struct kr_checker *c, size_t t)
{
    if (c->norm_cat < 0 || c->info[t].hash != c->te_hash || c->info[t].slen != 2 ||
        memcmp(c->info[t].stem, "te", 2) != 0)
        return;
    size_t w = t + 1;
    if (!cont_ok(c, w) || c->toks.items[w].kind != KR_TOK_WORD || has(c, w, F_TE_NOT))
        return;
    if (c->info[w].ends_n && !has(c, w, F_TE_ADJ))
        return;
    size_t start = t;
    if (t > 0 && is_word(c, t - 1) && !c->info[t].sent && !c->info[t].nl && has(c, t - 1, F_TE_PRE))
        start = t - 1;
    ck_add_cand(c, c->toks.items[start].start, c->toks.items[w].end, c->norm_cat);
}

/* Grammar words of the self-report rule; not lexicon data. */
static const char *const writer_words[] = {"ik", "we", "wij"};
static const char *const other_words[] = {"hem", "haar", "hen", "hun", "zijn", "jou", "jullie"};
static const char *const notice_words[] = {"zie",   "zag",  "zagen",  "zien",   "hoor",   "hoorde",
                                           "horen", "merk", "merkte", "merken", "ervaar", "ervaren",
                                           "vind",  "vond", "denk",   "dacht"};

static bool exact_any(const struct kr_checker *c, size_t t, const char *const *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (exact_is(c, t, w[i]))
            return true;
    return false;
}

/*
 * A frequency ("meestal", "vaak", "elke dag") in a sentence whose only person is the writer
 * ("ik", "we") tells the writer's own habit: "Ik teken bijna elke dag, meestal na school",
 * "We maken dan vaak pasta". Not when anyone else is in the sentence (a person word, an object
 * pronoun, a name), when the writer notices or judges ("Ik zie vaak ...", "we vinden ...") or
 * reports ("... dat ..."): then it generalises about someone observed.
 */
bool ck_self_report(const struct kr_checker *c, size_t t)
{
    assert(t < c->toks.n);
    size_t s = t, e = t + 1, n = c->toks.n;
    while (s > 0 && !c->info[s].sent)
        s--;
    while (e < n && !c->info[e].sent)
        e++;
    bool writer = false;
    for (size_t i = s; i < e; i++) {
        if (c->toks.items[i].kind != KR_TOK_WORD)
            continue;
        if (c->info[i].speech)
            return false;
        if (exact_any(c, i, writer_words, sizeof writer_words / sizeof writer_words[0])) {
            writer = true;
            continue;
        }
        unsigned char first = (unsigned char)c->text[c->toks.items[i].start];
        if ((i > s && first >= 'A' && first <= 'Z') || has(c, i, F_PERSON) ||
            exact_is(c, i, "dat") ||
            exact_any(c, i, other_words, sizeof other_words / sizeof other_words[0]) ||
            exact_any(c, i, notice_words, sizeof notice_words / sizeof notice_words[0]))
            return false;
    }
    return writer;
}
