/* SPDX-License-Identifier: MIT */
/*
 * What keeps a line of the round from being lost: the draft stored while typing pauses,
 * the draft of an observer whose TUI stopped taken over when the visit opens, and the
 * recovery file for the notes that could not be saved when the round ends.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kijkronde/mem.h"
#include "kijkronde/paths.h"
#include "round.h"
#include "ui_internal.h"

static struct ui_round *const R = &ui_round_state;

void ui_round_write_draft(struct ui *ui)
{
    struct kr_error err = {0};
    if (!R->draft_dirty || R->edit_id)
        return;
    if (kr_app_draft_put(ui->app, ui->visit.id, R->ed.text, &err) == KR_OK) {
        R->draft_dirty = false;
        R->draft_stored = R->ed.len > 0;
    }
    R->last_draft_ms = round_now_ms();
}

void ui_round_draft_changed(void)
{
    long long t = round_now_ms();
    if (!R->draft_dirty)
        R->last_draft_ms = t;
    R->draft_dirty = true;
    R->last_change_ms = t;
}

/*
 * The draft of an observer whose TUI stopped (killed, crashed, closed, or an older
 * kijkronde): taken over when this visit opens. A draft of a TUI that still runs (same
 * host, its pid alive) or of another host is never shown here: two observers on one
 * visit each keep their own line. A reused pid only keeps a draft waiting (never lost).
 */
char *ui_round_adopt_stopped_draft(struct ui *ui)
{
    struct kr_error err = {0};
    struct kr_draft_list l = {0};
    char host[256] = "", *text = NULL;
    gethostname(host, sizeof host - 1);
    if (kr_app_draft_others(ui->app, ui->visit.id, &l, &err) != KR_OK)
        return NULL;
    for (size_t i = 0; i < l.n && !text; i++) {
        const struct kr_draft *d = &l.items[i];
        bool stopped =
            d->pid <= 0 || !d->host ||
            (strcmp(d->host, host) == 0 && kill((pid_t)d->pid, 0) != 0 && errno == ESRCH);
        if (stopped)
            kr_app_draft_take(ui->app, d->instance, ui->visit.id, &text, &err);
    }
    kr_draft_list_fini(&l);
    return text;
}

/* Write fd's whole buffer; false on any error. */
static bool write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w;
        n -= (size_t)w;
    }
    return true;
}

static bool write_recovery_at(const char *path, const char *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    bool ok = write_all(fd, data, len) && fsync(fd) == 0;
    if (close(fd) != 0)
        ok = false;
    return ok;
}

/*
 * Notes that could not be saved when the round ends (full disk, deleted database, a held
 * lock): one line each, "kijkronde-herstel\tVISIT\tAT\tTEXT" (a note has no tab or line
 * break), appended with plain write + fsync beside the database, else in
 * $XDG_STATE_HOME/kijkronde/. The path goes to ui_recovery_path for the message after
 * endwin; if no file can be written the notes go to stderr there.
 */
void ui_round_write_recovery(struct ui *ui, const char *draft)
{
    struct kr_buf b = {0};
    size_t n_pending = kr_app_pending_count(ui->app);
    for (size_t i = 0; i < n_pending; i++) {
        const char *visit_id, *at, *text;
        kr_app_pending_get(ui->app, i, &visit_id, &at, &text);
        kr_buf_printf(&b, "kijkronde-herstel\t%s\t%s\t%s\n", visit_id, at, text);
    }
    if (draft && *draft)
        kr_buf_printf(&b, "kijkronde-herstel\t%s\tconcept\t%s\n", ui->visit.id, draft);
    if (!b.len)
        return;
    ui_recovery_count += n_pending + (draft && *draft ? 1 : 0);
    char *p = kr_xasprintf("%s.herstel", kr_app_path(ui->app));
    bool ok = write_recovery_at(p, b.data, b.len);
    if (!ok) {
        free(p);
        p = NULL;
        char *dir = kr_paths_state_home();
        if (!dir)
            dir = kr_xstrdup("/tmp");
        /* The next start reads herstel-*.txt here too (src/cli/recover.c). */
        p = kr_xasprintf("%s/herstel-%ld.txt", dir, (long)getpid());
        free(dir);
        struct kr_error perr = {0};
        ok = kr_paths_mkparents(p, &perr) == KR_OK && write_recovery_at(p, b.data, b.len);
    }
    if (ok) {
        snprintf(ui_recovery_path, sizeof ui_recovery_path, "%s", p);
    } else {
        ui_recovery_failed = true;
        kr_buf_append(&ui_recovery_text, b.data, b.len);
    }
    free(p);
    kr_buf_fini(&b);
}
