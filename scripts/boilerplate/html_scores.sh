#!/usr/bin/env bash
# Article bodies from the 91 HTML pages of boilerplate-dev, scored as the Zyte/ScrapingHub
# benchmark scores them (shared/peers/boilerplate/score_html.py), against floors:
#   - the shipped models, as a user runs them: `claimex clean --emit body DIR`;
#   - site-held-out: `claimex eval boilerplate --html-cv --html-body-out`, each page's body
#     from a model trained without its site (and the text model alone, the same way).
# Usage: bash scripts/boilerplate/html_scores.sh [SHARED] [BIN]   (defaults ../shared,
# target/release/claimex). CI runs it where the shared folder exists.
set -euo pipefail
shared=${1:-../shared}
bin=${2:-target/release/claimex}
truth="$shared/corpora/boilerplate-dev/html_truth.json"
score="$shared/peers/boilerplate/score_html.py"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" clean --emit body -q "$shared/corpora/boilerplate-dev/html/" \
  | sed 's/\.html\.gz"/"/' > "$tmp/body.jsonl"
"$bin" eval boilerplate --shared "$shared" --html-cv --html-body-out "$tmp/cv.jsonl" \
  | grep "HTML pages"
check() { # name file floor
  local line f1
  line=$(python3 "$score" "$truth" "$2" | tail -1)
  f1=$(echo "$line" | sed -n 's/.*shingle F1 \([0-9.]*\).*/\1/p')
  echo "html body, $1: $line (floor $3)"
  python3 -c "import sys; sys.exit(0 if float('$f1') >= $3 else 1)" \
    || { echo "html body, $1: F1 $f1 is under the floor $3" >&2; return 1; }
}
check "shipped models (clean --emit body)" "$tmp/body.jsonl" 0.96
check "site-held-out" "$tmp/cv.jsonl" 0.95
check "site-held-out, text model alone" "$tmp/cv.text.jsonl" 0.94
