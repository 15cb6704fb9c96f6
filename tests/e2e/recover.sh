#!/bin/sh
# The recovery file is read back at the next start: a note that a round could not save
# (DB.herstel, written on a full disk or a deleted database: see faults.sh) is saved
# once, a second start does not save it again, the file is renamed, not deleted, and the
# first screen says what happened.
KR=$1
. "$(dirname "$0")/lib.sh"

"$KR" --db "$DB" demo --no-tui >/dev/null || fail "demo"
V=$(sqlite3 "$DB" "SELECT id FROM visit ORDER BY started_at LIMIT 1")
N0=$(sqlite3 "$DB" "SELECT count(*) FROM observation")
printf 'kijkronde-herstel\t%s\t2026-03-12T09:59:00+01:00\tEen leerling pakt een liniaal uit de la.\n' "$V" >"$DB.herstel"
printf 'kijkronde-herstel\t%s\tconcept\tTwee leerlingen over\n' "$V" >>"$DB.herstel"

start
wait_for "Herstelbestand: 1 notitie bewaard, concept terug."
N1=$(sqlite3 "$DB" "SELECT count(*) FROM observation")
[ "$N1" -eq $((N0 + 1)) ] || fail "verwacht $((N0 + 1)) notities, er zijn er $N1"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM observation WHERE text = 'Een leerling pakt een liniaal uit de la.' AND at = '2026-03-12T09:59:00+01:00'")" -eq 1 ] ||
    fail "de herstelde notitie ontbreekt of heeft niet de tijd van typen"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM draft WHERE text = 'Twee leerlingen over'")" -eq 1 ] || fail "het concept is niet terug"
[ ! -e "$DB.herstel" ] || fail "het herstelbestand staat er nog onder zijn oude naam"
ls "$DB".herstel-bewaard-* >/dev/null 2>&1 || fail "het herstelbestand is niet bewaard onder een nieuwe naam"
keys q
sleep 0.5

# The same file once more (copied back by a worried user): nothing is saved twice.
cp "$DB".herstel-bewaard-* "$DB.herstel"
restart
wait_for "Herstelbestand: 0 notities bewaard, de rest stond er al."
N2=$(sqlite3 "$DB" "SELECT count(*) FROM observation")
[ "$N2" -eq "$N1" ] || fail "een notitie is twee keer bewaard ($N2 na $N1)"
echo "recover: ok"
