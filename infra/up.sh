#!/usr/bin/env bash
# up.sh [kafka] [ferretdb] [postgres] — installs what is missing and starts the named services on
# 127.0.0.1 (default: all three), one after the other; a service already running is reused.
# Each prints one "<name> ready at <address>" line on stdout; progress goes to stderr.
# Exits non-zero at the first service that does not come up.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

all=(kafka ferretdb postgres)
services=("$@")
((${#services[@]})) || services=("${all[@]}")
for s in "${services[@]}"; do
  [[ " ${all[*]} " == *" $s "* ]] || die "unknown service '$s' (usage: infra/up.sh [kafka] [ferretdb] [postgres])"
done
for s in "${services[@]}"; do
  "$INFRA_DIR/$s/start.sh"
done
