/* SPDX-License-Identifier: MIT */
/*
 * Live sync in the TUI: while a bijeenkomst with a sync folder (kijkronde sync --bijeenkomst)
 * is open, every few seconds a child process `kijkronde --db DB sync --stil DIR` runs, started
 * with fork/exec and reaped with waitpid(WNOHANG) from the input loop, so a key press or a
 * save never waits for it (the child holds the database's write lock only for its own short
 * transaction; a save then waits at most the TUI's busy timeout). When the child brought
 * changes (the database's data_version moved), the screen reloads; the top bar shows
 * "N laptops · HH:MM" of the last sync that worked.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "kijkronde/plural.h"
#include "ui_internal.h"

#define SYNC_EVERY_S 3

static struct {
    pid_t pid;            /* the running child, or 0 */
    char *session_id;     /* the bijeenkomst whose folder was looked up */
    char *dir;            /* its sync folder, or NULL */
    time_t next, checked; /* next start; when the folder was last looked up */
    long long version;    /* data_version before the child started */
    char exe[PATH_MAX];
} L;

static void start_child(struct ui *ui)
{
    if (!L.exe[0]) {
        ssize_t n = readlink("/proc/self/exe", L.exe, sizeof L.exe - 1);
        if (n <= 0) {
            snprintf(ui->sync_status, sizeof ui->sync_status, "sync: niet mogelijk");
            L.next = time(NULL) + 60;
            return;
        }
        L.exe[n] = '\0';
    }
    L.version = kr_app_data_version(ui->app);
    pid_t pid = fork();
    if (pid < 0) {
        L.next = time(NULL) + SYNC_EVERY_S;
        return;
    }
    if (pid == 0) {
        int fd = open("/dev/null", O_RDWR);
        if (fd >= 0) {
            dup2(fd, 0);
            dup2(fd, 1);
            dup2(fd, 2);
        }
        execl(L.exe, L.exe, "--db", kr_app_path(ui->app), "sync", "--stil", "--", L.dir,
              (char *)NULL);
        _exit(127);
    }
    L.pid = pid;
}

static void child_done(struct ui *ui, int status)
{
    L.pid = 0;
    L.next = time(NULL) + SYNC_EVERY_S;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        snprintf(ui->sync_status, sizeof ui->sync_status, "sync: map niet bereikbaar");
        return;
    }
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    long n = kr_app_sync_laptops(L.dir);
    snprintf(ui->sync_status, sizeof ui->sync_status, "%ld %s · %02d:%02d", n,
             kr_plural(n, "laptop", "laptops"), tm.tm_hour, tm.tm_min);
    long long v = kr_app_data_version(ui->app);
    if (v != L.version && ui->screen && ui->screen->data_changed)
        ui->screen->data_changed(ui);
}

/* The open bijeenkomst's folder: looked up when it changes, and every 10 s (a new setting). */
static void look_up(struct ui *ui, time_t now)
{
    const char *sid = ui->session.id;
    bool same = sid && L.session_id && strcmp(sid, L.session_id) == 0;
    if (same && now - L.checked < 10)
        return;
    free(L.session_id);
    L.session_id = sid ? kr_xstrdup(sid) : NULL;
    char *dir = NULL;
    struct kr_error err = {0};
    if (sid && kr_app_sync_folder(ui->app, sid, &dir, &err) != KR_OK)
        dir = NULL;
    if (!same || (dir == NULL) != (L.dir == NULL) || (dir && strcmp(dir, L.dir) != 0)) {
        ui->sync_status[0] = '\0';
        if (dir)
            snprintf(ui->sync_status, sizeof ui->sync_status, "sync …");
        L.next = now;
    }
    free(L.dir);
    L.dir = dir;
    L.checked = now;
}

void ui_sync_poll(struct ui *ui)
{
    if (L.pid > 0) {
        int status = 0;
        pid_t r = waitpid(L.pid, &status, WNOHANG);
        if (r == L.pid)
            child_done(ui, status);
        else if (r < 0 && errno != EINTR)
            L.pid = 0;
        if (L.pid > 0)
            return;
    }
    time_t now = time(NULL);
    look_up(ui, now);
    if (L.dir && now >= L.next)
        start_child(ui);
}

void ui_sync_recheck(void)
{
    L.checked = 0;
}

void ui_sync_stop(void)
{
    if (L.pid > 0) { /* its transaction is short: let it finish rather than kill it */
        int status;
        while (waitpid(L.pid, &status, 0) < 0 && errno == EINTR)
            ;
        L.pid = 0;
    }
    free(L.session_id);
    free(L.dir);
    L.session_id = L.dir = NULL;
}
