#!/bin/sh
# `kijkronde check` as the contract describes it: JSON shape and byte offsets, exit codes,
# batch mode (one answer line per stdin line, in order), inert output, the network lexicon.
set -u
KR=$1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
PY=/usr/bin/python3
[ -x "$PY" ] || PY=$(command -v python3 || true)

# Exit codes: 0 clean, 1 findings, 2 usage.
"$KR" check "Leerling schrijft 3 sommen op." >"$T/out" || fail "factual note exit $?"
grep -q "Geen oordeel" "$T/out" || fail "factual note text: $(cat "$T/out")"
"$KR" check "De juf legt het heel goed uit." >"$T/out"; rc=$?
[ $rc -eq 1 ] || fail "judging note exit $rc"
grep -q "\[heel goed\]" "$T/out" || fail "human output does not mark the words: $(cat "$T/out")"
grep -q "evaluatief" "$T/out" || fail "human output lacks the kind"
grep -q "Beschrijf wat leerlingen doen of zeggen" "$T/out" || fail "human output lacks the hint"
"$KR" check >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || fail "no text exit $rc"
grep -q "check" "$T/err" || fail "usage error does not say what is wrong"
"$KR" check --bogus x >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "unknown option exit $rc"

# The contract's JSON, with exact byte offsets on diacritics, curly quotes and emoji.
"$KR" check --json "😀 Juf zegt: “prima”. Héél rommelig!" >"$T/j"; rc=$?
[ $rc -eq 1 ] || fail "json exit $rc"
if [ -n "$PY" ]; then
    "$PY" - "$T/j" <<'PYEOF' || fail "json shape: $(cat "$T/j")"
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert len(lines) == 1, lines
o = json.loads(lines[0])
assert set(o) == {"text", "findings"}, o
raw = o["text"].encode("utf-8")
assert len(o["findings"]) >= 1
for f in o["findings"]:
    assert set(f) >= {"start", "end", "match", "kind", "hint"}, f
    assert raw[f["start"]:f["end"]].decode("utf-8") == f["match"], f
    assert f["hint"] and f["kind"]
assert any(f["match"] == "rommelig" for f in o["findings"]), o
assert not any("prima" in f["match"] for f in o["findings"]), o
PYEOF
fi

# Several TEXT arguments: one JSON line each.
n=$("$KR" check --json "Een mooie les." "Leerling telt tot 10." | wc -l)
[ "$n" -eq 2 ] || fail "two texts gave $n lines"

# Batch mode: one line per note, in order, exit 1 when any note judges.
printf 'Leerling begint te schrijven.\nDe klas is rommelig.\n\n7 van de 10 sommen goed.\nIk vind het saai.' >"$T/in"
"$KR" check --json - <"$T/in" >"$T/b"; rc=$?
[ $rc -eq 1 ] || fail "batch exit $rc"
[ "$(wc -l <"$T/b")" -eq 5 ] || fail "batch gave $(wc -l <"$T/b") lines for 5 notes"
sed -n 1p "$T/b" | grep -q '"findings": \[\]' || fail "batch line 1"
sed -n 2p "$T/b" | grep -q '"match": "rommelig"' || fail "batch line 2 out of order"
sed -n 3p "$T/b" | grep -q '"text": ""' || fail "batch line 3 (empty note)"
sed -n 5p "$T/b" | grep -q '"kind": "mening"' || fail "batch line 5"
printf 'Leerling leest.\n7 van de 10 sommen goed.\n' | "$KR" check - >"$T/b"; rc=$?
[ $rc -eq 0 ] || fail "clean batch exit $rc"
[ "$(wc -l <"$T/b")" -eq 2 ] || fail "human batch is not one line per note"

# Batch answers each line as it comes (a script can talk to it through a pipe).
if [ -n "$PY" ]; then
    "$PY" - "$KR" <<'PYEOF' || fail "batch does not answer line by line"
import subprocess, sys
p = subprocess.Popen([sys.argv[1], "check", "--json", "-"], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE)
for note, want in (("Saaie les.", "Saaie"), ("Leerling leest.", "[]")):
    p.stdin.write((note + "\n").encode()); p.stdin.flush()
    line = p.stdout.readline().decode()
    assert want in line, line
p.stdin.close(); p.wait()
PYEOF
fi

# Control bytes from the input never reach the terminal.
"$KR" check "$(printf 'De klas is \033[31mrommelig\033[0m\007.')" >"$T/o"
if grep -q "$(printf '\033')" "$T/o" || grep -q "$(printf '\007')" "$T/o"; then
    fail "control bytes echoed"
fi
printf 'saai \033]0;x\007 les\n' | "$KR" check --json - >"$T/o"
grep -q "$(printf '\033')" "$T/o" && fail "control bytes in JSON"

# The network's own lexicon: --lexicon FILE, and XDG_DATA_HOME/kijkronde/oordeel.yaml.
cat >"$T/lex.yaml" <<'YEOF'
categorieen:
  jargon:
    hint: "Zeg wat je zag, zonder vakjargon."
    woorden: [executieve functies]
YEOF
"$KR" check --json --lexicon "$T/lex.yaml" "Hij mist executieve functies." | grep -q '"kind": "jargon"' ||
    fail "--lexicon not used"
mkdir -p "$T/xdg/kijkronde"
cp "$T/lex.yaml" "$T/xdg/kijkronde/oordeel.yaml"
XDG_DATA_HOME="$T/xdg" "$KR" check --json "Executieve functies." | grep -q '"jargon"' ||
    fail "XDG lexicon not used"
# A system-wide lexicon in each $XDG_DATA_DIRS directory (as installed: share/kijkronde/),
# with the network's own added after it; --lexicon FILE uses neither.
mkdir -p "$T/sys/kijkronde"
cat >"$T/sys/kijkronde/oordeel.yaml" <<'YEOF'
categorieen:
  systeemjargon:
    hint: "Zeg wat je zag, zonder de woorden van het systeem."
    woorden: [leerkuil]
YEOF
out=$(XDG_DATA_DIRS="$T/leeg:$T/sys/" XDG_DATA_HOME="$T/xdg" "$KR" check --json "De leerkuil en executieve functies.")
printf '%s' "$out" | grep -q '"kind": "systeemjargon"' || fail "system lexicon not used: $out"
printf '%s' "$out" | grep -q '"kind": "jargon"' || fail "own lexicon not used next to the system one: $out"
XDG_DATA_DIRS="$T/sys" XDG_DATA_HOME="$T/leeg" "$KR" check --json "De leerkuil." | grep -q systeemjargon ||
    fail "system lexicon alone not used"
XDG_DATA_DIRS="$T/sys" "$KR" check --json --lexicon "$T/lex.yaml" "De leerkuil." | grep -q systeemjargon &&
    fail "--lexicon still uses the system lexicon"
(cd "$T" && XDG_DATA_DIRS="sys" XDG_DATA_HOME="$T/leeg" "$KR" check --json "De leerkuil.") | grep -q systeemjargon &&
    fail "a relative XDG_DATA_DIRS entry was used"
printf 'categorieen:\n  jargon: [\n' >"$T/bad.yaml"
"$KR" check --lexicon "$T/bad.yaml" "x" 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || fail "broken lexicon exit $rc"
grep -q "bad.yaml:[0-9]*:[0-9]*:" "$T/err" || fail "broken lexicon error lacks file:line:col: $(cat "$T/err")"
cp "$T/bad.yaml" "$T/sys/kijkronde/oordeel.yaml"
XDG_DATA_DIRS="$T/sys" "$KR" check "x" 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || fail "broken system lexicon exit $rc"
grep -q "sys/kijkronde/oordeel.yaml:[0-9]*:[0-9]*:" "$T/err" || fail "broken system lexicon: $(cat "$T/err")"
exit 0
