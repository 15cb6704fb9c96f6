/* SPDX-License-Identifier: MIT */
/* The key of the zonder-oordeel checker kr_checker_new_network would build (src/text/check_key.c).
 */
#ifndef KR_CHECK_KEY_H
#define KR_CHECK_KEY_H

/* "k1-" and 16 hex digits, a hash of the lexicons and the checker's sources; heap string.
 * Two checkers with the same key give every text the same verdict. */
char *kr_checker_key(void);

#endif
