#!/bin/sh
# Issue 15's acceptance, end to end on the demo, the way a coordinator would check it:
# - every pattern (patterns --json; the judging notes are their own section, not a pattern)
#   has a statement of at least four words that `kijkronde check` does not flag, and an extent;
# - the kijkronde/1 export has a theory of action and >= 3 next steps whose evidence ids exist
#   in the same export, and every group pattern carries its confirmed extent;
# - export -> import into a fresh database -> export: theory_of_action, next_steps and the
#   group patterns' extents equal, and the fresh database's patterns have the same
#   statements and extents;
# - the HTML summary shows the text of every next step.
set -u
KR=$1
PY=/usr/bin/python3
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$KR" --db "$T/a.db" demo --no-tui >/dev/null || fail "demo"
"$KR" --db "$T/a.db" export latest --format json >"$T/a.json" || fail "export json"
"$KR" --db "$T/a.db" patterns latest --json >"$T/pa.json" || fail "patterns --json"

# Every pattern: a statement of >= 4 words and an extent of the four words.
$PY - "$T/pa.json" "$T/statements" <<'EOF' || fail "statements and extents"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
words = ("enkele", "sommige", "veel", "de meeste")
out, n = [], 0
for corner, c in d["corners"].items():
    for p in c["patterns"]:
        if p["flagged"]:
            continue  # "Eerst herschrijven": the judging notes, not a pattern
        st = p.get("statement")
        assert isinstance(st, str) and len(st.split()) >= 4, (corner, p["label"], st)
        assert "\n" not in st, st
        assert p.get("extent") in words, (corner, p["label"], p.get("extent"))
        out.append(st)
        n += 1
assert n >= 5, n
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out) + "\n")
print("patterns: %d, each with a statement and an extent" % n)
EOF
# The checker does not flag a single statement (exit 1 when it finds a judgement).
"$KR" check - <"$T/statements" >"$T/check.out" 2>&1 ||
    fail "the checker flags a statement: $(grep -F '[' "$T/check.out" | head -3)"

# The export: theory of action, >= 3 next steps, every evidence id in the same export, and
# the extent on every group pattern, the same the patterns show.
$PY - "$T/a.json" "$T/pa.json" <<'EOF' || fail "the export's debrief"
import json, sys
d, pa = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
obs = {o["id"] for o in d["observations"]}
ids = obs | {g["id"] for g in d["group_patterns"]} | {"p-" + i for i in obs}
toa, steps = d["theory_of_action"], d["next_steps"]
chosen = [v for v in toa if v["chosen"]]
assert len(chosen) == 1, toa
for k in ("schoolleiding", "leraren", "leerlingen"):
    assert chosen[0][k] and len(chosen[0][k].split()) >= 3, (k, chosen[0][k])
for v in toa:
    assert v["evidence"] and set(v["evidence"]) <= ids, ("toa", set(v["evidence"]) - ids)
assert len(steps) >= 3, len(steps)
for s in steps:
    assert s["text"].strip(), s
    assert s["evidence"] and set(s["evidence"]) <= ids, ("step", set(s["evidence"]) - ids)
shown = {p["id"]: p["extent"] for c in pa["corners"].values() for p in c["patterns"]}
gp = d["group_patterns"]
assert gp, "no group patterns"
for g in gp:
    assert "extent" in g, ("group pattern without extent", g)
confirmed = {g["id"]: g["extent"] for g in gp if g["extent"] is not None}
assert len(confirmed) >= 2, confirmed
for i, e in confirmed.items():
    assert shown.get(i) == e, ("confirmed extent not the pattern's", i, e, shown.get(i))
print("export: %d versions of the theory of action, %d next steps, %d confirmed extents"
      % (len(toa), len(steps), len(confirmed)))
EOF

# export -> import into a fresh database -> export: both keys and the extents unchanged.
"$KR" --db "$T/b.db" import "$T/a.json" >/dev/null || fail "import"
"$KR" --db "$T/b.db" export latest --format json >"$T/b.json" || fail "export b"
"$KR" --db "$T/b.db" patterns latest --json >"$T/pb.json" || fail "patterns --json b"
$PY - "$T/a.json" "$T/b.json" "$T/pa.json" "$T/pb.json" <<'EOF' || fail "round trip"
import json, sys
a, b, pa, pb = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:5])
for k in ("theory_of_action", "next_steps"):
    assert k in b and a[k] == b[k], (k, "differs after export -> import -> export")
ext = lambda d: sorted((g["id"], g.get("extent")) for g in d["group_patterns"])
assert ext(a) == ext(b), (ext(a), ext(b))
pat = lambda d: sorted((p["id"], p["statement"], p["extent"])
                       for c in d["corners"].values() for p in c["patterns"])
assert pat(pa) == pat(pb), [x for x in pat(pa) if x not in pat(pb)]
print("round trip: theory_of_action, next_steps, extents and statements equal")
EOF

# The HTML summary shows every next step (its text, as a reader sees it).
"$KR" --db "$T/b.db" export latest --format html -o "$T/b.html" >/dev/null || fail "export html"
$PY - "$T/b.json" "$T/b.html" <<'EOF' || fail "next steps in the html summary"
import json, re, sys
from html.parser import HTMLParser
d = json.load(open(sys.argv[1], encoding="utf-8"))
class Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0
    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("style", "script")
    def handle_endtag(self, tag):
        self.skip -= tag in ("style", "script")
    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)
p = Text()
p.feed(open(sys.argv[2], encoding="utf-8").read())
text = re.sub(r"\s+", " ", "".join(p.parts))
missing = [s["text"] for s in d["next_steps"] if re.sub(r"\s+", " ", s["text"]) not in text]
assert not missing, missing
print("html: all %d next steps shown" % len(d["next_steps"]))
EOF
echo "ok: issue 15 acceptance on the demo"
