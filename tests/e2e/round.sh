#!/bin/sh
# The observation round as a new user does it, at 80x24: from an empty database to a
# bijeenkomst with two visits and ten notes, each in the database the moment Enter
# was pressed; placing, a highlighted judging word, edit and delete with undo, a
# resize to 60x20 and below the minimum, a draft that survives kill -9.
KR="$1"
. "$KR_SOURCE_ROOT/tests/e2e/lib.sh"

notes() { sql "select count(*) from observation where deleted_at is null"; }

start
wait_for "Er staan nog geen bijeenkomsten"
keys n
wait_for "Nieuwe bijeenkomst"
type_text "BLN Noord"; keys Enter
type_text "OBS De Regenboog"; keys Enter
keys Enter            # datum: vandaag
keys Right Right Enter # rekenen-wiskunde
type_text "Hoe houden leerlingen vol bij breuken?"; keys Enter
type_text "Wat doen leerlingen als ze een som niet snappen?"; keys Enter
type_text "Anna & Bram; CvD & EK"
keys C-s
wait_for "Bijeenkomst gemaakt"
[ "$(sql "select basisvaardigheid||'|'||host_school from session")" = "rekenen-wiskunde|OBS De Regenboog" ] ||
    fail "bijeenkomst niet goed bewaard: $(sql 'select * from session')"
[ "$(sql "select count(*) from participant")" = 4 ] || fail "deelnemers niet bewaard"

# First visit.
keys b
wait_for "Nieuw klassenbezoek"
wait_for "Anna & Bram"
keys Enter
type_text "groep 5"; keys Enter
type_text "rekenen"; keys Enter
wait_for "tijd 00:0"
wait_for "Wat doen leerlingen als ze een som niet snappen?"

type_text "Meisje zegt: 'Ik snap 3/4 niet.'"
wait_for "Notitie › Meisje zegt"
keys Enter
wait_sql "select text from observation" "Meisje zegt: 'Ik snap 3/4 niet.'"
wait_for "Bewaard om"
[ "$(sql "select at like '____-__-__T__:__:__+__:__' or at like '____-__-__T__:__:__-__:__' from observation")" = 1 ] ||
    fail "tijd niet in ISO-vorm: $(sql 'select at from observation')"

type_text "Leerling zegt: ‘Ik ben er klaar mee’ en gaat naar de hoek met reëel materiaal, ïs"
keys Enter
wait_sql "select count(*) from observation where text = 'Leerling zegt: ‘Ik ben er klaar mee’ en gaat naar de hoek met reëel materiaal, ïs'" 1
wait_for "Leerling zegt: ‘Ik ben er klaar mee’"

# A pupil's name is marked with its hint, but the note is not a judging one: saved without
# "Met oordeelwoorden" and without the ! in the list (the summary replaces the name).
type_text "Emma pakt haar schrift."
wait_for "Tip: "
keys Enter
wait_sql "select count(*) from observation where text = 'Emma pakt haar schrift.'" 1
wait_for "Plaatsen: Alt-1 2 3"
screen | grep -q "Met oordeelwoorden" && fail "een naam telde als oordeel: $(screen | grep Bewaard)"
screen | grep -q "! Emma pakt" && fail "een notitie met alleen een naam kreeg een ! in de lijst"

# A judging word is highlighted while typing (underline in the entry line), with the hint.
type_text "De juf legt het heel goed uit."
wait_for "Tip: "
line=$(screen_e | grep "Notitie ›")
printf '%s' "$line" | grep -q "$(printf '\033')\[[0-9;]*4[0-9;]*m" ||
    fail "geen markering in de invoerregel: $(printf '%s' "$line" | od -c | head -5)"
keys Enter
wait_sql "select count(*) from observation where text like 'De juf legt%'" 1
wait_for "! De juf legt"

# Place: Tab to the list, the first note to leerling, the judging one to leraar.
keys Tab
wait_for "1 2 3 plaats"
keys g 1
wait_sql "select corner from observation where text like 'Meisje%'" leerling
keys G 2
wait_sql "select corner from observation where text like 'De juf%'" leraar
# u takes the placement back, 2 again.
keys u
wait_sql "select coalesce(corner, '-') from observation where text like 'De juf%'" "-"
keys 2
wait_sql "select corner from observation where text like 'De juf%'" leraar

# Edit with undo: the old text comes back and the history keeps every version.
keys g e
wait_for "Bewerk ›"
keys C-u
type_text "Meisje zegt: 'Ik snap 3/4 niet.' en kijkt naar de teller."
keys Enter
wait_sql "select count(*) from observation where text like '%naar de teller.'" 1
keys C-z
wait_sql "select text from observation where text like 'Meisje%'" "Meisje zegt: 'Ik snap 3/4 niet.'"
[ "$(sql "select count(*) from observation_version v join observation o on o.id = v.observation_id where o.text like 'Meisje%'")" -ge 3 ] ||
    fail "geschiedenis mist versies"

# Delete with undo.
keys Tab
keys G d
wait_sql "select count(*) from observation where deleted_at is not null" 1
wait_for "Notitie verwijderd"
keys u
wait_sql "select count(*) from observation where deleted_at is not null" 0
keys Tab

# Resize: 60x20 works, 40x10 is too small, and back.
tm resize-window -t kr -x 60 -y 20
wait_for "Notities van dit bezoek (4)"
wait_for "Enter bewaar"
tm resize-window -t kr -x 40 -y 10
wait_for "Venster te klein"
tm resize-window -t kr -x 80 -y 24
wait_for "Notities van dit bezoek (4)"
wait_gone "Venster te klein"

for n in 4 5 6; do
    type_text "Leerling $n legt blokjes bij de som."
    keys Enter
    wait_sql "select count(*) from observation where text = 'Leerling $n legt blokjes bij de som.'" 1
done

# End the visit: the review shows the flagged note; keep it, then the next visit.
keys C-x
wait_for "Bezoek afgerond: groep 5"
keys h
wait_sql "select count(*) from observation where keep_reason is not null" 1
keys Enter
wait_for "Nieuw klassenbezoek"
keys Enter
type_text "groep 7"; keys Enter
type_text "taal"; keys Enter
wait_for "groep 7 · taal"
for n in 7 8 9 10; do
    type_text "Jongen $n wijst naar het woord op het bord."
    keys Enter
    wait_sql "select count(*) from observation where text like 'Jongen $n %'" 1
done
[ "$(notes)" = 11 ] || fail "11 notities verwacht, $(notes) gevonden"
[ "$(sql 'select count(*) from visit')" = 2 ] || fail "2 bezoeken verwacht"

# A draft is written when typing pauses and survives kill -9.
type_text "Twee leerlingen overleggen fluisterend"
wait_sql "select text from draft" "Twee leerlingen overleggen fluisterend"
pid=$(app_pid)
[ -n "$pid" ] || fail "geen proces"
kill -9 "$pid"
wait_for "kijkronde-klaar"
[ "$(sql 'pragma integrity_check')" = ok ] || fail "integrity_check"
[ "$(notes)" = 11 ] || fail "na kill -9: $(notes) notities"
restart
wait_for "OBS De Regenboog"
keys Enter
wait_for "Bezoeken (2)"
keys Enter
wait_for "Je onafgemaakte notitie is teruggezet"
wait_for "Notitie › Twee leerlingen overleggen fluisterend"

# Alt-2: the line is saved and placed at the leraar with one key; Alt-3 then moves it.
keys M-2
wait_sql "select corner from observation where text = 'Twee leerlingen overleggen fluisterend'" leraar
wait_for "Geplaatst bij leraar"
keys M-3
wait_sql "select corner from observation where text = 'Twee leerlingen overleggen fluisterend'" leerinhoud
[ "$(sql "select count(*) from draft where text <> ''")" = 0 ] || fail "het concept bleef staan"

"$KR" --db "$DB" sessions --json | grep -q '"observations": 12' || fail "sessions --json telt geen 12 notities"
echo "ok"
