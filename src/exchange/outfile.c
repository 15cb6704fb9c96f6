/* SPDX-License-Identifier: MIT */
/*
 * Writing an export to a path (kr_export_to_path, for a bijeenkomst and for a network): into a
 * private temporary file beside it, synced and then renamed over the path, so a crash, a kill
 * or a full disk never leaves half an export where the old one was. Not so when a device or a
 * FIFO already stands at the path (`-o /dev/null`, `-o /dev/tty`, a named pipe): renaming over
 * it would replace that device with a regular file (as root, /dev/null itself: every program
 * that writes to it afterwards fills a file instead). Such a path is opened and written as it
 * is, as a shell's redirection would.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "exchange_internal.h"
#include "kijkronde/mem.h"

/*
 * An export killed while writing (SIGKILL, a power cut) leaves its private temporary
 * "FILE.tmp-XXXXXX" behind. Before writing FILE again, remove the ones of FILE that are ours
 * (same owner), regular files and older than a minute, so a running export is never touched.
 */
static void remove_stale_temps(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? kr_xstrndup(path, (size_t)(slash - path) + 1) : kr_xstrdup(".");
    const char *base = slash ? slash + 1 : path;
    size_t base_len = strlen(base);
    DIR *d = opendir(dir);
    if (!d) {
        free(dir);
        return;
    }
    time_t now = time(NULL);
    struct dirent *e;
    while ((e = readdir(d))) {
        const char *n = e->d_name;
        if (strncmp(n, base, base_len) != 0 || strncmp(n + base_len, ".tmp-", 5) != 0 ||
            strlen(n + base_len + 5) != 6)
            continue;
        bool pattern = true; /* the six characters mkstemp puts in */
        for (const char *c = n + base_len + 5; *c; c++)
            if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9')))
                pattern = false;
        struct stat sb;
        if (!pattern || fstatat(dirfd(d), n, &sb, AT_SYMLINK_NOFOLLOW) != 0)
            continue;
        if (S_ISREG(sb.st_mode) && sb.st_uid == geteuid() && now - sb.st_mtime > 60)
            unlinkat(dirfd(d), n, 0);
    }
    closedir(d);
    free(dir);
}

static enum kr_status cannot_write(const char *path, struct kr_error *err)
{
    return kr_error_set(err, KR_IO, "Kan '%s' niet schrijven: %s%s.", path, kr_strerror(errno),
                        kr_strerror_hint(errno));
}

/* A device or a FIFO at path: written where it stands, no temporary file, no rename. */
static enum kr_status to_special(const char *path, kr_export_writer write, void *ctx,
                                 struct kr_error *err)
{
    int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    FILE *out = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!out) {
        enum kr_status r = cannot_write(path, err);
        if (fd >= 0)
            close(fd);
        return r;
    }
    enum kr_status r = write(ctx, out, err);
    if (fclose(out) != 0 && r == KR_OK)
        r = cannot_write(path, err);
    return r;
}

enum kr_status kr_export_to_path(const char *path, kr_export_writer write, void *ctx,
                                 struct kr_error *err)
{
    struct stat sb;
    if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode))
        return to_special(path, write, ctx, err);
    remove_stale_temps(path);
    char *tmp = kr_xasprintf("%s.tmp-XXXXXX", path);
    int fd = mkstemp(tmp);
    FILE *out = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!out) {
        enum kr_status r = cannot_write(path, err);
        if (fd >= 0) {
            close(fd);
            unlink(tmp);
        }
        free(tmp);
        return r;
    }
    enum kr_status r = write(ctx, out, err);
    if (r == KR_OK && fsync(fileno(out)) != 0)
        r = cannot_write(path, err);
    if (fclose(out) != 0 && r == KR_OK)
        r = cannot_write(path, err);
    if (r == KR_OK && rename(tmp, path) != 0)
        r = cannot_write(path, err);
    if (r != KR_OK)
        unlink(tmp);
    free(tmp);
    return r;
}
