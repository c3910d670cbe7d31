#!/usr/bin/env bash
# Makes sure nginx is installed (Debian's package) for `npm run test:proxy`. The package's own
# service is not needed: the test runs nginx itself, on a configuration of its own.
set -euo pipefail

if ! command -v nginx >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null
fi
nginx -v
