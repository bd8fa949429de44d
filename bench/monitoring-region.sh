#!/usr/bin/env bash
# Monitoring at region scale (issue 14): SITES farm sites of about PAGES pages each, served on
# loopback by one process, all checked in one run by GovSite's checker (the command line's runner,
# PARALLEL sites at a time) in another. Reports sites per hour, sites per CPU-hour of the checker
# (the "per core" rate to set beside GSA Site Scanning's ~200 sites/h per worker) and peak memory.
# Usage: bench/monitoring-region.sh   (SITES=1000 PAGES=200 PARALLEL=8 PORT=5223 to change)
set -euo pipefail
cd "$(dirname "$0")/.."

SITES=${SITES:-1000}
PAGES=${PAGES:-200}
PARALLEL=${PARALLEL:-8}
PORT=${PORT:-5223}
OUT=$(mktemp -d /tmp/govsite-region-XXXXXX)
BENCH_DIR=${BENCH_DIR:-/tmp/govsite-bench-r2r}
BENCH=$BENCH_DIR/GovSite.Bench
dotnet publish bench/GovSite.Bench -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$BENCH_DIR" -v q -nologo >/dev/null

"$BENCH" farm-serve --port "$PORT" --pages 10 --region "$SITES" --region-pages "$PAGES" >"$OUT/farm.log" 2>&1 &
FARM_PID=$!
trap 'kill $FARM_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
    if ! kill -0 "$FARM_PID" 2>/dev/null; then echo "farm exited:"; cat "$OUT/farm.log"; exit 1; fi
    if grep -q "farm ready" "$OUT/farm.log"; then break; fi
    sleep 0.5
done
for i in $(seq 0 $((SITES - 1))); do printf 'http://127.0.0.1:%s/f/r%04d/\n' "$PORT" "$i"; done >"$OUT/urls.txt"
echo "== $SITES sites of ~$PAGES pages, $PARALLEL at a time; load before: $(uptime)"
"$BENCH" check-region --from "$OUT/urls.txt" --parallel "$PARALLEL" --out "$OUT/report.json" 2>"$OUT/progress.log" | tee "$OUT/region.env"
echo "load after: $(uptime)"
# shellcheck disable=SC1091
. "$OUT/region.env"
CORES=$(nproc)
printf 'sites per hour: %s on %s cores = %.0f per core (wall clock, farm server on the same cores); %s per CPU-hour of the checker\n' \
    "$REGION_SITES_PER_HOUR" "$CORES" "$(echo "$REGION_SITES_PER_HOUR / $CORES" | bc -l)" "$REGION_SITES_PER_CPU_HOUR"
printf 'beside GSA Site Scanning: ~2,000 sites/h on 10 workers = ~200 sites/h per worker\n'
printf 'peak memory of the checker: %s MB; verdicts: %s pass, %s fail, %s error\n' "$REGION_PEAK_RSS_MB" "$REGION_PASS" "$REGION_FAIL" "$REGION_ERROR"
echo "output kept in $OUT"
