# bash completion for kijkronde(1)                         -*- shell-script -*-
# SPDX-License-Identifier: MIT
#
# Installed to share/bash-completion/completions/kijkronde. Completes the commands, the
# options of each command, the values of --format and --sep, file names where a file is
# wanted, and the ids of the bijeenkomsten in the database the command line would open
# (from `kijkronde sessions --json`; only when that database exists, so a Tab never
# creates one). Works without the bash-completion package too.

# The commands: from `kijkronde --help` (so new ones appear), else the known ones.
_kijkronde_commands()
{
    local kr=$1 list
    list=$("$kr" --help 2>/dev/null | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p' | sort -u)
    [[ -n $list ]] || list="demo sessions kijkvragen check patterns export import merge network sync"
    printf '%s\n' "$list"
}

# The values of export --format: from `kijkronde export --help`, else the known ones.
_kijkronde_formats()
{
    local kr=$1 list
    list=$("$kr" export --help 2>/dev/null | sed -n '1s/.*--format \([a-z|]*\).*/\1/p' | tr '|' ' ')
    [[ -n $list ]] || list="md html csv json"
    printf '%s\n' "$list"
}

# The ids of the bijeenkomsten, and "latest". $1 the program, $2 the --db value ("" none).
_kijkronde_sessions()
{
    local kr=$1 db=$2 path
    if [[ -n $db ]]; then
        path=$db
    elif [[ -n ${KIJKRONDE_DB-} ]]; then
        path=$KIJKRONDE_DB
    elif [[ ${XDG_DATA_HOME-} == /* ]]; then
        path=$XDG_DATA_HOME/kijkronde/kijkronde.db
    else
        path=${HOME-}/.local/share/kijkronde/kijkronde.db
    fi
    printf '%s\n' latest
    [[ -f $path ]] || return 0
    local args=()
    [[ -n $db ]] && args=(--db "$db")
    "$kr" "${args[@]}" sessions --json 2>/dev/null |
        sed -n 's/^[[ ,]*{"id": "\([^"\\]*\)".*/\1/p'
}

# The ids of the networks. $1 the program, $2 the --db value ("" none).
_kijkronde_networks()
{
    local kr=$1 db=$2 path
    if [[ -n $db ]]; then
        path=$db
    elif [[ -n ${KIJKRONDE_DB-} ]]; then
        path=$KIJKRONDE_DB
    elif [[ ${XDG_DATA_HOME-} == /* ]]; then
        path=$XDG_DATA_HOME/kijkronde/kijkronde.db
    else
        path=${HOME-}/.local/share/kijkronde/kijkronde.db
    fi
    [[ -f $path ]] || return 0
    local args=()
    [[ -n $db ]] && args=(--db "$db")
    "$kr" "${args[@]}" network --json 2>/dev/null |
        sed -n 's/^[[ ,]*{"id": "\([^"\\]*\)".*/\1/p'
}

# File names ending in $1 (a glob like '*.json', or '' for any), and directories.
_kijkronde_files()
{
    local cur=$1 pattern=$2 f
    compopt -o filenames 2>/dev/null
    if [[ -n $pattern ]]; then
        while IFS= read -r f; do COMPREPLY+=("$f"); done < <(compgen -f -X "!$pattern" -- "$cur")
        while IFS= read -r f; do COMPREPLY+=("$f"); done < <(compgen -d -- "$cur")
    else
        while IFS= read -r f; do COMPREPLY+=("$f"); done < <(compgen -f -- "$cur")
    fi
}

_kijkronde_words()
{
    local cur=$1 f
    shift
    while IFS= read -r f; do COMPREPLY+=("$f"); done < <(compgen -W "$*" -- "$cur")
}

_kijkronde()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    local kr=${COMP_WORDS[0]/#\~/$HOME}
    COMPREPLY=()
    # "--format=md": bash splits it at '=' (COMP_WORDBREAKS).
    if [[ $cur == = ]]; then
        cur=
    elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    fi

    # Global options, up to the command.
    local i w cmd= cmdi=0 db=
    for ((i = 1; i < COMP_CWORD; i++)); do
        w=${COMP_WORDS[i]}
        case $w in
            --db | --kijkvragen)
                [[ ${COMP_WORDS[i + 1]-} == = ]] && ((i++))
                ((i++))
                if [[ $w == --db ]] && ((i < COMP_CWORD)); then db=${COMP_WORDS[i]/#\~/$HOME}; fi
                ;;
            -*) ;;
            *)
                cmd=$w
                cmdi=$i
                break
                ;;
        esac
    done

    if [[ -z $cmd ]]; then
        case $prev in
            --db) _kijkronde_files "$cur" '' ; return 0 ;;
            --kijkvragen) compopt -o filenames 2>/dev/null; _kijkronde_words "$cur" "$(compgen -d -- "$cur")"; return 0 ;;
        esac
        if [[ $cur == -* ]]; then
            _kijkronde_words "$cur" --db --no-color --kijkvragen --help --version
        else
            _kijkronde_words "$cur" "$(_kijkronde_commands "$kr")"
        fi
        return 0
    fi

    # The positional arguments of the command so far (options and their values skipped).
    local npos=0 sub=
    for ((i = cmdi + 1; i < COMP_CWORD; i++)); do
        w=${COMP_WORDS[i]}
        case $w in
            -f | --format | -o | --sep | --lexicon)
                [[ ${COMP_WORDS[i + 1]-} == = ]] && ((i++))
                ((i++))
                ;;
            -*) ;;
            *)
                ((npos == 0)) && sub=$w
                ((npos++))
                ;;
        esac
    done

    case $cmd in
        demo) _kijkronde_words "$cur" --no-tui --help ;;
        sessions) _kijkronde_words "$cur" --json --help ;;
        kijkvragen)
            case $sub in
                "") _kijkronde_words "$cur" list check lint --json --help ;;
                list | lint) [[ $cur == -* ]] && _kijkronde_words "$cur" --json ;;
                check)
                    if [[ $cur == -* ]]; then _kijkronde_words "$cur" --help; else _kijkronde_files "$cur" '*.y*ml'; fi
                    ;;
            esac
            ;;
        check)
            if [[ $prev == --lexicon ]]; then
                _kijkronde_files "$cur" '*.y*ml'
            elif [[ $cur == -* ]]; then
                _kijkronde_words "$cur" --json --lexicon --help -
            fi
            ;;
        patterns | export)
            case $prev in
                -f | --format) _kijkronde_words "$cur" "$(_kijkronde_formats "$kr")"; return 0 ;;
                -o) _kijkronde_files "$cur" ''; return 0 ;;
                --network) _kijkronde_words "$cur" "$(_kijkronde_networks "$kr" "$db")"; return 0 ;;
                --sep)
                    # ';' is offered quoted, so the shell does not end the command there.
                    [[ -z $cur || $cur == \\* || $cur == \;* ]] && COMPREPLY+=('\;')
                    _kijkronde_words "$cur" , tab
                    return 0
                    ;;
            esac
            if [[ $cur == -* ]]; then
                if [[ $cmd == export ]]; then
                    _kijkronde_words "$cur" --format -o --sep --pseudoniem --met-oordelen --network --help
                else
                    _kijkronde_words "$cur" --json --help
                fi
            elif ((npos == 0)); then
                _kijkronde_words "$cur" "$(_kijkronde_sessions "$kr" "$db")"
            fi
            ;;
        import)
            if [[ $cur == -* ]]; then _kijkronde_words "$cur" --help; else _kijkronde_files "$cur" '*.json'; fi
            ;;
        merge)
            if [[ $cur == -* ]]; then _kijkronde_words "$cur" --help; else _kijkronde_files "$cur" '*.db'; fi
            ;;
        network)
            if [[ $cur == -* ]]; then
                _kijkronde_words "$cur" --json --help
            elif ((npos == 0)); then
                _kijkronde_words "$cur" "$(_kijkronde_networks "$kr" "$db")"
            fi
            ;;
        sync)
            if [[ $prev == --bijeenkomst ]]; then
                _kijkronde_words "$cur" "$(_kijkronde_sessions "$kr" "$db")"
            elif [[ $cur == -* ]]; then
                _kijkronde_words "$cur" --json --stil --bijeenkomst --help
            else
                local f
                compopt -o filenames 2>/dev/null
                while IFS= read -r f; do COMPREPLY+=("$f"); done < <(compgen -d -- "$cur")
            fi
            ;;
    esac
    return 0
}
complete -F _kijkronde kijkronde
