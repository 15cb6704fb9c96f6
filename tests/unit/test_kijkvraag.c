/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the kijkvragen module: the strict loader (every kind of error with
 * its line:col), the library with its sources and overrides, and the lint on a
 * labelled list of questions schools write (bad ones with the kind they must get,
 * good ones that must stay clean).
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

/* ---- the lint ---- */

/* Questions as schools write them, with the kind the lint must give. Sources: the
 * reports (domain.md 2.4 and 4.2) and what coordinators hear in voorgesprekken. */
static const struct {
    const char *kind;
    const char *q;
} BAD[] = {
    {"toetsend", "Wordt het EDI-model goed toegepast?"},
    {"leraargericht", "Geeft de leraar een goede instructie?"},
    {"oordeel", "Geeft de leraar een goede instructie?"},
    {"toetsend", "Houden alle docenten zich aan de weekwoordenafspraak?"},
    {"gesloten", "Is het klassenmanagement op orde?"},
    {"oordeel", "Hoe goed werkt onze nieuwe rekenmethode?"},
    {"etalage", "Kijk eens hoe mooi onze nieuwe leeshoeken zijn."},
    {"onzichtbaar", "Zijn de leerlingen gemotiveerd?"},
    {"gesloten", "Zijn de leerlingen gemotiveerd?"},
    {"toetsend", "Wordt indicator 3 van de kijkwijzer nageleefd?"},
    {"leraargericht", "Wat doet de leraar fout bij het differentiëren?"},
    {"leraargericht", "Hoe geeft de leerkracht instructie?"},
    {"gesloten", "Werken leerlingen zelfstandig aan hun weektaak?"},
    {"gesloten", "Is er rust in de klas tijdens het zelfstandig werken?"},
    {"oordeel", "In hoeverre zijn de lessen begrijpend lezen effectief?"},
    {"onzichtbaar", "Vinden leerlingen het leuk om te lezen?"},
    {"onzichtbaar", "Hoe betrokken zijn de leerlingen tijdens de rekenles?"},
    {"onzichtbaar", "Snappen de kinderen de uitleg bij rekenen?"},
    {"toetsend", "Worden de afspraken over het gebruik van de chromebooks nageleefd?"},
    {"leraargericht", "Hoe differentieert de leerkracht tijdens de instructie?"},
    {"toetsend", "Wordt er in alle groepen volgens het directe instructiemodel gewerkt?"},
    {"gesloten", "Gebruiken de leerkrachten de nieuwe methode voor begrijpend lezen?"},
    {"oordeel", "Hoe effectief is de verlengde instructie aan de instructietafel?"},
    {"onzichtbaar", "Begrijpen leerlingen waarom ze burgerschapslessen krijgen?"},
    {"leraargericht", "Hoe zorgen leerkrachten voor een veilig klimaat?"},
    {"toetsend", "Voldoet de leesles aan de kwaliteitskaart van de school?"},
    {"onzichtbaar", "Hoe groot is het eigenaarschap van leerlingen over hun leerproces?"},
    {"oordeel", "Hoe goed kunnen onze leerlingen digitaal zoeken?"},
    {"gesloten", "Lezen de leerlingen elke dag twintig minuten?"},
    {"leraargericht", "Welke rol speelt de leerkracht bij het samenwerken?"},
    {"toetsend", "Zijn de weekwoorden in elke klas zichtbaar zoals afgesproken?"},
    {"onzichtbaar", "Voelen leerlingen zich veilig om fouten te maken?"},
    {"gesloten", "Stellen leerkrachten genoeg hogere-orde-vragen?"},
    {"leraargericht", "Hoe geven de docenten feedback op de rekentoets?"},
    {"toetsend", "Hoe wordt er gedifferentieerd in de klas?"},
    {"oordeel", "Krijgen leerlingen voldoende uitdaging?"},
    {"toetsend", "Wordt het digitale leerplatform op de juiste manier gebruikt?"},
    {"onzichtbaar", "Weten de leerlingen wat het doel van de les is?"},
    {"leraargericht", "Hoe motiveert de juf de kinderen om te lezen?"},
    {"onzichtbaar", "Hebben de leerlingen plezier in lezen?"},
    {"geen-leerling", "Hoe effectief zijn de tutorlezen-momenten?"},
    {"geen-leerling", "Werkt de nieuwe methode voor technisch lezen?"},
    {"gesloten", "Zijn de lesdoelen zichtbaar op het bord"},
    {"leraargericht", "Hoe zorgen we ervoor dat leerlingen meer lezen?"},
    {"leraargericht", "Hoe kunnen wij de betrokkenheid van leerlingen vergroten?"},
};

/* Open learner-behaviour questions: no finding at all. */
static const char *const GOOD_Q[] = {
    "Wat doen leerlingen wanneer zij werken met digitale leermiddelen?",
    "Wanneer zijn leerlingen betrokken? Waar zien we dat aan?",
    "Wat doen en zeggen leerlingen als een rekenopgave moeilijk voor ze is? Wat doen ze daarna?",
    ("Hoeveel van de lestijd zijn leerlingen zelf aan het lezen, en wat doen ze als ze een woord "
     "niet kennen?"),
    "Wat laten leerlingen zien en horen tijdens de controle van begrip en de begeleide inoefening?",
    "Wanneer en hoe gebruiken leerlingen de weekwoorden, ook buiten de les Nederlands?",
    "Waar in het gebouw en in de lessen zie je leerlingen burgerschap laten zien? Wat doen ze dan?",
    "Waaraan zie je dat leerlingen eigenaarschap nemen over hun werk of de ruimte?",
    "Wat doen leerlingen als ze samen aan een tekst werken?",
    "Wanneer gebruiken leerlingen hun thuistaal in de les, en wat doen ze direct daarna?",
    "Wat doen leerlingen als ze iets niet begrijpen? Bij wie of wat zoeken ze hulp?",
    "Gebruiken kleuters woorden uit het thema in hun spel en gesprekjes? Welke en hoe?",
    "Wat doen leerlingen die hun werk snel af hebben?",
    "Wat doen leerlingen als de leraar een vraag stelt aan de hele klas?",
    "Hoe reageren leerlingen op de feedback van de leerkracht?",
    "Welke vragen stellen leerlingen aan elkaar tijdens het samenwerken?",
    "Wat doen kinderen in de eerste vijf minuten na de instructie?",
    "Op welke manier helpen leerlingen elkaar bij het rekenen?",
    "Wat doen leerlingen als ze een fout maken?",
    "Wanneer de leerkracht uitleg geeft, wat doen de leerlingen dan?",
    "Hoe gaan kleuters om met de materialen in de bouwhoek?",
    "Welke strategieën zie je leerlingen gebruiken bij begrijpend lezen?",
    "Wat doen en zeggen leerlingen als een medeleerling een fout antwoord geeft?",
    "Hoe vaak en bij wie vragen leerlingen om hulp tijdens het zelfstandig werken?",
    "Wat doen leerlingen als de juf zegt: 'Dat is goed toegepast'?",
    "Wat doen kinderen als ze een woord niet goed kunnen lezen?",
    "Wat doen leerlingen als hun antwoord fout is?",
    "Wat zien we leerlingen doen als ze een opdracht niet snappen?",
    "Waar zien we leerlingen samenwerken, en wat zeggen ze dan tegen elkaar?",
    "Wat doen leerlingen om te laten zien dat ze het snappen?",
    "Waar halen leerlingen hulp als de juf bij de instructietafel zit?",
};

/*
 * A held-out set: written after the lint was built and measured once before any change to
 * it (20 of 20 checking/closed/teacher-centred questions flagged, 18 of 20 open
 * learner-behaviour questions clean; the two misses, "waar ze het antwoord niet op weten"
 * and "een bron beoordelen", were then fixed). Kept as regression data.
 */
static const char *const HELD_BAD[] = {
    "Wordt de nieuwe spellingaanpak in alle groepen op dezelfde manier uitgevoerd?",
    "Hanteren de leerkrachten het stappenplan bij begrijpend lezen?",
    "Hoe bewaakt de leerkracht de lestijd?",
    "Is de klassenopstelling geschikt voor coöperatief leren?",
    "Krijgt iedere leerling de instructie die hij nodig heeft?",
    "Wordt het lesdoel aan het begin van de les genoemd?",
    "Geven de leraren voldoende verlengde instructie?",
    "Hoe organiseert de juf het circuit in groep 3?",
    "Past de leerkracht het model van de gedeelde verantwoordelijkheid toe?",
    "Maken alle groepen gebruik van de leesmeter?",
    "Is er sprake van een taalrijke omgeving in de kleutergroepen?",
    "Hoe controleert de leraar of de leerlingen het begrepen hebben?",
    "Zijn de afspraken over mediawijsheid bekend bij de leerlingen?",
    "Wordt er in de bovenbouw voldoende aandacht besteed aan burgerschap?",
    "Sluit de instructie aan bij de onderwijsbehoeften van de groep?",
    "Hoe zet de docent de digiborden in tijdens de les?",
    "Heeft de leerkracht een duidelijke klassenstructuur?",
    "Volgen de leerkrachten de rekenmethode zoals bedoeld?",
    "Werkt de leerkracht met het directe instructiemodel?",
    "Hoe betrekt het team de ouders bij het leesonderwijs?",
};
static const char *const HELD_GOOD[] = {
    "Wat doen leerlingen als ze een opdracht op de tablet af hebben?",
    "Welke woorden gebruiken leerlingen als ze in groepjes over een prentenboek praten?",
    "Wat zeggen leerlingen tegen elkaar tijdens het oefenen van de tafels?",
    "Hoe gaan leerlingen te werk als ze een verhaalsom moeten oplossen?",
    "Wat doen kleuters als ze in de kring moeten wachten op hun beurt?",
    "Wat doen leerlingen als ze een onbekend woord tegenkomen in een zaakvaktekst?",
    "Bij welke momenten in de les stellen leerlingen zelf vragen, en wat vragen ze?",
    "Wat doen leerlingen in de eerste minuten van de les, voordat de instructie begint?",
    "Hoe verdelen leerlingen het werk als ze samen een presentatie maken?",
    "Wat doen leerlingen met de hulpkaarten die in de klas hangen?",
    "Welke strategieën gebruiken leerlingen als ze een tekst samenvatten?",
    "Wat doen leerlingen als er onenigheid ontstaat tijdens het samenwerken?",
    "Waar kijken leerlingen naar als ze een grafiek moeten aflezen?",
    "Wat zeggen leerlingen als ze hun werk aan een klasgenoot laten zien?",
    "Hoe kiezen leerlingen welke opdracht ze als eerste gaan maken?",
    "Wat doen leerlingen op het plein als iemand alleen staat?",
    "Wat schrijven leerlingen op als ze een eigen leerdoel formuleren?",
    "Wat doen leerlingen als ze hun thuistaal spreken met een nieuwkomer in de klas?",
    ("Hoe reageren leerlingen op een vraag van de leerkracht waar ze het antwoord niet direct op "
     "weten?"),
    "Wat doen leerlingen wanneer ze online een bron moeten beoordelen?",
};

static struct kr_linter *L;

static void lint_setup(void)
{
    ck_assert_int_eq(kr_linter_new(&L, &err), KR_OK);
}

static void lint_teardown(void)
{
    kr_linter_free(L);
    L = NULL;
}

static const struct kr_lint_finding *kind_in(const struct kr_lint_list *f, const char *kind)
{
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(f->items[i].kind, kind) == 0)
            return &f->items[i];
    return NULL;
}

START_TEST(test_lint_labelled_bad_questions)
{
    ck_assert_uint_ge(sizeof BAD / sizeof BAD[0] + sizeof GOOD_Q / sizeof GOOD_Q[0], 40);
    struct kr_lint_list f = {0};
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        size_t len = strlen(BAD[i].q);
        kr_lint(L, BAD[i].q, len, &f);
        const struct kr_lint_finding *x = kind_in(&f, BAD[i].kind);
        ck_assert_msg(x, "'%s' did not get %s (%zu findings, first %s)", BAD[i].q, BAD[i].kind, f.n,
                      f.n ? f.items[0].kind : "-");
        ck_assert(x->start < x->end && x->end <= len);
        ck_assert(x->message[0] && x->hint[0]);
        ck_assert_msg(strstr(x->hint, "leerlingen"), "hint without learners: %s", x->hint);
        /* At most one finding per kind, sorted by position (the no-learner one last). */
        for (size_t a = 0; a < f.n; a++)
            for (size_t b = a + 1; b < f.n; b++) {
                ck_assert_str_ne(f.items[a].kind, f.items[b].kind);
                if (strcmp(f.items[b].kind, "geen-leerling") != 0)
                    ck_assert_uint_le(f.items[a].start, f.items[b].start);
            }
    }
    kr_lint_list_fini(&f);
}
END_TEST

START_TEST(test_lint_heldout_questions)
{
    struct kr_lint_list f = {0};
    for (size_t i = 0; i < sizeof HELD_BAD / sizeof HELD_BAD[0]; i++)
        ck_assert_msg(kr_lint(L, HELD_BAD[i], strlen(HELD_BAD[i]), &f) > 0, "'%s' not flagged",
                      HELD_BAD[i]);
    for (size_t i = 0; i < sizeof HELD_GOOD / sizeof HELD_GOOD[0]; i++)
        ck_assert_msg(kr_lint(L, HELD_GOOD[i], strlen(HELD_GOOD[i]), &f) == 0, "'%s' got %s",
                      HELD_GOOD[i], f.items[0].kind);
    kr_lint_list_fini(&f);
}
END_TEST

/*
 * A labelled file (tests/data/kijkvraag_*.tsv: LABEL<TAB>TEXT, # comments): 'goed' must stay
 * clean, any other label (the kind of bad question) must get a finding of some kind.
 */
struct kv_score {
    size_t bad_hit, bad, good_clean, good;
    size_t good_only_learner; /* good questions whose only remark is geen-leerling */
};

static void score_questions(const char *path, struct kv_score *sc)
{
    FILE *fp = fopen(path, "r");
    ck_assert_msg(fp, "%s", path);
    memset(sc, 0, sizeof *sc);
    struct kr_lint_list f = {0};
    char line[4096];
    while (fgets(line, sizeof line, fp)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *tab = strchr(line, '\t');
        ck_assert_ptr_nonnull(tab);
        *tab = '\0';
        const char *q = tab + 1;
        size_t n = kr_lint(L, q, strlen(q), &f);
        if (strcmp(line, "goed") == 0) {
            sc->good++;
            if (n == 0)
                sc->good_clean++;
            else
                printf("# onterecht (%s): %s\n", f.items[0].kind, q);
        } else {
            sc->bad++;
            if (n > 0)
                sc->bad_hit++;
            else
                printf("# gemist (%s): %s\n", line, q);
        }
    }
    fclose(fp);
    kr_lint_list_fini(&f);
    printf("# %s: %zu/%zu slechte vragen gemeld, %zu/%zu goede vragen schoon\n",
           strrchr(path, '/') + 1, sc->bad_hit, sc->bad, sc->good_clean, sc->good);
}

/* The acceptance: at least 9 of 10 bad questions get a finding, 9 of 10 good ones none. */
static void expect_floors(const char *path, size_t min_each)
{
    struct kv_score sc;
    score_questions(path, &sc);
    ck_assert_uint_ge(sc.bad, min_each);
    ck_assert_uint_ge(sc.good, min_each);
    ck_assert_msg(sc.bad_hit * 10 >= 9 * sc.bad, "%zu/%zu bad flagged", sc.bad_hit, sc.bad);
    ck_assert_msg(sc.good_clean * 10 >= 9 * sc.good, "%zu/%zu good clean", sc.good_clean, sc.good);
}

/* The public questions (tests/data/kijkvraag_public.tsv: PART, LABEL, TEXT, SOURCE_LABEL, SOURCE),
 * one part at a time: "dev" may be tuned on, "test" is only measured. */
static void score_public_file(const char *path, const char *part, struct kv_score *sc)
{
    FILE *fp = fopen(path, "r");
    ck_assert_ptr_nonnull(fp);
    memset(sc, 0, sizeof *sc);
    struct kr_lint_list f = {0};
    char line[4096];
    while (fgets(line, sizeof line, fp)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *fields[5];
        char *p = line;
        for (int i = 0; i < 5; i++) {
            ck_assert_ptr_nonnull(p);
            fields[i] = p;
            char *tab = strchr(p, '\t');
            if (tab)
                *tab++ = '\0';
            p = tab;
        }
        ck_assert(strcmp(fields[0], "dev") == 0 || strcmp(fields[0], "test") == 0 ||
                  strcmp(fields[0], "test2") == 0);
        if (strcmp(fields[0], part) != 0)
            continue;
        const char *q = fields[2];
        size_t n = kr_lint(L, q, strlen(q), &f);
        if (strcmp(fields[1], "goed") == 0) {
            sc->good++;
            bool only_learner = n > 0;
            for (size_t k = 0; k < n; k++)
                only_learner &= strcmp(f.items[k].kind, "geen-leerling") == 0;
            if (n == 0)
                sc->good_clean++;
            else if (only_learner)
                sc->good_only_learner++;
            else
                printf("# %s onterecht (%s): %s\n", part, f.items[0].kind, q);
        } else {
            sc->bad++;
            if (n > 0)
                sc->bad_hit++;
            else
                printf("# %s gemist (%s): %s\n", part, fields[1], q);
        }
    }
    fclose(fp);
    kr_lint_list_fini(&f);
    printf("# %s %s: %zu/%zu slechte vragen gemeld, %zu/%zu goede vragen schoon\n",
           strrchr(path, '/') + 1, part, sc->bad_hit, sc->bad, sc->good_clean, sc->good);
}

static void score_public_questions(const char *part, struct kv_score *sc)
{
    score_public_file(KR_TEST_DATA "/kijkvraag_public.tsv", part, sc);
}

static void expect_clean(const char *q)
{
    struct kr_lint_list f = {0};
    size_t n = kr_lint(L, q, strlen(q), &f);
    ck_assert_msg(n == 0, "'%s' got %s", q, n ? f.items[0].kind : "");
    kr_lint_list_fini(&f);
}

static void expect_kind(const char *q, const char *kind)
{
    struct kr_lint_list f = {0};
    kr_lint(L, q, strlen(q), &f);
    ck_assert_msg(kind_in(&f, kind), "'%s' did not get %s", q, kind);
    kr_lint_list_fini(&f);
}

START_TEST(test_lint_sentence_rules)
{
    /* An introduction: open after a question word, closed after 'of', checking after 'dat'. */
    expect_clean("We zijn benieuwd hoe leerlingen reageren op feedback van een klasgenoot.");
    expect_clean("Kijk naar wat leerlingen doen als ze klaar zijn.");
    expect_kind("We willen weten of leerlingen de strategieën toepassen.", "gesloten");
    expect_kind("Zien we terug dat leerlingen het lesdoel benoemen?", "toetsend");
    /* A heading before a colon, and the teacher as a circumstance. */
    expect_clean("Thema motivatie: wat doen leerlingen als ze een nieuwe taak krijgen?");
    expect_clean("Tijdens de uitleg van de juf: wat doen leerlingen achterin de klas?");
    expect_kind("Wat is de rol van de leerkracht bij het samenwerken van leerlingen?",
                "leraargericht");
    /* Passive about learners is the teacher's work; learners as the agent are not. */
    expect_kind("Hoe worden leerlingen uitgedaagd tijdens de rekenles?", "leraargericht");
    expect_kind("Hoe worden leerlingen begeleid bij het plannen?", "leraargericht");
    expect_clean("Welke woorden worden door leerlingen gebruikt in hun uitleg?");
    /* 'Hoe' + adjective is a rating; 'Hoe vaak' and 'Hoe' + verb are not. */
    expect_kind("Hoe zelfstandig werken leerlingen aan hun weektaak?", "oordeel");
    expect_clean("Hoe vaak stellen leerlingen een vraag aan een klasgenoot?");
    expect_clean("Hoe reageert de klas als iemand een fout maakt?");
    /* Verb first without a question mark; an indirect 'of' clause is a condition. */
    expect_kind("Plannen leerlingen hun werk zelf", "gesloten");
    expect_clean("Hoe controleren leerlingen of hun antwoord goed is?");
    /* 'de groep' as the subject counts as learners, 'in de klas' is a place. */
    expect_clean("Wat doet de groep als de bel gaat?");
    expect_kind("Hoe zorgt de mentor ervoor dat de klas snel aan het werk gaat?", "leraargericht");
}
END_TEST

/* Measurement is not rating: "Hoe hoog", "Hoe groot" ask for a measure; "Hoe goed", "Hoe
 * effectief" and "Is de les goed?" ask for a verdict. An effect of something on something else
 * ("het effect van X op Y") asks what happens; an effect without "op" stays a rating. */
START_TEST(test_lint_measurement_not_rating)
{
    expect_clean("Hoe hoog wordt de toren die leerlingen bouwen?");
    expect_clean("Hoe groot zijn de stappen die leerlingen zetten?");
    expect_clean("Hoelang werken leerlingen zelfstandig door?");
    expect_kind("Hoe goed werken leerlingen samen?", "oordeel");
    expect_kind("Hoe effectief is de instructie voor leerlingen?", "oordeel");
    expect_kind("Is de les goed?", "oordeel");
    expect_clean("Wat is het effect van de hulpkaart op wat leerlingen doen?");
    expect_kind("Wat is het effect van de hulpkaart voor leerlingen?", "oordeel");
    expect_kind("Wat zijn de effecten van de weektaak voor leerlingen?", "oordeel");
    /* 'goed' as a way of looking is an instruction, not a verdict. */
    expect_clean("Hoe vaak kijken leerlingen goed om zich heen?");
}
END_TEST

/* A pronoun right after the verb of a question, or right after a conjunction, is the learner
 * when no adult is named; after a verb of noticing it is the observer. */
START_TEST(test_lint_pronoun_learners)
{
    expect_clean("Waar speelt hij mee?");
    expect_clean("Welke stappen heb je gezet?");
    expect_clean("Wat gebeurt er met de toren wanneer je er een blok bij legt?");
    expect_kind("Wat zie je?", "geen-leerling");
    expect_kind("Wat valt je op?", "geen-leerling");
    /* Not a learner: the tip comes along with a warning (alone it leaves the question alone). */
    expect_kind("Waar kan ik je goed bij helpen?", "geen-leerling");
    expect_kind("Wat zegt hij tegen de leerkracht over de beste aanpak?", "geen-leerling");
    /* The teacher's work as the object: the pronoun may be the teacher. */
    expect_kind("Hoe geeft hij instructie?", "leraargericht");
    expect_kind("Hoe geef je feedback?", "leraargericht");
    expect_clean("Wat doet hij tijdens de uitleg?");
    /* The group after 'van' is whose it is; 'in de klas' stays a place. */
    expect_clean("Hoe hoog wordt de toren van de groep?");
    expect_kind("Hoe goed gaat het in de klas?", "geen-leerling");
}
END_TEST

/* A kijkvraag is about learners: a question that names none gets "geen-leerling", also when
 * nothing else is wrong with it (lint14c made it a tip; the coordinator reverted that, see
 * docs/kijkvragen.md "Waarom geen-leerling blijft"); with another warning it comes along. */
START_TEST(test_lint_no_learner_is_named)
{
    expect_kind("Hoe vaak gebeurt dat?", "geen-leerling");
    expect_kind("Wat eet de poes?", "geen-leerling");
    expect_kind("Wat zie je?", "geen-leerling");
    expect_kind("Wat valt je nog meer op?", "geen-leerling");
    expect_clean("Wat zeggen leerlingen tegen elkaar als ze vastlopen?");
    expect_clean("Waar speelt hij mee?");
    expect_kind("Is er een coöperatieve omgeving?", "gesloten");
    expect_kind("Is er een coöperatieve omgeving?", "geen-leerling");
    expect_kind("Hoe effectief is de nieuwe methode?", "oordeel");
    expect_kind("Hoe effectief is de nieuwe methode?", "geen-leerling");
}
END_TEST

/* A question that opens with 'waarom' asks for a reason, which is in someone's head. */
START_TEST(test_lint_why_asks_for_a_reason)
{
    expect_kind("Waarom zou dat zijn?", "onzichtbaar");
    expect_kind("Waarom werken leerlingen niet samen?", "onzichtbaar");
    expect_kind("Welke keuze maken leerlingen? Waarom kiezen ze die?", "onzichtbaar");
    expect_kind("We zijn benieuwd waarom leerlingen stoppen.", "onzichtbaar");
    expect_clean("Wat zeggen leerlingen als je vraagt waarom ze dit leren?");
    struct kr_lint_list f = {0};
    const char *q = "Kan dit gebeurd zijn en waarom wel of niet?";
    kr_lint(L, q, strlen(q), &f);
    ck_assert_msg(!kind_in(&f, "onzichtbaar"), "'%s' got onzichtbaar", q);
    kr_lint_list_fini(&f);
}
END_TEST

/* 'Hoe' with only a form of 'zijn' asks how it was: a verdict. A perfect tense is not. */
START_TEST(test_lint_how_was_it_is_a_verdict)
{
    expect_kind("Hoe was de les?", "oordeel");
    expect_kind("Hoe was je dag?", "oordeel");
    expect_kind("Hoe waren de antwoorden van de leerlingen?", "oordeel");
    expect_clean("Hoe zijn leerlingen aan de slag gegaan?");
    expect_clean("Hoe zijn ze te werk gegaan?");
    expect_clean("Hoe hoog is de toren van de groep?");
}
END_TEST

/* The effect of what a learner does asks what happens; learners as the ones it is for do not. */
START_TEST(test_lint_effect_of_a_learners_action)
{
    expect_clean("Wat is het effect als een leerling hardop telt?");
    expect_clean("Wat is het gevolg van wat leerlingen tegen elkaar zeggen?");
    expect_clean("Wat is het effect wanneer je een blok op de toren legt?");
    expect_kind("Wat is het effect van de hulpkaart voor leerlingen?", "oordeel");
    expect_kind("Wat is het effect?", "oordeel");
}
END_TEST

/* A yes/no question with a question word coordinated after 'en' asks for more than yes or no
 * (issue 14, dev part of the public questions): not closed. Two yes/no clauses stay closed. */
START_TEST(test_lint_coordinated_question_word_is_open)
{
    struct kr_lint_list f = {0};
    const char *q = "Kan dit gebeurd zijn en waarom wel of niet?";
    kr_lint(L, q, strlen(q), &f);
    ck_assert_msg(!kind_in(&f, "gesloten"), "'%s' got gesloten", q);
    kr_lint_list_fini(&f);
    expect_clean("Werken leerlingen samen en hoe doen ze dat?");
    expect_clean("Stellen leerlingen vragen aan elkaar en welke vragen zijn dat?");
    expect_kind("Werken leerlingen samen?", "gesloten");
    expect_kind("Werken leerlingen samen en helpen ze elkaar?", "gesloten");
    expect_kind("Zijn leerlingen stil en luisteren ze naar de juf?", "gesloten");
}
END_TEST

START_TEST(test_lint_question_corpus)
{
    expect_floors(KR_TEST_DATA "/kijkvraag_corpus.tsv", 40);
}
END_TEST

START_TEST(test_lint_question_validation)
{
    expect_floors(KR_TEST_DATA "/kijkvraag_validation.tsv", 15);
}
END_TEST

/*
 * The public questions, 76 from pages nobody here wrote (docs/kijkvragen.md). First look, before
 * any change: dev 5/40 good clean, 12/12 bad flagged; test 1/17 good clean, 7/7 bad flagged.
 * After the rules of issue 14 (tuned on dev only): dev 18/40 and 12/12; test 10/17 (58.8%) and
 * 7/7. The acceptance for bad questions (>= 85% flagged) is met on test; the acceptance for good
 * ones (>= 80% left alone) is NOT met: most of the rest are questions put to a child in
 * conversation that name no learner ("Hoe vaak gebeurt dat?") or closed questions the source
 * still calls good. The floors below guard the measured level, not the goal.
 * lint14c: this whole file is development data now (both parts were looked at); "geen-leerling"
 * alone became a tip, and 'waarom', 'hoe was' and observer-only questions got rules: dev 31/40
 * good clean and 9/12 bad flagged, test 13/17 and 7/7. The fresh measurement is
 * kijkvraag_public2.tsv (test_lint_public2_heldout).
 */
START_TEST(test_lint_public_heldout)
{
    struct kv_score dev, test;
    score_public_questions("dev", &dev);
    score_public_questions("test", &test);
    ck_assert_uint_eq(dev.good, 40);
    ck_assert_uint_eq(dev.bad, 12);
    ck_assert_uint_eq(test.good, 17);
    ck_assert_uint_eq(test.bad, 7);
    ck_assert_uint_ge(test.bad_hit * 100, 85 * test.bad); /* acceptance: bad flagged >= 85% */
    ck_assert_uint_ge(test.bad_hit, 7);                   /* measured: 7/7 */
    printf("# public dev: good clean %zu/%zu (+%zu only geen-leerling), bad %zu/%zu; test: %zu/%zu "
           "(+%zu), bad %zu/%zu\n",
           dev.good_clean, dev.good, dev.good_only_learner, dev.bad_hit, dev.bad, test.good_clean,
           test.good, test.good_only_learner, test.bad_hit, test.bad);
    /* geen-leerling a warning again (the coordinator's revert of lint14c's tip): */
    ck_assert_uint_ge(test.good_clean, 10);                          /* 10/17 */
    ck_assert_uint_ge(test.good_clean + test.good_only_learner, 13); /* lint14c: 13/17 */
    ck_assert_uint_ge(dev.bad_hit, 12);                              /* 12/12 */
    ck_assert_uint_ge(dev.good_clean + dev.good_only_learner, 31);   /* lint14c: 31/40 */
}
END_TEST

/*
 * The fresh held-out set (tests/data/kijkvraag_public2.tsv, 47 questions from pages not used
 * before, labelled and committed before the lint saw them; docs/kijkvragen.md). First look, the
 * lint of main: 9/34 good clean (26.5%), 7/13 bad flagged (53.8%). After lint14c, whose rules were
 * chosen on kijkvraag_public.tsv only: 25/34 (73.5%) and 11/13 (84.6%). Both are below the
 * acceptance of issue 14 (>= 80% good left alone, >= 85% bad flagged): the floors guard the
 * measured level, not the goal.
 */
START_TEST(test_lint_public2_heldout)
{
    struct kv_score t2;
    score_public_file(KR_TEST_DATA "/kijkvraag_public2.tsv", "test2", &t2);
    ck_assert_uint_eq(t2.good, 34);
    ck_assert_uint_eq(t2.bad, 13);
    printf("# public2: good clean %zu/%zu, only geen-leerling %zu, bad flagged %zu/%zu\n",
           t2.good_clean, t2.good, t2.good_only_learner, t2.bad_hit, t2.bad);
    ck_assert_uint_ge(t2.good_clean, 9); /* measured 9/34 with geen-leerling a warning */
    /* and 25/34 without any remark but geen-leerling (lint14c's tip model; goal 80%: 28) */
    ck_assert_uint_ge(t2.good_clean + t2.good_only_learner, 25);
    ck_assert_uint_ge(t2.bad_hit, 11); /* measured 11/13 (goal 85%: 12) */
}
END_TEST

START_TEST(test_lint_labelled_good_questions)
{
    struct kr_lint_list f = {0};
    for (size_t i = 0; i < sizeof GOOD_Q / sizeof GOOD_Q[0]; i++)
        ck_assert_msg(kr_lint(L, GOOD_Q[i], strlen(GOOD_Q[i]), &f) == 0, "'%s' got %s at '%.*s'",
                      GOOD_Q[i], f.items[0].kind, (int)(f.items[0].end - f.items[0].start),
                      GOOD_Q[i] + f.items[0].start);
    kr_lint_list_fini(&f);
}
END_TEST

static const struct kr_lint_finding *lint1(struct kr_lint_list *f, const char *q, const char *kind)
{
    kr_lint(L, q, strlen(q), f);
    const struct kr_lint_finding *x = kind_in(f, kind);
    ck_assert_msg(x, "'%s' did not get %s", q, kind);
    return x;
}

static void expect_span(const char *q, const char *kind, const char *words)
{
    struct kr_lint_list f = {0};
    const struct kr_lint_finding *x = lint1(&f, q, kind);
    ck_assert_msg(strlen(words) == x->end - x->start &&
                      memcmp(q + x->start, words, x->end - x->start) == 0,
                  "%s in '%s': span '%.*s', wanted '%s'", kind, q, (int)(x->end - x->start),
                  q + x->start, words);
    ck_assert_msg(strstr(x->message, words) || strcmp(kind, "gesloten") == 0, "%s", x->message);
    kr_lint_list_fini(&f);
}

START_TEST(test_lint_names_the_words_at_fault)
{
    expect_span("Wordt het EDI-model goed toegepast?", "toetsend", "goed toegepast");
    expect_span("Wordt het EDI-model goed toegepast?", "gesloten", "Wordt");
    expect_span("Hoe goed werkt onze nieuwe rekenmethode?", "oordeel", "Hoe goed");
    expect_span("In hoeverre zijn leerlingen zelfstandig?", "oordeel", "In hoeverre");
    expect_span("Hoe geeft de leerkracht instructie?", "leraargericht", "leerkracht");
    expect_span("Zijn de leerlingen écht gemotiveerde lezers?", "onzichtbaar", "gemotiveerde");
    expect_span("Houden de docenten zich aan de weekwoordenafspraak?", "toetsend", "zich aan");
    expect_span("Is de nieuwe rekenmethode effectief?", "oordeel", "effectief");
    expect_span("Snapt iedereen de uitleg?", "onzichtbaar", "Snapt");
    /* Inflected and compound forms. */
    expect_span("Hoe gaan leerlingen om met de gemaakte leesafspraken?", "toetsend",
                "leesafspraken");
    expect_span("Hoe snappen leerlingen het?", "onzichtbaar", "snappen");
    /* UTF-8 before the span: byte offsets, not characters. */
    expect_span("Één vraag: geeft de juf een goede uitleg?", "oordeel", "goede");
}
END_TEST

static void expect_hint(const char *q, const char *kind, const char *part)
{
    struct kr_lint_list f = {0};
    const struct kr_lint_finding *x = lint1(&f, q, kind);
    ck_assert_msg(strstr(x->hint, part), "hint for '%s' lacks '%s': %s", q, part, x->hint);
    ck_assert_msg(strstr(x->hint, "Wat doen en zeggen leerlingen"), "%s", x->hint);
    kr_lint_list_fini(&f);
}

START_TEST(test_lint_rewrite_uses_the_topic)
{
    expect_hint("Hoe geeft de leerkracht instructie?", "leraargericht", "tijdens de instructie");
    expect_hint("Houden alle docenten zich aan de weekwoordenafspraak?", "toetsend",
                "met de weekwoorden");
    expect_hint("Wat doet de juf als leerlingen vastlopen?", "leraargericht", "als ze vastlopen");
    expect_hint("Worden de regels rond het schoolplein nageleefd?", "toetsend",
                "bij de regels rond het schoolplein");
    expect_hint("Is er rust?", "gesloten", "tijdens de les");
    expect_hint("Zijn de leerlingen gemotiveerd?", "onzichtbaar", "beginnen");
}
END_TEST

START_TEST(test_lint_context_rules)
{
    struct kr_lint_list f = {0};
    /* Quoted words are the teacher's, not the question's. */
    const char *q = "Wat doen leerlingen als de juf \"goed zo\" zegt?";
    ck_assert_uint_eq(kr_lint(L, q, strlen(q), &f), 0);
    /* A closed question opened by a second sentence is fine; the evidence tag alone is not. */
    q = "Werken leerlingen samen? Waar zie je dat aan?";
    kr_lint(L, q, strlen(q), &f);
    ck_assert_ptr_nonnull(kind_in(&f, "gesloten"));
    /* Without a question mark a verb first still makes it closed. */
    q = "Wordt er gedifferentieerd";
    kr_lint(L, q, strlen(q), &f);
    ck_assert_ptr_nonnull(kind_in(&f, "gesloten"));
    /* An unobservable word as the question itself, even with an action verb elsewhere. */
    q = "Begrijpen leerlingen wat ze doen?";
    kr_lint(L, q, strlen(q), &f);
    ck_assert_ptr_nonnull(kind_in(&f, "onzichtbaar"));
    /* Teacher in a subordinate clause first: learners still the subject. */
    q = "Als de leraar uitleg geeft, wat doen leerlingen dan?";
    ck_assert_uint_eq(kr_lint(L, q, strlen(q), &f), 0);
    /* Empty, blank and punctuation-only input. */
    ck_assert_uint_eq(kr_lint(L, "", 0, &f), 0);
    ck_assert_uint_eq(kr_lint(L, NULL, 0, &f), 0);
    ck_assert_uint_eq(kr_lint(L, "  ?!", 4, &f), 0);
    /* A huge paste is looked at only up to KR_LINT_MAX_BYTES, cut at a character. */
    struct kr_buf big = {0};
    kr_buf_puts(&big, "Wordt het model goed toegepast? ");
    while (big.len < 3 * KR_LINT_MAX_BYTES)
        kr_buf_puts(&big, "é « ");
    kr_lint(L, big.data, big.len, &f);
    ck_assert_ptr_nonnull(kind_in(&f, "toetsend"));
    for (size_t i = 0; i < f.n; i++)
        ck_assert_uint_le(f.items[i].end, KR_LINT_MAX_BYTES);
    kr_buf_fini(&big);
    /* Invalid UTF-8 and control bytes never break it; messages stay clean. */
    q = "Wordt \x1b[31mhet\xff model goed toegepast?";
    kr_lint(L, q, strlen(q), &f);
    ck_assert_ptr_nonnull(kind_in(&f, "toetsend"));
    for (size_t i = 0; i < f.n; i++)
        for (const char *p = f.items[i].hint; *p; p++)
            ck_assert((unsigned char)*p >= 0x20);
    kr_lint_list_fini(&f);
}
END_TEST

START_TEST(test_lint_list_reuse_keeps_strings_valid)
{
    struct kr_lint_list f = {0};
    const char *q = "Geeft de leraar een goede instructie?";
    kr_lint(L, q, strlen(q), &f);
    size_t n = f.n;
    char *first = kr_xstrdup(f.items[0].hint);
    /* A second list used in between does not disturb the first. */
    struct kr_lint_list g = {0};
    q = "Zijn de leerlingen gemotiveerd?";
    kr_lint(L, q, strlen(q), &g);
    ck_assert_uint_eq(f.n, n);
    ck_assert_str_eq(f.items[0].hint, first);
    free(first);
    kr_lint_list_fini(&g);
    kr_lint_list_fini(&f);
    kr_lint_list_fini(&f); /* twice is harmless */
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
    t = tcase_create("lint");
    tcase_add_checked_fixture(t, lint_setup, lint_teardown);
    tcase_add_test(t, test_lint_labelled_bad_questions);
    tcase_add_test(t, test_lint_labelled_good_questions);
    tcase_add_test(t, test_lint_heldout_questions);
    tcase_add_test(t, test_lint_question_corpus);
    tcase_add_test(t, test_lint_sentence_rules);
    tcase_add_test(t, test_lint_question_validation);
    tcase_add_test(t, test_lint_measurement_not_rating);
    tcase_add_test(t, test_lint_pronoun_learners);
    tcase_add_test(t, test_lint_no_learner_is_named);
    tcase_add_test(t, test_lint_public2_heldout);
    tcase_add_test(t, test_lint_why_asks_for_a_reason);
    tcase_add_test(t, test_lint_how_was_it_is_a_verdict);
    tcase_add_test(t, test_lint_effect_of_a_learners_action);
    tcase_add_test(t, test_lint_public_heldout);
    tcase_add_test(t, test_lint_coordinated_question_word_is_open);
    tcase_add_test(t, test_lint_names_the_words_at_fault);
    tcase_add_test(t, test_lint_rewrite_uses_the_topic);
    tcase_add_test(t, test_lint_context_rules);
    tcase_add_test(t, test_lint_list_reuse_keeps_strings_valid);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
