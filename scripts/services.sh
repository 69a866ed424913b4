#!/usr/bin/env bash
# Throwaway PostgreSQL and Redis servers on loopback, for the tests and for a local cluster (docs/cluster.md).
# Installs Debian's postgresql and redis-server where missing (needs root or sudo). Data lives in a temporary folder
# that `down` deletes; nothing is saved between runs.
#   scripts/services.sh up      starts both and prints their connection strings as shell assignments:
#                               DISTOK_TEST_POSTGRES=... and DISTOK_TEST_REDIS=... (eval them)
#   scripts/services.sh down    stops both and deletes their data
# Ports: DISTOK_PG_PORT (default 55432) and DISTOK_REDIS_PORT (default 56379).
set -euo pipefail
cd "$(dirname "$0")/.."
state=${DISTOK_SERVICES_DIR:-${TMPDIR:-/tmp}/distok-services}
pg_port=${DISTOK_PG_PORT:-55432}
redis_port=${DISTOK_REDIS_PORT:-56379}
log() { echo "[services] $*" >&2; }
sudo_cmd=""; [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"

install_missing() {
  local wanted=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || wanted+=(postgresql)
  command -v redis-server >/dev/null || wanted+=(redis-server)
  [[ ${#wanted[@]} -eq 0 ]] && return 0
  log "installing ${wanted[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${wanted[@]}" >/dev/null
}

# PostgreSQL refuses to run as root: as root the server runs as the postgres user Debian's package made.
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

up() {
  install_missing
  local bin; bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
  mkdir -p "$state"; chmod 755 "$state"
  if ! as_pg "$bin/pg_ctl" -D "$state/pg" status >/dev/null 2>&1; then
    rm -rf "$state/pg"; mkdir -p "$state/pg"
    [[ $(id -u) -eq 0 ]] && chown postgres "$state/pg"
    as_pg "$bin/initdb" -D "$state/pg" -U distok --auth=trust -E UTF8 >/dev/null
    as_pg "$bin/pg_ctl" -D "$state/pg" -l "$state/pg/server.log" -w \
      -o "-p $pg_port -k $state/pg -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start >/dev/null
    log "PostgreSQL on 127.0.0.1:$pg_port"
  fi
  if ! redis-cli -p "$redis_port" ping >/dev/null 2>&1; then
    redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
      --pidfile "$state/redis.pid" --logfile "$state/redis.log" >/dev/null
    for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
    log "Redis on 127.0.0.1:$redis_port"
  fi
  echo "DISTOK_TEST_POSTGRES='Host=127.0.0.1;Port=$pg_port;Username=distok;Database=postgres'"
  echo "DISTOK_TEST_REDIS='127.0.0.1:$redis_port'"
}

down() {
  local bin; bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)" 2>/dev/null || true)
  [[ -d "$state/pg" && -n "$bin" ]] && as_pg "$bin/pg_ctl" -D "$state/pg" -m immediate stop >/dev/null 2>&1 || true
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  rm -rf "$state"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  *) echo "usage: scripts/services.sh up|down" >&2; exit 2 ;;
esac
