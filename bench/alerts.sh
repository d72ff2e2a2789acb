#!/usr/bin/env bash
# The alert cycle over the bench data set (issue 24): 20,000 open hedges evaluated against their thresholds in one
# cycle. Prepares its own database (BENCH_ALERTS_DB, default hedgedesk_bench_alerts: migrated and loaded with the
# shipped history by starting the application once in test mode, alice and bob inserted as users, then bench/seed.sql)
# and runs web's AlertCycleBench on it. Needs PostgreSQL as for ./start.sh; no Keycloak (the test mode's mock provider).
set -euo pipefail
cd "$(dirname "$0")/.."
DB="${BENCH_ALERTS_DB:-hedgedesk_bench_alerts}"
PSQL=(psql -h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" -U "${DB_ADMIN_USER:-postgres}" -v ON_ERROR_STOP=1 -q)
export DB_TEST_NAME="$DB" HTTP_TEST_PORT="${HTTP_TEST_PORT:-18199}" MANAGEMENT_TEST_PORT="${MANAGEMENT_TEST_PORT:-19199}"
mvn_bench() { ./mvnw -B -ntp -o -q test -pl web -am -Dtest=AlertCycleBench -Dsurefire.failIfNoSpecifiedTests=false "$@"; }

if [ "${BENCH_ALERTS_RESEED:-1}" = 1 ]; then
  "${PSQL[@]}" -c "drop database if exists $DB" -c "create database $DB owner ${DB_USER:-hedgedesk}"
  mvn_bench -Dbench.alerts=migrate
  "${PSQL[@]}" -d "$DB" -c "insert into app_user (issuer, subject, username, display_name) values
    ('https://bench.invalid/', 'alice', 'alice', 'Alice'), ('https://bench.invalid/', 'bob', 'bob', 'Bob')"
  "${PSQL[@]}" -d "$DB" -f bench/seed.sql
fi
if [ "${BENCH_ALERTS_RESET:-0}" = 1 ]; then # forget every alert raised: the next first cycle raises them again
  "${PSQL[@]}" -d "$DB" -c "truncate alert_state, alert_event, alert_delivery, alert_delivery_log, alert_ack"
fi
mvn_bench -Dbench.alerts=run "-D%test.quarkus.flyway.clean-at-start=false" ${BENCH_ALERTS_ARGS:-} \
  2>&1 | grep -E "BENCH|Alerts:" || true
grep -h "BENCH" web/target/surefire-reports/*AlertCycleBench-output.txt 2>/dev/null || true
