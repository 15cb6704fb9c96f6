/* SPDX-License-Identifier: MIT */
/* Resolving the database path and creating its directories. */
#include "kijkronde/paths.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kijkronde/mem.h"

char *kr_paths_data_home(void)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    if (xdg && xdg[0] == '/')
        return kr_xasprintf("%s/kijkronde", xdg);
    const char *home = getenv("HOME");
    if (home && *home)
        return kr_xasprintf("%s/.local/share/kijkronde", home);
    return NULL;
}

/* The value of XDG_DOCUMENTS_DIR in user-dirs.dirs: lines XDG_DOCUMENTS_DIR="$HOME/Docs". */
static char *user_dirs_documents(const char *home)
{
    const char *cfg = getenv("XDG_CONFIG_HOME");
    char *file = cfg && cfg[0] == '/' ? kr_xasprintf("%s/user-dirs.dirs", cfg)
                                      : kr_xasprintf("%s/.config/user-dirs.dirs", home);
    FILE *f = fopen(file, "r");
    free(file);
    if (!f)
        return NULL;
    char line[4096];
    char *dir = NULL;
    while (!dir && fgets(line, sizeof line, f)) {
        const char *p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        if (strncmp(p, "XDG_DOCUMENTS_DIR=\"", 19) != 0)
            continue;
        p += 19;
        const char *end = strchr(p, '"');
        if (!end || end == p)
            continue;
        if (strncmp(p, "$HOME", 5) == 0 && (p[5] == '/' || p + 5 == end))
            dir = kr_xasprintf("%s%.*s", home, (int)(end - p - 5), p + 5);
        else if (*p == '/')
            dir = kr_xstrndup(p, (size_t)(end - p));
    }
    fclose(f);
    /* "$HOME" itself means: no documents directory. */
    if (dir && strcmp(dir, home) == 0) {
        free(dir);
        dir = NULL;
    }
    return dir;
}

char *kr_paths_documents(void)
{
    const char *home = getenv("HOME");
    if (!home || home[0] != '/')
        return NULL;
    char *dir = user_dirs_documents(home);
    return dir ? dir : kr_xasprintf("%s/Documenten", home);
}

/* Can a file be made in dir? Tried, not asked (access() says yes to root on a read-only
 * mount and knows nothing of ACLs). */
static bool dir_writable(const char *dir)
{
    char *probe = kr_xasprintf("%s/.kijkronde-XXXXXX", dir);
    int fd = mkstemp(probe);
    bool ok = fd >= 0;
    if (ok) {
        close(fd);
        unlink(probe);
    }
    free(probe);
    return ok;
}

char *kr_paths_export_dir(void)
{
    char *cwd = getcwd(NULL, 0);
    if (cwd && dir_writable(cwd))
        return cwd;
    free(cwd);
    char *docs = kr_paths_documents();
    if (docs) {
        struct kr_error err = {0};
        char *probe = kr_xasprintf("%s/x", docs);
        kr_paths_mkparents(probe, &err);
        free(probe);
        if (dir_writable(docs))
            return docs;
        free(docs);
    }
    const char *home = getenv("HOME");
    if (home && home[0] == '/' && dir_writable(home))
        return kr_xstrdup(home);
    return NULL;
}

char **kr_paths_data_dirs(void)
{
    const char *env = getenv("XDG_DATA_DIRS");
    if (!env || !*env)
        env = "/usr/local/share:/usr/share";
    char **list = NULL;
    size_t n = 0, cap = 0;
    KR_GROW(list, cap, 1);
    for (const char *p = env;;) {
        const char *colon = strchr(p, ':');
        size_t len = colon ? (size_t)(colon - p) : strlen(p);
        while (len > 1 && p[len - 1] == '/')
            len--;
        if (len && p[0] == '/') {
            char *dir = kr_xasprintf("%.*s/kijkronde", len == 1 ? 0 : (int)len, p); /* "/" */
            bool seen = false;
            for (size_t i = 0; i < n && !seen; i++)
                seen = strcmp(list[i], dir) == 0;
            if (seen) {
                free(dir);
            } else {
                KR_GROW(list, cap, n + 2);
                list[n++] = dir;
            }
        }
        if (!colon)
            break;
        p = colon + 1;
    }
    list[n] = NULL;
    return list;
}

void kr_paths_list_free(char **list)
{
    if (!list)
        return;
    for (char **p = list; *p; p++)
        free(*p);
    free(list);
}

char *kr_paths_db(const char *opt, struct kr_error *err)
{
    if (opt) {
        if (!*opt) {
            kr_error_set(err, KR_INVALID, "--db heeft een bestandsnaam nodig.");
            return NULL;
        }
        return kr_xstrdup(opt);
    }
    const char *env = getenv("KIJKRONDE_DB");
    if (env && *env)
        return kr_xstrdup(env);
    char *home = kr_paths_data_home();
    if (!home) {
        kr_error_set(err, KR_INVALID,
                     "Geen plek voor de database: zet HOME of XDG_DATA_HOME, of gebruik --db.");
        return NULL;
    }
    char *p = kr_xasprintf("%s/kijkronde.db", home);
    free(home);
    return p;
}

enum kr_status kr_paths_mkparents(const char *path, struct kr_error *err)
{
    char *dir = kr_xstrdup(path);
    char *slash = strrchr(dir, '/');
    enum kr_status st = KR_OK;
    if (!slash || slash == dir)
        goto out;
    *slash = '\0';
    for (char *p = dir + 1;; p++) {
        if (*p == '/' || *p == '\0') {
            char c = *p;
            *p = '\0';
            if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
                st = kr_error_set(err, KR_IO, "Kan de map '%s' niet maken: %s.", dir,
                                  kr_strerror(errno));
                goto out;
            }
            *p = c;
            if (c == '\0')
                break;
        }
    }
out:
    free(dir);
    return st;
}
