/* SPDX-License-Identifier: MIT */
/*
 * The round's unfinished line: this observer's draft of a visit, and the drafts observers
 * that stopped left behind (taken over in one transaction by the store).
 */
#include "app_internal.h"

enum kr_status kr_app_draft_put(struct kr_app *app, const char *visit_id, const char *text,
                                struct kr_error *err)
{
    enum kr_status r = kr_store_draft_put(app->st, visit_id, text, err);
    /* A pause in the typing: once enough notes wait, they go into the search index now, in one
     * transaction, not each inside its Enter (best effort: a search catches up again). */
    kr_store_search_catch_up(app->st, KR_SEARCH_BATCH, NULL);
    return r;
}

enum kr_status kr_app_draft_get(struct kr_app *app, const char *visit_id, char **out,
                                struct kr_error *err)
{
    return kr_store_draft_get(app->st, visit_id, out, err);
}

enum kr_status kr_app_draft_others(struct kr_app *app, const char *visit_id,
                                   struct kr_draft_list *out, struct kr_error *err)
{
    return kr_store_draft_others(app->st, visit_id, out, err);
}

enum kr_status kr_app_draft_take(struct kr_app *app, const char *from_instance,
                                 const char *visit_id, char **out, struct kr_error *err)
{
    return kr_store_draft_take(app->st, from_instance, visit_id, out, err);
}
