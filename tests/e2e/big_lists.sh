#!/bin/sh
# Screens on more than they read at once (issue 21): the start list of 451 bijeenkomsten (read
# 200 at a time) walks past the first page with Down and reaches the last one with End, each
# row the bijeenkomst the database has at that place; the reflection of a bijeenkomst with more
# notes than patterns take (the kept count, faked here) says so at once, with no counts.
KR="$1"
. "$(dirname "$0")/lib.sh"

"$KR" --db "$DB" demo --no-tui >/dev/null || fail "demo"
sql "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 449)
     INSERT INTO session(id, kind, date, basisvaardigheid, kijkvraag_text, is_demo, host_school,
                         created_at, updated_at)
     SELECT printf('big-%03d', i), 'start', date('2001-01-01', printf('+%d days', i)),
            'rekenen-wiskunde', 'Wat?', 0, printf('School %03d', i), 'x', 'x' FROM c;
     INSERT INTO session(id, kind, date, basisvaardigheid, kijkvraag_text, is_demo, host_school,
                         created_at, updated_at)
     VALUES ('big-last', 'start', '1999-12-31', 'rekenen-wiskunde', 'Wat?', 0, 'Laatste School',
             'x', 'x')"
n=$(sql "select count(*) from session where deleted_at is null")
[ "$n" = 451 ] || fail "sessions not added: $n"
# the school at place N (0 = first) of the start list, as the database orders it
nth() { sql "select host_school from session where deleted_at is null
             order by date desc, created_at desc, id limit 1 offset $1"; }

start
wait_for "Wilgenkrakel"
i=0
while [ $i -lt 250 ]; do keys Down; i=$((i + 1)); done
want=$(nth 250)
wait_for "$want"
# The selected row has its own background (the others the terminal's); the keys are read in
# their own time: wait for it.
sel() { screen_e | grep -F "$want" | grep -q "$(printf '\033')\[[0-9;]*4[0-7]m"; }
i=0
while [ $i -lt 50 ] && ! sel; do sleep 0.1; i=$((i + 1)); done
sel || fail "Down x250: $want not selected"
screen_e | grep -F "$(nth 249)" | grep -q "$(printf '\033')\[[0-9;]*4[0-7]m" && fail "two selected"
keys End
wait_for "Laatste School"
screen | grep "Laatste School" | grep -q "1999-12-31" || fail "End: not the last bijeenkomst"
keys Home
wait_for "Wilgenkrakel"

# The reflection of the demo with a kept count above the patterns' limit.
sql "UPDATE session SET n_live = 300001 WHERE is_demo = 1"
keys Enter
wait_for "Bezoeken ("
keys r
wait_for "300001 notities: te veel om patronen te zoeken"
wait_for "Leerling ?"
wait_for "Splits de bijeenkomst"
echo ok
