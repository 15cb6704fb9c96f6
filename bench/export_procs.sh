#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Export of one bijeenkomst as whole processes (`kijkronde export`), against `sqlite3 -csv` of the
# same rows from the same file, alternated in the same run (best of 3), at two sizes, so that
# bench/run can print the ratio and the growth exponent. Databases come from bench/gen_db.
# Each process is measured twice: wall time, and CPU time (user + system, from the kernel's
# accounting), which a machine shared with other jobs disturbs far less than the wall time.
# The best of 3 is an export with the verdicts kept by an earlier one (schema 9); the first
# export of a database, which checks every note, is measured once on its own line.
# Usage: export_procs.sh BUILDDIR DAY.tsv [SIZES]   (default sizes 10000 100000)
set -euo pipefail
B=$1 DAY=$2
shift 2
SIZES=${*:-10000 100000}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# run CMD...: prints "WALL CPU" in seconds; a command that fails stops the benchmark
run() {
    /usr/bin/time -f '%e %U %S' -o "$T/time" "$@" >/dev/null 2>"$T/err" ||
        { echo "export_procs: failed: $* ($(cat "$T/err"))" >&2; return 1; }
    awk '{ print $1, $2 + $3 }' "$T/time"
}
min() { echo "if ($1 < $2) $1 else $2" | bc; }
declare -A KT BT
for n in $SIZES; do
    "$B/bench/gen_db" "$B/kijkronde" "$T/g$n.db" "$n" "$DAY" --one-session 2>/dev/null
    sid=$("$B/kijkronde" --db "$T/g$n.db" sessions --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
    q="SELECT o.id, substr(o.at, 1, 10), substr(o.at, 12, 8), v.label, v.subject, o.corner, o.text
       FROM observation o JOIN visit v ON v.id = o.visit_id
       WHERE v.session_id = '$sid' AND o.deleted_at IS NULL ORDER BY o.at, o.created_at, o.id"
    cp "$T/g$n.db" "$T/cold.db"
    x=$(run sqlite3 -csv "$T/cold.db" "$q"); read -r bw bc <<<"$x"
    x=$(run "$B/kijkronde" --db "$T/cold.db" export "$sid" --format csv -o "$T/out.csv"); read -r kw kc <<<"$x"
    printf 'RESULT\texport --format csv, %s notes, first export (every note checked)\tsqlite3 -csv of the same rows\t%s\t%s\n' "$n" "$bw" "$kw"
    printf 'RESULT\texport --format csv, %s notes, first export, CPU\tsqlite3 -csv of the same rows\t%s\t%s\n' "$n" "$bc" "$kc"
    rm -f "$T/cold.db"*
    for f in csv html md json; do
        bbw=999 bkw=999 bbc=999 bkc=999
        for r in 1 2 3; do
            x=$(run sqlite3 -csv "$T/g$n.db" "$q"); read -r bw bc <<<"$x"
            x=$(run "$B/kijkronde" --db "$T/g$n.db" export "$sid" --format "$f" -o "$T/out.$f"); read -r kw kc <<<"$x"
            bbw=$(min "$bw" "$bbw") bkw=$(min "$kw" "$bkw") bbc=$(min "$bc" "$bbc") bkc=$(min "$kc" "$bkc")
        done
        KT[$f,$n]=$bkw BT[$n]=$bbw
        printf 'RESULT\texport --format %s, %s notes (whole process, best of 3)\tsqlite3 -csv of the same rows\t%s\t%s\n' "$f" "$n" "$bbw" "$bkw"
        printf 'RESULT\texport --format %s, %s notes (whole process, CPU, best of 3)\tsqlite3 -csv of the same rows\t%s\t%s\n' "$f" "$n" "$bbc" "$bkc"
    done
    rm -f "$T/g$n.db"* "$T"/out.*
done
set -- $SIZES
if [ $# -ge 2 ]; then
    for f in csv html md json; do
        printf 'GROWTH\texport --format %s\t%s\t%s\t%s\t%s\n' "$f" "$1" "${KT[$f,$1]}" "$2" "${KT[$f,$2]}"
    done
    printf 'GROWTH\tsqlite3 -csv (baseline)\t%s\t%s\t%s\t%s\n' "$1" "${BT[$1]}" "$2" "${BT[$2]}"
fi
