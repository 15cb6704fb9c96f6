/* SPDX-License-Identifier: MIT */
/*
 * The group's decisions in the shared reflection: group patterns, the group's placement
 * of notes, the debrief phases and the theory of action. Computed patterns are not
 * stored; see src/reflection/ for how decisions are laid over a fresh computation.
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/clock.h"
#include "kijkronde/mem.h"
#include "kijkronde/utf8.h"
#include "store_internal.h"

static enum kr_corner col_corner(sqlite3_stmt *s, int i)
{
    enum kr_corner c = KR_CORNER_NONE;
    kr_corner_parse((const char *)sqlite3_column_text(s, i), &c);
    return c;
}

/* Step a statement to completion and finalize it. */
static enum kr_status run(struct kr_store *st, sqlite3_stmt *s, struct kr_error *err,
                          const char *what)
{
    int rc = sqlite3_step(s);
    enum kr_status r = rc == SQLITE_DONE ? KR_OK : kr_store_fail(st, rc, err, what);
    sqlite3_finalize(s);
    return r;
}

enum kr_status kr_store_group_load(struct kr_store *st, const char *session_id,
                                   struct kr_group_pattern_list *patterns,
                                   struct kr_group_note_list *notes, struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(st,
                                        "SELECT id, corner, label, extent FROM reflection_pattern"
                                        " WHERE session_id = ?1 ORDER BY id",
                                        &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, session_id);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        KR_GROW(patterns->items, patterns->cap, patterns->n + 1);
        struct kr_group_pattern *p = &patterns->items[patterns->n++];
        p->id = kr_store_col_text(s, 0);
        p->corner = col_corner(s, 1);
        p->label = kr_store_col_text(s, 2);
        p->extent = kr_store_col_text(s, 3);
    }
    if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Patronen van de groep lezen mislukt");
    sqlite3_finalize(s);
    if (r != KR_OK)
        return r;
    r = kr_store_prepare(st,
                         "SELECT observation_id, corner, pattern_id FROM reflection_note"
                         " WHERE session_id = ?1 ORDER BY observation_id",
                         &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, session_id);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        KR_GROW(notes->items, notes->cap, notes->n + 1);
        struct kr_group_note *n = &notes->items[notes->n++];
        n->observation_id = kr_store_col_text(s, 0);
        n->corner = col_corner(s, 1);
        n->pattern_id = kr_store_col_text(s, 2);
    }
    if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Plaatsingen van de groep lezen mislukt");
    sqlite3_finalize(s);
    return r;
}

static enum kr_status check_utf8(const char *text, const char *what, struct kr_error *err)
{
    size_t bad;
    if (text && !kr_utf8_valid(text, strlen(text), &bad))
        return kr_error_set(err, KR_INVALID, "%s is geen geldige UTF-8 (byte %zu).", what, bad);
    return KR_OK;
}

enum kr_status kr_store_group_pattern_put(struct kr_store *st, const char *session_id,
                                          struct kr_group_pattern *p, struct kr_error *err)
{
    if (!p->label || !p->label[0])
        return kr_error_set(err, KR_INVALID, "Een patroon heeft een naam nodig.");
    if (p->corner == KR_CORNER_NONE)
        return kr_error_set(err, KR_INVALID, "Een patroon hoort bij een hoek van de driehoek.");
    enum kr_status r = check_utf8(p->label, "De naam van het patroon", err);
    if (r != KR_OK)
        return r;
    char now[KR_TIME_SIZE];
    kr_clock_now_utc(now);
    kr_store_ensure_id(&p->id);
    sqlite3_stmt *s = NULL;
    r = kr_store_prepare(st,
                         "INSERT INTO reflection_pattern(id, session_id, corner, label, created_at,"
                         " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)"
                         " ON CONFLICT(id) DO UPDATE SET corner = excluded.corner,"
                         " label = excluded.label, updated_at = excluded.updated_at",
                         &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, p->id);
    kr_store_bind_text(s, 2, session_id);
    kr_store_bind_text(s, 3, kr_corner_str(p->corner));
    kr_store_bind_text(s, 4, p->label);
    kr_store_bind_text(s, 5, now);
    return run(st, s, err, "Patroon opslaan mislukt");
}

enum kr_status kr_store_group_pattern_extent(struct kr_store *st, const char *id,
                                             const char *extent, struct kr_error *err)
{
    static const char *const words[] = {"enkele", "sommige", "veel", "de meeste"};
    bool known = extent == NULL;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        known = known || strcmp(extent, words[i]) == 0;
    if (!known)
        return kr_error_set(err, KR_INVALID,
                            "Onbekende omvang '%s': kies enkele, sommige, veel of de meeste.",
                            extent);
    char now[KR_TIME_SIZE];
    kr_clock_now_utc(now);
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(
        st, "UPDATE reflection_pattern SET extent = ?2, updated_at = ?3 WHERE id = ?1", &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, id);
    if (extent)
        kr_store_bind_text(s, 2, extent);
    kr_store_bind_text(s, 3, now);
    r = run(st, s, err, "Omvang opslaan mislukt");
    if (r == KR_OK && sqlite3_changes(st->db) == 0)
        r = kr_error_set(err, KR_NOT_FOUND, "Dat patroon van de groep bestaat niet (meer).");
    return r;
}

enum kr_status kr_store_group_pattern_delete(struct kr_store *st, const char *id,
                                             struct kr_error *err)
{
    enum kr_status r = kr_store_tx_begin(st, err);
    if (r != KR_OK)
        return r;
    sqlite3_stmt *s = NULL;
    r = kr_store_prepare(st, "UPDATE reflection_note SET pattern_id = NULL WHERE pattern_id = ?1",
                         &s, err);
    if (r == KR_OK) {
        kr_store_bind_text(s, 1, id);
        r = run(st, s, err, "Patroon verwijderen mislukt");
    }
    if (r == KR_OK)
        r = kr_store_prepare(st, "DELETE FROM reflection_pattern WHERE id = ?1", &s, err);
    if (r == KR_OK) {
        kr_store_bind_text(s, 1, id);
        r = run(st, s, err, "Patroon verwijderen mislukt");
    }
    return kr_store_tx_end(st, r, err);
}

enum kr_status kr_store_group_note_put(struct kr_store *st, const char *session_id,
                                       const char *observation_id, enum kr_corner corner,
                                       const char *pattern_id, struct kr_error *err)
{
    char now[KR_TIME_SIZE];
    kr_clock_now_utc(now);
    sqlite3_stmt *s = NULL;
    enum kr_status r;
    if (corner == KR_CORNER_NONE && !pattern_id) {
        r = kr_store_prepare(st, "DELETE FROM reflection_note WHERE observation_id = ?1", &s, err);
        if (r != KR_OK)
            return r;
        kr_store_bind_text(s, 1, observation_id);
        return run(st, s, err, "Plaatsing vergeten mislukt");
    }
    r = kr_store_prepare(
        st,
        "INSERT INTO reflection_note(observation_id, session_id, corner, pattern_id,"
        " updated_at) VALUES (?1, ?2, ?3, ?4, ?5)"
        " ON CONFLICT(observation_id) DO UPDATE SET corner = excluded.corner,"
        " pattern_id = excluded.pattern_id, updated_at = excluded.updated_at",
        &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, observation_id);
    kr_store_bind_text(s, 2, session_id);
    kr_store_bind_text(s, 3, kr_corner_str(corner));
    kr_store_bind_text(s, 4, pattern_id);
    kr_store_bind_text(s, 5, now);
    return run(st, s, err, "Plaatsing opslaan mislukt");
}

enum kr_status kr_store_phase_put(struct kr_store *st, const char *session_id, enum kr_phase p,
                                  const char *text, struct kr_error *err)
{
    if ((unsigned)p >= KR_PHASE_COUNT)
        return kr_error_set(err, KR_INVALID, "Onbekende fase van de nabespreking.");
    enum kr_status r = check_utf8(text, "De tekst", err);
    if (r != KR_OK)
        return r;
    char now[KR_TIME_SIZE];
    kr_clock_now_utc(now);
    sqlite3_stmt *s = NULL;
    int del = !text || !text[0];
    r = kr_store_prepare(
        st,
        del ? "DELETE FROM reflection_phase WHERE session_id = ?1 AND phase = ?2"
            : "INSERT INTO reflection_phase(session_id, phase, text, updated_at)"
              " VALUES (?1, ?2, ?3, ?4) ON CONFLICT(session_id, phase)"
              " DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
        &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, session_id);
    kr_store_bind_text(s, 2, kr_phase_str(p));
    if (!del) {
        kr_store_bind_text(s, 3, text);
        kr_store_bind_text(s, 4, now);
    }
    return run(st, s, err, "Nabespreking opslaan mislukt");
}

enum kr_status kr_store_phase_get(struct kr_store *st, const char *session_id, enum kr_phase p,
                                  char **out, struct kr_error *err)
{
    *out = NULL;
    if ((unsigned)p >= KR_PHASE_COUNT)
        return kr_error_set(err, KR_INVALID, "Onbekende fase van de nabespreking.");
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(
        st, "SELECT text FROM reflection_phase WHERE session_id = ?1 AND phase = ?2", &s, err);
    if (r != KR_OK)
        return r;
    kr_store_bind_text(s, 1, session_id);
    kr_store_bind_text(s, 2, kr_phase_str(p));
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *out = kr_store_col_text(s, 0);
    else if (rc != SQLITE_DONE)
        r = kr_store_fail(st, rc, err, "Nabespreking lezen mislukt");
    sqlite3_finalize(s);
    return r;
}
