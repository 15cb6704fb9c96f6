/* SPDX-License-Identifier: MIT */
/*
 * Allocation that never returns NULL. On out-of-memory the registered fatal hook
 * runs (the UI uses it to restore the terminal), a message goes to stderr and the
 * process aborts: every saved note is already in SQLite, so nothing is lost.
 * Also the one growable byte buffer (struct kr_buf) the project uses.
 */
#ifndef KR_MEM_H
#define KR_MEM_H

#include <stdarg.h>
#include <stddef.h>

void *kr_xmalloc(size_t size);
void *kr_xcalloc(size_t n, size_t size);
/* Reallocates p to n * size bytes; the product is overflow-checked. */
void *kr_xreallocarray(void *p, size_t n, size_t size);
/* Copies s (may be NULL: returns NULL). */
char *kr_xstrdup(const char *s);
/* Copies the first len bytes of s and NUL-terminates. */
char *kr_xstrndup(const char *s, size_t len);
/* A heap string made with printf formatting. Caller frees. */
char *kr_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Called once before aborting on out-of-memory; NULL to unset. */
void kr_mem_set_fatal_hook(void (*hook)(void));

/*
 * Grow an array to hold at least `need` elements: *items is reallocated and *cap
 * updated (doubling). Use as KR_GROW(list.items, list.cap, list.n + 1).
 */
void kr_grow(void **items, size_t *cap, size_t need, size_t elem_size);
#define KR_GROW(items, cap, need) kr_grow((void **)&(items), &(cap), (need), sizeof *(items))

/* A growable, always NUL-terminated byte buffer. Zero-initialise, then kr_buf_fini. */
struct kr_buf {
    char *data; /* NULL until the first append */
    size_t len; /* bytes used, without the NUL */
    size_t cap; /* bytes allocated */
};

void kr_buf_append(struct kr_buf *b, const char *s, size_t len);
void kr_buf_puts(struct kr_buf *b, const char *s);
void kr_buf_putc(struct kr_buf *b, char c);
void kr_buf_printf(struct kr_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void kr_buf_vprintf(struct kr_buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* The contents; "" (static) for an empty buffer. Borrowed until the next change. */
const char *kr_buf_str(const struct kr_buf *b);
/* Hands the heap string to the caller (never NULL) and resets the buffer. */
char *kr_buf_steal(struct kr_buf *b);
void kr_buf_reset(struct kr_buf *b);
void kr_buf_fini(struct kr_buf *b);

#endif
