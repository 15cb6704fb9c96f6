#!/bin/sh
# Enter in the round costs one fsync, counted on the whole program: kijkronde runs under
# strace (fsync and fdatasync of every thread), a note is typed, its draft written at the
# pause (no fsync: the draft is not more durable than it needs to be), then Enter saves
# the note, its history row and the draft's removal in one commit: one fsync of the WAL.
# Skipped where strace is missing or may not trace.
KR="$1"
. "$KR_SOURCE_ROOT/tests/e2e/lib.sh"
command -v strace >/dev/null 2>&1 || { echo "strace ontbreekt"; exit 77; }
strace -f -qq -e trace=fsync -o /dev/null true 2>/dev/null || { echo "strace mag niet"; exit 77; }

TR="$TMPD/trace"
# syncs: the fsync/fdatasync calls that returned so far (one line each in the trace)
syncs() { grep -cE '(fsync|fdatasync)\(' "$TR" 2>/dev/null || true; }

start "strace -f -qq -y -e trace=fsync,fdatasync -o '$TR'"
wait_for "Er staan nog geen bijeenkomsten"
keys n
wait_for "Nieuwe bijeenkomst"
type_text "BLN Noord"; keys Enter
type_text "OBS De Regenboog"; keys Enter
keys Enter             # datum: vandaag
keys Right Right Enter # rekenen-wiskunde
type_text "Hoe houden leerlingen vol bij breuken?"; keys Enter
type_text "Wat doen leerlingen als ze een som niet snappen?"; keys Enter
type_text "Anna & Bram"
keys C-s
wait_for "Bijeenkomst gemaakt"
keys b
wait_for "Nieuw klassenbezoek"
keys Enter
type_text "groep 5"; keys Enter
type_text "rekenen"; keys Enter
wait_for "tijd 00:0"

N=5 # k, not i: lib.sh's wait_for and wait_sql count with i
k=1
while [ $k -le $N ]; do
    text="Meisje $k zegt: ik snap 3/4 niet. Ze pakt de breukenstrook."
    before=$(syncs)
    type_text "$text"
    wait_sql "select count(*) from draft where text = '$text'" 1 # written at the pause
    sleep 0.3
    [ "$(syncs)" = "$before" ] || fail "het concept van notitie $k kostte $(($(syncs) - before)) fsync(s), verwacht 0"
    keys Enter
    wait_sql "select count(*) from observation where text = '$text'" 1
    wait_sql "select count(*) from draft" 0
    sleep 0.3 # anything Enter would sync after its commit shows up here
    got=$(($(syncs) - before))
    [ "$got" = 1 ] || fail "Enter bij notitie $k kostte $got fsync(s), verwacht 1: $(tail -n "$got" "$TR")"
    k=$((k + 1))
done
wait_for "Meisje $N zegt"
keys Escape
echo "ok: $N notities, elk 1 fsync; concepten 0"
