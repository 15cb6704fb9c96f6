#!/bin/sh
# SPDX-License-Identifier: MIT
# The module boundaries, checked on what the linker sees: a module's own objects may not
# call into a library it does not own. Run by the build (meson.build, target
# 'boundaries'), so a SQLite call from src/patterns or a libyaml call from src/text fails
# the build, whatever the include paths allow (system headers are always on the path).
#
#   boundaries.sh STAMP LIB.a:FAMILY,FAMILY ...
#
# Each FAMILY names a library whose functions LIB.a's own objects must not call:
# sqlite, yaml, curses, stemmer, hunspell, utf8proc, xlsx, and store (the kr_store_ API, which
# src/ui and src/cli reach only through src/app). STAMP is written when all pass.
set -eu
stamp=$1
shift
NM=${NM:-nm}
curses='^(initscr|newterm|endwin|isendwin|set_term|delscreen|w?getch|mvw?getch|w?get_wch|unget_wch|ungetch|w?refresh|wnoutrefresh|doupdate|newwin|delwin|subwin|derwin|newpad|keypad|nodelay|cbreak|nocbreak|raw|noraw|w?timeout|halfdelay|noecho|echo|nl|nonl|curs_set|start_color|init_pair|init_color|use_default_colors|has_colors|assume_default_colors|mvw?add.*|w?add.*|mvw?print.*|w?print.*|w?attr.*|w?color_set|w?bkgd.*|w?bkgrnd.*|w?erase|w?clear|w?clrtoeol|w?clrtobot|w?move|w?hline.*|w?vline.*|box|wborder.*|stdscr|curscr|COLS|LINES|COLORS|COLOR_PAIRS|ESCDELAY|resizeterm|resize_term|is_term_resized|beep|flash|napms|setupterm|tigetstr|tigetnum|tputs|define_key|keyname|key_name|meta|intrflush|setcchar|getcchar|touchwin|wtouchln|leaveok|scrollok|idlok|werase|mvwin|getmaxy|getmaxx|getcury|getcurx|wsetscrreg|mvcur|termname|longname|baudrate)$'
bad=0
for arg in "$@"; do
    lib=${arg%%:*}
    families=${arg#*:}
    # Undefined symbols of the module's own objects (nm -u lists each object's needs).
    undefined=$("$NM" -u "$lib" 2>/dev/null | awk 'NF >= 2 && $(NF-1) == "U" { print $NF }' | sort -u)
    for family in $(echo "$families" | tr ',' ' '); do
        case $family in
            sqlite) pat='^sqlite3_' ;;
            yaml) pat='^yaml_' ;;
            curses) pat=$curses ;;
            stemmer) pat='^sb_stemmer_' ;;
            hunspell) pat='^Hunspell_' ;;
            utf8proc) pat='^utf8proc_' ;;
            xlsx) pat='^(workbook_|worksheet_|lxw_)' ;;
            store) pat='^kr_store_' ;;
            *) echo "boundaries.sh: onbekende familie '$family'" >&2; exit 2 ;;
        esac
        hits=$(printf '%s\n' "$undefined" | grep -E "$pat" || true)
        if [ -n "$hits" ]; then
            echo "grensfout: ${lib##*/} roept $family aan, wat die module niet mag:" >&2
            printf '    %s\n' $hits >&2
            bad=1
        fi
    done
done
[ "$bad" -eq 0 ] || exit 1
echo ok >"$stamp"
