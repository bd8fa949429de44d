#!/usr/bin/env bash
# Monitoring checker bench (issue 7). Serves the test farm plus one big generated site on
# loopback, checks the big site with GovSite's checker and with Debian's linkchecker in the same
# session, compares rates and broken links, then measures the checker's peak memory on a
# 100,000-page site. Usage: bench/monitoring.sh   (PAGES=2000 BIG=100000 PORT=5222 to change)
set -euo pipefail
cd "$(dirname "$0")/.."

PAGES=${PAGES:-2000}
BIG=${BIG:-100000}
PORT=${PORT:-5222}
OUT=$(mktemp -d /tmp/govsite-monitoring-XXXXXX)
# linkchecker run as root drops to "nobody" and must still write its csv here.
chmod 777 "$OUT"
# The checker runs as a published build would: ReadyToRun-compiled (`dotnet publish -r linux-x64`
# gives that for GovSite too), so a fresh process does not spend its first second in the JIT.
# JIT=1 measures the plain build instead.
BENCH_DIR=${BENCH_DIR:-/tmp/govsite-bench-r2r}
BENCH=$BENCH_DIR/GovSite.Bench

if ! command -v linkchecker >/dev/null; then
    echo "Installing Debian's linkchecker…"
    if [ "$(id -u)" = 0 ]; then apt-get install -y linkchecker >/dev/null; else sudo apt-get install -y linkchecker >/dev/null; fi
fi
if [ "${JIT:-0}" = 1 ]; then
    dotnet build bench/GovSite.Bench -c Release -v q -nologo >/dev/null
    BENCH=bench/GovSite.Bench/bin/Release/net10.0/GovSite.Bench
else
    dotnet publish bench/GovSite.Bench -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$BENCH_DIR" -v q -nologo >/dev/null
fi

FARM_PID=
stop_farm() {
    if [ -n "$FARM_PID" ]; then
        kill "$FARM_PID" 2>/dev/null || true
        # Kestrel may wait on kept-alive connections: do not let the next farm find the port taken.
        for _ in $(seq 1 20); do kill -0 "$FARM_PID" 2>/dev/null || break; sleep 0.25; done
        kill -9 "$FARM_PID" 2>/dev/null || true
        wait "$FARM_PID" 2>/dev/null || true
        FARM_PID=
    fi
}
trap stop_farm EXIT
start_farm() {
    "$BENCH" farm-serve --port "$PORT" --pages "$1" >"$OUT/farm.log" 2>&1 &
    FARM_PID=$!
    for _ in $(seq 1 100); do
        # Our own farm must answer, not a leftover one on the same port.
        if ! kill -0 "$FARM_PID" 2>/dev/null; then echo "farm exited:"; cat "$OUT/farm.log"; exit 1; fi
        if grep -q "farm ready" "$OUT/farm.log" && curl -sf -o /dev/null "http://127.0.0.1:$PORT/f/big/"; then return; fi
        sleep 0.2
    done
    echo "farm did not start"; cat "$OUT/farm.log"; exit 1
}

URL="http://127.0.0.1:$PORT/f/big/"
echo "== Rate: $PAGES-page site, GovSite checker vs linkchecker (same farm, same session) =="
echo "load before: $(uptime)"
start_farm "$PAGES"
# Cold: a fresh process, as `govsite check` runs. Warm: the same process has checked one small
# farm site first, as in the platform, where checks run inside the long-lived server.
# A cold run lasts about a second, so one load spike from the other users of the machine moves
# it a lot: three runs, the median kept (linkchecker's run is long enough to average the load).
for run in 1 2 3; do
    "$BENCH" check-farm --url "$URL" --broken-out "$OUT/checker-broken.txt" >"$OUT/cold$run.env"
    grep SECONDS "$OUT/cold$run.env"
done
MEDIAN=$(for run in 1 2 3; do echo "$(grep CHECKER_SECONDS "$OUT/cold$run.env" | cut -d= -f2) $run"; done | sort -n | sed -n 2p | cut -d' ' -f2)
tee "$OUT/checker.env" <"$OUT/cold$MEDIAN.env"
"$BENCH" check-farm --url "$URL" --warm-up "http://127.0.0.1:$PORT/f/s00/" --broken-out "$OUT/warm-broken.txt" | sed 's/^CHECKER_/WARM_/' | tee "$OUT/warm.env"
# shellcheck disable=SC1091
. "$OUT/checker.env"
# shellcheck disable=SC1091
. "$OUT/warm.env"

# linkchecker throttles itself unless the server answers with a LinkChecker header (the farm
# does) and the configuration raises maxrequestspersecond. --check-extern: the farm's /ext/
# stands for other sites, checked one hop as the GovSite checker does.
printf '[checking]\nthreads=10\nmaxrequestspersecond=1000\n' >"$OUT/linkchecker.cfg"
LC_START=$(date +%s.%N)
linkchecker -f "$OUT/linkchecker.cfg" --check-extern --no-status -o text -F "csv/utf-8/$OUT/linkchecker.csv" "$URL" >"$OUT/linkchecker.txt" 2>"$OUT/linkchecker.err" || true
LC_END=$(date +%s.%N)
LC_SECONDS=$(echo "$LC_END - $LC_START" | bc -l)
LC_URLS=$(grep -oE '[0-9,]+ URLs? checked' "$OUT/linkchecker.txt" | head -1 | grep -oE '^[0-9,]+' | tr -d ,)
LC_RATE=$(echo "$LC_URLS / $LC_SECONDS" | bc -l)
# Broken links: the csv lists the invalid URLs (column 8 is the absolute URL, column 7 "valid").
awk -F';' 'NR>1 && $7=="False" {print $8}' "$OUT/linkchecker.csv" | sort -u >"$OUT/linkchecker-broken.txt"
sort -u "$OUT/checker-broken.txt" -o "$OUT/checker-broken.txt"
sort -u "$OUT/warm-broken.txt" -o "$OUT/warm-broken.txt"
# "yes" only when the cold and the warm checker and linkchecker all list the same URLs.
if cmp -s "$OUT/checker-broken.txt" "$OUT/linkchecker-broken.txt" && cmp -s "$OUT/warm-broken.txt" "$OUT/linkchecker-broken.txt"; then SAME=yes; else SAME=no; fi
stop_farm
RATIO=$(echo "$CHECKER_URLS_PER_S / $LC_RATE" | bc -l)
WARM_RATIO=$(echo "$WARM_URLS_PER_S / $LC_RATE" | bc -l)
echo "load after: $(uptime)"
printf 'linkchecker: %s URLs in %.1f s = %.0f URLs/s; broken %s\n' "$LC_URLS" "$LC_SECONDS" "$LC_RATE" "$(wc -l <"$OUT/linkchecker-broken.txt")"
printf 'GovSite checker, cold process (median of 3): %s URLs (%s pages checked) in %s s = %s URLs/s, %s pages/s; broken %s\n' \
    "$CHECKER_URLS" "$CHECKER_PAGES" "$CHECKER_SECONDS" "$CHECKER_URLS_PER_S" "$CHECKER_PAGES_PER_S" "$CHECKER_BROKEN"
printf 'GovSite checker, warm process: %s URLs (%s pages checked) in %s s = %s URLs/s, %s pages/s; broken %s\n' \
    "$WARM_URLS" "$WARM_PAGES" "$WARM_SECONDS" "$WARM_URLS_PER_S" "$WARM_PAGES_PER_S" "$WARM_BROKEN"
printf 'ratio (URLs/s): cold %.1f×, warm %.1f×   same broken links: %s\n' "$RATIO" "$WARM_RATIO" "$SAME"
if [ "$SAME" = no ]; then diff "$OUT/checker-broken.txt" "$OUT/linkchecker-broken.txt" || true; fi

if [ "$BIG" -gt 0 ]; then
    echo "== Memory: $BIG-page site =="
    start_farm "$BIG"
    "$BENCH" check-farm --url "$URL" --max-pages $((BIG + BIG / 5 + 1000)) | tee "$OUT/big.env"
    stop_farm
fi
echo "output kept in $OUT"
