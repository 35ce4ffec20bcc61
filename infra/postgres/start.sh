#!/usr/bin/env bash
# Starts a PostgreSQL cluster of its own on 127.0.0.1:15432 (TCP only, no Unix socket), data in
# infra/.cache/postgres/data, trust authentication for 127.0.0.1 only, superuser `postgres`,
# database `relapsewatch`. Installs Debian's `postgresql` package when initdb/pg_ctl are missing.
# As root, the server runs as the `postgres` system user (PostgreSQL refuses to run as root);
# as another user, it runs as that user. Reuses a cluster it started before (pid file + probe)
# and prints one line with the address once pg_isready answers.
#   POSTGRES_START_TIMEOUT  seconds to wait (default 60)
set -euo pipefail
SERVICE=postgres
# shellcheck source=../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

home="$INFRA_CACHE/postgres"
data="$home/data"
logfile="$home/postgres.log"
marker="-D $data"
timeout_s=${POSTGRES_START_TIMEOUT:-60}
started=$SECONDS

with_lock postgres
bindir=$(pg_bindir) || { apt_install postgresql; bindir=$(pg_bindir) || die "no initdb/pg_ctl after installing postgresql"; }

if [[ ${EUID:-$(id -u)} -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' system user (Debian's postgresql package creates it)"
  as_pg=(runuser -u postgres --)
else
  as_pg=()
fi

probe() { "$bindir/pg_isready" -q -h 127.0.0.1 -p "$POSTGRES_PORT" -t 3; }

ensure_database() {
  local psql=("$bindir/psql" -h 127.0.0.1 -p "$POSTGRES_PORT" -U postgres -X -q -v ON_ERROR_STOP=1)
  if [[ -z $("${psql[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$POSTGRES_DB'") ]]; then
    "${psql[@]}" -d postgres -c "CREATE DATABASE $POSTGRES_DB" || die "could not create database $POSTGRES_DB"
    log "created database $POSTGRES_DB"
  fi
}

# Adopt the cluster on our data folder when it runs without our pid file (started by hand).
if ! pid_of postgres "$marker" >/dev/null && [[ -s $data/postmaster.pid ]]; then
  head -n 1 "$data/postmaster.pid" >"$INFRA_RUN/postgres.pid"
fi
if pid=$(pid_of postgres "$marker"); then
  wait_ready postgres "$pid" "$timeout_s" "$logfile" probe
  ensure_database
  echo "postgres ready at 127.0.0.1:$POSTGRES_PORT (pid $pid, already running)"
  exit 0
fi
rm -f "$INFRA_RUN/postgres.pid"
port_open "$POSTGRES_PORT" && die "127.0.0.1:$POSTGRES_PORT is taken by a process this script did not start"

if [[ ! -s $data/PG_VERSION ]]; then
  rm -rf "$data"
  mkdir -p "$data"
  chmod 700 "$data"
  if ((${#as_pg[@]})); then
    chown postgres:postgres "$home" "$data"
    "${as_pg[@]}" test -w "$data" ||
      die "the postgres user cannot reach $data: the folders above it need o+x"
  fi
  log "initdb $data ($("$bindir/initdb" --version))"
  "${as_pg[@]}" "$bindir/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --no-locale \
    >"$home/initdb.log" 2>&1 || { tail -n 20 "$home/initdb.log" >&2; die "initdb failed"; }
  cat >>"$data/postgresql.conf" <<CONF

# --- infra/postgres/start.sh ---
listen_addresses = '127.0.0.1'
port = $POSTGRES_PORT
unix_socket_directories = ''
max_connections = 200
CONF
  cat >"$data/pg_hba.conf" <<'HBA'
# infra/postgres/start.sh: trust, TCP from 127.0.0.1 only (no Unix socket is opened).
# TYPE  DATABASE     USER  ADDRESS       METHOD
host    all          all   127.0.0.1/32  trust
host    replication  all   127.0.0.1/32  trust
HBA
fi

fresh_log "$logfile"
if ((${#as_pg[@]})); then chown postgres:postgres "$logfile"; fi
log "starting PostgreSQL from $bindir, log $logfile"
setsid "${as_pg[@]}" "$bindir/pg_ctl" -D "$data" -l "$logfile" -w -t "$timeout_s" -s start </dev/null 9>&- ||
  { tail -n 40 "$logfile" >&2; die "pg_ctl start failed"; }
pid=$(head -n 1 "$data/postmaster.pid")
echo "$pid" >"$INFRA_RUN/postgres.pid"
wait_ready postgres "$pid" "$timeout_s" "$logfile" probe
ensure_database
echo "postgres ready at 127.0.0.1:$POSTGRES_PORT (pid $pid, up in $((SECONDS - started))s)"
