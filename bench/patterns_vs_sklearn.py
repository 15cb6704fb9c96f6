#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Patterns against scikit-learn, measured in the same run.

1. Quality, per labelled visit day, imported as kijkronde/1 JSON with every corner null
   (`kijkronde import`, then `kijkronde patterns latest --json`, the default threshold,
   nothing tuned per run) against scikit-learn's TfidfVectorizer +
   AgglomerativeClustering at its BEST distance threshold (a grid swept for average linkage
   on cosine and for ward), by the adjusted Rand index against the human themes; and the
   corner accuracy.
2. Speed and memory, on generated sessions of 1,000 to 100,000 notes (variations of the
   first day): kijkronde's time and peak memory, and scikit-learn's at the best threshold
   of step 1 where it fits in memory (its average linkage needs n^2 distances).

    bench/patterns_vs_sklearn.py [BUILD_DIR] [--sizes 1000,10000] [DAY.tsv ...]
"""
import json
import os
import resource
import tempfile
import subprocess
import sys
import time

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score

SKLEARN_MAX = 10000  # above this the n^2 distance matrix of sklearn takes too much memory


def ours(build, path, scale=None):
    exe = os.path.join(build, "bench", "patterns_eval")
    cmd = ["/usr/bin/time", "-f", "maxrss %M", exe, path] + (["--scale", str(scale)] if scale else [])
    p = subprocess.run(cmd, check=True, capture_output=True, text=True)
    rows, seconds = [], None
    for line in p.stdout.splitlines():
        if line.startswith("#"):
            seconds = float(line.split()[-1])
            continue
        pat, corner, gold_corner, theme, text = line.split("\t", 4)
        rows.append((int(pat), corner, gold_corner, theme, text))
    rss = int(p.stderr.split("maxrss")[-1].split()[0])
    return rows, seconds, rss


def load_day(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                rows.append(line.split("\t", 4))  # visit, time, corner, theme, text
    return rows


def to_kijkronde_json(rows, name):
    """A kijkronde/1 document of the day with every corner null (the labels stay out)."""
    visits = sorted({r[0] for r in rows})
    return {
        "format": "kijkronde/1",
        "session": {"id": f"meting-{name}", "network": None, "host_school": "Meetschool",
                    "date": "2026-03-12", "basisvaardigheid": None, "ontwikkelvraag": None,
                    "kijkvraag": {"id": None, "text": "Gelabelde meetdag"}},
        "visits": [{"id": v, "label": v, "subject": None, "pair": None, "started_at": None,
                    "ended_at": None} for v in visits],
        "observations": [{"id": f"o{i:04d}", "visit": r[0], "at": f"2026-03-12T{r[1]}:00+01:00",
                          "text": r[4], "corner": None, "observer": None}
                         for i, r in enumerate(rows)],
    }


def via_import(build, day):
    """Import the day with corners null and read `patterns --json`: the acceptance path."""
    rows = load_day(day)
    exe = os.path.join(build, "kijkronde")
    with tempfile.TemporaryDirectory() as tmp:
        doc = os.path.join(tmp, "dag.json")
        with open(doc, "w", encoding="utf-8") as f:
            json.dump(to_kijkronde_json(rows, os.path.basename(day)), f, ensure_ascii=False)
        db = os.path.join(tmp, "k.db")
        subprocess.run([exe, "--db", db, "import", doc], check=True, capture_output=True)
        t0 = time.perf_counter()
        out = subprocess.run([exe, "--db", db, "patterns", "latest", "--json"], check=True,
                             capture_output=True, text=True).stdout
        secs = time.perf_counter() - t0
    d = json.loads(out)
    corner = {a["observation"]: a["corner"] for a in d["assignments"]}
    assert all(a["source"] == "auto" for a in d["assignments"])
    pattern = {}
    for c in d["corners"].values():
        for p in c["patterns"]:
            for o in p["observations"]:
                pattern[o] = p["id"]
    ids = [f"o{i:04d}" for i in range(len(rows))]
    return rows, [corner[i] for i in ids], [pattern[i] for i in ids], secs


def sklearn_run(texts, linkage, metric, t):
    """Labels and CPU seconds (the machine is shared; CPU time is the fairer measure)."""
    t0 = time.process_time()
    x = TfidfVectorizer().fit_transform(texts).toarray()
    lab = AgglomerativeClustering(n_clusters=None, distance_threshold=t, metric=metric,
                                  linkage=linkage).fit_predict(x)
    return lab, time.process_time() - t0


def sklearn_best(texts, gold):
    best = (-1.0, None)
    for linkage, metric in (("average", "cosine"), ("ward", "euclidean")):
        for t in np.arange(0.05, 2.0, 0.025):
            lab, _ = sklearn_run(texts, linkage, metric, float(t))
            ari = adjusted_rand_score(gold, lab)
            if ari > best[0]:
                best = (ari, (linkage, metric, float(t)), len(set(lab)))
    return best


def quality(build, day):
    rows, corners, patterns, secs = via_import(build, day)
    gold = [r[3] for r in rows]
    texts = [r[4] for r in rows]
    acc = sum(1 for r, c in zip(rows, corners) if r[2] == c) / len(rows)
    ari = adjusted_rand_score(gold, patterns)
    s_ari, how, s_k = sklearn_best(texts, gold)
    _, s_secs = sklearn_run(texts, *how)
    print(f"{os.path.basename(day)}: {len(rows)} notities, {len(set(gold))} thema's, "
          f"geïmporteerd met elke hoek null")
    print(f"  hoek goed geplaatst:    {acc:.3f}")
    print(f"  kijkronde ARI:          {ari:.3f}  ({len(set(patterns))} patronen; "
          f"'patterns --json' {secs * 1000:.0f} ms incl. start en database)")
    print(f"  scikit-learn beste ARI: {s_ari:.3f}  ({how[0]}, drempel {how[2]:.3f}, {s_k} clusters, "
          f"{s_secs * 1000:.0f} ms)")
    print(f"  verschil ARI:           {ari - s_ari:+.3f}")
    return how


def speed(build, day, how, sizes):
    print(f"\nschaal (variaties van {os.path.basename(day)}; sklearn: {how[0]}, drempel {how[2]:.3f})")
    results = []
    print(f"{'notities':>9} {'kijkronde CPU s':>15} {'MB':>6} {'ARI':>6} {'sklearn CPU s':>13} {'MB':>6} {'ARI':>6} {'sneller':>8}")
    for n in sizes:
        rows, secs, rss = ours(build, day, n)
        gold = [r[3] for r in rows]
        ari = adjusted_rand_score(gold, [r[0] for r in rows])
        line = f"{n:>9} {secs:>15.3f} {rss / 1024:>6.0f} {ari:>6.3f}"
        if n <= SKLEARN_MAX:
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            lab, s_secs = sklearn_run([r[4] for r in rows], *how)
            s_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            s_ari = adjusted_rand_score(gold, lab)
            line += f" {s_secs:>13.3f} {max(s_rss, before) / 1024:>6.0f} {s_ari:>6.3f} {s_secs / secs:>7.1f}x"
            results.append(f"RESULT\tpatterns, {n} notes (CPU)\tscikit-learn TF-IDF + agglomerative"
                           f"\t{s_secs:.6f}\t{secs:.6f}")
        else:
            line += f" {'-':>13} {'-':>6} {'-':>6} {'-':>8}"
        print(line, flush=True)
    for r in results:  # for bench/run's table
        print(r)


def main():
    args = sys.argv[1:]
    build = "build"
    if args and not args[0].startswith("-") and not args[0].endswith(".tsv"):
        build = args.pop(0)
    sizes = [1000, 2000, 5000, 10000, 30000, 100000]
    if "--sizes" in args:
        i = args.index("--sizes")
        sizes = [int(x) for x in args[i + 1].split(",") if x]
        del args[i:i + 2]
    here = os.path.dirname(os.path.abspath(__file__))
    # heldout_day3 and heldout_day4 come from a writer who never saw the code: measure only,
    # never tune on them (docs/performance.md, ari15c)
    days = args or [os.path.join(here, "..", "tests", "data", f) for f in
                    ("corner_day.tsv", "heldout_day.tsv", "heldout_day2.tsv", "heldout_day3.tsv",
                     "heldout_day4.tsv")]
    hows = [quality(build, d) for d in days]
    if sizes:
        speed(build, days[0], hows[0], sizes)


if __name__ == "__main__":
    main()
