#!/usr/bin/env bash
# Starts (or stops) the PostgreSQL and MariaDB servers the outbox's database tests and the PostgreSQL
# benchmarks run against: the Debian packages (installed with apt-get when missing), each with its own data
# directory under artifacts/db and its own port, so nothing else on the machine is touched.
# usage: build/db-servers.sh start|stop|env
#   start  installs what is missing, starts both servers if not running, prints the env lines
#   env    prints OT_TEST_POSTGRES=… and OT_TEST_MARIADB=… (connection strings) for the running servers
#   stop   stops both servers
# env: OT_DB_PG_PORT, OT_DB_MARIADB_PORT: the ports; by default derived from the checkout's path (PostgreSQL
#      55500–55599, MariaDB 33500–33599), so two checkouts on one machine each get their own servers.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
base="$root/artifacts/db"
offset=$(( $(printf '%s' "$root" | cksum | cut -d' ' -f1) % 100 ))
pg_port="${OT_DB_PG_PORT:-$((55500 + offset))}"
maria_port="${OT_DB_MARIADB_PORT:-$((33500 + offset))}"
pg_dir="$base/postgres"
maria_dir="$base/mariadb"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

pg_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$dir" ] && echo "$dir"
}

install_missing() {
  local packages=()
  [ -n "$(pg_bin)" ] || packages+=(postgresql)
  command -v mariadbd >/dev/null 2>&1 || command -v mysqld >/dev/null 2>&1 || packages+=(mariadb-server)
  if [ "${#packages[@]}" -gt 0 ]; then
    as_root apt-get update -qq
    # The packages' own services stay off (policy-rc.d in containers, or simply never started here).
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  fi
}

# PostgreSQL refuses to run as root: its cluster belongs to the postgres account the package creates.
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_postgres() {
  local bin; bin="$(pg_bin)"
  mkdir -p "$pg_dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$pg_dir"
  if [ ! -f "$pg_dir/data/PG_VERSION" ]; then
    as_postgres "$bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
  fi
  if ! as_postgres "$bin/pg_ctl" -D "$pg_dir/data" status >/dev/null 2>&1; then
    as_postgres "$bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
      -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
  fi
}

maria_server() { command -v mariadbd || command -v mysqld; }

start_mariadb() {
  mkdir -p "$maria_dir"
  if [ ! -d "$maria_dir/data/mysql" ]; then
    mariadb-install-db --no-defaults --datadir="$maria_dir/data" --user="$(id -un)" --auth-root-authentication-method=normal >/dev/null
  fi
  if ! mariadb-admin --no-defaults -h 127.0.0.1 -P "$maria_port" -u root ping >/dev/null 2>&1; then
    # Detached, its output in the data directory: a caller capturing this script's output must not wait on it.
    nohup setsid "$(maria_server)" --no-defaults --datadir="$maria_dir/data" --port="$maria_port" --bind-address=127.0.0.1 \
      --socket="$maria_dir/mariadb.sock" --pid-file="$maria_dir/mariadb.pid" --user="$(id -un)" \
      --innodb-flush-log-at-trx-commit=2 --skip-log-bin --log-error="$maria_dir/server.log" >>"$maria_dir/server.out" 2>&1 </dev/null &
    for _ in $(seq 1 60); do
      mariadb-admin --no-defaults -h 127.0.0.1 -P "$maria_port" -u root ping >/dev/null 2>&1 && return 0
      sleep 1
    done
    echo "MariaDB did not start; see $maria_dir/server.log" >&2
    return 1
  fi
}

print_env() {
  echo "OT_TEST_POSTGRES=Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
  echo "OT_TEST_MARIADB=Server=127.0.0.1;Port=$maria_port;User ID=root;Database=mysql;AllowUserVariables=true"
}

case "${1:-}" in
  start)
    install_missing
    start_postgres
    start_mariadb
    print_env
    ;;
  env)
    print_env
    ;;
  stop)
    bin="$(pg_bin || true)"
    [ -n "$bin" ] && [ -f "$pg_dir/data/PG_VERSION" ] && as_postgres "$bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true
    mariadb-admin --no-defaults -h 127.0.0.1 -P "$maria_port" -u root shutdown >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: build/db-servers.sh start|stop|env" >&2
    exit 2
    ;;
esac
