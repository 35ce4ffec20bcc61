#!/usr/bin/env bash
# Stops the FerretDB that infra/ferretdb/start.sh started (by its pid file). Its SQLite files
# stay in infra/.cache/ferretdb/data; delete that folder for an empty server.
set -euo pipefail
SERVICE=ferretdb
# shellcheck source=../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
with_lock ferretdb
stop_pid ferretdb "$INFRA_BIN/ferretdb --handler=sqlite" 30
