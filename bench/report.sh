#!/bin/bash
# Times ticketflow-report on a bench database (bench/generate.sh data): wall time, CPU and
# peak RSS of the whole run, with its per-stage lines; the issue's budget is 60 s and 512 MB
# for 1,000,000 issues on the 2-core machine.
#
#   bench/report.sh SOCKET [DB] [USER]     # DB default ticketflow, USER default root (unix_socket auth)
#
# Environment: REPORT_BIN (default build/reports/ticketflow-report), OUT (default a temporary
# folder, removed afterwards), DAYS (default 90), ZONE (default Europe/Berlin), RUNS (default 1).
set -euo pipefail
socket=${1:?usage: bench/report.sh SOCKET [DB] [USER]}
db=${2:-ticketflow}
user=${3:-root}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
bin=${REPORT_BIN:-$root/build/reports/ticketflow-report}
[ -x "$bin" ] || { echo "report.sh: no $bin (build first or set REPORT_BIN)" >&2; exit 2; }
work=$(mktemp -d /tmp/tf-bench-report.XXXXXX)
out=${OUT:-$work/out}
trap 'rm -rf "$work"' EXIT
cat > "$work/ticketflow.conf" <<CONF
[db]
socket = $socket
user = $user
password =
name = $db

[web]
base_url = http://127.0.0.1:8080
templates = $root/web/templates

[security]
; loadConfig wants one; the report does not use it.
secret = $(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')

[reports]
timezone = ${ZONE:-Europe/Berlin}
CONF
counts=$(mariadb --socket="$socket" --user="$user" -N -e \
  "SELECT (SELECT COUNT(*) FROM issues), (SELECT COUNT(*) FROM journals),
          (SELECT COUNT(*) FROM journal_details WHERE prop_key = 'status_id')" "$db")
echo "data: issues, journals, status details = $counts"
for run in $(seq "${RUNS:-1}"); do
  /usr/bin/time -f 'time: %e s wall, %U s user, %S s system, %M KB max RSS' \
    "$bin" --config "$work/ticketflow.conf" --out "$out" --days "${DAYS:-90}" 2>&1 | sed "s/^/run $run: /"
done
du -sh "$out/current/" | sed 's/^/site size: /'
