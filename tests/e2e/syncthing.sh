#!/bin/sh
# kijkronde sync over real Syncthing (issue 17), on loopback only: two Syncthing instances with
# their own config homes, configured before their first start to listen on 127.0.0.1 ports and
# to reach each other only at tcp://127.0.0.1:PORT, with discovery, relays, NAT traversal,
# usage and crash reporting and upgrades off (tests/e2e/syncthing_conf.py). No socket of
# theirs goes anywhere but loopback (checked while they run). A note typed in the TUI of
# laptop A arrives in laptop B's database and on B's screen within a bounded time: first through
# `kijkronde sync` on each side, then through the TUIs' own background sync (a sync folder per
# bijeenkomst), with "2 laptops · HH:MM" in the top bar. Skips (77) without syncthing.
KR="$1"
command -v syncthing >/dev/null 2>&1 || { echo "syncthing ontbreekt"; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "python3 ontbreekt"; exit 77; }
. "$KR_SOURCE_ROOT/tests/e2e/lib.sh"
HERE="$KR_SOURCE_ROOT/tests/e2e"
ST_PIDS=""
cleanup() {
    for p in $ST_PIDS; do kill "$p" 2>/dev/null; done
    for p in $ST_PIDS; do wait "$p" 2>/dev/null; done
    tm kill-server 2>/dev/null
    rm -rf "$TMPD"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
GA=$(free_port); GB=$(free_port); LA=$(free_port); LB=$(free_port)
SA="$TMPD/share-a"; SB="$TMPD/share-b"
mkdir -p "$SA" "$SB"
export HOME="$TMPD" STNOUPGRADE=1 STNODEFAULTFOLDER=1 STNORESTART=1
for x in a b; do
    syncthing generate --home="$TMPD/st-$x" --no-default-folder --skip-port-probing >"$TMPD/gen-$x.log" 2>&1 ||
        fail "syncthing generate $x: $(cat "$TMPD/gen-$x.log")"
done
id_of() { syncthing serve --home="$TMPD/st-$1" --device-id; }
IDA=$(id_of a); IDB=$(id_of b)
python3 "$HERE/syncthing_conf.py" "$TMPD/st-a/config.xml" "$GA" "$LA" "$SA" "$IDB" "$LB" || fail "config a"
python3 "$HERE/syncthing_conf.py" "$TMPD/st-b/config.xml" "$GB" "$LB" "$SB" "$IDA" "$LA" || fail "config b"
grep -q '<localAnnounceEnabled>false' "$TMPD/st-a/config.xml" || fail "config a not rewritten"
for x in a b; do
    syncthing serve --home="$TMPD/st-$x" --no-browser --no-restart --no-upgrade \
        --logfile="$TMPD/st-$x.log" >"$TMPD/st-$x.out" 2>&1 &
    ST_PIDS="$ST_PIDS $!"
done

check_sockets() {
    python3 "$HERE/loopback_only.py" $ST_PIDS >"$TMPD/sock" || fail "$(cat "$TMPD/sock")"
    echo "syncthing: $(cat "$TMPD/sock")"
}

# wait_until SECONDS COMMAND...: poll every 0.5 s.
wait_until() {
    limit=$(($1 * 2)); shift
    n=0
    while ! "$@" >/dev/null 2>&1; do
        n=$((n + 1))
        [ $n -ge $limit ] && return 1
        sleep 0.5
    done
    return 0
}
connected() { grep -q "Established secure connection" "$TMPD/st-a.log" "$TMPD/st-b.log"; }
wait_until 60 connected || fail "the two Syncthings did not connect: $(tail -5 "$TMPD/st-a.log")"
check_sockets

DB_B="$TMPD/b.db"
"$KR" --db "$DB" demo --no-tui >/dev/null || fail "demo"
"$KR" --db "$DB" sync "$SA" >/dev/null || fail "sync a"
"$KR" --db "$DB_B" sync "$SB" >/dev/null || fail "sync b"
b_notes() { sqlite3 "$DB_B" "SELECT count(*) FROM observation WHERE deleted_at IS NULL"; }
b_has() { "$KR" --db "$DB_B" sync "$SB" >/dev/null && [ "$(b_notes)" = "$1" ]; }
wait_until 60 b_has 85 || fail "B did not get A's 85 notes: $(b_notes); $(ls -R "$SB" | head)"
check_sockets

# Both bijeenkomsten get their sync folder: from now on the TUIs sync by themselves (every few
# seconds, in a child process), no more `kijkronde sync` by hand.
"$KR" --db "$DB" sync --stil --bijeenkomst latest "$SA" || fail "folder a"
"$KR" --db "$DB_B" sync --stil --bijeenkomst latest "$SB" || fail "folder b"
# B's TUI shows the bijeenkomst; A types a note in its TUI, in the round.
tm -f /dev/null new-session -d -s krb -x 80 -y 24 \
    "env TERM=xterm-256color LANG=C.UTF-8 '$KR' --db '$DB_B'; sleep 600"
start
wait_for "Basisschool De Wilgenkrakel"
keys Enter
wait_for "groep 3, rekenen"
tm send-keys -t krb Enter
keys Enter
wait_for "Notitie ›"
wait_for "2 laptops · "
type_text "Een jongen telt hardop op zijn vingers tot zeventien."
t0=$(date +%s)
keys Enter
wait_sql "SELECT count(*) FROM observation WHERE text LIKE 'Een jongen telt hardop%'" 1
# It appears on B's screen (the visit's count goes from 12 to 13) within 60 s.
i=0
until tm capture-pane -p -t krb | grep -qF "groep 3, rekenen   Tweetal 1        13 notities"; do
    i=$((i + 1)); [ $i -gt 600 ] && { tm capture-pane -p -t krb; fail "B's screen does not show the note within 60 s"; }
    sleep 0.1
done
echo "note typed in A's TUI on B's screen after $(($(date +%s) - t0)) s"
tm capture-pane -p -t krb | head -1 | grep -q "2 laptops · [0-9][0-9]:[0-9][0-9]" ||
    { tm capture-pane -p -t krb; fail "B's top bar does not show the sync state"; }
[ "$(sqlite3 "$DB_B" "SELECT count(*) FROM observation WHERE text LIKE 'Een jongen telt hardop%'")" = 1 ] ||
    fail "the note is not in B's database"
check_sockets
# Nothing but kijkronde's own files in the shared folders: no database.
for f in $(find "$SA" "$SB" -type f ! -path '*/.stfolder*'); do
    [ "$(head -c 15 "$f")" = "SQLite format 3" ] && fail "database in the shared folder: $f"
done
echo "ok"
