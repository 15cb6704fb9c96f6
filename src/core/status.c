/* SPDX-License-Identifier: MIT */
/* Status code texts and the error-detail helpers. */
#include "kijkronde/status.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static const char *const status_text[] = {
#define KR_STATUS_TEXT(name, msg) msg,
    KR_STATUS_INFO(KR_STATUS_TEXT)
#undef KR_STATUS_TEXT
};

const char *kr_status_str(enum kr_status st)
{
    if ((unsigned)st >= KR_STATUS_COUNT)
        return "onbekende fout";
    return status_text[st];
}

void kr_error_clear(struct kr_error *err)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
}

static void error_vset(struct kr_error *err, enum kr_status st, const char *file, size_t line,
                       size_t col, const char *fmt, va_list ap)
    __attribute__((format(printf, 6, 0)));

static void error_vset(struct kr_error *err, enum kr_status st, const char *file, size_t line,
                       size_t col, const char *fmt, va_list ap)
{
    if (!err)
        return;
    kr_error_clear(err);
    err->status = st;
    if (file)
        snprintf(err->file, sizeof err->file, "%s", file);
    err->line = line;
    err->col = col;
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
}

enum kr_status kr_error_set(struct kr_error *err, enum kr_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_vset(err, st, NULL, 0, 0, fmt, ap);
    va_end(ap);
    return st;
}

enum kr_status kr_error_set_at(struct kr_error *err, enum kr_status st, const char *file,
                               size_t line, size_t col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_vset(err, st, file, line, col, fmt, ap);
    va_end(ap);
    return st;
}

const char *kr_strerror(int errnum)
{
    switch (errnum) {
    case ENOENT:
        return "bestand of map bestaat niet";
    case ENOTDIR:
        return "een deel van het pad is geen map";
    case EISDIR:
        return "dit is een map";
    case EACCES:
    case EPERM:
        return "geen toestemming";
    case EROFS:
        return "het bestandssysteem is alleen-lezen";
    case ENOSPC:
        return "de schijf is vol";
    case EDQUOT:
        return "de schijfruimte (quota) is op";
    case EEXIST:
        return "bestaat al";
    case ENAMETOOLONG:
        return "de naam is te lang";
    case ELOOP:
        return "te veel symbolische koppelingen";
    case EIO:
        return "lees- of schrijffout van het apparaat";
    case EMFILE:
    case ENFILE:
        return "te veel open bestanden";
    default:
        return strerror(errnum);
    }
}

const char *kr_strerror_hint(int errnum)
{
    if (errnum == ENOSPC || errnum == EDQUOT)
        return "; maak ruimte vrij (verwijder of verplaats bestanden) en probeer het opnieuw";
    return "";
}
