#!/bin/sh
# The reflection is computed once per visit to it: going to the next steps (v) or the
# debrief in steps (n) and back does not recompute the patterns (ui_push used to call the
# reflection's leave, which threw them away). Seen from outside: a note another program
# deletes meanwhile is still counted on the way back, and gone once the reflection is
# opened anew from the bijeenkomst.
KR="$1"
. "$(dirname "$0")/lib.sh"
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
NL=$("$KR" --db "$DB" patterns latest --json | sed -n 's/.*"leerling": {"count": \([0-9]*\).*/\1/p')
[ -n "$NL" ] || fail "geen telling voor leerling"
start
wait_for "Bijeenkomsten"
keys Enter
wait_for "Bezoeken ("
keys r
wait_for "Leerling $NL "
keys Tab
wait_for "v stappen"
keys v
wait_for "K/J volgorde"
# another program deletes a leerling note while the steps screen is open
sql "update observation set deleted_at = '2026-12-03T09:00:00.000Z', updated_at = '2026-12-03T09:00:00.000Z'
     where id = (select o.id from observation o where o.corner = 'leerling' and o.deleted_at is null
                 order by o.id limit 1)"
keys q
wait_for "Nabespreking"
wait_for "Leerling $NL "
keys n
wait_for "1 Screening"
keys q
wait_for "Leerling $NL "
# opened anew from the bijeenkomst: computed afresh
keys q
wait_for "Bezoeken ("
keys r
wait_for "Leerling $((NL - 1)) "
exit 0
