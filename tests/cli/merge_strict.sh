#!/bin/sh
# merge reads the other database without writing next to it and is as strict as import
# (issue 20.5): the other file stays byte-identical with no -wal/-shm beside it, a WAL
# database whose data sits only in its -wal is merged whole, read-only media work, a
# damaged or hostile database (BLOB text, a time that is none) is refused naming the row
# with nothing merged, and a changed label is reported as a change.
set -u
KR=$1
T=$(mktemp -d)
M="$T/stick"
cleanup() { umount "$M" 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v sqlite3 >/dev/null || { echo "no sqlite3: skip"; exit 77; }
sum() { cat "$@" | sha256sum; }
nothing_beside() {
    for x in "$1-wal" "$1-shm" "$1-journal"; do
        [ -e "$x" ] && fail "$x appeared"
    done
    return 0
}

"$KR" --db "$T/a.db" demo --no-tui >/dev/null || fail "demo"
nothing_beside "$T/a.db"

# 1. A changed label is a change: a visit and a pair renamed on the other laptop.
cp "$T/a.db" "$T/b.db"
sqlite3 "$T/b.db" "UPDATE visit SET label = 'zzz ' || label WHERE rowid = (SELECT min(rowid)
  FROM visit); UPDATE tweetal SET name = 'zzz ' || name WHERE rowid = (SELECT min(rowid)
  FROM tweetal);" || fail "sqlite3 label"
nothing_beside "$T/b.db"
before=$(sum "$T/b.db")
"$KR" --db "$T/a.db" merge "$T/b.db" >"$T/out" 2>&1 || fail "merge labels: $(cat "$T/out")"
grep -q 'niets veranderd' "$T/out" && fail "a changed label reported as no change: $(cat "$T/out")"
grep -q '1 bezoek' "$T/out" || fail "the renamed visit is not reported: $(cat "$T/out")"
grep -q '1 tweetal' "$T/out" || fail "the renamed pair is not reported: $(cat "$T/out")"
[ "$(sqlite3 "$T/a.db" "SELECT count(*) FROM visit WHERE label LIKE 'zzz %'")" = 1 ] ||
    fail "the label did not arrive"
[ "$(sum "$T/b.db")" = "$before" ] || fail "merge changed the other database"
nothing_beside "$T/b.db"
"$KR" --db "$T/a.db" merge "$T/b.db" >"$T/out" 2>&1 || fail "merge twice"
grep -q 'niets veranderd' "$T/out" || fail "second merge changed something: $(cat "$T/out")"

# 2. A WAL database whose new note sits only in its -wal (the other laptop's kijkronde was
# still open, or stopped without a checkpoint): the note arrives, both files stay as they
# are, and no -shm appears beside them.
cp "$T/a.db" "$T/c.db"
sqlite3 "$T/c.db" "PRAGMA journal_mode = wal; PRAGMA wal_autocheckpoint = 0;
  INSERT INTO observation(id, visit_id, at, text, created_at, updated_at) SELECT 'wal-note-1',
  id, '2026-03-12T09:14:05+01:00', 'alleen in de wal', '2026-03-12T08:14:05.000Z',
  '2026-03-12T08:14:05.000Z' FROM visit LIMIT 1;" \
    ".shell cp '$T/c.db' '$T/d.db'; cp '$T/c.db-wal' '$T/d.db-wal'" >/dev/null || fail "sqlite3 wal"
[ -s "$T/d.db-wal" ] || fail "setup: no -wal with data"
[ "$(sqlite3 "file:$T/d.db?immutable=1" "SELECT count(*) FROM observation WHERE id =
  'wal-note-1'")" = 0 ] || fail "setup: the note is in the main file, not only in the -wal"
before=$(sum "$T/d.db" "$T/d.db-wal")
mkdir "$T/tmp"
TMPDIR="$T/tmp" "$KR" --db "$T/a.db" merge "$T/d.db" >"$T/out" 2>&1 ||
    fail "merge from a WAL db: $(cat "$T/out")"
[ -z "$(find "$T/tmp" -mindepth 1)" ] || fail "the private copy was left behind: $(find "$T/tmp")"
[ "$(sqlite3 "$T/a.db" "SELECT count(*) FROM observation WHERE id = 'wal-note-1'")" = 1 ] ||
    fail "the note in the other -wal was not merged: $(cat "$T/out")"
[ "$(sum "$T/d.db" "$T/d.db-wal")" = "$before" ] || fail "merge changed the other WAL database"
[ -e "$T/d.db-shm" ] && fail "merge left a -shm next to the other database"

# 3. Read-only media (the other pair's USB stick): a read-only tmpfs when mount is allowed,
# else a read-only directory (root ignores that, so the byte-identity above is the proof).
cp "$T/a.db" "$T/e.db"
sqlite3 "$T/e.db" "UPDATE visit SET label = 'zzz2 ' || label WHERE rowid = (SELECT min(rowid)
  FROM visit);" || fail "sqlite3 e"
mkdir -p "$M"
if mount -t tmpfs -o size=16m tmpfs "$M" 2>/dev/null; then
    cp "$T/e.db" "$M/e.db"
    mount -o remount,ro "$M" 2>/dev/null || { umount "$M"; cp "$T/e.db" "$M/e.db"; }
else
    cp "$T/e.db" "$M/e.db"
    chmod 444 "$M/e.db"
    chmod 555 "$M"
fi
before=$(sum "$M/e.db")
"$KR" --db "$T/a.db" merge "$M/e.db" >"$T/out" 2>&1 || fail "merge from read-only: $(cat "$T/out")"
grep -q '1 bezoek' "$T/out" || fail "read-only merge did not merge: $(cat "$T/out")"
[ "$(sum "$M/e.db")" = "$before" ] || fail "merge changed the read-only database"
nothing_beside "$M/e.db"
chmod 755 "$M" 2>/dev/null

# 4. A damaged or hostile other database: refused, naming the row; nothing merged.
damaged() { # NAME SQL PATTERN
    cp "$T/a.db" "$T/$1.db"
    sqlite3 "$T/$1.db" "INSERT INTO observation(id, visit_id, at, text, created_at,
      updated_at) SELECT 'new-$1', id, '2026-03-12T09:14:05+01:00', 'nieuw',
      '2026-03-12T08:14:05.000Z', '2026-03-12T08:14:05.000Z' FROM visit LIMIT 1; $2" ||
        fail "sqlite3 $1"
    target=$(sum "$T/a.db")
    other=$(sum "$T/$1.db")
    "$KR" --db "$T/a.db" merge "$T/$1.db" >"$T/out" 2>&1
    rc=$?
    [ "$rc" = 2 ] || fail "$1: exit $rc, expected 2: $(cat "$T/out")"
    grep -q -- "$3" "$T/out" || fail "$1: unclear message: $(cat "$T/out")"
    grep -q 'niets samengevoegd' "$T/out" || fail "$1: does not say nothing was merged"
    grep -q "$1.db" "$T/out" || fail "$1: message does not name the file"
    [ "$(sum "$T/a.db")" = "$target" ] || fail "$1: the target changed"
    [ "$(sum "$T/$1.db")" = "$other" ] || fail "$1: the other database changed"
    nothing_beside "$T/$1.db"
}
damaged blob "UPDATE observation SET text = x'00ff' WHERE id = (SELECT max(id) FROM
  observation WHERE id <> 'new-blob')" 'notitie ".*", veld text: is binaire gegevens'
damaged badtime "UPDATE observation SET at = 'gisteren' WHERE id = (SELECT max(id) FROM
  observation WHERE id <> 'new-badtime')" 'veld at: ongeldige tijd "gisteren"'
damaged badutf "UPDATE visit SET label = CAST(x'41ff42' AS TEXT) WHERE rowid = 1" \
    'bezoek ".*", veld label: is geen geldige tekst'
damaged corner "PRAGMA ignore_check_constraints = 1; UPDATE observation_version SET corner = 'plafond' WHERE rowid = 1" \
    'versie ".*", veld corner: onbekende waarde "plafond"'
damaged ctrlid "UPDATE session SET kijkvraag_id = NULL, network_id = char(27) || '[2J'" \
    'bijeenkomst ".*", veld network_id: bevat een besturingsteken'
long=$(awk 'BEGIN { for (i = 0; i < 10001; i++) printf "a" }')
damaged long "UPDATE observation SET text = '$long' WHERE id = 'new-long'" \
    'veld text: is te lang: 10001 tekens, hoogstens 10000'
# and the escape sequence itself never reaches the terminal
grep -q "$(printf '\033')" "$T/out" && fail "a control byte reached the terminal"
echo ok
