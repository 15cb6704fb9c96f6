/* SPDX-License-Identifier: MIT */
/* Random (version 4) UUIDs for every record kijkronde makes. */
#ifndef KR_UUID_H
#define KR_UUID_H

#define KR_UUID_SIZE 37 /* 36 characters and NUL */

/* Fill out with a new lowercase UUID v4 from the system's random source. */
void kr_uuid_new(char out[KR_UUID_SIZE]);

#endif
