/* SPDX-License-Identifier: MIT */
/*
 * Opening and closing the application, the observer's settings, and the one checker and
 * classifier every screen shares (the network lexicon policy of kijkronde/app.h).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app_internal.h"
#include "kijkronde/check.h"
#include "kijkronde/corner.h"
#include "kijkronde/mem.h"
#include "kijkronde/uuid.h"

enum kr_status kr_app_open(const char *path, struct kr_app **out, struct kr_error *err)
{
    *out = NULL;
    struct kr_store *st = NULL;
    enum kr_status r = kr_store_open(path, &st, err);
    if (r != KR_OK)
        return r;
    struct kr_app *app = kr_xcalloc(1, sizeof *app);
    app->st = st;
    *out = app;
    return KR_OK;
}

void kr_app_close(struct kr_app *app)
{
    if (!app)
        return;
    kr_app_undo_forget(app);
    kr_app_pending_clear(app);
    free(app->pending);
    kr_checker_free(app->checker);
    kr_corner_classifier_free(app->classifier);
    kr_store_search_catch_up(app->st, 1, NULL); /* what waits for the index, before quitting */
    kr_store_close(app->st);
    free(app);
}

const char *kr_app_path(const struct kr_app *app)
{
    return kr_store_path(app->st);
}

void kr_app_be_observer(struct kr_app *app, int busy_ms, const char *host)
{
    kr_store_set_busy_timeout(app->st, busy_ms);
    char u[KR_UUID_SIZE];
    kr_uuid_new(u);
    kr_store_set_instance(app->st, u, (long)getpid(), host);
}

bool kr_app_file_ok(struct kr_app *app, struct kr_error *err)
{
    return kr_store_file_ok(app->st, err);
}

bool kr_app_checker_ready(const struct kr_app *app)
{
    return app->checker_made;
}

struct kr_checker *kr_app_checker(struct kr_app *app, struct kr_error *err)
{
    if (app->checker_made)
        return app->checker;
    app->checker_made = true;
    struct kr_error e = {0};
    /* The lexicons of the system and the network; a broken one is named, and the built-in
     * lexicon is used rather than no check at all. */
    if (kr_checker_new_network(&app->checker, &e) == KR_OK)
        return app->checker;
    app->checker = NULL;
    if (err)
        *err = e;
    if (kr_checker_new(NULL, &app->checker, &e) != KR_OK) {
        app->checker = NULL;
        if (err)
            *err = e;
    }
    return app->checker;
}

enum kr_corner kr_app_suggest_corner(struct kr_app *app, const char *text, size_t len)
{
    bool blank = true;
    for (size_t i = 0; i < len; i++)
        blank = blank && text[i] == ' ';
    if (blank)
        return KR_CORNER_NONE;
    if (!app->classifier)
        app->classifier = kr_corner_classifier_new();
    if (!app->classifier)
        return KR_CORNER_NONE;
    return kr_corner_guess(app->classifier, text, len).corner;
}
