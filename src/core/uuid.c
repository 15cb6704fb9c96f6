/* SPDX-License-Identifier: MIT */
/* Version 4 UUIDs from the kernel's random source. */
#include "kijkronde/uuid.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

static void fill_random(unsigned char *b, size_t n)
{
    size_t got = 0;
    /* getrandom(2): one system call, no file descriptor (an Enter makes two ids; opening,
     * reading and closing /dev/urandom for each was six system calls of it). */
    while (got < n) {
        ssize_t r = getrandom(b + got, n - got, 0);
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    if (got < n) { /* an old kernel or a seccomp filter without getrandom */
        int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
        if (fd >= 0) {
            while (got < n) {
                ssize_t r = read(fd, b + got, n - got);
                if (r <= 0)
                    break;
                got += (size_t)r;
            }
            close(fd);
        }
    }
    if (got < n) {
        /* No /dev/urandom (a chroot): fall back to a time- and pid-seeded generator. */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        uint64_t x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^ (uint64_t)getpid();
        for (size_t i = got; i < n; i++) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            b[i] = (unsigned char)x;
        }
    }
}

void kr_uuid_new(char out[KR_UUID_SIZE])
{
    unsigned char b[16];
    fill_random(b, sizeof b);
    b[6] = (unsigned char)((b[6] & 0x0F) | 0x40);
    b[8] = (unsigned char)((b[8] & 0x3F) | 0x80);
    snprintf(out, KR_UUID_SIZE,
             "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
             b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
             b[15]);
}
