#!/usr/bin/env bash
# Throwaway PostgreSQL 15 cluster for the engine comparison (tools/Annuaire.Bench --compare-postgres).
#
#   tools/postgres-bench.sh run [bench options…]   start a cluster, run the comparison, remove the cluster
#   tools/postgres-bench.sh start                  print PGDATA=… and CONNECTION=… (the bench uses this)
#   tools/postgres-bench.sh stop PGDATA            stop that cluster and delete its folder
#
# Needs the Debian packages: apt-get install -y postgresql postgresql-contrib (contrib: unaccent).
# The cluster listens on a free port of 127.0.0.1 only, in its own folder under /tmp; fsync is off
# (the data is thrown away) and JIT is off (it only adds compile time to short queries).
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
ROOT=$(cd "$(dirname "$0")/.." && pwd)

as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  echo "Aucun port libre trouvé sur 127.0.0.1." >&2; return 1
}

start() {
  if [ ! -x "$PGBIN/initdb" ]; then
    echo "PostgreSQL 15 est absent ($PGBIN) : apt-get install -y postgresql postgresql-contrib" >&2
    exit 3
  fi
  local data port
  data=$(mktemp -d /tmp/annuaire-pg-XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres "$data"
  as_postgres "'$PGBIN/initdb' -D '$data' -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
  port=$(free_port)
  as_postgres "'$PGBIN/pg_ctl' -D '$data' -l '$data/log' -w -o \"-p $port -k '$data' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c jit=off -c shared_buffers=512MB -c work_mem=32MB -c maintenance_work_mem=512MB -c max_connections=20\" start" >/dev/null
  echo "PGDATA=$data"
  echo "CONNECTION=Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=8"
}

stop() {
  local data=${1:?dossier PGDATA attendu}
  case "$data" in /tmp/annuaire-pg-*) ;; *) echo "Refus : $data n'est pas un cluster de ce script." >&2; exit 2 ;; esac
  as_postgres "'$PGBIN/pg_ctl' -D '$data' -m fast -w stop" >/dev/null || true
  rm -rf "$data"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  run)
    shift
    out=$(start)
    data=$(sed -n 's/^PGDATA=//p' <<<"$out")
    conn=$(sed -n 's/^CONNECTION=//p' <<<"$out")
    trap 'stop "$data"' EXIT
    dotnet run -c Release --project "$ROOT/tools/Annuaire.Bench" -- --compare-postgres --postgres "$conn" "$@"
    ;;
  *) sed -n '2,10p' "$0" >&2; exit 2 ;;
esac
