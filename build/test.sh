#!/usr/bin/env bash
# Builds the plugin zip (the zip's layout is under test too), starts the test database servers
# (build/db-servers.sh), runs every test project, and ends with one
# line "N passed, N failed, N skipped" computed from the TRX results.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

"$root/build/package.sh"

status=0
# The outbox's database tests run on PostgreSQL and MariaDB servers of their own (artifacts/db, own ports).
if db_env="$("$root/build/db-servers.sh" start)"; then
  while IFS= read -r line; do export "${line?}"; done <<<"$db_env"
  trap '"$root/build/db-servers.sh" stop' EXIT
else
  echo "build/db-servers.sh could not start the database servers: the database tests are skipped" >&2
  status=1
fi
for project in "$root"/Tests/*/*.Tests.csproj; do
  name="$(basename "$project" .csproj)"
  dotnet test "$project" -c Release -nologo -v:quiet \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=$?
done

# Sum the Counters element of every TRX file (skipped tests are "notExecuted" there).
passed=0 failed=0 skipped=0 files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  value() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done
[ "$files" -gt 0 ] || { echo "no test results were written (did a test project fail to build?)" >&2; status=1; }
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
