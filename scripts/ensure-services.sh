#!/usr/bin/env bash
# Makes sure PostgreSQL (127.0.0.1:5432, trust auth, user postgres) and Redis (127.0.0.1:6379)
# are running, installing and starting them from Debian's packages when they are not.
set -euo pipefail

pg_ready() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
redis_ready() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }

if ! command -v pg_isready >/dev/null || ! command -v redis-cli >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql redis-server >/dev/null
fi

if ! pg_ready; then
  if ls /etc/postgresql/*/main >/dev/null 2>&1; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  else
    # No cluster at all: make one with trust auth (PostgreSQL refuses to run as root).
    PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
    mkdir -p /var/lib/jointly-pg /var/run/postgresql
    chown postgres:postgres /var/lib/jointly-pg /var/run/postgresql
    runuser -u postgres -- "$PGBIN/initdb" -D /var/lib/jointly-pg -A trust -U postgres >/dev/null
    runuser -u postgres -- "$PGBIN/pg_ctl" -D /var/lib/jointly-pg -w -o "-k /var/run/postgresql -h 127.0.0.1" -l /var/lib/jointly-pg/log start >/dev/null
  fi
  for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
fi
pg_ready || { echo "PostgreSQL is not reachable on 127.0.0.1:5432"; exit 1; }

if ! redis_ready; then
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no
  for _ in $(seq 1 30); do redis_ready && break; sleep 1; done
fi
redis_ready || { echo "Redis is not reachable on 127.0.0.1:6379"; exit 1; }
echo "PostgreSQL and Redis are up"
