"""Runs the Dask recipe (examples/dask/claimex_dask.py) for real, two worker processes and
several partitions, and checks it against a direct run of the same binary.

    python tests/spark/check_dask.py BINARY [SHARED_DIR]

Prints one line per check and `N passed, 0 failed`; exits 1 on any failure.
"""

import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "examples", "dask"))

import claimex_dask as recipe  # noqa: E402
import dask  # noqa: E402

PASSED = []


def check(what, ok, detail=""):
    if not ok:
        print(f"FAIL {what}: {detail}", flush=True)
        print(f"{len(PASSED)} passed, 1 failed", flush=True)
        sys.exit(1)
    PASSED.append(what)
    print(f"ok   {what}", flush=True)


def without_ids(src, dst):
    with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as g:
        for line in f:
            rec = json.loads(line)
            rec.pop("id", None)
            g.write(json.dumps(rec) + "\n")


def compare(name, binary, path, parts=4):
    """The recipe against a direct run fed on stdin, as each partition's process is."""
    with open(path, "rb") as f:
        out = subprocess.run(
            [binary, "extract", "--emit", "documents", "-q", "--allow-errors"], stdin=f, capture_output=True, check=True
        ).stdout
    want = [json.loads(l) for l in out.decode("utf-8").splitlines()]
    # Dask makes about size / blocksize - 1 blocks of a small file: ask for a few.
    docs = recipe.extract(binary, [path], max(1, os.path.getsize(path) // parts))
    check(f"dask {name}: several partitions", docs.npartitions >= 2, docs.npartitions)
    with dask.config.set(scheduler="processes", num_workers=2):
        got = docs.compute()
        n_claims = recipe.claims_of(docs).count().compute()
    check(f"dask {name}: one record per input line", len(got) == len(want), (len(got), len(want)))
    # Lines that cannot be read keep their place as id (`<stdin>:LINE` within the partition).
    keyed = [r for r in want if not r["id"].startswith("<stdin>:")]
    by_id = {d["id"]: d for d in got if not d["id"].startswith("<stdin>:")}
    check(f"dask {name}: distinct ids", len(by_id) == len(keyed), (len(by_id), len(keyed)))

    def norm(r):
        if r and "error" in r:
            r = dict(r, error={"kind": r["error"]["kind"]})
        return json.dumps(r, sort_keys=True)

    same = all(norm(by_id.get(r["id"])) == norm(r) for r in keyed)
    check(f"dask {name}: every record as in a direct run (joined on id)", same)
    kinds = sorted((r.get("error") or {}).get("kind", "") for r in got)
    check(f"dask {name}: error records", kinds == sorted((r.get("error") or {}).get("kind", "") for r in want))
    check(f"dask {name}: claims", n_claims == sum(len(r.get("claims") or []) for r in want), n_claims)


def main():
    binary = os.path.abspath(sys.argv[1])
    shared = sys.argv[2] if len(sys.argv) > 2 else None
    started = time.time()
    tmp = tempfile.mkdtemp(prefix="claimex-dask-")
    bare = os.path.join(tmp, "samples-no-id.jsonl")
    without_ids(os.path.join(ROOT, "corpora", "samples.jsonl"), bare)
    compare("samples without ids", binary, bare)
    compare("malformed.jsonl", binary, os.path.join(ROOT, "corpora", "bad", "malformed.jsonl"))
    if shared:
        bare = os.path.join(tmp, "wikinews-no-id.jsonl")
        without_ids(os.path.join(shared, "corpora", "news-wikinews", "wikinews.jsonl"), bare)
        compare("wikinews without ids", binary, bare)
    print(f"dask checks took {time.time() - started:.1f} s")
    print(f"{len(PASSED)} passed, 0 failed")


if __name__ == "__main__":
    main()
