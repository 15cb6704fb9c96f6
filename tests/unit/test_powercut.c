/* SPDX-License-Identifier: MIT */
/*
 * A power cut, simulated the way SQLite's own crash tests do it (test6.c, "crash" VFS):
 * a VFS shim between SQLite and the disk keeps, for every database, WAL and journal
 * file, the image the file had at its last xSync. What was written after that sync
 * lives only in the page cache of the machine, so a power cut throws it away.
 *
 * The test saves notes through the store API as the round does (a draft while typing,
 * written without fsync, then Enter: kr_store_obs_add_from_draft; every third note, the
 * first among them, with kr_store_obs_add) and, at the k-th write that reaches the shim (any k:
 * between two saves or in the middle of one), takes the synced images as the disk after the cut. It
 * then opens those images with plain SQLite and asks: the database passes
 * integrity_check, and every note whose save had returned before the cut is there (each
 * by its text); and the store itself (kr_store_open) opens them and lists those notes.
 * A store that does not sync (PRAGMA synchronous = OFF), syncs only at checkpoints
 * (NORMAL in WAL mode), or leaves NORMAL on after a draft, fails this test; FULL passes.
 *
 * -shm files are not tracked: SQLite rebuilds the WAL index from the WAL after a cut.
 * A delete counts at once (the rollback journal's delete is its commit), which is
 * what a journal without directory sync gives at worst.
 */
#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kijkronde/mem.h"
#include "kijkronde/store.h"
#include "krtest.h"

/* ---- the shim ---- */

#define MAX_TRACKED 8

struct tracked {
    char *path;          /* full path SQLite opened */
    unsigned char *data; /* the image at the last xSync (NULL: never synced) */
    size_t len;
    int synced;
};

struct cut_file {
    sqlite3_file base;
    sqlite3_file *real; /* the unix VFS's file, allocated right behind this struct */
    struct tracked *t;  /* NULL for files a cut does not concern (temp files) */
};

static sqlite3_vfs *real_vfs;
static sqlite3_vfs cut_vfs;
static struct tracked files[MAX_TRACKED];
static size_t n_files;

/* The cut: when writes_seen reaches cut_at, the synced images are copied into cut[]. */
static long writes_seen, cut_at = -1;
static struct tracked cut[MAX_TRACKED];
static size_t n_cut;
static int notes_returned;       /* saves that returned KR_OK so far */
static int notes_before_cut;     /* ... at the moment of the cut */
static long writes_before_notes; /* writes that made the database, before the first note */

static struct tracked *track(const char *path)
{
    for (size_t i = 0; i < n_files; i++)
        if (strcmp(files[i].path, path) == 0)
            return &files[i];
    ck_assert_uint_lt(n_files, MAX_TRACKED);
    files[n_files].path = kr_xstrdup(path);
    return &files[n_files++];
}

static void take_cut(void)
{
    if (n_cut) /* once a run: the writes of the close after the cut change nothing */
        return;
    for (size_t i = 0; i < n_files; i++) {
        cut[i].path = kr_xstrdup(files[i].path);
        cut[i].synced = files[i].synced;
        cut[i].len = files[i].len;
        cut[i].data = NULL;
        if (files[i].synced && files[i].len) {
            cut[i].data = kr_xmalloc(files[i].len);
            memcpy(cut[i].data, files[i].data, files[i].len);
        }
    }
    n_cut = n_files;
    notes_before_cut = notes_returned;
}

static int c_close(sqlite3_file *f)
{
    struct cut_file *c = (struct cut_file *)f;
    return c->real->pMethods->xClose(c->real);
}

static int c_read(sqlite3_file *f, void *buf, int amt, sqlite3_int64 off)
{
    struct cut_file *c = (struct cut_file *)f;
    return c->real->pMethods->xRead(c->real, buf, amt, off);
}

static int c_write(sqlite3_file *f, const void *buf, int amt, sqlite3_int64 off)
{
    struct cut_file *c = (struct cut_file *)f;
    if (c->t && ++writes_seen == cut_at)
        take_cut();
    return c->real->pMethods->xWrite(c->real, buf, amt, off);
}

static int c_truncate(sqlite3_file *f, sqlite3_int64 size)
{
    struct cut_file *c = (struct cut_file *)f;
    return c->real->pMethods->xTruncate(c->real, size);
}

/* What the disk holds after a sync: the whole file as it is now. */
static int c_sync(sqlite3_file *f, int flags)
{
    struct cut_file *c = (struct cut_file *)f;
    int rc = c->real->pMethods->xSync(c->real, flags);
    if (rc != SQLITE_OK || !c->t)
        return rc;
    sqlite3_int64 size = 0;
    rc = c->real->pMethods->xFileSize(c->real, &size);
    if (rc != SQLITE_OK)
        return rc;
    struct tracked *t = c->t;
    t->data = kr_xreallocarray(t->data, size ? (size_t)size : 1, 1);
    t->len = (size_t)size;
    t->synced = 1;
    if (size)
        rc = c->real->pMethods->xRead(c->real, t->data, (int)size, 0);
    return rc;
}

static int c_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
    struct cut_file *c = (struct cut_file *)f;
    return c->real->pMethods->xFileSize(c->real, size);
}

static int c_lock(sqlite3_file *f, int l)
{
    struct cut_file *c = (struct cut_file *)f;
    return c->real->pMethods->xLock(c->real, l);
}

static int c_unlock(sqlite3_file *f, int l)
{
    struct cut_file *c = (struct cut_file *)f;
    return c->real->pMethods->xUnlock(c->real, l);
}

static int c_check_reserved(sqlite3_file *f, int *out)
{
    struct cut_file *c = (struct cut_file *)f;
    return c->real->pMethods->xCheckReservedLock(c->real, out);
}

static int c_file_control(sqlite3_file *f, int op, void *arg)
{
    struct cut_file *c = (struct cut_file *)f;
    return c->real->pMethods->xFileControl(c->real, op, arg);
}

static int c_sector_size(sqlite3_file *f)
{
    struct cut_file *c = (struct cut_file *)f;
    return c->real->pMethods->xSectorSize(c->real);
}

static int c_device_chars(sqlite3_file *f)
{
    struct cut_file *c = (struct cut_file *)f;
    return c->real->pMethods->xDeviceCharacteristics(c->real);
}

static int c_shm_map(sqlite3_file *f, int pg, int pgsz, int extend, void volatile **pp)
{
    struct cut_file *c = (struct cut_file *)f;
    return c->real->pMethods->xShmMap(c->real, pg, pgsz, extend, pp);
}

static int c_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
    struct cut_file *c = (struct cut_file *)f;
    return c->real->pMethods->xShmLock(c->real, offset, n, flags);
}

static void c_shm_barrier(sqlite3_file *f)
{
    struct cut_file *c = (struct cut_file *)f;
    c->real->pMethods->xShmBarrier(c->real);
}

static int c_shm_unmap(sqlite3_file *f, int del)
{
    struct cut_file *c = (struct cut_file *)f;
    return c->real->pMethods->xShmUnmap(c->real, del);
}

/* Version 2: no xFetch, so every change to the database goes through c_write. */
static const sqlite3_io_methods cut_methods = {
    2,
    c_close,
    c_read,
    c_write,
    c_truncate,
    c_sync,
    c_file_size,
    c_lock,
    c_unlock,
    c_check_reserved,
    c_file_control,
    c_sector_size,
    c_device_chars,
    c_shm_map,
    c_shm_lock,
    c_shm_barrier,
    c_shm_unmap,
    NULL,
    NULL,
};

static int c_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out)
{
    (void)vfs;
    struct cut_file *c = (struct cut_file *)f;
    c->real = (sqlite3_file *)(c + 1);
    c->t = NULL;
    int rc = real_vfs->xOpen(real_vfs, name, c->real, flags, out);
    if (rc != SQLITE_OK) {
        f->pMethods = NULL;
        return rc;
    }
    if (name && (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL)))
        c->t = track(name);
    f->pMethods = &cut_methods;
    return SQLITE_OK;
}

static int c_delete(sqlite3_vfs *vfs, const char *name, int dir_sync)
{
    (void)vfs;
    for (size_t i = 0; i < n_files; i++)
        if (strcmp(files[i].path, name) == 0) {
            free(files[i].data);
            files[i].data = NULL;
            files[i].len = 0;
            files[i].synced = 0;
        }
    return real_vfs->xDelete(real_vfs, name, dir_sync);
}

static void shim_install(void)
{
    real_vfs = sqlite3_vfs_find(NULL);
    ck_assert_ptr_nonnull(real_vfs);
    ck_assert_str_ne(real_vfs->zName, "krcut");
    cut_vfs = *real_vfs;
    cut_vfs.zName = "krcut";
    cut_vfs.szOsFile = (int)sizeof(struct cut_file) + real_vfs->szOsFile;
    cut_vfs.xOpen = c_open;
    cut_vfs.xDelete = c_delete;
    cut_vfs.pNext = NULL;
    ck_assert_int_eq(sqlite3_vfs_register(&cut_vfs, 1), SQLITE_OK);
}

static void shim_remove(void)
{
    sqlite3_vfs_unregister(&cut_vfs);
    for (size_t i = 0; i < n_files; i++) {
        free(files[i].path);
        free(files[i].data);
    }
    for (size_t i = 0; i < n_cut; i++) {
        free(cut[i].path);
        free(cut[i].data);
    }
    memset(files, 0, sizeof files);
    memset(cut, 0, sizeof cut);
    n_files = n_cut = 0;
}

/* ---- the test ---- */

static char dir[64], path[128], after[160];

/* Remove directory d and the files in it (no subdirectories but after/), without a shell:
   a fork per run was half of this test's time. */
static void rm_dir(const char *d)
{
    DIR *dp = opendir(d);
    if (!dp)
        return;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char p[320];
        snprintf(p, sizeof p, "%s/%s", d, e->d_name);
        if (unlink(p) != 0)
            rm_dir(p);
    }
    closedir(dp);
    ck_assert_int_eq(rmdir(d), 0);
}

/* Writes the cut images into DIR/after/, under the same file names. */
static void write_cut(void)
{
    snprintf(after, sizeof after, "%s/after", dir);
    rm_dir(after);
    ck_assert_int_eq(mkdir(after, 0700), 0);
    for (size_t i = 0; i < n_cut; i++) {
        if (!cut[i].synced)
            continue;
        const char *base = strrchr(cut[i].path, '/');
        char p[256];
        snprintf(p, sizeof p, "%s%s", after, base ? base : "/x");
        FILE *fp = fopen(p, "wb");
        ck_assert_ptr_nonnull(fp);
        if (cut[i].len)
            ck_assert_uint_eq(fwrite(cut[i].data, 1, cut[i].len, fp), cut[i].len);
        ck_assert_int_eq(fclose(fp), 0);
    }
}

/* Notes per run: three of each kind of save (two from a draft, one without), which keeps the
   cut at every write of them under 10 s. */
#define NOTES     9
#define NOTE_TEXT "notitie %d: een leerling pakt een potlood"

/* Notes in the database after the cut; -1 when there is no database at all. *first_missing
   gets the first of the notes 0..saved-1 whose text is not there (saved when none is). */
static int notes_after_cut(int saved, int *integrity_ok, int *first_missing)
{
    char p[256];
    snprintf(p, sizeof p, "%s/k.db", after);
    *integrity_ok = 0;
    if (access(p, F_OK) != 0)
        return -1;
    sqlite3 *db = NULL;
    /* The real VFS: what a program opening the disk after the cut sees. */
    ck_assert_int_eq(sqlite3_open_v2(p, &db, SQLITE_OPEN_READWRITE, real_vfs->zName), SQLITE_OK);
    sqlite3_stmt *s = NULL;
    ck_assert_int_eq(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, NULL), SQLITE_OK);
    if (sqlite3_step(s) == SQLITE_ROW)
        *integrity_ok = strcmp((const char *)sqlite3_column_text(s, 0), "ok") == 0;
    sqlite3_finalize(s);
    int n = -1;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM observation WHERE text LIKE 'notitie %'", -1,
                           &s, NULL) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
        n = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    *first_missing = saved;
    if (n >= 0 && sqlite3_prepare_v2(db, "SELECT 1 FROM observation WHERE text = ?1", -1, &s,
                                     NULL) == SQLITE_OK) {
        for (int i = 0; i < saved && *first_missing == saved; i++) {
            char text[64];
            snprintf(text, sizeof text, NOTE_TEXT, i);
            sqlite3_bind_text(s, 1, text, -1, SQLITE_TRANSIENT);
            if (sqlite3_step(s) != SQLITE_ROW)
                *first_missing = i;
            sqlite3_reset(s);
        }
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    return n;
}

/* The store's own open of the disk after the cut: notes of the visit it lists (-1: the
   open failed, *why its message). */
static int store_notes_after_cut(const char *visit_id, char *why, size_t why_size)
{
    char p[256];
    snprintf(p, sizeof p, "%s/k.db", after);
    struct kr_error err = {0};
    struct kr_store *st = NULL;
    if (kr_store_open(p, &st, &err) != KR_OK) {
        snprintf(why, why_size, "%s", err.msg);
        return -1;
    }
    struct kr_obs_filter f = {.visit_id = visit_id};
    struct kr_observation_list l = {0};
    int n = -1;
    if (kr_store_obs_list(st, &f, &l, &err) == KR_OK)
        n = (int)l.n;
    else
        snprintf(why, why_size, "%s", err.msg);
    kr_observation_list_fini(&l);
    kr_store_close(st);
    return n;
}

/* One run: a bijeenkomst, a visit and NOTES notes, with the power cut at write k.
 *missing: the first returned note not on disk after the cut (*saved_before: none);
 *listed: the notes kr_store_open then lists (-1: it failed, or no database). */
static void run_with_cut_at(long k, int notes, int *saved_before, int *found, int *ok, int *missing,
                            int *listed)
{
    struct kr_error err = {0};
    /* tmpfs when there is one: the shim, not the disk, decides what a cut keeps. */
    strcpy(dir, access("/dev/shm", W_OK) == 0 ? "/dev/shm/kr-cut-XXXXXX" : "/tmp/kr-cut-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/k.db", dir);
    shim_install();
    writes_seen = 0;
    cut_at = k;
    notes_returned = 0;
    notes_before_cut = -1;

    struct kr_store *st = NULL;
    ck_assert_int_eq(kr_store_open(path, &st, &err), KR_OK);
    struct kr_session s = {.date = kr_xstrdup("2026-03-12"), .kijkvraag_text = kr_xstrdup("k")};
    ck_assert_int_eq(kr_store_session_add(st, &s, &err), KR_OK);
    struct kr_visit v = {.session_id = kr_xstrdup(s.id), .label = kr_xstrdup("groep 6")};
    ck_assert_int_eq(kr_store_visit_add(st, &v, &err), KR_OK);
    writes_before_notes = writes_seen;
    for (int i = 0; i < notes; i++) {
        char text[64];
        snprintf(text, sizeof text, NOTE_TEXT, i);
        struct kr_observation o = {.visit_id = kr_xstrdup(v.id), .text = kr_xstrdup(text)};
        if (i % 3 != 0) { /* the round: the line as a draft while typing, then Enter */
            ck_assert_int_eq(kr_store_draft_put(st, v.id, "notitie", &err), KR_OK);
            ck_assert_int_eq(kr_store_obs_add_from_draft(st, &o, &err), KR_OK);
        } else {
            ck_assert_int_eq(kr_store_obs_add(st, &o, &err), KR_OK);
        }
        notes_returned++;
        kr_observation_fini(&o);
    }
    if (notes_before_cut < 0) /* k lay beyond the last write: cut at the end */
        take_cut();
    kr_session_fini(&s);
    write_cut();
    *saved_before = notes_before_cut;
    *found = notes_after_cut(notes_before_cut, ok, missing);
    kr_store_close(st);
    shim_remove();
    char why[512] = "";
    *listed = *found < 0 ? -1 : store_notes_after_cut(v.id, why, sizeof why);
    ck_assert_msg(*found < 0 || *listed >= 0, "cut at write %ld: kr_store_open after the cut: %s",
                  k, why);
    kr_visit_fini(&v);
    rm_dir(dir);
}

START_TEST(every_returned_note_survives_a_power_cut)
{
    /* First a run without a cut, to learn how many writes a day of NOTES notes makes. */
    int saved, found, ok, missing, listed;
    run_with_cut_at(-1, NOTES, &saved, &found, &ok, &missing, &listed);
    long total = writes_seen;
    long setup = writes_before_notes;
    printf("# %ld writes: %ld create the database, the rest save %d notes\n", total, setup, NOTES);
    ck_assert_int_eq(saved, NOTES);
    ck_assert_int_eq(found, NOTES);
    ck_assert_msg(ok, "integrity_check after a clean run");
    ck_assert_int_eq(missing, NOTES);
    ck_assert_int_eq(listed, NOTES);
    ck_assert_int_gt(total, NOTES);

    /* Then a cut at every write of the saves, and at every 7th while the database is made
       (those writes are the schema's, the same for every run). */
    int cuts = 0;
    /* KR_CUT_STRIDE (the valgrind setup sets it) thins the cuts out for slow runs. */
    const char *env = getenv("KR_CUT_STRIDE");
    long stride = env && atol(env) > 0 ? atol(env) : 1;
    for (long k = 1; k <= total; k += k < setup ? 7 : stride) {
        run_with_cut_at(k, NOTES, &saved, &found, &ok, &missing, &listed);
        if (found < 0) {
            /* No database on disk yet: only allowed before the first note returned. */
            ck_assert_msg(saved == 0, "cut at write %ld: no database, but %d notes had been saved",
                          k, saved);
            continue;
        }
        ck_assert_msg(ok, "cut at write %ld: integrity_check fails", k);
        ck_assert_msg(found >= saved, "cut at write %ld: %d notes saved, %d on disk after the cut",
                      k, saved, found);
        ck_assert_msg(missing == saved, "cut at write %ld: note %d was saved, it is gone", k,
                      missing);
        ck_assert_msg(listed >= saved, "cut at write %ld: %d notes saved, the store lists %d", k,
                      saved, listed);
        cuts++;
    }
    ck_assert_int_gt(cuts, 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("powercut");
    TCase *tc = tcase_create("powercut");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, every_returned_note_survives_a_power_cut);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
