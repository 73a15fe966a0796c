#!/usr/bin/env python3
"""Validate claimex gazetteers and print counts.

    python3 scripts/gazetteers/check.py            # stdlib only
    /tmp/gaz/bin/python scripts/gazetteers/check.py --words
        # also: ISO codes checked against pycountry, and a review list of plain
        # (not `amb`) one-word surface forms that are common English words

Exit status 0 when every check passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gazlib import GAZ_DIR, LABELS, read_tsv, validate_rows  # noqa: E402

# Surface forms that must never appear without the `amb` flag (brief: common words,
# first names, month names).
MUST_BE_AMB = {
    "The", "the", "Of", "of", "March", "May", "Union", "Federal", "David", "Will", "Reading",
    "Nice", "Mobile", "Split", "Bath", "Hope", "Victoria", "Aurora", "Independence",
    "Florence", "Chad", "Jordan", "Georgia", "Turkey", "Phoenix", "Moore", "Mark", "Bill",
    "Grant", "Rose", "Chase", "Joy", "Else", "June", "April", "August", "Amazon", "Apple",
    "Shell", "Fed", "Labour", "Conservative", "Conservatives", "Liberal", "Liberals",
}

# (surface form, expected label) pairs taken from the seed articles.
SEED = [
    ("Myanmar", "GPE"), ("Burma", "GPE"), ("China", "GPE"), ("Beijing", "GPE"),
    ("Kachin State", "GPE"), ("Kachin", None), ("Bhamo", "GPE"), ("Lashio", "GPE"),
    ("U.S.", "GPE"), ("U.K.", "GPE"), ("Japan", "GPE"), ("Laos", "GPE"), ("Malaysia", "GPE"),
    ("Singapore", "GPE"), ("Kachin Independence Army", "ORG"), ("KIA", "ORG"),
    ("Stimson Centre", "ORG"), ("International Institute for Strategic Studies", "ORG"),
    ("Australian Strategic Policy Institute", "ORG"), ("Benchmark Mineral Intelligence", "ORG"),
    ("Reuters", "ORG"), ("Chinese", "NORP"),
]

PLACE_LABELS = {"GPE", "LOC"}


def check_first_names(path: Path, errors: list[str]) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    comments = [ln for ln in lines if ln.startswith("#")]
    names = [ln for ln in lines if not ln.startswith("#")]
    if len(comments) < 2 or not any("source:" in c and "licence:" in c for c in comments):
        errors.append(f"{path.name}: provenance comment lines missing")
    if any(not ln.startswith("#") for ln in lines[: len(comments)]):
        errors.append(f"{path.name}: comments must come first")
    bad = [n for n in names if not re.fullmatch(r"[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?", n)]
    if bad:
        errors.append(f"{path.name}: not Title Case: {bad[:10]}")
    dup = [n for n, c in Counter(names).items() if c > 1]
    if dup:
        errors.append(f"{path.name}: duplicates: {dup[:10]}")
    if names != sorted(names):
        errors.append(f"{path.name}: not sorted")
    if not 3000 <= len(names) <= 5000:
        errors.append(f"{path.name}: {len(names)} names, want 3000-5000")
    stop = {"Will", "May", "Mark", "Bill", "Grant", "Rose", "Chase", "Hope", "Joy", "Else"}
    if stop & set(names):
        errors.append(f"{path.name}: holds common words {sorted(stop & set(names))}")
    return len(names)


def iso_checker():
    try:
        import pycountry
    except ImportError:
        return None
    c1 = {c.alpha_2 for c in pycountry.countries} | {"XK"}
    c2 = {s.code for s in pycountry.subdivisions}
    c3 = {c.alpha_4 for c in pycountry.historic_countries}

    def ok(i: str) -> bool:
        if i.startswith("ISO3166:"):
            return i[8:] in c1
        if i.startswith("ISO3166-2:"):
            return i[10:] in c2
        if i.startswith("ISO3166-3:"):
            return i[10:] in c3
        return True
    return ok


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", action="store_true", help="list plain one-word surfaces that are common English words")
    ap.add_argument("--dir", type=Path, default=GAZ_DIR)
    args = ap.parse_args()

    errors: list[str] = []
    warnings: list[str] = []
    files = sorted(args.dir.glob("*.tsv"))
    if not files:
        print(f"no .tsv files in {args.dir}")
        return 1
    iso_ok = iso_checker()
    all_rows = {}
    stats = []
    for path in files:
        comments, rows, errs = read_tsv(path)
        errs += validate_rows(path.name, rows)
        if len(comments) < 2 or not comments[0].startswith("# claimex gazetteer:"):
            errs.append(f"{path.name}: first comment line must be '# claimex gazetteer: ...'")
        if not any(c.startswith("# source:") and "licence:" in c for c in comments):
            errs.append(f"{path.name}: no '# source: ...; licence: ...' line")
        for r in rows:
            if r.label not in LABELS:
                continue
            if iso_ok and r.id and not iso_ok(r.id):
                errs.append(f"{path.name}:{r.line}: {r.id} is not a known ISO 3166 code")
            if "amb" in r.flags and "ci" in r.flags:
                warnings.append(f"{path.name}:{r.line}: both ci and amb")
        keys = [(r.name, r.label, r.id) for r in rows]
        if keys != sorted(keys, key=lambda k: (k[0].casefold(), k[0], k[1], k[2])):
            warnings.append(f"{path.name}: rows not sorted by name")
        errors += errs
        all_rows[path.name] = rows
        labels = Counter(r.label for r in rows)
        stats.append((path.name, len(rows), sum(len(r.surfaces()) for r in rows),
                      sum(1 for r in rows if "amb" in r.flags), dict(labels)))

    # cross-file checks
    by_surface: dict[str, list[tuple[str, str, str, bool]]] = defaultdict(list)
    for fname, rows in all_rows.items():
        for r in rows:
            for s in r.surfaces():
                by_surface[s].append((fname, r.label, r.id, "amb" in r.flags))
    label_clash = 0
    id_clash = 0
    for s, owners in sorted(by_surface.items()):
        labels = {o[1] for o in owners}
        if len(labels) > 1:
            label_clash += 1
            if not all(o[3] for o in owners):
                plain = [f"{o[0]}:{o[1]}" for o in owners if not o[3]]
                errors.append(f"surface {s!r} has labels {sorted(labels)} and is not amb in {plain}")
        elif len({o[2] for o in owners}) > 1 and len(owners) > 1:
            id_clash += 1
    for s in sorted(MUST_BE_AMB):
        for fname, label, id_, is_amb in by_surface.get(s, []):
            if not is_amb:
                errors.append(f"{fname}: {s!r} ({label}) must carry the amb flag")
    for s in by_surface:
        if s.startswith(("the ", "The ")) and s.split()[1:2] and s.split()[1][:1].islower():
            warnings.append(f"surface form starts with a determiner: {s!r}")

    # seed-article names
    seed_missing = []
    for s, label in SEED:
        owners = by_surface.get(s, [])
        if not owners or (label and label not in {o[1] for o in owners}):
            seed_missing.append(f"{s} ({label or 'any'})")
    if seed_missing:
        errors.append("seed names not resolved: " + ", ".join(seed_missing))

    fn_path = args.dir / "first_names.txt"
    n_first = check_first_names(fn_path, errors) if fn_path.exists() else 0
    if not fn_path.exists():
        errors.append("first_names.txt missing")

    # totals
    place_forms = {s for s, owners in by_surface.items() if any(o[1] in PLACE_LABELS for o in owners)}
    org_rows = [(f, r) for f, rows in all_rows.items() for r in rows if r.label == "ORG"]
    org_distinct = {(r.canonical or r.name, r.id) for _, r in org_rows}
    total_rows = sum(st[1] for st in stats)
    total_forms = sum(st[2] for st in stats)

    w = max(len(st[0]) for st in stats)
    print(f"{'file':<{w}}  {'rows':>6}  {'forms':>6}  {'amb':>5}  labels")
    for name, nrows, nforms, namb, labels in stats:
        lab = ", ".join(f"{k} {v}" for k, v in sorted(labels.items()))
        print(f"{name:<{w}}  {nrows:>6}  {nforms:>6}  {namb:>5}  {lab}")
    print(f"{'first_names.txt':<{w}}  {n_first:>6}")
    print()
    print(f"total rows {total_rows}, total surface forms {total_forms}")
    print(f"place surface forms (GPE+LOC, distinct, incl. aliases): {len(place_forms)}")
    print(f"ORG rows: {len(org_rows)}; distinct organisations (canonical, id): {len(org_distinct)}")
    label_counts = Counter(r.label for rows in all_rows.values() for r in rows)
    print("rows per label: " + ", ".join(f"{k} {v}" for k, v in sorted(label_counts.items())))
    print(f"surface forms shared across labels (all amb): {label_clash}; same label, different ids: {id_clash}")
    if len(place_forms) < 20000:
        errors.append(f"only {len(place_forms)} place surface forms (want >= 20000)")
    if len(org_distinct) < 1000:
        errors.append(f"only {len(org_distinct)} distinct organisations (want >= 1000)")
    norp_rows = len(all_rows.get("norp.tsv", []))
    if norp_rows < 300:
        errors.append(f"norp.tsv has {norp_rows} rows (want >= 300)")

    if args.words:
        try:
            from english_words import get_english_words_set
            from wordfreq import zipf_frequency
        except ImportError:
            print("--words needs english-words and wordfreq (see requirements.txt)")
        else:
            low = {x for x in get_english_words_set(["web2"]) if x.islower()}
            review = []
            for s, owners in by_surface.items():
                if re.fullmatch(r"[A-Z][a-z]+", s) and s.lower() in low and not all(o[3] for o in owners):
                    z = zipf_frequency(s.lower(), "en")
                    if z >= 4.0:
                        review.append((z, s, owners[0][0]))
            review.sort(reverse=True)
            print(f"\nreview: {len(review)} plain one-word surfaces that are also common English words (zipf >= 4):")
            print("  " + "; ".join(f"{s} ({f})" for _, s, f in review))

    for wmsg in warnings[:30]:
        print("warning:", wmsg)
    if len(warnings) > 30:
        print(f"warning: ... {len(warnings) - 30} more")
    if errors:
        print(f"\nFAILED: {len(errors)} error(s)")
        for e in errors[:200]:
            print("  " + e)
        return 1
    print("\nOK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
