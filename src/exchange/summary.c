/* SPDX-License-Identifier: MIT */
/*
 * Loading a bijeenkomst for the human formats: the session, its visits and live notes
 * from the store; pseudonyms when asked; the corner of every note and the patterns per
 * corner from src/patterns. Observers' and tweetallen's names are never copied into
 * the summary, so no writer can leak them.
 */
#include <stdlib.h>
#include <string.h>

#include "exchange_internal.h"
#include "kijkronde/check.h"
#include "kijkronde/check_key.h"
#include "kijkronde/judged.h"
#include "kijkronde/names.h"
#include "kijkronde/store.h"

const char *kr_summary_corner_title(enum kr_corner c)
{
    switch (c) {
    case KR_CORNER_LEERLING:
        return "Leerling";
    case KR_CORNER_LERAAR:
        return "Leraar";
    case KR_CORNER_LEERINHOUD:
        return "Leerinhoud";
    default:
        return "Niet geplaatst";
    }
}

/* The reflection's question "does this note judge?", answered by the checker. */
static bool judges(const char *text, void *ctx)
{
    struct kr_finding_list f = {0};
    bool yes = kr_check(ctx, text, strlen(text), &f) > 0 && kr_findings_judge(&f);
    kr_finding_list_fini(&f);
    return yes;
}

bool kr_summary_shown(const struct kr_summary *s, size_t i)
{
    return i < s->obs.n && (!s->notes[i].judging || s->opts.include_judging);
}

bool kr_summary_pattern_shown(const struct kr_summary *s, size_t p)
{
    return s->have_patterns && p < s->refl.result.n_patterns &&
           !s->refl.result.patterns[p].flagged && s->pat[p].n_notes >= 2;
}

/*
 * The verdict of every note without patterns: kept verdicts (judged.h, read with the notes)
 * where the store has one for the note's text and this checker (key), the checker (built only
 * now, for the first miss) for the rest, which are then kept for the next export. Keeping them
 * is best effort: a read-only or busy database only costs the next export the same time again.
 */
static enum kr_status judge_notes(struct kr_store *st, const char *key,
                                  const struct kr_judged_kept *kept, struct kr_summary *out,
                                  struct kr_checker **checker, struct kr_error *err)
{
    size_t n = out->obs.n;
    struct kr_error ignored = {0};
    struct kr_judged *fresh = kr_xcalloc(n + 1, sizeof *fresh);
    size_t nfresh = 0;
    struct kr_finding_list findings = {0};
    enum kr_status r = KR_OK;
    for (size_t i = 0; r == KR_OK && i < n; i++) {
        const struct kr_observation *o = &out->obs.items[i];
        const char *t = o->text ? o->text : "";
        uint64_t h = kr_judged_text_hash(t);
        if (kept && kept[i].have && kept[i].text_hash == h) {
            out->notes[i].judging = kept[i].judging;
        } else {
            if (!*checker)
                r = kr_checker_new_network(checker, err);
            if (r != KR_OK)
                break;
            out->notes[i].judging =
                kr_check(*checker, t, strlen(t), &findings) > 0 && kr_findings_judge(&findings);
            fresh[nfresh++] = (struct kr_judged){o->id, h, out->notes[i].judging};
        }
        kr_progress_add(out->plan, 1);
    }
    kr_finding_list_fini(&findings);
    if (r == KR_OK && nfresh)
        kr_store_judged_put(st, key, fresh, nfresh, &ignored);
    free(fresh); /* its ids are borrowed from out->obs */
    return r;
}

/* What the summary shows of each pattern: its shown notes only (see kr_summary_shown). */
static void summary_patterns(struct kr_summary *s)
{
    const struct kr_pattern_result *pr = &s->refl.result;
    s->pat = kr_xcalloc(pr->n_patterns + 1, sizeof *s->pat);
    for (size_t p = 0; p < pr->n_patterns; p++) {
        const struct kr_pattern *pt = &pr->patterns[p];
        struct kr_summary_pattern *sp = &s->pat[p];
        sp->visits = kr_xcalloc(pt->n_notes + 1, sizeof *sp->visits);
        /* the representatives that are shown, best first, then other shown notes */
        for (size_t k = 0; k < pt->n_representatives && sp->n_representatives < 3; k++)
            if (kr_summary_shown(s, pt->representatives[k]))
                sp->representatives[sp->n_representatives++] = pt->representatives[k];
        for (size_t k = 0; k < pt->n_notes; k++) {
            size_t i = pt->notes[k];
            if (!kr_summary_shown(s, i))
                continue;
            sp->n_notes++;
            bool rep = false;
            for (size_t j = 0; j < sp->n_representatives; j++)
                rep = rep || sp->representatives[j] == i;
            if (!rep && sp->n_representatives < 3)
                sp->representatives[sp->n_representatives++] = i;
            const char *v = s->obs.items[i].visit_id;
            size_t j = 0;
            while (j < sp->n_visits && strcmp(sp->visits[j], v) != 0)
                j++;
            if (j == sp->n_visits)
                sp->visits[sp->n_visits++] = v;
        }
        sp->kind = sp->n_visits >= 2 ? KR_PATTERN_OVEREENKOMST : KR_PATTERN_VERSCHIL;
    }
}

static int by_visit_id(const void *a, const void *b)
{
    return strcmp(((const struct kr_summary_visit_key *)a)->id,
                  ((const struct kr_summary_visit_key *)b)->id);
}

size_t kr_summary_visit_of(const struct kr_summary *s, const char *visit_id)
{
    size_t lo = 0, hi = s->visits.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(s->visit_sorted[mid].id, visit_id);
        if (c == 0)
            return s->visit_sorted[mid].index;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return s->visits.n;
}

enum kr_status kr_summary_load(struct kr_store *st, const char *session_id,
                               const struct kr_export_opts *opts, bool want_patterns,
                               size_t write_units, struct kr_summary *out, struct kr_error *err)
{
    memset(out, 0, sizeof *out);
    out->opts = *opts;
    /* Hiding names needs the word list (kr_names_replace, and the checker when it is made);
     * its load takes about as long as reading 100,000 notes, so it runs on another core
     * meanwhile (issue 21: export speed). */
    struct kr_names_prefetch *words =
        opts->hide_names || want_patterns ? kr_names_prefetch_begin() : NULL;
    enum kr_status r = kr_store_session_get(st, session_id, &out->session, err);
    if (r == KR_OK)
        r = kr_store_visit_list(st, session_id, &out->visits, err);
    /* The notes with their kept verdicts; when those cannot be read, the notes alone (every
     * note is checked then). */
    char *key = kr_checker_key();
    struct kr_judged_kept *kept = NULL;
    if (r == KR_OK) {
        struct kr_error ignored = {0};
        if (kr_store_obs_list_judged(st, session_id, key, &out->obs, &kept, &ignored) != KR_OK) {
            free(kept);
            kept = NULL;
            kr_observation_list_fini(&out->obs);
            struct kr_obs_filter f = {.session_id = session_id};
            r = kr_store_obs_list(st, &f, &out->obs, err);
        }
    }
    if (r != KR_OK) {
        free(kept);
        free(key);
        kr_names_prefetch_end(words);
        kr_summary_fini(out);
        return r;
    }
    const struct kr_visit_list *vl = &out->visits;
    /* Units per note: one for its check, write_units for its writing. */
    out->plan = kr_xcalloc(1, sizeof *out->plan);
    kr_progress_begin(out->plan, opts->progress, out->obs.n, (1 + write_units) * out->obs.n);
    out->visit_labels = kr_xcalloc(vl->n + 1, sizeof *out->visit_labels);
    out->judging_per_visit = kr_xcalloc(vl->n + 1, sizeof *out->judging_per_visit);

    struct kr_school sc;
    kr_school_begin(out, opts, &sc);

    out->visit_sorted = kr_xcalloc(vl->n + 1, sizeof *out->visit_sorted);
    for (size_t v = 0; v < vl->n; v++)
        out->visit_sorted[v] = (struct kr_summary_visit_key){vl->items[v].id, v};
    qsort(out->visit_sorted, vl->n, sizeof *out->visit_sorted, by_visit_id);
    size_t n = out->obs.n;
    out->notes = kr_xcalloc(n + 1, sizeof *out->notes);
    for (size_t i = 0; i < n; i++) {
        struct kr_summary_note *sn = &out->notes[i];
        sn->o = &out->obs.items[i];
        sn->own_text =
            opts->pseudonymise || opts->hide_names ? kr_school_text(&sc, sn->o->text) : NULL;
        sn->text = sn->own_text ? sn->own_text : sn->o->text;
        sn->visit = kr_summary_visit_of(out, sn->o->visit_id);
        sn->corner = sn->o->corner;
    }
    /* The zonder-oordeel checker, with the network's own lexicon when there is one. */
    struct kr_checker *checker = NULL;
    bool with_patterns = want_patterns && n > 0 && n <= KR_SUMMARY_MAX_PATTERN_NOTES;
    if (with_patterns) {
        r = kr_checker_new_network(&checker, err);
        if (r != KR_OK)
            goto out;
    }
    if (with_patterns) {
        /* The patterns as the group left them in the reflection (renamed, moved, pinned). */
        r = kr_reflection_load(st, session_id, judges, checker, &out->refl, err);
        out->have_patterns = true; /* refl is filled, also after an error: freed by fini */
        if (r == KR_OK && out->refl.obs.n != n)
            r = kr_error_set(err, KR_DB,
                             "De notities veranderden tijdens het exporteren; "
                             "probeer het nog eens.");
        for (size_t i = 0; r == KR_OK && i < n; i++) {
            if (strcmp(out->refl.obs.items[i].id, out->obs.items[i].id) != 0) {
                r = kr_error_set(err, KR_DB,
                                 "De notities veranderden tijdens het exporteren; "
                                 "probeer het nog eens.");
                break;
            }
            const char *by = kr_reflection_placed_by(&out->refl, i);
            out->notes[i].judging = out->refl.flagged[i];
            out->notes[i].corner = out->refl.result.corner[i];
            out->notes[i].auto_placed = strcmp(by, "kijkronde") == 0;
            out->notes[i].group_placed = strcmp(by, "groep") == 0;
        }
        kr_progress_add(out->plan, n);
        if (r == KR_OK) {
            kr_school_patterns(&sc, out);
        }
    } else {
        r = judge_notes(st, key, kept, out, &checker, err);
    }
    kr_checker_free(checker);
    if (r != KR_OK)
        goto out;
    out->checked = true;
    for (size_t i = 0; i < n; i++)
        if (out->notes[i].judging) {
            out->n_judging++;
            out->judging_per_visit[out->notes[i].visit]++;
        }

    /* The debrief and the theory of action, as the group wrote them. */
    for (int p = 0; r == KR_OK && p < KR_PHASE_COUNT; p++)
        r = kr_store_phase_get(st, session_id, (enum kr_phase)p, &out->phases[p], err);
    if (r == KR_OK)
        r = kr_store_toa_get(st, session_id, &out->toa, err);
    if (r == KR_OK)
        r = kr_store_toa_list(st, session_id, &out->toas, err);
    if (r == KR_OK)
        r = kr_store_step_list(st, session_id, &out->steps, err);
    if (r == KR_OK)
        kr_school_debrief(&sc, out);
    if (r != KR_OK)
        goto out;
    /* Notes grouped per visit (a counting sort keeps their time order). */
    out->visit_start = kr_xcalloc(vl->n + 2, sizeof *out->visit_start);
    out->visit_shown = kr_xcalloc(vl->n + 1, sizeof *out->visit_shown);
    out->by_visit = kr_xcalloc(n + 1, sizeof *out->by_visit);
    for (size_t i = 0; i < n; i++)
        out->visit_start[out->notes[i].visit + 1]++;
    for (size_t v = 0; v <= vl->n; v++)
        out->visit_start[v + 1] += out->visit_start[v];
    size_t *fillp = kr_xcalloc(vl->n + 1, sizeof *fillp);
    for (size_t i = 0; i < n; i++) {
        size_t v = out->notes[i].visit;
        out->by_visit[out->visit_start[v] + fillp[v]++] = i;
        out->visit_shown[v] += kr_summary_shown(out, i);
    }
    free(fillp);
    for (size_t i = 0; i < n; i++) {
        if (!kr_summary_shown(out, i))
            continue;
        out->count[out->notes[i].corner]++;
        if (out->notes[i].auto_placed)
            out->count_auto[out->notes[i].corner]++;
        out->n_group_placed += out->notes[i].group_placed;
    }
    if (out->have_patterns)
        summary_patterns(out);
out:
    free(kept);
    free(key);
    kr_names_prefetch_end(words);
    kr_school_fini(&sc);
    if (r != KR_OK)
        kr_summary_fini(out);
    return r;
}

bool kr_summary_has_debrief(const struct kr_summary *s)
{
    for (int p = 0; p < KR_PHASE_COUNT; p++)
        if (s->phases[p] && *s->phases[p])
            return true;
    return s->toa.schoolleiding || s->toa.leraren || s->toa.leerlingen || s->toa.bewijs ||
           s->toas.n || s->steps.n;
}

int kr_summary_evidence(const struct kr_summary *s, const char *id, size_t *pattern, size_t *note)
{
    if (!id)
        return 0;
    for (size_t p = 0; s->have_patterns && p < s->refl.result.n_patterns; p++)
        if (s->refl.result.patterns[p].id && strcmp(s->refl.result.patterns[p].id, id) == 0) {
            if (!kr_summary_pattern_shown(s, p))
                return 0;
            *pattern = p;
            return 1;
        }
    /* A computed pattern that is no longer there ("p-" + its note): cite its note. */
    const char *nid = strncmp(id, "p-", 2) == 0 ? id + 2 : id;
    for (size_t i = 0; i < s->obs.n; i++)
        if (s->obs.items[i].id &&
            (strcmp(s->obs.items[i].id, id) == 0 || strcmp(s->obs.items[i].id, nid) == 0)) {
            if (!kr_summary_shown(s, i))
                return 0;
            *note = i;
            return 2;
        }
    return 0;
}

void kr_summary_fini(struct kr_summary *s)
{
    for (size_t i = 0; s->visit_labels && i < s->visits.n; i++)
        free(s->visit_labels[i]);
    free(s->visit_labels);
    for (size_t i = 0; s->notes && i < s->obs.n; i++)
        free(s->notes[i].own_text);
    free(s->notes);
    free(s->judging_per_visit);
    free(s->visit_sorted);
    free(s->by_visit);
    free(s->visit_start);
    free(s->visit_shown);
    free(s->host_school);
    free(s->network);
    for (size_t p = 0; s->pattern_labels && p < s->refl.result.n_patterns; p++)
        free(s->pattern_labels[p]);
    free(s->pattern_labels);
    for (size_t p = 0; s->pattern_statements && p < s->refl.result.n_patterns; p++)
        free(s->pattern_statements[p]);
    free(s->pattern_statements);
    for (size_t p = 0; s->pat && p < s->refl.result.n_patterns; p++)
        free(s->pat[p].visits);
    free(s->pat);
    if (s->have_patterns)
        kr_reflection_fini(&s->refl);
    for (int p = 0; p < KR_PHASE_COUNT; p++)
        free(s->phases[p]);
    kr_theory_of_action_fini(&s->toa);
    free(s->plan);
    kr_toa_list_fini(&s->toas);
    kr_next_step_list_fini(&s->steps);
    kr_observation_list_fini(&s->obs);
    kr_visit_list_fini(&s->visits);
    kr_session_fini(&s->session);
    memset(s, 0, sizeof *s);
}
