/* SPDX-License-Identifier: MIT */
/*
 * kijkronde/1 JSON import: the bytes checked (UTF-8, JSON syntax, the top level), the
 * document staged in a temporary schema "src" and checked, then merged into main in
 * one transaction (merge_src.c). Nothing is imported unless all of it can be.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "exchange_internal.h"
#include "kijkronde/mem.h"
#include "kijkronde/nfc.h"
#include "kijkronde/store_exchange.h"
#include "kijkronde/utf8.h"
#include "store_internal.h"

/* Top-level shape: an object with the right format and the required sections. */
static enum kr_status check_top(struct kr_store *st, const char *json, size_t len,
                                const char *source, struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(
        st,
        /* One walk of the top level instead of a json_type(?1, ...) per key: SQLite keeps a
         * copy of the document per call site, so fourteen calls held fourteen copies (most of
         * an import's peak memory). Keys are compared only when the root is an object. */
        "SELECT (SELECT json_type(?1)) AS root,"
        " max(CASE WHEN key = 'format' THEN type END),"
        " max(CASE WHEN key = 'format' THEN atom END),"
        " max(CASE WHEN key = 'session' THEN type END),"
        " max(CASE WHEN key = 'visits' THEN type END),"
        " max(CASE WHEN key = 'observations' THEN type END),"
        " max(CASE WHEN key = 'tweetallen' THEN type END),"
        " max(CASE WHEN key = 'participants' THEN type END),"
        " max(CASE WHEN key = 'deleted_observations' THEN type END),"
        " max(CASE WHEN key = 'group_patterns' THEN type END),"
        " max(CASE WHEN key = 'group_notes' THEN type END),"
        " max(CASE WHEN key = 'reflection_phases' THEN type END),"
        " max(CASE WHEN key = 'theory_of_action' THEN type END),"
        " max(CASE WHEN key = 'deleted_theory_of_action' THEN type END),"
        " max(CASE WHEN key = 'next_steps' THEN type END),"
        " max(CASE WHEN key = 'deleted_next_steps' THEN type END),"
        " (SELECT fullkey FROM json_tree(?1) WHERE type = 'text' AND NOT kr_text_ok(atom)"
        "  LIMIT 1)"
        " FROM (SELECT key, type, atom FROM json_each(?1) WHERE json_type(?1) = 'object'"
        "  UNION ALL SELECT NULL, NULL, NULL)",
        &s, err);
    if (r != KR_OK)
        return r;
    sqlite3_bind_text(s, 1, json, (int)len, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        r = kr_store_fail(st, rc, err, "Importeren mislukt");
        goto out;
    }
#define COL(i) ((const char *)sqlite3_column_text(s, (i)))
    char *sec = NULL;        /* the path of the problem, or NULL */
    struct kr_buf msg = {0}; /* its message */
    const char *why = NULL;
    char v[128];
    if (!COL(0) || strcmp(COL(0), "object") != 0) {
        why = "het bestand moet één JSON-object { ... } zijn";
        sec = kr_xstrdup("$");
    } else if (!COL(1)) {
        why = "ontbreekt; dit is geen kijkronde/1-bestand";
        sec = kr_xstrdup("format");
    } else if (strcmp(COL(1), "text") != 0 || strcmp(COL(2), "kijkronde/1") != 0) {
        kr_utf8_truncate(v, sizeof v, COL(2) ? COL(2) : "?", 40);
        kr_buf_printf(&msg, "onbekend formaat \"%s\"; deze kijkronde leest kijkronde/1", v);
        sec = kr_xstrdup("format");
    } else if (!COL(3) || strcmp(COL(3), "object") != 0) {
        why = COL(3) ? "moet een object zijn" : "ontbreekt";
        sec = kr_xstrdup("session");
    } else if (!COL(4) || strcmp(COL(4), "array") != 0) {
        why = COL(4) ? "moet een lijst [ ... ] zijn" : "ontbreekt";
        sec = kr_xstrdup("visits");
    } else if (!COL(5) || strcmp(COL(5), "array") != 0) {
        why = COL(5) ? "moet een lijst [ ... ] zijn" : "ontbreekt";
        sec = kr_xstrdup("observations");
    } else {
        /* Optional lists: a list or null when present. */
        static const char *const lists[] = {
            "tweetallen",  "participants",      "deleted_observations", "group_patterns",
            "group_notes", "reflection_phases", "theory_of_action",     "deleted_theory_of_action",
            "next_steps",  "deleted_next_steps"};
        for (int c = 0; c < (int)KR_NF(lists) && !sec; c++)
            if (COL(6 + c) && strcmp(COL(6 + c), "array") != 0 && strcmp(COL(6 + c), "null") != 0) {
                why = "moet een lijst [ ... ] zijn";
                sec = kr_xstrdup(lists[c]);
            }
        if (!sec && COL(16)) {
            why = "bevat een ongeldig teken (NUL of een losse \\u-surrogaat)";
            const char *fk = COL(16);
            sec = kr_xstrdup(strncmp(fk, "$.", 2) == 0 ? fk + 2 : fk);
        }
    }
#undef COL
    if (sec) {
        if (why)
            kr_buf_puts(&msg, why);
        kr_error_set(err, KR_INVALID, "%s: %s; niets geïmporteerd.", sec, kr_buf_str(&msg));
        if (err && source)
            snprintf(err->file, sizeof err->file, "%s", source);
        r = KR_INVALID;
    }
    free(sec);
    kr_buf_fini(&msg);
out:
    sqlite3_finalize(s);
    return r;
}

static enum kr_status import_json(struct kr_store *st, const char *json, size_t len,
                                  const char *source, struct kr_exchange_stats *stats,
                                  struct kr_error *err)
{
    if (stats)
        memset(stats, 0, sizeof *stats);
    const char *src_name = source ? source : "JSON";
    size_t bad;
    if (!kr_utf8_valid(json, len, &bad)) {
        size_t line, col;
        kr_json_line_col(json, len, bad, &line, &col);
        return kr_error_set_at(err, KR_PARSE, src_name, line, col,
                               "geen geldige UTF-8 (byte %zu); niets geïmporteerd.", bad);
    }
    struct kr_jscan js = {.s = json, .len = len};
    if (len > INT32_MAX) {
        return kr_error_set(err, KR_INVALID, "'%s' is te groot om te importeren.", src_name);
    }
    if (!kr_json_check(&js)) {
        size_t line, col;
        kr_json_line_col(json, len, js.pos, &line, &col);
        return kr_error_set_at(err, KR_PARSE, src_name, line, col,
                               "geen geldige JSON: %s; niets geïmporteerd.", js.why);
    }
    enum kr_status r = kr_store_register_fns(st, err);
    if (r != KR_OK)
        return r;
    /* From here the SQL reads the document without its notes; they go in one by one. */
    struct kr_notes_split sp;
    kr_import_split_notes(json, len, &sp);
    const char *whole = json;
    size_t whole_len = len;
    char *small = kr_import_without_notes(json, len, &sp, &len);
    json = small;
    r = check_top(st, json, len, src_name, err);
    if (r == KR_OK)
        /* The staging schema is a private temporary database on disk (SQLite's temporary
         * folder; deleted at DETACH): it holds every note twice (its JSON and its row), and in
         * memory that was most of an import's peak, 4x the file at 100,000 notes. On disk only
         * its page cache is held, 1.5x the file, at the same speed (issue 21). */
        r = kr_store_exec(st, "ATTACH '' AS src", err);
    if (r != KR_OK) {
        free(small);
        return r;
    }
    /* The job in units: staging a note, checking it (two), making its rows, adding it; the
     * versions (about one per note until staged) are made and added too. */
    size_t notes = 0;
    if (st->progress) {
        if (sp.open[0])
            notes = kr_import_count_elements(whole, whole_len, sp.open[0], sp.close[0]);
        kr_progress_begin(&st->plan, st->progress, notes, 7 * notes);
    }
    r = kr_import_stage_raw(st, json, len, whole, whole_len, &sp, src_name, err);
    if (r == KR_OK && st->plan.p) {
        size_t h = kr_store_count_of(st, "SELECT count(*) FROM src.jh");
        kr_progress_retotal(&st->plan, 5 * notes + 2 * (h > notes ? h : notes));
    }
    if (r == KR_OK)
        r = kr_import_check(st, notes, src_name, err);
    if (r == KR_OK)
        r = kr_import_stage_rows(st, err);
    if (r == KR_OK) {
        r = kr_store_begin(st, err);
        if (r == KR_OK) {
            r = kr_store_merge_src(st, stats, err);
            if (r == KR_OK)
                r = kr_store_commit(st, err);
            else
                kr_store_rollback(st);
        }
    }
    kr_store_detach_src(st);
    free(small);
    if (r == KR_OK)
        kr_progress_end(&st->plan);
    st->plan = (struct kr_progress_plan){0};
    return r;
}

/* The file's texts go in as NFC: the whole document is normalised once (JSON's own syntax
   is ASCII, so only the strings change), then imported. */
enum kr_status kr_store_import_json(struct kr_store *st, const char *json, size_t len,
                                    const char *source, struct kr_exchange_stats *stats,
                                    struct kr_error *err)
{
    struct kr_buf nfc = {0};
    enum kr_status r;
    /* A UTF-8 byte order mark (Windows editors write one) is no part of the JSON. */
    if (len >= 3 && memcmp(json, "\xEF\xBB\xBF", 3) == 0) {
        json += 3;
        len -= 3;
    }
    if (kr_nfc(json, len, &nfc, NULL, NULL))
        r = import_json(st, nfc.data, nfc.len, source, stats, err);
    else
        r = import_json(st, json, len, source, stats, err);
    kr_buf_fini(&nfc);
    return r;
}
