#!/usr/bin/env bash
# `npm test`: everything, from a bare checkout with dependencies installed.
#   1. Chromium for the e2e suite (Debian's package, installed when missing)
#   2. the production build (pages tests and e2e serve it)
#   3. vitest: unit, service, HTTP and socket tests (on PGlite, or on TEST_DATABASE_URL)
#   4. Playwright in Chromium
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
npm run build --silent
npx vitest run
npx playwright test
