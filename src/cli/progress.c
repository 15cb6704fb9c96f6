/* SPDX-License-Identifier: MIT */
/* The progress line of import, merge and export on a terminal (see progress.h). */
#include "progress.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Show nothing for work shorter than this, and redraw at most this often (seconds). */
#define QUIET_FIRST  1.0
#define REDRAW_EVERY 0.2

/* The quiet start: QUIET_FIRST, or KR_PROGRESS_AFTER seconds (the tests set 0, so that what
   they check does not depend on how fast the machine imports). */
static double quiet_first(void)
{
    const char *e = getenv("KR_PROGRESS_AFTER");
    char *end;
    double v = e && *e ? strtod(e, &end) : -1;
    return e && *e && *end == '\0' && v >= 0 && v < 60 ? v : QUIET_FIRST;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The columns of s: every byte but UTF-8 continuation bytes ("·" is one column). */
static size_t cols(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void draw(void *ctx, size_t done, size_t total)
{
    struct kr_cli_progress *p = ctx;
    double t = now();
    if (p->first == 0) {
        p->first = t;
        p->first_done = done;
    }
    if (!p->on || t - p->start < quiet_first() || (p->width && t - p->last < REDRAW_EVERY) ||
        done >= total)
        return;
    p->last = t;
    char left[40] = "";
    if (done > p->first_done && t > p->first) {
        /* the pace since the first report: reading the file before it does not count */
        double rest = (t - p->first) * (double)(total - done) / (double)(done - p->first_done);
        if (rest < 60)
            snprintf(left, sizeof left, " %s nog ongeveer %.0f s", p->dot, rest < 1 ? 1 : rest);
        else
            snprintf(left, sizeof left, " %s nog ongeveer %.0f min", p->dot, rest / 60 + 0.5);
    }
    char line[120];
    snprintf(line, sizeof line, "notities %zu van %zu%s", done, total, left);
    size_t w = cols(line);
    /* Overwrite what a longer line left, with spaces: no escape sequence needed. */
    fprintf(p->out, "\r%s%*s", line, p->width > w ? (int)(p->width - w) : 0, "");
    fflush(p->out);
    p->width = w > p->width ? w : p->width;
}

void kr_cli_progress_init(struct kr_cli_progress *p, FILE *out)
{
    const char *term = getenv("TERM"), *ci = getenv("CI");
    *p = (struct kr_cli_progress){.cb = {.fn = draw, .ctx = p}, .out = out, .start = now()};
    p->on = isatty(fileno(out)) && term && *term && strcmp(term, "dumb") != 0 && !ci;
    /* "·" only where the terminal's character set has it */
    p->dot = strcmp(nl_langinfo(CODESET), "UTF-8") == 0 ? "\u00b7" : "-";
    if (!p->on)
        p->cb.fn = NULL; /* the workers then skip even the call */
}

void kr_cli_progress_fini(struct kr_cli_progress *p)
{
    if (p->width) {
        fprintf(p->out, "\r%*s\r", (int)p->width, "");
        fflush(p->out);
    }
    p->width = 0;
}
