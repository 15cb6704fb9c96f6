#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The network view and report at a coordinator's size (issue 16.5): about 20 networks and 70,000
# notes (bench/gen_db, then bench/network_bench.sql). Whole processes, best of 3, each against a
# bare sqlite3 query over the same rows from the same file, alternated in the same run:
#   network (the list)         vs  the counts per network in one GROUP BY
#   network NAME --json        vs  the network's bijeenkomsten, notes and next steps
#   export --network NAME html vs  the same rows
# Also prints the CPU seconds (user + system) of each kijkronde run, which a busy machine does not
# inflate; fails when the best CPU time of the view or the report reaches 1 s.
# Usage: network_bench.sh BUILDDIR DAY.tsv [NOTES]   (default 70000)
set -euo pipefail
B=$1 DAY=$2 N=${3:-70000}
HERE=$(cd "$(dirname "$0")" && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$B/bench/gen_db" "$B/kijkronde" "$T/g.db" "$N" "$DAY" 2>/dev/null
sqlite3 "$T/g.db" <"$HERE/network_bench.sql"
NET="Leernetwerk 07"
NID=bench-net07
# wall and CPU seconds of one run: "WALL CPU"
run() { /usr/bin/time -f '%e %U %S' -o "$T/time" "$@" >/dev/null 2>&1; awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$T/time"; }
min() { echo "if ($1 < $2) $1 else $2" | bc; }
q_rows="SELECT s.id, s.date, s.kind, s.host_school, s.kijkvraag_text, v.id, o.id, o.at, o.text,
  o.corner FROM session s JOIN visit v ON v.session_id = s.id JOIN observation o ON o.visit_id = v.id
  WHERE s.network_id = '$NID' AND s.deleted_at IS NULL AND o.deleted_at IS NULL
  ORDER BY s.date, o.at, o.id;
  SELECT x.id, x.session_id, x.text, x.actor, x.horizon, x.follow_up_session_id, x.follow_up_status,
  x.follow_up_text FROM next_step x JOIN session s ON s.id = x.session_id
  WHERE s.network_id = '$NID' AND x.deleted_at IS NULL ORDER BY s.date, x.position;"
q_list="SELECT n.id, n.name, count(DISTINCT s.id), count(DISTINCT s.host_school), sum(v.n_live)
  FROM network n LEFT JOIN session s ON s.network_id = n.id LEFT JOIN visit v ON v.session_id = s.id
  GROUP BY n.id ORDER BY n.name;"
fail=0
bench() { # WHAT BASELINE-QUERY KIJKRONDE-ARGS...
    local what=$1 q=$2 bb=999 bk=999 bc=999 w c
    shift 2
    for i in 1 2 3; do
        read -r w c < <(run sqlite3 "$T/g.db" "$q")
        bb=$(min "$w" "$bb")
        read -r w c < <(run "$B/kijkronde" --db "$T/g.db" "$@")
        bk=$(min "$w" "$bk")
        bc=$(min "$c" "$bc")
    done
    printf 'RESULT\t%s, %s notes in 20 networks (whole process, best of 3)\tsqlite3 of the same rows\t%s\t%s\n' \
        "$what" "$N" "$bb" "$bk"
    printf 'CPU\t%s\t%s s\n' "$what" "$bc"
    [ "$(echo "$bc < 1" | bc)" = 1 ] || { echo "FAIL: $what takes $bc s of CPU"; fail=1; }
}
bench "network (the list)" "$q_list" network
bench "network NAME --json" "$q_rows" network "$NET" --json
bench "export --network NAME --format html" "$q_rows" export --network "$NET" --format html -o "$T/r.html"
"$B/kijkronde" --db "$T/g.db" network "$NET" --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("NETWORK\t%d bijeenkomsten, %d notes, %d recurring patterns, %d next steps" % (
    len(d["sessions"]), sum(s["observations"] for s in d["sessions"]), len(d["recurring"]),
    len(d["next_steps"])))'
exit $fail
