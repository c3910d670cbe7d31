#!/usr/bin/env bash
# `npm run check`: the static guard rails in sequence (typecheck, knip, duplication, formatting).
# The first failure stops the run; each step prints how long it took. ESLint (`npm run lint`)
# joins this list once its findings reach zero (ADR 014 says what is left).
set -euo pipefail
cd "$(dirname "$0")/.."
for step in typecheck knip dupes format:check; do
  echo "== $step"
  start=$(date +%s)
  npm run --silent "$step"
  echo "   $step: $(($(date +%s) - start)) s"
done
