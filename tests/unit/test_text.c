/* SPDX-License-Identifier: MIT */
/* Unit tests for the tokenizer, folding and stems. */
#include <string.h>

#include "kijkronde/text.h"
#include "krtest.h"

static const char *tok_text(const char *t, const struct kr_token *k, char *buf)
{
    memcpy(buf, t + k->start, k->end - k->start);
    buf[k->end - k->start] = '\0';
    return buf;
}

START_TEST(test_text_tokenize_words_numbers_quotes)
{
    const char *t = "Om 09:14 zegt meisje: ‘Ik snap 3/4 niet.’ Zo'n één.";
    struct kr_token_list l = {0};
    char buf[64];
    kr_tokenize(t, strlen(t), &l);
    ck_assert_uint_ge(l.n, 10);
    ck_assert_str_eq(tok_text(t, &l.items[0], buf), "Om");
    ck_assert_int_eq(l.items[1].kind, KR_TOK_TIME);
    ck_assert_str_eq(tok_text(t, &l.items[1], buf), "09:14");
    /* "Ik" is inside the curly quotes, "zegt" is not. */
    int saw_ik = 0, saw_zon = 0;
    for (size_t i = 0; i < l.n; i++) {
        tok_text(t, &l.items[i], buf);
        if (strcmp(buf, "Ik") == 0) {
            ck_assert(l.items[i].quoted);
            saw_ik = 1;
        }
        if (strcmp(buf, "zegt") == 0)
            ck_assert(!l.items[i].quoted);
        if (strcmp(buf, "3/4") == 0)
            ck_assert_int_eq(l.items[i].kind, KR_TOK_NUMBER);
        if (strcmp(buf, "Zo'n") == 0) {
            ck_assert(!l.items[i].quoted);
            saw_zon = 1;
        }
    }
    ck_assert(saw_ik && saw_zon);
    kr_token_list_fini(&l);
}
END_TEST

START_TEST(test_text_fold_keeps_diacritics)
{
    char out[32];
    kr_fold("ÉÉN Ïdee", strlen("ÉÉN Ïdee"), out, sizeof out);
    ck_assert_str_eq(out, "één ïdee");
}
END_TEST

START_TEST(test_text_stem_joins_inflections)
{
    struct kr_stemmer *s = kr_stemmer_new();
    char a[32], b[32];
    kr_stem(s, "moeilijke", 9, a, sizeof a);
    kr_stem(s, "Moeilijk", 8, b, sizeof b);
    ck_assert_str_eq(a, b);
    kr_stem(s, "Leerlingen", 10, a, sizeof a);
    kr_stem(s, "leerling", 8, b, sizeof b);
    ck_assert_str_eq(a, b);
    kr_stemmer_free(s);
}
END_TEST

static Suite *text_suite(void)
{
    Suite *s = suite_create("text");
    TCase *tc = tcase_create("basics");
    tcase_add_test(tc, test_text_tokenize_words_numbers_quotes);
    tcase_add_test(tc, test_text_fold_keeps_diacritics);
    tcase_add_test(tc, test_text_stem_joins_inflections);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(text_suite());
}
