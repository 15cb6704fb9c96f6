/* SPDX-License-Identifier: MIT */
/* libyaml's English problem and context texts as Dutch (src/yaml/yaml_nl.c); yaml-only. */
#ifndef KR_YAML_NL_H
#define KR_YAML_NL_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Writes a Dutch sentence for a libyaml error into buf (size bytes, always NUL-terminated)
 * and returns its length. problem and context are libyaml's own strings (either may be
 * NULL); context_line is the 1-based line where the construct named by context began, and
 * problem_line the line of the error. reader is true for a reader (encoding) error. Known
 * problems become "ongeldige YAML: <uitleg>", followed by " (in <wat> vanaf regel N)" when
 * the construct began on an earlier line; an unknown problem becomes "de YAML is hier niet
 * geldig". No English text of libyaml is copied.
 */
size_t kr_yaml_explain(char *buf, size_t size, const char *problem, const char *context,
                       size_t context_line, size_t problem_line, bool reader);

#endif
