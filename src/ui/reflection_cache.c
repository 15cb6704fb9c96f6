/* SPDX-License-Identifier: MIT */
/*
 * The reflection of the open bijeenkomst, computed once and shared by the screens of the
 * debrief (reflectie, nabespreking, volgende stappen): going from one to the other and back
 * does not recompute the patterns. Whoever changes notes or decisions drops it; the next
 * ui_reflection() computes it afresh.
 */
#include <stdlib.h>
#include <string.h>

#include "kijkronde/check.h"
#include "kijkronde/mem.h"
#include "kijkronde/names.h"
#include "kijkronde/reflection.h"
#include "ui_internal.h"

struct judge_ctx {
    struct kr_checker *checker;
    struct kr_finding_list findings;
};

/* A note judges when the checker finds judging words (a name alone is no judgement). */
static bool judging(const char *text, void *ctx)
{
    struct judge_ctx *j = ctx;
    return j->checker && kr_check(j->checker, text, strlen(text), &j->findings) > 0 &&
           kr_findings_judge(&j->findings);
}

const struct kr_reflection *ui_reflection(struct ui *ui)
{
    if (ui->rf && ui->rf_session && ui->session.id && strcmp(ui->rf_session, ui->session.id) == 0)
        return ui->rf;
    ui_reflection_drop(ui);
    ui->rf = kr_xcalloc(1, sizeof *ui->rf);
    if (!ui->session.id)
        return ui->rf;
    ui->rf_session = kr_xstrdup(ui->session.id);
    ui_check(ui, "", 0, NULL, NULL, NULL); /* makes ui->checker on first use */
    struct judge_ctx j = {ui->checker, {0}};
    struct kr_error err = {0};
    if (kr_reflection_load(ui->st, ui->session.id, judging, &j, ui->rf, &err) != KR_OK) {
        ui_store_error(ui, "Kan de patronen niet berekenen", &err);
        kr_reflection_fini(ui->rf); /* an empty reflection: the screens show no patterns */
        free(ui->rf_session);
        ui->rf_session = NULL; /* and the next call tries again */
    }
    kr_finding_list_fini(&j.findings);
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
