/* SPDX-License-Identifier: MIT */
/* Internals of the name check (names.c) and its word list (names_wordlist.c). */
#ifndef KR_TEXT_NAMES_INTERNAL_H
#define KR_TEXT_NAMES_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#define WORD_MAX 64 /* longer words are never looked up */

/* What the word list says of a word: bit 1 a Dutch word in lower case, bit 2 a word the
 * list knows capitalised (a proper noun), bit 4 (names.c) a known non-name. */
enum { W_COMMON = 1, W_PROPER = 2, W_NONNAME = 4 };

/* FNV-1a of s[0..len). */
uint32_t kr_names_hash(const char *s, size_t len);
/* W_COMMON and W_PROPER of w[0..len) (lower: its lower-case form, NUL-terminated); 0 when
 * the list is not loaded (kr_names_have_wordlist loads it). */
int kr_names_wordlist_lookup(const char *w, size_t len, const char *lower);

#endif
