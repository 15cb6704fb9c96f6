/* SPDX-License-Identifier: MIT */
/* A boundary probe: code built as src/patterns is (against patterns_dep) that calls libyaml,
   which only src/yaml may. tests/boundaries/probe.sh expects the build's check to refuse it. */
#include <yaml.h>

#include "kijkronde/patterns.h"

const char *kr_probe_yaml(void);

const char *kr_probe_yaml(void)
{
    return yaml_get_version_string();
}
