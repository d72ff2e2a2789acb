#!/usr/bin/env bash
# Load test of the main pages of the packaged app as alice (session from the real Keycloak login form), with wrk:
# per target a warm-up, then WRK_DURATION at WRK_THREADS threads / WRK_CONNECTIONS connections with --latency.
# The baseline is the landing page "/" with the same session: same cookie decryption and token check, the same
# user lookup, the layout template, no page queries. Writes bench/results/<UTC date-time>-load.md.
# Usage: bench/load.sh   (after bench/seed.sh; WRK_DURATION=20s WRK_WARMUP=5s WRK_THREADS=2 WRK_CONNECTIONS=32;
#        LOAD_ONLY=<extended regex> measures only the targets whose name matches, e.g. LOAD_ONLY='baseline|dashboard')
set -euo pipefail
. "$(dirname "$0")/lib.sh"
trap stop_app EXIT

WRK_DURATION=${WRK_DURATION:-20s}
WRK_WARMUP=${WRK_WARMUP:-5s}
WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-32}

command -v wrk >/dev/null || { log "wrk is missing: apt-get install -y wrk"; exit 1; }
ensure_services
ensure_app_built
REFERENCE=$(cpu_reference)   # before the app starts: nothing else on the CPUs

portfolio=$(psql_bench -At -c "select p.id from portfolio p join team t on t.id = p.team_id
  where t.name = 'Bench desk of alice' order by p.id limit 1")
[ -n "$portfolio" ] || { log "no bench data in $BENCH_DB: run bench/seed.sh first"; exit 1; }

start_app ${BENCH_JAVA_OPTS:-}
startup_ms=$STARTUP_MS startup_cpu_ms=$STARTUP_CPU_MS

# name|path|text the page must contain (proves a logged-in page, not a login redirect or an error)
targets=(
  "baseline: landing page /|/|Alice"
  "dashboard|/dashboard|Open hedges"
  "portfolio page|/portfolios/$portfolio|Portfolio 0001"
  "planner result|/portfolios/$portfolio/plan?horizonDays=30|Proxy"
  "hedge history|/hedges|Portfolio 0001"
)

stamp=$(date -u +%Y-%m-%dT%H%MZ)
mkdir -p "$BENCH_DIR/results"
out="$BENCH_DIR/results/$stamp-load.md"
raw="$WORK/wrk-$stamp"
mkdir -p "$raw"

rows=()
baseline_rps=""
i=0
for target in "${targets[@]}"; do
  IFS='|' read -r name path expect <<<"$target"
  if [ -n "${LOAD_ONLY:-}" ] && ! grep -Eq "$LOAD_ONLY" <<<"$name"; then continue; fi
  cookie=$(login alice alice)   # a fresh session per target: Keycloak's ID tokens live 5 minutes
  body=$(curl -sS -H "Cookie: $cookie" -w '\n%{http_code}' "$APP$path")
  code=${body##*$'\n'}
  if [ "$code" != 200 ] || ! grep -qi "$expect" <<<"$body"; then
    log "$name: $APP$path answered $code without '$expect'"; exit 1
  fi
  bytes=$(( ${#body} - 4 ))
  log "$name: warm-up $WRK_WARMUP"
  wrk -t "$WRK_THREADS" -c "$WRK_CONNECTIONS" -d "$WRK_WARMUP" -H "Cookie: $cookie" "$APP$path" >/dev/null
  log "$name: $WRK_DURATION"
  wrk -t "$WRK_THREADS" -c "$WRK_CONNECTIONS" -d "$WRK_DURATION" --latency -s "$BENCH_DIR/status.lua" \
    -H "Cookie: $cookie" "$APP$path" >"$raw/$i.txt"
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$raw/$i.txt")
  p50=$(awk '$1 == "50.000%" || $1 == "50%" {print $2; exit}' "$raw/$i.txt")
  p99=$(awk '$1 == "99.000%" || $1 == "99%" {print $2; exit}' "$raw/$i.txt")
  non200=$(awk '/^non-200 responses:/ {print $3}' "$raw/$i.txt")
  socket=$(sed -n 's/^ *Socket errors: //p' "$raw/$i.txt"); socket=${socket:-none}
  [ -n "$baseline_rps" ] || baseline_rps=$rps
  ratio=$(awk -v a="$rps" -v b="$baseline_rps" 'BEGIN {printf "%.2f", a / b}')
  rows+=("| $name | \`$path\` | $bytes | $rps | $p50 | $p99 | $non200 | $socket | $ratio |")
  log "$name: $rps req/s, p50 $p50, p99 $p99, non-200 $non200, socket errors $socket, ×$ratio of baseline"
  i=$((i + 1))
done

{
  echo "# Load test $stamp"
  echo
  echo "- commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- . ':!bench/results' || echo ' (with local changes)'), database $BENCH_DB"
  echo "- $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(app_jvm)"
  echo "- $REFERENCE"
  echo "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (anything well above 0 means other work shared the CPUs)"
  echo "- wrk -t $WRK_THREADS -c $WRK_CONNECTIONS -d $WRK_DURATION --latency after a $WRK_WARMUP warm-up, user alice (portfolio $portfolio: 20 holdings, 10 open hedges)"
  echo "- start to ready (process start → /q/health/ready UP): $startup_ms ms ($startup_cpu_ms ms of CPU); JVM options: ${BENCH_JAVA_OPTS:-none}"
  echo
  echo "| target | path | bytes | req/s | p50 | p99 | non-200 | socket errors | ×baseline |"
  echo "|---|---|---:|---:|---:|---:|---:|---|---:|"
  printf '%s\n' "${rows[@]}"
} >"$out"
cat "$out"
log "written to $out (raw wrk output in $raw)"
