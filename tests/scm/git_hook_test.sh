#!/usr/bin/env bash
# The git post-receive hook against real git and a real database: a bare repository with
# scripts/hooks/git-post-receive installed (configured with `git config` to call
# ticketflow-admin on branch main and release/*), pushes from a clone. The first push of a
# branch (old id all zeros) reports its commits, later pushes only the new ones, a branch not
# configured and a new branch made of known commits report nothing, and the pusher sees what
# happened.
#
#   git_hook_test.sh ADMIN_BIN      (env: TICKETFLOW_TEST_ENV from tests/fixtures/services.sh)
set -euo pipefail
# shellcheck source=SCRIPTDIR/hook_test_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/hook_test_lib.sh"
scm_setup "$1" git

a=$(new_issue "Crash on start") b=$(new_issue "Typo in dialog") c=$(new_issue "Feature work") d=$(new_issue "Later fix")
export HOME=$work GIT_CONFIG_NOSYSTEM=1 TICKETFLOW_SCM_SYSLOG=0
git config --global init.defaultBranch main
git config --global user.name "Jo Doe"
git config --global user.email "JDOE@example.org"
git init --quiet --bare "$work/origin.git"
install -m 0755 "$TF_ROOT/scripts/hooks/git-post-receive" "$work/origin.git/hooks/post-receive"
git -C "$work/origin.git" config ticketflow.repository code
git -C "$work/origin.git" config ticketflow.admin "$1"
git -C "$work/origin.git" config ticketflow.config "$conf"
git -C "$work/origin.git" config ticketflow.branches "main release/*"
git clone --quiet "$work/origin.git" "$work/wc" 2> /dev/null
cd "$work/wc"
commit() { git commit --quiet --allow-empty -m "$1"; git rev-parse HEAD; }
journals() { sql "$db" -e "SELECT COUNT(*) FROM journals"; }

first=$(commit "Start the service (refs #$a)")
second=$(commit "Fix the dialog text

Closes #$b")
# git pads the remote's lines with spaces when stderr is no terminal.
out=$(git push --quiet origin main 2>&1 | sed 's/ *$//')
check_prefix "the first push of main reports both commits, oldest first" \
  "remote: code|$first: #$a noted"$'\n'"remote: code|$second: #$b closed (Closed)" "$out"
check "closes #$b closed it" Closed "$(status_of "$b")"
check "by the committer's account (mail without case)" "jdoe Applied in changeset code|$second:||Fix the dialog text||Closes #$b" \
  "$(last_note "$b")"
check "refs #$a noted it" 1 "$(journals_of "$a")"

git checkout --quiet -b feature
commit "fixes #$c on a feature branch" > /dev/null
git push --quiet origin feature 2> /dev/null
check "a branch not configured reports nothing" New "$(status_of "$c")"

git checkout --quiet main
third=$(commit "fixes #$d")
before=$(journals)
git push --quiet origin main 2> /dev/null
check "a second push reports only its new commit" $((before + 1)) "$(journals)"
check "fixes #$d closed it" Closed "$(status_of "$d")"

before=$(journals)
git push --quiet origin main:release/2.1 2> /dev/null
check "a new release branch of known commits reports nothing" "$before" "$(journals)"
check "each commit is recorded once" 3 "$(sql "$db" -e "SELECT COUNT(*) FROM changesets")"

# The hook run again by hand with the same input changes nothing.
before=$(journals)
echo "0000000000000000000000000000000000000000 $third refs/heads/main" |
  (cd "$work/origin.git" && GIT_DIR=. hooks/post-receive > /dev/null 2>&1)
check "reporting known commits again writes nothing" "$before" "$(journals)"

# A broken setup is reported to the pusher and the push still goes in.
git -C "$work/origin.git" config ticketflow.admin "$work/no-such-admin"
fourth=$(commit "refs #$a")
set +e
out=$(git push origin main 2>&1)
status=$?
set -e
check "the push succeeds with a broken hook" 0 "$status"
check "and is in the repository" "$fourth" "$(git -C "$work/origin.git" rev-parse main)"
case $out in
  *"remote: ticketflow post-receive: $fourth not reported by $work/no-such-admin"*) check "the pusher is told why" 1 1 ;;
  *) check "the pusher is told why" "remote: ticketflow post-receive: $fourth not reported ..." "$out" ;;
esac

scm_finish
