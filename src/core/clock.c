/* SPDX-License-Identifier: MIT */
/* Wall-clock times as ISO 8601 text. */
#include "kijkronde/clock.h"

#include <stdio.h>
#include <string.h>

void kr_clock_local_iso(time_t t, char out[KR_TIME_SIZE])
{
    struct tm tm;
    localtime_r(&t, &tm);
    char tz[8];
    if (strftime(tz, sizeof tz, "%z", &tm) != 5) /* +0100 */
        memcpy(tz, "+0000", 6);
    size_t n = strftime(out, KR_TIME_SIZE, "%Y-%m-%dT%H:%M:%S", &tm);
    out[n++] = tz[0];
    out[n++] = tz[1];
    out[n++] = tz[2];
    out[n++] = ':';
    out[n++] = tz[3];
    out[n++] = tz[4];
    out[n] = '\0';
}

void kr_clock_now_local(char out[KR_TIME_SIZE])
{
    kr_clock_local_iso(time(NULL), out);
}

void kr_clock_now_utc(char out[KR_TIME_SIZE])
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    gmtime_r(&ts.tv_sec, &tm);
    size_t n = strftime(out, KR_TIME_SIZE, "%Y-%m-%dT%H:%M:%S", &tm);
    unsigned ms = (unsigned)(ts.tv_nsec / 1000000) % 1000u;
    snprintf(out + n, KR_TIME_SIZE - n, ".%03uZ", ms);
}

void kr_clock_today(char out[KR_TIME_SIZE])
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(out, KR_TIME_SIZE, "%Y-%m-%d", &tm);
}

static int digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

static int num(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

int kr_clock_valid_date(const char *s)
{
    if (!s || strlen(s) < 10 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) || s[7] != '-' ||
        !digits(s + 8, 2))
        return 0;
    int y = num(s, 4), m = num(s + 5, 2), d = num(s + 8, 2);
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return 0;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 0;
    return s[10] == '\0' || s[10] == 'T';
}

int kr_clock_valid_iso(const char *s)
{
    if (!kr_clock_valid_date(s) || s[10] != 'T')
        return 0;
    const char *t = s + 11;
    if (!digits(t, 2) || t[2] != ':' || !digits(t + 3, 2) || t[5] != ':' || !digits(t + 6, 2))
        return 0;
    if (num(t, 2) > 23 || num(t + 3, 2) > 59 || num(t + 6, 2) > 60)
        return 0;
    t += 8;
    if (*t == '.') {
        t++;
        int n = 0;
        while (*t >= '0' && *t <= '9') {
            t++;
            n++;
        }
        if (n == 0 || n > 9)
            return 0;
    }
    if (*t == 'Z')
        return t[1] == '\0';
    if ((*t == '+' || *t == '-') && digits(t + 1, 2) && t[3] == ':' && digits(t + 4, 2))
        return t[6] == '\0' && num(t + 1, 2) <= 14 && num(t + 4, 2) <= 59;
    return 0;
}

void kr_clock_hhmm(const char *iso, char out[6])
{
    if (iso && strlen(iso) >= 16 && iso[10] == 'T' && digits(iso + 11, 2) && iso[13] == ':' &&
        digits(iso + 14, 2)) {
        memcpy(out, iso + 11, 5);
        out[5] = '\0';
    } else {
        memcpy(out, "--:--", 6);
    }
}
