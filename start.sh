#!/usr/bin/env bash
# Starts everything hedgedesk needs on this machine and then the application in production mode:
#   PostgreSQL (checked, started or installed), Keycloak (downloaded once, realm imported), the packaged app.
# Ctrl-C stops what this script started. Variables: see the README ("Configuration").
set -euo pipefail
cd "$(dirname "$0")"

APP_PORT=${HTTP_PORT:-8080}
KEYCLOAK_PORT=${KEYCLOAK_PORT:-8180}
export HTTP_PORT=$APP_PORT KEYCLOAK_PORT
export OIDC_AUTH_SERVER_URL=${OIDC_AUTH_SERVER_URL:-http://localhost:$KEYCLOAK_PORT/realms/hedgedesk}
# A local run: the app may use the public development secrets (it refuses them otherwise, and warns when allowed).
# Set HEDGEDESK_SESSION_SECRET and HEDGEDESK_OIDC_CLIENT_SECRET for anything else.
export HEDGEDESK_ALLOW_DEV_SECRETS=${HEDGEDESK_ALLOW_DEV_SECRETS:-true}
# The demo users get a demo team and portfolio with open hedges at their first login (HEDGEDESK_DEMO_DATA=false: none).
export HEDGEDESK_DEMO_DATA=${HEDGEDESK_DEMO_DATA:-true}
# Alert e-mails are written to the log instead of sent, unless an SMTP server is configured (HEDGEDESK_SMTP_HOST).
if [ -z "${HEDGEDESK_SMTP_HOST:-}" ]; then export HEDGEDESK_MAIL_MOCK=${HEDGEDESK_MAIL_MOCK:-true}; fi

app_pid=""
started_keycloak=false
stop_all() {
  trap - INT TERM EXIT
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    echo "Stopping hedgedesk (the first run of a build also writes its start-up cache now: up to 30 s)"
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  if $started_keycloak; then
    scripts/keycloak.sh stop || true
  fi
}
trap stop_all INT TERM EXIT

scripts/ensure-postgres.sh

if scripts/keycloak.sh status >/dev/null 2>&1; then
  echo "[keycloak] already running on port $KEYCLOAK_PORT; leaving it as it is"
else
  scripts/keycloak.sh start
  started_keycloak=true
fi

# A build is reused while no source is newer than it (every build also invalidates the start-up cache).
packaged=web/target/quarkus-app/quarkus-run.jar
build_needed() {
  [ ! -f "$packaged" ] && return 0
  [ -n "$(find pom.xml .mvn domain pricing persistence web -path '*/target' -prune -o -type f -newer "$packaged" \
    -print -quit)" ]
}
if [ "${HEDGEDESK_SKIP_BUILD:-false}" = true ]; then
  echo "[build] HEDGEDESK_SKIP_BUILD=true: starting the last build"
elif build_needed; then
  echo "[build] packaging the application"
  ./mvnw -B -q -ntp -DskipTests package
else
  echo "[build] the last build is up to date"
fi

echo "[app] starting on http://localhost:$APP_PORT"
scripts/run-app.sh &
app_pid=$!

management_port=${MANAGEMENT_PORT:-9000}
for _ in $(seq 1 120); do
  if curl -fsS "http://localhost:$management_port/q/health/ready" >/dev/null 2>&1; then
    cat <<TXT

  hedgedesk is running:  http://localhost:$APP_PORT
  Demo logins (Keycloak realm "hedgedesk"):  alice / alice   bob / bob   carol / carol (installation administrator)
  Keycloak admin console: http://localhost:$KEYCLOAK_PORT/admin  (admin / admin)
  Press Ctrl-C to stop.

TXT
    break
  fi
  kill -0 "$app_pid" 2>/dev/null || { echo "[app] exited during start-up; see the log above"; exit 1; }
  sleep 1
done
wait "$app_pid"
