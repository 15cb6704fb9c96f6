#!/bin/sh
# Every command named in --help answers COMMAND --help and -h: exit 0, text on stdout, <= 80 columns.
set -u
KR=$1
fail() { echo "FAIL: $*"; exit 1; }
width() { python3 -c 'import sys; print(max((len(l.rstrip("\n")) for l in sys.stdin), default=0))'; }
out=$("$KR" --help) || fail "--help exit"
[ "$(printf '%s\n' "$out" | width)" -le 80 ] || fail "--help wider than 80 columns"
for opt in --format -o --sep --pseudoniem --met-oordelen --lexicon --no-tui --json; do
    printf '%s\n' "$out" | grep -q -- "$opt" || fail "--help does not list $opt"
done
cmds=$(printf '%s\n' "$out" | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p' | sort -u)
[ "$(printf '%s\n' "$cmds" | wc -l)" -ge 8 ] || fail "found only: $cmds"
for c in $cmds; do
    for h in --help -h; do
        t=$("$KR" "$c" "$h") || fail "$c $h exits $?"
        [ -n "$t" ] || fail "$c $h prints nothing"
        [ "$(printf '%s\n' "$t" | width)" -le 80 ] || fail "$c $h wider than 80 columns"
    done
done
echo ok
