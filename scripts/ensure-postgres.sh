#!/usr/bin/env bash
# Makes sure a local PostgreSQL answers on DB_HOST:DB_PORT and that the application's databases exist.
#   - installed and running (the usual case here): nothing to do but create missing roles/databases;
#   - installed but down: start the cluster;
#   - not installed: install it from the OS packages (Debian/Ubuntu), then start it.
# Elsewhere, point DB_HOST/DB_PORT/DB_USER/DB_PASSWORD at your own server, or run `docker compose up db`.
set -euo pipefail

DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-5432}
DB_USER=${DB_USER:-hedgedesk}
DB_PASSWORD=${DB_PASSWORD:-hedgedesk}
DATABASES=${HEDGEDESK_DATABASES:-"hedgedesk hedgedesk_test"}

log() { printf '[postgres] %s\n' "$*"; }

as_postgres() {
  # As the postgres superuser over the local socket, whatever PG* variables the caller exported (bench/lib.sh).
  set -- env -u PGUSER -u PGPASSWORD -u PGHOST -u PGDATABASE "$@"
  if [ "$(id -u)" = 0 ]; then
    if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"; else su postgres -c "$(printf '%q ' "$@")"; fi
  elif [ "$(id -un)" = postgres ]; then "$@"
  else sudo -u postgres "$@"
  fi
}

is_local() { [ "$DB_HOST" = 127.0.0.1 ] || [ "$DB_HOST" = localhost ]; }

ready() { pg_isready -q -h "$DB_HOST" -p "$DB_PORT" >/dev/null 2>&1; }

install_postgres() {
  log "PostgreSQL is not installed; installing it from the OS packages"
  if ! command -v apt-get >/dev/null 2>&1; then
    log "no apt-get here: install PostgreSQL yourself (or run 'docker compose up db') and set DB_HOST/DB_PORT"
    exit 1
  fi
  local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql postgresql-client >/dev/null
}

start_cluster() {
  local version
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$version" ]; then
    # Fresh package installs on some images do not create a cluster.
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    log "creating cluster $version/main"
    as_postgres true 2>/dev/null || true
    if [ "$(id -u)" = 0 ]; then pg_createcluster "$version" main >/dev/null; else sudo pg_createcluster "$version" main >/dev/null; fi
  fi
  log "starting PostgreSQL $version/main"
  if [ "$(id -u)" = 0 ]; then
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
  else
    sudo pg_ctlcluster --skip-systemctl-redirect "$version" main start
  fi
}

if ! ready; then
  if ! is_local; then
    log "no PostgreSQL answers at $DB_HOST:$DB_PORT; start your server or fix DB_HOST/DB_PORT"
    exit 1
  fi
  command -v pg_ctlcluster >/dev/null 2>&1 || install_postgres
  start_cluster
  for _ in $(seq 1 30); do ready && break; sleep 1; done
  ready || { log "PostgreSQL did not become ready on $DB_HOST:$DB_PORT"; exit 1; }
fi

if is_local && command -v psql >/dev/null 2>&1 && as_postgres psql -qtA -p "$DB_PORT" -c 'select 1' >/dev/null 2>&1; then
  # Local superuser access (peer auth): create the role and databases if missing. Idempotent.
  if [ "$(as_postgres psql -qtA -p "$DB_PORT" -c "select 1 from pg_roles where rolname = '$DB_USER'")" != 1 ]; then
    log "creating role $DB_USER"
    as_postgres psql -q -p "$DB_PORT" -c "create role \"$DB_USER\" login password '$DB_PASSWORD'"
  fi
  for db in $DATABASES; do
    if [ "$(as_postgres psql -qtA -p "$DB_PORT" -c "select 1 from pg_database where datname = '$db'")" != 1 ]; then
      log "creating database $db"
      as_postgres createdb -p "$DB_PORT" -O "$DB_USER" "$db"
    fi
  done
else
  log "no local superuser access; assuming the databases ($DATABASES) and role $DB_USER exist"
fi
log "ready at $DB_HOST:$DB_PORT (databases: $DATABASES)"
