/* SPDX-License-Identifier: MIT */
/*
 * The corner guess: which corner of the didactische driehoek a note is about. Dutch
 * notes name who they are about near the start ("Leerling zegt ...", "Juf vraagt ...",
 * "Op het bord staat ..."), so the subject of each sentence weighs most; other role,
 * action and material words add evidence. Words come from corner_words.yaml (embedded)
 * and are matched on Snowball stems, phrases of up to three words included. Quoted
 * speech is ignored: what a learner says is not about the juf because it names her.
 */
#include "kijkronde/corner.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kijkronde/mem.h"
#include "kijkronde/text.h"
#include "kijkronde/ydoc.h"

extern const char kr_data_corner_words[];
extern const size_t kr_data_corner_words_len;

enum word_kind { K_ROLE, K_WORD, K_SPEAK, K_SKIP, K_PREP };

#define MAX_PHRASE 3

struct entry {
    char *stems[MAX_PHRASE];
    size_t n;
    enum word_kind kind;
    enum kr_corner corner; /* NONE for K_SPEAK and K_SKIP */
};

struct kr_corner_classifier {
    struct entry *items; /* sorted by stems[0], then longest phrase first */
    size_t n, cap;
    struct kr_stemmer *stemmer;
    struct kr_token_list toks;
    /* per-call scratch: stems of the words in the note */
    char **words;
    size_t nwords, capwords;
    unsigned char *shape; /* per word: SH_* of its written form */
    size_t capshape;
};

/* Weights, tuned on tests/data/corner_day.tsv (see docs/performance.md). */
#define W_SUBJECT  3.0 /* the subject of a sentence */
#define W_ROLE     0.7 /* any other role word */
#define W_WORD     0.5 /* an action or material word */
#define W_FALLBACK 1.5 /* first person-role word when no subject was found */
#define SMOOTHING  0.4

static int entry_cmp(const void *a, const void *b)
{
    const struct entry *x = a, *y = b;
    int c = strcmp(x->stems[0], y->stems[0]);
    if (c)
        return c;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    for (size_t i = 1; i < x->n; i++) {
        c = strcmp(x->stems[i], y->stems[i]);
        if (c)
            return c;
    }
    return (int)x->kind - (int)y->kind;
}

static size_t stem_into(struct kr_stemmer *s, const char *w, size_t len, char *out, size_t size)
{
    size_t need = kr_stem(s, w, len, out, size);
    return need < size ? need : size - 1;
}

static void add_phrase(struct kr_corner_classifier *c, const char *text, enum word_kind kind,
                       enum kr_corner corner)
{
    struct entry e = {.kind = kind, .corner = corner};
    struct kr_token_list toks = {0};
    kr_tokenize(text, strlen(text), &toks);
    for (size_t i = 0; i < toks.n && e.n < MAX_PHRASE; i++) {
        if (toks.items[i].kind != KR_TOK_WORD)
            continue;
        char buf[128];
        stem_into(c->stemmer, text + toks.items[i].start, toks.items[i].end - toks.items[i].start,
                  buf, sizeof buf);
        e.stems[e.n++] = kr_xstrdup(buf);
    }
    kr_token_list_fini(&toks);
    if (e.n == 0)
        return;
    KR_GROW(c->items, c->cap, c->n + 1);
    c->items[c->n++] = e;
}

static void add_list(struct kr_corner_classifier *c, const struct kr_ynode *seq,
                     enum word_kind kind, enum kr_corner corner)
{
    if (!seq || seq->type != KR_YNODE_SEQ)
        return;
    for (size_t i = 0; i < seq->n; i++)
        if (seq->items[i]->type == KR_YNODE_SCALAR)
            add_phrase(c, seq->items[i]->value, kind, corner);
}

struct kr_corner_classifier *kr_corner_classifier_new(void)
{
    struct kr_corner_classifier *c = kr_xcalloc(1, sizeof *c);
    c->stemmer = kr_stemmer_new();
    struct kr_ydoc *doc = NULL;
    /* The data is part of the program and checked by the unit tests; a failure here is a
     * build defect, and the classifier then still answers (with the fallback corner). */
    if (kr_ydoc_load_mem("corner_words.yaml", kr_data_corner_words, kr_data_corner_words_len, &doc,
                         NULL) == KR_OK &&
        doc->root && doc->root->type == KR_YNODE_MAP) {
        for (enum kr_corner k = KR_CORNER_LEERLING; k <= KR_CORNER_LEERINHOUD; k++) {
            const struct kr_ynode *m = kr_ynode_get(doc->root, kr_corner_str(k));
            if (!m || m->type != KR_YNODE_MAP)
                continue;
            add_list(c, kr_ynode_get(m, "rollen"), K_ROLE, k);
            add_list(c, kr_ynode_get(m, "woorden"), K_WORD, k);
        }
        add_list(c, kr_ynode_get(doc->root, "spreken"), K_SPEAK, KR_CORNER_NONE);
        add_list(c, kr_ynode_get(doc->root, "overslaan"), K_SKIP, KR_CORNER_NONE);
        add_list(c, kr_ynode_get(doc->root, "voorzetsels"), K_PREP, KR_CORNER_NONE);
    }
    kr_ydoc_free(doc);
    if (c->n)
        qsort(c->items, c->n, sizeof *c->items, entry_cmp);
    return c;
}

void kr_corner_classifier_free(struct kr_corner_classifier *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++)
        for (size_t j = 0; j < c->items[i].n; j++)
            free(c->items[i].stems[j]);
    free(c->items);
    for (size_t i = 0; i < c->capwords; i++)
        free(c->words[i]);
    free(c->words);
    free(c->shape);
    kr_token_list_fini(&c->toks);
    kr_stemmer_free(c->stemmer);
    free(c);
}

/* One word of the note after matching: what it is and how many words it spans. */
struct hit {
    enum word_kind kind;
    enum kr_corner corner;
    size_t span;
    int has;   /* matched any entry */
    int speak; /* also a speech/action verb (a word may be both, e.g. "staat") */
    int skip;
    int prep; /* a preposition: a sentence starting with one puts its subject after the verb */
};

/* What the written form of a word tells that its stem does not. */
enum {
    SH_CAP = 1,     /* begins with a capital: a name, when nothing matches it */
    SH_SG_VERB = 2, /* could be a singular present verb: ends in -t ("geeft", "laat", "betrekt") */
    SH_PLURAL = 4,  /* a plural noun form: -en, -ers, -ens, -jes, -'s ("leerlingen", "kleuters") */
    SH_PRONOUN = 8, /* "ze", "zij", "hij": a person whose role the sentence does not name */
    SH_SUB = 16,    /* a subordinating conjunction: the main clause's subject follows its verb */
    SH_FINITE = 32, /* a singular finite verb without -t: "kan", "was", "speelde", "hurkte" */
};

/* The first entry whose first stem is s, or n when none. */
static size_t find_first(const struct kr_corner_classifier *c, const char *s)
{
    size_t lo = 0, hi = c->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(c->items[mid].stems[0], s) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < c->n && strcmp(c->items[lo].stems[0], s) == 0 ? lo : c->n;
}

/*
 * Dutch writes compounds as one word (rekenprogramma, spellingapp, leesboek): an unknown
 * word that ends in a role or plain word of at least three letters counts as that word.
 */
static void match_compound(const struct kr_corner_classifier *c, const char *w, struct hit *h)
{
    size_t wl = strlen(w);
    for (size_t k = 3; k + 3 <= wl; k++) { /* longest part first */
        for (size_t e = find_first(c, w + k); e < c->n && strcmp(c->items[e].stems[0], w + k) == 0;
             e++) {
            const struct entry *en = &c->items[e];
            if (en->n != 1 || (en->kind != K_ROLE && en->kind != K_WORD))
                continue;
            h->has = 1;
            h->kind = en->kind;
            h->corner = en->corner;
            return;
        }
    }
}

/* Is the stem s a person's role ("docent", "kinderen")? */
static bool is_person(const struct kr_corner_classifier *c, const char *s)
{
    for (size_t k = find_first(c, s); k < c->n && strcmp(c->items[k].stems[0], s) == 0; k++)
        if (c->items[k].kind == K_ROLE && c->items[k].n == 1 &&
            c->items[k].corner != KR_CORNER_LEERINHOUD)
            return true;
    return false;
}

/*
 * Match the words in [i, end) starting at i. Longest phrase first; for a single word, a
 * role beats a speech verb beats a plain word, so "leest" can be both word and verb.
 */
static struct hit match_at(const struct kr_corner_classifier *c, char **w, size_t i, size_t end)
{
    struct hit h = {0};
    size_t k = find_first(c, w[i]);
    for (; k < c->n && strcmp(c->items[k].stems[0], w[i]) == 0; k++) {
        const struct entry *e = &c->items[k];
        if (i + e->n > end)
            continue;
        size_t j = 1;
        while (j < e->n && strcmp(e->stems[j], w[i + j]) == 0)
            j++;
        if (j < e->n)
            continue;
        if (e->kind == K_SPEAK && e->n == 1) {
            h.speak = 1;
            continue;
        }
        if (e->kind == K_SKIP && e->n == 1) {
            h.skip = 1;
            continue;
        }
        if (e->kind == K_PREP && e->n == 1) {
            h.prep = h.skip = 1;
            continue;
        }
        if (!h.has || e->n > h.span || (e->n == h.span && e->kind < h.kind)) {
            h.has = 1;
            h.kind = e->kind;
            h.corner = e->corner;
            h.span = e->n;
        }
    }
    /* "alle", "sommige", "enkele", "andere" share their stem with the learners' "allen",
     * "sommigen" ...: written without -en before a person ("sommige docenten"), a determiner,
     * and the person says who. */
    if (h.has && h.kind == K_ROLE && h.skip && h.span == 1 && i + 1 < end &&
        !(c->shape[i] & SH_PLURAL) && is_person(c, w[i + 1]))
        return (struct hit){.skip = 1, .span = 1};
    if (!h.has) {
        h.span = 1;
        match_compound(c, w[i], &h);
    }
    return h;
}

static bool ends_with(const char *s, size_t len, const char *suffix)
{
    size_t n = strlen(suffix);
    return len >= n && strncasecmp(s + len - n, suffix, n) == 0;
}

/* Words ending in -t that are no verb at the start of a sentence. */
static const char *const not_verbs[] = {
    "dat",   "wat",   "dit",  "want",   "omdat", "zodat",   "totdat",  "nadat",
    "opdat", "net",   "echt", "straks", "best",  "meest",   "laatst",  "zelfs",
    "ooit",  "nooit", "vast", "iets",   "niets", "slechts", "liefst",  "recht",
    "met",   "uit",   "tot",  "het",    "niet",  "eerst",   "terwijl", NULL};

/* Closed word classes the subject rules need; matched on the written form, folded. */
static const char *const pronouns[] = {"ze", "zij", "hij", NULL};
static const char *const subordinators[] = {"als",    "wanneer", "toen",   "terwijl", "zodra",
                                            "nadat",  "voordat", "indien", "omdat",   "zodat",
                                            "zolang", "sinds",   "hoewel", NULL};
/* Capitalised first words that are no name: other pronouns and determiners. */
static const char *const not_names[] = {
    "je",  "jij",  "ik",   "we",  "wij", "u",   "mijn", "zijn", "haar", "ons",  "onze",
    "hun", "jouw", "deze", "die", "dit", "dat", "wie",  "wat",  "hier", "daar", NULL};
static const char *const finite_sg[] = {"kan",  "wil",  "mag", "zal",  "had", "was", "is",
                                        "ging", "kwam", "zei", "deed", "zag", "las", NULL};

static bool in_list(const char *const *list, const char *w)
{
    for (size_t k = 0; list[k]; k++)
        if (strcmp(list[k], w) == 0)
            return true;
    return false;
}

static unsigned char word_shape(const char *s, size_t len)
{
    unsigned char sh = len > 0 && s[0] >= 'A' && s[0] <= 'Z' ? SH_CAP : 0;
    bool t_end = len >= 3 && (s[len - 1] == 't' || s[len - 1] == 'T');
    bool short_word = len <= 7; /* the closed classes below have no longer word */
    char low[32];
    /* Folding and the lists only where they can match: this runs for every word of every note. */
    if (len < sizeof low && (t_end || short_word) &&
        kr_fold(s, len, low, sizeof low) < sizeof low) {
        if (t_end && !in_list(not_verbs, low))
            sh |= SH_SG_VERB;
        if (short_word && in_list(pronouns, low))
            return sh | SH_PRONOUN; /* none of these is a plural or a past */
        if (short_word && in_list(not_names, low))
            return sh & (unsigned char)~SH_CAP;
        if (short_word && in_list(subordinators, low))
            return sh | SH_SUB;
        if (short_word && in_list(finite_sg, low))
            return sh | SH_FINITE;
    }
    if (ends_with(s, len, "heid") || ends_with(s, len, "ing") || ends_with(s, len, "isme") ||
        ends_with(s, len, "tie") || ends_with(s, len, "teit"))
        sh &= (unsigned char)~SH_CAP; /* an abstract noun's suffix says: no name */
    else if (len >= 6 && (ends_with(s, len, "de") || ends_with(s, len, "te")))
        sh |= SH_FINITE; /* a weak past: "speelde", "hurkte" */
    if (ends_with(s, len, "en") || ends_with(s, len, "ers") || ends_with(s, len, "ens") ||
        ends_with(s, len, "jes") || ends_with(s, len, "'s") || ends_with(s, len, "\xe2\x80\x99s") ||
        (len == 3 && strncasecmp(s, "lln", 3) == 0))
        sh |= SH_PLURAL;
    return sh;
}

/*
 * A sentence of an observation form, without a subject: a singular verb first ("Geeft
 * feedback aan de leerlingen", "Laat leerlingen hardop denken", "Betrekt alle leerlingen bij
 * de les") whose first person named is plural learners. A plural cannot be the subject of a
 * singular verb, so the learners are its object and the one who acts is the adult. "Kijkt
 * een leerling vaak op" (singular) keeps the learner as its subject. first: the hit of the
 * sentence's first word; person: the index of its first person's role (to: none).
 */
static bool implicit_adult(const struct kr_corner_classifier *c, size_t from, struct hit first,
                           size_t person, size_t to, enum kr_corner person_corner)
{
    return (c->shape[from] & SH_SG_VERB) && !(first.has && first.kind == K_ROLE) &&
           !((first.skip || first.prep) && !first.speak) && person < to &&
           person_corner == KR_CORNER_LEERLING && (c->shape[person] & SH_PLURAL);
}

/*
 * A person the sentence names without a role word: a pronoun ("Ze praat met de kinderen") or a
 * name ("Karen speelde in op ...") as the subject of a singular verb, first in the sentence, or
 * right after the verb of the main clause when a phrase or a clause comes first ("Als ..., ruimt ze
 * de bolderkar op", "Tijdens ... kijkt ze"). Who it is follows from the other persons the sentence
 * names: plural learners cannot be the subject of a singular verb, so it is someone else, an adult;
 * an adult named after it is someone else too, so it is a pupil. An adult named before a pronoun
 * may be the one it stands for ("Als de juf het vraagt, legt ze ..."), so it decides nothing then;
 * a name stands for itself.
 */
struct bare_subject {
    size_t at;        /* the pronoun or name; the sentence's end when none */
    int name;         /* a name rather than a pronoun */
    int learners;     /* plural learners named, not "andere kinderen" (peers) */
    int peers;        /* "andere kinderen": the subject is one of them */
    int adult_before; /* an adult's role before it */
    int adult_after;  /* an adult's role after it */
    size_t verb;      /* its verb */
    int other;        /* a role or pronoun right after the verb of a name: that is the subject
                       * ("Ondertussen loopt de juf rond"), the first word no name */
};

#define SH_VERB_SG (SH_SG_VERB | SH_FINITE)

/* Is word i the bare subject? h: its hit; first: the hit of the sentence's first word. */
static void bare_subject_at(const struct kr_corner_classifier *c, size_t from, size_t i, size_t to,
                            struct hit h, struct hit first, int subject_found,
                            struct bare_subject *b)
{
    if (b->at != to || subject_found)
        return;
    const unsigned char *sh = c->shape;
    bool verb_next = i + 1 < to && (sh[i + 1] & SH_VERB_SG) && !is_person(c, c->words[i + 1]);
    bool inverted = i > from + 1 && (first.prep || (sh[from] & SH_SUB)) && (sh[i - 1] & SH_VERB_SG);
    bool name = (sh[i] & SH_CAP) && !h.has && !h.skip && !h.speak;
    if ((sh[i] & SH_PRONOUN) && ((i == from && verb_next) || inverted)) {
        b->at = i;
    } else if (name && inverted) {
        b->at = i; /* "..., steekt Sinem haar hand op" */
        b->name = 1;
    } else if (name && i == from) {
        size_t v = i + 1; /* "Karen hurkt", "Julian Faber heeft" */
        if (v + 1 < to && (sh[v] & SH_CAP) && !is_person(c, c->words[v]))
            v += !verb_next;
        if (v < to && (sh[v] & SH_VERB_SG) && !is_person(c, c->words[v])) {
            b->at = i;
            b->name = 1;
            b->verb = v;
            b->other = v + 1 < to && (sh[v + 1] & SH_PRONOUN);
        }
    }
}

/* Count the person with role word i (corner k) for the bare subject. */
static void bare_subject_role(const struct kr_corner_classifier *c, size_t from, size_t i,
                              enum kr_corner k, struct bare_subject *b)
{
    /* A plural after the singular verb is its object ("Bram heeft de kinderen verdeeld"). */
    if (b->name && b->verb && b->at < i && !(c->shape[i] & SH_PLURAL) &&
        (i == b->verb + 1 || (i == b->verb + 2 && (strcmp(c->words[i - 1], "de") == 0 ||
                                                   strcmp(c->words[i - 1], "het") == 0 ||
                                                   strcmp(c->words[i - 1], "een") == 0))))
        b->other = 1;
    if (k == KR_CORNER_LEERLING && i > from && strcmp(c->words[i - 1], "ander") == 0)
        b->peers = 1; /* "met de andere kinderen": others of the subject's own kind */
    else if (k == KR_CORNER_LEERLING && (c->shape[i] & SH_PLURAL))
        b->learners = 1;
    else if (k == KR_CORNER_LERAAR && b->at < i)
        b->adult_after = 1;
    else if (k == KR_CORNER_LERAAR)
        b->adult_before = 1;
}

static enum kr_corner bare_subject_corner(const struct bare_subject *b, size_t to)
{
    if (b->at == to || b->other)
        return KR_CORNER_NONE;
    int adult = b->adult_after || (b->name && b->adult_before);
    if (b->learners && !b->adult_after && !(b->name && b->adult_before))
        return KR_CORNER_LERAAR;
    if ((adult || b->peers) && !b->learners)
        return KR_CORNER_LEERLING;
    if (b->name && !b->learners && !b->adult_before && !b->adult_after)
        return KR_CORNER_LEERLING; /* notes name pupils far more often than adults */
    return KR_CORNER_NONE;
}

static void push_word(struct kr_corner_classifier *c, const char *s, size_t len)
{
    if (c->nwords == c->capwords) {
        size_t old = c->capwords;
        KR_GROW(c->words, c->capwords, c->nwords + 1);
        for (size_t i = old; i < c->capwords; i++)
            c->words[i] = NULL;
    }
    char buf[128];
    stem_into(c->stemmer, s, len, buf, sizeof buf);
    free(c->words[c->nwords]);
    KR_GROW(c->shape, c->capshape, c->nwords + 1);
    c->shape[c->nwords] = word_shape(s, len);
    c->words[c->nwords++] = kr_xstrdup(buf);
}

/* Score one sentence: words[from, to) of the note; decay for later sentences. */
static void score_sentence(const struct kr_corner_classifier *c, size_t from, size_t to,
                           double decay, double score[KR_CORNER_COUNT])
{
    enum kr_corner subject = KR_CORNER_NONE;
    enum kr_corner first_person = KR_CORNER_NONE;
    int at_start = 1;   /* still before the first content word */
    int prev_speak = 0; /* previous word was a speech/action verb */
    enum kr_corner prev_role = KR_CORNER_NONE;
    size_t subject_pos = to;
    int prep_start = 0; /* "Op de vraag wat ze leren zegt een leerling ...": subject after verb */
    int inverted = 0;   /* the subject was found after a speech verb */
    int after_prep = 0; /* the last word that was no article was a preposition */
    int object_learner = 0; /* "... leest voor aan de peuters": a learner the action is for */
    int name_seen = 0;      /* a name inside the sentence */
    int pronoun_seen = 0;   /* "roept ze alle kinderen": a personal pronoun before any role */
    struct hit first = {0}; /* the first word's hit, and the first person (implicit_adult) */
    size_t person = to;
    enum kr_corner person_corner = KR_CORNER_NONE;
    struct bare_subject bare = {.at = to};
    for (size_t i = from; i < to;) {
        struct hit h = match_at(c, c->words, i, to);
        /* "per tweetal", "per leerling": a share for each, not someone who acts; what is shared
         * says the corner ("Per tweetal een doosje met ...", "de opgaven verschillen per
         * leerling"). */
        if (h.has && h.kind == K_ROLE && h.corner == KR_CORNER_LEERLING && i > from &&
            strcmp(c->words[i - 1], "per") == 0)
            h = (struct hit){.skip = 1, .span = h.span};
        int is_role = h.has && h.kind == K_ROLE;
        if (i == from)
            first = h;
        bare_subject_at(c, from, i, to, h, first, subject_pos != to, &bare);
        if (is_role && h.corner != KR_CORNER_LEERINHOUD)
            bare_subject_role(c, from, i, h.corner, &bare);
        if (is_role && h.corner != KR_CORNER_LEERINHOUD && person == to) {
            person = i;
            person_corner = h.corner;
        }
        if (!h.has && !subject && !first_person &&
            (strcmp(c->words[i], "ze") == 0 || strcmp(c->words[i], "zij") == 0 ||
             strcmp(c->words[i], "hij") == 0))
            pronoun_seen = 1;
        if (is_role && h.corner == KR_CORNER_LEERLING && (after_prep || pronoun_seen) &&
            !at_start && !subject) {
            /* Someone does something with or for the learners, or a pronoun acts on them ("roept
             * ze alle kinderen naar binnen"): an adult, unless a name says who (a name may be a
             * pupil's: "Hans antwoordt voor de klas"). Not a subject, and not the first person
             * either ("Met een maatje leest ze" starts with the preposition). */
            object_learner = 1;
            score[h.corner] += W_ROLE * decay;
            after_prep = 0;
            i += h.span;
            continue;
        }
        if (h.prep && !at_start)
            after_prep = 1;
        else if (!h.skip)
            after_prep = 0;
        if (i == from && h.prep)
            prep_start = 1;
        if (is_role && prev_speak && !inverted && prep_start && h.corner != KR_CORNER_LEERINHOUD) {
            subject = h.corner; /* overrides the noun inside the opening phrase */
            subject_pos = i;
            inverted = 1;
        } else if (is_role && !subject && (at_start || prev_speak)) {
            subject = h.corner;
            subject_pos = i;
        } else if (h.speak && prev_role && !subject) {
            subject = prev_role; /* "... de juf vraagt" */
        }
        if (is_role && h.corner != KR_CORNER_LEERINHOUD && !first_person)
            first_person = h.corner;
        /* A capitalised word nothing matches, inside the sentence: a name ("heeft Aiko een
         * regenworm"). Notes name pupils far more often than adults; only a fallback. */
        if (!h.has && !h.skip && !h.speak && i != from && (c->shape[i] & SH_CAP))
            name_seen = 1;
        if (h.has && i != subject_pos) {
            double w = h.kind == K_ROLE ? W_ROLE : W_WORD;
            score[h.corner] += w * decay;
        }
        if (!h.skip && !(h.has && h.kind == K_SKIP))
            at_start = 0;
        if (!h.skip) { /* "zegt een leerling": articles do not break the link */
            prev_speak = h.speak;
            prev_role = is_role ? h.corner : KR_CORNER_NONE;
        }
        i += h.span;
    }
    enum kr_corner bare_corner = bare_subject_corner(&bare, to);
    if (bare_corner)
        score[bare_corner] += W_SUBJECT * decay;
    else if (implicit_adult(c, from, first, person, to, person_corner))
        score[KR_CORNER_LERAAR] += W_SUBJECT * decay;
    else if (subject)
        score[subject] += W_SUBJECT * decay;
    else if (object_learner && first_person != KR_CORNER_LEERLING && !name_seen)
        score[KR_CORNER_LERAAR] += W_FALLBACK * decay;
    else if (first_person)
        score[first_person] += (W_FALLBACK - W_ROLE) * decay;
    else if (name_seen)
        score[KR_CORNER_LEERLING] += W_FALLBACK * decay;
}

static int is_sentence_end(const char *t, const struct kr_token *tok)
{
    if (tok->kind != KR_TOK_PUNCT || tok->quoted || tok->end - tok->start != 1)
        return 0;
    char ch = t[tok->start];
    return ch == '.' || ch == '!' || ch == '?' || ch == ';' || ch == ':';
}

/* "je", "jij", "jou", "jouw", "jullie": the speaker addresses someone. */
static bool is_second_person(const char *w, size_t len)
{
    static const char *const second[] = {"je", "jij", "jou", "jouw", "jullie", NULL};
    char low[8];
    return len <= 6 && kr_fold(w, len, low, sizeof low) < sizeof low && in_list(second, low);
}

struct kr_corner_guess kr_corner_guess(struct kr_corner_classifier *c, const char *text, size_t len)
{
    bool addressed = false; /* quoted speech in the second person */
    double score[KR_CORNER_COUNT] = {0};
    kr_tokenize(text, len, &c->toks);
    c->nwords = 0;
    size_t sentence = 0, from = 0;
    for (size_t t = 0; t <= c->toks.n; t++) {
        const struct kr_token *tok = t < c->toks.n ? &c->toks.items[t] : NULL;
        if (!tok || is_sentence_end(text, tok)) {
            if (c->nwords > from) {
                score_sentence(c, from, c->nwords, 1.0 / (1.0 + 0.5 * (double)sentence), score);
                sentence++;
            }
            from = c->nwords;
            continue;
        }
        if (tok->quoted && tok->kind == KR_TOK_WORD && !addressed)
            addressed = is_second_person(text + tok->start, tok->end - tok->start);
        if (tok->quoted || (tok->kind != KR_TOK_WORD && tok->kind != KR_TOK_NUMBER))
            continue;
        if (tok->kind == KR_TOK_NUMBER)
            push_word(c, "1", 1); /* numbers are skipped like telwoorden */
        else
            push_word(c, text + tok->start, tok->end - tok->start);
    }
    /* Only speech and no speaker: speech that addresses someone ("Scalpel altijd van je af")
     * is what the adult says to the class; the speech of pupils comes with who said it. */
    if (c->nwords == 0 && addressed)
        score[KR_CORNER_LERAAR] += W_FALLBACK;
    struct kr_corner_guess g = {KR_CORNER_LEERLING, 0.0};
    double total = 0, best = -1;
    for (enum kr_corner k = KR_CORNER_LEERLING; k <= KR_CORNER_LEERINHOUD; k++) {
        total += score[k] + SMOOTHING;
        if (score[k] > best) {
            best = score[k];
            g.corner = k;
        }
    }
    g.confidence = (best + SMOOTHING) / total;
    return g;
}
