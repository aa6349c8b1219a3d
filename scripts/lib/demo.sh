# Demo data: the six demo users (password "demo") with their memberships, then
# scripts/demo/demo.sql when it exists. Used by scripts/run and tests/fixtures/services.sh.
# Sourced; needs common.sh.

TF_DEMO_PASSWORD=demo

# login|firstname|lastname|mail|flags (admin/customer)|memberships (project:role,...)
TF_DEMO_USERS=(
  "admin|Admin|User|admin@example.org|admin|"
  "bill|Bill|Support|bill@example.org||psprosupport:Support,psprointernal:Support"
  "alex|Alex|Gatekeeper|alex@example.org||psprointernal:Gatekeeper,psprointernal:Developer"
  "clemens|Clemens|Developer|clemens@example.org||psprointernal:Developer"
  "mia|Mia|Manager|mia@example.org||psprosupport:Manager,psprointernal:Manager"
  "carol|Carol|Customer|carol@customer.example.com|customer|psprosupport:Customer"
)

# tf_demo_logins: the demo logins, space-separated (for messages).
tf_demo_logins() {
  local u
  for u in "${TF_DEMO_USERS[@]}"; do printf '%s ' "${u%%|*}"; done
}

# tf_demo_load ADMIN_BIN CONFIG DB_ARGS...: loads the demo when the database has no users yet
# (so a second run keeps what was changed). DB_ARGS are the mariadb client's arguments that
# reach the application database, e.g. --defaults-file=FILE naming socket, user, password and
# database. Returns non-zero (after saying why) on the first failure.
tf_demo_load() {
  local admin=$1 conf=$2 count u login first last mail flags members m project role
  shift 2
  local -a db_args=("$@") extra pairs
  count=$(mariadb "${db_args[@]}" -N -B -e 'SELECT COUNT(*) FROM users') ||
    { tf_warn "cannot count the users (is the database migrated?)"; return 1; }
  if [[ $count != 0 ]]; then
    tf_log "database has $count user(s): demo data not loaded again"
    return 0
  fi
  tf_log "loading demo data"
  for u in "${TF_DEMO_USERS[@]}"; do
    IFS='|' read -r login first last mail flags members <<< "$u"
    extra=()
    [[ $flags == admin ]] && extra+=(--admin)
    [[ $flags == customer ]] && extra+=(--customer)
    printf '%s\n' "$TF_DEMO_PASSWORD" |
      tf_admin "$admin" "$conf" create-user "$login" --firstname "$first" --lastname "$last" \
        --mail "$mail" "${extra[@]}" --password-stdin ||
      { tf_warn "demo: create-user $login failed"; return 1; }
    pairs=()
    [[ -n $members ]] && IFS=',' read -r -a pairs <<< "$members"
    for m in "${pairs[@]}"; do
      project=${m%%:*} role=${m#*:}
      tf_admin "$admin" "$conf" add-member "$login" "$project" "$role" < /dev/null ||
        { tf_warn "demo: add-member $login $project $role failed"; return 1; }
    done
  done
  if [[ -f $TF_ROOT/scripts/demo/demo.sql ]]; then
    mariadb "${db_args[@]}" < "$TF_ROOT/scripts/demo/demo.sql" ||
      { tf_warn "demo: loading scripts/demo/demo.sql failed"; return 1; }
    tf_log "demo issues loaded from scripts/demo/demo.sql"
  else
    tf_log "scripts/demo/demo.sql not present: demo users only"
  fi
}
