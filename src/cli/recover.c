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
 * one question a user could answer ("save what you typed?") has only one good answer.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "kijkronde/mem.h"
#include "kijkronde/plural.h"
#include "kijkronde/utf8.h"

static bool note_exists(struct kr_store *st, const char *visit, const char *at, const char *text)
{
    struct kr_obs_filter f = {.visit_id = visit};
    struct kr_observation_list l = {0};
    struct kr_error err = {0};
    bool found = false;
    if (kr_store_obs_list(st, &f, &l, &err) != KR_OK)
        return false;
    for (size_t i = 0; i < l.n && !found; i++)
        found = l.items[i].at && l.items[i].text && strcmp(l.items[i].at, at) == 0 &&
                strcmp(l.items[i].text, text) == 0;
    kr_observation_list_fini(&l);
    return found;
}

int kr_cli_recover(struct kr_store *st, char *notice, size_t size)
{
    const char *db_path = kr_store_path(st);
    notice[0] = '\0';
    char *path = kr_xasprintf("%s.herstel", db_path);
    FILE *f = fopen(path, "r");
    if (!f) {
        int e = errno;
        free(path);
        return e == ENOENT ? 0 : -1;
    }
    size_t saved = 0, present = 0, drafts = 0, unknown = 0;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) > 0) {
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
        if (kr_store_visit_get(st, fields[1], &v, &err) != KR_OK) {
            unknown++;
            continue;
        }
        kr_visit_fini(&v);
        if (strcmp(fields[2], "concept") == 0) {
            char *have = NULL;
            if (kr_store_draft_get(st, fields[1], &have, &err) == KR_OK && !have &&
                kr_store_draft_put(st, fields[1], fields[3], &err) == KR_OK)
                drafts++;
            free(have);
        } else if (note_exists(st, fields[1], fields[2], fields[3])) {
            present++;
        } else {
            struct kr_observation o = {.visit_id = kr_xstrdup(fields[1]),
                                       .at = kr_xstrdup(fields[2]),
                                       .text = kr_xstrdup(fields[3])};
            if (kr_store_obs_add(st, &o, &err) == KR_OK)
                saved++;
            else
                unknown++;
            kr_observation_fini(&o);
        }
    }
    free(line);
    fclose(f);
    int rc = 0;
    if (unknown == 0) {
        char stamp[32];
        time_t now = time(NULL);
        struct tm tm;
        strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", localtime_r(&now, &tm));
        char *done = kr_xasprintf("%s-bewaard-%s", path, stamp);
        if (rename(path, done) != 0)
            rc = -1;
        free(done);
    }
    if (saved + present + drafts + unknown)
        snprintf(notice, size, "Herstelbestand: %zu %s bewaard%s%s%s.", saved,
                 kr_plural((long long)saved, "notitie", "notities"),
                 drafts ? ", concept terug" : "", present ? ", de rest stond er al" : "",
                 unknown ? ", niet alles (bestand blijft staan)" : "");
    free(path);
    return rc;
}
