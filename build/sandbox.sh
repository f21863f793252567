#!/usr/bin/env bash
# Runs the real plugin end to end without a store: sample shop → OrderPlacedEvent consumer → in-memory outbox →
# dispatcher/worker → Transactionale, Voyado Engage and VTmarketing channels → fake vendors on 127.0.0.1 that check
# the documented contracts. Exit code 0 only when every delivery ended as the scenario expects.
# usage: build/sandbox.sh [--orders N] [--scenario healthy|outage|rate-limited|slow|flaky|bursts] [--show-payloads]
# env:   OT_TRANSACTIONALE_URL (endpoint), OT_VOYADO_URL (tenant base URL), OT_VTMARKETING_URL (endpoint) send a vendor
#        elsewhere instead of its fake (https, or plain http to loopback).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
project="$root/Tests/Nop.Plugin.Misc.OrderTouchpoints.Sandbox"
if ! build_log="$(dotnet build "$project/Nop.Plugin.Misc.OrderTouchpoints.Sandbox.csproj" -c Release -nologo -v quiet 2>&1)"; then
  echo "$build_log" >&2
  exit 1
fi
exec dotnet "$project/bin/Release/net9.0/Nop.Plugin.Misc.OrderTouchpoints.Sandbox.dll" "$@"
