#!/usr/bin/env bash
# Foundation benchmark (issue 2), one command: generate 10,000 sites, time Host resolution,
# serve every site from one GovSite process and read its memory, then compare a cached
# article page with nginx serving the same bytes. Everything listens on 127.0.0.1 only.
#
#   bench/run.sh                        # the full run, about 2-3 minutes
#   BENCH_SITES=1000 bench/run.sh       # a quicker run while working on the bench itself
#   BENCH_KEEP=1 bench/run.sh           # keep the temp directory (database, logs, wrk output)
#
# Results are printed and written as markdown to bench/results/ (git-ignored).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SITES="${BENCH_SITES:-10000}"
DURATION="${BENCH_DURATION:-15s}"
GOVSITE_PORT=5183
NGINX_PORT=5184
WRK_ARGS=(-t2 -c64 "-d$DURATION" --latency)
RSS_GOAL_MB=1024

BENCH_NAME=bench
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
need nginx:nginx-light wrk:wrk curl:curl
port_free "$GOVSITE_PORT"
port_free "$NGINX_PORT"

# --- build -------------------------------------------------------------------------------
log "Building GovSite and the bench (Release)"
# The bench references GovSite, so this one build produces src/GovSite/bin/Release/net10.0/govsite.dll too.
dotnet build "$ROOT/bench/GovSite.Bench/GovSite.Bench.csproj" -c Release -nologo -v quiet -clp:NoSummary
BENCH=(dotnet "$ROOT/bench/GovSite.Bench/bin/Release/net10.0/GovSite.Bench.dll")

# --- generate ----------------------------------------------------------------------------
log "Generating $SITES sites"
gen_start="$(date +%s.%N)"
"${BENCH[@]}" generate --sites "$SITES" --data "$WORK/data"
GENERATE_WALL="$(awk -v a="$gen_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')"
# shellcheck disable=SC1091
source "$WORK/data/bench.env"

# --- resolve (before the server starts, so the two do not share the CPU) ------------------
log "Timing Host resolution"
# It builds its own small databases of 100, 1,000 and 10,000 sites (a few seconds).
"${BENCH[@]}" resolve --sizes 100,1000,10000 --markdown "$WORK/resolve.md"

# --- serve -------------------------------------------------------------------------------
log "Starting GovSite on 127.0.0.1:$GOVSITE_PORT"
# Run from the project directory: the content root is the working directory, and only there
# are appsettings.json (its log levels) and wwwroot found.
cd "$ROOT/src/GovSite"
start_govsite "$GOVSITE_PORT" env GOVSITE_DATA="$WORK/data" GOVSITE_NO_DEMO=true GOVSITE_QUIET=true \
    GOVSITE_ADMIN_PASSWORD="bench-$RANDOM-$RANDOM-password" dotnet bin/Release/net10.0/govsite.dll
cd "$ROOT"

kb() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$GOVSITE_PID/status"; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.0f", kb / 1024 }'; }
RSS_START_KB="$(kb VmRSS)"

log "Requesting the home page of all $SITES sites by Host header"
"${BENCH[@]}" visit --url "http://127.0.0.1:$GOVSITE_PORT" --sites "$SITES" --concurrency 8 | tee "$WORK/visit.txt"
VISIT_LINE="$(grep '^Visited' "$WORK/visit.txt")"
RSS_LOADED_KB="$(kb VmRSS)"
HWM_LOADED_KB="$(kb VmHWM)"
echo "GovSite RSS: $(mb "$RSS_START_KB") MB after start, $(mb "$RSS_LOADED_KB") MB after serving $SITES sites (peak $(mb "$HWM_LOADED_KB") MB)"

# --- the cached article and nginx ------------------------------------------------------------
ARTICLE_URL="http://127.0.0.1:$GOVSITE_PORT$BENCH_ARTICLE_PATH"
fetch() { curl -sf -D "$1" -o "$2" -H "Host: $BENCH_ARTICLE_HOST" "$ARTICLE_URL"; }
fetch "$WORK/first.headers" "$WORK/article.html"   # renders the page and fills the output cache
fetch "$WORK/second.headers" "$WORK/second.html"
cmp -s "$WORK/article.html" "$WORK/second.html" || fail "the article page differs between requests, so it is not cached as-is"
# The output cache adds Age only to responses it serves from the cache.
grep -qi '^Age:' "$WORK/second.headers" || fail "the second article response has no Age header: not served from the output cache"
ARTICLE_BYTES="$(wc -c <"$WORK/article.html")"
echo "Article page: $ARTICLE_BYTES bytes (body $BENCH_ARTICLE_BODY_BYTES bytes), served from the output cache"

log "Starting nginx on 127.0.0.1:$NGINX_PORT"
start_nginx "$WORK/article.html" "$NGINX_PORT"

# --- wrk ---------------------------------------------------------------------------------------
# A short unmeasured run first lets .NET's tiered JIT finish and both servers open their connections.
warm_and_run() { local name="$1"; shift; wrk -t2 -c64 -d3s "$@" >/dev/null; run_wrk "$name" "$@"; }
log "wrk ${WRK_ARGS[*]} against GovSite ($BENCH_ARTICLE_HOST$BENCH_ARTICLE_PATH)"
warm_and_run govsite -H "Host: $BENCH_ARTICLE_HOST" "$ARTICLE_URL"
log "wrk ${WRK_ARGS[*]} against nginx"
warm_and_run nginx "$NGINX_URL"

fetch "$WORK/after.headers" "$WORK/after.html"
cmp -s "$WORK/article.html" "$WORK/after.html" && grep -qi '^Age:' "$WORK/after.headers" ||
    fail "after wrk the article is no longer the cached response"
RSS_END_KB="$(kb VmRSS)"
HWM_END_KB="$(kb VmHWM)"

# --- report ----------------------------------------------------------------------------------
GOV_RPS="$(rps govsite)"; NGX_RPS="$(rps nginx)"
GOV_P99="$(p99 govsite)"; NGX_P99="$(p99 nginx)"
RATIO="$(ratio "$GOV_RPS" "$NGX_RPS")"
P99_RATIO="$(ratio "$GOV_P99" "$NGX_P99")"
RSS_VERDICT="$(awk -v kb="$RSS_LOADED_KB" -v goal="$RSS_GOAL_MB" 'BEGIN { mb = kb / 1024; if (mb < goal) printf "met (%.0f MB under)", goal - mb; else printf "MISSED by %.0f MB", mb - goal }')"
NGINX_WORKERS="$(grep -c '^processor' /proc/cpuinfo)"

mkdir -p "$ROOT/bench/results"
RESULT="$ROOT/bench/results/foundation-$(date +%Y%m%d-%H%M%S).md"
{
    echo "# Foundation benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "Command: \`bench/run.sh\` at commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)."
    echo "Machine: $(nproc) cores ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/^MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM;"
    echo ".NET $(dotnet --version), $("$NGINX" -v 2>&1 | sed 's/^nginx version: //'), $(wrk -v 2>&1 | head -1 | awk '{ print $1, $2 }')."
    echo
    echo "## Generation"
    echo
    echo "$BENCH_SITES sites ($BENCH_COUNTS): $BENCH_GENERATE_SECONDS s for migrations and inserts,"
    echo "$GENERATE_WALL s for the whole \`generate\` command including .NET start-up."
    echo
    echo "## Resolving a site by Host (SiteDirectory.FindByHost, median of interleaved rounds)"
    echo
    cat "$WORK/resolve.md"
    echo
    echo "## Memory of the one GovSite process"
    echo
    echo "| | RSS |"
    echo "|---|---:|"
    echo "| After start (healthy, no site requested) | $(mb "$RSS_START_KB") MB |"
    echo "| After the home page of all $SITES sites (VmRSS) | $(mb "$RSS_LOADED_KB") MB |"
    echo "| Peak by then (VmHWM) | $(mb "$HWM_LOADED_KB") MB |"
    echo "| After wrk (VmRSS / VmHWM) | $(mb "$RSS_END_KB") / $(mb "$HWM_END_KB") MB |"
    echo
    echo "Goal under $RSS_GOAL_MB MB with $SITES sites: $RSS_VERDICT. ${VISIT_LINE}."
    echo
    echo "## Cached article page vs nginx"
    echo
    echo "The same $ARTICLE_BYTES bytes (a ~20 KB article body in the full page), \`wrk ${WRK_ARGS[*]}\`,"
    echo "GovSite from its output cache (checked: identical bytes and an Age header before and after wrk),"
    echo "nginx 'worker_processes auto' ($NGINX_WORKERS workers), access_log off, sendfile on."
    echo
    echo "| | Requests/s | p99 latency |"
    echo "|---|---:|---:|"
    echo "| GovSite | $GOV_RPS | $GOV_P99 ms |"
    echo "| nginx | $NGX_RPS | $NGX_P99 ms |"
    echo "| GovSite / nginx | $RATIO | $P99_RATIO |"
} >"$RESULT"

log "Summary"
cat "$RESULT"
echo
echo "Written to ${RESULT#"$ROOT"/}"
