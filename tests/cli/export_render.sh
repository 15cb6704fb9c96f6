#!/bin/sh
# The HTML summary in a real browser: headless Chromium renders the demo summary to a
# screenshot and prints it to PDF on A4 (a few pages), and renders the hostile summary
# with no script run (its DOM keeps the text and gains no element). Skips without Chromium.
set -u
KR=$1
DIR=$(cd "$(dirname "$0")" && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
CHROME=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$CHROME" ] || { echo "chromium missing"; exit 77; }
chrome() {
    timeout 90 "$CHROME" --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --no-first-run --user-data-dir="$T/profile" "$@" 2>>"$T/chrome.log"
}

"$KR" --db "$T/k.db" demo --no-tui >/dev/null || fail "demo"
"$KR" --db "$T/k.db" export latest --format html -o "$T/demo.html" >/dev/null || fail "export"
chrome --screenshot="$T/demo.png" --window-size=1000,1400 "file://$T/demo.html" >/dev/null
[ -s "$T/demo.png" ] || { tail -5 "$T/chrome.log"; fail "no screenshot"; }
size=$(wc -c <"$T/demo.png")
[ "$size" -gt 50000 ] || fail "screenshot is nearly empty ($size bytes)"
chrome --print-to-pdf="$T/demo.pdf" --no-pdf-header-footer "file://$T/demo.html" >/dev/null
[ -s "$T/demo.pdf" ] || fail "no PDF"
pages=$(/usr/bin/python3 -c 'import re,sys; d=open(sys.argv[1],"rb").read(); print(len(re.findall(rb"/Type\s*/Page[^s]", d)))' "$T/demo.pdf")
w=$(/usr/bin/python3 -c 'import re,sys; d=open(sys.argv[1],"rb").read(); m=re.search(rb"/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)", d); print(round(float(m.group(1))), round(float(m.group(2))))' "$T/demo.pdf")
echo "demo summary: $pages A4 pages (MediaBox $w)"
[ "$w" = "595 842" ] || fail "not A4: $w"
# 6 pages before the demo held a worked debrief (two theories of action, four next steps);
# 7 since every pattern has its statement and extent on paper
[ "$pages" -ge 2 ] && [ "$pages" -le 7 ] || fail "$pages pages (the demo fits on 7)"
# What the browser made of it: each shown pattern with statement and extent, the two extents the
# group confirmed, and the prediction.
chrome --dump-dom "file://$T/demo.html" >"$T/demo.dom"
ns=$(grep -c '<p class="stelling">' "$T/demo.dom")
ne=$(grep -c '<p class="omvang"><strong>[a-z ]* bezoeken</strong> · in [0-9]* van 7 bezoeken' "$T/demo.dom")
[ "$ns" -ge 5 ] && [ "$ne" -ge "$ns" ] || fail "statements $ns, extents $ne in the rendered summary"
[ "$(grep -c 'vastgesteld door de groep' "$T/demo.dom")" = 2 ] || fail "not the two confirmed extents"
grep -q '<h3>Voorspellen</h3>' "$T/demo.dom" || fail "no prediction in the rendered summary"
if [ -n "${KR_KEEP_SCREENSHOT:-}" ]; then cp "$T/demo.png" "$KR_KEEP_SCREENSHOT"; fi

# Hostile text: the rendered DOM has exactly the elements the writer made.
"$KR" --db "$T/h.db" import "$DIR/../data/hostile.json" >/dev/null || fail "import"
"$KR" --db "$T/h.db" export hostile-1 --format html --met-oordelen -o "$T/h.html" >/dev/null || fail "export hostile"
chrome --dump-dom "file://$T/h.html" >"$T/h.dom"
[ -s "$T/h.dom" ] || fail "no DOM"
grep -q '<script' "$T/h.dom" && fail "a script element in the rendered page"
grep -q '<iframe' "$T/h.dom" && fail "an iframe in the rendered page"
grep -q '<img' "$T/h.dom" && fail "an img in the rendered page"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt; leerling schrijft' "$T/h.dom" || fail "hostile text not shown as text"
echo ok
