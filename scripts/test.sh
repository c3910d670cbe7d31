#!/usr/bin/env bash
# `npm test`: everything, from a bare checkout with dependencies installed.
#   1. the static guard rails: typecheck, lint, unused code (knip), duplication (jscpd),
#      formatting, and the code-shape targets (npm run stats)
#   2. Chromium for the e2e suite (Debian's package, installed when missing)
#   3. the production build (pages tests and e2e serve it)
#   4. vitest: unit, service, HTTP and socket tests (on PGlite, or on TEST_DATABASE_URL)
#   5. Playwright in Chromium
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent check
bash scripts/ensure-chromium.sh
npm run build --silent
npx vitest run
npx playwright test
