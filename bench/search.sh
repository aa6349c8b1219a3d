#!/bin/bash
# Full-text search benchmark: logs in through the real login form, then runs wrk against
# /search?q=… for each query of SEARCH_QUERIES on its own, then all of them in turn, and prints
# one table (req/s, p50, p99 per row).
#
#   BASE_URL=http://127.0.0.1:18080 BENCH_PASSWORD=secret bench/search.sh
#
# Environment:
#   BASE_URL, BENCH_USER (default bench), BENCH_PASSWORD     as for web.sh
#   SEARCH_QUERIES   queries separated by ';' (default: realistic support searches, see below)
#   SEARCH_PROJECT   search in one project (identifier); default: every project the user sees
#   DUR=20s WARM=5s THREADS=1 CONN=1 TIMEOUT=10s   wrk settings: latency, not throughput, is the
#                    target here (one client; raise CONN to see queueing on a small machine)
#   OUT              folder for raw wrk output (default: /tmp/ticketflow-search-bench.<timestamp>)
# Needs the search index of sql/007_search_documents.sql. Exits non-zero when the login fails, a
# query answers neither 200 nor 503 (time limit) before the run, or any response during the runs
# was not 2xx. The found column: issues on the page, + when more match, ~ when the search was cut
# off by its time limit (partial page), 503 when it timed out without results.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
BASE_URL=${BASE_URL:-}
BENCH_USER=${BENCH_USER:-bench}
BENCH_PASSWORD=${BENCH_PASSWORD:-}
[ -n "$BASE_URL" ] || { echo "search.sh: BASE_URL missing (see the header of $0)" >&2; exit 2; }
[ -n "$BENCH_PASSWORD" ] || { echo "search.sh: BENCH_PASSWORD missing" >&2; exit 2; }
BASE_URL=${BASE_URL%/}
# What support staff type: a feature name, a library, an error symptom with its context, a
# customer's phrase from a note, an error code, a platform; from rare to common in the
# generated data (bench/generate.sh has a small vocabulary, so single words match 0.4-20 %).
SEARCH_QUERIES=${SEARCH_QUERIES:-openssl;saml;crash pdf;licence key;terminal servers;citrix;e1042}
SEARCH_PROJECT=${SEARCH_PROJECT:-}
DUR=${DUR:-20s}; WARM=${WARM:-5s}; THREADS=${THREADS:-1}; CONN=${CONN:-1}; TIMEOUT=${TIMEOUT:-10s}
OUT=${OUT:-/tmp/ticketflow-search-bench.$(date +%Y%m%d-%H%M%S)}
export BENCH_LUA_DIR="$here/lua" SEARCH_PROJECT
for tool in curl wrk; do command -v "$tool" >/dev/null || { echo "search.sh: $tool is not installed" >&2; exit 1; }; done
mkdir -p "$OUT"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
die() { echo "search.sh: $*" >&2; exit 1; }

# --- log in through the form (as web.sh) -----------------------------------------------------
jar=$work/cookies
code=$(curl -sS -c "$jar" -o "$work/login.html" -w '%{http_code}' "$BASE_URL/login") || die "GET /login failed"
[ "$code" = 200 ] || die "GET /login answered $code, expected 200"
csrf=$(grep -o '<input[^>]*name="csrf_token"[^>]*>' "$work/login.html" | head -n1 | sed -n 's/.*value="\([^"]*\)".*/\1/p')
[ -n "$csrf" ] || die "no csrf_token in the login page"
code=$(curl -sS -b "$jar" -c "$jar" -D "$work/post.headers" -o /dev/null -w '%{http_code}' \
    --data-urlencode "username=$BENCH_USER" --data-urlencode "password=$BENCH_PASSWORD" \
    --data-urlencode "csrf_token=$csrf" "$BASE_URL/login") || die "POST /login failed"
session=$(tr -d '\r' < "$work/post.headers" | sed -n 's/^[Ss]et-[Cc]ookie: *tf_session=\([^;]*\).*/\1/p' | tail -n1)
[ "$code" = 303 ] && [ -n "$session" ] || die "login as '$BENCH_USER' failed (POST /login answered $code)"
COOKIE="Cookie: tf_session=$session"

# --- every query once: 200, and how many issues it finds -------------------------------------
encode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
declare -A found
IFS=';' read -r -a queries <<< "$SEARCH_QUERIES"
for q in "${queries[@]}"; do
    url="$BASE_URL/search?q=$(encode "$q")${SEARCH_PROJECT:+&project_id=$SEARCH_PROJECT}"
    code=$(curl -sS -o "$work/page.html" -w '%{http_code}' -H "$COOKIE" "$url") || die "GET $url failed"
    # 503: the search ran past its time limit; the runs below count such answers as non-2xx.
    if [ "$code" = 503 ]; then found[$q]=503; continue; fi
    [ "$code" = 200 ] || die "$url answered $code, expected 200 (search index missing? see sql/007_search_documents.sql)"
    n=$(grep -c 'class="issue"' "$work/page.html" || true)
    grep -q 'id="search-more"' "$work/page.html" && n="$n+"
    grep -q 'id="search-partial"' "$work/page.html" && n="$n~"
    found[$q]=$n
done

# --- run -------------------------------------------------------------------------------------
run() { # label queries
    local label=$1 file
    file=$OUT/$(printf '%s' "$label" | tr -c 'A-Za-z0-9' '_').txt
    SEARCH_QUERIES=$2 wrk -t"$THREADS" -c"$CONN" -d"$WARM" --timeout "$TIMEOUT" -H "$COOKIE" \
        -s "$here/lua/search.lua" "$BASE_URL" >/dev/null 2>&1 || true
    SEARCH_QUERIES=$2 wrk -t"$THREADS" -c"$CONN" -d"$DUR" --timeout "$TIMEOUT" --latency -H "$COOKIE" \
        -s "$here/lua/search.lua" "$BASE_URL" > "$file" 2>&1 || die "wrk failed for '$label', see $file"
    printf '%s\t%s\n' "$label" "$(grep '^BENCH ' "$file" | tail -n1)"
}
results=$work/results
: > "$results"
for q in "${queries[@]}"; do run "$q" "$q" >> "$results"; done
run "all queries in turn" "$SEARCH_QUERIES" >> "$results"

echo "# ticketflow search bench: $BASE_URL as $BENCH_USER${SEARCH_PROJECT:+ in $SEARCH_PROJECT}, wrk -t$THREADS -c$CONN -d$DUR (after $WARM warm-up), $(date -u +%FT%TZ)"
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores; raw wrk output: $OUT"
printf '%-24s %7s %9s %9s %9s %8s\n' query found req/s p50 p99 non-2xx
bad=0
while IFS=$'\t' read -r label line; do
    declare -A v=()
    for kv in $line; do v[${kv%%=*}]=${kv#*=}; done
    ms() { awk -v us="$1" 'BEGIN { printf (us >= 100000 ? "%.0f ms" : "%.1f ms"), us / 1000 }'; }
    printf '%-24s %7s %9.1f %9s %9s %7d%s\n' "$label" "${found[$label]:--}" "${v[rps]}" "$(ms "${v[p50_us]}")" \
        "$(ms "${v[p99_us]}")" "${v[non2xx]}" "$([ "${v[non2xx]}" -gt 0 ] && echo '!' || echo ' ')"
    [ "${v[non2xx]}" -eq 0 ] || bad=1
done < "$results"
[ "$bad" = 0 ] || { echo "search.sh: some responses were not 2xx (rows marked !); see $OUT" >&2; exit 1; }
