#!/usr/bin/env bash
# up.sh [kafka] [ferretdb] [postgres] [ferretdb-pg] — installs what is missing and starts the named
# services on 127.0.0.1 (default: the first three), one after the other; a service already running
# is reused. ferretdb-pg (FerretDB on PostgreSQL, for benchmarks) starts only when named: no test
# needs it, and it would put a fourth process and a second database on every machine that runs them.
# Each prints one "<name> ready at <address>" line on stdout; progress goes to stderr.
# Exits non-zero at the first service that does not come up.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

defaults=(kafka ferretdb postgres)
all=("${defaults[@]}" ferretdb-pg)
services=("$@")
((${#services[@]})) || services=("${defaults[@]}")
for s in "${services[@]}"; do
  [[ " ${all[*]} " == *" $s "* ]] || die "unknown service '$s' (usage: infra/up.sh [kafka] [ferretdb] [postgres] [ferretdb-pg])"
done
for s in "${services[@]}"; do
  "$INFRA_DIR/$s/start.sh"
done
