# A private nginx in one folder (PREFIX), rendered from nginx/dev.conf.in, on loopback only.
# Layout of PREFIX: nginx.conf, nginx.pid, tmp/ (the five *_temp_path folders).
# Sourced; needs common.sh.

# tf_nginx_render PREFIX PORT FCGI_SOCKET ATTACHMENTS ERROR_LOG ACCESS_LOG [REPORTS]: writes
# PREFIX/nginx.conf serving web/static of this checkout, REPORTS/current at /reports/ (default
# PREFIX/reports) and passing the rest to FCGI_SOCKET.
tf_nginx_render() {
  local prefix=$1 port=$2 sock=$3 files=$4 errlog=$5 acclog=$6 reports=${7:-$1/reports} static user_directive=
  static=$TF_ROOT/web/static
  mkdir -p "$prefix"/tmp/{client_body,proxy,fastcgi,uwsgi,scgi} "$(dirname "$errlog")" \
    "$(dirname "$acclog")"
  # As root without a user directive the workers run as nobody, like production runs them as
  # www-data; that catches unreadable static files and a socket without mode 0666. When the
  # checkout itself is closed to nobody (a clone under /root) nobody could serve nothing, so
  # the workers run as root instead.
  if ((EUID == 0)) && ! runuser -u nobody -- test -r "$static/." 2>/dev/null; then
    tf_warn "user nobody cannot read $static; nginx workers run as root"
    user_directive='user root root;'
  fi
  sed -e "s|@PREFIX@|$(tf_sed_escape "$prefix")|g" \
      -e "s|@PORT@|$(tf_sed_escape "$port")|g" \
      -e "s|@FCGI_SOCKET@|$(tf_sed_escape "$sock")|g" \
      -e "s|@STATIC_ROOT@|$(tf_sed_escape "$static")|g" \
      -e "s|@ATTACHMENTS@|$(tf_sed_escape "$files")|g" \
      -e "s|@REPORTS@|$(tf_sed_escape "$reports")|g" \
      -e "s|@ERROR_LOG@|$(tf_sed_escape "$errlog")|g" \
      -e "s|@ACCESS_LOG@|$(tf_sed_escape "$acclog")|g" \
      -e "s|@USER_DIRECTIVE@|$(tf_sed_escape "$user_directive")|g" \
      "$TF_ROOT/nginx/dev.conf.in" > "$prefix/nginx.conf"
}

# tf_nginx_start PREFIX ERROR_LOG: starts nginx (it daemonizes; errors such as a taken port
# come back synchronously). False with nginx's message on stderr when it could not start.
tf_nginx_start() {
  local prefix=$1 errlog=$2 out pid
  if ! out=$(nginx -p "$prefix" -c "$prefix/nginx.conf" -e "$errlog" 2>&1); then
    printf '%s\n' "$out" >&2
    return 1
  fi
  pid=$(tf_read_pid "$prefix/nginx.pid")
  if [[ -z $pid ]] || ! tf_pid_alive "$pid"; then
    tf_warn "nginx did not stay up; see $errlog"
    return 1
  fi
}

# tf_nginx_running PREFIX: true while the nginx master for PREFIX is alive.
tf_nginx_running() {
  local pid
  pid=$(tf_read_pid "$1/nginx.pid")
  [[ -n $pid ]] && tf_pid_alive "$pid" && tf_pid_matches "$pid" "$1/nginx.conf"
}

# tf_nginx_stop PREFIX: graceful stop (SIGQUIT); waits for the master and its workers.
tf_nginx_stop() {
  local prefix=$1 pid workers w
  pid=$(tf_read_pid "$prefix/nginx.pid")
  [[ -n $pid ]] || return 0
  workers=
  tf_pid_alive "$pid" && tf_pid_matches "$pid" "$prefix/nginx.conf" && workers=$(tf_children "$pid")
  tf_stop_pidfile "$prefix/nginx.pid" "$prefix/nginx.conf" QUIT 10 || return 1
  # Workers of a master that had to be killed would otherwise keep the port.
  for w in $workers; do
    if tf_pid_alive "$w" && tf_pid_matches "$w" "nginx"; then
      kill -TERM "$w" 2>/dev/null
      tf_wait_gone "$w" 5 || { kill -KILL "$w" 2>/dev/null; tf_wait_gone "$w" 5 || return 1; }
    fi
  done
  return 0
}
