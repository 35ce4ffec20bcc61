#!/usr/bin/env bash
# Starts a second FerretDB 1.24.2, with its PostgreSQL backend, on 127.0.0.1:27019: same binary
# as infra/ferretdb (SQLite backend, 27018), which stays as it is. It keeps its documents in the
# database `ferretdb` of the cluster infra/postgres runs (started first, reused when running), one
# PostgreSQL schema per MongoDB database. No authentication (FerretDB 1.x leaves it to the
# backend, and that cluster trusts 127.0.0.1), telemetry disabled, debug HTTP handler off.
# Reuses an instance it started before (pid file + probe); prints one line once it answers a
# wire-protocol ping. Its state, log and pid live under names of their own (ferretdb-pg), so it
# never touches the SQLite instance's.
#   FERRETDB_START_TIMEOUT  seconds to wait (default 60)
set -euo pipefail
SERVICE=ferretdb-pg
# shellcheck source=../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

home="$INFRA_CACHE/ferretdb-pg"
logfile="$home/ferretdb.log"
bin="$INFRA_BIN/ferretdb"
marker="$bin --handler=postgresql"
pg_url="postgres://postgres@127.0.0.1:$POSTGRES_PORT/$FERRETDB_PG_DATABASE"
timeout_s=${FERRETDB_START_TIMEOUT:-60}
started=$SECONDS

# Its backend first (outside our lock: postgres/start.sh takes its own); its ready line goes to
# stderr, so stdout keeps the one line of this service.
"$INFRA_DIR/postgres/start.sh" >&2

with_lock ferretdb-pg
"$INFRA_DIR/ferretdb/install.sh"

probe() { "$INFRA_DIR/ferretdb/ping.sh" 127.0.0.1 "$FERRETDB_PG_PORT"; }

# FerretDB creates its schemas and tables but not the database it connects to.
bindir=$(pg_bindir) || die "no PostgreSQL client tools (infra/postgres/start.sh installs them)"
psql=("$bindir/psql" -h 127.0.0.1 -p "$POSTGRES_PORT" -U postgres -X -q -v ON_ERROR_STOP=1)
if [[ -z $("${psql[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$FERRETDB_PG_DATABASE'") ]]; then
  "${psql[@]}" -d postgres -c "CREATE DATABASE $FERRETDB_PG_DATABASE" || die "could not create database $FERRETDB_PG_DATABASE"
  log "created database $FERRETDB_PG_DATABASE"
fi
# A GIN index on `_id` for every collection table FerretDB creates or has created (why:
# id-index.sql); also when the server already runs, so an instance started before gets it.
"${psql[@]}" -d "$FERRETDB_PG_DATABASE" -f "$INFRA_DIR/ferretdb-pg/id-index.sql" >/dev/null ||
  die "could not install the _id index trigger (infra/ferretdb-pg/id-index.sql)"

if pid=$(pid_of ferretdb-pg "$marker"); then
  wait_ready ferretdb-pg "$pid" "$timeout_s" "$logfile" probe
  echo "ferretdb-pg ready at 127.0.0.1:$FERRETDB_PG_PORT (pid $pid, already running)"
  exit 0
fi
rm -f "$INFRA_RUN/ferretdb-pg.pid"
port_open "$FERRETDB_PG_PORT" && die "127.0.0.1:$FERRETDB_PG_PORT is taken by a process this script did not start"

mkdir -p "$home/state"
fresh_log "$logfile"
setsid "$bin" --handler=postgresql --postgresql-url="$pg_url" --listen-addr="127.0.0.1:$FERRETDB_PG_PORT" \
  --state-dir="$home/state" --telemetry=disable --debug-addr=- --log-level=info \
  >>"$logfile" 2>&1 </dev/null 9>&- &
pid=$!
echo "$pid" >"$INFRA_RUN/ferretdb-pg.pid"
log "started pid $pid, log $logfile; waiting for a wire-protocol ping"
wait_ready ferretdb-pg "$pid" "$timeout_s" "$logfile" probe
echo "ferretdb-pg ready at 127.0.0.1:$FERRETDB_PG_PORT (pid $pid, up in $((SECONDS - started))s)"
