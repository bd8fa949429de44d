# Shared by the bench scripts that put GovSite beside nginx under wrk (run.sh, public.sh):
# tools, a work folder cleaned on exit, GovSite and nginx started on loopback, wrk runs and
# their figures. Source it after `set -euo pipefail` and after setting ROOT.

log() { printf '\n== %s\n' "$*"; }
fail() { printf 'bench: %s\n' "$*" >&2; exit 1; }

# need COMMAND:PACKAGE...: installs (apt) the packages whose command is missing.
need() {
    local missing=() pair
    for pair in "$@"; do
        command -v "${pair%%:*}" >/dev/null 2>&1 || [ -x "/usr/sbin/${pair%%:*}" ] || missing+=("${pair#*:}")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        log "Installing ${missing[*]}"
        local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        $sudo apt-get install -y -qq "${missing[@]}"
    fi
    command -v dotnet >/dev/null 2>&1 || fail "the .NET 10 SDK is needed (see global.json)"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null || fail "port $1 is already in use on 127.0.0.1"; }

# A temporary WORK folder, removed on exit (BENCH_KEEP=1 keeps it) with the servers this script
# started, by their own process ids.
WORK="$(mktemp -d "/tmp/govsite-${BENCH_NAME:-bench}.XXXXXX")"
GOVSITE_PID=""
NGINX_PID=""
cleanup() {
    set +e
    if [ -n "$GOVSITE_PID" ]; then kill "$GOVSITE_PID" 2>/dev/null; wait "$GOVSITE_PID" 2>/dev/null; fi
    if [ -n "$NGINX_PID" ]; then kill -QUIT "$NGINX_PID" 2>/dev/null; wait "$NGINX_PID" 2>/dev/null; fi
    if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_govsite PORT COMMAND...: runs GovSite in the background (log in $WORK/govsite.log) until /healthz answers.
start_govsite() {
    local port="$1"; shift
    "$@" --urls "http://127.0.0.1:$port" >"$WORK/govsite.log" 2>&1 &
    GOVSITE_PID=$!
    for _ in $(seq 1 120); do
        curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
        kill -0 "$GOVSITE_PID" 2>/dev/null || { cat "$WORK/govsite.log"; fail "GovSite exited during start"; }
        sleep 0.5
    done
    fail "GovSite did not become healthy (log: $WORK/govsite.log)"
}

# start_nginx FILE PORT: nginx serving a copy of FILE as /article.html; sets NGINX (the program) and
# NGINX_URL, and checks the bytes.
start_nginx() {
    local file="$1" port="$2" ngx="$WORK/nginx"
    NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
    mkdir -p "$ngx/html" "$ngx/tmp"
    cp "$file" "$ngx/html/article.html"
    # Workers drop to 'nobody' when run as root; let them reach the file.
    chmod 755 "$WORK" "$ngx" "$ngx/html"
    chmod 644 "$ngx/html/article.html"
    cat >"$ngx/nginx.conf" <<EOF
# worker_processes auto = one per core, as Kestrel also uses every core.
worker_processes auto;
daemon off;
pid $ngx/nginx.pid;
error_log $ngx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $ngx/tmp/body;
    proxy_temp_path $ngx/tmp/proxy;
    fastcgi_temp_path $ngx/tmp/fastcgi;
    uwsgi_temp_path $ngx/tmp/uwsgi;
    scgi_temp_path $ngx/tmp/scgi;
    types { text/html html; }
    default_type application/octet-stream;
    charset utf-8;
    sendfile on;
    tcp_nopush on;
    # Kestrel keeps a connection open indefinitely; nginx's default closes it every 1,000 requests.
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$port;
        root $ngx/html;
        ${NGINX_EXTRA:-}
    }
}
EOF
    "$NGINX" -p "$ngx" -c "$ngx/nginx.conf" -e "$ngx/error.log" &
    NGINX_PID=$!
    NGINX_URL="http://127.0.0.1:$port/article.html"
    for _ in $(seq 1 40); do
        curl -sf -o /dev/null "$NGINX_URL" 2>/dev/null && break
        kill -0 "$NGINX_PID" 2>/dev/null || { cat "$ngx/error.log"; fail "nginx exited during start"; }
        sleep 0.25
    done
    curl -sf -o "$WORK/nginx.html" "$NGINX_URL" || fail "nginx does not serve $NGINX_URL"
    cmp -s "$file" "$WORK/nginx.html" || fail "nginx serves different bytes"
}

# run_wrk NAME ARGS...: wrk ${WRK_ARGS[@]} ARGS into $WORK/wrk-NAME.txt; an error answer fails the bench.
run_wrk() {
    local name="$1"; shift
    wrk "${WRK_ARGS[@]}" "$@" | tee "$WORK/wrk-$name.txt"
    if grep -q 'Non-2xx or 3xx responses' "$WORK/wrk-$name.txt"; then fail "$name answered with errors during wrk"; fi
}

# rps NAME...: requests per second of those runs, their mean; p99 NAME...: the worst 99th percentile, in ms.
rps() { local name files=(); for name in "$@"; do files+=("$WORK/wrk-$name.txt"); done
        awk '/^Requests\/sec:/ { s += $2; n++ } END { printf "%.0f", s / n }' "${files[@]}"; }
p99() { local name files=(); for name in "$@"; do files+=("$WORK/wrk-$name.txt"); done
        awk '$1 == "99%" { v = $2; f = 1
        if (v ~ /us$/) { f = 0.001; sub(/us$/, "", v) } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { f = 1000; sub(/s$/, "", v) }
        if (v * f > m) m = v * f } END { printf "%.2f", m }' "${files[@]}"; }
# median NAME...: the median of those runs' requests per second.
median() { local name files=(); for name in "$@"; do files+=("$WORK/wrk-$name.txt"); done
        awk '/^Requests\/sec:/ { print $2 }' "${files[@]}" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.0f", v[(NR + 1) / 2]; else printf "%.0f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
