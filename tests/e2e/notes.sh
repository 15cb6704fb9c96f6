#!/bin/sh
# All notes of a bijeenkomst: search (SQLite FTS5, by prefix and Snowball stem, quotes and
# dashes taken as text) and the corner filter, counted against the database.
KR="$1"
. "$(dirname "$0")/lib.sh"

"$KR" --db "$DB" demo --no-tui >/dev/null || fail "demo"
live="deleted_at IS NULL"
start
wait_for "Wilgenkrakel"
keys Enter
wait_for "Bezoeken ("
keys n
all=$(sql "select count(*) from observation where $live")
wait_for "Alle notities ($all)"

# "leerlingen" also finds the notes that only say "leerling" (same stem).
keys /
type_text "leerlingen"
keys Enter
n=$(sql "select count(*) from observation where $live and lower(text) like '%leerling%'")
only=$(sql "select count(*) from observation where $live and lower(text) like '%leerling%' and lower(text) not like '%leerlingen%'")
[ "$only" -gt 0 ] || fail "the demo has no note with only 'leerling'"
wait_for "Alle notities ($n) · filter: alle notities · zoek: \"leerlingen\""

# The filter on top of the search: leerling-corner notes among them.
keys f
m=$(sql "select count(*) from observation where $live and lower(text) like '%leerling%' and corner = 'leerling'")
wait_for "Alle notities ($m) · filter: leerling"

# Search text with FTS5 syntax in it is taken as words, and Esc clears the search.
keys /
keys C-u
type_text "NOT \"kralen"
keys Enter
wait_for "zoek: \"NOT \"kralen\""
keys /
keys Escape
wait_gone "zoek:"

# Esc in the list after a search takes the search away and stays; Esc again goes back.
keys /
type_text "kralen"
keys Enter
wait_for "zoek: \"kralen\""
keys Escape
wait_gone "zoek:"
wait_for "Zoeken gewist"
wait_for "Alle notities ("
keys Escape
wait_gone "Alle notities ("
echo ok
