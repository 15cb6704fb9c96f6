/* SPDX-License-Identifier: MIT */
/*
 * Bringing a bijeenkomst out and notes in: the exports of a bijeenkomst (to a stream or a
 * file), the import of kijkronde/1 JSON and the merge of another pair's database (with the
 * caller's progress watcher), and the network report for the coordinator. The work is the
 * store's (JSON, merge) and src/exchange's (the human formats); this is the way to it.
 */
#include "kijkronde/exchange.h"

#include <assert.h>

#include "app_internal.h"
#include "kijkronde/network_report.h"
#include "kijkronde/store_exchange.h"

enum kr_status kr_app_export(struct kr_app *app, const char *session_id, enum kr_export_format f,
                             const struct kr_export_opts *opts, FILE *out, struct kr_error *err)
{
    return kr_export_session(app->st, session_id, f, opts, out, err);
}

enum kr_status kr_app_export_file(struct kr_app *app, const char *session_id,
                                  enum kr_export_format f, const struct kr_export_opts *opts,
                                  const char *path, struct kr_error *err)
{
    return kr_export_session_file(app->st, session_id, f, opts, path, err);
}

char *kr_app_export_default_path(struct kr_app *app, const char *session_id,
                                 enum kr_export_format f, struct kr_error *err)
{
    return kr_export_default_path(app->st, session_id, f, err);
}

enum kr_status kr_app_import_json(struct kr_app *app, const char *json, size_t len,
                                  const char *source, const struct kr_progress *progress,
                                  struct kr_exchange_stats *stats, struct kr_error *err)
{
    assert(json && source && stats);
    kr_store_set_progress(app->st, progress);
    enum kr_status r = kr_store_import_json(app->st, json, len, source, stats, err);
    kr_store_set_progress(app->st, NULL);
    return r;
}

enum kr_status kr_app_merge(struct kr_app *app, const char *other_path,
                            const struct kr_progress *progress, struct kr_exchange_stats *stats,
                            struct kr_error *err)
{
    assert(other_path && stats);
    kr_store_set_progress(app->st, progress);
    enum kr_status r = kr_store_merge(app->st, other_path, stats, err);
    kr_store_set_progress(app->st, NULL);
    return r;
}

enum kr_status kr_app_network_report(struct kr_app *app, const char *id, enum kr_export_format f,
                                     const struct kr_export_opts *opts, FILE *out,
                                     struct kr_error *err)
{
    return kr_export_network(app->st, id, f, opts, out, err);
}

enum kr_status kr_app_network_report_file(struct kr_app *app, const char *id,
                                          enum kr_export_format f,
                                          const struct kr_export_opts *opts, const char *path,
                                          struct kr_error *err)
{
    return kr_export_network_file(app->st, id, f, opts, path, err);
}

enum kr_status kr_app_network_text(struct kr_app *app, const char *id, FILE *out,
                                   struct kr_error *err)
{
    return kr_network_write_text(app->st, id, out, err);
}
