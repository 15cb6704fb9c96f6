#!/bin/sh
# The network over time (issue 16): three bijeenkomsten of one network imported as kijkronde/1
# (in another order than their dates): `network NAME --json` lists them in date order, gives
# >= 2 recurring patterns each seen in >= 2 bijeenkomsten with existing, shown note ids, and the
# next step of the first with its follow-up recorded at the third; the list of networks; look-up
# by id prefix; the reports in md, html (every host school named, an SVG, locale-safe numbers)
# and json, without judging notes or names, and with --pseudoniem without the schools' names.
set -u
KR=$1
DIR=$(cd "$(dirname "$0")" && pwd)
DATA=$DIR/../data/network
PY=/usr/bin/python3
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
NET="Leernetwerk Rivierenland"

for i in 3 1 2; do
    "$KR" --db "$T/k.db" import "$DATA/bijeenkomst-$i.json" >/dev/null || fail "import $i"
done
# Importing again changes nothing: still one network of three bijeenkomsten.
"$KR" --db "$T/k.db" import "$DATA/bijeenkomst-1.json" >/dev/null || fail "import again"

"$KR" --db "$T/k.db" network "$NET" --json >"$T/n.json" || fail "network --json"
$PY - "$T/n.json" "$DATA" <<'EOF' || fail "network --json"
import json, sys, os
d = json.load(open(sys.argv[1], encoding="utf-8"))
files = [json.load(open(os.path.join(sys.argv[2], "bijeenkomst-%d.json" % i), encoding="utf-8"))
         for i in (1, 2, 3)]
note_session = {o["id"]: f["session"]["id"] for f in files for o in f["observations"]}
assert d["network"]["name"] == "Leernetwerk Rivierenland", d["network"]
sessions = [s["id"] for s in d["sessions"]]
assert sessions == ["net16-s1", "net16-s2", "net16-s3"], sessions
dates = [s["date"] for s in d["sessions"]]
assert dates == sorted(dates), dates
assert [s["observations"] for s in d["sessions"]] == [10, 7, 7], d["sessions"]
assert d["sessions"][0]["host_school"] == "Basisschool De Klimop", d["sessions"][0]
assert d["sessions"][0]["kijkvraag"].startswith("Wat doen leerlingen"), d["sessions"][0]
rec = d["recurring"]
assert len(rec) >= 2, rec
ids = [p["id"] for p in rec]
assert len(ids) == len(set(ids)), "a pattern id twice: %s" % ids
judging = "net16-s1-o09"  # "De juf legt het heel goed uit": never in a recurring pattern
for p in rec:
    assert p["corner"] in ("leerling", "leraar", "leerinhoud"), p
    assert len(p["sessions"]) >= 2 and set(p["sessions"]) <= set(sessions), p
    assert p["statement"] and p["statement"].endswith("."), p
    assert p["observations"], p
    seen = set()
    for o in p["observations"]:
        assert o in note_session, "unknown note %s" % o
        assert o != judging, "a judging note in a recurring pattern"
        assert note_session[o] in p["sessions"], (o, p["sessions"])
        seen.add(note_session[o])
    assert seen == set(p["sessions"]), (seen, p["sessions"])
    assert "Sanne" not in p["statement"], p["statement"]
corners = {p["corner"] for p in rec}
assert {"leerling", "leraar"} <= corners, corners
steps = {s["id"]: s for s in d["next_steps"]}
s1 = steps["net16-s1-stap1"]
assert s1["session"] == "net16-s1", s1
assert s1["follow_up"] == {"session": "net16-s3", "status": "gedaan",
                           "text": "In vier van de zes groepen vroegen leraren het eerst."}, s1
assert steps["net16-s1-stap2"]["follow_up"]["status"] == "bezig", steps["net16-s1-stap2"]
assert steps["net16-s2-stap1"]["follow_up"] is None, steps["net16-s2-stap1"]
assert [s["session"] for s in d["next_steps"]] == ["net16-s1", "net16-s1", "net16-s2"]
print("network --json: %d bijeenkomsten, %d recurring patterns, %d next steps"
      % (len(sessions), len(rec), len(steps)))
EOF

# The list of networks, as text and JSON; look-up by id prefix; errors in Dutch, exit 2.
"$KR" --db "$T/k.db" network >"$T/list.txt" || fail "network"
grep -q "$NET" "$T/list.txt" || fail "the list lacks the network"
"$KR" --db "$T/k.db" network --json >"$T/list.json" || fail "network --json (list)"
ID=$($PY -c '
import json, sys
l = json.load(open(sys.argv[1]))
assert len(l) == 1 and l[0]["sessions"] == 3 and l[0]["schools"] == 3, l
assert l[0]["observations"] == 24 and l[0]["open_steps"] == 1, l
print(l[0]["id"])' "$T/list.json") || fail "network --json list: $(cat "$T/list.json")"
PREFIX=$(printf '%s' "$ID" | cut -c1-8)
"$KR" --db "$T/k.db" network "$PREFIX" >"$T/text.txt" || fail "network by id prefix"
grep -q "B1 .*12 maart 2026" "$T/text.txt" || fail "text lacks B1: $(cat "$T/text.txt")"
grep -q "gedaan bij B3" "$T/text.txt" || fail "text lacks the follow-up at B3"
"$KR" --db "$T/k.db" network Nergensland >"$T/o" 2>"$T/e"
[ $? -eq 2 ] || fail "unknown network: exit not 2"
grep -q "Geen netwerk 'Nergensland'" "$T/e" || fail "unknown network message: $(cat "$T/e")"
"$KR" --db "$T/k.db" network "$(printf 'x\033[2Jy')" >"$T/o" 2>"$T/e"
[ $? -eq 2 ] || fail "a network name with control bytes: exit not 2"
LC_ALL=C grep -q "$(printf '\033')" "$T/e" && fail "a control byte echoed to the terminal"
"$KR" --db "$T/k.db" export --network "$NET" --format csv >"$T/o" 2>"$T/e"
[ $? -eq 2 ] || fail "csv network report: exit not 2"
"$KR" --db "$T/k.db" export latest --network "$NET" --format md >"$T/o" 2>"$T/e"
[ $? -eq 2 ] || fail "a session and --network: exit not 2"

# The reports: every host school named, the follow-up, no judging note, no name.
"$KR" --db "$T/k.db" export --network "$NET" --format html -o "$T/r.html" >/dev/null ||
    fail "export --network html"
"$KR" --db "$T/k.db" export --network "$NET" --format md -o "$T/r.md" >/dev/null ||
    fail "export --network md"
"$KR" --db "$T/k.db" export --network "$NET" --format json -o "$T/r.json" >/dev/null ||
    fail "export --network json"
cmp -s "$T/r.json" "$T/n.json" || fail "export --network json differs from network --json"
for school in "Basisschool De Klimop" "Het Anker" "De Wilg"; do
    grep -q "$school" "$T/r.html" || fail "html lacks host school $school"
    grep -q "$school" "$T/r.md" || fail "md lacks host school $school"
done
for f in r.html r.md r.json; do
    grep -q "heel goed uit" "$T/$f" && fail "$f has the judging note"
    grep -q "Sanne" "$T/$f" && fail "$f has a pupil's name"
    grep -q "Anja" "$T/$f" && fail "$f has a teacher's name"
done
grep -q "In vier van de zes groepen vroegen leraren het eerst" "$T/r.html" ||
    fail "html lacks the follow-up"
grep -q "gedaan bij B3" "$T/r.md" || fail "md lacks the follow-up at B3"
$PY - "$T/r.html" <<'EOF' || fail "html picture"
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
svg = re.findall(r"<svg.*?</svg>", html, re.S)
assert len(svg) == 1, "no svg"
s = svg[0]
for code in ("B1", "B2", "B3", "P1", "P2"):
    assert ">%s<" % code in s or ">%s " % code in s, code
assert s.count('class="dot"') >= 5, "marks where the patterns were seen"
assert 'class="done"' in s and 'class="half"' in s and 'class="todo"' in s, "follow-up signs"
EOF

# --pseudoniem: no school's or network's name anywhere, "School A" for the first host.
"$KR" --db "$T/k.db" export --network "$NET" --format html --pseudoniem -o "$T/p.html" \
    >/dev/null || fail "export --network --pseudoniem"
for name in "De Klimop" "Het Anker" "De Wilg" "Rivierenland" "Sanne" "Anja"; do
    grep -q "$name" "$T/p.html" && fail "--pseudoniem html still has $name"
done
grep -q "School A" "$T/p.html" || fail "--pseudoniem html lacks School A"

# Under the Dutch locale (decimal comma) the numbers in the SVG and the JSON stay plain.
if locale -a 2>/dev/null | grep -qi '^nl_NL\.utf-\?8$'; then
    LC_ALL=nl_NL.UTF-8 "$KR" --db "$T/k.db" export --network "$NET" --format html -o "$T/nl.html" \
        >/dev/null || fail "html under nl_NL"
    $PY - "$T/nl.html" <<'EOF' || fail "an SVG number depends on the locale"
import re, sys
s = "".join(re.findall(r"<svg.*?</svg>", open(sys.argv[1], encoding="utf-8").read(), re.S))
for attr, val in re.findall(r'\b(cx|cy|r|x|y|x1|y1|x2|y2|width|height|viewBox)="([^"]*)"', s):
    assert re.fullmatch(r"-?[0-9]+( -?[0-9]+)*", val), f"{attr}={val!r}"
EOF
    LC_ALL=nl_NL.UTF-8 "$KR" --db "$T/k.db" network "$NET" --json | cmp -s - "$T/n.json" ||
        fail "network --json differs under nl_NL"
fi
echo "network: ok"
