/* SPDX-License-Identifier: MIT */
/*
 * Dutch number agreement for user-facing counts: "1 notitie" / "0 notities" / "2 notities",
 * "1 nieuw bezoek" / "2 nieuwe bezoeken", "heeft 1 punt" / "hebben 2 punten". Dutch takes the
 * singular only for exactly one; zero and every other count take the plural.
 */
#ifndef KR_PLURAL_H
#define KR_PLURAL_H

/*
 * Returns one when n == 1, else more. Both are borrowed and returned as given, so the
 * result lives as long as the argument (normally a string literal). Use it for the noun and
 * for every word that agrees with it: kr_plural(n, "nieuw bezoek", "nieuwe bezoeken"),
 * kr_plural(n, "heeft", "hebben").
 */
const char *kr_plural(long long n, const char *one, const char *more);

#endif
