#!/usr/bin/env bash
# Installs Chromium and Firefox ESR from apt when either is missing (the e2e suites and the demo
# drive them through puppeteer-core). Sourced by scripts/test.sh and scripts/start.sh.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/firefox-esr ]; then
  echo "==> installing chromium and firefox-esr (apt)"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update && apt-get install -y chromium firefox-esr
  else
    sudo apt-get update && sudo apt-get install -y chromium firefox-esr
  fi
fi
