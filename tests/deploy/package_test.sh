#!/usr/bin/env bash
# The Debian package works as the README's "Deploying" section says, on this (throwaway, CI)
# machine: build the .deb with scripts/package, install it with apt, configure the database
# (the private MariaDB of the CTest fixture "db"), migrate and check-config as the service
# user, systemd-analyze verify the installed units, run the installed ticketflow-fcgi as its
# unit would, and serve it through the installed nginx/ticketflow.conf over TLS on loopback
# (tls_site_checks.sh). Then purge the package and check what it leaves. Each check prints
# ok/FAILED; the last line is "N passed, N failed".
#
#   package_test.sh BUILD_DIR          (TICKETFLOW_TEST_ENV: the fixture's env file)
#
# It installs a real package into the system, so it runs only as root and refuses to run
# where a ticketflow installation exists (package, /etc/ticketflow, /var/lib/ticketflow,
# /run/ticketflow). Afterwards the machine is as before: the package purged, and the user and
# /var/lib/ticketflow, which a purge keeps by design, removed by the test when it made them.
# Exit 77 (CTest: skipped) when not root.
set -uo pipefail

TF_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$TF_ROOT/scripts/lib/common.sh"
source "$TF_ROOT/scripts/lib/mariadb.sh"
source "$TF_ROOT/scripts/lib/nginx.sh"
source "$TF_ROOT/tests/deploy/tls_site_checks.sh"

build=$(cd "${1:?usage: package_test.sh BUILD_DIR}" && pwd) || exit 1
env_file=${TICKETFLOW_TEST_ENV:?TICKETFLOW_TEST_ENV must name the MariaDB fixture env file}
CONF=/etc/ticketflow/ticketflow.conf
DB_NAME=tf_package
DB_USER=tf_package

((EUID == 0)) || { echo "SKIP: installing a package needs root"; exit 77; }
for tool in apt-get dpkg-deb cpack nginx openssl curl systemd-analyze setpriv runuser mariadb; do
  command -v "$tool" > /dev/null || tf_die "$tool is missing (scripts/setup-deps installs it)"
done
status=$(dpkg-query -W -f='${db:Status-Status}' ticketflow 2> /dev/null || true)
[[ -z $status || $status == not-installed ]] ||
  tf_die "the package ticketflow is on this machine ($status); this test installs and purges its own"
for path in /etc/ticketflow /var/lib/ticketflow /run/ticketflow; do
  [[ ! -e $path ]] || tf_die "$path exists: a ticketflow installation is here, which this test would damage"
done
user_existed=0
getent passwd ticketflow > /dev/null && user_existed=1

work=$(mktemp -d /tmp/tf-package-test.XXXXXX)
chmod 0755 "$work" # nginx's workers (www-data) read nothing here, but must reach nothing either
passed=0
failed=0
installed=0
db_made=0
started=$SECONDS

# check NAME CMD...: runs CMD, counts and prints the outcome; CMD's output only on failure.
check() {
  local name=$1 out
  shift
  if out=$("$@" 2>&1); then
    passed=$((passed + 1))
    echo "ok      $name"
  else
    failed=$((failed + 1))
    echo "FAILED  $name"
    [[ -n $out ]] && printf '%s\n' "$out" | sed 's/^/        /' | tail -n 40
  fi
}
# expect WHAT ACTUAL WANTED: for check; prints both when they differ.
expect() {
  [[ $2 == "$3" ]] || { echo "$1: expected '$3', got '$2'"; return 1; }
}
# expect_match WHAT TEXT REGEX
expect_match() {
  [[ $2 =~ $3 ]] || { echo "$1: expected to match /$3/, got: ${2:0:400}"; return 1; }
}

cleanup() {
  tf_nginx_stop "$work/nginx" > /dev/null 2>&1 || tf_warn "nginx under $work/nginx did not stop"
  tf_stop_pidfile "$work/fcgi.pid" ticketflow-fcgi TERM 15 || true
  if ((installed)); then
    apt-get -o DPkg::Lock::Timeout=300 purge -y -q ticketflow > "$work/purge-on-exit.log" 2>&1 ||
      tf_warn "purging ticketflow failed: $(tail -n 5 "$work/purge-on-exit.log")"
  fi
  rm -rf /run/ticketflow /var/lib/ticketflow
  ((user_existed)) || ! getent passwd ticketflow > /dev/null || deluser --system --quiet ticketflow 2> /dev/null ||
    tf_warn "could not remove the user ticketflow"
  getent group ticketflow > /dev/null && ! getent passwd ticketflow > /dev/null && delgroup --system --quiet ticketflow
  ((db_made)) && tf_db_sql "$db_dir" -e \
    "DROP DATABASE IF EXISTS $DB_NAME; DROP USER IF EXISTS '$DB_USER'@'localhost', '$DB_USER'@'127.0.0.1';"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- the package ---------------------------------------------------------------------------
t0=$SECONDS
deb=$("$TF_ROOT/scripts/package" "$build" "$work/packages" 2> "$work/package.log") ||
  { cat "$work/package.log"; tf_die "scripts/package failed"; }
echo "built $(basename "$deb") ($(($(stat -c %s "$deb") / 1024)) KiB) in $((SECONDS - t0)) s"

deb_has_files() {
  local listing f
  listing=$(dpkg-deb -c "$deb" | awk '{print $6}')
  for f in ./usr/bin/ticketflow-fcgi ./usr/bin/ticketflow-admin ./usr/bin/ticketflow-mail \
      ./usr/bin/ticketflow-mail-tool ./usr/bin/ticketflow-report \
      ./usr/share/ticketflow/sql/001_schema.sql ./usr/share/ticketflow/web/templates/login.tpl \
      ./usr/share/ticketflow/web/templates/mail/ ./usr/share/ticketflow/web/static/style.css \
      ./usr/share/ticketflow/web/static/reports/reports.js ./usr/share/ticketflow/chart.js/chart.umd.js \
      ./usr/share/ticketflow/ticketflow.conf.example ./usr/share/ticketflow/nginx/ticketflow.conf \
      ./usr/share/ticketflow/cron/ticketflow-report ./usr/lib/systemd/system/ticketflow-fcgi.service \
      ./usr/lib/systemd/system/ticketflow-mail.service ./usr/lib/systemd/system/ticketflow-report.service \
      ./usr/lib/systemd/system/ticketflow-report.timer; do
    grep -qxF "$f" <<< "$listing" || { echo "missing in the .deb: $f"; return 1; }
  done
  # Nothing of the build or source tree (tests, objects) and nothing in /etc: the config is
  # written by postinst, never shipped (an upgrade must not touch the admin's copy).
  if grep -E '^\./(etc|var)/.|\.o$|/tests/' <<< "$listing"; then
    echo "unexpected files above"
    return 1
  fi
}
deb_declares_dependencies() {
  local depends
  depends=$(dpkg-deb -f "$deb" Depends)
  for lib in libpoco libmysqlcppconn libctemplate libgmime-3.0 libsodium libfcgi adduser; do
    [[ $depends == *"$lib"* ]] || { echo "Depends lacks $lib: $depends"; return 1; }
  done
  expect_match Recommends "$(dpkg-deb -f "$deb" Recommends)" 'nginx'
}
deb_has_maintainer_scripts() {
  local ctl=$work/control
  mkdir -p "$ctl" && dpkg-deb -e "$deb" "$ctl" || return 1
  for s in postinst prerm postrm; do
    [[ -x $ctl/$s ]] || { echo "no executable $s in the .deb"; return 1; }
    sh -n "$ctl/$s" || return 1
  done
}
check "the .deb holds binaries, data, units, examples" deb_has_files
check "the .deb declares its dependencies" deb_declares_dependencies
check "the .deb has postinst, prerm and postrm" deb_has_maintainer_scripts

# ---- install ----------------------------------------------------------------------------
t0=$SECONDS
if ! apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends "$deb" > "$work/install.log" 2>&1; then
  cat "$work/install.log"
  tf_die "apt-get install $deb failed"
fi
installed=1
echo "installed with apt-get in $((SECONDS - t0)) s"

# mode owner group of PATH, e.g. "640 root ticketflow".
perms() { stat -c '%a %U %G' "$1"; }
system_user() {
  local entry uid shell
  entry=$(getent passwd ticketflow) || { echo "no user ticketflow"; return 1; }
  IFS=: read -r _ _ uid _ _ _ shell <<< "$entry"
  ((uid < 1000)) || { echo "ticketflow is not a system user (uid $uid)"; return 1; }
  expect shell "$shell" /usr/sbin/nologin && getent group ticketflow > /dev/null
}
config_written() {
  local secret password
  expect "$CONF" "$(perms "$CONF")" "640 root ticketflow" || return 1
  secret=$(tf_ini_get "$CONF" security secret)
  password=$(tf_ini_get "$CONF" db password)
  expect_match "[security] secret" "$secret" '^[0-9a-f]{64}$' &&
    expect_match "[db] password" "$password" '^[0-9a-f]{36}$'
}
data_dirs() {
  expect /var/lib/ticketflow "$(perms /var/lib/ticketflow)" "750 ticketflow www-data" &&
    expect files "$(perms /var/lib/ticketflow/files)" "2750 ticketflow www-data" &&
    expect reports "$(perms /var/lib/ticketflow/reports)" "2750 ticketflow www-data" &&
    expect outbox "$(perms /var/lib/ticketflow/outbox)" "750 ticketflow ticketflow"
}
installed_units_run_usr_bin() {
  grep -qx 'ExecStart=/usr/bin/ticketflow-fcgi --config /etc/ticketflow/ticketflow.conf' \
    /usr/lib/systemd/system/ticketflow-fcgi.service || { grep ExecStart /usr/lib/systemd/system/ticketflow-fcgi.service; return 1; }
}
check "postinst made the system user ticketflow" system_user
check "postinst wrote $CONF 0640 root:ticketflow with a random secret and DB password" config_written
check "postinst made /var/lib/ticketflow/{files,reports,outbox}" data_dirs
check "the installed units run /usr/bin/ticketflow-*" installed_units_run_usr_bin
verify_units() {
  local out
  out=$(SYSTEMD_LOG_COLOR=0 systemd-analyze verify /usr/lib/systemd/system/ticketflow-{fcgi,mail,report}.service \
    /usr/lib/systemd/system/ticketflow-report.timer 2>&1) || { echo "$out"; return 1; }
  [[ -z $out ]] || { echo "$out"; return 1; }
}
check "systemd-analyze verify accepts the installed units" verify_units

# ---- the database, as the README has the admin do it ------------------------------------
# The fixture's server (tests/fixtures/services.sh start-db): its folder is beside the env file.
db_dir=$(dirname "$env_file")/db
db_port=$(tf_env_get "$env_file" TF_DB_PORT) || tf_die "$env_file lacks TF_DB_PORT"
tf_db_running "$db_dir" || tf_die "the MariaDB fixture is not running ($db_dir)"
# The README's way to read the generated password.
app_password=$(sed -n 's/^password = //p' "$CONF" | head -n 1)
[[ -n $app_password && $app_password == "$(tf_ini_get "$CONF" db password)" ]] ||
  tf_die "the README's sed does not find [db] password in $CONF"
db_made=1
tf_db_sql "$db_dir" -e "DROP DATABASE IF EXISTS $DB_NAME" &&
  tf_db_ensure_app "$db_dir" "$DB_NAME" "$DB_USER" "$app_password" db || tf_die "could not create the database $DB_NAME"
# The fixture's server listens on TCP; production uses /run/mysqld/mysqld.sock (the default).
tf_ini_set "$CONF" db socket ""
tf_ini_set "$CONF" db port "$db_port"
tf_ini_set "$CONF" db user "$DB_USER"
tf_ini_set "$CONF" db name "$DB_NAME"
as_service() { runuser -u ticketflow -- "$@"; }
check "ticketflow-admin migrate (as ticketflow) with the installed sql/" \
  as_service /usr/bin/ticketflow-admin --config "$CONF" migrate
check_config_passes() {
  local out
  out=$(as_service /usr/bin/ticketflow-admin --config "$CONF" check-config 2>&1) || { echo "$out"; return 1; }
  # The installed binary must use the installed data, never the source tree it was built from.
  expect_match check-config "$out" 'page templates: /usr/share/ticketflow/web/templates' &&
    expect_match check-config "$out" 'all checks passed'
}
check "ticketflow-admin check-config passes (as ticketflow)" check_config_passes

# ---- an upgrade: the same package again ---------------------------------------------------
echo "; kept across upgrades (package test)" >> "$CONF"
secret_before=$(tf_ini_get "$CONF" security secret)
upgrade_keeps_config() {
  local out
  out=$(apt-get -o DPkg::Lock::Timeout=300 install -y -q --reinstall --no-install-recommends "$deb" 2>&1) ||
    { echo "$out"; return 1; }
  [[ $out != *"migrate failed"* ]] || { echo "$out"; return 1; }
  grep -qx '; kept across upgrades (package test)' "$CONF" || { echo "the admin's edit of $CONF is gone"; return 1; }
  expect "secret after the upgrade" "$(tf_ini_get "$CONF" security secret)" "$secret_before" &&
    expect "$CONF" "$(perms "$CONF")" "640 root ticketflow"
}
check "an upgrade keeps $CONF and migrates (postinst)" upgrade_keeps_config

# ---- the app as its unit runs it, behind the production nginx site ------------------------
# nginx first: its port goes into base_url (content_url, cookies), which the app reads at start.
tls_site_start "$work/nginx" /usr/share/ticketflow/nginx/ticketflow.conf || tf_die "nginx did not start with the production site"
tf_ini_set "$CONF" web base_url "https://localhost:$TLS_HTTPS_PORT"
# What the installed ticketflow-fcgi.service does, without systemd here: its User, Group,
# SupplementaryGroups and UMask (read from the unit, so the test follows it) and
# RuntimeDirectory=ticketflow (mode RuntimeDirectoryMode, owner User, group Group).
unit=/usr/lib/systemd/system/ticketflow-fcgi.service
unit_value() { sed -n "s/^$1=//p" "$unit" | tail -n 1; }
u_user=$(unit_value User) u_group=$(unit_value Group) u_groups=$(unit_value SupplementaryGroups)
u_umask=$(unit_value UMask) u_rundir_mode=$(unit_value RuntimeDirectoryMode)
[[ -n $u_user && -n $u_group && -n $u_umask && $(unit_value RuntimeDirectory) == ticketflow ]] ||
  tf_die "$unit lacks User, Group, UMask or RuntimeDirectory=ticketflow"
install -d -o "$u_user" -g "$u_group" -m "${u_rundir_mode:-0755}" /run/ticketflow
groups_arg=(--clear-groups)
[[ -n $u_groups ]] && groups_arg=(--groups "${u_groups// /,}")
old_umask=$(umask)
umask "$u_umask"
tf_spawn "$work/fcgi.pid" "$work/fcgi.log" setpriv --reuid="$u_user" --regid="$u_group" "${groups_arg[@]}" -- \
  /usr/bin/ticketflow-fcgi --config "$CONF" || tf_die "could not start ticketflow-fcgi"
umask "$old_umask"
fcgi_pid=$TF_PID
tf_wait_socket /run/ticketflow/fcgi.sock 30 "$fcgi_pid" || { cat "$work/fcgi.log"; tf_die "ticketflow-fcgi did not start"; }
tls_site_checks "$work/nginx"

tf_stop_pidfile "$work/fcgi.pid" ticketflow-fcgi TERM 15 || true
tf_nginx_stop "$work/nginx" || true
if ((failed)); then
  for log in "$work/fcgi.log" "$work/nginx/logs/ticketflow.error.log" "$work/nginx/logs/error.log"; do
    [[ -s $log ]] && { echo "----- $log -----"; tail -n 30 "$log"; }
  done
fi

# ---- purge --------------------------------------------------------------------------------
purge_cleans_up() {
  local out f
  out=$(apt-get -o DPkg::Lock::Timeout=300 purge -y -q ticketflow 2>&1) || { echo "$out"; return 1; }
  for f in /etc/ticketflow /usr/bin/ticketflow-fcgi /usr/bin/ticketflow-admin /usr/share/ticketflow \
      /usr/lib/systemd/system/ticketflow-fcgi.service; do
    [[ ! -e $f ]] || { echo "$f is still there after the purge"; return 1; }
  done
  local status
  status=$(dpkg-query -W -f='${db:Status-Status}' ticketflow 2> /dev/null || true)
  [[ -z $status || $status == not-installed ]] || { echo "dpkg status: $status"; return 1; }
  # Kept on purge by design (postrm): the support team's files and the user owning them.
  [[ -d /var/lib/ticketflow/files ]] || { echo "purge removed /var/lib/ticketflow/files"; return 1; }
  getent passwd ticketflow > /dev/null || { echo "purge removed the user ticketflow"; return 1; }
}
check "purge removes the package and /etc/ticketflow, keeps /var/lib/ticketflow and the user" purge_cleans_up
status=$(dpkg-query -W -f='${db:Status-Status}' ticketflow 2> /dev/null || true)
[[ -z $status || $status == not-installed ]] && installed=0 # check ran it in a subshell

echo "package test: $((SECONDS - started)) s"
echo "$passed passed, $failed failed"
((failed == 0))
