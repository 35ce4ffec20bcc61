#!/usr/bin/env bash
# Stops the PostgreSQL cluster that infra/postgres/start.sh started, by its pid file: SIGINT
# (PostgreSQL's "fast" shutdown: roll back open transactions, close sessions, checkpoint).
# Its data stays in infra/.cache/postgres/data; delete that folder for an empty cluster.
set -euo pipefail
SERVICE=postgres
# shellcheck source=../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
with_lock postgres
stop_pid postgres "-D $INFRA_CACHE/postgres/data" 60 INT
