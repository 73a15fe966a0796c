#!/usr/bin/env python3
"""Fit the attribution confidence model (data/attribution/confidence.tsv) on PolNeAR dev.

  ./target/release/claimex eval attribution --shared ../shared --pred-out /tmp/pred.jsonl
  python3 scripts/attribution/calibrate.py /tmp/pred.jsonl ../shared/corpora/polnear-dev \
      [--write data/attribution/confidence.tsv] [--l2 1.0] [--min-count 20]

Method. Each predicted claim carries the names of its features (`features`, as computed by
src/attribution/confidence.rs) and is labelled 1 when it is matched to a gold PolNeAR claim by
the greedy content-overlap matching of eval/attribution_errors.py (`match`: at least half of the
gold content's characters covered, one-to-one), else 0. Gold rows with no content are ignored.
Documents are split as in that script (`split_of`: sha1 of the name even -> "tune", odd ->
"holdout"). On the tune half only, the script fits an L2-regularised logistic regression over
the binary features: minimises  sum_i logloss(y_i, sigmoid(w.x_i)) + l2/2 * sum_{f != bias} w_f^2
by Newton's method (IRLS; exact Hessian, Cholesky solve, step halving on the penalised loss),
until the largest step is below 1e-9. Features seen fewer than --min-count times in tune are
left out (weight 0, and omitted from the TSV, which confidence.rs reads as 0). The bias is not
penalised.

It then reports on the holdout half (never used for fitting): Brier score and mean log loss of
(a) the confidences in the predictions file (the model that produced them), (b) the refit model,
recomputed from the features with the weights rounded as written (4 decimals) and the
probability rounded to 3 decimals as confidence.rs does, (c) the tune base rate as a constant;
a decile table for the refit model (and the old one); and, per confidence threshold, the share
of claims kept and their precision (what `--min-confidence` gives). Stdlib only; deterministic.
"""
import argparse, collections, importlib.util, json, math, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
_spec = importlib.util.spec_from_file_location("attribution_errors", os.path.join(ROOT, "eval", "attribution_errors.py"))
_ae = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_ae)
split_of, chars, match = _ae.split_of, _ae.chars, _ae.match  # chars is used by match

DATE = "2026-12-01"
EPS = 1e-6


def sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def load(pred_path, polnear):
    """Returns [(split, features, old_confidence, label)] in file order within sorted documents."""
    gold = collections.defaultdict(list)
    for l in open(os.path.join(polnear, "gold.jsonl"), encoding="utf-8"):
        g = json.loads(l)
        if g.get("content"):
            gold[g["doc"]].append(g)
    pred = collections.defaultdict(list)
    for l in open(pred_path, encoding="utf-8"):
        p = json.loads(l)
        pred[p["doc"]].append(p)
    rows = []
    for doc in sorted(pred):
        ps = pred[doc]
        matched = set(match(gold.get(doc, []), ps).values())
        sp = split_of(doc)
        for j, p in enumerate(ps):
            rows.append((sp, tuple(p["features"]), float(p["confidence"]), 1 if j in matched else 0))
    return rows


def penalised_loss(w, X, y, l2, reg):
    s = 0.0
    for xi, yi in zip(X, y):
        z = sum(w[k] for k in xi)
        # log(1 + e^z) - y z, stably
        s += (z if z > 0 else 0.0) + math.log1p(math.exp(-abs(z))) - yi * z
    return s + 0.5 * l2 * sum(w[k] * w[k] for k in reg)


def cholesky_solve(A, b):
    n = len(b)
    L = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1):
            s = A[i][j] - sum(L[i][k] * L[j][k] for k in range(j))
            if i == j:
                if s <= 0:
                    raise ValueError("Hessian not positive definite (use a larger --l2)")
                L[i][i] = math.sqrt(s)
            else:
                L[i][j] = s / L[j][j]
    z = [0.0] * n
    for i in range(n):
        z[i] = (b[i] - sum(L[i][k] * z[k] for k in range(i))) / L[i][i]
    x = [0.0] * n
    for i in reversed(range(n)):
        x[i] = (z[i] - sum(L[k][i] * x[k] for k in range(i + 1, n))) / L[i][i]
    return x


def fit(X, y, d, l2, bias_index=0, tol=1e-9, max_iter=100):
    """Newton/IRLS for L2-regularised logistic regression; X is a list of index tuples."""
    w = [0.0] * d
    reg = [k for k in range(d) if k != bias_index]
    loss = penalised_loss(w, X, y, l2, reg)
    for it in range(1, max_iter + 1):
        g = [0.0] * d
        H = [[0.0] * d for _ in range(d)]
        for xi, yi in zip(X, y):
            p = sigmoid(sum(w[k] for k in xi))
            r, h = p - yi, p * (1.0 - p)
            for a in xi:
                g[a] += r
                Ha = H[a]
                for b in xi:
                    Ha[b] += h
        for k in reg:
            g[k] += l2 * w[k]
            H[k][k] += l2
        H[bias_index][bias_index] += 1e-12
        step = cholesky_solve(H, g)
        t = 1.0
        while True:
            nw = [wk - t * sk for wk, sk in zip(w, step)]
            nl = penalised_loss(nw, X, y, l2, reg)
            if nl <= loss + 1e-12 or t < 1e-10:
                break
            t /= 2
        w, loss = nw, nl
        if max(abs(t * s) for s in step) < tol:
            return w, it, loss, max(abs(v) for v in g)
    raise RuntimeError(f"Newton did not converge in {max_iter} iterations")


def brier(ps, ys):
    return sum((p - y) ** 2 for p, y in zip(ps, ys)) / len(ys)


def logloss(ps, ys):
    s = 0.0
    for p, y in zip(ps, ys):
        p = min(max(p, EPS), 1 - EPS)
        s -= math.log(p) if y else math.log(1 - p)
    return s / len(ys)


def deciles(ps, ys):
    bins = [[0, 0.0, 0] for _ in range(10)]
    for p, y in zip(ps, ys):
        b = bins[min(int(p * 10), 9)]
        b[0] += 1; b[1] += p; b[2] += y
    return bins


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pred")
    ap.add_argument("polnear")
    ap.add_argument("--write", metavar="TSV")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--min-count", type=int, default=20)
    ap.add_argument("--date", default=DATE)
    a = ap.parse_args()

    rows = load(a.pred, a.polnear)
    tune = [r for r in rows if r[0] == "tune"]
    hold = [r for r in rows if r[0] == "holdout"]
    counts = collections.Counter(f for r in tune for f in set(r[1]))
    names = ["bias"] + sorted(f for f, c in counts.items() if c >= a.min_count and f != "bias")
    dropped = sorted(f for f, c in counts.items() if c < a.min_count and f != "bias")
    index = {f: i for i, f in enumerate(names)}
    X = [tuple(sorted({index[f] for f in r[1] if f in index} | {0})) for r in tune]
    y = [r[3] for r in tune]
    w, iters, loss, gmax = fit(X, y, len(names), a.l2)
    wr = {f: round(w[i], 4) for f, i in index.items()}

    def refit(feats):
        p = sigmoid(sum(wr.get(f, 0.0) for f in set(feats) | {"bias"}))
        return round(p * 1000) / 1000

    yh = [r[3] for r in hold]
    old = [r[2] for r in hold]
    new = [refit(r[1]) for r in hold]
    base_rate = sum(y) / len(y)
    base = [base_rate] * len(hold)

    print(f"claims: {len(rows)} (tune {len(tune)}, holdout {len(hold)}); "
          f"matched: tune {sum(y)} ({base_rate:.3f}), holdout {sum(yh)} ({sum(yh)/len(yh):.3f})")
    print(f"features kept: {len(names)} (min count {a.min_count} in tune); dropped: "
          + (", ".join(f"{f} ({counts[f]})" for f in dropped) or "none"))
    print(f"fit: l2={a.l2}, Newton converged in {iters} iterations, penalised loss {loss:.4f}, "
          f"max |gradient| before the last step {gmax:.2e}")
    print("\n## holdout: scores (lower is better)\n")
    print(f"| model | Brier | log loss | mean predicted (observed {sum(yh)/len(yh):.3f}) |\n|---|---|---|---|")
    for label, ps in (("old (confidences in the file)", old), ("refit", new), ("base rate (tune, constant)", base)):
        print(f"| {label} | {brier(ps, yh):.4f} | {logloss(ps, yh):.4f} | {sum(ps)/len(ps):.3f} |")

    for label, ps in (("refit", new), ("old", old)):
        print(f"\n## holdout: deciles, {label} model\n")
        print("| confidence | n | mean predicted | observed precision |\n|---|---|---|---|")
        for k, (n, sp, sy) in enumerate(deciles(ps, yh)):
            rng = f"{k/10:.1f}-{(k+1)/10:.1f}"
            print(f"| {rng} | {n} | " + (f"{sp/n:.3f} | {sy/n:.3f} |" if n else "- | - |"))

    print("\n## holdout: --min-confidence thresholds\n")
    print("| threshold | refit kept | refit precision | old kept | old precision |\n|---|---|---|---|---|")
    for th in (0.0, 0.5, 0.7, 0.9):
        cells = []
        for ps in (new, old):
            kept = [yy for p, yy in zip(ps, yh) if p >= th]
            cells.append(f"{len(kept)/len(yh):.3f} ({len(kept)}) | " + (f"{sum(kept)/len(kept):.3f}" if kept else "-"))
        print(f"| >= {th:.1f} | " + " | ".join(cells) + " |")

    print("\n## weights\n")
    for f in names:
        print(f"{f}\t{wr[f]:.4f}\t(n={counts[f]})")

    if a.write:
        hb = brier(new, yh)
        with open(a.write, "w", encoding="utf-8") as out:
            out.write("# claimex attribution confidence: logistic weights per claim feature (src/attribution/confidence.rs).\n")
            out.write(f"# Fitted by scripts/attribution/calibrate.py on the PolNeAR dev tune half, {a.date}:\n")
            out.write(f"# L2 logistic regression (l2={a.l2}), label = matched to a gold claim; {len(tune)} tune claims.\n")
            out.write(f"# Holdout Brier {hb:.4f} (previous weights {brier(old, yh):.4f}, base rate {brier(base, yh):.4f}); see eval/confidence.md.\n")
            out.write(f"# Features seen fewer than {a.min_count} times in tune are omitted (weight 0).\n")
            for f in names:
                out.write(f"{f}\t{wr[f]:.4f}\n")
        print(f"\nwrote {a.write}")


if __name__ == "__main__":
    sys.exit(main())
