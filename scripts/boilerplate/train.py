#!/usr/bin/env python3
"""Rebuild the boilerplate line model (data/boilerplate/model.tsv).

The features and the trainer are claimex's own (src/boilerplate/features.rs, model.rs), so
the model the binary ships is exactly what this script fits. The script chooses the training
options by the held-out figure: every point of a small grid is scored leave-one-site-out on
../shared/corpora/boilerplate-dev (`claimex eval boilerplate --cv --train-opts ...`, the
line model retrained 62 times, each time without one site), the best one (mean of held-out
body-line F1 and character F1) is trained on all pages and written, and the weights are
printed, largest first, so the model can be read.

boilerplate-dev is MIT licensed (the Zyte article-extraction-benchmark); nothing of it is
copied into the repository: claimex reads it in place and the model file holds only weights.

    cargo build --release
    python3 scripts/boilerplate/train.py                 # grid, then write the model
    python3 scripts/boilerplate/train.py --quick         # three points only
    python3 scripts/boilerplate/train.py --no-write      # report only

Then rebuild (the model is embedded with include_str!) and check
`claimex eval boilerplate --cv` and `claimex eval all --floors eval/floors.json`.
"""

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GRID = {"l2": [0.3, 1, 3, 10], "char_weight": [0, 0.5], "threshold": [0.45, 0.5, 0.55]}
DEFAULT = {"l2": 1, "char_weight": 0.5, "threshold": 0.5}
MARGIN = 0.002
QUICK = [
    {"l2": 1, "char_weight": 0.5, "threshold": 0.5},
    {"l2": 3, "char_weight": 0.5, "threshold": 0.5},
    {"l2": 1, "char_weight": 0, "threshold": 0.5},
]


def opts_str(o):
    return ",".join(f"{k}={v}" for k, v in o.items())


def claimex(binary, args):
    res = subprocess.run([binary] + args, capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"claimex {' '.join(args)} failed:\n{res.stderr}{res.stdout}")
    return res.stdout


def cv(binary, shared, o):
    with tempfile.TemporaryDirectory() as d:
        fig = os.path.join(d, "fig.json")
        claimex(binary, ["eval", "boilerplate", "--cv", "--shared", shared,
                         "--train-opts", opts_str(o), "--json", fig])
        with open(fig) as f:
            b = json.load(f)["boilerplate"]
    return b["cv_line_f1"], b["cv_char_f1"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/claimex"))
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--out", default=os.path.join(ROOT, "data/boilerplate/model.tsv"))
    ap.add_argument("--quick", action="store_true", help="score three grid points only")
    ap.add_argument("--no-write", action="store_true", help="do not write the model")
    a = ap.parse_args()
    points = QUICK if a.quick else [dict(zip(GRID, v)) for v in itertools.product(*GRID.values())]
    results = []
    for o in points:
        lf, cf = cv(a.bin, a.shared, o)
        results.append(((lf + cf) / 2, lf, cf, o))
        print(f"{opts_str(o):40s} held-out line F1 {lf:.4f} char F1 {cf:.4f}", flush=True)
    results.sort(key=lambda r: (-r[0], opts_str(r[3])))
    best = results[0]
    # The grid is flat (within ~0.001): another point replaces the defaults only when it beats
    # them by more than MARGIN, so noise does not move the shipped model.
    default = next((r for r in results if r[3] == DEFAULT), None)
    if default is not None and best[0] - default[0] <= MARGIN:
        best = default
    print(f"best: {opts_str(best[3])} (line F1 {best[1]:.4f}, char F1 {best[2]:.4f})")
    if a.no_write:
        return
    claimex(a.bin, ["eval", "boilerplate", "--shared", a.shared, "--train-out", a.out,
                    "--train-opts", opts_str(best[3])])
    rows = []
    with open(a.out) as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) == 4 and p[0] != "feature":
                rows.append((abs(float(p[3])), p[0], float(p[3])))
    print(f"wrote {a.out}; weights (on standardised features), largest first:")
    for _, name, w in sorted(rows, reverse=True):
        print(f"  {name:20s} {w:+.3f}")


if __name__ == "__main__":
    main()
