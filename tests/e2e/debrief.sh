#!/bin/sh
# The next steps and the theory of action per groepje in tmux (80x24): from the debrief of
# the reflection, v; a new step for the leraren, deze maand, with one pattern as evidence;
# a version for Groepje 3, chosen as the school's; a step deleted after j. Then the
# database and the JSON export hold them, and the debrief shows the chosen version.
KR="$1"
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null 2>&1 || { echo "jq ontbreekt"; exit 77; }

"$KR" --db "$DB" demo --no-tui >/dev/null || fail "demo"
start
wait_for "Bijeenkomsten"
keys Enter
wait_for "Bezoeken ("
keys r
wait_for "Patronen"
keys Tab
wait_for "Beschrijven:"
wait_for "v stappen"
keys v
wait_for "Volgende stappen"
wait_for "b bewijs"
steps0=$(sql "select count(*) from next_step where deleted_at is null")

# A new step: text, then actor and horizon with the arrows.
keys n
wait_for "Nieuwe stap"
type_text "Leraren laten leerlingen eerst zelf een hulpmiddel pakken."
keys Down Right Down Right
wait_for "‹ Leraren ›"
wait_for "‹ deze maand ›"
keys Enter
wait_for "Stap bewaard."
wait_for "Leraren · deze maand · 0 bewijs"
STEP="select %s from next_step where text = 'Leraren laten leerlingen eerst zelf een hulpmiddel pakken.' and deleted_at is null"
# shellcheck disable=SC2059
wait_sql "$(printf "$STEP" "actor || ' ' || horizon")" "leraren maand"

# Evidence: the first pattern of the leerling corner, as the reflection computes it.
"$KR" --db "$DB" patterns latest --json >"$TMPD/p.json" || fail "patterns --json"
pat=$(jq -r '[.. | objects | select(has("leerling")) | .leerling.patterns[0].id][0]' "$TMPD/p.json")
case "$pat" in p-*) ;; *) fail "geen patroon-id: $pat" ;; esac
keys b
wait_for "Bewijs voor: Leraren laten"
wait_for "[ ] leerling"
keys Space
wait_for "[x] leerling"
keys Enter
wait_for "Bewijs bewaard (1)."
wait_for "Leraren · deze maand · 1 bewijs"
wait_for "Bewijs: patroon: "
# shellcheck disable=SC2059
wait_sql "$(printf "$STEP" "evidence")" "[\"$pat\"]"

# Help names the keys.
keys '?'
wait_for "Hulp: volgende stappen"
wait_for "bewijs"
keys Space
wait_gone "Hulp: volgende stappen"

# An empty step is refused in Dutch and the form stays; Esc leaves it, nothing stored.
keys n
wait_for "Nieuwe stap"
keys Enter
wait_for "Een stap heeft tekst nodig"
wait_for "Nieuwe stap"
keys Escape
wait_for "Niets veranderd."
wait_sql "select count(*) from next_step where deleted_at is null" $((steps0 + 1))

# A second step, deleted: n keeps it, j removes it.
keys n
wait_for "Nieuwe stap"
type_text "Weg ermee"
keys Enter
wait_for "Stap bewaard."
keys d
wait_for "verwijderen? (j/n)"
keys n
wait_for "Niets verwijderd."
wait_sql "select count(*) from next_step where text = 'Weg ermee' and deleted_at is null" 1
keys d
wait_for "verwijderen? (j/n)"
keys j
wait_for "Verwijderd."
wait_sql "select count(*) from next_step where text = 'Weg ermee' and deleted_at is null" 0
wait_sql "select count(*) from next_step where deleted_at is null" $((steps0 + 1))

# The theory of action of Groepje 3, chosen.
keys Tab
wait_for "c kiezen"
keys n
wait_for "Nieuwe theory of action"
keys C-u
type_text "Groepje 3"
keys Enter
type_text "elke week tien minuten vrijmaakt voor collegiale consultatie"
keys Enter
type_text "hun vragen bij vastlopen samen voorbereiden"
keys Enter
# The learners' clause is linted like a kijkvraag: a judging word gets a tip.
type_text "goed begrijpen wat ze moeten doen"
wait_for "Tip: "
keys C-u
type_text "bij vastlopen eerst het stappenplan pakken"
keys Enter
wait_for "Theory of action van Groepje 3 bewaard"
wait_sql "select count(*) from theory_of_action where group_name = 'Groepje 3' and deleted_at is null" 1
keys c
wait_for "De theory of action van Groepje 3 is gekozen."
wait_for "Groepje 3 · gekozen"
wait_sql "select group_name || '|' || leerlingen from theory_of_action where chosen = 1 and deleted_at is null" \
    "Groepje 3|bij vastlopen eerst het stappenplan pakken"

# The export carries the step and the chosen version.
"$KR" --db "$DB" export latest --format json >"$TMPD/e.json" || fail "export json"
got=$(jq -r '.next_steps[] | select(.text | startswith("Leraren laten leerlingen")) | "\(.actor) \(.horizon) \(.evidence | join(","))"' "$TMPD/e.json")
[ "$got" = "leraren maand $pat" ] || fail "export next_steps: '$got'"
got=$(jq -r '[.theory_of_action[] | select(.chosen) | .group] | join(",")' "$TMPD/e.json")
[ "$got" = "Groepje 3" ] || fail "export chosen: '$got'"

# Back in the debrief: the chosen version's clauses.
keys q
wait_for "Beschrijven:"
wait_for "elke week tien minuten"
keys q q q
wait_for "kijkronde-klaar rc=0"
exit 0
