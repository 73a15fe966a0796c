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


def compare(name, binary, path, blocksize):
    out = subprocess.run(
        [binary, "extract", "--emit", "documents", "-q", "--allow-errors", path], capture_output=True, check=True
    ).stdout
    want = [json.loads(l) for l in out.decode("utf-8").splitlines()]
    docs = recipe.extract(binary, [path], blocksize)
    check(f"dask {name}: several partitions", docs.npartitions >= 2, docs.npartitions)
    with dask.config.set(scheduler="processes", num_workers=2):
        got = docs.compute()
        n_claims = recipe.claims_of(docs).count().compute()
    check(f"dask {name}: one record per input line", len(got) == len(want), (len(got), len(want)))
    check(f"dask {name}: distinct ids", len({d["id"] for d in got}) == len(want))
    by_id = {d["id"]: d for d in got}
    same = all(json.dumps(by_id.get(r["id"]), sort_keys=True) == json.dumps(r, sort_keys=True) for r in want)
    check(f"dask {name}: every record as in a direct run (joined on id)", same)
    check(f"dask {name}: claims", n_claims == sum(len(r.get("claims") or []) for r in want), n_claims)


def main():
    binary = os.path.abspath(sys.argv[1])
    shared = sys.argv[2] if len(sys.argv) > 2 else None
    started = time.time()
    tmp = tempfile.mkdtemp(prefix="claimex-dask-")
    bare = os.path.join(tmp, "samples-no-id.jsonl")
    without_ids(os.path.join(ROOT, "corpora", "samples.jsonl"), bare)
    compare("samples without ids", binary, bare, 16_000)
    compare("malformed.jsonl", binary, os.path.join(ROOT, "corpora", "bad", "malformed.jsonl"), 1_000)
    if shared:
        bare = os.path.join(tmp, "wikinews-no-id.jsonl")
        without_ids(os.path.join(shared, "corpora", "news-wikinews", "wikinews.jsonl"), bare)
        compare("wikinews without ids", binary, bare, 400_000)
    print(f"dask checks took {time.time() - started:.1f} s")
    print(f"{len(PASSED)} passed, 0 failed")


if __name__ == "__main__":
    main()
