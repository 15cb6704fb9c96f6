/* SPDX-License-Identifier: MIT */
/* The notes of an imported document, cut out of it and staged one element at a time. */
#include <stdlib.h>
#include <string.h>

#include "exchange_internal.h"
#include "kijkronde/mem.h"
#include "kijkronde/store_exchange.h"
#include "store_internal.h"

/*
 * The notes arrive element by element. SQLite parses a whole document for every statement
 * that reads it (json_each, json_tree), in memory several times the size of the text, so a
 * 150 MB file needed gigabytes. The notes are nearly all of a file: their two lists
 * (observations, deleted_observations) are cut out of the document (the SQL reads the rest,
 * with those lists empty) and go into src.jo one element at a time (kr_import_fill_notes), each
 * parsed on its own. The document has passed kr_json_check, so the walk below needs no checks.
 */
/* The end of the value that starts at s[i] (s is valid JSON). */
static size_t skip_value(const char *s, size_t len, size_t i)
{
    int depth = 0;
    do {
        char c = s[i];
        if (c == '"') {
            for (i++; i < len && s[i] != '"'; i++)
                if (s[i] == '\\')
                    i++;
            i++;
        } else if (c == '{' || c == '[') {
            depth++;
            i++;
        } else if (c == '}' || c == ']') {
            depth--;
            i++;
        } else if (depth == 0) {
            while (i < len && !strchr(",]} \t\r\n", s[i]))
                i++;
        } else {
            i++;
        }
    } while (depth > 0 && i < len);
    return i;
}

static size_t skip_ws(const char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
        i++;
    return i;
}

void kr_import_split_notes(const char *s, size_t len, struct kr_notes_split *sp)
{
    memset(sp, 0, sizeof *sp);
    size_t i = skip_ws(s, len, 0);
    if (i >= len || s[i] != '{')
        return;
    i = skip_ws(s, len, i + 1);
    struct kr_buf key = {0};
    while (i < len && s[i] == '"') {
        size_t k = i;
        i = skip_value(s, len, i);
        key.len = 0;
        kr_json_key_decode(s + k + 1, i - k - 2, &key);
        i = skip_ws(s, len, skip_ws(s, len, i) + 1); /* past the ':' */
        int which = strcmp(kr_buf_str(&key), "observations") == 0           ? 0
                    : strcmp(kr_buf_str(&key), "deleted_observations") == 0 ? 1
                                                                            : -1;
        size_t end = skip_value(s, len, i);
        /* A key twice in one object was refused by kr_json_check, so each list is seen once. */
        if (which >= 0 && s[i] == '[') {
            sp->open[which] = i;
            sp->close[which] = end - 1;
        }
        i = skip_ws(s, len, end);
        if (i < len && s[i] == ',')
            i = skip_ws(s, len, i + 1);
    }
    kr_buf_fini(&key);
}

/* The document without the elements of the two lists (they become []). Heap. */
char *kr_import_without_notes(const char *s, size_t len, const struct kr_notes_split *sp,
                              size_t *out_len)
{
    struct kr_buf b = {0};
    size_t from = 0;
    int order[2] = {0, 1};
    if (sp->open[1] && (!sp->open[0] || sp->open[1] < sp->open[0])) {
        order[0] = 1;
        order[1] = 0;
    }
    for (int n = 0; n < 2; n++) {
        int w = order[n];
        if (!sp->open[w])
            continue;
        kr_buf_append(&b, s + from, sp->open[w] + 1 - from);
        from = sp->close[w];
    }
    kr_buf_append(&b, s + from, len - from);
    *out_len = b.len;
    if (!b.data)
        kr_buf_putc(&b, '\0');
    return kr_buf_steal(&b);
}

/* The number of elements of the list s[open..close]. */
size_t kr_import_count_elements(const char *s, size_t len, size_t open, size_t close)
{
    size_t n = 0;
    for (size_t i = skip_ws(s, len, open + 1); i < close; n++) {
        i = skip_ws(s, len, skip_value(s, len, i));
        if (i < close && s[i] == ',')
            i = skip_ws(s, len, i + 1);
    }
    return n;
}

/*
 * Stage the elements of the two lists into src.jo as the SQL did with json_each (the same
 * columns: sec, rank, i, k, t, j, id, ref), and refuse a text with a character SQLite
 * cannot hold (what check_top does for the rest of the document).
 */
enum kr_status kr_import_fill_notes(struct kr_store *st, const char *s, size_t len,
                                    const struct kr_notes_split *sp, const char *source,
                                    struct kr_error *err)
{
    static const char *const sec[2] = {"observations", "deleted_observations"};
    sqlite3_stmt *ins = NULL, *bad = NULL;
    enum kr_status r = kr_store_prepare(
        st,
        "INSERT INTO src.jo SELECT ?2, ?3, ?4, NULL, json_type(?1), json_extract(?1, '$'),"
        " CASE json_type(?1) WHEN 'object' THEN json_extract(?1, '$.id') END, NULL"
        " WHERE ?3 <> 4 OR kr_tick()",
        &ins, err);
    if (r == KR_OK)
        r = kr_store_prepare(st,
                             "SELECT fullkey FROM json_tree(?1) WHERE type = 'text' AND NOT"
                             " kr_text_ok(atom) LIMIT 1",
                             &bad, err);
    for (int w = 0; r == KR_OK && w < 2; w++) {
        if (!sp->open[w])
            continue;
        size_t i = skip_ws(s, len, sp->open[w] + 1);
        for (long n = 0; r == KR_OK && i < sp->close[w]; n++) {
            size_t end = skip_value(s, len, i);
            sqlite3_bind_text(bad, 1, s + i, (int)(end - i), SQLITE_STATIC);
            if (sqlite3_step(bad) == SQLITE_ROW) {
                const char *fk = (const char *)sqlite3_column_text(bad, 0);
                r = kr_error_set(err, KR_INVALID,
                                 "%s[%ld]%s: bevat een ongeldig teken (NUL of een losse "
                                 "\\u-surrogaat); niets geïmporteerd.",
                                 sec[w], n, fk && fk[0] == '$' ? fk + 1 : "");
                if (source)
                    snprintf(err->file, sizeof err->file, "%s", source);
                break;
            }
            sqlite3_reset(bad);
            sqlite3_bind_text(ins, 1, s + i, (int)(end - i), SQLITE_STATIC);
            sqlite3_bind_text(ins, 2, sec[w], -1, SQLITE_STATIC);
            sqlite3_bind_int(ins, 3, 4 + w);
            sqlite3_bind_int64(ins, 4, n);
            int rc = sqlite3_step(ins);
            if (rc != SQLITE_DONE)
                r = kr_store_fail(st, rc, err, "Importeren mislukt");
            sqlite3_reset(ins);
            i = skip_ws(s, len, end);
            if (i < sp->close[w] && s[i] == ',')
                i = skip_ws(s, len, i + 1);
        }
    }
    sqlite3_finalize(ins);
    sqlite3_finalize(bad);
    return r;
}
