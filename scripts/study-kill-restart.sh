#!/usr/bin/env bash
# Kills the studio (SIGKILL) in the middle of a study with 30 simulated participants voting, restarts it on the same
# database, and checks that every vote the server acknowledged is still there. Loopback only; stops by itself.
# Usage: scripts/study-kill-restart.sh [votes-before-kill]   (prints the load run's and the check's JSON)
set -euo pipefail
cd "$(dirname "$0")/.."
kill_after=${1:-40}
work=$(mktemp -d)
url=http://127.0.0.1:5093
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

dotnet publish src/DisTok.Web -c Release -o "$work/web" >/dev/null
dotnet publish src/DisTok.Cli -c Release -o "$work/cli" >/dev/null

start_server() {
  (cd "$work/web" && exec ./DisTok.Web --Urls="$url" --Studio:DatabasePath="$work/studio.db" >>"$work/server.log" 2>&1) &
  server=$!
  for _ in $(seq 1 240); do curl -sf "$url/healthz" >/dev/null && return 0; sleep 0.5; done
  echo "the studio did not start; see its log:" >&2; cat "$work/server.log" >&2; exit 1
}

acked_votes() { [ -f "$work/acked.txt" ] && echo $(( $(wc -l < "$work/acked.txt") - 1 )) || echo 0; }

start_server
"$work/cli/distok" load study --url "$url" --participants 30 --acked "$work/acked.txt" --json --max-minutes 10 > "$work/run.json" 2> "$work/run.log" &
tool=$!
for _ in $(seq 1 6000); do [ "$(acked_votes)" -ge "$kill_after" ] && break; sleep 0.1; done
kill -9 "$server"
wait "$server" 2>/dev/null || true
echo "killed the server after $(acked_votes) acknowledged votes" >&2
wait "$tool" || true
echo "load run: $(cat "$work/run.json")"
start_server
echo "after restart: $("$work/cli/distok" load study-verify --url "$url" --acked "$work/acked.txt" --json)"
