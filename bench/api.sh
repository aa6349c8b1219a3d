#!/bin/bash
# REST API benchmark: wrk against the Redmine-compatible JSON API with an API key, and a
# static file through the same nginx for scale; prints one table.
#
#   BASE_URL=http://127.0.0.1:18080 BENCH_PASSWORD=... bench/api.sh
#
# Environment:
#   BASE_URL, BENCH_USER (default bench), BENCH_PASSWORD   as for web.sh; the password is used
#                   once, over HTTP Basic, to read the user's API key from /users/current.json
#   DUR=20s WARM=5s THREADS=2 CONN=16 TIMEOUT=5s             wrk settings
#   TESTS="list_new list_open create static"                which rows to run; "create" adds
#                   an issue per request (tens of thousands per run) to psprosupport
#   STATIC_URL      an nginx-served file for the ceiling row (default /static/style.css)
#   OUT             folder for raw wrk output
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
BASE_URL=${BASE_URL:-}; BASE_URL=${BASE_URL%/}
BENCH_USER=${BENCH_USER:-bench}; BENCH_PASSWORD=${BENCH_PASSWORD:-}
[ -n "$BASE_URL" ] && [ -n "$BENCH_PASSWORD" ] || { echo "api.sh: set BASE_URL and BENCH_PASSWORD" >&2; exit 2; }
DUR=${DUR:-20s}; WARM=${WARM:-5s}; THREADS=${THREADS:-2}; CONN=${CONN:-16}; TIMEOUT=${TIMEOUT:-5s}
TESTS=${TESTS:-list_new list_open create static}
STATIC_URL=${STATIC_URL:-/static/style.css}
OUT=${OUT:-/tmp/ticketflow-api-bench.$(date +%Y%m%d-%H%M%S)}
export BENCH_LUA_DIR="$here/lua"
mkdir -p "$OUT"
die() { echo "api.sh: $*" >&2; exit 1; }

key=$(curl -sS -u "$BENCH_USER:$BENCH_PASSWORD" "$BASE_URL/users/current.json" |
      sed -n 's/.*"api_key":"\([0-9a-f]\{40\}\)".*/\1/p')
[ -n "$key" ] || die "could not read the API key of $BENCH_USER from $BASE_URL/users/current.json"
KEY="X-Redmine-API-Key: $key"

url_of() {
    case $1 in
        list_new)  echo "$BASE_URL/projects/psprosupport/issues.json?status_id=1&limit=25" ;;
        list_open) echo "$BASE_URL/issues.json?status_id=open&sort=updated_on:desc&limit=25" ;;
        create)    echo "$BASE_URL" ;;
        static)    echo "$BASE_URL$STATIC_URL" ;;
    esac
}
for t in $TESTS; do
    [ "$t" = create ] && continue
    code=$(curl -sS -o /dev/null -w '%{http_code}' -H "$KEY" "$(url_of "$t")")
    [ "$code" = 200 ] || die "$(url_of "$t") answered $code"
done

run() {
    local name=$1 script=count.lua
    [ "$name" = create ] && script=api_create.lua
    wrk -t"$THREADS" -c"$CONN" -d"$WARM" --timeout "$TIMEOUT" -H "$KEY" -s "$here/lua/$script" "$(url_of "$name")" \
        >/dev/null 2>&1 || true
    wrk -t"$THREADS" -c"$CONN" -d"$DUR" --timeout "$TIMEOUT" --latency -H "$KEY" -s "$here/lua/$script" \
        "$(url_of "$name")" > "$OUT/$name.txt" 2>&1 || die "wrk failed for $name, see $OUT/$name.txt"
    grep '^BENCH ' "$OUT/$name.txt" | tail -n1 | sed "s/^BENCH /name=$name /"
}
results=$OUT/results
: > "$results"
for t in $TESTS; do run "$t" >> "$results"; done

echo "# ticketflow API bench: $BASE_URL as $BENCH_USER (API key), wrk -t$THREADS -c$CONN -d$DUR after $WARM warm-up, $(date -u +%FT%TZ)"
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores; raw wrk output: $OUT"
awk '
    BEGIN {
        label["list_new"] = "GET New list .json"; label["list_open"] = "GET /issues.json open"
        label["create"] = "POST /issues.json"; label["static"] = "static file (ceiling)"
        printf "%-24s %10s %9s %9s %8s %7s %8s\n", "test", "req/s", "p50", "p99", "non-2xx", "errors", "%static"
    }
    {
        for (i = 1; i <= NF; i++) { split($i, p, "="); v[p[1]] = p[2] }
        row[NR] = v["name"]; rps[NR] = v["rps"]; p50[NR] = v["p50_us"]; p99[NR] = v["p99_us"]
        bad[NR] = v["non2xx"]; err[NR] = v["errors"]
        if (v["name"] == "static") ceiling = v["rps"]
    }
    END {
        for (i = 1; i <= NR; i++) {
            pct = (ceiling > 0) ? sprintf("%.1f%%", 100 * rps[i] / ceiling) : "-"
            printf "%-24s %10.0f %7.2f ms %7.2f ms %7d%s %7d %8s\n", label[row[i]], rps[i], p50[i] / 1000,
                p99[i] / 1000, bad[i], (bad[i] > 0 ? "!" : " "), err[i], pct
        }
    }' "$results"
if awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^non2xx=/ && substr($i, 8) + 0 > 0) bad = 1 } END { exit !bad }' "$results"; then
    die "some responses were not 2xx (rows marked !); see $OUT"
fi
