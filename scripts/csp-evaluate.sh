#!/usr/bin/env bash
# Checks a Content-Security-Policy with Google's CSP Evaluator (npm package csp_evaluator, pinned below), installed
# once into the git-ignored .cache/csp-evaluator. Fails on high-severity findings. Used by SecurityHeadersIT on the
# policy the packaged application actually sends. Usage: scripts/csp-evaluate.sh "<policy>"
set -euo pipefail
cd "$(dirname "$0")/.."
CSP_EVALUATOR_VERSION=1.1.8
dir=.cache/csp-evaluator
if [ "$(node -p "require('./$dir/node_modules/csp_evaluator/package.json').version" 2>/dev/null)" != "$CSP_EVALUATOR_VERSION" ]; then
  command -v npm >/dev/null 2>&1 || { echo "[csp] npm is needed (apt-get install nodejs npm)" >&2; exit 1; }
  mkdir -p "$dir"
  npm install --silent --no-audit --no-fund --no-save --prefix "$dir" "csp_evaluator@$CSP_EVALUATOR_VERSION" >&2
fi
exec node scripts/csp-evaluate.cjs "$1"
