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
case $0 in */*) ROOT=${0%/*}/.. ;; *) ROOT=.. ;; esac
ROOT=$(cd "$ROOT" && pwd)
APP_DIR=${HEDGEDESK_APP_DIR:-$ROOT/web/target/quarkus-app}
AOT_MIN_MAJOR=25

log() { printf '[app] %s\n' "$*" >&2; }

# Each external command costs a fork and an exec (5–10 ms each on a slow 2-core machine; the first version of this
# script spent 0.25 s before the JVM started), so the JDK is found with shell built-ins, and the stamp takes three.

# JDK_HOME and JDK_MAJOR of a java binary, without starting a JVM: its home is the directory above bin/ (a symlinked
# binary such as /usr/bin/java is resolved first), its major version the one in the home's release file.
inspect_java() {
  local java=$1 line
  [ -L "$java" ] && java=$(readlink -f "$java")
  java=${java%/*}
  JDK_HOME=${java%/*}
  JDK_MAJOR=""
  if [ -f "$JDK_HOME/release" ]; then
    while IFS= read -r line; do
      case $line in JAVA_VERSION=\"*) line=${line#JAVA_VERSION=\"}; JDK_MAJOR=${line%%[!0-9]*}; break ;; esac
    done <"$JDK_HOME/release"
  else
    JDK_MAJOR=$("$1" -version 2>&1 | sed -nE 's/.*version "([0-9]+).*/\1/p' | head -n 1)
  fi
}

# JAVA, the java binary: HEDGEDESK_JAVA_HOME's; else the first JDK 25+ of JAVA_HOME, PATH and /usr/lib/jvm; else the
# first java found at all. JDK_HOME and JDK_MAJOR are the chosen one's.
pick_java() {
  local candidates=() candidate fallback="" dir path_dirs
  if [ -n "${HEDGEDESK_JAVA_HOME:-}" ]; then JAVA=$HEDGEDESK_JAVA_HOME/bin/java; inspect_java "$JAVA"; return; fi
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  IFS=: read -ra path_dirs <<<"${PATH:-}"
  for dir in "${path_dirs[@]}"; do
    if [ -x "${dir:-.}/java" ] && [ ! -d "${dir:-.}/java" ]; then candidates+=("${dir:-.}/java"); break; fi
  done
  for candidate in /usr/lib/jvm/*/bin/java; do candidates+=("$candidate"); done
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate" ] || continue
    [ -n "$fallback" ] || fallback=$candidate
    inspect_java "$candidate"
    if [ -n "$JDK_MAJOR" ] && [ "$JDK_MAJOR" -ge "$AOT_MIN_MAJOR" ]; then JAVA=$candidate; return; fi
  done
  JAVA=${fallback:-java}
  inspect_java "$JAVA"
}

# What the cache depends on: the JVM's exact build (its release file and its libjvm) and every jar of the class path
# (name, size, modification time: what the JVM itself checks before it maps a cache).
aot_stamp() {
  local line
  [ -f "$JDK_HOME/release" ] && while IFS= read -r line; do printf '%s\n' "$line"; done <"$JDK_HOME/release"
  find "$JDK_HOME/lib/server" -name libjvm.so -printf '%P %s %T@\n' 2>/dev/null
  find "$APP_DIR" -name '*.jar' -printf '%P %s %T@\n' | LC_ALL=C sort
}

[ -f "$APP_DIR/quarkus-run.jar" ] || { log "no packaged application in $APP_DIR (./mvnw package)"; exit 1; }
pick_java
aot_opts=()
if [ "${HEDGEDESK_AOT_CACHE:-auto}" != off ] && [ "$JDK_MAJOR" -ge "$AOT_MIN_MAJOR" ] 2>/dev/null; then
  cache=${HEDGEDESK_AOT_CACHE_FILE:-$APP_DIR/app.aot}
  stamp=$(aot_stamp)
  if [ -f "$cache" ] && [ -f "$cache.stamp" ] && [ "$(<"$cache.stamp")" = "$stamp" ]; then
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
