/* SPDX-License-Identifier: MIT */
/*
 * Names of people in an observation (finding kind "naam"): notes say what a learner
 * does, never who. A capitalised word is told from a Dutch word with the OpenTaal word
 * list (Debian hunspell-nl, read through libhunspell, loaded once per process) and by
 * its position and context (after "juf", before "zegt", in a list, after a comma, in
 * quotes, in brackets). A first name that is also a Dutch word ("Eva", "Bram", "Fleur")
 * is a name where a person stands: before a verb of a person ("Eva pakt", "Fleur en Nova
 * tellen"), after "tegen", "met", an inverted verb; known sentence starters ("Eén",
 * "De", "Juf", "Vandaag") never are. Without the word list only the context rules work.
 * Lives in src/text/.
 */
#ifndef KR_NAMES_H
#define KR_NAMES_H

#include <stdbool.h>
#include <stddef.h>

#include "kijkronde/check.h"
#include "kijkronde/text.h"

#define KR_NAMES_KIND "naam"
#define KR_NAMES_HINT "Schrijf wat een leerling doet, niet wie: 'een meisje', 'leerling A'."

/*
 * Add a finding of kind "naam" to out for every name in text (tk[0..n) its tokens from
 * kr_tokenize). out stays sorted by start and free of overlaps: a name inside an
 * existing finding is left out. Loads the word list on first use.
 */
void kr_names_add(const char *text, const struct kr_token *tk, size_t n,
                  struct kr_finding_list *out);

/* Whether the Dutch word list could be loaded (false: context rules only). The path is
 * $KIJKRONDE_WOORDENLIJST (a .dic file with its .aff beside it), else
 * /usr/share/hunspell/nl_NL.dic. */
bool kr_names_have_wordlist(void);

/*
 * Start loading the word list on a thread of its own, for a caller that needs it only after
 * other work (an export reads its notes meanwhile: the load takes about as long). The first
 * kr_names_have_wordlist waits for the load to end; nothing else changes. Returns NULL when no
 * thread could be started (the first use loads it then). kr_names_prefetch_end waits for the
 * thread and frees the handle (NULL is fine).
 */
struct kr_names_prefetch;
struct kr_names_prefetch *kr_names_prefetch_begin(void);
void kr_names_prefetch_end(struct kr_names_prefetch *p);

/* Whether a finding list holds a judgement: a finding of another kind than "naam" (a
 * note with only a name in it is a fact about someone, still shown, with the name hidden). */
bool kr_findings_judge(const struct kr_finding_list *l);

/*
 * The text with every name replaced, for a summary that reaches a school: one distinct
 * pupil's name becomes "een leerling", two or more "leerling A", "leerling B", ... in
 * order of first appearance (the same name the same letter); a teacher's name after
 * "juf", "meester", ... is left out ("juf Jansen" -> "juf"). Heap string, caller frees.
 */
char *kr_names_replace(const char *text);

#endif
