/* SPDX-License-Identifier: MIT */
/*
 * Wall-clock times as text. Observation times are local time with the UTC offset
 * ("2026-03-12T09:14:05+01:00"); bookkeeping times (created, updated) are UTC with
 * milliseconds ("2026-03-12T08:14:05.123Z") so that they sort as strings.
 */
#ifndef KR_CLOCK_H
#define KR_CLOCK_H

#include <stddef.h>
#include <time.h>

#define KR_TIME_SIZE 32 /* enough for every format here, with NUL */

/* Local time of t with offset: "YYYY-MM-DDTHH:MM:SS+HH:MM". */
void kr_clock_local_iso(time_t t, char out[KR_TIME_SIZE]);
/* Now, as kr_clock_local_iso. */
void kr_clock_now_local(char out[KR_TIME_SIZE]);
/* Now in UTC with milliseconds: "YYYY-MM-DDTHH:MM:SS.mmmZ". */
void kr_clock_now_utc(char out[KR_TIME_SIZE]);
/* Today's local date "YYYY-MM-DD". */
void kr_clock_today(char out[KR_TIME_SIZE]);

/* True when s is "YYYY-MM-DD" and a real calendar date. */
int kr_clock_valid_date(const char *s);
/* True when s is ISO 8601 "YYYY-MM-DDTHH:MM:SS" with optional ".fff" and "Z" or "+HH:MM". */
int kr_clock_valid_iso(const char *s);

/* Write "HH:MM" of an ISO time (local part as written) into out; "--:--" if s is malformed. */
void kr_clock_hhmm(const char *iso, char out[6]);

#endif
