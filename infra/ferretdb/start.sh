#!/usr/bin/env bash
# Starts FerretDB 1.24.2 (MongoDB wire protocol) with its SQLite backend on 127.0.0.1:27018,
# no authentication, telemetry disabled, its debug HTTP handler off. Builds the binary first
# when missing (infra/ferretdb/install.sh), reuses an instance it started before (pid file +
# probe) and prints one line with the address once the server answers a wire-protocol ping.
#   FERRETDB_START_TIMEOUT  seconds to wait (default 60)
set -euo pipefail
SERVICE=ferretdb
# shellcheck source=../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

home="$INFRA_CACHE/ferretdb"
logfile="$home/ferretdb.log"
bin="$INFRA_BIN/ferretdb"
marker="$bin --handler=sqlite"
timeout_s=${FERRETDB_START_TIMEOUT:-60}
started=$SECONDS

with_lock ferretdb
"$INFRA_DIR/ferretdb/install.sh"

probe() { "$INFRA_DIR/ferretdb/ping.sh" 127.0.0.1 "$FERRETDB_PORT"; }

if pid=$(pid_of ferretdb "$marker"); then
  wait_ready ferretdb "$pid" "$timeout_s" "$logfile" probe
  echo "ferretdb ready at 127.0.0.1:$FERRETDB_PORT (pid $pid, already running)"
  exit 0
fi
rm -f "$INFRA_RUN/ferretdb.pid"
port_open "$FERRETDB_PORT" && die "127.0.0.1:$FERRETDB_PORT is taken by a process this script did not start"

[[ $home != *[[:space:]?#%]* ]] || die "the SQLite URL cannot hold the path $home (space, ?, # or %)"
mkdir -p "$home/data" "$home/state"
fresh_log "$logfile"
setsid "$bin" --handler=sqlite --sqlite-url="file:$home/data/" --listen-addr="127.0.0.1:$FERRETDB_PORT" \
  --state-dir="$home/state" --telemetry=disable --debug-addr=- --log-level=info \
  >>"$logfile" 2>&1 </dev/null 9>&- &
pid=$!
echo "$pid" >"$INFRA_RUN/ferretdb.pid"
log "started pid $pid, log $logfile; waiting for a wire-protocol ping"
wait_ready ferretdb "$pid" "$timeout_s" "$logfile" probe
echo "ferretdb ready at 127.0.0.1:$FERRETDB_PORT (pid $pid, up in $((SECONDS - started))s)"
