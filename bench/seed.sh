#!/usr/bin/env bash
# Seeds the bench database (default hedgedesk_bench) from scratch: drops its schema, starts the packaged app once
# against it (Flyway migrates, the shipped market data loads), logs alice and bob in through Keycloak (their users
# are provisioned as at any first login), stops the app and runs bench/seed.sql (generate_series, one transaction).
# Usage: bench/seed.sh        (BENCH_DB, BENCH_PORT, BENCH_MANAGEMENT_PORT override the defaults)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
trap stop_app EXIT

ensure_services
ensure_app_built

log "resetting $BENCH_DB (drop schema public)"
psql_bench -c 'drop schema if exists public cascade' -c 'create schema public'

start_app
login alice alice >/dev/null
login bob bob >/dev/null
stop_app

log "seeding (bench/seed.sql)"
t0=$(now_ms)
psql_bench -f "$BENCH_DIR/seed.sql"
log "seeded in $(( $(now_ms) - t0 )) ms"
