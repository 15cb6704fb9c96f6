#!/bin/sh
# A key press in the round costs no database work: only the paused-typing draft and the save
# touch the database. The store writes each statement it runs to KR_SQL_TRACE (SQL text only,
# never a note's text); typing 5 or 60 characters before a pause must cost the same.
KR="$1"
. "$(dirname "$0")/lib.sh"
TRACE="$TMPD/sql.txt"
count() { wc -l <"$TRACE" | tr -d ' '; }

"$KR" --db "$DB" demo --no-tui >/dev/null || fail "demo"
start "KR_SQL_TRACE='$TRACE'"
wait_for "Wilgenkrakel"
keys Enter
wait_for "Bezoeken ("
keys b
wait_for "Nieuw klassenbezoek"
keys Enter
type_text "groep 8"
keys Enter
type_text "rekenen"
keys Enter
wait_for "Notitie ›"
sleep 1
c0=$(count)

type_text "Meisj"
wait_sql "select text from draft" "Meisj"
sleep 1
c1=$(count)
type_text "e zegt: 'Ik snap 3/4 niet.' en wijst naar de breukenstrook op tafel"
wait_sql "select text from draft" "Meisje zegt: 'Ik snap 3/4 niet.' en wijst naar de breukenstrook op tafel"
sleep 1
c2=$(count)
five=$((c1 - c0))
sixty=$((c2 - c1))
echo "statements: 5 keys + pause: $five, 60 keys + pause: $sixty"
[ "$five" -gt 0 ] || fail "no draft write was traced"
[ "$sixty" = "$five" ] || fail "60 keys cost $sixty statements, 5 keys $five: a key press does database work"

keys Enter
wait_sql "select count(*) from observation where text like 'Meisje zegt%breukenstrook op tafel'" 1
[ "$(count)" -gt "$c2" ] || fail "the save was not traced"
grep -q "breukenstrook" "$TRACE" && fail "a note's text is in the SQL trace"
echo ok
