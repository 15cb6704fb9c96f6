/* SPDX-License-Identifier: MIT */
/*
 * The command line: global options, one function per command (cmd_*.c), and the
 * helpers they share. Only this layer and the UI print or choose exit codes.
 */
#ifndef KR_CLI_H
#define KR_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "kijkronde/app.h"
#include "kijkronde/exchange.h"
#include "kijkronde/status.h"

/* Exit codes of the contract. */
enum { KR_EXIT_OK = 0, KR_EXIT_FINDINGS = 1, KR_EXIT_USAGE = 2 };

struct kr_cli {
    const char *db_opt;         /* --db FILE, or NULL */
    const char *kijkvragen_dir; /* --kijkvragen DIR, or NULL */
    bool no_color;              /* --no-color (NO_COLOR is read by the UI) */
    const char *open_session;   /* session the TUI opens on (demo), or NULL */
    FILE *out, *err;
    char *db_path;      /* resolved on first use */
    struct kr_app *app; /* the application layer on the database, opened on first use */
};

/* The application layer (kijkronde/app.h) on the database, opened once (resolving --db /
 * KIJKRONDE_DB / XDG); NULL after printing the error. Every command that reads or writes the
 * database, and the TUI, goes through it: the command line has no store of its own. */
struct kr_app *kr_cli_app(struct kr_cli *cli);

/* Print "kijkronde: <message>" for err to cli->err. Returns the exit code for it (2). */
int kr_cli_fail(struct kr_cli *cli, const struct kr_error *err);
/* Print a usage error (one Dutch sentence) and return 2. */
int kr_cli_usage(struct kr_cli *cli, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A command: argv[0] is the command name. Returns the process exit code. */
typedef int (*kr_cmd_fn)(struct kr_cli *cli, int argc, char **argv);

int kr_cmd_demo(struct kr_cli *cli, int argc, char **argv);
int kr_cmd_sessions(struct kr_cli *cli, int argc, char **argv);
int kr_cmd_kijkvragen(struct kr_cli *cli, int argc, char **argv);
int kr_cmd_check(struct kr_cli *cli, int argc, char **argv);
int kr_cmd_patterns(struct kr_cli *cli, int argc, char **argv);
int kr_cmd_export(struct kr_cli *cli, int argc, char **argv);
int kr_cmd_import(struct kr_cli *cli, int argc, char **argv);
int kr_cmd_merge(struct kr_cli *cli, int argc, char **argv);
int kr_cmd_network(struct kr_cli *cli, int argc, char **argv);
/* `export --network REF`: the network report in fmt to outpath (NULL or "-": stdout). */
int kr_cli_export_network(struct kr_cli *cli, const char *ref, enum kr_export_format fmt,
                          const char *outpath, const struct kr_export_opts *opts);
int kr_cmd_sync(struct kr_cli *cli, int argc, char **argv);
/* The TUI on the database (no command). */
int kr_cmd_tui(struct kr_cli *cli, int argc, char **argv);

/*
 * Save what the recovery files hold, written by a round that could not save: DB.herstel
 * beside the database, and herstel-*.txt in the state directory (kr_paths_state_home, used
 * when the database's directory is full) for the lines of this database's visits; a file
 * whose lines are all saved is renamed FILE-bewaard-TIME (src/cli/recover.c).
 * notice gets one Dutch sentence for the screen, or "" when there was no file. Returns 0,
 * or -1 when the file could not be read or renamed.
 */
int kr_cli_recover(struct kr_app *app, char *notice, size_t size);

/* Answer for a command whose capability has not landed: a clear Dutch message, exit 2. */
int kr_cli_not_yet(struct kr_cli *cli, const char *what);

#endif
