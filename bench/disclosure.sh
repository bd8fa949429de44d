#!/usr/bin/env bash
# 政府信息公开 at scale (issue 17), one command:
#   1. the 政府信息公开目录 page over ITEMS (1,000,000) 主动公开 entries on 99 department sites of a
#      county, asked through HTTP on a running GovSite (SQLite) the way a visitor asks it: the
#      portal's catalogue (its own and its departments' entries) and a department's, first pages
#      and deep pages (400–500, the last served), by 主题分类, by 体裁, by organ, by two lists at
#      once; searched by a title word, a 文号 in two spellings, a 文号 without its issuer in two
#      spellings and an 索引号; and GET /api/v1/sites/{code}/disclosure/catalogue?subject=&genre=&organ=&page=;
#      every URL once, so the page cache never answers; p50/p95/max of REQUESTS requests per kind;
#      generation time (inserts, then the search index's catch-up at start), database size, peak RSS;
#   2. the annual disclosure report (国办公开办函〔2021〕30号 table) of SITES (1,000) sites with
#      PER_SITE (100) requests each, computed and exported to xlsx (REPORT=0 leaves it out).
#
#   bench/disclosure.sh
#   DATA=/tmp/catalogue-1m bench/disclosure.sh     # keeps the catalogue database; a second run only times
#   DATA=/tmp/catalogue-1m REPORT=0 NO_BUILD=1 nice -n 5 bench/disclosure.sh   # the catalogue alone, again
#   ITEMS=100000 SITES=100 bench/disclosure.sh     # a smaller run
#   SEARCH=0 ...                                   # pages and lists only: no indexing at start (an hour and more
#                                                  # at a million on a loaded machine), no searches timed
set -euo pipefail
cd "$(dirname "$0")/.."
ITEMS="${ITEMS:-1000000}"
REQUESTS="${REQUESTS:-200}"
SITES="${SITES:-1000}"
PER_SITE="${PER_SITE:-100}"
PORT="${PORT:-5231}"
if [ -z "${DATA:-}" ]; then
  DATA="$(mktemp -d /tmp/govsite-catalogue.XXXXXX)"
  trap 'rm -rf "$DATA" "${REPORTS:-}"' EXIT
fi
REPORTS="$(mktemp -d /tmp/govsite-disclosure-report.XXXXXX)"
mkdir -p bench/results
[ "${NO_BUILD:-0}" = 1 ] || dotnet build bench/GovSite.Bench -c Release -v quiet -nologo
BENCH="dotnet bench/GovSite.Bench/bin/Release/net10.0/GovSite.Bench.dll"
{
  echo "== catalogue: $ITEMS entries, $REQUESTS requests per kind; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  $BENCH disclosure-catalogue --items "$ITEMS" --data "$DATA" --port "$PORT" --requests "$REQUESTS" --searches "$([ "${SEARCH:-1}" = 1 ] && echo true || echo false)"
  [ "${REPORT:-1}" = 1 ] || exit 0
  echo
  echo "== annual disclosure report: $SITES sites x $PER_SITE requests; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  rm -rf "$REPORTS"; mkdir -p "$REPORTS"
  $BENCH disclosure-report --sites "$SITES" --requests "$PER_SITE" --data "$REPORTS"
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "bench/results/disclosure-$ITEMS.md"
