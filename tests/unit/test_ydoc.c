/* SPDX-License-Identifier: MIT */
/* Unit tests for the YAML tree loader: structure, positions and refusals. */
#include <string.h>

#include "kijkronde/ydoc.h"
#include "krtest.h"

static struct kr_error err;

static enum kr_status load(const char *text, struct kr_ydoc **doc)
{
    kr_error_clear(&err);
    return kr_ydoc_load_mem("t.yaml", text, strlen(text), doc, &err);
}

START_TEST(test_ydoc_builds_tree_with_positions)
{
    struct kr_ydoc *d;
    ck_assert_int_eq(load("id: a\nkijkpunten:\n  - één\n  - twee\n", &d), KR_OK);
    ck_assert_int_eq(d->root->type, KR_YNODE_MAP);
    const struct kr_ynode *k = kr_ynode_get(d->root, "kijkpunten");
    ck_assert_ptr_nonnull(k);
    ck_assert_int_eq(k->type, KR_YNODE_SEQ);
    ck_assert_uint_eq(k->n, 2);
    ck_assert_str_eq(k->items[0]->value, "één");
    ck_assert_uint_eq(k->items[1]->line, 4);
    ck_assert_uint_eq(k->items[1]->col, 5);
    kr_ydoc_free(d);
}
END_TEST

START_TEST(test_ydoc_refuses_duplicate_key_at_its_position)
{
    struct kr_ydoc *d;
    ck_assert_int_eq(load("id: a\nvraag: x\nid: b\n", &d), KR_PARSE);
    ck_assert_ptr_null(d);
    ck_assert_uint_eq(err.line, 3);
    ck_assert_uint_eq(err.col, 1);
    ck_assert_ptr_nonnull(strstr(err.msg, "'id'"));
}
END_TEST

START_TEST(test_ydoc_refuses_aliases_and_documents)
{
    struct kr_ydoc *d;
    ck_assert_int_eq(load("a: &x [1, 2]\nb: *x\n", &d), KR_PARSE);
    ck_assert_uint_eq(err.line, 1);
    ck_assert_int_eq(load("a: 1\n---\nb: 2\n", &d), KR_PARSE);
    ck_assert_uint_eq(err.line, 2);
}
END_TEST

START_TEST(test_ydoc_reports_syntax_error_location)
{
    struct kr_ydoc *d;
    ck_assert_int_eq(load("id: a\nvraag: [open\n", &d), KR_PARSE);
    ck_assert_uint_ge(err.line, 2);
    ck_assert_str_eq(err.file, "t.yaml");
    ck_assert_int_eq(load("id: \xff\n", &d), KR_PARSE);
    ck_assert_uint_eq(err.line, 1);
    ck_assert_uint_eq(err.col, 5);
}
END_TEST

/* libyaml's problem texts are English; what the user reads is Dutch, at the position. */
START_TEST(test_ydoc_errors_are_dutch)
{
    static const char *const broken[] = {
        "a: b: c\n",
        "a: @x\n",
        "a:\n  - x\n - y\n",
        "a: \"abc\n",
        "a: [1, 2\n",
        "a: {b: 1\n",
        "\ta: 1\n",
        "a: \"\\q\"\n",
        "a: 1\n- b\n",
        "a: &\n",
        "a: 'x' y\n",
        "a: |0\n  x\n",
        "%YAML 9.9\n---\na: 1\n",
        "a: !<x\n",
        "? a\n? b\n- c\n",
        "a: 1\n...\nb\n---\n",
        "a: \"\\x4\"\n",
        "%FOO\n---\na: 1\n",
        "[a, b]: c\nd\n",
        "a: b\n  c: d\n",
    };
    static const char *const english[] = {"found",    "expected", "while",          "allowed",
                                          "cannot",   "token",    "context",        "character",
                                          "scanning", "parsing",  "mapping values", "block"};
    for (size_t i = 0; i < sizeof broken / sizeof broken[0]; i++) {
        struct kr_ydoc *d = NULL;
        enum kr_status r = load(broken[i], &d);
        kr_ydoc_free(d);
        if (r == KR_OK)
            continue; /* valid after all (YAML allows much) */
        ck_assert_msg(err.line >= 1 && err.col >= 1, "no position for case %zu", i);
        ck_assert_str_eq(err.file, "t.yaml");
        for (size_t k = 0; k < sizeof english / sizeof english[0]; k++)
            ck_assert_msg(!strstr(err.msg, english[k]), "case %zu: English in '%s'", i, err.msg);
    }
    struct kr_ydoc *d = NULL;
    ck_assert_int_eq(load("vraag: Wat doen ze: en zeggen ze?\n", &d), KR_PARSE);
    kr_ydoc_free(d);
    ck_assert_ptr_nonnull(strstr(err.msg, "ongeldige YAML: hier mag geen dubbele punt"));
}
END_TEST

START_TEST(test_ydoc_limits_depth)
{
    char deep[400];
    memset(deep, '[', 200);
    memset(deep + 200, ']', 200);
    struct kr_ydoc *d;
    kr_error_clear(&err);
    ck_assert_int_eq(kr_ydoc_load_mem("t.yaml", deep, sizeof deep, &d, &err), KR_PARSE);
    ck_assert_ptr_nonnull(strstr(err.msg, "diep"));
}
END_TEST

START_TEST(test_ydoc_empty_file_has_no_root)
{
    struct kr_ydoc *d;
    ck_assert_int_eq(load("", &d), KR_OK);
    ck_assert_ptr_null(d->root);
    kr_ydoc_free(d);
}
END_TEST

static Suite *ydoc_suite(void)
{
    Suite *s = suite_create("ydoc");
    TCase *tc = tcase_create("load");
    tcase_add_test(tc, test_ydoc_builds_tree_with_positions);
    tcase_add_test(tc, test_ydoc_refuses_duplicate_key_at_its_position);
    tcase_add_test(tc, test_ydoc_refuses_aliases_and_documents);
    tcase_add_test(tc, test_ydoc_reports_syntax_error_location);
    tcase_add_test(tc, test_ydoc_errors_are_dutch);
    tcase_add_test(tc, test_ydoc_limits_depth);
    tcase_add_test(tc, test_ydoc_empty_file_has_no_root);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(ydoc_suite());
}
