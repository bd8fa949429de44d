#!/usr/bin/env bash
# Supervision at region scale (issue 19): a spot-check round over SITES farm sites of about PAGES
# pages each (sampled with a recorded seed at RATIO, every sampled site checked through the
# platform's job queue and check runs, PARALLEL at a time, and scored), with its time and peak
# memory; then SHEETS sites scored again from their stored evidence.
# Usage: bench/supervision.sh   (SITES=1000 PAGES=200 RATIO=1 PARALLEL=8 SHEETS=10000 PORT=5224 BENCH_DIR=… to change)
set -euo pipefail
cd "$(dirname "$0")/.."

SITES=${SITES:-1000}
PAGES=${PAGES:-200}
RATIO=${RATIO:-1}
PARALLEL=${PARALLEL:-8}
SHEETS=${SHEETS:-10000}
PORT=${PORT:-5224}
OUT=$(mktemp -d /tmp/govsite-supervision-XXXXXX)
BENCH_DIR=${BENCH_DIR:-/tmp/govsite-bench-r2r}
BENCH=$BENCH_DIR/GovSite.Bench
# NO_PUBLISH=1 reuses a bench already published to BENCH_DIR.
[ "${NO_PUBLISH:-0}" = 1 ] || dotnet publish bench/GovSite.Bench -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$BENCH_DIR" -v q -nologo >/dev/null

"$BENCH" farm-serve --port "$PORT" --pages 10 --region "$SITES" --region-pages "$PAGES" >"$OUT/farm.log" 2>&1 &
FARM_PID=$!
trap 'kill -9 $FARM_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
    if ! kill -0 "$FARM_PID" 2>/dev/null; then echo "farm exited:"; cat "$OUT/farm.log"; exit 1; fi
    if grep -q "farm ready" "$OUT/farm.log"; then break; fi
    sleep 0.5
done
for i in $(seq 0 $((SITES - 1))); do printf 'http://127.0.0.1:%s/f/r%04d/\n' "$PORT" "$i"; done >"$OUT/urls.txt"
echo "== spot-check round: $SITES farm sites of ~$PAGES pages, ratio $RATIO, $PARALLEL at a time; load before: $(uptime)"
"$BENCH" spot-check-round --from "$OUT/urls.txt" --data "$OUT/round" --parallel "$PARALLEL" --ratio "$RATIO" 2>"$OUT/progress.log" | tee "$OUT/round.env"
kill $FARM_PID 2>/dev/null || true; sleep 1; kill -9 $FARM_PID 2>/dev/null || true
echo "== scoring $SHEETS sites from stored evidence; load before: $(uptime)"
"$BENCH" score-sheets --data "$OUT/score" --sites "$SHEETS" | tee "$OUT/score.env"
echo "load after: $(uptime)"
echo "output kept in $OUT"
