"""Run claimex over a dump with a Dask bag: one claimex process per partition of lines.

    python examples/dask/claimex_dask.py --claimex target/release/claimex --out out/ dump.jsonl

Writes out/documents-*.jsonl (one record per input document, as `claimex extract --emit
documents` writes it) and out/claims-*.jsonl (one line per claim, with the document `id`).
Join on `id`, never on order. See docs/cluster.md.

The binary must be at the same path on every worker (a shared file system, or installed in the
workers' image); with dask.distributed, `client.upload_file` is for Python code, not binaries.
"""

import argparse
import json
import subprocess
import threading

import dask
import dask.bag as db

# As for Spark: JSONL whatever a partition's first line is, one thread per process (Dask runs
# one partition per worker core), and bad input lines as error records with exit 0; a non-zero
# exit (2: I/O or usage) fails the partition.
ARGS = ["extract", "--emit", "documents", "--stdin-format", "jsonl", "--threads", "1", "--allow-errors", "-q"]


def run_claimex(lines, binary, args=ARGS):
    """One partition of input lines (each ending in "\\n", as read_text gives them) through one
    claimex process; its output lines, one per input line."""
    proc = subprocess.Popen([binary, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def feed():
        try:
            for line in lines:
                proc.stdin.write(line.rstrip("\n").encode("utf-8") + b"\n")
        finally:
            proc.stdin.close()

    t = threading.Thread(target=feed)
    t.start()
    out = [l.decode("utf-8").rstrip("\n") for l in proc.stdout]
    t.join()
    if proc.wait() != 0:
        raise RuntimeError(f"claimex exited {proc.returncode}")
    return out


def extract(binary, paths, blocksize="64MiB", args=ARGS):
    """A bag of document records (dicts), one per input line."""
    lines = db.read_text(paths, blocksize=blocksize)
    return lines.map_partitions(run_claimex, binary, args).map(json.loads)


def claims_of(documents):
    """A bag of claims, each with the `id` of its document and its index `claim`."""
    return documents.map(
        lambda d: [dict(c, id=d["id"], claim=i) for i, c in enumerate(d.get("claims") or [])]
    ).flatten()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--claimex", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--blocksize", default="64MiB", help="input bytes per partition")
    ap.add_argument("inputs", nargs="+")
    a = ap.parse_args()
    docs = extract(a.claimex, a.inputs, a.blocksize)
    with dask.config.set(scheduler="processes"):
        docs.map(json.dumps).to_textfiles(f"{a.out}/documents-*.jsonl")
        claims_of(docs).map(json.dumps).to_textfiles(f"{a.out}/claims-*.jsonl")


if __name__ == "__main__":
    main()
