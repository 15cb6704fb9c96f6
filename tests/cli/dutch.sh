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

# --- YAML: libyaml's English never reaches the user; Dutch with FILE:LINE:COL instead.
english='found|expected|while|allowed|cannot|token|scanning|parsing|context|character|values|key'
# check_yaml NAME LINE:COL DUTCH: the file $T/NAME.yaml is refused with exit 2 at LINE:COL.
check_yaml() {
    "$KR" kijkvragen check "$T/$1.yaml" >"$T/out" 2>&1; rc=$?
    [ $rc -eq 2 ] || { cat "$T/out"; fail "$1: exit $rc"; }
    grep -q "^$T/$1.yaml:$2: $3" "$T/out" || { cat "$T/out"; fail "$1: no '$2: $3'"; }
    grep -wiE "$english" "$T/out" && fail "$1: English from libyaml"
    return 0
}
# A colon in an unquoted value (the most common mistake).
cat >"$T/dubbelepunt.yaml" <<'YEOF'
id: dubbelepunt
vraag: Wat doen leerlingen: wat zeggen ze?
basisvaardigheid: taal
YEOF
check_yaml dubbelepunt 2:27 "ongeldige YAML: hier mag geen dubbele punt"
# A value starting with a character that cannot start one.
cat >"$T/apenstaart.yaml" <<'YEOF'
id: apenstaart
vraag: @leerlingen wat doen ze?
YEOF
check_yaml apenstaart 2:8 "ongeldige YAML: hier staat een teken waarmee geen waarde kan beginnen"
# Bad indentation: a key less indented than its neighbours.
cat >"$T/inspringen.yaml" <<'YEOF'
id: inspringen
kijkpunten:
    - Wat doen leerlingen?
  - Wat zeggen ze?
YEOF
check_yaml inspringen 4:3 "ongeldige YAML: hier wordt een sleutel verwacht ('sleutel: waarde'); klopt het inspringen? (in de mapping vanaf regel 1)"
# An unclosed quote.
printf 'id: aanhaling\nvraag: "Wat doen ze?\n' >"$T/aanhaling.yaml"
check_yaml aanhaling 3:1 "ongeldige YAML: het bestand houdt op voordat de tekst is afgesloten"
# Not UTF-8 (Latin-1 ë).
printf 'id: latijn\nvraag: Wat doen leerlingen met \353?\n' >"$T/latijn.yaml"
check_yaml latijn 2:32 "geen geldige UTF-8"

# --- SQLite: a damaged database is explained in Dutch, without SQLite's English
# ("database disk image is malformed").
"$KR" --db "$T/kr.db" demo --no-tui >/dev/null || fail "demo"
size=$(wc -c <"$T/kr.db")
off=8192
while [ $off -lt "$size" ]; do
    head -c 3000 /dev/zero | tr '\000' '\377' |
        dd of="$T/kr.db" bs=1 seek=$off conv=notrunc 2>/dev/null
    off=$((off + 4096))
done
"$KR" --db "$T/kr.db" sessions >"$T/out" 2>&1; rc=$?
[ $rc -ne 0 ] || { cat "$T/out"; fail "damaged database: exit 0"; }
grep -q "de database is beschadigd" "$T/out" || { cat "$T/out"; fail "damaged database: Dutch"; }
grep -wiE 'database disk|malformed|image|error|file is not' "$T/out" &&
    fail "damaged database: English from SQLite"

echo ok
