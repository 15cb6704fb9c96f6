#!/bin/sh
# kijkronde sync DIR (issue 17): two and three databases through one folder end with the same
# bijeenkomsten and notes; a second round changes nothing; a late joiner gets everything; the
# same note edited on two laptops keeps both versions and the same newest text everywhere; a
# soft delete and an undone reflection decision stay gone everywhere; no SQLite file is ever
# in the folder; an unusable folder exits 2 naming it; a chunk copied half-way is skipped and
# applied once complete; a damaged chunk is named and harms nothing; Syncthing's temporary
# files are ignored.
set -u
KR=$1
case $KR in /*) ;; *) KR=$(pwd)/$KR ;; esac # one check runs it from another directory
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v sqlite3 >/dev/null || { echo "no sqlite3: skip"; exit 77; }
D="$T/gedeeld"
mkdir "$D"

kr() { db=$1; shift; "$KR" --db "$T/$db.db" "$@"; }
sync_json() { kr "$1" sync --json "$2"; }
# Everything that travels, as text: each bijeenkomst's kijkronde/1 export (notes, history,
# deletes) and the reflection's decisions.
state() {
    kr "$1" sessions --json | python3 -c 'import json,sys; [print(s["id"]) for s in json.load(sys.stdin)]' |
        while read -r id; do kr "$1" export "$id" --format json -o -; done
    sqlite3 "$T/$1.db" "SELECT observation_id, corner, pattern_id FROM reflection_note ORDER BY 1;
      SELECT id, label FROM reflection_pattern ORDER BY 1; SELECT id, text FROM observation_version ORDER BY 1;"
}
same() { state "$1" >"$T/$1.state"; state "$2" >"$T/$2.state"; cmp -s "$T/$1.state" "$T/$2.state" || {
    diff "$T/$1.state" "$T/$2.state" | head -5; fail "$3"; }; }
field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

kr a demo --no-tui >/dev/null || fail "demo"
kr b sessions >/dev/null || fail "b"
kr a sync "$D" >"$T/out" || fail "sync a"
grep -q "verstuurd" "$T/out" || fail "sync says nothing: $(cat "$T/out")"
kr b sync "$D" >/dev/null || fail "sync b"
[ "$(kr b sessions --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 1 ] ||
    fail "b did not get the bijeenkomst"
same a b "two laptops differ after one round"

# The same note edited on both laptops, a note deleted on b, a decision made on a.
OBS=$(sqlite3 "$T/a.db" "SELECT id FROM observation ORDER BY id LIMIT 1")
# The demo has already placed some notes (ids are random): the decision is made on one it has not.
OBS2=$(sqlite3 "$T/a.db" "SELECT id FROM observation WHERE id <> '$OBS' AND id NOT IN
  (SELECT observation_id FROM reflection_note) ORDER BY id LIMIT 1")
SID=$(sqlite3 "$T/a.db" "SELECT id FROM session LIMIT 1")
# As the program edits: the new version is made on top of the note's heads (base).
edit() { sqlite3 "$T/$1.db" "UPDATE observation SET text = '$3', updated_at = '$4' WHERE id = '$2';
  INSERT INTO observation_version(id, observation_id, at, change, text, corner, base)
  SELECT '$1-v-$2-$4', '$2', '$4', 'bewerkt', '$3', NULL, (SELECT json_group_array(v.id)
  FROM observation_version v WHERE v.observation_id = '$2' AND NOT EXISTS (SELECT 1
  FROM observation_version w, json_each(w.base) j WHERE w.observation_id = '$2' AND j.value = v.id));" ||
    fail "edit $1"; }
# Does the kijkronde/1 export of laptop $1 mark note $2 "edited_elsewhere"?
elsewhere() { kr "$1" export "$SID" --format json -o - | python3 -c 'import json,sys
d = json.load(sys.stdin)
print([o.get("edited_elsewhere", False) for o in d["observations"] if o["id"] == sys.argv[1]])' "$2"; }
# Concurrent edits of one note (neither laptop saw the other's): both versions stay in its
# history, and every laptop shows the same one.
edit a "$OBS" "Versie van laptop a." "2026-03-12T10:00:00Z"
edit b "$OBS" "Versie van laptop b." "2026-03-12T10:00:30Z"
sqlite3 "$T/b.db" "UPDATE observation SET deleted_at = '2026-03-12T10:01:00Z' WHERE id = '$OBS2'" || fail "del"
sqlite3 "$T/a.db" "INSERT INTO reflection_note VALUES ('$OBS2', '$SID', 'leraar', NULL, '2026-03-12T10:02:00Z')" || fail "decide"
kr a sync "$D" >/dev/null && kr b sync "$D" >/dev/null && kr a sync "$D" >/dev/null || fail "round 2"
same a b "laptops differ after concurrent edits"
[ "$(sqlite3 "$T/a.db" "SELECT count(*) FROM observation_version WHERE id IN ('a-v-$OBS-2026-03-12T10:00:00Z', 'b-v-$OBS-2026-03-12T10:00:30Z')")" = 2 ] ||
    fail "the history lacks one of the two versions"
WIN=$(sqlite3 "$T/a.db" "SELECT text FROM observation WHERE id = '$OBS'")
[ "$WIN" = "Versie van laptop a." ] || [ "$WIN" = "Versie van laptop b." ] || fail "winner: $WIN"
# ... and both laptops mark it edited on another laptop; an untouched note is not marked.
[ "$(elsewhere a "$OBS")" = "[True]" ] && [ "$(elsewhere b "$OBS")" = "[True]" ] ||
    fail "concurrent edits not marked: $(elsewhere a "$OBS") $(elsewhere b "$OBS")"
OBS3=$(sqlite3 "$T/a.db" "SELECT id FROM observation WHERE id NOT IN ('$OBS', '$OBS2') ORDER BY id LIMIT 1")
[ "$(elsewhere a "$OBS3")" = "[False]" ] || fail "an untouched note is marked"
# An edit made after seeing another laptop's version wins, whatever the wall clocks say: a's
# clock runs far ahead, b's far behind; merge (newest updated_at) would keep a's.
edit a "$OBS" "Eerst op a." "2099-01-01T00:00:00Z"
kr a sync "$D" >/dev/null && kr b sync "$D" >/dev/null || fail "round 2b"
edit b "$OBS" "Daarna op b." "2000-01-01T00:00:00Z"
kr b sync "$D" >/dev/null && kr a sync "$D" >/dev/null || fail "round 2c"
[ "$(sqlite3 "$T/a.db" "SELECT text FROM observation WHERE id = '$OBS'")" = "Daarna op b." ] ||
    fail "wall time decided, not the logical clock"
# a's edit was made after seeing both versions: it joins them, the mark is gone.
[ "$(elsewhere a "$OBS")" = "[False]" ] || fail "an edit after seeing both versions still marked"
[ -n "$(sqlite3 "$T/a.db" "SELECT deleted_at FROM observation WHERE id = '$OBS2'")" ] || fail "delete did not travel"
[ "$(sqlite3 "$T/b.db" "SELECT corner FROM reflection_note WHERE observation_id = '$OBS2'")" = leraar ] ||
    fail "decision did not travel"
# The decision undone on b (a hard delete) stays undone everywhere, also after more rounds.
sqlite3 "$T/b.db" "DELETE FROM reflection_note WHERE observation_id = '$OBS2'" || fail "undo"
kr b sync "$D" >/dev/null && kr a sync "$D" >/dev/null && kr b sync "$D" >/dev/null || fail "round 3"
[ "$(sqlite3 "$T/a.db" "SELECT count(*) FROM reflection_note WHERE observation_id = '$OBS2'")" = 0 ] ||
    fail "undone decision came back on a"
same a b "laptops differ after the undo"

# A second round changes nothing: no new file, no change in either database.
N=$(find "$D" -type f | wc -l)
sqlite3 "$T/a.db" .dump >"$T/a.dump"
sqlite3 "$T/b.db" .dump >"$T/b.dump"
for x in a b; do
    sync_json "$x" "$D" >"$T/j" || fail "sync $x again"
    [ "$(field sent <"$T/j")" = 0 ] && [ "$(field received <"$T/j")" = 0 ] || fail "second round did something: $(cat "$T/j")"
done
[ "$(find "$D" -type f | wc -l)" = "$N" ] || fail "second round wrote files"
sqlite3 "$T/a.db" .dump | cmp -s - "$T/a.dump" || fail "second round changed a"
sqlite3 "$T/b.db" .dump | cmp -s - "$T/b.dump" || fail "second round changed b"

# A third laptop joining late gets everything; the others see three laptops.
kr c sync "$D" >/dev/null || fail "sync c"
same a c "late joiner differs"
[ "$(sync_json a "$D" | field laptops)" = 3 ] || fail "not three laptops"

# Never a database file in the folder.
find "$D" -type f | while read -r f; do
    [ "$(head -c 15 "$f")" = "SQLite format 3" ] && fail "SQLite file in DIR: $f"
done
[ "$(find "$D" -type f | wc -l)" -gt 0 ] || fail "no files at all"

# An unusable folder: exit 2, the message names it, no database made.
kr z sync "$T/bestaat-niet" 2>"$T/err"; rc=$?
[ $rc = 2 ] || fail "missing DIR exit $rc"
grep -q "bestaat-niet" "$T/err" || fail "message does not name the folder: $(cat "$T/err")"
[ -e "$T/z.db" ] && fail "a database was made for a bad folder"
: >"$T/eenbestand"
kr a sync "$T/eenbestand" 2>"$T/err"; rc=$?
[ $rc = 2 ] && grep -q "eenbestand" "$T/err" || fail "file as DIR: exit $rc $(cat "$T/err")"
kr a sync 2>/dev/null; [ $? = 2 ] || fail "no DIR: not exit 2"

# A chunk copied half-way (a USB stick pulled early) is skipped, then applied when whole.
U="$T/stick"
mkdir "$U"
edit a "$OBS" "Na de pauze bewerkt." "2026-03-12T11:00:00Z"
kr a sync "$D" >/dev/null || fail "sync a (half)"
LA=$(sqlite3 "$T/a.db" "SELECT laptop FROM sync_self")
LAST=$(ls "$D/$LA" | tail -1)
mkdir "$U/$LA"
SIZE=$(wc -c <"$D/$LA/$LAST")
head -c $((SIZE / 2)) "$D/$LA/$LAST" >"$U/$LA/$LAST"
: >"$U/$LA/.syncthing.$LAST.tmp"
echo rommel >"$U/$LA/~syncthing~$LAST.tmp"
sync_json b "$U" >"$T/j" 2>"$T/err" || fail "sync half"
[ -s "$T/err" ] && fail "half copy or temp files gave a message: $(cat "$T/err")"
[ "$(field waiting <"$T/j")" = 1 ] || fail "half copy not waiting: $(cat "$T/j")"
[ "$(sqlite3 "$T/b.db" "SELECT text FROM observation WHERE id = '$OBS'")" = "Na de pauze bewerkt." ] &&
    fail "half copy applied"
cp "$D/$LA/$LAST" "$U/$LA/$LAST"
sync_json b "$U" >"$T/j" || fail "sync whole"
[ "$(field chunks <"$T/j")" = 1 ] || fail "whole copy not applied once: $(cat "$T/j")"
[ "$(sqlite3 "$T/b.db" "SELECT text FROM observation WHERE id = '$OBS'")" = "Na de pauze bewerkt." ] ||
    fail "whole copy not applied"
[ "$(sync_json b "$U" | field chunks)" = 0 ] || fail "applied twice"

# A damaged chunk (same length, one byte changed) is named, skipped, and harms nothing.
edit a "$OBS2" "Nog een bewerking." "2026-03-12T12:00:00Z"
kr a sync "$D" >/dev/null || fail "sync a (corrupt)"
LAST=$(ls "$D/$LA" | tail -1)
sed 's/Nog een bewerking/Nog een bewerkinG/' "$D/$LA/$LAST" >"$U/$LA/$LAST"
sqlite3 "$T/b.db" .dump >"$T/b.dump"
kr b sync "$U" >/dev/null 2>"$T/err"; rc=$?
[ $rc = 0 ] || fail "corrupt chunk: exit $rc"
grep -q "$LAST" "$T/err" && grep -q "beschadigd" "$T/err" || fail "corrupt chunk not named: $(cat "$T/err")"
[ "$(wc -l <"$T/err")" = 1 ] || fail "more than one message: $(cat "$T/err")"
sqlite3 "$T/b.db" .dump | cmp -s - "$T/b.dump" || fail "corrupt chunk changed b"
cp "$D/$LA/$LAST" "$U/$LA/$LAST"
kr b sync "$U" >/dev/null 2>"$T/err" || fail "repaired chunk"
[ -s "$T/err" ] && fail "repaired chunk still reported"
[ "$(sqlite3 "$T/b.db" "SELECT text FROM observation WHERE id = '$OBS2'")" = "Nog een bewerking." ] ||
    fail "repaired chunk not applied"

# A chunk with a sound checksum but a control character in a text (an escape sequence that
# would reach the terminal) is refused like a damaged one.
EVIL=0badc0de-0000-4000-8000-000000000001
mkdir "$U/$EVIL"
python3 - "$U/$EVIL/0000000001.json" "$EVIL" "$OBS" <<'PY'
import sys
path, laptop, obs = sys.argv[1:4]
body = ('[\n{"t":"observation","k":["%s"],"d":{"id":"%s","text":"\\u001b[2Jweg"}}\n]\n' % (obs, obs)).encode()
h = 1469598103934665603
for b in body:
    h = ((h ^ b) * 1099511628211) & 0xFFFFFFFFFFFFFFFF
head = ('{"format":"kijkronde-sync/1","laptop":"%s","seq":1,"lamport":999999,"rows":1,"bytes":%d,"fnv1a64":"%016x"}\n'
        % (laptop, len(body), h)).encode()
open(path, "wb").write(head + body)
PY
BEFORE=$(sqlite3 "$T/b.db" "SELECT text FROM observation WHERE id = '$OBS'")
kr b sync "$U" >/dev/null 2>"$T/err" || fail "sync with a control character"
grep -q "$EVIL/0000000001.json" "$T/err" && grep -q stuurtekens "$T/err" || fail "control character not named: $(cat "$T/err")"
[ "$(sqlite3 "$T/b.db" "SELECT text FROM observation WHERE id = '$OBS'")" = "$BEFORE" ] || fail "control character applied"
rm -r "${U:?}/$EVIL"

# --bijeenkomst remembers the folder (absolute) for the TUI's live sync; an unknown one exits 2.
(cd "$T" && "$KR" --db "$T/a.db" sync --stil --bijeenkomst latest gedeeld) || fail "sync --bijeenkomst"
[ "$(sqlite3 "$T/a.db" "SELECT dir FROM sync_folder")" = "$(cd "$D" && pwd -P)" ] ||
    fail "sync folder not stored: $(sqlite3 "$T/a.db" "SELECT * FROM sync_folder")"
kr a sync --bijeenkomst bestaat-niet-xyz "$D" >/dev/null 2>&1; [ $? = 2 ] || fail "unknown bijeenkomst: not exit 2"

# The derived note counts stay right on every laptop.
for x in a b c; do
    kr "$x" sync "$D" >/dev/null || fail "final $x"
done
for x in a b c; do
    [ "$(sqlite3 "$T/$x.db" "SELECT count(*) FROM visit v WHERE n_live != (SELECT count(*) FROM observation o
      WHERE o.visit_id = v.id AND o.deleted_at IS NULL)")" = 0 ] || fail "note counts wrong on $x"
done
same a b "a and b differ at the end"
same a c "a and c differ at the end"
echo "ok"
