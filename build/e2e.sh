#!/usr/bin/env bash
# The end-to-end suite against a real nopCommerce 4.90.3 store on PostgreSQL (see README "End-to-end tests"):
# installs Debian's chromium if missing, builds the plugin zip, brings up a clean store with nophost
# (../shared/nophost, or the kit folder in NOPHOST), runs Tests/Nop.Plugin.Misc.OrderTouchpoints.E2E and ends with
# "N passed, N failed, N skipped". Artifacts (screenshots, vendor request logs, store log excerpts): artifacts/e2e/.
#
#   build/e2e.sh                     a fresh store (nophost reset), then the suite
#   build/e2e.sh --reuse-store       the running nophost store as it is (faster while developing)
#   build/e2e.sh --own-store         your own store: export NOP_URL, NOP_ADMIN_EMAIL, NOP_ADMIN_PASSWORD, NOP_PG,
#                                    NOP_WEB_DIR, NOP_SRC, NOP_LOG, NOP_PID_FILE, NOP_USER_AGENT first (as `nophost env` does)
#   extra arguments go to dotnet test, e.g. --filter "FullyQualifiedName~Checkout"
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mode=fresh
case "${1:-}" in --reuse-store) mode=reuse; shift ;; --own-store) mode=own; shift ;; esac
kit="${NOPHOST:-$root/../shared/nophost}"
nophost="$(cd "$kit" && pwd)/nophost"
artifacts="$root/artifacts/e2e"
results="$artifacts/results"
rm -rf "$artifacts"
mkdir -p "$results"

if [ ! -x /usr/bin/chromium ]; then
  echo "[e2e] installing Debian's chromium (log: $artifacts/apt.log)" >&2
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; } >"$artifacts/apt.log" 2>&1
fi

"$root/build/package.sh"

if [ "$mode" != own ]; then
  "$nophost" build
  if [ "$mode" = fresh ]; then "$nophost" reset; else "$nophost" db start; "$nophost" start; fi
  eval "$("$nophost" env)"
fi
export E2E_PLUGIN_ZIP="$root/dist/Nop.Plugin.Misc.OrderTouchpoints.zip" E2E_NOPHOST="$nophost" \
  E2E_REPOSITORY="$root" E2E_ARTIFACTS="$artifacts"

status=0
dotnet test "$root/Tests/Nop.Plugin.Misc.OrderTouchpoints.E2E/Nop.Plugin.Misc.OrderTouchpoints.E2E.csproj" -c Release -nologo -v:quiet \
  --logger "trx;LogFileName=Nop.Plugin.Misc.OrderTouchpoints.E2E.trx" --logger "console;verbosity=normal" \
  --results-directory "$results" "$@" || status=$?

if [ "$mode" = fresh ]; then "$nophost" stop --all || true; fi
"$root/build/trx-summary.sh" "$results" || status=1
exit $status
