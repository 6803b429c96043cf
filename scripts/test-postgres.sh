#!/usr/bin/env bash
# Start the Debian PostgreSQL cluster (installed by install.sh) and print a URL for the tests.
# Prints nothing when PostgreSQL is not installed.
set -euo pipefail
command -v pg_lsclusters >/dev/null 2>&1 || exit 0
cluster=$(pg_lsclusters --no-header | awk 'NR==1{print $1" "$2}')
if [ -z "$cluster" ]; then
  ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
  pg_createcluster "$ver" main >/dev/null
  cluster="$ver main"
fi
set -- $cluster
pg_ctlcluster "$1" "$2" start >/dev/null 2>&1 || true
port=$(pg_lsclusters --no-header | awk -v v="$1" -v n="$2" '$1==v && $2==n {print $3}')
for _ in $(seq 1 30); do
  su postgres -c "psql -p $port -Atqc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
su postgres -c "psql -p $port -Atqc \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='vanthu') THEN CREATE ROLE vanthu LOGIN PASSWORD 'vanthu' CREATEDB; END IF; END \\\$\\\$;\"" >/dev/null
su postgres -c "psql -p $port -Atqc \"SELECT 1 FROM pg_database WHERE datname='vanthu_test'\"" | grep -q 1 \
  || su postgres -c "createdb -p $port -O vanthu vanthu_test"
echo "postgresql+psycopg://vanthu:vanthu@127.0.0.1:$port/vanthu_test"
