#!/usr/bin/env bash
# Builds the plugin in Release against the reference surface and writes dist/Nop.Plugin.Misc.OrderTouchpoints.zip,
# ready for Admin → Configuration → Local plugins → "Upload plugin or theme".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dotnet build "$root/Nop.Plugin.Misc.OrderTouchpoints/Nop.Plugin.Misc.OrderTouchpoints.csproj" \
  -c Release -t:PackagePlugin -nologo -v:minimal "$@"
