#!/usr/bin/env bash
# Time-to-first-preview of interactive generation with the server idle and while a DisTok training run goes, in one
# run against a freshly published studio (loopback only; the training run is cancelled at the end and the server
# stopped). Usage: scripts/training-latency.sh [renders-per-phase] [out.json]   (prints the JSON)
set -euo pipefail
cd "$(dirname "$0")/.."
renders=${1:-40}
out=${2:-}
work=$(mktemp -d)
url=http://127.0.0.1:5095
server=""
email=admin@lab.example
password="Latency-Check-Quiet-42"
cleanup() { stop_studio; rm -rf "$work"; }
trap cleanup EXIT

source scripts/lib/studio.sh
publish_studio
start_studio
echo "$password" | "$work/cli/distok" admin create --email "$email" --database "$work/studio.db" >/dev/null
result=$(echo "$password" | "$work/cli/distok" load training --url "$url" --email "$email" --renders "$renders" --json --max-minutes 60)
echo "$result"
if [ -n "$out" ]; then mkdir -p "$(dirname "$out")"; echo "$result" > "$out"; fi
