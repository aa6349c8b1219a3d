#!/usr/bin/env bash
# What notifications cost: a private MariaDB (tests/fixtures/services.sh), then
# ticketflow-notify-bench times public notes on an issue with five recipients, with and
# without writing their mails (bench/notify/notify_bench.cpp). The sender's throughput is in
# bench/mail.sh ("sending").
#
#   bench/notify.sh [CHANGES]     env: BUILD=build STATE=/tmp/ticketflow-notify-bench
# Target (issue 5): a change that notifies 5 recipients adds <= 2 ms to its request.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
CHANGES=${1:-2000}
BUILD=${BUILD:-$root/build}
STATE=${STATE:-/tmp/ticketflow-notify-bench}
bench_bin=$BUILD/bench/notify/ticketflow-notify-bench
admin_bin=$BUILD/admin/ticketflow-admin
services=$root/tests/fixtures/services.sh
for b in "$bench_bin" "$admin_bin"; do [[ -x $b ]] || { echo "notify.sh: build first ($b missing)" >&2; exit 1; }; done
source "$root/scripts/lib/common.sh"

"$services" start-db "$STATE" > /dev/null 2>&1
trap '"$services" stop "$STATE" > /dev/null 2>&1 || true' EXIT
env=$STATE/env
tf_env_sql "$env" -e \
  "DROP DATABASE IF EXISTS tf_notifybench; CREATE DATABASE tf_notifybench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
work=$STATE/bench
rm -rf "$work" && mkdir -p "$work"
{ tf_conf_base "$env" tf_notifybench "$work"; cat; } > "$work/tf.conf" <<CONF
[web]
templates = $root/web/templates
base_url = https://tickets.vendor.example
CONF
"$admin_bin" --config "$work/tf.conf" migrate > /dev/null
echo "# ticketflow notification bench, $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$bench_bin" "$work/tf.conf" "$CHANGES"
