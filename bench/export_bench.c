/* SPDX-License-Identifier: MIT */
/*
 * Exporting a big bijeenkomst: kijkronde's CSV, HTML and Markdown export of N notes
 * (default 100,000) against `sqlite3 -csv` dumping the same rows from the same database
 * file, in the same run. Each is timed end to end (reading, checking every note with
 * the zonder-oordeel checker, escaping, writing to /dev/null), wall and CPU time; five
 * interleaved rounds, the best of each counts.
 * The database is filled by importing generated kijkronde/1 JSON (its time is printed too).
 * Prints RESULT lines for bench/run. Usage: export_bench [N] [DIR]. Needs sqlite3(1).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "kijkronde/exchange.h"
#include "kijkronde/mem.h"
#include "kijkronde/store.h"
#include "kijkronde/store_exchange.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *const NOTES[] = {
    "Meisje aan tafel 3 zegt: 'Ik snap 3/4 niet.' Ze pakt de breukenstrook erbij.",
    "Leerkracht vraagt: 'Wat weet je al van 16?' Leerling antwoordt: 'Tien en nog zes.'",
    "9 van 24 leerlingen steken hun vinger op; 3 leerlingen kijken naar het bord.",
    "Jongen bij de deur klikt vier keer op 'hint' en typt het getoonde antwoord over.",
    "Op het bord staat het lesdoel: 'Ik kan breuken vergelijken.' Methode blok 6, les 3.",
    "Twee leerlingen overleggen in het Turks over opgave 3 en schrijven het antwoord op.",
    "De juf legt het heel goed uit, fijn om te zien.",
    "Leerling bij het raam wacht van 09:16 tot 09:19 met zijn vinger omhoog.",
    "Om 10:58 hebben 16 van 26 leerlingen opgave 1 t/m 6 ingevuld; \"opgave 4\" is vaak leeg.",
    "Leerkracht loopt naar tafel 4 en wijst op de hulpkaart; leerling pakt het rekenrek.",
};
#define N_NOTES (sizeof NOTES / sizeof NOTES[0])

/* The bijeenkomst as kijkronde/1 JSON: n notes over n/100 visits. Heap. */
static char *make_json(int n)
{
    struct kr_buf b = {0};
    kr_buf_puts(&b, "{\"format\": \"kijkronde/1\", \"session\": {\"id\": \"bench\", "
                    "\"host_school\": \"Basisschool De Wilg\", \"date\": \"2026-03-12\", "
                    "\"kijkvraag\": {\"id\": null, \"text\": \"Wat doen leerlingen als ze "
                    "vastlopen?\"}},\n\"visits\": [");
    int visits = n / 100 > 0 ? n / 100 : 1;
    for (int v = 0; v < visits; v++)
        kr_buf_printf(&b,
                      "%s{\"id\": \"v%05d\", \"label\": \"groep %d%c\", \"subject\": "
                      "\"rekenen\", \"started_at\": \"2026-03-12T09:00:00+01:00\"}",
                      v ? ",\n" : "", v, 3 + v % 6, 'a' + v / 6 % 26);
    kr_buf_puts(&b, "],\n\"observations\": [");
    static const char *const corners[] = {"null", "\"leerling\"", "\"leraar\"", "\"leerinhoud\""};
    for (int i = 0; i < n; i++) {
        kr_buf_printf(&b,
                      "%s{\"id\": \"o%07d\", \"visit\": \"v%05d\", \"at\": "
                      "\"2026-03-12T%02d:%02d:%02d+01:00\", \"corner\": %s, \"text\": \"",
                      i ? ",\n" : "", i, i % visits, 9 + i / 3600 % 8, i / 60 % 60, i % 60,
                      corners[i % 4]);
        for (const char *p = NOTES[(size_t)i % N_NOTES]; *p; p++) {
            if (*p == '"' || *p == '\\')
                kr_buf_putc(&b, '\\');
            kr_buf_putc(&b, *p);
        }
        kr_buf_printf(&b, " (%d)\"}", i);
    }
    kr_buf_puts(&b, "]}\n");
    return kr_buf_steal(&b);
}

/* Fill the database by importing the JSON; returns the seconds the import took. */
static double fill(const char *path, int n)
{
    struct kr_store *st;
    struct kr_error err = {0};
    char *json = make_json(n);
    if (kr_store_open(path, &st, &err) != KR_OK) {
        fprintf(stderr, "%s\n", err.msg);
        exit(1);
    }
    double t = now();
    if (kr_store_import_json(st, json, strlen(json), "bench.json", NULL, &err) != KR_OK) {
        fprintf(stderr, "%s\n", err.msg);
        exit(1);
    }
    t = now() - t;
    kr_store_close(st);
    free(json);
    return t;
}

/* CPU seconds (user + system) of this process or of its waited-for children. */
static double cpu(int who)
{
    struct rusage ru;
    getrusage(who, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
           (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

struct timing {
    double wall, cpu; /* best of the rounds */
};

static void keep_best(struct timing *t, double wall, double cpu_s)
{
    if (t->wall == 0 || wall < t->wall)
        t->wall = wall;
    if (t->cpu == 0 || cpu_s < t->cpu)
        t->cpu = cpu_s;
}

static void run_sqlite(const char *cmd, struct timing *t)
{
    double w = now(), c = cpu(RUSAGE_CHILDREN);
    if (system(cmd) != 0) {
        fprintf(stderr, "sqlite3 failed\n");
        exit(77);
    }
    keep_best(t, now() - w, cpu(RUSAGE_CHILDREN) - c);
}

static void run_export(const char *db, const char *sid, enum kr_export_format f, struct timing *t)
{
    double w = now(), c = cpu(RUSAGE_SELF);
    struct kr_store *st;
    struct kr_error err = {0};
    FILE *out = fopen("/dev/null", "w");
    if (!out || kr_store_open(db, &st, &err) != KR_OK ||
        kr_export_session(st, sid, f, NULL, out, &err) != KR_OK) {
        fprintf(stderr, "export: %s\n", err.msg);
        exit(1);
    }
    kr_store_close(st);
    fclose(out);
    keep_best(t, now() - w, cpu(RUSAGE_SELF) - c);
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 100000;
    const char *dir = argc > 2 ? argv[2] : "/tmp";
    if (system("sqlite3 -version >/dev/null 2>&1") != 0) {
        fputs("sqlite3 missing\n", stderr);
        return 77;
    }
    char *db = kr_xasprintf("%s/kr-export-bench-%d.db", dir, (int)getpid());
    const char *sid = "bench";
    printf("import of %d notes (kijkronde/1 JSON, one transaction): %.2f s\n", n, fill(db, n));
    char *cmd = kr_xasprintf(
        "sqlite3 -csv '%s' \"SELECT o.id, substr(o.at, 1, 10), substr(o.at, 12, 8), v.label,"
        " v.subject, o.corner, o.text FROM observation o JOIN visit v ON v.id = o.visit_id"
        " WHERE v.session_id = '%s' AND o.deleted_at IS NULL ORDER BY o.at, o.created_at, o.id\""
        " >/dev/null",
        db, sid);
    static const struct {
        enum kr_export_format f;
        const char *name;
    } fmts[] = {{KR_EXPORT_CSV, "csv"},
                {KR_EXPORT_HTML, "html"},
                {KR_EXPORT_MD, "md"},
                {KR_EXPORT_JSON, "json"}};
    enum { NFMT = sizeof fmts / sizeof fmts[0] };
    /* Interleaved rounds, so a busy moment of the machine hits every contender alike. */
    struct timing base = {0}, k[NFMT] = {{0}};
    for (int round = 0; round < 5; round++) {
        run_sqlite(cmd, &base);
        for (size_t i = 0; i < NFMT; i++)
            run_export(db, sid, fmts[i].f, &k[i]);
    }
    for (size_t i = 0; i < NFMT; i++) {
        printf("export %-4s %d notes: sqlite3 -csv %.3f s (cpu %.3f s), kijkronde %.3f s (cpu "
               "%.3f s), ratio %.2fx (cpu %.2fx)\n",
               fmts[i].name, n, base.wall, base.cpu, k[i].wall, k[i].cpu, k[i].wall / base.wall,
               k[i].cpu / base.cpu);
        printf("RESULT\texport --format %s, %d notes\tsqlite3 -csv of the same rows\t%.6f\t%.6f\n",
               fmts[i].name, n, base.wall, k[i].wall);
    }
    free(cmd);
    char *w = kr_xasprintf("%s-wal", db), *s = kr_xasprintf("%s-shm", db);
    unlink(db);
    unlink(w);
    unlink(s);
    free(w);
    free(s);
    free(db);
    return 0;
}
