/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for kijkronde/1 JSON export and import and for merging databases:
 * round trips, idempotence, the first problem named with its JSON path, nothing
 * written on a bad file, edits on both sides, soft deletes, refusing bad files,
 * and a seeded property test over random databases (no note lost or duplicated,
 * merge order-independent).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "kijkronde/mem.h"
#include "kijkronde/store.h"
#include "kijkronde/store_exchange.h"
#include "krtest.h"

static char dir[256];
static struct kr_error err;
static int db_counter;

static void setup(void)
{
    kr_error_clear(&err);
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(dir, sizeof dir, "%s/kr-exch-XXXXXX", base);
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
    char *cmd = kr_xasprintf("rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
    free(cmd);
}

/* A new database file in the test directory; *path_out gets its path (heap). */
static struct kr_store *new_db(char **path_out)
{
    char *path = kr_xasprintf("%s/db%d.db", dir, db_counter++);
    struct kr_store *st = NULL;
    ck_assert_int_eq(kr_store_open(path, &st, &err), KR_OK);
    if (path_out)
        *path_out = path;
    else
        free(path);
    return st;
}

static char *add_session(struct kr_store *st, const char *school)
{
    struct kr_session s = {.date = kr_xstrdup("2026-03-12"),
                           .host_school = kr_xstrdup(school),
                           .basis = KR_BASIS_TAAL,
                           .kijkvraag_text = kr_xstrdup("Wat doen leerlingen als ze vastlopen?")};
    ck_assert_int_eq(kr_store_session_add(st, &s, &err), KR_OK);
    char *id = kr_xstrdup(s.id);
    kr_session_fini(&s);
    return id;
}

static char *add_visit(struct kr_store *st, const char *session_id, const char *label)
{
    struct kr_tweetal t = {.session_id = kr_xstrdup(session_id), .name = kr_xstrdup("Tweetal 1")};
    ck_assert_int_eq(kr_store_tweetal_add(st, &t, &err), KR_OK);
    struct kr_visit v = {.session_id = kr_xstrdup(session_id),
                         .tweetal_id = kr_xstrdup(t.id),
                         .label = kr_xstrdup(label),
                         .started_at = kr_xstrdup("2026-03-12T09:10:00+01:00")};
    ck_assert_int_eq(kr_store_visit_add(st, &v, &err), KR_OK);
    char *id = kr_xstrdup(v.id);
    kr_visit_fini(&v);
    kr_tweetal_fini(&t);
    return id;
}

static char *add_note(struct kr_store *st, const char *visit_id, const char *text)
{
    struct kr_observation o = {.visit_id = kr_xstrdup(visit_id),
                               .text = kr_xstrdup(text),
                               .corner = KR_CORNER_LEERLING,
                               .observer = kr_xstrdup("AB")};
    ck_assert_int_eq(kr_store_obs_add(st, &o, &err), KR_OK);
    char *id = kr_xstrdup(o.id);
    kr_observation_fini(&o);
    return id;
}

/* The JSON of a session as a heap string. */
static char *export_str(struct kr_store *st, const char *session_id)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_int_eq(kr_store_export_json(st, session_id, f, &err), KR_OK);
    fclose(f);
    return buf;
}

/* Everything in a database, as the JSON of every session by id. */
static char *dump(struct kr_store *st)
{
    struct kr_session_list l = {0};
    ck_assert_int_eq(kr_store_session_list(st, &l, &err), KR_OK);
    /* by id, so the order does not depend on insertion */
    for (size_t i = 0; i < l.n; i++)
        for (size_t j = i + 1; j < l.n; j++)
            if (strcmp(l.items[j].id, l.items[i].id) < 0) {
                struct kr_session t = l.items[i];
                l.items[i] = l.items[j];
                l.items[j] = t;
            }
    struct kr_buf b = {0};
    for (size_t i = 0; i < l.n; i++) {
        char *j = export_str(st, l.items[i].id);
        kr_buf_puts(&b, j);
        free(j);
    }
    kr_session_list_fini(&l);
    return kr_buf_steal(&b);
}

static long count_notes(struct kr_store *st, const char *session_id, bool deleted)
{
    struct kr_observation_list l = {0};
    struct kr_obs_filter f = {.session_id = session_id, .include_deleted = deleted};
    ck_assert_int_eq(kr_store_obs_list(st, &f, &l, &err), KR_OK);
    long n = (long)l.n;
    kr_observation_list_fini(&l);
    return n;
}

/* The counts the store keeps (migration 4) equal the notes counted one by one. */
static void assert_counts(struct kr_store *st, const char *session_id)
{
    struct kr_session se;
    ck_assert_int_eq(kr_store_session_get(st, session_id, &se, &err), KR_OK);
    ck_assert_int_eq(se.n_observations, count_notes(st, session_id, false));
    kr_session_fini(&se);
    struct kr_visit_list vl = {0};
    ck_assert_int_eq(kr_store_visit_list(st, session_id, &vl, &err), KR_OK);
    for (size_t i = 0; i < vl.n; i++) {
        struct kr_observation_list l = {0};
        struct kr_obs_filter f = {.visit_id = vl.items[i].id};
        ck_assert_int_eq(kr_store_obs_list(st, &f, &l, &err), KR_OK);
        ck_assert_int_eq(vl.items[i].n_observations, (long)l.n);
        kr_observation_list_fini(&l);
    }
    kr_visit_list_fini(&vl);
}

static long count_sessions(struct kr_store *st)
{
    struct kr_session_list l = {0};
    ck_assert_int_eq(kr_store_session_list(st, &l, &err), KR_OK);
    long n = (long)l.n;
    kr_session_list_fini(&l);
    return n;
}

static enum kr_status import_str(struct kr_store *st, const char *json,
                                 struct kr_exchange_stats *stats)
{
    kr_error_clear(&err);
    return kr_store_import_json(st, json, strlen(json), "t.json", stats, &err);
}

static void sleep_ms(long ms)
{
    struct timespec ts = {0, ms * 1000000L};
    nanosleep(&ts, NULL);
}

/* ---- JSON ---- */

START_TEST(test_exchange_json_round_trip)
{
    struct kr_store *a = new_db(NULL);
    char *s = add_session(a, "De Wilg");
    char *v = add_visit(a, s, "groep 5");
    char *n1 = add_note(a, v, "Leerling bij het raam telt op zijn vingers.");
    char *n2 = add_note(a, v, "Leraar zegt: \"Wat weet je al?\"\n\tTweede regel\x1b[31m");
    char *n3 = add_note(a, v, "Weg ermee");
    sleep_ms(3); /* history sorts by time (ms); an edit in the same ms would tie */
    ck_assert_int_eq(
        kr_store_obs_edit(a, n1, "Leerling telt hardop tot 16.", KR_CORNER_LERAAR, &err), KR_OK);
    ck_assert_int_eq(kr_store_obs_delete(a, n3, &err), KR_OK);
    ck_assert_int_eq(kr_store_obs_set_keep_reason(a, n2, "citaat", &err), KR_OK);
    /* the group's reflection travels too */
    struct kr_group_pattern gp = {.corner = KR_CORNER_LEERLING, .label = kr_xstrdup("Tellen")};
    ck_assert_int_eq(kr_store_group_pattern_put(a, s, &gp, &err), KR_OK);
    ck_assert_int_eq(kr_store_group_note_put(a, s, n1, KR_CORNER_LEERLING, gp.id, &err), KR_OK);
    ck_assert_int_eq(kr_store_phase_put(a, s, KR_PHASE_VOLGENDE_STAP, "Hulpkaarten <b>", &err),
                     KR_OK);
    struct kr_theory_of_action toa = {.schoolleiding = kr_xstrdup("tijd geeft"),
                                      .leerlingen = kr_xstrdup("zelf doordenken")};
    ck_assert_int_eq(kr_store_toa_put(a, s, &toa, &err), KR_OK);
    kr_theory_of_action_fini(&toa);
    char *j1 = export_str(a, s);
    ck_assert_ptr_nonnull(strstr(j1, "\"label\":\"Tellen\""));
    ck_assert_ptr_nonnull(strstr(j1, "\"phase\":\"volgende-stap\""));
    ck_assert_ptr_nonnull(strstr(j1, "\"leerlingen\":\"zelf doordenken\""));
    ck_assert_ptr_nonnull(strstr(j1, "\"format\": \"kijkronde/1\""));
    ck_assert_ptr_null(strchr(j1, '\x1b')); /* escaped as \u001b */
    ck_assert_ptr_nonnull(strstr(j1, "\\u001b[31m"));
    ck_assert_ptr_nonnull(strstr(j1, "\"deleted_observations\""));

    struct kr_store *b = new_db(NULL);
    struct kr_exchange_stats stats;
    ck_assert_int_eq(import_str(b, j1, &stats), KR_OK);
    ck_assert_int_eq(stats.sessions_new, 1);
    ck_assert_int_eq(stats.observations_new, 3);
    ck_assert_int_eq(stats.versions_new, 5); /* 3 made, 1 edit, 1 delete */
    char *j2 = export_str(b, s);
    ck_assert_str_eq(j1, j2);
    ck_assert_int_eq(count_notes(b, s, false), 2);
    ck_assert_int_eq(count_notes(b, s, true), 3);
    struct kr_obs_version_list h = {0};
    ck_assert_int_eq(kr_store_obs_history(b, n1, &h, &err), KR_OK);
    ck_assert_int_eq(h.n, 2);
    ck_assert_str_eq(h.items[0].text, "Leerling bij het raam telt op zijn vingers.");
    kr_obs_version_list_fini(&h);
    char *phase = NULL;
    ck_assert_int_eq(kr_store_phase_get(b, s, KR_PHASE_VOLGENDE_STAP, &phase, &err), KR_OK);
    ck_assert_str_eq(phase, "Hulpkaarten <b>");
    free(phase);
    struct kr_group_pattern_list gpl = {0};
    struct kr_group_note_list gnl = {0};
    ck_assert_int_eq(kr_store_group_load(b, s, &gpl, &gnl, &err), KR_OK);
    ck_assert_int_eq(gpl.n, 1);
    ck_assert_int_eq(gnl.n, 1);
    ck_assert_str_eq(gnl.items[0].pattern_id, gp.id);
    kr_group_pattern_list_fini(&gpl);
    kr_group_note_list_fini(&gnl);
    free(gp.id);
    free(gp.label);

    /* The same file again changes nothing. */
    ck_assert_int_eq(import_str(b, j1, &stats), KR_OK);
    ck_assert_int_eq(stats.observations_new + stats.observations_updated + stats.versions_new +
                         stats.sessions_new + stats.visits_new,
                     0);
    char *j3 = export_str(b, s);
    ck_assert_str_eq(j1, j3);
    free(j1);
    free(j2);
    free(j3);
    free(s);
    free(v);
    free(n1);
    free(n2);
    free(n3);
    kr_store_close(a);
    kr_store_close(b);
}
END_TEST

/* The minimal contract document, as another program would write it. */
static const char MINIMAL[] =
    "{\"format\": \"kijkronde/1\", \"extra\": {\"x\": [1, 2]},\n"
    " \"session\": {\"id\": \"s1\", \"network\": \"Netwerk\", \"host_school\": \"De Es\","
    " \"date\": \"2026-04-01\", \"basisvaardigheid\": null, \"ontwikkelvraag\": null,"
    " \"kijkvraag\": {\"id\": null, \"text\": \"Wat doen leerlingen?\"}, \"onbekend\": 1},\n"
    " \"visits\": [{\"id\": \"v1\", \"label\": \"groep 5\", \"subject\": null, \"pair\": \"T1\","
    " \"started_at\": null, \"ended_at\": null},\n"
    "  {\"id\": \"v2\", \"label\": \"groep 6\", \"subject\": \"taal\", \"pair\": \"T1\","
    " \"started_at\": \"2026-04-01T10:00:00+02:00\", \"ended_at\": null}],\n"
    " \"observations\": [\n"
    "  {\"id\": \"o1\", \"visit\": \"v1\", \"at\": \"2026-04-01T09:14:05+02:00\","
    " \"text\": \"Leerling leest hardop.\", \"corner\": \"leerling\", \"observer\": null},\n"
    "  {\"id\": \"o2\", \"visit\": \"v1\", \"at\": \"2026-04-01T09:15:05+02:00\","
    " \"text\": \"Leraar wacht 5 s.\", \"corner\": null, \"observer\": \"CD\"},\n"
    "  {\"id\": \"o3\", \"visit\": \"v2\", \"at\": \"2026-04-01T10:01:00+02:00\","
    " \"text\": \"Op het bord: 3 woorden.\", \"corner\": \"leerinhoud\", \"observer\": null},\n"
    "  {\"id\": \"o4\", \"visit\": \"v2\", \"at\": \"2026-04-01T10:02:00+02:00\","
    " \"text\": \"Vier lln overleggen.\", \"corner\": null, \"observer\": null}]}";

START_TEST(test_exchange_json_minimal_and_idempotent)
{
    struct kr_store *b = new_db(NULL);
    struct kr_exchange_stats stats;
    ck_assert_int_eq(import_str(b, MINIMAL, &stats), KR_OK);
    ck_assert_int_eq(stats.visits_new, 2);
    ck_assert_int_eq(stats.observations_new, 4);
    char *j1 = export_str(b, "s1");
    ck_assert_int_eq(import_str(b, MINIMAL, &stats), KR_OK);
    ck_assert_int_eq(stats.observations_new + stats.observations_updated + stats.versions_new, 0);
    char *j2 = export_str(b, "s1");
    ck_assert_str_eq(j1, j2);
    /* Both visits name pair T1: one tweetal. */
    struct kr_tweetal_list tl = {0};
    ck_assert_int_eq(kr_store_tweetal_list(b, "s1", &tl, &err), KR_OK);
    ck_assert_int_eq(tl.n, 1);
    kr_tweetal_list_fini(&tl);
    struct kr_observation o = {0};
    ck_assert_int_eq(kr_store_obs_get(b, "o2", &o, &err), KR_OK);
    ck_assert_int_eq(o.corner, KR_CORNER_NONE);
    ck_assert_str_eq(o.observer, "CD");
    kr_observation_fini(&o);
    /* An empty database gets exactly the same by importing our own export. */
    struct kr_store *c = new_db(NULL);
    ck_assert_int_eq(import_str(c, j1, NULL), KR_OK);
    char *j3 = export_str(c, "s1");
    ck_assert_str_eq(j1, j3);
    free(j1);
    free(j2);
    free(j3);
    kr_store_close(b);
    kr_store_close(c);
}
END_TEST

/* Replace the first occurrence of from in MINIMAL by to. */
static char *mutate(const char *from, const char *to)
{
    const char *p = strstr(MINIMAL, from);
    ck_assert_ptr_nonnull(p);
    return kr_xasprintf("%.*s%s%s", (int)(p - MINIMAL), MINIMAL, to, p + strlen(from));
}

static const struct {
    const char *from, *to, *msg;
} BAD[] = {
    {"\"visit\": \"v2\", \"at\": \"2026-04-01T10:02",
     "\"visit\": \"x\", \"at\": \"2026-04-01T10:02",
     "observations[3].visit: onbekend bezoek \"x\""},
    {"\"corner\": \"leerinhoud\"", "\"corner\": \"juf\"", "observations[2].corner: onbekende hoek"},
    {"\"at\": \"2026-04-01T09:15:05+02:00\"", "\"at\": \"kwart over negen\"",
     "observations[1].at: ongeldige tijd \"kwart over negen\""},
    {"\"id\": \"o3\"", "\"id\": \"o1\"", "observations[2].id: dubbel id \"o1\""},
    {"\"label\": \"groep 6\"", "\"label\": \"\"", "visits[1].label: is leeg"},
    {"\"label\": \"groep 6\"", "\"label\": 6", "visits[1].label: moet tekst zijn, niet een getal"},
    {"\"date\": \"2026-04-01\"", "\"date\": \"2026-02-30\"", "session.date: ongeldige datum"},
    {"\"text\": \"Wat doen leerlingen?\"", "\"tekst\": \"x\"", "session.kijkvraag.text: ontbreekt"},
    {"\"format\": \"kijkronde/1\"", "\"format\": \"kijkronde/9\"", "format: onbekend formaat"},
    {"\"visits\": [", "\"bezoeken\": [", "visits: ontbreekt"},
    {"\"text\": \"Vier lln overleggen.\"", "\"text\": \"Vier\\u0000lln\"",
     "geen geldige JSON: een tekst bevat \\u0000"},
    {"\"basisvaardigheid\": null", "\"basisvaardigheid\": \"gym\"",
     "session.basisvaardigheid: onbekende basisvaardigheid \"gym\""},
    {"{\"id\": \"o4\"", "17, {\"id\": \"o4\"", "observations[3]: moet een object zijn"},
    {"\"extra\": {",
     "\"group_notes\": [{\"observation\": \"o1\"}, {\"observation\": \"zz\"}], \"x\": {",
     "group_notes[1].observation: onbekende notitie \"zz\""},
    {"\"extra\": {", "\"reflection_phases\": [{\"phase\": \"dromen\", \"text\": \"x\"}], \"x\": {",
     "reflection_phases[0].phase: onbekende fase \"dromen\""},
    {"\"extra\": {", "\"group_patterns\": {}, \"x\": {", "group_patterns: moet een lijst"},
    /* a key twice in one object (SQLite would keep one silently), also when spelled with \u */
    {"\"date\": \"2026-04-01\"", "\"date\": \"2026-04-01\", \"date\": \"2026-04-02\"",
     "geen geldige JSON: dubbele sleutel \"date\" op regel "},
    {"\"label\": \"groep 6\"", "\"label\": \"groep 6\", \"l\\u0061bel\": \"x\"",
     "dubbele sleutel \"label\""},
};

START_TEST(test_exchange_json_invalid_names_path)
{
    struct kr_store *b = new_db(NULL);
    char *bad = mutate(BAD[_i].from, BAD[_i].to);
    ck_assert_int_ne(import_str(b, bad, NULL), KR_OK);
    if (!strstr(err.msg, BAD[_i].msg))
        ck_abort_msg("case %d: '%s' does not contain '%s'", _i, err.msg, BAD[_i].msg);
    ck_assert_str_eq(err.file, "t.json");
    ck_assert_int_eq(count_sessions(b), 0); /* nothing imported */
    free(bad);
    kr_store_close(b);
}
END_TEST

START_TEST(test_exchange_json_syntax_error_position)
{
    struct kr_store *b = new_db(NULL);
    ck_assert_int_eq(import_str(b, "{\"format\": \"kijkronde/1\",\n  \"session\": {,}}", NULL),
                     KR_PARSE);
    ck_assert_uint_eq(err.line, 2);
    ck_assert_uint_eq(err.col, 15);
    ck_assert_ptr_nonnull(strstr(err.msg, "geen geldige JSON"));
    ck_assert_int_eq(import_str(b, "{\"a\": \"\xff\"}", NULL), KR_PARSE);
    ck_assert_ptr_nonnull(strstr(err.msg, "UTF-8"));
    ck_assert_int_eq(import_str(b, "[1, 2", NULL), KR_PARSE);
    ck_assert_int_eq(import_str(b, "", NULL), KR_PARSE);
    ck_assert_int_eq(import_str(b, "[]", NULL), KR_INVALID);
    /* deep nesting is refused, not a crash */
    char *deep = kr_xmalloc(20001);
    memset(deep, '[', 20000);
    deep[20000] = 0;
    ck_assert_int_eq(import_str(b, deep, NULL), KR_PARSE);
    free(deep);
    ck_assert_int_eq(count_sessions(b), 0);
    kr_store_close(b);
}
END_TEST

START_TEST(test_exchange_json_duplicate_key_position)
{
    struct kr_store *b = new_db(NULL);
    ck_assert_int_eq(import_str(b,
                                "{\"format\": \"kijkronde/1\",\n \"a\": {\"x\": 1},\n"
                                " \"b\": [{\"x\": 1}, {\"x\": 2, \"y\": {\"x\": 3}, \"x\": 4}]}",
                                NULL),
                     KR_PARSE);
    ck_assert_uint_eq(err.line, 3);
    ck_assert_uint_eq(err.col, 42);
    ck_assert_ptr_nonnull(
        strstr(err.msg, "dubbele sleutel \"x\" op regel 3 kolom 42 (staat in hetzelfde object al "
                        "op regel 3 kolom 19)"));
    /* the same key in other objects, nested or side by side, is fine */
    ck_assert_int_eq(import_str(b,
                                "{\"format\": \"kijkronde/1\", \"a\": {\"x\": {\"x\": 1}},"
                                " \"b\": [{\"x\": 1}, {\"x\": 1}]}",
                                NULL),
                     KR_INVALID); /* valid JSON, but no kijkronde/1 document */
    ck_assert_ptr_null(strstr(err.msg, "dubbele"));
    ck_assert_int_eq(count_sessions(b), 0);
    kr_store_close(b);
}
END_TEST

START_TEST(test_exchange_json_surrogate_pair_is_one_character)
{
    /* Python's json.dump writes 😀 as \ud83d\ude00: one character, not two lone halves */
    struct kr_store *b = new_db(NULL);
    char *pair = mutate("\"Vier lln overleggen.\"", "\"Vier lln \\ud83d\\ude00 overleggen.\"");
    ck_assert_int_eq(import_str(b, pair, NULL), KR_OK);
    struct kr_observation o = {0};
    ck_assert_int_eq(kr_store_obs_get(b, "o4", &o, &err), KR_OK);
    ck_assert_str_eq(o.text, "Vier lln \xF0\x9F\x98\x80 overleggen.");
    kr_observation_fini(&o);
    free(pair);
    kr_store_close(b);
    /* a half alone is still no character */
    b = new_db(NULL);
    pair = mutate("\"Vier lln overleggen.\"", "\"Vier \\ude00 \\ud83d\"");
    ck_assert_int_eq(import_str(b, pair, NULL), KR_PARSE);
    ck_assert_ptr_nonnull(strstr(err.msg, "losse \\u-surrogaat"));
    free(pair);
    pair = mutate("\"Vier lln overleggen.\"", "\"Vier \\ud83d\\u0041\"");
    ck_assert_int_eq(import_str(b, pair, NULL), KR_PARSE);
    free(pair);
    ck_assert_int_eq(count_sessions(b), 0);
    kr_store_close(b);
}
END_TEST

START_TEST(test_exchange_json_byte_order_mark_skipped)
{
    struct kr_store *b = new_db(NULL);
    char *bom = kr_xasprintf("\xEF\xBB\xBF%s", MINIMAL);
    ck_assert_int_eq(import_str(b, bom, NULL), KR_OK);
    ck_assert_int_eq(count_sessions(b), 1);
    free(bom);
    /* only at the start: a BOM anywhere else is still no JSON */
    bom = kr_xasprintf(" \xEF\xBB\xBF%s", MINIMAL);
    ck_assert_int_eq(import_str(b, bom, NULL), KR_PARSE);
    free(bom);
    kr_store_close(b);
}
END_TEST

START_TEST(test_exchange_json_note_length_limited)
{
    struct kr_store *b = new_db(NULL);
    /* KR_NOTE_MAX_CHARS characters (two bytes each) go in; one more is refused with the note */
    struct kr_buf t = {0};
    for (int i = 0; i < KR_NOTE_MAX_CHARS; i++)
        kr_buf_puts(&t, "é");
    char *q = kr_xasprintf("\"text\": \"%s\"", kr_buf_str(&t));
    char *ok = mutate("\"text\": \"Vier lln overleggen.\"", q);
    kr_buf_puts(&t, "x");
    char *q2 = kr_xasprintf("\"text\": \"%s\"", kr_buf_str(&t));
    char *bad = mutate("\"text\": \"Vier lln overleggen.\"", q2);
    ck_assert_int_eq(import_str(b, bad, NULL), KR_INVALID);
    ck_assert_ptr_nonnull(strstr(err.msg, "observations[3].text: notitie 4 is langer dan 10000 "
                                          "tekens (10001)"));
    ck_assert_int_eq(count_sessions(b), 0);
    ck_assert_int_eq(import_str(b, ok, NULL), KR_OK);
    ck_assert_int_eq(count_sessions(b), 1);
    free(q);
    free(q2);
    free(ok);
    free(bad);
    kr_buf_fini(&t);
    kr_store_close(b);
}
END_TEST

START_TEST(test_exchange_json_conflicting_ids_refused)
{
    struct kr_store *b = new_db(NULL);
    ck_assert_int_eq(import_str(b, MINIMAL, NULL), KR_OK);
    /* The same visit id under another session is refused with its path. */
    char *other = mutate("\"id\": \"s1\"", "\"id\": \"s2\"");
    ck_assert_int_eq(import_str(b, other, NULL), KR_INVALID);
    ck_assert_ptr_nonnull(strstr(err.msg, "visits[0].id: bezoek \"v1\" hoort"));
    ck_assert_int_eq(count_sessions(b), 1);
    free(other);
    kr_store_close(b);
}
END_TEST

/* ---- merge ---- */

START_TEST(test_exchange_merge_both_sides_edited)
{
    char *pa, *pb;
    struct kr_store *a = new_db(&pa);
    struct kr_store *b = new_db(&pb);
    char *s = add_session(a, "De Wilg");
    char *v = add_visit(a, s, "groep 5");
    char *n1 = add_note(a, v, "Origineel");
    char *n2 = add_note(a, v, "Wordt verwijderd");
    struct kr_exchange_stats stats;
    ck_assert_int_eq(kr_store_merge(b, pa, &stats, &err), KR_OK);
    ck_assert_int_eq(stats.observations_new, 2);
    /* Both pairs edit n1; B's edit is the newest. A deletes n2. */
    ck_assert_int_eq(kr_store_obs_edit(a, n1, "Versie A", KR_CORNER_LERAAR, &err), KR_OK);
    sleep_ms(5);
    ck_assert_int_eq(kr_store_obs_edit(b, n1, "Versie B", KR_CORNER_LEERINHOUD, &err), KR_OK);
    ck_assert_int_eq(kr_store_obs_delete(a, n2, &err), KR_OK);
    char *n3 = add_note(b, v, "Alleen in B");
    ck_assert_int_eq(kr_store_phase_put(b, s, KR_PHASE_ANALYSEREN, "Eerst B", &err), KR_OK);
    sleep_ms(3);
    ck_assert_int_eq(kr_store_phase_put(a, s, KR_PHASE_ANALYSEREN, "Later A", &err), KR_OK);

    ck_assert_int_eq(kr_store_merge(a, pb, &stats, &err), KR_OK);
    ck_assert_int_eq(kr_store_merge(b, pa, &stats, &err), KR_OK);
    char *da = dump(a), *db = dump(b);
    ck_assert_str_eq(da, db);
    struct kr_observation o = {0};
    ck_assert_int_eq(kr_store_obs_get(a, n1, &o, &err), KR_OK);
    ck_assert_str_eq(o.text, "Versie B");
    kr_observation_fini(&o);
    struct kr_obs_version_list h = {0};
    ck_assert_int_eq(kr_store_obs_history(a, n1, &h, &err), KR_OK);
    ck_assert_int_eq(h.n, 3);
    int seen_a = 0, seen_b = 0;
    for (size_t i = 0; i < h.n; i++) {
        seen_a += strcmp(h.items[i].text, "Versie A") == 0;
        seen_b += strcmp(h.items[i].text, "Versie B") == 0;
    }
    ck_assert_int_eq(seen_a, 1);
    ck_assert_int_eq(seen_b, 1);
    kr_obs_version_list_fini(&h);
    ck_assert_int_eq(count_notes(b, s, false), 2); /* n1, n3: the delete travelled */
    char *phase = NULL;
    ck_assert_int_eq(kr_store_phase_get(b, s, KR_PHASE_ANALYSEREN, &phase, &err), KR_OK);
    ck_assert_str_eq(phase, "Later A"); /* the newest wins */
    free(phase);
    ck_assert_int_eq(count_notes(b, s, true), 3);

    /* Again: nothing changes. */
    ck_assert_int_eq(kr_store_merge(a, pb, &stats, &err), KR_OK);
    ck_assert_int_eq(stats.observations_new + stats.observations_updated + stats.versions_new, 0);
    char *da2 = dump(a);
    ck_assert_str_eq(da, da2);
    free(da);
    free(db);
    free(da2);
    free(s);
    free(v);
    free(n1);
    free(n2);
    free(n3);
    kr_store_close(a);
    kr_store_close(b);
    free(pa);
    free(pb);
}
END_TEST

START_TEST(test_exchange_merge_refuses_bad_files)
{
    char *pa, *pb;
    struct kr_store *a = new_db(&pa);
    struct kr_store *b = new_db(&pb);
    char *s = add_session(a, "De Wilg");
    char *before = dump(a);
    /* itself, also through a symlink */
    ck_assert_int_eq(kr_store_merge(a, pa, NULL, &err), KR_INVALID);
    char *link = kr_xasprintf("%s/link.db", dir);
    ck_assert_int_eq(symlink(pa, link), 0);
    ck_assert_int_eq(kr_store_merge(a, link, NULL, &err), KR_INVALID);
    ck_assert_ptr_nonnull(strstr(err.msg, "zichzelf"));
    /* missing, not SQLite, a foreign SQLite file, a newer schema */
    char *missing = kr_xasprintf("%s/nope.db", dir);
    ck_assert_int_eq(kr_store_merge(a, missing, NULL, &err), KR_IO);
    ck_assert_int_eq(access(missing, F_OK), -1); /* not created */
    char *text = kr_xasprintf("%s/notes.txt", dir);
    FILE *f = fopen(text, "w");
    fputs("boodschappen: melk, brood, kaas\n", f);
    fclose(f);
    ck_assert_int_eq(kr_store_merge(a, text, NULL, &err), KR_DB_NOT_DB);
    kr_store_close(b);
    /* b made newer than this build: user_version beyond the latest */
    struct kr_store *c = NULL;
    char *newer = kr_xasprintf("%s/db1.db", dir);
    ck_assert_int_eq(kr_store_open_at_version(newer, kr_store_schema_latest(), &c, &err), KR_OK);
    kr_store_close(c);
    char *cmd = kr_xasprintf("sqlite3 '%s' 'PRAGMA user_version = 99' 2>/dev/null", newer);
    if (system(cmd) == 0) {
        ck_assert_int_eq(kr_store_merge(a, newer, NULL, &err), KR_DB_TOO_NEW);
        ck_assert_ptr_nonnull(strstr(err.msg, "nieuwere kijkronde"));
    }
    char *after = dump(a);
    ck_assert_str_eq(before, after);
    free(cmd);
    free(newer);
    free(before);
    free(after);
    free(text);
    free(missing);
    free(link);
    free(s);
    kr_store_close(a);
    free(pa);
    free(pb);
}
END_TEST

/* ---- property test: random databases ---- */

static unsigned long long rng;
static unsigned rnd(unsigned n)
{
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((rng >> 33) % n);
}

struct ids {
    char *items[256];
    size_t n;
};

/* Random work on one pair's laptop: new notes, edits, deletes and restores, a new visit. */
static void random_work(struct kr_store *st, const char *session_id, struct ids *visits,
                        struct ids *notes, int ops)
{
    static const char *words[] = {"leerling", "leraar",     "wijst", "schrijft",
                                  "3 van 24", "\"citaat\"", "<b>",   "=1+1",
                                  ";",        "\n",         "# kop", "é"};
    ck_assert_int_eq(kr_store_begin(st, &err), KR_OK);
    for (int k = 0; k < ops; k++) {
        unsigned what = rnd(10);
        char text[128] = "";
        for (int w = 0; w < 4; w++) {
            strcat(text, words[rnd(12)]);
            strcat(text, " ");
        }
        if (what == 0 && visits->n < 200) {
            visits->items[visits->n++] = add_visit(st, session_id, "groep x");
        } else if (what < 5 || notes->n == 0) {
            if (notes->n < 250)
                notes->items[notes->n++] =
                    add_note(st, visits->items[rnd((unsigned)visits->n)], text);
        } else if (what < 8) {
            kr_store_obs_edit(st, notes->items[rnd((unsigned)notes->n)], text,
                              (enum kr_corner)rnd(4), &err);
        } else if (what == 8 && rnd(2)) {
            kr_store_phase_put(st, session_id, (enum kr_phase)rnd(KR_PHASE_COUNT), text, &err);
            kr_store_group_note_put(st, session_id, notes->items[rnd((unsigned)notes->n)],
                                    (enum kr_corner)(1 + rnd(3)), NULL, &err);
        } else if (what == 8) {
            kr_store_obs_delete(st, notes->items[rnd((unsigned)notes->n)], &err);
        } else {
            kr_store_obs_restore(st, notes->items[rnd((unsigned)notes->n)], &err);
        }
    }
    ck_assert_int_eq(kr_store_commit(st, &err), KR_OK);
}

static void ids_fini(struct ids *x)
{
    for (size_t i = 0; i < x->n; i++)
        free(x->items[i]);
    x->n = 0;
}

/* Ids of all notes (with deleted) and all versions of a session, as one sorted string. */
static char *note_ids(struct kr_store *st, const char *session_id, long *n_notes, long *n_versions)
{
    struct kr_observation_list l = {0};
    struct kr_obs_filter f = {.session_id = session_id, .include_deleted = true};
    ck_assert_int_eq(kr_store_obs_list(st, &f, &l, &err), KR_OK);
    *n_notes = (long)l.n;
    *n_versions = 0;
    for (size_t i = 0; i < l.n; i++) {
        struct kr_obs_version_list h = {0};
        ck_assert_int_eq(kr_store_obs_history(st, l.items[i].id, &h, &err), KR_OK);
        *n_versions += (long)h.n;
        kr_obs_version_list_fini(&h);
    }
    kr_observation_list_fini(&l);
    return dump(st);
}

START_TEST(test_exchange_property_random_databases)
{
    /* KR_PROPERTY_SEEDS (the valgrind setup sets it) takes fewer random databases. */
    const char *env = getenv("KR_PROPERTY_SEEDS");
    unsigned seeds = env && atoi(env) > 0 ? (unsigned)atoi(env) : 12;
    for (unsigned seed = 1; seed <= seeds; seed++) {
        rng = seed;
        char *pa, *pb, *pbase;
        struct kr_store *base = new_db(&pbase);
        char *s = add_session(base, "Gastschool");
        struct ids visits = {0}, notes_a = {0}, notes_b = {0};
        visits.items[visits.n++] = add_visit(base, s, "groep 3");
        random_work(base, s, &visits, &notes_a, 10);
        for (size_t i = 0; i < notes_a.n; i++)
            notes_b.items[notes_b.n++] = kr_xstrdup(notes_a.items[i]);
        struct ids visits_b = {0};
        for (size_t i = 0; i < visits.n; i++)
            visits_b.items[visits_b.n++] = kr_xstrdup(visits.items[i]);
        /* Two laptops start from the same base, then work apart. */
        struct kr_store *a = new_db(&pa);
        struct kr_store *b = new_db(&pb);
        ck_assert_int_eq(kr_store_merge(a, pbase, NULL, &err), KR_OK);
        ck_assert_int_eq(kr_store_merge(b, pbase, NULL, &err), KR_OK);
        random_work(a, s, &visits, &notes_a, 15 + (int)rnd(20));
        random_work(b, s, &visits_b, &notes_b, 15 + (int)rnd(20));
        long na, va, nb, vb;
        char *da = note_ids(a, s, &na, &va);
        char *db = note_ids(b, s, &nb, &vb);
        /* Notes in both: the base's; every other note was made on one side. */
        long base_notes, base_versions;
        char *dbase = note_ids(base, s, &base_notes, &base_versions);

        /* X: empty <- A <- B; Y: empty <- B <- A; and A <- B, B <- A in place. */
        struct kr_store *x = new_db(NULL), *y = new_db(NULL);
        ck_assert_int_eq(kr_store_merge(x, pa, NULL, &err), KR_OK);
        ck_assert_int_eq(kr_store_merge(x, pb, NULL, &err), KR_OK);
        ck_assert_int_eq(kr_store_merge(y, pb, NULL, &err), KR_OK);
        ck_assert_int_eq(kr_store_merge(y, pa, NULL, &err), KR_OK);
        char *dx = dump(x), *dy = dump(y);
        ck_assert_str_eq(dx, dy); /* order-independent */
        assert_counts(a, s);
        assert_counts(b, s);
        assert_counts(x, s);
        assert_counts(y, s);
        long nx, vx;
        free(note_ids(x, s, &nx, &vx));
        /* no note lost or duplicated: |A ∪ B| = |A| + |B| - |base| (ids are unique) */
        ck_assert_int_eq(nx, na + nb - base_notes);
        ck_assert_int_eq(vx, va + vb - base_versions);
        /* idempotent */
        ck_assert_int_eq(kr_store_merge(x, pb, NULL, &err), KR_OK);
        char *dx2 = dump(x);
        ck_assert_str_eq(dx, dx2);
        /* in place, both directions, equal to X */
        ck_assert_int_eq(kr_store_merge(a, pb, NULL, &err), KR_OK);
        char *da2 = dump(a);
        ck_assert_str_eq(da2, dx);
        /* JSON: export of the merged session into an empty database gives the same */
        struct kr_store *z = new_db(NULL);
        char *j = export_str(x, s);
        ck_assert_int_eq(import_str(z, j, NULL), KR_OK);
        char *dz = dump(z);
        ck_assert_str_eq(dz, dx);
        assert_counts(a, s);
        assert_counts(z, s);
        long nz, vz;
        free(note_ids(z, s, &nz, &vz));
        ck_assert_int_eq(nz, nx);
        ck_assert_int_eq(vz, vx);
        /* importing B's own export into X adds nothing */
        char *jb = export_str(b, s);
        struct kr_exchange_stats stats;
        ck_assert_int_eq(import_str(x, jb, &stats), KR_OK);
        ck_assert_int_eq(stats.observations_new + stats.versions_new, 0);

        free(jb);
        free(j);
        free(dz);
        free(da2);
        free(dx2);
        free(dx);
        free(dy);
        free(da);
        free(db);
        free(dbase);
        kr_store_close(x);
        kr_store_close(y);
        kr_store_close(z);
        kr_store_close(a);
        kr_store_close(b);
        kr_store_close(base);
        ids_fini(&visits);
        ids_fini(&visits_b);
        ids_fini(&notes_a);
        ids_fini(&notes_b);
        free(s);
        free(pa);
        free(pb);
        free(pbase);
    }
}
END_TEST

/* What a progress watcher heard. */
struct heard {
    size_t calls, last_done, total;
    bool backwards, wrong_total;
};

static void hear(void *ctx, size_t done, size_t total)
{
    struct heard *h = ctx;
    h->backwards = h->backwards || done < h->last_done || done > total;
    h->wrong_total = h->wrong_total || (h->calls && total != h->total);
    h->calls++;
    h->last_done = done;
    h->total = total;
}

/* A kijkronde/1 text with n notes in two visits. Heap. */
static char *many_notes(size_t n)
{
    struct kr_buf b = {0};
    kr_buf_puts(&b, "{\"format\": \"kijkronde/1\", \"session\": {\"id\": \"big\", \"date\": "
                    "\"2026-03-12\", \"kijkvraag\": {\"id\": null, \"text\": \"Wat doen "
                    "leerlingen?\"}}, \"visits\": [{\"id\": \"v1\", \"label\": \"groep 5\"}, "
                    "{\"id\": \"v2\", \"label\": \"groep 6\"}], \"observations\": [");
    for (size_t i = 0; i < n; i++)
        kr_buf_printf(
            &b,
            "%s{\"id\": \"o%zu\", \"visit\": \"v%zu\", \"at\": "
            "\"2026-03-12T09:%02zu:%02zu+01:00\", \"text\": \"Leerling %zu telt hardop.\"}",
            i ? ", " : "", i, 1 + i % 2, i / 60 % 60, i % 60, i);
    kr_buf_puts(&b, "]}");
    return kr_buf_steal(&b);
}

/* Progress of import and merge: told often, in order, of the file's notes, ending at all of
 * them; the merge in slices (more notes than one slice) adds exactly what one pass would. */
START_TEST(test_exchange_progress_import_and_merge)
{
    enum { N = 5000 }; /* more than one slice of the merge (4096) */
    char *json = many_notes(N);
    struct heard h = {0};
    struct kr_progress p = {.fn = hear, .ctx = &h};
    char *path_a = NULL;
    struct kr_store *a = new_db(&path_a);
    kr_store_set_progress(a, &p);
    struct kr_exchange_stats stats;
    ck_assert_int_eq(import_str(a, json, &stats), KR_OK);
    ck_assert_int_eq(stats.observations_new, N);
    ck_assert_uint_ge(h.calls, 50);
    ck_assert(!h.backwards && !h.wrong_total);
    ck_assert_uint_eq(h.total, N);
    ck_assert_uint_eq(h.last_done, N);
    /* nobody watching: nothing is called */
    kr_store_set_progress(a, NULL);
    size_t calls = h.calls;
    ck_assert_int_eq(import_str(a, json, &stats), KR_OK);
    ck_assert_uint_eq(h.calls, calls);

    struct kr_store *b = new_db(NULL);
    h = (struct heard){0};
    kr_store_set_progress(b, &p);
    ck_assert_int_eq(kr_store_merge(b, path_a, &stats, &err), KR_OK);
    ck_assert_int_eq(stats.observations_new, N);
    ck_assert_int_eq(stats.versions_new, N);
    ck_assert_int_eq(stats.observations_updated, 0);
    ck_assert_uint_ge(h.calls, 2);
    ck_assert(!h.backwards && !h.wrong_total);
    ck_assert_uint_eq(h.total, N);
    ck_assert_uint_eq(h.last_done, N);
    char *ja = dump(a), *jb = dump(b);
    ck_assert_str_eq(ja, jb);
    ck_assert_int_eq(kr_store_merge(b, path_a, &stats, &err), KR_OK);
    ck_assert_int_eq(stats.observations_new + stats.observations_updated + stats.versions_new, 0);
    free(ja);
    free(jb);
    free(json);
    free(path_a);
    kr_store_close(a);
    kr_store_close(b);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("exchange");
    TCase *tc = tcase_create("json");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_exchange_json_round_trip);
    tcase_add_test(tc, test_exchange_json_minimal_and_idempotent);
    tcase_add_loop_test(tc, test_exchange_json_invalid_names_path, 0,
                        (int)(sizeof BAD / sizeof BAD[0]));
    tcase_add_test(tc, test_exchange_json_syntax_error_position);
    tcase_add_test(tc, test_exchange_json_conflicting_ids_refused);
    tcase_add_test(tc, test_exchange_json_duplicate_key_position);
    tcase_add_test(tc, test_exchange_json_byte_order_mark_skipped);
    tcase_add_test(tc, test_exchange_json_surrogate_pair_is_one_character);
    tcase_add_test(tc, test_exchange_json_note_length_limited);
    suite_add_tcase(s, tc);
    tc = tcase_create("merge");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_exchange_merge_both_sides_edited);
    tcase_add_test(tc, test_exchange_merge_refuses_bad_files);
    tcase_add_test(tc, test_exchange_progress_import_and_merge);
    tcase_set_timeout(tc, 120);
    suite_add_tcase(s, tc);
    tc = tcase_create("property");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_exchange_property_random_databases);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
