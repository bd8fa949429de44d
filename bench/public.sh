#!/usr/bin/env bash
# Public sites benchmark (issue 4), one command, short runs (the machine is shared):
#   1. the cached article page under wrk against nginx serving the same bytes (as bench/run.sh);
#   2. the same page rendered on every request (a fresh query string per request defeats the cache);
#   3. `govsite publish-static` of a 10,000-article site against Debian's hugo building the same articles
#      twice: with the page GovSite writes (theme "same") and with a minimal theme; three rounds each,
#      alternating; and the same full export by a warm process (what a running GovSite does on a theme publish);
#   4. the incremental re-export after one edit.
#
#   bench/public.sh                          # about 3 minutes
#   BENCH_ARTICLES=2000 BENCH_DURATION=3s bench/public.sh
#   JIT=1 bench/public.sh                    # the plain build instead of the published (ReadyToRun) one
#
# Everything listens on 127.0.0.1 only; results go to bench/results/ (git-ignored).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ARTICLES="${BENCH_ARTICLES:-10000}"
DURATION="${BENCH_DURATION:-5s}"
GOVSITE_PORT=5252
NGINX_PORT=5253
WRK_ARGS=(-t2 -c64 "-d$DURATION" --latency)

BENCH_NAME=public-bench
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
need nginx:nginx-light wrk:wrk hugo:hugo curl:curl
port_free "$GOVSITE_PORT"
port_free "$NGINX_PORT"

log "Building (Release)"
dotnet build "$ROOT/bench/GovSite.Bench/GovSite.Bench.csproj" -c Release -nologo -v quiet -clp:NoSummary
BENCH=(dotnet "$ROOT/bench/GovSite.Bench/bin/Release/net10.0/GovSite.Bench.dll")
# GovSite runs as it is deployed: `dotnet publish -r linux-x64` compiles it ReadyToRun, so a fresh
# process (publish-static above all) does not spend its first seconds in the JIT. JIT=1 runs the
# plain build instead (what `dotnet run` gives).
if [ "${JIT:-0}" = 1 ]; then
    GOVSITE_DIR="$ROOT/src/GovSite"
    GOVSITE_DLL="$ROOT/src/GovSite/bin/Release/net10.0/govsite.dll"
else
    GOVSITE_DIR="${GOVSITE_PUBLISH:-/tmp/govsite-public-r2r}"
    log "Publishing GovSite (Release, ReadyToRun) to $GOVSITE_DIR"
    dotnet publish "$ROOT/src/GovSite" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$GOVSITE_DIR" -nologo -v quiet -clp:NoSummary
    GOVSITE_DLL="$GOVSITE_DIR/govsite.dll"
fi
GOVSITE=(env GOVSITE_DATA="$WORK/data" GOVSITE_NO_DEMO=true GOVSITE_QUIET=true GOVSITE_ADMIN_PASSWORD="bench-$RANDOM-$RANDOM-pw"
    dotnet "$GOVSITE_DLL")

log "Generating one site with $ARTICLES articles, and the same as a Hugo site"
"${BENCH[@]}" public-site --data "$WORK/data" --hugo "$WORK/hugo" --articles "$ARTICLES" >/dev/null
# shellcheck disable=SC1091
source "$WORK/data/public.env"

# --- 3 and 4: static export vs hugo (before the server starts, so they do not share the CPU) ---
# Three rounds of GovSite, hugo with the minimal theme and hugo with the "same" theme (the page
# GovSite writes; see PublicSiteBench.WriteSameTheme), the order turned by one each round so that
# no tool always goes first, each build into a new folder after a `sync`: nothing is deleted
# between timed builds (ext4 here slows inode allocation for minutes after mass deletes, whoever
# deletes), and no build pays for the write-back of the one before. Each figure is the median of
# its three rounds.
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
declare -A WALL
build() {
    local tool="$1" round="$2" t0
    sync
    if [ "$tool" = govsite ]; then
        log "Round $round: govsite publish-static --site $BENCH_PUBLIC_SITE (full)"
        t0="$(date +%s.%N)"
        (cd "$GOVSITE_DIR" && "${GOVSITE[@]}" publish-static --site "$BENCH_PUBLIC_SITE" --out "$WORK/export-$round") | tee "$WORK/export-$round.txt"
    else
        log "Round $round: hugo (Debian) building the same $ARTICLES articles, theme ${tool#hugo-}"
        t0="$(date +%s.%N)"
        hugo --source "$WORK/hugo" --destination "$WORK/$tool-$round" --theme "${tool#hugo-}" --quiet --noBuildLock 2>&1 | tail -3
    fi
    WALL[$tool-$round]="$(secs "$t0" "$(date +%s.%N)")"
}
TOOLS=(govsite hugo-minimal hugo-same)
for round in 1 2 3; do
    for i in 0 1 2; do
        build "${TOOLS[$(((i + round - 1) % 3))]}" "$round"
    done
done
mv "$WORK/export-1" "$WORK/export"
rounds() { echo "${WALL[$1-1]}, ${WALL[$1-2]}, ${WALL[$1-3]}"; }
EXPORT_WALL="$(median "${WALL[govsite-1]}" "${WALL[govsite-2]}" "${WALL[govsite-3]}")"
EXPORT_FILES="$(find "$WORK/export" -type f | wc -l)"
EXPORT_PAGES="$(find "$WORK/export" -name index.html | wc -l)"
EXPORT_INNER="$(median $(cat "$WORK"/export-[123].txt | grep -o '用时 [0-9.]* 秒' | awk '{ print $2 }'))"
HUGO_WALL="$(median "${WALL[hugo-minimal-1]}" "${WALL[hugo-minimal-2]}" "${WALL[hugo-minimal-3]}")"
HUGO_SAME_WALL="$(median "${WALL[hugo-same-1]}" "${WALL[hugo-same-2]}" "${WALL[hugo-same-3]}")"
HUGO_PAGES="$(find "$WORK/hugo-minimal-1" -name index.html | wc -l)"
HUGO_SAME_PAGES="$(find "$WORK/hugo-same-1" -name index.html | wc -l)"
HUGO_BYTES="$(wc -c <"$WORK/hugo-minimal-1/articles/$((ARTICLES / 2))/index.html")"
HUGO_SAME_BYTES="$(wc -c <"$WORK/hugo-same-1/articles/$((ARTICLES / 2))/index.html")"
GOV_BYTES="$(wc -c <"$WORK/export/articles/$((ARTICLES / 2))/index.html")"

log "The same full export twice in one process: the second is what a running GovSite does on a theme publish"
sync
"${BENCH[@]}" export-warm --data "$WORK/data" --site "$BENCH_PUBLIC_SITE" --out "$WORK/warm" --runs 2 | tee "$WORK/warm.txt"
WARM_SECS="$(awk '/^export 2:/ { print $(NF-4) }' "$WORK/warm.txt")"
WARM_PAGES="$(awk '/^export 2:/ { print $3 }' "$WORK/warm.txt")"

log "One edit, then publish-static --incremental"
"${BENCH[@]}" edit-one --data "$WORK/data"
t0="$(date +%s.%N)"
(cd "$GOVSITE_DIR" && "${GOVSITE[@]}" publish-static --site "$BENCH_PUBLIC_SITE" --out "$WORK/export" --incremental) | tee "$WORK/incremental.txt"
INCR_WALL="$(secs "$t0" "$(date +%s.%N)")"
INCR_INNER="$(grep -o '用时 [0-9.]* 秒' "$WORK/incremental.txt" | awk '{ print $2 }')"
INCR_WRITTEN="$(grep -o '写入 [0-9]* 个' "$WORK/incremental.txt" | awk '{ print $2 }')"

# --- 1 and 2: serving ---------------------------------------------------------------------
log "Starting GovSite on 127.0.0.1:$GOVSITE_PORT"
cd "$GOVSITE_DIR"
start_govsite "$GOVSITE_PORT" "${GOVSITE[@]}"
cd "$ROOT"
URL="http://127.0.0.1:$GOVSITE_PORT$BENCH_PUBLIC_ARTICLE"
curl -sf -H "Host: $BENCH_PUBLIC_HOST" -o "$WORK/article.html" "$URL"
curl -sf -H "Host: $BENCH_PUBLIC_HOST" -D "$WORK/second.headers" -o /dev/null "$URL"
grep -qi '^Age:' "$WORK/second.headers" || fail "the article is not served from the output cache"

start_nginx "$WORK/article.html" "$NGINX_PORT"
cat >"$WORK/nocache.lua" <<'LUA'
-- A new query string on every request: the output cache varies by query, so each one renders.
counter = 0
request = function()
    counter = counter + 1
    return wrk.format(nil, wrk.path .. "?n=" .. counter .. "-" .. math.random(1, 1000000000))
end
LUA

# The exports above leave thousands of dirty pages that the kernel writes back in the next half
# minute: flush them first, or the first server measured pays for it.
sync
log "wrk: warm-up, then cached article (GovSite) and nginx twice, alternating, then the uncached article"
wrk -t2 -c64 -d5s -H "Host: $BENCH_PUBLIC_HOST" "$URL" >/dev/null
wrk -t2 -c64 -d2s "$NGINX_URL" >/dev/null
for round in 1 2; do
    run_wrk "cached-$round" -H "Host: $BENCH_PUBLIC_HOST" "$URL"
    run_wrk "nginx-$round" "$NGINX_URL"
done
wrk -t2 -c64 -d2s -s "$WORK/nocache.lua" -H "Host: $BENCH_PUBLIC_HOST" "$URL" >/dev/null
run_wrk uncached -s "$WORK/nocache.lua" -H "Host: $BENCH_PUBLIC_HOST" "$URL"

pps() { awk -v p="$1" -v s="$2" 'BEGIN { printf "%.0f", p / s }'; }
GOV_PPS="$(pps "$EXPORT_PAGES" "$EXPORT_INNER")"
GOV_PPS_WALL="$(pps "$EXPORT_PAGES" "$EXPORT_WALL")"
HUGO_PPS="$(pps "$HUGO_PAGES" "$HUGO_WALL")"
HUGO_SAME_PPS="$(pps "$HUGO_SAME_PAGES" "$HUGO_SAME_WALL")"

mkdir -p "$ROOT/bench/results"
RESULT="$ROOT/bench/results/public-$(date +%Y%m%d-%H%M%S).md"
{
    echo "Command: \`bench/public.sh\` (BENCH_ARTICLES=$ARTICLES, BENCH_DURATION=$DURATION, JIT=${JIT:-0}) at $(git -C "$ROOT" rev-parse --short HEAD), $(date -u '+%Y-%m-%d %H:%M UTC')."
    echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; $("$NGINX" -v 2>&1 | sed 's/^nginx version: //'), hugo $(hugo version 2>/dev/null | awk '{ print $2 }')."
    echo
    echo "| | Requests/s | p99 |"
    echo "|---|---:|---:|"
    echo "| 1. Cached article page, GovSite ($(wc -c <"$WORK/article.html") bytes; rounds $(rps cached-1), $(rps cached-2)) | $(rps cached-1 cached-2) | $(p99 cached-1 cached-2) ms |"
    echo "| nginx, same bytes (rounds $(rps nginx-1), $(rps nginx-2)) | $(rps nginx-1 nginx-2) | $(p99 nginx-1 nginx-2) ms |"
    echo "| GovSite / nginx | $(ratio "$(rps cached-1 cached-2)" "$(rps nginx-1 nginx-2)") | |"
    echo "| 2. Same page rendered every time (no cache) | $(rps uncached) | $(p99 uncached) ms |"
    echo
    echo "| Static build of $ARTICLES articles (median of three rounds) | pages | article page bytes | seconds (rounds) | pages/s | GovSite / this |"
    echo "|---|---:|---:|---:|---:|---:|"
    echo "| 3. govsite publish-static, whole command ($EXPORT_FILES files incl. feeds, sitemap, assets) | $EXPORT_PAGES | $GOV_BYTES | $EXPORT_WALL ($(rounds govsite)) | $GOV_PPS_WALL | |"
    echo "| hugo, whole command, the same page as GovSite's (no QR code) | $HUGO_SAME_PAGES | $HUGO_SAME_BYTES | $HUGO_SAME_WALL ($(rounds hugo-same)) | $HUGO_SAME_PPS | $(ratio "$GOV_PPS_WALL" "$HUGO_SAME_PPS") |"
    echo "| hugo, whole command, minimal theme | $HUGO_PAGES | $HUGO_BYTES | $HUGO_WALL ($(rounds hugo-minimal)) | $HUGO_PPS | $(ratio "$GOV_PPS_WALL" "$HUGO_PPS") |"
    echo "| govsite publish-static, the export itself (rendering and writing: without .NET start-up, the schema check and reading the site) | $EXPORT_PAGES | | $EXPORT_INNER | $GOV_PPS | |"
    echo "| 3b. the same full export by a running GovSite (second export in one process, as on a theme publish) | $WARM_PAGES | | $WARM_SECS | $(pps "$WARM_PAGES" "$WARM_SECS") | |"
    echo
    echo "4. Re-export after one edit (\`--incremental\`): $INCR_INNER s for the re-export ($INCR_WRITTEN files rewritten), $INCR_WALL s for the whole command."
} >"$RESULT"
log "Summary"
cat "$RESULT"
