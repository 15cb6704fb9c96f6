#!/bin/sh
# A real full disk with the TUI open: the database on a small tmpfs that is then filled to
# the last byte. Notes typed and confirmed wait ("wacht op opslaan"); then each way out
# (q, Ctrl-C, SIGHUP, SIGTERM); q refuses while notes wait and saves them once there is room. The recovery file cannot go beside the database (the disk
# is full), so it goes to $XDG_STATE_HOME/kijkronde. Then space is freed and the TUI
# started again: every typed note is in the database (0 lost). Needs root and mount
# (skips otherwise).
KR="$1"
. "$KR_SOURCE_ROOT/tests/e2e/lib.sh"
export XDG_STATE_HOME="$TMPD/state"
M="$TMPD/mnt"
mkdir -p "$M"
mount -t tmpfs -o size=4m,mode=0700 tmpfs "$M" 2>/dev/null || { echo "mount niet toegestaan: overgeslagen"; exit 77; }
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; umount -l "$M" 2>/dev/null; rm -rf "$TMPD"' EXIT
DB="$M/kr.db"
"$KR" --db "$DB" demo --no-tui >/dev/null || fail "demo"

open_visit() {
    wait_for "Bijeenkomsten"
    keys Enter
    wait_for "Bezoeken (7)"
    keys Enter
    wait_for "Notities van dit bezoek"
}

# q back through the screens until the program ends.
quit_all() {
    i=0
    while [ $i -lt 8 ] && ! screen | grep -q "kijkronde-klaar"; do
        keys q
        sleep 0.3
        i=$((i + 1))
    done
}

started=
for how in q C-c HUP TERM; do
    rm -f "$M/vol"
    if [ -z "$started" ]; then start; started=1; else restart; fi
    open_visit
    pid=$(app_pid)
    [ -n "$pid" ] || fail "geen proces"
    # Fill the disk to the last block (dd stops with "No space left on device").
    dd if=/dev/zero of="$M/vol" bs=4k 2>/dev/null || true
    dd if=/dev/zero of="$M/vol2" bs=512 2>/dev/null || true
    type_text "Leerling $how een schrijft 3/4 op."
    keys Enter
    wait_for "NIET BEWAARD"
    screen | grep -q "schijf is vol\|ruimte" || fail "het scherm zegt niet dat de schijf vol is"
    type_text "Leerling $how twee telt op zijn vingers."
    keys Enter
    wait_for "wacht op opslaan: Leerling $how twee"
    if [ "$how" = q ]; then
        # q first tries to save what waits: refused while the disk is full, with what to do;
        # after space is freed, q saves the notes (and says so), the next q leaves (exit 0).
        keys Escape
        sleep 0.2
        keys q
        wait_for "Eerst moeten de wachtende notities bewaard zijn"
        rm -f "$M/vol" "$M/vol2"
        keys q
        wait_for "2 notities alsnog bewaard"
        quit_all
        wait_for "kijkronde-klaar rc=0"
        for n in een twee; do
            [ "$(sql "select count(*) from observation where text like 'Leerling q $n %'")" = 1 ] ||
                fail "notitie 'q $n' niet bewaard bij q"
        done
        continue
    fi
    case $how in
    C-c) keys C-c ;;
    *) kill -"$how" "$pid" ;;
    esac
    wait_for "kijkronde-klaar rc=3"
    ls "$XDG_STATE_HOME"/kijkronde/herstel-*.txt >/dev/null 2>&1 || fail "geen herstelbestand in de state-map ($how)"
    grep -q "Leerling $how twee" "$XDG_STATE_HOME"/kijkronde/herstel-*.txt || fail "notitie niet in het herstelbestand ($how)"
    # Free the space; the next start saves the notes and says so.
    rm -f "$M/vol" "$M/vol2"
    restart
    wait_for "Herstelbestand: 2 notities bewaard"
    for n in een twee; do
        [ "$(sql "select count(*) from observation where text like 'Leerling $how $n %'")" = 1 ] ||
            fail "notitie '$how $n' niet in de database na de herstart"
    done
    ls "$XDG_STATE_HOME"/kijkronde/herstel-*.txt 2>/dev/null | grep -v bewaard && fail "herstelbestand niet opzij gezet ($how)"
    quit_all
    wait_for "kijkronde-klaar rc=0"
done
echo ok
