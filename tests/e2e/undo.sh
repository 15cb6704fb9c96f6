#!/bin/sh
# After u (undo) the selection is on the note the undo brought back, not where the cursor
# happened to be: delete the first note of the bijeenkomst, go to the last, undo.
KR="$1"
. "$(dirname "$0")/lib.sh"

"$KR" --db "$DB" demo --no-tui >/dev/null || fail "demo"
first=$(sql "select substr(at, 12, 5) || ' ' || (select label from visit where visit.id = visit_id)
             from observation where deleted_at is null order by at, rowid limit 1")
start
wait_for "Wilgenkrakel"
keys Enter
wait_for "Bezoeken ("
keys n
wait_for "Alle notities (85)"
keys g
wait_for ">$first"
keys d
wait_for "Alle notities (84)"
keys G
wait_gone ">$first"
keys u
wait_for "Alle notities (85)"
wait_for "teruggezet"
# The restored note is the selected one (the > mark), though the cursor was at the end.
screen | grep -qF ">$first" || fail "na u staat de selectie niet op de teruggezette notitie ($first)"

# Nothing is really gone: a note deleted before a restart comes back with u afterwards.
keys d
wait_for "Alle notities (84)"
keys q q q
wait_for "kijkronde-klaar rc=0"
restart
wait_for "Wilgenkrakel"
keys Enter
wait_for "Bezoeken ("
keys n
wait_for "Alle notities (84)"
keys u
wait_for "Alle notities (85)"
wait_for "Verwijderde notitie teruggezet: ${first%% *}"
[ "$(sql "select count(*) from observation where deleted_at is not null")" = 0 ] ||
    fail "de notitie is niet teruggezet"
keys u
wait_for "Er is niets om ongedaan te maken."

# And a bijeenkomst deleted before a restart, with u on the start list.
keys q
wait_for "Bezoeken ("
keys d
wait_for "verwijderen"
keys j
wait_sql "select count(*) from session where deleted_at is not null" 1
keys q
wait_for "kijkronde-klaar rc=0"
restart
wait_for "Bijeenkomsten"
keys u
wait_joined "teruggezet, met al haar bezoeken"
wait_sql "select count(*) from session where deleted_at is null" 1
echo ok
