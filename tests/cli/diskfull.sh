#!/bin/sh
# A full disk is called a full disk, with what to do about it, not "lees- of schrijffout":
# opening a database on a full disk (SQLite's -shm fails with an I/O error, ENOSPC under it),
# importing into one, and writing an export to one. Needs a small tmpfs (root in a container
# that allows mount); skips otherwise.
set -u
KR=$1
T=$(mktemp -d)
M="$T/full"
cleanup() { umount "$M" 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
mkdir -p "$M"
mount -t tmpfs -o size=2m tmpfs "$M" 2>/dev/null || { echo "mount not allowed: skip"; exit 77; }
"$KR" --db "$T/k.db" demo --no-tui >/dev/null || fail "demo"
"$KR" --db "$T/k.db" export latest --format json -o "$T/s.json" >/dev/null || fail "export"
"$KR" --db "$M/k.db" demo --no-tui >/dev/null || fail "demo on the tmpfs"
dd if=/dev/zero of="$M/fill" bs=4k 2>/dev/null # fill the disk to the last block
full_msg() { # CMD...: fails with exit 2 and says the disk is full, with the hint
    out=$("$KR" "$@" 2>&1 </dev/null)
    rc=$?
    [ "$rc" = 2 ] || fail "$*: exit $rc, expected 2: $out"
    echo "$out" | grep -q "de schijf is vol; maak ruimte vrij" || fail "$*: not called a full disk: $out"
    echo "$out" | grep -q "lees- of schrijffout" && fail "$*: still 'lees- of schrijffout': $out"
    return 0
}
# Reading needs no room: sessions lists the bijeenkomsten, or says the disk is full.
out=$("$KR" --db "$M/k.db" sessions 2>&1 </dev/null) && echo "$out" | grep -q "Wilgenkrakel" ||
    full_msg --db "$M/k.db" sessions
full_msg --db "$M/k.db" import "$T/s.json"
for f in csv md html json; do
    full_msg --db "$T/k.db" export latest --format $f -o "$M/x.$f"
    [ ! -e "$M/x.$f" ] || fail "a half export $f was left"
done
ls "$M" | grep -q "tmp-" && fail "a temporary was left: $(ls "$M")"
# With room again everything works.
rm -f "$M/fill"
"$KR" --db "$M/k.db" import "$T/s.json" >/dev/null || fail "import with room"
[ "$("$KR" --db "$M/k.db" sessions | wc -l)" -ge 2 ] || fail "sessions with room"
echo ok
