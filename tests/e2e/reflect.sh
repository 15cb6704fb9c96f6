#!/bin/sh
# The reflection screen in tmux: the driehoek with counts, a pattern renamed, a note moved
# to another corner and to another pattern, two patterns merged, one split, the debrief
# written, the calibration, the turn helper; and all of it still there after a restart.
KR="$1"
command -v tmux >/dev/null || exit 77
command -v sqlite3 >/dev/null || exit 77
T=$(mktemp -d)
SOCK="kr-reflect-$$"
DB="$T/k.db"
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$T"' EXIT
fail() {
    echo "FAIL: $*"
    tmux -L "$SOCK" capture-pane -p -t kr 2>/dev/null
    exit 1
}
sql() { sqlite3 "$DB" "$1"; }
screen() { tmux -L "$SOCK" capture-pane -p -t kr; }
keys() { tmux -L "$SOCK" send-keys -t kr "$@"; }
type_text() { tmux -L "$SOCK" send-keys -t kr -l "$1"; }
# Poll the pane until the text shows (10 s: the machine is shared), never a bare sleep.
wait_for() {
    i=0
    while [ $i -lt 100 ]; do
        screen | grep -qF -- "$1" && return 0
        i=$((i + 1))
        sleep 0.1
    done
    fail "niet verschenen: $1"
}
wait_sql() {
    i=0
    while [ $i -lt 100 ]; do
        [ "$(sql "$1")" = "$2" ] && return 0
        i=$((i + 1))
        sleep 0.1
    done
    fail "database: $1 gaf $(sql "$1"), verwacht $2"
}
# The tmux server now and then fails to start on the busy shared machine: try three times.
start() {
    for try in 1 2 3; do
        tmux -L "$SOCK" -f /dev/null new-session -d -s kr -x 100 -y 30 \
            "env TERM=xterm-256color LANG=C.UTF-8 $* '$KR' --db '$DB'; echo kijkronde-klaar rc=\$?; sleep 60" &&
            tmux -L "$SOCK" has-session -t kr 2>/dev/null && return 0
        sleep 0.5
    done
    fail "tmux start niet"
}

"$KR" --db "$DB" demo --no-tui >/dev/null || fail "demo"
start
wait_for "Bijeenkomsten"
keys Enter
wait_for "Bezoeken ("
keys r
wait_for "Patronen"
# The driehoek with the counts of the patterns command.
"$KR" --db "$DB" patterns latest --json >"$T/p.json" || fail "patterns --json"
n_ll=$(sed -n 's/.*"leerling": {"count": \([0-9]*\).*/\1/p' "$T/p.json")
wait_for "Leerling $n_ll"
wait_for "Leerinhoud "
wait_for "Leraar "

# Rename the first pattern of leerling.
keys r
wait_for "Nieuwe naam"
keys C-u
type_text "Wachten en opnieuw beginnen"
keys Enter
wait_for "Patroon hernoemd."
wait_sql "select count(*) from reflection_pattern where label = 'Wachten en opnieuw beginnen'" 1
pinned=$(sql "select count(*) from reflection_note where pattern_id is not null")
[ "$pinned" -ge 1 ] || fail "no notes pinned to the renamed pattern"

# Open it, move its first note to leraar with 2.
keys Enter
wait_for "[ ] "
keys Down 2
wait_for "Notitie naar leraar."
wait_sql "select count(*) from reflection_note where corner = 'leraar' and pattern_id is null" 1

# Move a note into another pattern: open the second pattern, take a note, pick the first.
keys q
wait_for "Bezoeken ("
keys r
wait_for "Patronen"
keys Down Enter Down m
wait_for "Kies het patroon waar de notitie heen gaat"
keys Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Enter
wait_for "Notitie verplaatst."

# Merge: on the renamed pattern press s and pick the one below it. Where the renamed pattern
# stands depends on the sizes the clustering gives, so go to its line.
keys q
wait_for "Bezoeken ("
keys r
wait_for "Patronen"
wait_for "Wachten en opnieuw beginnen"
at=$(screen | grep -F "▸" | grep -nF "Wachten en opnieuw beginnen" | head -1 | cut -d: -f1)
[ -n "$at" ] || fail "renamed pattern not in the list"
while [ "$at" -gt 1 ]; do
    keys Down
    at=$((at - 1))
done
keys s
wait_for "Kies het patroon dat erbij komt"
keys Down Enter
wait_for "Patronen samengevoegd."

# Split: open the first pattern, mark two notes, x, name the part.
keys Enter
wait_for "[ ] "
keys Down Space Space x
wait_for "Naam van het deel"
type_text "Afgesplitst deel"
keys Enter
wait_for "Patroon gesplitst."
wait_sql "select count(*) from reflection_note n join reflection_pattern p on p.id = n.pattern_id where p.label = 'Afgesplitst deel'" 2

# The debrief: rewrite the voorspellen phase (the demo group answered it; Enter edits the
# answer in place, C-u clears it).
keys Tab
wait_for "Beschrijven:"
wait_for "(nog leeg)"
wait_for "Voorspellen: Een leerling die alles doet"
keys Down Down Enter
wait_for "Enter bewaren"
keys C-u
type_text "Je leert dat wachten op de juf de veiligste keuze is."
keys Enter
wait_for "Bewaard."
wait_sql "select text from reflection_phase where phase = 'voorspellen'" "Je leert dat wachten op de juf de veiligste keuze is."

# Calibration: the note the group moved to leraar was placed by its observer, or not.
keys Tab
wait_for "Cohens kappa"
# The turn helper.
keys t
wait_for "heeft het woord."
wait_for "Aan de beurt: Tweetal 1"

# Everything survives a restart and a recomputation.
keys q q q q
wait_for "kijkronde-klaar rc=0"
tmux -L "$SOCK" kill-server
start
wait_for "Bijeenkomsten"
keys Enter
wait_for "Bezoeken ("
keys r
wait_for "Patronen"
wait_for "Wachten en opnieuw beginnen"
"$KR" --db "$DB" patterns latest >"$T/p.txt" || fail "patterns after restart"
grep -q "Patroon van de groep: Afgesplitst deel (2 notities" "$T/p.txt" || fail "split lost: $(grep groep "$T/p.txt")"
grep -q "Patroon van de groep: Wachten en opnieuw beginnen" "$T/p.txt" || fail "rename lost"
keys Tab
wait_for "Je leert dat wachten op de juf"
exit 0
