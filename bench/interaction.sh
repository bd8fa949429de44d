#!/usr/bin/env bash
# Interaction benchmark (issue 6): the deadline state of 1,000,000 messages, then message
# submissions over HTTP at a fixed rate against a fresh GovSite on 127.0.0.1:5201.
#
#   bench/interaction.sh                                   # 3 submissions/s for 180 s (10,800/hour)
#   BENCH_RATE=6 BENCH_SECONDS=60 bench/interaction.sh     # faster, shorter
#   GOVSITE_DB=postgres://… bench/interaction.sh           # against PostgreSQL instead of SQLite
#
# Every request comes from one address, so the per-address hourly limit (20 by default) is
# raised for this server; the per-phone limit stays (each message has its own phone number).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RATE="${BENCH_RATE:-3}"
SECONDS_TO_RUN="${BENCH_SECONDS:-180}"
PORT=5201
URL="http://127.0.0.1:$PORT"

(exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && { echo "port $PORT is in use" >&2; exit 1; }

work="$(mktemp -d /tmp/govsite-interaction-bench.XXXXXX)"
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

echo "== building (Release)"
dotnet build "$ROOT/src/GovSite" -c Release --nologo -v q -clp:ErrorsOnly
dotnet build "$ROOT/bench/GovSite.Bench" -c Release --nologo -v q -clp:ErrorsOnly
BENCH="$ROOT/bench/GovSite.Bench/bin/Release/net10.0/GovSite.Bench"

echo "== overdue state of 1,000,000 messages (in memory, then from SQLite)"
"$BENCH" interaction-overdue --messages 1000000 --database

echo "== starting GovSite on $URL (data in $work)"
GOVSITE_DATA="$work" GOVSITE_QUIET=true Interaction__MessagesPerIpPerHour=1000000 \
    dotnet "$ROOT/src/GovSite/bin/Release/net10.0/govsite.dll" --urls "$URL" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
    curl -fsS "$URL/healthz" >/dev/null 2>&1 && break
    sleep 0.5
done
curl -fsS "$URL/healthz" >/dev/null || { cat "$work/server.log"; exit 1; }

echo "== submitting $RATE messages/s for $SECONDS_TO_RUN s"
status=0
"$BENCH" interaction-submit --url "$URL" --site 9900000001 --rate "$RATE" --seconds "$SECONDS_TO_RUN" || status=$?
rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$server_pid/status" 2>/dev/null || echo "?")
stored=$(curl -fsS "$URL/sites/9900000001/interaction" | grep -o 'id="stat-received">[0-9]*' | grep -o '[0-9]*$' || echo "?")
echo "server RSS after the run: ${rss} MB; messages the site reports as received: ${stored}"
exit $status
