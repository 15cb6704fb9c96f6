#!/bin/sh
# What `meson install` puts on a system, and that the installed program uses it: the man page
# (renders), the bash completion, the docs, the kijkvragen in share/kijkronde/kijkvragen, read
# through $XDG_DATA_DIRS: an installed copy lists as the built-in one, a kijkvraag an
# administrator adds there is listed, a changed one replaces the built-in one, and a
# system-wide oordeel.yaml is used by check.
set -u
KR=$1
SRC=${KR_SOURCE_ROOT:?}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
BUILD=$(dirname "$KR")
command -v meson >/dev/null 2>&1 && [ -d "$BUILD/meson-private" ] ||
    { echo "SKIP: not run from a meson build directory"; exit 77; }
unset KIJKRONDE_DB
export HOME="$T/home" XDG_DATA_HOME="$T/home/.local/share"

meson install -C "$BUILD" --no-rebuild --destdir "$T/dest" >"$T/install.log" 2>&1 ||
    { tail -5 "$T/install.log"; fail "meson install --destdir"; }
inst=$(find "$T/dest" -type f -path '*/bin/kijkronde' | head -1)
[ -n "$inst" ] && [ -x "$inst" ] || fail "no installed bin/kijkronde"
prefix=${inst%/bin/kijkronde}
share=$prefix/share

# The man page, the completion and the docs.
page=$share/man/man1/kijkronde.1
[ -f "$page" ] || fail "no man page at share/man/man1/kijkronde.1"
if command -v man >/dev/null 2>&1; then
    LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" >"$T/page" 2>"$T/warn" || fail "man -l exit"
    [ -s "$T/warn" ] && { cat "$T/warn"; fail "the installed man page warns"; }
    grep -q '^OPDRACHTEN' "$T/page" || fail "the installed man page does not render"
fi
comp=$share/bash-completion/completions/kijkronde
[ -f "$comp" ] || fail "no completion at share/bash-completion/completions/kijkronde"
if command -v bash >/dev/null 2>&1; then
    bash -c 'source "$1" && complete -p kijkronde' _ "$comp" >/dev/null || fail "the completion does not load"
fi
for d in README.md tui.md kijkvragen.md oordeel.md; do
    [ -f "$share/doc/kijkronde/$d" ] || fail "no share/doc/kijkronde/$d"
done

# The kijkvragen: every file of kijkvragen/ installed.
kv=$share/kijkronde/kijkvragen
nfiles=$(ls "$SRC"/kijkvragen/*.yaml | wc -l)
[ "$(ls "$kv"/*.yaml | wc -l)" = "$nfiles" ] || fail "share/kijkronde/kijkvragen has not every kijkvraag"

# The installed program reads them through XDG_DATA_DIRS. The installed copies are the
# built-in ones: the same list, no notices.
run() { (cd / && XDG_DATA_DIRS="$T/leeg:$share" "$inst" "$@"); }
run kijkvragen list --json >"$T/list.json" 2>"$T/err" || fail "installed list --json exit"
[ -s "$T/err" ] && { cat "$T/err"; fail "the installed copies give notices"; }
"$PY" - "$T/list.json" "$nfiles" <<'PYEOF' || fail "installed list"
import json, sys
items = json.load(open(sys.argv[1]))
assert len(items) == int(sys.argv[2]), len(items)
assert all(i["ingebouwd"] for i in items), [i["bestand"] for i in items if not i["ingebouwd"]]
PYEOF

# An administrator adds a kijkvraag and changes one, in the installed directory.
sed 's/^id: .*/id: netwerk-installatie/' "$SRC/kijkvragen/rekenen-vastlopen.yaml" >"$kv/netwerk-installatie.yaml"
grep -q '^id: netwerk-installatie$' "$kv/netwerk-installatie.yaml" || fail "test file"
sed 's/^vraag: .*/vraag: "Wat doen leerlingen als ze vastlopen bij een som, en daarna?"/' \
    "$SRC/kijkvragen/rekenen-vastlopen.yaml" >"$kv/rekenen-vastlopen.yaml"
run kijkvragen list --json >"$T/list.json" 2>"$T/err" || fail "list --json exit after adding"
[ -s "$T/err" ] && { cat "$T/err"; fail "notices for the administrator's files"; }
"$PY" - "$T/list.json" "$nfiles" "$kv" <<'PYEOF' || fail "the installed directory is not used"
import json, sys
items = {i["id"]: i for i in json.load(open(sys.argv[1]))}
assert len(items) == int(sys.argv[2]) + 1, len(items)
new = items["netwerk-installatie"]
assert new["bestand"] == sys.argv[3] + "/netwerk-installatie.yaml" and not new["ingebouwd"], new
changed = items["rekenen-vastlopen"]
assert changed["vraag"].startswith("Wat doen leerlingen als ze vastlopen bij een som"), changed
assert not changed["ingebouwd"], changed
PYEOF
run kijkvragen list | grep -q '^netwerk-installatie ' || fail "the text list lacks the added kijkvraag"
# Without XDG_DATA_DIRS pointing there, it is not seen (and the built-in library still is).
n=$( (cd / && XDG_DATA_DIRS="$T/leeg" "$inst" kijkvragen list --json) | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))')
[ "$n" = "$nfiles" ] || fail "without XDG_DATA_DIRS the installed program lists $n"

# A system-wide lexicon next to them.
printf 'categorieen:\n  systeem:\n    hint: "Beschrijf wat je zag."\n    woorden: [leerkuil]\n' \
    >"$share/kijkronde/oordeel.yaml"
run check --json "In de leerkuil." | grep -q '"kind": "systeem"' || fail "the system lexicon is not used"
echo ok
