#!/bin/sh
# No name of a pupil or teacher reaches a summary: a bijeenkomst whose notes, debrief
# and theory of action hold names, exported as md and html (with and without
# --pseudoniem) and csv with --pseudoniem; json keeps the text as typed. Also the
# schuilnamen of groups inside running text ("in groep 6 en 7").
set -u
KR=$1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cat >"$T/s.json" <<'JSON'
{"format": "kijkronde/1",
 "session": {"id": "s1", "network": null, "host_school": "De Regenboog", "date": "2026-03-12",
             "basisvaardigheid": "rekenen-wiskunde", "ontwikkelvraag": null,
             "kijkvraag": {"id": null, "text": "Wat doen leerlingen als een som moeilijk is?"}},
 "visits": [{"id": "v1", "label": "groep 6", "subject": "rekenen", "pair": "Anneke & Mehmet",
             "started_at": null, "ended_at": null},
            {"id": "v2", "label": "groep 7", "subject": "rekenen", "pair": null,
             "started_at": null, "ended_at": null}],
 "observations": [
  {"id": "o1", "visit": "v1", "at": "2026-03-12T09:14:05+01:00", "text": "Fatima steekt haar vinger op.", "corner": "leerling", "observer": null},
  {"id": "o2", "visit": "v1", "at": "2026-03-12T09:15:05+01:00", "text": "Juf Jansen zegt: 'heel goed, Yusuf'.", "corner": "leraar", "observer": null},
  {"id": "o3", "visit": "v2", "at": "2026-03-12T10:14:05+01:00", "text": "Zoë en Noël lezen samen de opgave voor; Anneke schrijft mee.", "corner": "leerling", "observer": "Anneke"},
  {"id": "o4", "visit": "v2", "at": "2026-03-12T10:16:05+01:00", "text": "Een jongen (Kerem) vraagt aan Wiktoria hoe het moet.", "corner": "leerling", "observer": null},
  {"id": "o5", "visit": "v2", "at": "2026-03-12T10:18:05+01:00", "text": "Leerlingen werken in Snappet, net als in groep 6 en 7.", "corner": "leerinhoud", "observer": null}
 ]}
JSON
"$KR" --db "$T/k.db" import "$T/s.json" >/dev/null || fail "import"
NAMES="Fatima Jansen Yusuf Zoë Noël Kerem Wiktoria Anneke Mehmet"
for args in "--format md" "--format html" "--format md --pseudoniem" "--format html --pseudoniem" \
            "--format csv --pseudoniem"; do
    # shellcheck disable=SC2086
    "$KR" --db "$T/k.db" export latest $args >"$T/out" || fail "export $args"
    for n in $NAMES; do
        grep -q "$n" "$T/out" && fail "$n in export $args"
    done
    grep -q "Snappet" "$T/out" || fail "Snappet (not a name) gone from export $args"
    grep -q "steekt haar vinger op" "$T/out" || fail "the note with a name is missing from $args"
done
"$KR" --db "$T/k.db" export latest --format md >"$T/md"
grep -q "Een leerling steekt haar vinger op" "$T/md" || fail "no 'Een leerling' in md"
grep -q "eerling A en leerling B lezen samen" "$T/md" || fail "no 'leerling A en leerling B' in md"
"$KR" --db "$T/k.db" export latest --format md --pseudoniem >"$T/pmd"
grep -q "groep [0-9]" "$T/pmd" && fail "a group number in the pseudonymised md: $(grep 'groep [0-9]' "$T/pmd")"
grep -q "en 7" "$T/pmd" && fail "'groep 6 en 7' half replaced: $(grep 'en 7' "$T/pmd")"
grep -q "in groep A en groep B\|in groep A en B" "$T/pmd" || fail "groups in running text not replaced consistently"
"$KR" --db "$T/k.db" export latest --format json >"$T/j"
grep -q "Fatima steekt" "$T/j" || fail "json does not keep the text as typed"
"$KR" --db "$T/k.db" export latest --format csv >"$T/csv"
grep -q "Fatima steekt" "$T/csv" || fail "csv without --pseudoniem keeps the text as typed"
# The new-user test (names13): first names that are also Dutch words (eva, bram, fleur,
# nova) at the start of a sentence, after "tegen", in "X en Y <verb>"; "Eén tweetal" is
# no name and stays as the school wrote it.
cat >"$T/t.json" <<'JSON'
{"format": "kijkronde/1",
 "session": {"id": "s2", "network": null, "host_school": "De Linde", "date": "2026-03-19",
             "basisvaardigheid": "rekenen-wiskunde", "ontwikkelvraag": null,
             "kijkvraag": {"id": null, "text": "Hoe tellen leerlingen samen?"}},
 "visits": [{"id": "w1", "label": "groep 3", "subject": "rekenen", "pair": null,
             "started_at": null, "ended_at": null}],
 "observations": [
  {"id": "p1", "visit": "w1", "at": "2026-03-19T09:14:05+01:00", "text": "Eva pakt een gum en zegt tegen Bram: \"Kijk, zo.\"", "corner": "leerling", "observer": null},
  {"id": "p2", "visit": "w1", "at": "2026-03-19T09:15:05+01:00", "text": "Fleur en Nova tellen samen hardop tot 20.", "corner": "leerling", "observer": null},
  {"id": "p3", "visit": "w1", "at": "2026-03-19T09:16:05+01:00", "text": "Noor legt haar potlood neer.", "corner": "leerling", "observer": null},
  {"id": "p4", "visit": "w1", "at": "2026-03-19T09:17:05+01:00", "text": "Eén tweetal legt een touwtje.", "corner": "leerinhoud", "observer": null}
 ]}
JSON
"$KR" --db "$T/t.db" import "$T/t.json" >/dev/null || fail "import of the tester's json"
for args in "--format md" "--format html --pseudoniem"; do
    # shellcheck disable=SC2086
    "$KR" --db "$T/t.db" export latest $args >"$T/tout" || fail "export $args"
    for n in Eva Bram Fleur Nova Noor; do
        grep -qw "$n" "$T/tout" && fail "$n in export $args: $(grep -w "$n" "$T/tout")"
    done
    grep -q "Eén tweetal legt een touwtje" "$T/tout" ||
        fail "'Eén tweetal' changed in export $args: $(grep -i "tweetal" "$T/tout")"
    grep -q "tellen samen hardop tot 20" "$T/tout" || fail "the counting note is missing from $args"
done
grep -q "Leerling A pakt een gum en zegt tegen leerling B" "$T/tout" ||
    fail "names not replaced by leerling A/B: $(grep 'pakt een gum' "$T/tout")"
# Without the word list: context rules only, and check says so.
KIJKRONDE_WOORDENLIJST=$T/geen.dic "$KR" check --json "Juf Jansen loopt naar tafel 3." >"$T/nd" 2>"$T/nderr"
[ $? = 1 ] || fail "check without word list: exit status"
grep -q '"match": *"Jansen"' "$T/nd" || grep -q '"match":"Jansen"' "$T/nd" || fail "no naam finding without the word list: $(cat "$T/nd")"
grep -q "woordenlijst" "$T/nderr" || fail "check does not say the word list is missing"
"$KR" check "Leerlingen werken in Snappet." 2>"$T/err" >/dev/null
[ -s "$T/err" ] && fail "a warning with the word list present: $(cat "$T/err")"
echo ok
