#!/bin/sh
# The follow-up of next steps in tmux (80x24): two bijeenkomsten of BLN Noord with next steps
# (imported), then a new bijeenkomst at De Wilg made in the TUI. It shows the open steps of the
# earlier ones, De Wilg's first; s skips it, it does not come up a second time, o brings it
# back; 2 records "bezig" with a sentence, stored with the step (follow_up_session = the new
# bijeenkomst) and in the JSON export; 3 then Esc changes nothing, 0 takes it back; letters
# typed while the window is too small go into the sentence; b goes straight to a visit. A
# fourth bijeenkomst gets the "bezig" step again, and 0 there puts the earlier "bezig" back.
KR="$1"
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null 2>&1 || { echo "jq ontbreekt"; exit 77; }

A="Leraren laten leerlingen eerst zelf een hulpmiddel pakken."
B="Het team spreekt af welke woordkaarten in elke groep hangen."
# A step with a pupil's name: the screen shows it without (C_SHOWN), at every school.
C="De schoolleiding plant met Emma een consultatie."
C_SHOWN="De schoolleiding plant met een leerling een consultatie."
cat >"$TMPD/s1.json" <<EOF
{"format": "kijkronde/1",
 "session": {"id": "s-wilg-1", "network": "BLN Noord", "host_school": "De Wilg", "date": "2026-01-15",
             "kind": "aftrap", "basisvaardigheid": "taal", "ontwikkelvraag": null,
             "kijkvraag": {"id": null, "text": "Wat doen leerlingen als ze vastlopen bij het lezen?"}},
 "visits": [], "observations": [],
 "next_steps": [{"id": "st-a", "text": "$A", "actor": "leraren", "horizon": "maand", "evidence": [], "follow_up": null},
                {"id": "st-b", "text": "$B", "actor": "team", "horizon": "schooljaar", "evidence": [], "follow_up": null}]}
EOF
cat >"$TMPD/s2.json" <<EOF
{"format": "kijkronde/1",
 "session": {"id": "s-anker", "network": "BLN Noord", "host_school": "Het Anker", "date": "2026-02-10",
             "kind": "vervolg", "basisvaardigheid": "taal", "ontwikkelvraag": null,
             "kijkvraag": {"id": null, "text": "Hoe gebruiken leerlingen de leesstrategie?"}},
 "visits": [], "observations": [],
 "next_steps": [{"id": "st-c", "text": "$C", "actor": "schoolleiding", "horizon": "maand", "evidence": [], "follow_up": null}]}
EOF
"$KR" --db "$DB" import "$TMPD/s1.json" >/dev/null || fail "import s1"
"$KR" --db "$DB" import "$TMPD/s2.json" >/dev/null || fail "import s2"

# line_of TEXT: the screen row TEXT is on (empty when absent).
line_of() { screen | grep -nF -- "$1" | head -n 1 | cut -d: -f1; }

start
wait_for "Bijeenkomsten"
# A new bijeenkomst of the network at De Wilg (today: later than both).
keys n
wait_for "Nieuwe bijeenkomst"
type_text "BLN Noord"; keys Enter
type_text "De Wilg"; keys Enter
keys Enter Enter
type_text "Hoe zetten leerlingen zelf een hulpmiddel in?"; keys Enter
type_text "Wat doen leerlingen als ze een woord niet kennen?"; keys Enter
type_text "Anna & Bram"
keys C-s
wait_for "Opvolging: wat werd er van de volgende stappen?"
NEW=$(sql "select id from session where date > '2026-02-10'")
[ -n "$NEW" ] || fail "de nieuwe bijeenkomst staat niet in de database"
wait_for "Eerdere bijeenkomsten van BLN Noord"
wait_for "Stappen van De Wilg (deze school)"
wait_for "Stappen van de andere scholen"
# De Wilg's steps come first, each with where it comes from and that it is still open.
h1=$(line_of "Stappen van De Wilg (deze school)"); la=$(line_of "$A"); lb=$(line_of "$B")
h2=$(line_of "Stappen van de andere scholen"); lc=$(line_of "$C_SHOWN")
screen | grep -q "Emma" && fail "de naam in de stap van een andere school staat op het scherm"
[ "$h1" -lt "$la" ] && [ "$la" -lt "$h2" ] && [ "$lb" -lt "$h2" ] && [ "$h2" -lt "$lc" ] ||
    fail "volgorde: deze school $h1, A $la, B $lb, andere $h2, C $lc"
wait_for "2026-02-10 · Het Anker · Schoolleiding · deze maand"
[ "$(screen | grep -cF '[open]')" = 3 ] || fail "niet drie open stappen"

# s skips: the bijeenkomst screen says what waits, and the follow-up does not come up again.
keys s
wait_for "Bezoeken (0)"
wait_for "3 stappen van eerdere bijeenkomsten nog op te volgen: o"
keys q
wait_for "Bijeenkomsten"
keys Enter
wait_for "Bezoeken (0)"
sleep 0.5
screen | grep -qF "Opvolging: wat werd" && fail "de opvolging kwam een tweede keer"

# o brings it back; 2 on the first step (De Wilg's A): bezig, with a sentence.
keys o
wait_for "Opvolging: wat werd er van de volgende stappen?"
keys '?'
wait_for "Hulp: opvolging"
wait_for "gedaan, bezig, niet gedaan"
keys Space
wait_gone "Hulp: opvolging"
keys 2
wait_for "Opvolging: bezig. Wat zag of hoorde de groep?"
wait_for "Enter bewaren"
type_text "In groep 5 en 6 pakken leerlingen de woordkaart, "
# The window too small while typing: no crash, and the letters go on into the sentence.
tm resize-window -t kr -x 30 -y 8
wait_for "Venster te klein"
type_text "in groep 7 nog niet."
tm resize-window -t kr -x 80 -y 24
wait_for "Opvolging: bezig. Wat zag"
wait_for "in groep 7 nog niet."
keys Enter
wait_for "Opvolging bewaard: bezig."
wait_for "[bezig]"
wait_for "→ bezig: In groep 5 en 6 pakken leerlingen de woordkaart"
SENT="In groep 5 en 6 pakken leerlingen de woordkaart, in groep 7 nog niet."
wait_sql "select follow_up_status || '|' || follow_up_session_id || '|' || follow_up_text from next_step where id = 'st-a'" \
    "bezig|$NEW|$SENT"
[ "$(sql "select count(*) from next_step where follow_up_status is not null")" = 1 ] ||
    fail "meer dan één stap opgevolgd"

# The export of the first bijeenkomst carries the follow-up with the step.
"$KR" --db "$DB" export s-wilg-1 --format json >"$TMPD/e.json" || fail "export json"
got=$(jq -r '.next_steps[] | select(.id == "st-a") | .follow_up | "\(.session)|\(.status)|\(.text)"' "$TMPD/e.json")
[ "$got" = "$NEW|bezig|$SENT" ] || fail "export follow_up: '$got'"
got=$(jq -r '.next_steps[] | select(.id == "st-b") | .follow_up' "$TMPD/e.json")
[ "$got" = "null" ] || fail "export: B is opgevolgd: '$got'"

# B: 3 and Esc change nothing; then 3 with a sentence is "niet gedaan".
keys Down
keys 3
wait_for "Opvolging: niet gedaan."
type_text "Nog niet besproken"
keys Escape
wait_for "Niets veranderd."
[ "$(sql "select coalesce(follow_up_status, '-') from next_step where id = 'st-b'")" = "-" ] ||
    fail "Esc bewaarde toch een opvolging"
keys 3
type_text "Er is nog geen afspraak gemaakt."
keys Enter
wait_for "Opvolging bewaard: niet gedaan."
wait_sql "select follow_up_status || '|' || follow_up_text from next_step where id = 'st-b'" \
    "niet-gedaan|Er is nog geen afspraak gemaakt."
# 0 takes it back.
keys 0
wait_for "Opvolging gewist."
wait_sql "select coalesce(follow_up_status, '-') from next_step where id = 'st-b'" "-"
wait_sql "select follow_up_status from next_step where id = 'st-a'" "bezig"

# Back on the bijeenkomst: what was recorded and what waits.
keys s
wait_for "2 stappen van eerdere bijeenkomsten nog op te volgen: o"

# Another run: the follow-up came up for this bijeenkomst on this laptop already, so it does
# not push itself again; o brings it back, with A recorded here; b goes to a visit.
keys q q
wait_for "kijkronde-klaar rc=0"
restart
wait_for "Bijeenkomsten"
keys Enter
wait_for "nog op te volgen: o"
screen | grep -q "Opvolging: wat werd er" && fail "de opvolging kwam bij een volgende start weer vanzelf"
keys o
wait_for "Opvolging: wat werd er van de volgende stappen?"
wait_for "→ bezig: In groep 5 en 6"
keys b
wait_for "Nieuw klassenbezoek"
keys Escape
wait_for "Bezoeken (0)"
keys q q
wait_for "kijkronde-klaar rc=0"

# A fourth bijeenkomst, later still: A ("bezig" at the third) comes back to be followed up
# again, with what was said then; gedaan here replaces it, and 0 puts the "bezig" back.
cat >"$TMPD/s4.json" <<EOF
{"format": "kijkronde/1",
 "session": {"id": "s-anker-2", "network": "BLN Noord", "host_school": "Het Anker", "date": "2099-01-20",
             "kind": "afronding", "basisvaardigheid": "taal", "ontwikkelvraag": null,
             "kijkvraag": {"id": null, "text": "Wat doen leerlingen met de woordkaart?"}},
 "visits": [], "observations": []}
EOF
"$KR" --db "$DB" import "$TMPD/s4.json" >/dev/null || fail "import s4"
restart
wait_for "Bijeenkomsten"
keys Enter
wait_for "Opvolging: wat werd er van de volgende stappen?"
wait_for "Stappen van Het Anker (deze school)"
wait_for "[nog bezig?]"
wait_for "Vorige keer: bezig — In groep 5 en 6 pakken leerlingen"
lc=$(line_of "$C_SHOWN"); la=$(line_of "$A")
screen | grep -q "Emma" && fail "de naam in een stap staat op het scherm"
[ "$lc" -lt "$la" ] || fail "Het Ankers stap C niet boven A van De Wilg: C $lc, A $la"
[ "$(screen | grep -cF '[open]')" = 2 ] || fail "niet B en C open"
keys Down
keys 1
type_text "Alle groepen pakken nu zelf de woordkaart."
keys Enter
wait_for "Opvolging bewaard: gedaan."
wait_sql "select follow_up_status || '|' || follow_up_session_id from next_step where id = 'st-a'" "gedaan|s-anker-2"
keys 0
wait_for "Opvolging gewist."
wait_sql "select follow_up_status || '|' || follow_up_session_id || '|' || follow_up_text from next_step where id = 'st-a'" \
    "bezig|$NEW|$SENT"
wait_for "[nog bezig?]"
keys s q q
wait_for "kijkronde-klaar rc=0"
exit 0
