#!/bin/sh
# Keys typed while "Venster te klein" shows are not lost unseen: in the round the letters go
# on into the note (and the tiny screen says so, with the count); on a screen without a text
# field the keys are ignored and the screen says that. Back at 80x24 the note holds all of it.
KR="$1"
. "$(dirname "$0")/lib.sh"

"$KR" --db "$DB" demo --no-tui >/dev/null || fail "demo"
start
wait_for "Wilgenkrakel"

# The start screen has no text field: keys are ignored, and the screen says so. 'q' would
# quit here; at 40x10 it does nothing.
tm resize-window -t kr -x 40 -y 10
wait_for "Venster te klein"
wait_for "Toetsen worden genegeerd tot"
keys q
wait_for "1 toets genegeerd."
tm resize-window -t kr -x 80 -y 24
wait_for "Terwijl het venster te klein was: 1 toets genegeerd."
screen | grep -qF "Wilgenkrakel" || fail "kijkronde is gestopt door een toets bij een te klein venster"

keys Enter
wait_for "Bezoeken ("
keys b
wait_for "Nieuw klassenbezoek"
keys Enter
type_text "groep 8"
keys Enter
type_text "rekenen"
keys Enter
wait_for "Notitie ›"

type_text "Een meisje "
wait_for "Een meisje"
# One column short of the minimum.
tm resize-window -t kr -x 59 -y 15
wait_for "Venster te klein"
type_text "pakt een blokjx"
keys BSpace
type_text "e."
wait_for "komt in de notitie"
wait_for "(16 tekens erbij)"
keys Down
wait_for "1 toets genegeerd."
tm resize-window -t kr -x 80 -y 24
wait_gone "Venster te klein"
wait_for "Een meisje pakt een blokje."
wait_for "16 tekens getypt, 1 toets genegeerd."
keys Enter
wait_sql "select count(*) from observation where text = 'Een meisje pakt een blokje.'" 1
echo ok
