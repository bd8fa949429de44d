#!/usr/bin/env bash
# Search at scale (issue 5): generate DOCS articles from the seed corpus, build the SQLite FTS5
# index through GovSite's own text pipeline, and time 2-character, 4-character, multi-word and
# pinyin queries through SearchService (the code behind /api/v1/search).
#
#   bench/search.sh                  # 1,000,000 articles (the goal: p95 <= 50 ms)
#   DOCS=100000 bench/search.sh      # a smaller run
#   DATA=/tmp/search-1m bench/search.sh   # keep the database; a second run only times the queries
#
# Results go to bench/results/search-DOCS.md (not committed); copy the table into docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS="${DOCS:-1000000}"
QUERIES="${QUERIES:-200}"
SEEDS="${SEEDS:-/work/shared/corpus/seeds}"
if [ -z "${DATA:-}" ]; then
  DATA="$(mktemp -d "${TMPDIR:-/tmp}/govsite-search-bench.XXXXXX")"
  trap 'rm -rf "$DATA"' EXIT
fi
mkdir -p "$DATA"
mkdir -p bench/results
dotnet build bench/GovSite.Bench -c Release -v quiet -nologo
dotnet bench/GovSite.Bench/bin/Release/net10.0/GovSite.Bench.dll search \
    --docs "$DOCS" --queries "$QUERIES" --seeds "$SEEDS" --data "$DATA" | tee "bench/results/search-$DOCS.md"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) (at the end of the run)" | tee -a "bench/results/search-$DOCS.md"
