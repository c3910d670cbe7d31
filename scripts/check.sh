#!/usr/bin/env bash
# `npm run check`: the static guard rails in sequence (typecheck, lint, knip, duplication,
# formatting), then the code's shape against its targets (`npm run stats -- --strict`).
# The first failure stops the run; each step prints how long it took.
set -euo pipefail
cd "$(dirname "$0")/.."
for step in typecheck lint knip dupes format:check; do
  echo "== $step"
  start=$(date +%s)
  npm run --silent "$step"
  echo "   $step: $(($(date +%s) - start)) s"
done
echo "== stats"
npm run --silent stats -- --strict
