/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target from typed text through the store into the exports for people: md,
 * html and csv, each with and without schuilnamen (pseudonymise). The input is split at
 * NUL bytes into the host school, a visit label, a tweetal name and up to 12 notes;
 * they are stored through the public store API as the TUI would (a note that is not
 * UTF-8 is refused there, as in the TUI), four notes also carry a planted pupil's or
 * teacher's name. Every output must hold:
 * - no control character: C0 other than \n and \t (and \r only in the csv's \r\n), DEL,
 *   C1, U+2028/9, bidi overrides and isolates; valid UTF-8 throughout;
 * - html: no tag but the writer's own, no '&' but the five entities escape.c writes,
 *   none of the planted markup; md: '<' and '&' only escaped; csv: every record has the
 *   same number of fields and no field starts like a formula;
 * - md and html: the planted names "Fatima" (after "juf") and "Jan" (before "steekt")
 *   never; with schuilnamen also in the csv;
 * - with schuilnamen: the school, the visit label and the tweetal name never as a whole
 *   word (ASCII case-insensitive, as summary.c replaces them) in any output, unless the
 *   name is too short (< 3 bytes) or part of the fixed wording anyway.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kijkronde/check.h"
#include "kijkronde/corner.h"
#include "kijkronde/exchange.h"
#include "kijkronde/mem.h"
#include "kijkronde/store.h"
#include "kijkronde/utf8.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_NOTES 12
#define MAX_FIELD 400

static const char JUF[] = "juf Fatima legt de som uit. ";
static const char JAN[] = "Jan steekt zijn vinger op. ";
static const char AT[] = "2026-03-12T09:14:05+01:00";

/* Fixed wording every export may hold: a name found in it is not checked for leaks. */
static char *fixed_text;

#define FAIL(why)                                                                                  \
    do {                                                                                           \
        fprintf(stderr, "fuzz_summary: %s\n", why);                                                \
        abort();                                                                                   \
    } while (0)

/* ASCII case-insensitive a[0..n) == b[0..n) (no libc call: the fuzzer's interceptors
 * would trace every one of these comparisons). */
static int ci_eq(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
            return 0;
    return 1;
}

/* Does name occur in out[0..len) as a whole word, ASCII case-insensitive? */
static const char *whole_word(const char *out, size_t len, const char *name)
{
    size_t nl = strlen(name);
    if (!nl || nl > len)
        return NULL;
    int c0 = tolower((unsigned char)name[0]);
    for (size_t i = 0; i + nl <= len; i++) {
        if (tolower((unsigned char)out[i]) != c0 || !ci_eq(out + i, name, nl))
            continue;
        uint32_t before = ' ', after = ' ';
        if (i > 0) {
            size_t p = kr_utf8_prev(out, i);
            kr_utf8_decode(out + p, i - p, &before);
        }
        if (i + nl < len)
            kr_utf8_decode(out + i + nl, len - i - nl, &after);
        if (kr_utf8_is_word(before) || kr_utf8_is_word(after))
            continue;
        return out + i;
    }
    return NULL;
}

static int contains_ci(const char *hay, const char *needle)
{
    size_t nl = strlen(needle), hl = strlen(hay);
    for (size_t i = 0; i + nl <= hl; i++)
        if (ci_eq(hay + i, needle, nl))
            return 1;
    return 0;
}

static int has(const char *s, size_t len, const char *needle)
{
    size_t nl = strlen(needle);
    for (size_t i = 0; i + nl <= len; i++)
        if (s[i] == needle[0] && strncmp(s + i, needle, nl) == 0)
            return 1;
    return 0;
}

static void no_controls(const char *s, size_t len, int csv)
{
    if (!kr_utf8_valid(s, len, NULL))
        FAIL("an export is not valid UTF-8");
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = kr_utf8_decode(s + i, len - i, &cp);
        if (cp == '\r' && csv && i + 1 < len && s[i + 1] == '\n')
            ;
        else if (cp != '\n' && cp != '\t' && kr_utf8_is_control(cp))
            FAIL("a control character in an export");
        i += n;
    }
}

static const char *const HTML_TAGS[] = {
    "!DOCTYPE", "html", "head",    "meta",   "title",  "style",   "body",    "header",
    "p",        "h1",   "h2",      "h3",     "h4",     "section", "dl",      "dt",
    "dd",       "svg",  "polygon", "circle", "text",   "div",     "article", "span",
    "ul",       "li",   "strong",  "small",  "table",  "thead",   "tbody",   "tr",
    "th",       "td",   "br",      "code",   "footer", NULL};

static void html_ok(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '<') {
            size_t j = i + 1 + (i + 1 < len && s[i + 1] == '/');
            size_t k = j;
            while (k < len && (s[k] == '!' || (s[k] >= 'a' && s[k] <= 'z') ||
                               (s[k] >= 'A' && s[k] <= 'Z') || (s[k] >= '0' && s[k] <= '9')))
                k++;
            int known = 0;
            for (size_t t = 0; HTML_TAGS[t] && !known; t++)
                known = strlen(HTML_TAGS[t]) == k - j && strncmp(s + j, HTML_TAGS[t], k - j) == 0;
            if (!known || (k < len && s[k] != '>' && s[k] != ' ' && s[k] != '\n' && s[k] != '/'))
                FAIL("a tag in the html that the writer does not write");
        } else if (s[i] == '&') {
            static const char *const ent[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;", NULL};
            int known = 0;
            for (size_t t = 0; ent[t] && !known; t++)
                known = strncmp(s + i, ent[t], strlen(ent[t])) == 0;
            if (!known)
                FAIL("a raw '&' in the html");
        }
    }
    static const char *const raw[] = {"<script", "<b>", "<b ", "<img", "<a ", "<iframe", NULL};
    for (size_t t = 0; raw[t]; t++)
        if (has(s, len, raw[t]))
            FAIL("markup from a note reached the html");
}

static void md_ok(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((s[i] == '<' || s[i] == '&' || s[i] == '[' || s[i] == ']' || s[i] == '`') &&
            (i == 0 || s[i - 1] != '\\'))
            FAIL("unescaped Markdown syntax from a text");
}

/* Parse the csv (after its BOM): every record as many fields as the header, each quoted,
 * no field starting like a formula. */
static void csv_ok(const char *s, size_t len)
{
    if (len < 3 || memcmp(s, "\xEF\xBB\xBF", 3) != 0)
        FAIL("csv without BOM");
    size_t i = 3, fields = 0, want = 0, records = 0;
    while (i < len) {
        if (s[i] != '"')
            FAIL("a csv field that is not quoted");
        i++;
        if (i < len && strchr("=+-@\t\r", s[i]))
            FAIL("a csv field that starts like a formula");
        for (;;) {
            if (i >= len)
                FAIL("an unterminated csv field");
            if (s[i] == '"') {
                if (i + 1 < len && s[i + 1] == '"') {
                    i += 2;
                    continue;
                }
                i++;
                break;
            }
            i++;
        }
        fields++;
        if (i < len && s[i] == ';') {
            i++;
            continue;
        }
        if (i + 1 < len && s[i] == '\r' && s[i + 1] == '\n') {
            i += 2;
            if (records++ == 0)
                want = fields;
            else if (fields != want)
                FAIL("a csv record with another number of fields");
            fields = 0;
            continue;
        }
        FAIL("garbage after a csv field");
    }
    if (fields)
        FAIL("a csv record without \\r\\n");
}

/* ---- one checker for every export ---- */

/*
 * Each export builds the zonder-oordeel checker afresh (lexicon parsed, every entry
 * stemmed): most of an export's time under the sanitizers. The build links this target
 * with --wrap for the two functions, so every export shares one checker, made as the
 * first export would make it: the runs then get through many more inputs.
 */
enum kr_status __real_kr_checker_new_network(struct kr_checker **out, struct kr_error *err);
void __real_kr_checker_free(struct kr_checker *c);
enum kr_status __wrap_kr_checker_new_network(struct kr_checker **out, struct kr_error *err);
void __wrap_kr_checker_free(struct kr_checker *c);

static struct kr_checker *shared_checker;

enum kr_status __wrap_kr_checker_new_network(struct kr_checker **out, struct kr_error *err)
{
    if (!shared_checker) {
        enum kr_status r = __real_kr_checker_new_network(&shared_checker, err);
        if (r != KR_OK)
            return r;
    }
    *out = shared_checker;
    return KR_OK;
}

void __wrap_kr_checker_free(struct kr_checker *c)
{
    if (c != shared_checker)
        __real_kr_checker_free(c);
}

/* The corner classifier that the patterns build per export (its word lists parsed and
 * stemmed), shared the same way. */
struct kr_corner_classifier *__real_kr_corner_classifier_new(void);
void __real_kr_corner_classifier_free(struct kr_corner_classifier *c);
struct kr_corner_classifier *__wrap_kr_corner_classifier_new(void);
void __wrap_kr_corner_classifier_free(struct kr_corner_classifier *c);

static struct kr_corner_classifier *shared_classifier;

struct kr_corner_classifier *__wrap_kr_corner_classifier_new(void)
{
    if (!shared_classifier)
        shared_classifier = __real_kr_corner_classifier_new();
    return shared_classifier;
}

void __wrap_kr_corner_classifier_free(struct kr_corner_classifier *c)
{
    if (c != shared_classifier)
        __real_kr_corner_classifier_free(c);
}

/* ---- the store ---- */

static char *export(struct kr_store *st, const char *sid, enum kr_export_format f, bool pseudo,
                    size_t *len)
{
    char *buf = NULL;
    FILE *mf = open_memstream(&buf, len);
    struct kr_export_opts o = {.pseudonymise = pseudo};
    struct kr_error err;
    if (!mf)
        abort();
    if (kr_export_session(st, sid, f, &o, mf, &err) != KR_OK)
        FAIL(err.msg);
    fclose(mf);
    return buf;
}

struct input {
    char *school, *label, *pair;
    char *notes[MAX_NOTES];
    size_t n_notes;
};

/* A new session in st with visit and notes from in; its id (heap) or NULL when the store
 * refused something the TUI would not have let through either. */
static char *fill(struct kr_store *st, const struct input *in)
{
    struct kr_error err;
    struct kr_session s = {.date = "2026-03-12",
                           .host_school = in->school,
                           .kijkvraag_text = "Wat doen leerlingen als ze vastlopen?"};
    if (kr_store_session_add(st, &s, &err) != KR_OK)
        return NULL;
    struct kr_tweetal t = {.session_id = s.id, .name = in->pair};
    struct kr_visit v = {.session_id = s.id, .label = in->label};
    struct kr_observation o = {0};
    char *ok = NULL;
    if (in->pair && kr_store_tweetal_add(st, &t, &err) != KR_OK)
        goto out;
    v.tweetal_id = t.id;
    v.started_at = "2026-03-12T09:00:00+01:00";
    if (kr_store_visit_add(st, &v, &err) != KR_OK)
        goto out;
    for (size_t i = 0; i < in->n_notes; i++) {
        o = (struct kr_observation){.visit_id = v.id,
                                    .at = (char *)AT,
                                    .text = in->notes[i],
                                    .corner = (enum kr_corner)(i % KR_CORNER_COUNT),
                                    .observer = in->pair};
        enum kr_status r = kr_store_obs_add(st, &o, &err);
        free(o.id);
        free(o.created_at);
        free(o.updated_at);
        if (r != KR_OK && r != KR_INVALID)
            FAIL(err.msg);
    }
    ok = s.id;
    s.id = NULL;
out:
    free(s.id);
    free(t.id);
    free(v.id);
    free(s.created_at);
    free(s.updated_at);
    return ok;
}

static struct kr_store *store;

/* The exports of a plain session, as the fixed wording the checks may meet. */
static void learn_fixed_text(void)
{
    struct input in = {.school = "Qzx", .label = "Qzy", .pair = "Qzw", .n_notes = 4};
    in.notes[0] = "De leerlingen pakken een blokje en tellen hardop.";
    in.notes[1] = "De leerlingen pakken een blokje en tellen zacht.";
    in.notes[2] = "juf Fatima legt de som uit.";
    in.notes[3] = "Jan steekt zijn vinger op. Pim en Anna vragen: waarom?";
    char *sid = fill(store, &in);
    if (!sid)
        FAIL("the plain session was refused");
    struct kr_buf b = {0};
    for (int f = KR_EXPORT_MD; f <= KR_EXPORT_CSV; f++)
        for (int p = 0; p < 2; p++) {
            size_t len;
            char *out = export(store, sid, (enum kr_export_format)f, p, &len);
            kr_buf_append(&b, out, len);
            free(out);
        }
    kr_buf_puts(&b, "School A het leernetwerk groep A tweetal A een waarnemer een leerling "
                    "Een leerling Leerling A leerling B juf Niet geplaatst vervolgbijeenkomst "
                    "startbijeenkomst overeenkomst verschil Notities met een oordeel bevat een "
                    "oordeel zijn staan is notitie notities klassenbezoeken nee ja 10 11 12 "
                    "&amp; &lt; &gt; &quot; &#39;");
    kr_buf_puts(&b, JUF);
    kr_buf_puts(&b, JAN);
    fixed_text = kr_buf_steal(&b);
    for (char *c = fixed_text; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    free(sid);
}

static char dir[] = "/tmp/fuzz_summary-XXXXXX";

static void remove_dir(void)
{
    rmdir(dir); /* nothing is written into it */
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    /* No user lexicon or config of whoever runs the fuzzer. */
    if (!mkdtemp(dir))
        abort();
    atexit(remove_dir);
    setenv("XDG_DATA_HOME", dir, 1);
    setenv("XDG_CONFIG_HOME", dir, 1);
    setenv("XDG_DATA_DIRS", dir, 1);
    struct kr_error err;
    if (kr_store_open(":memory:", &store, &err) != KR_OK)
        FAIL(err.msg);
    learn_fixed_text();
    kr_store_close(store);
    store = NULL;
    return 0;
}

/* The name as stored (NFC), when the leak check applies to it. */
static int checkable(const char *name)
{
    if (!name || strlen(name) < 3)
        return 0;
    char *lower = strdup(name);
    for (char *c = lower; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    int fixed = strstr(fixed_text, lower) != NULL; /* fixed_text is in lower case */
    free(lower);
    return !fixed;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* Split at NUL into school, label, pair and notes. */
    char *fields[3 + MAX_NOTES] = {0};
    size_t nf = 0, start = 0;
    for (size_t i = 0; i <= size && nf < 3 + MAX_NOTES; i++)
        if (i == size || data[i] == 0) {
            size_t n = i - start < MAX_FIELD * 8 ? i - start : MAX_FIELD * 8;
            if (nf < 3 && n > MAX_FIELD)
                n = MAX_FIELD;
            fields[nf] = malloc(n + sizeof JUF + 1);
            memcpy(fields[nf], data + start, n);
            fields[nf][n] = 0;
            nf++;
            start = i + 1;
        }
    struct input in = {.school = fields[0] && *fields[0] ? fields[0] : NULL,
                       .label = fields[1] ? fields[1] : "",
                       .pair = fields[2] && *fields[2] ? fields[2] : NULL};
    for (size_t k = 3; k < nf; k++)
        in.notes[in.n_notes++] = fields[k];
    /* The planted names: the first four notes behind "juf Fatima" or "Jan" (so they may
     * make a pattern, whose label is made of their words). When
     * the input names them itself ("de Jan", "fatima"), the planted check does not apply:
     * only a name in the planted form is promised to be found. */
    int planted = 1;
    for (size_t k = 0; k < in.n_notes; k++)
        if (contains_ci(in.notes[k], "Fatima") || contains_ci(in.notes[k], "Jan"))
            planted = 0;
    for (size_t k = 0; k < in.n_notes && k < 4; k++) {
        const char *p = k % 2 == 0 ? JUF : JAN;
        size_t pl = strlen(p), tl = strlen(in.notes[k]);
        memmove(in.notes[k] + pl, in.notes[k], tl + 1);
        memcpy(in.notes[k], p, pl);
    }
    /* A store of its own per run: the run frees all it allocates, so libFuzzer's leak
     * check (a full heap scan) only runs on a real leak, and old runs slow nothing down. */
    struct kr_error err;
    if (kr_store_open(":memory:", &store, &err) != KR_OK)
        FAIL(err.msg);
    char *sid = fill(store, &in);
    if (!sid)
        goto out;

    /* The names as the store keeps them. */
    struct kr_session s = {0};
    struct kr_visit_list vl = {0};
    if (kr_store_session_get(store, sid, &s, &err) != KR_OK ||
        kr_store_visit_list(store, sid, &vl, &err) != KR_OK || vl.n != 1)
        FAIL("the session cannot be read back");
    const char *names[3] = {s.host_school, vl.items[0].label, vl.items[0].tweetal_name};
    /* A name that is part of the planted sentences may change them (a swap in "juf
     * Fatima"): the planted names are then not checked. */
    int check[3];
    for (int k = 0; k < 3; k++)
        check[k] = checkable(names[k]);
    for (int k = 0; k < 3; k++)
        if (names[k] && *names[k] &&
            (contains_ci(JUF, names[k]) || contains_ci(JAN, names[k]) ||
             contains_ci(names[k], "Fatima") || contains_ci(names[k], "Jan")))
            planted = 0; /* or the school is called "Jan": printed as it is */

    /* Each run writes the three formats once, with or without schuilnamen by the parity of
     * the input's length: half the exports of both, twice the runs. */
    int p = (int)(size & 1);
    for (int f = KR_EXPORT_MD; f <= KR_EXPORT_CSV; f++) {
        size_t len;
        const char *hit;
        char *out = export(store, sid, (enum kr_export_format)f, p, &len);
        no_controls(out, len, f == KR_EXPORT_CSV);
        if (f == KR_EXPORT_HTML)
            html_ok(out, len);
        else if (f == KR_EXPORT_MD)
            md_ok(out, len);
        else
            csv_ok(out, len);
        if (planted && (f != KR_EXPORT_CSV || p) &&
            ((hit = whole_word(out, len, "Fatima")) || (hit = whole_word(out, len, "Jan")))) {
            size_t at = (size_t)(hit - out), from = at > 60 ? at - 60 : 0;
            fprintf(stderr, "format %d, schuilnamen %d in: %.*s\n", f, p, (int)(at - from + 30),
                    out + from);
            FAIL("a planted pupil's or teacher's name reached an export");
        }
        for (int k = 0; p && k < 3; k++)
            if (check[k] && (hit = whole_word(out, len, names[k]))) {
                size_t at = (size_t)(hit - out), from = at > 60 ? at - 60 : 0;
                fprintf(stderr, "format %d, name '%s' in: %.*s\n", f, names[k],
                        (int)(at - from + strlen(names[k]) + 20), out + from);
                FAIL("a name that schuilnamen replace reached an export");
            }
        free(out);
    }
    kr_session_fini(&s);
    kr_visit_list_fini(&vl);
    free(sid);
out:
    kr_store_close(store);
    store = NULL;
    for (size_t k = 0; k < nf; k++)
        free(fields[k]);
    return 0;
}
