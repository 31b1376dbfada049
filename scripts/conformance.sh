#!/usr/bin/env bash
# Scores `extract --jsonl` on the peers' own test suites with the peers'
# scorer (../shared/conformance/score.py), one line per suite file.
#
#   scripts/conformance.sh            every suite
#   scripts/conformance.sh --show 20  also list up to 20 failing cases per suite
#
# tests/conformance.rs checks the same rates (floors in tests/conformance/floors.tsv).
set -euo pipefail
cd "$(dirname "$0")/.."
suites=../shared/conformance
if [ ! -d "$suites" ]; then
  echo "$suites not found: conformance suites skipped"
  exit 0
fi
cargo build --release --quiet
bin=target/release/extract
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for f in "$suites"/recognizers-text/*.jsonl "$suites"/duckling/*.jsonl; do
  name=$(basename "$(dirname "$f")")-$(basename "$f" .jsonl)
  "$bin" --jsonl "$f" > "$out/$name.jsonl"
  python3 "$suites/score.py" --cases "$f" --pred "$out/$name.jsonl" "$@"
done
