/* SPDX-License-Identifier: MIT */
/*
 * The notes as an Excel workbook (libxlsxwriter): sheet "Notities" with the columns of
 * the CSV export, every text a string cell (so Excel and LibreOffice neither run a
 * formula nor turn "12-3" into a date, and no formula guard is needed), a bold frozen
 * header, column widths and a filter; sheet "Patronen" with the patterns the summary
 * shows (kr_summary_pattern_shown: no judging pattern, only shown notes as examples). A
 * writer over the summary walk (walk.c) that asks for the note table and the patterns.
 * The only file that includes xlsxwriter.h.
 */
#include <string.h>
#include <xlsxwriter.h>

#include "exchange_internal.h"
#include "kijkronde/utf8.h"
#include "walk.h"

/* Excel's limit on the characters of one cell. */
#define CELL_MAX 32767

/* s as a cell text: valid UTF-8, no control character but newline and tab (libxlsxwriter
 * would write them as _xHHHH_ escapes Excel shows), at most CELL_MAX characters. */
static const char *cell_text(struct kr_buf *b, const char *s)
{
    kr_buf_reset(b);
    if (!s)
        return "";
    size_t len = strlen(s), i = 0, n = 0;
    while (i < len) {
        uint32_t cp;
        i += kr_utf8_decode(s + i, len - i, &cp);
        if (n + 1 >= CELL_MAX && i < len) {
            cp = 0x2026; /* "…": the cell is full */
            i = len;
        }
        if (cp != '\n' && cp != '\t' && kr_utf8_is_control(cp))
            cp = KR_UTF8_REPLACEMENT;
        char enc[4];
        kr_buf_append(b, enc, kr_utf8_encode(cp, enc));
        n++;
    }
    return kr_buf_str(b);
}

struct sheet {
    lxw_worksheet *ws;
    struct kr_buf tmp;
    lxw_error rc; /* the first error */
};

static void put(struct sheet *sh, lxw_row_t row, lxw_col_t col, const char *s, lxw_format *fmt)
{
    lxw_error e = worksheet_write_string(sh->ws, row, col, cell_text(&sh->tmp, s), fmt);
    if (e != LXW_NO_ERROR && sh->rc == LXW_NO_ERROR)
        sh->rc = e;
}

static void put_number(struct sheet *sh, lxw_row_t row, lxw_col_t col, size_t n)
{
    lxw_error e = worksheet_write_number(sh->ws, row, col, (double)n, NULL);
    if (e != LXW_NO_ERROR && sh->rc == LXW_NO_ERROR)
        sh->rc = e;
}

static const char *visit_label(const struct kr_summary *s, size_t v)
{
    return v < s->visits.n ? s->visit_labels[v] : "?";
}

/* The workbook the walk fills: the two sheets, their formats, the next row of Patronen. */
struct book {
    struct sheet notes, pats;
    lxw_format *head, *wrap;
    lxw_row_t r;
    struct kr_buf visits;
};

static void notes_begin(struct book *bk, const struct kr_summary *s)
{
    static const char *const title[] = {"id",  "datum", "tijd",    "klas",
                                        "vak", "hoek",  "notitie", "oordeel"};
    static const double width[] = {38, 11, 9, 12, 14, 11, 80, 9};
    struct sheet *sh = &bk->notes;
    lxw_col_t ncol = s->checked ? 8 : 7;
    for (lxw_col_t c = 0; c < ncol; c++) {
        worksheet_set_column(sh->ws, c, c, width[c], c == 6 ? bk->wrap : NULL);
        put(sh, 0, c, title[c], bk->head);
    }
    worksheet_freeze_panes(sh->ws, 1, 0);
}

static void note_row(void *ctx, const struct kr_summary *s, size_t i)
{
    struct sheet *sh = &((struct book *)ctx)->notes;
    const struct kr_summary_note *n = &s->notes[i];
    const struct kr_observation *o = n->o;
    char date[11] = "", time[9] = "";
    if (o->at && strlen(o->at) >= 19) {
        memcpy(date, o->at, 10);
        memcpy(time, o->at + 11, 8);
    }
    const struct kr_visit *v = n->visit < s->visits.n ? &s->visits.items[n->visit] : NULL;
    lxw_row_t r = (lxw_row_t)(i + 1);
    put(sh, r, 0, o->id, NULL);
    put(sh, r, 1, date, NULL);
    put(sh, r, 2, time, NULL);
    put(sh, r, 3, visit_label(s, n->visit), NULL);
    put(sh, r, 4, v ? v->subject : NULL, NULL);
    put(sh, r, 5, kr_corner_str(o->corner), NULL);
    put(sh, r, 6, n->text, NULL);
    if (s->checked)
        put(sh, r, 7, n->judging ? "ja" : "nee", NULL);
    kr_progress_add(s->plan, 1);
}

static void patterns_begin(struct book *bk, const struct kr_summary *s)
{
    static const char *const title[] = {"hoek",    "patroon",   "soort",     "notities",
                                        "klassen", "voorbeeld", "voorbeeld", "voorbeeld"};
    static const double width[] = {12, 40, 14, 9, 24, 60, 60, 60};
    struct sheet *sh = &bk->pats;
    for (lxw_col_t c = 0; c < 8; c++) {
        worksheet_set_column(sh->ws, c, c, width[c], c >= 5 ? bk->wrap : NULL);
        put(sh, 0, c, title[c], bk->head);
    }
    worksheet_freeze_panes(sh->ws, 1, 0);
    if (!s->have_patterns)
        put(sh, 1, 0,
            s->obs.n == 0 ? "Er zijn nog geen notities."
                          : "Bij zo veel notities staan de patronen niet in de export; bekijk "
                            "ze met 'kijkronde patterns'.",
            NULL);
    bk->r = 1;
}

static void section_begin(void *ctx, const struct kr_summary *s, enum kr_walk_section sec)
{
    if (sec == KR_WALK_NOTES)
        notes_begin(ctx, s);
    else if (sec == KR_WALK_PATTERNS)
        patterns_begin(ctx, s);
}

static void section_end(void *ctx, const struct kr_summary *s, enum kr_walk_section sec)
{
    struct book *bk = ctx;
    if (sec == KR_WALK_NOTES)
        worksheet_autofilter(bk->notes.ws, 0, 0, (lxw_row_t)s->obs.n,
                             (lxw_col_t)((s->checked ? 8 : 7) - 1));
    else if (sec == KR_WALK_PATTERNS && s->have_patterns && bk->r == 1)
        put(&bk->pats, 1, 0, "Geen patronen met twee of meer notities.", NULL);
}

static void pattern_row(void *ctx, const struct kr_summary *s, size_t p)
{
    struct book *bk = ctx;
    struct sheet *sh = &bk->pats;
    const struct kr_summary_pattern *sp = &s->pat[p];
    kr_buf_reset(&bk->visits);
    for (size_t k = 0; k < sp->n_visits; k++) {
        if (k)
            kr_buf_puts(&bk->visits, ", ");
        kr_buf_puts(&bk->visits, visit_label(s, kr_summary_visit_of(s, sp->visits[k])));
    }
    put(sh, bk->r, 0, kr_summary_corner_title(s->refl.result.patterns[p].corner), NULL);
    put(sh, bk->r, 1, s->pattern_labels[p], NULL);
    put(sh, bk->r, 2, kr_pattern_kind_str(sp->kind), NULL);
    put_number(sh, bk->r, 3, sp->n_notes);
    put(sh, bk->r, 4, kr_buf_str(&bk->visits), NULL);
}

static void pattern_example(void *ctx, const struct kr_summary *s, size_t p, size_t k, size_t i)
{
    (void)p;
    struct book *bk = ctx;
    put(&bk->pats, bk->r, (lxw_col_t)(5 + k), s->notes[i].text, NULL);
}

static void pattern_end(void *ctx, const struct kr_summary *s, size_t p)
{
    (void)s;
    (void)p;
    ((struct book *)ctx)->r++;
}

static const struct kr_summary_writer XLSX_WRITER = {
    .sections = KR_WALK_BIT(KR_WALK_NOTES) | KR_WALK_BIT(KR_WALK_PATTERNS),
    .section_begin = section_begin,
    .section_end = section_end,
    .row = note_row,
    .pattern = pattern_row,
    .example = pattern_example,
    .pattern_end = pattern_end,
};

enum kr_status kr_summary_write_xlsx(const struct kr_summary *s, const char *path,
                                     struct kr_error *err)
{
    lxw_workbook *wb = workbook_new(path);
    if (!wb)
        return kr_error_set(err, KR_IO, "Kan het xlsx-bestand '%s' niet maken.", path);
    lxw_format *head = workbook_add_format(wb);
    format_set_bold(head);
    format_set_bottom(head, LXW_BORDER_THIN);
    lxw_format *wrap = workbook_add_format(wb);
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
    struct book bk = {.notes = {.ws = workbook_add_worksheet(wb, "Notities")},
                      .pats = {.ws = workbook_add_worksheet(wb, "Patronen")},
                      .head = head,
                      .wrap = wrap};
    lxw_error rc = bk.notes.ws && bk.pats.ws ? LXW_NO_ERROR : LXW_ERROR_MEMORY_MALLOC_FAILED;
    if (rc == LXW_NO_ERROR) {
        kr_summary_walk(s, &XLSX_WRITER, &bk);
        rc = bk.notes.rc != LXW_NO_ERROR ? bk.notes.rc : bk.pats.rc;
    }
    lxw_error closed = workbook_close(wb); /* frees wb, also after an error */
    kr_progress_add(s->plan, s->obs.n);
    kr_buf_fini(&bk.notes.tmp);
    kr_buf_fini(&bk.pats.tmp);
    kr_buf_fini(&bk.visits);
    if (rc == LXW_NO_ERROR)
        rc = closed;
    if (rc != LXW_NO_ERROR)
        return kr_error_set(err, KR_IO, "Schrijven van de xlsx-export mislukt: %s.",
                            lxw_strerror(rc));
    return KR_OK;
}
