# A private MariaDB server in one folder, on loopback only (recipe: shared SERVICES.md).
# Layout of DIR: my.cnf, data/, run/ (mysqld.pid, mysqld.sock), log/error.log, tmp/,
# mariadbd.pid (written by tf_spawn; the PID we stop). Sourced; needs common.sh.

# tf_db_socket DIR: path of the server's unix socket.
tf_db_socket() {
  echo "$(tf_short_dir "$1/run" mysqld.sock)/mysqld.sock"
}

# tf_db_admin_user: the MariaDB account of the OS user running us (unix_socket auth, created
# by mariadb-install-db): root for root, else the login name.
tf_db_admin_user() {
  if ((EUID == 0)); then echo root; else id -un; fi
}

# tf_db_sql DIR [ARGS...]: the mariadb client as the admin account over the socket; SQL on
# stdin or with -e. Secrets go through stdin so they never show in ps.
tf_db_sql() {
  local dir=$1
  shift
  mariadb --defaults-file="$dir/my.cnf" -u "$(tf_db_admin_user)" "$@"
}

# tf_db_running DIR: true while the server we started for DIR is alive.
tf_db_running() {
  local pid
  pid=$(tf_read_pid "$1/mariadbd.pid")
  [[ -n $pid ]] && tf_pid_alive "$pid" && tf_pid_matches "$pid" "$1/my.cnf"
}

# tf_db_write_cnf DIR PORT MODE: writes DIR/my.cnf; MODE "test" trades durability for speed.
tf_db_write_cnf() {
  local dir=$1 port=$2 mode=$3 sock
  sock=$(tf_db_socket "$dir")
  {
    cat <<EOF
# Private MariaDB for ticketflow (generated; rewritten at every start).
[mariadbd]
datadir = $dir/data
socket = $sock
pid-file = $dir/run/mysqld.pid
port = $port
bind-address = 127.0.0.1
log-error = $dir/log/error.log
tmpdir = $dir/tmp
character-set-server = utf8mb4
collation-server = utf8mb4_unicode_ci
innodb_buffer_pool_size = 256M
# Raw mail up to [intake] max_size is stored and read in one packet.
max_allowed_packet = 64M
skip-name-resolve
EOF
    if [[ $mode == test ]]; then
      cat <<EOF
innodb_flush_log_at_trx_commit = 2
innodb_doublewrite = 0
sync_binlog = 0
performance_schema = OFF
EOF
    fi
    cat <<EOF

[client]
socket = $sock
default-character-set = utf8mb4
EOF
  } > "$dir/my.cnf"
}

# tf_db_os_user DIR: the OS user mariadbd runs as. mysql (as SERVICES.md says) when it can
# write into DIR, which fails when DIR lies under a folder only root may enter (a clone in
# /root): then root itself, with --user=root, which mariadbd accepts when asked explicitly.
tf_db_os_user() {
  local dir=$1
  if ((EUID != 0)); then
    id -un
  elif id mysql > /dev/null 2>&1 && runuser -u mysql -- test -w "$dir/data" 2>/dev/null; then
    echo mysql
  else
    echo root
  fi
}

# tf_db_prepare DIR: creates the folders and hands them to the server's OS user. Prints it.
tf_db_prepare() {
  local dir=$1 sockdir user
  sockdir=$(dirname "$(tf_db_socket "$dir")")
  mkdir -p "$dir/data" "$dir/run" "$dir/log" "$dir/tmp" "$sockdir"
  if ((EUID == 0)) && id mysql > /dev/null 2>&1; then
    chown -R mysql:mysql "$dir/data" "$dir/run" "$dir/log" "$dir/tmp" "$sockdir"
  fi
  user=$(tf_db_os_user "$dir")
  if ((EUID == 0)) && [[ $user == root ]]; then
    tf_warn "user mysql cannot write to $dir/data (a parent folder is closed to it); running mariadbd as root"
    chown -R root:root "$dir/data" "$dir/run" "$dir/log" "$dir/tmp" "$sockdir"
  fi
  echo "$user"
}

# tf_db_install DIR USER: creates the system tables once (kept when DIR/data/mysql exists).
tf_db_install() {
  local dir=$1 user=$2
  [[ -d $dir/data/mysql ]] && return 0
  if ! mariadb-install-db --defaults-file="$dir/my.cnf" --user="$user" \
      --auth-root-authentication-method=socket --skip-test-db > "$dir/log/install.log" 2>&1; then
    tf_warn "mariadb-install-db failed; $dir/log/install.log says:"
    tail -n 30 "$dir/log/install.log" >&2
    return 1
  fi
}

# tf_db_wait DIR PID SECONDS: waits until the server answers a query over its socket.
tf_db_wait() {
  local dir=$1 pid=$2 deadline=$((SECONDS + $3))
  until tf_db_sql "$dir" --connect-timeout=2 -N -B -e 'SELECT 1' > /dev/null 2>&1; do
    tf_pid_alive "$pid" || return 1
    ((SECONDS < deadline)) || return 1
    sleep 0.1
  done
}

# tf_db_start DIR MODE [PORT]: installs (first time) and starts the server on PORT, or on a
# free loopback port when PORT is empty (retrying if another process takes it first).
# Idempotent: does nothing while it runs. Records the port in DIR/port.
tf_db_start() {
  local dir=$1 mode=$2 fixed=${3:-} port user mark _
  if tf_db_running "$dir"; then
    return 0
  fi
  # A server from an earlier run that lost its PID file would hold the datadir lock.
  tf_db_stop "$dir" || return 1
  for _ in 1 2 3 4 5; do
    port=${fixed:-$(tf_free_port)} || { tf_warn "no free port found"; return 1; }
    mkdir -p "$dir"
    tf_db_write_cnf "$dir" "$port" "$mode"
    user=$(tf_db_prepare "$dir") || return 1
    tf_db_install "$dir" "$user" || return 1
    mark=$(wc -l < "$dir/log/error.log" 2>/dev/null || echo 0)
    tf_spawn "$dir/mariadbd.pid" "$dir/log/mariadbd.out" \
      mariadbd --defaults-file="$dir/my.cnf" --user="$user" || { tf_warn "could not start mariadbd"; return 1; }
    if tf_db_wait "$dir" "$TF_PID" 60; then
      echo "$port" > "$dir/port"
      return 0
    fi
    if [[ -z $fixed ]] && ! tf_pid_alive "$TF_PID" &&
        tail -n +"$((mark + 1))" "$dir/log/error.log" 2>/dev/null | grep -q -i 'address already in use'; then
      tf_log "port $port was taken meanwhile; trying another"
      continue
    fi
    tf_warn "MariaDB in $dir did not come up; the last lines of $dir/log/error.log:"
    tail -n 30 "$dir/log/error.log" >&2 2>/dev/null
    tf_db_stop "$dir"
    return 1
  done
  return 1
}

# tf_db_stop DIR: stops the server (SIGTERM: clean InnoDB shutdown) and waits until it is
# gone. Safe when nothing runs.
tf_db_stop() {
  local dir=$1 sockdir
  [[ -d $dir ]] || return 0
  tf_stop_pidfile "$dir/mariadbd.pid" "$dir/my.cnf" TERM 60 || return 1
  # mariadbd's own PID file, should our wrapper's have been lost.
  tf_stop_pidfile "$dir/run/mysqld.pid" "$dir/my.cnf" TERM 60 || return 1
  if [[ -f $dir/my.cnf ]]; then
    sockdir=$(dirname "$(tf_db_socket "$dir")")
    [[ $sockdir == /tmp/tf-sock-* ]] && rm -rf "$sockdir"
  fi
  return 0
}

# tf_db_ensure_app DIR DATABASE USER PASSWORD GRANT: creates DATABASE (utf8mb4) and USER at
# localhost and 127.0.0.1 with PASSWORD (reset if the user exists) and GRANT ("db" = all on
# DATABASE, "all" = all privileges on *.*).
tf_db_ensure_app() {
  local dir=$1 db=$2 user=$3 password=$4 grant=$5 on host
  [[ $grant == all ]] && on='*.*' || on="\`$db\`.*"
  {
    [[ -n $db ]] && echo "CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
    for host in localhost 127.0.0.1; do
      echo "CREATE USER IF NOT EXISTS '$user'@'$host' IDENTIFIED BY '$password';"
      echo "ALTER USER '$user'@'$host' IDENTIFIED BY '$password';"
      echo "GRANT ALL PRIVILEGES ON $on TO '$user'@'$host';"
    done
  } | tf_db_sql "$dir"
}

# tf_db_client_cnf FILE SOCKET USER PASSWORD DATABASE: an option file for the mariadb client
# (use as its first argument: --defaults-file=FILE). Mode 0600.
tf_db_client_cnf() {
  (
    umask 077
    cat > "$1" <<EOF
[client]
socket = $2
user = $3
password = $4
database = $5
default-character-set = utf8mb4
EOF
  )
}
