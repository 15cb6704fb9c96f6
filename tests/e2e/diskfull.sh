#!/bin/sh
# A note that cannot be saved (the disk is full) stays on screen with a clear message,
# and is saved, with the time Enter was pressed, as soon as there is room again.
# The full disk is a file-size limit put on the running program with prlimit(1).
KR="$1"
. "$KR_SOURCE_ROOT/tests/e2e/lib.sh"
command -v prlimit >/dev/null 2>&1 || { echo "prlimit ontbreekt"; exit 77; }

"$KR" --db "$DB" demo --no-tui >/dev/null || fail "demo"
before=$(sql "select count(*) from observation")
start
wait_for "Bijeenkomsten"
keys Enter
wait_for "Bezoeken (7)"
keys Enter
wait_for "Notities van dit bezoek"
pid=$(app_pid)
[ -n "$pid" ] || fail "geen proces"
wal=$(stat -c %s "$DB-wal" 2>/dev/null || echo 0)
prlimit --pid "$pid" --fsize="$wal:unlimited" || { echo "prlimit werkt hier niet"; exit 77; }

type_text "Leerling schrijft 3/4 als 0,75 op zijn wisbordje."
keys Enter
wait_for "NIET BEWAARD"
wait_for "wacht op opslaan: Leerling schrijft 3/4 als 0,75"
screen | grep -q "schijf is vol\|schrijffout\|ruimte" || fail "melding zegt niet wat er mis is"
[ "$(sql "select count(*) from observation")" = "$before" ] || fail "notitie toch bewaard?"
# Typing goes on while the note waits.
type_text "Buurman kijkt mee"
wait_for "Notitie › Buurman kijkt mee"

prlimit --pid "$pid" --fsize=unlimited:unlimited
wait_for "alsnog bewaard"
wait_gone "wacht op opslaan: Leerling"
wait_sql "select count(*) from observation where text = 'Leerling schrijft 3/4 als 0,75 op zijn wisbordje.'" 1
[ "$(sql 'pragma integrity_check')" = ok ] || fail "integrity_check"
echo ok
