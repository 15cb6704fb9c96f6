/* SPDX-License-Identifier: MIT */
/* libFuzzer target: any bytes given to the YAML tree loader end in OK or a positioned error. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "kijkronde/ydoc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct kr_ydoc *doc = NULL;
    struct kr_error err;
    enum kr_status st = kr_ydoc_load_mem("fuzz.yaml", (const char *)data, size, &doc, &err);
    if (st == KR_OK)
        kr_ydoc_free(doc);
    else if (!err.msg[0] || strcmp(err.file, "fuzz.yaml") != 0)
        __builtin_trap(); /* every refusal names the file and says why */
    return 0;
}
