#!/bin/sh
# Progress of long work (issue 19.7): an import of a big file on a terminal (script(1)
# gives it one) shows "notities N van M · nog ongeveer X s" on stderr, redrawn with \r
# at most about five times a second and cleared before the result; in a pipe, with
# TERM=dumb or under CI it prints nothing on stderr. stdout gets only the result.
set -u
KR=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") # the test runs in a temp directory
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v script >/dev/null 2>&1 || { echo "script(1) not found"; exit 77; }
cd "$T" || exit 1
N=${KR_PROGRESS_NOTES:-20000}

python3 - "$N" <<'PY' || fail "generating the file"
import json, sys
n = int(sys.argv[1])
words = ("leerling schrijft antwoord op wisbordje steekt vinger juf loopt rond tafel buurman "
         "vraagt blokjes telt hardop legt uit werkboek").split()
visits = [{"id": "v%d" % i, "label": "groep %d" % (3 + i % 6), "subject": "rekenen", "pair": None,
           "started_at": "2026-03-12T09:00:00+01:00", "ended_at": None} for i in range(20)]
obs = [{"id": "o%06d" % i, "visit": "v%d" % (i % 20),
        "at": "2026-03-12T%02d:%02d:%02d+01:00" % (9 + i // 3600 % 8, i // 60 % 60, i % 60),
        "text": " ".join(words[(i * 7 + k * 3) % len(words)] for k in range(8)) + " %d" % i,
        "corner": None, "observer": None} for i in range(n)]
doc = {"format": "kijkronde/1",
       "session": {"id": "groot", "network": None, "host_school": None, "date": "2026-03-12",
                   "basisvaardigheid": None, "ontwikkelvraag": None,
                   "kijkvraag": {"id": None, "text": "Wat doen leerlingen?"}},
       "visits": visits, "observations": obs}
json.dump(doc, open("big.json", "w"))
PY

# --- on a terminal: progress on stderr, the result alone on stdout
t0=$(date +%s.%N)
env -u CI KR_PROGRESS_AFTER=0 TERM=xterm LC_ALL=C.UTF-8 script -qec "'$KR' --db tty.db import big.json >out.txt" /dev/null >tty.raw ||
    fail "import under script: $(cat tty.raw)"
t1=$(date +%s.%N)
python3 - tty.raw out.txt "$N" "$t0" "$t1" <<'PY' || fail "progress on a terminal"
import re, sys
raw = open(sys.argv[1], "rb").read().decode("utf-8")
out = open(sys.argv[2], encoding="utf-8").read()
n, secs = int(sys.argv[3]), float(sys.argv[5]) - float(sys.argv[4])
assert "%d nieuwe notities" % n in out and out.count("\n") == 1 and "\r" not in out, out
frames = [f for f in raw.split("\r") if f.strip()]
shown = [re.fullmatch(r"notities (\d+) van (\d+)( · nog ongeveer \d+ (s|min))? *", f) for f in frames]
shown = [m for m in shown if m]
assert shown, "no progress line in %r" % raw[:300]
assert all(int(m.group(2)) == n for m in shown), [m.group(0) for m in shown]
done = [int(m.group(1)) for m in shown]
assert done == sorted(done) and done[-1] < n, done
assert any(m.group(3) for m in shown), "no time left shown"
assert len(shown) <= 5.5 * secs + 2, (len(shown), secs)
# cleared at the end: the last thing written is spaces and \r (nothing left on the line)
tail = raw.rstrip("\r\n")
assert re.search(r"\r +\r?$", tail), repr(raw[-120:])
PY
"$KR" --db tty.db sessions --json | grep -q '"groot"' || fail "the terminal import did not import"
# Outside UTF-8 the separator is ASCII.
env -u CI KR_PROGRESS_AFTER=0 TERM=xterm LC_ALL=C script -qec "'$KR' --db ascii.db import big.json >/dev/null" /dev/null >ascii.raw ||
    fail "import under LC_ALL=C"
grep -q 'notities [0-9]* van [0-9]* - nog ongeveer' ascii.raw || fail "no ASCII progress line under LC_ALL=C"
LC_ALL=C grep -q "$(printf '\302\267')" ascii.raw && fail "a non-ASCII separator under LC_ALL=C"

# --- in a pipe: nothing on stderr, the same result on stdout
"$KR" --db pipe.db import big.json >pipe.out 2>pipe.err || fail "import in a pipe"
[ -s pipe.err ] && fail "import in a pipe wrote to stderr: $(head -c 200 pipe.err)"
[ "$(wc -l <pipe.out)" -eq 1 ] || fail "import in a pipe: $(cat pipe.out)"
"$KR" --db pipe.db export groot --format csv 2>exp.err | tail -1 >/dev/null || fail "export pipe"
[ -s exp.err ] && fail "export in a pipe wrote to stderr"
"$KR" --db merged.db merge pipe.db >merge.out 2>merge.err || fail "merge in a pipe"
[ -s merge.err ] && fail "merge in a pipe wrote to stderr: $(head -c 200 merge.err)"

# --- a terminal that does not want it: TERM=dumb, or CI set
env -u CI KR_PROGRESS_AFTER=0 TERM=dumb script -qec "'$KR' --db dumb.db import big.json >/dev/null" /dev/null >dumb.raw ||
    fail "import with TERM=dumb"
grep -q 'notities' dumb.raw && fail "progress with TERM=dumb"
CI=true KR_PROGRESS_AFTER=0 TERM=xterm script -qec "'$KR' --db ci.db import big.json >/dev/null" /dev/null >ci.raw ||
    fail "import under CI"
grep -q 'notities' ci.raw && fail "progress under CI"
# short work stays quiet, also on a terminal (when it is short here: not under a slow
# sanitizer build, where loading the word list alone takes seconds)
python3 -c '
import json
d = json.load(open("big.json"))
d["observations"] = d["observations"][:50]
json.dump(d, open("small.json", "w"))' || fail "small.json"
t0=$(date +%s.%N)
env -u CI TERM=xterm script -qec "'$KR' --db small.db import small.json >/dev/null" /dev/null >small.raw ||
    fail "small import"
t1=$(date +%s.%N)
if python3 -c 'import sys; sys.exit(0 if float(sys.argv[2]) - float(sys.argv[1]) < 0.8 else 1)' "$t0" "$t1"; then
    grep -q 'notities' small.raw && fail "progress for a short import: $(cat small.raw)"
fi
echo ok
