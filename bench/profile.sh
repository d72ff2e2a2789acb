#!/usr/bin/env bash
# Per page of bench/load.sh, without concurrency: the SQL statements one request sends (counted in the PostgreSQL
# server log, which this script switches on for the bench database only: log_statement = all, as the postgres
# superuser, reset at the end) and the latency of PROFILE_REQUESTS sequential requests (median and max, from curl).
# Much less sensitive to other load on the machine than wrk; use it to compare two builds in the same run:
#   bench/profile.sh                                  # the current build (web/target/quarkus-app)
#   BENCH_APP_DIR=/path/to/other/quarkus-app bench/profile.sh
# Needs a local PostgreSQL cluster this user can administer (root or postgres: runuser -u postgres).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
PROFILE_REQUESTS=${PROFILE_REQUESTS:-20}

# As the postgres superuser over the local socket (not the application role lib.sh exports for psql).
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- env -u PGUSER -u PGHOST -u PGPASSWORD "$@"
  else sudo -u postgres env -u PGUSER -u PGHOST -u PGPASSWORD "$@"; fi
}
server_log=$(as_postgres psql -XAtc "select pg_current_logfile()" 2>/dev/null || true)
case "$server_log" in
  /*) ;;
  "") server_log=$(ls -t /var/log/postgresql/postgresql-*.log | head -n 1) ;;
  *) server_log="$(as_postgres psql -XAtc 'show data_directory')/$server_log" ;;
esac
cleanup() {
  stop_app
  as_postgres psql -Xqc "alter database $BENCH_DB reset log_statement" || true
}
trap cleanup EXIT

ensure_services
ensure_app_built
portfolio=$(psql_bench -At -c "select p.id from portfolio p join team t on t.id = p.team_id
  where t.name = 'Bench desk of alice' order by p.id limit 1")
[ -n "$portfolio" ] || { log "no bench data in $BENCH_DB: run bench/seed.sh first"; exit 1; }
as_postgres psql -Xqc "alter database $BENCH_DB set log_statement = 'all'"
start_app ${BENCH_JAVA_OPTS:-}
cookie=$(login alice alice)

printf '| page | path | statements per request (of which BEGIN/COMMIT) | median ms | max ms |\n|---|---|---:|---:|---:|\n'
for target in "baseline: landing page|/" "dashboard|/dashboard" "portfolio page|/portfolios/$portfolio" \
    "planner result|/portfolios/$portfolio/plan?horizonDays=30" "hedge history|/hedges"; do
  IFS='|' read -r name path <<<"$target"
  curl -sS -f -o /dev/null -H "Cookie: $cookie" "$APP$path"     # warm: prepared statements, JIT of this page
  sleep 0.5
  from=$(wc -l <"$server_log")
  curl -sS -f -o /dev/null -H "Cookie: $cookie" "$APP$path"
  sleep 0.5
  statements=$(tail -n +"$((from + 1))" "$server_log" | grep "@$BENCH_DB " | grep -c 'LOG:  \(statement\|execute\)' || true)
  tx=$(tail -n +"$((from + 1))" "$server_log" | grep "@$BENCH_DB " | grep 'LOG:  \(statement\|execute\)' \
    | grep -ci ': \(begin\|commit\)$' || true)
  times=$(for _ in $(seq 1 "$PROFILE_REQUESTS"); do
    curl -sS -f -o /dev/null -w '%{time_total}\n' -H "Cookie: $cookie" "$APP$path"; done | sort -n)
  median=$(awk '{a[NR] = $1} END {printf "%.1f", a[int((NR + 1) / 2)] * 1000}' <<<"$times")
  max=$(awk 'END {printf "%.1f", $1 * 1000}' <<<"$times")
  printf '| %s | `%s` | %s (%s) | %s | %s |\n' "$name" "$path" "$statements" "$tx" "$median" "$max"
done
echo
echo "app: $APP_DIR; start to ready $STARTUP_MS ms; $(cpu_reference); load average $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
