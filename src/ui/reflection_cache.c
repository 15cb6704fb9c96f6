/* SPDX-License-Identifier: MIT */
/*
 * The reflection of the open bijeenkomst, computed once and shared by the screens of the
 * debrief (reflectie, nabespreking, volgende stappen): going from one to the other and back
 * does not recompute the patterns. Whoever changes notes or decisions drops it; the next
 * ui_reflection() computes it afresh.
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/mem.h"
#include "kijkronde/reflection.h"
#include "ui_internal.h"

const struct kr_reflection *ui_reflection(struct ui *ui)
{
    if (ui->rf && ui->rf_session && ui->session.id && strcmp(ui->rf_session, ui->session.id) == 0)
        return ui->rf;
    ui_reflection_drop(ui);
    ui->rf = kr_xcalloc(1, sizeof *ui->rf);
    if (!ui->session.id)
        return ui->rf;
    ui->rf_session = kr_xstrdup(ui->session.id);
    ui_check(ui, "", 0, NULL, NULL, NULL); /* makes the checker on first use, telling why not */
    struct kr_error err = {0};
    if (kr_app_reflection_load(ui->app, ui->session.id, ui->rf, &err) != KR_OK) {
        ui_store_error(ui, "Kan de patronen niet berekenen", &err);
        bool many = ui->rf->too_many;
        long n = ui->rf->session.n_observations;
        kr_reflection_fini(ui->rf); /* an empty reflection: the screens show no patterns */
        ui->rf->too_many = many;    /* ... and say why (reflect_draw.c) */
        ui->rf->session.n_observations = many ? n : 0;
        free(ui->rf_session);
        ui->rf_session = NULL; /* and the next call tries again */
    }
    ui->rf_loads++;
    return ui->rf;
}

void ui_reflection_drop(struct ui *ui)
{
    if (ui->rf) {
        kr_reflection_fini(ui->rf);
        free(ui->rf);
        ui->rf = NULL;
    }
    free(ui->rf_session);
    ui->rf_session = NULL;
}
