/* SPDX-License-Identifier: MIT */
/*
 * Redrawing a very long note (issue 20: a 100,000-character note took 66 s, quadratic): the
 * drawing helpers of the TUI on a curses screen that writes to /dev/null, a whole frame each
 * time (erase, the note wrapped in the list, the note in a 4-row and a 1-row edit field with
 * the cursor at the end, refresh), and a paste of 40,000 characters into the middle of a
 * 40,000-character note. Baseline: one kr_utf8_width pass over the same note, the least any
 * drawing that looks at the whole note does. Prints RESULT lines for bench/run and fails
 * (exit 1) when a frame takes 50 ms or more, the bound.
 * Usage: draw_bench [CHARS]   (default 100000)
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kijkronde/lineedit.h"
#include "kijkronde/utf8.h"
#include "ui_internal.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *long_note(size_t n, size_t *len)
{
    static const char *const words[] = {"de ",   "juf ",  "wijst ", "naar ",     "het ",
                                        "bord ", "café ", "日本 ",  "leerling ", "schrijft "};
    struct kr_buf b = {0};
    size_t chars = 0;
    for (size_t i = 0; chars < n; i++) {
        const char *w = words[i % (sizeof words / sizeof words[0])];
        kr_buf_append(&b, w, strlen(w));
        for (const unsigned char *p = (const unsigned char *)w; *p; p++)
            chars += (*p & 0xC0) != 0x80;
    }
    *len = b.len;
    return kr_buf_steal(&b);
}

int main(int argc, char **argv)
{
    size_t chars = argc > 1 ? strtoul(argv[1], NULL, 10) : 100000;
    setlocale(LC_ALL, "C.UTF-8");
    FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
    SCREEN *scr = out && in ? newterm("xterm", out, in) : NULL;
    if (!scr) {
        fputs("draw_bench: no curses screen (terminfo 'xterm' missing?)\n", stderr);
        return 77;
    }
    struct ui ui = {.rows = LINES, .cols = COLS};
    size_t len;
    char *note = long_note(chars, &len);
    struct kr_lineedit le;
    kr_le_init(&le);
    le.max_len = len + 1;
    kr_le_set(&le, note);

    const int rounds = 20;
    double t0 = now();
    size_t sink = 0;
    for (int i = 0; i < rounds; i++)
        sink += kr_utf8_width(note, len);
    double base = (now() - t0) / rounds;

    double worst = 0, total = 0;
    for (int i = 0; i < rounds; i++) {
        t0 = now();
        erase();
        ui_put_wrapped(&ui, 2, 1, ui.cols - 2, 2, UI_NORMAL, note, NULL, 0, UI_JUDGE);
        ui_draw_field(&ui, 5, 11, ui.cols - 12, 4, &le, true, NULL, 0);
        ui_draw_field(&ui, 10, 11, ui.cols - 12, 1, &le, true, NULL, 0);
        ui_draw_field(&ui, 12, 11, ui.cols - 12, 1, &le, false, NULL, 0);
        refresh();
        double t = now() - t0;
        total += t;
        if (t > worst)
            worst = t;
    }
    double frame = total / rounds;

    /* A paste of 40,000 characters into the middle of a 40,000-character note, then a frame. */
    size_t plen;
    char *paste = long_note(40000, &plen);
    kr_le_set(&le, NULL);
    le.max_len = 4 * plen + 8;
    kr_le_insert(&le, paste, plen);
    le.cursor = plen / 2;
    while (le.cursor > 0 && (le.text[le.cursor] & 0xC0) == 0x80)
        le.cursor--;
    t0 = now();
    kr_le_insert(&le, paste, plen);
    erase();
    ui_draw_field(&ui, 5, 11, ui.cols - 12, 4, &le, true, NULL, 0);
    refresh();
    double pasted = now() - t0;

    endwin();
    delscreen(scr);
    fclose(out);
    fclose(in);
    printf("# %zu characters (%zu bytes): frame %.2f ms (worst %.2f ms), one width pass %.3f ms; "
           "paste of 40,000 into 40,000 and a frame %.2f ms (%zu)\n",
           chars, len, frame * 1e3, worst * 1e3, base * 1e3, pasted * 1e3, sink % 10);
    printf("RESULT\tredraw of a %zu-character note (frame)\tone width pass over the "
           "note\t%.6f\t%.6f\n",
           chars, base, frame);
    printf(
        "RESULT\tpaste of 40,000 characters into a 40,000-character note, and a frame\tone width "
        "pass over the note\t%.6f\t%.6f\n",
        base, pasted);
    kr_le_fini(&le);
    free(note);
    free(paste);
    if (worst >= 0.050 || pasted >= 0.050) {
        fprintf(stderr, "draw_bench: a frame took %.1f ms, the paste %.1f ms: 50 ms is the bound\n",
                worst * 1e3, pasted * 1e3);
        return 1;
    }
    return 0;
}
