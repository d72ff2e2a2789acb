#!/usr/bin/env bash
# The local Keycloak that hedgedesk logs in with: `scripts/keycloak.sh start|stop|status|restart`.
#   - downloads the server distribution org.keycloak:keycloak-quarkus-dist (zip) from Maven Central once, through
#     the project's Maven wrapper, into $HEDGEDESK_CACHE_DIR (default ~/.cache/hedgedesk);
#   - runs it with a Java 21+ JDK: $KEYCLOAK_JAVA_HOME, $JAVA_HOME, then the JDKs under /usr/lib/jvm;
#   - imports keycloak/hedgedesk-realm.json (realm "hedgedesk", client "hedgedesk-web", demo users) at start;
#     an existing realm is kept, so a second start reuses both the download and the realm.
# Keycloak runs in development mode (its own embedded database under the cache directory, plain HTTP on
# localhost): it is the provider for a local run and for the tests, not a production set-up.
set -euo pipefail
cd "$(dirname "$0")/.."

KEYCLOAK_VERSION=${KEYCLOAK_VERSION:-26.7.3}
KEYCLOAK_PORT=${KEYCLOAK_PORT:-8180}
KEYCLOAK_MANAGEMENT_PORT=${KEYCLOAK_MANAGEMENT_PORT:-9180}
CACHE_DIR=${HEDGEDESK_CACHE_DIR:-$HOME/.cache/hedgedesk}
KC_DIR="$CACHE_DIR/keycloak-$KEYCLOAK_VERSION"
PID_FILE="$CACHE_DIR/keycloak.pid"
LOG_FILE="$CACHE_DIR/keycloak.log"
REALM_FILE="$PWD/keycloak/hedgedesk-realm.json"
REALM_URL="http://localhost:$KEYCLOAK_PORT/realms/hedgedesk/.well-known/openid-configuration"
export HEDGEDESK_OIDC_CLIENT_SECRET=${HEDGEDESK_OIDC_CLIENT_SECRET:-hedgedesk-dev-secret}

log() { printf '[keycloak] %s\n' "$*"; }

java_major() { "$1/bin/java" -version 2>&1 | sed -nE 's/.*version "([0-9]+).*/\1/p' | head -n 1; }

find_java() {
  local candidate major
  for candidate in "${KEYCLOAK_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then echo "$candidate"; return 0; fi
  done
  return 1
}

running() { curl -fsS -o /dev/null --max-time 2 "$REALM_URL" 2>/dev/null; }

download() {
  [ -x "$KC_DIR/bin/kc.sh" ] && return 0
  mkdir -p "$CACHE_DIR"
  log "downloading keycloak-quarkus-dist $KEYCLOAK_VERSION (once) into $CACHE_DIR"
  ./mvnw -B -q -ntp org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
    -DoutputDirectory="$CACHE_DIR" -Dmdep.overWriteReleases=false >/dev/null
  local tmp="$CACHE_DIR/unpack.$$"
  rm -rf "$tmp"; mkdir -p "$tmp"
  unzip -q "$CACHE_DIR/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$tmp"
  mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$KC_DIR"
  rm -rf "$tmp" "$CACHE_DIR/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
}

ensure_unzip() {
  command -v unzip >/dev/null 2>&1 && return 0
  log "installing unzip from the OS packages"
  local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq unzip >/dev/null
}

wait_ready() {
  # The first start builds Keycloak's optimized server (up to about 90 s on two cores).
  for _ in $(seq 1 240); do
    if running; then log "ready: http://localhost:$KEYCLOAK_PORT/realms/hedgedesk"; return 0; fi
    local pid; pid=$(cat "$PID_FILE" 2>/dev/null || true)
    if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
      log "Keycloak exited during start-up; last lines of $LOG_FILE:"; tail -n 30 "$LOG_FILE"; exit 1
    fi
    sleep 1
  done
  log "Keycloak did not become ready in 240 s; see $LOG_FILE"; exit 1
}

start() {
  mkdir -p "$CACHE_DIR"
  # One start at a time: a second caller (another terminal, a test run) waits for the first one's Keycloak.
  exec 9>"$CACHE_DIR/keycloak.lock"
  flock 9
  if running; then log "already running on port $KEYCLOAK_PORT"; return 0; fi
  if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    log "already starting (pid $(cat "$PID_FILE")); waiting for it"
    wait_ready
    return 0
  fi
  local java_home
  java_home=$(find_java) || {
    log "Keycloak needs Java 21 or newer: install one (e.g. apt-get install openjdk-21-jdk) or set KEYCLOAK_JAVA_HOME"
    exit 1
  }
  ensure_unzip
  download
  mkdir -p "$KC_DIR/data/import"
  # --import-realm skips a realm that already exists: when the realm file changed since the last import, start
  # from an empty development database so the new settings (and demo users) are really imported.
  local realm_sum; realm_sum=$(sha256sum "$REALM_FILE" | cut -d' ' -f1)
  if [ -d "$KC_DIR/data/h2" ] && [ "$(cat "$KC_DIR/data/import/.realm.sha256" 2>/dev/null)" != "$realm_sum" ]; then
    log "the realm file changed since Keycloak last imported it: resetting Keycloak's development database"
    rm -rf "$KC_DIR/data/h2"
  fi
  cp "$REALM_FILE" "$KC_DIR/data/import/hedgedesk-realm.json"
  echo "$realm_sum" >"$KC_DIR/data/import/.realm.sha256"
  log "starting Keycloak $KEYCLOAK_VERSION on port $KEYCLOAK_PORT with $java_home (log: $LOG_FILE)"
  (
    exec 9>&-  # Keycloak must not inherit (and so hold) the start lock
    export JAVA_HOME="$java_home" PATH="$java_home/bin:$PATH"
    export KC_BOOTSTRAP_ADMIN_USERNAME=${KEYCLOAK_ADMIN:-admin} KC_BOOTSTRAP_ADMIN_PASSWORD=${KEYCLOAK_ADMIN_PASSWORD:-admin}
    # setsid: a Ctrl-C in the terminal that ran start.sh reaches the app, and stop_all then stops us cleanly.
    exec setsid "$KC_DIR/bin/kc.sh" start-dev --import-realm \
      --http-port="$KEYCLOAK_PORT" --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" \
      --hostname-strict=false >"$LOG_FILE" 2>&1
  ) &
  echo $! >"$PID_FILE"
  wait_ready
}

stop() {
  if [ -f "$PID_FILE" ]; then
    local pid; pid=$(cat "$PID_FILE")
    if kill -0 "$pid" 2>/dev/null; then
      log "stopping Keycloak (pid $pid)"
      kill -- -"$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -9 -- -"$pid" 2>/dev/null || true
    fi
    rm -f "$PID_FILE"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) if running; then log "running on port $KEYCLOAK_PORT"; else log "not running"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status|restart" >&2; exit 2 ;;
esac
