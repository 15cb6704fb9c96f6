#!/bin/sh
# After s (merge) in the reflection the cursor is on the merged pattern: merge the biggest
# pattern with the next one; the merged pattern (their notes together) is the selected row.
KR="$1"
. "$(dirname "$0")/lib.sh"

"$KR" --db "$DB" demo --no-tui >/dev/null || fail "demo"
start NO_COLOR=1
wait_for "Wilgenkrakel"
keys Enter
wait_for "Bezoeken ("
keys r
wait_for "Patronen"
ESC=$(printf '\033')
# The selected row is the one drawn in reverse video (no colour).
selected() { screen_e | grep -a "${ESC}\[7m ▸" | sed "s/${ESC}\[[0-9;]*m//g"; }
n1=$(selected | sed -n 's/.*(\([0-9]*\) · .*/\1/p')
[ -n "$n1" ] || fail "geen geselecteerd patroon"
row1=$(selected)
keys Down
# Wait for the redraw: under load the screen may still show the first row selected.
i=0
while [ $i -lt 50 ] && [ "$(selected)" = "$row1" ]; do sleep 0.1; i=$((i + 1)); done
n2=$(selected | sed -n 's/.*(\([0-9]*\) · .*/\1/p')
[ -n "$n2" ] && [ "$(selected)" != "$row1" ] || fail "Down kiest geen ander patroon"
keys Up
i=0
while [ $i -lt 50 ] && [ "$(selected)" != "$row1" ]; do sleep 0.1; i=$((i + 1)); done
keys s
wait_for "Kies het patroon dat erbij komt"
keys Down Enter
wait_for "Patronen samengevoegd."
n=$((n1 + n2))
i=0
while [ $i -lt 50 ]; do
    selected | grep -qF "($n · " && break
    sleep 0.1
    i=$((i + 1))
done
selected | grep -qF "($n · " || fail "de cursor staat niet op het samengevoegde patroon ($n notities): $(selected)"
echo ok
