/* SPDX-License-Identifier: MIT */
/* A boundary probe: code built as src/ui is (against ui's dependencies) that calls the store
   directly instead of through src/app. tests/boundaries/probe_ui.sh expects the build's
   check to refuse it (the header is reachable here, in tests/; in src/ui includes.sh refuses
   it too). */
#include "kijkronde/store.h"

const char *kr_probe_ui_store(const struct kr_store *st);

const char *kr_probe_ui_store(const struct kr_store *st)
{
    return kr_store_path(st);
}
