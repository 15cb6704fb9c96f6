/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the kijkvragen module, the loading side: the strict loader (every kind of
 * error with its line:col) and the library with its sources and overrides.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kijkronde/kijkvraag.h"
#include "kijkronde/mem.h"
#include "krtest.h"

static struct kr_error err;

/* A valid file; tests replace one line of it. */
static const char GOOD[] = "id: naam\n"
                           "vraag: Wat doen leerlingen als ze vastlopen?\n"
                           "basisvaardigheid: rekenen-wiskunde\n"
                           "thema: Hoge verwachtingen\n"
                           "toelichting: De school wil groeien.\n"
                           "kijkpunten:\n"
                           "  - Wat doen ze eerst?\n"
                           "  - Wie vragen ze om hulp?\n"
                           "  - Wat zeggen ze?\n"
                           "hints:\n"
                           "  leerling: Noteer wat ze doen.\n"
                           "bron: Sardes (2025)\n";

static enum kr_status load(const char *text, struct kr_kijkvraag *k)
{
    kr_error_clear(&err);
    return kr_kijkvraag_load_mem("map/naam.yaml", text, strlen(text), k, &err);
}

/* base with line `line` (1-based) replaced by repl (which ends in '\n', or "" to drop it). */
static char *replace_line(const char *base, size_t line, const char *repl)
{
    struct kr_buf b = {0};
    const char *p = base;
    for (size_t l = 1; *p; l++) {
        const char *e = strchr(p, '\n');
        size_t n = (size_t)(e - p) + 1;
        if (l == line)
            kr_buf_puts(&b, repl);
        else
            kr_buf_append(&b, p, n);
        p += n;
    }
    return kr_buf_steal(&b);
}

static char *with_line(size_t line, const char *repl)
{
    return replace_line(GOOD, line, repl);
}

static void expect_error(const char *text, size_t line, size_t col, const char *needle)
{
    struct kr_kijkvraag k;
    enum kr_status st = load(text, &k);
    ck_assert_msg(st == KR_PARSE, "accepted: %s", text);
    ck_assert_ptr_null(k.id);
    ck_assert_str_eq(err.file, "map/naam.yaml");
    ck_assert_msg(err.line == line && err.col == col, "%zu:%zu (wanted %zu:%zu): %s", err.line,
                  err.col, line, col, err.msg);
    ck_assert_msg(strstr(err.msg, needle), "'%s' not in: %s", needle, err.msg);
}

static void expect_line_error(size_t line, const char *repl, size_t eline, size_t col,
                              const char *needle)
{
    char *t = with_line(line, repl);
    expect_error(t, eline, col, needle);
    free(t);
}

START_TEST(test_kijkvraag_loads_all_fields)
{
    struct kr_kijkvraag k;
    ck_assert_int_eq(load(GOOD, &k), KR_OK);
    ck_assert_str_eq(k.id, "naam");
    ck_assert_str_eq(k.vraag, "Wat doen leerlingen als ze vastlopen?");
    ck_assert_int_eq(k.basis, KR_BASIS_REKENEN);
    ck_assert_str_eq(k.thema, "Hoge verwachtingen");
    ck_assert_uint_eq(k.n_kijkpunten, 3);
    ck_assert_str_eq(k.kijkpunten[2], "Wat zeggen ze?");
    ck_assert_str_eq(k.hints[KR_CORNER_LEERLING], "Noteer wat ze doen.");
    ck_assert_ptr_null(k.hints[KR_CORNER_LERAAR]);
    ck_assert_str_eq(k.bron, "Sardes (2025)");
    ck_assert_str_eq(k.file, "map/naam.yaml");
    ck_assert_uint_eq(k.vraag_line, 2);
    ck_assert_uint_eq(k.vraag_col, 8);
    ck_assert(k.vraag_plain);
    ck_assert_uint_eq(k.id_line, 1);
    kr_kijkvraag_fini(&k);
    ck_assert_ptr_null(k.id);

    /* A quoted vraag: the column points at the text, not the quote. */
    char *t = with_line(2, "vraag: \"Wat doen leerlingen?\"\n");
    ck_assert_int_eq(load(t, &k), KR_OK);
    ck_assert_uint_eq(k.vraag_col, 9);
    ck_assert(k.vraag_plain);
    kr_kijkvraag_fini(&k);
    free(t);
    /* Optional keys may be left out. */
    t = with_line(12, "");
    ck_assert_int_eq(load(t, &k), KR_OK);
    ck_assert_ptr_null(k.bron);
    kr_kijkvraag_fini(&k);
    free(t);
}
END_TEST

START_TEST(test_kijkvraag_unknown_key)
{
    expect_line_error(4, "themaa: x\n", 4, 1, "onbekende sleutel 'themaa'");
    expect_line_error(11, "  leerkracht: x\n", 11, 3, "onbekende hoek 'leerkracht'");
}
END_TEST

START_TEST(test_kijkvraag_wrong_types)
{
    expect_line_error(2, "vraag: [a, b]\n", 2, 8, "'vraag' moet tekst zijn, maar is een lijst");
    expect_line_error(2, "vraag:\n", 2, 7, "'vraag' moet tekst zijn, maar is leeg");
    expect_line_error(4, "thema: true\n", 4, 8, "ja/nee");
    expect_line_error(5, "toelichting: \"  \"\n", 5, 14, "is leeg");
    expect_line_error(6, "kijkpunten: Wat doen ze?\n", 6, 13, "'kijkpunten' moet een lijst zijn");
    expect_line_error(8, "  - {a: b}\n", 8, 5, "'kijkpunt 2' moet tekst zijn, maar is een mapping");
    char *t = with_line(11, "");
    char *t2 = replace_line(t, 10, "hints: leerling\n");
    expect_error(t2, 10, 8, "'hints' moet een mapping zijn");
    free(t);
    free(t2);
    expect_line_error(3, "basisvaardigheid: lezen\n", 3, 19, "onbekende basisvaardigheid 'lezen'");
    expect_line_error(1, "id: Naam Met Spaties\n", 1, 5, "kleine letters");
    expect_line_error(2, "vraag: \"Wat\\u0007doen?\"\n", 2, 8, "stuurteken");
    expect_line_error(2, "vraag: \"Wat\\ndoen?\"\n", 2, 8, "op één regel");
}
END_TEST

START_TEST(test_kijkvraag_kijkpunten_count)
{
    char *t = with_line(9, "");
    expect_error(t, 7, 3, "'kijkpunten' heeft 2 punten; verwacht 3 tot en met 8");
    free(t);
    struct kr_buf b = {0};
    kr_buf_puts(&b, "id: naam\nvraag: Wat doen leerlingen?\nbasisvaardigheid: taal\nthema: t\n"
                    "toelichting: t\nkijkpunten:\n");
    for (int i = 0; i < 9; i++)
        kr_buf_printf(&b, "  - punt %d\n", i);
    expect_error(kr_buf_str(&b), 7, 3, "heeft 9 punten");
    kr_buf_fini(&b);
}
END_TEST

START_TEST(test_kijkvraag_duplicate_key)
{
    char *t = with_line(4, "thema: a\nthema: b\n");
    expect_error(t, 5, 1, "'thema' komt twee keer voor");
    free(t);
}
END_TEST

START_TEST(test_kijkvraag_missing_field)
{
    expect_line_error(4, "", 1, 1, "verplichte sleutel 'thema' ontbreekt");
    expect_line_error(2, "", 1, 1, "verplichte sleutel 'vraag' ontbreekt");
    /* Everything after kijkpunten gone: kijkpunten itself missing. */
    expect_error("id: naam\nvraag: a\nbasisvaardigheid: taal\nthema: t\ntoelichting: t\n", 1, 1,
                 "'kijkpunten' ontbreekt");
}
END_TEST

START_TEST(test_kijkvraag_id_must_match_file_name)
{
    expect_line_error(1, "id: andere-naam\n", 1, 5, "verwacht id 'naam'");
}
END_TEST

START_TEST(test_kijkvraag_refuses_other_yaml)
{
    expect_error("", 1, 1, "het bestand is leeg");
    expect_error("- a\n- b\n", 1, 1, "verwacht een mapping");
    char *t = kr_xasprintf("%s---\nid: naam\n", GOOD);
    expect_error(t, 13, 1, "meer dan één document");
    free(t);
    expect_line_error(4, "thema: &a x\n", 4, 8, "ankers");
    expect_line_error(4, "thema: \xff\xfe\n", 4, 8, "UTF-8");
    expect_line_error(4, "thema: [\n", 6, 11, "ongeldige YAML");
}
END_TEST

/* ---- the library ---- */

static char tmp[256];

static void write_file(const char *dir, const char *name, const char *text)
{
    char *p = kr_xasprintf("%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    free(p);
}

static void rm_rf(const char *path)
{
    char *cmd = kr_xasprintf("rm -rf '%s'", path);
    ck_assert_int_eq(system(cmd), 0);
    free(cmd);
}

static const struct kr_kijkvraag *find(const struct kr_kijkvraag_list *l, const char *id)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->items[i].id, id) == 0)
            return &l->items[i];
    return NULL;
}

START_TEST(test_kijkvragen_builtin_library)
{
    ck_assert_int_eq(setenv("XDG_DATA_HOME", "/nonexistent-kijkronde-test", 1), 0);
    ck_assert_int_eq(setenv("XDG_DATA_DIRS", "/nonexistent-kijkronde-test", 1), 0);
    struct kr_kijkvraag_list l = {0};
    char *notices = NULL;
    ck_assert_int_eq(kr_kijkvragen_load(NULL, &l, &notices, &err), KR_OK);
    ck_assert_msg(notices == NULL, "%s", notices);
    ck_assert_uint_ge(l.n, 16);
    ck_assert_uint_eq(l.n, kr_kijkvraag_builtins_n);
    bool basis[KR_BASIS_COUNT] = {false};
    for (size_t i = 0; i < l.n; i++) {
        basis[l.items[i].basis] = true;
        ck_assert(l.items[i].builtin);
        if (i > 0) /* sorted by basisvaardigheid, then id */
            ck_assert(l.items[i - 1].basis < l.items[i].basis ||
                      (l.items[i - 1].basis == l.items[i].basis &&
                       strcmp(l.items[i - 1].id, l.items[i].id) < 0));
    }
    for (int b = 1; b < KR_BASIS_COUNT; b++)
        ck_assert_msg(basis[b], "no kijkvraag for %s", kr_basis_str((enum kr_basis)b));
    const struct kr_kijkvraag *demo = find(&l, "rekenen-vastlopen");
    ck_assert_ptr_nonnull(demo);
    ck_assert_str_eq(demo->vraag, "Wat doen en zeggen leerlingen als een rekenopgave moeilijk "
                                  "voor ze is? Wat doen ze daarna?");
    /* Every shipped kijkvraag is lint-clean. */
    struct kr_linter *lint;
    ck_assert_int_eq(kr_linter_new(&lint, &err), KR_OK);
    struct kr_lint_list f = {0};
    for (size_t i = 0; i < l.n; i++)
        ck_assert_msg(kr_lint(lint, l.items[i].vraag, strlen(l.items[i].vraag), &f) == 0, "%s: %s",
                      l.items[i].id, f.n ? f.items[0].kind : "");
    kr_lint_list_fini(&f);
    kr_linter_free(lint);
    kr_kijkvraag_list_fini(&l);
}
END_TEST

START_TEST(test_kijkvragen_overrides_and_broken_user_files)
{
    snprintf(tmp, sizeof tmp, "/tmp/kr-kv-test-%ld", (long)getpid());
    char *xdg = kr_xasprintf("%s/xdg", tmp), *kvdir = kr_xasprintf("%s/xdg/kijkronde", tmp);
    char *kv = kr_xasprintf("%s/kijkvragen", kvdir), *net = kr_xasprintf("%s/net", tmp);
    ck_assert_int_eq(mkdir(tmp, 0700), 0);
    ck_assert_int_eq(mkdir(xdg, 0700), 0);
    ck_assert_int_eq(mkdir(kvdir, 0700), 0);
    ck_assert_int_eq(mkdir(kv, 0700), 0);
    ck_assert_int_eq(mkdir(net, 0700), 0);
    ck_assert_int_eq(setenv("XDG_DATA_HOME", xdg, 1), 0);
    ck_assert_int_eq(setenv("XDG_DATA_DIRS", "/nonexistent-kijkronde-test", 1), 0);

    /* XDG overrides a built-in; the network set overrides XDG; a new id is added. */
    char *t = with_line(1, "id: rekenen-vastlopen\n");
    write_file(kv, "rekenen-vastlopen.yaml", t);
    char *t2 = replace_line(t, 2, "vraag: Wat doen leerlingen van het netwerk?\n");
    write_file(net, "rekenen-vastlopen.yaml", t2);
    free(t);
    free(t2);
    t = with_line(1, "id: eigen\n");
    write_file(net, "eigen.yaml", t);
    free(t);
    /* Broken files: skipped with a positioned notice, the rest still loads. */
    write_file(net, "kapot.yaml", "id: kapot\nvraag: [\n");
    t = with_line(4, "themaa: x\n");
    write_file(kv, "naam.yaml", t);
    free(t);
    /* Same id twice in one directory (.yaml and .yml). */
    t = with_line(1, "id: eigen\n");
    write_file(net, "eigen.yml", t);
    free(t);
    write_file(net, "geen-yaml.txt", "wordt genegeerd");

    struct kr_kijkvraag_list l = {0};
    char *notices = NULL;
    ck_assert_int_eq(kr_kijkvragen_load(net, &l, &notices, &err), KR_OK);
    ck_assert_ptr_nonnull(notices);
    ck_assert_uint_eq(l.n, kr_kijkvraag_builtins_n + 1);
    const struct kr_kijkvraag *k = find(&l, "rekenen-vastlopen");
    ck_assert_ptr_nonnull(k);
    ck_assert_str_eq(k->vraag, "Wat doen leerlingen van het netwerk?");
    ck_assert(!k->builtin);
    ck_assert_ptr_nonnull(find(&l, "eigen"));
    ck_assert_ptr_null(find(&l, "kapot"));
    ck_assert_ptr_null(find(&l, "naam"));
    char *want = kr_xasprintf("%s/rekenen-vastlopen.yaml: vervangt kijkvraag 'rekenen-vastlopen' "
                              "uit (ingebouwd) kijkvragen/rekenen-vastlopen.yaml",
                              kv);
    ck_assert_msg(strstr(notices, want), "%s", notices);
    free(want);
    want = kr_xasprintf("%s/rekenen-vastlopen.yaml: vervangt kijkvraag 'rekenen-vastlopen' uit "
                        "%s/rekenen-vastlopen.yaml",
                        net, kv);
    ck_assert_msg(strstr(notices, want), "%s", notices);
    free(want);
    want = kr_xasprintf("%s/naam.yaml:4:1: onbekende sleutel 'themaa'", kv);
    ck_assert_msg(strstr(notices, want), "%s", notices);
    free(want);
    want = kr_xasprintf("%s/kapot.yaml:3:1: ", net);
    ck_assert_msg(strstr(notices, want), "%s", notices);
    free(want);
    ck_assert_msg(strstr(notices, "de andere kijkvragen zijn wel geladen"), "%s", notices);
    want = kr_xasprintf("%s/eigen.yml:1:5: id 'eigen' komt ook voor in %s/eigen.yaml", net, net);
    ck_assert_msg(strstr(notices, want), "%s", notices);
    free(want);
    free(notices);
    kr_kijkvraag_list_fini(&l);

    /* A --kijkvragen directory that does not exist is an error that names it. */
    char *missing = kr_xasprintf("%s/bestaat-niet", tmp);
    ck_assert_int_eq(kr_kijkvragen_load(missing, &l, &notices, &err), KR_IO);
    ck_assert_str_eq(err.file, missing);
    ck_assert_uint_eq(l.n, 0);
    ck_assert_ptr_null(notices);
    free(missing);

    rm_rf(tmp);
    free(xdg);
    free(kvdir);
    free(kv);
    free(net);
}
END_TEST

/* The bytes of the built-in file called name, as a string. */
static char *builtin_text(const char *name)
{
    for (size_t i = 0; i < kr_kijkvraag_builtins_n; i++)
        if (strcmp(kr_kijkvraag_builtins[i].name, name) == 0)
            return kr_xstrndup(kr_kijkvraag_builtins[i].data, *kr_kijkvraag_builtins[i].len);
    ck_abort_msg("no built-in %s", name);
    return NULL;
}

START_TEST(test_kijkvragen_system_dirs)
{
    snprintf(tmp, sizeof tmp, "/tmp/kr-kv-sys-%ld", (long)getpid());
    ck_assert_int_eq(mkdir(tmp, 0700), 0);
    /* Two system dirs (the first is the more important), as installed: share/kijkronde/kijkvragen.
     */
    char *share[2], *kv[2];
    for (int i = 0; i < 2; i++) {
        share[i] = kr_xasprintf("%s/share%d", tmp, i);
        char *d = kr_xasprintf("%s/kijkronde", share[i]);
        kv[i] = kr_xasprintf("%s/kijkvragen", d);
        ck_assert_int_eq(mkdir(share[i], 0700), 0);
        ck_assert_int_eq(mkdir(d, 0700), 0);
        ck_assert_int_eq(mkdir(kv[i], 0700), 0);
        free(d);
    }
    char *dirs = kr_xasprintf("%s/:relatief:%s", share[0], share[1]);
    ck_assert_int_eq(setenv("XDG_DATA_DIRS", dirs, 1), 0);
    char *home = kr_xasprintf("%s/home", tmp);
    ck_assert_int_eq(setenv("XDG_DATA_HOME", home, 1), 0);

    /* The installed copy of a built-in file, in both: still the built-in one, no notice. */
    char *orig = builtin_text("rekenen-vastlopen.yaml");
    write_file(kv[0], "rekenen-vastlopen.yaml", orig);
    write_file(kv[1], "rekenen-vastlopen.yaml", orig);
    free(orig);
    /* The same id changed in both: the more important dir wins, quietly. */
    orig = builtin_text("taal-thuistaal.yaml");
    char *t = replace_line(orig, 2, "vraag: Wat doen leerlingen met hun thuistaal in de les?\n");
    ck_assert_str_ne(t, orig);
    write_file(kv[0], "taal-thuistaal.yaml", t);
    free(t);
    t = replace_line(orig, 2, "vraag: Welke talen gebruiken leerlingen in de kring?\n");
    write_file(kv[1], "taal-thuistaal.yaml", t);
    free(t);
    free(orig);
    /* A new id in the less important dir is added; a broken file is skipped with a notice. */
    t = with_line(1, "id: systeem-eigen\n");
    write_file(kv[1], "systeem-eigen.yaml", t);
    free(t);
    write_file(kv[1], "kapot.yaml", "id: kapot\nvraag: [\n");

    struct kr_kijkvraag_list l = {0};
    char *notices = NULL;
    ck_assert_int_eq(kr_kijkvragen_load(NULL, &l, &notices, &err), KR_OK);
    ck_assert_uint_eq(l.n, kr_kijkvraag_builtins_n + 1);
    const struct kr_kijkvraag *k = find(&l, "rekenen-vastlopen");
    ck_assert(k && k->builtin);
    ck_assert_str_eq(k->file, "(ingebouwd) kijkvragen/rekenen-vastlopen.yaml");
    k = find(&l, "taal-thuistaal");
    ck_assert(k && !k->builtin);
    ck_assert_str_eq(k->vraag, "Wat doen leerlingen met hun thuistaal in de les?");
    char *want = kr_xasprintf("%s/taal-thuistaal.yaml", kv[0]);
    ck_assert_str_eq(k->file, want);
    free(want);
    k = find(&l, "systeem-eigen");
    ck_assert(k && !k->builtin);
    ck_assert_ptr_null(find(&l, "kapot"));
    ck_assert_ptr_nonnull(notices);
    ck_assert_msg(!strstr(notices, "vervangt"), "%s", notices);
    want = kr_xasprintf("%s/kapot.yaml:3:1: ", kv[1]);
    ck_assert_msg(strstr(notices, want), "%s", notices);
    free(want);
    free(notices);
    kr_kijkvraag_list_fini(&l);

    /* The user's own file overrides the system's, and says so. */
    char *hk = kr_xasprintf("%s/kijkronde", home);
    char *hkv = kr_xasprintf("%s/kijkvragen", hk);
    ck_assert_int_eq(mkdir(home, 0700), 0);
    ck_assert_int_eq(mkdir(hk, 0700), 0);
    ck_assert_int_eq(mkdir(hkv, 0700), 0);
    t = with_line(1, "id: systeem-eigen\n");
    char *t2 = replace_line(t, 2, "vraag: Wat doen leerlingen van mijzelf?\n");
    write_file(hkv, "systeem-eigen.yaml", t2);
    free(t);
    free(t2);
    char *kapot = kr_xasprintf("%s/kapot.yaml", kv[1]);
    ck_assert_int_eq(unlink(kapot), 0);
    free(kapot);
    ck_assert_int_eq(kr_kijkvragen_load(NULL, &l, &notices, &err), KR_OK);
    k = find(&l, "systeem-eigen");
    ck_assert(k != NULL);
    ck_assert_str_eq(k->vraag, "Wat doen leerlingen van mijzelf?");
    want = kr_xasprintf("%s/systeem-eigen.yaml: vervangt kijkvraag 'systeem-eigen' uit "
                        "%s/systeem-eigen.yaml\n",
                        hkv, kv[1]);
    ck_assert_ptr_nonnull(notices);
    ck_assert_str_eq(notices, want);
    free(want);
    free(notices);
    kr_kijkvraag_list_fini(&l);

    ck_assert_int_eq(unsetenv("XDG_DATA_DIRS"), 0);
    rm_rf(tmp);
    for (int i = 0; i < 2; i++) {
        free(share[i]);
        free(kv[i]);
    }
    free(dirs);
    free(home);
    free(hk);
    free(hkv);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("kijkvraag");
    TCase *t = tcase_create("loader");
    tcase_add_test(t, test_kijkvraag_loads_all_fields);
    tcase_add_test(t, test_kijkvraag_unknown_key);
    tcase_add_test(t, test_kijkvraag_wrong_types);
    tcase_add_test(t, test_kijkvraag_kijkpunten_count);
    tcase_add_test(t, test_kijkvraag_duplicate_key);
    tcase_add_test(t, test_kijkvraag_missing_field);
    tcase_add_test(t, test_kijkvraag_id_must_match_file_name);
    tcase_add_test(t, test_kijkvraag_refuses_other_yaml);
    suite_add_tcase(s, t);
    t = tcase_create("library");
    tcase_add_test(t, test_kijkvragen_builtin_library);
    tcase_add_test(t, test_kijkvragen_overrides_and_broken_user_files);
    tcase_add_test(t, test_kijkvragen_system_dirs);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
