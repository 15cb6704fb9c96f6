#!/bin/sh
# The end of the debrief (issue 15.4-5, 16.2): the demo's theories of action per groepje and
# its next steps in kijkronde/1 JSON, cited evidence that exists in the same export, export ->
# import -> export unchanged, merge twice a no-op, bad values refused with nothing imported,
# the shape of before (one theory of action without id) still read, and every next step in the
# HTML and Markdown summary.
set -u
KR=$1
DIR=$(cd "$(dirname "$0")" && pwd)
PY=/usr/bin/python3
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$KR" --db "$T/a.db" demo --no-tui >/dev/null || fail "demo"
"$KR" --db "$T/a.db" export latest --format json >"$T/a.json" || fail "export json"

# The worked debrief: >= 2 versions, one chosen; >= 3 steps; every evidence id in the export.
$PY - "$T/a.json" <<'EOF' || fail "demo debrief"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
toa, steps = d["theory_of_action"], d["next_steps"]
ids = {o["id"] for o in d["observations"]} | {p["id"] for p in d.get("group_patterns", [])}
ids |= {"p-" + o["id"] for o in d["observations"]}
assert isinstance(toa, list) and len(toa) >= 2, toa
assert sum(1 for v in toa if v["chosen"]) == 1, [v["chosen"] for v in toa]
assert len({v["group"] for v in toa}) == len(toa), "two versions of one groepje"
for v in toa:
    for k in ("id", "group", "schoolleiding", "leraren", "leerlingen", "evidence"):
        assert k in v, (k, v)
    assert v["evidence"] and set(v["evidence"]) <= ids, v["evidence"]
assert len(steps) >= 3, len(steps)
for s in steps:
    assert s["actor"] in ("schoolleiding", "leraren", "team", "netwerk"), s
    assert s["horizon"] in ("week", "maand", "schooljaar"), s
    assert s["text"] and "follow_up" in s, s
    assert s["evidence"] and set(s["evidence"]) <= ids, s["evidence"]
print("demo: %d versions, %d next steps, evidence all in the export" % (len(toa), len(steps)))
EOF

# The extents the group confirmed (issue 15.1, 15.5): on the group patterns, the demo's two.
$PY - "$T/a.json" <<'EOF' || fail "demo extents"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
gp = d["group_patterns"]
assert all("extent" in p for p in gp), gp
got = sorted(p["extent"] for p in gp if p["extent"] is not None)
assert got == ["de meeste", "sommige"], got
ph = {p["phase"]: p["text"] for p in d["reflection_phases"]}
assert ph.get("voorspellen", "").startswith("Een leerling die alles doet"), ph
EOF

# export -> import into an empty database -> export: the same file.
"$KR" --db "$T/b.db" import "$T/a.json" >/dev/null || fail "import"
"$KR" --db "$T/b.db" export latest --format json >"$T/b.json" || fail "export b"
cmp -s "$T/a.json" "$T/b.json" || { diff "$T/a.json" "$T/b.json" | head -5; fail "export -> import -> export differs"; }
out=$("$KR" --db "$T/b.db" import "$T/a.json") || fail "import twice"
echo "$out" | grep -q "niets veranderd" || fail "second import changed something: $out"

# Merge twice: the second changes nothing, and the debrief arrives whole.
"$KR" --db "$T/c.db" merge "$T/a.db" >/dev/null || fail "merge"
out=$("$KR" --db "$T/c.db" merge "$T/a.db") || fail "merge twice"
echo "$out" | grep -q "niets veranderd" || fail "second merge changed something: $out"
"$KR" --db "$T/c.db" export latest --format json >"$T/c.json" || fail "export c"
$PY -c 'import json,sys; a,c=(json.load(open(p)) for p in sys.argv[1:]); assert a["theory_of_action"]==c["theory_of_action"] and a["next_steps"]==c["next_steps"]' \
    "$T/a.json" "$T/c.json" || fail "merge lost the debrief"

$PY -c 'import json,sys; a,c=(json.load(open(p)) for p in sys.argv[1:]); assert a["group_patterns"]==c["group_patterns"], c["group_patterns"]' \
    "$T/a.json" "$T/c.json" || fail "merge lost the confirmed extents"

# A merge from the other laptop's database: a changed extent arrives (the newest decision),
# one that is no word of the four is refused naming it, with nothing merged.
if command -v sqlite3 >/dev/null; then
    cp "$T/a.db" "$T/x.db"
    sqlite3 "$T/x.db" "UPDATE reflection_pattern SET extent = 'veel',
      updated_at = '2030-01-01T00:00:00.000Z' WHERE extent = 'sommige'" || fail "sqlite3 extent"
    "$KR" --db "$T/c.db" merge "$T/x.db" >/dev/null || fail "merge changed extent"
    [ "$(sqlite3 "$T/c.db" "SELECT count(*) FROM reflection_pattern WHERE extent = 'veel'")" = 1 ] ||
        fail "the changed extent did not arrive by merge"
    sqlite3 "$T/x.db" "PRAGMA ignore_check_constraints = 1; UPDATE reflection_pattern SET
      extent = 'allemaal', updated_at = '2031-01-01T00:00:00.000Z' WHERE extent = 'veel'" ||
        fail "sqlite3 bad extent"
    before=$(sqlite3 "$T/c.db" "SELECT group_concat(extent) FROM reflection_pattern")
    "$KR" --db "$T/c.db" merge "$T/x.db" >/dev/null 2>"$T/err" && fail "a bad extent was merged"
    grep -qF 'veld extent: onbekende omvang "allemaal"' "$T/err" || fail "merge message: $(cat "$T/err")"
    [ "$(sqlite3 "$T/c.db" "SELECT group_concat(extent) FROM reflection_pattern")" = "$before" ] ||
        fail "a refused merge changed the extents"
    # A database of before the extent (schema 9, no column): merged, its patterns without one.
    cp "$T/a.db" "$T/old9.db"
    sqlite3 "$T/old9.db" "ALTER TABLE reflection_pattern DROP COLUMN extent; PRAGMA user_version = 9" ||
        fail "sqlite3 schema 9"
    "$KR" --db "$T/m9.db" merge "$T/old9.db" >/dev/null 2>"$T/err" || fail "merge schema 9: $(cat "$T/err")"
    [ "$(sqlite3 "$T/m9.db" "SELECT count(*), count(extent) FROM reflection_pattern")" = "2|0" ] ||
        fail "schema 9 merge: $(sqlite3 "$T/m9.db" "SELECT count(*), count(extent) FROM reflection_pattern")"
else
    echo "no sqlite3: merge of a changed or bad extent not checked"
fi

# A file of before the extent (no key on the group patterns) imports as before: null.
$PY - "$T/a.json" "$T/noext.json" <<'EOF' || fail "no-extent fixture"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
for p in d["group_patterns"]:
    del p["extent"]
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
EOF
"$KR" --db "$T/n.db" import "$T/noext.json" >/dev/null || fail "import without extent refused"
"$KR" --db "$T/n.db" export latest --format json >"$T/n.json" || fail "export n"
$PY -c 'import json,sys; g=json.load(open(sys.argv[1]))["group_patterns"]; assert g and all(p["extent"] is None for p in g), g' \
    "$T/n.json" || fail "a file without extents did not import as null"

# A follow-up recorded at a later bijeenkomst travels in the JSON.
$PY - "$T/a.json" "$T/fu.json" <<'EOF' || fail "follow-up fixture"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["next_steps"][0]["follow_up"] = {"session": "later-bijeenkomst", "status": "bezig",
                                   "text": "In vier van de zeven groepen."}
d["next_steps"][0]["follow_up_at"] = "2026-05-12T10:00:00.000Z"
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
EOF
"$KR" --db "$T/f.db" import "$T/fu.json" >/dev/null || fail "import follow-up"
"$KR" --db "$T/f.db" export latest --format json >"$T/f2.json" || fail "export follow-up"
$PY -c 'import json,sys; s=json.load(open(sys.argv[1]))["next_steps"][0]; assert s["follow_up"]=={"session":"later-bijeenkomst","status":"bezig","text":"In vier van de zeven groepen."}, s' \
    "$T/f2.json" || fail "follow-up did not survive"
"$KR" --db "$T/f.db" export latest --format md | grep -q "Opgevolgd: bezig — In vier van de zeven groepen." ||
    fail "follow-up not in the summary"

# Bad values: refused, with the place and the value named, and nothing imported.
refuse() { # name, python edit of d, expected text
    $PY - "$T/a.json" "$T/bad.json" "$2" <<'EOF' || fail "fixture $1"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
exec(sys.argv[3])
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
EOF
    rm -f "$T/e.db"
    "$KR" --db "$T/e.db" import "$T/bad.json" >/dev/null 2>"$T/err"
    rc=$?
    [ $rc -eq 2 ] || fail "$1: exit $rc, not 2"
    grep -qF "$3" "$T/err" || fail "$1: message '$(cat "$T/err")' lacks '$3'"
    grep -q "niets geïmporteerd" "$T/err" || fail "$1: does not say nothing was imported"
    n=$("$KR" --db "$T/e.db" sessions | grep -c 2026-03-12)
    [ "$n" -eq 0 ] || fail "$1: something was imported"
}
refuse actor 'd["next_steps"][1]["actor"] = "directie"' 'next_steps[1].actor: onbekende actor "directie"'
refuse horizon 'd["next_steps"][0]["horizon"] = "jaar"' 'next_steps[0].horizon: onbekende termijn "jaar"'
refuse status 'd["next_steps"][2]["follow_up"] = {"session": "x", "status": "klaar"}' \
    'next_steps[2].follow_up.status: onbekende stand "klaar"'
refuse evidence 'd["next_steps"][2]["evidence"].append("geen-notitie-42")' \
    'next_steps[2].evidence: onbekend bewijs "geen-notitie-42"'
refuse toa-evidence 'd["theory_of_action"][1]["evidence"] = ["elders-7"]' \
    'theory_of_action[1].evidence: onbekend bewijs "elders-7"'
refuse toa-list 'd["next_steps"] = {"id": "x"}' 'next_steps: moet een lijst'
refuse extent 'd["group_patterns"][0]["extent"] = "allemaal"' \
    'group_patterns[0].extent: onbekende omvang "allemaal"; kies enkele, sommige, veel, de meeste of null'
refuse extent-type 'd["group_patterns"][1]["extent"] = 3' 'group_patterns[1].extent: moet tekst of null zijn'

# The shape of before: one theory of action without id, group or evidence; it is the chosen one.
$PY - "$T/a.json" "$T/old.json" <<'EOF' || fail "old fixture"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
for k in ("next_steps", "deleted_next_steps", "deleted_theory_of_action"):
    del d[k]
d["theory_of_action"] = [{"schoolleiding": "tijd geeft", "leraren": "samen kijken",
                          "leerlingen": "zelf doordenken", "bewijs": "minder wachten",
                          "updated_at": "2026-03-12T12:00:00.000Z"}]
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
EOF
"$KR" --db "$T/o.db" import "$T/old.json" >/dev/null || fail "old shape refused"
"$KR" --db "$T/o.db" export latest --format json >"$T/o.json" || fail "export old"
$PY -c 'import json,sys; d=json.load(open(sys.argv[1])); t=d["theory_of_action"]; assert len(t)==1 and t[0]["chosen"] and t[0]["group"] is None and t[0]["schoolleiding"]=="tijd geeft" and t[0]["id"]=="toa-"+d["session"]["id"] and d["next_steps"]==[], t' \
    "$T/o.json" || fail "old shape not read as the chosen version"

# Every next step in the summaries, the chosen version marked.
"$KR" --db "$T/a.db" export latest --format html -o "$T/a.html" >/dev/null || fail "export html"
"$KR" --db "$T/a.db" export latest --format md -o "$T/a.md" >/dev/null || fail "export md"
$PY -c 'import json,sys; [print(s["text"]) for s in json.load(open(sys.argv[1]))["next_steps"]]' "$T/a.json" >"$T/steps"
while IFS= read -r step; do
    grep -qF "$step" "$T/a.md" || fail "next step not in the md summary: $step"
    set -- "$@" "$step"
done <"$T/steps"
shift
# Every shown pattern's statement with its extent, the group's where it confirmed one (15.5),
# and the prediction, in both summaries.
"$KR" --db "$T/a.db" patterns latest --json >"$T/pat.json" || fail "patterns json"
$PY - "$T/pat.json" "$T/a.json" "$T/a.md" "$T/a.html" <<'EOF' || fail "extents in the summaries"
import html, json, sys
pats, d = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
md, ht = (open(p, encoding="utf-8").read() for p in sys.argv[3:5])
nvis = len(d["visits"])
group = {g["id"]: g["extent"] for g in d["group_patterns"]}
n = confirmed = 0
for corner in pats["corners"].values():
    for p in corner["patterns"]:
        if p["extent"] is None or len(p["observations"]) < 2:
            continue  # the judging notes; a lone note is in the appendix
        whose = "vastgesteld door de groep" if group.get(p["id"]) else "voorstel van kijkronde"
        line = "**%s bezoeken** · in %d van %d bezoeken · %s" % (p["extent"], len(p["visits"]), nvis, whose)
        block = "#### %s\n\n*%s*\n\n%s\n" % (p["label"], p["statement"], line)
        assert block in md, ("md", block)
        hline = '<p class="stelling">%s</p>\n<p class="omvang"><strong>%s bezoeken</strong> · in %d van %d bezoeken · %s</p>' % (
            html.escape(p["statement"], quote=True).replace("&#x27;", "&#39;"), p["extent"], len(p["visits"]), nvis, whose)
        assert hline in ht, ("html", hline)
        n += 1
        confirmed += whose.startswith("vast")
assert n >= 5 and confirmed == 2, (n, confirmed)
pred = [x["text"] for x in d["reflection_phases"] if x["phase"] == "voorspellen"][0]
assert pred in md and html.escape(pred, quote=True).replace("&#x27;", "&#39;") in ht, "prediction"
print("summaries: %d patterns with statement and extent, %d confirmed by the group" % (n, confirmed))
EOF
grep -q 'gekozen</span>' "$T/a.html" || fail "the chosen version is not marked in the html"
grep -q '(gekozen)' "$T/a.md" || fail "the chosen version is not marked in the md"
for h in "Theory of action" "Volgende stappen" "Schoolleiding" "Leraren" "Team" "Netwerk"; do
    set -- "$@" "$h"
done
if $PY -c 'import html5lib' 2>/dev/null; then
    $PY "$DIR/check_exports.py" html "$T/a.html" "$@" || fail "html summary"
else
    echo "python3-html5lib missing: html validity not checked"
    for s in "$@"; do grep -qF "$(printf '%s' "$s" | sed "s/'/\&#39;/g")" "$T/a.html" || fail "not in html: $s"; done
fi
echo "ok: debrief in json, import, merge and summaries"
