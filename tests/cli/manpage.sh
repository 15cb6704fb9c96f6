#!/bin/sh
# The man page docs/kijkronde.1: renders with `man -l` without a single warning (also in the C
# locale), has the Dutch sections, and names every command and every option that
# `kijkronde --help` names, every --format of `export --help`, and the program's version.
set -u
KR=$1
SRC=${KR_SOURCE_ROOT:?}
PAGE="$SRC/docs/kijkronde.1"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v man >/dev/null 2>&1 || { echo "SKIP: man (man-db) is not installed"; exit 77; }
[ -f "$PAGE" ] || fail "$PAGE is missing"

for lang in C.UTF-8 C; do
    LC_ALL=$lang MANWIDTH=80 man --warnings -l "$PAGE" >"$T/page.txt" 2>"$T/warn" ||
        fail "man -l exits $? ($lang)"
    [ -s "$T/warn" ] && { cat "$T/warn"; fail "man --warnings -l warns ($lang)"; }
done
LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$PAGE" >"$T/page.txt" 2>/dev/null
[ "$(wc -l <"$T/page.txt")" -ge 100 ] || fail "the rendered page is short: $(wc -l <"$T/page.txt") lines"
grep -q 'één' "$T/page.txt" || fail "UTF-8 (één) does not survive rendering"

for s in NAAM OVERZICHT BESCHRIJVING OPDRACHTEN OPTIES OMGEVING BESTANDEN AFSLUITSTATUS VOORBEELDEN; do
    grep -qx "$s" "$T/page.txt" || fail "no section $s"
done

# The text of one section (heading at column 0 up to the next heading).
section() { awk -v s="$1" '/^[A-Z]/ { on = ($0 == s); next } on' "$T/page.txt"; }

help=$("$KR" --help) || fail "--help exit"
cmds=$(printf '%s\n' "$help" | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p' | sort -u)
[ "$(printf '%s\n' "$cmds" | wc -l)" -ge 8 ] || fail "found only these commands in --help: $cmds"
section OPDRACHTEN >"$T/cmds.txt"
for c in $cmds; do
    # Each command is a tag of its own in OPDRACHTEN: "       demo [--no-tui]".
    grep -qE "^       $c( |$)" "$T/cmds.txt" || fail "OPDRACHTEN does not describe '$c'"
done

opts=$(printf '%s\n' "$help" | grep -oE -- '(^|[ [,])--?[a-zA-Z][a-z-]*' | sed 's/^[ [,]//' | sort -u)
[ "$(printf '%s\n' "$opts" | wc -l)" -ge 12 ] || fail "found only these options in --help: $opts"
for o in $opts; do
    grep -qE -- "(^|[^a-z-])$o([^a-z-]|$)" "$T/page.txt" || fail "the man page does not name $o"
done

formats=$("$KR" export --help | sed -n '1s/.*--format \([a-z|]*\).*/\1/p' | tr '|' ' ')
[ -n "$formats" ] || fail "no --format values in export --help"
section OPTIES >"$T/opts.txt"
for f in $formats; do
    grep -qE "(^|[^a-z])$f([^a-z]|$)" "$T/opts.txt" || fail "OPTIES does not name --format $f"
done

version=$("$KR" --version | sed -n '1s/^kijkronde //p')
tail -n 1 "$T/page.txt" | grep -qF "kijkronde $version" ||
    fail "the page is for $(tail -n 1 "$T/page.txt"), the program is $version"
echo ok
