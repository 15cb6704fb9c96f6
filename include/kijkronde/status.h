/* SPDX-License-Identifier: MIT */
/*
 * Status codes and error details shared by every module. Non-UI code returns an
 * enum kr_status and, when the caller passes one, fills a struct kr_error with one
 * Dutch sentence that names the file, line or value at fault. Only main.c and the
 * UI print these; library code never prints or exits.
 */
#ifndef KR_STATUS_H
#define KR_STATUS_H

#include <stdarg.h>
#include <stddef.h>

/* One table builds the enum and the messages (tig's STATUS_CODE_INFO). */
#define KR_STATUS_INFO(_)                                                                          \
    _(OK, "gelukt")                                                                                \
    _(NOMEM, "onvoldoende geheugen")                                                               \
    _(IO, "lees- of schrijffout")                                                                  \
    _(INVALID, "ongeldige invoer")                                                                 \
    _(NOT_FOUND, "niet gevonden")                                                                  \
    _(AMBIGUOUS, "niet eenduidig")                                                                 \
    _(EXISTS, "bestaat al")                                                                        \
    _(DB, "databasefout")                                                                          \
    _(DB_BUSY, "database is bezet")                                                                \
    _(DB_CORRUPT, "database is beschadigd")                                                        \
    _(DB_FULL, "schijf is vol")                                                                    \
    _(DB_READONLY, "database is alleen-lezen")                                                     \
    _(DB_NOT_DB, "geen kijkronde-database")                                                        \
    _(DB_TOO_NEW, "database is van een nieuwere kijkronde")                                        \
    _(PARSE, "kan het bestand niet lezen")                                                         \
    _(UNSUPPORTED, "nog niet beschikbaar")

enum kr_status {
#define KR_STATUS_ENUM(name, msg) KR_##name,
    KR_STATUS_INFO(KR_STATUS_ENUM)
#undef KR_STATUS_ENUM
        KR_STATUS_COUNT
};

/* Error details. All fields are optional; msg is always NUL-terminated. */
struct kr_error {
    enum kr_status status;
    char msg[512];    /* one Dutch sentence, without trailing newline */
    char file[256];   /* file at fault, or "" */
    size_t line, col; /* 1-based position in file, 0 when unknown */
};

/* The fixed Dutch text of a status code. Never NULL; static storage. */
const char *kr_status_str(enum kr_status st);

/*
 * Fill err (which may be NULL) with status st and a printf-style message, and
 * return st so callers can write `return kr_error_set(err, KR_IO, "...")`.
 * file/line/col are cleared; use kr_error_set_at for positions.
 */
enum kr_status kr_error_set(struct kr_error *err, enum kr_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* As kr_error_set, with a file position (line and col 1-based, 0 = unknown). */
enum kr_status kr_error_set_at(struct kr_error *err, enum kr_status st, const char *file,
                               size_t line, size_t col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* A short Dutch description of a system error number (errno). Static storage. */
const char *kr_strerror(int errnum);

/* What the user can do about errnum, to append after kr_strerror: for a full disk (or
 * quota) "; maak ruimte vrij (...) en probeer het opnieuw", else "". Static string. */
const char *kr_strerror_hint(int errnum);

/* Reset err (may be NULL) to KR_OK with empty fields. */
void kr_error_clear(struct kr_error *err);

#endif
