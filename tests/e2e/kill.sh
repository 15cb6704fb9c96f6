#!/bin/sh
# Kill test through the real TUI: a tweetal types notes in a visit while kijkronde is
# killed with SIGKILL at random moments, then restarted (KR_TUI_KILLS times, default
# 200). Three kinds of moment, chosen at random (seeded, KR_SEED):
#   saved    - after the note's Enter was handled (the note shows in the list);
#   inflight - right after Enter was sent, before the screen confirms anything;
#   draft    - halfway a note, after the pause in typing that writes the draft.
# After every restart: each saved note is in the database exactly once with its exact
# text, an in-flight note is there at most once, the draft is back on the entry line;
# at the end PRAGMA integrity_check is ok.
KR="$1"
. "$KR_SOURCE_ROOT/tests/e2e/lib.sh"

KILLS=${KR_TUI_KILLS:-200}
SEED=${KR_SEED:-$$}
echo "# $KILLS kills, seed $SEED"
KR_ARGS=demo
"$KR" --db "$DB" demo --no-tui >/dev/null || fail "demo niet gemaakt"

# Fast polls (20 ms, up to 5 s) so that 200 rounds stay within a few minutes.
poll_screen() {
    i=0
    while [ $i -lt 250 ]; do
        screen | grep -qF -- "$1" && return 0
        sleep 0.02
        i=$((i + 1))
    done
    fail "tekst '$1' niet op het scherm"
}
poll_sql() {
    i=0
    while [ $i -lt 250 ]; do
        [ "$(sql "$1")" = "$2" ] && return 0
        sleep 0.02
        i=$((i + 1))
    done
    fail "database: '$1' gaf '$(sql "$1")', verwacht '$2'"
}
# A small deterministic random number generator (POSIX sh has no $RANDOM).
rnd_state=$SEED
rnd() { # rnd N: R = 0..N-1 (no subshell, so the state advances)
    rnd_state=$(((rnd_state * 1103515245 + 12345) % 2147483648))
    R=$(((rnd_state / 65536) % $1))
}
kill_app() {
    pid=$(app_pid)
    [ -n "$pid" ] || fail "kijkronde draait niet"
    kill -KILL "$pid"
    i=0
    while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.01; i=$((i + 1)); done
}
# Back into the running visit: it is the newest, so the last row of the session screen.
resume() {
    restart
    poll_screen "b nieuw bezoek"
    keys G Enter
    poll_screen "Notitie ›"
}

start
poll_screen "b nieuw bezoek"
keys b
poll_screen "Nieuw klassenbezoek"
keys Enter
type_text "groep 5"; keys Enter
type_text "rekenen"; keys Enter
poll_screen "Notitie ›"
VISIT=$(sql "select id from visit where ended_at is null order by started_at desc limit 1")
[ -n "$VISIT" ] || fail "geen lopend bezoek"

saved=0 inflight=0 drafts=0 restored=0 lost=0
n=1
while [ "$n" -le "$KILLS" ]; do
    text="Notitie $n: meisje wijst naar ‘3/4’ en zegt “één”."
    q="select count(*) from observation where visit_id = '$VISIT' and text = '$text'"
    rnd 6
    case $R in
    0 | 1 | 2)
        # Saved = the list shows one note more. (Not "Bewaard om": after a note typed again
        # below, the previous note's message may still be on the screen.)
        before=$(sql "select count(*) from observation where visit_id = '$VISIT'")
        type_text "$text"
        keys Enter
        poll_screen "Notities van dit bezoek ($((before + 1)))"
        rnd 5
        sleep "0.0$R"
        kill_app
        resume
        [ "$(sql "$q")" = 1 ] || fail "bewaarde notitie $n staat $(sql "$q") keer in de database"
        saved=$((saved + 1))
        ;;
    3 | 4)
        type_text "$text"
        keys Enter
        kill_app
        resume
        c=$(sql "$q")
        [ "$c" -le 1 ] || fail "notitie $n staat $c keer in de database"
        # Not saved: the Enter never reached kijkronde. The text may be back as the
        # draft (if the pause before Enter was long enough to write it) or be the
        # last second of typing that a kill may cost; then the observer types it again.
        if [ "$c" = 0 ]; then
            if screen | grep -qF "Notitie › Notitie $n"; then
                restored=$((restored + 1))
            else
                type_text "$text"
                lost=$((lost + 1))
            fi
            keys Enter
            poll_sql "$q" 1
        fi
        inflight=$((inflight + 1))
        ;;
    5)
        half="Notitie $n: jongen gumt zijn antwoord"
        type_text "$half"
        poll_sql "select count(*) from draft where text = '$half'" 1
        kill_app
        resume
        poll_screen "Notitie › $half"
        type_text " uit."
        keys Enter
        poll_sql "select count(*) from observation where text = '$half uit.'" 1
        drafts=$((drafts + 1))
        ;;
    esac
    n=$((n + 1))
done

total=$(sql "select count(*) from observation where visit_id = '$VISIT'")
distinct=$(sql "select count(distinct text) from observation where visit_id = '$VISIT'")
[ "$total" = "$KILLS" ] || fail "$KILLS notities getypt, $total in de database"
[ "$distinct" = "$KILLS" ] || fail "dubbele notities: $total rijen, $distinct verschillend"
[ "$(sql 'pragma integrity_check')" = ok ] || fail "integrity_check: $(sql 'pragma integrity_check')"
echo "# $KILLS kills: $saved na bewaren (alle terug), $drafts midden in een concept (alle terug),"
echo "# $inflight direct na Enter: $((inflight - restored - lost)) bewaard, $restored als concept terug,"
echo "# $lost nog niet aangekomen (Enter niet verwerkt, opnieuw getypt); integrity_check ok"
