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
cleanup() { stop_studio; rm -rf "$work"; }
trap cleanup EXIT

source scripts/lib/studio.sh
publish_studio

acked_votes() { [ -f "$work/acked.txt" ] && echo $(( $(wc -l < "$work/acked.txt") - 1 )) || echo 0; }

# Creating a study needs an account (taking part does not).
email="study-owner@kill-restart.test"
password="Amber-Harbour-58-Lantern"
start_studio
echo "$password" | "$work/cli/distok" admin create --email "$email" --role user --database "$work/studio.db" >/dev/null
echo "$password" | "$work/cli/distok" load study --url "$url" --participants 30 --acked "$work/acked.txt" --email "$email" --json --max-minutes 10 > "$work/run.json" 2> "$work/run.log" &
tool=$!
for _ in $(seq 1 6000); do [ "$(acked_votes)" -ge "$kill_after" ] && break; sleep 0.1; done
kill -9 "$server"
wait "$server" 2>/dev/null || true
echo "killed the server after $(acked_votes) acknowledged votes" >&2
wait "$tool" || true
echo "load run: $(cat "$work/run.json")"
start_studio
echo "after restart: $("$work/cli/distok" load study-verify --url "$url" --acked "$work/acked.txt" --json)"
