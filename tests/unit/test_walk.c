/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the one summary walk (src/exchange/walk.c): a recording writer sees the
 * sections it asked for and no other, every callback in its place (examples inside their
 * pattern, steps grouped by actor in the actors' order, each once), a judging note never
 * reaching the appendix but counted as left out, and NULL callbacks skipped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/exchange/walk.h"
#include "kijkronde/mem.h"
#include "kijkronde/store.h"
#include "krtest.h"

static struct kr_store *st;
static struct kr_error err;
static char *sid;

static void add_visit(const char *label, const char *const *texts, size_t n, int hour)
{
    struct kr_visit v = {.session_id = kr_xstrdup(sid),
                         .label = kr_xstrdup(label),
                         .started_at = kr_xasprintf("2026-03-12T%02d:00:00+01:00", hour)};
    ck_assert_int_eq(kr_store_visit_add(st, &v, &err), KR_OK);
    for (size_t i = 0; i < n; i++) {
        struct kr_observation o = {.visit_id = kr_xstrdup(v.id),
                                   .at =
                                       kr_xasprintf("2026-03-12T%02d:%02zu:00+01:00", hour, i + 1),
                                   .text = kr_xstrdup(texts[i]),
                                   .corner = KR_CORNER_LEERLING};
        ck_assert_int_eq(kr_store_obs_add(st, &o, &err), KR_OK);
        kr_observation_fini(&o);
    }
    kr_visit_fini(&v);
}

static void add_step(const char *text, enum kr_actor a)
{
    struct kr_next_step n = {.text = kr_xstrdup(text), .actor = a, .horizon = KR_HORIZON_WEEK};
    ck_assert_int_eq(kr_store_step_put(st, sid, &n, &err), KR_OK);
    kr_next_step_fini(&n);
}

static void setup(void)
{
    ck_assert_int_eq(kr_store_open(":memory:", &st, &err), KR_OK);
    struct kr_session s = {.date = kr_xstrdup("2026-03-12"),
                           .kijkvraag_text = kr_xstrdup("Wat doen leerlingen bij opgave 4?")};
    ck_assert_int_eq(kr_store_session_add(st, &s, &err), KR_OK);
    sid = kr_xstrdup(s.id);
    kr_session_fini(&s);
    static const char *const a[] = {
        "3 van 24 leerlingen steken hun vinger op bij opgave 4.",
        "Een leerling schrijft het antwoord van opgave 4 op een wisbordje.",
        "De juf legt het heel goed uit, fijn om te zien.", /* judging */
    };
    static const char *const b[] = {
        "4 leerlingen steken hun vinger op bij opgave 4 en wachten.",
        "Een leerling pakt bij opgave 4 de hulpkaart van de tafel.",
    };
    add_visit("groep 5", a, 3, 9);
    add_visit("groep 6", b, 2, 10);
    /* stored team, leraren, schoolleiding: walked in the actors' order */
    add_step("Het team kijkt in april opnieuw bij opgave 4.", KR_ACTOR_TEAM);
    add_step("Leraren leggen hulpkaarten op elke tafel.", KR_ACTOR_LERAREN);
    add_step("De schoolleiding roostert een teamoverleg in.", KR_ACTOR_SCHOOLLEIDING);
    add_step("Leraren vragen eerst wat een leerling al probeerde.", KR_ACTOR_LERAREN);
}

static void teardown(void)
{
    kr_store_close(st);
    free(sid);
}

/* The events as one line each, "sec+ 1", "pattern 3", "example 3 0 7", ... */
struct rec {
    struct kr_buf b;
    size_t in_pattern; /* the pattern whose examples may come, SIZE_MAX outside */
    int last_actor;
};

static struct rec *R(void *ctx)
{
    return ctx;
}

static void r_begin(void *ctx, const struct kr_summary *s)
{
    (void)s;
    kr_buf_puts(&R(ctx)->b, "begin\n");
}

static void r_end(void *ctx, const struct kr_summary *s)
{
    (void)s;
    kr_buf_puts(&R(ctx)->b, "end\n");
}

static void r_sec_begin(void *ctx, const struct kr_summary *s, enum kr_walk_section sec)
{
    (void)s;
    kr_buf_printf(&R(ctx)->b, "sec+ %d\n", (int)sec);
}

static void r_sec_end(void *ctx, const struct kr_summary *s, enum kr_walk_section sec)
{
    (void)s;
    kr_buf_printf(&R(ctx)->b, "sec- %d\n", (int)sec);
}

static void r_row(void *ctx, const struct kr_summary *s, size_t i)
{
    (void)s;
    kr_buf_printf(&R(ctx)->b, "row %zu\n", i);
}

static void r_pattern(void *ctx, const struct kr_summary *s, size_t p)
{
    ck_assert(kr_summary_pattern_shown(s, p));
    R(ctx)->in_pattern = p;
    kr_buf_printf(&R(ctx)->b, "pattern %zu\n", p);
}

static void r_example(void *ctx, const struct kr_summary *s, size_t p, size_t k, size_t i)
{
    ck_assert_uint_eq(p, R(ctx)->in_pattern);
    ck_assert_uint_lt(k, s->pat[p].n_representatives);
    ck_assert_uint_eq(i, s->pat[p].representatives[k]);
    ck_assert(kr_summary_shown(s, i));
    kr_buf_printf(&R(ctx)->b, "example %zu\n", i);
}

static void r_pattern_end(void *ctx, const struct kr_summary *s, size_t p)
{
    (void)s;
    ck_assert_uint_eq(p, R(ctx)->in_pattern);
    R(ctx)->in_pattern = SIZE_MAX;
}

static void r_actor_begin(void *ctx, const struct kr_summary *s, enum kr_actor a)
{
    (void)s;
    ck_assert_int_gt((int)a, R(ctx)->last_actor); /* each actor once, in order */
    R(ctx)->last_actor = (int)a;
    kr_buf_printf(&R(ctx)->b, "actor %d\n", (int)a);
}

static void r_step(void *ctx, const struct kr_summary *s, size_t k)
{
    ck_assert_int_eq((int)s->steps.items[k].actor, R(ctx)->last_actor);
    kr_buf_printf(&R(ctx)->b, "step %s\n", s->steps.items[k].text);
}

static void r_note(void *ctx, const struct kr_summary *s, size_t i)
{
    kr_buf_printf(&R(ctx)->b, "note %s\n", s->notes[i].text);
}

static void r_visit_end(void *ctx, const struct kr_summary *s, size_t v, size_t left_out)
{
    (void)s;
    kr_buf_printf(&R(ctx)->b, "visit-end %zu %zu\n", v, left_out);
}

static const struct kr_summary_writer ALL = {
    .sections = ~0u,
    .begin = r_begin,
    .end = r_end,
    .section_begin = r_sec_begin,
    .section_end = r_sec_end,
    .row = r_row,
    .pattern = r_pattern,
    .example = r_example,
    .pattern_end = r_pattern_end,
    .actor_begin = r_actor_begin,
    .step = r_step,
    .note = r_note,
    .visit_end = r_visit_end,
};

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

static void load(struct kr_summary *s, bool include_judging)
{
    struct kr_export_opts o = {.sep = ';', .hide_names = true, .include_judging = include_judging};
    ck_assert_int_eq(kr_summary_load(st, sid, &o, true, 1, s, &err), KR_OK);
}

START_TEST(test_walk_order_and_sections)
{
    struct kr_summary s;
    load(&s, false);
    struct rec r = {.in_pattern = SIZE_MAX, .last_actor = -1};
    kr_summary_walk(&s, &ALL, &r);
    const char *out = kr_buf_str(&r.b);
    /* the sections in enum order, each opened and closed once, the debrief's inside it */
    const char *at = out;
    static const char *const order[] = {"begin\n",  "sec+ 0\n", "sec- 0\n", "sec+ 1\n", "sec- 1\n",
                                        "sec+ 2\n", "sec- 2\n", "sec+ 3\n", "sec+ 5\n", "sec- 5\n",
                                        "sec- 3\n", "sec+ 7\n", "sec- 7\n", "end\n"};
    for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
        const char *hit = strstr(at, order[k]);
        ck_assert_msg(hit != NULL, "%s out of order in:\n%s", order[k], out);
        at = hit + strlen(order[k]);
    }
    ck_assert_uint_eq(count(out, "sec+ 4\n"), 0); /* no theory of action: no TOAS */
    ck_assert_uint_eq(count(out, "row "), s.obs.n);
    ck_assert_uint_ge(count(out, "pattern "), 1);
    /* every step once, by actor: schoolleiding, leraren (both, stored order), team */
    ck_assert_uint_eq(count(out, "step "), 4);
    const char *a = strstr(out, "step De schoolleiding"), *b = strstr(out, "step Leraren leggen"),
               *c = strstr(out, "step Leraren vragen"), *d = strstr(out, "step Het team");
    ck_assert(a && b && c && d && a < b && b < c && c < d);
    /* the appendix: the judging note not shown, counted as left out in its visit */
    ck_assert_uint_eq(count(out, "note "), 4);
    ck_assert_ptr_null(strstr(out, "note De juf legt"));
    ck_assert_ptr_nonnull(strstr(out, "visit-end 0 1\n"));
    ck_assert_ptr_nonnull(strstr(out, "visit-end 1 0\n"));
    kr_buf_fini(&r.b);
    kr_summary_fini(&s);
}
END_TEST

START_TEST(test_walk_asked_sections_only)
{
    struct kr_summary s;
    load(&s, true);
    /* the CSV's shape: the note table only; every other callback is NULL */
    struct kr_summary_writer w = {.sections = KR_WALK_BIT(KR_WALK_NOTES), .row = r_row};
    struct rec r = {.in_pattern = SIZE_MAX, .last_actor = -1};
    kr_summary_walk(&s, &w, &r);
    ck_assert_uint_eq(count(kr_buf_str(&r.b), "row "), s.obs.n);
    ck_assert_uint_eq(count(kr_buf_str(&r.b), "\n"), s.obs.n);
    kr_buf_reset(&r.b);
    /* the appendix only, with judging notes asked for: all five notes, none left out */
    struct kr_summary_writer app = ALL;
    app.sections = KR_WALK_BIT(KR_WALK_APPENDIX);
    kr_summary_walk(&s, &app, &r);
    const char *out = kr_buf_str(&r.b);
    ck_assert_uint_eq(count(out, "note "), 5);
    ck_assert_uint_eq(count(out, "row "), 0);
    ck_assert_uint_eq(count(out, "pattern "), 0);
    ck_assert_uint_eq(count(out, "step "), 0);
    ck_assert_ptr_nonnull(strstr(out, "visit-end 0 0\n"));
    ck_assert_ptr_nonnull(strstr(out, "note De juf legt"));
    kr_buf_fini(&r.b);
    kr_summary_fini(&s);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("walk");
    TCase *tc = tcase_create("walk");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_walk_order_and_sections);
    tcase_add_test(tc, test_walk_asked_sections_only);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
