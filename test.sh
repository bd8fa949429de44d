#!/usr/bin/env bash
# GovSite's whole test suite: once on SQLite (with the browser tests), once on PostgreSQL.
# Installs what it needs on Debian (Chromium, CJK fonts, PostgreSQL) and starts a throw-away
# PostgreSQL on loopback unless GOVSITE_TEST_PG already names a server.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }

need=()
command -v chromium >/dev/null || need+=(chromium)
# (grep without -q reads all input: with pipefail, -q would fail the pipe by SIGPIPE)
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need+=(fonts-noto-cjk)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need+=(postgresql)
# The static-export test serves the export with nginx and compares it with the dynamic pages.
[ -x /usr/sbin/nginx ] || need+=(nginx-light)
# Supervision's tests read the PDFs Chromium makes (通报, the desk) with pdftotext and pdfinfo.
# The annual disclosure report tests read the PDF's text and pages back.
command -v pdftotext >/dev/null || need+=(poppler-utils)
# The three-node stage puts wrk's load through nginx onto three GovSite processes.
command -v wrk >/dev/null || need+=(wrk)
# `publish-static --push` copies an export to the internet-facing servers with rsync.
command -v rsync >/dev/null || need+=(rsync)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing: ${need[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

pg_dir=""
stop_pg() {
  if [ -n "$pg_dir" ]; then
    pg_run "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
trap stop_pg EXIT

pg_run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ -z "${GOVSITE_TEST_PG:-}" ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pg_dir=$(mktemp -d /tmp/govsite-pg.XXXXXX)
  pg_port=${GOVSITE_TEST_PG_PORT:-55432}
  # PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
  [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
  pg_run "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  pg_run "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200" start >/dev/null
  export GOVSITE_TEST_PG="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
fi

dotnet build tests/GovSite.Tests -c Release --nologo -v q -clp:ErrorsOnly

results=$(mktemp)
status=0
echo "== tests on SQLite (with browser tests)"
(unset GOVSITE_TEST_PG; dotnet test tests/GovSite.Tests -c Release --no-build --nologo --filter "Category!=Nodes&Category!=Faults") | tee -a "$results" || status=1
echo "== tests on PostgreSQL"
dotnet test tests/GovSite.Tests -c Release --no-build --nologo --filter "Category!=Browser&Category!=Nodes&Category!=Recipe&Category!=Faults" | tee -a "$results" || status=1
# Three GovSite processes on one PostgreSQL behind nginx, under wrk for 60 s (about 2 minutes).
echo "== three nodes behind nginx (PostgreSQL)"
dotnet test tests/GovSite.Tests -c Release --no-build --nologo --filter "Category=Nodes" --logger "console;verbosity=normal" | tee -a "$results" || status=1
# kill -9 mid-work, a PostgreSQL restart on a cluster of the test's own, a full disk on tmpfs (root).
echo "== faults (SQLite, then PostgreSQL)"
(unset GOVSITE_TEST_PG; dotnet test tests/GovSite.Tests -c Release --no-build --nologo --filter "Category=Faults") | tee -a "$results" || status=1
dotnet test tests/GovSite.Tests -c Release --no-build --nologo --filter "Category=Faults" --logger "console;verbosity=normal" | tee -a "$results" || status=1

passed=$(grep -oE "Passed: +[0-9]+" "$results" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE "Failed: +[0-9]+" "$results" | awk '{s+=$2} END {print s+0}')
# The names of the failed tests close the output, so that a log cut to its tail still names them.
if [ "$failed" != 0 ]; then
  echo "== failed tests"
  # Each failed test with the start of its message, so CI's printed tail says why.
  awk '/^ +Failed GovSite\./ {n=14} n>0 {print; n--}' "$results" | cut -c1-400 || true
fi
rm -f "$results"
echo "tests: $passed passed, $failed failed"
exit $status
