#!/usr/bin/env bash
# Browser tests of `claimex review` pages in headless Chromium (Debian's `chromium` package,
# installed here when missing; the test itself needs only Python's standard library).
#   bash tests/browser/run.sh                       # build, then run the tests
#   bash tests/browser/run.sh --screenshot docs/review.png
# CI: add `step bash tests/browser/run.sh` to .ci/run.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v chromium >/dev/null 2>&1; then
  echo "== chromium not found: installing Debian's package" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
"${CARGO:-cargo}" build --release --locked
python3 tests/browser/review_test.py --bin target/release/claimex "$@"
