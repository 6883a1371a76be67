#!/usr/bin/env bash
# Installs what the browser tests (tests/Browser.Tests) need on a Debian machine (CI runs it too):
# Debian's chromium and its chromedriver, which Selenium drives headless, and the fonts the
# screenshots are drawn with. Nothing is downloaded outside the Debian archive (Selenium's and
# Playwright's own browser downloads are not used).
# Runs as root, or through sudo otherwise. Safe to run again.
set -euo pipefail

if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
dpkg-query -W -f='${Status}' fonts-liberation 2>/dev/null | grep -q "ok installed" || missing+=(fonts-liberation)
dpkg-query -W -f='${Status}' fonts-dejavu-core 2>/dev/null | grep -q "ok installed" || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "browser installed: $(/usr/bin/chromium --version 2>/dev/null | head -n 1), $(/usr/bin/chromedriver --version | head -n 1)"
