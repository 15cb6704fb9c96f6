/* SPDX-License-Identifier: MIT */
/*
 * Durability of the store against the things that happen on a school laptop: two
 * programs writing at once, a database held by another program, and a full disk
 * (simulated with RLIMIT_FSIZE, which makes writes fail like ENOSPC does).
 */
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kijkronde/mem.h"
#include "kijkronde/store.h"
#include "krtest.h"

static char dir[64], path[128];
static char *visit_id, *session_id;
static struct kr_error err;

static void setup(void)
{
    strcpy(dir, "/tmp/kr-dur-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/k.db", dir);
    struct kr_store *st;
    ck_assert_int_eq(kr_store_open(path, &st, &err), KR_OK);
    struct kr_session s = {.date = kr_xstrdup("2026-03-12"), .kijkvraag_text = kr_xstrdup("k")};
    ck_assert_int_eq(kr_store_session_add(st, &s, &err), KR_OK);
    struct kr_visit v = {.session_id = kr_xstrdup(s.id), .label = kr_xstrdup("groep 6")};
    ck_assert_int_eq(kr_store_visit_add(st, &v, &err), KR_OK);
    session_id = kr_xstrdup(s.id);
    visit_id = kr_xstrdup(v.id);
    kr_session_fini(&s);
    kr_visit_fini(&v);
    kr_store_close(st);
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
    free(visit_id);
    free(session_id);
}

static enum kr_status add(struct kr_store *st, const char *text)
{
    struct kr_observation o = {.visit_id = kr_xstrdup(visit_id), .text = kr_xstrdup(text)};
    enum kr_status r = kr_store_obs_add(st, &o, &err);
    kr_observation_fini(&o);
    return r;
}

static size_t count_notes(struct kr_store *st)
{
    struct kr_obs_filter f = {.session_id = session_id};
    struct kr_observation_list l = {0};
    ck_assert_int_eq(kr_store_obs_list(st, &f, &l, &err), KR_OK);
    size_t n = l.n;
    kr_observation_list_fini(&l);
    return n;
}

/* ---- a VFS shim that counts xSync (fsync/fdatasync) on every file it opens ---- */
static sqlite3_vfs shim, *real;
static int n_sync;
struct shim_file {
    sqlite3_file base; /* pMethods = &shim_io */
    sqlite3_file *real;
};
static sqlite3_io_methods shim_io;

static int shim_sync(sqlite3_file *f, int flags)
{
    n_sync++;
    sqlite3_file *r = ((struct shim_file *)f)->real;
    return r->pMethods->xSync(r, flags);
}

#define FWD(name, sig, call)                                                                       \
    static int shim_##name sig                                                                     \
    {                                                                                              \
        sqlite3_file *r = ((struct shim_file *)f)->real;                                           \
        return r->pMethods->call;                                                                  \
    }
FWD(read, (sqlite3_file * f, void *b, int n, sqlite3_int64 o), xRead(r, b, n, o))
FWD(write, (sqlite3_file * f, const void *b, int n, sqlite3_int64 o), xWrite(r, b, n, o))
FWD(truncate, (sqlite3_file * f, sqlite3_int64 n), xTruncate(r, n))
FWD(size, (sqlite3_file * f, sqlite3_int64 *n), xFileSize(r, n))
FWD(lock, (sqlite3_file * f, int l), xLock(r, l))
FWD(unlock, (sqlite3_file * f, int l), xUnlock(r, l))
FWD(check, (sqlite3_file * f, int *o), xCheckReservedLock(r, o))
FWD(fcntl, (sqlite3_file * f, int op, void *a), xFileControl(r, op, a))
FWD(sector, (sqlite3_file * f), xSectorSize(r))
FWD(devchar, (sqlite3_file * f), xDeviceCharacteristics(r))
FWD(shmmap, (sqlite3_file * f, int i, int sz, int e, void volatile **p), xShmMap(r, i, sz, e, p))
FWD(shmlock, (sqlite3_file * f, int o, int n, int fl), xShmLock(r, o, n, fl))
FWD(shmunmap, (sqlite3_file * f, int d), xShmUnmap(r, d))
static void shim_barrier(sqlite3_file *f)
{
    sqlite3_file *r = ((struct shim_file *)f)->real;
    r->pMethods->xShmBarrier(r);
}
static int shim_close(sqlite3_file *f)
{
    sqlite3_file *r = ((struct shim_file *)f)->real;
    int rc = r->pMethods ? r->pMethods->xClose(r) : SQLITE_OK;
    free(r);
    return rc;
}

static int shim_open(sqlite3_vfs *v, const char *name, sqlite3_file *f, int flags, int *out)
{
    (void)v;
    struct shim_file *sf = (struct shim_file *)f;
    sf->real = calloc(1, (size_t)real->szOsFile);
    int rc = real->xOpen(real, name, sf->real, flags, out);
    sf->base.pMethods = rc == SQLITE_OK ? &shim_io : NULL;
    if (rc != SQLITE_OK)
        free(sf->real);
    return rc;
}

static void shim_install(void)
{
    real = sqlite3_vfs_find(NULL);
    shim = *real;
    shim.zName = "krcount";
    shim.szOsFile = (int)sizeof(struct shim_file);
    shim.xOpen = shim_open;
    shim_io = (sqlite3_io_methods){.iVersion = 2,
                                   .xClose = shim_close,
                                   .xRead = shim_read,
                                   .xWrite = shim_write,
                                   .xTruncate = shim_truncate,
                                   .xSync = shim_sync,
                                   .xFileSize = shim_size,
                                   .xLock = shim_lock,
                                   .xUnlock = shim_unlock,
                                   .xCheckReservedLock = shim_check,
                                   .xFileControl = shim_fcntl,
                                   .xSectorSize = shim_sector,
                                   .xDeviceCharacteristics = shim_devchar,
                                   .xShmMap = shim_shmmap,
                                   .xShmLock = shim_shmlock,
                                   .xShmBarrier = shim_barrier,
                                   .xShmUnmap = shim_shmunmap};
    sqlite3_vfs_register(&shim, 1);
}

/* Enter in the round: one fsync per note; a draft written while typing: none. */
START_TEST(test_durability_one_fsync_per_note)
{
    struct kr_store *st;
    shim_install();
    ck_assert_int_eq(kr_store_open(path, &st, &err), KR_OK);
    kr_store_set_instance(st, "test", (long)getpid(), "host");
    ck_assert_int_eq(add(st, "eerste notitie"), KR_OK); /* the WAL's start is not a note's cost */
    int before = n_sync;
    for (int i = 0; i < 10; i++) {
        ck_assert_int_eq(kr_store_draft_put(st, visit_id, "Meisje zeg", &err), KR_OK);
        ck_assert_int_eq(kr_store_draft_put(st, visit_id, "Meisje zegt: 3/4", &err), KR_OK);
        struct kr_observation o = {.visit_id = kr_xstrdup(visit_id),
                                   .text = kr_xstrdup("Meisje zegt: 3/4")};
        ck_assert_int_eq(kr_store_obs_add_from_draft(st, &o, &err), KR_OK);
        kr_observation_fini(&o);
    }
    ck_assert_int_eq(n_sync - before, 10);
    char *d = NULL;
    ck_assert_int_eq(kr_store_draft_get(st, visit_id, &d, &err), KR_OK);
    ck_assert_ptr_null(d); /* the draft went in the note's transaction */
    kr_store_close(st);
    sqlite3_vfs_unregister(&shim);
}
END_TEST

#define PER_WRITER 150

START_TEST(test_durability_two_writers_lose_nothing)
{
    pid_t kids[2];
    for (int k = 0; k < 2; k++) {
        kids[k] = fork();
        ck_assert_int_ge(kids[k], 0);
        if (kids[k] == 0) {
            struct kr_store *st;
            if (kr_store_open(path, &st, &err) != KR_OK)
                _exit(3);
            for (int i = 0; i < PER_WRITER; i++) {
                char text[64];
                snprintf(text, sizeof text, "Tweetal %d, notitie %d", k + 1, i);
                /* As the round screen does: a note that met a busy database stays
                 * pending and is saved on the next try. Under valgrind on a loaded
                 * machine one writer can hold the lock past the 5 s wait. */
                enum kr_status r;
                int tries = 0;
                while ((r = add(st, text)) == KR_DB_BUSY && ++tries < 20)
                    ;
                if (r != KR_OK)
                    _exit(4);
            }
            kr_store_close(st);
            _exit(0);
        }
    }
    for (int k = 0; k < 2; k++) {
        int status;
        ck_assert_int_eq(waitpid(kids[k], &status, 0), kids[k]);
        ck_assert(WIFEXITED(status));
        ck_assert_int_eq(WEXITSTATUS(status), 0);
    }
    struct kr_store *st;
    ck_assert_int_eq(kr_store_open(path, &st, &err), KR_OK);
    ck_assert_uint_eq(count_notes(st), 2 * PER_WRITER);
    ck_assert_int_eq(kr_store_check_integrity(st, &err), KR_OK);
    kr_store_close(st);
}
END_TEST

START_TEST(test_durability_locked_database_waits_then_says_so)
{
    struct kr_store *holder, *st;
    ck_assert_int_eq(kr_store_open(path, &holder, &err), KR_OK);
    ck_assert_int_eq(kr_store_open(path, &st, &err), KR_OK);
    ck_assert_int_eq(kr_store_begin(holder, &err), KR_OK);
    kr_store_set_busy_timeout(st, 200);
    ck_assert_int_eq(add(st, "Jongen vooraan telt op zijn vingers."), KR_DB_BUSY);
    ck_assert_ptr_nonnull(strstr(err.msg, "bezet"));
    ck_assert_ptr_nonnull(strstr(err.msg, path));
    ck_assert_int_eq(kr_store_commit(holder, &err), KR_OK);
    /* Once the other program is done, the same note saves. */
    ck_assert_int_eq(add(st, "Jongen vooraan telt op zijn vingers."), KR_OK);
    ck_assert_uint_eq(count_notes(st), 1);
    kr_store_close(holder);
    kr_store_close(st);
}
END_TEST

START_TEST(test_durability_full_disk_keeps_saved_notes)
{
    int pipefd[2];
    ck_assert_int_eq(pipe(pipefd), 0);
    pid_t kid = fork();
    ck_assert_int_ge(kid, 0);
    if (kid == 0) {
        /* Writes past the limit fail with EFBIG, as a full disk fails with ENOSPC. */
        signal(SIGXFSZ, SIG_IGN);
        struct kr_store *st;
        if (kr_store_open(path, &st, &err) != KR_OK)
            _exit(3);
        struct rlimit rl = {.rlim_cur = 1024 * 1024, .rlim_max = RLIM_INFINITY};
        setrlimit(RLIMIT_FSIZE, &rl);
        char text[1100];
        memset(text, 'x', sizeof text - 1);
        text[sizeof text - 1] = '\0';
        int saved = 0;
        enum kr_status r = KR_OK;
        for (int i = 0; i < 5000 && r == KR_OK; i++) {
            r = add(st, text);
            if (r == KR_OK)
                saved++;
        }
        /* Report how many were saved and whether the failure said so clearly. */
        char msg[600];
        int n = snprintf(msg, sizeof msg, "%d %d %s", saved, (int)r, err.msg);
        if (write(pipefd[1], msg, (size_t)n) != n)
            _exit(5);
        kr_store_close(st);
        _exit(0);
    }
    close(pipefd[1]);
    char buf[700] = {0};
    ck_assert_int_gt(read(pipefd[0], buf, sizeof buf - 1), 0);
    close(pipefd[0]);
    int status;
    waitpid(kid, &status, 0);
    ck_assert(WIFEXITED(status));
    ck_assert_int_eq(WEXITSTATUS(status), 0);
    int saved = 0, r = 0;
    ck_assert_int_eq(sscanf(buf, "%d %d", &saved, &r), 2);
    ck_assert_msg(saved > 5, "only %d saved: %s", saved, buf);
    ck_assert(r == KR_DB_FULL || r == KR_IO);
    ck_assert_msg(strstr(buf, "vol") || strstr(buf, "schrijffout"), "unclear message: %s", buf);
    /* Space is back: every note that was reported saved is there, and writing works. */
    struct kr_store *st;
    ck_assert_int_eq(kr_store_open(path, &st, &err), KR_OK);
    ck_assert_int_eq(kr_store_check_integrity(st, &err), KR_OK);
    ck_assert_uint_eq(count_notes(st), (size_t)saved);
    ck_assert_int_eq(add(st, "Na het opruimen: leerling pakt de hulpkaart."), KR_OK);
    ck_assert_uint_eq(count_notes(st), (size_t)saved + 1);
    kr_store_close(st);
}
END_TEST

static Suite *durability_suite(void)
{
    Suite *s = suite_create("durability");
    TCase *tc = tcase_create("files");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_durability_two_writers_lose_nothing);
    tcase_add_test(tc, test_durability_one_fsync_per_note);
    tcase_add_test(tc, test_durability_locked_database_waits_then_says_so);
    tcase_add_test(tc, test_durability_full_disk_keeps_saved_notes);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(durability_suite());
}
