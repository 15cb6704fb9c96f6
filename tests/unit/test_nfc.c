/* SPDX-License-Identifier: MIT */
/* NFC everywhere text enters: the core function, the checker, the store and its migration. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kijkronde/check.h"
#include "kijkronde/mem.h"
#include "kijkronde/nfc.h"
#include "kijkronde/store.h"
#include "krtest.h"

/* "geïrriteerd" decomposed (i + U+0308) and precomposed (U+00EF). */
#define NFD_IRR "gei\xcc\x88rriteerd"
#define NFC_IRR "ge\xc3\xafrriteerd"

START_TEST(test_nfc_core)
{
    struct kr_buf b = {0};
    size_t *map = NULL, cap = 0;
    ck_assert(!kr_nfc("plain ascii", 11, &b, &map, &cap));
    ck_assert(!kr_nfc(NFC_IRR, strlen(NFC_IRR), &b, &map, &cap)); /* already NFC */
    ck_assert(!kr_nfc("bad \xff here", 10, &b, &map, &cap));      /* invalid: left alone */
    const char *s = "Zo" NFD_IRR "!";
    ck_assert(kr_nfc(s, strlen(s), &b, &map, &cap));
    ck_assert_str_eq(b.data, "Zo" NFC_IRR "!");
    ck_assert_uint_eq(map[0], 0);
    ck_assert_uint_eq(map[b.len], strlen(s));
    /* the byte after "ï" (2 bytes in NFC, 3 in NFD) maps behind the whole cluster */
    size_t after_i = strlen("Zoge\xc3\xaf");
    ck_assert_uint_eq(map[after_i], strlen("Zogei\xcc\x88"));
    char *d = kr_nfc_dup("cafe\xcc\x81");
    ck_assert_str_eq(d, "caf\xc3\xa9");
    free(d);
    ck_assert_ptr_null(kr_nfc_dup(NULL));
    kr_buf_fini(&b);
    free(map);
}
END_TEST

/* NFD input gives exactly the findings of NFC input: same kinds and the same words. */
START_TEST(test_nfc_check_same_findings)
{
    static const char *const pairs[][2] = {
        {"Hij is " NFD_IRR ".", "Hij is " NFC_IRR "."},
        {"Ze is erg ce\xcc\x81ntraal en " NFD_IRR " en lui.",
         "Ze is erg c\xc3\xa9ntraal en " NFC_IRR " en lui."},
        {"Zoe\xcc\x88 zegt: 'heel goed'.", "Zo\xc3\xab zegt: 'heel goed'."},
    };
    struct kr_checker *c = NULL;
    ck_assert_int_eq(kr_checker_new(NULL, &c, NULL), KR_OK);
    struct kr_finding_list a = {0}, b = {0};
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        const char *nfd = pairs[i][0], *nfc = pairs[i][1];
        size_t na = kr_check(c, nfd, strlen(nfd), &a);
        struct kr_finding keep_items[16];
        ck_assert_uint_le(na, 16);
        memcpy(keep_items, a.items, na * sizeof *keep_items);
        struct {
            struct kr_finding *items;
        } keep = {keep_items};
        size_t nb = kr_check(c, nfc, strlen(nfc), &b);
        ck_assert_msg(na == nb && na > 0, "pair %zu: %zu findings in NFD, %zu in NFC", i, na, nb);
        for (size_t k = 0; k < na; k++) {
            ck_assert_str_eq(keep.items[k].kind, b.items[k].kind);
            /* the same word, each in its own text */
            const char *word = nfd + keep.items[k].start;
            size_t wl = keep.items[k].end - keep.items[k].start;
            char *w = kr_xstrndup(word, wl), *wn = kr_nfc_dup(w);
            ck_assert_int_eq(strncmp(wn, nfc + b.items[k].start, b.items[k].end - b.items[k].start),
                             0);
            ck_assert_uint_eq(strlen(wn), b.items[k].end - b.items[k].start);
            free(w);
            free(wn);
        }
    }
    kr_finding_list_fini(&a);
    kr_finding_list_fini(&b);
    kr_checker_free(c);
}
END_TEST

static char dir[64], path[128];

static int count_text(const char *sql)
{
    sqlite3 *db = NULL;
    ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_stmt *s = NULL;
    ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    int n = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return n;
}

/* A note typed decomposed is stored composed; a database from before is normalised. */
START_TEST(test_nfc_store_and_migration)
{
    strcpy(dir, "/tmp/kr-nfc-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/k.db", dir);
    struct kr_error err = {0};
    struct kr_store *st = NULL;
    /* the schema before NFC (migration 6 makes texts NFC) */
    ck_assert_int_eq(kr_store_open_at_version(path, 5, &st, &err), KR_OK);
    /* Today's note insert names the version's base (migration 13): the old file has the
       column while the note is written, and loses it before it is migrated. */
    sqlite3 *db0 = NULL;
    ck_assert_int_eq(sqlite3_open(path, &db0), SQLITE_OK);
    ck_assert_int_eq(
        sqlite3_exec(db0, "ALTER TABLE observation_version ADD COLUMN base TEXT", NULL, NULL, NULL),
        SQLITE_OK);
    sqlite3_close(db0);
    struct kr_session s = {.date = kr_xstrdup("2026-03-12"), .kijkvraag_text = kr_xstrdup("k")};
    ck_assert_int_eq(kr_store_session_add(st, &s, &err), KR_OK);
    struct kr_visit v = {.session_id = kr_xstrdup(s.id), .label = kr_xstrdup("groep 6")};
    ck_assert_int_eq(kr_store_visit_add(st, &v, &err), KR_OK);
    struct kr_observation o = {.visit_id = kr_xstrdup(v.id),
                               .text = kr_xstrdup("Een " NFD_IRR " kind")};
    ck_assert_int_eq(kr_store_obs_add(st, &o, &err), KR_OK);
    kr_store_close(st);
    /* stored as NFC through the store ... */
    ck_assert_int_eq(
        count_text("SELECT count(*) FROM observation WHERE text = 'Een " NFC_IRR " kind'"), 1);
    /* ... and an NFD text written by an older program is made NFC by the migration */
    sqlite3 *db = NULL;
    ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(db,
                                  "ALTER TABLE observation_version DROP COLUMN base;"
                                  "UPDATE observation SET text = 'Oud " NFD_IRR "';"
                                  "UPDATE visit SET label = 'groep " NFD_IRR "'",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    ck_assert_int_eq(count_text("SELECT count(*) FROM observation WHERE text = 'Oud " NFD_IRR "'"),
                     1);
    ck_assert_int_eq(kr_store_open(path, &st, &err), KR_OK);
    kr_store_close(st);
    ck_assert_int_eq(count_text("SELECT count(*) FROM observation WHERE text = 'Oud " NFC_IRR "'"),
                     1);
    ck_assert_int_eq(count_text("SELECT count(*) FROM visit WHERE label = 'groep " NFC_IRR "'"), 1);
    kr_session_fini(&s);
    kr_visit_fini(&v);
    kr_observation_fini(&o);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("nfc");
    TCase *tc = tcase_create("nfc");
    tcase_add_test(tc, test_nfc_core);
    tcase_add_test(tc, test_nfc_check_same_findings);
    tcase_add_test(tc, test_nfc_store_and_migration);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
