#!/bin/sh
# SPDX-License-Identifier: MIT
# The link boundaries catch a forbidden call. The probes are compiled as a file of
# src/patterns is (against patterns_dep; the system headers are on every include path, so
# they compile); src/tools/boundaries.sh, run with the rule the build gives src/patterns,
# must refuse the SQLite probe and the libyaml probe, naming the call, and pass the clean one.
#
#   probe.sh BOUNDARIES_SH PATTERNS_FAMILIES SQLITE.a YAML.a CLEAN.a
set -u
check=$1 families=$2 sqlite=$3 yaml=$4 clean=$5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

case ",$families," in
    *,sqlite,*) ;; *) echo "FAIL: the rule of src/patterns ($families) allows sqlite"; fail=1 ;;
esac
case ",$families," in
    *,yaml,*) ;; *) echo "FAIL: the rule of src/patterns ($families) allows yaml"; fail=1 ;;
esac

refused() { # LIB FAMILY SYMBOL: the check fails on LIB and names FAMILY and SYMBOL
    if "$check" "$work/stamp" "$1:$families" 2>"$work/err"; then
        echo "FAIL: ${1##*/} calls $3, and the boundary check let it through"
        fail=1
    elif ! grep -q "roept $2 aan" "$work/err" || ! grep -q "$3" "$work/err"; then
        echo "FAIL: ${1##*/}: the message does not name $2 and $3:"
        cat "$work/err"
        fail=1
    fi
    [ ! -e "$work/stamp" ] || { echo "FAIL: stamp written for ${1##*/}"; fail=1; }
    rm -f "$work/stamp"
}
refused "$sqlite" sqlite sqlite3_libversion
refused "$yaml" yaml yaml_get_version_string

if ! "$check" "$work/stamp" "$clean:$families" 2>"$work/err"; then
    echo "FAIL: the clean probe is refused:"
    cat "$work/err"
    fail=1
fi
[ -e "$work/stamp" ] || { echo "FAIL: no stamp for the clean probe"; fail=1; }

[ "$fail" -eq 0 ] && echo "ok: a SQLite or libyaml call from src/patterns fails the build"
exit "$fail"
