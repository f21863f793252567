#!/usr/bin/env bash
# Runs the benchmark harness (Tests/Nop.Plugin.Misc.OrderTouchpoints.Benchmarks) in Release and prints its
# "METRIC <name> <value> <unit>" lines (and "# ..." notes), then the PostgreSQL ones (…DbBenchmarks).
# usage: build/bench.sh [--quick] [benchmark name...]   --quick: a tenth of the work; names: run only those
#        build/bench.sh --engines [batching commit]     this engine and the batching one on PostgreSQL, side by side
#        build/bench.sh store-load [--reuse-store] [--keep-store] [--checkouts K] [--rounds R] [--orders N]
#          checkout under load in the real nopCommerce store (nophost, ../shared/nophost or NOPHOST): a fresh store with the
#          plugin uploaded and configured for fake vendors on 127.0.0.1, K concurrent storefront checkouts (default 4), R
#          rounds (6) of N orders (16) with the vendors off and on in turn, then the dispatcher alone; prints METRIC lines
#          (also in artifacts/store-load/store-load.txt); the store and its database are stopped at the end unless
#          --keep-store is given (the end-to-end suite uses the same nophost home). On PostgreSQL a fresh store's server
#          runs with pg_stat_statements for the run, so the dispatcher's drains also print their statements' times. Not
#          part of a plain run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

# --engines: the PostgreSQL benchmarks of this checkout and of the last batching engine (claims into a send queue,
# starts, group-committed results; replaced by single-phase claims in 2df8f0f) on one server in one run, each
# engine built from its own commit in artifacts/, then their engine figures side by side.
if [ "${1:-}" = "--engines" ]; then
  batching_commit="${2:-2df8f0f^}"
  batching_dir="$root/artifacts/engine-batching"
  git -C "$root" worktree remove --force "$batching_dir" 2>/dev/null || rm -rf "$batching_dir"
  git -C "$root" worktree add --detach "$batching_dir" "$batching_commit" >/dev/null
  trap 'git -C "$root" worktree remove --force "$batching_dir" 2>/dev/null || true' EXIT
  for tree in "$root" "$batching_dir"; do
    dotnet build "$tree/Tests/Nop.Plugin.Misc.OrderTouchpoints.DbBenchmarks/Nop.Plugin.Misc.OrderTouchpoints.DbBenchmarks.csproj" \
      -c Release -nologo -v quiet >/dev/null
  done
  db_env="$("$root/build/db-servers.sh" start)"
  while IFS= read -r line; do export "${line?}"; done <<<"$db_env"
  trap '"$root/build/db-servers.sh" stop; git -C "$root" worktree remove --force "$batching_dir" 2>/dev/null || true' EXIT
  dll=bin/Release/net9.0/Nop.Plugin.Misc.OrderTouchpoints.DbBenchmarks.dll
  results="$root/artifacts/engines"
  mkdir -p "$results"
  echo "# single-phase engine ($(git -C "$root" rev-parse --short HEAD))"
  dotnet "$root/Tests/Nop.Plugin.Misc.OrderTouchpoints.DbBenchmarks/$dll" | tee "$results/single-phase.txt"
  echo "# batching engine ($(git -C "$batching_dir" rev-parse --short HEAD))"
  dotnet "$batching_dir/Tests/Nop.Plugin.Misc.OrderTouchpoints.DbBenchmarks/$dll" | tee "$results/batching.txt"
  echo "# side by side: metric, single-phase, batching"
  for metric in checkout_plugin_us_p99_pg claim_ms_p99_pg_100k dispatch_per_s_pg_100k dispatch_per_s_pg_1m recovery_s_pg_10k; do
    single="$(awk -v m="$metric" '$1 == "METRIC" && $2 == m { print $3 " " $4 }' "$results/single-phase.txt")"
    batched="$(awk -v m="$metric" '$1 == "METRIC" && $2 == m { print $3 " " $4 }' "$results/batching.txt")"
    echo "ENGINES $metric ${single:-n/a} | ${batched:-n/a}"
  done
  exit 0
fi
if [ "${1:-}" = store-load ]; then
  shift
  fresh=1
  keep=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --reuse-store) fresh=0 ;;
      --keep-store) keep=1 ;;
      --checkouts) export STORE_LOAD_CHECKOUTS="$2"; shift ;;
      --rounds) export STORE_LOAD_ROUNDS="$2"; shift ;;
      --orders) export STORE_LOAD_ORDERS="$2"; shift ;;
      *) echo "store-load: unknown argument $1" >&2; exit 2 ;;
    esac
    shift
  done
  kit="${NOPHOST:-$root/../shared/nophost}"
  nophost="$(cd "$kit" && pwd)/nophost"
  artifacts="$root/artifacts/store-load"
  rm -rf "$artifacts"
  mkdir -p "$artifacts"
  "$root/build/chromium.sh" "$artifacts/apt.log"
  "$root/build/package.sh" >"$artifacts/package.log" 2>&1 || { cat "$artifacts/package.log" >&2; exit 1; }
  "$nophost" build
  eval "$("$nophost" env 2>/dev/null)"
  # On PostgreSQL the drain's database time is also read per statement (pg_stat_statements): the library is loaded for
  # this run only, through the superuser nophost keeps for its own cluster; it needs a server start, so a fresh store.
  stats=0
  pg_admin() {
    PGPASSWORD="$(cat "$NOPHOST_HOME/pg/superuser.password")" "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/psql" \
      -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "${NOPHOST_PG_PORT:-55439}" -U postgres "$@"
  }
  statement_stats_off() {
    [ "$stats" = 1 ] && pg_admin -d postgres -c "ALTER SYSTEM RESET shared_preload_libraries" \
      -c "ALTER SYSTEM RESET pg_stat_statements.track_planning" >/dev/null 2>&1 || true
  }
  if [ "$keep" = 1 ]; then
    trap statement_stats_off EXIT
  else
    trap 'statement_stats_off; "$nophost" stop --all >/dev/null 2>&1 || true; "$nophost" db stop >/dev/null 2>&1 || true' EXIT
  fi
  if [ "$fresh" = 1 ] && [ "${NOPHOST_DB:-postgresql}" = postgresql ]; then
    "$nophost" stop --all >/dev/null
    "$nophost" db start >/dev/null
    pg_admin -d postgres -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" && stats=1
    "$nophost" db stop >/dev/null
  fi
  if [ "$fresh" = 1 ]; then "$nophost" reset; else "$nophost" db start; "$nophost" start; fi
  eval "$("$nophost" env)"
  if [ "$stats" = 1 ]; then
    pg_admin -d nopcommerce -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" \
      -c "ALTER SYSTEM SET pg_stat_statements.track_planning = on" -c "SELECT pg_reload_conf()" >/dev/null
  fi
  export E2E_PLUGIN_ZIP="$root/dist/Nop.Plugin.Misc.OrderTouchpoints.zip" E2E_NOPHOST="$nophost" \
    E2E_REPOSITORY="$root" E2E_ARTIFACTS="$artifacts"
  status=0
  dotnet test "$root/Tests/Nop.Plugin.Misc.OrderTouchpoints.E2E/Nop.Plugin.Misc.OrderTouchpoints.E2E.csproj" -c Release -nologo -v:quiet \
    --filter "TestCategory=StoreLoad" --logger "console;verbosity=normal" --results-directory "$artifacts/results" \
    >"$artifacts/run.log" 2>&1 || status=$?
  grep -E '^ *(METRIC|#)' "$artifacts/run.log" | sed 's/^ *//' || true
  [ "$status" = 0 ] || { echo "store-load: the run failed ($status), see $artifacts/run.log" >&2; tail -n 40 "$artifacts/run.log" >&2; }
  exit $status
fi
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
