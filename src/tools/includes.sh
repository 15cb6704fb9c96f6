#!/bin/sh
# SPDX-License-Identifier: MIT
# The boundaries on the compiler's side: each library's header is included only in the
# module that owns it, in every file under src/ and include/, whatever the spelling
# (#include <h>, #include "h", # include <h>). Run by .ci/run and by the test suite
# (test 'includes'); src/tools/boundaries.sh checks the same on the linker's side.
#
#   includes.sh SOURCE_ROOT
#
# Owners: curses -> src/ui, sqlite3 -> src/store, yaml -> src/yaml,
# libstemmer/hunspell/utf8proc -> src/text (utf8proc also src/core), xlsxwriter -> src/exchange.
# And the screens (src/ui) and the command line (src/cli, with its src/main.c) reach the store
# only through the application layer (src/app): no store header there (store.h,
# store_exchange.h, network.h, sync.h) and no kr_store_ call.
set -eu
cd "$1"
bad=0
check_owner() { # HEADER-REGEX OWNER-DIR...: the header outside its owners is an error
    re=$1
    shift
    owners=$(printf '%s/|' "$@")
    owners=${owners%|}
    if grep -rnE "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($re)[>\"]" src include |
        grep -vE "^($owners)"; then bad=1; fi
}
check_owner 'n?curses\.h|ncursesw/[a-z]+\.h|term\.h' src/ui
check_owner 'sqlite3\.h' src/store
check_owner 'yaml\.h' src/yaml
check_owner 'libstemmer\.h|hunspell/hunspell\.h|hunspell\.h' src/text
check_owner 'utf8proc\.h' src/text src/core
check_owner 'xlsxwriter\.h' src/exchange
# The store's headers: owned by src/store, used by src/app and the modules under it,
# never by src/ui or src/cli.
store_headers='kijkronde/(store|store_exchange|network|sync)\.h'
for above in src/ui src/cli src/main.c; do
    if grep -rnE "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($store_headers)[>\"]" "$above"; then
        echo "grensfout: $above neemt een header van de store op; gebruik kijkronde/app.h" >&2
        bad=1
    fi
    if grep -rnE 'kr_store_[a-z_0-9]*[[:space:]]*\(' "$above"; then
        echo "grensfout: $above roept de store aan; gebruik kijkronde/app.h" >&2
        bad=1
    fi
done
if [ "$bad" -ne 0 ]; then
    echo "grensfout: een module neemt de header op van een bibliotheek die niet van haar is" >&2
    exit 1
fi
