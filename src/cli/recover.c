/* SPDX-License-Identifier: MIT */
/*
 * The recovery file, read back at the next start of the TUI. When a round ends with notes
 * that could not be saved (full disk, a deleted database, a held lock), the round writes
 * them to DB.herstel (src/ui/screen_round.c: one line each,
 * "kijkronde-herstel\tVISIT\tAT\tTEXT", a draft with "concept" for AT). Here every such
 * note whose visit is in this database and that is not there yet (same visit, time and
 * text) is saved, a draft becomes the visit's draft when the visit has none, and the file
 * is renamed to DB.herstel-bewaard-TIME, so nothing is read twice and nothing is thrown
 * away. The TUI shows what happened on its first screen.
 *
 * The notes are saved without asking: they were typed and confirmed with Enter, and the
 * one question a user could answer ("save what you typed?") has only one good answer. They
 * go in through the application layer (kr_app_note_recover: not undoable in this run).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "kijkronde/mem.h"
#include "kijkronde/paths.h"
#include "kijkronde/plural.h"
#include "kijkronde/utf8.h"

static bool note_exists(struct kr_app *app, const char *visit, const char *at, const char *text)
{
    struct kr_obs_filter f = {.visit_id = visit};
    struct kr_observation_list l = {0};
    struct kr_error err = {0};
    bool found = false;
    if (kr_app_notes_list(app, &f, &l, &err) != KR_OK)
        return false;
    for (size_t i = 0; i < l.n && !found; i++)
        found = l.items[i].at && l.items[i].text && strcmp(l.items[i].at, at) == 0 &&
                strcmp(l.items[i].text, text) == 0;
    kr_observation_list_fini(&l);
    return found;
}

struct recovered {
    size_t saved, present, drafts, unknown, mine;
};

/* Save what the recovery file at path holds for this database. A line whose visit is not
 * in this database counts as unknown (it may belong to another database). Returns 1 when
 * the file was read, 0 when it does not exist, -1 when it could not be read. */
static int recover_file(struct kr_app *app, const char *path, struct recovered *c)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return errno == ENOENT ? 0 : -1;
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        line[strcspn(line, "\r\n")] = '\0';
        char *fields[4], *p = line;
        int nf = 0;
        for (; nf < 4 && p; nf++) {
            fields[nf] = p;
            char *tab = nf < 3 ? strchr(p, '\t') : NULL;
            if (tab)
                *tab++ = '\0';
            p = tab;
        }
        if (nf < 4 || strcmp(fields[0], "kijkronde-herstel") != 0 ||
            !kr_utf8_valid(fields[3], strlen(fields[3]), NULL))
            continue;
        struct kr_visit v = {0};
        struct kr_error err = {0};
        if (kr_app_visit_get(app, fields[1], &v, &err) != KR_OK) {
            c->unknown++;
            continue;
        }
        kr_visit_fini(&v);
        c->mine++;
        if (strcmp(fields[2], "concept") == 0) {
            char *have = NULL;
            if (kr_app_draft_get(app, fields[1], &have, &err) == KR_OK && !have &&
                kr_app_draft_put(app, fields[1], fields[3], &err) == KR_OK)
                c->drafts++;
            free(have);
        } else if (note_exists(app, fields[1], fields[2], fields[3])) {
            c->present++;
        } else {
            struct kr_observation o = {.visit_id = kr_xstrdup(fields[1]),
                                       .at = kr_xstrdup(fields[2]),
                                       .text = kr_xstrdup(fields[3])};
            if (kr_app_note_recover(app, &o, &err) == KR_OK)
                c->saved++;
            else
                c->unknown++;
            kr_observation_fini(&o);
        }
    }
    free(line);
    fclose(f);
    return 1;
}

/* Rename a recovery file that is done with to PATH-bewaard-TIME. */
static int set_aside(const char *path)
{
    char stamp[32];
    time_t now = time(NULL);
    struct tm tm;
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", localtime_r(&now, &tm));
    char *done = kr_xasprintf("%s-bewaard-%s", path, stamp);
    int rc = rename(path, done) == 0 ? 0 : -1;
    free(done);
    return rc;
}

int kr_cli_recover(struct kr_app *app, char *notice, size_t size)
{
    notice[0] = '\0';
    struct recovered all = {0};
    int rc = 0;
    /* Beside the database: every line is this database's. */
    char *path = kr_xasprintf("%s.herstel", kr_app_path(app));
    struct recovered c = {0};
    int r = recover_file(app, path, &c);
    if (r < 0)
        rc = -1;
    if (r > 0 && c.unknown == 0 && set_aside(path) != 0)
        rc = -1;
    all = c;
    free(path);
    /* The state directory, where a round writes when the database's directory is full:
     * files of other databases may be there too, so a file is set aside only when all of
     * its lines were this database's, and one with none of them is not mentioned. */
    char *dir = kr_paths_state_home();
    DIR *d = dir ? opendir(dir) : NULL;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (strncmp(e->d_name, "herstel-", 8) != 0 || n < 12 ||
            strcmp(e->d_name + n - 4, ".txt") != 0)
            continue;
        char *p = kr_xasprintf("%s/%s", dir, e->d_name);
        struct recovered s = {0};
        if (recover_file(app, p, &s) > 0 && s.mine > 0) {
            if (s.unknown == 0 && set_aside(p) != 0)
                rc = -1;
            all.saved += s.saved;
            all.present += s.present;
            all.drafts += s.drafts;
            all.unknown += s.unknown;
            all.mine += s.mine;
        }
        free(p);
    }
    if (d)
        closedir(d);
    free(dir);
    if (all.saved + all.present + all.drafts + all.unknown)
        snprintf(notice, size, "Herstelbestand: %zu %s bewaard%s%s%s.", all.saved,
                 kr_plural((long long)all.saved, "notitie", "notities"),
                 all.drafts ? ", concept terug" : "", all.present ? ", de rest stond er al" : "",
                 all.unknown ? ", niet alles (bestand blijft staan)" : "");
    return rc;
}
