#!/bin/sh
# The screens in the bad and odd cases: NO_COLOR and --no-color give monochrome with a
# visible selection, stored escape sequences stay inert, the help overlay, a pasted
# multi-line text stays one note, and TERM=dumb gets a clear message and exit 2.
KR="$1"
. "$KR_SOURCE_ROOT/tests/e2e/lib.sh"

ESC=$(printf '\033')
"$KR" --db "$DB" demo --no-tui >/dev/null || fail "demo"
visit=$(sql "select v.id from visit v order by v.started_at limit 1")
# A note with a title-changing OSC and a colour sequence, as an import could bring in.
sql "insert into observation(id, visit_id, at, text, created_at, updated_at) values
     ('boos', '$visit', '2026-03-12T08:00:00+01:00',
      'Leerling typt ' || char(27) || ']0;gehackt' || char(7) || char(27) || '[31mROOD', '2026-03-12T07:00:00.000Z', '2026-03-12T07:00:00.000Z')"

start NO_COLOR=1
wait_for "Bijeenkomsten"
keys '?'
wait_for "Hulp: bijeenkomsten"
keys Escape
wait_gone "Hulp: bijeenkomsten"
keys Enter
wait_for "Bezoeken ("
# A help line longer than the box wraps under its own text (80 columns) instead of being cut.
keys '?'
wait_for "Hulp: bijeenkomst"
screen | grep -q "^ *niet meer) *$" || fail "lange hulpregel afgekapt: $(screen | grep sync-map)"
keys Escape
wait_gone "Hulp: bijeenkomst"
keys n
wait_for "Alle notities"
keys g
wait_for "ROOD"
shot=$(screen_e)
printf '%s' "$shot" | grep -q "$ESC\[[0-9;]*\(3[0-7]\|4[0-7]\|38;5\|48;5\)[;m]" &&
    fail "kleur-escapes met NO_COLOR: $(printf '%s' "$shot" | grep -o "$ESC\[[0-9;]*m" | sort -u | tr '\n' ' ')"
printf '%s' "$shot" | grep -q "$ESC\[[0-9;]*7[0-9;]*m" || fail "de selectie is zonder kleur niet zichtbaar (geen reverse)"
screen | grep -F "Leerling typt" | grep -qF "�]0;gehackt�" || fail "escape-bytes niet onschadelijk getoond"
[ "$(tm display -p -t kr '#{pane_title}')" != gehackt ] || fail "opgeslagen tekst veranderde de venstertitel"

# --no-color as well.
keys q q q
wait_for "kijkronde-klaar rc=0"
KR_ARGS=--no-color restart
wait_for "Bijeenkomsten"
keys Enter
wait_for "Bezoeken ("
screen_e | grep -q "$ESC\[[0-9;]*\(3[0-7]\|4[0-7]\)[;m]" && fail "kleur-escapes met --no-color"

# Colour by default: the judging word is marked with colour and underline.
keys q q
wait_for "kijkronde-klaar rc=0"
KR_ARGS= restart
wait_for "Bijeenkomsten"
keys Enter
wait_for "Bezoeken ("
keys b
wait_for "Nieuw klassenbezoek"
keys Enter
type_text "groep 8"; keys Enter Enter
wait_for "groep 8"
# A pasted text with line breaks stays one line in the editor, nothing saved yet.
before=$(sql "select count(*) from observation")
tm set-buffer "$(printf 'Leerling leest hardop\nen wijst de woorden aan')"
tm paste-buffer -p -t kr
wait_for "Notitie › Leerling leest hardop en wijst de woorden aan"
[ "$(sql "select count(*) from observation")" = "$before" ] || fail "plakken bewaarde al een notitie"
keys Enter
wait_sql "select count(*) from observation where text = 'Leerling leest hardop en wijst de woorden aan'" 1

# A new bijeenkomst: the kijkvraag lint speaks while typing; a library kijkvraag brings
# its kijkpunten, which stay in view during the round.
keys Tab q q
wait_for "Bijeenkomsten"
keys n
wait_for "Nieuwe bijeenkomst"
keys Down Down Down Down Down
type_text "Legt de leraar de instructie goed uit?"
wait_for "Let op:"
keys C-u C-b
wait_for "Kies een kijkvraag uit de bibliotheek"
keys Enter
wait_for "kijkpunten, o.a."
keys C-s
wait_for "Bijeenkomst gemaakt"
[ "$(sql "select count(*) from session where kijkvraag_id is not null and kijkpunten like '%_%'")" = 1 ] ||
    fail "kijkvraag uit de bibliotheek niet met kijkpunten bewaard"
keys b
wait_for "Nieuw klassenbezoek"
type_text "Anna & Bram"; keys Enter
type_text "groep 1"; keys Enter Enter
wait_for "groep 1"
wait_for "• "

# TERM=dumb: a clear Dutch message and exit 2, no garbled screen.
keys Tab q q q
wait_for "kijkronde-klaar rc=0"
tm respawn-pane -k -t kr "env TERM=dumb LANG=C.UTF-8 '$KR' --db '$DB'; echo \"kijkronde-klaar rc=\$?\"; sleep 600"
wait_for "kijkronde-klaar rc=2"
screen | grep -q "TERM" || fail "geen duidelijke melding bij TERM=dumb"
echo ok
