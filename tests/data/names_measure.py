#!/usr/bin/env python3
"""Measure the name check (kind "naam") of `kijkronde check --json -` on the labelled name
sets (names found / name-free notes flagged) and count false name alarms on the factual notes
of the checker corpora and the held-out days. Usage: names_measure.py KIJKRONDE [DATADIR]."""
import json, subprocess, sys, os

exe = sys.argv[1]
data = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.abspath(__file__))

def check(texts):
    out = subprocess.run([exe, "check", "--json", "-"], input="\n".join(texts) + "\n",
                         capture_output=True, text=True).stdout.splitlines()
    assert len(out) == len(texts), (len(out), len(texts))
    return [[f for f in json.loads(l)["findings"] if f["kind"] == "naam"] for l in out]

def rows(name):
    with open(os.path.join(data, name), encoding="utf-8") as f:
        return [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("#")]

def names_set(name):
    r = rows(name)
    got = check([x[1] for x in r])
    names = found = neg = flagged = 0
    for x, f in zip(r, got):
        if x[0] == "geen":
            neg += 1
            if f:
                flagged += 1
                print(f"  false: {x[1]}  {[g['match'] for g in f]}")
            continue
        for nm in x[2].split(";"):
            names += 1
            st = x[1].index(nm)
            if any(g["start"] <= len(x[1][:st].encode()) and
                   g["end"] >= len((x[1][:st] + nm).encode()) for g in f):
                found += 1
            else:
                print(f"  missed: {nm} in {x[1]}")
    print(f"{name}: names found {found}/{names} ({100*found/names:.1f}%), "
          f"name-free flagged {flagged}/{neg} ({100*flagged/neg:.1f}%)")

def facts(name, label_col, text_col, want):
    r = [x for x in rows(name) if len(x) > text_col and (want is None or x[label_col] == want)]
    got = check([x[text_col] for x in r])
    hits = [(x[text_col], [g["match"] for g in f]) for x, f in zip(r, got) if f]
    print(f"{name}: notes with a naam finding {len(hits)}/{len(r)}")
    for t, m in hits:
        print(f"  {m}: {t}")

for n in ("names_dev.tsv", "names_test.tsv", "names_fresh.tsv", "names_fresh2.tsv"):
    names_set(n)
facts("check_corpus.tsv", 0, 1, "feit")
facts("heldout_day.tsv", 0, 4, None)
facts("heldout_day2.tsv", 0, 4, None)
facts("check_fresh5.tsv", 0, 1, "feit")
facts("check_fresh6.tsv", 0, 1, "feit")
facts("check_validation.tsv", 0, 1, "feit")
facts("corner_day.tsv", 0, 4, None)
