#!/usr/bin/env bash
# Serves a benchmark database through the real stack: ticketflow-fcgi + nginx on loopback.
#
#   bench/serve.sh start STATE DB_SOCKET DB_NAME [PORT] [THREADS]   # prints the base URL
#   bench/serve.sh stop STATE
#
# The app connects as MariaDB's root over the unix socket (socket authentication: run as
# root), so it works with bench/mariadb.sh's server as it is. Binaries from build/ (override
# with TICKETFLOW_FCGI_BIN). Logs under STATE/logs.
set -euo pipefail
TF_ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=../scripts/lib/common.sh
source "$TF_ROOT/scripts/lib/common.sh"
# shellcheck source=../scripts/lib/app.sh
source "$TF_ROOT/scripts/lib/app.sh"
# shellcheck source=../scripts/lib/nginx.sh
source "$TF_ROOT/scripts/lib/nginx.sh"

fcgi_bin=${TICKETFLOW_FCGI_BIN:-$TF_ROOT/build/fcgi/ticketflow-fcgi}

start() {
  local state=$1 socket=$2 db=$3 port=${4:-} threads=${5:-4}
  [[ -x $fcgi_bin ]] || tf_die "no $fcgi_bin: build first (cmake --build build)"
  mkdir -p "$state/logs" "$state/run" "$state/files"
  state=$(cd "$state" && pwd)
  [[ -n $port ]] || port=$(tf_free_port)
  CFG_DB_SOCKET=$socket CFG_DB_PORT=3306 CFG_DB_USER=root CFG_DB_PASSWORD= CFG_DB_NAME=$db \
  CFG_LISTEN=$(tf_short_dir "$state/run" fcgi.sock)/fcgi.sock CFG_BASE_URL=http://127.0.0.1:$port \
  CFG_ATTACHMENTS=$state/files CFG_SECRET=$(tf_random_hex 32) CFG_THREADS=$threads \
    tf_write_config "$state/ticketflow.conf"
  local sock
  sock=$(tf_ini_get "$state/ticketflow.conf" web listen)
  tf_fcgi_start "$fcgi_bin" "$state/ticketflow.conf" "$state/run/fcgi.pid" "$state/logs/fcgi.log"
  tf_wait_socket "$sock" 10 || tf_die "ticketflow-fcgi did not open $sock (see $state/logs/fcgi.log)"
  tf_nginx_render "$state/nginx" "$port" "$sock" "$state/files" "$state/logs/nginx-error.log" /dev/null
  tf_nginx_start "$state/nginx" "$state/logs/nginx-error.log" || tf_die "nginx did not start"
  tf_wait_http 127.0.0.1 "$port" /login 30 || tf_die "GET /login did not answer 200"
  echo "http://127.0.0.1:$port"
}

stop() {
  local state=$1
  tf_nginx_stop "$state/nginx" || true
  tf_fcgi_stop "$fcgi_bin" "$state/run/fcgi.pid" || true
}

case ${1:-} in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: $0 start STATE DB_SOCKET DB_NAME [PORT] [THREADS] | stop STATE" >&2; exit 64 ;;
esac
