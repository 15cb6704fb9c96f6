/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for merging databases: edits on both sides, soft deletes, refusing bad files,
 * the progress of import and merge, and a seeded property test over random databases (no
 * note lost or duplicated, merge order-independent).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exchange_db.h"

/* ---- merge ---- */

START_TEST(test_exchange_merge_both_sides_edited)
{
    char *pa, *pb;
    struct kr_store *a = new_db(&pa);
    struct kr_store *b = new_db(&pb);
    char *s = add_session(a, "De Wilg");
    char *v = add_visit(a, s, "groep 5");
    char *n1 = add_note(a, v, "Origineel");
    char *n2 = add_note(a, v, "Wordt verwijderd");
    struct kr_exchange_stats stats;
    ck_assert_int_eq(kr_store_merge(b, pa, &stats, &err), KR_OK);
    ck_assert_int_eq(stats.observations_new, 2);
    /* Both pairs edit n1; B's edit is the newest. A deletes n2. */
    ck_assert_int_eq(kr_store_obs_edit(a, n1, "Versie A", KR_CORNER_LERAAR, &err), KR_OK);
    sleep_ms(5);
    ck_assert_int_eq(kr_store_obs_edit(b, n1, "Versie B", KR_CORNER_LEERINHOUD, &err), KR_OK);
    ck_assert_int_eq(kr_store_obs_delete(a, n2, &err), KR_OK);
    char *n3 = add_note(b, v, "Alleen in B");
    ck_assert_int_eq(kr_store_phase_put(b, s, KR_PHASE_ANALYSEREN, "Eerst B", &err), KR_OK);
    sleep_ms(3);
    ck_assert_int_eq(kr_store_phase_put(a, s, KR_PHASE_ANALYSEREN, "Later A", &err), KR_OK);

    ck_assert_int_eq(kr_store_merge(a, pb, &stats, &err), KR_OK);
    ck_assert_int_eq(kr_store_merge(b, pa, &stats, &err), KR_OK);
    char *da = dump(a), *db = dump(b);
    ck_assert_str_eq(da, db);
    struct kr_observation o = {0};
    ck_assert_int_eq(kr_store_obs_get(a, n1, &o, &err), KR_OK);
    ck_assert_str_eq(o.text, "Versie B");
    kr_observation_fini(&o);
    struct kr_obs_version_list h = {0};
    ck_assert_int_eq(kr_store_obs_history(a, n1, &h, &err), KR_OK);
    ck_assert_int_eq(h.n, 3);
    int seen_a = 0, seen_b = 0;
    for (size_t i = 0; i < h.n; i++) {
        seen_a += strcmp(h.items[i].text, "Versie A") == 0;
        seen_b += strcmp(h.items[i].text, "Versie B") == 0;
    }
    ck_assert_int_eq(seen_a, 1);
    ck_assert_int_eq(seen_b, 1);
    kr_obs_version_list_fini(&h);
    ck_assert_int_eq(count_notes(b, s, false), 2); /* n1, n3: the delete travelled */
    char *phase = NULL;
    ck_assert_int_eq(kr_store_phase_get(b, s, KR_PHASE_ANALYSEREN, &phase, &err), KR_OK);
    ck_assert_str_eq(phase, "Later A"); /* the newest wins */
    free(phase);
    ck_assert_int_eq(count_notes(b, s, true), 3);

    /* Again: nothing changes. */
    ck_assert_int_eq(kr_store_merge(a, pb, &stats, &err), KR_OK);
    ck_assert_int_eq(stats.observations_new + stats.observations_updated + stats.versions_new, 0);
    char *da2 = dump(a);
    ck_assert_str_eq(da, da2);
    free(da);
    free(db);
    free(da2);
    free(s);
    free(v);
    free(n1);
    free(n2);
    free(n3);
    kr_store_close(a);
    kr_store_close(b);
    free(pa);
    free(pb);
}
END_TEST

START_TEST(test_exchange_merge_refuses_bad_files)
{
    char *pa, *pb;
    struct kr_store *a = new_db(&pa);
    struct kr_store *b = new_db(&pb);
    char *s = add_session(a, "De Wilg");
    char *before = dump(a);
    /* itself, also through a symlink */
    ck_assert_int_eq(kr_store_merge(a, pa, NULL, &err), KR_INVALID);
    char *link = kr_xasprintf("%s/link.db", dir);
    ck_assert_int_eq(symlink(pa, link), 0);
    ck_assert_int_eq(kr_store_merge(a, link, NULL, &err), KR_INVALID);
    ck_assert_ptr_nonnull(strstr(err.msg, "zichzelf"));
    /* missing, not SQLite, a foreign SQLite file, a newer schema */
    char *missing = kr_xasprintf("%s/nope.db", dir);
    ck_assert_int_eq(kr_store_merge(a, missing, NULL, &err), KR_IO);
    ck_assert_int_eq(access(missing, F_OK), -1); /* not created */
    char *text = kr_xasprintf("%s/notes.txt", dir);
    FILE *f = fopen(text, "w");
    fputs("boodschappen: melk, brood, kaas\n", f);
    fclose(f);
    ck_assert_int_eq(kr_store_merge(a, text, NULL, &err), KR_DB_NOT_DB);
    kr_store_close(b);
    /* b made newer than this build: user_version beyond the latest */
    struct kr_store *c = NULL;
    char *newer = kr_xasprintf("%s/db1.db", dir);
    ck_assert_int_eq(kr_store_open_at_version(newer, kr_store_schema_latest(), &c, &err), KR_OK);
    kr_store_close(c);
    char *cmd = kr_xasprintf("sqlite3 '%s' 'PRAGMA user_version = 99' 2>/dev/null", newer);
    if (system(cmd) == 0) {
        ck_assert_int_eq(kr_store_merge(a, newer, NULL, &err), KR_DB_TOO_NEW);
        ck_assert_ptr_nonnull(strstr(err.msg, "nieuwere kijkronde"));
    }
    char *after = dump(a);
    ck_assert_str_eq(before, after);
    free(cmd);
    free(newer);
    free(before);
    free(after);
    free(text);
    free(missing);
    free(link);
    free(s);
    kr_store_close(a);
    free(pa);
    free(pb);
}
END_TEST

/* ---- property test: random databases ---- */

static unsigned long long rng;
static unsigned rnd(unsigned n)
{
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((rng >> 33) % n);
}

struct ids {
    char *items[256];
    size_t n;
};

/* Random work on one pair's laptop: new notes, edits, deletes and restores, a new visit. */
static void random_work(struct kr_store *st, const char *session_id, struct ids *visits,
                        struct ids *notes, int ops)
{
    static const char *words[] = {"leerling", "leraar",     "wijst", "schrijft",
                                  "3 van 24", "\"citaat\"", "<b>",   "=1+1",
                                  ";",        "\n",         "# kop", "é"};
    ck_assert_int_eq(kr_store_begin(st, &err), KR_OK);
    for (int k = 0; k < ops; k++) {
        unsigned what = rnd(10);
        char text[128] = "";
        for (int w = 0; w < 4; w++) {
            strcat(text, words[rnd(12)]);
            strcat(text, " ");
        }
        if (what == 0 && visits->n < 200) {
            visits->items[visits->n++] = add_visit(st, session_id, "groep x");
        } else if (what < 5 || notes->n == 0) {
            if (notes->n < 250)
                notes->items[notes->n++] =
                    add_note(st, visits->items[rnd((unsigned)visits->n)], text);
        } else if (what < 8) {
            kr_store_obs_edit(st, notes->items[rnd((unsigned)notes->n)], text,
                              (enum kr_corner)rnd(4), &err);
        } else if (what == 8 && rnd(2)) {
            kr_store_phase_put(st, session_id, (enum kr_phase)rnd(KR_PHASE_COUNT), text, &err);
            kr_store_group_note_put(st, session_id, notes->items[rnd((unsigned)notes->n)],
                                    (enum kr_corner)(1 + rnd(3)), NULL, &err);
        } else if (what == 8) {
            kr_store_obs_delete(st, notes->items[rnd((unsigned)notes->n)], &err);
        } else {
            kr_store_obs_restore(st, notes->items[rnd((unsigned)notes->n)], &err);
        }
    }
    ck_assert_int_eq(kr_store_commit(st, &err), KR_OK);
}

static void ids_fini(struct ids *x)
{
    for (size_t i = 0; i < x->n; i++)
        free(x->items[i]);
    x->n = 0;
}

/* Ids of all notes (with deleted) and all versions of a session, as one sorted string. */
static char *note_ids(struct kr_store *st, const char *session_id, long *n_notes, long *n_versions)
{
    struct kr_observation_list l = {0};
    struct kr_obs_filter f = {.session_id = session_id, .include_deleted = true};
    ck_assert_int_eq(kr_store_obs_list(st, &f, &l, &err), KR_OK);
    *n_notes = (long)l.n;
    *n_versions = 0;
    for (size_t i = 0; i < l.n; i++) {
        struct kr_obs_version_list h = {0};
        ck_assert_int_eq(kr_store_obs_history(st, l.items[i].id, &h, &err), KR_OK);
        *n_versions += (long)h.n;
        kr_obs_version_list_fini(&h);
    }
    kr_observation_list_fini(&l);
    return dump(st);
}

START_TEST(test_exchange_property_random_databases)
{
    /* KR_PROPERTY_SEEDS (the valgrind setup sets it) takes fewer random databases. */
    const char *env = getenv("KR_PROPERTY_SEEDS");
    unsigned seeds = env && atoi(env) > 0 ? (unsigned)atoi(env) : 12;
    for (unsigned seed = 1; seed <= seeds; seed++) {
        rng = seed;
        char *pa, *pb, *pbase;
        struct kr_store *base = new_db(&pbase);
        char *s = add_session(base, "Gastschool");
        struct ids visits = {0}, notes_a = {0}, notes_b = {0};
        visits.items[visits.n++] = add_visit(base, s, "groep 3");
        random_work(base, s, &visits, &notes_a, 10);
        for (size_t i = 0; i < notes_a.n; i++)
            notes_b.items[notes_b.n++] = kr_xstrdup(notes_a.items[i]);
        struct ids visits_b = {0};
        for (size_t i = 0; i < visits.n; i++)
            visits_b.items[visits_b.n++] = kr_xstrdup(visits.items[i]);
        /* Two laptops start from the same base, then work apart. */
        struct kr_store *a = new_db(&pa);
        struct kr_store *b = new_db(&pb);
        ck_assert_int_eq(kr_store_merge(a, pbase, NULL, &err), KR_OK);
        ck_assert_int_eq(kr_store_merge(b, pbase, NULL, &err), KR_OK);
        random_work(a, s, &visits, &notes_a, 15 + (int)rnd(20));
        random_work(b, s, &visits_b, &notes_b, 15 + (int)rnd(20));
        long na, va, nb, vb;
        char *da = note_ids(a, s, &na, &va);
        char *db = note_ids(b, s, &nb, &vb);
        /* Notes in both: the base's; every other note was made on one side. */
        long base_notes, base_versions;
        char *dbase = note_ids(base, s, &base_notes, &base_versions);

        /* X: empty <- A <- B; Y: empty <- B <- A; and A <- B, B <- A in place. */
        struct kr_store *x = new_db(NULL), *y = new_db(NULL);
        ck_assert_int_eq(kr_store_merge(x, pa, NULL, &err), KR_OK);
        ck_assert_int_eq(kr_store_merge(x, pb, NULL, &err), KR_OK);
        ck_assert_int_eq(kr_store_merge(y, pb, NULL, &err), KR_OK);
        ck_assert_int_eq(kr_store_merge(y, pa, NULL, &err), KR_OK);
        char *dx = dump(x), *dy = dump(y);
        ck_assert_str_eq(dx, dy); /* order-independent */
        assert_counts(a, s);
        assert_counts(b, s);
        assert_counts(x, s);
        assert_counts(y, s);
        long nx, vx;
        free(note_ids(x, s, &nx, &vx));
        /* no note lost or duplicated: |A ∪ B| = |A| + |B| - |base| (ids are unique) */
        ck_assert_int_eq(nx, na + nb - base_notes);
        ck_assert_int_eq(vx, va + vb - base_versions);
        /* idempotent */
        ck_assert_int_eq(kr_store_merge(x, pb, NULL, &err), KR_OK);
        char *dx2 = dump(x);
        ck_assert_str_eq(dx, dx2);
        /* in place, both directions, equal to X */
        ck_assert_int_eq(kr_store_merge(a, pb, NULL, &err), KR_OK);
        char *da2 = dump(a);
        ck_assert_str_eq(da2, dx);
        /* JSON: export of the merged session into an empty database gives the same */
        struct kr_store *z = new_db(NULL);
        char *j = export_str(x, s);
        ck_assert_int_eq(import_str(z, j, NULL), KR_OK);
        char *dz = dump(z);
        ck_assert_str_eq(dz, dx);
        assert_counts(a, s);
        assert_counts(z, s);
        long nz, vz;
        free(note_ids(z, s, &nz, &vz));
        ck_assert_int_eq(nz, nx);
        ck_assert_int_eq(vz, vx);
        /* importing B's own export into X adds nothing */
        char *jb = export_str(b, s);
        struct kr_exchange_stats stats;
        ck_assert_int_eq(import_str(x, jb, &stats), KR_OK);
        ck_assert_int_eq(stats.observations_new + stats.versions_new, 0);

        free(jb);
        free(j);
        free(dz);
        free(da2);
        free(dx2);
        free(dx);
        free(dy);
        free(da);
        free(db);
        free(dbase);
        kr_store_close(x);
        kr_store_close(y);
        kr_store_close(z);
        kr_store_close(a);
        kr_store_close(b);
        kr_store_close(base);
        ids_fini(&visits);
        ids_fini(&visits_b);
        ids_fini(&notes_a);
        ids_fini(&notes_b);
        free(s);
        free(pa);
        free(pb);
        free(pbase);
    }
}
END_TEST

/* What a progress watcher heard. */
struct heard {
    size_t calls, last_done, total;
    bool backwards, wrong_total;
};

static void hear(void *ctx, size_t done, size_t total)
{
    struct heard *h = ctx;
    h->backwards = h->backwards || done < h->last_done || done > total;
    h->wrong_total = h->wrong_total || (h->calls && total != h->total);
    h->calls++;
    h->last_done = done;
    h->total = total;
}

/* A kijkronde/1 text with n notes in two visits. Heap. */
static char *many_notes(size_t n)
{
    struct kr_buf b = {0};
    kr_buf_puts(&b, "{\"format\": \"kijkronde/1\", \"session\": {\"id\": \"big\", \"date\": "
                    "\"2026-03-12\", \"kijkvraag\": {\"id\": null, \"text\": \"Wat doen "
                    "leerlingen?\"}}, \"visits\": [{\"id\": \"v1\", \"label\": \"groep 5\"}, "
                    "{\"id\": \"v2\", \"label\": \"groep 6\"}], \"observations\": [");
    for (size_t i = 0; i < n; i++)
        kr_buf_printf(
            &b,
            "%s{\"id\": \"o%zu\", \"visit\": \"v%zu\", \"at\": "
            "\"2026-03-12T09:%02zu:%02zu+01:00\", \"text\": \"Leerling %zu telt hardop.\"}",
            i ? ", " : "", i, 1 + i % 2, i / 60 % 60, i % 60, i);
    kr_buf_puts(&b, "]}");
    return kr_buf_steal(&b);
}

/* Progress of import and merge: told often, in order, of the file's notes, ending at all of
 * them; the merge in slices (more notes than one slice) adds exactly what one pass would. */
START_TEST(test_exchange_progress_import_and_merge)
{
    enum { N = 5000 }; /* more than one slice of the merge (4096) */
    char *json = many_notes(N);
    struct heard h = {0};
    struct kr_progress p = {.fn = hear, .ctx = &h};
    char *path_a = NULL;
    struct kr_store *a = new_db(&path_a);
    kr_store_set_progress(a, &p);
    struct kr_exchange_stats stats;
    ck_assert_int_eq(import_str(a, json, &stats), KR_OK);
    ck_assert_int_eq(stats.observations_new, N);
    ck_assert_uint_ge(h.calls, 50);
    ck_assert(!h.backwards && !h.wrong_total);
    ck_assert_uint_eq(h.total, N);
    ck_assert_uint_eq(h.last_done, N);
    /* nobody watching: nothing is called */
    kr_store_set_progress(a, NULL);
    size_t calls = h.calls;
    ck_assert_int_eq(import_str(a, json, &stats), KR_OK);
    ck_assert_uint_eq(h.calls, calls);

    struct kr_store *b = new_db(NULL);
    h = (struct heard){0};
    kr_store_set_progress(b, &p);
    ck_assert_int_eq(kr_store_merge(b, path_a, &stats, &err), KR_OK);
    ck_assert_int_eq(stats.observations_new, N);
    ck_assert_int_eq(stats.versions_new, N);
    ck_assert_int_eq(stats.observations_updated, 0);
    ck_assert_uint_ge(h.calls, 2);
    ck_assert(!h.backwards && !h.wrong_total);
    ck_assert_uint_eq(h.total, N);
    ck_assert_uint_eq(h.last_done, N);
    char *ja = dump(a), *jb = dump(b);
    ck_assert_str_eq(ja, jb);
    ck_assert_int_eq(kr_store_merge(b, path_a, &stats, &err), KR_OK);
    ck_assert_int_eq(stats.observations_new + stats.observations_updated + stats.versions_new, 0);
    free(ja);
    free(jb);
    free(json);
    free(path_a);
    kr_store_close(a);
    kr_store_close(b);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("exchange");
    TCase *tc = tcase_create("merge");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_exchange_merge_both_sides_edited);
    tcase_add_test(tc, test_exchange_merge_refuses_bad_files);
    tcase_add_test(tc, test_exchange_progress_import_and_merge);
    tcase_set_timeout(tc, 120);
    suite_add_tcase(s, tc);
    tc = tcase_create("property");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_exchange_property_random_databases);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
