#!/bin/sh
# The users' own locale: under nl_NL.UTF-8 (decimal comma) the machine formats still write
# numbers with a point: patterns --json parses, every number in the SVG driehoek of the
# html summary has a point, and the people's text keeps the Dutch comma.
KR=$1
command -v python3 >/dev/null 2>&1 || { echo "python3 ontbreekt"; exit 77; }
locale -a 2>/dev/null | grep -qi '^nl_NL\.utf-\?8$' || { echo "locale nl_NL.UTF-8 ontbreekt"; exit 77; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export LANG=nl_NL.UTF-8 LC_ALL=nl_NL.UTF-8
fail() { echo "FOUT: $*"; exit 1; }
"$KR" --db "$T/k.db" demo --no-tui >/dev/null || fail "demo"
"$KR" --db "$T/k.db" patterns latest --json >"$T/p.json" || fail "patterns --json"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/p.json" || fail "patterns --json is geen geldige JSON onder nl_NL"
grep -q '"confidence": [0-9]*\.[0-9]' "$T/p.json" || fail "confidence zonder punt"
"$KR" --db "$T/k.db" export latest --format html -o "$T/s.html" || fail "export html"
python3 - "$T/s.html" <<'PY' || fail "een SVG-getal hangt af van de locale"
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
svg = re.findall(r"<svg.*?</svg>", html, re.S)
assert svg, "geen SVG"
for attr, val in re.findall(r'\b(cx|cy|r|x|y|x1|y1|x2|y2|width|height|font-size)="([^"]*)"', "".join(svg)):
    assert re.fullmatch(r"-?[0-9]+(\.[0-9]+)?(%|px)?", val), f"{attr}={val!r}"
PY
"$KR" --db "$T/k.db" export latest --format json -o "$T/e.json" || fail "export json"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/e.json" || fail "export json ongeldig onder nl_NL"
# The people's text: kappa with a comma.
"$KR" --db "$T/k.db" patterns latest | grep -q 'kappa[^0-9]*[0-9],[0-9]' || fail "kappa zonder Nederlandse komma in de tekst"
echo "locale: ok"
