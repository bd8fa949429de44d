#!/usr/bin/env bash
# The quality gate at scale (issue 3): build a near-duplicate index of ITEMS library items in
# SQLite, time lookups of twins (names and dates changed) and of unrelated texts through
# NearDuplicates (goal: p95 <= 50 ms at 1,000,000), then time the whole QualityGate on a
# 20,000-character article with TERMS sensitive terms loaded (goal: median <= 20 ms).
#
#   bench/quality.sh                      # 1,000,000 items, 100,000 terms
#   ITEMS=100000 bench/quality.sh         # a smaller run
#
# Results go to bench/results/quality-ITEMS.md (not committed); copy them into docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ITEMS="${ITEMS:-1000000}"
TERMS="${TERMS:-100000}"
RUNS="${RUNS:-200}"
LOOKUPS="${LOOKUPS:-500}"
SEEDS="${SEEDS:-/work/shared/corpus/seeds}"
DATA="$(mktemp -d "${TMPDIR:-/tmp}/govsite-quality-bench.XXXXXX")"
trap 'rm -rf "$DATA"' EXIT
mkdir -p bench/results
out="bench/results/quality-$ITEMS.md"
echo "machine: $(nproc) cores, load before $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out"
dotnet build bench/GovSite.Bench -c Release -v quiet -nologo
dotnet bench/GovSite.Bench/bin/Release/net10.0/GovSite.Bench.dll quality \
    --items "$ITEMS" --terms "$TERMS" --runs "$RUNS" --lookups "$LOOKUPS" --seeds "$SEEDS" --data "$DATA" | tee -a "$out"
echo "machine: load after $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
