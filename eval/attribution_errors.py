#!/usr/bin/env python3
"""Error analysis for attribution predictions against PolNeAR dev.

  claimex eval attribution --pred-out /tmp/pred.jsonl
  python3 eval/attribution_errors.py /tmp/pred.jsonl ../shared/corpora/polnear-dev \
      [--split tune|holdout|all] [--missed N] [--wrong N] [--cue WORD] [--pattern P] [--seed S]

The split is deterministic: a document is in "tune" when sha1(doc) is even, else "holdout".
Look at errors on the tune half only; report figures on both (scripts never read holdout
errors). Prints a summary per split, then missed gold attributions (with the predictions of
the same sentence) and unmatched predictions, sampled.
"""
import argparse, collections, hashlib, json, random, sys


def split_of(doc):
    return "tune" if int(hashlib.sha1(doc.encode()).hexdigest(), 16) % 2 == 0 else "holdout"


def chars(span):
    if not span:
        return frozenset()
    frs = span.get("fragments") or [[span["start"], span["end"]]]
    if frs and isinstance(frs[0], dict):
        frs = [[f["start"], f["end"]] for f in frs]
    out = set()
    for s, e in frs:
        out.update(range(s, e))
    return frozenset(out)


def match(gold, pred):
    """Greedy one-to-one matching as shared/peers/attribution/score.py does."""
    cands = []
    gc = [chars(g["content"]) for g in gold]
    pc = [chars(p["content"]) for p in pred]
    for i, gs in enumerate(gc):
        for j, ps in enumerate(pc):
            ov = len(gs & ps)
            if gs and ov and ov / len(gs) >= 0.5:
                cands.append((ov / len(gs), i, j))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    ug, up, pairs = set(), set(), {}
    for _, i, j in cands:
        if i in ug or j in up:
            continue
        ug.add(i); up.add(j); pairs[i] = j
    return pairs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pred")
    ap.add_argument("polnear")
    ap.add_argument("--split", default="tune")
    ap.add_argument("--missed", type=int, default=0)
    ap.add_argument("--wrong", type=int, default=0)
    ap.add_argument("--cue")
    ap.add_argument("--pattern")
    ap.add_argument("--kind")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    gold = collections.defaultdict(list)
    for l in open(f"{a.polnear}/gold.jsonl"):
        g = json.loads(l)
        if g.get("content"):
            gold[g["doc"]].append(g)
    pred = collections.defaultdict(list)
    for l in open(a.pred):
        p = json.loads(l)
        pred[p["doc"]].append(p)
    stats = {s: collections.Counter() for s in ("tune", "holdout")}
    missed, wrong = [], []
    for doc in sorted(gold):
        sp = split_of(doc)
        g, p = gold[doc], pred.get(doc, [])
        pairs = match(g, p)
        st = stats[sp]
        st["gold"] += len(g); st["pred"] += len(p); st["tp"] += len(pairs)
        for i, gg in enumerate(g):
            st["gold_" + gg["kind"]] += 1
            if i in pairs:
                st["tp_" + gg["kind"]] += 1
                pj = p[pairs[i]]
                if gg.get("source"):
                    st["src_n"] += 1
                    if pj.get("source") and pj["source"]["text"].strip().casefold() == gg["source"]["text"].strip().casefold():
                        st["src_exact"] += 1
            elif a.split in (sp, "all"):
                missed.append((doc, gg, p))
        matched_p = set(pairs.values())
        for j, pp in enumerate(p):
            if j not in matched_p and a.split in (sp, "all"):
                wrong.append((doc, pp, g))
    for sp, st in stats.items():
        P = st["tp"] / max(st["pred"], 1); R = st["tp"] / max(st["gold"], 1)
        F = 2 * P * R / max(P + R, 1e-9)
        rk = " ".join(f"{k}={st['tp_'+k]/max(st['gold_'+k],1):.3f}" for k in ("direct", "indirect", "mixed"))
        print(f"{sp:8s} P={P:.3f} R={R:.3f} F1={F:.3f}  {rk}  src_exact={st['src_exact']/max(st['src_n'],1):.3f}  (gold {st['gold']}, pred {st['pred']})")
    texts = {}

    def text(doc):
        if doc not in texts:
            texts[doc] = open(f"{a.polnear}/texts/{doc}.txt", encoding="utf-8").read()
        return texts[doc]

    def sentence_of(t, s, e):
        a0 = max(t.rfind("\n", 0, s), t.rfind(". ", 0, s) + 1, 0)
        b0 = t.find("\n", e)
        return t[a0:b0 if b0 >= 0 else len(t)].strip()

    rnd = random.Random(a.seed)
    if a.missed:
        sel = [m for m in missed if (not a.cue or (m[1].get("cue") or {}).get("text", "").lower() == a.cue) and (not a.kind or m[1]["kind"] == a.kind)]
        print(f"\n== missed ({len(sel)})")
        for doc, g, p in rnd.sample(sel, min(a.missed, len(sel))):
            t = text(doc)
            c = g["content"]
            print(f"-- [{g['kind']}] S={(g.get('source') or {}).get('text')!r} C={(g.get('cue') or {}).get('text')!r}")
            print(f"   content: {c['text'][:200]!r}")
            print(f"   sentence: {sentence_of(t, c['start'], c['end'])[:400]!r}")
            near = [x for x in p if abs(x["content"]["start"] - c["start"]) < 400]
            for x in near[:3]:
                print(f"   pred[{x['pattern']}] S={(x.get('source') or {}).get('text')!r} C={(x.get('cue') or {}).get('text')!r} -> {x['content']['text'][:120]!r}")
    if a.wrong:
        sel = [w for w in wrong if not a.pattern or w[1]["pattern"] == a.pattern]
        print(f"\n== unmatched predictions ({len(sel)})")
        for doc, x, g in rnd.sample(sel, min(a.wrong, len(sel))):
            t = text(doc)
            c = x["content"]
            print(f"-- pred[{x['pattern']}] S={(x.get('source') or {}).get('text')!r} C={(x.get('cue') or {}).get('text')!r}")
            print(f"   content: {c['text'][:200]!r}")
            print(f"   sentence: {sentence_of(t, c['start'], c['end'])[:400]!r}")
            near = [y for y in g if abs(y["content"]["start"] - c["start"]) < 300]
            for y in near[:2]:
                print(f"   gold[{y['kind']}] S={(y.get('source') or {}).get('text')!r} C={(y.get('cue') or {}).get('text')!r} -> {y['content']['text'][:120]!r}")


if __name__ == "__main__":
    sys.exit(main())
