# Starting and stopping ticketflow-fcgi, and running ticketflow-admin. Sourced; needs common.sh.

# tf_fcgi_start BIN CONFIG PIDFILE LOG: starts `BIN --config CONFIG` in the background, its
# stderr appended to LOG. The app opens web.listen itself; a stale socket file left by a
# killed run is removed first so its bind() succeeds. Sets TF_PID.
tf_fcgi_start() {
  local bin=$1 conf=$2 pidfile=$3 log=$4 sock
  sock=$(tf_ini_get "$conf" web listen)
  [[ -n $sock ]] && { mkdir -p "$(dirname "$sock")"; rm -f "$sock"; }
  mkdir -p "$(dirname "$log")"
  printf '=== %s: starting %s --config %s\n' "$(date '+%F %T')" "$bin" "$conf" >> "$log"
  tf_spawn "$pidfile" "$log" "$bin" --config "$conf"
}

# tf_fcgi_stop BIN PIDFILE: SIGTERM (the app exits 0 on it), SIGKILL after 15 s.
tf_fcgi_stop() {
  tf_stop_pidfile "$2" "$(basename "$1")" TERM 15
}

# tf_admin BIN CONFIG ARGS...: runs ticketflow-admin; its own message explains a failure.
tf_admin() {
  local bin=$1 conf=$2
  shift 2
  "$bin" --config "$conf" "$@"
}
