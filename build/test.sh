#!/usr/bin/env bash
# Runs every test of OutOfDark, provisioning what the tests need first:
#   - a throwaway PostgreSQL cluster on 127.0.0.1, from the machine's PostgreSQL binaries (installed with apt if missing),
#     with a database for Orleans' ADO.NET membership tables (OutOfDark.Orleans' schema script, run with psql);
#   - Debian's Chromium, for the browser tests (installed with apt if missing);
#   - Mermaid's JavaScript bundle from npm, for checking Mermaid output in the browser.
# Ends with one line: "N passed, N failed" (and ", N skipped" when any were skipped).
# Usage: bash build/test.sh [extra dotnet test arguments, e.g. --filter ...]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
work="$(mktemp -d "${TMPDIR:-/tmp}/outofdark-test.XXXXXX")"
chmod 755 "$work"
pg_data=""
pg_ctl=""
pg_user=""
pg_port=""

log() { printf '[test] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root to run: $*"; return 1; fi
}

apt_install() {
  log "installing $* with apt-get"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

cleanup() {
  local status=$?
  if [ -n "$pg_data" ] && [ -n "$pg_ctl" ]; then
    run_pg "$pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
  exit $status
}
trap cleanup EXIT INT TERM

run_pg() {
  if [ -n "$pg_user" ]; then runuser -u "$pg_user" -- "$@"; else "$@"; fi
}

start_postgres() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    apt_install postgresql
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi
  pg_ctl="$bin/pg_ctl"
  # initdb refuses to run as root: run the cluster as the postgres user then.
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || as_root useradd --system --no-create-home postgres
    pg_user=postgres
  fi
  pg_data="$work/pg"
  mkdir -p "$pg_data"
  [ -n "$pg_user" ] && chown "$pg_user" "$pg_data"
  run_pg "$bin/initdb" -D "$pg_data" -U outofdark -A trust -E UTF8 --no-locale >/dev/null
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 30000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
  done
  run_pg "$pg_ctl" -D "$pg_data" -w -t 60 -l "$pg_data/server.log" \
    -o "-p $port -k $pg_data -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  pg_port="$port"
  export OUTOFDARK_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=outofdark;Database=postgres;Pooling=true"
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

# Orleans' ADO.NET clustering provider reads its SQL from the database: a database of its own, with OutOfDark.Orleans'
# schema script (the file the package embeds as OrleansPostgreSqlSchema.Script) run by psql. Test clusters share it,
# each under its own cluster id.
prepare_orleans_membership() {
  local bin psql
  bin="$(dirname "$pg_ctl")"
  psql=("$bin/psql" -h 127.0.0.1 -p "$pg_port" -U outofdark -q -v ON_ERROR_STOP=1)
  "${psql[@]}" -d postgres -c "CREATE DATABASE orleans_membership" >/dev/null
  PGOPTIONS="-c client_min_messages=warning" "${psql[@]}" -d orleans_membership --single-transaction \
    -f "$root/src/OutOfDark.Orleans/Sql/OrleansPostgreSqlClustering.sql" >/dev/null
  export OUTOFDARK_TEST_ORLEANS_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=outofdark;Database=orleans_membership;Pooling=true"
  log "Orleans membership schema in database orleans_membership"
}

provide_chromium() {
  if ! command -v chromium >/dev/null; then
    apt_install chromium
  fi
  export OUTOFDARK_TEST_CHROMIUM="$(command -v chromium)"
  log "Chromium at $OUTOFDARK_TEST_CHROMIUM"
}

provide_mermaid() {
  local dir="$root/tools/mermaid"
  [ -f "$dir/package.json" ] || return 0
  if ! command -v npm >/dev/null; then
    apt_install nodejs npm
  fi
  if [ ! -f "$dir/node_modules/mermaid/dist/mermaid.min.js" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
  export OUTOFDARK_TEST_MERMAID_JS="$dir/node_modules/mermaid/dist/mermaid.min.js"
  log "Mermaid at $OUTOFDARK_TEST_MERMAID_JS"
}

start_postgres
prepare_orleans_membership
provide_chromium
provide_mermaid

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log "building"
dotnet build OutOfDark.sln -c Release -nologo -v quiet -clp:ErrorsOnly
log "testing"
set +e
# The console logger at "minimal" prints each failed test with its message and stack trace (quiet prints only its name).
dotnet test OutOfDark.sln -c Release --no-build -nologo -v quiet --logger "console;verbosity=minimal" "$@" 2>&1 | tee "$work/test.log"
status=${PIPESTATUS[0]}
set -e

# Each test assembly prints "Passed!  - Failed: N, Passed: N, Skipped: N, Total: N" (or "Failed!  - …").
awk '
  /(Passed|Failed)! *- *Failed:/ {
    line = $0; gsub(/,/, "", line)
    for (i = 1; i <= NF; i++) { f = $i; gsub(/,/, "", f); v = $(i+1); gsub(/,/, "", v)
      if (f == "Failed:") failed += v; else if (f == "Passed:") passed += v; else if (f == "Skipped:") skipped += v }
    runs++
  }
  END {
    if (runs == 0) { print "0 passed, 1 failed"; exit }
    printf "%d passed, %d failed", passed, failed
    if (skipped > 0) printf ", %d skipped", skipped
    printf "\n"
  }' "$work/test.log" | tee "$work/summary"
if [ "$status" -ne 0 ] && grep -q ' 0 failed' "$work/summary"; then
  log "dotnet test exited with $status without a failed test: see the output above"
fi
exit "$status"
