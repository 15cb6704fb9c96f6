#!/bin/sh
# The kijkvraag lint's severity in the new-bijeenkomst screen (issue 14): a question whose only
# finding would be the tip 'geen-leerling' gets no "Let op:"; a question that names nothing to
# look at does; a closed question shows its warning with the tip under "Ook:".
KR="$1"
. "$KR_SOURCE_ROOT/tests/e2e/lib.sh"

start
wait_for "Bijeenkomsten"
keys n
wait_for "Nieuwe bijeenkomst"
keys Down Down Down Down Down
type_text "Hoe vaak gebeurt dat tijdens de kring?"
wait_for "Hoe vaak gebeurt dat tijdens de kring?"
sleep 0.3
screen | grep -qF "Let op:" && fail "een vraag met alleen de tip kreeg een waarschuwing"
keys C-u
type_text "Wat zie je?"
wait_for "Let op: De vraag noemt geen leerlingen"
keys C-u
type_text "Is er een coöperatieve omgeving?"
wait_for "gesloten vraag"
wait_for "Ook: geen-leerling"
keys C-u
wait_gone "Let op:"
echo ok
