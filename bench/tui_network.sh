#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The network screens and the follow-up at a coordinator's scale, key to screen in tmux (80x24):
# 70,000 notes in 584 bijeenkomsten over 20 networks (about 30 each, 6 schools), 5 next steps
# per bijeenkomst, none followed up. Against the bijeenkomst screen as it was (Enter on the first
# bijeenkomst of a network: no earlier steps), measured in the same run; best of 3 each.
# Usage: tui_network.sh BUILDDIR DAY.tsv [NOTES]   (default 70000)
set -euo pipefail
B=$1 DAY=$2 NOTES=${3:-70000}
command -v tmux >/dev/null || { echo "tmux ontbreekt"; exit 77; }
T=$(mktemp -d)
SOCK="kr-bench-$$-0"
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$T"' EXIT
"$B/bench/gen_db" "$B/kijkronde" "$T/g.db" "$NOTES" "$DAY" >/dev/null 2>&1
sqlite3 "$T/g.db" "
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 19)
INSERT INTO network(id, name, created_at, updated_at) SELECT printf('net-%02d', i),
  printf('Leernetwerk %02d', i), '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM n;
UPDATE session SET network_id = printf('net-%02d', (rowid - 1) % 20),
  host_school = printf('School %d', ((rowid - 1) / 20) % 6);
WITH RECURSIVE k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < 4)
INSERT INTO next_step(id, session_id, text, actor, horizon, evidence, position, created_at, updated_at)
  SELECT s.id || '-st' || k.j, s.id, 'Leraren laten leerlingen eerst zelf een hulpmiddel pakken, stap ' || k.j,
  'leraren', 'maand', '[]', k.j, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM session s, k;"
newest_open=$(sqlite3 "$T/g.db" "select count(*) from next_step x join session s on s.id = x.session_id
  where s.network_id = (select network_id from session order by date desc limit 1)
  and s.id != (select id from session order by date desc limit 1)")

t() { tmux -L "$SOCK" "$@"; }
now() { date +%s%N; }
waitt() {
    local i=0
    while [ $i -lt 4000 ]; do
        t capture-pane -p -t kr | grep -qF -- "$1" && return 0
        sleep 0.005
        i=$((i + 1))
    done
    echo "tekst '$1' niet op het scherm" >&2
    t capture-pane -p -t kr >&2
    exit 1
}
# key KEYS TEXT...: seconds from sending KEYS until every TEXT is on the screen
key() {
    local k=$1 a b
    shift
    a=$(now)
    t send-keys -t kr "$k"
    for x in "$@"; do waitt "$x"; done
    b=$(now)
    echo "scale=4; ($b - $a) / 1000000000" | bc
}
best() { printf '%s\n' "$@" | sort -g | head -n 1; }

declare -a base follow nets net
for run in 1 2 3; do
    # a fresh copy without the last run's -wal and -shm (its follow-up already marked as seen)
    rm -f "$T/r.db" "$T/r.db-wal" "$T/r.db-shm"
    cp "$T/g.db" "$T/r.db"
    t kill-server 2>/dev/null || true
    SOCK="kr-bench-$$-$run" # a new server each run: the last one may still be exiting
    t -f /dev/null new-session -d -s kr -x 80 -y 24 \
        "env TERM=xterm-256color LANG=C.UTF-8 '$B/kijkronde' --db '$T/r.db'; sleep 600"
    waitt "bezoeken, "
    sleep 0.3
    # the newest bijeenkomst: its follow-up of the earlier steps of its network
    follow+=("$(key Enter "Opvolging: wat werd" "[open]")")
    t send-keys -t kr s; waitt "Bezoeken ("; t send-keys -t kr q; waitt "Tab netwerken"
    # the oldest: the first of its network, the bijeenkomst screen as before
    t send-keys -t kr End; sleep 0.3
    base+=("$(key Enter "Bezoeken (")")
    t send-keys -t kr q; waitt "Tab netwerken"; sleep 0.3
    nets+=("$(key Tab "Leernetwerk 07" "open stappen")")
    sleep 0.3
    net+=("$(key Enter "Bijeenkomsten in volgorde van datum" "School")")
done
b=$(best "${base[@]}")
printf 'RESULT\tTUI %s notes, 20 networks: Enter on a later bijeenkomst to the follow-up (%s open steps)\tthe bijeenkomst screen (no earlier steps)\t%s\t%s\n' \
    "$NOTES" "$newest_open" "$b" "$(best "${follow[@]}")"
printf 'RESULT\tTUI %s notes, 20 networks: Tab to the list of networks\tthe bijeenkomst screen (no earlier steps)\t%s\t%s\n' \
    "$NOTES" "$b" "$(best "${nets[@]}")"
printf 'RESULT\tTUI %s notes, 20 networks: Enter on a network (30 bijeenkomsten)\tthe bijeenkomst screen (no earlier steps)\t%s\t%s\n' \
    "$NOTES" "$b" "$(best "${net[@]}")"
