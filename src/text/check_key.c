/* SPDX-License-Identifier: MIT */
/*
 * The key of the zonder-oordeel checker a verdict came from (kr_checker_key), for the
 * verdicts the store keeps (include/kijkronde/judged.h): a hash of what decides a verdict,
 * the built-in lexicon, the network's lexicon files in the order kr_checker_new_network
 * loads them, and the text module's own sources (hashed at build time), so a changed
 * lexicon or a changed checker makes every kept verdict miss. It reads the files but
 * builds no checker (and loads no word list): an export whose verdicts are all kept
 * starts no checker at all.
 */
#include "kijkronde/check_key.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kijkronde/check.h"
#include "kijkronde/mem.h"
#include "kijkronde/paths.h"

extern const char kr_data_oordeel[];
extern const size_t kr_data_oordeel_len;
extern const char kr_data_text_src_sum[];
extern const size_t kr_data_text_src_sum_len;

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 1099511628211ULL;
    return h;
}

char *kr_checker_key(void)
{
    uint64_t h = 1469598103934665603ULL;
    h = fnv(h, kr_data_text_src_sum, kr_data_text_src_sum_len);
    h = fnv(h, kr_data_oordeel, kr_data_oordeel_len);
    char **paths = kr_checker_network_paths();
    for (size_t i = 0; paths[i]; i++) {
        h = fnv(h, paths[i], 1 + strlen(paths[i])); /* the order matters too */
        FILE *f = fopen(paths[i], "rb");
        char buf[8192];
        size_t n;
        while (f && (n = fread(buf, 1, sizeof buf, f)) > 0)
            h = fnv(h, buf, n);
        if (f)
            fclose(f);
        else
            h = fnv(h, "?", 1); /* unreadable: a checker would refuse; never a kept key */
    }
    kr_paths_list_free(paths);
    return kr_xasprintf("k1-%016llx", (unsigned long long)h);
}
