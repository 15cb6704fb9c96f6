#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `kijkronde sync` of 10,000 notes (each with its history row: 20,000 changes and their visits
# and bijeenkomsten) against `kijkronde merge` of the same database, whole processes, best of 3:
# the laptop that writes them (its first sync: every row becomes one chunk) and the laptop
# that applies them (an empty database), and then 10,000 edits on an already synced pair.
# Usage: sync_bench.sh BUILDDIR DAY.tsv [NOTES]   (default 10000; goal: each sync < 2 s)
set -euo pipefail
B=$1 DAY=$2 N=${3:-10000}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# secs VAR COMMAND...: best wall time in VAR, best CPU (user + system) time in VAR_cpu
secs() {
    local var=$1 w c
    shift
    read -r w c < <(/usr/bin/time -f '%e %U %S' "$@" 2>&1 >/dev/null | tail -1 | awk '{ print $1, $2 + $3 }')
    declare -g "$var=$(min "$w" "${!var}")"
    local vc="${var}_cpu"
    declare -g "$vc=$(min "$c" "${!vc}")"
}
min() { echo "if ($1 < $2) $1 else $2" | bc; }
K="$B/kijkronde"
"$B/bench/gen_db" "$K" "$T/g.db" "$N" "$DAY" 2>/dev/null
for v in m w a e ea; do declare "best_$v=999" "best_${v}_cpu=999"; done
for run in 1 2 3; do
    rm -rf "$T"/w.db* "$T"/r.db* "$T"/m.db* "$T/dir"
    mkdir "$T/dir"
    cp "$T/g.db" "$T/w.db"
    secs best_m "$K" --db "$T/m.db" merge "$T/g.db"
    secs best_w "$K" --db "$T/w.db" sync "$T/dir"
    secs best_a "$K" --db "$T/r.db" sync "$T/dir"
    rows=$(sqlite3 "$T/w.db" "SELECT count(*) FROM sync_row")
    # 10,000 edits of notes on the writer (with their history rows), then sync both sides
    sqlite3 "$T/w.db" "UPDATE observation SET text = text || ' (bewerkt)', updated_at = '2026-12-03T12:00:00Z'
      WHERE rowid IN (SELECT rowid FROM observation LIMIT $N);
      INSERT INTO observation_version(id, observation_id, at, change, text, corner) SELECT 'bench-' || id, id, '2026-12-03T12:00:00Z', 'bewerkt', text, corner
      FROM observation WHERE updated_at = '2026-12-03T12:00:00Z'"
    secs best_e "$K" --db "$T/w.db" sync "$T/dir"
    secs best_ea "$K" --db "$T/r.db" sync "$T/dir"
done
same=$(cmp -s <("$K" --db "$T/w.db" export latest --format json -o -) <("$K" --db "$T/r.db" export latest --format json -o -) && echo equal || echo DIFFERENT)
for unit in wall CPU; do
    x=""; [ $unit = CPU ] && x=_cpu
    m=best_m$x w=best_w$x a=best_a$x e=best_e$x ea=best_ea$x
    printf 'RESULT\tsync, first sync writing %s notes (%s rows) as one chunk, %s (best of 3)\tmerge of the same database into an empty one\t%s\t%s\n' "$N" "$rows" $unit "${!m}" "${!w}"
    printf 'RESULT\tsync, an empty laptop applying those %s rows, %s (exports %s)\tmerge of the same database into an empty one\t%s\t%s\n' "$rows" $unit "$same" "${!m}" "${!a}"
    printf 'RESULT\tsync, writing %s edited notes (%s changes), %s\tmerge of the whole database into an empty one\t%s\t%s\n' "$N" "$((2 * N))" $unit "${!m}" "${!e}"
    printf 'RESULT\tsync, applying %s edited notes (%s changes), %s\tmerge of the whole database into an empty one\t%s\t%s\n' "$N" "$((2 * N))" $unit "${!m}" "${!ea}"
done
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$same" = equal ]
