#!/usr/bin/env bash
# Installs Dovecot IMAP for the integration-test harness (test/support/dovecot.ts), which runs its own
# private instance from a temp dir. Run as root on Debian/Ubuntu; non-interactive and idempotent.
# The system-wide dovecot service is kept from starting (and stopped/disabled if it was running).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

if dpkg -s dovecot-imapd >/dev/null 2>&1 && command -v doveadm >/dev/null 2>&1; then
  echo "dovecot-imapd already installed"
else
  # policy-rc.d exit 101 = "action forbidden": package postinst scripts won't start the service.
  policy=/usr/sbin/policy-rc.d
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    trap 'rm -f "$policy"' EXIT
  fi
  apt-get update
  # util-linux provides setpriv (dovecot dies with the test process); essential, listed for clarity.
  apt-get install -y --no-install-recommends dovecot-core dovecot-imapd util-linux
fi

# The harness never uses the system service: make sure it is stopped and not started at boot.
if [ -d /run/systemd/system ]; then
  systemctl disable --now dovecot.service dovecot.socket >/dev/null 2>&1 || true
else
  update-rc.d dovecot disable >/dev/null 2>&1 || true
  invoke-rc.d --force dovecot stop >/dev/null 2>&1 || service dovecot stop >/dev/null 2>&1 || true
fi

echo "dovecot $(dovecot --version)"
