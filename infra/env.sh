#!/usr/bin/env bash
# Prints the URLs of the services that infra/up.sh starts, as shell exports:
#   eval "$(infra/env.sh)"
# libs/testing reads the same lines, so the addresses live in infra/lib.sh alone.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

echo "export KAFKA_URL=kafka://127.0.0.1:$KAFKA_PORT"
echo "export MONGODB_URL=mongodb://127.0.0.1:$FERRETDB_PORT/$MONGODB_DB"
# FerretDB on PostgreSQL (infra/up.sh ferretdb-pg; not started by default).
echo "export MONGODB_PG_URL=mongodb://127.0.0.1:$FERRETDB_PG_PORT/$MONGODB_DB"
echo "export POSTGRES_URL=postgres://postgres@127.0.0.1:$POSTGRES_PORT/$POSTGRES_DB"
