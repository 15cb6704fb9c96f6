#!/bin/sh
# A database on read-only media (a locked USB stick, a read-only share): every command and
# the TUI say so clearly, exit 2, and leave the file exactly as it was. Needs a tmpfs that
# can be remounted read-only (root in a container that allows mount); skips otherwise.
set -u
KR=$1
T=$(mktemp -d)
M="$T/stick"
cleanup() { umount "$M" 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
mkdir -p "$M"
mount -t tmpfs -o size=16m tmpfs "$M" 2>/dev/null || { echo "mount not allowed: skip"; exit 77; }
"$KR" --db "$M/k.db" demo --no-tui >/dev/null || fail "demo"
mount -o remount,ro "$M" 2>/dev/null || { echo "remount ro not allowed: skip"; exit 77; }
before=$(cat "$M"/k.db* | sha256sum)
for cmd in "sessions" "export latest --format csv -o $T/x.csv" "import /dev/null"; do
    # shellcheck disable=SC2086
    out=$("$KR" --db "$M/k.db" $cmd 2>&1 </dev/null)
    rc=$?
    [ "$rc" = 2 ] || fail "$cmd: exit $rc, expected 2"
    echo "$out" | grep -q "alleen-lezen" || fail "$cmd: no clear message: $out"
    echo "$out" | grep -q "niet aangeraakt" || fail "$cmd: does not say the file is untouched: $out"
done
# The TUI says the same before it draws anything (script gives it a terminal).
if command -v script >/dev/null; then
    out=$(TERM=xterm-256color script -qec "$KR --db $M/k.db" /dev/null </dev/null 2>&1)
    echo "$out" | grep -q "alleen-lezen" || fail "TUI: no clear message: $out"
fi
[ "$(cat "$M"/k.db* | sha256sum)" = "$before" ] || fail "the database changed"
echo ok
