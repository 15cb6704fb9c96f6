/* SPDX-License-Identifier: MIT */
/*
 * Exporting one bijeenkomst: the summary a coordinator can send as it is (Markdown or
 * one self-contained HTML file), the observations as CSV for Excel, or everything as
 * kijkronde/1 JSON. Lives in src/exchange/; reads through the store API only.
 *
 * Every stored text is made inert for its format: HTML-escaped, Markdown-escaped,
 * CSV-quoted with formula prefixes neutralised, control bytes replaced. Observers'
 * names never appear in a summary; notes the zonder-oordeel checker flags are left
 * out of it (only counted) unless include_judging is set.
 */
#ifndef KR_EXCHANGE_H
#define KR_EXCHANGE_H

#include <stdbool.h>
#include <stdio.h>

#include "kijkronde/progress.h"
#include "kijkronde/records.h"
#include "kijkronde/status.h"

struct kr_store;

enum kr_export_format {
    KR_EXPORT_MD,
    KR_EXPORT_HTML,
    KR_EXPORT_CSV,
    KR_EXPORT_JSON,
    KR_EXPORT_XLSX, /* the notes and the patterns as an Excel workbook (typed text cells) */
};

/* Parse "md", "html", "csv", "json" or "xlsx" (also "markdown"); false for anything else. */
bool kr_export_format_parse(const char *s, enum kr_export_format *out);
/* The file extension without dot: "md", "html", "csv", "json", "xlsx". Static storage. */
const char *kr_export_format_ext(enum kr_export_format f);

struct kr_export_opts {
    bool pseudonymise;    /* host school -> "School A", visit labels -> "groep A", "groep B", ... */
    bool include_judging; /* keep flagged notes in the summary (marked); default: only counted */
    char sep;             /* CSV separator; 0 means ';' */
    bool hide_names;      /* names of people in texts -> "een leerling" (set for md and html) */
    const struct kr_progress *progress; /* told the notes written (csv, xlsx), or NULL; borrowed */
};

/*
 * Write session session_id (exact id) in format f to out. opts may be NULL (defaults).
 * KR_NOT_FOUND for an unknown session, KR_IO when writing fails. xlsx (a zip file that
 * libxlsxwriter can only write to a named file) is made in a temporary file in $TMPDIR
 * (else /tmp), copied to out and removed, so out may be a pipe.
 */
enum kr_status kr_export_session(struct kr_store *st, const char *session_id,
                                 enum kr_export_format f, const struct kr_export_opts *opts,
                                 FILE *out, struct kr_error *err);

/*
 * As kr_export_session, into the file path: written to a temporary file next to it
 * and renamed, so a failed export never leaves half a file.
 */
enum kr_status kr_export_session_file(struct kr_store *st, const char *session_id,
                                      enum kr_export_format f, const struct kr_export_opts *opts,
                                      const char *path, struct kr_error *err);

/*
 * Where the TUI writes an export when the user does not choose: next to the database,
 * "kijkronde-<date>-<first 8 of id>.<ext>". Heap string (caller frees); NULL when the
 * session is unknown (err filled).
 */
char *kr_export_default_path(struct kr_store *st, const char *session_id, enum kr_export_format f,
                             struct kr_error *err);

#endif
