#!/usr/bin/env bash
# Backup and restore as the README's "Backup and restore" section does it, on the test MariaDB:
# a database with the demo data and mail with attachments processed into issues, dumped with
# mariadb-dump and the attachments folder archived with tar; both restored into a fresh
# database and folder. Every table's CHECKSUM, the triggers and functions, and every file's
# SHA-256 must be equal, check-config must pass on the restored copy, and the restored copy must
# keep working: new mail becomes an issue with its search document and issue count.
#
#   backup_restore_test.sh ADMIN_BIN MAIL_BIN   (env: TICKETFLOW_TEST_ENV from the db fixture)
set -euo pipefail
TF_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=SCRIPTDIR/../../scripts/lib/common.sh
source "$TF_ROOT/scripts/lib/common.sh"
# shellcheck source=SCRIPTDIR/../../scripts/lib/app.sh
source "$TF_ROOT/scripts/lib/app.sh"
# shellcheck source=SCRIPTDIR/../../scripts/lib/demo.sh
source "$TF_ROOT/scripts/lib/demo.sh"

admin_bin=$1 mail_bin=$2
env=${TICKETFLOW_TEST_ENV:?run through ctest}
get() { tf_env_get "$env" "$1" || tf_die "$1 missing in $env (fixture db)"; }
client_args=(-S "$(get TF_DB_SOCKET)" -u "$(get TF_DB_USER)" -p"$(get TF_DB_PASSWORD)")
sql() { tf_env_sql "$env" "$@"; }

src=tf_backup_src_$$ dst=tf_backup_dst_$$
work=$(mktemp -d)
cleanup() {
  sql -e "DROP DATABASE IF EXISTS $src; DROP DATABASE IF EXISTS $dst" 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
check() { # WHAT EXPECTED ACTUAL
  if [[ $2 == "$3" ]]; then echo "ok: $1"; else echo "FAILED: $1: expected '$2', got '$3'"; failures=$((failures + 1)); fi
}

# conf NAME DB FOLDER: a ticketflow.conf for DB with attachments in FOLDER/files.
conf() {
  mkdir -p "$3/files" "$3/inbox"/{new,cur,tmp}
  { tf_conf_base "$env" "$2" "$3" || exit 1; cat; } > "$work/$1.conf" <<CONF
[mailbox.support]
type = maildir
path = $3/inbox
project = psprosupport
[notify]
enabled = false
CONF
}
# mail FOLDER N: a customer's mail with a text attachment into FOLDER's inbox.
mail() {
  cat > "$1/inbox/new/$2.eml" <<MAIL
From: Customer $2 <customer$2@kunde.example>
To: support@example.org
Subject: Export fails $2
Message-ID: <backup.$2.$$@kunde.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b$2"

--b$2
Content-Type: text/plain; charset=utf-8

Export fails after the update ($2). Log attached: Grüße.
--b$2
Content-Type: text/plain; name="export-$2.log"
Content-Disposition: attachment; filename="export-$2.log"

line 1 of log $2
line 2 of log $2
--b$2--
MAIL
}

# The installation to back up: demo data, then mail with files processed into issues.
sql -e "CREATE DATABASE $src CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
conf src "$src" "$work/live"
"$admin_bin" --config "$work/src.conf" migrate > /dev/null
tf_demo_load "$admin_bin" "$work/src.conf" "${client_args[@]}" "$src" || tf_die "loading the demo data failed"
for n in 1 2 3 4 5; do mail "$work/live" "$n"; done
"$mail_bin" poll --once --config "$work/src.conf" 2> "$work/poll.log"
check "the mail became issues with files" 5 "$(sql "$src" -e "SELECT COUNT(DISTINCT issue_id) FROM attachments")"

# Backup (README "Backup and restore").
mariadb-dump "${client_args[@]}" --single-transaction --routines --triggers --hex-blob \
  --default-character-set=utf8mb4 "$src" > "$work/ticketflow.sql"
tar -C "$work/live" -cf "$work/files.tar" files

# Restore into a fresh database and folder.
sql -e "CREATE DATABASE $dst CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
sql "$dst" < "$work/ticketflow.sql"
mkdir -p "$work/restored"
tar -C "$work/restored" -xpf "$work/files.tar"
conf dst "$dst" "$work/restored"

tables() { sql "$1" -e "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()
                        AND table_type = 'BASE TABLE' ORDER BY table_name"; }
checksums() { # DB: "table checksum" for every table
  local t
  for t in $(tables "$1"); do printf '%s %s\n' "$t" "$(sql "$1" -e "CHECKSUM TABLE \`$t\`" | cut -f2)"; done
}
check "the same tables" "$(tables "$src" | tr '\n' ' ')" "$(tables "$dst" | tr '\n' ' ')"
check "every table's checksum" "$(checksums "$src")" "$(checksums "$dst")"
objects() { sql -e "SELECT CONCAT(type, ' ', name) FROM (
    SELECT 'trigger' AS type, trigger_name AS name FROM information_schema.triggers WHERE trigger_schema = '$1'
    UNION ALL SELECT 'routine', routine_name FROM information_schema.routines WHERE routine_schema = '$1') o
  ORDER BY 1"; }
check "triggers and functions" "$(objects "$src" | tr '\n' ' ')" "$(objects "$dst" | tr '\n' ' ')"
files() { (cd "$1/files" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
check "every attachment file" "$(files "$work/live")" "$(files "$work/restored")"
check "files were there to compare" 5 "$(files "$work/restored" | wc -l)"

if "$admin_bin" --config "$work/dst.conf" check-config > "$work/check.log" 2>&1; then
  echo "ok: check-config passes on the restored copy"
else
  echo "FAILED: check-config on the restored copy:"; cat "$work/check.log"; failures=$((failures + 1))
fi

# The restored copy works: new mail, its issue, search document and count (triggers restored).
before=$(sql "$dst" -e "SELECT COALESCE(SUM(n), 0) FROM issue_counts")
mail "$work/restored" 6
"$mail_bin" poll --once --config "$work/dst.conf" 2>> "$work/poll.log"
issue=$(sql "$dst" -e "SELECT issue_id FROM inbound_mail WHERE message_id = 'backup.6.$$@kunde.example'")
check "new mail after the restore became an issue" 1 "$(sql "$dst" -e "SELECT COUNT(*) FROM issues WHERE id = '${issue:-0}'")"
check "with its search document" 1 "$(sql "$dst" -e "SELECT COUNT(*) FROM search_documents WHERE issue_id = '${issue:-0}'")"
check "and counted" $((before + 1)) "$(sql "$dst" -e "SELECT SUM(n) FROM issue_counts")"
check "the source was not touched" 5 "$(sql "$src" -e "SELECT COUNT(*) FROM inbound_mail")"

if ((failures > 0)); then
  echo "$failures check(s) failed; the mail tool said:"; cat "$work/poll.log"
  exit 1
fi
echo "all checks passed"
