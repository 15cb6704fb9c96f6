#!/bin/sh
# A wrong --db is never touched (issue 20.4): a SQLite file of another program (with or
# without an application_id, in rollback or WAL mode) and a database of a newer kijkronde
# stay byte-identical after every command, with no -wal/-shm/-journal next to them; each
# command exits 2 with a clear Dutch message naming the file. kijkronde's own databases
# carry application_id 0x4B524F4E, also an older one that had 0.
set -u
KR=$1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v sqlite3 >/dev/null || { echo "no sqlite3: skip"; exit 77; }
OURS=1263685454

# A good kijkronde database and its JSON, to import into and merge from the wrong files.
"$KR" --db "$T/good.db" demo --no-tui >/dev/null || fail "demo"
"$KR" --db "$T/good.db" export latest --format json -o "$T/good.json" >/dev/null || fail "json"
[ "$(sqlite3 "$T/good.db" 'PRAGMA application_id')" = $OURS ] || fail "a new database has no id"

mkdir "$T/w"
sqlite3 "$T/w/foreign.db" "CREATE TABLE boek(titel TEXT); INSERT INTO boek VALUES ('x');
  PRAGMA user_version = 0; PRAGMA journal_mode = delete;" >/dev/null
sqlite3 "$T/w/foreign-wal.db" "PRAGMA journal_mode = wal; CREATE TABLE boek(titel TEXT);
  INSERT INTO boek VALUES ('y');" >/dev/null
sqlite3 "$T/w/foreign-id.db" "PRAGMA application_id = 305419896; CREATE TABLE network(id);
  CREATE TABLE session(id); CREATE TABLE tweetal(id); CREATE TABLE participant(id);
  CREATE TABLE visit(id); CREATE TABLE observation(id); CREATE TABLE observation_version(id);
  PRAGMA user_version = 1;" >/dev/null
cp "$T/good.db" "$T/w/newer.db"
sqlite3 "$T/w/newer.db" "PRAGMA user_version = 99" || fail "newer"
for x in "$T"/w/*-wal "$T"/w/*-shm "$T"/w/*-journal; do
    [ -e "$x" ] && fail "setup left $x"
done

# check_one FILE PATTERN CMD...: FILE stays byte-identical with nothing beside it; with a
# PATTERN, CMD exits 2 with a message that matches it and names FILE.
check_one() {
    f=$1
    pattern=$2
    shift 2
    before=$(sha256sum <"$T/w/$f")
    out=$("$@" 2>&1 </dev/null)
    rc=$?
    [ "$(sha256sum <"$T/w/$f")" = "$before" ] || fail "$f changed by: $*"
    for x in "$T/w/$f"-wal "$T/w/$f"-shm "$T/w/$f"-journal; do
        [ -e "$x" ] && fail "$x appeared after: $*"
    done
    [ -n "$pattern" ] || return 0
    [ "$rc" = 2 ] || fail "$f: exit $rc, expected 2, after: $* ($out)"
    echo "$out" | grep -q -- "$pattern" || fail "$f: no clear message after $*: $out"
    echo "$out" | grep -q "$f" || fail "$f: message does not name the file: $out"
}

for f in foreign.db foreign-wal.db foreign-id.db newer.db; do
    case $f in
    newer.db) msg="gemaakt door een nieuwere kijkronde" ;;
    *) msg="dit is geen kijkronde-database" ;;
    esac
    db="$T/w/$f"
    check_one "$f" "$msg" "$KR" --db "$db" sessions
    check_one "$f" "$msg" "$KR" --db "$db" sessions --json
    check_one "$f" "$msg" "$KR" --db "$db" patterns latest
    check_one "$f" "$msg" "$KR" --db "$db" export latest --format md
    check_one "$f" "$msg" "$KR" --db "$db" export latest --format json -o "$T/x.json"
    check_one "$f" "$msg" "$KR" --db "$db" import "$T/good.json"
    check_one "$f" "$msg" "$KR" --db "$db" merge "$T/good.db"
    check_one "$f" "$msg" "$KR" --db "$db" demo --no-tui
    # merge FROM it: refused too, and the good database is left as it was
    good_before=$(sha256sum <"$T/good.db")
    check_one "$f" "$msg" "$KR" --db "$T/good.db" merge "$db"
    [ "$(sha256sum <"$T/good.db")" = "$good_before" ] || fail "merge from $f changed good.db"
    check_one "$f" "" "$KR" --db "$db" check "de leerlingen werken samen"
    # The TUI: without a terminal, and with one (script), it refuses before drawing.
    check_one "$f" "$msg" "$KR" --db "$db"
    if command -v script >/dev/null; then
        check_one "$f" "" env TERM=xterm-256color timeout 10 script -qec "$KR --db $db" /dev/null
        out=$(TERM=xterm-256color timeout 10 script -qec "$KR --db $db" /dev/null </dev/null 2>&1)
        echo "$out" | grep -q "$msg" || fail "TUI on $f: no clear message: $out"
    fi
done

# A foreign WAL database whose data sits in its -wal (its program crashed or still runs):
# opening it read-write would bring the -wal in and checkpoint it. Both files stay as they
# are and no -shm appears.
sqlite3 "$T/x.db" "PRAGMA journal_mode = wal; CREATE TABLE boek(titel TEXT);
  INSERT INTO boek VALUES ('z');" ".shell cp '$T/x.db' '$T/w/hot.db'; cp '$T/x.db-wal' '$T/w/hot.db-wal'" >/dev/null
[ -s "$T/w/hot.db-wal" ] || fail "setup: no -wal with data"
for cmd in "sessions" "import $T/good.json" ""; do
    before=$(cat "$T/w/hot.db" "$T/w/hot.db-wal" | sha256sum)
    # shellcheck disable=SC2086
    out=$("$KR" --db "$T/w/hot.db" $cmd 2>&1 </dev/null)
    rc=$?
    [ "$rc" = 2 ] || fail "hot.db $cmd: exit $rc ($out)"
    echo "$out" | grep -q "dit is geen kijkronde-database" || fail "hot.db $cmd: $out"
    [ "$(cat "$T/w/hot.db" "$T/w/hot.db-wal" | sha256sum)" = "$before" ] || fail "hot.db changed: $cmd"
    [ -e "$T/w/hot.db-shm" ] && fail "hot.db-shm appeared: $cmd"
done
before=$(cat "$T/w/hot.db" "$T/w/hot.db-wal" | sha256sum)
"$KR" --db "$T/good.db" merge "$T/w/hot.db" >/dev/null 2>&1 && fail "merge from hot.db"
[ "$(cat "$T/w/hot.db" "$T/w/hot.db-wal" | sha256sum)" = "$before" ] || fail "hot.db changed: merge"
[ -e "$T/w/hot.db-shm" ] && fail "hot.db-shm appeared: merge"

# An empty file becomes a new kijkronde database.
: >"$T/empty.db"
"$KR" --db "$T/empty.db" sessions >/dev/null || fail "an empty file is refused"
[ "$(sqlite3 "$T/empty.db" 'PRAGMA application_id')" = $OURS ] || fail "empty file: no id"

# An older kijkronde database (id 0, kijkronde's tables) is ours and gets the id.
cp "$T/good.db" "$T/old.db"
sqlite3 "$T/old.db" "PRAGMA application_id = 0"
"$KR" --db "$T/old.db" sessions >"$T/out" || fail "an older kijkronde database is refused"
grep -q . "$T/out" || fail "older database: no sessions"
[ "$(sqlite3 "$T/old.db" 'PRAGMA application_id')" = $OURS ] || fail "older database: no id"
echo ok
