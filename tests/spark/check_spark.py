"""Runs the Spark recipe (examples/spark/claimex_spark.py) for real on local[2] and checks it
against a direct run of the same binary: document and claim counts and ids, per document.

    python tests/spark/check_spark.py BINARY [SHARED_DIR]

Inputs: corpora/samples.jsonl as it is and without its ids (claimex derives them; two
partitions, so two processes, must not hand out the same one), corpora/bad/malformed.jsonl
(error records; without --allow-errors the job must fail), and corpora/samples/*.txt as a list
of paths. With SHARED_DIR (../shared), also Wikinews without ids: 295 distinct ids.
Prints one line per check and `N passed, 0 failed` at the end; exits 1 on any failure.
"""

import collections
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "examples", "spark"))

import claimex_spark as recipe  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402

PASSED = []


def check(what, ok, detail=""):
    if not ok:
        print(f"FAIL {what}: {detail}", flush=True)
        print(f"{len(PASSED)} passed, 1 failed", flush=True)
        sys.exit(1)
    PASSED.append(what)
    print(f"ok   {what}", flush=True)


DIRECT = ["extract", "--emit", "documents", "-q", "--allow-errors"]


def direct(binary, path, stdin=True, args=DIRECT):
    """The records of a direct run over `path`: fed on stdin, as a pipe feeds each task, or as
    a file argument (then `extract` first learns the lines each site repeats in the file)."""
    if stdin:
        with open(path, "rb") as f:
            out = subprocess.run([binary, *args], stdin=f, capture_output=True, check=True).stdout
    else:
        out = subprocess.run([binary, *args, path], capture_output=True, check=True).stdout
    return [json.loads(l) for l in out.decode("utf-8").splitlines()]


def claims_by_id(records):
    return {r["id"]: len(r.get("claims") or []) for r in records}


def compare(spark, name, binary, path, partitions=2, profile=None):
    """The recipe over `path` against a direct run: same ids, same claims per id, same count,
    same records. With a profile, against a direct run over the file (which learns one)."""
    want = direct(binary, path, stdin=profile is None)
    lines = recipe.extract_lines(spark, binary, [path], partitions, profile=profile).persist()
    check(f"{name}: {partitions} partitions", lines.getNumPartitions() == partitions, lines.getNumPartitions())
    docs = recipe.read_documents(spark, lines)
    records = [json.loads(l) for l in lines.collect()]
    n_in = sum(1 for _ in open(path, encoding="utf-8"))
    check(f"{name}: one record per input line ({n_in})", len(records) == n_in == len(want), (len(records), n_in, len(want)))
    # A line that cannot be read has no content to derive an id from: its error record keeps
    # its place (`<stdin>:LINE`, counted within its task). Keyed records are compared by id.
    keyed = [r for r in want if not r["id"].startswith("<stdin>:")]
    got = {r["id"]: r for r in records if not r["id"].startswith("<stdin>:")}
    check(f"{name}: distinct ids", len(got) == len(keyed), f"{len(got)} distinct of {len(keyed)}")
    check(f"{name}: ids as in a direct run", set(got) == {r["id"] for r in keyed})
    kinds = sorted((r.get("error") or {}).get("kind", "") for r in records)
    check(f"{name}: error records as in a direct run", kinds == sorted((r.get("error") or {}).get("kind", "") for r in want))
    want = keyed
    check(f"{name}: claims per document as in a direct run", claims_by_id(got.values()) == claims_by_id(want))
    # Whole records too, the same whatever the partitioning (an error message names the line
    # within its task: compared without it).
    def norm(r):
        if r and "error" in r:
            r = dict(r, error={"kind": r["error"]["kind"]})
        return json.dumps(r, sort_keys=True)

    same = all(norm(got.get(r["id"])) == norm(r) for r in want)
    check(f"{name}: every record as in a direct run{' over the file' if profile else ''}", same)
    n_claims = sum(claims_by_id(want).values())
    if "claims" in docs.columns:
        claims = recipe.claims_of(docs)
        check(f"{name}: {n_claims} claims in the claims table", claims.count() == n_claims, claims.count())
    return docs, lines


def main():
    binary = os.path.abspath(sys.argv[1])
    shared = sys.argv[2] if len(sys.argv) > 2 else None
    started = time.time()
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("claimex-ci")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("FATAL")
    print(f"spark {spark.version} up in {time.time() - started:.1f} s", flush=True)
    tmp = tempfile.mkdtemp(prefix="claimex-spark-")
    samples = os.path.join(ROOT, "corpora", "samples.jsonl")

    docs, _ = compare(spark, "samples.jsonl", binary, samples)
    # With the profile a direct run over the file learns first, shipped to every task: the
    # records of `claimex extract --emit documents corpora/samples.jsonl`, byte for byte.
    tmp_profile = os.path.join(tmp, "site.json")
    subprocess.run([binary, "profile", "-q", "--min-docs", "3", "--min-share", "0.2", samples, "-o", tmp_profile], check=True)
    compare(spark, "samples.jsonl with a shipped profile", binary, samples, profile=tmp_profile)
    out = os.path.join(tmp, "out")
    docs.write.parquet(os.path.join(out, "documents.parquet"))
    recipe.claims_of(docs).write.parquet(os.path.join(out, "claims.parquet"))
    back = spark.read.parquet(os.path.join(out, "claims.parquet"))
    check("parquet: claims read back", back.count() == recipe.claims_of(docs).count())
    inputs = recipe.with_claimex_id(spark.read.json(samples))
    joined = inputs.join(docs, inputs.claimex_id == docs.id)
    check("join on ids: every input record finds its document", joined.count() == inputs.count() == 8, joined.count())

    # Without ids: derived from the content, distinct across the two processes, the same as a
    # direct run's, and recomputable in Spark SQL (with_claimex_id).
    bare = os.path.join(tmp, "samples-no-id.jsonl")
    with open(samples, encoding="utf-8") as f, open(bare, "w", encoding="utf-8") as g:
        for line in f:
            rec = json.loads(line)
            rec.pop("id")
            g.write(json.dumps(rec) + "\n")
    docs, _ = compare(spark, "samples without ids", binary, bare)
    inputs = recipe.with_claimex_id(spark.read.json(bare))
    joined = inputs.join(docs, inputs.claimex_id == docs.id)
    check("join on derived ids (Spark SQL sha2) finds every document", joined.count() == 8, joined.count())

    # Bad lines: error records, the job goes on (exit 0 with --allow-errors) ...
    bad = os.path.join(ROOT, "corpora", "bad", "malformed.jsonl")
    docs, _ = compare(spark, "malformed.jsonl", binary, bad)
    check("malformed.jsonl: 5 error records", docs.where(docs.error.isNotNull()).count() == 5)
    # ... and without --allow-errors, checkCode=True fails the job, as the issue saw.
    strict = [a for a in recipe.ARGS if a != "--allow-errors"]
    try:
        recipe.extract_lines(spark, binary, [bad], 2, strict).count()
        failed = False
    except Exception as e:  # py4j wraps the task failure
        failed = "PIPE_FUNCTION_EXITED" in str(e) or "exited" in str(e)
    check("malformed.jsonl without --allow-errors: the job fails (exit 1, checkCode)", failed)

    # A list of paths: each task runs claimex on its share.
    txt = sorted(os.path.join(ROOT, "corpora", "samples", f) for f in os.listdir(os.path.join(ROOT, "corpora", "samples")))
    listing = os.path.join(tmp, "paths.txt")
    with open(listing, "w") as f:
        f.write("".join(p + "\n" for p in txt))
    got = [json.loads(l) for l in recipe.extract_paths(spark, binary, listing, 2).collect()]
    want = [r for p in txt for r in direct(binary, p, stdin=False, args=DIRECT + ["--no-repeats"])]
    check("paths: same records as direct runs", sorted(map(json.dumps, got)) == sorted(map(json.dumps, want)), len(got))

    if shared:
        wiki = os.path.join(shared, "corpora", "news-wikinews", "wikinews.jsonl")
        bare = os.path.join(tmp, "wikinews-no-id.jsonl")
        with open(wiki, encoding="utf-8") as f, open(bare, "w", encoding="utf-8") as g:
            for line in f:
                rec = json.loads(line)
                rec.pop("id", None)
                g.write(json.dumps(rec) + "\n")
        _, lines = compare(spark, "wikinews without ids", binary, bare)
        ids = collections.Counter(json.loads(l)["id"] for l in lines.collect())
        check(f"wikinews without ids: {len(ids)} distinct ids over 2 processes", len(ids) == 295, len(ids))

    spark.stop()
    print(f"spark checks took {time.time() - started:.1f} s")
    print(f"{len(PASSED)} passed, 0 failed")


if __name__ == "__main__":
    main()
