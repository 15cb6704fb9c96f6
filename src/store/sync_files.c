/* SPDX-License-Identifier: MIT */
/*
 * The chunk files of `kijkronde sync` in the shared folder (the format is described in
 * src/store/sync.c): checking the folder, listing the other laptops' chunks, reading one
 * with its length and checksum, and writing one durably. No SQLite here.
 *
 * A chunk is DIR/LAPTOP/NNNNNNNNNN.json: one header line
 *   {"format":"kijkronde-sync/1","laptop":"…","seq":N,"lamport":L,"rows":R,"bytes":B,
 *    "fnv1a64":"…"}
 * then exactly B bytes of body whose FNV-1a 64 is the header's. Only names of exactly ten
 * digits and ".json" are chunks, so our own FILE.tmp and Syncthing's temporary files
 * (.syncthing.NAME.tmp, ~syncthing~NAME.tmp) are never read.
 */
#define _POSIX_C_SOURCE 200809L
#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kijkronde/mem.h"
#include "sync_internal.h"

#define HEADER_MAX 512

static uint64_t fnv1a64(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211u;
    }
    return h;
}

enum kr_status kr_sync_dir_check(const char *dir, struct kr_error *err)
{
    struct stat sb;
    if (!dir || !*dir)
        return kr_error_set(err, KR_INVALID,
                            "Geef een map voor sync, bijvoorbeeld "
                            "'kijkronde sync ~/Sync/kijkronde'.");
    if (stat(dir, &sb) != 0)
        return kr_error_set(err, KR_INVALID, "De map '%s' is niet bruikbaar voor sync: %s.", dir,
                            kr_strerror(errno));
    if (!S_ISDIR(sb.st_mode))
        return kr_error_set(err, KR_INVALID,
                            "De map '%s' is niet bruikbaar voor sync: het is geen map.", dir);
    if (access(dir, R_OK | W_OK | X_OK) != 0)
        return kr_error_set(err, KR_INVALID, "De map '%s' is niet bruikbaar voor sync: %s.", dir,
                            kr_strerror(errno));
    return KR_OK;
}

int kr_sync_id_ok(const char *s)
{
    size_t n = strlen(s);
    if (n < 8 || n > KR_SYNC_ID_MAX)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f') || s[i] == '-'))
            return 0;
    return 1;
}

/* The number of a chunk's file name, or -1 when the name is not a chunk's. */
static long long chunk_seq(const char *name)
{
    if (strlen(name) != 15 || strcmp(name + 10, ".json") != 0)
        return -1;
    long long v = 0;
    for (int i = 0; i < 10; i++) {
        if (name[i] < '0' || name[i] > '9')
            return -1;
        v = v * 10 + (name[i] - '0');
    }
    return v > 0 ? v : -1;
}

long long kr_sync_max_seq(const char *dir, const char *laptop)
{
    char *path = kr_xasprintf("%s/%s", dir, laptop);
    DIR *d = opendir(path);
    free(path);
    long long max = 0;
    if (!d)
        return 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        long long s = chunk_seq(e->d_name);
        if (s > max)
            max = s;
    }
    closedir(d);
    return max;
}

long kr_sync_count_laptops(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    long n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!kr_sync_id_ok(e->d_name))
            continue;
        char *sub = kr_xasprintf("%s/%s", dir, e->d_name);
        struct stat sb;
        if (stat(sub, &sb) == 0 && S_ISDIR(sb.st_mode))
            n++;
        free(sub);
    }
    closedir(d);
    return n;
}

enum kr_status kr_sync_list_chunks(const char *dir, const char *self, struct kr_sync_list *out,
                                   struct kr_error *err)
{
    memset(out, 0, sizeof *out);
    DIR *d = opendir(dir);
    if (!d)
        return kr_error_set(err, KR_INVALID, "De map '%s' is niet bruikbaar voor sync: %s.", dir,
                            kr_strerror(errno));
    int self_seen = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!kr_sync_id_ok(e->d_name))
            continue;
        char *sub = kr_xasprintf("%s/%s", dir, e->d_name);
        struct stat sb;
        if (stat(sub, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
            free(sub);
            continue;
        }
        out->laptops++;
        if (strcmp(e->d_name, self) == 0) {
            self_seen = 1;
            free(sub);
            continue;
        }
        DIR *ld = opendir(sub);
        if (ld) {
            struct dirent *f;
            while ((f = readdir(ld)) != NULL) {
                long long s = chunk_seq(f->d_name);
                if (s < 0)
                    continue;
                KR_GROW(out->items, out->cap, out->n + 1);
                struct kr_sync_chunk *c = &out->items[out->n++];
                memset(c, 0, sizeof *c);
                size_t idn = strlen(e->d_name); /* <= KR_SYNC_ID_MAX: kr_sync_id_ok */
                memcpy(c->laptop, e->d_name, idn + 1);
                c->seq = s;
                c->path = kr_xasprintf("%s/%s", sub, f->d_name);
            }
            closedir(ld);
        }
        free(sub);
    }
    closedir(d);
    if (!self_seen)
        out->laptops++;
    return KR_OK;
}

void kr_sync_list_fini(struct kr_sync_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].path);
        free(l->items[i].body);
    }
    free(l->items);
    memset(l, 0, sizeof *l);
}

/* Does a chunk's JSON body hold a control character (other than newline and tab) in a
 * string, raw or escaped? Such a text would reach the terminal or an export. */
static int has_control(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0x7f || (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
                          (unsigned char)s[i + 1] <= 0x9f))
            return 1;
        if (c != '\\' || i + 1 >= n)
            continue;
        char e = s[++i];
        if (e == 'b' || e == 'f' || e == 'r')
            return 1;
        if (e == 'u' && i + 4 < n) {
            unsigned v = 0;
            for (int k = 1; k <= 4; k++) {
                char h = s[i + (size_t)k];
                v = v * 16 + (unsigned)(h >= 'a'   ? h - 'a' + 10
                                        : h >= 'A' ? h - 'A' + 10
                                                   : h - '0');
            }
            if ((v < 0x20 && v != '\n' && v != '\t') || (v >= 0x7f && v <= 0x9f))
                return 1;
            i += 4;
        }
    }
    return 0;
}

int kr_sync_read_chunk(struct kr_sync_chunk *c, char *why, size_t why_size)
{
    FILE *f = fopen(c->path, "rb");
    if (!f)
        return 1; /* gone or not readable yet (a copier's lock): next time */
    struct kr_buf b = {0};
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
        kr_buf_append(&b, tmp, n);
    int rerr = ferror(f);
    fclose(f);
    if (rerr) {
        kr_buf_fini(&b);
        return 1;
    }
    const char *nl = b.data ? memchr(b.data, '\n', b.len) : NULL;
    if (!nl) {
        size_t have = b.len;
        kr_buf_fini(&b);
        if (have < HEADER_MAX)
            return 1;
        snprintf(why, why_size, "de kopregel ontbreekt");
        return -1;
    }
    size_t hlen = (size_t)(nl - b.data);
    char header[HEADER_MAX + 1];
    if (hlen > HEADER_MAX) {
        kr_buf_fini(&b);
        snprintf(why, why_size, "de kopregel is te lang");
        return -1;
    }
    memcpy(header, b.data, hlen);
    header[hlen] = '\0';
    char laptop[KR_SYNC_ID_MAX + 1], sum[17];
    long long seq = 0, lamport = 0;
    long rows = 0;
    unsigned long long bytes = 0;
    int end = -1;
    int got = sscanf(header,
                     "{\"format\":\"kijkronde-sync/1\",\"laptop\":\"%64[0-9a-f-]\",\"seq\":%lld,"
                     "\"lamport\":%lld,\"rows\":%ld,\"bytes\":%llu,\"fnv1a64\":\"%16[0-9a-f]\"}%n",
                     laptop, &seq, &lamport, &rows, &bytes, sum, &end);
    if (got != 6 || end != (int)hlen) {
        kr_buf_fini(&b);
        snprintf(why, why_size, "de kopregel is geen kijkronde-sync/1");
        return -1;
    }
    if (strcmp(laptop, c->laptop) != 0 || seq != c->seq || lamport < 1 || rows < 0) {
        kr_buf_fini(&b);
        snprintf(why, why_size, "de kopregel hoort niet bij deze plek (laptop of nummer)");
        return -1;
    }
    size_t have = b.len - hlen - 1;
    if (have < bytes) {
        kr_buf_fini(&b);
        return 1; /* half copied */
    }
    if (have > bytes) {
        kr_buf_fini(&b);
        snprintf(why, why_size, "het bestand is langer dan de kopregel zegt");
        return -1;
    }
    char want[17];
    snprintf(want, sizeof want, "%016" PRIx64, fnv1a64(nl + 1, have));
    if (strcmp(want, sum) != 0) {
        kr_buf_fini(&b);
        snprintf(why, why_size, "het controlegetal klopt niet");
        return -1;
    }
    if (has_control(nl + 1, have)) {
        kr_buf_fini(&b);
        snprintf(why, why_size, "er staan stuurtekens in een tekst");
        return -1;
    }
    c->lamport = lamport;
    c->rows = rows;
    c->len = have;
    c->body = kr_xstrndup(nl + 1, have);
    kr_buf_fini(&b);
    return 0;
}

static int write_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        s += w;
        n -= (size_t)w;
    }
    return 0;
}

enum kr_status kr_sync_write_chunk(const char *dir, const char *laptop, long long seq,
                                   long long lamport, long rows, const char *body, size_t len,
                                   struct kr_error *err)
{
    assert(seq > 0 && seq <= 9999999999LL);
    char *sub = kr_xasprintf("%s/%s", dir, laptop);
    if (mkdir(sub, 0700) != 0 && errno != EEXIST) {
        int e = errno;
        enum kr_status r = kr_error_set(
            err, KR_INVALID, "De map '%s' is niet bruikbaar voor sync: %s.", sub, kr_strerror(e));
        free(sub);
        return r;
    }
    char *path = kr_xasprintf("%s/%010lld.json", sub, seq);
    char *tmp = kr_xasprintf("%s.tmp", path);
    char header[HEADER_MAX];
    snprintf(header, sizeof header,
             "{\"format\":\"kijkronde-sync/1\",\"laptop\":\"%s\",\"seq\":%lld,\"lamport\":%lld,"
             "\"rows\":%ld,\"bytes\":%zu,\"fnv1a64\":\"%016" PRIx64 "\"}\n",
             laptop, seq, lamport, rows, len, fnv1a64(body, len));
    enum kr_status r = KR_OK;
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    int e = 0;
    if (fd < 0 || write_all(fd, header, strlen(header)) != 0 || write_all(fd, body, len) != 0 ||
        fsync(fd) != 0)
        e = errno;
    if (fd >= 0 && close(fd) != 0 && !e)
        e = errno;
    if (!e && rename(tmp, path) != 0)
        e = errno;
    if (e) {
        unlink(tmp);
        r = kr_error_set(err, KR_IO, "Kan '%s' niet schrijven: %s%s.", path, kr_strerror(e),
                         kr_strerror_hint(e));
    } else {
        int dfd = open(sub, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dfd >= 0) {
            (void)fsync(dfd); /* not every file system (a USB stick's) can */
            close(dfd);
        }
    }
    free(tmp);
    free(path);
    free(sub);
    return r;
}
