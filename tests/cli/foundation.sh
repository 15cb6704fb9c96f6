#!/bin/sh
# The foundation as a user meets it: --help, --version, demo, sessions, bad --db paths.
set -u
KR=$1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$KR" --version | grep -q '^kijkronde [0-9]' || fail "--version"
"$KR" --version | grep -q '^Copyright (c) 2026 de makers van kijkronde$' || fail "--version copyright"
"$KR" --version | grep -q '^Licentie: MIT; zie LICENSE\.$' || fail "--version licence"
[ -f "${KR_SOURCE_ROOT:-.}/LICENSE" ] || fail "no LICENSE file"
"$KR" --help | grep -q 'demo' || fail "--help lists demo"

"$KR" --db "$T/d/k.db" demo --no-tui >/dev/null || fail "demo --no-tui"
[ "$(stat -c %a "$T/d/k.db")" = 600 ] || fail "database mode is not 0600"
[ "$(stat -c %a "$T/d")" = 700 ] || fail "database directory mode is not 0700"
"$KR" --db "$T/d/k.db" demo --no-tui >/dev/null || fail "demo twice"
n=$("$KR" --db "$T/d/k.db" sessions --json | grep -c '"id"')
[ "$n" = 1 ] || fail "demo twice made $n sessions"
obs=$("$KR" --db "$T/d/k.db" sessions --json | sed -n 's/.*"observations": \([0-9]*\).*/\1/p')
[ "$obs" -ge 60 ] || fail "demo has only $obs observations"
if command -v sqlite3 >/dev/null; then
    [ "$(sqlite3 "$T/d/k.db" 'PRAGMA journal_mode')" = wal ] || fail "journal_mode"
    [ "$(sqlite3 "$T/d/k.db" 'PRAGMA user_version')" -ge 1 ] || fail "user_version"
fi

# KIJKRONDE_DB and XDG_DATA_HOME choose the file when --db is absent.
KIJKRONDE_DB="$T/env.db" "$KR" demo --no-tui >/dev/null || fail "KIJKRONDE_DB"
[ -f "$T/env.db" ] || fail "KIJKRONDE_DB file"
env -u KIJKRONDE_DB XDG_DATA_HOME="$T/xdg" "$KR" sessions >/dev/null || fail "XDG sessions"
[ -f "$T/xdg/kijkronde/kijkronde.db" ] || fail "XDG default path"

# Bad --db: one Dutch sentence naming the path, exit 2, file untouched.
mkdir "$T/map"
"$KR" --db "$T/map" sessions 2>"$T/err" && fail "directory accepted"
[ $? -eq 2 ] || true
grep -q "$T/map" "$T/err" || fail "directory error does not name the path"
printf 'boodschappen\n' >"$T/notes.txt"
"$KR" --db "$T/notes.txt" sessions 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || fail "non-database exit $rc"
grep -q "notes.txt" "$T/err" || fail "non-database error does not name the path"
[ "$(cat "$T/notes.txt")" = boodschappen ] || fail "non-database file was changed"
"$KR" --db /proc/version/k.db sessions 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || fail "unwritable place exit $rc"
grep -q "/proc/version/k.db" "$T/err" || fail "unwritable error does not name the path"

# Usage errors exit 2.
"$KR" --db "$T/d/k.db" bestaatniet 2>/dev/null; [ $? -eq 2 ] || fail "unknown command exit"
"$KR" --db 2>/dev/null; [ $? -eq 2 ] || fail "--db without value"
echo "ok"
