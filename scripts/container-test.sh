#!/usr/bin/env bash
# Builds the Dockerfile with podman and checks the container: it serves the studio, renders an image, runs as a
# non-root user and keeps its database across a container restart. No registry is reachable here, so the base images
# the Dockerfile names are stand-ins built locally: a minimal Debian (debootstrap from the mirror apt already uses)
# with this machine's .NET install and CA certificates (docs/security.md, "Container"). Installs podman, runc and
# debootstrap where missing (needs root). Loopback only; stops and removes what it started.
# Usage: scripts/container-test.sh          prints one JSON line and exits 0 when every check passed
set -euo pipefail
cd "$(dirname "$0")/.."
port=5095
url=http://127.0.0.1:$port
work=$(mktemp -d)
name=distok-container-test-$$
image=localhost/distok-studio-test
P() { podman --runtime runc --cgroup-manager=cgroupfs "$@"; }
# The built image and its build stage (several GB with the restored packages) are removed again; only the stand-in
# base images stay in podman's store, so repeated runs do not fill the disk.
cleanup() {
  P rm -f "$name" >/dev/null 2>&1 || true
  P rmi -f "$image" >/dev/null 2>&1 || true
  P image prune -f >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "container-test: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

if ! command -v podman >/dev/null || ! command -v runc >/dev/null || ! command -v debootstrap >/dev/null; then
  log "installing podman, runc and debootstrap"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc debootstrap >/dev/null
fi
printf '[containers]\ndefault_ulimits = []\n' > "$work/containers.conf"
export CONTAINERS_CONF="$work/containers.conf"

# Stand-in base images, made once per .NET install and kept in podman's store.
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
tag=$(dotnet --version)
if ! P image exists "localhost/dotnet/sdk:$tag"; then
  mirror=$(grep -h '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -m1 '/debian$' || true)
  [ -n "$mirror" ] || mirror=$(grep -h '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' | grep -m1 '/debian$')
  log "debootstrap from the mirror apt uses"
  rootfs="$work/rootfs"
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >/dev/null
  cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
  chroot "$rootfs" apt-get install -y --no-install-recommends ca-certificates libicu72 libssl3 zlib1g libgomp1 curl >/dev/null
  mkdir -p "$rootfs/usr/share/dotnet" && cp -a "$dotnet_root/." "$rootfs/usr/share/dotnet/"
  ln -sf /usr/share/dotnet/dotnet "$rootfs/usr/bin/dotnet"
  cp -a /etc/ssl/certs/. "$rootfs/etc/ssl/certs/"
  log "importing the stand-in images"
  tar -C "$rootfs" -c . | P import - "localhost/dotnet/sdk:$tag" >/dev/null
fi
P tag "localhost/dotnet/sdk:$tag" localhost/dotnet/sdk:10.0
P tag "localhost/dotnet/sdk:$tag" localhost/dotnet/aspnet:10.0

P image prune -f >/dev/null 2>&1 || true   # what an interrupted earlier run left
log "building the image"
# Docker format: the OCI format podman defaults to drops HEALTHCHECK.
P build --format docker --network host --build-arg DOTNET_IMAGES=localhost/dotnet -t "$image" . > "$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }

mkdir -p "$work/data" && chown 1654:1654 "$work/data"
start() { P run -d --name "$name" --network host -e BIND=127.0.0.1 -e PORT=$port -v "$work/data:/data" "$image" >/dev/null; }
healthy() { for _ in $(seq 1 240); do curl -sf "$url/healthz" >/dev/null && return 0; sleep 0.5; done; P logs "$name" | tail -20; return 1; }
log "starting the container"
start; healthy
home=$(curl -sf "$url/" | grep -c 'id="new-room"' || true)
uid=$(P exec "$name" id -u)
cli=$(P exec "$name" /app/distok worker --help 2>/dev/null | grep -c -- '--claim-after' || true)
room=$(curl -sf -H 'Content-Type: application/json' -d '{"name":"kept across restarts"}' "$url/api/rooms" | sed 's/.*"id":"\([^"]*\)".*/\1/')
job=$(curl -sf -H 'Content-Type: application/json' -d '{"distribution":"pig=0.5,sheep=0.5","steps":4}' "$url/api/generations" | sed 's/.*"id":"\([^"]*\)".*/\1/')
status=""
for _ in $(seq 1 240); do
  status=$(curl -sf "$url/api/generations/$job" | sed 's/.*"status":"\([^"]*\)".*/\1/')
  [ "$status" = done ] || [ "$status" = failed ] && break
  sleep 0.5
done
# Into a file first: piping curl into head lets head close the pipe early, and curl's write error then fails the
# pipeline (pipefail) for an image larger than the pipe buffer.
curl -sf -o "$work/image.png" "$url/api/generations/$job/image" || true
png=$(head -c 4 "$work/image.png" 2>/dev/null | tail -c 3)
log "restarting the container"
P restart "$name" >/dev/null; healthy
kept=$(curl -s -o /dev/null -w '%{http_code}' "$url/api/rooms/$room")
# The image's own health check, run once (podman's timers for it need systemd, which this machine lacks).
health=$(P healthcheck run "$name" >/dev/null 2>&1 && echo 1 || echo 0)
passed=false
[ "$home" -ge 1 ] && [ "$uid" != 0 ] && [ "$cli" -ge 1 ] && [ "$status" = done ] && [ "$png" = PNG ] && [ "$kept" = 200 ] && [ "$health" -ge 1 ] && passed=true
echo "{\"serves_home\":$([ "$home" -ge 1 ] && echo true || echo false),\"uid\":$uid,\"worker_cli\":$([ "$cli" -ge 1 ] && echo true || echo false),\"render\":\"$status\",\"image\":\"$png\",\"room_after_restart\":$kept,\"healthcheck\":$([ "$health" -ge 1 ] && echo true || echo false),\"passed\":$passed}"
[ "$passed" = true ]
