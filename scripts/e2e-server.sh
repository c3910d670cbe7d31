#!/usr/bin/env bash
# The server Playwright drives: the production build (the compiled server of `npm run build`) on a
# fresh embedded database, with an administrator account and the demo data so pages have
# something to show.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_ENV=production
# One data folder per port, so e2e runs on different ports (E2E_PORT) never share a database.
export DATA_DIR="./data/e2e-${PORT:-3100}"
export DEMO_DATA_DIR="$DATA_DIR"
export BETTER_AUTH_SECRET="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d " \n")"
export ADMIN_EMAIL="admin-e2e@jointly.example"
export ADMIN_PASSWORD="admin-e2e-password"
export LOG_LEVEL="${LOG_LEVEL:-warn}"
# Every test browser signs in from 127.0.0.1; the per-address limits have their own vitest test.
export AUTH_RATE_LIMIT=false
unset DATABASE_URL REDIS_URL
exec node --enable-source-maps build/server/index.js --demo
