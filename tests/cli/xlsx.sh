#!/bin/sh
# export --format xlsx, read back: the workbook unzipped (python3 zipfile) has sheet
# "Notities" with a header and a row per note, every note a shared-string cell (t="s")
# holding exactly its text, widths and a frozen header; sheet "Patronen" with the
# patterns the summary shows and no judging note. Texts that Excel would turn into a date,
# a number or a formula ("12-3", "=1+1") stay text, also after LibreOffice converts the
# file to CSV (skipped without soffice).
set -u
KR=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") # the test runs in a temp directory
SRC=$(cd "${KR_SOURCE_ROOT:-$(dirname "$0")/../..}" && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$T" || exit 1

cat >read_xlsx.py <<'PY'
# read_xlsx.py FILE.xlsx: prints JSON {"sheets": [names], "rows": {sheet: [[cell...]]},
# "types": {sheet: {"A2": "s"...}}, "frozen": {sheet: bool}, "widths": {sheet: n}}.
import json, re, sys, zipfile
import xml.etree.ElementTree as ET
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
wb = ET.fromstring(z.read("xl/workbook.xml"))
names = [s.get("name") for s in wb.find("m:sheets", NS)]
sst = [("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
       for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)]
out = {"sheets": names, "rows": {}, "types": {}, "frozen": {}, "widths": {}, "shared": sst}
for k, name in enumerate(names):
    ws = ET.fromstring(z.read("xl/worksheets/sheet%d.xml" % (k + 1)))
    rows, types = [], {}
    for row in ws.find("m:sheetData", NS):
        r = int(row.get("r"))
        cells = {}
        for c in row:
            ref = c.get("r")
            col = ord(re.match("[A-Z]", ref).group(0)) - ord("A")
            types[ref] = c.get("t", "n")
            v = c.find("m:v", NS)
            cells[col] = sst[int(v.text)] if c.get("t") == "s" else (v.text if v is not None else "")
        while len(rows) < r - 1:
            rows.append([])
        rows.append([cells.get(i, "") for i in range(max(cells) + 1 if cells else 0)])
    out["rows"][name] = rows
    out["types"][name] = types
    pane = ws.find(".//m:pane", NS)
    out["frozen"][name] = pane is not None and pane.get("state") == "frozen" and pane.get("ySplit") == "1"
    out["widths"][name] = len(ws.findall(".//m:cols/m:col[@customWidth='1']", NS))
json.dump(out, sys.stdout, ensure_ascii=False)
PY

# --- the demo
"$KR" --db a.db demo --no-tui >/dev/null || fail "demo"
"$KR" --db a.db export latest --format xlsx -o a.xlsx >/dev/null || fail "export xlsx"
"$KR" --db a.db export latest --format json -o a.json >/dev/null || fail "export json"
"$KR" --db a.db export latest --format csv -o a.csv >/dev/null || fail "export csv"
"$KR" --db a.db export latest --format md -o a.md >/dev/null || fail "export md"
python3 read_xlsx.py a.xlsx >a.read || fail "a.xlsx does not read back as a workbook"
python3 - a.read a.json a.csv a.md <<'PY' || fail "the demo workbook"
import csv, json, re, sys
x = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
rows = list(csv.reader(open(sys.argv[3], encoding="utf-8-sig"), delimiter=";"))
md = open(sys.argv[4]).read()
assert x["sheets"] == ["Notities", "Patronen"], x["sheets"]
notes = x["rows"]["Notities"]
head = ["id", "datum", "tijd", "klas", "vak", "hoek", "notitie", "oordeel"]
assert notes[0] == head == rows[0], (notes[0], rows[0])
obs = {o["id"]: o["text"] for o in doc["observations"]}
assert len(notes) == 1 + len(obs) == 86, len(notes)
unguard = lambda s: s[1:] if s[:1] == "'" and s[1:2] in "=+-@\t\r" else s
for r, (row, crow) in enumerate(zip(notes[1:], rows[1:]), start=2):
    assert row[6] == obs[row[0]], (row, obs[row[0]])        # the text, exactly
    assert [unguard(c) for c in crow] == row + [""] * (len(crow) - len(row)), (row, crow)
    for col in "ABCDEFGH":
        t = x["types"]["Notities"].get("%s%d" % (col, r))
        assert t in ("s", None), (col, r, t)                # text cells only
    assert x["types"]["Notities"]["G%d" % r] == "s"
assert all(t in x["shared"] for t in obs.values())
assert x["frozen"]["Notities"] and x["frozen"]["Patronen"], x["frozen"]
assert x["widths"]["Notities"] == 8, x["widths"]
# Patronen: the patterns of the summary (the #### headings under 'Patronen per hoek'), none of the judging notes.
sect = md.split("## Patronen per hoek", 1)[1].split("\n## ", 1)[0]   # not the debrief's ####
labels = [re.sub(r"\\(.)", r"\1", l) for l in re.findall(r"^#### (.*)$", sect, re.M)]
pats = x["rows"]["Patronen"]
assert pats[0][:5] == ["hoek", "patroon", "soort", "notities", "klassen"], pats[0]
assert sorted(p[1] for p in pats[1:]) == sorted(labels) and labels, ([p[1] for p in pats[1:]], labels)
judging = [r[6] for r in rows[1:] if r[7] == "ja"]
assert judging, "the demo has judging notes"
cells = [c for p in pats for c in p]
for j in judging:
    assert unguard(j) not in cells, j
assert not any("herschrijven" in c.lower() for c in cells), cells
for p in pats[1:]:
    assert p[2] in ("overeenkomst", "verschil") and int(p[3]) >= 2, p
    assert 6 <= len(p) <= 8 and all(e in obs.values() for e in p[5:]), p
PY

# -o - and a pipe give the same workbook; no temporary file is left behind.
"$KR" --db a.db export latest --format xlsx -o - >b.xlsx 2>err || fail "xlsx -o -"
[ -s err ] && fail "xlsx -o - wrote to stderr: $(cat err)"
python3 read_xlsx.py b.xlsx >b.read || fail "b.xlsx does not read back"
cmp -s a.read b.read || fail "xlsx -o - differs from -o FILE"
"$KR" --db a.db export latest --format xlsx | cat >c.xlsx || fail "xlsx into a pipe"
python3 read_xlsx.py c.xlsx >c.read && cmp -s a.read c.read || fail "xlsx into a pipe differs"
mkdir tmp
TMPDIR=$T/tmp "$KR" --db a.db export latest --format xlsx >/dev/null || fail "xlsx with TMPDIR"
[ -z "$(ls tmp)" ] || fail "temporary files left: $(ls tmp)"
ls | grep -q 'tmp-' && fail "a temporary file was left next to the export"

# --pseudoniem as in the csv: classes become "groep A", ...
"$KR" --db a.db export latest --format xlsx --pseudoniem -o p.xlsx >/dev/null || fail "xlsx --pseudoniem"
python3 read_xlsx.py p.xlsx >p.read || fail "p.xlsx"
python3 -c '
import json, sys
x = json.load(open(sys.argv[1]))
klas = {r[3] for r in x["rows"]["Notities"][1:]}
assert klas and all(k.startswith("groep ") and k[6:].isalpha() and k[6:].isupper() for k in klas), klas
assert not any("groep 6a" in c for r in x["rows"]["Patronen"] for c in r)
' p.read || fail "--pseudoniem in the xlsx"

# --- texts Excel would take for a date, number or formula, markup and control bytes
"$KR" --db t.db import "$SRC/tests/data/xlsx_tricky.json" >/dev/null || fail "import tricky"
"$KR" --db t.db export latest --format xlsx -o t.xlsx >/dev/null || fail "export tricky"
python3 read_xlsx.py t.xlsx >t.read || fail "t.xlsx"
cat >expect.txt <<'EOF'
12-3
=1+1
+31 6 12345678
3/4
0012
1e5
@SUM(A1)
Een leerling zegt <b>"ik snap het"</b> & lacht
bel� en �[31mrood
EOF
python3 - t.read expect.txt <<'PY' || fail "tricky texts"
import json, sys
x = json.load(open(sys.argv[1]))
want = open(sys.argv[2], encoding="utf-8").read().splitlines()
got = [r[6] for r in x["rows"]["Notities"][1:]]
assert got == want, (got, want)
assert all(t in x["shared"] for t in want)
assert all(v == "s" for k, v in x["types"]["Notities"].items() if k[0] == "G"), x["types"]
assert not any(ord(ch) < 32 and ch not in "\n\t" for s in x["shared"] for ch in s)
PY
if command -v soffice >/dev/null 2>&1; then
    HOME=$T/lohome timeout 180 soffice --headless \
        --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir lo t.xlsx >lo.log 2>&1 ||
        { cat lo.log; fail "soffice could not convert"; }
    python3 - lo/t.csv expect.txt <<'PY' || fail "LibreOffice reads other texts: $(cat lo/t.csv)"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
want = open(sys.argv[2], encoding="utf-8").read().splitlines()
assert rows[0][6] == "notitie", rows[0]
assert [r[6] for r in rows[1:]] == want, [r[6] for r in rows[1:]]
assert [r[1] for r in rows[1:]] == ["2026-03-12"] * len(want)
PY
else
    echo "soffice not found: LibreOffice round trip skipped"
fi

# A note longer than a cell holds (32,767 characters) is cut there, marked with "…". Import,
# merge and the TUI refuse notes over 10,000 characters, so such a note can only be in a
# database from before that limit: it is made with sqlite3 here.
"$KR" --db long.db import "$SRC/tests/data/xlsx_tricky.json" >/dev/null || fail "import tricky"
sqlite3 long.db "UPDATE observation SET text = (WITH RECURSIVE r(n, s) AS (SELECT 1, 'lang '
  UNION ALL SELECT n + 1, s || 'lang ' FROM r WHERE n < 9000) SELECT s FROM r WHERE n = 9000)
  WHERE id = (SELECT id FROM observation ORDER BY at, created_at, id LIMIT 1)" || fail "long note"
"$KR" --db long.db export latest --format xlsx -o long.xlsx >/dev/null || fail "export of a long note"
python3 read_xlsx.py long.xlsx >long.read || fail "long.xlsx"
python3 -c '
import json, sys
t = json.load(open(sys.argv[1]))["rows"]["Notities"][1][6]
assert len(t) == 32767 and t.endswith("…") and t[:-1] == ("lang " * 9000)[:32766], len(t)
' long.read || fail "the long note in the xlsx"

# xlsx on a terminal: refused, nothing written.
if command -v script >/dev/null 2>&1; then
    script -qec "'$KR' --db a.db export latest --format xlsx" /dev/null >tty.out 2>&1; rc=$?
    [ $rc -eq 2 ] || fail "xlsx to a terminal exit $rc"
    grep -q 'niet leesbaar op het scherm' tty.out || fail "xlsx to a terminal: $(cat tty.out)"
fi
"$KR" --db a.db export latest --format xls 2>err; [ $? -eq 2 ] || fail "format xls"
grep -q 'xlsx' err || fail "the format message does not offer xlsx"
echo ok
