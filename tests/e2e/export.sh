#!/bin/sh
# Export from the TUI as a coordinator does it: e writes the HTML summary at once where she
# finds it (the folder she started kijkronde from; else her documents folder) and shows the
# whole path, wrapped when it is longer than the screen is wide; E lets her choose the
# format, schuilnamen and the file. The summary never names an observer; with schuilnamen
# the school is "School A".
KR="$1"
case "$KR" in /*) ;; *) KR="$(pwd)/$KR" ;; esac # it runs from other folders below
. "$(dirname "$0")/lib.sh"

# The whole message, its rows joined, without spaces (a wrap may fall on one).
joined() { screen | tr -d '\n '; }
nospace() { printf '%s' "$1" | tr -d ' '; }

"$KR" --db "$DB" demo --no-tui >/dev/null || fail "demo"
W="$TMPD/werkmap-van-de-coordinator/kijkronde-netwerk-noord/samenvattingen-voor-de-scholen"
mkdir -p "$W"
(cd "$W" && start)
wait_for "Wilgenkrakel"
keys Enter
wait_for "Bezoeken ("

# e: one key, into the folder kijkronde was started from; the path is longer than 80
# columns and is shown whole.
keys e
wait_for "Export bewaard in"
html=$(ls "$W"/kijkronde-*.html 2>/dev/null | head -n 1)
[ -s "$html" ] || fail "geen HTML-bestand in de map waar kijkronde gestart is"
[ ${#html} -gt 80 ] || fail "het pad is niet langer dan het scherm breed is: ${#html}"
joined | grep -qF "Exportbewaardin$html" || fail "het hele pad $html staat niet op het scherm"
ls "$TMPD"/kijkronde-*.html >/dev/null 2>&1 && fail "de export staat (ook) naast de database"
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

# Esc leaves without writing.
keys E
wait_for "Exporteren"
keys Escape
wait_for "Niets geëxporteerd"
[ "$(ls "$TMPD" "$W" | grep -c '^kijkronde-\|\.md$')" = 2 ] || fail "Esc schreef toch een bestand"

# Started from a folder where no file can be made (/proc): e writes into the documents folder
# that xdg-user-dir DOCUMENTS names (user-dirs.dirs), and says so with the whole path.
keys q q
wait_for "kijkronde-klaar rc=0"
mkdir -p "$TMPD/thuis" "$TMPD/config"
printf 'XDG_DOCUMENTS_DIR="$HOME/Mijn documenten"\n' >"$TMPD/config/user-dirs.dirs"
tm respawn-pane -k -t kr -c /proc \
    "env TERM=xterm-256color LANG=C.UTF-8 HOME='$TMPD/thuis' XDG_CONFIG_HOME='$TMPD/config' '$KR' --db '$DB'; echo \"kijkronde-klaar rc=\$?\"; sleep 600"
wait_for "Wilgenkrakel"
keys Enter
wait_for "Bezoeken ("
keys e
wait_for "Export bewaard in"
html=$(ls "$TMPD/thuis/Mijn documenten"/kijkronde-*.html 2>/dev/null | head -n 1)
[ -s "$html" ] || fail "geen HTML-bestand in de documentenmap"
joined | grep -qF "Exportbewaardin$(nospace "$html")" || fail "het pad $html staat niet op het scherm"

# Without user-dirs.dirs: $HOME/Documenten, made when missing.
keys q q
wait_for "kijkronde-klaar rc=0"
rm "$TMPD/config/user-dirs.dirs"
tm respawn-pane -k -t kr -c /proc \
    "env TERM=xterm-256color LANG=C.UTF-8 HOME='$TMPD/thuis' XDG_CONFIG_HOME='$TMPD/config' '$KR' --db '$DB'; echo \"kijkronde-klaar rc=\$?\"; sleep 600"
wait_for "Wilgenkrakel"
keys Enter
wait_for "Bezoeken ("
keys e
wait_for "Export bewaard in"
html=$(ls "$TMPD/thuis/Documenten"/kijkronde-*.html 2>/dev/null | head -n 1)
[ -s "$html" ] || fail "geen HTML-bestand in ~/Documenten"
joined | grep -qF "Exportbewaardin$html" || fail "het pad $html staat niet op het scherm"
echo ok
