#!/bin/sh
# What the user reads is Dutch, also in the corners: a count of one takes the singular
# ("heeft 1 punt", not "1 punten"), and a broken YAML file is explained in Dutch at
# FILE:LINE:COL, without libyaml's English problem text.
set -u
KR=$1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export XDG_DATA_HOME="$T/xdg"
unset KIJKRONDE_DB

# --- Plurals: a kijkvraag with one kijkpunt.
cat >"$T/een.yaml" <<'YEOF'
id: een-punt
vraag: Wat doen leerlingen als ze klaar zijn?
basisvaardigheid: rekenen-wiskunde
thema: Klaar
toelichting: Eén kijkpunt is te weinig.
kijkpunten:
  - Wat doen leerlingen als ze klaar zijn?
YEOF
"$KR" kijkvragen check "$T/een.yaml" >"$T/out" 2>&1; rc=$?
[ $rc -eq 2 ] || { cat "$T/out"; fail "one kijkpunt: exit $rc"; }
grep -q "'kijkpunten' heeft 1 punt; verwacht" "$T/out" || { cat "$T/out"; fail "singular 'heeft 1 punt'"; }
grep -q "1 punten" "$T/out" && { cat "$T/out"; fail "'1 punten'"; }

echo ok
