#!/usr/bin/env bash
# npm start: installs dependencies if needed, builds both extensions and says how to load them.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/ensure-node-modules.sh
source scripts/ensure-node-modules.sh
npm run build
cat <<MSG

Built:
  Chrome:  $(pwd)/dist/chrome    chrome://extensions → Developer mode → Load unpacked → dist/chrome
  Firefox: $(pwd)/dist/firefox   about:debugging → This Firefox → Load Temporary Add-on → dist/firefox/manifest.json
MSG
