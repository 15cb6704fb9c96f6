#!/bin/sh
# `kijkronde kijkvragen` as a school and a coordinator use it: the library (built in, from
# XDG_DATA_HOME and --kijkvragen, with overrides), check of files with exit codes and
# FILE:LINE:COL, and the lint of a typed question. Also: any junk given to check ends in
# exit 1 or 2 with a message, never a crash, and no control byte reaches the terminal.
set -u
KR=$1
SRC=${KR_SOURCE_ROOT:?}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
export XDG_DATA_HOME="$T/xdg"
unset KIJKRONDE_DB

# --- list --json: at least 16, all four basisvaardigheden, every file in kijkvragen/ built in.
"$KR" kijkvragen list --json >"$T/list.json" 2>"$T/err" || fail "list --json exit"
[ -s "$T/err" ] && { cat "$T/err"; fail "list printed notices for the built-in library"; }
nfiles=$(ls "$SRC"/kijkvragen/*.yaml | wc -l)
"$PY" - "$T/list.json" "$nfiles" <<'PYEOF' || fail "list --json content"
import json, sys
items = json.load(open(sys.argv[1]))
assert len(items) >= 16, len(items)
assert len(items) == int(sys.argv[2]), ("every kijkvragen/*.yaml must be in src/kijkvraag/meson.build", len(items), sys.argv[2])
basis = {i["basisvaardigheid"] for i in items}
assert basis == {"taal", "rekenen-wiskunde", "burgerschap", "digitale-geletterdheid"}, basis
ids = [i["id"] for i in items]
assert len(set(ids)) == len(ids)
for i in items:
    assert 3 <= len(i["kijkpunten"]) <= 8, i["id"]
    assert i["vraag"] and i["thema"] and i["toelichting"], i["id"]
    assert i["ingebouwd"] is True
demo = [i for i in items if i["id"] == "rekenen-vastlopen"]
assert demo and demo[0]["vraag"] == "Wat doen en zeggen leerlingen als een rekenopgave moeilijk voor ze is? Wat doen ze daarna?", demo
PYEOF
"$KR" kijkvragen | grep -q '^rekenen-vastlopen  *rekenen-wiskunde  *Wat doen en zeggen' ||
    fail "kijkvragen (text) lists rekenen-vastlopen"
"$KR" kijkvragen list | head -1 | grep -q 'BASISVAARDIGHEID' || fail "list header"

# --- check: the shipped library is valid and lint-clean.
"$KR" kijkvragen check "$SRC"/kijkvragen/*.yaml >"$T/out" 2>&1 || { cat "$T/out"; fail "check library"; }

# A broken file: exit 2 with FILE:LINE:COL and what was expected.
sed 's/^thema:/themaa:/' "$SRC/kijkvragen/taal-weekwoorden.yaml" >"$T/taal-weekwoorden.yaml"
"$KR" kijkvragen check "$T/taal-weekwoorden.yaml" >"$T/out" 2>&1; rc=$?
[ $rc -eq 2 ] || fail "broken file exit $rc"
line=$(grep -n '^themaa:' "$T/taal-weekwoorden.yaml" | cut -d: -f1)
grep -q "^$T/taal-weekwoorden.yaml:$line:1: onbekende sleutel 'themaa'" "$T/out" ||
    { cat "$T/out"; fail "broken file message"; }
# Valid files next to it are still checked (and the exit stays 2).
"$KR" kijkvragen check "$T/taal-weekwoorden.yaml" "$SRC/kijkvragen/rekenen-vastlopen.yaml" \
    >"$T/out" 2>&1; rc=$?
[ $rc -eq 2 ] || fail "broken + good exit $rc"

# A valid file with a checking question: exit 1, findings at the words' column.
cat >"$T/edi.yaml" <<'YEOF'
id: edi
vraag: Wordt het EDI-model goed toegepast?
basisvaardigheid: rekenen-wiskunde
thema: EDI
toelichting: De school werkt met EDI.
kijkpunten: [een, twee, drie]
YEOF
"$KR" kijkvragen check "$T/edi.yaml" >"$T/out" 2>&1; rc=$?
[ $rc -eq 1 ] || { cat "$T/out"; fail "lint findings exit $rc"; }
grep -q "^$T/edi.yaml:2:8: gesloten: " "$T/out" || { cat "$T/out"; fail "gesloten at 2:8"; }
grep -q "^$T/edi.yaml:2:28: toetsend: 'goed toegepast'" "$T/out" || { cat "$T/out"; fail "toetsend at 2:28"; }
grep -q "^$T/edi.yaml:2:28: toetsend: .* Tip: .*Wat doen en zeggen leerlingen" "$T/out" ||
    fail "check gives a rewrite on the finding's line"
grep -qv "^$T/edi.yaml:[0-9]*:[0-9]*: " "$T/out" && { cat "$T/out"; fail "a check line without FILE:LINE:COL"; }

# A good vraag with a closed and a teacher-centred kijkpunt: exit 1, each at its kijkpunt's
# line; an open kijkpunt about learners gets nothing.
cat >"$T/kp.yaml" <<'YEOF'
id: kp
vraag: Wat doen leerlingen als ze bij een som vastlopen?
basisvaardigheid: rekenen-wiskunde
thema: Vastlopen
toelichting: Wat leerlingen doen als het moeilijk wordt.
kijkpunten:
  - Wat doen leerlingen in de eerste minuut nadat ze vastlopen?
  - Vragen leerlingen een klasgenoot om hulp?
  - Hoe helpt de leerkracht leerlingen die vastlopen?
YEOF
"$KR" kijkvragen check "$T/kp.yaml" >"$T/out" 2>&1; rc=$?
[ $rc -eq 1 ] || { cat "$T/out"; fail "kijkpunt findings exit $rc"; }
grep -q "^$T/kp.yaml:8:5: gesloten: Kijkpunt 2: " "$T/out" || { cat "$T/out"; fail "closed kijkpunt"; }
grep -q "^$T/kp.yaml:9:5: leraargericht: Kijkpunt 3: .* Tip: " "$T/out" ||
    { cat "$T/out"; fail "teacher-centred kijkpunt"; }
[ "$(wc -l <"$T/out")" -eq 2 ] || { cat "$T/out"; fail "only the two kijkpunten"; }

# Two files with the same id.
mkdir "$T/b"
cp "$SRC/kijkvragen/rekenen-vastlopen.yaml" "$T/b/"
"$KR" kijkvragen check "$SRC/kijkvragen/rekenen-vastlopen.yaml" "$T/b/rekenen-vastlopen.yaml" \
    >"$T/out" 2>&1; rc=$?
[ $rc -eq 2 ] || fail "duplicate id exit $rc"
grep -q "^$T/b/rekenen-vastlopen.yaml:2:5: id 'rekenen-vastlopen' komt ook voor" "$T/out" ||
    { cat "$T/out"; fail "duplicate id message"; }

# --- lint
"$KR" kijkvragen lint "Wat doen leerlingen wanneer zij werken met digitale leermiddelen?" \
    >"$T/out" || fail "good question flagged"
grep -q "Geen opmerkingen" "$T/out" || fail "clean lint says so"
"$KR" kijkvragen lint "Wordt het EDI-model goed toegepast?" >"$T/out"; rc=$?
[ $rc -eq 1 ] || fail "bad question exit $rc"
grep -q "toetsend" "$T/out" || fail "toetsend"
"$KR" kijkvragen lint --json "Hoe geeft de leerkracht instructie?" "Zijn de leerlingen gemotiveerd?" \
    >"$T/out.json"; rc=$?
[ $rc -eq 1 ] || fail "lint --json exit $rc"
"$PY" - "$T/out.json" <<'PYEOF' || fail "lint --json content"
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert len(lines) == 2
a, b = (json.loads(l) for l in lines)
assert a["text"] == "Hoe geeft de leerkracht instructie?"
k = {f["kind"]: f for f in a["findings"]}
assert "leraargericht" in k and k["leraargericht"]["match"] == "leerkracht", a
f = k["leraargericht"]
assert a["text"].encode()[f["start"]:f["end"]].decode() == f["match"]
assert "leerlingen" in f["hint"] and "instructie" in f["hint"], f["hint"]
kinds = {f["kind"] for f in b["findings"]}
assert {"gesloten", "onzichtbaar"} <= kinds, kinds
PYEOF
# A file name given to lint: linted as text (the contract), with a pointer to `kijkvragen check`.
"$KR" kijkvragen lint kijkvragen/eigen.yaml >/dev/null 2>"$T/err"
grep -q "kijkvragen check BESTAND" "$T/err" || fail "lint of a file name points to kijkvragen check"
"$KR" kijkvragen lint "leerlingen lezen.yaml" >/dev/null 2>"$T/err"
[ ! -s "$T/err" ] || fail "a question with spaces is not taken for a file name"
"$KR" kijkvragen lint >/dev/null 2>&1; [ $? -eq 2 ] || fail "lint without a question is a usage error"
"$KR" kijkvragen bla >/dev/null 2>&1; [ $? -eq 2 ] || fail "unknown subcommand"

# Control bytes in a question or a file never reach the terminal.
esc=$(printf 'Wordt \033]0;x\007het model \033[31mtoegepast?')
"$KR" kijkvragen lint "$esc" >"$T/out" 2>&1
"$KR" kijkvragen lint --json "$esc" >>"$T/out" 2>&1
printf 'id: x\nvraag: "a\\e[31mb"\n' >"$T/esc.yaml"
"$KR" kijkvragen check "$T/esc.yaml" >>"$T/out" 2>&1
printf 'id: x\n\033[31monbekend: 1\n' >"$T/esc2.yaml"
"$KR" kijkvragen check "$T/esc2.yaml" >>"$T/out" 2>&1
"$KR" kijkvragen check "$(printf '%s/n\033[2Jaam.yaml' "$T")" >>"$T/out" 2>&1
"$KR" --kijkvragen "$(printf '%s/m\033[2Jap' "$T")" kijkvragen list >>"$T/out" 2>&1
"$KR" kijkvragen list "$(printf -- '--x\033[2J')" >>"$T/out" 2>&1
"$KR" kijkvragen lint "$(printf -- '--x\033[2J')" >>"$T/out" 2>&1
"$KR" kijkvragen "$(printf -- 'x\033[2J')" >>"$T/out" 2>&1
if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$T/out"; then
    cat -v "$T/out"; fail "a control byte reached the output"
fi

# --- where kijkvragen are found: XDG_DATA_HOME, then --kijkvragen DIR; overrides with a notice.
mkdir -p "$T/xdg/kijkronde/kijkvragen" "$T/net"
sed 's/^vraag: .*/vraag: Wat doen leerlingen als een som moeilijk is?/' \
    "$SRC/kijkvragen/rekenen-vastlopen.yaml" >"$T/xdg/kijkronde/kijkvragen/rekenen-vastlopen.yaml"
sed 's/^id: .*/id: eigen-vraag/' "$SRC/kijkvragen/taal-thuistaal.yaml" >"$T/net/eigen-vraag.yaml"
printf 'id: kapot\nvraag: [\n' >"$T/net/kapot.yaml"
"$KR" --kijkvragen "$T/net" kijkvragen list --json >"$T/list.json" 2>"$T/err" ||
    fail "list with user files"
grep -q "rekenen-vastlopen.yaml: vervangt kijkvraag 'rekenen-vastlopen'" "$T/err" ||
    { cat "$T/err"; fail "override notice"; }
grep -q "^$T/net/kapot.yaml:[0-9]*:[0-9]*: .*overgeslagen" "$T/err" ||
    { cat "$T/err"; fail "broken user file notice"; }
"$PY" - "$T/list.json" "$nfiles" <<'PYEOF' || fail "overrides in list"
import json, sys
items = {i["id"]: i for i in json.load(open(sys.argv[1]))}
assert len(items) == int(sys.argv[2]) + 1, len(items)
assert items["rekenen-vastlopen"]["vraag"] == "Wat doen leerlingen als een som moeilijk is?"
assert items["rekenen-vastlopen"]["ingebouwd"] is False
assert "eigen-vraag" in items and "kapot" not in items
PYEOF
"$KR" --kijkvragen "$T/bestaat-niet" kijkvragen list >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || fail "missing --kijkvragen dir exit $rc"
grep -q "bestaat-niet" "$T/err" || fail "missing dir named"

# --- junk given to check: exit 1 or 2 with a message, never a crash.
printf '' >"$T/leeg.yaml"
head -c 4096 /dev/urandom >"$T/junk.yaml"
printf 'id: x\nvraag: "\377\376"\n' >"$T/utf8.yaml"
"$PY" -c "print('a: ' + '[' * 10000)" >"$T/diep.yaml"
"$PY" -c "
print('a: &a [x, x, x, x, x, x, x, x, x]')
for i in range(1, 12): print('a%d: &a%d [*a%s, *a%s, *a%s, *a%s, *a%s, *a%s, *a%s, *a%s, *a%s]' % ((i, i) + (('' if i == 1 else str(i - 1)),) * 9))
" >"$T/bom.yaml"
"$PY" -c "
import sys
sys.stdout.write('id: groot\nvraag: Wat doen leerlingen?\ntoelichting: |\n')
line = '  ' + 'x' * 98 + '\n'
sys.stdout.write(line * (10 * 1024 * 1024 // len(line)))
" >"$T/groot.yaml"
printf -- '--- \nid: a\n--- \nid: b\n' >"$T/twee.yaml"
for f in leeg junk utf8 diep bom groot twee; do
    "$KR" kijkvragen check "$T/$f.yaml" >"$T/out" 2>&1; rc=$?
    [ $rc -eq 1 ] || [ $rc -eq 2 ] || { cat "$T/out" | head -5; fail "$f.yaml exit $rc"; }
    grep -q "$T/$f.yaml" "$T/out" || { head -5 "$T/out"; fail "$f.yaml message does not name the file"; }
done
# Every case of the public YAML test suite (tests/data/yaml-test-suite.README): one answer
# per file, exit 1 or 2, never a crash.
mkdir "$T/yts"
"$PY" - "$SRC/tests/data/yaml-test-suite.jsonl" "$T/yts" <<'PYEOF' || fail "unpack yaml-test-suite"
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    c = json.loads(line)
    open("%s/%s.yaml" % (sys.argv[2], c["id"]), "w", encoding="utf-8").write(c["yaml"])
PYEOF
"$KR" kijkvragen check "$T"/yts/*.yaml >"$T/out" 2>&1; rc=$?
[ $rc -eq 2 ] || fail "yaml-test-suite exit $rc"
"$PY" - "$T/out" "$T"/yts/*.yaml <<'PYEOF' || fail "an answer per yaml-test-suite file"
import sys
out = open(sys.argv[1], encoding="utf-8", errors="replace").read().splitlines()
named = {l.split(":", 1)[0] for l in out}
missing = [f for f in sys.argv[2:] if f not in named]
assert not missing, missing[:5]
PYEOF
"$KR" kijkvragen check "$T" >"$T/out" 2>&1; [ $? -eq 2 ] || fail "a directory"
"$KR" kijkvragen check "$T/nergens.yaml" >"$T/out" 2>&1; [ $? -eq 2 ] || fail "missing file"
# --- the built-in library is inside the program: a copy elsewhere and an installed program
# (meson install --destdir) list it too, run from / so no source tree is near.
count() { "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))'; }
cp "$KR" "$T/kopie"
n=$(cd / && XDG_DATA_HOME="$T/leeg" "$T/kopie" kijkvragen list --json | count)
[ "$n" = "$nfiles" ] || fail "a copy of the program lists $n kijkvragen"
BUILD=$(dirname "$KR")
if command -v meson >/dev/null && [ -d "$BUILD/meson-private" ]; then
    meson install -C "$BUILD" --no-rebuild --destdir "$T/dest" >"$T/install.log" 2>&1 ||
        { tail -5 "$T/install.log"; fail "meson install --destdir"; }
    inst=$(find "$T/dest" -type f -name kijkronde -perm -u+x | head -1)
    [ -n "$inst" ] || fail "no installed kijkronde"
    n=$(cd / && XDG_DATA_HOME="$T/leeg" "$inst" kijkvragen list --json | count)
    [ "$n" = "$nfiles" ] || fail "the installed program lists $n kijkvragen"
fi
echo "ok"
