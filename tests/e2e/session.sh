#!/bin/sh
# The bijeenkomst screen as a coordinator uses it: it shows the ontwikkelvraag and the kind;
# w edits every field (school, basisvaardigheid, ontwikkelvraag, kind, new tweetallen) and
# keeps the kijkvraag's kijkpunten; d asks first, with the number of visits and notes, and
# deletes softly; u on the start screen brings the bijeenkomst back with all its notes.
KR="$1"
. "$(dirname "$0")/lib.sh"


"$KR" --db "$DB" demo --no-tui >/dev/null || fail "demo"
id=$(sql "select id from session")
notes=$(sql "select count(*) from observation where deleted_at is null")
kp=$(sql "select kijkvraag_id || '|' || coalesce(kijkpunten, '') from session")
start
wait_for "Wilgenkrakel"
keys Enter
wait_for "Bezoeken ("
wait_for "Ontwikkelvraag: Hoe houden we bij rekenen hoge verwachtingen vast"
wait_for "vervolgbijeenkomst · Basisschool De Wilgenkrakeling"

# w: the form filled with what is stored; Esc with a change asks once more and keeps all.
keys w
wait_for "Bijeenkomst wijzigen"
wait_for "Basisschool De Wilgenkrakeling"
keys Down
type_text "x"
keys Escape
wait_for "Nog een keer Esc"
keys Escape
wait_for "Niets gewijzigd."
[ "$(sql "select host_school from session")" = "Basisschool De Wilgenkrakeling" ] ||
    fail "Esc bewaarde toch iets"

# Every field: school, basisvaardigheid, ontwikkelvraag, a new tweetal, the kind.
keys w
wait_for "Bijeenkomst wijzigen"
keys Down C-u
type_text "OBS Het Kompas"
keys Down Down Right
wait_for "‹ burgerschap ›"
keys Down C-u
type_text "Hoe leren leerlingen samen beslissen?"
keys Down Down End
type_text "; Eva & Fien"
keys Down
wait_for "‹ vervolgbijeenkomst ›"
keys Right
wait_for "‹ afrondingsbijeenkomst ›"
keys C-s
wait_for "Bijeenkomst gewijzigd."
wait_for "afrondingsbijeenkomst · OBS Het Kompas · burgerschap"
wait_for "Ontwikkelvraag: Hoe leren leerlingen samen beslissen?"
[ "$(sql "select kind || '|' || host_school || '|' || basisvaardigheid || '|' || ontwikkelvraag from session")" = \
    "afronding|OBS Het Kompas|burgerschap|Hoe leren leerlingen samen beslissen?" ] ||
    fail "wijziging niet bewaard: $(sql 'select * from session')"
[ "$(sql "select kijkvraag_id || '|' || coalesce(kijkpunten, '') from session")" = "$kp" ] ||
    fail "de kijkvraag verloor haar kijkpunten"
[ "$(sql "select count(*) from tweetal where name = 'Eva & Fien'")" = 1 ] || fail "nieuw tweetal niet bewaard"
[ "$(sql "select count(*) from tweetal")" = 5 ] || fail "bestaande tweetallen veranderd"
[ "$(sql "select count(*) from session")" = 1 ] || fail "wijzigen maakte een nieuwe bijeenkomst"

# d asks, with the counts; n keeps it.
keys d
wait_joined "Bijeenkomst 'OBS Het Kompas, 2026-03-12' met 7 bezoeken en $notes notities verwijderen? (j/n)"
keys n
wait_for "Niet verwijderd."
[ "$(sql "select count(*) from session where deleted_at is null")" = 1 ] || fail "n verwijderde toch"

# j deletes softly: back on the start screen, nothing lost.
keys d
wait_joined "verwijderen? (j/n)"
keys j
wait_joined "Bijeenkomst 'OBS Het Kompas, 2026-03-12' verwijderd. u: ongedaan maken."
wait_for "Er staan nog geen bijeenkomsten"
wait_sql "select count(*) from session where deleted_at is not null" 1
[ "$(sql "select count(*) from observation where deleted_at is null")" = "$notes" ] || fail "notities weg"
"$KR" --db "$DB" sessions | grep -q "Kompas" && fail "sessions toont de verwijderde bijeenkomst"

# u brings it back, selected, with its notes.
keys u
wait_joined "teruggezet, met al haar bezoeken en notities"
wait_for "OBS Het Kompas"
wait_sql "select count(*) from session where deleted_at is null" 1
keys Enter
wait_for "Bezoeken (7)"
wait_for "afrondingsbijeenkomst · OBS Het Kompas"
"$KR" --db "$DB" sessions | grep -q "Kompas" || fail "sessions toont de teruggezette bijeenkomst niet"
echo ok
