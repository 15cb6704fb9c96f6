#!/bin/sh
# The networks in tmux (80x24): Tab on the start screen lists them; n makes "Leernetwerk
# Zuidoost" (a name in use is refused in Dutch; d deletes only an empty network), "Zonder
# netwerk" holds the two imported
# bijeenkomsten, v moves each into the new network; the network's screen shows its schools
# and bijeenkomsten in date order with kind, host school, kijkvraag and notes; r renames it;
# Enter opens a bijeenkomst; a tiny window does not crash the screens; a stored name with
# escape sequences stays inert.
KR="$1"
. "$(dirname "$0")/lib.sh"

for s in "s-wilg|De Wilg|2026-01-15|aftrap|Wat doen leerlingen als ze vastlopen bij het lezen?" \
    "s-anker|Het Anker|2026-03-12|vervolg|Hoe gebruiken leerlingen de leesstrategie?"; do
    IFS='|' read -r id school date kind q <<EOF
$s
EOF
    cat >"$TMPD/$id.json" <<EOF
{"format": "kijkronde/1",
 "session": {"id": "$id", "network": null, "host_school": "$school", "date": "$date", "kind": "$kind",
             "basisvaardigheid": "taal", "ontwikkelvraag": null, "kijkvraag": {"id": null, "text": "$q"}},
 "visits": [{"id": "v-$id", "label": "groep 5", "subject": null, "pair": null,
             "started_at": "${date}T09:00:00+01:00", "ended_at": "${date}T09:30:00+01:00"}],
 "observations": [{"id": "o-$id", "visit": "v-$id", "at": "${date}T09:05:00+01:00",
                   "text": "Een leerling pakt de woordenlijst.", "corner": "leerling", "observer": null}]}
EOF
    "$KR" --db "$DB" import "$TMPD/$id.json" >/dev/null || fail "import $id"
done

line_of() { screen | grep -nF -- "$1" | head -n 1 | cut -d: -f1; }

start
wait_for "Tab netwerken"
keys Tab
wait_for "Netwerken"
wait_for "Zonder netwerk"
wait_for "2 bijeenkomsten die bij geen netwerk horen"

# n: a new network; the same name again is refused and the name stays to be corrected.
keys n
wait_for "Naam van het nieuwe netwerk:"
type_text "Leernetwerk Zuidoost"
keys Enter
wait_for "Netwerk 'Leernetwerk Zuidoost' gemaakt."
wait_sql "select count(*) from network where name = 'Leernetwerk Zuidoost' and deleted_at is null" 1
wait_for "0 bijeenkomsten · 0 scholen · 0 open stappen"
keys n
type_text "Leernetwerk Zuidoost"
keys Enter
wait_for "Er is al een netwerk met de naam 'Leernetwerk Zuidoost'"
wait_for "Naam van het nieuwe netwerk:"
keys Escape
wait_for "Niets veranderd."
wait_sql "select count(*) from network where deleted_at is null" 1
# d deletes an empty network after j (one made by mistake).
keys n
type_text "Proefnetwerk"
keys Enter
wait_for "Netwerk 'Proefnetwerk' gemaakt."
keys d
wait_for "Netwerk 'Proefnetwerk' verwijderen? (j/n)"
keys n
wait_for "Niet verwijderd."
keys d
wait_for "verwijderen? (j/n)"
keys j
wait_for "Netwerk 'Proefnetwerk' verwijderd."
wait_sql "select count(*) from network where name = 'Proefnetwerk' and deleted_at is null" 0
screen | grep -qx "  Proefnetwerk *" && fail "Proefnetwerk staat nog in de lijst"
keys Home

# Zonder netwerk: both bijeenkomsten by date; v moves each into the network.
keys Down Enter
wait_for "Bijeenkomsten in volgorde van datum"
wait_for "Scholen: De Wilg, Het Anker"
keys v
wait_for "Bijeenkomst 2026-01-15, De Wilg verplaatsen naar:"
keys Escape
wait_for "Niets verplaatst."
wait_sql "select count(*) from session where network_id is not null" 0
keys v
wait_for "verplaatsen naar:"
keys Enter
wait_for "Bijeenkomst 2026-01-15 verplaatst naar 'Leernetwerk Zuidoost'."
wait_for "Scholen: Het Anker"
keys v Enter
wait_for "Bijeenkomst 2026-03-12 verplaatst naar 'Leernetwerk Zuidoost'."
wait_for "Nog geen bijeenkomsten."
NET=$(sql "select id from network where name = 'Leernetwerk Zuidoost'")
wait_sql "select group_concat(network_id) from (select network_id from session order by date)" "$NET,$NET"

# The network's own screen: schools, and the bijeenkomsten in date order with what they are.
keys q
wait_for "2 bijeenkomsten · 2 scholen · 0 open stappen · 2026-01-15 – 2026-03-12"
screen | grep -qF "Zonder netwerk" && fail "'Zonder netwerk' staat er nog, zonder bijeenkomsten"
keys d
wait_for "Netwerk 'Leernetwerk Zuidoost' heeft 2 bijeenkomsten; verplaats ze eerst"
wait_sql "select count(*) from network where deleted_at is null" 1
keys Enter
wait_for "Scholen: De Wilg, Het Anker"
wait_for "2026-01-15  De Wilg"
wait_for "2026-03-12  Het Anker"
wait_for "aftrapbijeenkomst · Wat doen leerlingen als ze vastlopen bij het lezen?"
wait_for "vervolgbijeenkomst · Hoe gebruiken leerlingen de leesstrategie?"
wait_for "1 notitie"
l1=$(line_of "2026-01-15  De Wilg"); l2=$(line_of "aftrapbijeenkomst · Wat doen"); l3=$(line_of "2026-03-12  Het Anker")
[ "$l1" -lt "$l2" ] && [ "$l2" -lt "$l3" ] || fail "niet in volgorde van datum: $l1 $l2 $l3"
keys '?'
wait_for "Hulp: netwerk"
wait_for "naar een ander netwerk verplaatsen"
keys Space
wait_gone "Hulp: netwerk"

# r renames (with a diacritic); the screen and the database have the new name.
keys r
wait_for "Nieuwe naam van het netwerk:"
keys C-u
type_text "Leernetwerk Zuidoost-Drenthe één"
keys Enter
wait_for "Netwerk hernoemd tot 'Leernetwerk Zuidoost-Drenthe één'."
wait_sql "select name from network where id = '$NET'" "Leernetwerk Zuidoost-Drenthe één"

# A tiny window: no crash, and back at 80x24 the screen is whole again.
tm resize-window -t kr -x 24 -y 6
wait_for "Venster te klein"
keys j
tm resize-window -t kr -x 80 -y 24
wait_for "Scholen: De Wilg, Het Anker"
[ -n "$(app_pid)" ] || fail "kijkronde draait niet meer"

# Enter opens the chosen bijeenkomst (the first: no earlier steps, so no follow-up).
keys Enter
wait_for "Bezoeken (1)"
wait_for "aftrapbijeenkomst · De Wilg · taal · Leernetwerk Zuidoost-Drenthe één"
keys q
wait_for "Bijeenkomsten in volgorde van datum"
# A stored name with escape sequences (as an import or a merge could bring) stays inert.
sql "insert into network(id, name, created_at, updated_at) values ('boos',
     'Boos ' || char(27) || ']0;gehackt' || char(7) || char(27) || '[31mROOD', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"
keys q
wait_for "Leernetwerk Zuidoost-Drenthe één"
wait_for "ROOD"
screen | grep -F "Boos" | grep -qF "�]0;gehackt�" || fail "escape-bytes niet onschadelijk getoond"
[ "$(tm display -p -t kr '#{pane_title}')" != gehackt ] || fail "een netwerknaam veranderde de venstertitel"
keys Tab
wait_for "Tab netwerken"
keys q
wait_for "kijkronde-klaar rc=0"
exit 0
