/* SPDX-License-Identifier: MIT */
/* Dutch singular/plural choice for counts shown to a person (see kijkronde/plural.h). */
#include "kijkronde/plural.h"

const char *kr_plural(long long n, const char *one, const char *more)
{
    return n == 1 ? one : more;
}
