#!/bin/sh
# SPDX-License-Identifier: MIT
# The screens (and the command line: DIR src/cli) reach the store only through the
# application layer (src/app):
#  - the link check (src/tools/boundaries.sh) with the rule the build gives src/ui refuses a
#    probe built as src/ui is that calls kr_store_path, naming it, and passes one calling
#    kr_app_path;
#  - the include check (src/tools/includes.sh) refuses a file in src/ui that includes
#    kijkronde/store.h (or network.h, sync.h) or calls a kr_store_ function.
#
#   probe_ui.sh BOUNDARIES_SH INCLUDES_SH SOURCE_ROOT FAMILIES STORE.a CLEAN.a [DIR]
#
# FAMILIES is the build's rule for DIR (default src/ui, with UI_FAMILIES; src/cli with
# CLI_FAMILIES); the probes are the same code either way.
set -u
check=$1 includes=$2 root=$3 families=$4 store=$5 clean=$6 dir=${7:-src/ui}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

case ",$families," in
    *,store,*) ;; *) echo "FAIL: the rule of $dir ($families) allows the store"; fail=1 ;;
esac
if "$check" "$work/stamp" "$store:$families" 2>"$work/err"; then
    echo "FAIL: a $dir probe calls kr_store_path, and the boundary check let it through"
    fail=1
elif ! grep -q "roept store aan" "$work/err" || ! grep -q kr_store_path "$work/err"; then
    echo "FAIL: the message does not name the store and kr_store_path:"
    cat "$work/err"
    fail=1
fi
rm -f "$work/stamp"
if ! "$check" "$work/stamp" "$clean:$families" 2>"$work/err"; then
    echo "FAIL: the clean $dir probe is refused:"
    cat "$work/err"
    fail=1
fi

# The include check on a copy of the tree with one bad file in DIR at a time.
mkdir -p "$work/tree"
cp -R "$root/src" "$root/include" "$work/tree/"
if ! "$includes" "$work/tree" 2>"$work/err" >/dev/null; then
    echo "FAIL: the include check refuses the tree as it is:"
    cat "$work/err"
    fail=1
fi
probe() { # FILE-CONTENT WHAT
    printf '%s\n' "$1" >"$work/tree/$dir/probe.c"
    if "$includes" "$work/tree" >/dev/null 2>"$work/err"; then
        echo "FAIL: a file in $dir $2, and the include check let it through"
        fail=1
    elif ! grep -q "$dir" "$work/err"; then
        echo "FAIL: the include check does not say it is $dir ($2):"
        cat "$work/err"
        fail=1
    fi
    rm -f "$work/tree/$dir/probe.c"
}
probe '#include "kijkronde/store.h"' "includes kijkronde/store.h"
probe '# include <kijkronde/network.h>' "includes kijkronde/network.h"
probe '#include "kijkronde/sync.h"' "includes kijkronde/sync.h"
probe 'void f(void) { kr_store_begin (0, 0); }' "calls kr_store_begin"

[ "$fail" -eq 0 ] && echo "ok: $dir calling or including the store fails the build"
exit "$fail"
