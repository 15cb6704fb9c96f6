/* SPDX-License-Identifier: MIT */
/*
 * The notes as CSV for a Dutch Excel: a BOM, one quoted field per column, CRLF line ends,
 * the separator the caller chose. Every field goes through kr_esc_csv (formula starts made
 * inert).
 */
#include <string.h>

#include "exchange_internal.h"

void kr_summary_write_csv(const struct kr_summary *s, char sep, FILE *out)
{
    static const char *const head[] = {"id",  "datum", "tijd",    "klas",
                                       "vak", "hoek",  "notitie", "oordeel"};
    struct kr_buf b = {0};
    kr_buf_puts(&b, "\xEF\xBB\xBF"); /* BOM: Excel then reads UTF-8 */
    size_t ncol = s->checked ? 8 : 7;
    for (size_t k = 0; k < ncol; k++) {
        if (k)
            kr_buf_putc(&b, sep);
        kr_esc_csv(&b, head[k]);
    }
    kr_buf_puts(&b, "\r\n");
    for (size_t i = 0; i < s->obs.n; i++) {
        const struct kr_summary_note *n = &s->notes[i];
        const struct kr_observation *o = n->o;
        char date[11] = "", time[9] = "";
        if (o->at && strlen(o->at) >= 19) {
            memcpy(date, o->at, 10);
            memcpy(time, o->at + 11, 8);
        }
        const struct kr_visit *v = n->visit < s->visits.n ? &s->visits.items[n->visit] : NULL;
        kr_esc_csv(&b, o->id);
        kr_buf_putc(&b, sep);
        kr_esc_csv(&b, date);
        kr_buf_putc(&b, sep);
        kr_esc_csv(&b, time);
        kr_buf_putc(&b, sep);
        kr_esc_csv(&b, kr_write_visit_label(s, n->visit));
        kr_buf_putc(&b, sep);
        kr_esc_csv(&b, v ? v->subject : NULL);
        kr_buf_putc(&b, sep);
        kr_esc_csv(&b, kr_corner_str(o->corner));
        kr_buf_putc(&b, sep);
        kr_esc_csv(&b, n->text);
        if (s->checked) {
            kr_buf_putc(&b, sep);
            kr_esc_csv(&b, n->judging ? "ja" : "nee");
        }
        kr_buf_puts(&b, "\r\n");
        kr_esc_flush(&b, out, false);
        kr_progress_add(s->plan, 1);
    }
    kr_esc_flush(&b, out, true);
    kr_buf_fini(&b);
}
