#!/usr/bin/env bash
# Mail intake benchmark: a private MariaDB and Dovecot (tests/fixtures/services.sh), then
#   1. N messages (default 10,000) from a Maildir into inbound_mail   (poll --once --fetch-only)
#   2. processing them into issues and notes, with their notification   (poll --once --process-only)
#      mails written into the outbox
#   2b. sending those mails to an SMTP sink (aiosmtpd) on loopback      (poll --once --send-only)
#   3. DELIVER messages through the MTA pipe, one process each        (deliver): with no
#      poller running (each stores through its own database connection), then handed to a
#      running poller ([intake] deliver_socket), one and DELIVER_JOBS (default 2) at a time;
#      started as an MTA starts them (bench/mta_pipe.py)
#   4. POP3 messages fetched from Dovecot                             (poll --once --fetch-only)
# and prints messages per second for each. Four fifths of the N messages start new issues of
# 2,000 customers; the last fifth, stored after those are processed, answers issues of their
# senders by subject tag (notes). Processing lanes number issues in their own order, so
# replies can only name issues that exist. Deliver mail is a fifth replies too.
#
#   bench/mail.sh [N]      env: DELIVER=1000 DELIVER_JOBS=2 POP3=2000 BUILD=build
#                               NOTIFY=false (no confirmation mails: intake's own cost)
#                               WORKERS=2 ([intake] process_workers: connections side by side)
#                               STATE=/tmp/ticketflow-mail-bench
# Targets (issue 4): processing >= 1,000/s, deliver >= 100/s, POP3 fetch >= 200/s.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
N=${1:-10000}
DELIVER=${DELIVER:-1000}
DELIVER_JOBS=${DELIVER_JOBS:-2}
POP3=${POP3:-2000}
BUILD=${BUILD:-$root/build}
STATE=${STATE:-/tmp/ticketflow-mail-bench}
mail_bin=$BUILD/mail/ticketflow-mail
admin_bin=$BUILD/admin/ticketflow-admin
services=$root/tests/fixtures/services.sh
for b in "$mail_bin" "$admin_bin"; do [[ -x $b ]] || { echo "mail.sh: build first ($b missing)" >&2; exit 1; }; done
source "$root/scripts/lib/common.sh"

"$services" start-db "$STATE" > /dev/null 2>&1
"$services" start-mail "$STATE" > /dev/null 2>&1
"$services" start-smtp "$STATE" > /dev/null 2>&1
trap '"$services" stop "$STATE" > /dev/null 2>&1 || true' EXIT
env=$STATE/env
get() { tf_env_get "$env" "$1"; }
sql() { tf_env_sql "$env" "$@"; }
sql -e "DROP DATABASE IF EXISTS tf_mailbench; CREATE DATABASE tf_mailbench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
work=$STATE/bench
rm -rf "$work" && mkdir -p "$work/inbox"/{new,cur,tmp} "$work/files"
write_conf() { # mailbox type
  { tf_conf_base "$env" tf_mailbench "$work"; cat; } > "$work/tf.conf" <<CONF
[intake]
max_per_sender_hour = 100000
process_workers = ${WORKERS:-2}
[notify]
enabled = ${NOTIFY:-true}
[smtp]
host = 127.0.0.1
port = $(get TF_SMTP_PORT)
from = support@example.org
[mailbox.support]
project = psprosupport
CONF
  if [[ $1 == maildir ]]; then
    printf 'type = maildir\npath = %s\n' "$work/inbox" >> "$work/tf.conf"
  else
    printf 'type = pop3\nhost = 127.0.0.1\nport = %s\nuser = %s\npassword = %s\n' \
      "$(get TF_POP3_PORT)" "$(get TF_POP3_USER)" "$(get TF_POP3_PASSWORD)" >> "$work/tf.conf"
  fi
}
write_conf maildir
"$admin_bin" --config "$work/tf.conf" migrate > /dev/null

# Messages: new ones from 2,000 customers, and replies by subject tag to issues that exist: a
# reply names an issue its sender got earlier (ISSUES: lines "sender issue_id" read from the
# database), with probability SHARE; without ISSUES every message is new.
generate() { # dir first count prefix [ISSUES SHARE]
  python3 - "$@" <<'PY'
import sys, random
folder, first, count, prefix = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
known = {}
if len(sys.argv) > 6:
    for line in open(sys.argv[5]):
        sender, issue = line.split()
        known.setdefault(sender, []).append(int(issue))
share = float(sys.argv[6]) if len(sys.argv) > 6 else 0.0
random.seed(first)
body = ("The export stops at 80 %% when the report has more than %d rows.\n"
        "Steps: open the report, choose PDF, press Export.\n\nRegards\n-- \n%s\n")
for n in range(first, first + count):
    c = random.randrange(2000)
    sender = "customer%d@kunde%d.example" % (c, c % 97)
    if known.get(sender) and random.random() < share:
        subject = "Re: [PSProSupport - Support #%d] Export fails" % random.choice(known[sender])
        text = "It still fails.\n\nOn Fri, Support wrote:\n> Please try again.\n"
    else:
        subject = "Export fails for report %d" % n
        text = body % (n, sender)
    msg = ("From: Customer %d <%s>\r\nTo: support@example.org\r\nSubject: %s\r\n"
           "Message-ID: <%s.%d@kunde.example>\r\nDate: Fri, 27 Nov 2026 09:00:00 +0000\r\n"
           "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n%s") % (
        c, sender, subject, prefix, n, text.replace("\n", "\r\n"))
    open("%s/%010d.%s%d.bench" % (folder, n, prefix, n), "w").write(msg)
PY
}
known_issues() { sql tf_mailbench -e "SELECT sender, issue_id FROM inbound_mail WHERE issue_id IS NOT NULL" > "$work/issues.txt"; }
rate() { awk -v n="$1" -v s="$2" -v e="$3" 'BEGIN { d = (e - s) / 1e9; printf "%d messages in %.2f s: %.0f/s", n, d, n / d }'; }

echo "# ticketflow mail bench, $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
# Four fifths new mail, stored and processed; then a fifth replies to the issues made.
replies=$((N / 5))
generate "$work/inbox/new" 1 $((N - replies)) m
t0=$(date +%s%N); "$mail_bin" poll --once --fetch-only --config "$work/tf.conf" 2> "$work/fetch.log"; t1=$(date +%s%N)
echo "Maildir fetch:      $(rate $((N - replies)) "$t0" "$t1") (stored $(sql tf_mailbench -e "SELECT COUNT(*) FROM inbound_mail"))"
t0=$(date +%s%N); "$mail_bin" poll --once --process-only --config "$work/tf.conf" 2> "$work/process.log"; t1=$(date +%s%N)
known_issues
generate "$work/inbox/new" $((N - replies + 1)) "$replies" m "$work/issues.txt" 1
"$mail_bin" poll --once --fetch-only --config "$work/tf.conf" 2>> "$work/fetch.log"
t2=$(date +%s%N); "$mail_bin" poll --once --process-only --config "$work/tf.conf" 2>> "$work/process.log"; t3=$(date +%s%N)
read -r processed issues notes < <(sql tf_mailbench -e "SELECT (SELECT COUNT(*) FROM inbound_mail WHERE state = 'processed'),
  (SELECT COUNT(*) FROM issues), (SELECT COUNT(*) FROM journals WHERE notes <> '')")
echo "processing:         $(rate "$N" 0 $((t1 - t0 + t3 - t2))) ($processed processed: $issues issues, $notes notes;" \
  "new $(rate $((N - replies)) "$t0" "$t1" | sed 's/.*: //'), replies $(rate "$replies" "$t2" "$t3" | sed 's/.*: //'))"
mails=$(sql tf_mailbench -e "SELECT COUNT(*) FROM outbox WHERE state = 'pending'")
t0=$(date +%s%N); "$mail_bin" poll --once --send-only --config "$work/tf.conf" 2> "$work/send.log"; t1=$(date +%s%N)
sent=$(sql tf_mailbench -e "SELECT COUNT(*) FROM outbox WHERE state = 'sent'")
echo "sending (SMTP sink): $(rate "$mails" "$t0" "$t1" | sed 's/messages/mails/') ($sent of $mails sent)"

mkdir -p "$work/deliver"
deliver_all() { # CONF FILE... : deliver each, DELIVER_JOBS at a time, as an MTA does (Postfix:
  # local_destination_concurrency_limit = 2 per recipient by default)
  local conf=$1; shift
  printf '%s\n' "$@" > "$work/deliver.list"
  python3 "$here/mta_pipe.py" "$DELIVER_JOBS" "$work/deliver.log" "$work/deliver.list" -- \
    "$mail_bin" deliver --mailbox support --config "$conf"
}
waiting() { sql tf_mailbench -e "SELECT COUNT(*) FROM inbound_mail WHERE state = 'received'"; }

if ((DELIVER > 0)); then
  known_issues
  generate "$work/deliver" $((N + 1)) "$DELIVER" d "$work/issues.txt" 0.2
  t0=$(date +%s%N); DELIVER_JOBS=1 deliver_all "$work/tf.conf" "$work"/deliver/*.d*; t1=$(date +%s%N)
  echo "deliver, no poller running, one at a time: $(rate "$DELIVER" "$t0" "$t1") (each its own database connection)"
  "$mail_bin" poll --once --process-only --config "$work/tf.conf" 2>> "$work/process.log"

  # The poller running as a daemon with [intake] deliver_socket: deliver hands it the message.
  sed "s|^\[intake\]|[intake]\ndeliver_socket = $work/deliver.sock|" "$work/tf.conf" > "$work/sock.conf"
  "$mail_bin" poll --config "$work/sock.conf" 2>> "$work/poller.log" &
  poller=$!
  for ((i = 0; i < 100; i++)); do [[ -S $work/deliver.sock ]] && break; sleep 0.1; done
  for jobs in 1 "$DELIVER_JOBS"; do
    generate "$work/deliver" $((N + DELIVER * jobs + 1)) "$DELIVER" "e$jobs" "$work/issues.txt" 0.2
    t0=$(date +%s%N); DELIVER_JOBS=$jobs deliver_all "$work/sock.conf" "$work"/deliver/*.e"$jobs"*; t1=$(date +%s%N)
    while (($(waiting) > 0)); do sleep 0.2; done; t2=$(date +%s%N)
    echo "deliver, through the poller, $jobs at a time: $(rate "$DELIVER" "$t0" "$t1"); all processed $(awk -v s="$t0" -v e="$t2" 'BEGIN { printf "%.2f", (e - s) / 1e9 }') s after the first"
  done
  kill "$poller"; wait "$poller" || true
fi

if ((POP3 > 0)); then
  maildir=$(get TF_POP3_MAILDIR)
  generate "$maildir/new" $((N + DELIVER * 3 + 1)) "$POP3" p
  chown -R mail:mail "$maildir"
  write_conf pop3
  t0=$(date +%s%N); "$mail_bin" poll --once --fetch-only --config "$work/tf.conf" 2> "$work/pop3.log"; t1=$(date +%s%N)
  echo "POP3 fetch:         $(rate "$POP3" "$t0" "$t1") (left on the server: $(find "$maildir/new" "$maildir/cur" -type f | wc -l))"
fi
