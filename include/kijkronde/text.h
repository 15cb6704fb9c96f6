/* SPDX-License-Identifier: MIT */
/*
 * Dutch text analysis basics: a UTF-8 tokenizer with byte offsets, case folding
 * that keeps diacritics, and Snowball Dutch stems (libstemmer is owned here).
 * No ncurses, no SQLite. Thread-compatible: one kr_stemmer per thread.
 */
#ifndef KR_TEXT_H
#define KR_TEXT_H

#include <stdbool.h>
#include <stddef.h>

enum kr_token_kind {
    KR_TOK_WORD,   /* letters (may contain inner ' or -: "zo'n", "EDI-model") */
    KR_TOK_NUMBER, /* 3, 3/4, 2,5, 12e */
    KR_TOK_TIME,   /* 09:14, 9.14u, 10:02 */
    KR_TOK_PUNCT,  /* any other non-space character */
};

struct kr_token {
    enum kr_token_kind kind;
    size_t start, end; /* byte offsets into the text, end exclusive */
    bool quoted; /* inside a quoted span ('...', "...", ‘...’, “...”) or after "zegt:" */
};

struct kr_token_list {
    struct kr_token *items;
    size_t n, cap;
};

/*
 * Split text[0..len) into tokens. Never fails; invalid bytes become PUNCT tokens.
 * The list is reset first and keeps its memory for reuse.
 */
void kr_tokenize(const char *text, size_t len, struct kr_token_list *out);
void kr_token_list_fini(struct kr_token_list *l);

/*
 * Lowercase s[0..len) into out (size bytes, NUL-terminated), keeping diacritics
 * (É -> é, IJ -> ij). Returns the bytes needed (like snprintf).
 */
size_t kr_fold(const char *s, size_t len, char *out, size_t size);

/* A Dutch Snowball stemmer. */
struct kr_stemmer;
struct kr_stemmer *kr_stemmer_new(void);
void kr_stemmer_free(struct kr_stemmer *s);
/*
 * Stem one word (any case; it is folded first) into out (size bytes, NUL-terminated).
 * Returns the stem length needed (like snprintf).
 */
size_t kr_stem(struct kr_stemmer *s, const char *word, size_t len, char *out, size_t size);

#endif
