#!/usr/bin/env bash
# THE test command (npm test): installs what a fresh machine lacks, then typecheck, unit tests,
# build, Firefox lint and the browser end-to-end suites. Runs every step, reports each, and exits
# non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/ensure-browsers.sh
source scripts/ensure-browsers.sh || { echo "could not install chromium/firefox-esr"; exit 1; }
# shellcheck source=scripts/ensure-node-modules.sh
source scripts/ensure-node-modules.sh || { echo "npm ci failed"; exit 1; }

passed=()
failed=()
step() {
  local name="$1"
  shift
  echo
  echo "==> $name: $*"
  if "$@"; then passed+=("$name"); else failed+=("$name"); fi
}

has_script() { node -e "process.exit(require('./package.json').scripts?.[process.argv[1]] ? 0 : 1)" "$1"; }

step typecheck npx tsc --noEmit
step unit npx vitest run
step build npm run build
step lint:firefox npm run lint:firefox
if has_script test:e2e; then
  step e2e npm run test:e2e
else
  echo
  echo "==> e2e: skipped (no test:e2e script yet)"
fi

echo
for name in "${passed[@]}"; do echo "PASS $name"; done
for name in "${failed[@]}"; do echo "FAIL $name"; done
echo "${#passed[@]} passed, ${#failed[@]} failed"
[ "${#failed[@]}" -eq 0 ]
