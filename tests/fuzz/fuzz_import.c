/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the kijkronde/1 importer, into an in-memory store. Any bytes
 * end in OK, a positioned JSON error or a JSON-path error naming the file; a refused
 * file imports nothing and never fails on a database constraint (validation must
 * catch everything first); an accepted file imports again as a no-op, and its export
 * imported into an empty store exports the same.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kijkronde/store.h"
#include "kijkronde/store_exchange.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static long sessions(struct kr_store *st)
{
    struct kr_session_list l = {0};
    struct kr_error err;
    if (kr_store_session_list(st, &l, &err) != KR_OK)
        __builtin_trap();
    long n = (long)l.n;
    kr_session_list_fini(&l);
    return n;
}

/* The JSON of every session, concatenated (heap). */
static char *dump(struct kr_store *st)
{
    struct kr_session_list l = {0};
    struct kr_error err;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (kr_store_session_list(st, &l, &err) != KR_OK)
        __builtin_trap();
    for (size_t i = 0; i < l.n; i++)
        if (kr_store_export_json(st, l.items[i].id, f, &err) != KR_OK)
            __builtin_trap();
    kr_session_list_fini(&l);
    fclose(f);
    return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct kr_store *st = NULL, *st2 = NULL;
    struct kr_error err = {0};
    if (kr_store_open(":memory:", &st, &err) != KR_OK)
        __builtin_trap();
    struct kr_exchange_stats stats;
    enum kr_status r =
        kr_store_import_json(st, (const char *)data, size, "fuzz.json", &stats, &err);
    if (r != KR_OK) {
        if (r != KR_PARSE && r != KR_INVALID)
            __builtin_trap(); /* e.g. a constraint the validation let through */
        /* Every refusal of the validation ends so; a database error would not. */
        static const char tail[] = "niets geïmporteerd.";
        size_t n = strlen(err.msg);
        if (strcmp(err.file, "fuzz.json") != 0 || n < sizeof tail - 1 ||
            strcmp(err.msg + n - (sizeof tail - 1), tail) != 0)
            __builtin_trap();
        if (sessions(st) != 0)
            __builtin_trap(); /* a refused file imports nothing */
        kr_store_close(st);
        return 0;
    }
    if (stats.sessions_new != 1 || sessions(st) != 1)
        __builtin_trap();
    char *a = dump(st);
    if (kr_store_import_json(st, (const char *)data, size, "fuzz.json", &stats, &err) != KR_OK ||
        stats.observations_new || stats.observations_updated || stats.versions_new ||
        stats.sessions_new || stats.visits_new)
        __builtin_trap(); /* idempotent */
    if (kr_store_open(":memory:", &st2, &err) != KR_OK)
        __builtin_trap();
    if (kr_store_import_json(st2, a, strlen(a), "export.json", NULL, &err) != KR_OK)
        __builtin_trap(); /* our own export is always valid */
    char *b = dump(st2);
    if (strcmp(a, b) != 0)
        __builtin_trap(); /* export, import, export gives the same */
    free(a);
    free(b);
    kr_store_close(st);
    kr_store_close(st2);
    return 0;
}
