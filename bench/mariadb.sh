#!/bin/bash
# Private MariaDB for benchmarks and the demo, on loopback, in its own folder
# (the recipe of SERVICES.md, with bench-sized settings).
#
#   bench/mariadb.sh start DIR [PORT] [BUFFER_POOL]   # creates DIR on first use; prints the defaults file
#   bench/mariadb.sh init  DIR DBNAME                 # CREATE DATABASE + sql/0*.sql (schema + seed)
#   bench/mariadb.sh stop  DIR
#
# Defaults: PORT 13406, BUFFER_POOL 1G. Clients: mariadb --defaults-file=DIR/my.cnf DBNAME
# Settings (see bench/README.md): innodb_buffer_pool_size, innodb_log_file_size=512M,
# innodb_flush_log_at_trx_commit=2, innodb_autoinc_lock_mode=2 (parallel INSERT ... SELECT into
# one table; safe without a binary log), skip-log-bin, utf8mb4.
set -euo pipefail
cmd=${1:?usage: mariadb.sh start|init|stop DIR ...}
dir=${2:?DIR missing}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

case "$cmd" in
start)
    port=${3:-13406}
    pool=${4:-1G}
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ ! -f "$dir/my.cnf" ]; then
        mkdir -p "$dir/data" "$dir/run" "$dir/log" "$dir/tmp"
        cat > "$dir/my.cnf" <<CNF
[mariadbd]
datadir=$dir/data
socket=$dir/run/mysqld.sock
pid-file=$dir/run/mysqld.pid
tmpdir=$dir/tmp
port=$port
bind-address=127.0.0.1
log-error=$dir/log/error.log
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
skip-name-resolve
skip-log-bin
innodb_buffer_pool_size=$pool
innodb_log_file_size=512M
innodb_log_buffer_size=64M
innodb_flush_log_at_trx_commit=2
innodb_flush_method=O_DIRECT
innodb_autoinc_lock_mode=2
max_allowed_packet=64M

[client]
socket=$dir/run/mysqld.sock
default-character-set=utf8mb4
CNF
        chown -R mysql:mysql "$dir"
        mariadb-install-db --defaults-file="$dir/my.cnf" --user=mysql \
            --auth-root-authentication-method=socket --skip-test-db >"$dir/log/install.log" 2>&1
    fi
    if [ -f "$dir/run/mysqld.pid" ] && kill -0 "$(cat "$dir/run/mysqld.pid")" 2>/dev/null; then
        echo "already running: $dir/my.cnf" ; exit 0
    fi
    mariadbd --defaults-file="$dir/my.cnf" --user=mysql >>"$dir/log/stdout.log" 2>&1 &
    for _ in $(seq 1 100); do
        mariadb --defaults-file="$dir/my.cnf" -e 'SELECT 1' >/dev/null 2>&1 && break
        sleep 0.2
    done
    mariadb --defaults-file="$dir/my.cnf" -e 'SELECT 1' >/dev/null
    echo "$dir/my.cnf"
    ;;
init)
    db=${3:?DBNAME missing}
    mariadb --defaults-file="$dir/my.cnf" -e "CREATE DATABASE \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
    # Recorded as applied, so that `ticketflow-admin migrate` later adds only newer migrations.
    mariadb --defaults-file="$dir/my.cnf" "$db" -e "CREATE TABLE IF NOT EXISTS schema_migrations (
        version INT NOT NULL PRIMARY KEY, name VARCHAR(255) NOT NULL,
        applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"
    for f in "$root"/sql/0*.sql; do
        mariadb --defaults-file="$dir/my.cnf" "$db" < "$f"
        name=$(basename "$f")
        mariadb --defaults-file="$dir/my.cnf" "$db" \
            -e "INSERT INTO schema_migrations (version, name) VALUES (${name%%_*} + 0, '$name')"
    done
    ;;
stop)
    pidf="$dir/run/mysqld.pid"
    [ -f "$pidf" ] || { echo "not running"; exit 0; }
    pid=$(cat "$pidf")
    kill "$pid"
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.2; done
    echo "mariadbd $pid did not stop" >&2; exit 1
    ;;
*) echo "usage: mariadb.sh start|init|stop DIR ..." >&2; exit 2 ;;
esac
