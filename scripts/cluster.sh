#!/usr/bin/env bash
# A local studio cluster on loopback (docs/cluster.md): PostgreSQL and Redis (scripts/services.sh), two studio nodes in
# cluster mode, two generation workers (`distok worker`, one Torch thread each) and the YARP proxy in front of the nodes.
#   scripts/cluster.sh up      builds, starts everything, waits until all are healthy; the last line is the proxy's address
#   scripts/cluster.sh down    stops everything `up` started
# Ports: DISTOK_NODE_PORTS (default "5081 5082"), DISTOK_PROXY_PORT (5090). Workers: DISTOK_WORKERS (2; 0 lets the nodes
# render their own jobs). Logs and pids: $DISTOK_CLUSTER_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
state=${DISTOK_CLUSTER_DIR:-${TMPDIR:-/tmp}/distok-cluster}
node_ports=(${DISTOK_NODE_PORTS:-5081 5082})
workers=${DISTOK_WORKERS:-2}
proxy_port=${DISTOK_PROXY_PORT:-5090}
log() { echo "[cluster] $*" >&2; }

healthy() {   # url seconds
  for _ in $(seq 1 $(($2 * 4))); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 0.25; done
  return 1
}

start() {   # name command... (runs in the background, pid in $state/name.pid, output in $state/name.log)
  local name=$1; shift
  nohup "$@" > "$state/$name.log" 2>&1 &
  echo $! > "$state/$name.pid"
}

up() {
  mkdir -p "$state"
  eval "$(scripts/services.sh up)"
  local db="distok_cluster"
  psql "host=127.0.0.1 port=${DISTOK_PG_PORT:-55432} user=distok dbname=postgres" -qc "CREATE DATABASE $db" 2>/dev/null || true
  local pg="${DISTOK_TEST_POSTGRES%Database=*}Database=$db"
  pg=${pg//\'/}
  log "building the studio and the proxy (Release)"
  dotnet build src/DisTok.Web -c Release -v q -nologo >/dev/null
  dotnet build src/DisTok.Proxy -c Release -v q -nologo >/dev/null
  if [ "$workers" -gt 0 ]; then dotnet build src/DisTok.Cli -c Release -v q -nologo >/dev/null; fi
  local generation=InProcess
  if [ "$workers" -gt 0 ]; then generation=Workers; fi
  local web=src/DisTok.Web/bin/Release/net10.0/linux-x64/DisTok.Web.dll
  local proxy=src/DisTok.Proxy/bin/Release/net10.0/DisTok.Proxy.dll
  local nodes=() i=0
  for port in "${node_ports[@]}"; do
    i=$((i + 1))
    log "studio node $i on 127.0.0.1:$port"
    Studio__Mode=Cluster Studio__Database=Postgres ConnectionStrings__Studio="$pg" ConnectionStrings__Redis="${DISTOK_TEST_REDIS//\'/}" \
      Studio__Generation=$generation \
      Studio__VersionsPath="$state/versions" Security__KeysPath="$state/keys-$i" \
      start "node$i" dotnet "$web" --urls "http://127.0.0.1:$port"
    nodes+=("--Proxy:Nodes:$((i - 1))=http://127.0.0.1:$port")
    # Nodes start one after the other: the first migrates the database, the next find it current.
    healthy "http://127.0.0.1:$port/healthz" 120 || { tail -20 "$state/node$i.log" >&2; log "node $i did not become healthy"; exit 1; }
  done
  for i in $(seq 1 "$workers"); do
    log "generation worker $i"
    start "worker$i" src/DisTok.Cli/bin/Release/net10.0/linux-x64/distok worker --redis "${DISTOK_TEST_REDIS//\'/}" --postgres "$pg" \
      --models models --name "worker$i" --threads 1
  done
  if [ "$workers" -gt 0 ]; then
    local alive=0
    for _ in $(seq 1 240); do
      alive=$(curl -sf "http://127.0.0.1:${node_ports[0]}/healthz" | sed -n 's/.*"workersAlive":\([0-9]*\).*/\1/p')
      [ "${alive:-0}" -ge "$workers" ] && break
      sleep 0.5
    done
    [ "${alive:-0}" -ge "$workers" ] || { tail -20 "$state/worker1.log" >&2; log "the workers did not start"; exit 1; }
  fi
  log "proxy on 127.0.0.1:$proxy_port"
  start proxy dotnet "$proxy" --urls "http://127.0.0.1:$proxy_port" "${nodes[@]}"
  healthy "http://127.0.0.1:$proxy_port/proxyz" 60 && healthy "http://127.0.0.1:$proxy_port/healthz" 60 \
    || { tail -20 "$state/proxy.log" >&2; log "the proxy did not become healthy"; exit 1; }
  echo "http://127.0.0.1:$proxy_port"
}

down() {
  shopt -s nullglob
  for pidfile in "$state"/*.pid; do
    local pid; pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pidfile"
  done
  scripts/services.sh down
  rm -rf "$state"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  *) echo "usage: scripts/cluster.sh up|down" >&2; exit 2 ;;
esac
