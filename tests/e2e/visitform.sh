#!/bin/sh
# A visit cannot start without a tweetal: with "nieuw tweetal" chosen and no names typed,
# Enter on the last field (and Ctrl-S) says what is missing and starts nothing.
KR="$1"
. "$(dirname "$0")/lib.sh"

"$KR" --db "$DB" demo --no-tui >/dev/null || fail "demo"
visits=$(sql "select count(*) from visit")
start
wait_for "Wilgenkrakel"
keys Enter
wait_for "Bezoeken ("
keys b
wait_for "Nieuw klassenbezoek"
keys Left
wait_for "nieuw tweetal: typ de namen"
keys Tab
type_text "groep 5"
keys Tab
type_text "rekenen"
keys Enter
wait_for "Vul het tweetal in"
keys C-s
wait_for "Vul het tweetal in"
screen | grep -qF "Nieuw klassenbezoek" || fail "het bezoek is toch begonnen"
[ "$(sql "select count(*) from visit")" = "$visits" ] || fail "er is een bezoek zonder tweetal gemaakt"
# With the names typed it starts.
type_text "Anna & Bram"
keys C-s
wait_for "Anna & Bram"
wait_sql "select count(*) from visit v join tweetal t on t.id = v.tweetal_id where t.name = 'Anna & Bram'" 1
echo ok
