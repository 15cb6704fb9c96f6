/* SPDX-License-Identifier: MIT */
/* A boundary probe that keeps to the rules of src/patterns (core and the patterns API only):
   tests/boundaries/probe.sh expects the build's check to pass it. */
#include "kijkronde/patterns.h"
#include "kijkronde/utf8.h"

const char *kr_probe_clean(const char *s, size_t n);

const char *kr_probe_clean(const char *s, size_t n)
{
    return kr_utf8_valid(s, n, NULL) ? kr_pattern_kind_str(KR_PATTERN_OVEREENKOMST) : NULL;
}
