#!/usr/bin/env bash
# Runs every test of the solution and ends with one plain line: "N passed, N failed, N skipped".
# Installs what the tests need on a fresh Debian/Ubuntu machine first (Chromium for browser tests, PostgreSQL and Redis
# for the store and cluster tests: scripts/services.sh).
#   scripts/test.sh           all tests
#   scripts/test.sh --fast    skip tests marked [Trait("Category", "Slow")] and the container check
# The full run also builds the Dockerfile and checks the container (scripts/container-test.sh); it counts as one test.
set -uo pipefail
cd "$(dirname "$0")/.."

filter=()
if [[ "${1:-}" == "--fast" ]]; then filter=(--filter "Category!=Slow"); fi

scripts/install-test-deps.sh || { echo "could not install test dependencies"; echo "0 passed, 1 failed"; exit 1; }
# Throwaway PostgreSQL and Redis on loopback for the store and cluster tests; stopped and deleted at the end.
services=$(scripts/services.sh up) || { echo "could not start PostgreSQL and Redis"; echo "0 passed, 1 failed"; exit 1; }
eval "$services"
export DISTOK_TEST_POSTGRES DISTOK_TEST_REDIS
trap 'scripts/services.sh down' EXIT

results="TestResults"
rm -rf "$results"
dotnet test DisTok.Web.sln "${filter[@]}" --logger "trx" --results-directory "$results" -p:TreatWarningsAsErrors=true
status=$?

passed=0; failed=0; skipped=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
if [[ "${1:-}" != "--fast" ]]; then
  echo "container check (scripts/container-test.sh)"
  if scripts/container-test.sh > "$results/container.json" 2> "$results/container.log"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    tail -n 30 "$results/container.log"
  fi
  cat "$results/container.json"
fi
# A build failure or a crashed test host leaves no (or too few) results: count it as a failure.
if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
[[ $failed -eq 0 ]]
