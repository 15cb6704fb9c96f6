#!/bin/sh
# export / import / merge as a user meets them: exit codes, Dutch messages naming the
# file and the JSON path, nothing imported on a bad file, idempotence, round trips.
set -u
KR=$1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$KR" --db "$T/a.db" demo --no-tui >/dev/null || fail "demo"
"$KR" --db "$T/a.db" export latest --format json >"$T/a.json" || fail "export json"
grep -q '"format": "kijkronde/1"' "$T/a.json" || fail "format key"
/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["observations"]) == 85, len(d["observations"]); assert len(d["visits"]) == 7' "$T/a.json" \
    || fail "export is not the demo as JSON"

# Export, import into an empty database, export again: the same.
"$KR" --db "$T/b.db" import "$T/a.json" >"$T/out" || fail "import"
grep -q '85 nieuwe notities' "$T/out" || fail "import does not report 85 notes: $(cat "$T/out")"
"$KR" --db "$T/b.db" export latest --format json -o "$T/b.json" >/dev/null || fail "export -o"
cmp -s "$T/a.json" "$T/b.json" || fail "export, import, export differs"
"$KR" --db "$T/b.db" import "$T/a.json" >"$T/out" || fail "import twice"
grep -q 'niets veranderd' "$T/out" || fail "second import changed something"

# A bad file: exit 2, the file and JSON path named, nothing imported.
sed '0,/"visit":"[^"]*"/s//"visit":"x"/' "$T/a.json" >"$T/bad.json"
"$KR" --db "$T/c.db" import "$T/bad.json" 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || fail "bad import exit $rc"
grep -q 'bad.json: observations\[0\].visit: onbekend bezoek "x"' "$T/err" || fail "message: $(cat "$T/err")"
n=$("$KR" --db "$T/c.db" sessions --json | grep -c '"id"')
[ "$n" = 0 ] || fail "bad import imported $n sessions"
printf '{"format": "kijkronde/1",\n  "session": {"id": }\n' >"$T/syntax.json"
"$KR" --db "$T/c.db" import "$T/syntax.json" 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || fail "syntax error exit $rc"
grep -q 'syntax.json:2:21: geen geldige JSON' "$T/err" || fail "syntax message: $(cat "$T/err")"
"$KR" --db "$T/c.db" import "$T/missing.json" 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || fail "missing file exit $rc"

# merge: idempotent, refuses itself and non-databases (exit 2, nothing changed).
"$KR" --db "$T/d.db" merge "$T/a.db" >"$T/out" || fail "merge"
grep -q '85 nieuwe notities' "$T/out" || fail "merge report: $(cat "$T/out")"
"$KR" --db "$T/d.db" merge "$T/a.db" >"$T/out" || fail "merge twice"
grep -q 'niets veranderd' "$T/out" || fail "second merge changed something"
"$KR" --db "$T/d.db" merge "$T/d.db" 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || fail "merge into itself exit $rc"
grep -q 'zichzelf' "$T/err" || fail "self-merge message"
"$KR" --db "$T/d.db" merge "$T/a.json" 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || fail "merge of a JSON file exit $rc"
grep -q 'geen kijkronde-database' "$T/err" || fail "non-db message"
"$KR" --db "$T/d.db" export latest --format json >"$T/d.json" || fail "export d"
cmp -s "$T/a.json" "$T/d.json" || fail "merge is not a copy of the session"

# Usage errors
"$KR" --db "$T/a.db" export latest --format pdf 2>/dev/null; [ $? -eq 2 ] || fail "bad format"
"$KR" --db "$T/a.db" export --format json 2>/dev/null; [ $? -eq 2 ] || fail "no session"
"$KR" --db "$T/a.db" export nope --format json 2>/dev/null; [ $? -eq 2 ] || fail "unknown session"
echo ok
