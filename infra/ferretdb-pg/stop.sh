#!/usr/bin/env bash
# Stops the FerretDB that infra/ferretdb-pg/start.sh started (by its pid file). Its documents
# stay in PostgreSQL's database `ferretdb`; `DROP DATABASE ferretdb` (while stopped) empties it.
set -euo pipefail
SERVICE=ferretdb-pg
# shellcheck source=../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
with_lock ferretdb-pg
stop_pid ferretdb-pg "$INFRA_BIN/ferretdb --handler=postgresql" 30
