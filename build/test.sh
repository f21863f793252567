#!/usr/bin/env bash
# Builds the plugin zip (the zip's layout is under test too), runs every test project, and ends with one
# line "N passed, N failed, N skipped" computed from the TRX results (build/trx-summary.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

"$root/build/package.sh"

status=0
for project in "$root"/Tests/*/*.Tests.csproj; do
  name="$(basename "$project" .csproj)"
  dotnet test "$project" -c Release -nologo -v:quiet \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=$?
done

"$root/build/trx-summary.sh" "$results" || status=1
exit $status
