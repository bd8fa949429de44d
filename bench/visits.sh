#!/usr/bin/env bash
# Visitor figures (issue 20), one command, short runs (the machine is shared):
#   1. p99 latency of POST /api/v1/stat under wrk with 64 connections (each request a new visitor);
#   2. the cached article page's req/s with counting off (Visits__Enabled=false) and on (three
#      interleaved rounds each), alone and
#      while the counting endpoint takes the same load beside it;
#   3. aggregation over 100 million simulated page views stored as daily aggregates
#      (200 sites x 365 days x 10 pages on SQLite): rows, database size, time of a year by day and
#      by page for one site, and of a region's year summed over every site.
#
#   bench/visits.sh                      # builds, about 2 minutes of measuring
#   BENCH_NO_BUILD=1 bench/visits.sh     # uses src/GovSite/bin/Release/net10.0 as built by the tests
#   BENCH_DURATION=5s bench/visits.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${BENCH_DURATION:-5s}"
PORT=5262
NGINX_PORT=5263
WRK_ARGS=(-t2 -c64 "-d$DURATION" --latency)
BENCH_NAME=visits
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
need nginx:nginx-light wrk:wrk curl:curl python3:python3
port_free "$PORT"
port_free "$NGINX_PORT"

if [ "${BENCH_NO_BUILD:-0}" = 1 ]; then
    BIN="$ROOT/src/GovSite/bin/Release/net10.0"
else
    dotnet build "$ROOT/src/GovSite" -c Release --nologo -v q -clp:ErrorsOnly -o "$WORK/bin" >/dev/null
    BIN="$WORK/bin"
fi
export GOVSITE_DATA="$WORK/data" GOVSITE_QUIET=true GOVSITE_ADMIN_PASSWORD=Bench12345x ASPNETCORE_ENVIRONMENT=Production

start() { # start ENABLED: GovSite with counting on or off, warmed up on the article page
    Visits__Enabled="$1" start_govsite "$PORT" dotnet "$BIN/govsite.dll"
    if [ -z "${URL:-}" ]; then
        ARTICLE="$(curl -fs "http://127.0.0.1:$PORT/sites/9900000001/" | grep -o '/sites/9900000001/articles/[0-9]*' | head -1)"
        URL="http://127.0.0.1:$PORT$ARTICLE"
    fi
    curl -fs "$URL" >/dev/null
    wrk -t2 -c64 -d3s "$URL" >/dev/null
}
stop() { kill "$GOVSITE_PID"; wait "$GOVSITE_PID" 2>/dev/null || true; GOVSITE_PID=""; }

cat >"$WORK/stat.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/plain;charset=UTF-8"
wrk.headers["User-Agent"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"
wrk.body = '{"s":"9900000001","p":"/","r":"https://www.baidu.com/"}'
local n = 0
request = function()
    n = n + 1
    wrk.headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
    return wrk.format()
end
LUA

# Three rounds each of counting off and on, interleaved off-on-on-off-off-on so that a drift of
# the machine (other work, thermal, page cache) falls on both alike; each server is warmed up for
# 3 s before it is measured. The counting endpoint is measured in the "on" rounds.
n_off=0; n_on=0
for state in off on on off off on; do
    if [ "$state" = off ]; then
        n_off=$((n_off + 1)); log "counting off, round $n_off"
        start false
        run_wrk "off$n_off" "$URL" >/dev/null
    else
        n_on=$((n_on + 1)); log "counting on, round $n_on"
        start true
        run_wrk "on$n_on" "$URL" >/dev/null
        wrk -t2 -c64 -d3s -s "$WORK/stat.lua" "http://127.0.0.1:$PORT/api/v1/stat" >/dev/null
        curl -fs "http://127.0.0.1:$PORT/metrics" >"$WORK/metrics-before-$n_on.txt"
        run_wrk "stat$n_on" -s "$WORK/stat.lua" "http://127.0.0.1:$PORT/api/v1/stat" >/dev/null
        curl -fs "http://127.0.0.1:$PORT/metrics" >"$WORK/metrics-after-$n_on.txt"
    fi
    if [ "$state" = on ] && [ "$n_on" = 1 ]; then
        curl -fs "$URL" >"$WORK/article.html"
        # The peer: nginx answering the same POST with 204 from its configuration, nothing counted.
        NGINX_EXTRA='location = /api/v1/stat { return 204; }' start_nginx "$WORK/article.html" "$NGINX_PORT"
        wrk -t2 -c64 -d3s -s "$WORK/stat.lua" "http://127.0.0.1:$NGINX_PORT/api/v1/stat" >/dev/null
        run_wrk nginx-stat -s "$WORK/stat.lua" "http://127.0.0.1:$NGINX_PORT/api/v1/stat" >/dev/null
        kill -QUIT "$NGINX_PID"; wait "$NGINX_PID" 2>/dev/null || true; NGINX_PID=""
        wrk -t1 -c32 -d"$DURATION" --latency -s "$WORK/stat.lua" "http://127.0.0.1:$PORT/api/v1/stat" >"$WORK/beside.txt" &
        BESIDE=$!
        TOGETHER="$(wrk -t1 -c32 -d"$DURATION" --latency "$URL" | awk '/Requests\/sec/ {print $2}')"
        wait "$BESIDE"
    fi
    stop
done
OFF="$(rps off1 off2 off3)"; ON="$(rps on1 on2 on3)"
echo
echo "| measure | GovSite | nginx (return 204) |"
echo "|---|---:|---:|"
echo "| POST /api/v1/stat, 64 connections, req/s (rounds) | $(rps stat1 stat2 stat3) ($(rps stat1), $(rps stat2), $(rps stat3)) | $(rps nginx-stat) |"
echo "| POST /api/v1/stat, p99 ms (rounds) | $(p99 stat1) / $(p99 stat2) / $(p99 stat3) | $(p99 nginx-stat) |"
echo "| cached article page, counting off, req/s (rounds) | $OFF ($(rps off1), $(rps off2), $(rps off3)) | |"
echo "| cached article page, counting on, req/s (rounds) | $ON ($(rps on1), $(rps on2), $(rps on3)) | |"
echo "| page and counting endpoint side by side (32 + 32 connections) | $TOGETHER page req/s + $(awk '/Requests\/sec/ {print $2}' "$WORK/beside.txt") counts/s | |"
# The endpoint's own time, from request start to response end inside GovSite (the
# http.server.request.duration histogram of /metrics, POSTs answered 204 during the measured runs):
# what wrk's p99 adds beyond it is the queueing of 64 connections on two cores shared with wrk.
python3 - "$WORK" <<'PY'
import re, sys
work = sys.argv[1]
def buckets(path):
    out = {}
    for line in open(path):
        if line.startswith("http_server_request_duration_seconds_bucket{") and 'http_request_method="POST"' in line and 'http_response_status_code="204"' in line:
            le = re.search(r'le="([^"]+)"', line).group(1)
            out[le] = out.get(le, 0) + float(line.rsplit(" ", 1)[1])
    return out
total = {}
for n in (1, 2, 3):
    before, after = buckets(f"{work}/metrics-before-{n}.txt"), buckets(f"{work}/metrics-after-{n}.txt")
    for le, v in after.items():
        total[le] = total.get(le, 0) + v - before.get(le, 0)
count = total.get("+Inf", 0)
for le in sorted((k for k in total if k != "+Inf"), key=float):
    if count and total[le] >= 0.99 * count:
        print(f"| POST /api/v1/stat, server-side p99 (request start to response end, {count:.0f} requests) | <= {float(le) * 1000:g} ms | |")
        break
PY
python3 -c "import sys; off, on = float(sys.argv[1]), float(sys.argv[2]); print(f'counting on costs the cached article page {100 * (off - on) / off:.1f}% of its req/s (mean of three interleaved rounds each)')" "$OFF" "$ON"
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== 100 million page views as daily aggregates (SQLite)"
python3 - "$GOVSITE_DATA/govsite.db" <<'PY'
import os, random, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
random.seed(20)
# 200 sites' aggregates under site numbers of their own (python's sqlite3 leaves foreign keys off):
# the measurement is of the aggregate tables, not of the registry.
site_ids = list(range(100001, 100201))
start = time.time()
views_total = 0
import datetime
days = [datetime.date(2025, 1, 1) + datetime.timedelta(d) for d in range(365)]
per_row = 100_000_000 // (len(site_ids) * 365 * 10)
page_rows, site_rows = [], []
for s in site_ids:
    for d in days:
        day = d.isoformat()
        v_day = 0
        for p in range(10):
            v = per_row + random.randint(-per_row // 10, per_row // 10)
            page_rows.append((s, day, "/" if p == 0 else f"/articles/{s * 100 + p}", None, v, v // 3))
            v_day += v
        site_rows.append((s, day, v_day, v_day // 3))
        views_total += v_day
db.executemany('INSERT INTO "PageVisitDays" ("SiteId","Day","Path","ColumnId","Views","Visitors") VALUES (?,?,?,?,?,?)', page_rows)
db.executemany('INSERT OR REPLACE INTO "SiteVisitDays" ("SiteId","Day","Views","Visitors") VALUES (?,?,?,?)', site_rows)
db.commit()
db.execute("VACUUM")
print(f"{views_total:,} page views as {len(page_rows):,} page-day rows and {len(site_rows):,} site-day rows, written in {time.time() - start:.1f} s")
print(f"database size {os.path.getsize(sys.argv[1]) / 1e6:.0f} MB")
def timed(label, sql, args=()):
    t = time.time(); rows = db.execute(sql, args).fetchall(); print(f"{label}: {1000 * (time.time() - t):.0f} ms ({len(rows)} rows)")
s = site_ids[-1]
timed("one site, a year by day", 'SELECT "Day", SUM("Views"), SUM("Visitors") FROM "SiteVisitDays" WHERE "SiteId" = ? AND "Day" BETWEEN \'2025-01-01\' AND \'2025-12-31\' GROUP BY "Day"', (s,))
timed("one site, a year's top pages", 'SELECT "Path", SUM("Views") v FROM "PageVisitDays" WHERE "SiteId" = ? AND "Day" BETWEEN \'2025-01-01\' AND \'2025-12-31\' GROUP BY "Path" ORDER BY v DESC LIMIT 100', (s,))
timed("region (200 sites), a year by day", 'SELECT "Day", SUM("Views"), SUM("Visitors") FROM "SiteVisitDays" WHERE "Day" BETWEEN \'2025-01-01\' AND \'2025-12-31\' GROUP BY "Day"')
timed("region (200 sites), a year's top pages", 'SELECT "SiteId", "Path", SUM("Views") v FROM "PageVisitDays" WHERE "Day" BETWEEN \'2025-01-01\' AND \'2025-12-31\' GROUP BY "SiteId", "Path" ORDER BY v DESC LIMIT 20')
PY
