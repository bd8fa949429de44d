#!/usr/bin/env bash
# Rows per second of `govsite import` into a column without review (every row through the library,
# the workflow and the quality gate since issue 15), on SQLite in a temporary data folder:
#   bench/import.sh [ROWS]            (default 1000; GOVSITE_REPO=path measures another checkout)
set -euo pipefail
ROOT="${GOVSITE_REPO:-$(cd "$(dirname "$0")/.." && pwd)}"
ROWS="${1:-1000}"
WORK="$(mktemp -d /tmp/govsite-import.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
dotnet build "$ROOT/src/GovSite" -c Release --nologo -v q -clp:ErrorsOnly -o "$WORK/bin" >/dev/null
export GOVSITE_DATA="$WORK/data" GOVSITE_QUIET=true GOVSITE_ADMIN_PASSWORD=Bench12345x
dotnet "$WORK/bin/govsite.dll" migrate >/dev/null
dotnet "$WORK/bin/govsite.dll" seed-demo >/dev/null
COLUMN="$(python3 - "$WORK/data/govsite.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("""SELECT c."Id" FROM "Columns" c JOIN "Sites" s ON s."Id" = c."SiteId"
                    WHERE s."Code" = '9900000001' AND c."Name" = '要闻动态'""").fetchone()[0])
PY
)"
python3 - "$ROWS" "$WORK/rows.jsonl" <<'PY'
import json, sys, random
random.seed(15)
words = "经济 发展 会议 部署 工作 推进 落实 民生 项目 建设 安全 生产 服务 改革 创新 就业 教育 医疗 交通 生态".split()
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for i in range(int(sys.argv[1])):
        body = "".join(random.choice(words) for _ in range(120))
        f.write(json.dumps({"title": f"导入测试第{i}篇：{body[:12]}", "body": f"<p>{body}</p>", "publishDate": "2026-01-05 09:00"}, ensure_ascii=False) + "\n")
PY
start=$(date +%s.%N)
dotnet "$WORK/bin/govsite.dll" import "$WORK/rows.jsonl" --site 9900000001 --column "$COLUMN" | tail -1
end=$(date +%s.%N)
python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'{int(sys.argv[3])} rows in {s:.1f} s: {int(sys.argv[3])/s:.0f} rows/s')" "$start" "$end" "$ROWS"
