/* SPDX-License-Identifier: MIT */
/*
 * The SQL functions that import and merge run in their SQL (kr_text_ok, kr_line_ok,
 * kr_iso_ok, kr_date_ok, kr_fnv, kr_uuid), and the progress of those jobs (kr_tick).
 */
#include <stdint.h>
#include <string.h>

#include "exchange_internal.h"
#include "kijkronde/clock.h"
#include "kijkronde/store_exchange.h"
#include "kijkronde/utf8.h"
#include "kijkronde/uuid.h"
#include "store_internal.h"

/* kr_text_ok(x): 1 when x is text without NUL and valid UTF-8. */
static void fn_text_ok(sqlite3_context *c, int argc, sqlite3_value **v)
{
    (void)argc;
    if (sqlite3_value_type(v[0]) != SQLITE_TEXT) {
        sqlite3_result_int(c, 1);
        return;
    }
    const char *s = (const char *)sqlite3_value_text(v[0]);
    size_t n = (size_t)sqlite3_value_bytes(v[0]);
    sqlite3_result_int(c, s && memchr(s, 0, n) == NULL && kr_utf8_valid(s, n, NULL));
}

/* kr_line_ok(x): 1 when x is text as kr_text_ok and without any control character. */
static void fn_line_ok(sqlite3_context *c, int argc, sqlite3_value **v)
{
    (void)argc;
    if (sqlite3_value_type(v[0]) != SQLITE_TEXT) {
        sqlite3_result_int(c, 0);
        return;
    }
    const char *s = (const char *)sqlite3_value_text(v[0]);
    size_t n = (size_t)sqlite3_value_bytes(v[0]);
    bool ok = s && memchr(s, 0, n) == NULL && kr_utf8_valid(s, n, NULL);
    for (size_t i = 0; ok && i < n;) {
        uint32_t cp;
        i += kr_utf8_decode(s + i, n - i, &cp);
        ok = !kr_utf8_is_control(cp);
    }
    sqlite3_result_int(c, ok);
}

/* kr_iso_ok(x): 1 when x is an ISO 8601 time kijkronde accepts. */
static void fn_iso_ok(sqlite3_context *c, int argc, sqlite3_value **v)
{
    (void)argc;
    const char *s = (const char *)sqlite3_value_text(v[0]);
    sqlite3_result_int(c, sqlite3_value_type(v[0]) == SQLITE_TEXT && s && kr_clock_valid_iso(s));
}

/* kr_date_ok(x): 1 when x is a real YYYY-MM-DD date. */
static void fn_date_ok(sqlite3_context *c, int argc, sqlite3_value **v)
{
    (void)argc;
    const char *s = (const char *)sqlite3_value_text(v[0]);
    sqlite3_result_int(c, sqlite3_value_type(v[0]) == SQLITE_TEXT && s && strlen(s) == 10 &&
                              kr_clock_valid_date(s));
}

/* kr_fnv(a, b, ...): a 64-bit FNV-1a hash of the arguments as hex, for stable synthetic ids. */
static void fn_fnv(sqlite3_context *c, int argc, sqlite3_value **v)
{
    uint64_t h = 1469598103934665603u;
    for (int a = 0; a < argc; a++) {
        const unsigned char *s = sqlite3_value_text(v[a]);
        int n = sqlite3_value_bytes(v[a]);
        for (int i = 0; s && i < n; i++) {
            h ^= s[i];
            h *= 1099511628211u;
        }
        h ^= 0xff; /* separates ("ab","c") from ("a","bc") */
        h *= 1099511628211u;
    }
    char hex[17];
    snprintf(hex, sizeof hex, "%016llx", (unsigned long long)h);
    sqlite3_result_text(c, hex, 16, SQLITE_TRANSIENT);
}

/* kr_uuid(): a new UUID. */
static void fn_uuid(sqlite3_context *c, int argc, sqlite3_value **v)
{
    (void)argc;
    (void)v;
    char u[KR_UUID_SIZE];
    kr_uuid_new(u);
    sqlite3_result_text(c, u, -1, SQLITE_TRANSIENT);
}

void kr_store_set_progress(struct kr_store *st, const struct kr_progress *p)
{
    st->progress = p;
}

/* kr_tick(): 1, and one unit of the job's progress; in the WHERE of the long statements,
 * so that the watcher hears of every row (not deterministic: evaluated per row). */
static void fn_tick(sqlite3_context *c, int argc, sqlite3_value **v)
{
    (void)argc;
    (void)v;
    struct kr_store *st = sqlite3_user_data(c);
    kr_progress_add(&st->plan, 1);
    sqlite3_result_int(c, 1);
}

enum kr_status kr_store_register_tick(struct kr_store *st, struct kr_error *err)
{
    int rc = sqlite3_create_function_v2(st->db, "kr_tick", 0, SQLITE_UTF8 | SQLITE_DIRECTONLY, st,
                                        fn_tick, NULL, NULL, NULL);
    return rc == SQLITE_OK ? KR_OK : kr_store_fail(st, rc, err, "Voorbereiden mislukt");
}

/* One count(*) (a statement without parameters); 0 when it fails. */
size_t kr_store_count_of(struct kr_store *st, const char *sql)
{
    sqlite3_stmt *s = NULL;
    size_t n = 0;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        n = (size_t)sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return n;
}

enum kr_status kr_store_register_fns(struct kr_store *st, struct kr_error *err)
{
    static const struct {
        const char *name;
        int nargs, flags;
        void (*fn)(sqlite3_context *, int, sqlite3_value **);
    } fns[] = {
        {"kr_text_ok", 1, SQLITE_DETERMINISTIC, fn_text_ok},
        {"kr_iso_ok", 1, SQLITE_DETERMINISTIC, fn_iso_ok},
        {"kr_line_ok", 1, SQLITE_DETERMINISTIC, fn_line_ok},
        {"kr_date_ok", 1, SQLITE_DETERMINISTIC, fn_date_ok},
        {"kr_fnv", -1, SQLITE_DETERMINISTIC, fn_fnv},
        {"kr_uuid", 0, 0, fn_uuid},
    };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
        int rc = sqlite3_create_function_v2(st->db, fns[i].name, fns[i].nargs,
                                            SQLITE_UTF8 | fns[i].flags, NULL, fns[i].fn, NULL, NULL,
                                            NULL);
        if (rc != SQLITE_OK)
            return kr_store_fail(st, rc, err, "Voorbereiden mislukt");
    }
    return kr_store_register_tick(st, err);
}
