#!/bin/sh
# The projector view of the debrief (p) in tmux, at 80x24 and at 200x50: the driehoek fills
# the window (its sides on nearly every row, its base across), one pattern statement at a
# time stands whole inside it (between the sides, never over them), → goes on to the next
# and from the last pattern on to the next step; the theory of action clause by clause.
KR="$1"
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null 2>&1 || { echo "jq ontbreekt"; exit 77; }
wait_for() {
    i=0
    while [ $i -lt 100 ]; do
        screen | grep -qF -- "$1" && return 0
        sleep 0.1
        i=$((i + 1))
    done
    fail "tekst '$1' niet op het scherm"
}

# The text inside the driehoek: on each row whose first mark is / and last is \, what lies
# between them, joined with single spaces.
inside() {
    screen | awk '{
        a = match($0, /[^ ]/); if (!a || substr($0, a, 1) != "/") next
        for (b = length($0); b > a && substr($0, b, 1) == " "; b--) ;
        if (substr($0, b, 1) != "\\" || b <= a + 1) next
        print substr($0, a + 1, b - a - 1)
    }' | tr '\n' ' ' | tr -s ' ' | sed 's/^ //; s/ $//'
}
# wait_inside TEXT: poll until TEXT stands inside the driehoek.
wait_inside() {
    i=0
    while [ $i -lt 100 ]; do
        inside | grep -qF -- "$1" && return 0
        sleep 0.1
        i=$((i + 1))
    done
    echo "binnen de driehoek: $(inside)"
    fail "'$1' staat niet binnen de driehoek"
}
# big: the letters of large type (half and full blocks) inside the driehoek.
big() {
    inside | grep -o '[█▀▄]' | wc -l
}
# check_fill ROWS COLS: the sides on at least ROWS-8 rows, the base at least COLS-4 wide.
check_fill() {
    sides=$(screen | awk '{ a = match($0, /[^ ]/); if (a && substr($0, a, 1) == "/") n++ } END { print n + 0 }')
    [ "$sides" -ge $(($1 - 8)) ] || fail "de driehoek vult het venster niet: $sides rijen met zijden bij $1"
    # characters, not bytes (‾ is three bytes in UTF-8)
    base=$(screen | grep -o '‾‾*' | while IFS= read -r l; do printf %s "$l" | LC_ALL=C.UTF-8 wc -m; done |
        sort -n | tail -n 1)
    base=${base:-0}
    [ "$base" -ge $(($2 - 4)) ] || fail "de basis is $base breed bij $2 kolommen"
}

"$KR" --db "$DB" demo --no-tui >/dev/null || fail "demo"
"$KR" --db "$DB" patterns latest --json >"$TMPD/p.json" || fail "patterns --json"
N=$(jq '[.corners[].patterns[] | select(.flagged == false)] | length' "$TMPD/p.json")
S1=$(jq -r '[.corners.leerling.patterns[] | select(.flagged == false)][0].statement' "$TMPD/p.json")
S2=$(jq -r '[.corners.leerling.patterns[] | select(.flagged == false)][1].statement' "$TMPD/p.json")
NL=$(jq '.corners.leerling.count' "$TMPD/p.json")
[ "$N" -ge 3 ] || fail "te weinig patronen in de demo ($N)"

start
wait_for "Bijeenkomsten"
keys Enter
wait_for "Bezoeken ("
keys r
wait_for "n stappen"
keys n
wait_for "1 Screening"
keys 2
wait_for "Wat zagen we?"
wait_for "p projector"
keys p
wait_for "Beschrijven · 1 van $N"
wait_for "LEERLING $NL"
wait_for "LERAAR "
wait_for "LEERINHOUD "
wait_for "→ verder"
wait_inside "$S1"
check_fill 24 80
[ "$(big)" -eq 0 ] || fail "grote letters in een venster van 80x24 (daar passen ze niet)"
keys Right
wait_for "Beschrijven · 2 van $N"
wait_inside "$S2"
keys Left
wait_for "Beschrijven · 1 van $N"
# from the last pattern on to analyseren
i=1
while [ $i -lt "$N" ]; do
    keys Right
    i=$((i + 1))
done
wait_for "Beschrijven · $N van $N"
keys Right
wait_for "Analyseren · 1 van $N"
wait_inside "Omvang: "
wait_inside "gezien in "

# 200x50: the same, filling the larger window.
tm resize-window -t kr -x 200 -y 50
wait_for "Analyseren · 1 van $N"
i=0
while [ $i -lt 50 ] && [ "$(tm display -p -t kr '#{window_width}')" != 200 ]; do
    sleep 0.1
    i=$((i + 1))
done
sleep 0.3
check_fill 50 200
wait_inside "Omvang: "
keys Left
wait_for "Beschrijven · $N van $N"
keys 1 # no step jumps on the projector: digits do nothing here
keys Tab Tab Tab
wait_for "Volgende stap · 1 van "
# at 200x50 the clause stands in large type, with the smaller line under it as text
wait_inside "Theory of action van de school"
[ "$(big)" -ge 100 ] || fail "geen grote letters bij 200x50 ($(big) blokjes)"
screen | grep -qF "Als de schoolleiding" && fail "de zin staat er klein, niet in grote letters"
keys Right
wait_for "Volgende stap · 2 van "
[ "$(big)" -ge 100 ] || fail "geen grote letters voor de tweede zin"
keys Right Right
wait_for "Volgende stap · 4 van "
wait_inside "Stap 1 van 4"
check_fill 50 200
# back to 80x24: the same slide as normal text, whole, inside the driehoek
tm resize-window -t kr -x 80 -y 24
first=$(sql "select text from next_step where deleted_at is null order by position, created_at, id limit 1")
wait_inside "$first"
[ "$(big)" -eq 0 ] || fail "grote letters na terug naar 80x24"

# Esc: back to the screen with the steps as tabs.
keys Escape
wait_for "5 Volgende stap"
wait_for "Volgende stappen (4)"
exit 0
