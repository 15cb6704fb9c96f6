#!/bin/sh
# Faults with the TUI open: a full disk (a file-size limit on the running program, as
# diskfull.sh does) and then SIGTERM or SIGHUP; the database deleted under the TUI; a
# note cleared with Ctrl-U and then a kill. Every typed note ends in the database or in
# the recovery file (0 lost), the exit status says so (3), and a cleared line never
# comes back as a draft.
KR="$1"
. "$KR_SOURCE_ROOT/tests/e2e/lib.sh"
command -v prlimit >/dev/null 2>&1 || { echo "prlimit ontbreekt"; exit 77; }
export XDG_STATE_HOME="$TMPD/state"

open_visit() {
    wait_for "Bijeenkomsten"
    keys Enter
    wait_for "Bezoeken (7)"
    keys Enter
    wait_for "Notities van dit bezoek"
}

"$KR" --db "$DB" demo --no-tui >/dev/null || fail "demo"
started=
for sig in TERM HUP; do
    rm -f "$DB.herstel"
    if [ -z "$started" ]; then start; started=1; else restart; fi
    open_visit
    pid=$(app_pid)
    [ -n "$pid" ] || fail "geen proces"
    # Room for a small recovery file, none for a WAL frame (4 KiB): a disk that is full.
    wal=$(stat -c %s "$DB-wal" 2>/dev/null || echo 0)
    [ "$wal" -ge 2048 ] || wal=2048
    prlimit --pid "$pid" --fsize="$wal:unlimited" || { echo "prlimit werkt hier niet"; exit 77; }
    type_text "Leerling $sig een schrijft 3/4 op."
    keys Enter
    wait_for "NIET BEWAARD"
    type_text "Leerling $sig twee telt op zijn vingers."
    keys Enter
    wait_for "wacht op opslaan: Leerling $sig twee"
    kill -$sig "$pid"
    wait_for "kijkronde-klaar rc=3"
    for n in een twee; do
        grep -q "Leerling $sig $n" "$DB.herstel" || fail "notitie '$n' ($sig) niet in het herstelbestand"
    done
    [ "$(stat -c %a "$DB.herstel")" = 600 ] || fail "herstelbestand niet 0600"
done

# Ctrl-U, then a kill: the cleared text does not come back.
restart
open_visit
type_text "Jongen zegt dat hij klaar is"
wait_sql "select count(*) from draft where text = 'Jongen zegt dat hij klaar is'" 1
keys C-u
wait_gone "Notitie › Jongen zegt"
pid=$(app_pid)
kill -9 "$pid"
[ "$(sql "select count(*) from draft where text <> ''")" = 0 ] || fail "het gewiste concept staat nog in de database"
restart
open_visit
screen | grep -q "Jongen zegt dat hij klaar" && fail "gewiste notitie kwam terug als concept"

# The database deleted while the TUI is open: the note is not "Bewaard" into a ghost.
rm -f "$DB.herstel"
restart
open_visit
pid=$(app_pid)
mv "$DB" "$DB.weg"
type_text "Meisje legt de breukenstrook naast de som."
keys Enter
wait_for "NIET BEWAARD"
screen | grep -q "database weg of vervangen" || fail "het scherm zegt niet dat de database weg is"
keys C-c
wait_for "kijkronde-klaar rc=3"
grep -q "Meisje legt de breukenstrook" "$DB.herstel" || fail "notitie niet in het herstelbestand"
echo ok
