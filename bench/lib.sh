# Shared by bench/seed.sh, bench/load.sh and bench/export.sh (sourced, not run).
# The packaged app (web/target/quarkus-app) on BENCH_PORT against BENCH_DB, logins through the real Keycloak.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
BENCH_DB=${BENCH_DB:-hedgedesk_bench}
BENCH_PORT=${BENCH_PORT:-8080}           # the realm's redirect URIs allow 8080–8083
BENCH_MANAGEMENT_PORT=${BENCH_MANAGEMENT_PORT:-9080}
APP="http://localhost:$BENCH_PORT"
KEYCLOAK_PORT=${KEYCLOAK_PORT:-8180}
export PGHOST=${DB_HOST:-127.0.0.1} PGPORT=${DB_PORT:-5432} PGUSER=${DB_USER:-hedgedesk} PGPASSWORD=${DB_PASSWORD:-hedgedesk}
WORK=${BENCH_WORK:-$ROOT/bench/target}
# Another build of the app can be measured with BENCH_APP_DIR=<its quarkus-app directory> (e.g. a copy of an older one);
# another JVM with HEDGEDESK_JAVA_HOME, and without the start-up cache with HEDGEDESK_AOT_CACHE=off (scripts/run-app.sh).
APP_DIR=${BENCH_APP_DIR:-$ROOT/web/target/quarkus-app}
mkdir -p "$WORK"
APP_PID=""

log() { printf '[bench] %s\n' "$*" >&2; }

psql_bench() { psql -X -q -v ON_ERROR_STOP=1 -d "$BENCH_DB" "$@"; }

# tick sets NOW_US, microseconds since the epoch, from bash's own clock (no process started; any locale's decimal
# mark dropped).
tick() { NOW_US=${EPOCHREALTIME//[!0-9]/}; }
now_ms() { tick; echo $(( NOW_US / 1000 )); }

# ready_probe: one GET of /q/health/ready over bash's /dev/tcp; true when it answers 200. It starts no process: on
# 2 cores, the curl and the sleep that each try used to start (every 20 ms while the JVM starts) took about half a
# core from the JVM being measured (bench/README.md, "Round 7").
ready_probe() {
  local fd status=""
  { exec {fd}<>"/dev/tcp/127.0.0.1/$BENCH_MANAGEMENT_PORT"; } 2>/dev/null || return 1
  printf 'GET /q/health/ready HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&"$fd" 2>/dev/null || true
  read -r -t 10 _ status _ <&"$fd" || true
  exec {fd}<&-
  [ "$status" = 200 ]
}

# nap SECONDS: sleep without starting a process (a read that times out on a FIFO nobody writes to).
NAP_FD=""
nap() {
  if [ -z "$NAP_FD" ]; then
    rm -f "$WORK/nap.fifo"; mkfifo "$WORK/nap.fifo"; exec {NAP_FD}<>"$WORK/nap.fifo"
  fi
  read -r -t "$1" -u "$NAP_FD" _ || true
}

# The machine's single-core speed at this moment, for comparing results taken on different machines or at different
# times (the same code measured 2-5x apart between sessions here): the best of three sha256sum runs over 256 MiB of
# zeros, in ms (coreutils' own SHA-256, single-threaded).
cpu_reference_ms() {
  local best="" t0 t
  for _ in 1 2 3; do
    t0=$(now_ms); head -c 268435456 /dev/zero | sha256sum >/dev/null; t=$(( $(now_ms) - t0 ))
    if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
  done
  echo "$best"
}
cpu_reference() { echo "single-core reference (sha256sum of 256 MiB, best of 3): $(cpu_reference_ms) ms"; }

ensure_services() {
  HEDGEDESK_DATABASES=$BENCH_DB "$ROOT/scripts/ensure-postgres.sh" >&2
  "$ROOT/scripts/keycloak.sh" status >/dev/null 2>&1 || "$ROOT/scripts/keycloak.sh" start >&2
}

# Builds the packaged app when it is missing (BENCH_REBUILD=1 forces it).
ensure_app_built() {
  if [ "${BENCH_REBUILD:-0}" = 1 ] || [ ! -f "$APP_DIR/quarkus-run.jar" ]; then
    log "building the packaged app (./mvnw package -pl web -am -DskipTests)"
    (cd "$ROOT" && ./mvnw -B -ntp -q -pl web -am package -DskipTests) >&2
  fi
}

# start_app [java options...]: starts the packaged app in the background the way start.sh does (scripts/run-app.sh),
# waits for /q/health/ready UP and sets APP_PID and STARTUP_MS (process start → first ready answer, measured from
# this shell). When that start records the build's start-up cache (the first start of a build on JDK 25+), it is
# taken as the training run: a few pages are visited, the app stops (writing the cache) and starts again, so that
# nothing is ever measured on a recording JVM.
start_app() {
  launch_app "$@" || return 1
  if grep -q 'recording the start-up cache' "$WORK/app.log"; then
    log "training run of this build's start-up cache (scripts/run-app.sh)"
    train_app
    stop_app
    launch_app "$@" || return 1
  fi
}

launch_app() {
  if curl -s -o /dev/null "http://localhost:$BENCH_MANAGEMENT_PORT/q/health/ready" \
      || curl -s -o /dev/null "$APP/"; then
    log "port $BENCH_PORT or $BENCH_MANAGEMENT_PORT is already in use"; return 1
  fi
  local t0; tick; t0=$NOW_US
  HTTP_PORT=$BENCH_PORT MANAGEMENT_PORT=$BENCH_MANAGEMENT_PORT DB_NAME=$BENCH_DB HEDGEDESK_ALLOW_DEV_SECRETS=true \
    QUARKUS_LOG_CATEGORY__IO_HEDGEDESK__LEVEL=${BENCH_APP_LOG_LEVEL:-INFO} HEDGEDESK_APP_DIR=$APP_DIR \
    "$ROOT/scripts/run-app.sh" "$@" >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  # Polled every 10 ms by the shell itself (ready_probe, nap): the poll must not take CPU from the start it measures.
  while ! ready_probe; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      log "the app exited during start-up:"; tail -n 30 "$WORK/app.log" >&2; APP_PID=""; return 1
    fi
    nap 0.01
  done
  tick
  STARTUP_MS=$(( (NOW_US - t0) / 1000 ))
  # CPU time the JVM used until then, all its threads (utime + stime of /proc/PID/stat, in clock ticks): on 2 cores,
  # start-up is bound by it.
  STARTUP_CPU_MS=$(awk -v hz="$(getconf CLK_TCK)" '{sub(/^.*\) /, ""); print int(($12 + $13) * 1000 / hz)}' \
    "/proc/$APP_PID/stat")
  log "app up (pid $APP_PID) in $STARTUP_MS ms, $STARTUP_CPU_MS ms of CPU; Quarkus says: $(grep -o 'started in [0-9.]*s' "$WORK/app.log" | head -n 1)"
}

# train_app: what a user does first: the landing page, the login, the dashboard, a portfolio, its plan, the history.
train_app() {
  local cookie portfolio path
  curl -sS -o /dev/null "$APP/"
  cookie=$(login alice alice) || return 1
  portfolio=$(psql_bench -At -c "select p.id from portfolio p join team t on t.id = p.team_id
    where t.name = 'Bench desk of alice' order by p.id limit 1")
  for path in / /dashboard "/portfolios/$portfolio" "/portfolios/$portfolio/plan?horizonDays=30" /hedges; do
    curl -sS -o /dev/null -H "Cookie: $cookie" "$APP$path"
  done
}

# The JVM the app runs on and whether with the start-up cache, as scripts/run-app.sh logged it.
app_jvm() { grep -m1 '^\[app\]' "$WORK/app.log" | sed 's/^\[app\] //'; }

stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

# login USER PASSWORD [PAGE]: logs in through Keycloak's own login form as a browser would (follows the redirects, reads
# the form's action, posts the credentials, keeps the cookies) and prints the Cookie header the app then expects.
# PAGE (default /market/history: behind the login, the same for every user) is where the login starts and must end.
login() {
  local user=$1 password=$2 landing=${3:-/market/history} jar page action final
  jar=$(mktemp "$WORK/cookies.XXXXXX")
  page=$(curl -sS -L -c "$jar" -b "$jar" "$APP$landing")
  action=$(printf '%s' "$page" | grep -o 'action="[^"]*login-actions/authenticate[^"]*"' | head -n 1 \
    | sed -e 's/^action="//' -e 's/"$//' -e 's/&amp;/\&/g')
  if [ -z "$action" ]; then
    log "no Keycloak login form at $APP$landing"; rm -f "$jar"; return 1
  fi
  final=$(curl -sS -L -c "$jar" -b "$jar" -o /dev/null -w '%{http_code} %{url_effective}' \
    --data-urlencode "username=$user" --data-urlencode "password=$password" --data-urlencode "credentialId=" \
    "$action")
  if [ "$final" != "200 $APP$landing" ]; then
    log "login of $user ended at: $final"; rm -f "$jar"; return 1
  fi
  # The header curl sends to the app with this jar: the session cookie(s) (and the CSRF cookie, if any).
  curl -sS -v -b "$jar" -o /dev/null "$APP$landing" 2>&1 | sed -n 's/^> Cookie: //p' | tr -d '\r'
  rm -f "$jar"
}
