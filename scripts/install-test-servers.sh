#!/usr/bin/env bash
# Installs what the file-transfer integration tests need on a Debian machine (CI runs it too):
#   - vsftpd, the real FTP server the tests start on loopback, one instance per test class, each with
#     a generated configuration; the system-wide vsftpd service is not used and is left disabled;
#   - a PAM service 'ocpp-test-ftp' with one virtual FTP user (ocpp / ocpp-secret) for those instances.
#     It is no system account: it exists only for vsftpd started with that PAM service.
# Runs as root, or through sudo otherwise. Safe to run again.
set -euo pipefail

if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi

missing=()
[ -x /usr/sbin/vsftpd ] || missing+=(vsftpd)
command -v db_load >/dev/null 2>&1 || missing+=(db-util)
if [ ${#missing[@]} -gt 0 ]; then
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Where systemd runs, the package starts an FTP service on port 21 of every interface: the tests do not want it.
  if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    "${SUDO[@]}" systemctl disable --now vsftpd >/dev/null 2>&1 || true
  fi
fi

# Debian's vsftpd package creates the unprivileged 'ftp' account that virtual users run as.
id ftp >/dev/null 2>&1 || "${SUDO[@]}" useradd --system --home-dir /srv/ftp --shell /usr/sbin/nologin ftp

"${SUDO[@]}" mkdir -p /etc/ocpp-test-ftp
"${SUDO[@]}" rm -f /etc/ocpp-test-ftp/users.db
printf 'ocpp\nocpp-secret\n' | "${SUDO[@]}" db_load -T -t hash /etc/ocpp-test-ftp/users.db
"${SUDO[@]}" tee /etc/pam.d/ocpp-test-ftp >/dev/null <<'PAM'
# The virtual FTP user of the OCPP station's integration tests (scripts/install-test-servers.sh).
auth    required pam_userdb.so db=/etc/ocpp-test-ftp/users
account required pam_userdb.so db=/etc/ocpp-test-ftp/users
PAM

echo "test servers installed: vsftpd $(dpkg-query -W -f='${Version}' vsftpd), virtual FTP user ocpp"
