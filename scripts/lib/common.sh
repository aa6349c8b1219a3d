# Shared shell helpers for scripts/ and tests/fixtures: logging, ports, processes, INI files.
# Sourced, never executed. Functions are prefixed tf_ and return non-zero instead of exiting,
# except tf_die.

TF_ROOT=${TF_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}

tf_log() { printf '%s\n' "[ticketflow] $*" >&2; }
tf_warn() { printf '%s\n' "[ticketflow] WARNING: $*" >&2; }
tf_die() { printf '%s\n' "[ticketflow] ERROR: $*" >&2; exit 1; }

# tf_random_hex BYTES: BYTES random bytes from /dev/urandom as lower-case hex.
tf_random_hex() {
  od -An -v -tx1 -N"$1" /dev/urandom | tr -d ' \n'
}

# tf_port_in_use PORT: true when some socket listens on TCP PORT (any address, v4 or v6).
# Reads /proc/net/tcp* so that neither ss nor netstat is needed.
tf_port_in_use() {
  local hex f
  hex=$(printf '%04X' "$1")
  for f in /proc/net/tcp /proc/net/tcp6; do
    [[ -r $f ]] || continue
    # columns: sl local_address rem_address st ...; st 0A = LISTEN
    if awk -v p=":$hex" 'NR > 1 && $4 == "0A" && substr($2, length($2) - 4) == p { found = 1 }
                         END { exit !found }' "$f"; then
      return 0
    fi
  done
  return 1
}

# tf_free_port: prints a TCP port nobody listens on. Picked below the kernel's ephemeral range
# (32768+) so outgoing connections do not take it between the check and the bind; callers
# still retry when the bind fails (another test run may race us).
tf_free_port() {
  local i port
  for ((i = 0; i < 200; i++)); do
    port=$((20000 + RANDOM % 12000))
    tf_port_in_use "$port" || { echo "$port"; return 0; }
  done
  return 1
}

# tf_pid_alive PID: true while PID exists and is not a zombie. Orphans here may never be
# reaped (PID 1 is not an init), so kill -0 would report a dead process as alive.
tf_pid_alive() {
  local pid=$1 stat state
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  { read -r stat < "/proc/$pid/stat"; } 2> /dev/null || return 1
  state=${stat##*) }
  state=${state%% *}
  [[ $state != Z && $state != X && $state != x ]]
}

# tf_pid_matches PID TEXT: true when PID's command line contains TEXT. Guards against killing
# an unrelated process that inherited a stale PID. (Builtins only: forks are slow here.)
tf_pid_matches() {
  local -a args
  { mapfile -d '' args < "/proc/$1/cmdline"; } 2> /dev/null || return 1
  [[ " ${args[*]} " == *"$2"* ]]
}

# tf_read_pid FILE: prints the PID stored in FILE (empty when missing or garbage).
tf_read_pid() {
  local pid=
  [[ -r $1 ]] && read -r pid < "$1" 2>/dev/null
  [[ $pid =~ ^[0-9]+$ ]] && echo "$pid"
  return 0
}

# tf_wait_gone PID SECONDS: waits until PID is gone (or a zombie); false on timeout.
tf_wait_gone() {
  local pid=$1 deadline=$((SECONDS + $2))
  while tf_pid_alive "$pid"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.1
  done
  return 0
}

# tf_stop_pidfile FILE MATCH SIGNAL SECONDS: stops the process whose PID is in FILE (if it is
# alive and its command line contains MATCH) with SIGNAL, waits up to SECONDS, then SIGKILL.
# Removes FILE. False only if the process survived SIGKILL.
tf_stop_pidfile() {
  local file=$1 match=$2 sig=$3 secs=$4 pid
  pid=$(tf_read_pid "$file")
  if [[ -n $pid ]] && tf_pid_alive "$pid" && tf_pid_matches "$pid" "$match"; then
    kill "-$sig" "$pid" 2>/dev/null || true
    if ! tf_wait_gone "$pid" "$secs"; then
      tf_warn "$match (pid $pid) did not stop within ${secs}s after SIG$sig; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      tf_wait_gone "$pid" 5 || { tf_warn "pid $pid survived SIGKILL"; return 1; }
    fi
  fi
  rm -f "$file"
  return 0
}

# tf_spawn PIDFILE LOGFILE CMD [ARGS...]: starts CMD in the background in its own session
# (terminal signals do not reach it; whoever started it stops it by PID), stdin from
# /dev/null, stdout+stderr appended to LOGFILE. The process writes its own PID before exec,
# so PIDFILE is right even if setsid had to fork. Sets TF_PID (not printed: a $(...) would
# make the process a child of the subshell instead of the caller).
tf_spawn() {
  local pidfile=$1 log=$2 i
  shift 2
  rm -f "$pidfile"
  TF_PID=
  # shellcheck disable=SC2016
  setsid sh -c 'echo $$ > "$0.tmp" && mv "$0.tmp" "$0" && exec "$@"' "$pidfile" "$@" \
    < /dev/null >> "$log" 2>&1 &
  for ((i = 0; i < 100; i++)); do
    TF_PID=$(tf_read_pid "$pidfile")
    [[ -n $TF_PID ]] && return 0
    sleep 0.05
  done
  return 1
}

# tf_short_dir DIR NAME: a folder for unix sockets. DIR itself when DIR/NAME fits in a
# sockaddr_un (108 bytes), else a folder under /tmp derived from DIR's path (stable, so
# every script finds the same one).
tf_short_dir() {
  local dir=$1 name=$2
  if ((${#dir} + ${#name} + 1 <= 100)); then
    echo "$dir"
  else
    echo "/tmp/tf-sock-$(printf '%s' "$dir" | md5sum | cut -c1-16)"
  fi
}

# tf_http_status HOST PORT PATH: prints the HTTP status code of GET PATH (empty on failure).
# Plain bash /dev/tcp: no curl needed.
tf_http_status() {
  (
    exec 3<> "/dev/tcp/$1/$2" || exit 1
    printf 'GET %s HTTP/1.0\r\nHost: %s:%s\r\nConnection: close\r\n\r\n' "$3" "$1" "$2" >&3
    read -r -t 10 _ code _ <&3 || exit 1
    echo "$code"
  ) 2>/dev/null
}

# tf_wait_http HOST PORT PATH SECONDS [PID]: waits until GET PATH answers 200; false on timeout
# or as soon as PID (the app) has died.
tf_wait_http() {
  local host=$1 port=$2 path=$3 deadline=$((SECONDS + $4)) pid=${5:-} code
  while :; do
    code=$(tf_http_status "$host" "$port" "$path")
    [[ $code == 200 ]] && return 0
    if [[ -n $pid ]] && ! tf_pid_alive "$pid"; then
      tf_warn "the process $pid exited while waiting for http://$host:$port$path"
      return 1
    fi
    if ((SECONDS >= deadline)); then
      tf_warn "http://$host:$port$path did not answer 200 within $4s (last status: ${code:-none})"
      return 1
    fi
    sleep 0.2
  done
}

# tf_wait_socket PATH SECONDS [PID]: waits until the unix socket PATH exists; false on timeout
# or as soon as PID has died.
tf_wait_socket() {
  local path=$1 deadline=$((SECONDS + $2)) pid=${3:-}
  until [[ -S $path ]]; do
    if [[ -n $pid ]] && ! tf_pid_alive "$pid"; then
      tf_warn "the process $pid exited before it opened $path"
      return 1
    fi
    ((SECONDS < deadline)) || { tf_warn "$path did not appear within $2s"; return 1; }
    sleep 0.1
  done
}

# tf_ini_get FILE SECTION KEY: prints the value of KEY in [SECTION] (trimmed).
tf_ini_get() {
  awk -v s="$2" -v k="$3" '
    /^[ \t]*\[/ { sec = $0; gsub(/^[ \t]*\[|\][ \t]*$/, "", sec); next }
    sec == s && index($0, "=") {
      key = substr($0, 1, index($0, "=") - 1); val = substr($0, index($0, "=") + 1)
      gsub(/^[ \t]+|[ \t]+$/, "", key); gsub(/^[ \t]+|[ \t]+$/, "", val)
      if (key == k) { print val; exit }
    }' "$1"
}

# tf_ini_set FILE SECTION KEY VALUE: replaces KEY's line in [SECTION] (or appends it to the
# section) and keeps everything else, comments included.
tf_ini_set() {
  local tmp="$1.tmp.$$"
  awk -v s="$2" -v k="$3" -v v="$4" '
    function flush() { if (sec == s && !done) { print k " = " v; done = 1 } }
    /^[ \t]*\[/ { flush(); sec = $0; gsub(/^[ \t]*\[|\][ \t]*$/, "", sec); print; next }
    sec == s && index($0, "=") {
      key = substr($0, 1, index($0, "=") - 1); gsub(/^[ \t]+|[ \t]+$/, "", key)
      if (key == k) { if (!done) print k " = " v; done = 1; next }
    }
    { print }
    END { flush(); if (!done) { print "[" s "]"; print k " = " v } }' "$1" > "$tmp" &&
    cat "$tmp" > "$1" && rm -f "$tmp"
}

# tf_env_set FILE KEY VALUE: sets KEY=VALUE in a KEY=VALUE file (replacing an older KEY line).
tf_env_set() {
  local file=$1 key=$2 value=$3 tmp="$1.tmp.$$"
  touch "$file"
  { grep -v "^$key=" "$file" || true; printf '%s=%s\n' "$key" "$value"; } > "$tmp" &&
    mv "$tmp" "$file"
}

# tf_env_get FILE KEY: prints KEY's value from a KEY=VALUE file (the file is never sourced).
tf_env_get() {
  local k v
  [[ -r $1 ]] || return 1
  while IFS='=' read -r k v; do
    [[ $k == "$2" ]] && { printf '%s\n' "$v"; return 0; }
  done < "$1"
  return 1
}

# tf_conf_base ENV_FILE DB FOLDER: prints the [db], [paths] and [security] sections of a
# throwaway ticketflow.conf for tests and benches: the private MariaDB named in ENV_FILE
# (tests/fixtures/services.sh), database DB, attachments under FOLDER/files, a random secret.
tf_conf_base() {
  local env=$1 db=$2 folder=$3 key
  for key in TF_DB_SOCKET TF_DB_USER TF_DB_PASSWORD; do
    tf_env_get "$env" "$key" > /dev/null || { tf_warn "$key missing in $env"; return 1; }
  done
  cat <<CONF
[db]
socket = $(tf_env_get "$env" TF_DB_SOCKET)
user = $(tf_env_get "$env" TF_DB_USER)
password = $(tf_env_get "$env" TF_DB_PASSWORD)
name = $db
[paths]
sql = $TF_ROOT/sql
attachments = $folder/files
[security]
secret = $(tf_random_hex 32)
CONF
}

# tf_env_sql ENV [ARGS...]: the mariadb client (-N -B) as the test account that
# tests/fixtures/services.sh start-db wrote into the env file ENV; SQL with -e or on stdin.
tf_env_sql() {
  local env=$1 socket user password
  shift
  socket=$(tf_env_get "$env" TF_DB_SOCKET) && user=$(tf_env_get "$env" TF_DB_USER) &&
    password=$(tf_env_get "$env" TF_DB_PASSWORD) || { tf_warn "TF_DB_* missing in $env"; return 1; }
  mariadb -S "$socket" -u "$user" -p"$password" -N -B "$@"
}

# tf_sed_escape VALUE: VALUE made safe for the replacement part of s|...|VALUE|.
tf_sed_escape() {
  printf '%s' "$1" | sed -e 's/[\\|&]/\\&/g'
}

# tf_write_config FILE: writes a ticketflow.conf from the variables CFG_DB_SOCKET CFG_DB_PORT
# CFG_DB_USER CFG_DB_PASSWORD CFG_DB_NAME CFG_LISTEN CFG_BASE_URL CFG_ATTACHMENTS and
# CFG_SECRET (CFG_THREADS defaults to 4). Mode 0600: it holds the DB password and the secret.
tf_write_config() {
  local file=$1
  (
    umask 077
    cat > "$file" <<EOF
; ticketflow configuration (generated by $(basename "$0"); INI read by Poco).
[db]
; Unix socket of the database; when empty, host and port are used.
socket = $CFG_DB_SOCKET
host = 127.0.0.1
port = $CFG_DB_PORT
user = $CFG_DB_USER
password = $CFG_DB_PASSWORD
name = $CFG_DB_NAME

[web]
; FastCGI socket that ticketflow-fcgi opens itself (mode 0666 so nginx can connect).
listen = $CFG_LISTEN
threads = ${CFG_THREADS:-4}
base_url = $CFG_BASE_URL
secure_cookies = false
templates = $TF_ROOT/web/templates

[paths]
sql = $TF_ROOT/sql
attachments = $CFG_ATTACHMENTS

[attachments]
; Per file and per change; nginx's client_max_body_size (25m) must stay above max_size.
max_size = 10M
max_files = 10

[security]
secret = $CFG_SECRET
EOF
  )
}

# tf_build DIR: configures and builds the project into DIR (contract: RelWithDebInfo, -j2).
tf_build() {
  local dir=$1
  cmake -S "$TF_ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo &&
    cmake --build "$dir" -j2
}

# tf_children PID: prints the PIDs whose parent is PID.
tf_children() {
  local f stat rest ppid
  for f in /proc/[0-9]*/stat; do
    { read -r stat < "$f"; } 2> /dev/null || continue
    rest=${stat##*) }          # "S PPID ..." after the command name, which may hold spaces
    ppid=${rest#* }
    ppid=${ppid%% *}
    [[ $ppid == "$1" ]] && { f=${f#/proc/}; echo "${f%/stat}"; }
  done
  return 0
}
