#!/bin/sh
# The human export formats from the command line: the demo and a bijeenkomst full of
# hostile text, as Markdown (rendered by cmark), HTML (parsed by html5lib) and CSV (read by
# Python's csv module). Everything hostile comes out as text; no observer's name appears.
set -u
KR=$1
DIR=$(cd "$(dirname "$0")" && pwd)
DATA=$DIR/../data
PY=/usr/bin/python3
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v cmark >/dev/null || { echo "cmark missing"; exit 77; }
$PY -c 'import html5lib' 2>/dev/null || { echo "python3-html5lib missing"; exit 77; }
CHECK="$PY $DIR/check_exports.py"

"$KR" --db "$T/k.db" demo --no-tui >/dev/null || fail "demo"
for f in md html csv; do
    "$KR" --db "$T/k.db" export latest --format $f -o "$T/demo.$f" >"$T/out" || fail "export $f"
    grep -q "$T/demo.$f" "$T/out" || fail "export -o does not say where"
    "$KR" --db "$T/k.db" export latest --format $f >"$T/again.$f" || fail "export $f stdout"
    cmp -s "$T/demo.$f" "$T/again.$f" || fail "export $f is not deterministic"
done
# -o onto a FIFO (as onto /dev/null or a terminal): written where it stands, never replaced by a
# regular file renamed over it (as root that turned /dev/null into a file).
mkfifo "$T/pipe" || fail "mkfifo"
cat "$T/pipe" >"$T/from-pipe" &
reader=$!
"$KR" --db "$T/k.db" export latest --format md -o "$T/pipe" >/dev/null || fail "export -o FIFO"
[ -p "$T/pipe" ] || { kill "$reader"; fail "export -o replaced the FIFO by a file"; }
wait "$reader"
cmp -s "$T/from-pipe" "$T/demo.md" || fail "export -o FIFO wrote something else than -o FILE"
ls "$T" | grep -q 'pipe.tmp-' && fail "export -o FIFO left a temporary file"
$CHECK html "$T/demo.html" "Basisschool De Wilgenkrakeling" "Wat doen en zeggen leerlingen als een rekenopgave moeilijk voor ze is? Wat doen ze daarna?" \
    "Overeenkomsten" "Verschillen" "Bijlage: alle feitelijke notities per klassenbezoek" || exit 1
grep -q '<svg class="driehoek"' "$T/demo.html" || fail "no inline SVG driehoek"
grep -q 'overeenkomst</span>' "$T/demo.html" || fail "no overeenkomst pattern in the demo summary"
cmark "$T/demo.md" >"$T/demo.md.html" || fail "cmark"
$CHECK md "$T/demo.md.html" "Basisschool De Wilgenkrakeling" "Patronen per hoek" "Overeenkomsten en verschillen" || exit 1
$CHECK csv "$T/demo.csv" 85 "Jongen vooraan zegt: 'Tien rood en dan nog drie wit.'" || exit 1
"$KR" --db "$T/k.db" export latest --format csv --sep , >"$T/comma.csv" || fail "--sep ,"
$PY -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1],encoding="utf-8-sig"),delimiter=",")); assert len(r)==86 and len(r[0])>=7, len(r)' "$T/comma.csv" || fail "--sep , does not read back"
"$KR" --db "$T/k.db" export latest --format csv --sep ab 2>/dev/null; [ $? -eq 2 ] || fail "--sep ab accepted"

# Judging notes: left out and counted by default, shown and marked with --met-oordelen.
JUDGING="De juf legt het splitsen heel goed uit, fijn om te zien."
for f in md html; do
    grep -q "$JUDGING" "$T/demo.$f" && fail "a judging note is in demo.$f"
    grep -q "met een oordeel niet opgenomen" "$T/demo.$f" || fail "demo.$f does not count judging notes"
    "$KR" --db "$T/k.db" export latest --format $f --met-oordelen >"$T/all.$f" || fail "--met-oordelen"
    grep -q "$JUDGING" "$T/all.$f" || fail "--met-oordelen $f misses the judging note"
    grep -q "bevat een oordeel" "$T/all.$f" || fail "--met-oordelen $f does not mark it"
done
grep -q "\"$JUDGING\";\"ja\"" "$T/demo.csv" || fail "CSV does not mark the judging note"
# ... and the CSV holds it whatever --met-oordelen says, as the help tells (it said "csv")
"$KR" --db "$T/k.db" export latest --format csv --met-oordelen | cmp -s - "$T/demo.csv" ||
    fail "--met-oordelen changes the CSV"
"$KR" export --help | grep -A1 -- "--met-oordelen  " | grep -q "csv en" ||
    fail "the help of --met-oordelen does not say that csv always holds every note"

# Observers' and tweetallen's names never appear in a summary or the CSV.
for f in md html csv; do
    for name in Marieke Sander Fatima Joost Ineke Rachid Bram Lotte "Tweetal 1"; do
        grep -q "$name" "$T/demo.$f" && fail "$name appears in demo.$f"
    done
done
# Pseudonyms: no school, network or class name; "School A", "groep A".
for f in md html csv; do
    "$KR" --db "$T/k.db" export latest --format $f --pseudoniem >"$T/pseudo.$f" || fail "--pseudoniem $f"
    grep -q "Wilgenkrakeling" "$T/pseudo.$f" && fail "school name in pseudonymised $f"
    grep -q "Rivierenland" "$T/pseudo.$f" && fail "network name in pseudonymised $f"
    grep -q "groep 6a" "$T/pseudo.$f" && fail "class name in pseudonymised $f"
    grep -q "groep A" "$T/pseudo.$f" || fail "no 'groep A' in pseudonymised $f"
done
grep -q "School A" "$T/pseudo.html" || fail "no 'School A' in pseudonymised html"
"$KR" --db "$T/k.db" export latest --format json --pseudoniem 2>/dev/null; [ $? -eq 2 ] || fail "json --pseudoniem"

# Hostile text: inert in every format.
"$KR" --db "$T/h.db" import "$DATA/hostile.json" >/dev/null || fail "import hostile.json"
for f in md html csv json; do
    opt=""
    [ $f = json ] || opt=--met-oordelen # every hostile note, whatever the checker says of it
    "$KR" --db "$T/h.db" export hostile-1 --format $f $opt -o "$T/h.$f" >/dev/null || fail "hostile export $f"
    if LC_ALL=C grep -q "$(printf '\033')" "$T/h.$f"; then fail "ESC byte in h.$f"; fi
    if LC_ALL=C grep -q "$(printf '\007')" "$T/h.$f"; then fail "BEL byte in h.$f"; fi
    if LC_ALL=C grep -q "$(printf '\302\233')" "$T/h.$f"; then fail "C1 CSI in h.$f"; fi
done
for f in md html csv; do
    grep -q "Geheime Naam" "$T/h.$f" && fail "observer name in h.$f"
    grep -q "Tweetal" "$T/h.$f" && fail "pair name in h.$f"
done
$CHECK html "$T/h.html" "<script>alert(1)</script> leerling schrijft" \
    '=HYPERLINK("http://evil.example","klik hier")' "<b>groep 5</b>" \
    "*nadruk* _ook_ \`code\` | tabel | ~~weg~~ \\ backslash &amp; &lt;b&gt;" \
    "12. genummerd </td></tr></table><iframe src=x> \" onmouseover=\"alert(1)" \
    "<script>alert('stap')</script> [stap](http://evil.example)" "Nabespreking" "Theory of action" || exit 1
cmark "$T/h.md" >"$T/h.md.html" || fail "cmark hostile"
$CHECK md "$T/h.md.html" "<script>alert(1)</script> leerling schrijft" "[x](http://evil.example)" \
    "![img](http://evil.example/a.png) <http://evil.example> www.evil.example mail@evil.example https://evil.example" \
    "*nadruk* _ook_ \`code\` | tabel | ~~weg~~ \\ backslash &amp; &lt;b&gt;" "# kop - lijst > citaat 1. een" \
    "12. genummerd" "<b>groep 5</b>" "<script>alert('stap')</script> [stap](http://evil.example)" \
    "# Beschrijving | a | b |" || exit 1
grep -q "<h[1-6]>Beschrijving" "$T/h.md.html" && fail "a debrief text became a heading"
grep -q '<h[1-6]>kop' "$T/h.md.html" && fail "a note became a heading"
$CHECK csv "$T/h.csv" 8 "'=HYPERLINK(\"http://evil.example\",\"klik hier\")" "'@echo off" \
    "'+SUM(A1:A9); @SUM(1); -1+1; \"quote\"; a;b;c" "'=cmd|' /C calc'!A0" "'-2+3" || exit 1
# The JSON export of hostile text imports back to the same.
"$KR" --db "$T/h2.db" import "$T/h.json" >/dev/null || fail "reimport hostile json"
"$KR" --db "$T/h2.db" export hostile-1 --format json >"$T/h2.json" || fail "export h2"
cmp -s "$T/h.json" "$T/h2.json" || fail "hostile JSON does not round-trip"
echo ok
