#!/bin/sh
# The debrief as steps on one screen in tmux (80x24), on the demo bijeenkomst: n in the
# reflection; screening (a judging note rewritten, one set aside), beschrijven (statements
# with their notes), analyseren (beside the demo's two, an extent confirmed higher than
# proposed), voorspellen (the demo group's answer rewritten), volgende stap (the steps screen, a step moved down with J). Each step is
# checked in the database and on the screen, and after a restart.
KR="$1"
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null 2>&1 || { echo "jq ontbreekt"; exit 77; }
# The machine is shared: 10 s rather than lib.sh's 5.
wait_for() {
    i=0
    while [ $i -lt 100 ]; do
        screen | grep -qF -- "$1" && return 0
        sleep 0.1
        i=$((i + 1))
    done
    fail "tekst '$1' niet op het scherm"
}

"$KR" --db "$DB" demo --no-tui >/dev/null || fail "demo"
start
wait_for "Bijeenkomsten"
keys Enter
wait_for "Bezoeken ("
keys r
wait_for "n stappen"
keys n
wait_for "1 Screening"
wait_for "5 Volgende stap"
wait_for "Bezoek 1 van 7"
wait_for "notitie 1 van"
wait_for "e herschrijf"
before=$(screen | sed -n 's/.*In deze bijeenkomst: \([0-9]*\) notitie.*/\1/p')
[ -n "$before" ] || fail "geen telling van notities met een oordeel"

# o: the first judging note, with the checker's finding; rewritten without judgement.
OLD="De juf legt het splitsen heel goed uit, fijn om te zien."
NEW="De juf doet splitsen van 8 voor met het rekenrek; drie leerlingen tellen hardop mee."
keys o
wait_for "$OLD"
wait_for "Checker: "
keys e
keys C-u
type_text "$NEW"
keys Enter
wait_for "Bewerking bewaard."
wait_sql "select count(*) from observation where text = '$NEW' and deleted_at is null" 1
wait_sql "select count(*) from observation where text = '$OLD' and deleted_at is null" 0
wait_for "Specifiek en zonder oordeel"
wait_for "In deze bijeenkomst: $((before - 1)) notitie"

# The rewritten note, now clean, is set aside: out of the patterns (patterns --json no longer
# has it in any pattern), and back in with a second a.
keys a
wait_for "Notitie apart gelegd"
wait_for "1 apart gelegd"
APART=$(sql "select id from observation where keep_reason = 'apart gelegd'")
[ "$APART" = "$(sql "select id from observation where text = '$NEW'")" ] ||
    fail "niet de herschreven notitie apart gelegd"
in_patterns() {
    "$KR" --db "$DB" patterns latest --json >"$TMPD/p.json" || fail "patterns --json"
    jq --arg id "$APART" '[.corners[].patterns[] | select(.flagged == false)
      | .observations[] | select(. == $id)] | length' "$TMPD/p.json"
}
[ "$(in_patterns)" = 0 ] || fail "de apart gelegde notitie staat nog in een patroon"
keys a
wait_for "Notitie telt weer mee in de patronen."
wait_sql "select count(*) from observation where keep_reason = 'apart gelegd'" 0
[ "$(in_patterns)" = 1 ] || fail "de teruggenomen notitie staat niet in een patroon"
keys a
wait_for "1 apart gelegd"

# Beschrijven: the statements per corner and the evidence of the selected one.
keys Tab
wait_for "Beschrijven"
wait_for "Wat zagen we?"
wait_for "leerling"
wait_for "Bewijs: "
wait_for "• groep "

# Analyseren: the demo's group confirmed two extents; the first pattern one extent up,
# confirmed by the group and stored beside them.
keys Tab
wait_for "Overeenkomsten (in meer bezoeken gezien)"
wait_for "voorstel: "
wait_for "groep: de meeste"
wait_for "groep: sommige"
EXT="select count(*) from reflection_pattern where extent is not null"
[ "$(sql "$EXT")" = 2 ] || fail "de demo heeft niet twee omvangen van de groep: $(sql "$EXT")"
DEMO_IDS=$(sql "select group_concat(quote(id)) from reflection_pattern where extent is not null")
keys k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k
# the top of the list: the pattern seen in the most visits, proposed "de meeste" or "veel"
keys Left
wait_for "(door de groep)."
wait_sql "$EXT" 3
ext=$(sql "select extent from reflection_pattern where extent is not null and id not in ($DEMO_IDS)")
[ -n "$ext" ] || fail "de nieuwe omvang staat niet in de database"
wait_for "groep: $ext"
n_ext=$(sql "select count(*) from reflection_pattern where extent = '$ext'")
"$KR" --db "$DB" patterns latest --json >"$TMPD/p2.json" || fail "patterns --json"
jq -e --arg e "$ext" --argjson n "$n_ext" \
    '[.corners[].patterns[] | select(.group and .extent == $e)] | length == $n' "$TMPD/p2.json" \
    >/dev/null || fail "patterns --json draagt de omvang van de groep ($ext) niet"
keys BSpace
wait_for "Terug naar het voorstel van kijkronde."
wait_sql "$EXT" 2
keys Right
wait_for "Meer dan 'de meeste' gaat niet."
keys Left
wait_for "(door de groep)."
wait_sql "$EXT" 3

# Voorspellen: the question and the demo group's answer, rewritten (Enter edits it in place).
ANSWER="Ze zouden splitsen tot 20 kunnen en uitleggen hoe ze het deden."
keys Tab
wait_for "Als je hier leerling was en alles deed wat gevraagd werd"
wait_for "Het antwoord van de groep:"
wait_for "Een leerling die alles doet wat gevraagd wordt"
keys Enter
wait_for "Enter bewaren"
keys C-u
wait_gone "Een leerling die alles doet wat gevraagd wordt"
type_text "$ANSWER"
keys Enter
wait_for "Bewaard."
wait_sql "select text from reflection_phase where phase = 'voorspellen'" "$ANSWER"

# Volgende stap: the chosen theory of action and the steps; Enter opens the steps screen.
keys Tab
wait_for "Theory of action van de school"
wait_for "Volgende stappen (4)"
first=$(sql "select id from next_step where deleted_at is null order by position, created_at, id limit 1")
second=$(sql "select id from next_step where deleted_at is null order by position, created_at, id limit 1 offset 1")
keys Enter
wait_for "K/J volgorde"
keys J
wait_for "Stap staat nu op plaats 2."
wait_sql "select id from next_step where deleted_at is null order by position, created_at, id limit 1" "$second"
wait_sql "select id from next_step where deleted_at is null order by position, created_at, id limit 1 offset 1" "$first"
keys K
wait_for "Stap staat nu op plaats 1."
wait_sql "select id from next_step where deleted_at is null order by position, created_at, id limit 1" "$first"
keys J
wait_for "Stap staat nu op plaats 2."
# back: the debrief at its last step, with the new order
keys q
wait_for "Volgende stappen (4)"
t2=$(sql "select text from next_step where id = '$second'" | cut -c1-30)
wait_for "1. $t2"

# Help names the keys of the debrief.
keys '?'
wait_for "Hulp: nabespreking"
wait_for "projector"
wait_for "apart leggen"
keys Space
wait_gone "Hulp: nabespreking"

# After a restart the group's extent and answer are still there.
keys q q q q
wait_for "kijkronde-klaar rc=0"
restart
wait_for "Bijeenkomsten"
keys Enter
wait_for "Bezoeken ("
keys r
wait_for "n stappen"
keys n
wait_for "1 Screening"
keys 3
wait_for "groep: $ext"
keys 4
wait_for "$ANSWER"
exit 0
