#!/usr/bin/env bash
# Annual reports (issue 20), one command: a region of SITES (1,000) generated sites with their
# articles and a year of daily visit figures; every site's 政府网站工作年度报表 computed from the
# platform's data and exported to xlsx, PDF (Chromium) for PDFS (20) of them, and each region's
# 政府网站监管年度报表 computed and exported to xlsx and PDF.
#
#   bench/reports.sh
#   SITES=100 bench/reports.sh       # a smaller run
set -euo pipefail
cd "$(dirname "$0")/.."
SITES="${SITES:-1000}"
PDFS="${PDFS:-20}"
DATA="$(mktemp -d /tmp/govsite-reports.XXXXXX)"
trap 'rm -rf "$DATA"' EXIT
mkdir -p bench/results
[ "${NO_BUILD:-0}" = 1 ] || dotnet build bench/GovSite.Bench -c Release -v quiet -nologo
{
  echo "== annual reports: $SITES sites, $PDFS PDFs; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "wall %e s, peak RSS %M KB" dotnet bench/GovSite.Bench/bin/Release/net10.0/GovSite.Bench.dll annual-reports --sites "$SITES" --pdfs "$PDFS" --data "$DATA"
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee "bench/results/reports-$SITES.md"
