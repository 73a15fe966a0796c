#!/usr/bin/env python3
"""Error analysis for entity predictions against GUM's news mentions (ud-news-dev).

  claimex eval entities --entities-out /tmp/ents.jsonl
  python3 eval/entity_errors.py /tmp/ents.jsonl ../shared/corpora/ud-news-dev \
      [--split tune|held|all] [--only missed|false|type|bounds]

The halves are the ones `claimex eval entities` reports: documents in name order, alternately
("tune" = 1st, 3rd, ...; "held" = 2nd, 4th, ...). Look at errors on the tune half only; the
held half is for figures. Matching is the lenient one of `src/eval/gum.rs` (overlap >= 0.5 of
the span or core, or inside the span and covering its head), one-to-one, best overlap first.
Prints, per document: missed gold mentions (with any prediction overlapping them), predictions
matching no gold mention, matched pairs whose class differs, and matched pairs whose span is
neither the gold span nor its core.
"""
import argparse, collections, json, sys

CLASS = {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "PERSON": "PERSON", "ORG": "ORG",
         "EVENT": "EVENT"}
DROP = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}


def overlap(g, p):
    best = 0.0
    for s, e in ((g["start"], g["end"]), (g["core_start"], g["core_end"])):
        n = max(e - s, p["end"] - p["start"])
        if n:
            best = max(best, max(0, min(e, p["end"]) - max(s, p["start"])) / n)
    return best


def lenient(g, p, ov):
    inside = g["start"] <= p["start"] and p["end"] <= g["end"]
    head = p["start"] <= g["head_start"] and g["head_end"] <= p["end"]
    return ov >= 0.5 or (inside and head)


def match(gold, pred):
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if p["end"] <= g["start"] or p["start"] >= g["end"]:
                continue
            ov = overlap(g, p)
            if lenient(g, p, ov):
                cands.append((-ov, gi, pi))
    cands.sort()
    used_g, used_p, out = set(), set(), {}
    for _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out[gi] = pi
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pred")
    ap.add_argument("dev")
    ap.add_argument("--split", default="tune", choices=["tune", "held", "all"])
    ap.add_argument("--only", choices=["missed", "false", "type", "bounds"])
    a = ap.parse_args()
    gold = collections.defaultdict(list)
    with open(f"{a.dev}/entities.jsonl", encoding="utf-8") as f:
        for line in f:
            g = json.loads(line)
            if g.get("type") != "time":
                gold[g["doc"]].append(g)
    pred = {}
    with open(a.pred, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            pred[r["id"]] = [e for e in r["entities"] if e["label"] not in DROP]
    docs = sorted(gold)
    if a.split == "tune":
        docs = docs[0::2]
    elif a.split == "held":
        docs = docs[1::2]
    counts = collections.Counter()
    for d in docs:
        gs, ps = gold[d], pred.get(d, [])
        m = match(gs, ps)
        matched_p = set(m.values())
        rows = []
        for gi, g in enumerate(gs):
            gl = CLASS.get(g.get("label") or "", g.get("label"))
            if gi not in m:
                near = [f'{p["text"]!r}/{p["label"]}' for p in ps
                        if p["start"] < g["end"] and p["end"] > g["start"]]
                rows.append(("missed", g["start"], f'{g["text"]!r} core {g["core"]!r} {gl}'
                             + (f'  near: {", ".join(near)}' if near else "")))
                continue
            p = ps[m[gi]]
            pl = CLASS.get(p["label"], p["label"])
            if pl != gl:
                rows.append(("type", g["start"], f'{g["text"]!r} gold {gl} pred {p["label"]}'))
            if (p["start"], p["end"]) not in ((g["start"], g["end"]),
                                              (g["core_start"], g["core_end"])):
                rows.append(("bounds", g["start"], f'gold {g["text"]!r} pred {p["text"]!r}'))
        for pi, p in enumerate(ps):
            if pi not in matched_p:
                rows.append(("false", p["start"], f'{p["text"]!r} {p["label"]}'))
        rows.sort(key=lambda r: r[1])
        for kind, at, msg in rows:
            counts[kind] += 1
            if a.only in (None, kind):
                print(f"{d}\t{at}\t{kind}\t{msg}")
    print(dict(counts), file=sys.stderr)


if __name__ == "__main__":
    main()
