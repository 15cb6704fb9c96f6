/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for kijkronde sync (src/store/sync.c): a seeded property test that extends the
 * merge property test of test_exchange_merge.c to sync — random change sequences (notes, edits,
 * deletes, restores, visits, the reflection's decisions and their undo, debrief phases) on
 * three laptops, with sync rounds in random order, and some chunks only half copied for a
 * while: after a last full round all three hold the same, and a further round changes
 * nothing. Also: a damaged chunk is reported and applies nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kijkronde/mem.h"
#include "kijkronde/store.h"
#include "kijkronde/store_exchange.h"
#include "kijkronde/sync.h"
#include "krtest.h"

static char dir[256];
static char shared[300];
static struct kr_error err;
static int db_counter;

static void setup(void)
{
    kr_error_clear(&err);
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(dir, sizeof dir, "%s/kr-sync-XXXXXX", base);
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(shared, sizeof shared, "%s/gedeeld", dir);
    ck_assert_int_eq(mkdir(shared, 0700), 0);
}

static void teardown(void)
{
    char *cmd = kr_xasprintf("rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
    free(cmd);
}

static struct kr_store *new_db(void)
{
    char *path = kr_xasprintf("%s/db%d.db", dir, db_counter++);
    struct kr_store *st = NULL;
    ck_assert_int_eq(kr_store_open(path, &st, &err), KR_OK);
    free(path);
    return st;
}

struct problems {
    int n;
    char last[512];
};

static void on_problem(void *ctx, const char *path, const char *why)
{
    struct problems *p = ctx;
    p->n++;
    snprintf(p->last, sizeof p->last, "%s: %s", path, why);
}

static struct kr_sync_stats sync_now(struct kr_store *st)
{
    struct kr_sync_stats s;
    struct problems p = {0};
    enum kr_status r = kr_store_sync(st, shared, &s, on_problem, &p, &err);
    ck_assert_msg(r == KR_OK, "sync: %s", err.msg);
    ck_assert_msg(p.n == 0, "unexpected problem: %s", p.last);
    return s;
}

static char *export_str(struct kr_store *st, const char *session_id)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_int_eq(kr_store_export_json(st, session_id, f, &err), KR_OK);
    fclose(f);
    return buf;
}

/* Everything that travels, as text: the export of the session (notes, history, deletes,
 * visits, tweetallen) and the reflection's decisions and phases. */
static char *state(struct kr_store *st, const char *session_id)
{
    struct kr_buf b = {0};
    char *j = export_str(st, session_id);
    kr_buf_puts(&b, j);
    free(j);
    struct kr_group_pattern_list pl = {0};
    struct kr_group_note_list nl = {0};
    ck_assert_int_eq(kr_store_group_load(st, session_id, &pl, &nl, &err), KR_OK);
    for (size_t i = 0; i < pl.n; i++)
        kr_buf_printf(&b, "pattern %s %d %s\n", pl.items[i].id, (int)pl.items[i].corner,
                      pl.items[i].label);
    for (size_t i = 0; i < nl.n; i++)
        kr_buf_printf(&b, "note %s %d %s\n", nl.items[i].observation_id, (int)nl.items[i].corner,
                      nl.items[i].pattern_id ? nl.items[i].pattern_id : "-");
    kr_group_pattern_list_fini(&pl);
    kr_group_note_list_fini(&nl);
    for (int p = 0; p < KR_PHASE_COUNT; p++) {
        char *t = NULL;
        ck_assert_int_eq(kr_store_phase_get(st, session_id, (enum kr_phase)p, &t, &err), KR_OK);
        kr_buf_printf(&b, "phase %d %s\n", p, t ? t : "-");
        free(t);
    }
    return kr_buf_steal(&b);
}

static unsigned long long rng;
static unsigned rnd(unsigned n)
{
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((rng >> 33) % n);
}

/* An id of a visit (or note, include_deleted) of the session this laptop knows; heap. */
static char *pick_visit(struct kr_store *st, const char *session_id)
{
    struct kr_visit_list l = {0};
    ck_assert_int_eq(kr_store_visit_list(st, session_id, &l, &err), KR_OK);
    char *id = l.n ? kr_xstrdup(l.items[rnd((unsigned)l.n)].id) : NULL;
    kr_visit_list_fini(&l);
    return id;
}

static char *pick_note(struct kr_store *st, const char *session_id)
{
    struct kr_observation_list l = {0};
    struct kr_obs_filter f = {.session_id = session_id, .include_deleted = true};
    ck_assert_int_eq(kr_store_obs_list(st, &f, &l, &err), KR_OK);
    char *id = l.n ? kr_xstrdup(l.items[rnd((unsigned)l.n)].id) : NULL;
    kr_observation_list_fini(&l);
    return id;
}

static void add_visit(struct kr_store *st, const char *session_id)
{
    struct kr_visit v = {.session_id = kr_xstrdup(session_id),
                         .label = kr_xasprintf("groep %u", 1 + rnd(8)),
                         .started_at = kr_xstrdup("2026-03-12T09:10:00+01:00")};
    ck_assert_int_eq(kr_store_visit_add(st, &v, &err), KR_OK);
    kr_visit_fini(&v);
}

/* Random work on one laptop: what the round and the reflection do. */
static void random_work(struct kr_store *st, const char *session_id, int ops)
{
    static const char *words[] = {"leerling",   "leraar", "wijst", "schrijft", "3 van 24",
                                  "\"citaat\"", "<b>",    "=1+1",  ";",        "é"};
    for (int k = 0; k < ops; k++) {
        unsigned what = rnd(12);
        char text[128] = "";
        for (int w = 0; w < 4; w++) {
            strcat(text, words[rnd(10)]);
            strcat(text, " ");
        }
        char *note = pick_note(st, session_id);
        if (what == 0 || !note) {
            add_visit(st, session_id);
            char *v = pick_visit(st, session_id);
            struct kr_observation o = {.visit_id = v, .text = kr_xstrdup(text)};
            ck_assert_int_eq(kr_store_obs_add(st, &o, &err), KR_OK);
            kr_observation_fini(&o);
        } else if (what < 5) {
            char *v = pick_visit(st, session_id);
            struct kr_observation o = {
                .visit_id = v, .text = kr_xstrdup(text), .corner = (enum kr_corner)rnd(4)};
            ck_assert_int_eq(kr_store_obs_add(st, &o, &err), KR_OK);
            kr_observation_fini(&o);
        } else if (what < 7) {
            kr_store_obs_edit(st, note, text, (enum kr_corner)rnd(4), &err);
        } else if (what == 7) {
            kr_store_obs_delete(st, note, &err);
        } else if (what == 8) {
            kr_store_obs_restore(st, note, &err);
        } else if (what == 9) { /* a decision of the group */
            kr_store_group_note_put(st, session_id, note, (enum kr_corner)(1 + rnd(3)), NULL, &err);
        } else if (what == 10) { /* and its undo */
            kr_store_group_note_put(st, session_id, note, KR_CORNER_NONE, NULL, &err);
        } else {
            kr_store_phase_put(st, session_id, (enum kr_phase)rnd(KR_PHASE_COUNT),
                               rnd(3) ? text : "", &err);
        }
        free(note);
    }
}

/* Cut the newest chunk of one laptop to half its length (a copy still under way); returns
 * the path and keeps the whole file at path.whole. */
static char *half_copy_newest(void)
{
    char *cmd = kr_xasprintf("ls -1 '%s'/*/*.json 2>/dev/null | sort | tail -1", shared);
    FILE *p = popen(cmd, "r");
    free(cmd);
    char line[600] = "";
    ck_assert_ptr_nonnull(p);
    if (!fgets(line, sizeof line, p))
        line[0] = '\0';
    pclose(p);
    line[strcspn(line, "\n")] = '\0';
    if (!line[0])
        return NULL;
    char *whole = kr_xasprintf("%s.whole", line);
    ck_assert_int_eq(rename(line, whole), 0);
    FILE *in = fopen(whole, "rb"), *out = fopen(line, "wb");
    ck_assert_ptr_nonnull(in);
    ck_assert_ptr_nonnull(out);
    fseek(in, 0, SEEK_END);
    long n = ftell(in);
    fseek(in, 0, SEEK_SET);
    for (long i = 0; i < n / 2; i++)
        fputc(fgetc(in), out);
    fclose(in);
    fclose(out);
    free(whole);
    return kr_xstrdup(line);
}

static void finish_copy(char *path)
{
    if (!path)
        return;
    char *whole = kr_xasprintf("%s.whole", path);
    ck_assert_int_eq(rename(whole, path), 0);
    free(whole);
    free(path);
}

START_TEST(test_sync_property_three_laptops)
{
    const char *env = getenv("KR_PROPERTY_SEEDS");
    unsigned seeds = env && atoi(env) > 0 ? (unsigned)atoi(env) : 12;
    for (unsigned seed = 1; seed <= seeds; seed++) {
        rng = seed;
        char *cmd = kr_xasprintf("rm -rf '%s'/*", shared);
        ck_assert_int_eq(system(cmd), 0);
        free(cmd);
        struct kr_store *lap[3] = {new_db(), new_db(), new_db()};
        struct kr_session s = {.date = kr_xstrdup("2026-03-12"),
                               .host_school = kr_xstrdup("Gastschool"),
                               .kijkvraag_text = kr_xstrdup("Wat doen leerlingen?")};
        ck_assert_int_eq(kr_store_session_add(lap[0], &s, &err), KR_OK);
        add_visit(lap[0], s.id);
        bool has[3] = {true, false, false};
        char *half = NULL;
        int steps = 20 + (int)rnd(30);
        for (int k = 0; k < steps; k++) {
            unsigned who = rnd(3);
            unsigned what = rnd(5);
            if (what < 2 && has[who]) {
                random_work(lap[who], s.id, 1 + (int)rnd(6));
            } else {
                sync_now(lap[who]);
                struct kr_session got = {0};
                has[who] = kr_store_session_get(lap[who], s.id, &got, &err) == KR_OK;
                kr_session_fini(&got);
                if (!half && rnd(4) == 0)
                    half = half_copy_newest(); /* still being copied for a while */
                else if (half && rnd(2) == 0) {
                    finish_copy(half);
                    half = NULL;
                }
            }
        }
        finish_copy(half);
        /* A last full round in a random order: everyone has everything. */
        unsigned first = rnd(3);
        for (int r = 0; r < 6; r++)
            sync_now(lap[(first + (unsigned)r) % 3]);
        char *st0 = state(lap[0], s.id);
        for (int i = 1; i < 3; i++) {
            char *sti = state(lap[i], s.id);
            ck_assert_msg(strcmp(st0, sti) == 0, "seed %u: laptop %d differs from laptop 0", seed,
                          i);
            free(sti);
        }
        /* And a further round changes nothing. */
        for (int i = 0; i < 3; i++) {
            struct kr_sync_stats x = sync_now(lap[i]);
            ck_assert_int_eq(x.sent, 0);
            ck_assert_int_eq(x.received, 0);
            ck_assert_int_eq(x.laptops, 3);
            char *sti = state(lap[i], s.id);
            ck_assert_str_eq(st0, sti);
            free(sti);
        }
        free(st0);
        kr_session_fini(&s);
        for (int i = 0; i < 3; i++)
            kr_store_close(lap[i]);
    }
}
END_TEST

/* Laptop b holds a copy of laptop a's bijeenkomst (export | import); returns its notes, live
 * and deleted, in list order (n set). */
static char **shared_copy(struct kr_store *a, struct kr_store *b, struct kr_session *s, size_t *n)
{
    s->date = kr_xstrdup("2026-03-12");
    s->kijkvraag_text = kr_xstrdup("Wat doen leerlingen?");
    ck_assert_int_eq(kr_store_session_add(a, s, &err), KR_OK);
    add_visit(a, s->id);
    char *v = pick_visit(a, s->id);
    for (int i = 0; i < 6; i++) {
        struct kr_observation o = {.visit_id = kr_xstrdup(v),
                                   .text = kr_xasprintf("Een leerling wijst naar bord %d.", i)};
        ck_assert_int_eq(kr_store_obs_add(a, &o, &err), KR_OK);
        kr_observation_fini(&o);
    }
    free(v);
    char *j = export_str(a, s->id);
    ck_assert_msg(kr_store_import_json(b, j, strlen(j), "a.json", NULL, &err) == KR_OK,
                  "import: %s", err.msg);
    free(j);
    struct kr_observation_list l = {0};
    struct kr_obs_filter f = {.session_id = s->id, .include_deleted = true};
    ck_assert_int_eq(kr_store_obs_list(a, &f, &l, &err), KR_OK);
    char **ids = kr_xcalloc(l.n, sizeof *ids);
    for (size_t i = 0; i < l.n; i++)
        ids[i] = kr_xstrdup(l.items[i].id);
    *n = l.n;
    kr_observation_list_fini(&l);
    return ids;
}

static struct kr_observation note(struct kr_store *st, const char *id)
{
    struct kr_observation o = {0};
    ck_assert_int_eq(kr_store_obs_get(st, id, &o, &err), KR_OK);
    return o;
}

/* The tester's route (issue 17 reopened): both laptops hold the same notes from an import;
 * before either syncs, a edits one note and places another, b deletes a third and restores
 * nothing; after syncs a, b, a, b both laptops hold every one of these changes, whichever
 * laptop id is the higher: an unchanged copy never wins over a change. */
START_TEST(test_sync_change_before_first_sync_wins)
{
    for (int swap = 0; swap < 2; swap++) { /* both orders of the laptop ids */
        char *cmd = kr_xasprintf("rm -rf '%s'/*", shared);
        ck_assert_int_eq(system(cmd), 0);
        free(cmd);
        struct kr_store *a = new_db(), *b = new_db();
        struct kr_session s = {0};
        size_t n = 0;
        char **ids = shared_copy(a, b, &s, &n);
        ck_assert_uint_eq(n, 6);
        ck_assert_int_eq(kr_store_obs_edit(a, ids[0], "BEWERKT OP LAPTOP A", KR_CORNER_NONE, &err),
                         KR_OK);
        ck_assert_int_eq(kr_store_obs_set_corner(a, ids[1], KR_CORNER_LERAAR, &err), KR_OK);
        ck_assert_int_eq(kr_store_obs_delete(b, ids[2], &err), KR_OK);
        ck_assert_int_eq(kr_store_obs_delete(b, ids[3], &err), KR_OK);
        struct kr_store *first = swap ? b : a, *second = swap ? a : b;
        sync_now(first);
        sync_now(second);
        sync_now(first);
        sync_now(second);
        struct kr_store *both[2] = {a, b};
        for (int i = 0; i < 2; i++) {
            struct kr_observation o = note(both[i], ids[0]);
            ck_assert_msg(strcmp(o.text, "BEWERKT OP LAPTOP A") == 0,
                          "swap %d laptop %c: the edit was lost: %s", swap, "ab"[i], o.text);
            kr_observation_fini(&o);
            o = note(both[i], ids[1]);
            ck_assert_msg(o.corner == KR_CORNER_LERAAR, "swap %d laptop %c: corner lost", swap,
                          "ab"[i]);
            kr_observation_fini(&o);
            o = note(both[i], ids[2]);
            ck_assert_msg(o.deleted_at != NULL, "swap %d laptop %c: the delete was lost", swap,
                          "ab"[i]);
            kr_observation_fini(&o);
        }
        /* Later changes on imported rows, after the first sync, win the same way: a restores
         * what b deleted, b edits what a placed. */
        ck_assert_int_eq(kr_store_obs_restore(a, ids[3], &err), KR_OK);
        ck_assert_int_eq(kr_store_obs_edit(b, ids[4], "Later op b.", KR_CORNER_NONE, &err), KR_OK);
        sync_now(second);
        sync_now(first);
        sync_now(second);
        for (int i = 0; i < 2; i++) {
            struct kr_observation o = note(both[i], ids[3]);
            ck_assert_msg(o.deleted_at == NULL, "swap %d laptop %c: the restore was lost", swap,
                          "ab"[i]);
            kr_observation_fini(&o);
            o = note(both[i], ids[4]);
            ck_assert_str_eq(o.text, "Later op b.");
            kr_observation_fini(&o);
        }
        char *sa = state(a, s.id), *sb = state(b, s.id);
        ck_assert_str_eq(sa, sb);
        free(sa);
        free(sb);
        for (size_t i = 0; i < n; i++)
            free(ids[i]);
        free(ids);
        kr_session_fini(&s);
        kr_store_close(a);
        kr_store_close(b);
    }
}
END_TEST

/* A bijeenkomst imported on b after b synced, while a edits it: b's untouched import is no
 * change of b, so a's edit arrives on b and stays on a. */
START_TEST(test_sync_import_after_first_sync_loses_to_edit)
{
    struct kr_store *a = new_db(), *b = new_db();
    struct kr_session other = {.date = kr_xstrdup("2026-02-01"),
                               .kijkvraag_text = kr_xstrdup("Eerdere vraag?")};
    ck_assert_int_eq(kr_store_session_add(b, &other, &err), KR_OK);
    sync_now(a); /* a has synced too, but not seen b's chunks: b's clock runs ahead */
    for (int i = 0; i < 5; i++) {
        add_visit(b, other.id);
        sync_now(b);
    }
    struct kr_session s = {0};
    size_t n = 0;
    char **ids = shared_copy(a, b, &s, &n);
    ck_assert_int_eq(kr_store_obs_edit(a, ids[0], "BEWERKT OP LAPTOP A", KR_CORNER_NONE, &err),
                     KR_OK);
    sync_now(a);
    sync_now(b);
    sync_now(a);
    struct kr_store *both[2] = {a, b};
    for (int i = 0; i < 2; i++) {
        struct kr_observation o = note(both[i], ids[0]);
        ck_assert_msg(strcmp(o.text, "BEWERKT OP LAPTOP A") == 0, "laptop %c: the edit was lost",
                      "ab"[i]);
        kr_observation_fini(&o);
    }
    for (size_t i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
    kr_session_fini(&s);
    kr_session_fini(&other);
    kr_store_close(a);
    kr_store_close(b);
}
END_TEST

/* A decision made, synced, undone, synced and made again (the same key, new on this laptop
 * once more) is a change, not an untouched copy: it arrives on the other laptop. */
START_TEST(test_sync_decision_made_again_travels)
{
    struct kr_store *a = new_db(), *b = new_db();
    struct kr_session s = {0};
    size_t n = 0;
    char **ids = shared_copy(a, b, &s, &n);
    ck_assert_int_eq(kr_store_group_note_put(a, s.id, ids[0], KR_CORNER_LEERLING, NULL, &err),
                     KR_OK);
    sync_now(a);
    sync_now(b);
    ck_assert_int_eq(kr_store_group_note_put(a, s.id, ids[0], KR_CORNER_NONE, NULL, &err), KR_OK);
    sync_now(a);
    sync_now(b);
    ck_assert_int_eq(kr_store_group_note_put(a, s.id, ids[0], KR_CORNER_LERAAR, NULL, &err), KR_OK);
    sync_now(a);
    sync_now(b);
    sync_now(a);
    char *sa = state(a, s.id), *sb = state(b, s.id);
    ck_assert_ptr_nonnull(strstr(sa, "note "));
    ck_assert_str_eq(sa, sb);
    free(sa);
    free(sb);
    for (size_t i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
    kr_session_fini(&s);
    kr_store_close(a);
    kr_store_close(b);
}
END_TEST

START_TEST(test_sync_damaged_chunk_reported_and_skipped)
{
    struct kr_store *a = new_db(), *b = new_db();
    struct kr_session s = {.date = kr_xstrdup("2026-03-12"),
                           .kijkvraag_text = kr_xstrdup("Wat doen leerlingen?")};
    ck_assert_int_eq(kr_store_session_add(a, &s, &err), KR_OK);
    sync_now(a);
    char *cmd = kr_xasprintf("f=$(ls '%s'/*/*.json); sed -i 's/Wat doen/Wat DOEN/' \"$f\"", shared);
    ck_assert_int_eq(system(cmd), 0);
    free(cmd);
    struct kr_sync_stats x;
    struct problems p = {0};
    ck_assert_int_eq(kr_store_sync(b, shared, &x, on_problem, &p, &err), KR_OK);
    ck_assert_int_eq(p.n, 1);
    ck_assert_ptr_nonnull(strstr(p.last, "0000000001.json"));
    ck_assert_ptr_nonnull(strstr(p.last, "controlegetal"));
    ck_assert_int_eq(x.corrupt, 1);
    ck_assert_int_eq(x.chunks, 0);
    struct kr_session got = {0};
    ck_assert_int_eq(kr_store_session_get(b, s.id, &got, &err), KR_NOT_FOUND);
    kr_session_fini(&got);
    kr_session_fini(&s);
    kr_store_close(a);
    kr_store_close(b);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("sync");
    TCase *tc = tcase_create("sync");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_sync_damaged_chunk_reported_and_skipped);
    tcase_add_test(tc, test_sync_change_before_first_sync_wins);
    tcase_add_test(tc, test_sync_import_after_first_sync_loses_to_edit);
    tcase_add_test(tc, test_sync_decision_made_again_travels);
    tcase_add_test(tc, test_sync_property_three_laptops);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
