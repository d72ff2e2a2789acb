#!/usr/bin/env bash
# Runs the packaged application in the foreground (the process becomes the JVM): `scripts/run-app.sh [JVM options]`.
# Used by start.sh, bench/ and the container image, so that all three start the application the same way.
#
# Start-up time: on a JDK 25 or newer the JVM's ahead-of-time cache (JEP 483, 514 and 515, "Leyden") holds the
# application's classes already parsed, loaded and linked, and method profiles, from an earlier run of the same
# build; start to ready then takes about half as long (bench/README.md, "Round 4"). The first run of a build
# records the cache while it serves ("training"), and the JVM writes it when that run ends (SIGTERM or Ctrl-C; it
# takes 10–30 s, the JVM waits for it). The cache fits one build and one JVM: a stamp of both (every jar's name, size
# and time, and the JVM's version) is kept beside it, and a run whose stamp differs records anew. On JDK 17–24 the
# application runs without a cache (the build targets Java 17).
#
# Variables:
#   HEDGEDESK_APP_DIR         the packaged application (default: web/target/quarkus-app of this checkout)
#   HEDGEDESK_JAVA_HOME       the JDK to run it with (default: a JDK 25+ from JAVA_HOME, PATH or /usr/lib/jvm, else java)
#   HEDGEDESK_AOT_CACHE       auto (default) or off
#   HEDGEDESK_AOT_CACHE_FILE  where the cache lives (default: app.aot in the application's directory)
#   JAVA_OPTS                 further JVM options
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
APP_DIR=${HEDGEDESK_APP_DIR:-$ROOT/web/target/quarkus-app}
AOT_MIN_MAJOR=25

log() { printf '[app] %s\n' "$*" >&2; }

# A JDK's home, its release file and its major version, without starting a JVM (each start costs 0.1–0.3 s here).
jdk_home() { dirname "$(dirname "$(readlink -f "$1")")"; }
java_major() {
  local release; release="$(jdk_home "$1")/release"
  if [ -f "$release" ]; then sed -nE 's/^JAVA_VERSION="([0-9]+).*/\1/p' "$release"
  else "$1" -version 2>&1 | sed -nE 's/.*version "([0-9]+).*/\1/p' | head -n 1; fi
}

# The java binary: HEDGEDESK_JAVA_HOME's; else the first JDK 25+ of JAVA_HOME, PATH and /usr/lib/jvm; else the
# first java found at all.
pick_java() {
  if [ -n "${HEDGEDESK_JAVA_HOME:-}" ]; then echo "$HEDGEDESK_JAVA_HOME/bin/java"; return; fi
  local candidates=() candidate major fallback=""
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for candidate in /usr/lib/jvm/*/bin/java; do candidates+=("$candidate"); done
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate" ] || continue
    [ -n "$fallback" ] || fallback=$candidate
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge "$AOT_MIN_MAJOR" ]; then echo "$candidate"; return; fi
  done
  echo "${fallback:-java}"
}

# What the cache depends on: the JVM's exact build (its release file and its libjvm) and every jar of the class path
# (name, size, modification time: what the JVM itself checks before it maps a cache).
aot_stamp() {
  local home; home=$(jdk_home "$1")
  cat "$home/release" 2>/dev/null
  find "$home/lib" -name libjvm.so -printf '%P %s %T@\n'
  find "$APP_DIR" -name '*.jar' -printf '%P %s %T@\n' | LC_ALL=C sort
}

[ -f "$APP_DIR/quarkus-run.jar" ] || { log "no packaged application in $APP_DIR (./mvnw package)"; exit 1; }
JAVA=$(pick_java)
aot_opts=()
if [ "${HEDGEDESK_AOT_CACHE:-auto}" != off ] && [ "$(java_major "$JAVA")" -ge "$AOT_MIN_MAJOR" ] 2>/dev/null; then
  cache=${HEDGEDESK_AOT_CACHE_FILE:-$APP_DIR/app.aot}
  stamp=$(aot_stamp "$JAVA")
  if [ -f "$cache" ] && [ "$(cat "$cache.stamp" 2>/dev/null)" = "$stamp" ]; then
    aot_opts=("-XX:AOTCache=$cache")
    log "$JAVA with the start-up cache $cache"
  else
    mkdir -p "$(dirname "$cache")"
    rm -f "$cache" "$cache.stamp"
    printf '%s\n' "$stamp" >"$cache.stamp"
    log "$JAVA recording the start-up cache for this build into $cache (written when the application stops)"
    # Only errors: the recording lists every class it cannot keep (generated proxies, optional libraries).
    aot_opts=("-XX:AOTCacheOutput=$cache" "-Xlog:aot*=error")
  fi
else
  log "$JAVA without a start-up cache (it needs JDK $AOT_MIN_MAJOR+)"
fi
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec "$JAVA" ${JAVA_OPTS:-} "${aot_opts[@]}" "$@" -jar "$APP_DIR/quarkus-run.jar"
