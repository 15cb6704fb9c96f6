#!/bin/sh
# Two laptops through one folder (issue 17): s on the bijeenkomst screen gives it a sync folder
# (an unusable one is named) and clears it again; the same note edited on both laptops before
# either saw the other's change shows "ook bewerkt op een andere laptop" on both, newest text
# the same everywhere; `sync --bijeenkomst B --geen` clears the folder from the command line.
KR="$1"
. "$(dirname "$0")/lib.sh"

A="$TMPD/a.db"
B="$TMPD/b.db"
D="$TMPD/gedeeld"
mkdir "$D"
DB="$A"
"$KR" --db "$A" demo --no-tui >/dev/null || fail "demo"
"$KR" --db "$A" sync --stil "$D" && "$KR" --db "$B" sync --stil "$D" || fail "first sync"
# q until the start list (a message on screen may take the first q)
to_list() {
    for i in 1 2 3 4; do
        screen | grep -qF "q stoppen" && return 0
        keys q
        sleep 0.3
    done
    wait_for "q stoppen"
}
SID=$(sql "SELECT id FROM session LIMIT 1")

start
wait_for "Wilgenkrakel"
keys Enter
wait_for "s sync-map"
# Laptop a edits a note in the TUI (no sync folder yet: b does not see it).
keys n
wait_for "Alle notities ("
keys e
wait_for "Bewerk ›"
keys C-u
type_text "Kinderen tellen hardop tot tien, op laptop a."
keys Enter
wait_for "Bewerking bewaard" # (the typed text is on the screen before Enter is taken)
OBS=$(sql "SELECT id FROM observation WHERE text LIKE '%op laptop a.'")
[ -n "$OBS" ] || fail "the edit was not saved"
screen | grep -qF "ook bewerkt op een andere laptop" && fail "marked before any other laptop edited"
# Laptop b edits the same note as the program does (on top of the heads it knows).
sqlite3 "$B" "UPDATE observation SET text = 'Kinderen tellen samen tot tien, op laptop b.',
  updated_at = '2026-03-12T10:00:30Z' WHERE id = '$OBS';
  INSERT INTO observation_version(id, observation_id, at, change, text, corner, base)
  SELECT 'b-versie', '$OBS', '2026-03-12T10:00:30Z', 'bewerkt',
  'Kinderen tellen samen tot tien, op laptop b.', NULL, (SELECT json_group_array(v.id)
  FROM observation_version v WHERE v.observation_id = '$OBS' AND NOT EXISTS (SELECT 1
  FROM observation_version w, json_each(w.base) j WHERE w.observation_id = '$OBS'
  AND j.value = v.id))" || fail "edit on b"

# s: an unusable folder is named and asked again; then the shared folder.
keys q
wait_for "s sync-map"
keys s
wait_for "Sync-map van deze bijeenkomst"
type_text "$TMPD/bestaat-niet"
keys Enter
wait_for "De map '$TMPD/bestaat-niet' is niet bruikbaar"
wait_for "Sync-map van deze bijeenkomst"
keys C-u
type_text "$D"
keys Enter
wait_for "synchroniseert nu vanzelf met $D"
wait_sql "SELECT dir FROM sync_folder WHERE session_id = '$SID'" "$D"
# The background sync sends a's edit; b syncs (sends its own, gets a's); a gets b's.
wait_for "2 laptops"
"$KR" --db "$B" sync --stil "$D" || fail "sync b"
wait_sql "SELECT count(*) FROM observation_version WHERE id = 'b-versie'" 1
"$KR" --db "$B" sync --stil "$D" || fail "sync b again"
keys n
wait_for "(ook bewerkt op een andere laptop)"
WIN=$(sql "SELECT text FROM observation WHERE id = '$OBS'")
[ "$WIN" = "$(sqlite3 "$B" "SELECT text FROM observation WHERE id = '$OBS'")" ] ||
    fail "the laptops show different texts"
screen | grep -F "(ook bewerkt op een andere laptop)" | grep -qF "Kinderen" ||
    fail "the mark is not on the note's line"
screen | grep -qF "$WIN" || fail "the newest text ($WIN) is not shown"
# s with an empty field: no sync folder any more.
keys q
wait_for "s sync-map"
keys s
wait_for "Sync-map van deze bijeenkomst"
keys C-u
keys Enter
wait_for "synchroniseert niet meer vanzelf (was"
wait_sql "SELECT count(*) FROM sync_folder" 0
to_list
keys q
wait_for "kijkronde-klaar"

# Laptop b shows the mark too.
DB="$B"
restart
wait_for "Wilgenkrakel"
keys Enter
wait_for "s sync-map"
keys n
wait_for "(ook bewerkt op een andere laptop)"
to_list
keys q
wait_for "kijkronde-klaar"

# The command line clears it too, and says what it was.
"$KR" --db "$B" sync --stil --bijeenkomst "$SID" "$D" || fail "set on b"
[ "$(sqlite3 "$B" "SELECT count(*) FROM sync_folder")" = 1 ] || fail "not set on b"
out=$("$KR" --db "$B" sync --bijeenkomst "$SID" --geen) || fail "--geen: $out"
echo "$out" | grep -qF "niet meer vanzelf met $D" || fail "--geen says: $out"
[ "$(sqlite3 "$B" "SELECT count(*) FROM sync_folder")" = 0 ] || fail "--geen did not clear"
"$KR" --db "$B" sync --geen >/dev/null 2>&1
[ $? = 2 ] || fail "--geen without a bijeenkomst is not a usage error"
echo ok
