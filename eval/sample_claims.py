#!/usr/bin/env python3
"""Draw a reproducible random sample of predicted claims for checking precision by hand.

Usage:
  claimex eval attribution --shared ../shared --pred-out /tmp/pred.jsonl
  python3 eval/sample_claims.py /tmp/pred.jsonl ../shared/corpora/polnear-dev SEED N [KIND]

Prints each sampled claim with its pattern, kind, source, cue, content, whether it matches a
gold claim under the eval's rule (shares at least half of the gold content's characters), and
its context, for a reader to judge. KIND (direct, indirect, mixed) samples only claims claimex
labels so. The verdicts of one such reading are in
eval/hand_precision.md.
"""
import collections
import json
import random
import sys


def chars(span):
    out = set()
    for a, b in span.get("fragments") or [[span["start"], span["end"]]]:
        out.update(range(a, b))
    return out


def main():
    pred_path, corpus, seed, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    kind = sys.argv[5] if len(sys.argv) > 5 else None
    gold = collections.defaultdict(list)
    with open(f"{corpus}/gold.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["content"]:
                gold[r["doc"]].append(chars(r["content"]))
    with open(pred_path, encoding="utf-8") as f:
        preds = [json.loads(line) for line in f]
    if kind:
        preds = [p for p in preds if p.get("kind") == kind]
    random.seed(seed)
    for i, p in enumerate(random.sample(preds, n)):
        with open(f"{corpus}/texts/{p['doc']}.txt", encoding="utf-8") as f:
            text = f.read()
        pc = chars(p["content"])
        matched = any(len(g & pc) >= len(g) / 2 for g in gold[p["doc"]])
        a = max(0, min(p["content"]["start"], p["source"]["start"]) - 100)
        b = min(len(text), max(p["content"]["end"], p["source"]["end"]) + 40)
        cue = (p.get("cue") or {}).get("text")
        print(f"#{i} {p['doc']} content {p['content']['start']}-{p['content']['end']} "
              f"gold={'Y' if matched else 'N'} [{p.get('pattern')}/{p.get('kind')}] "
              f"S={p['source']['text']!r} C={cue!r}")
        print("   CONTENT:", p["content"]["text"][:220])
        print("   CTX:", text[a:b].replace("\n", " / ")[:700])


if __name__ == "__main__":
    main()
