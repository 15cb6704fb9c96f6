/* SPDX-License-Identifier: MIT */
/*
 * One walk over a loaded summary, several outputs (ncdu's dir_output): kr_summary_walk visits
 * the sections a writer asks for in the one order every summary has, and calls the writer's
 * callbacks; the writer only words and escapes. The Markdown and HTML pages, the CSV note
 * table and the xlsx workbook are writers over it (write_md.c, write_html.c, write_csv.c,
 * xlsx.c), so what a summary shows and in which order is decided here once: which patterns
 * (kr_summary_pattern_shown), which notes (kr_summary_shown), which debrief parts.
 */
#ifndef KR_EXCHANGE_WALK_H
#define KR_EXCHANGE_WALK_H

#include "exchange_internal.h"

/* The sections in the order of the walk. */
enum kr_walk_section {
    KR_WALK_NOTES,    /* every note in stored order, judging ones too (the CSV and xlsx table) */
    KR_WALK_PATTERNS, /* per corner the shown patterns with their examples */
    KR_WALK_COMPARE,  /* overeenkomsten, then verschillen (only when s->have_patterns) */
    KR_WALK_DEBRIEF,  /* the Nabespreking (only when kr_summary_has_debrief) */
    KR_WALK_TOAS,     /*   inside it: each groepje's theory of action (when any) */
    KR_WALK_STEPS,    /*   inside it: the next steps by actor (when any) */
    KR_WALK_OLD_TOA,  /*   inside it: the one theory of action of a summary without versions */
    KR_WALK_APPENDIX, /* every shown note per visit, then the notes of no known visit */
    KR_WALK_SECTION_COUNT
};

/* A section's bit in kr_summary_writer.sections. */
#define KR_WALK_BIT(sec) (1u << (sec))

/*
 * A writer: the sections it wants (KR_WALK_BIT; the debrief's inner sections come with
 * KR_WALK_DEBRIEF) and its callbacks, any of which may be NULL (nothing to say there). Every
 * callback gets the writer's ctx and the summary; indexes are into s (p: pattern, i: note,
 * v: visit, k: version or step).
 */
struct kr_summary_writer {
    unsigned sections;
    void (*begin)(void *ctx, const struct kr_summary *s); /* title, kijkvraag, counts */
    void (*end)(void *ctx, const struct kr_summary *s);   /* footer */
    void (*section_begin)(void *ctx, const struct kr_summary *s, enum kr_walk_section sec);
    void (*section_end)(void *ctx, const struct kr_summary *s, enum kr_walk_section sec);
    /* KR_WALK_NOTES: note i, for every i < s->obs.n */
    void (*row)(void *ctx, const struct kr_summary *s, size_t i);
    /* KR_WALK_PATTERNS, when s->have_patterns: corner_begin, then per shown pattern of the
     * corner pattern, example (its k-th representative, note i) and pattern_end; corner_end
     * with the patterns shown and the notes standing on their own (kr_write_singles). */
    void (*corner_begin)(void *ctx, const struct kr_summary *s, enum kr_corner c);
    void (*pattern)(void *ctx, const struct kr_summary *s, size_t p);
    void (*example)(void *ctx, const struct kr_summary *s, size_t p, size_t k, size_t i);
    void (*pattern_end)(void *ctx, const struct kr_summary *s, size_t p);
    void (*corner_end)(void *ctx, const struct kr_summary *s, enum kr_corner c, size_t n_shown,
                       size_t n_single);
    /* KR_WALK_COMPARE: per kind the shown patterns of that kind, then how many there were */
    void (*kind_begin)(void *ctx, const struct kr_summary *s, enum kr_pattern_kind kind);
    void (*kind_item)(void *ctx, const struct kr_summary *s, size_t p);
    void (*kind_end)(void *ctx, const struct kr_summary *s, enum kr_pattern_kind kind, size_t n);
    /* KR_WALK_DEBRIEF: each phase the group wrote, then the sections TOAS (toa per
     * version), STEPS (per actor with steps: actor_begin, step, actor_end) and OLD_TOA */
    void (*phase)(void *ctx, const struct kr_summary *s, enum kr_phase ph);
    void (*toa)(void *ctx, const struct kr_summary *s, size_t k);
    void (*actor_begin)(void *ctx, const struct kr_summary *s, enum kr_actor a);
    void (*step)(void *ctx, const struct kr_summary *s, size_t k);
    void (*actor_end)(void *ctx, const struct kr_summary *s, enum kr_actor a);
    /* KR_WALK_APPENDIX: per visit v (v == s->visits.n: notes of no known visit, only when
     * there are any) visit_begin with its shown notes, note per shown note, visit_end with
     * the judging notes left out */
    void (*visit_begin)(void *ctx, const struct kr_summary *s, size_t v, size_t n_shown);
    void (*note)(void *ctx, const struct kr_summary *s, size_t i);
    void (*visit_end)(void *ctx, const struct kr_summary *s, size_t v, size_t n_left_out);
};

/* Walks s for w: begin, the sections w asks for in enum order, end. Borrows both. */
void kr_summary_walk(const struct kr_summary *s, const struct kr_summary_writer *w, void *ctx);

/* ---- the Nabespreking's parts (write_debrief.c), html (true) or Markdown, appended to b ---- */

/* The opening (begin) or closing of section sec: DEBRIEF, TOAS, STEPS or OLD_TOA (which is
 * written whole at its begin). */
void kr_write_debrief_section(struct kr_buf *b, const struct kr_summary *s,
                              enum kr_walk_section sec, bool begin, bool html);
/* A phase the group wrote: title, question, the group's text. */
void kr_write_debrief_phase(struct kr_buf *b, const struct kr_summary *s, enum kr_phase p,
                            bool html);
/* Version k of the theory of action with its evidence. */
void kr_write_debrief_toa(struct kr_buf *b, const struct kr_summary *s, size_t k, bool html);
/* The heading of an actor's steps (begin) or the end of their list. */
void kr_write_debrief_actor(struct kr_buf *b, enum kr_actor a, bool begin, bool html);
/* Next step k: text, horizon, follow-up, evidence. */
void kr_write_debrief_step(struct kr_buf *b, const struct kr_summary *s, size_t k, bool html);

#endif
