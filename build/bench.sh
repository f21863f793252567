#!/usr/bin/env bash
# Runs the benchmark harness (Tests/Nop.Plugin.Misc.OrderTouchpoints.Benchmarks) in Release and prints its
# "METRIC <name> <value> <unit>" lines (and "# ..." notes), then the PostgreSQL ones (…DbBenchmarks).
# usage: build/bench.sh [--quick] [benchmark name...]   --quick: a tenth of the work; names: run only those
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
project="$root/Tests/Nop.Plugin.Misc.OrderTouchpoints.Benchmarks"
if ! build_log="$(dotnet build "$project/Nop.Plugin.Misc.OrderTouchpoints.Benchmarks.csproj" -c Release -nologo -v quiet 2>&1)"; then
  echo "$build_log" >&2
  exit 1
fi
dotnet "$project/bin/Release/net9.0/Nop.Plugin.Misc.OrderTouchpoints.Benchmarks.dll" "$@"

# The same engine on a real PostgreSQL (a server of its own, build/db-servers.sh): the *_pg lines. Skipped when
# only some in-memory benchmarks were named; --quick keeps it to a few seconds (smaller backlogs, no 1M rows).
names=0
for arg in "$@"; do [ "$arg" = "--quick" ] || names=$((names + 1)); done
[ "$names" -eq 0 ] || exit 0
pg_project="$root/Tests/Nop.Plugin.Misc.OrderTouchpoints.DbBenchmarks"
if ! build_log="$(dotnet build "$pg_project/Nop.Plugin.Misc.OrderTouchpoints.DbBenchmarks.csproj" -c Release -nologo -v quiet 2>&1)"; then
  echo "$build_log" >&2
  exit 1
fi
db_env="$("$root/build/db-servers.sh" start)"
while IFS= read -r line; do export "${line?}"; done <<<"$db_env"
trap '"$root/build/db-servers.sh" stop' EXIT
dotnet "$pg_project/bin/Release/net9.0/Nop.Plugin.Misc.OrderTouchpoints.DbBenchmarks.dll" "$@"
