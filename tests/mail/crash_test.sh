#!/usr/bin/env bash
# Crash test of mail intake: 200 messages in the test Dovecot's mailbox, `ticketflow-mail poll`
# killed with SIGKILL at random moments (while fetching, committing, deleting, quitting or
# processing) and started again until the mailbox is empty and nothing waits; then every
# Message-ID must be stored once and have become exactly one issue. Then the MTA pipe: with
# the database down `deliver` exits 75 (the MTA retries); redelivered twice once it is back,
# the message becomes exactly one issue. Last, `deliver` through a running poller's
# [intake] deliver_socket, and falling back to the database when the poller was killed.
#
#   crash_test.sh MAIL_BIN ADMIN_BIN      (env: TICKETFLOW_TEST_ENV from tests/fixtures/services.sh)
set -euo pipefail

TF_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$TF_ROOT/scripts/lib/common.sh"
mail_bin=$1 admin_bin=$2
env=${TICKETFLOW_TEST_ENV:?run through ctest}
get() { tf_env_get "$env" "$1" || tf_die "$1 missing in $env (fixtures db and mail)"; }
N=${CRASH_MESSAGES:-200}
work=$(mktemp -d)
db=tf_crash_$$
maildir=$(get TF_POP3_MAILDIR)
sql() { tf_env_sql "$env" "$@"; }
cleanup() {
  pkill -KILL -f "ticketflow-mail poll --config $work/" 2> /dev/null || true
  sql -e "DROP DATABASE IF EXISTS $db" 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

sql -e "CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
{ tf_conf_base "$env" "$db" "$work" || exit 1; cat; } > "$work/tf.conf" <<CONF
[intake]
poll_seconds = 1
max_per_sender_hour = 100000
[mailbox.support]
type = pop3
host = 127.0.0.1
port = $(get TF_POP3_PORT)
user = $(get TF_POP3_USER)
password = $(get TF_POP3_PASSWORD)
project = psprosupport
timeout_seconds = 10
CONF
"$admin_bin" --config "$work/tf.conf" migrate > /dev/null

rm -f "$maildir"/new/* "$maildir"/cur/*
for ((i = 1; i <= N; i++)); do
  printf 'From: Customer %d <c%d@crash.example>\nTo: support@example.org\nSubject: Crash test %d\nMessage-ID: <crash.%d@crash.example>\n\nMessage %d of the crash test.\n' \
    "$i" "$i" "$i" "$i" "$i" > "$maildir/new/$((1700000000 + i)).crash$i.host"
done
chown -R mail:mail "$maildir"

waiting() {
  local left
  left=$(find "$maildir/new" "$maildir/cur" -type f | wc -l)
  echo $((left + $(sql "$db" -e "SELECT COUNT(*) FROM inbound_mail WHERE state = 'received'")))
}
kills=0
for ((round = 1; round <= 400; round++)); do
  [[ $(waiting) -eq 0 ]] && break
  "$mail_bin" poll --config "$work/tf.conf" >> "$work/poll.log" 2>&1 &
  pid=$!
  sleep "0.$(printf %02d $((RANDOM % 20)))"
  kill -KILL "$pid" 2> /dev/null && kills=$((kills + 1))
  wait "$pid" 2> /dev/null || true
done
"$mail_bin" poll --once --config "$work/tf.conf" >> "$work/poll.log" 2>&1 || true

read -r stored distinct processed issues subjects < <(sql "$db" -e "
  SELECT (SELECT COUNT(*) FROM inbound_mail), (SELECT COUNT(DISTINCT message_id) FROM inbound_mail),
         (SELECT COUNT(*) FROM inbound_mail WHERE state = 'processed' AND issue_id IS NOT NULL),
         (SELECT COUNT(*) FROM issues), (SELECT COUNT(DISTINCT subject) FROM issues)")
left=$(find "$maildir/new" "$maildir/cur" -type f | wc -l)
echo "crash test: $N messages, $kills kills in $round rounds; stored $stored (distinct Message-IDs $distinct)," \
  "processed $processed, issues $issues (distinct subjects $subjects), left on the server $left"
if [[ $stored -ne $N || $distinct -ne $N || $processed -ne $N || $issues -ne $N || $subjects -ne $N || $left -ne 0 ]]; then
  echo "crash test FAILED; the poller's log:" >&2
  tail -n 40 "$work/poll.log" >&2
  exit 1
fi

# --- the MTA pipe ------------------------------------------------------------------------------
piped='From: Piped <piped@crash.example>
Subject: Piped once
Message-ID: <piped.1@crash.example>

Hello.
'
sed 's|^socket = .*|socket = /nonexistent/mysqld.sock|; s|^\[db\]|[db]\nport = 1|' "$work/tf.conf" > "$work/down.conf"
set +e
printf "$piped" | "$mail_bin" deliver --mailbox support --config "$work/down.conf" 2>> "$work/poll.log"
down=$?
printf "$piped" | "$mail_bin" deliver --mailbox support --config "$work/tf.conf" 2>> "$work/poll.log"
first=$?
printf "$piped" | "$mail_bin" deliver --mailbox support --config "$work/tf.conf" 2>> "$work/poll.log"
again=$?
set -e
# deliver only stores; the poller (here one round of it) makes the issue.
waiting=$(sql "$db" -e "SELECT COUNT(*) FROM inbound_mail WHERE state = 'received'")
"$mail_bin" poll --once --process-only --config "$work/tf.conf" 2>> "$work/poll.log"
pipedIssues=$(sql "$db" -e "SELECT COUNT(*) FROM issues WHERE subject = 'Piped once'")
echo "pipe: database down -> exit $down, delivered -> $first, delivered again -> $again, waiting $waiting, issues $pipedIssues"
if [[ $down -ne 75 || $first -ne 0 || $again -ne 0 || $waiting -ne 1 || $pipedIssues -ne 1 ]]; then
  echo "pipe test FAILED (expected 75, 0, 0, one message waiting and one issue); the log:" >&2
  tail -n 20 "$work/poll.log" >&2
  exit 1
fi

# --- deliver through the running poller ([intake] deliver_socket) ------------------------------
sock=$work/deliver.sock
sed "s|^\[intake\]|[intake]\ndeliver_socket = $sock|" "$work/tf.conf" > "$work/sock.conf"
# deliver's own database settings broken: a 0 from it means the poller stored the message
sed "s|^\[intake\]|[intake]\ndeliver_socket = $sock|" "$work/down.conf" > "$work/sock-down.conf"
deliver_as() { # CONF SUBJECT
  printf 'From: Piped <piped@crash.example>\nSubject: %s\nMessage-ID: <%s@crash.example>\n\nHello.\n' "$2" "${2// /.}" |
    "$mail_bin" deliver --mailbox support --config "$1" 2>> "$work/poll.log"
}
issues_with() { sql "$db" -e "SELECT COUNT(*) FROM issues WHERE subject = '$1'"; }
"$mail_bin" poll --config "$work/sock.conf" >> "$work/poll.log" 2>&1 &
poller=$!
for ((i = 0; i < 100; i++)); do [[ -S $sock ]] && break; sleep 0.1; done
set +e
deliver_as "$work/sock-down.conf" "Via the poller"; viaPoller=$?
set -e
for ((i = 0; i < 50; i++)); do (($(issues_with "Via the poller") == 0)) || break; sleep 0.1; done
viaIssues=$(issues_with "Via the poller") # the poller processes what it took within a second
kill -KILL "$poller"; wait "$poller" 2> /dev/null || true # its socket file stays behind
set +e
deliver_as "$work/sock-down.conf" "Poller gone, database down"; goneDown=$?
deliver_as "$work/sock.conf" "Poller gone"; gone=$?
set -e
goneStored=$(sql "$db" -e "SELECT COUNT(*) FROM inbound_mail WHERE state = 'received'")
echo "deliver socket: through the poller -> exit $viaPoller, issues $viaIssues; poller killed:" \
  "database down -> exit $goneDown, database up -> exit $gone, waiting $goneStored"
if [[ $viaPoller -ne 0 || $viaIssues -ne 1 || $goneDown -ne 75 || $gone -ne 0 || $goneStored -ne 1 ]]; then
  echo "deliver socket test FAILED (expected 0, one issue, 75, 0, one message waiting); the log:" >&2
  tail -n 20 "$work/poll.log" >&2
  exit 1
fi
