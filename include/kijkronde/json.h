/* SPDX-License-Identifier: MIT */
/*
 * Writing JSON into a kr_buf: the one place that knows JSON string escaping.
 * Invalid UTF-8 is written as U+FFFD and control characters are escaped, so the
 * output is always valid JSON and carries no raw terminal control bytes.
 */
#ifndef KR_JSON_H
#define KR_JSON_H

#include <stddef.h>

#include "kijkronde/mem.h"

/* Append s[0..len) as a quoted JSON string. */
void kr_json_str(struct kr_buf *b, const char *s, size_t len);
/* Append s as a quoted JSON string, or null when s is NULL. */
void kr_json_str_or_null(struct kr_buf *b, const char *s);

#endif
