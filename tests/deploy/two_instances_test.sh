#!/usr/bin/env bash
# Two complete installations on one database, as README "Several hosts on one database" sets
# them up: instances A and B each with their own configuration file (same database, secret,
# base_url and attachments folder), ticketflow-fcgi, nginx on its own loopback port and
# `ticketflow-mail poll`, both pollers reading ONE Maildir. REST load goes to both at once
# (creates, changes with notes, uploads attached through the other instance, reads; an issue
# made on A is changed through B and the other way) while a few hundred mails arrive; replies
# thread by subject tag and by the Message-ID of a notification either poller sent. Then:
# no error answers or log lines, every issue, note, file and mail exactly once and the same
# through both instances, counts and search documents in step, the outbox sent once.
#
#   two_instances_test.sh ADMIN_BIN FCGI_BIN MAIL_BIN   (env: TICKETFLOW_TEST_ENV from the db fixture)
#
# TWO_INSTANCES_SECONDS (default 30) sets the length of the load, TWO_INSTANCES_WORKERS (8) the
# REST threads, TWO_INSTANCES_MAILS (240) the new mails (replies come on top: a tenth each),
# TWO_INSTANCES_HOT (0.3) the share of changes and staff replies that go to the first five
# issues, where the two instances and the pollers change the same rows at the same moment.
# TWO_INSTANCES_KEEP=1 keeps the work folder (logs, configuration, expectations) and the database.
set -euo pipefail
TF_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=SCRIPTDIR/../../scripts/lib/common.sh
source "$TF_ROOT/scripts/lib/common.sh"
# shellcheck source=SCRIPTDIR/../../scripts/lib/app.sh
source "$TF_ROOT/scripts/lib/app.sh"
# shellcheck source=SCRIPTDIR/../../scripts/lib/nginx.sh
source "$TF_ROOT/scripts/lib/nginx.sh"

admin_bin=$1 fcgi_bin=$2 mail_bin=$3
env=${TICKETFLOW_TEST_ENV:?run through ctest}
get() { tf_env_get "$env" "$1" || tf_die "$1 missing in $env (fixture db)"; }
sql() { tf_env_sql "$env" "$@"; }
load_seconds=${TWO_INSTANCES_SECONDS:-30}
staff_mail=loadstaff@example.org

started=$SECONDS
db=tf_twoinst_$$
work=$(mktemp -d)
# nginx's workers run as nobody (scripts/lib/nginx.sh) and serve the attachments from here.
chmod 755 "$work"
export LC_ALL=C # sort order of the comparisons below

stop_all() {
  local i ok=0
  for i in a b; do
    tf_stop_pidfile "$work/$i/mail.pid" ticketflow-mail TERM 15 || ok=1
    tf_nginx_stop "$work/$i/nginx" || ok=1
    tf_fcgi_stop "$fcgi_bin" "$work/$i/fcgi.pid" || ok=1
  done
  return $ok
}
cleanup() {
  stop_all || true
  local i sockdir
  for i in a b; do
    sockdir=$(tf_short_dir "$work/$i" fcgi.sock)
    [[ $sockdir == /tmp/tf-sock-* ]] && rm -rf "$sockdir"
  done
  if [[ -n ${TWO_INSTANCES_KEEP:-} ]]; then
    echo "kept for a look: $work and the database $db (drop it yourself)"
    return
  fi
  sql -e "DROP DATABASE IF EXISTS $db" 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

failures=0
ok() { echo "ok: $1"; }
failed() { echo "FAILED: $1"; failures=$((failures + 1)); }
check() { # WHAT EXPECTED ACTUAL
  if [[ $2 == "$3" ]]; then ok "$1"; else failed "$1: expected '$2', got '$3'"; fi
}
# same WHAT EXPECTED_FILE QUERY: the query's rows must be the file's lines, in any order.
same() {
  local what=$1 expected actual missing extra
  if ! expected=$(sort "$2") || ! actual=$(sql "$db" -e "$3" | sort); then
    failed "$what: the query failed"
    return
  fi
  if [[ $actual == "$expected" ]]; then
    ok "$what ($(grep -c . <<< "$expected") rows)"
    return
  fi
  missing=$(comm -23 <(echo "$expected") <(echo "$actual"))
  extra=$(comm -13 <(echo "$expected") <(echo "$actual"))
  failed "$what: $(grep -c . <<< "$missing") expected row(s) missing, $(grep -c . <<< "$extra") unexpected"
  grep . <<< "$missing" | head -n 5 | sed 's/^/  missing: /' || true
  grep . <<< "$extra" | head -n 5 | sed 's/^/  unexpected: /' || true
}

# --- two instances ---------------------------------------------------------------------------
sql -e "CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
mkdir -p "$work/files" "$work/Maildir"/{new,cur,tmp}
declare -A port sock
for i in a b; do
  mkdir -p "$work/$i/logs"
  sock[$i]=$(tf_short_dir "$work/$i" fcgi.sock)/fcgi.sock
  mkdir -p "$(dirname "${sock[$i]}")"
  # nginx first: its port goes into base_url, and another test may take it before the bind.
  for attempt in 1 2 3 4 5; do
    port[$i]=$(tf_free_port) || tf_die "no free port"
    tf_nginx_render "$work/$i/nginx" "${port[$i]}" "${sock[$i]}" "$work/files" \
      "$work/$i/logs/nginx-error.log" "$work/$i/logs/nginx-access.log"
    if out=$(tf_nginx_start "$work/$i/nginx" "$work/$i/logs/nginx-error.log" 2>&1); then
      break
    fi
    [[ $out == *"Address already in use"* && $attempt -lt 5 ]] || tf_die "nginx $i did not start: $out"
  done
done

# One configuration for both but [web] listen and the drop folder: each poller writes the mail
# it sends into its own folder, so a mail sent by both would show up twice.
secret=$(tf_random_hex 32)
for i in a b; do
  CFG_DB_SOCKET=$(get TF_DB_SOCKET) CFG_DB_PORT=$(get TF_DB_PORT) CFG_DB_USER=$(get TF_DB_USER) \
  CFG_DB_PASSWORD=$(get TF_DB_PASSWORD) CFG_DB_NAME=$db CFG_LISTEN=${sock[$i]} \
  CFG_BASE_URL=http://127.0.0.1:${port[a]} CFG_ATTACHMENTS=$work/files CFG_SECRET=$secret \
    tf_write_config "$work/$i/ticketflow.conf"
  conf=$work/$i/ticketflow.conf
  tf_ini_set "$conf" intake poll_seconds 1
  # Replies from the one staff address and a few mails per customer: the sender rate guard
  # would turn them away; it is not what this test is about.
  tf_ini_set "$conf" intake max_per_sender_hour 100000
  tf_ini_set "$conf" mailbox.support type maildir
  tf_ini_set "$conf" mailbox.support path "$work/Maildir"
  tf_ini_set "$conf" mailbox.support project psprosupport
  tf_ini_set "$conf" smtp drop_folder "$work/$i/outbox"
done

# Both hosts migrate at once (README: under a database lock, the first one does the work).
tf_admin "$admin_bin" "$work/a/ticketflow.conf" migrate > "$work/a/logs/migrate.log" 2>&1 & migrate_a=$!
tf_admin "$admin_bin" "$work/b/ticketflow.conf" migrate > "$work/b/logs/migrate.log" 2>&1 & migrate_b=$!
rc_a=0 rc_b=0
wait "$migrate_a" || rc_a=$?
wait "$migrate_b" || rc_b=$?
if [[ $rc_a != 0 || $rc_b != 0 ]]; then
  cat "$work/a/logs/migrate.log" "$work/b/logs/migrate.log"
  tf_die "migrate through A and B at once: exit $rc_a and $rc_b"
fi
ok "migrate through A and B at once"

# The REST client: a staff member of the support project (Support: add, edit, notes), whose
# address also sends the replies by mail. The key is the same on both hosts (same secret).
tf_random_hex 16 | tf_admin "$admin_bin" "$work/a/ticketflow.conf" create-user loadstaff --firstname Load \
  --lastname Staff --mail "$staff_mail" --password-stdin > /dev/null
tf_admin "$admin_bin" "$work/a/ticketflow.conf" add-member loadstaff psprosupport Support < /dev/null > /dev/null
(umask 077 && tf_admin "$admin_bin" "$work/b/ticketflow.conf" api-key loadstaff > "$work/api.key")

for i in a b; do
  tf_fcgi_start "$fcgi_bin" "$work/$i/ticketflow.conf" "$work/$i/fcgi.pid" "$work/$i/logs/fcgi.log" ||
    tf_die "could not start $fcgi_bin for $i"
  if ! tf_wait_socket "${sock[$i]}" 30 "$TF_PID" || ! tf_wait_http 127.0.0.1 "${port[$i]}" /login 30 "$TF_PID"; then
    cat "$work/$i/logs/fcgi.log"
    tf_die "ticketflow-fcgi $i did not come up"
  fi
  tf_spawn "$work/$i/mail.pid" "$work/$i/logs/mail.log" "$mail_bin" poll --config "$work/$i/ticketflow.conf" ||
    tf_die "could not start the poller $i"
done
echo "instance A on http://127.0.0.1:${port[a]}, B on http://127.0.0.1:${port[b]}, database $db" \
  "(ready after $((SECONDS - started)) s)"

# --- load --------------------------------------------------------------------------------------
cat > "$work/load.conf" <<CONF
A_URL=http://127.0.0.1:${port[a]}
B_URL=http://127.0.0.1:${port[b]}
MAILDIR=$work/Maildir
A_DROP=$work/a/outbox
B_DROP=$work/b/outbox
SECONDS=$load_seconds
WORKERS=${TWO_INSTANCES_WORKERS:-8}
MAILS=${TWO_INSTANCES_MAILS:-240}
HOT=${TWO_INSTANCES_HOT:-0.3}
STAFF_MAIL=$staff_mail
CONF
# py STEP: two_instances_load.py STEP; its FAILED lines count, and so does its crash.
py() {
  local rc=0 failed_lines
  python3 "$TF_ROOT/tests/deploy/two_instances_load.py" "$1" "$work" 2>&1 | tee "$work/$1.out" || rc=$?
  failed_lines=$(grep -c '^FAILED:' "$work/$1.out" || true)
  failures=$((failures + failed_lines))
  ((rc == 0 || failed_lines > 0)) || failed "two_instances_load.py $1 broke off (exit $rc)"
}
py load
[[ -s $work/summary.env ]] || tf_die "the load wrote no summary"
n() { tf_env_get "$work/summary.env" "$1"; }

# The pollers finish what arrived: nothing in the Maildir, nothing stored but unprocessed,
# nothing waiting in the outbox.
waiting() {
  echo $(($(find "$work/Maildir" -type f | wc -l) + $(sql "$db" -e "
    SELECT (SELECT COUNT(*) FROM inbound_mail WHERE state = 'received')
         + (SELECT COUNT(*) FROM outbox WHERE state = 'pending')")))
}
drain=$SECONDS
while (($(waiting) > 0 && SECONDS - drain < 60)); do sleep 0.5; done
echo "the pollers took $((SECONDS - drain)) s more after the load (up to 60; the checks below say whether they finished)"

# --- the database ------------------------------------------------------------------------------
check "nothing left in the shared Maildir (new/, cur/, tmp/)" 0 "$(find "$work/Maildir" -type f | wc -l)"
same "every mail's Message-ID stored exactly once in inbound_mail" "$work/expect_mail_ids.txt" \
  "SELECT message_id FROM inbound_mail"
check "every stored mail processed (none received, failed, ignored or rejected)" \
  "processed $(($(n MAIL_NEW) + $(n MAIL_REPLIES)))" \
  "$(sql "$db" -e "SELECT state, COUNT(*) FROM inbound_mail GROUP BY state" | tr '\t\n' '  ' | sed 's/ $//')"
same "every new mail became its own issue with its subject" "$work/expect_mail_issues.tsv" \
  "SELECT m.message_id, i.subject FROM inbound_mail m JOIN issues i ON i.id = m.issue_id
   WHERE m.journal_id IS NULL"
check "issues from mail: one per new mail" "$(n MAIL_NEW)" \
  "$(sql "$db" -e "SELECT COUNT(*) FROM issues WHERE source = 'email'")"
same "every reply became one note on its issue (subject tag, or the Message-ID A or B signed)" \
  "$work/expect_replies.tsv" \
  "SELECT m.message_id, j.issue_id FROM inbound_mail m JOIN journals j ON j.id = m.journal_id"

issues=$(sql "$db" -e "SELECT COUNT(*) FROM issues")
check "issues = successful creates ($(n CREATES_OK)) + issues from mail ($(n MAIL_NEW))" \
  "$(($(n CREATES_OK) + $(n MAIL_NEW)))" "$issues"
check "no issue twice (distinct subjects = issues)" "$issues" \
  "$(sql "$db" -e "SELECT COUNT(DISTINCT subject) FROM issues")"
same "the API's issues are those the creates answered, id and subject" "$work/expect_api_issues.tsv" \
  "SELECT id, subject FROM issues WHERE source = 'api'"
check "journals with notes = successful updates ($(n UPDATES_OK)) + replies by mail ($(n MAIL_REPLIES))" \
  "$(($(n UPDATES_OK) + $(n MAIL_REPLIES)))" "$(sql "$db" -e "SELECT COUNT(*) FROM journals WHERE notes <> ''")"
same "every note made through the API once, on its issue" "$work/expect_rest_notes.tsv" \
  "SELECT issue_id, notes FROM journals WHERE notes LIKE 'Note %'"

attachments=$(sql "$db" -e "SELECT COUNT(*) FROM attachments")
check "attachments on issues = files of successful creates and updates ($(n REST_FILES)) + by mail ($(n MAIL_FILES))" \
  "$(($(n REST_FILES) + $(n MAIL_FILES)))" \
  "$(sql "$db" -e "SELECT COUNT(*) FROM attachments WHERE issue_id IS NOT NULL")"
# An upload whose create or update was refused stays unclaimed (cleanup-files removes it).
check "unclaimed uploads = uploads whose create or update failed" "$(($(n UPLOADS_OK) - $(n REST_FILES)))" \
  "$(sql "$db" -e "SELECT COUNT(*) FROM attachments WHERE issue_id IS NULL")"
sql "$db" -e "SELECT CONCAT(digest, '  ', disk_filename) FROM attachments" > "$work/digests"
if (cd "$work/files" && sha256sum --quiet -c "$work/digests" > "$work/digests.out" 2>&1); then
  ok "every attachment's file in the shared folder has its digest"
else
  failed "attachment files in the shared folder: $(head -n 3 "$work/digests.out" | tr '\n' ' ')"
fi
check "no file in the shared folder without its attachment row" "$attachments" "$(find "$work/files" -type f | wc -l)"

check "SUM(n) of issue_counts = COUNT(*) of issues" "$issues" \
  "$(sql "$db" -e "SELECT COALESCE(SUM(n), 0) FROM issue_counts")"
sql "$db" -e "SELECT project_id, tracker_id, status_id, COUNT(*) FROM issues GROUP BY 1, 2, 3" > "$work/expect_counts"
same "issue_counts per project, tracker and status" "$work/expect_counts" \
  "SELECT project_id, tracker_id, status_id, SUM(n) FROM issue_counts GROUP BY 1, 2, 3 HAVING SUM(n) <> 0"
check "one search document per issue" "$issues" \
  "$(sql "$db" -e "SELECT COUNT(*) FROM search_documents WHERE journal_id = 0")"

check "the outbox is sent: no mail pending or dead" sent \
  "$(sql "$db" -e "SELECT GROUP_CONCAT(DISTINCT state ORDER BY state) FROM outbox")"
check "no outbox Message-ID twice" "$(sql "$db" -e "SELECT COUNT(*) FROM outbox")" \
  "$(sql "$db" -e "SELECT COUNT(DISTINCT message_id) FROM outbox")"
check "the customer of every issue from mail was notified" "$(n MAIL_NEW)" \
  "$(sql "$db" -e "SELECT COUNT(DISTINCT o.issue_id) FROM outbox o JOIN issues i ON i.id = o.issue_id
                   WHERE i.source = 'email'")"
find "$work/a/outbox" "$work/b/outbox" -name '*.eml' -printf '%f\n' 2> /dev/null |
  sed 's/\.eml$//' > "$work/dropped"
dropped_a=$(find "$work/a/outbox" -name '*.eml' 2> /dev/null | wc -l)
dropped_b=$(find "$work/b/outbox" -name '*.eml' 2> /dev/null | wc -l)
same "every outbox mail written once, by one of the pollers (A $dropped_a, B $dropped_b)" "$work/dropped" \
  "SELECT id FROM outbox WHERE state = 'sent'"

# --- both instances see the same ---------------------------------------------------------------
sql "$db" -e "SELECT id, subject FROM issues" > "$work/db_issues.tsv"
sql "$db" -e "SELECT message_id, issue_id FROM inbound_mail WHERE journal_id IS NULL" > "$work/db_mail_issues.tsv"
py verify

# --- logs, after a clean stop --------------------------------------------------------------------
if stop_all; then ok "every process stopped"; else failed "some process did not stop"; fi
# What the programs say when all is well; any other line is an error, a retry or a warning.
fcgi_fine='^(=== .*: starting .*|ticketflow-http: (listening on .*|shutting down|stopped))$'
# "already stored" would mean both pollers read one file: the mailbox lock let them in together.
mail_fine='^ticketflow-mail: (polling [0-9]+ mailbox\(es\) every [0-9]+ s|processed [0-9]+ message\(s\)|stopped'
mail_fine+='|support: [0-9]+ stored, 0 over the size limit, 0 already stored|support: another poller is reading it; skipped'
mail_fine+='|outbox: [0-9]+ sent, 0 failed)$'
for i in a b; do
  I=${i^^}
  bad=$(grep -Ev "$fcgi_fine" "$work/$i/logs/fcgi.log" || true)
  check "ticketflow-fcgi $I logged no error and stopped cleanly" "0 1" \
    "$(grep -c . <<< "$bad") $(grep -c '^ticketflow-http: stopped$' "$work/$i/logs/fcgi.log")"
  [[ -z $bad ]] || head -n 10 <<< "$bad" | sed 's/^/  /'
  bad=$(grep -Ev "$mail_fine" "$work/$i/logs/mail.log" || true)
  check "ticketflow-mail poll $I logged no error and stopped cleanly" "0 1" \
    "$(grep -c . <<< "$bad") $(grep -c '^ticketflow-mail: stopped$' "$work/$i/logs/mail.log")"
  [[ -z $bad ]] || head -n 10 <<< "$bad" | sed 's/^/  /'
  bad=$(grep -E '\[(error|crit|alert|emerg)\]' "$work/$i/logs/nginx-error.log" || true)
  check "nginx $I logged no error" 0 "$(grep -c . <<< "$bad")"
  [[ -z $bad ]] || head -n 10 <<< "$bad" | sed 's/^/  /'
done

# --- figures -------------------------------------------------------------------------------------
poller() { # I: what poller I did
  awk '/ stored, / { s += $3 } /processed [0-9]+ message/ { p += $3 } /outbox: [0-9]+ sent/ { o += $3 }
       /another poller is reading/ { k++ }
       END { printf "stored %d, processed %d, sent %d, skipped %d busy rounds", s, p, o, k }' \
    "$work/$1/logs/mail.log"
}
echo "figures: $(n REQUESTS) requests in $(n SECONDS) s ($(n RPS) req/s): $(n CREATES_OK) creates," \
  "$(n UPDATES_OK) updates, $(n UPLOADS_OK) uploads, $(n READS_OK) reads; mail: $(n MAIL_NEW) new," \
  "$(n MAIL_STAFF_REPLIES) staff and $(n MAIL_CUSTOMER_REPLIES) customer replies, $(n MAIL_FILES) with files"
echo "poller A: $(poller a); poller B: $(poller b)"
echo "two instances test: $((SECONDS - started)) s"
if ((failures > 0)); then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all checks passed"
