# shellcheck shell=bash
# Shared by the version control hook tests (svn_hook_test.sh, git_hook_test.sh): a fresh
# database on the test MariaDB with a ticketflow.conf for ticketflow-admin, issues made with
# SQL, and checks that count failures. Sourced, never executed.
#
#   scm_setup ADMIN_BIN NAME     -> $work (a temporary folder), $db, $conf; repository "code"
#                                   may touch psprointernal; staff user jdoe <jdoe@example.org>

TF_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=SCRIPTDIR/../../scripts/lib/common.sh
source "$TF_ROOT/scripts/lib/common.sh"

scm_env=${TICKETFLOW_TEST_ENV:?run through ctest}
sql() { tf_env_sql "$scm_env" "$@"; }
failures=0

scm_cleanup() {
  sql -e "DROP DATABASE IF EXISTS $db" 2> /dev/null || true
  rm -rf "$work"
}

scm_setup() {
  admin_bin=$1 db=tf_scm_$2_$$
  work=$(mktemp -d)
  trap scm_cleanup EXIT
  conf=$work/tf.conf
  sql -e "CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  { tf_conf_base "$scm_env" "$db" "$work" || exit 1; cat; } > "$conf" <<CONF
[scm]
fix_status = Closed
[repository.code]
project = psprointernal
CONF
  "$admin_bin" --config "$conf" migrate > /dev/null
  "$admin_bin" --config "$conf" create-user jdoe --firstname Jo --lastname Doe --mail jdoe@example.org > /dev/null
}

# new_issue SUBJECT [PROJECT]: a New Bug (PROJECT defaults to psprointernal); prints its id.
new_issue() {
  sql "$db" -e "INSERT INTO issues (project_id, tracker_id, status_id, priority_id, subject, created_at, updated_at)
    VALUES ((SELECT id FROM projects WHERE identifier = '${2:-psprointernal}'),
            (SELECT id FROM trackers WHERE name = '$([[ ${2:-} == psprosupport ]] && echo Support || echo Bug)'),
            (SELECT id FROM issue_statuses WHERE name = 'New'), (SELECT id FROM priorities WHERE is_default = 1),
            '$1', UTC_TIMESTAMP(), UTC_TIMESTAMP()) RETURNING id"
}
status_of() { sql "$db" -e "SELECT s.name FROM issues i JOIN issue_statuses s ON s.id = i.status_id WHERE i.id = $1"; }
journals_of() { sql "$db" -e "SELECT COUNT(*) FROM journals WHERE issue_id = $1"; }
# last_note ID: the newest journal's note of issue ID, its user's login (or "-") first.
last_note() {
  sql "$db" -e "SELECT CONCAT(COALESCE(u.login, '-'), ' ', REPLACE(j.notes, '\n', '|')) FROM journals j
    LEFT JOIN users u ON u.id = j.user_id WHERE j.issue_id = $1 ORDER BY j.id DESC LIMIT 1"
}

# check WHAT EXPECTED ACTUAL: prints ok/FAILED and counts failures.
check() {
  if [[ $2 == "$3" ]]; then
    echo "ok: $1"
  else
    echo "FAILED: $1: expected '$2', got '$3'"
    failures=$((failures + 1))
  fi
}
# check_prefix WHAT PREFIX ACTUAL
check_prefix() {
  if [[ $3 == "$2"* ]]; then echo "ok: $1"; else echo "FAILED: $1: expected '$2...', got '$3'"; failures=$((failures + 1)); fi
}

scm_finish() {
  if ((failures)); then
    echo "$failures check(s) FAILED"
    exit 1
  fi
  echo "all checks passed"
}
