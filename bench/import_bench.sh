#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Re-import of an exported file, whole processes, against a bare sqlite3 json_each insert of the
# same observations, alternated in the same run; and the growth from 2,000 to 8,000 notes.
# Usage: import_bench.sh BUILDDIR DAY.tsv [SIZES]   (default sizes 2000 8000 100000)
set -euo pipefail
B=$1 DAY=$2
shift 2
SIZES=${*:-2000 8000 100000}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
secs() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc; }
declare -A KT
for n in $SIZES; do
    "$B/bench/gen_db" "$B/kijkronde" "$T/g$n.db" "$n" "$DAY" --one-session 2>/dev/null
    "$B/kijkronde" --db "$T/g$n.db" export latest --format json -o "$T/g$n.json" >/dev/null
    best_b=999 best_k=999
    for run in 1 2 3; do
        rm -f "$T"/b.db* "$T"/k.db*
        b=$(secs sqlite3 "$T/b.db" "CREATE TABLE o(id, visit, at, text, corner); INSERT INTO o SELECT json_extract(value, '\$.id'), json_extract(value, '\$.visit'), json_extract(value, '\$.at'), json_extract(value, '\$.text'), json_extract(value, '\$.corner') FROM json_each(readfile('$T/g$n.json'), '\$.observations')")
        k=$(secs "$B/kijkronde" --db "$T/k.db" import "$T/g$n.json")
        best_b=$(echo "if ($b < $best_b) $b else $best_b" | bc)
        best_k=$(echo "if ($k < $best_k) $k else $best_k" | bc)
    done
    KT[$n]=$best_k
    rss=$(/usr/bin/time -f %M "$B/kijkronde" --db "$T/r.db" import "$T/g$n.json" 2>&1 >/dev/null | tail -1)
    size=$(stat -c %s "$T/g$n.json")
    printf 'RESULT\timport of an exported %s-note file (best of 3; max RSS %s MB = %.1fx the %s MB file)\tsqlite3 json_each insert of the same notes\t%s\t%s\n' \
        "$n" "$((rss / 1024))" "$(echo "$rss * 1024 / $size" | bc -l)" "$((size / 1048576))" "$best_b" "$best_k"
    rm -f "$T"/r.db* "$T/g$n.db"*
done
if [ -n "${KT[2000]:-}" ] && [ -n "${KT[8000]:-}" ]; then
    printf 'RESULT\timport growth, 8000 notes against 2000 (goal: ratio <= 6)\timport of 2000 notes\t%s\t%s\n' "${KT[2000]}" "${KT[8000]}"
fi
