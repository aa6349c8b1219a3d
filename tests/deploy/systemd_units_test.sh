#!/usr/bin/env bash
# systemd accepts the units in scripts/systemd/: `systemd-analyze verify` on copies whose
# /usr/bin/ticketflow-* point at the built binaries (verify checks that ExecStart exists).
# Any message it prints (an unknown setting, a typo) fails the test, not only errors.
#   systemd_units_test.sh BUILD_DIR
set -uo pipefail
build=${1:?usage: systemd_units_test.sh BUILD_DIR}
units=$(cd "$(dirname "$0")/../../scripts/systemd" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for f in "$units"/*.service "$units"/*.timer; do
  sed -e "s|/usr/bin/ticketflow-fcgi|$build/fcgi/ticketflow-fcgi|" \
      -e "s|/usr/bin/ticketflow-mail|$build/mail/ticketflow-mail|" \
      -e "s|/usr/bin/ticketflow-report|$build/reports/ticketflow-report|" "$f" > "$work/$(basename "$f")"
done
out=$(cd "$work" && SYSTEMD_LOG_COLOR=0 systemd-analyze verify ./*.service ./*.timer 2>&1)
status=$?
if ((status != 0)) || [[ -n $out ]]; then
  echo "systemd-analyze verify (status $status):"
  echo "$out"
  exit 1
fi
echo "systemd-analyze verify: $(ls "$work" | wc -l) units accepted"
