#!/usr/bin/env bash
# 办事服务 benchmark (issue 18), short runs (the machine is shared), on the demo region (SQLite):
#   1. the cached catalogue page and guide page of the provincial portal under wrk, each beside
#      nginx serving the same bytes, and the cached article page measured the same way (the ratio
#      bench/public.sh reports for it), so the three ratios can be compared in one run;
#   2. an import of BENCH_ITEMS (10,000) service items from a CSV export (default field mapping)
#      through POST /api/v1/services/import on the running server, timed, with its report.
#
#   bench/services.sh                          # about 3 minutes
#   BENCH_ITEMS=2000 BENCH_DURATION=3s bench/services.sh
#
# Everything listens on 127.0.0.1 only; results go to bench/results/ (git-ignored).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ITEMS="${BENCH_ITEMS:-10000}"
DURATION="${BENCH_DURATION:-5s}"
GOVSITE_PORT=5262
NGINX_PORT=5263
WRK_ARGS=(-t2 -c64 "-d$DURATION" --latency)

BENCH_NAME=services-bench
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
need nginx:nginx-light wrk:wrk curl:curl python3:python3
port_free "$GOVSITE_PORT"
port_free "$NGINX_PORT"

log "Building GovSite (Release)"
dotnet build "$ROOT/src/GovSite" -c Release --nologo -v q -clp:ErrorsOnly -o "$WORK/bin" >/dev/null
PASSWORD="Bench-$RANDOM-$RANDOM-pw1"
GOVSITE=(env GOVSITE_DATA="$WORK/data" GOVSITE_QUIET=true GOVSITE_ADMIN_PASSWORD="$PASSWORD" dotnet "$WORK/bin/govsite.dll")
"${GOVSITE[@]}" migrate >/dev/null
"${GOVSITE[@]}" seed-demo >/dev/null

# The portal's host, an article of it, and an import source owned by it (the demo has none).
read -r HOST ARTICLE SOURCE < <(python3 - "$WORK/data/govsite.db" <<'PY'
import sqlite3, sys, datetime
db = sqlite3.connect(sys.argv[1])
site, host = db.execute("""SELECT s."Id", d."Host" FROM "Sites" s JOIN "SiteDomains" d ON d."SiteId" = s."Id"
                           WHERE s."Code" = '9900000001' ORDER BY d."IsMain" DESC, d."Id" LIMIT 1""").fetchone()
article = db.execute("""SELECT "Id" FROM "Articles" WHERE "SiteId" = ? AND "Status" = 'Published' ORDER BY "Id" LIMIT 1""", (site,)).fetchone()[0]
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
cur = db.execute("""INSERT INTO "ServiceImportSources" ("Name", "Format", "Location", "Mapping", "DepartmentSites", "SiteId", "PublishComplete",
                    "IntervalHours", "IsActive", "CreatedAt") VALUES ('基准测试导出', 'Csv', NULL, '', '', ?, 1, 0, 1, ?)""", (site, now))
db.commit()
print(host, article, cur.lastrowid)
PY
)

log "Writing a CSV export of $ITEMS service items"
python3 - "$ITEMS" "$WORK/items.csv" <<'PY'
import csv, random, sys
random.seed(18)
n, path = int(sys.argv[1]), sys.argv[2]
themes = ["社会保障", "户籍办理", "生育收养", "教育科研", "医疗卫生", "住房保障", "交通出行", "就业创业"]
events = ["出生", "上学", "就业", "结婚", "生育", "住房", "就医", "退休", "养老"]
depts = ["江川省人力资源和社会保障厅", "江川省公安厅", "江川省民政厅", "江川省卫生健康委员会", "江川省教育厅", "江川省住房和城乡建设厅"]
header = ["事项编码", "事项名称", "事项类型", "服务对象", "主题分类", "人生事件", "企业事件", "实施机构", "设定依据", "受理条件", "申请材料", "办理地点",
          "收费标准", "办理时间", "法定办结时限", "承诺办结时限", "咨询电话", "在线办理地址", "网上办理深度", "办理流程", "事项状态"]
with open(path, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(header)
    for i in range(n):
        dept = random.choice(depts)
        w.writerow([f"BENCH{i:06d}", f"基准事项第{i}项：{random.choice(themes)}相关业务办理", "公共服务", "自然人", random.choice(themes),
                    random.choice(events), "", dept, f"《江川省政务服务管理办法》第{random.randint(1, 60)}条（基准数据）",
                    "户籍在本省且符合相关规定条件的申请人。", "居民身份证（原件1份，复印件1份）\n户口簿（原件1份）\n申请表（原件1份）",
                    f"{dept}政务服务窗口（江川市人民路{random.randint(1, 300)}号）", "不收费", "法定工作日9:00—12:00，13:30—17:00",
                    "20个工作日", str(random.randint(1, 15)), f"0791-{random.randint(1000000, 9999999)}",
                    f"https://zwfw.jiangchuan.example.gov.cn/item/BENCH{i:06d}", "全程网办", "1.网上申请\n2.受理审核\n3.办结送达", "在用"])
PY

log "Starting GovSite on 127.0.0.1:$GOVSITE_PORT"
start_govsite "$GOVSITE_PORT" "${GOVSITE[@]}"
BASE="http://127.0.0.1:$GOVSITE_PORT"
CATALOGUE="$BASE/services"
GUIDE="$BASE/services/990000GA001"
ARTICLE_URL="$BASE/articles/$ARTICLE"
for page in catalogue:"$CATALOGUE" guide:"$GUIDE" article:"$ARTICLE_URL"; do
    name="${page%%:*}" url="${page#*:}"
    curl -sf -H "Host: $HOST" -o "$WORK/$name.html" "$url" || fail "$url does not answer"
    curl -sf -H "Host: $HOST" -D "$WORK/$name.headers" -o /dev/null "$url"
    grep -qi '^Age:' "$WORK/$name.headers" || fail "$name is not served from the output cache"
done

start_nginx "$WORK/guide.html" "$NGINX_PORT"
cp "$WORK/catalogue.html" "$WORK/nginx/html/catalogue.html"
cp "$WORK/article.html" "$WORK/nginx/html/page.html"
chmod 644 "$WORK/nginx/html/"*.html
NGINX_BASE="${NGINX_URL%/article.html}"
curl -sf -o "$WORK/nginx-catalogue.html" "$NGINX_BASE/catalogue.html" && cmp -s "$WORK/catalogue.html" "$WORK/nginx-catalogue.html" || fail "nginx serves different catalogue bytes"

sync
log "wrk: warm-up, then each page from GovSite and from nginx, alternating, two rounds"
wrk -t2 -c64 -d3s -H "Host: $HOST" "$GUIDE" >/dev/null
wrk -t2 -c64 -d3s -H "Host: $HOST" "$CATALOGUE" >/dev/null
wrk -t2 -c64 -d3s -H "Host: $HOST" "$ARTICLE_URL" >/dev/null
wrk -t2 -c64 -d2s "$NGINX_URL" >/dev/null
for round in 1 2; do
    run_wrk "catalogue-$round" -H "Host: $HOST" "$CATALOGUE"
    run_wrk "nginx-catalogue-$round" "$NGINX_BASE/catalogue.html"
    run_wrk "guide-$round" -H "Host: $HOST" "$GUIDE"
    run_wrk "nginx-guide-$round" "$NGINX_URL"
    run_wrk "article-$round" -H "Host: $HOST" "$ARTICLE_URL"
    run_wrk "nginx-article-$round" "$NGINX_BASE/page.html"
done

log "Import of $ITEMS service items through the API"
TOKEN="$(curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/auth/token" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
t0="$(date +%s.%N)"
curl -sf -H "Authorization: Bearer $TOKEN" -F "sourceId=$SOURCE" -F "file=@$WORK/items.csv;type=text/csv" "$BASE/api/v1/services/import" >"$WORK/import.json" \
    || fail "the import failed: $(cat "$WORK/import.json")"
IMPORT_SECS="$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')"
IMPORT_COUNTS="$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(", ".join(f"{k} {r[k]}" for k in ("rows","added","updated","unchanged","withdrawn","rejected","incomplete") if k in r))' "$WORK/import.json")"
t0="$(date +%s.%N)"
curl -sf -H "Authorization: Bearer $TOKEN" -F "sourceId=$SOURCE" -F "file=@$WORK/items.csv;type=text/csv" "$BASE/api/v1/services/import" >"$WORK/import2.json"
REIMPORT_SECS="$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')"

mkdir -p "$ROOT/bench/results"
RESULT="$ROOT/bench/results/services-$(date +%Y%m%d-%H%M%S).md"
{
    echo "Command: \`bench/services.sh\` (BENCH_ITEMS=$ITEMS, BENCH_DURATION=$DURATION) at $(git -C "$ROOT" rev-parse --short HEAD), $(date -u '+%Y-%m-%d %H:%M UTC')."
    echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; $("$NGINX" -v 2>&1 | sed 's/^nginx version: //')."
    echo
    echo "| Cached page (bytes) | GovSite req/s (rounds) | p99 | nginx, same bytes, req/s | p99 | GovSite / nginx |"
    echo "|---|---:|---:|---:|---:|---:|"
    for name in catalogue guide article; do
        echo "| $name ($(wc -c <"$WORK/$name.html")) | $(rps "$name-1" "$name-2") ($(rps "$name-1"), $(rps "$name-2")) | $(p99 "$name-1" "$name-2") ms | $(rps "nginx-$name-1" "nginx-$name-2") | $(p99 "nginx-$name-1" "nginx-$name-2") ms | $(ratio "$(rps "$name-1" "$name-2")" "$(rps "nginx-$name-1" "nginx-$name-2")") |"
    done
    echo
    echo "Import of $ITEMS service items (CSV, $(wc -c <"$WORK/items.csv") bytes) through POST /api/v1/services/import: $IMPORT_SECS s ($IMPORT_COUNTS); the same export again (nothing changed): $REIMPORT_SECS s."
} >"$RESULT"
log "Summary"
cat "$RESULT"
