#!/usr/bin/env bash
# import-redmine against a real Redmine 5 (Debian's package, Passenger, on the test MariaDB):
# fills it through its own REST API, imports it into a fresh ticketflow database (killed a
# third of the way and run again: it goes on where it stopped) and checks that counts match,
# that a random sample of issues matches field by field (files by their bytes), that a second
# run changes nothing, that a change in Redmine is caught up, and that a wrong key is refused
# clearly (without the key in the message).
#
#   import_test.sh ADMIN_BIN          (through ctest: TICKETFLOW_TEST_ENV names the db fixture)
#   RM_ISSUES=2000 RM_THREADS=4       issues filled, parallel requests while filling
set -euo pipefail

admin_bin=$1
TF_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
here=$TF_ROOT/tests/redmine
source "$TF_ROOT/scripts/lib/common.sh"
source "$here/redmine_server.sh"
env_file=${TICKETFLOW_TEST_ENV:?run through ctest (fixture db)}
# Redmine runs as www-data from a link under /var/lib/redmine (tests/redmine/redmine_server.sh).
((EUID == 0)) || { echo "SKIP: running Debian's Redmine for the import test needs root"; exit 77; }
issues=${RM_ISSUES:-2000}
started=$SECONDS

# compare_import.py reads the same account from the environment.
export TF_DB_SOCKET TF_DB_USER TF_DB_PASSWORD
TF_DB_SOCKET=$(tf_env_get "$env_file" TF_DB_SOCKET)
TF_DB_USER=$(tf_env_get "$env_file" TF_DB_USER)
TF_DB_PASSWORD=$(tf_env_get "$env_file" TF_DB_PASSWORD)
sql() { tf_env_sql "$env_file" "$@"; }

work=$(mktemp -d /tmp/tf-redmine.XXXXXX)
chmod 755 "$work" # Redmine runs as www-data and reads its instance below
tf_dbs=()
import_pid=
cleanup() {
  local rc=$?
  [[ -n $import_pid ]] && kill -KILL "$import_pid" 2> /dev/null
  if ((rc != 0)); then
    echo "== Redmine's logs (the test failed)"
    tail -n 30 "$work/redmine/run/passenger.log" "$work/redmine/instance/log/production.log" 2> /dev/null || true
  fi
  rm_stop "$work/redmine"
  for db in "${tf_dbs[@]}"; do sql -e "DROP DATABASE IF EXISTS \`$db\`" 2> /dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
# A signal (ctest's timeout sends one) ends the script through cleanup too.
trap 'exit 143' TERM INT HUP

failures=0
section() { echo "== $* (at $((SECONDS - started)) s)"; }
check() {
  if [[ $2 == "$3" ]]; then echo "ok: $1"; else echo "FAILED: $1: expected '$2', got '$3'"; failures=$((failures + 1)); fi
}
# fresh_tf NAME: a migrated ticketflow database and its config at $work/NAME.conf (files in $work/NAME/files).
fresh_tf() {
  local db=tf_rm_$1_$$
  tf_dbs+=("$db")
  mkdir -p "$work/$1"
  sql -e "CREATE DATABASE \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  tf_conf_base "$env_file" "$db" "$work/$1" > "$work/$1.conf"
  "$admin_bin" --config "$work/$1.conf" migrate > /dev/null
}
import() { "$admin_bin" --config "$work/$1.conf" import-redmine --url "$RM_URL" --key - <<< "$RM_KEY"; }
# state DB: row counts and checksums of every table the import writes, and the files on disk.
state() {
  local t
  for t in issues journals journal_details attachments issue_relations watchers users memberships projects \
    project_trackers milestones trackers issue_statuses priorities issue_counts search_documents queries \
    import_map import_pending_details; do
    printf '%s %s %s\n' "$t" "$(sql "$1" -e "SELECT COUNT(*) FROM $t")" "$(sql "$1" -e "CHECKSUM TABLE $t" | cut -f2)"
  done
}

rm_start "$work/redmine" "$env_file"
echo "Redmine up after $((SECONDS - started)) s at $RM_URL"

t0=$SECONDS
timeout 1200 python3 "$here/fill_redmine.py" "$RM_URL" "$RM_KEY" --issues "$issues" --threads "${RM_THREADS:-4}" \
  > "$work/fill.json"
fill_secs=$((SECONDS - t0))
echo "filled: $(cat "$work/fill.json") in $fill_secs s"

section "a wrong key is refused, clearly, without the key in the message"
fresh_tf keycheck
rc=0
"$admin_bin" --config "$work/keycheck.conf" import-redmine --url "$RM_URL" --key 0123456789abcdef0123456789abcdef01234567 \
  > "$work/badkey.out" 2> "$work/badkey.err" || rc=$?
check "exit code for a refused key" 77 "$rc"
grep -q "not accepted" "$work/badkey.err" && check "message names the key" yes yes || check "message names the key" yes "$(cat "$work/badkey.err")"
grep -q 0123456789abcdef0123456789abcdef01234567 "$work/badkey.err" "$work/badkey.out" &&
  check "key not printed" absent present || check "key not printed" absent absent
check "nothing imported with a refused key" 0 "$(sql tf_rm_keycheck_$$ -e 'SELECT COUNT(*) FROM import_map')"

section "an import killed midway goes on where it stopped"
# The import every check below looks at: killed a third of the way, then run again.
fresh_tf main
db=tf_rm_main_$$
t0=$SECONDS
"$admin_bin" --config "$work/main.conf" import-redmine --url "$RM_URL" --key - <<< "$RM_KEY" \
  > "$work/import1.out" 2> "$work/import1.err" &
import_pid=$!
third=$((issues / 3))
for ((i = 0; i < 600; i++)); do
  n=$(sql "$db" -e "SELECT COUNT(*) FROM import_map WHERE kind = 'issue'" 2> /dev/null || echo 0)
  ((n >= third)) && break
  tf_pid_alive "$import_pid" || break
  sleep 0.2
done
kill -KILL "$import_pid" 2> /dev/null || true
wait "$import_pid" 2> /dev/null || true
import_pid=
killed_at=$(sql "$db" -e "SELECT COUNT(*) FROM import_map WHERE kind = 'issue'")
echo "killed with $killed_at issues imported"
((killed_at > 0 && killed_at < $(sql "$RM_DB" -e 'SELECT COUNT(*) FROM issues'))) &&
  check "killed midway" yes yes || check "killed midway" "0 < n < all" "$killed_at"
check "every imported issue is whole: its journals are there" 0 "$(sql "$db" -e "
  SELECT COUNT(*) FROM import_map m LEFT JOIN journals j ON j.id = m.local_id
  WHERE m.kind = 'journal' AND j.id IS NULL")"
import main > "$work/resumed.out" 2> "$work/resumed.err" || { cat "$work/resumed.err" "$work/resumed.out"; exit 1; }
import_secs=$((SECONDS - t0))
cat "$work/resumed.out"
check "resumed run skipped what the killed one committed" "$killed_at" \
  "$(awk '$1 == "issues" { print $5 }' "$work/resumed.out")"

section "what came over matches Redmine"
python3 "$here/compare_import.py" counts --redmine-db "$RM_DB" --tf-db "$db" || failures=$((failures + 1))
python3 "$here/compare_import.py" sample --url "$RM_URL" --key "$RM_KEY" --tf-db "$db" --files "$work/main/files" --n 100 ||
  failures=$((failures + 1))
check "no issue was renumbered" 0 "$(sql "$db" -e "SELECT COUNT(*) FROM import_map WHERE kind = 'issue' AND local_id <> remote_id")"
check "issue counts table agrees with the issues" \
  "$(sql "$db" -e 'SELECT COUNT(*) FROM issues')" "$(sql "$db" -e 'SELECT COALESCE(SUM(n), 0) FROM issue_counts')"
check "a search document per issue and per journal with notes" \
  "$(sql "$db" -e "SELECT (SELECT COUNT(*) FROM issues) + (SELECT COUNT(*) FROM journals WHERE notes <> '')")" \
  "$(sql "$db" -e 'SELECT COUNT(*) FROM search_documents')"
check "no history waits for an issue" 0 "$(sql "$db" -e 'SELECT COUNT(*) FROM import_pending_details')"

section "a second run changes nothing"
state "$db" > "$work/state1"
find "$work/main/files" -type f | sort > "$work/files1"
import main > "$work/import2.out" 2> "$work/import2.err" || { cat "$work/import2.err" "$work/import2.out"; exit 1; }
state "$db" > "$work/state2"
find "$work/main/files" -type f | sort > "$work/files2"
check "tables unchanged (row counts and checksums)" "$(cat "$work/state1")" "$(cat "$work/state2")"
check "no file added" "$(cat "$work/files1")" "$(cat "$work/files2")"
check "second run: issues unchanged" "$(sql "$db" -e 'SELECT COUNT(*) FROM issues')" \
  "$(awk '$1 == "issues" { print $5 }' "$work/import2.out")"
check "second run: nothing created or updated" 0 \
  "$(awk 'NR > 3 && NF == 6 { s += $2 + $4 } END { print s + 0 }' "$work/import2.out")"

section "a change in Redmine is caught up"
changed=$(sql "$RM_DB" -e 'SELECT MIN(id) FROM issues')
curl -sf -X PUT -H "X-Redmine-API-Key: $RM_KEY" -H 'Content-Type: application/json' \
  -d '{"issue":{"subject":"Changed after the import","notes":"A late note."}}' "$RM_URL/issues/$changed.json"
import main > "$work/import3.out" 2> "$work/import3.err" || { cat "$work/import3.err"; exit 1; }
check "changed issue: one updated" 1 "$(awk '$1 == "issues" { print $4 }' "$work/import3.out")"
check "changed subject arrived" "Changed after the import" "$(sql "$db" -e "SELECT subject FROM issues WHERE id = $changed")"
check "late note arrived once" 1 "$(sql "$db" -e "SELECT COUNT(*) FROM journals WHERE issue_id = $changed AND notes = 'A late note.'")"

n_issues=$(sql "$db" -e 'SELECT COUNT(*) FROM issues')
echo "figures: $n_issues issues, $(sql "$db" -e 'SELECT COUNT(*) FROM journals') journals," \
  "$(sql "$db" -e 'SELECT COUNT(*) FROM issue_relations') relations, $(sql "$db" -e 'SELECT COUNT(*) FROM attachments') files;" \
  "fill ${fill_secs} s; import (killed and resumed) ${import_secs} s ($((n_issues / (import_secs > 0 ? import_secs : 1))) issues/s);" \
  "whole test $((SECONDS - started)) s"
if ((failures)); then
  echo "$failures check(s) FAILED"
  exit 1
fi
echo "all checks passed"
