"""Run claimex over a dump with PySpark: one claimex process per partition, its JSONL read back
as DataFrames and written as Parquet.

    spark-submit examples/spark/claimex_spark.py \
        --claimex target/release/claimex --out out/ dump.jsonl [more.jsonl ...]
    spark-submit examples/spark/claimex_spark.py \
        --claimex target/release/claimex --out out/ --paths paths.txt   # a list of files to read

Writes out/documents.parquet (one row per input document: its claims, entities, sentences, or
its `error`) and out/claims.parquet (one row per claim, with the document `id`). Everything
joins on `id`, never on row order. See docs/cluster.md.

The pieces to copy into a job of your own are `claimex_command`, `extract_lines`,
`extract_paths`, `claims_of` and `with_claimex_id`.
"""

import argparse
import os
import shlex
import subprocess

from pyspark import SparkFiles
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

# --stdin-format jsonl: a partition is JSONL even when its first line is a broken one (claimex
# would otherwise tell the layout from the first byte and read the partition as one text).
# --threads 1: Spark already runs one task per core; the default (all cores per process) would
# run cores x cores threads. --allow-errors: a malformed input line becomes an error record and
# the process still exits 0, so checkCode=True fails the task only for what is worth failing it
# (a crash, an I/O error, a usage error: exit 2).
ARGS = ["extract", "--emit", "documents", "--stdin-format", "jsonl", "--threads", "1", "--line-buffered", "--allow-errors"]


def ship(spark: SparkSession, path: str) -> str:
    """Ships a file to every executor (SparkContext.addFile, like `--files`) and returns its
    path there.

    On a cluster the shipped file lands in each executor's working directory, where the
    Python worker runs `rdd.pipe`'s command (`./claimex`). In local mode driver and executor are
    one process and the file is in the driver's SparkFiles folder instead.
    """
    sc = spark.sparkContext
    sc.addFile(os.path.abspath(path))
    name = os.path.basename(path)
    return SparkFiles.get(name) if sc.master.startswith("local") else "./" + name


def claimex_command(spark: SparkSession, binary: str, args=ARGS, profile=None) -> str:
    """The command line that runs the shipped `binary` on an executor. `profile`: a file written
    by `claimex profile` (shipped too), so that every task marks the lines each site repeats
    across the whole dump, which one task cannot learn from its own partition. A profile learnt
    with `claimex profile --min-docs 3 --min-share 0.2 DUMP` (what `extract DUMP` learns in its
    first pass) gives the records of a direct `claimex extract DUMP`."""
    args = list(args)
    if profile:
        args += ["--profile", ship(spark, profile)]
    return shlex.join([ship(spark, binary), *args])


def extract_lines(spark: SparkSession, binary: str, inputs, partitions=None, args=ARGS, profile=None):
    """claimex over JSONL files: an RDD of its output lines, one per input line."""
    sc = spark.sparkContext
    lines = sc.textFile(",".join(inputs), minPartitions=partitions or sc.defaultParallelism)
    # `env`: the command's whole environment (rdd.pipe passes nothing else). checkCode=True:
    # a non-zero exit fails the task (Scala's RDD.pipe always checks).
    command = claimex_command(spark, binary, args, profile)
    return lines.pipe(command, env={"LC_ALL": "C.UTF-8"}, checkCode=True)


def extract_paths(spark: SparkSession, binary: str, path_list: str, partitions=None, args=ARGS, profile=None):
    """claimex over a list of files (one path a line, readable from every executor: a shared
    file system): each task runs claimex on its share of the paths. The paths are arguments,
    so any input claimex reads by name works (text, JSONL; WARC once claimex reads it)."""
    sc = spark.sparkContext
    # Given files, `extract` first learns the lines each site repeats across them: here that
    # would depend on how the paths fall into partitions. A shipped profile, or none.
    args = list(args) + ([] if profile else ["--no-repeats"])
    command = shlex.split(claimex_command(spark, binary, args, profile))

    def run(paths):
        paths = [p for p in paths if p.strip()]
        # Bounded argument lists: a partition of a million paths runs claimex several times.
        for i in range(0, len(paths), 1000):
            proc = subprocess.Popen(command + paths[i:i + 1000], stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
            for line in proc.stdout:
                yield line.decode("utf-8").rstrip("\n")
            if proc.wait() != 0:
                raise RuntimeError(f"claimex exited {proc.returncode} on {paths[i]} ...")

    paths = sc.textFile(path_list, minPartitions=partitions or sc.defaultParallelism)
    return paths.mapPartitions(run)


def read_documents(spark: SparkSession, out_lines) -> DataFrame:
    """The document records as a DataFrame (schema inferred; pass one for very large runs)."""
    return spark.read.json(out_lines)


def claims_of(documents: DataFrame) -> DataFrame:
    """One row per claim, keyed by the document `id` and the claim's index in its document."""
    return documents.select("id", F.posexplode("claims").alias("claim", "c")).select("id", "claim", "c.*")


def with_claimex_id(inputs: DataFrame, id_field="id", url_field="url", text_field="text") -> DataFrame:
    """Adds `claimex_id` to the input records: the id claimex gives each one (its own id as a
    string, else `sha256:` + 20 hex digits of the SHA-256 of `<url length>:<url><text>`), so the
    output joins back to the input on ids."""
    cols = inputs.columns
    url = F.coalesce(F.col(url_field), F.lit("")) if url_field in cols else F.lit("")
    derived = F.concat(
        F.lit("sha256:"),
        F.substring(
            F.sha2(F.concat(F.octet_length(url).cast("string"), F.lit(":"), url, F.col(text_field)), 256), 1, 20
        ),
    )
    given = F.col(id_field).cast("string") if id_field in cols else F.lit(None).cast("string")
    return inputs.withColumn("claimex_id", F.coalesce(given, derived))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--claimex", required=True, help="the claimex binary to ship")
    ap.add_argument("--out", required=True, help="folder for documents.parquet and claims.parquet")
    ap.add_argument("--paths", action="store_true", help="the input is a list of file paths")
    ap.add_argument("--partitions", type=int, help="input partitions (default: Spark's parallelism)")
    ap.add_argument("--profile", help="a site profile from `claimex profile`, shipped to every task")
    ap.add_argument("inputs", nargs="+")
    a = ap.parse_args()
    spark = SparkSession.builder.appName("claimex").getOrCreate()
    if a.paths:
        out = extract_paths(spark, a.claimex, ",".join(a.inputs), a.partitions, profile=a.profile)
    else:
        out = extract_lines(spark, a.claimex, a.inputs, a.partitions, profile=a.profile)
    # Run claimex once: the schema inference and the two writes below all read this.
    out = out.persist()
    docs = read_documents(spark, out)
    docs.write.mode("overwrite").parquet(os.path.join(a.out, "documents.parquet"))
    if "claims" in docs.columns:
        claims_of(docs).write.mode("overwrite").parquet(os.path.join(a.out, "claims.parquet"))
    failed = docs.where(F.col("error").isNotNull()).count() if "error" in docs.columns else 0
    print(f"claimex: {docs.count()} documents ({failed} failed) written to {a.out}")
    spark.stop()


if __name__ == "__main__":
    main()
