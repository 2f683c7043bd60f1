#!/usr/bin/env bash
# Sourced by .ci/run (and by developers before running the store tests): initialises and starts
# Debian's PostgreSQL 15 on 127.0.0.1 with a throw-away cluster and test database, then exports
# VPATCH_TEST_PG_URL. Installs nothing. Idempotent: a cluster already answering on the port is reused.
# Safe to source under `set -euo pipefail`; on any failure it leaves VPATCH_TEST_PG_URL unset so the
# PostgreSQL tests are skipped rather than the whole run failing.
vpatch_pg_start() {
  local bin=/usr/lib/postgresql/15/bin
  local port=${VPATCH_TEST_PG_PORT:-55432}
  local dir=${VPATCH_TEST_PG_DIR:-/tmp/vpatch-pg-$port}
  local as=()
  [[ -x $bin/postgres ]] || { echo "postgres.sh: $bin/postgres not found; PostgreSQL tests will be skipped" >&2; return 0; }
  if [[ $(id -u) -eq 0 ]]; then as=(runuser -u postgres --); fi
  if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    if [[ ! -s $dir/PG_VERSION ]]; then
      mkdir -p "$dir"
      [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$dir"
      "${as[@]}" "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null || return 0
    fi
    "${as[@]}" "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
      -o "-h 127.0.0.1 -p $port -k $dir -c fsync=on -c max_connections=50" start >/dev/null || return 0
  fi
  "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname='vpatch_test'" | grep -q 1 \
    || "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "CREATE DATABASE vpatch_test" >/dev/null || return 0
  export VPATCH_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$port/vpatch_test?user=postgres"
  echo "postgres.sh: PostgreSQL 15 on 127.0.0.1:$port, VPATCH_TEST_PG_URL=$VPATCH_TEST_PG_URL" >&2
}
vpatch_pg_start
