#!/usr/bin/env bash
# Start to ready of the packaged app against the (seeded) bench database: STARTUP_RUNS starts (default 5), each
# from process start to the first UP answer of /q/health/ready, measured from this shell, and the CPU time the JVM had
# used by then; prints each and the medians, and the machine's single-core speed (cpu_reference in lib.sh).
# The app starts as start.sh starts it (scripts/run-app.sh: on JDK 25+ with the build's start-up cache, recorded by a
# training run first when missing).
# Usage: bench/startup.sh
set -euo pipefail
. "$(dirname "$0")/lib.sh"
trap stop_app EXIT

ensure_services
ensure_app_built
reference=$(cpu_reference)
times=() cpu=()
for run in $(seq 1 "${STARTUP_RUNS:-5}"); do
  start_app ${BENCH_JAVA_OPTS:-}
  times+=("$STARTUP_MS")
  cpu+=("$STARTUP_CPU_MS")
  stop_app
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
echo "start to ready (ms): ${times[*]}; median $(median "${times[@]}"); CPU time to ready (ms): ${cpu[*]}; median $(median "${cpu[@]}")"
echo "$reference; load average $(cut -d' ' -f1-3 /proc/loadavg); $(app_jvm)"
