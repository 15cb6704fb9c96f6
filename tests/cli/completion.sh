#!/bin/sh
# The bash completion data/kijkronde.bash, sourced in a plain bash (no bash-completion
# package): command names as `kijkronde --help` lists them, options per command, the
# --format values of `export --help`, session ids of a demo database, file names by
# extension, and a Tab never creates a database.
set -u
KR=$1
case $KR in /*) ;; *) KR=$(pwd)/$KR ;; esac # the completion runs it from another directory
SRC=${KR_SOURCE_ROOT:?}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v bash >/dev/null 2>&1 || { echo "SKIP: no bash"; exit 77; }
unset KIJKRONDE_DB
export HOME="$T/home" XDG_DATA_HOME="$T/xdg"

"$KR" --db "$T/demo.db" demo --no-tui >/dev/null || fail "demo --no-tui"
id=$("$KR" --db "$T/demo.db" sessions --json | sed -n 's/.*{"id": "\([^"]*\)".*/\1/p')
[ -n "$id" ] || fail "no session id in sessions --json"
prefix=$(printf '%s' "$id" | cut -c1-3)
cmds=$("$KR" --help | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p' | sort -u | tr '\n' ' ')
formats=$("$KR" export --help | sed -n '1s/.*--format \([a-z|]*\).*/\1/p' | tr '|' ' ')
[ -n "$formats" ] || fail "no --format values in export --help"
mkdir -p "$T/files/sub"
: >"$T/files/a.json"
: >"$T/files/b.txt"
: >"$T/files/c.db"

# COMPREPLY, sorted and on one line, for a command line given as words ('' = the word
# being typed is empty).
cat >"$T/run.bash" <<'EOF'
source "$1"
shift
COMP_WORDS=("$@")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_LINE="$*"
COMP_POINT=${#COMP_LINE}
_kijkronde
printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'
EOF
comp() { (cd "$T/files" && bash "$T/run.bash" "$SRC/data/kijkronde.bash" "$KR" "$@"); }
sorted() { printf '%s\n' $* | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'; }
expect() { # WANT WORDS...: the completion of WORDS is exactly WANT
    want=$1
    shift
    got=$(comp "$@") || fail "completion of '$*' exits $?"
    [ "$got" = "$(sorted "$want")" ] || fail "completion of '$*': got [$got], want [$(sorted "$want")]"
}

bash -n "$SRC/data/kijkronde.bash" || fail "bash -n"
bash -c 'source "$1"; complete -p kijkronde' _ "$SRC/data/kijkronde.bash" | grep -q _kijkronde ||
    fail "sourcing does not register the completion for kijkronde"

# Command names: every command of --help, and a prefix narrows them.
expect "$cmds" ''
expect "export" ex
expect "--db --help --kijkvragen --no-color --version" -
expect "$cmds" --db "$T/demo.db" ''
# Options per command.
expect "--help --no-tui" demo -
expect "--help --json" sessions -
expect "--format --help --met-oordelen --network --pseudoniem --sep -o" export latest -
expect "--help --json" patterns latest -
expect "--help --json --lexicon -" check -
expect "--help --json check lint list" kijkvragen ''
# export --format values, also after '=' (bash splits --format=h at the '=').
expect "$formats" export latest --format ''
expect "$formats" export latest -f ''
expect "html" export latest --format = h
expect '\; , tab' export latest --sep ''
# Session ids from the database on the command line (also --db=FILE), or $KIJKRONDE_DB.
expect "latest $id" --db "$T/demo.db" export ''
expect "$id" --db "$T/demo.db" export "$prefix"
expect "latest $id" --db = "$T/demo.db" patterns ''
expect "latest $id" --no-color --db "$T/demo.db" patterns ''
got=$(KIJKRONDE_DB="$T/demo.db" comp export '') || fail "completion with KIJKRONDE_DB"
[ "$got" = "$(sorted latest "$id")" ] || fail "KIJKRONDE_DB: got [$got]"
# Network ids from the database: network NETWORK, export --network NETWORK.
nid=$("$KR" --db "$T/demo.db" network --json | sed -n 's/.*{"id": "\([^"]*\)".*/\1/p')
[ -n "$nid" ] || fail "no network id in network --json"
expect "$nid" --db "$T/demo.db" network ''
expect "$nid" --db "$T/demo.db" export --network ''
expect "--help --json" network -
# Only the first argument of export is a session; no ids after it.
expect "" --db "$T/demo.db" export latest ''
# A database that does not exist is not made by a Tab.
expect "latest" --db "$T/nieuw.db" export ''
expect "latest" export ''
[ -e "$T/nieuw.db" ] && fail "completion created --db nieuw.db"
[ -e "$T/xdg/kijkronde" ] && fail "completion created the data directory"
# Commands and formats come from the program's own --help (a new one appears by itself).
cat >"$T/fake" <<'EOF'
#!/bin/sh
case "$*" in
    --help) printf 'Opdrachten:\n  nieuw [--json]   iets nieuws\n  demo [--no-tui]  x\n' ;;
    "export --help") echo 'Gebruik: kijkronde export BIJEENKOMST --format md|ods [-o BESTAND]' ;;
esac
EOF
chmod +x "$T/fake"
got=$( (cd "$T/files" && bash "$T/run.bash" "$SRC/data/kijkronde.bash" "$T/fake" '') )
[ "$got" = "demo nieuw" ] || fail "commands not taken from --help: got [$got]"
got=$( (cd "$T/files" && bash "$T/run.bash" "$SRC/data/kijkronde.bash" "$T/fake" export x -f '') )
[ "$got" = "md ods" ] || fail "formats not taken from export --help: got [$got]"
# Files by extension (directories too, to walk into).
expect "a.json sub" import ''
expect "c.db sub" merge ''
# sync wants a folder: only directories.
expect "sub" sync ''
expect "--bijeenkomst --help --json --stil" sync --
expect "a.json b.txt c.db sub" export latest -o ''
echo ok
