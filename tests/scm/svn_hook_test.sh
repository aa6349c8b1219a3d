#!/usr/bin/env bash
# The Subversion post-commit hook against real Subversion and a real database: a repository
# made with svnadmin, scripts/hooks/svn-post-commit installed as its post-commit hook
# (configured in conf/hooks-env to call ticketflow-admin), commits over a file:// URL.
# "fixes #N" closes issue N with the revision in the journal by jdoe's account, "refs #N" adds
# a note, an issue of another project is left alone, reporting a revision again changes
# nothing, and a broken hook setup does not fail the commit.
#
#   svn_hook_test.sh ADMIN_BIN      (env: TICKETFLOW_TEST_ENV from tests/fixtures/services.sh)
set -euo pipefail
# shellcheck source=SCRIPTDIR/hook_test_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/hook_test_lib.sh"
command -v svnadmin > /dev/null || tf_die "Subversion is not installed (scripts/setup-deps)"
scm_setup "$1" svn

fixed=$(new_issue "Export crashes") referenced=$(new_issue "Slow search") support=$(new_issue "Question" psprosupport)
repos=$work/repos
svnadmin create "$repos"
install -m 0755 "$TF_ROOT/scripts/hooks/svn-post-commit" "$repos/hooks/post-commit"
cat > "$repos/conf/hooks-env" <<ENV
[default]
TICKETFLOW_SCM_REPOSITORY = code
TICKETFLOW_ADMIN = $1
TICKETFLOW_CONFIG = $conf
TICKETFLOW_SCM_SYSLOG = 0
ENV
export HOME=$work # no ~/.subversion of whoever runs the tests
svn checkout --quiet "file://$repos" "$work/wc"
cd "$work/wc"
svn_commit() { svn commit --quiet --username "$1" -m "$2" 2>&1; }

echo one > file.txt && svn add --quiet file.txt
out=$(svn_commit jdoe "Guard the PDF export

Fixes #$fixed, refs #$referenced and refs #$support")
check "commit r1 succeeds quietly" "" "$out"
check "fixes #$fixed closes it" Closed "$(status_of "$fixed")"
check "its journal names r1, quotes the log and is jdoe's" \
  "jdoe Applied in changeset code|r1:||Guard the PDF export||Fixes #$fixed, refs #$referenced and refs #$support" \
  "$(last_note "$fixed")"
check "refs #$referenced keeps it open" New "$(status_of "$referenced")"
check_prefix "refs #$referenced adds a note" "jdoe Referenced in changeset code|r1:" "$(last_note "$referenced")"
check "the support issue is not the repository's to touch" 0 "$(journals_of "$support")"

echo two >> file.txt
out=$(svn_commit stranger "Speed up the index (REFS #$referenced)")
check "commit r2 succeeds quietly" "" "$out"
check_prefix "an unknown committer is named in the note" "- Referenced in changeset code|r2 (committed by stranger):" \
  "$(last_note "$referenced")"

# Reporting r1 again (the hook run by hand) changes nothing.
before=$(sql "$db" -e "SELECT COUNT(*) FROM journals")
again=$(env -i PATH="$PATH" TICKETFLOW_SCM_SYSLOG=0 "$TF_ROOT/scripts/hooks/svn-post-commit" \
  --repository code --admin "$1" --config "$conf" "$repos" 1 2>&1)
check_prefix "r1 again is recognised" "code|r1: recorded before" "$again"
check "r1 again writes no journal" "$before" "$(sql "$db" -e "SELECT COUNT(*) FROM journals")"
check "r1 is recorded once" 1 "$(sql "$db" -e "SELECT COUNT(*) FROM changesets WHERE revision = '1'")"

# A broken setup is reported and the commit still goes in.
sed -i "s|^TICKETFLOW_ADMIN = .*|TICKETFLOW_ADMIN = $work/no-such-admin|" "$repos/conf/hooks-env"
echo three >> file.txt
set +e
svn commit --quiet --username jdoe -m "fixes #$referenced" > "$work/commit3.out" 2>&1
status=$?
set -e
check "commit r3 succeeds with a broken hook" 0 "$status"
check "r3 is in the repository" 3 "$(svnlook youngest "$repos")"
check "and was not applied" New "$(status_of "$referenced")"
# By hand, the hook says why (Subversion drops a successful hook's stderr).
why=$(env -i PATH="$PATH" TICKETFLOW_SCM_SYSLOG=0 "$TF_ROOT/scripts/hooks/svn-post-commit" \
  --repository code --admin "$work/no-such-admin" "$repos" 3 2>&1)
check_prefix "the hook names the problem" "ticketflow post-commit: r3 not reported by $work/no-such-admin" "$why"

scm_finish
