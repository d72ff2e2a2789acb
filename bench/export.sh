#!/usr/bin/env bash
# CSV export of the whole bench ledger (1,000,000 rows, as bob: a viewer in every bench team) through the packaged
# app over HTTP with his session, against psql's \copy of the same query to stdout, in the same run, alternating.
# The app runs with a capped heap (EXPORT_XMX, default 256m) and a GC log: the heap used before each collection
# (peak) and after it (live) during each export show whether memory grows with the rows.
# Writes bench/results/<UTC date-time>-export.md.   Usage: bench/export.sh   (EXPORT_ROUNDS=2, EXPORT_XMX=256m)
# EXPORT_FROM=YYYY-MM-DD EXPORT_TO=YYYY-MM-DD (both inclusive, UTC days, the page's from/to filter) export a part
# of the ledger instead, the same rows on both sides (the seeded ledger spans the last ~18 days, ~55,000 rows a day).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
trap stop_app EXIT

EXPORT_ROUNDS=${EXPORT_ROUNDS:-2}
EXPORT_XMX=${EXPORT_XMX:-256m}

ensure_services
ensure_app_built
REFERENCE=$(cpu_reference)   # before the app starts: nothing else on the CPUs

bob=$(psql_bench -At -c "select id from app_user where username = 'bob'")
[ -n "$bob" ] || { log "no bench data in $BENCH_DB: run bench/seed.sh first"; exit 1; }
window="true"
params=""
if [ -n "${EXPORT_FROM:-}" ]; then
  window="e.occurred_at >= date '$EXPORT_FROM'::timestamp at time zone 'UTC'"; params="&from=$EXPORT_FROM"
fi
if [ -n "${EXPORT_TO:-}" ]; then
  window="$window and e.occurred_at < (date '$EXPORT_TO' + 1)::timestamp at time zone 'UTC'"; params="$params&to=$EXPORT_TO"
fi
rows=$(psql_bench -At -c "select count(*) from hedge_event e join portfolio p on p.id = e.portfolio_id
  join membership m on m.team_id = p.team_id and m.user_id = $bob where $window")

# The query of io.hedgedesk.web.hedge.book.HedgeHistory with bob's id and the filter's parameters filled in.
query="select e.id, e.occurred_at, p.id, p.name, u.display_name, e.event_type, h.id, h.contract_id, h.contract_type,
       h.side, h.status, e.quantity, e.price, e.fee, e.funding_rate, e.realized_pnl, e.settlement_asset,
       e.settlement_usd, e.cash_change, e.cash_change_usd, e.corrects_event_id, e.note
from hedge_event e
join hedge_position h on h.id = e.hedge_id
join portfolio p on p.id = e.portfolio_id
join membership m on m.team_id = p.team_id and m.user_id = $bob
join app_user u on u.id = e.actor_id
where $window
order by e.occurred_at, e.id"
query_line=$(tr '\n' ' ' <<<"$query" | tr -s ' ')

gc_log="$WORK/export-gc.log"
rm -f "$gc_log"
start_app "-Xmx$EXPORT_XMX" "-Xlog:gc:file=$gc_log:uptime" ${BENCH_JAVA_OPTS:-}
cookie=$(login bob bob)

# gc_between FROM_LINE TO_LINE: "peak (before GC) max / live (after GC) first → last, max" in MB from the GC log.
gc_between() {
  sed -n "$(( $1 + 1 )),$2p" "$gc_log" | grep -o '[0-9]*M->[0-9]*M([0-9]*M)' \
    | sed -E 's/([0-9]+)M->([0-9]+)M\(([0-9]+)M\)/\1 \2 \3/' \
    | awk '{ if ($1 > peak) peak = $1; if (n == 0) first = $2; last = $2; if ($2 > live) live = $2;
             cap = $3; n++ }
           END { if (n == 0) print "no collection"; else printf "%d GCs; peak %d MB; live %d → %d MB (max %d); heap %d MB\n", n, peak, first, last, live, cap }'
}

export_app() {   # prints "ms lines"
  local t0 lines
  t0=$(now_ms)
  lines=$(curl -sS -f -H "Cookie: $cookie" "$APP/hedges/export.csv?format=native$params" | wc -l)
  echo "$(( $(now_ms) - t0 )) $lines"
}

export_copy() {
  local t0 lines
  t0=$(now_ms)
  lines=$(psql_bench -c "\\copy ($query_line) to stdout csv" | wc -l)
  echo "$(( $(now_ms) - t0 )) $lines"
}

log "warm-up: export of one portfolio"
curl -sS -f -o /dev/null -H "Cookie: $cookie" "$APP/hedges/export.csv?format=native&portfolio=1000001"

results=()
for round in $(seq 1 "$EXPORT_ROUNDS"); do
  read -r copy_ms copy_lines < <(export_copy)
  log "round $round: COPY $copy_ms ms ($copy_lines rows)"
  before=$(wc -l <"$gc_log")
  read -r app_ms app_lines < <(export_app)
  heap=$(gc_between "$before" "$(wc -l <"$gc_log")")
  ratio=$(awk -v a="$app_ms" -v b="$copy_ms" 'BEGIN {printf "%.2f", a / b}')
  results+=("| $round | $copy_ms | $copy_lines | $app_ms | $((app_lines - 1)) | $ratio | $heap |")
  log "round $round: COPY $copy_ms ms ($copy_lines rows), app $app_ms ms ($((app_lines - 1)) rows + header), ×$ratio; $heap"
done

stamp=$(date -u +%Y-%m-%dT%H%MZ)
mkdir -p "$BENCH_DIR/results"
out="$BENCH_DIR/results/$stamp-export.md"
{
  echo "# CSV export $stamp"
  echo
  echo "- commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- . ':!bench/results' || echo ' (with local changes)'), database $BENCH_DB, user bob ($rows ledger rows visible)"
  echo "- $(nproc) CPUs, $(app_jvm), app heap capped at -Xmx$EXPORT_XMX, GC log -Xlog:gc"
  echo "- $REFERENCE"
  echo "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- app: \`curl -H 'Cookie: <bob's session>' '$APP/hedges/export.csv?format=native$params' | wc -l\`"
  echo "- COPY: \`psql -c '\\copy (<the same query>) to stdout csv' | wc -l\`, the query being:"
  echo
  echo '```sql'
  echo "$query"
  echo '```'
  echo
  echo "| round | COPY ms | COPY rows | app ms | app rows | app/COPY | app heap during the export (GC log) |"
  echo "|---:|---:|---:|---:|---:|---:|---|"
  printf '%s\n' "${results[@]}"
} >"$out"
cat "$out"
log "written to $out"
