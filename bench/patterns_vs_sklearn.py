#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Patterns against scikit-learn on a labelled visit day, in the same run.

kijkronde's patterns (every corner hidden, default threshold, no tuning per run) against
scikit-learn's TfidfVectorizer + AgglomerativeClustering at its BEST distance threshold
(swept over a grid, for average linkage on cosine and for ward), scored by the adjusted
Rand index against the human themes. Also corner accuracy and the time of one run each.

    bench/patterns_vs_sklearn.py BUILD_DIR [DAY.tsv ...]
"""
import os
import subprocess
import sys
import time

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            visit, _time, corner, theme, text = line.split("\t", 4)
            rows.append((visit, corner, theme, text))
    return rows


def ours(build, path):
    exe = os.path.join(build, "bench", "patterns_eval")
    out = subprocess.run([exe, path], check=True, capture_output=True, text=True).stdout
    labels, corners, seconds = [], [], None
    for line in out.splitlines():
        if line.startswith("#"):
            seconds = float(line.split()[-1])
            continue
        p, c, _gc, _gt = line.split("\t")
        labels.append(int(p))
        corners.append(c)
    return labels, corners, seconds


def sklearn_best(texts, gold):
    best = (-1.0, None, None, None)
    for linkage, metric in (("average", "cosine"), ("ward", "euclidean")):
        for t in np.arange(0.05, 2.0, 0.025):
            t0 = time.perf_counter()
            x = TfidfVectorizer().fit_transform(texts).toarray()
            model = AgglomerativeClustering(n_clusters=None, distance_threshold=float(t),
                                            metric=metric, linkage=linkage)
            lab = model.fit_predict(x)
            dt = time.perf_counter() - t0
            ari = adjusted_rand_score(gold, lab)
            if ari > best[0]:
                best = (ari, f"{linkage}, drempel {t:.3f}", len(set(lab)), dt)
    return best


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    here = os.path.dirname(os.path.abspath(__file__))
    days = sys.argv[2:] or [os.path.join(here, "..", "tests", "data", "corner_day.tsv")]
    for day in days:
        rows = load(day)
        gold = [r[2] for r in rows]
        texts = [r[3] for r in rows]
        labels, corners, secs = ours(build, day)
        acc = sum(1 for r, c in zip(rows, corners) if r[1] == c) / len(rows)
        ari = adjusted_rand_score(gold, labels)
        s_ari, s_how, s_k, s_secs = sklearn_best(texts, gold)
        print(f"{os.path.basename(day)}: {len(rows)} notities, {len(set(gold))} thema's")
        print(f"  hoek goed geplaatst:      {acc:.3f}")
        print(f"  kijkronde ARI:            {ari:.3f}  ({len(set(labels))} patronen, {secs*1000:.1f} ms)")
        print(f"  scikit-learn beste ARI:   {s_ari:.3f}  ({s_how}, {s_k} clusters, {s_secs*1000:.1f} ms)")
        print(f"  verschil ARI:             {ari - s_ari:+.3f}; tijd sklearn/kijkronde: {s_secs / secs:.1f}x")


if __name__ == "__main__":
    main()
