/* SPDX-License-Identifier: MIT */
/* Where kijkronde keeps its files: the database and the user's data directory. */
#ifndef KR_PATHS_H
#define KR_PATHS_H

#include "kijkronde/status.h"

/*
 * The user's kijkronde data directory: $XDG_DATA_HOME/kijkronde, else
 * $HOME/.local/share/kijkronde. Heap string (caller frees), or NULL when neither
 * variable is set.
 */
char *kr_paths_data_home(void);

/*
 * The system-wide kijkronde data directories, <dir>/kijkronde for each absolute <dir> in
 * $XDG_DATA_DIRS (colon-separated; unset or empty: /usr/local/share:/usr/share), most
 * important first, without repeats. Relative entries are ignored, as the XDG Base
 * Directory specification says. A NULL-terminated heap array (kr_paths_list_free).
 */
char **kr_paths_data_dirs(void);
void kr_paths_list_free(char **list);

/*
 * The database path: opt (from --db) if non-NULL, else $KIJKRONDE_DB if set and
 * non-empty, else <data home>/kijkronde.db. Heap string, or NULL with err set.
 */
char *kr_paths_db(const char *opt, struct kr_error *err);

/*
 * The user's documents directory as xdg-user-dir DOCUMENTS finds it: XDG_DOCUMENTS_DIR in
 * $XDG_CONFIG_HOME/user-dirs.dirs (else ~/.config/user-dirs.dirs), with "$HOME" expanded;
 * else $HOME/Documenten (the Dutch default). Heap string, or NULL without HOME. The
 * directory need not exist.
 */
char *kr_paths_documents(void);

/*
 * Where a summary goes that the user asked for with one key: the current directory when a
 * file can be made there (the TUI was started from the user's own folder), else the
 * documents directory (made when missing), else $HOME. Heap string (absolute when it could
 * be found), or NULL when none of them is writable.
 */
char *kr_paths_export_dir(void);

/* Create the parent directories of path as needed; new ones get mode 0700. */
enum kr_status kr_paths_mkparents(const char *path, struct kr_error *err);

#endif
