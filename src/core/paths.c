/* SPDX-License-Identifier: MIT */
/* Resolving the database path and creating its directories. */
#include "kijkronde/paths.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
