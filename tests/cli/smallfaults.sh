#!/bin/sh
# Small faults of issue 20, one check each: an export killed mid-write leaves a temporary
# file that the next export of that file removes; a database copied in as 0644 is made 0600
# with its -wal and -shm; a write lock held by another program is reported as "bezet" after
# the store's busy timeout, not a hang. (A full disk: cli/diskfull.sh.)
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

# 2. A database copied in with mode 0644 (and its -wal and -shm, while another program has
# it open) is private after kijkronde opened it.
command -v sqlite3 >/dev/null || { echo "sqlite3 ontbreekt: skip"; exit 77; }
mkdir "$T/copy"
cp "$T/k.db" "$T/copy/k.db"
chmod 0644 "$T/copy/k.db"
(umask 022; printf 'SELECT count(*) FROM observation;\n.shell sleep 3\n' | sqlite3 "$T/copy/k.db" >/dev/null) &
i=0
while [ ! -e "$T/copy/k.db-shm" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
[ "$(stat -c %a "$T/copy/k.db-shm")" = 644 ] || fail "setup: -shm is not 0644"
"$KR" --db "$T/copy/k.db" sessions >/dev/null || fail "sessions on the copy"
for f in k.db k.db-wal k.db-shm; do
    [ "$(stat -c %a "$T/copy/$f")" = 600 ] || fail "$f is $(stat -c %a "$T/copy/$f"), not 600"
done
wait

# 3. A write lock held by another program: import waits the busy timeout (5 s), then says
# the database is busy and imports nothing.
"$KR" --db "$T/k.db" export latest --format json -o "$T/s.json" >/dev/null || fail "export json"
printf 'BEGIN EXCLUSIVE;\nDELETE FROM observation WHERE 0;\n.shell sleep 12\nCOMMIT;\n' |
    sqlite3 "$T/k.db" >/dev/null 2>&1 &
LOCKPID=$!
sleep 1
before=$(date +%s)
msg=$("$KR" --db "$T/k.db" import "$T/s.json" 2>&1)
rc=$?
took=$(($(date +%s) - before))
[ "$rc" != 0 ] || fail "import went through a held lock"
echo "$msg" | grep -q "de database is bezet door een ander programma" || fail "no busy message: $msg"
[ "$took" -le 8 ] || fail "import waited ${took} s on the lock"
kill "$LOCKPID" 2>/dev/null
wait
LOCKPID=

echo ok
