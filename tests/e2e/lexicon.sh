#!/bin/sh
# The TUI's zonder-oordeel check uses the lexicons next to the built-in one, as check and
# the exports do: the system-wide one ($XDG_DATA_DIRS/kijkronde/oordeel.yaml) and the
# network's own ($XDG_DATA_HOME/kijkronde/oordeel.yaml). A broken one is named, and the
# built-in lexicon still checks.
KR="$1"
. "$KR_SOURCE_ROOT/tests/e2e/lib.sh"

mkdir -p "$TMPD/xdg/kijkronde" "$TMPD/sys/kijkronde"
cat >"$TMPD/xdg/kijkronde/oordeel.yaml" <<'YEOF'
categorieen:
  jargon:
    hint: "Zeg wat je zag, zonder vakjargon van het netwerk."
    woorden: [leerkuil]
YEOF
cat >"$TMPD/sys/kijkronde/oordeel.yaml" <<'YEOF'
categorieen:
  systeemwoord:
    hint: "Zeg wat je zag, zonder woorden van de school."
    woorden: [groeimindset]
YEOF
"$KR" --db "$DB" demo --no-tui >/dev/null || fail "demo"

visit() { # open the demo bijeenkomst and start a visit
    wait_for "Wilgenkrakel"
    keys Enter
    wait_for "Bezoeken ("
    keys b
    wait_for "Nieuw klassenbezoek"
    keys Enter
    type_text "groep 6"; keys Enter
    type_text "rekenen"; keys Enter
    wait_for "tijd 00:0"
}

start "XDG_DATA_HOME='$TMPD/xdg'" "XDG_DATA_DIRS='$TMPD/sys'"
visit
type_text "Een leerling zit in de leerkuil."
wait_for "Tip: Zeg wat je zag, zonder vakjargon van het netwerk."
keys C-u
type_text "Een leerling praat over een groeimindset."
wait_for "Tip: Zeg wat je zag, zonder woorden van de school."
keys C-u
type_text "De juf legt het heel goed uit."
wait_for "Tip: "

# A broken network lexicon: said so, and the built-in words are still found.
printf 'categorieen:\n  jargon: [\n' >"$TMPD/xdg/kijkronde/oordeel.yaml"
restart "XDG_DATA_HOME='$TMPD/xdg'" "XDG_DATA_DIRS='$TMPD/sys'"
visit # the round makes its checker at once, and says what is wrong until the next key
wait_for "Een eigen lexicon (oordeel.yaml) klopt niet"
type_text "De juf legt het heel goed uit."
wait_for "Tip: Wat zag of hoorde je precies?"
echo ok
