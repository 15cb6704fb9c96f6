# Shared by the tmux end-to-end tests (POSIX sh, sourced). Needs KR (the binary).
# Starts kijkronde in a detached tmux session on a private socket at 80x24 with its
# own temporary database; wait_for polls the screen instead of sleeping.

command -v tmux >/dev/null 2>&1 || { echo "tmux ontbreekt"; exit 77; }
command -v sqlite3 >/dev/null 2>&1 || { echo "sqlite3 ontbreekt"; exit 77; }

SOCK="kr-e2e-$$"
TMPD=$(mktemp -d)
DB="$TMPD/kr.db"
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$TMPD"' EXIT

tm() { tmux -L "$SOCK" "$@"; }
screen() { tm capture-pane -p -t kr; }
screen_e() { tm capture-pane -e -p -t kr; }
keys() { tm send-keys -t kr "$@"; }
# Literal text (no key names): ë, quotes and spaces as typed.
type_text() { tm send-keys -t kr -l "$1"; }

fail() {
    echo "FOUT: $*"
    echo "---- scherm ----"
    screen
    echo "----------------"
    # What kijkronde wrote on stderr (a sanitizer's report, an error before the screen):
    # the pane is cleared when it ends, so it is kept in a file.
    if [ -s "$TMPD/kr.err" ]; then
        echo "---- stderr ----"
        tail -n 40 "$TMPD/kr.err"
        echo "----------------"
    fi
    exit 1
}

# start [ENV...]: kijkronde on $DB in a fresh 80x24 session; extra env assignments first.
start() {
    tm -f /dev/null new-session -d -s kr -x 80 -y 24 \
        "env TERM=xterm-256color LANG=${KR_TEST_LANG:-C.UTF-8} $* '$KR' --db '$DB' $KR_ARGS 2>>'$TMPD/kr.err'; rc=\$?; stty sane; clear; echo \"kijkronde-klaar rc=\$rc\"; sleep 600"
}

# restart [ENV...]: run kijkronde again in the same pane (after it ended or was killed).
restart() {
    tm respawn-pane -k -t kr \
        "env TERM=xterm-256color LANG=${KR_TEST_LANG:-C.UTF-8} $* '$KR' --db '$DB' $KR_ARGS 2>>'$TMPD/kr.err'; rc=\$?; stty sane; clear; echo \"kijkronde-klaar rc=\$rc\"; sleep 600"
}

# wait_for TEXT: poll the screen for up to 5 s.
wait_for() {
    i=0
    while [ $i -lt 50 ]; do
        screen | grep -qF -- "$1" && return 0
        sleep 0.1
        i=$((i + 1))
    done
    fail "tekst '$1' niet op het scherm"
}

# wait_gone TEXT
# wait_joined TEXT: TEXT on the screen, its rows joined and spaces ignored (a long message wraps).
wait_joined() {
    want=$(printf '%s' "$1" | tr -d ' ')
    i=0
    while [ $i -lt 50 ]; do
        screen | tr -d '\n ' | grep -qF -- "$want" && return 0
        sleep 0.1
        i=$((i + 1))
    done
    fail "tekst '$1' niet op het scherm"
}

wait_gone() {
    i=0
    while [ $i -lt 50 ]; do
        screen | grep -qF -- "$1" || return 0
        sleep 0.1
        i=$((i + 1))
    done
    fail "tekst '$1' blijft op het scherm"
}

sql() { sqlite3 -cmd ".timeout 2000" "$DB" "$1"; }

# wait_sql QUERY EXPECTED: poll the database for up to 5 s.
wait_sql() {
    i=0
    while [ $i -lt 50 ]; do
        [ "$(sql "$1")" = "$2" ] && return 0
        sleep 0.1
        i=$((i + 1))
    done
    fail "database: '$1' gaf '$(sql "$1")', verwacht '$2'"
}

app_pid() {
    pane=$(tm list-panes -t kr -F '#{pane_pid}')
    pgrep -P "$pane" | head -n 1 || true
}
