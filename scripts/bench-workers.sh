#!/bin/bash
# Measures what sets workers: 'auto' (src/run/worker-count.ts): the wall time of
# `quarry extract` in the main thread (--workers 0) and on N worker threads, on
# growing shares of a corpus, fresh each time.
#
#   scripts/bench-workers.sh [CORPUS_DIR] [N]      (defaults: ../shared/corpus/polnear-dev, the number of cores)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/polnear-dev}
threads=${2:-$(nproc)}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
total=$(ls "$corpus" | wc -l)
for files in 5 20 60 "$total"; do
  input="$scratch/in-$files"
  mkdir -p "$input"
  ls "$corpus" | head -n "$files" | while read -r name; do cp "$corpus/$name" "$input/"; done
  bytes=$(cat "$input"/* | wc -c)
  for workers in 0 "$threads"; do
    start=$(date +%s.%N)
    node bin/quarry.mjs extract "$input" --out "$scratch/out-$files-$workers" --workers "$workers" --no-progress --quiet || true
    end=$(date +%s.%N)
    printf 'files %4s  bytes %8s  workers %s  wall %6.2f s  (load %s)\n' "$files" "$bytes" "$workers" \
      "$(echo "$end - $start" | bc)" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
