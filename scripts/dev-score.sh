#!/usr/bin/env bash
# Scores extract on the held-out dev gold (and the seeds) with the gold's own
# scorer: prints quantity/provider/metric/qualifier/sign accuracy and fact F1.
# Usage: scripts/dev-score.sh [--show]   (--show lists every miss, FP and wrong field)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
if [ ! -d "$shared/heldout" ]; then
  echo "../shared/heldout not found: nothing to score (it sits beside the project root)"
  exit 0
fi
cargo build --release --quiet
bin=target/release/extract
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
docs=$(python3 -c "import json; print(' '.join(sorted({'$shared/heldout/docs/' + json.loads(l)['doc'] for l in open('$shared/heldout/dev/gold.jsonl')})))")
# shellcheck disable=SC2086
"$bin" $docs > "$out/dev.jsonl"
"$bin" "$shared"/seeds/*.txt > "$out/seeds.jsonl"
echo "== heldout dev (11 documents)"
python3 "$shared/heldout/score.py" --gold "$shared/heldout/dev/gold.jsonl" --docs "$shared/heldout/docs" --pred "$out/dev.jsonl" "$@"
echo "== seeds"
python3 "$shared/heldout/score.py" --gold "$shared/heldout/dev/seeds-gold.jsonl" --docs "$shared/seeds" --pred "$out/seeds.jsonl" --whole-folder "$@"
