#!/usr/bin/env python3
"""Validates every line of claimex output files against docs/schema.json (issue 14: the schema
stays true on real corpora, not only on the samples).

    python3 tests/schema/validate.py docs/schema.json OUT.jsonl [MORE.jsonl ...]

Needs the `jsonschema` package (tests/spark/requirements.txt; .ci/run uses the CI venv).
Prints one line per file (records checked, by record kind) and the first errors; exits 1 when
any record does not validate.
"""
import collections
import json
import sys

import jsonschema


def kind_of(v):
    if "error" in v:
        return "error"
    if "claims_found" in v or "summary" in v:
        return "summary"
    if "claim" in v or ("content" in v and "cue" in v):
        return "claim"
    return "document"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)
    bad = 0
    for path in sys.argv[2:]:
        kinds = collections.Counter()
        shown = 0
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                v = json.loads(line)
                kinds[kind_of(v)] += 1
                err = jsonschema.exceptions.best_match(validator.iter_errors(v))
                if err is not None:
                    bad += 1
                    if shown < 5:
                        shown += 1
                        where = "/".join(str(p) for p in err.absolute_path)
                        print(f"{path}:{n}: {err.message[:300]} (at /{where})")
        total = sum(kinds.values())
        print(f"schema: {path}: {total} records ({dict(sorted(kinds.items()))})")
    if bad:
        print(f"schema: {bad} records do not match {sys.argv[1]}")
        sys.exit(1)


if __name__ == "__main__":
    main()
