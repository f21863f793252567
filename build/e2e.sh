#!/usr/bin/env bash
# The end-to-end suite against a real nopCommerce 4.90.3 store on PostgreSQL, then MariaDB (see README "End-to-end tests"):
# installs Debian's chromium if missing, builds the plugin zip, brings up a clean store with nophost
# (../shared/nophost, or the kit folder in NOPHOST), runs Tests/Nop.Plugin.Misc.OrderTouchpoints.E2E and ends with
# "N passed, N failed, N skipped". Artifacts (screenshots, vendor request logs, store log excerpts): artifacts/e2e/.
#
#   build/e2e.sh                     a fresh store (nophost reset), then the suite; then a fresh MariaDB store and its part
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

"$root/build/chromium.sh" "$artifacts/apt.log"

"$root/build/package.sh"

# The previous release for the upgrade scenario (E2E_PREVIOUS_VERSION, default 1.2.0): the commit of this history that
# first set that version in plugin.json, built from a git archive with its own build/package.sh. The scenario reads
# both versions from the plugin.json files, so it holds before and after this branch's version moves on.
current_version="$(sed -n 's/.*"Version": *"\([^"]*\)".*/\1/p' "$root/plugin.json")"
previous_dir="$artifacts/previous-release"
previous_commit="$(git -C "$root" log --format=%H --reverse -S"\"Version\": \"${E2E_PREVIOUS_VERSION:-1.2.0}\"" HEAD -- plugin.json 2>/dev/null | head -n 1 || true)"
if [ -n "$previous_commit" ]; then
  mkdir -p "$previous_dir"
  git -C "$root" archive "$previous_commit" | tar -x -C "$previous_dir"
  echo "[e2e] previous release $(sed -n 's/.*"Version": *"\([^"]*\)".*/\1/p' "$previous_dir/plugin.json") from ${previous_commit:0:12} (current $current_version)" >&2
  "$previous_dir/build/package.sh" >"$artifacts/previous-release-build.log" 2>&1
  export E2E_PREVIOUS_PLUGIN_ZIP="$previous_dir/dist/Nop.Plugin.Misc.OrderTouchpoints.zip"
else
  echo "[e2e] no previous release found on main: the upgrade scenario is skipped" >&2
fi

if [ "$mode" != own ]; then
  "$nophost" build
  if [ "$mode" = fresh ]; then "$nophost" reset; else "$nophost" db start; "$nophost" start; fi
  eval "$("$nophost" env)"
fi
export E2E_PLUGIN_ZIP="$root/dist/Nop.Plugin.Misc.OrderTouchpoints.zip" E2E_NOPHOST="$nophost" \
  E2E_REPOSITORY="$root" E2E_ARTIFACTS="$artifacts"

status=0
suite="$root/Tests/Nop.Plugin.Misc.OrderTouchpoints.E2E/Nop.Plugin.Misc.OrderTouchpoints.E2E.csproj"
dotnet test "$suite" -c Release -nologo -v:quiet \
  --logger "trx;LogFileName=Nop.Plugin.Misc.OrderTouchpoints.E2E.trx" --logger "console;verbosity=normal" \
  --results-directory "$results" "$@" || status=$?

# The same store on MariaDB (nopCommerce's MySQL provider): a fresh store, then the scenarios of the MariaDB category
# (install, configure, money orders, admin actions, an outage, uninstall). Part of a fresh run; E2E_MARIADB=0 skips it,
# E2E_MARIADB=1 adds it to a --reuse-store run.
if [ "${E2E_MARIADB:-$([ "$mode" = fresh ] && echo 1 || echo 0)}" = 1 ] && [ "$mode" != own ]; then
  "$nophost" stop --all || true
  if NOPHOST_DB=mariadb "$nophost" reset; then
    eval "$(NOPHOST_DB=mariadb "$nophost" env)"
    export E2E_ARTIFACTS="$artifacts/mariadb"
    dotnet test "$suite" -c Release -nologo -v:quiet --no-build --filter "TestCategory=MariaDb" \
      --logger "trx;LogFileName=Nop.Plugin.Misc.OrderTouchpoints.E2E.MariaDb.trx" --logger "console;verbosity=normal" \
      --results-directory "$results" || status=$?
    NOPHOST_DB=mariadb "$nophost" stop --all || true
    NOPHOST_DB=mariadb "$nophost" db stop || true
  else
    echo "[e2e] the MariaDB store could not be set up" >&2
    status=1
  fi
fi

if [ "$mode" = fresh ]; then "$nophost" stop --all || true; fi
"$root/build/trx-summary.sh" "$results" || status=1
exit $status
