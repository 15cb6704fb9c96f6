/* SPDX-License-Identifier: MIT */
/* A boundary probe: code built as src/patterns is (against patterns_dep) that calls SQLite,
   which only src/store may. tests/boundaries/probe.sh expects the build's check to refuse it. */
#include <sqlite3.h>

#include "kijkronde/patterns.h"

const char *kr_probe_sqlite(void);

const char *kr_probe_sqlite(void)
{
    return sqlite3_libversion();
}
