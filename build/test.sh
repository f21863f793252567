#!/usr/bin/env bash
# Builds the plugin zip (the zip's layout is under test too), starts the test database servers
# (build/db-servers.sh), runs every test project, and ends with one line "N passed, N failed, N skipped"
# computed from the TRX results (build/trx-summary.sh).
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

"$root/build/trx-summary.sh" "$results" || status=1
exit $status
