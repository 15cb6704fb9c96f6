/* SPDX-License-Identifier: MIT */
/*
 * The lint's findings on words and sentence form: checking questions (toetsend, also passive
 * "Wordt ... toegepast?"), display words (etalage), unobservable and rating words except as a
 * condition in an open question or an effect "op" something, rating degrees ("Hoe zelfstandig
 * ..."), and closed questions.
 */
#include <assert.h>
#include <string.h>

#include "lint_internal.h"

void kl_add_found(struct kr_linter *L, enum kind k, size_t start, size_t end)
{
    for (size_t i = 0; i < L->nf; i++)
        if (L->f[i].kind == k)
            return;
    assert(L->nf < K_COUNT); /* one finding per kind, and there are K_COUNT kinds */
    L->f[L->nf++] = (struct found){.start = start, .end = end, .kind = k};
}

static void mark_used(struct kr_linter *L, size_t at, size_t n)
{
    for (size_t j = 0; j < n; j++)
        L->w[at + j].used = true;
}

bool kl_sentence_has(const struct kr_linter *L, const struct termlist *t, size_t s)
{
    for (size_t i = L->s[s].first; i < L->s[s].end; i++)
        if (kl_match_at(L, t, i, false))
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
bool kl_is_passive_participle(const char *f)
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

bool kl_is_passive_aux(const struct kr_linter *L, size_t i)
{
    const char *st = stem_of(L, i);
    return strcmp(st, "wordt") == 0 || strcmp(st, "word") == 0 || strcmp(st, "werd") == 0 ||
           strcmp(st, "werden") == 0;
}

void kl_check_toetsend(struct kr_linter *L)
{
    const struct termlist *t = &L->kinds[K_TOETSEND].terms;
    size_t at = 0, n = 0;
    bool found = kl_find_term(L, t, 0, &at, &n);
    /* Passive check: "Wordt het model toegepast?", "Wordt er gedifferentieerd?" without
     * learners in the sentence. */
    for (size_t s = 0; s < L->ns; s++) {
        if (found && L->w[at].sent <= s)
            break;
        if (kl_sentence_has(L, &L->leerlingen, s))
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
                kl_is_passive_participle(fold_of(L, i))) {
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
        kl_match_at(L, &L->kinds[K_OORDEEL].terms, at - 1, true) == 1)
        first = at - 1;
    mark_used(L, first, at + n - first);
    kl_add_found(L, K_TOETSEND, L->w[first].start, L->w[at + n - 1].end);
}

void kl_check_terms(struct kr_linter *L, enum kind k)
{
    size_t at, n;
    if (!kl_find_term(L, &L->kinds[k].terms, 0, &at, &n))
        return;
    mark_used(L, at, n);
    kl_add_found(L, k, L->w[at].start, L->w[at + n - 1].end);
}

/* "het effect van de hulpkaart op wat leerlingen doen": an effect word with 'op' after it in
 * its sentence asks what happens, not how good something is. So does the effect of what a
 * learner does: "het effect als een leerling hardop telt", "het gevolg van wat ze zeggen". Not
 * learners as the ones it is for ("het effect van de weektaak voor leerlingen"). */
static bool effect_on(const struct kr_linter *L, size_t at, size_t n)
{
    if (!is_in(L, &L->effectwoorden, at))
        return false;
    for (size_t i = at + n; i < L->nw && L->w[i].sent == L->w[at].sent; i++) {
        if (fold_is(L, i, "op"))
            return true;
        if (!is_in(L, &L->bijzin, i) && !fold_is(L, i, "wat"))
            continue;
        size_t j = i + 1;
        while (j < L->nw && L->w[j].sent == L->w[i].sent && is_article(fold_of(L, j)))
            j++;
        if (j < L->nw && L->w[j].sent == L->w[i].sent &&
            (is_in(L, &L->leerlingen, j) || is_in(L, &L->voornaamwoorden, j)))
            return true;
    }
    return false;
}

/*
 * Unobservable and rating words. Either is fine as a condition in an open question:
 * "Wat doen leerlingen als ze het niet snappen?", "... als hun antwoord fout is?". An
 * unobservable word is also fine when the question asks for the evidence itself
 * ("Waar zie je dat aan?").
 */
void kl_check_condition_words(struct kr_linter *L, enum kind k)
{
    if (k == K_ONZICHTBAAR && kl_any_term(L, &L->bewijs))
        return;
    const struct termlist *t = &L->kinds[k].terms;
    for (size_t from = 0; from < L->nw;) {
        size_t at, n;
        if (!kl_find_term(L, t, from, &at, &n))
            return;
        if ((L->w[at].sub && L->s[L->w[at].sent].open) || L->w[at].frame ||
            (k == K_OORDEEL && effect_on(L, at, n))) {
            from = at + n;
            continue;
        }
        mark_used(L, at, n);
        kl_add_found(L, k, L->w[at].start, L->w[at + n - 1].end);
        return;
    }
}

/* Without a question mark: does the first word look like a finite verb before its subject
 * ("Plannen leerlingen hun werk zelf")? */
static bool verb_first(const struct kr_linter *L, const struct sent *S)
{
    size_t i = S->first;
    if (S->end - i < 2 || L->w[i].frame || L->w[i + 1].clause_start || !kl_subjectish(L, i + 1))
        return false;
    const char *f = fold_of(L, i);
    size_t fl = strlen(f);
    if (fl < 4 || !(f[fl - 1] == 't' || strcmp(f + fl - 2, "en") == 0))
        return false;
    return !is_in(L, &L->voorzetsels, i) && !is_in(L, &L->vraagwoorden, i) &&
           !is_in(L, &L->bijzin, i) && !is_in(L, &L->leerlingen, i) && !is_in(L, &L->leraren, i);
}

void kl_check_gesloten(struct kr_linter *L)
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
            kl_add_found(L, K_GESLOTEN, L->w[S->first].start, L->w[S->frame_end - 1].end);
            return;
        }
        bool closed = S->question && !S->open && !S->tag;
        if (!any_q && s == 0 && !S->open &&
            (is_in(L, &L->werkwoorden, S->first) || verb_first(L, S)))
            closed = true;
        if (closed) {
            kl_add_found(L, K_GESLOTEN, L->w[S->first].start, L->w[S->first].end);
            return;
        }
    }
}

/* "Hoe zelfstandig werken leerlingen ...?", "Hoe actief zijn ze ...?": a degree, a rating.
 * Not "Hoe vaak", "Hoe lang" (counts) and not "Hoe reageren leerlingen" (a verb). */
void kl_check_hoe_mate(struct kr_linter *L)
{
    for (size_t i = 0; i + 2 < L->nw; i++) {
        if (!fold_is(L, i, "hoe") || L->w[i].quoted || L->w[i].sub || L->w[i].frame ||
            !kl_opens_clause(L, i) || L->w[i + 2].sent != L->w[i].sent ||
            L->w[i + 1].clause_start || L->w[i + 2].clause_start)
            continue;
        size_t a = i + 1;
        if (L->w[a].exempt || kl_subjectish(L, a) || kl_subjectish(L, a + 1) ||
            is_in(L, &L->hoemaat, a) || is_in(L, &L->werkwoorden, a) ||
            is_in(L, &L->voorzetsels, a) || is_in(L, &L->vraagwoorden, a) ||
            is_in(L, &L->bijzin, a))
            continue;
        bool verb = is_in(L, &L->werkwoorden, a + 1) ||
                    (a + 2 < L->nw && L->w[a + 2].sent == L->w[i].sent && kl_subjectish(L, a + 2));
        if (!verb)
            continue;
        kl_add_found(L, K_OORDEEL, L->w[i].start, L->w[a].end);
        return;
    }
}

/* "Hoe was school?", "Hoe was je dag?": 'hoe' with only a form of 'zijn' asks how it was, a
 * verdict. Not a perfect tense ("Hoe zijn ze te werk gegaan?") and not a count ("Hoe vaak"). */
void kl_check_hoe_zijn(struct kr_linter *L)
{
    static const char *const forms[] = {"is", "was", "zijn", "waren"};
    for (size_t i = 0; i + 2 < L->nw; i++) {
        if (!fold_is(L, i, "hoe") || L->w[i].quoted || L->w[i].sub || L->w[i].frame ||
            L->w[i].exempt || !kl_opens_clause(L, i) || L->w[i + 1].sent != L->w[i].sent ||
            L->w[i + 1].clause_start)
            continue;
        bool copula = false;
        for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++)
            copula |= fold_is(L, i + 1, forms[k]);
        if (!copula)
            continue;
        bool participle = false;
        for (size_t j = i + 2; j < L->nw && L->w[j].sent == L->w[i].sent; j++)
            participle |= kl_is_passive_participle(fold_of(L, j)) || fold_is(L, j, "te");
        if (participle)
            continue;
        kl_add_found(L, K_OORDEEL, L->w[i].start, L->w[i + 1].end);
        return;
    }
}

/* "Waarom zou dat zijn?", "Waarom heb je dat gedaan?": a question that opens with 'waarom' asks
 * for a reason, and a reason is in someone's head: an observer cannot see it. Not a 'waarom'
 * added to another question ("Kan dit gebeurd zijn en waarom wel of niet?") and not one put to
 * learners inside the question ("Wat zeggen leerlingen als je vraagt waarom?"). */
void kl_check_waarom(struct kr_linter *L)
{
    for (size_t s = 0; s < L->ns; s++) {
        size_t i = L->s[s].first;
        while (i < L->s[s].end && L->w[i].frame)
            i++;
        if (i >= L->s[s].end || !fold_is(L, i, "waarom") || L->w[i].quoted || L->w[i].exempt ||
            L->w[i].sub)
            continue;
        kl_add_found(L, K_ONZICHTBAAR, L->w[i].start, L->w[i].end);
        return;
    }
}
