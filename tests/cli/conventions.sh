#!/bin/sh
# Command-line conventions (issue 19.4): '-' is standard input for import and standard
# output for export -o; --json for import, merge and kijkvragen check, parsed by
# python3 -m json.tool; the same exit codes as without --json.
set -u
KR=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") # the test runs in a temp directory
SRC=$(cd "${KR_SOURCE_ROOT:-$(dirname "$0")/../..}" && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
json() { python3 -m json.tool "$1" >/dev/null 2>&1 || { cat "$1"; fail "$2: not valid JSON"; }; }
cd "$T" || exit 1

"$KR" --db a.db demo --no-tui >/dev/null || fail "demo"
"$KR" --db a.db export latest --format json >a.json || fail "export json"

# --- export -o -: standard output for every format, the same bytes, no file named "-".
for f in md html csv json; do
    "$KR" --db a.db export latest --format "$f" >"plain.$f" || fail "export $f"
    "$KR" --db a.db export latest --format "$f" -o - >"dash.$f" 2>err || fail "export $f -o -"
    cmp -s "plain.$f" "dash.$f" || fail "-o - differs from stdout for $f"
    [ -s err ] && fail "export $f -o - wrote to stderr: $(cat err)"
    [ -e ./- ] && fail "export $f -o - made a file named '-'"
done
ls -a | grep -q 'tmp-' && fail "a temporary file was left behind"
# -o FILE still reports on stdout; -o - prints nothing but the export.
"$KR" --db a.db export latest --format csv -o out.csv >msg || fail "export -o FILE"
grep -q 'out.csv' msg || fail "export -o FILE message: $(cat msg)"
cmp -s out.csv plain.csv || fail "-o FILE differs"

# --- import -: standard input, the same validation and messages, naming standaardinvoer.
"$KR" --db b.db import - <a.json >out || fail "import -"
grep -q 'standaardinvoer' out || fail "import - report: $(cat out)"
grep -q '85 nieuwe notities' out || fail "import - did not add 85 notes: $(cat out)"
"$KR" --db b.db export latest --format json -o - >b.json || fail "export b"
cmp -s a.json b.json || fail "import - then export differs"
"$KR" --db b.db import - <a.json >out || fail "import - twice"
grep -q 'niets veranderd' out || fail "second import - changed something"
sed '0,/"visit":"[^"]*"/s//"visit":"x"/' a.json | "$KR" --db c.db import - 2>err; rc=$?
[ $rc -eq 2 ] || fail "bad stdin import exit $rc"
grep -q '^standaardinvoer: observations\[0\].visit: onbekend bezoek "x"' err ||
    fail "bad stdin message: $(cat err)"
printf '{"format": "kijkronde/1",\n  "session": {"id": }\n' | "$KR" --db c.db import - 2>err; rc=$?
[ $rc -eq 2 ] || fail "syntax error on stdin exit $rc"
grep -q '^standaardinvoer:2:21: geen geldige JSON' err || fail "stdin syntax message: $(cat err)"
"$KR" --db c.db import - </dev/null 2>err; rc=$?
[ $rc -eq 2 ] || fail "empty stdin exit $rc"
grep -q '^standaardinvoer:1:1: ' err || fail "empty stdin message: $(cat err)"
n=$("$KR" --db c.db sessions --json | grep -c '"id"')
[ "$n" = 0 ] || fail "a bad stdin import imported $n sessions"
# Usage: one input, an unknown option.
"$KR" --db c.db import - a.json 2>/dev/null; [ $? -eq 2 ] || fail "two inputs"
"$KR" --db c.db import --nope a.json 2>/dev/null; [ $? -eq 2 ] || fail "unknown option"
"$KR" --db c.db merge - 2>/dev/null; [ $? -eq 2 ] || fail "merge -"

# --- import --json / merge --json: one object with the counts.
"$KR" --db d.db import --json a.json >out.json || fail "import --json"
json out.json "import --json"
python3 - out.json <<'PY' || fail "import --json counts: $(cat out.json)"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["file"] == "a.json" and d["changed"] is True, d
added = {k: d["added"][k] for k in ("sessions", "visits", "observations", "versions")}
assert added == {"sessions": 1, "visits": 7, "observations": 85, "versions": 85}, d
assert d["added"]["tweetallen"] >= 1 and isinstance(d["other_changed"], int), d
assert d["updated"] == {"observations": 0, "sessions": 0, "visits": 0, "tweetallen": 0}, d
PY
"$KR" --db d.db import --json - <a.json >out.json || fail "import --json - twice"
json out.json "import --json -"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["file"] == "-" and d["changed"] is False and d["added"]["observations"] == 0, d' out.json ||
    fail "second import --json: $(cat out.json)"
[ "$(wc -l <out.json)" -eq 1 ] || fail "import --json is not one line"
"$KR" --db e.db merge --json a.db >out.json || fail "merge --json"
json out.json "merge --json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["file"] == "a.db" and d["changed"] and d["added"]["observations"] == 85 and d["added"]["sessions"] == 1, d' out.json ||
    fail "merge --json counts: $(cat out.json)"
"$KR" --db e.db merge --json a.db >out.json || fail "merge --json twice"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert not d["changed"], d' out.json ||
    fail "second merge --json: $(cat out.json)"
"$KR" --db e.db merge --json a.json >out.json 2>err; rc=$?
[ $rc -eq 2 ] || fail "merge --json of a non-database exit $rc"
grep -q 'geen kijkronde-database' err || fail "merge --json error message: $(cat err)"

# --- kijkvragen check --json: one object per finding; exit codes as without --json.
"$KR" kijkvragen check --json "$SRC"/kijkvragen/*.yaml >out.json; rc=$?
[ $rc -eq 0 ] || fail "check --json of the library exit $rc"
json out.json "check --json clean"
python3 -c 'import json,sys; assert json.load(open(sys.argv[1])) == []' out.json || fail "clean is not []"
cat >edi.yaml <<'YEOF'
id: edi
vraag: Wordt het EDI-model goed toegepast?
basisvaardigheid: rekenen-wiskunde
thema: EDI
toelichting: De school werkt met EDI.
kijkpunten:
  - Wat doen leerlingen in de eerste minuut?
  - Vragen leerlingen een klasgenoot om hulp?
  - Wat zeggen leerlingen tegen elkaar?
YEOF
printf 'id: kapot\nvraag: [\n' >kapot.yaml
"$KR" kijkvragen check edi.yaml >plain.txt; rc_plain=$?
"$KR" kijkvragen check --json edi.yaml >out.json; rc=$?
[ $rc -eq 1 ] && [ $rc_plain -eq 1 ] || fail "lint findings exit $rc (plain $rc_plain)"
json out.json "check --json findings"
python3 - out.json plain.txt <<'PY' || fail "check --json findings: $(cat out.json)"
import json, sys
d = json.load(open(sys.argv[1]))
plain = open(sys.argv[2]).read().splitlines()
assert len(d) == len(plain) >= 3, (d, plain)
for f in d:
    assert set(f) >= {"file", "line", "col", "kind", "message"}, f
    assert f["file"] == "edi.yaml" and isinstance(f["line"], int) and isinstance(f["col"], int), f
kinds = {(f["line"], f["col"], f["kind"]) for f in d}
assert (2, 8, "gesloten") in kinds and (2, 28, "toetsend") in kinds, kinds
assert (8, 5, "gesloten") in kinds, kinds
assert any(f["message"].startswith("Kijkpunt 2: ") for f in d), d
PY
"$KR" kijkvragen check --json edi.yaml kapot.yaml missing.yaml >out.json; rc=$?
[ $rc -eq 2 ] || fail "invalid file with --json exit $rc"
json out.json "check --json invalid"
python3 - out.json <<'PY' || fail "check --json invalid: $(cat out.json)"
import json, sys
d = json.load(open(sys.argv[1]))
bad = [f for f in d if f["kind"] == "ongeldig"]
assert [f["file"] for f in bad] == ["kapot.yaml", "missing.yaml"], bad
assert isinstance(bad[0]["line"], int) and bad[1]["line"] is None, bad
PY
# "--json" is never read as a file; an unknown option is a usage error.
"$KR" kijkvragen check --json 2>err; [ $? -eq 2 ] || fail "check --json without files"
grep -q 'bestanden nodig' err || fail "check --json without files message: $(cat err)"
"$KR" kijkvragen check --nope edi.yaml 2>/dev/null; [ $? -eq 2 ] || fail "check --nope"
# --db also after the command (as a teacher writes it), once; a second, other file is refused.
"$KR" --db "$T/after.db" demo --no-tui >/dev/null || fail "demo for --db after"
"$KR" sessions --db "$T/after.db" | grep -q "(demo)" || fail "sessions --db FILE after the command"
"$KR" sessions --json --db="$T/after.db" | grep -q '"observations"' || fail "--db=FILE after"
"$KR" --db "$T/other.db" sessions --db "$T/after.db" 2>err; [ $? -eq 2 ] || fail "two --db"
grep -q "twee keer" err || fail "two --db message: $(cat err)"
[ ! -e "$T/other.db" ] || fail "a refused command made a database"
echo ok
