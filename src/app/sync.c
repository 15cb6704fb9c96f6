/* SPDX-License-Identifier: MIT */
/*
 * A bijeenkomst's sync folder (what the TUI's live sync runs `kijkronde sync` on), the sync
 * itself (`kijkronde sync DIR`), and the database's data version that tells a sync changed
 * something.
 */
#include "kijkronde/sync.h"

#include "app_internal.h"

enum kr_status kr_app_sync_folder(struct kr_app *app, const char *session_id, char **dir,
                                  struct kr_error *err)
{
    return kr_store_sync_folder_get(app->st, session_id, dir, err);
}

enum kr_status kr_app_sync_dir_check(const char *typed, char **abs, struct kr_error *err)
{
    return kr_sync_dir_resolve(typed, abs, err);
}

enum kr_status kr_app_sync_folder_set(struct kr_app *app, const char *session_id, const char *abs,
                                      char **old, struct kr_error *err)
{
    enum kr_status r = old ? kr_store_sync_folder_get(app->st, session_id, old, err) : KR_OK;
    if (r == KR_OK)
        r = kr_store_sync_folder_set(app->st, session_id, abs, err);
    return r;
}

long kr_app_sync_laptops(const char *dir)
{
    return kr_sync_count_laptops(dir);
}

long long kr_app_data_version(struct kr_app *app)
{
    return kr_store_data_version(app->st);
}

enum kr_status kr_app_sync_dir_usable(const char *dir, struct kr_error *err)
{
    return kr_sync_dir_check(dir, err);
}

enum kr_status kr_app_sync(struct kr_app *app, const char *dir, struct kr_sync_stats *stats,
                           kr_sync_problem_fn problem, void *ctx, struct kr_error *err)
{
    return kr_store_sync(app->st, dir, stats, problem, ctx, err);
}
