#!/bin/sh
# The kijkvraag lint in the new-bijeenkomst screen (issue 14): a question that names no learner
# gets "Let op: De vraag noemt geen leerlingen" even when nothing else is wrong (a kijkvraag is
# about what learners do); a closed question shows its warning with geen-leerling under "Ook:";
# a question about learners is left alone.
KR="$1"
. "$KR_SOURCE_ROOT/tests/e2e/lib.sh"

start
wait_for "Bijeenkomsten"
keys n
wait_for "Nieuwe bijeenkomst"
keys Down Down Down Down Down
type_text "Hoe vaak gebeurt dat tijdens de kring?"
wait_for "Let op: De vraag noemt geen leerlingen"
keys C-u
type_text "Is er een coöperatieve omgeving?"
wait_for "gesloten vraag"
wait_for "Ook: geen-leerling"
keys C-u
type_text "Wat zeggen leerlingen tegen elkaar als ze vastlopen?"
wait_for "Wat zeggen leerlingen tegen elkaar als ze vastlopen?"
sleep 0.3
screen | grep -qF "Let op:" && fail "een vraag over leerlingen kreeg een waarschuwing"
echo ok
