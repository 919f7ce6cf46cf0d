#!/usr/bin/env bash
# Installs the npm dependencies when node_modules is missing or older than package-lock.json.
# Sourced by scripts/test.sh and scripts/start.sh (runs from the repository root).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> npm ci (node_modules missing or older than package-lock.json)"
  npm ci --no-audit --no-fund
fi
