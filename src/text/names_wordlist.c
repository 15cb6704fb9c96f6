/* SPDX-License-Identifier: MIT */
/*
 * The OpenTaal word list (hunspell-nl's nl_NL.dic and .aff, or $KIJKRONDE_WOORDENLIJST) for
 * the name check in names.c: its entries in a hash set (a capitalised entry is a proper noun),
 * hunspell for inflected forms. Loaded once per process, on first use.
 */
#include <hunspell.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "kijkronde/names.h"
#include "names_internal.h"

struct wordlist {
    Hunhandle *hun;
    char *buf;       /* the .dic file, each entry NUL-terminated */
    uint32_t *slots; /* offsets+1 into buf, 0 empty */
    size_t mask;
    bool ok;
};

static struct wordlist WL;
static pthread_once_t wl_once = PTHREAD_ONCE_INIT;

uint32_t kr_names_hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static bool set_has(const char *w, size_t len)
{
    if (!WL.slots)
        return false;
    for (size_t i = kr_names_hash(w, len) & WL.mask;; i = (i + 1) & WL.mask) {
        uint32_t o = WL.slots[i];
        if (!o)
            return false;
        const char *e = WL.buf + o - 1;
        if (strncmp(e, w, len) == 0 && e[len] == '\0')
            return true;
    }
}

static void wl_load(void)
{
    const char *dic = getenv("KIJKRONDE_WOORDENLIJST");
    if (!dic || !*dic)
        dic = "/usr/share/hunspell/nl_NL.dic";
    size_t dl = strlen(dic);
    if (dl < 5 || strcmp(dic + dl - 4, ".dic") != 0)
        return;
    FILE *f = fopen(dic, "rb");
    if (!f)
        return;
    size_t cap = 1 << 22, n = 0;
    char *buf = kr_xmalloc(cap + 1);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            buf = kr_xreallocarray(buf, cap + 1, 1);
        }
    }
    fclose(f);
    buf[n] = '\0';
    char *aff = kr_xstrdup(dic);
    memcpy(aff + dl - 4, ".aff", 4);
    FILE *af = fopen(aff, "rb");
    if (!af) {
        free(aff);
        free(buf);
        return;
    }
    fclose(af);
    WL.hun = Hunspell_create(aff, dic);
    free(aff);
    if (!WL.hun) {
        free(buf);
        return;
    }
    size_t lines = 0;
    for (size_t i = 0; i < n; i++)
        lines += buf[i] == '\n';
    size_t size = 1024;
    while (size < lines * 2)
        size *= 2;
    WL.slots = kr_xcalloc(size, sizeof *WL.slots);
    WL.mask = size - 1;
    WL.buf = buf;
    char *line = strchr(buf, '\n'); /* the first line is the count */
    while (line && line < buf + n) {
        line++;
        char *end = strchr(line, '\n');
        if (end)
            *end = '\0';
        char *slash = strchr(line, '/');
        if (slash)
            *slash = '\0';
        size_t len = strlen(line);
        if (len > 0 && len < WORD_MAX && !set_has(line, len)) {
            size_t i = kr_names_hash(line, len) & WL.mask;
            while (WL.slots[i])
                i = (i + 1) & WL.mask;
            WL.slots[i] = (uint32_t)(line - buf) + 1;
        }
        line = end;
    }
    WL.ok = true;
}

bool kr_names_have_wordlist(void)
{
    pthread_once(&wl_once, wl_load);
    return WL.ok;
}

int kr_names_wordlist_lookup(const char *w, size_t len, const char *lower)
{
    int res = 0;
    if (!WL.ok)
        return res;
    if (set_has(lower, len) || Hunspell_spell(WL.hun, lower))
        res |= W_COMMON;
    /* w points into the note: hunspell needs it NUL-terminated */
    char word[WORD_MAX + 1];
    memcpy(word, w, len);
    word[len] = '\0';
    if (set_has(w, len) || (!(res & W_COMMON) && Hunspell_spell(WL.hun, word)))
        res |= W_PROPER;
    return res;
}

struct kr_names_prefetch {
    pthread_t thread;
};

static void *prefetch_main(void *arg)
{
    (void)arg;
    kr_names_have_wordlist(); /* pthread_once: a second caller waits for this load */
    return NULL;
}

struct kr_names_prefetch *kr_names_prefetch_begin(void)
{
    struct kr_names_prefetch *p = kr_xmalloc(sizeof *p);
    if (pthread_create(&p->thread, NULL, prefetch_main, NULL) != 0) {
        free(p);
        return NULL;
    }
    return p;
}

void kr_names_prefetch_end(struct kr_names_prefetch *p)
{
    if (!p)
        return;
    pthread_join(p->thread, NULL);
    free(p);
}
