/* SPDX-License-Identifier: MIT */
/*
 * The entry points of exporting: choosing the format, writing a file (safely, through
 * kr_export_to_path in outfile.c) and the default place next to the database.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exchange_internal.h"
#include "kijkronde/exchange.h"
#include "kijkronde/mem.h"
#include "kijkronde/store_exchange.h"

static const char *const EXT[] = {"md", "html", "csv", "json", "xlsx"};
#define N_EXT (sizeof EXT / sizeof EXT[0])

bool kr_export_format_parse(const char *s, enum kr_export_format *out)
{
    if (!s)
        return false;
    for (size_t i = 0; i < N_EXT; i++)
        if (strcmp(s, EXT[i]) == 0) {
            *out = (enum kr_export_format)i;
            return true;
        }
    if (strcmp(s, "markdown") == 0) {
        *out = KR_EXPORT_MD;
        return true;
    }
    return false;
}

const char *kr_export_format_ext(enum kr_export_format f)
{
    return (size_t)f < N_EXT ? EXT[f] : "txt";
}

/* The workbook of sum into out: libxlsxwriter writes a named file (it seeks), so it goes
 * to a temporary file first, which is then copied and removed. */
static enum kr_status write_xlsx(const struct kr_summary *sum, FILE *out, struct kr_error *err)
{
    const char *dir = getenv("TMPDIR");
    char *tmp = kr_xasprintf("%s/kijkronde-xlsx-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(tmp);
    if (fd < 0) {
        enum kr_status r = kr_error_set(err, KR_IO, "Kan geen tijdelijk bestand maken in %s: %s.",
                                        dir && *dir ? dir : "/tmp", kr_strerror(errno));
        free(tmp);
        return r;
    }
    close(fd);
    enum kr_status r = kr_summary_write_xlsx(sum, tmp, err);
    FILE *in = r == KR_OK ? fopen(tmp, "rb") : NULL;
    if (r == KR_OK && !in)
        r = kr_error_set(err, KR_IO, "Kan de xlsx-export niet teruglezen: %s.", kr_strerror(errno));
    unlink(tmp); /* the open stream still reads it */
    free(tmp);
    if (in) {
        char chunk[65536];
        size_t n;
        while ((n = fread(chunk, 1, sizeof chunk, in)) > 0)
            if (fwrite(chunk, 1, n, out) != n)
                break;
        bool bad = ferror(in) || ferror(out);
        fclose(in);
        if (bad || fflush(out) != 0)
            r = kr_error_set(err, KR_IO, "Schrijven van de export mislukt: %s.",
                             kr_strerror(errno));
    }
    return r;
}

enum kr_status kr_export_session(struct kr_store *st, const char *session_id,
                                 enum kr_export_format f, const struct kr_export_opts *opts,
                                 FILE *out, struct kr_error *err)
{
    struct kr_export_opts o = {.sep = ';'};
    if (opts)
        o = *opts;
    if (!o.sep)
        o.sep = ';';
    /* No name of a pupil or teacher in a summary; in the csv only with pseudonyms. */
    o.hide_names = o.hide_names || o.pseudonymise || f == KR_EXPORT_MD || f == KR_EXPORT_HTML;
    if (f == KR_EXPORT_JSON && o.pseudonymise)
        /* The JSON holds everything, real names too: never pretend it has schuilnamen. */
        return kr_error_set(err, KR_INVALID,
                            "Een JSON-export bevat altijd alles, ook de echte namen; schuilnamen "
                            "kan alleen bij HTML, Markdown en CSV.");
    if (f == KR_EXPORT_JSON)
        return kr_store_export_json(st, session_id, out, err);
    struct kr_summary sum;
    /* xlsx: writing the cells and closing the workbook (its zip) take about as long. */
    enum kr_status r = kr_summary_load(st, session_id, &o, f != KR_EXPORT_CSV,
                                       f == KR_EXPORT_XLSX ? 2 : 1, &sum, err);
    if (r != KR_OK)
        return r;
    if (f == KR_EXPORT_XLSX) {
        r = write_xlsx(&sum, out, err);
        kr_progress_end(sum.plan);
        kr_summary_fini(&sum);
        return r;
    }
    switch (f) {
    case KR_EXPORT_MD:
        kr_summary_write_md(&sum, out);
        break;
    case KR_EXPORT_HTML:
        kr_summary_write_html(&sum, out);
        break;
    case KR_EXPORT_CSV:
        kr_summary_write_csv(&sum, o.sep, out);
        break;
    case KR_EXPORT_JSON:
    case KR_EXPORT_XLSX:
        break;
    }
    kr_progress_end(sum.plan);
    kr_summary_fini(&sum);
    if (fflush(out) != 0 || ferror(out))
        return kr_error_set(err, KR_IO, "Schrijven van de export mislukt: %s%s.",
                            kr_strerror(errno), kr_strerror_hint(errno));
    return KR_OK;
}

struct session_job {
    struct kr_store *st;
    const char *session_id;
    enum kr_export_format f;
    const struct kr_export_opts *opts;
};

static enum kr_status session_write(void *ctx, FILE *out, struct kr_error *err)
{
    const struct session_job *j = ctx;
    return kr_export_session(j->st, j->session_id, j->f, j->opts, out, err);
}

enum kr_status kr_export_session_file(struct kr_store *st, const char *session_id,
                                      enum kr_export_format f, const struct kr_export_opts *opts,
                                      const char *path, struct kr_error *err)
{
    struct session_job j = {st, session_id, f, opts};
    return kr_export_to_path(path, session_write, &j, err);
}

char *kr_export_default_path(struct kr_store *st, const char *session_id, enum kr_export_format f,
                             struct kr_error *err)
{
    struct kr_session s = {0};
    if (kr_store_session_get(st, session_id, &s, err) != KR_OK)
        return NULL;
    const char *db = kr_store_path(st);
    const char *slash = strrchr(db, '/');
    char *dir = strcmp(db, ":memory:") == 0 ? kr_xstrdup(".")
                : slash                     ? kr_xstrndup(db, (size_t)(slash - db))
                                            : kr_xstrdup(".");
    if (!*dir) {
        free(dir);
        dir = kr_xstrdup("/");
    }
    char *p = kr_xasprintf("%s/kijkronde-%s-%.8s.%s", strcmp(dir, "/") ? dir : "", s.date, s.id,
                           kr_export_format_ext(f));
    free(dir);
    kr_session_fini(&s);
    return p;
}
