#!/bin/sh
# Import reads the notes element by element (the SQL reads the rest of the document with the
# notes' lists cut out): the same notes arrive whatever the file's layout. The demo's export
# is rewritten compact, with the keys in reverse order (notes first), with the key
# "observations" spelled with an escape, and with deleted notes before the others; each
# import must give back exactly the notes, texts, times and history of the original.
KR=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$T" || exit 1
"$KR" --db a.db demo --no-tui >/dev/null || fail "demo"
id=$("$KR" --db a.db sessions --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
# one deleted note, so deleted_observations has an element
sqlite3 a.db "UPDATE observation SET deleted_at = updated_at WHERE id = (SELECT id FROM observation ORDER BY id LIMIT 1)"
"$KR" --db a.db export "$id" --format json -o a.json >/dev/null || fail "export"
python3 - a.json <<'PY' || fail "variants"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["deleted_observations"], "no deleted note"
json.dump(dict(reversed(list(d.items()))), open("rev.json", "w"), separators=(",", ":"),
          ensure_ascii=False)
s = json.dumps(d, indent=3).replace('"observations":', '"\\u006fbservations":', 1)
open("esc.json", "w").write(s)
keys = ["deleted_observations"] + [k for k in d if k != "deleted_observations"]
json.dump({k: d[k] for k in keys}, open("del.json", "w"), indent="\t")
PY
for v in rev esc del; do
    rm -f b.db*
    "$KR" --db b.db import "$v.json" >/dev/null || fail "import $v"
    "$KR" --db b.db export "$id" --format json -o "b_$v.json" >/dev/null || fail "export $v"
    python3 - a.json "b_$v.json" <<'PY' || fail "the notes of $v"
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
for key in ("observations", "deleted_observations"):
    assert a[key] == b[key], (key, len(a[key]), len(b[key]))
PY
done
echo ok
