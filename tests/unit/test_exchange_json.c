/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for kijkronde/1 JSON export and import: round trips, idempotence, the first
 * problem named with its JSON path, nothing written on a bad file, syntax errors with their
 * position, duplicate keys, a byte order mark, surrogate pairs and the note length limit.
 */
#include <stdlib.h>
#include <string.h>

#include "exchange_db.h"

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
    return s;
}

int main(void)
{
    return run_suite(suite());
}
