/* SPDX-License-Identifier: MIT */
/* Resolving the database path and creating its directories. */
#include "kijkronde/paths.h"

#include <errno.h>
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
