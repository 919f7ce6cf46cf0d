#!/usr/bin/env bash
# npm start: installs what is missing (npm packages, Chromium/Firefox ESR), then runs the demo
# (scripts/demo.ts: build, serve the Binance stand-in, open it with the extension loaded).
# Arguments are passed on, e.g. `npm start -- --firefox`.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/ensure-node-modules.sh
source scripts/ensure-node-modules.sh
# shellcheck source=scripts/ensure-browsers.sh
source scripts/ensure-browsers.sh
exec node_modules/.bin/tsx scripts/demo.ts "$@"
