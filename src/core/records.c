/* SPDX-License-Identifier: MIT */
/*
 * The records of kijkronde/records.h: the words of the debrief (phases, actors, horizons,
 * follow-up) and releasing what the store filled. Nothing here touches a database.
 */
#include "kijkronde/records.h"

#include <stdlib.h>
#include <string.h>

/* ---- words ---- */

static const char *const actor_words[KR_ACTOR_COUNT] = {"schoolleiding", "leraren", "team",
                                                        "netwerk"};
static const char *const actor_titles[KR_ACTOR_COUNT] = {"Schoolleiding", "Leraren", "Team",
                                                         "Netwerk"};
static const char *const horizon_words[KR_HORIZON_COUNT] = {"week", "maand", "schooljaar"};
static const char *const horizon_titles[KR_HORIZON_COUNT] = {"volgende week", "deze maand",
                                                             "dit schooljaar"};
static const char *const follow_words[4] = {"", "gedaan", "bezig", "niet-gedaan"};
static const char *const follow_titles[4] = {"", "gedaan", "bezig", "niet gedaan"};

const char *kr_actor_str(enum kr_actor a)
{
    return (unsigned)a < KR_ACTOR_COUNT ? actor_words[a] : "";
}
const char *kr_actor_title(enum kr_actor a)
{
    return (unsigned)a < KR_ACTOR_COUNT ? actor_titles[a] : "";
}
const char *kr_horizon_str(enum kr_horizon h)
{
    return (unsigned)h < KR_HORIZON_COUNT ? horizon_words[h] : "";
}
const char *kr_horizon_title(enum kr_horizon h)
{
    return (unsigned)h < KR_HORIZON_COUNT ? horizon_titles[h] : "";
}
const char *kr_follow_status_str(enum kr_follow_status f)
{
    return (unsigned)f < 4 ? follow_words[f] : "";
}
const char *kr_follow_status_title(enum kr_follow_status f)
{
    return (unsigned)f < 4 ? follow_titles[f] : "";
}

static bool parse_word(const char *s, const char *const *words, int first, int n, int *out)
{
    for (int i = first; s && i < n; i++)
        if (strcmp(s, words[i]) == 0) {
            *out = i;
            return true;
        }
    return false;
}

bool kr_actor_parse(const char *s, enum kr_actor *out)
{
    int i;
    if (!parse_word(s, actor_words, 0, KR_ACTOR_COUNT, &i))
        return false;
    *out = (enum kr_actor)i;
    return true;
}
bool kr_horizon_parse(const char *s, enum kr_horizon *out)
{
    int i;
    if (!parse_word(s, horizon_words, 0, KR_HORIZON_COUNT, &i))
        return false;
    *out = (enum kr_horizon)i;
    return true;
}
bool kr_follow_status_parse(const char *s, enum kr_follow_status *out)
{
    int i;
    if (!parse_word(s, follow_words, 1, 4, &i))
        return false;
    *out = (enum kr_follow_status)i;
    return true;
}

static void free_ids(char **ids, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
}

void kr_toa_version_fini(struct kr_toa_version *v)
{
    free(v->id);
    free(v->group);
    free(v->schoolleiding);
    free(v->leraren);
    free(v->leerlingen);
    free(v->bewijs);
    free_ids(v->evidence, v->n_evidence);
    free(v->created_at);
    free(v->updated_at);
    memset(v, 0, sizeof *v);
}

void kr_toa_list_fini(struct kr_toa_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        kr_toa_version_fini(&l->items[i]);
    free(l->items);
    memset(l, 0, sizeof *l);
}

void kr_next_step_fini(struct kr_next_step *s)
{
    free(s->id);
    free(s->text);
    free_ids(s->evidence, s->n_evidence);
    free(s->follow_up_session);
    free(s->follow_up_text);
    free(s->follow_up_at);
    free(s->created_at);
    free(s->updated_at);
    memset(s, 0, sizeof *s);
}

void kr_next_step_list_fini(struct kr_next_step_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        kr_next_step_fini(&l->items[i]);
    free(l->items);
    memset(l, 0, sizeof *l);
}

void kr_theory_of_action_fini(struct kr_theory_of_action *t)
{
    free(t->schoolleiding);
    free(t->leraren);
    free(t->leerlingen);
    free(t->bewijs);
    memset(t, 0, sizeof *t);
}

void kr_draft_list_fini(struct kr_draft_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].instance);
        free(l->items[i].text);
        free(l->items[i].updated_at);
        free(l->items[i].host);
    }
    free(l->items);
    memset(l, 0, sizeof *l);
}

void kr_network_info_fini(struct kr_network_info *n)
{
    free(n->id);
    free(n->name);
    free(n->created_at);
    free(n->updated_at);
    free(n->first_date);
    free(n->last_date);
    memset(n, 0, sizeof *n);
}

void kr_network_info_list_fini(struct kr_network_info_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        kr_network_info_fini(&l->items[i]);
    free(l->items);
    memset(l, 0, sizeof *l);
}

void kr_network_session_fini(struct kr_network_session *s)
{
    free(s->id);
    free(s->date);
    free(s->kind);
    free(s->host_school);
    free(s->kijkvraag);
    memset(s, 0, sizeof *s);
}

void kr_network_session_list_fini(struct kr_network_session_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        kr_network_session_fini(&l->items[i]);
    free(l->items);
    memset(l, 0, sizeof *l);
}

void kr_open_step_fini(struct kr_open_step *s)
{
    kr_next_step_fini(&s->step);
    free(s->session_id);
    free(s->session_date);
    free(s->host_school);
    memset(s, 0, sizeof *s);
}

void kr_open_step_list_fini(struct kr_open_step_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        kr_open_step_fini(&l->items[i]);
    free(l->items);
    memset(l, 0, sizeof *l);
}

void kr_group_pattern_list_fini(struct kr_group_pattern_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].id);
        free(l->items[i].label);
        free(l->items[i].extent);
    }
    free(l->items);
    memset(l, 0, sizeof *l);
}

void kr_group_note_list_fini(struct kr_group_note_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].observation_id);
        free(l->items[i].pattern_id);
    }
    free(l->items);
    memset(l, 0, sizeof *l);
}

static const char *const phase_names[KR_PHASE_COUNT] = {"beschrijven", "analyseren", "voorspellen",
                                                        "volgende-stap"};
static const char *const phase_titles[KR_PHASE_COUNT] = {"Beschrijven", "Analyseren", "Voorspellen",
                                                         "Volgende stap"};
static const char *const phase_questions[KR_PHASE_COUNT] = {
    "Wat hebben we gezien en gehoord? Alleen feiten, zonder oordeel.",
    "Welke patronen zien we? Waar zijn overeenkomsten en verschillen tussen de klassen?",
    "Als je leerling was in deze klassen en deed wat er gevraagd werd, wat zou je dan leren?",
    "Wat is de volgende stap voor de school, de leraren en de schoolleiding?",
};

const char *kr_phase_str(enum kr_phase p)
{
    return (unsigned)p < KR_PHASE_COUNT ? phase_names[p] : "";
}

const char *kr_phase_title(enum kr_phase p)
{
    return (unsigned)p < KR_PHASE_COUNT ? phase_titles[p] : "";
}

const char *kr_phase_question(enum kr_phase p)
{
    return (unsigned)p < KR_PHASE_COUNT ? phase_questions[p] : "";
}
