# shellcheck shell=bash
# A private Redmine 5 (Debian's redmine package under Passenger Standalone) on loopback, on
# a database of the test MariaDB (tests/fixtures/services.sh start-db). Sourced, never run.
#
#   rm_start DIR ENV_FILE   Redmine's database rm_<random>, migrated, default data (en), the
#                           REST API on, notifications off; Passenger on a free port. Sets
#                           RM_URL, RM_KEY (an admin's API key), RM_DB.
#   rm_stop DIR             stops Passenger, drops the database, removes the instance link
#
# Debian's multi-tenancy finds an instance NAME under /var/lib/redmine/NAME (config, log, tmp,
# files): the link to DIR/instance is the only thing made outside DIR, and rm_stop removes it.
# Needs root (the link, and the app runs as www-data); packages redmine redmine-mysql passenger.

RM_ROOT=/usr/share/redmine
RM_APP_USER=www-data

# rm_app CMD...: a rake task or rails runner in Redmine's tree as the app user, on this instance.
rm_app() {
  (cd "$RM_ROOT" && runuser -u "$RM_APP_USER" -- env HOME="$rm_dir/home" REDMINE_INSTANCE="$rm_instance" \
    RAILS_ENV=production REDMINE_LANG=en "$@")
}

rm_start() {
  rm_dir=$1 rm_env=$2
  [[ -d $RM_ROOT ]] && command -v passenger > /dev/null ||
    tf_die "Debian's redmine, redmine-mysql and passenger are not installed (scripts/setup-deps)"
  ((EUID == 0)) || tf_die "the Redmine test needs root (instance link, app user $RM_APP_USER)"
  rm_instance=tf-import-$(tf_random_hex 4)
  # Links a run killed outright (SIGKILL) left behind point nowhere now.
  local link
  for link in /var/lib/redmine/tf-import-*; do
    if [[ -L $link && ! -e $link ]]; then rm -f "$link"; fi
  done
  RM_DB=rm_$(tf_random_hex 4)
  local inst=$rm_dir/instance port code i
  mkdir -p "$inst"/{config,log,tmp/cache,tmp/pids,tmp/sockets,files,public} "$rm_dir/home" "$rm_dir/run"
  chmod 755 "$rm_dir"
  tf_env_sql "$rm_env" -e "CREATE DATABASE \`$RM_DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci"
  # TCP, not the socket: the app user may not reach a socket under the build folder.
  cat > "$inst/config/database.yml" << EOF
production:
  adapter: mysql2
  database: $RM_DB
  host: 127.0.0.1
  port: $(tf_env_get "$rm_env" TF_DB_PORT)
  username: $(tf_env_get "$rm_env" TF_DB_USER)
  password: "$(tf_env_get "$rm_env" TF_DB_PASSWORD)"
  encoding: utf8mb4
  pool: 8
EOF
  tf_random_hex 32 > "$inst/config/secret_key.txt"
  chown -R "$RM_APP_USER": "$inst" "$rm_dir/home" "$rm_dir/run"
  ln -sfn "$inst" "/var/lib/redmine/$rm_instance"

  tf_log "Redmine: db:migrate ($RM_DB)"
  # SCHEMA: the schema dump after migrating goes to our folder, not into the package.
  rm_app env SCHEMA="$rm_dir/home/schema.rb" rake db:migrate > "$rm_dir/migrate.log" 2>&1 || { tail -n 20 "$rm_dir/migrate.log" >&2; return 1; }
  rm_app rake redmine:load_default_data > "$rm_dir/default_data.log" 2>&1 ||
    { tail -n 20 "$rm_dir/default_data.log" >&2; return 1; }
  # The REST API, an admin's key, no mail; a custom field so the import meets one.
  rm_app rails runner - > "$rm_dir/run/key" 2> "$rm_dir/runner.log" << 'RUBY' || { tail -n 20 "$rm_dir/runner.log" >&2; return 1; }
Setting.rest_api_enabled = '1'
Setting.notified_events = []
Setting.cross_project_issue_relations = '1'
Setting.attachment_max_size = '10240'
IssueCustomField.create!(name: 'Customer reference', field_format: 'string', is_for_all: true,
                         tracker_ids: Tracker.pluck(:id)) unless IssueCustomField.exists?(name: 'Customer reference')
admin = User.find_by_login('admin')
admin.update!(must_change_passwd: false)
print admin.api_key
RUBY
  RM_KEY=$(cat "$rm_dir/run/key")
  [[ $RM_KEY =~ ^[0-9a-f]{40}$ ]] || { tf_warn "no API key from rails runner"; tail -n 20 "$rm_dir/runner.log" >&2; return 1; }

  port=$(tf_free_port)
  RM_URL=http://127.0.0.1:$port
  tf_log "Redmine: Passenger on $RM_URL"
  # The log is opened by the app user too: made here, owned by it.
  : > "$rm_dir/run/passenger.log"
  chown -R "$RM_APP_USER": "$rm_dir/run"
  (cd "$RM_ROOT" && passenger start "$RM_ROOT" --engine builtin -a 127.0.0.1 -p "$port" -e production \
    --user "$RM_APP_USER" --max-pool-size 2 --min-instances 2 --pool-idle-time 0 --spawn-method smart \
    --envvar "REDMINE_INSTANCE=$rm_instance" --disable-security-update-check --disable-anonymous-telemetry \
    --instance-registry-dir "$rm_dir/run" --pid-file "$rm_dir/run/passenger.pid" \
    --log-file "$rm_dir/run/passenger.log" --daemonize > "$rm_dir/passenger-start.log" 2>&1) ||
    { tail -n 20 "$rm_dir/passenger-start.log" "$rm_dir/run/passenger.log" >&2; return 1; }
  for ((i = 0; i < 120; i++)); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$RM_URL/" || true)
    [[ $code == 200 ]] && return 0
    sleep 1
  done
  tf_warn "Redmine did not answer GET / with 200 (last: $code)"
  tail -n 20 "$rm_dir/run/passenger.log" >&2
  return 1
}

rm_stop() {
  local dir=$1 pid
  if pid=$(cat "$dir/run/passenger.pid" 2> /dev/null) && tf_pid_alive "$pid"; then
    passenger stop --pid-file "$dir/run/passenger.pid" > /dev/null 2>&1 || kill -TERM "$pid"
    tf_wait_gone "$pid" 30 || kill -KILL "$pid" 2> /dev/null || true
  fi
  [[ -n ${RM_DB:-} ]] && tf_env_sql "$rm_env" -e "DROP DATABASE IF EXISTS \`$RM_DB\`" 2> /dev/null
  [[ -n ${rm_instance:-} && -L /var/lib/redmine/$rm_instance ]] && rm -f "/var/lib/redmine/$rm_instance"
  return 0
}
