#!/bin/bash
# Start-up time of the quarry command: the median wall time of 7 runs of
# `quarry --help` and `quarry --version`, against `node -e 0`, for the compiled
# CLI (dist/main.js, what the installed package's bin runs; built first) and
# for the source CLI (bin/quarry.mjs in the repository: the sources through tsx).
#
#   scripts/bench-start.sh
set -euo pipefail
cd "$(dirname "$0")/.."
median() {
  local times=()
  for _ in 1 2 3 4 5 6 7; do
    local start end
    start=$(date +%s%N)
    "$@" > /dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 4p
}
npm run build --silent > /dev/null
echo "node -e 0:                 $(median node -e 0) ms"
echo "compiled quarry --help:    $(median node dist/main.js --help) ms"
echo "compiled quarry --version: $(median node dist/main.js --version) ms"
echo "source quarry --help:      $(median node bin/quarry.mjs --help) ms"
echo "source quarry --version:   $(median node bin/quarry.mjs --version) ms"
