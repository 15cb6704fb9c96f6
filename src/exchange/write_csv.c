/* SPDX-License-Identifier: MIT */
/*
 * The notes as CSV for a Dutch Excel: a BOM, one quoted field per column, CRLF line ends,
 * the separator the caller chose. Every field goes through kr_esc_csv (formula starts made
 * inert). A writer over the summary walk (walk.c) that asks only for its note table: every
 * note in stored order, a judging one too, with "ja" in the oordeel column (docs/uitwisselen.md).
 */
#include <assert.h>
#include <string.h>

#include "exchange_internal.h"
#include "walk.h"

struct csv {
    struct kr_buf b;
    FILE *out;
    char sep;
};

static void csv_header(void *ctx, const struct kr_summary *s, enum kr_walk_section sec)
{
    static const char *const head[] = {"id",  "datum", "tijd",    "klas",
                                       "vak", "hoek",  "notitie", "oordeel"};
    struct csv *c = ctx;
    assert(sec == KR_WALK_NOTES);
    kr_buf_puts(&c->b, "\xEF\xBB\xBF"); /* BOM: Excel then reads UTF-8 */
    size_t ncol = s->checked ? 8 : 7;
    for (size_t k = 0; k < ncol; k++) {
        if (k)
            kr_buf_putc(&c->b, c->sep);
        kr_esc_csv(&c->b, head[k]);
    }
    kr_buf_puts(&c->b, "\r\n");
}

static void csv_row(void *ctx, const struct kr_summary *s, size_t i)
{
    struct csv *c = ctx;
    struct kr_buf *b = &c->b;
    char sep = c->sep;
    const struct kr_summary_note *n = &s->notes[i];
    const struct kr_observation *o = n->o;
    char date[11] = "", time[9] = "";
    if (o->at && strlen(o->at) >= 19) {
        memcpy(date, o->at, 10);
        memcpy(time, o->at + 11, 8);
    }
    const struct kr_visit *v = n->visit < s->visits.n ? &s->visits.items[n->visit] : NULL;
    kr_esc_csv(b, o->id);
    kr_buf_putc(b, sep);
    kr_esc_csv(b, date);
    kr_buf_putc(b, sep);
    kr_esc_csv(b, time);
    kr_buf_putc(b, sep);
    kr_esc_csv(b, kr_write_visit_label(s, n->visit));
    kr_buf_putc(b, sep);
    kr_esc_csv(b, v ? v->subject : NULL);
    kr_buf_putc(b, sep);
    kr_esc_csv(b, kr_corner_str(o->corner));
    kr_buf_putc(b, sep);
    kr_esc_csv(b, n->text);
    if (s->checked) {
        kr_buf_putc(b, sep);
        kr_esc_csv(b, n->judging ? "ja" : "nee");
    }
    kr_buf_puts(b, "\r\n");
    kr_esc_flush(b, c->out, false);
    kr_progress_add(s->plan, 1);
}

static const struct kr_summary_writer CSV_WRITER = {
    .sections = KR_WALK_BIT(KR_WALK_NOTES),
    .section_begin = csv_header,
    .row = csv_row,
};

void kr_summary_write_csv(const struct kr_summary *s, char sep, FILE *out)
{
    struct csv c = {.out = out, .sep = sep};
    kr_summary_walk(s, &CSV_WRITER, &c);
    kr_esc_flush(&c.b, out, true);
    kr_buf_fini(&c.b);
}
