/* SPDX-License-Identifier: MIT */
/*
 * The rules of a kijkronde/1 document, checked in SQL on its staged items: the fields of
 * each section, unique ids, and the checks between items and against the database. The
 * first problem in document order becomes the message, with its path (sec[i].field).
 */
#include <stdlib.h>
#include <string.h>

#include "exchange_internal.h"
#include "kijkronde/mem.h"
#include "kijkronde/model.h"
#include "kijkronde/store_exchange.h"
#include "kijkronde/utf8.h"
#include "store_internal.h"

enum fkind {
    F_ID,       /* required non-empty text */
    F_TEXT,     /* required non-empty text */
    F_STR,      /* required text, may be empty */
    F_OPT_TEXT, /* text or null or absent */
    F_ISO,      /* required ISO time */
    F_OPT_ISO,
    F_DATE,
    F_CORNER, /* leerling|leraar|leerinhoud|null */
    F_BASIS,
    F_KIND,
    F_CHANGE, /* required history change */
    F_OPT_BOOL,
    F_OBJ,
    F_OPT_ARRAY,
    F_CORNER_REQ, /* leerling|leraar|leerinhoud */
    F_PHASE,      /* beschrijven|analyseren|voorspellen|volgende-stap */
    F_ACTOR,      /* schoolleiding|leraren|team|netwerk */
    F_HORIZON,    /* week|maand|schooljaar */
    F_OPT_OBJ,    /* an object or null or absent */
    F_OPT_INT,    /* a whole number or null or absent */
    F_FU_SESSION, /* required non-empty text when the follow_up is an object */
    F_FU_STATUS,  /* gedaan|bezig|niet-gedaan, required when the follow_up is an object */
    F_EXTENT,     /* enkele|sommige|veel|de meeste|null or absent (a group pattern's) */
};

struct field {
    const char *name; /* JSON path below the item, e.g. "kijkvraag.text" */
    enum fkind kind;
};

/* Staging tables of raw items: sec, rank (document order of sections), i, k, t, j, id, ref. */
struct section {
    const char *table; /* src.<table> */
    bool array;        /* a list: paths get [i] */
    bool history;      /* items below observations: path sec[i].history[k] */
    const struct field *fields;
    size_t n_fields;
};

static const struct field SESSION_FIELDS[] = {
    {"id", F_ID},
    {"date", F_DATE},
    {"kijkvraag", F_OBJ},
    {"kijkvraag.text", F_TEXT},
    {"kijkvraag.id", F_OPT_TEXT},
    {"network", F_OPT_TEXT},
    {"network_id", F_OPT_TEXT},
    {"host_school", F_OPT_TEXT},
    {"basisvaardigheid", F_BASIS},
    {"ontwikkelvraag", F_OPT_TEXT},
    {"kind", F_KIND},
    {"kijkpunten", F_OPT_TEXT},
    {"demo", F_OPT_BOOL},
    {"created_at", F_OPT_ISO},
    {"updated_at", F_OPT_ISO},
};
static const struct field TWEETAL_FIELDS[] = {{"id", F_ID}, {"name", F_TEXT}};
static const struct field PARTICIPANT_FIELDS[] = {
    {"id", F_ID},         {"name", F_TEXT},       {"tweetal", F_OPT_TEXT},
    {"role", F_OPT_TEXT}, {"school", F_OPT_TEXT},
};
static const struct field VISIT_FIELDS[] = {
    {"id", F_ID},
    {"label", F_TEXT},
    {"subject", F_OPT_TEXT},
    {"pair", F_OPT_TEXT},
    {"pair_id", F_OPT_TEXT},
    {"started_at", F_OPT_ISO},
    {"ended_at", F_OPT_ISO},
};
static const struct field OBS_FIELDS[] = {
    {"id", F_ID},
    {"visit", F_TEXT},
    {"at", F_ISO},
    {"text", F_STR},
    {"corner", F_CORNER},
    {"observer", F_OPT_TEXT},
    {"keep_reason", F_OPT_TEXT},
    {"created_at", F_OPT_ISO},
    {"updated_at", F_OPT_ISO},
    {"deleted_at", F_OPT_ISO},
    {"history", F_OPT_ARRAY},
};
static const struct field HISTORY_FIELDS[] = {
    {"id", F_ID}, {"at", F_ISO}, {"change", F_CHANGE}, {"text", F_STR}, {"corner", F_CORNER},
};

static const struct field GROUP_PATTERN_FIELDS[] = {
    {"id", F_ID},         {"corner", F_CORNER_REQ},  {"label", F_TEXT},
    {"extent", F_EXTENT}, {"created_at", F_OPT_ISO}, {"updated_at", F_OPT_ISO},
};
static const struct field GROUP_NOTE_FIELDS[] = {
    {"observation", F_TEXT},
    {"corner", F_CORNER},
    {"pattern", F_OPT_TEXT},
    {"updated_at", F_OPT_ISO},
};
static const struct field PHASE_FIELDS[] = {
    {"phase", F_PHASE},
    {"text", F_STR},
    {"updated_at", F_OPT_ISO},
};
/* Schema 7's shape; the one of before (no id, group, evidence) still reads. */
static const struct field TOA_FIELDS[] = {
    {"id", F_OPT_TEXT},        {"group", F_OPT_TEXT},      {"schoolleiding", F_OPT_TEXT},
    {"leraren", F_OPT_TEXT},   {"leerlingen", F_OPT_TEXT}, {"evidence", F_OPT_ARRAY},
    {"bewijs", F_OPT_TEXT},    {"chosen", F_OPT_BOOL},     {"created_at", F_OPT_ISO},
    {"updated_at", F_OPT_ISO}, {"deleted_at", F_OPT_ISO},
};
static const struct field STEP_FIELDS[] = {
    {"id", F_ID},
    {"text", F_TEXT},
    {"actor", F_ACTOR},
    {"horizon", F_HORIZON},
    {"evidence", F_OPT_ARRAY},
    {"follow_up", F_OPT_OBJ},
    {"follow_up.session", F_FU_SESSION},
    {"follow_up.status", F_FU_STATUS},
    {"follow_up.text", F_OPT_TEXT},
    {"follow_up_at", F_OPT_ISO},
    {"position", F_OPT_INT},
    {"created_at", F_OPT_ISO},
    {"updated_at", F_OPT_ISO},
    {"deleted_at", F_OPT_ISO},
};

#define KR_NF(a) (sizeof(a) / sizeof((a)[0]))

static const struct section SECTIONS[] = {
    {"js", false, false, SESSION_FIELDS, KR_NF(SESSION_FIELDS)},
    {"jt", true, false, TWEETAL_FIELDS, KR_NF(TWEETAL_FIELDS)},
    {"jp", true, false, PARTICIPANT_FIELDS, KR_NF(PARTICIPANT_FIELDS)},
    {"jv", true, false, VISIT_FIELDS, KR_NF(VISIT_FIELDS)},
    {"jo", true, false, OBS_FIELDS, KR_NF(OBS_FIELDS)},
    {"jh", true, true, HISTORY_FIELDS, KR_NF(HISTORY_FIELDS)},
    {"jgp", true, false, GROUP_PATTERN_FIELDS, KR_NF(GROUP_PATTERN_FIELDS)},
    {"jgn", true, false, GROUP_NOTE_FIELDS, KR_NF(GROUP_NOTE_FIELDS)},
    {"jrp", true, false, PHASE_FIELDS, KR_NF(PHASE_FIELDS)},
    {"jta", true, false, TOA_FIELDS, KR_NF(TOA_FIELDS)},
    {"jns", true, false, STEP_FIELDS, KR_NF(STEP_FIELDS)},
};

/* The SQL condition that is true when field f of item j is wrong. Heap string. */
static char *bad_sql(const struct field *f)
{
    char p[64];
    snprintf(p, sizeof p, "'$.%s'", f->name);
    switch (f->kind) {
    case F_ID:
    case F_TEXT:
        return kr_xasprintf("(json_type(j, %s) IS NOT 'text' OR json_extract(j, %s) = '')", p, p);
    case F_STR:
        return kr_xasprintf("json_type(j, %s) IS NOT 'text'", p);
    case F_OPT_TEXT:
        return kr_xasprintf("json_type(j, %s) NOT IN ('null', 'text')", p);
    case F_ISO:
        return kr_xasprintf(
            "(json_type(j, %s) IS NOT 'text' OR NOT kr_iso_ok(json_extract(j, %s)))", p, p);
    case F_OPT_ISO:
        return kr_xasprintf("(json_type(j, %s) NOT IN ('null', 'text') OR (json_type(j, %s) ="
                            " 'text' AND NOT kr_iso_ok(json_extract(j, %s))))",
                            p, p, p);
    case F_DATE:
        return kr_xasprintf(
            "(json_type(j, %s) IS NOT 'text' OR NOT kr_date_ok(json_extract(j, %s)))", p, p);
    case F_CORNER:
        return kr_xasprintf("(json_type(j, %s) NOT IN ('null', 'text') OR (json_type(j, %s) ="
                            " 'text' AND json_extract(j, %s) NOT IN ('leerling', 'leraar',"
                            " 'leerinhoud')))",
                            p, p, p);
    case F_BASIS:
        return kr_xasprintf("(json_type(j, %s) NOT IN ('null', 'text') OR (json_type(j, %s) ="
                            " 'text' AND json_extract(j, %s) NOT IN ('taal', 'rekenen-wiskunde',"
                            " 'burgerschap', 'digitale-geletterdheid')))",
                            p, p, p);
    case F_KIND:
        return kr_xasprintf("(json_type(j, %s) NOT IN ('null', 'text') OR (json_type(j, %s) ="
                            " 'text' AND json_extract(j, %s) NOT IN ('start', 'aftrap',"
                            " 'vervolg', 'afronding')))",
                            p, p, p);
    case F_CHANGE:
        return kr_xasprintf("(json_type(j, %s) IS NOT 'text' OR json_extract(j, %s) NOT IN"
                            " ('aangemaakt', 'bewerkt', 'verwijderd', 'hersteld'))",
                            p, p);
    case F_OPT_BOOL:
        return kr_xasprintf("json_type(j, %s) NOT IN ('null', 'true', 'false')", p);
    case F_OBJ:
        return kr_xasprintf("json_type(j, %s) IS NOT 'object'", p);
    case F_OPT_ARRAY:
        return kr_xasprintf("json_type(j, %s) NOT IN ('null', 'array')", p);
    case F_CORNER_REQ:
        return kr_xasprintf("(json_type(j, %s) IS NOT 'text' OR json_extract(j, %s) NOT IN"
                            " ('leerling', 'leraar', 'leerinhoud'))",
                            p, p);
    case F_PHASE:
        return kr_xasprintf("(json_type(j, %s) IS NOT 'text' OR json_extract(j, %s) NOT IN"
                            " ('beschrijven', 'analyseren', 'voorspellen', 'volgende-stap'))",
                            p, p);
    case F_ACTOR:
        return kr_xasprintf("(json_type(j, %s) IS NOT 'text' OR json_extract(j, %s) NOT IN"
                            " ('schoolleiding', 'leraren', 'team', 'netwerk'))",
                            p, p);
    case F_HORIZON:
        return kr_xasprintf("(json_type(j, %s) IS NOT 'text' OR json_extract(j, %s) NOT IN"
                            " ('week', 'maand', 'schooljaar'))",
                            p, p);
    case F_OPT_OBJ:
        return kr_xasprintf("json_type(j, %s) NOT IN ('null', 'object')", p);
    case F_OPT_INT:
        return kr_xasprintf("json_type(j, %s) NOT IN ('null', 'integer')", p);
    case F_FU_SESSION:
        return kr_xasprintf("(json_type(j, '$.follow_up') = 'object' AND (json_type(j, %s) IS NOT"
                            " 'text' OR json_extract(j, %s) = ''))",
                            p, p);
    case F_FU_STATUS:
        return kr_xasprintf("(json_type(j, '$.follow_up') = 'object' AND (json_type(j, %s) IS NOT"
                            " 'text' OR json_extract(j, %s) NOT IN ('gedaan', 'bezig',"
                            " 'niet-gedaan')))",
                            p, p);
    case F_EXTENT:
        return kr_xasprintf("(json_type(j, %s) NOT IN ('null', 'text') OR (json_type(j, %s) ="
                            " 'text' AND json_extract(j, %s) NOT IN ('enkele', 'sommige', 'veel',"
                            " 'de meeste')))",
                            p, p, p);
    }
    return kr_xstrdup("0");
}

static const char *type_nl(const char *t)
{
    if (!t)
        return "niets";
    if (!strcmp(t, "integer") || !strcmp(t, "real"))
        return "een getal";
    if (!strcmp(t, "true") || !strcmp(t, "false"))
        return "true/false";
    if (!strcmp(t, "object"))
        return "een object";
    if (!strcmp(t, "array"))
        return "een lijst";
    if (!strcmp(t, "text"))
        return "tekst";
    return t;
}

/* The message for a wrong field, given its JSON type and value. */
static void field_msg(struct kr_buf *b, enum fkind k, const char *type, const char *value)
{
    char v[128];
    kr_utf8_truncate(v, sizeof v, value ? value : "", 60);
    bool required = k == F_ID || k == F_TEXT || k == F_STR || k == F_ISO || k == F_DATE ||
                    k == F_CHANGE || k == F_OBJ || k == F_CORNER_REQ || k == F_PHASE ||
                    k == F_ACTOR || k == F_HORIZON || k == F_FU_SESSION || k == F_FU_STATUS;
    if (!type && required) {
        kr_buf_puts(b, "ontbreekt");
        return;
    }
    if (k == F_OBJ) {
        kr_buf_printf(b, "moet een object zijn, niet %s", type_nl(type));
        return;
    }
    if (k == F_OPT_OBJ) {
        kr_buf_printf(b, "moet een object of null zijn, niet %s", type_nl(type));
        return;
    }
    if (k == F_OPT_INT) {
        kr_buf_printf(b, "moet een geheel getal of null zijn, niet %s", type_nl(type));
        return;
    }
    if (k == F_OPT_ARRAY) {
        kr_buf_printf(b, "moet een lijst of null zijn, niet %s", type_nl(type));
        return;
    }
    if (k == F_OPT_BOOL) {
        kr_buf_printf(b, "moet true, false of null zijn, niet %s", type_nl(type));
        return;
    }
    if (!type || strcmp(type, "text") != 0) {
        kr_buf_printf(b, "moet tekst%s zijn, niet %s", required ? "" : " of null", type_nl(type));
        return;
    }
    switch (k) {
    case F_ID:
    case F_TEXT:
    case F_FU_SESSION:
        kr_buf_puts(b, "is leeg");
        break;
    case F_ACTOR:
        kr_buf_printf(b, "onbekende actor \"%s\"; kies schoolleiding, leraren, team of netwerk", v);
        break;
    case F_HORIZON:
        kr_buf_printf(b, "onbekende termijn \"%s\"; kies week, maand of schooljaar", v);
        break;
    case F_FU_STATUS:
        kr_buf_printf(b, "onbekende stand \"%s\"; kies gedaan, bezig of niet-gedaan", v);
        break;
    case F_ISO:
    case F_OPT_ISO:
        kr_buf_printf(b, "ongeldige tijd \"%s\"; gebruik bijvoorbeeld 2026-03-12T09:14:05+01:00",
                      v);
        break;
    case F_DATE:
        kr_buf_printf(b, "ongeldige datum \"%s\"; gebruik JJJJ-MM-DD", v);
        break;
    case F_CORNER:
        kr_buf_printf(b, "onbekende hoek \"%s\"; kies leerling, leraar, leerinhoud of null", v);
        break;
    case F_CORNER_REQ:
        kr_buf_printf(b, "onbekende hoek \"%s\"; kies leerling, leraar of leerinhoud", v);
        break;
    case F_PHASE:
        kr_buf_printf(b,
                      "onbekende fase \"%s\"; kies beschrijven, analyseren, voorspellen of "
                      "volgende-stap",
                      v);
        break;
    case F_BASIS:
        kr_buf_printf(b,
                      "onbekende basisvaardigheid \"%s\"; kies taal, rekenen-wiskunde, "
                      "burgerschap, digitale-geletterdheid of null",
                      v);
        break;
    case F_EXTENT:
        kr_buf_printf(b, "onbekende omvang \"%s\"; kies enkele, sommige, veel, de meeste of null",
                      v);
        break;
    case F_KIND:
        kr_buf_printf(b, "onbekende soort \"%s\"; kies start, aftrap, vervolg of afronding", v);
        break;
    case F_CHANGE:
        kr_buf_printf(b,
                      "onbekende wijziging \"%s\"; kies aangemaakt, bewerkt, verwijderd of "
                      "hersteld",
                      v);
        break;
    default:
        kr_buf_puts(b, "ongeldige waarde");
    }
}

/* The first problem found so far: its position in document order and its message. */
struct problem {
    bool found;
    long rank, i, k;
    char *sec;
    struct kr_buf msg; /* without the path */
    char *field;       /* "" for the item itself */
};

static void problem_fini(struct problem *p)
{
    free(p->sec);
    free(p->field);
    kr_buf_fini(&p->msg);
}

/*
 * Run a check query: it returns (sec, rank, i, k, a, b) for its first failing item
 * in document order. When that item comes before the problem found so far, it
 * becomes the problem; fill() writes its message from columns a and b.
 */
typedef void (*msg_fn)(struct kr_buf *b, const char *a, const char *c, const void *ctx);

static enum kr_status run_check(struct kr_store *st, const char *sql, const char *field,
                                msg_fn fill, const void *ctx, struct problem *p,
                                struct kr_error *err)
{
    sqlite3_stmt *s = NULL;
    enum kr_status r = kr_store_prepare(st, sql, &s, err);
    if (r != KR_OK)
        return r;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        long rank = (long)sqlite3_column_int64(s, 1), i = (long)sqlite3_column_int64(s, 2);
        long k = sqlite3_column_type(s, 3) == SQLITE_NULL ? -1 : (long)sqlite3_column_int64(s, 3);
        if (!p->found || rank < p->rank || (rank == p->rank && i < p->i) ||
            (rank == p->rank && i == p->i && k < p->k)) {
            p->found = true;
            p->rank = rank;
            p->i = i;
            p->k = k;
            free(p->sec);
            p->sec = kr_store_col_text(s, 0);
            free(p->field);
            p->field = kr_xstrdup(field);
            kr_buf_reset(&p->msg);
            fill(&p->msg, (const char *)sqlite3_column_text(s, 4),
                 (const char *)sqlite3_column_text(s, 5), ctx);
        }
    } else if (rc != SQLITE_DONE) {
        r = kr_store_fail(st, rc, err, "Controleren mislukt");
    }
    sqlite3_finalize(s);
    return r;
}

static void msg_field(struct kr_buf *b, const char *type, const char *value, const void *ctx)
{
    field_msg(b, *(const enum fkind *)ctx, type, value);
}

/* The template ctx with its first "%s" replaced by a and the second by c, made inert. */
static void msg_text(struct kr_buf *b, const char *a, const char *c, const void *ctx)
{
    char va[128], vc[128];
    kr_utf8_truncate(va, sizeof va, a ? a : "", 60);
    kr_utf8_truncate(vc, sizeof vc, c ? c : "", 60);
    const char *vals[2] = {va, vc};
    int used = 0;
    for (const char *t = ctx; *t; t++) {
        if (t[0] == '%' && t[1] == 's' && used < 2) {
            kr_buf_puts(b, vals[used++]);
            t++;
        } else {
            kr_buf_putc(b, *t);
        }
    }
}

static void msg_type(struct kr_buf *b, const char *type, const char *unused, const void *ctx)
{
    (void)unused;
    (void)ctx;
    kr_buf_printf(b, "moet een object zijn, niet %s", type_nl(type));
}

#define ITEM_COLS "SELECT sec, rank, i, k"

/* Every check of one section; the earliest problem in document order wins. */
static enum kr_status check_section(struct kr_store *st, const struct section *sec,
                                    struct problem *p, struct kr_error *err)
{
    enum kr_status r = KR_OK;
    char *sql = kr_xasprintf(ITEM_COLS ", t, NULL FROM src.%s WHERE t IS NOT 'object'"
                                       " ORDER BY rank, i, k LIMIT 1",
                             sec->table);
    r = run_check(st, sql, "", msg_type, NULL, p, err);
    free(sql);
    for (size_t f = 0; r == KR_OK && f < sec->n_fields; f++) {
        char *cond = bad_sql(&sec->fields[f]);
        char path[64];
        snprintf(path, sizeof path, "'$.%s'", sec->fields[f].name);
        sql = kr_xasprintf(ITEM_COLS ", json_type(j, %s), json_extract(j, %s) FROM src.%s"
                                     " WHERE t = 'object' AND %s ORDER BY rank, i, k LIMIT 1",
                           path, path, sec->table, cond);
        r = run_check(st, sql, sec->fields[f].name, msg_field, &sec->fields[f].kind, p, err);
        free(sql);
        free(cond);
    }
    /* Ids are unique within their kind. */
    if (r == KR_OK && sec->array) {
        sql = kr_xasprintf(ITEM_COLS ", a.id, NULL FROM src.%s a WHERE t = 'object' AND EXISTS"
                                     " (SELECT 1 FROM src.%s b WHERE b.id = a.id AND"
                                     " (b.rank, b.i, coalesce(b.k, -1)) < (a.rank, a.i,"
                                     " coalesce(a.k, -1))) ORDER BY rank, i, k LIMIT 1",
                           sec->table, sec->table);
        r = run_check(st, sql, "id", msg_text,
                      "dubbel id \"%s\"%s; elk id mag maar één keer voorkomen", p, err);
        free(sql);
    }
    return r;
}

#define KR_XSTR(x) #x
#define KR_STR(x)  KR_XSTR(x)

/* Checks between items and against the database, each as (SQL, field, message). */
static const struct {
    const char *sql, *field, *msg;
} CROSS_CHECKS[] = {
    /* The TUI's limit on a note holds for imported notes too (length() counts characters). */
    {ITEM_COLS
     ", i + 1, length(json_extract(j, '$.text')) FROM src.jo WHERE t = 'object' AND"
     " length(json_extract(j, '$.text')) > " KR_STR(KR_NOTE_MAX_CHARS) " ORDER BY rank, i LIMIT 1",
     "text",
     "notitie %s is langer dan " KR_STR(KR_NOTE_MAX_CHARS) " tekens (%s); kort haar in of"
                                                           " splits haar"},
    {ITEM_COLS ", i + 1, length(json_extract(j, '$.text')) FROM src.jh WHERE t = 'object' AND"
               " length(json_extract(j, '$.text')) > " KR_STR(
                   KR_NOTE_MAX_CHARS) " ORDER BY rank, i, k LIMIT 1",
     "text", "een versie van notitie %s is langer dan " KR_STR(KR_NOTE_MAX_CHARS) " tekens (%s)"},
    /* Evidence cites a note or pattern of this bijeenkomst: of the file, or already here. */
    {ITEM_COLS ", t, NULL FROM src.jev WHERE t IS NOT 'text' OR j = '' ORDER BY rank, i LIMIT 1",
     "evidence", "elk bewijs moet het id van een notitie of patroon zijn (niet-lege tekst)"},
    {ITEM_COLS ", id, NULL FROM src.jev WHERE t = 'text' AND j <> '' AND NOT EXISTS (SELECT 1"
               " FROM src.jo WHERE jo.id IN (jev.id, CASE WHEN substr(jev.id, 1, 2) = 'p-' THEN"
               " substr(jev.id, 3) END)) AND NOT EXISTS (SELECT 1 FROM src.jgp WHERE jgp.id ="
               " jev.id) AND NOT EXISTS (SELECT 1 FROM main.observation o JOIN main.visit v ON"
               " v.id = o.visit_id, src.js WHERE v.session_id = js.id AND o.id IN (jev.id, CASE"
               " WHEN substr(jev.id, 1, 2) = 'p-' THEN substr(jev.id, 3) END)) AND NOT EXISTS"
               " (SELECT 1 FROM main.reflection_pattern p, src.js WHERE p.session_id = js.id"
               " AND p.id = jev.id) ORDER BY rank, i LIMIT 1",
     "evidence",
     "onbekend bewijs \"%s\"%s: geen notitie of patroon van deze bijeenkomst (niet in"
     " \"observations\" of \"group_patterns\")"},
    {ITEM_COLS ", id, NULL FROM src.jta WHERE t = 'object' AND EXISTS (SELECT 1 FROM"
               " main.theory_of_action x, src.js WHERE x.id = jta.id AND x.session_id <> js.id)"
               " ORDER BY rank, i LIMIT 1",
     "id", "theory of action \"%s\" hoort in de database al bij een andere bijeenkomst%s"},
    {ITEM_COLS ", id, NULL FROM src.jns WHERE t = 'object' AND EXISTS (SELECT 1 FROM"
               " main.next_step x, src.js WHERE x.id = jns.id AND x.session_id <> js.id)"
               " ORDER BY rank, i LIMIT 1",
     "id", "volgende stap \"%s\" hoort in de database al bij een andere bijeenkomst%s"},
    {ITEM_COLS ", id, NULL FROM src.jgn WHERE t = 'object' AND NOT EXISTS (SELECT 1 FROM"
               " src.jo WHERE jo.id = jgn.id) ORDER BY rank, i LIMIT 1",
     "observation", "onbekende notitie \"%s\"%s; ze staat niet bij \"observations\""},
    {ITEM_COLS ", json_extract(j, '$.pattern'), NULL FROM src.jgn WHERE t = 'object' AND"
               " json_type(j, '$.pattern') = 'text' AND NOT EXISTS (SELECT 1 FROM src.jgp WHERE"
               " jgp.id = json_extract(jgn.j, '$.pattern')) AND NOT EXISTS (SELECT 1 FROM"
               " main.reflection_pattern p, src.js WHERE p.id = json_extract(jgn.j, '$.pattern')"
               " AND p.session_id = js.id) ORDER BY rank, i LIMIT 1",
     "pattern", "onbekend patroon \"%s\"%s; het staat niet bij \"group_patterns\""},
    {ITEM_COLS ", id, NULL FROM src.jgp WHERE t = 'object' AND EXISTS (SELECT 1 FROM"
               " main.reflection_pattern p, src.js WHERE p.id = jgp.id AND p.session_id <> js.id)"
               " ORDER BY rank, i LIMIT 1",
     "id", "patroon \"%s\" hoort in de database al bij een andere bijeenkomst%s"},
    {ITEM_COLS ", json_extract(j, '$.pair_id'), NULL FROM src.jv WHERE t = 'object' AND"
               " json_type(j, '$.pair_id') = 'text' AND NOT EXISTS (SELECT 1 FROM src.jt WHERE"
               " jt.id = json_extract(jv.j, '$.pair_id')) AND NOT EXISTS (SELECT 1 FROM"
               " main.tweetal t, src.js WHERE t.id = json_extract(jv.j, '$.pair_id') AND"
               " t.session_id = js.id) ORDER BY rank, i LIMIT 1",
     "pair_id", "onbekend tweetal \"%s\"%s"},
    {ITEM_COLS ", json_extract(j, '$.tweetal'), NULL FROM src.jp WHERE t = 'object' AND"
               " json_type(j, '$.tweetal') = 'text' AND NOT EXISTS (SELECT 1 FROM src.jt WHERE"
               " jt.id = json_extract(jp.j, '$.tweetal')) AND NOT EXISTS (SELECT 1 FROM"
               " main.tweetal t, src.js WHERE t.id = json_extract(jp.j, '$.tweetal') AND"
               " t.session_id = js.id) ORDER BY rank, i LIMIT 1",
     "tweetal", "onbekend tweetal \"%s\"%s"},
    {ITEM_COLS ", json_extract(j, '$.visit'), NULL FROM src.jo WHERE t = 'object' AND NOT"
               " EXISTS (SELECT 1 FROM src.jv WHERE jv.id = json_extract(jo.j, '$.visit'))"
               " ORDER BY rank, i LIMIT 1",
     "visit", "onbekend bezoek \"%s\"%s; het staat niet bij \"visits\""},
    {ITEM_COLS ", id, NULL FROM src.jt WHERE t = 'object' AND EXISTS (SELECT 1 FROM"
               " main.tweetal t, src.js WHERE t.id = jt.id AND t.session_id <> js.id)"
               " ORDER BY rank, i LIMIT 1",
     "id", "tweetal \"%s\" hoort in de database al bij een andere bijeenkomst%s"},
    {ITEM_COLS ", id, NULL FROM src.jp WHERE t = 'object' AND EXISTS (SELECT 1 FROM"
               " main.participant x, src.js WHERE x.id = jp.id AND x.session_id <> js.id)"
               " ORDER BY rank, i LIMIT 1",
     "id", "deelnemer \"%s\" hoort in de database al bij een andere bijeenkomst%s"},
    {ITEM_COLS ", id, NULL FROM src.jv WHERE t = 'object' AND EXISTS (SELECT 1 FROM"
               " main.visit v, src.js WHERE v.id = jv.id AND v.session_id <> js.id)"
               " ORDER BY rank, i LIMIT 1",
     "id", "bezoek \"%s\" hoort in de database al bij een andere bijeenkomst%s"},
    {ITEM_COLS ", id, NULL FROM src.jo WHERE t = 'object' AND EXISTS (SELECT 1 FROM"
               " main.observation o WHERE o.id = jo.id AND o.visit_id IS NOT"
               " json_extract(jo.j, '$.visit')) ORDER BY rank, i LIMIT 1",
     "id", "notitie \"%s\" hoort in de database al bij een ander bezoek%s"},
    {ITEM_COLS ", id, NULL FROM src.jh WHERE t = 'object' AND EXISTS (SELECT 1 FROM"
               " main.observation_version h WHERE h.id = jh.id AND h.observation_id IS NOT"
               " jh.ref) ORDER BY rank, i, k LIMIT 1",
     "id", "versie \"%s\" hoort in de database al bij een andere notitie%s"},
};

/* Build "sec[i].history[k].field: msg" into err. */
static enum kr_status report(const struct problem *p, const char *source, struct kr_error *err)
{
    struct kr_buf path = {0};
    kr_buf_puts(&path, p->sec);
    if (strcmp(p->sec, "session") != 0)
        kr_buf_printf(&path, "[%ld]", p->i);
    if (p->k >= 0)
        kr_buf_printf(&path, ".history[%ld]", p->k);
    if (p->field && *p->field)
        kr_buf_printf(&path, ".%s", p->field);
    kr_error_set(err, KR_INVALID, "%s: %s; niets geïmporteerd.", kr_buf_str(&path),
                 kr_buf_str(&p->msg));
    if (err && source)
        snprintf(err->file, sizeof err->file, "%s", source);
    kr_buf_fini(&path);
    return KR_INVALID;
}

enum kr_status kr_import_check(struct kr_store *st, size_t notes, const char *source,
                               struct kr_error *err)
{
    enum kr_status r = KR_OK;
    size_t checks = KR_NF(SECTIONS) + KR_NF(CROSS_CHECKS);
    struct problem p = {.k = -1};
    for (size_t i = 0; r == KR_OK && i < KR_NF(SECTIONS) && !p.found; i++) {
        r = check_section(st, &SECTIONS[i], &p, err);
        kr_progress_add(&st->plan, 2 * notes / checks);
    }
    for (size_t i = 0; r == KR_OK && i < KR_NF(CROSS_CHECKS) && !p.found; i++) {
        r = run_check(st, CROSS_CHECKS[i].sql, CROSS_CHECKS[i].field, msg_text, CROSS_CHECKS[i].msg,
                      &p, err);
        kr_progress_add(&st->plan, 2 * notes / checks);
    }
    if (r == KR_OK && p.found)
        r = report(&p, source, err);
    problem_fini(&p);
    return r;
}
