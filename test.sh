#!/usr/bin/env bash
# Runs every test: unit tests, tests against the real PostgreSQL, and the packaged application against a real
# Keycloak. Prepares what they need first (PostgreSQL up with the test database, Keycloak with the realm).
set -euo pipefail
cd "$(dirname "$0")"

export KEYCLOAK_PORT=${KEYCLOAK_PORT:-8180}
started_keycloak=false
cleanup() {
  if $started_keycloak; then scripts/keycloak.sh stop || true; fi
}
trap cleanup EXIT

scripts/ensure-postgres.sh
scripts/ensure-chromium.sh
if ! scripts/keycloak.sh status >/dev/null 2>&1; then
  scripts/keycloak.sh start
  started_keycloak=true
fi

./mvnw -B -ntp verify -DskipITs=false "$@"
