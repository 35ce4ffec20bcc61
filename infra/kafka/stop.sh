#!/usr/bin/env bash
# Stops the broker that infra/kafka/start.sh started (by its pid file), waiting for a clean
# shutdown. Its data stays in infra/.cache/kafka/data; delete that folder for an empty broker.
set -euo pipefail
SERVICE=kafka
# shellcheck source=../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
with_lock kafka
stop_pid kafka "kafka.Kafka $INFRA_CACHE/kafka/server.properties" 60
