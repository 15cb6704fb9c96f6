/* SPDX-License-Identifier: MIT */
/*
 * SQLite result codes as Dutch sentences. sqlite3_errmsg() and sqlite3_errstr() are English
 * ("database or disk is full", "no such table: x"); the user reads this instead, with the
 * numeric code in the message for whoever has to look it up.
 */
#include <sqlite3.h>

#include "store_internal.h"

const char *kr_store_rc_nl(int rc)
{
    switch (rc & 0xFF) {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE:
        return "geen fout";
    case SQLITE_ERROR:
        return "de databasevraag klopt niet bij deze database";
    case SQLITE_INTERNAL:
        return "interne fout in SQLite";
    case SQLITE_PERM:
        return "geen toestemming om de database te openen";
    case SQLITE_ABORT:
        return "de bewerking is afgebroken";
    case SQLITE_BUSY:
        return "de database is bezet door een ander programma";
    case SQLITE_LOCKED:
        return "een tabel in de database is vergrendeld";
    case SQLITE_NOMEM:
        return "te weinig geheugen";
    case SQLITE_READONLY:
        return "de database kan alleen gelezen worden";
    case SQLITE_INTERRUPT:
        return "de bewerking is onderbroken";
    case SQLITE_IOERR:
        return "lees- of schrijffout op de schijf";
    case SQLITE_CORRUPT:
        return "de database is beschadigd";
    case SQLITE_NOTFOUND:
        return "onbekende bewerking";
    case SQLITE_FULL:
        return "de schijf is vol";
    case SQLITE_CANTOPEN:
        return "het bestand kan niet geopend worden";
    case SQLITE_PROTOCOL:
        return "de vergrendeling van de database lukt niet";
    case SQLITE_SCHEMA:
        return "de opbouw van de database is intussen veranderd";
    case SQLITE_TOOBIG:
        return "de tekst of het gegeven is te groot";
    case SQLITE_CONSTRAINT:
        return "de gegevens passen niet bij de database";
    case SQLITE_MISMATCH:
        return "een gegeven heeft het verkeerde type";
    case SQLITE_MISUSE:
        return "interne fout: de database wordt verkeerd gebruikt";
    case SQLITE_NOLFS:
        return "het bestand is te groot voor dit systeem";
    case SQLITE_AUTH:
        return "geen toestemming voor deze bewerking";
    case SQLITE_RANGE:
        return "interne fout: parameter buiten bereik";
    case SQLITE_NOTADB:
        return "het bestand is geen database";
    default:
        return "onbekende databasefout";
    }
}
