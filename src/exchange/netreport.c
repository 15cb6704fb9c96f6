/* SPDX-License-Identifier: MIT */
/*
 * Loading a network for its report (src/exchange/netreport.h): its bijeenkomsten in date
 * order, each with its notes and patterns (the group's decisions applied, judging notes
 * marked by the zonder-oordeel check), its next steps, and the recurring patterns across
 * them; every text as it reaches the reader (pseudonyms when asked, names replaced). Also
 * the entry points of include/kijkronde/network_report.h.
 */
#include "netreport.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "exchange_internal.h"
#include "kijkronde/check.h"
#include "kijkronde/mem.h"
#include "kijkronde/names.h"
#include "kijkronde/utf8.h"

/* Is s[off] inside a word (a letter, digit or any non-ASCII byte of one)? */
static bool wordy(const char *s, size_t len, size_t off)
{
    if (off >= len)
        return false;
    unsigned char c = (unsigned char)s[off];
    return isalnum(c) || c >= 0x80;
}

/* text with every whole-word, ASCII-case-insensitive swap replaced, then names: heap. */
static char *shown(const struct kr_netrep *r, const char *text)
{
    if (!text)
        return NULL;
    struct kr_buf b = {0};
    size_t len = strlen(text), i = 0;
    while (i < len) {
        bool done = false;
        for (size_t k = 0; k < r->n_swaps && (i == 0 || !wordy(text, len, i - 1)); k++) {
            size_t n = strlen(r->swaps[k].from);
            if (n && n <= len - i && strncasecmp(text + i, r->swaps[k].from, n) == 0 &&
                !wordy(text, len, i + n)) {
                kr_buf_puts(&b, r->swaps[k].to);
                i += n;
                done = true;
                break;
            }
        }
        if (!done)
            kr_buf_putc(&b, text[i++]);
    }
    char *t = kr_buf_steal(&b);
    char *u = kr_names_replace(t);
    free(t);
    return u;
}

char *kr_netrep_note_text(const struct kr_netrep *r, size_t session, size_t note)
{
    return shown(r, r->sessions[session].refl.obs.items[note].text);
}

size_t kr_netrep_session_of(const struct kr_netrep *r, const char *id)
{
    for (size_t i = 0; id && i < r->n_sessions; i++)
        if (strcmp(r->sessions[i].s.id, id) == 0)
            return i;
    return SIZE_MAX;
}

static int by_from_len(const void *a, const void *b)
{
    size_t x = strlen(((const struct kr_netrep_swap *)a)->from);
    size_t y = strlen(((const struct kr_netrep_swap *)b)->from);
    return x < y ? 1 : x > y ? -1 : 0;
}

/* The pseudonyms: each host school in order of its first bijeenkomst, the network's name. */
static void make_swaps(struct kr_netrep *r)
{
    size_t cap = 0, schools = 0;
    for (size_t i = 0; i < r->n_sessions; i++) {
        const char *h = r->sessions[i].s.host_school;
        if (!h || !*h)
            continue;
        bool seen = false;
        for (size_t k = 0; k < r->n_swaps && !seen; k++)
            seen = strcasecmp(r->swaps[k].from, h) == 0;
        if (seen)
            continue;
        char code[24];
        size_t n = schools++;
        if (n < 26)
            snprintf(code, sizeof code, "%c", (char)('A' + n));
        else
            snprintf(code, sizeof code, "%zu", n + 1);
        KR_GROW(r->swaps, cap, r->n_swaps + 1);
        r->swaps[r->n_swaps++] =
            (struct kr_netrep_swap){kr_xstrdup(h), kr_xasprintf("School %s", code)};
    }
    if (r->info.name && *r->info.name) {
        KR_GROW(r->swaps, cap, r->n_swaps + 1);
        r->swaps[r->n_swaps++] =
            (struct kr_netrep_swap){kr_xstrdup(r->info.name), kr_xstrdup("het netwerk")};
    }
    qsort(r->swaps, r->n_swaps, sizeof *r->swaps, by_from_len);
}

/* The reflection's question "does this note judge?", answered by the checker. */
static bool judges(const char *text, void *ctx)
{
    struct kr_finding_list f = {0};
    bool yes = kr_check(ctx, text, strlen(text), &f) > 0 && kr_findings_judge(&f);
    kr_finding_list_fini(&f);
    return yes;
}

/* The host school of session i as shown (its pseudonym, or the name with names replaced). */
static char *shown_host(const struct kr_netrep *r, size_t i)
{
    const char *h = r->sessions[i].s.host_school;
    if (!h || !*h)
        return NULL;
    for (size_t k = 0; r->pseudonymise && k < r->n_swaps; k++)
        if (strcasecmp(r->swaps[k].from, h) == 0)
            return kr_xstrdup(r->swaps[k].to);
    return kr_xstrdup(h);
}

static enum kr_status load_session(struct kr_store *st, struct kr_netrep *r, size_t i,
                                   struct kr_checker *checker, struct kr_error *err)
{
    struct kr_netrep_session *s = &r->sessions[i];
    snprintf(s->code, sizeof s->code, "B%zu", i + 1);
    s->host = shown_host(r, i);
    s->kijkvraag = shown(r, s->s.kijkvraag);
    enum kr_status rc =
        kr_reflection_load(st, s->s.id, checker ? judges : NULL, checker, &s->refl, err);
    if (rc != KR_OK)
        return rc;
    size_t n = s->refl.obs.n;
    s->pnotes = kr_xcalloc(n ? n : 1, sizeof *s->pnotes);
    for (size_t k = 0; k < n; k++) {
        const struct kr_observation *o = &s->refl.obs.items[k];
        s->pnotes[k] = (struct kr_pattern_note){.id = o->id,
                                                .visit_id = o->visit_id,
                                                .text = o->text,
                                                .corner = s->refl.result.corner[k],
                                                .flagged = s->refl.flagged && s->refl.flagged[k]};
        r->n_judging += s->pnotes[k].flagged;
    }
    rc = kr_store_step_list(st, s->s.id, &s->steps, err);
    for (size_t k = 0; rc == KR_OK && k < s->steps.n; k++) {
        struct kr_next_step *x = &s->steps.items[k];
        char *t = shown(r, x->text);
        free(x->text);
        x->text = t;
        t = shown(r, x->follow_up_text);
        free(x->follow_up_text);
        x->follow_up_text = t;
    }
    return rc;
}

enum kr_status kr_netrep_load(struct kr_store *st, const char *network_id, bool pseudonymise,
                              struct kr_netrep *out, struct kr_error *err)
{
    memset(out, 0, sizeof *out);
    out->pseudonymise = pseudonymise;
    struct kr_network_session_list ls = {0};
    struct kr_checker *checker = NULL;
    struct kr_recurring_session *in = NULL;
    enum kr_status r = kr_store_network_get(st, network_id, &out->info, err);
    if (r == KR_OK)
        r = kr_store_network_sessions(st, network_id, &ls, err);
    if (r != KR_OK)
        goto out;
    out->sessions = kr_xcalloc(ls.n ? ls.n : 1, sizeof *out->sessions);
    for (size_t i = 0; i < ls.n; i++) {
        out->sessions[i].s = ls.items[i];
        memset(&ls.items[i], 0, sizeof ls.items[i]); /* moved */
    }
    out->n_sessions = ls.n;
    if (pseudonymise)
        make_swaps(out);
    out->name = kr_xstrdup(pseudonymise ? "Het netwerk" : out->info.name);
    /* The network's own lexicon when it is valid, else the built-in one. */
    if (kr_checker_new_network(&checker, NULL) != KR_OK) {
        r = kr_checker_new(NULL, &checker, err);
        if (r != KR_OK)
            goto out;
    }
    size_t cap = 0;
    for (size_t i = 0; r == KR_OK && i < out->n_sessions; i++) {
        r = load_session(st, out, i, checker, err);
        for (size_t k = 0; r == KR_OK && k < out->sessions[i].steps.n; k++) {
            KR_GROW(out->steps, cap, out->n_steps + 1);
            const char *f = out->sessions[i].steps.items[k].follow_up_session;
            out->steps[out->n_steps++] =
                (struct kr_netrep_step_ref){i, k, kr_netrep_session_of(out, f)};
        }
    }
    if (r != KR_OK)
        goto out;
    in = kr_xcalloc(out->n_sessions ? out->n_sessions : 1, sizeof *in);
    for (size_t i = 0; i < out->n_sessions; i++)
        in[i] = (struct kr_recurring_session){.id = out->sessions[i].s.id,
                                              .notes = out->sessions[i].pnotes,
                                              .n_notes = out->sessions[i].refl.obs.n,
                                              .result = &out->sessions[i].refl.result};
    r = kr_recurring_compute(in, out->n_sessions, 0, &out->rec, err);
    if (r == KR_OK) {
        out->rec_statement = kr_xcalloc(out->rec.n ? out->rec.n : 1, sizeof *out->rec_statement);
        for (size_t k = 0; k < out->rec.n; k++)
            out->rec_statement[k] = shown(out, out->rec.items[k].statement);
    }
out:
    free(in);
    kr_checker_free(checker);
    kr_network_session_list_fini(&ls);
    return r;
}

void kr_netrep_fini(struct kr_netrep *r)
{
    for (size_t i = 0; i < r->n_sessions; i++) {
        struct kr_netrep_session *s = &r->sessions[i];
        kr_network_session_fini(&s->s);
        free(s->host);
        free(s->kijkvraag);
        kr_reflection_fini(&s->refl);
        free(s->pnotes);
        kr_next_step_list_fini(&s->steps);
    }
    free(r->sessions);
    for (size_t k = 0; r->rec_statement && k < r->rec.n; k++)
        free(r->rec_statement[k]);
    free(r->rec_statement);
    kr_recurring_result_fini(&r->rec);
    free(r->steps);
    for (size_t k = 0; k < r->n_swaps; k++) {
        free(r->swaps[k].from);
        free(r->swaps[k].to);
    }
    free(r->swaps);
    kr_network_info_fini(&r->info);
    free(r->name);
    memset(r, 0, sizeof *r);
}

/* ---- entry points ---- */

enum kr_status kr_export_network(struct kr_store *st, const char *network_id,
                                 enum kr_export_format f, const struct kr_export_opts *opts,
                                 FILE *out, struct kr_error *err)
{
    if (f != KR_EXPORT_MD && f != KR_EXPORT_HTML && f != KR_EXPORT_JSON)
        return kr_error_set(err, KR_INVALID,
                            "Het netwerkverslag bestaat als md, html of json, niet als %s.",
                            kr_export_format_ext(f));
    struct kr_netrep rep;
    enum kr_status r = kr_netrep_load(st, network_id, opts && opts->pseudonymise, &rep, err);
    if (r == KR_OK) {
        if (f == KR_EXPORT_MD)
            kr_netrep_write_md(&rep, out);
        else if (f == KR_EXPORT_HTML)
            kr_netrep_write_html(&rep, out);
        else
            kr_netrep_write_json(&rep, out);
        if (fflush(out) != 0 || ferror(out))
            r = kr_error_set(err, KR_IO, "Schrijven van het netwerkverslag mislukt: %s%s.",
                             kr_strerror(errno), kr_strerror_hint(errno));
    }
    kr_netrep_fini(&rep);
    return r;
}

enum kr_status kr_network_write_text(struct kr_store *st, const char *network_id, FILE *out,
                                     struct kr_error *err)
{
    struct kr_netrep rep;
    enum kr_status r = kr_netrep_load(st, network_id, false, &rep, err);
    if (r == KR_OK) {
        kr_netrep_write_text(&rep, out);
        if (fflush(out) != 0 || ferror(out))
            r = kr_error_set(err, KR_IO, "Schrijven mislukt: %s.", kr_strerror(errno));
    }
    kr_netrep_fini(&rep);
    return r;
}

struct network_job {
    struct kr_store *st;
    const char *network_id;
    enum kr_export_format f;
    const struct kr_export_opts *opts;
};

static enum kr_status network_write(void *ctx, FILE *out, struct kr_error *err)
{
    const struct network_job *j = ctx;
    return kr_export_network(j->st, j->network_id, j->f, j->opts, out, err);
}

enum kr_status kr_export_network_file(struct kr_store *st, const char *network_id,
                                      enum kr_export_format f, const struct kr_export_opts *opts,
                                      const char *path, struct kr_error *err)
{
    struct network_job j = {st, network_id, f, opts};
    return kr_export_to_path(path, network_write, &j, err);
}
