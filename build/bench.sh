#!/usr/bin/env bash
# Runs the benchmark harness (Tests/Nop.Plugin.Misc.OrderTouchpoints.Benchmarks) in Release and prints its
# "METRIC <name> <value> <unit>" lines (and "# ..." notes).
# usage: build/bench.sh [--quick] [benchmark name...]   --quick: a tenth of the work; names: run only those
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
project="$root/Tests/Nop.Plugin.Misc.OrderTouchpoints.Benchmarks"
if ! build_log="$(dotnet build "$project/Nop.Plugin.Misc.OrderTouchpoints.Benchmarks.csproj" -c Release -nologo -v quiet 2>&1)"; then
  echo "$build_log" >&2
  exit 1
fi
exec dotnet "$project/bin/Release/net9.0/Nop.Plugin.Misc.OrderTouchpoints.Benchmarks.dll" "$@"
