#!/usr/bin/env bash
# Throughput of the cluster's generation workers with two and with one worker, alternating in one run (2, 1, 2, 1 by
# default), against a cluster that scripts/cluster.sh up started with two workers. One worker is paused (SIGSTOP) while
# both are idle for the one-worker rounds and resumed (SIGCONT) after, so both kinds of round see the same machine.
#   scripts/workers-bench.sh [rounds per kind] [rooms] [jobs per room]    prints one JSON object
set -euo pipefail
cd "$(dirname "$0")/.."
state=${DISTOK_CLUSTER_DIR:-${TMPDIR:-/tmp}/distok-cluster}
rounds=${1:-2}; rooms=${2:-10}; per_room=${3:-4}
distok=src/DisTok.Cli/bin/Release/net10.0/linux-x64/distok
nodes=http://127.0.0.1:5081,http://127.0.0.1:5082
paused=$(cat "$state/worker2.pid")
trap 'kill -CONT "$paused" 2>/dev/null || true' EXIT
two=(); one=()
for _ in $(seq 1 "$rounds"); do
  for workers in 2 1; do
    if [ "$workers" = 1 ]; then kill -STOP "$paused"; else kill -CONT "$paused"; sleep 1; fi
    figure=$("$distok" load workers --url "$nodes" --rooms "$rooms" --jobs-per-room "$per_room" --json 2>/dev/null | tail -1 \
      | sed -n 's/.*"jobs_per_minute":\([0-9.]*\).*/\1/p')
    [ -n "$figure" ] || { echo "a round with $workers worker(s) failed" >&2; exit 1; }
    if [ "$workers" = 2 ]; then two+=("$figure"); else one+=("$figure"); fi
    echo "[bench] $workers worker(s): $figure jobs/min" >&2
  done
done
kill -CONT "$paused"
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
m2=$(median "${two[@]}"); m1=$(median "${one[@]}")
echo "{\"jobs_per_round\":$((rooms * per_room)),\"two_workers_jobs_per_minute\":[$(IFS=,; echo "${two[*]}")],\"one_worker_jobs_per_minute\":[$(IFS=,; echo "${one[*]}")],\"median_two\":$m2,\"median_one\":$m1,\"ratio_two_to_one\":$(awk "BEGIN {printf \"%.2f\", $m2 / $m1}")}"
