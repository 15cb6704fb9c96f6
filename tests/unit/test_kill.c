/* SPDX-License-Identifier: MIT */
/*
 * Kill test at the store level: a writer saves notes and reports each id once
 * kr_store_obs_add has returned; it is killed with SIGKILL at a random moment,
 * KR_KILLS times (default 200), half of them counted from its first save. After every kill the
 * database must pass integrity_check and hold every reported note, with its exact text. The seed is
 * printed, and KR_KILL_SEED repeats a run.
 */
#define _DEFAULT_SOURCE /* random(), srandom() */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "kijkronde/mem.h"
#include "kijkronde/store.h"
#include "krtest.h"

static char dir[64], path[128];
static struct kr_error err;

static void note_text(char *buf, size_t size, const char *id)
{
    snprintf(buf, size, "Leerling bij raam schrijft ‘3/4’ op (%s).", id);
}

/* The writer: never returns. Reports "<id>\n" after each confirmed save. */
static void writer(const char *visit_id, int fd)
{
    struct kr_store *st;
    if (kr_store_open(path, &st, &err) != KR_OK) {
        fprintf(stderr, "writer: %s\n", err.msg);
        _exit(3);
    }
    for (;;) {
        struct kr_observation o = {.visit_id = kr_xstrdup(visit_id)};
        char id[40];
        snprintf(id, sizeof id, "n-%d-%ld", (int)getpid(), random());
        o.id = kr_xstrdup(id);
        char text[128];
        note_text(text, sizeof text, id);
        o.text = kr_xstrdup(text);
        if (kr_store_obs_add(st, &o, &err) != KR_OK)
            _exit(4);
        char line[48];
        int n = snprintf(line, sizeof line, "%s\n", id);
        if (write(fd, line, (size_t)n) != n)
            _exit(5);
        kr_observation_fini(&o);
    }
}

START_TEST(test_kill_random_sigkill_loses_no_confirmed_note)
{
    strcpy(dir, "/tmp/kr-kill-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/k.db", dir);
    const char *env = getenv("KR_KILLS");
    int kills = env ? atoi(env) : 200;
    env = getenv("KR_KILL_SEED");
    unsigned seed = env ? (unsigned)atoi(env) : (unsigned)time(NULL);
    printf("# kill test: %d kills, seed %u\n", kills, seed);
    srandom(seed);

    struct kr_store *st;
    ck_assert_int_eq(kr_store_open(path, &st, &err), KR_OK);
    struct kr_session s = {.date = kr_xstrdup("2026-03-12"), .kijkvraag_text = kr_xstrdup("k")};
    ck_assert_int_eq(kr_store_session_add(st, &s, &err), KR_OK);
    struct kr_visit v = {.session_id = kr_xstrdup(s.id), .label = kr_xstrdup("groep 7")};
    ck_assert_int_eq(kr_store_visit_add(st, &v, &err), KR_OK);
    kr_store_close(st);

    struct kr_buf confirmed = {0};
    size_t n_confirmed = 0;
    for (int k = 0; k < kills; k++) {
        int p[2];
        ck_assert_int_eq(pipe(p), 0);
        pid_t kid = fork();
        ck_assert_int_ge(kid, 0);
        if (kid == 0) {
            close(p[0]);
            srandom(seed + (unsigned)k + 1);
            writer(v.id, p[1]);
        }
        close(p[1]);
        /*
         * Even rounds: kill between 0 and 20 ms after the start (during open, migration,
         * the first saves). Odd rounds: the same, counted from the first confirmed save,
         * so that slow runs (valgrind) also kill in the middle of the writing.
         */
        char buf[4096];
        ssize_t r;
        if (k % 2 == 1) {
            r = read(p[0], buf, sizeof buf);
            if (r > 0)
                kr_buf_append(&confirmed, buf, (size_t)r);
        }
        struct timespec ts = {0, (long)(random() % 20000) * 1000L};
        nanosleep(&ts, NULL);
        kill(kid, SIGKILL);
        int status;
        waitpid(kid, &status, 0);
        while ((r = read(p[0], buf, sizeof buf)) > 0)
            kr_buf_append(&confirmed, buf, (size_t)r);
        close(p[0]);
        ck_assert_msg(WIFSIGNALED(status) || WEXITSTATUS(status) == 0,
                      "writer failed with exit %d after kill %d", WEXITSTATUS(status), k);
    }

    ck_assert_int_eq(kr_store_open(path, &st, &err), KR_OK);
    ck_assert_int_eq(kr_store_check_integrity(st, &err), KR_OK);
    /* Every reported id is there with its exact text. */
    char *save = NULL;
    char *all = kr_buf_steal(&confirmed);
    for (char *id = strtok_r(all, "\n", &save); id; id = strtok_r(NULL, "\n", &save)) {
        struct kr_observation o = {0};
        ck_assert_msg(kr_store_obs_get(st, id, &o, &err) == KR_OK, "note %s lost", id);
        char text[128];
        note_text(text, sizeof text, id);
        ck_assert_str_eq(o.text, text);
        kr_observation_fini(&o);
        n_confirmed++;
    }
    free(all);
    printf("# %zu confirmed notes, all present after %d kills\n", n_confirmed, kills);
    ck_assert_uint_gt(n_confirmed, 0);
    kr_store_close(st);
    kr_session_fini(&s);
    kr_visit_fini(&v);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

static Suite *kill_suite(void)
{
    Suite *s = suite_create("kill");
    TCase *tc = tcase_create("sigkill");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_kill_random_sigkill_loses_no_confirmed_note);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(kill_suite());
}
