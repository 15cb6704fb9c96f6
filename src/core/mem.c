/* SPDX-License-Identifier: MIT */
/* Allocation wrappers that abort on out-of-memory, and the growable byte buffer. */
#include "kijkronde/mem.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void (*fatal_hook)(void);

void kr_mem_set_fatal_hook(void (*hook)(void))
{
    fatal_hook = hook;
}

static void oom(void)
{
    if (fatal_hook)
        fatal_hook();
    fputs("kijkronde: onvoldoende geheugen; opgeslagen notities zijn bewaard.\n", stderr);
    abort();
}

void *kr_xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        oom();
    return p;
}

void *kr_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        oom();
    return p;
}

void *kr_xreallocarray(void *p, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        oom();
    size_t total = n * size;
    void *q = realloc(p, total ? total : 1);
    if (!q)
        oom();
    return q;
}

char *kr_xstrdup(const char *s)
{
    if (!s)
        return NULL;
    return kr_xstrndup(s, strlen(s));
}

char *kr_xstrndup(const char *s, size_t len)
{
    if (len == SIZE_MAX)
        oom();
    char *p = kr_xmalloc(len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *kr_xasprintf(const char *fmt, ...)
{
    struct kr_buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    kr_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    return kr_buf_steal(&b);
}

void kr_grow(void **items, size_t *cap, size_t need, size_t elem_size)
{
    if (need <= *cap)
        return;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            oom();
        ncap *= 2;
    }
    *items = kr_xreallocarray(*items, ncap, elem_size);
    *cap = ncap;
}

static void buf_reserve(struct kr_buf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->len - 1)
        oom();
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return;
    size_t ncap = b->cap ? b->cap : 64;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            oom();
        ncap *= 2;
    }
    b->data = kr_xreallocarray(b->data, ncap, 1);
    b->cap = ncap;
}

void kr_buf_append(struct kr_buf *b, const char *s, size_t len)
{
    buf_reserve(b, len);
    if (len)
        memcpy(b->data + b->len, s, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void kr_buf_puts(struct kr_buf *b, const char *s)
{
    kr_buf_append(b, s, strlen(s));
}

void kr_buf_putc(struct kr_buf *b, char c)
{
    kr_buf_append(b, &c, 1);
}

void kr_buf_vprintf(struct kr_buf *b, const char *fmt, va_list ap)
{
    if (!fmt) /* never true; tells gcc's -fsanitize build that fmt is not NULL below */
        return;
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return;
    buf_reserve(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void kr_buf_printf(struct kr_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    kr_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

const char *kr_buf_str(const struct kr_buf *b)
{
    return b->data ? b->data : "";
}

char *kr_buf_steal(struct kr_buf *b)
{
    char *s = b->data ? b->data : kr_xstrdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}

void kr_buf_reset(struct kr_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void kr_buf_fini(struct kr_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
