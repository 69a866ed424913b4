#!/usr/bin/env bash
# Kills the studio (SIGKILL) in the middle of a training run started from the admin API, restarts it on the same
# database and versions folder, and checks: the served model is the last promoted version and loads (a token made
# after the restart carries its sha256), the cut-off run is shown as interrupted, and it left no version or folder.
# Before that, one short run is trained, evaluated and promoted (v1), so "last promoted" is not the embedded model,
# and the embedded model is evaluated the same way (its figures and v1's are printed too).
# Loopback only; stops by itself. Usage: scripts/training-kill-restart.sh   (prints one JSON object last)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
url=http://127.0.0.1:5094
server=""
email=admin@lab.example
password="Kill-Restart-Check-42"
cleanup() { stop_studio; rm -rf "$work"; }
trap cleanup EXIT

source scripts/lib/studio.sh
publish_studio

sign_in() {
  rm -f "$work/jar"
  local token
  token=$(curl -s -c "$work/jar" -b "$work/jar" "$url/account/login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -s -c "$work/jar" -b "$work/jar" -o /dev/null --data-urlencode "email=$email" --data-urlencode "password=$password" \
    --data-urlencode "returnUrl=/admin" --data-urlencode "__RequestVerificationToken=$token" "$url/account/login"
}

# A cookie-carrying client says so with X-DisTok-Request (the studio refuses cookie-carrying API writes without it).
api() { curl -s -c "$work/jar" -b "$work/jar" -H 'Content-Type: application/json' -H 'X-DisTok-Request: 1' "$@"; }
live() { api "$url/api/admin/training" | python3 -c 'import json,sys; l=json.load(sys.stdin)["live"] or {}; print(l.get("status",""), l.get("step",0))'; }

start_studio
echo "$password" | "$work/cli/distok" admin create --email "$email" --database "$work/studio.db" >/dev/null
sign_in

echo "run 1: 40 steps, then the dev-set evaluation" >&2
api -X POST -d '{"steps":40,"estimationEvery":10,"sampleEvery":20}' "$url/api/admin/training" >/dev/null
for _ in $(seq 1 1200); do read -r status _ <<<"$(live)"; [[ "$status" == "completed" || "$status" == "failed" || "$status" == "cancelled" ]] && break; sleep 1; done
[[ "$status" == "completed" ]] || { echo "run 1 ended $status" >&2; exit 1; }
api -X POST "$url/api/admin/versions/1/promote" >/dev/null
v1_sha=$(api "$url/api/admin/versions" | python3 -c 'import json,sys; print(next(v["sha256"] for v in json.load(sys.stdin) if v["number"]==1))')

echo "the embedded model, evaluated the same way for comparison" >&2
api -X POST "$url/api/admin/versions/0/evaluate" >/dev/null
embedded_eval() { api "$url/api/admin/versions" | python3 -c 'import json,sys; print(json.dumps(next(v["eval"] for v in json.load(sys.stdin) if v["number"]==0)))'; }
for _ in $(seq 1 1200); do [[ "$(embedded_eval)" != "null" ]] && break; sleep 1; done

echo "run 2: 4000 steps, killed once past step 20" >&2
api -X POST -d '{"steps":4000,"sampleEvery":0}' "$url/api/admin/training" >/dev/null
for _ in $(seq 1 600); do read -r status step <<<"$(live)"; [[ "$status" == "running" && "$step" -ge 20 ]] && break; sleep 0.5; done
kill -9 "$server"; wait "$server" 2>/dev/null || true
echo "killed the server during run 2 at step $step" >&2

start_studio
sign_in
versions=$(api "$url/api/admin/versions")
runs=$(api "$url/api/admin/training")
token=$(api -X POST -d '{"distribution":"pig=0.55,sheep=0.25,snake=0.2"}' "$url/api/tokens")
python3 - "$v1_sha" "$step" "$work/versions" <<PY
import json, os, sys
v1, killed_at, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3]
versions, runs, token = json.loads('''$versions'''), json.loads('''$runs'''), '''$token'''
figures = {v["label"]: v["eval"] for v in versions}
served = [v["label"] for v in versions if v["served"]]
run2 = next(r for r in runs["runs"] if r["run"] == 2)
checks = {
    "served_after_restart": served[0] if served else None,
    "served_is_last_promoted": served == ["v1"],
    "token_made_by_v1_after_restart": v1 in token,
    "run2_status": run2["status"],
    "run2_message": run2["message"],
    "run2_shown_interrupted": run2["status"] == "interrupted",
    "run2_left_no_version": all(v["number"] != 2 for v in versions),
    "run_folders_left": len(os.listdir(os.path.join(folder, "runs"))) if os.path.isdir(os.path.join(folder, "runs")) else 0,
    "killed_at_step": killed_at,
    "dev_eval": {label: {k: e[k] for k in ("kl", "supportMass", "pairFusionRate", "distinctArgmax", "priorSamples", "seeds", "seconds")}
                 for label, e in figures.items() if e},
}
checks["passed"] = checks["served_is_last_promoted"] and checks["token_made_by_v1_after_restart"] and checks["run2_shown_interrupted"] \
    and checks["run2_left_no_version"] and checks["run_folders_left"] == 0
print(json.dumps(checks))
sys.exit(0 if checks["passed"] else 1)
PY
