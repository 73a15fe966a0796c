#!/usr/bin/env bash
# CI: the Spark recipe (examples/spark/) run for real on local[2] and checked against direct
# runs, the Dask recipe likewise, and (with ../shared) Wikinews without ids over two processes.
#
#   bash tests/spark/run.sh            # what .ci/run runs
#
# Installs what it needs and says so: Java 17 from Debian's packages when no java is found,
# and pyspark, dask and jsonschema (tests/spark/requirements.txt) into a venv kept between
# runs at $CLAIMEX_CI_VENV (default /tmp/claimex-ci-venv). Fails, never skips.
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$(date +%s)

if ! command -v java > /dev/null; then
  echo "== no java: installing openjdk-17-jre-headless (Debian)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless > /dev/null
fi
java -version 2>&1 | head -1

VENV=${CLAIMEX_CI_VENV:-/tmp/claimex-ci-venv}
if [ ! -x "$VENV/bin/python" ]; then
  echo "== creating the CI venv at $VENV"
  python3 -m venv "$VENV"
fi
# Pinned versions: a no-op without the network once they are there.
"$VENV/bin/pip" install -q -r tests/spark/requirements.txt
echo "== venv ready ($(( $(date +%s) - started )) s)"

cargo build --release --locked
BIN=target/release/claimex

SHARED=${CLAIMEX_SHARED:-../shared}
args=("$BIN")
if [ -f "$SHARED/corpora/news-wikinews/wikinews.jsonl" ]; then
  args+=("$SHARED")
fi
"$VENV/bin/python" tests/spark/check_spark.py "${args[@]}"
"$VENV/bin/python" tests/spark/check_dask.py "${args[@]}"
echo "== spark and dask recipes checked in $(( $(date +%s) - started )) s"
