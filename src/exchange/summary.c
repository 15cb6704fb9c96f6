/* SPDX-License-Identifier: MIT */
/* Loading a bijeenkomst for the human formats. */
#include "exchange_internal.h"

enum kr_status kr_summary_load(struct kr_store *st, const char *session_id,
                               const struct kr_export_opts *opts, struct kr_summary *out,
                               struct kr_error *err)
{
    (void)st;
    (void)session_id;
    (void)opts;
    (void)out;
    return kr_error_set(err, KR_UNSUPPORTED,
                        "Dit exportformaat is nog niet beschikbaar; gebruik --format json.");
}

void kr_summary_fini(struct kr_summary *s)
{
    (void)s;
}

void kr_summary_write_md(const struct kr_summary *s, FILE *out)
{
    (void)s;
    (void)out;
}

void kr_summary_write_html(const struct kr_summary *s, FILE *out)
{
    (void)s;
    (void)out;
}

void kr_summary_write_csv(const struct kr_summary *s, char sep, FILE *out)
{
    (void)s;
    (void)sep;
    (void)out;
}
