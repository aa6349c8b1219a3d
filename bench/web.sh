#!/bin/bash
# Web benchmark: logs in through the real login form, then runs wrk against the main pages and a
# static file served by the same nginx, and prints one table.
#
#   BASE_URL=http://127.0.0.1:8080 BENCH_PASSWORD=... bench/web.sh
#   bench/web.sh BASE_URL [USER [PASSWORD]]          (a password argument shows up in ps)
#
# Environment:
#   BASE_URL        the nginx in front of ticketflow-fcgi, without trailing slash
#   BENCH_USER      login (default: bench); BENCH_PASSWORD its password (or the 3rd argument)
#   MAXID           issue pages use random ids 1..MAXID (default: 1000000, bench/generate.sh's N)
#   DUR=20s WARM=5s THREADS=2 CONN=16 TIMEOUT=5s     wrk settings (warm-up run is discarded)
#   TESTS="new_list issue dashboard static"           which rows to run
#   STATIC_DIR      folder nginx serves as /static/ (default: web/static of this checkout); the
#                   script writes bench-static.html there (as large as an issue page, or
#                   STATIC_SIZE bytes) and removes it afterwards
#   STATIC_URL      path of an existing nginx-served file to use instead (nothing is created)
#   OUT             folder for raw wrk output (default: /tmp/ticketflow-web-bench.<timestamp>)
#
# Exits non-zero when the login fails, when a page does not answer 2xx before the run, or
# when any response during the runs was not 2xx (the table marks those rows with "!").
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
BASE_URL=${1:-${BASE_URL:-}}
BENCH_USER=${2:-${BENCH_USER:-bench}}
BENCH_PASSWORD=${3:-${BENCH_PASSWORD:-}}
[ -n "$BASE_URL" ] || { echo "web.sh: BASE_URL missing (see the header of $0)" >&2; exit 2; }
[ -n "$BENCH_PASSWORD" ] || { echo "web.sh: BENCH_PASSWORD missing" >&2; exit 2; }
BASE_URL=${BASE_URL%/}
DUR=${DUR:-20s}; WARM=${WARM:-5s}; THREADS=${THREADS:-2}; CONN=${CONN:-16}; TIMEOUT=${TIMEOUT:-5s}
MAXID=${MAXID:-1000000}
TESTS=${TESTS:-new_list issue dashboard static}
STATIC_DIR=${STATIC_DIR:-$here/../web/static}
OUT=${OUT:-/tmp/ticketflow-web-bench.$(date +%Y%m%d-%H%M%S)}
export MAXID BENCH_LUA_DIR="$here/lua"
for tool in curl wrk; do command -v "$tool" >/dev/null || { echo "web.sh: $tool is not installed" >&2; exit 1; }; done
mkdir -p "$OUT"
work=$(mktemp -d)
created_static=""
cleanup() {
    rm -rf "$work"
    [ -z "$created_static" ] || rm -f "$created_static"
}
trap cleanup EXIT

die() { echo "web.sh: $*" >&2; exit 1; }

# --- log in through the form -----------------------------------------------------------------
jar=$work/cookies
code=$(curl -sS -c "$jar" -o "$work/login.html" -w '%{http_code}' "$BASE_URL/login") ||
    die "GET $BASE_URL/login failed (is nginx running?)"
[ "$code" = 200 ] || die "GET /login answered $code, expected 200"
input=$(grep -o '<input[^>]*name=["'\'']csrf_token["'\''][^>]*>' "$work/login.html" | head -n1 || true)
csrf=$(printf '%s' "$input" | sed -n 's/.*value=["'\'']\([^"'\'']*\)["'\''].*/\1/p')
[ -n "$csrf" ] || die "no <input name=\"csrf_token\" value=...> in the login page"
code=$(curl -sS -b "$jar" -c "$jar" -D "$work/post.headers" -o "$work/post.html" -w '%{http_code}' \
    --data-urlencode "username=$BENCH_USER" --data-urlencode "password=$BENCH_PASSWORD" \
    --data-urlencode "csrf_token=$csrf" "$BASE_URL/login") || die "POST /login failed"
session=$(tr -d '\r' < "$work/post.headers" | sed -n 's/^[Ss]et-[Cc]ookie: *tf_session=\([^;]*\).*/\1/p' | tail -n1)
if [ "$code" != 303 ] || [ -z "$session" ]; then
    die "login as '$BENCH_USER' failed: POST /login answered $code$([ -n "$session" ] || echo ' without a tf_session cookie')" \
        "(expected 303 + Set-Cookie tf_session=...; wrong password, or the user is missing?)"
fi
COOKIE="Cookie: tf_session=$session"

# --- the static file -------------------------------------------------------------------------
if [[ " $TESTS " == *" static "* ]]; then
    if [ -n "${STATIC_URL:-}" ]; then
        static_path=$STATIC_URL
    else
        size=${STATIC_SIZE:-}
        if [ -z "$size" ]; then # as large as an issue page
            size=$(curl -sS -o /dev/null -w '%{size_download}' -H "$COOKIE" "$BASE_URL/issues/1" || echo 0)
            [ "$size" -ge 1024 ] 2>/dev/null || size=10240
        fi
        [ -d "$STATIC_DIR" ] || die "STATIC_DIR $STATIC_DIR does not exist (set STATIC_DIR or STATIC_URL)"
        f=$STATIC_DIR/bench-static.html
        [ -e "$f" ] && die "$f exists already (left over from an aborted run? remove it)"
        created_static=$f
        { printf '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>bench</title></head><body><pre>\n'
          awk -v n="$size" 'BEGIN { line = "ticketflow static benchmark file: nginx serves this without FastCGI or the database."
              while (n > 0) { s = substr(line, 1, n); print s; n -= length(s) + 1 } }'
          printf '\n</pre></body></html>\n'; } > "$f"
        chmod 0644 "$f"   # nginx workers run as nobody
        static_path=/static/bench-static.html
    fi
fi

# --- check every page once before the load -------------------------------------------------
url_of() {
    case "$1" in
        new_list)  echo "$BASE_URL/projects/psprosupport/issues?status_id=1" ;;
        issue)     echo "$BASE_URL/issues/$MAXID" ;;
        dashboard) echo "$BASE_URL/" ;;
        static)    echo "$BASE_URL$static_path" ;;
        *) die "unknown test '$1' (known: new_list issue dashboard static)" ;;
    esac
}
declare -A bytes
for t in $TESTS; do
    for u in "$(url_of "$t")" $([ "$t" = issue ] && echo "$BASE_URL/issues/1"); do
        read -r code size < <(curl -sS -o /dev/null -w '%{http_code} %{size_download}\n' -H "$COOKIE" "$u" || echo "000 0")
        case "$code" in
            2??) bytes[$t]=$size ;;
            30?) die "$u answered $code (a redirect: is the session cookie accepted? for /issues: is MAXID=$MAXID right?)" ;;
            *)   die "$u answered $code, expected 2xx" ;;
        esac
    done
done

# --- run -------------------------------------------------------------------------------------
run() { # name
    local name=$1 script=count.lua url
    url=$(url_of "$name")
    if [ "$name" = issue ]; then script=issue_random.lua; url=$BASE_URL; fi
    wrk -t"$THREADS" -c"$CONN" -d"$WARM" --timeout "$TIMEOUT" -H "$COOKIE" -s "$here/lua/$script" "$url" >/dev/null 2>&1 || true
    wrk -t"$THREADS" -c"$CONN" -d"$DUR" --timeout "$TIMEOUT" --latency -H "$COOKIE" -s "$here/lua/$script" "$url" \
        > "$OUT/$name.txt" 2>&1 || die "wrk failed for $name, see $OUT/$name.txt"
    grep '^BENCH ' "$OUT/$name.txt" | tail -n1 | sed "s/^BENCH /name=$name /"
}
results=$work/results
: > "$results"
for t in $TESTS; do run "$t" >> "$results"; done

# --- one table -------------------------------------------------------------------------------
echo "# ticketflow web bench: $BASE_URL as $BENCH_USER, wrk -t$THREADS -c$CONN -d$DUR (after $WARM warm-up), MAXID=$MAXID, $(date -u +%FT%TZ)"
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores; raw wrk output: $OUT"
awk -v sizes="$(for t in "${!bytes[@]}"; do printf '%s=%s ' "$t" "${bytes[$t]}"; done)" '
    BEGIN {
        n = split(sizes, kv, " "); for (i = 1; i <= n; i++) { split(kv[i], p, "="); size[p[1]] = p[2] }
        label["new_list"] = "New issues list"; label["issue"] = "issue page (random id)"
        label["dashboard"] = "dashboard /"; label["static"] = "static file (ceiling)"
        printf "%-24s %10s %9s %9s %8s %7s %8s %8s\n", "test", "req/s", "p50", "p99", "non-2xx", "errors", "bytes", "%static"
    }
    {
        for (i = 1; i <= NF; i++) { split($i, p, "="); v[p[1]] = p[2] }
        row[NR] = v["name"]; rps[NR] = v["rps"]; p50[NR] = v["p50_us"]; p99[NR] = v["p99_us"]
        bad[NR] = v["non2xx"]; err[NR] = v["errors"]
        if (v["name"] == "static") ceiling = v["rps"]
    }
    function ms(us) { return us >= 100000 ? sprintf("%.0f ms", us / 1000) : sprintf("%.2f ms", us / 1000) }
    END {
        for (i = 1; i <= NR; i++) {
            pct = (ceiling > 0) ? sprintf("%.1f%%", 100 * rps[i] / ceiling) : "-"
            printf "%-24s %10.0f %9s %9s %7d%s %7d %8s %8s\n", label[row[i]], rps[i], ms(p50[i]), ms(p99[i]),
                bad[i], (bad[i] > 0 ? "!" : " "), err[i], size[row[i]], pct
        }
    }' "$results"
if awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^non2xx=/ && substr($i, 8) + 0 > 0) bad = 1 } END { exit !bad }' "$results"; then
    echo "web.sh: some responses were not 2xx (rows marked !); see $OUT" >&2
    exit 1
fi
