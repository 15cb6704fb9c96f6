#!/bin/sh
# Another program holds the database's write lock while a note is saved: the screen does not
# freeze for the store's 5 s busy wait, it says within a moment that the database is busy and
# the note waits; typing goes on, and the note is saved once the lock is gone.
KR="$1"
. "$KR_SOURCE_ROOT/tests/e2e/lib.sh"

"$KR" --db "$DB" demo --no-tui >/dev/null || fail "demo"
before=$(sql "select count(*) from observation")
start
wait_for "Bijeenkomsten"
keys Enter
wait_for "Bezoeken (7)"
keys Enter
wait_for "Notities van dit bezoek"

printf 'BEGIN EXCLUSIVE;\nDELETE FROM observation WHERE 0;\n.shell sleep 5\nCOMMIT;\n' |
    sqlite3 "$DB" >/dev/null 2>&1 &
lock=$!
sleep 0.5
type_text "Leerling telt hardop tot tien."
t0=$(date +%s%N)
keys Enter
wait_for "database bezet"
took=$((($(date +%s%N) - t0) / 1000000))
[ "$took" -lt 2000 ] || fail "de melding kwam pas na $took ms"
wait_for "wacht op opslaan: Leerling telt hardop"
# WAL readers are not blocked by the lock: the note is not in the database yet.
[ "$(sql "select count(*) from observation")" = "$before" ] || fail "notitie al bewaard?"
# Typing goes on while the note waits.
type_text "Buurvrouw"
wait_for "Buurvrouw"
wait "$lock"
i=0
while [ $i -lt 100 ]; do
    screen | grep -qF "alsnog bewaard" && break
    sleep 0.1
    i=$((i + 1))
done
screen | grep -qF "alsnog bewaard" || fail "de wachtende notitie werd niet bewaard"
wait_sql "select count(*) from observation where text = 'Leerling telt hardop tot tien.'" 1
echo ok
