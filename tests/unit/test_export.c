/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for src/exchange: the escaping of each format, the summary and CSV written
 * from a store, pseudonyms (also inside notes, whole words only), observers' names never
 * written, judging notes counted, and writing a file atomically.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/exchange/exchange_internal.h"
#include "kijkronde/check.h"
#include "kijkronde/check_key.h"
#include "kijkronde/exchange.h"
#include "kijkronde/judged.h"
#include "kijkronde/mem.h"
#include "kijkronde/reflection.h"
#include "kijkronde/store.h"
#include "krtest.h"

static char *esc(void (*f)(struct kr_buf *, const char *), const char *s)
{
    struct kr_buf b = {0};
    f(&b, s);
    return kr_buf_steal(&b);
}

#define ESC_EQ(fn, in, want)                                                                       \
    do {                                                                                           \
        char *got_ = esc(fn, in);                                                                  \
        ck_assert_str_eq(got_, want);                                                              \
        free(got_);                                                                                \
    } while (0)

START_TEST(test_export_escape_html)
{
    ESC_EQ(kr_esc_html, "<a href='x'>&\"", "&lt;a href=&#39;x&#39;&gt;&amp;&quot;");
    ESC_EQ(kr_esc_html, "rood\x1b[31m\x07", "rood\xEF\xBF\xBD[31m\xEF\xBF\xBD");
    ESC_EQ(kr_esc_html, "C1 \xC2\x9B en DEL \x7F", "C1 \xEF\xBF\xBD en DEL \xEF\xBF\xBD");
    ESC_EQ(kr_esc_html, "kapot \xff", "kapot \xEF\xBF\xBD");
    ESC_EQ(kr_esc_html, "regel\nregel", "regel\nregel");
}
END_TEST

START_TEST(test_export_escape_md)
{
    ESC_EQ(kr_esc_md, "# kop", "\\# kop");
    ESC_EQ(kr_esc_md, "- lijst", "\\- lijst");
    ESC_EQ(kr_esc_md, "> citaat", "\\> citaat");
    ESC_EQ(kr_esc_md, "12. genummerd", "12\\. genummerd");
    ESC_EQ(kr_esc_md, "3) ook", "3\\) ook");
    ESC_EQ(kr_esc_md, "om 9.15 uur", "om 9.15 uur");
    ESC_EQ(kr_esc_md, "[x](http://e.nl)", "\\[x\\](http\\://e.nl)");
    ESC_EQ(kr_esc_md, "*nadruk* _ook_ `c` | ~s~", "\\*nadruk\\* \\_ook\\_ \\`c\\` \\| \\~s\\~");
    ESC_EQ(kr_esc_md, "<b>&amp;", "\\<b\\>\\&amp;");
    ESC_EQ(kr_esc_md, "a\nb\r\tc", "a b  c");
    ESC_EQ(kr_esc_md, "mail@e.nl www.e.nl", "mail\\@e.nl www\\.e.nl");
    ESC_EQ(kr_esc_md, "zegt: ja", "zegt: ja");
    ESC_EQ(kr_esc_md, "\\ slash", "\\\\ slash");
    ESC_EQ(kr_esc_md, "esc\x1b[2J", "esc\xEF\xBF\xBD\\[2J");
}
END_TEST

START_TEST(test_export_escape_csv)
{
    ESC_EQ(kr_esc_csv, "=1+1", "\"'=1+1\"");
    ESC_EQ(kr_esc_csv, "+31 6", "\"'+31 6\"");
    ESC_EQ(kr_esc_csv, "-3 leerlingen", "\"'-3 leerlingen\"");
    ESC_EQ(kr_esc_csv, "@SUM(1)", "\"'@SUM(1)\"");
    ESC_EQ(kr_esc_csv, "\tTAB", "\"'\tTAB\"");
    ESC_EQ(kr_esc_csv, "a \"b\"; c", "\"a \"\"b\"\"; c\"");
    ESC_EQ(kr_esc_csv, "regel\r\nregel", "\"regel\nregel\"");
    ESC_EQ(kr_esc_csv, "x=1", "\"x=1\"");
    ESC_EQ(kr_esc_csv, NULL, "\"\"");
    ESC_EQ(kr_esc_csv, "bel\x07", "\"bel\xEF\xBF\xBD\"");
}
END_TEST

static struct kr_store *st;
static struct kr_error err;
static char *sid;

static void add_visit_notes(const char *label, const char *const *texts, size_t n, int hour)
{
    struct kr_tweetal t = {.session_id = kr_xstrdup(sid), .name = kr_xstrdup("Tweetal Kees")};
    ck_assert_int_eq(kr_store_tweetal_add(st, &t, &err), KR_OK);
    struct kr_visit v = {.session_id = kr_xstrdup(sid),
                         .tweetal_id = kr_xstrdup(t.id),
                         .label = kr_xstrdup(label),
                         .subject = kr_xstrdup("rekenen"),
                         .started_at = kr_xasprintf("2026-03-12T%02d:00:00+01:00", hour)};
    ck_assert_int_eq(kr_store_visit_add(st, &v, &err), KR_OK);
    for (size_t i = 0; i < n; i++) {
        struct kr_observation o = {
            .visit_id = kr_xstrdup(v.id),
            .at = kr_xasprintf("2026-03-12T%02d:%02zu:00+01:00", hour, i + 1),
            .text = kr_xstrdup(texts[i]),
            .corner = KR_CORNER_LEERLING,
            .observer = kr_xstrdup("Kees"),
        };
        ck_assert_int_eq(kr_store_obs_add(st, &o, &err), KR_OK);
        kr_observation_fini(&o);
    }
    kr_visit_fini(&v);
    kr_tweetal_fini(&t);
}

static void setup(void)
{
    ck_assert_int_eq(kr_store_open(":memory:", &st, &err), KR_OK);
    struct kr_session s = {.date = kr_xstrdup("2026-03-12"),
                           .host_school = kr_xstrdup("De Wilg"),
                           .basis = KR_BASIS_REKENEN,
                           .kijkvraag_text = kr_xstrdup("Wat doen leerlingen in groep 5?")};
    ck_assert_int_eq(kr_store_session_add(st, &s, &err), KR_OK);
    sid = kr_xstrdup(s.id);
    kr_session_fini(&s);
    static const char *const g5[] = {
        "3 van 24 leerlingen steken hun vinger op bij opgave 4.",
        "Leerling bij het raam schrijft het antwoord op een wisbordje.",
        "De juf legt het heel goed uit, fijn om te zien.",
    };
    static const char *const g5a[] = {
        "Net als in groep 5 steken 4 leerlingen hun vinger op bij opgave 4.",
        "In groep 5a pakt een leerling de hulpkaart; De Wilg heeft er 30.",
    };
    add_visit_notes("groep 5", g5, 3, 9);
    add_visit_notes("groep 5a", g5a, 2, 10);
}

static void teardown(void)
{
    kr_store_close(st);
    free(sid);
}

static char *export(enum kr_export_format f, const struct kr_export_opts *o)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    ck_assert_int_eq(kr_export_session(st, sid, f, o, m, &err), KR_OK);
    fclose(m);
    return buf;
}

START_TEST(test_export_summary_content)
{
    char *html = export(KR_EXPORT_HTML, NULL);
    ck_assert_ptr_nonnull(strstr(html, "<!DOCTYPE html>"));
    ck_assert_ptr_nonnull(strstr(html, "<svg class=\"driehoek\""));
    ck_assert_ptr_nonnull(strstr(html, "Wat doen leerlingen in groep 5?"));
    ck_assert_ptr_nonnull(strstr(html, "1 notitie met een oordeel is niet opgenomen"));
    ck_assert_ptr_null(strstr(html, "heel goed uit"));
    ck_assert_ptr_null(strstr(html, "Kees")); /* observer and tweetal names */
    ck_assert_ptr_null(strstr(html, "src="));
    ck_assert_ptr_null(strstr(html, "href="));
    ck_assert_ptr_null(strstr(html, "@import"));
    char *md = export(KR_EXPORT_MD, NULL);
    ck_assert_ptr_nonnull(strstr(md, "## Bijlage: alle feitelijke notities per klassenbezoek"));
    ck_assert_ptr_nonnull(strstr(md, "### groep 5a"));
    ck_assert_ptr_null(strstr(md, "Kees"));
    ck_assert_ptr_null(strstr(md, "heel goed uit"));
    struct kr_export_opts all = {.include_judging = true};
    char *md_all = export(KR_EXPORT_MD, &all);
    ck_assert_ptr_nonnull(strstr(md_all, "heel goed uit, fijn om te zien. *(bevat een oordeel)*"));
    free(html);
    free(md);
    free(md_all);
}
END_TEST

START_TEST(test_export_debrief_and_group_patterns)
{
    ck_assert_int_eq(kr_store_phase_put(st, sid, KR_PHASE_VOLGENDE_STAP,
                                        "Hulpkaarten in groep 5 <b>uitproberen</b>", &err),
                     KR_OK);
    struct kr_theory_of_action toa = {.schoolleiding = kr_xstrdup("tijd vrijmaakt"),
                                      .leraren = kr_xstrdup("wachten"),
                                      .leerlingen = kr_xstrdup("zelf verder denken")};
    ck_assert_int_eq(kr_store_toa_put(st, sid, &toa, &err), KR_OK);
    kr_theory_of_action_fini(&toa);
    /* The group pins two notes into a pattern of its own name. */
    struct kr_group_pattern gp = {.corner = KR_CORNER_LEERLING, .label = kr_xstrdup("Wachten")};
    ck_assert_int_eq(kr_store_group_pattern_put(st, sid, &gp, &err), KR_OK);
    struct kr_observation_list l = {0};
    struct kr_obs_filter f = {.session_id = sid};
    ck_assert_int_eq(kr_store_obs_list(st, &f, &l, &err), KR_OK);
    ck_assert_int_eq(
        kr_store_group_note_put(st, sid, l.items[0].id, KR_CORNER_LEERLING, gp.id, &err), KR_OK);
    ck_assert_int_eq(
        kr_store_group_note_put(st, sid, l.items[1].id, KR_CORNER_LEERLING, gp.id, &err), KR_OK);
    kr_observation_list_fini(&l);
    char *md = export(KR_EXPORT_MD, NULL);
    ck_assert_ptr_nonnull(strstr(md, "## Nabespreking"));
    ck_assert_ptr_nonnull(strstr(md, "Hulpkaarten in groep 5 \\<b\\>uitproberen\\</b\\>"));
    ck_assert_ptr_nonnull(strstr(md, "Als de schoolleiding **tijd vrijmaakt**, dan kunnen "
                                     "leraren **wachten**, waardoor leerlingen **zelf verder "
                                     "denken**."));
    ck_assert_ptr_nonnull(strstr(md, "#### Wachten"));
    char *html = export(KR_EXPORT_HTML, NULL);
    ck_assert_ptr_nonnull(strstr(html, "de groep 2 in de nabespreking"));
    struct kr_export_opts o = {.pseudonymise = true};
    char *pseudo = export(KR_EXPORT_MD, &o);
    ck_assert_ptr_nonnull(strstr(pseudo, "Hulpkaarten in groep A"));
    free(md);
    free(html);
    free(pseudo);
    free(gp.id);
    free(gp.label);
}
END_TEST

START_TEST(test_export_toa_versions_and_next_steps)
{
    struct kr_observation_list l = {0};
    struct kr_obs_filter f = {.session_id = sid};
    ck_assert_int_eq(kr_store_obs_list(st, &f, &l, &err), KR_OK);
    ck_assert_uint_eq(l.n, 5);
    ck_assert(strstr(l.items[2].text, "heel goed") != NULL); /* the judging one */
    struct kr_toa_version a = {.group = kr_xstrdup("Groepje 1"),
                               .leerlingen = kr_xstrdup("zelf een hulpkaart pakken")};
    struct kr_toa_version b = {.group = kr_xstrdup("Groepje 2"),
                               .leraren = kr_xstrdup("wachttijd geven")};
    ck_assert_int_eq(kr_store_toa_version_put(st, sid, &a, &err), KR_OK);
    ck_assert_int_eq(kr_store_toa_version_put(st, sid, &b, &err), KR_OK);
    ck_assert_int_eq(kr_store_toa_choose(st, sid, b.id, &err), KR_OK);
    struct kr_next_step n = {.text = kr_xstrdup("Hulpkaarten ook in groep 5a <b>uitdelen</b>."),
                             .actor = KR_ACTOR_LERAREN,
                             .horizon = KR_HORIZON_MAAND};
    n.evidence = kr_xcalloc(2, sizeof *n.evidence);
    n.evidence[0] = kr_xstrdup(l.items[0].id);
    n.evidence[1] = kr_xstrdup(l.items[2].id);
    n.n_evidence = 2;
    ck_assert_int_eq(kr_store_step_put(st, sid, &n, &err), KR_OK);
    char *md = export(KR_EXPORT_MD, NULL);
    ck_assert_ptr_nonnull(strstr(md, "#### Groepje 2 (gekozen)"));
    ck_assert_ptr_nonnull(strstr(md, "#### Groepje 1\n"));
    ck_assert_ptr_nonnull(strstr(md, "### Volgende stappen\n\n#### Leraren\n\n- Hulpkaarten ook in "
                                     "groep 5a \\<b\\>uitdelen\\</b\\>. (deze maand)"));
    ck_assert_ptr_nonnull(strstr(md, "notitie 09:01 · groep 5: “3 van 24 leerlingen"));
    ck_assert_ptr_nonnull(strstr(md, "1 notitie die niet in deze samenvatting staat"));
    ck_assert_ptr_null(strstr(md, "heel goed"));
    char *html = export(KR_EXPORT_HTML, NULL);
    ck_assert_ptr_nonnull(strstr(html, "Groepje 2 <span class=\"gekozen-label\">gekozen</span>"));
    ck_assert_ptr_nonnull(strstr(html, "groep 5a &lt;b&gt;uitdelen&lt;/b&gt;."));
    ck_assert_ptr_null(strstr(html, "heel goed"));
    struct kr_export_opts o = {.pseudonymise = true};
    char *pseudo = export(KR_EXPORT_MD, &o);
    ck_assert_ptr_null(strstr(pseudo, "De Wilg"));
    ck_assert_ptr_null(strstr(pseudo, "groep 5a"));
    ck_assert_ptr_nonnull(strstr(pseudo, "Hulpkaarten ook in groep B"));
    free(md);
    free(html);
    free(pseudo);
    kr_next_step_fini(&n);
    kr_toa_version_fini(&a);
    kr_toa_version_fini(&b);
    kr_observation_list_fini(&l);
}
END_TEST

START_TEST(test_export_pseudonyms)
{
    struct kr_export_opts o = {.pseudonymise = true};
    char *md = export(KR_EXPORT_MD, &o);
    ck_assert_ptr_null(strstr(md, "De Wilg"));
    ck_assert_ptr_null(strstr(md, "groep 5"));
    ck_assert_ptr_nonnull(strstr(md, "# Kijkronde: School A"));
    ck_assert_ptr_nonnull(strstr(md, "Wat doen leerlingen in groep A?"));
    ck_assert_ptr_nonnull(strstr(md, "### groep B"));
    /* inside notes: whole words, the longest label first */
    ck_assert_ptr_nonnull(strstr(md, "Net als in groep A steken"));
    ck_assert_ptr_nonnull(strstr(md, "In groep B pakt een leerling de hulpkaart; School A heeft"));
    char *csv = export(KR_EXPORT_CSV, &o);
    ck_assert_ptr_null(strstr(csv, "groep 5"));
    ck_assert_ptr_nonnull(strstr(csv, ";\"groep B\";"));
    free(md);
    free(csv);
    /* JSON holds everything: asked for schuilnamen it refuses and writes nothing */
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_int_eq(kr_export_session(st, sid, KR_EXPORT_JSON, &o, f, &err), KR_INVALID);
    fclose(f);
    ck_assert_uint_eq(len, 0);
    ck_assert_ptr_nonnull(strstr(err.msg, "schuilnamen kan alleen bij HTML, Markdown en CSV"));
    free(buf);
}
END_TEST

/* A school name before a no-break space, "…" or a curly quote is a whole word too (those
 * bytes are >= 0x80, not letters); inside a longer word it stays. */
START_TEST(test_export_pseudonyms_unicode_punctuation)
{
    static const char *const notes[] = {
        "Op \u2018De Wilg\u2019 pakt een leerling de hulpkaart.",
        "De Wilg\u00a0heeft 30 hulpkaarten.",
        "Het plein van De Wilg\u2026 en de Wilgenlaan.",
    };
    add_visit_notes("groep 7", notes, 3, 11);
    struct kr_export_opts o = {.pseudonymise = true};
    char *md = export(KR_EXPORT_MD, &o);
    char *csv = export(KR_EXPORT_CSV, &o);
    for (char *out = md; out; out = out == md ? csv : NULL) {
        ck_assert_ptr_nonnull(strstr(out, "Op \u2018School A\u2019 pakt"));
        ck_assert_ptr_nonnull(strstr(out, "School A\u00a0heeft"));
        ck_assert_ptr_nonnull(strstr(out, "van School A\u2026 en de Wilgenlaan"));
        ck_assert_ptr_null(strstr(out, "De Wilg\u2019"));
        ck_assert_ptr_null(strstr(out, "De Wilg\u00a0"));
        ck_assert_ptr_null(strstr(out, "De Wilg\u2026"));
    }
    free(md);
    free(csv);
}
END_TEST

/* A pattern's label is made of folded words ("Zandloper, draait, fatima"): a pupil's name
 * in it, found in the notes, is left out of a summary as it is in the notes. */
START_TEST(test_export_pattern_label_without_names)
{
    static const char *const notes[] = {
        "Bij de zandloper draait Fatima de zandloper om.",
        "Bij de zandloper draait Fatima de zandloper weer om.",
        "Fatima draait bij de zandloper de zandloper om.",
    };
    add_visit_notes("groep 7", notes, 3, 11);
    char *md = export(KR_EXPORT_MD, NULL);
    char *html = export(KR_EXPORT_HTML, NULL);
    for (char *out = md; out; out = out == md ? html : NULL) {
        ck_assert_ptr_null(strstr(out, "Fatima"));
        ck_assert_ptr_null(strstr(out, "fatima"));
        ck_assert_ptr_null(strstr(out, "Jan"));
        ck_assert_ptr_null(strstr(out, "jan,"));
        ck_assert_ptr_null(strstr(out, ", jan"));
    }
    free(md);
    free(html);
}
END_TEST

START_TEST(test_export_csv_shape)
{
    struct kr_export_opts o = {.sep = ','};
    char *csv = export(KR_EXPORT_CSV, &o);
    ck_assert(strncmp(csv,
                      "\xEF\xBB\xBF\"id\",\"datum\",\"tijd\",\"klas\",\"vak\",\"hoek\","
                      "\"notitie\",\"oordeel\"\r\n",
                      60) == 0);
    size_t lines = 0;
    for (const char *p = csv; (p = strstr(p, "\r\n")); p += 2)
        lines++;
    ck_assert_uint_eq(lines, 6); /* header + 5 notes, judging ones included and marked */
    ck_assert_ptr_nonnull(
        strstr(csv, "\"De juf legt het heel goed uit, fijn om te zien.\",\"ja\""));
    ck_assert_ptr_nonnull(strstr(csv, "\"2026-03-12\",\"09:01:00\",\"groep 5\",\"rekenen\""));
    free(csv);
}
END_TEST

/* The id of the note with text t (borrowed from *l, which the caller frees). */
static const char *note_id(struct kr_observation_list *l, const char *t)
{
    struct kr_obs_filter f = {.session_id = sid};
    if (!l->n)
        ck_assert_int_eq(kr_store_obs_list(st, &f, l, &err), KR_OK);
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->items[i].text, t) == 0)
            return l->items[i].id;
    ck_abort_msg("no note '%s'", t);
    return NULL;
}

/* An export keeps each note's verdict and uses it while the text and the checker are the
 * same: a kept verdict is read (a planted "nee" shows), an edited text or another checker's
 * key is checked again. */
START_TEST(test_export_kept_verdicts)
{
    static const char JUF[] = "De juf legt het heel goed uit, fijn om te zien.";
    struct kr_export_opts o = {.sep = ','};
    char *csv = export(KR_EXPORT_CSV, &o);
    ck_assert_ptr_nonnull(strstr(csv, "fijn om te zien.\",\"ja\""));
    free(csv);
    char *key = kr_checker_key();
    ck_assert(strncmp(key, "k1-", 3) == 0 && strlen(key) == 19);
    struct kr_judged_list kept = {0};
    ck_assert_int_eq(kr_store_judged_list(st, sid, key, &kept, &err), KR_OK);
    ck_assert_uint_eq(kept.n, 5); /* the first export kept all five */
    struct kr_observation_list l = {0};
    const char *id = note_id(&l, JUF);
    const struct kr_judged *j = kr_judged_find(&kept, id);
    ck_assert(j && j->judging && j->text_hash == kr_judged_text_hash(JUF));
    kr_judged_list_fini(&kept);

    /* a kept verdict is what the export shows (planted: the check itself says "ja") */
    struct kr_judged plant = {(char *)id, kr_judged_text_hash(JUF), false};
    ck_assert_int_eq(kr_store_judged_put(st, key, &plant, 1, &err), KR_OK);
    csv = export(KR_EXPORT_CSV, &o);
    ck_assert_ptr_nonnull(strstr(csv, "fijn om te zien.\",\"nee\""));
    free(csv);
    /* another checker's verdict is not this one's */
    ck_assert_int_eq(kr_store_judged_put(st, "k1-0000000000000000", &plant, 1, &err), KR_OK);
    csv = export(KR_EXPORT_CSV, &o);
    ck_assert_ptr_nonnull(strstr(csv, "fijn om te zien.\",\"ja\""));
    free(csv);
    /* a verdict is for the text it was made on: the edited note is checked again */
    ck_assert_int_eq(kr_store_judged_put(st, key, &plant, 1, &err), KR_OK);
    ck_assert_int_eq(
        kr_store_obs_edit(st, id, "De juf legt het heel goed uit, super.", KR_CORNER_LERAAR, &err),
        KR_OK);
    csv = export(KR_EXPORT_CSV, &o);
    ck_assert_ptr_nonnull(strstr(csv, "heel goed uit, super.\",\"ja\""));
    free(csv);
    kr_observation_list_fini(&l);
    free(key);
}
END_TEST

START_TEST(test_export_file_and_formats)
{
    enum kr_export_format f;
    ck_assert(kr_export_format_parse("html", &f) && f == KR_EXPORT_HTML);
    ck_assert(kr_export_format_parse("markdown", &f) && f == KR_EXPORT_MD);
    ck_assert(!kr_export_format_parse("pdf", &f));
    ck_assert_str_eq(kr_export_format_ext(KR_EXPORT_CSV), "csv");
    char *def = kr_export_default_path(st, sid, KR_EXPORT_HTML, &err);
    ck_assert_ptr_nonnull(def);
    char want[64];
    snprintf(want, sizeof want, "./kijkronde-2026-03-12-%.8s.html", sid);
    ck_assert_str_eq(def, want);
    free(def);
    ck_assert_ptr_null(kr_export_default_path(st, "nope", KR_EXPORT_HTML, &err));

    char dir[] = "/tmp/kr-export-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char *path = kr_xasprintf("%s/s.md", dir);
    ck_assert_int_eq(kr_export_session_file(st, sid, KR_EXPORT_MD, NULL, path, &err), KR_OK);
    ck_assert_int_eq(access(path, R_OK), 0);
    /* an unknown session leaves no file and no temporary behind */
    char *bad = kr_xasprintf("%s/bad.md", dir);
    ck_assert_int_eq(kr_export_session_file(st, "nope", KR_EXPORT_MD, NULL, bad, &err),
                     KR_NOT_FOUND);
    ck_assert_int_eq(access(bad, F_OK), -1);
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        n += e->d_name[0] != '.';
    closedir(d);
    ck_assert_int_eq(n, 1);
    unlink(path);
    rmdir(dir);
    free(path);
    free(bad);
}
END_TEST

/* The reflection as the TUI loads it: judging notes flagged by the zonder-oordeel check. */
static bool judges(const char *text, void *ctx)
{
    struct kr_finding_list f = {0};
    bool yes = kr_check(ctx, text, strlen(text), &f) > 0;
    kr_finding_list_fini(&f);
    return yes;
}

static void load_reflection(struct kr_reflection *r, struct kr_checker *c)
{
    ck_assert_int_eq(kr_reflection_load(st, sid, judges, c, r, &err), KR_OK);
}

static size_t note_with(const struct kr_reflection *r, const char *text)
{
    for (size_t i = 0; i < r->obs.n; i++)
        if (strstr(r->obs.items[i].text, text))
            return i;
    ck_abort_msg("no note with '%s'", text);
    return 0;
}

/* The summaries leave the judging note out, count it once, and count the patterns' notes
 * as printed. */
static void assert_judging_left_out(const char *label, size_t shown_in_label)
{
    char *md = export(KR_EXPORT_MD, NULL);
    char *html = export(KR_EXPORT_HTML, NULL);
    ck_assert_msg(!strstr(md, "heel goed uit"), "the judging note reached the md:\n%s", md);
    ck_assert_msg(!strstr(html, "heel goed uit"), "the judging note reached the html");
    ck_assert_ptr_nonnull(strstr(md, "· 4 notities · 1 notitie met een oordeel niet opgenomen"));
    ck_assert_ptr_nonnull(strstr(html, "· 4 notities · 1 notitie met een oordeel niet opgenomen"));
    ck_assert_ptr_nonnull(strstr(md, "1 notitie met een oordeel is niet opgenomen."));
    ck_assert_ptr_nonnull(strstr(html, "1 notitie met een oordeel is niet opgenomen."));
    ck_assert_ptr_null(strstr(md, "(bevat een oordeel)"));
    ck_assert_ptr_null(strstr(html, "(bevat een oordeel)"));
    if (label) { /* the count on the pattern's meta line, after its statement and extent */
        char *head = kr_xasprintf("#### %s\n\n", label);
        char *want = kr_xasprintf("* · %zu notities", shown_in_label);
        const char *at = strstr(md, head);
        ck_assert_msg(at != NULL, "no '%s' in\n%s", head, md);
        const char *next = strstr(at + strlen(head), "#### "), *m = strstr(at, want);
        ck_assert_msg(m && (!next || m < next), "no '%s' under '%s' in\n%s", want, label, md);
        free(head);
        free(want);
    }
    free(md);
    free(html);
}

START_TEST(test_export_judging_moved_in_reflection)
{
    struct kr_checker *c = NULL;
    ck_assert_int_eq(kr_checker_new(NULL, &c, &err), KR_OK);
    struct kr_reflection r;
    load_reflection(&r, c);
    size_t bad = note_with(&r, "heel goed uit");
    ck_assert(r.flagged[bad]);
    /* m: the group moves the judging note into the vinger-op pattern (as the TUI does). */
    size_t target = r.result.pattern_of[note_with(&r, "3 van 24 leerlingen")];
    ck_assert(!r.result.patterns[target].flagged);
    ck_assert_int_eq(kr_reflection_move_note(st, &r, bad, target, &err), KR_OK);
    kr_reflection_fini(&r);
    load_reflection(&r, c);
    const struct kr_pattern *pt = &r.result.patterns[r.result.pattern_of[bad]];
    ck_assert(!pt->flagged); /* the judging note now sits in an ordinary pattern */
    ck_assert_uint_ge(pt->n_notes, 2);
    char *label = kr_xstrdup(pt->label);
    size_t want = pt->n_notes - 1;
    assert_judging_left_out(want >= 2 ? label : NULL, want);
    free(label);
    /* Renamed, then merged with another pattern, then split off on its own. */
    size_t p = r.result.pattern_of[bad];
    ck_assert_int_eq(kr_reflection_rename(st, &r, p, "Vinger op en wachten", &err), KR_OK);
    kr_reflection_fini(&r);
    load_reflection(&r, c);
    assert_judging_left_out("Vinger op en wachten",
                            r.result.patterns[r.result.pattern_of[bad]].n_notes - 1);
    size_t other = r.result.pattern_of[note_with(&r, "hulpkaart")];
    p = r.result.pattern_of[bad];
    if (other != p) {
        ck_assert_int_eq(kr_reflection_merge(st, &r, p, other, &err), KR_OK);
        kr_reflection_fini(&r);
        load_reflection(&r, c);
        assert_judging_left_out("Vinger op en wachten",
                                r.result.patterns[r.result.pattern_of[bad]].n_notes - 1);
    }
    p = r.result.pattern_of[bad];
    ck_assert_int_eq(kr_reflection_split(st, &r, p, &bad, 1, "Alleen het oordeel", &err), KR_OK);
    kr_reflection_fini(&r);
    load_reflection(&r, c);
    ck_assert_str_eq(r.result.patterns[r.result.pattern_of[bad]].label, "Alleen het oordeel");
    assert_judging_left_out(NULL, 0);
    /* The group places it in another corner. */
    ck_assert_int_eq(kr_reflection_set_corner(st, &r, bad, KR_CORNER_LERAAR, &err), KR_OK);
    kr_reflection_fini(&r);
    load_reflection(&r, c);
    assert_judging_left_out(NULL, 0);
    kr_reflection_fini(&r);
    kr_checker_free(c);
    /* Asked for explicitly (--met-oordelen), the same rule prints it, marked. */
    struct kr_export_opts all = {.include_judging = true};
    char *md = export(KR_EXPORT_MD, &all);
    char *html = export(KR_EXPORT_HTML, &all);
    ck_assert_ptr_nonnull(strstr(md, "heel goed uit, fijn om te zien. *(bevat een oordeel)*"));
    ck_assert_ptr_nonnull(
        strstr(html, "heel goed uit, fijn om te zien. <small>(bevat een oordeel)"));
    ck_assert_ptr_null(strstr(md, "niet opgenomen"));
    free(md);
    free(html);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("export");
    TCase *tc = tcase_create("escape");
    tcase_add_test(tc, test_export_escape_html);
    tcase_add_test(tc, test_export_escape_md);
    tcase_add_test(tc, test_export_escape_csv);
    suite_add_tcase(s, tc);
    tc = tcase_create("summary");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_export_summary_content);
    tcase_add_test(tc, test_export_pseudonyms);
    tcase_add_test(tc, test_export_pseudonyms_unicode_punctuation);
    tcase_add_test(tc, test_export_pattern_label_without_names);
    tcase_add_test(tc, test_export_debrief_and_group_patterns);
    tcase_add_test(tc, test_export_toa_versions_and_next_steps);
    tcase_add_test(tc, test_export_csv_shape);
    tcase_add_test(tc, test_export_kept_verdicts);
    tcase_add_test(tc, test_export_judging_moved_in_reflection);
    tcase_add_test(tc, test_export_file_and_formats);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
