#!/usr/bin/env bash
# Makes sure Debian's Chromium and its matching ChromeDriver are installed for the browser tests (*IT under
# web/src/test/java/io/hedgedesk/web/browser). Idempotent: does nothing when both are already there.
# The tests use exactly these binaries (/usr/bin/chromium, /usr/bin/chromedriver) and never download a browser.
set -euo pipefail

log() { printf '[chromium] %s\n' "$*"; }

installed() { command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; }

if installed; then
  log "present: $(chromium --version 2>/dev/null | head -n 1); $(chromedriver --version 2>/dev/null | head -n 1)"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  log "no apt-get here: install Chromium and ChromeDriver yourself (on PATH as chromium and chromedriver)"
  exit 1
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || { log "run as root or install sudo"; exit 1; }
  sudo=sudo
fi
log "installing chromium and chromium-driver from the OS packages"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
installed || { log "chromium or chromedriver still missing after the install"; exit 1; }
log "installed: $(chromium --version 2>/dev/null | head -n 1)"
