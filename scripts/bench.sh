#!/usr/bin/env bash
# Throughput benchmark over the bulk corpus (../shared/bulk, see its SOURCES.md).
#
#   scripts/bench.sh            the whole corpus (~98 MB of text, 27,513 documents)
#   scripts/bench.sh --quick    every 10th document, one timing per run
#
# Builds the release binary (or uses $EXTRACT_BIN), decompresses the corpus
# once into a temporary directory (not timed), then times `extract` with 1 and
# 2 threads (a) over the JSON lines (`--jsonl`) and (b) over one .txt file per
# document, output to a file. Prints MB/s (of document text), documents/s,
# facts/s, peak RSS and the CPU time (user+system) of the best run, which is
# the figure to compare while other work shares the cores; checks that 1- and
# 2-thread outputs are identical; and runs the JSON lines concatenated twice
# to show that memory stays flat and time at most doubles; and times two
# separate one-thread processes on alternate lines at once (two threads with
# nothing shared), and two counting loops against one (what the cores give).
# Files written before a timing are synced to disk first (not timed).
# Options: --runs N (timings per run, best kept; default 3, 1 with --quick),
# --keep (keep the temporary directory).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BULK="$ROOT/../shared/bulk"

QUICK=0
RUNS=""
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --runs) RUNS="$2"; shift ;;
    --keep) KEEP=1 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$RUNS" ] || RUNS=$([ "$QUICK" = 1 ] && echo 1 || echo 3)

shopt -s nullglob
FILES=("$BULK"/*.jsonl.gz)
if [ ${#FILES[@]} -eq 0 ]; then
  echo "bench.sh: no bulk corpus at $BULK (../shared/bulk): nothing to benchmark"
  exit 0
fi

if [ ! -x /usr/bin/time ]; then
  echo "bench.sh: installing GNU time for peak RSS" >&2
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq time >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq time >/dev/null; }
  fi
  [ -x /usr/bin/time ] || { echo "bench.sh: /usr/bin/time is required (apt-get install time)" >&2; exit 1; }
fi

echo "== build"
cargo build --release --quiet --example bench_split
if [ -n "${EXTRACT_BIN:-}" ]; then
  BIN="$EXTRACT_BIN"
else
  cargo build --release --quiet --bin extract
  BIN="$ROOT/target/release/extract"
fi
SPLIT="$ROOT/target/release/examples/bench_split"
echo "binary: $BIN"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/extract-bench.XXXXXX")
cleanup() { if [ "$KEEP" = 1 ]; then echo "kept $TMP"; else rm -rf "$TMP"; fi; }
trap cleanup EXIT

calc() { awk "BEGIN { print $* }"; }

# Before each timing, the files written so far (the corpus, earlier runs'
# output) go to disk: the kernel writes dirty pages back 30 s after they
# were written, on the same two cores, and that would land in whichever
# run is timed then (2-4% of a two-thread run, by hand).
settle() { sync; }

echo "== corpus (decompressing, not timed)"
for f in "${FILES[@]}"; do
  if [ "$QUICK" = 1 ]; then
    zcat "$f" | awk 'NR % 10 == 1'
  else
    zcat "$f"
  fi
done > "$TMP/docs.jsonl"
read -r DOCS BYTES < <("$SPLIT" "$TMP/txt" < "$TMP/docs.jsonl")
cat "$TMP/docs.jsonl" "$TMP/docs.jsonl" > "$TMP/doubled.jsonl"
printf 'documents: %d, text: %.1f MB, jsonl: %.1f MB%s\n' "$DOCS" "$(calc "$BYTES/1000000")" \
  "$(calc "$(stat -c %s "$TMP/docs.jsonl")/1000000")" "$([ "$QUICK" = 1 ] && echo ' (quick: every 10th document)')"
echo "cores: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg), timings per run: $RUNS (best kept)"

# run NAME DOCS BYTES ARGS...: best wall time of $RUNS, max peak RSS, facts.
declare -A SECS RSS FACTS
run() {
  local name=$1 docs=$2 bytes=$3
  shift 3
  local best="" rss=0 cpu="" t m u k
  for _ in $(seq "$RUNS"); do
    settle
    # exit 1 with messages on stderr: some documents could not be read (counted below)
    /usr/bin/time -f '%e %M %U %S' -o "$TMP/time" "$BIN" "$@" > "$TMP/out.$name" 2> "$TMP/err.$name" || {
      [ $? = 1 ] || { echo "bench.sh: $name failed:" >&2; tail -5 "$TMP/err.$name" >&2; exit 1; }; }
    read -r t m u k < <(tail -1 "$TMP/time")
    if [ -z "$best" ] || awk "BEGIN { exit !($t < $best) }"; then best=$t; cpu=$(calc "$u + $k"); fi
    [ "$m" -gt "$rss" ] && rss=$m
  done
  SECS[$name]=$best
  RSS[$name]=$rss
  FACTS[$name]=$(wc -l < "$TMP/out.$name")
  local s
  s=$(calc "($best < 0.01 ? 0.01 : $best)")
  printf '%-14s %8.2f %9.1f %10.0f %11.0f %9.1f %8.2f\n' "$name" "$best" "$(calc "$bytes/1000000/$s")" \
    "$(calc "$docs/$s")" "$(calc "${FACTS[$name]}/$s")" "$(calc "$rss/1024")" "$cpu"
}

echo "== runs (output to a file)"
printf '%-14s %8s %9s %10s %11s %9s %8s\n' run seconds MB/s docs/s facts/s 'RSS MB' 'cpu s'
run jsonl-j1 "$DOCS" "$BYTES" --jsonl -j 1 "$TMP/docs.jsonl"
run jsonl-j2 "$DOCS" "$BYTES" --jsonl -j 2 "$TMP/docs.jsonl"
run files-j1 "$DOCS" "$BYTES" -j 1 "$TMP/txt"
run files-j2 "$DOCS" "$BYTES" -j 2 "$TMP/txt"
run doubled-j2 "$((DOCS * 2))" "$((BYTES * 2))" --jsonl -j 2 "$TMP/doubled.jsonl"

# What two threads could give with nothing shared: two separate one-thread
# processes at once, each on every other JSON line (so that both halves hold
# the same mix of documents; halves cut by bytes differ in work by 13%).
# Each pays its own start-up (a one-thread run is one thread).
LC_ALL=C awk -v a="$TMP/half1.jsonl" -v b="$TMP/half2.jsonl" \
  '{ print > (NR % 2 ? a : b) }' "$TMP/docs.jsonl"
HALVES=""
for _ in $(seq "$RUNS"); do
  settle
  # output to files, as in the runs above; each exit status is kept (1 means
  # some documents could not be read, as above)
  /usr/bin/time -f '%e' -o "$TMP/time" bash -c \
    '"$1" --jsonl -j 1 "$2" > "$4" 2>/dev/null & p=$!; "$1" --jsonl -j 1 "$3" > "$5" 2>/dev/null; b=$?; wait $p; a=$?; [ $a -le 1 ] && [ $b -le 1 ]' \
    _ "$BIN" "$TMP/half1.jsonl" "$TMP/half2.jsonl" "$TMP/out.half1" "$TMP/out.half2" ||
    { echo "bench.sh: the two one-thread processes failed" >&2; exit 1; }
  t=$(tail -1 "$TMP/time")
  if [ -z "$HALVES" ] || awk "BEGIN { exit !($t < $HALVES) }"; then HALVES=$t; fi
done

# What the cores give, right after the runs, to work that shares nothing,
# not even memory: one counting loop alone, then two at once (once each:
# a figure above 1 says that other work was sharing the machine).
spin() { awk 'BEGIN { for (i = 0; i < 5e7; i++) s += i }'; }
settle
/usr/bin/time -f '%e' -o "$TMP/time" bash -c "$(declare -f spin); spin"
SPIN1=$(tail -1 "$TMP/time")
/usr/bin/time -f '%e' -o "$TMP/time" bash -c "$(declare -f spin); spin & spin; wait"
SPIN2=$(tail -1 "$TMP/time")

echo "== checks"
for name in jsonl-j1 files-j1; do
  n=$(grep -c '^extract: ' "$TMP/err.$name" || true)
  [ "$n" = 0 ] || echo "$name: $n documents reported on stderr, e.g. $(head -1 "$TMP/err.$name")"
done
ratio() { awk "BEGIN { printf \"%.2f\", $1 / $2 }"; }
same() { if cmp -s "$1" "$2"; then echo identical; else echo DIFFERENT; fi; }
echo "jsonl: 1 vs 2 threads output $(same "$TMP/out.jsonl-j1" "$TMP/out.jsonl-j2"), speed-up x$(ratio "${SECS[jsonl-j1]}" "${SECS[jsonl-j2]}")"
# the halves' records, like jsonl-j1's, sorted: the same records, in another order
LC_ALL=C sort "$TMP/out.half1" "$TMP/out.half2" > "$TMP/out.halves"
LC_ALL=C sort "$TMP/out.jsonl-j1" > "$TMP/out.j1-sorted"
echo "two 1-thread processes on alternate lines at once: ${HALVES} s, x$(ratio "${SECS[jsonl-j1]}" "$HALVES") over jsonl-j1," \
  "records $(same "$TMP/out.halves" "$TMP/out.j1-sorted") to jsonl-j1's"
echo "cores: two counting loops at once take x$(ratio "$SPIN2" "$SPIN1") the time of one (${SPIN1} s alone)"
echo "files: 1 vs 2 threads output $(same "$TMP/out.files-j1" "$TMP/out.files-j2"), speed-up x$(ratio "${SECS[files-j1]}" "${SECS[files-j2]}")"
cat "$TMP/out.jsonl-j2" "$TMP/out.jsonl-j2" > "$TMP/out.twice"
echo "doubled corpus: output $(same "$TMP/out.twice" "$TMP/out.doubled-j2") to the single run's twice," \
  "time x$(ratio "${SECS[doubled-j2]}" "${SECS[jsonl-j2]}"), peak RSS x$(ratio "${RSS[doubled-j2]}" "${RSS[jsonl-j2]}")" \
  "(${RSS[jsonl-j2]} KB -> ${RSS[doubled-j2]} KB)"
