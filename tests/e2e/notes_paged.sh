#!/bin/sh
# The notes screen on more notes than it holds (issue 21: it reads pages through SQL, a
# window of at most 300 notes): the count in the title is the bijeenkomst's, End shows the
# last note, Home the first, 30 x PgDn from the top walks past the window's edge onto the
# note the database has at that place, and a search finds one note among 1,085.
KR="$1"
. "$(dirname "$0")/lib.sh"

"$KR" --db "$DB" demo --no-tui >/dev/null || fail "demo"
live="deleted_at IS NULL"
sql "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 1000)
     INSERT INTO observation(id, visit_id, at, text, created_at, updated_at)
     SELECT printf('pg-%04d', i), (SELECT id FROM visit ORDER BY started_at LIMIT 1),
            printf('2026-03-12T23:%02d:%02d+01:00', i / 60 % 60, i % 60),
            printf('Paginanotitie %04d: een leerling telt hardop tot tien.', i), 'x', 'x' FROM c"
all=$(sql "select count(*) from observation where $live")
[ "$all" -gt 1000 ] || fail "notes not added: $all"
# the note at place N (0 = first) of the list, as the database orders it
nth() { sql "select text from observation where $live order by at, created_at, id limit 1 offset $1"; }

start
wait_for "Wilgenkrakel"
keys Enter
wait_for "Bezoeken ("
keys n
wait_for "Alle notities ($all)"
wait_for "Paginanotitie 1000" # it opens on the newest notes
keys Home
first=$(nth 0)
wait_for "$(printf '%s' "$first" | cut -c1-40)"
# The page is the list's rows less one: at 80x24, 17 rows, so 16 notes a PgDn.
i2=0
while [ $i2 -lt 30 ]; do keys NPage; i2=$((i2 + 1)); done
want=$(nth 480)
wait_for "$(printf '%s' "$want" | cut -c1-40)"
screen | grep "^ >" | grep -qF "$(printf '%s' "$want" | cut -c1-24)" ||
    fail "the selected row is not note 481 ($want)"
keys End
wait_for "Paginanotitie 1000"
keys Up Up
i3=0 # the two keys are read in their own time: wait for the selection, then judge
while [ $i3 -lt 50 ] && ! screen | grep "^ >" | grep -qF "Paginanotitie 0998"; do sleep 0.1; i3=$((i3 + 1)); done
screen | grep "^ >" | grep -qF "Paginanotitie 0998" || fail "Up from the end did not select note 998"

keys /
type_text "0777"
keys Enter
wait_for "Alle notities (1) · filter: alle notities · zoek: \"0777\""
wait_for "Paginanotitie 0777"
keys /
keys Escape
wait_for "Alle notities ($all)"
echo ok
