#!/usr/bin/env bash
# Install Debian's PostgreSQL server if missing, start a private cluster on 127.0.0.1 and create a
# database for the store tests. Prints the SQLAlchemy URL on stdout (last line); exports nothing.
#
#   url=$(.ci/postgres.sh | tail -n1); SITREP_TEST_POSTGRES=$url pytest tests/store
#
# Environment (all optional): SITREP_PG_PORT (default 54329), SITREP_PG_DIR (default /tmp/sitrep-pg),
# SITREP_PG_DB (default sitrep_test).
set -euo pipefail

PORT="${SITREP_PG_PORT:-54329}"
DIR="${SITREP_PG_DIR:-/tmp/sitrep-pg}"
DB="${SITREP_PG_DB:-sitrep_test}"
PGUSER_NAME=postgres

log() { echo "postgres.sh: $*" >&2; }

find_bindir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; fi
  done | sort -V | tail -n1
}

BIN="$(find_bindir || true)"
if [ -z "$BIN" ]; then
  log "installing the PostgreSQL server from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends postgresql >&2 \
    || { apt-get update >&2 && apt-get install -y --no-install-recommends postgresql >&2; }
  BIN="$(find_bindir)"
fi

# The server refuses to run as root: run it as the 'postgres' system user when we are root.
as_pg() {
  if [ "$(id -u)" = "0" ]; then
    su -s /bin/bash "$PGUSER_NAME" -c "$*"
  else
    bash -c "$*"
  fi
}

if [ "$(id -u)" = "0" ]; then
  mkdir -p "$DIR"
  chown "$PGUSER_NAME" "$DIR"
else
  PGUSER_NAME="$(id -un)"
  mkdir -p "$DIR"
fi

if [ ! -f "$DIR/data/PG_VERSION" ]; then
  log "initialising a cluster in $DIR/data"
  as_pg "'$BIN/initdb' -D '$DIR/data' -U '$PGUSER_NAME' --auth=trust -E UTF8 --locale=C.UTF-8" >&2 \
    || as_pg "'$BIN/initdb' -D '$DIR/data' -U '$PGUSER_NAME' --auth=trust -E UTF8" >&2
fi

if ! as_pg "'$BIN/pg_isready' -h 127.0.0.1 -p $PORT" >/dev/null 2>&1; then
  log "starting the server on 127.0.0.1:$PORT"
  as_pg "'$BIN/pg_ctl' -D '$DIR/data' -l '$DIR/server.log' -w -t 60 \
    -o \"-c listen_addresses=127.0.0.1 -p $PORT -k '$DIR'\" start" >&2
fi

if ! as_pg "psql -h 127.0.0.1 -p $PORT -U '$PGUSER_NAME' -d postgres -tAc \"SELECT 1 FROM pg_database WHERE datname='$DB'\"" \
    | grep -q 1; then
  as_pg "'$BIN/createdb' -h 127.0.0.1 -p $PORT -U '$PGUSER_NAME' '$DB'" >&2
fi

echo "postgresql+psycopg://$PGUSER_NAME@127.0.0.1:$PORT/$DB"
