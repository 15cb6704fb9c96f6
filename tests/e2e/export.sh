#!/bin/sh
# Export from the TUI as a coordinator does it: e writes the HTML summary next to the
# database at once and says where; E lets her choose the format, schuilnamen and the file.
# The summary never names an observer; with schuilnamen the school is "School A".
KR="$1"
. "$(dirname "$0")/lib.sh"

"$KR" --db "$DB" demo --no-tui >/dev/null || fail "demo"
start
wait_for "Wilgenkrakel"
keys Enter
wait_for "Bezoeken ("

# e: one key, next to the database.
keys e
wait_for "Export bewaard in $TMPD/kijkronde-"
html=$(ls "$TMPD"/kijkronde-*.html 2>/dev/null | head -n 1)
[ -s "$html" ] || fail "geen HTML-bestand naast de database"
grep -q "<svg" "$html" || fail "de samenvatting heeft geen driehoek"
grep -q "Wilgenkrakeling" "$html" || fail "de school staat niet in de samenvatting"
for name in $(sql "select name from participant"); do
    grep -q "$name" "$html" && fail "waarnemer $name staat in de samenvatting"
done

# E: Markdown, with schuilnamen, to a file she types.
keys E
wait_for "Exporteren"
keys Right
wait_for "Markdown"
keys Down Right
wait_for "ja: \"School A\""
keys Down C-u
type_text "$TMPD/voor de school.md"
keys Enter
wait_for "Export bewaard in $TMPD/voor de school.md"
md="$TMPD/voor de school.md"
[ -s "$md" ] || fail "geen Markdown-bestand"
grep -q "School A" "$md" || fail "geen schuilnaam in de Markdown"
grep -q "Wilgenkrakeling" "$md" && fail "de echte school staat in de Markdown met schuilnamen"
grep -q "^# " "$md" || fail "geen Markdown-kop"

# JSON with schuilnamen is refused, as in the CLI (the JSON holds the real names); with
# schuilnamen off it is written.
keys E
wait_for "Exporteren"
keys Right Right Right
wait_for "alles, om in te lezen"
keys Down Right
wait_for "ja: \"School A\""
keys Down C-u
type_text "$TMPD/alles.json"
keys C-s
wait_for "JSON bevat altijd de echte namen"
[ -e "$TMPD/alles.json" ] && fail "JSON met schuilnamen toch geschreven"
keys Right
wait_for "nee: echte school"
keys C-s
wait_for "Export bewaard in $TMPD/alles.json"
grep -q '"format": "kijkronde/1"' "$TMPD/alles.json" || fail "geen JSON geschreven"
rm -f "$TMPD/alles.json"

# Esc leaves without writing.
keys E
wait_for "Exporteren"
keys Escape
wait_for "Niets geëxporteerd"
[ "$(ls "$TMPD" | grep -c '^kijkronde-\|\.md$')" = 2 ] || fail "Esc schreef toch een bestand"
echo ok
