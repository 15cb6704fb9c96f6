#!/bin/sh
# kijkronde sync DIR after an import (issue 17, the new-user test): two laptops hold the same
# bijeenkomst from export | import; before either has synced, a edits a note and b deletes
# another; after sync a, b, a, b both laptops hold the edit and the deletion, whichever laptop
# id is the higher (an untouched copy never wins over a change). Then the same after the
# first sync: b restores the note, a edits it again; a further round changes nothing. And the
# import message says how many of the new notes are deleted ones.
set -u
KR=$1
case $KR in /*) ;; *) KR=$(pwd)/$KR ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v sqlite3 >/dev/null || { echo "no sqlite3: skip"; exit 77; }
kr() { db=$1; shift; "$KR" --db "$T/$db.db" "$@"; }
q() { sqlite3 "$T/$1.db" "$2"; }
# As the program edits and deletes (kr_store_obs_edit / _delete): the note and a new version
# on top of its heads.
change() { q "$1" "UPDATE observation SET $3, updated_at = '$4' WHERE id = '$2';
  INSERT INTO observation_version(id, observation_id, at, change, text, corner, base)
  SELECT '$1-v-$4', '$2', '$4', '$5', o.text, o.corner, (SELECT json_group_array(v.id)
  FROM observation_version v WHERE v.observation_id = '$2' AND NOT EXISTS (SELECT 1
  FROM observation_version w, json_each(w.base) j WHERE w.observation_id = '$2' AND j.value = v.id))
  FROM observation o WHERE o.id = '$2';" || fail "$5 on $1"; }

for round in 1 2; do # round 2: b is the first to sync
    D="$T/gedeeld$round"
    mkdir "$D"
    rm -f "$T"/a.db* "$T"/b.db*
    kr a demo --no-tui >/dev/null || fail "demo"
    kr a export latest --format json -o - | kr b import - >/dev/null || fail "export | import"
    EDIT=$(q a "SELECT id FROM observation WHERE deleted_at IS NULL ORDER BY id LIMIT 1")
    GONE=$(q a "SELECT id FROM observation WHERE deleted_at IS NULL ORDER BY id LIMIT 1 OFFSET 1")
    change a "$EDIT" "text = 'BEWERKT OP LAPTOP A'" "2026-03-12T10:00:00Z" bewerkt
    change b "$GONE" "deleted_at = '2026-03-12T10:01:00Z'" "2026-03-12T10:01:00Z" verwijderd
    if [ $round = 1 ]; then order="a b a b"; else order="b a b a"; fi
    for x in $order; do kr "$x" sync "$D" >/dev/null || fail "sync $x"; done
    for x in a b; do
        [ "$(q $x "SELECT count(*) FROM observation WHERE text = 'BEWERKT OP LAPTOP A'")" = 1 ] ||
            fail "round $round: the edit made on a before the first sync is lost on $x"
        [ -n "$(q $x "SELECT deleted_at FROM observation WHERE id = '$GONE'")" ] ||
            fail "round $round: the delete made on b before the first sync is undone on $x"
    done
    # After the first sync, on the imported rows: a restore on b, another edit on a.
    change b "$GONE" "deleted_at = NULL" "2026-03-12T11:00:00Z" hersteld
    change a "$EDIT" "text = 'Weer bewerkt op a.'" "2026-03-12T11:01:00Z" bewerkt
    for x in $order; do kr "$x" sync "$D" >/dev/null || fail "sync $x (2)"; done
    for x in a b; do
        [ "$(q $x "SELECT text FROM observation WHERE id = '$EDIT'")" = "Weer bewerkt op a." ] ||
            fail "round $round: the second edit is lost on $x"
        [ -z "$(q $x "SELECT deleted_at FROM observation WHERE id = '$GONE'")" ] ||
            fail "round $round: the restore is lost on $x"
    done
    for x in a b; do
        kr "$x" export latest --format json -o - >"$T/$x.json" || fail "export $x"
    done
    cmp -s "$T/a.json" "$T/b.json" || fail "round $round: the laptops differ"
    kr a sync --json "$D" | grep -q '"sent": *0' || fail "a further round sent something"
done

# The import message counts a deleted note as such: 85 notes of which 1 deleted.
rm -f "$T"/a.db* "$T"/c.db*
kr a demo --no-tui >/dev/null || fail "demo (count)"
N=$(q a "SELECT count(*) FROM observation")
q a "UPDATE observation SET deleted_at = '2026-03-12T10:00:00Z' WHERE id = (SELECT min(id) FROM observation)"
kr a export latest --format json -o - | kr c import - >"$T/msg" || fail "import (count)"
grep -q " $N nieuwe notities (waarvan 1 verwijderd)," "$T/msg" || fail "import message: $(cat "$T/msg")"
echo ok
