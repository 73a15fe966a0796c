#!/usr/bin/env python3
"""Writes gazetteers/shapes/given_names.tsv: common US first names that are also everyday
words or place names ("Mark", "Dean", "Grant", "Paris"), which gazetteers/first_names.txt leaves
out. The name rules use them only before a surname-like word ("Mark Rathbun"), never alone.

  python3 -m venv /tmp/gv && /tmp/gv/bin/pip install names==0.3.0
  /tmp/gv/bin/python scripts/gazetteers/given_names.py

Source: names==0.3.0 (US Census 1990 dist.male.first / dist.female.first; data public domain,
package MIT). Standard library otherwise.
"""
import os
import pathlib

import names

TOP_N = 5000  # by rank in either list; first_names.txt takes its 4,000 from about the same range
ROOT = pathlib.Path(__file__).resolve().parents[2]


def ranked(path):
    out = []
    with open(path, encoding="ascii") as fh:
        for line in fh:
            f = line.split()
            if f:
                out.append(f[0].capitalize())
    return out


def main():
    d = os.path.dirname(names.__file__)
    rank = {}
    for f in ("dist.male.first", "dist.female.first"):
        for i, n in enumerate(ranked(os.path.join(d, f))):
            rank[n] = min(rank.get(n, i), i)
    top = sorted((r, n) for n, r in rank.items())[:TOP_N]
    kept = {l.strip() for l in open(ROOT / "gazetteers/first_names.txt", encoding="utf-8")
            if l.strip() and not l.startswith("#")}
    rows = sorted(n for _, n in top if n not in kept and len(n) >= 3)
    out = ROOT / "gazetteers/shapes/given_names.tsv"
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# claimex: common US first names left out of gazetteers/first_names.txt because they are\n")
        fh.write("# also everyday words or places (Mark, Dean, Grant, Paris); a name rule takes them as a given\n")
        fh.write("# name only before a surname-like word. Role `given_name` (see name_words.tsv).\n")
        fh.write("# source: names==0.3.0 (US Census 1990 dist.male.first, dist.female.first, top "
                 f"{TOP_N} by rank); licence: public domain (US government data), package MIT;\n")
        fh.write("# built by scripts/gazetteers/given_names.py\n")
        fh.write("word\trole\tlabel\n")
        for n in rows:
            fh.write(f"{n}\tgiven_name\tPERSON\n")
    print(f"{out}: {len(rows)} names")


if __name__ == "__main__":
    main()
