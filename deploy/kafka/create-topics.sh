#!/usr/bin/env bash
# Creates Concord's topics with the settings docs/events.md gives them, and the dead-letter topic of
# every consumer, then exits 0. Run by the one-shot topic-init container before the services start; safe to
# run again: a topic that exists keeps its partitions, and a setting that drifted is put back.
#
# Environment: BOOTSTRAP_SERVERS, TOPIC_PARTITIONS, TOPIC_REPLICATION_FACTOR, TOPIC_MIN_INSYNC_REPLICAS,
# optionally KAFKA_BIN (default /opt/kafka/bin, the apache/kafka image's tools).
set -euo pipefail

kafka_bin=${KAFKA_BIN:-/opt/kafka/bin}
bootstrap=${BOOTSTRAP_SERVERS:?BOOTSTRAP_SERVERS is not set}
partitions=${TOPIC_PARTITIONS:?TOPIC_PARTITIONS is not set}
replication=${TOPIC_REPLICATION_FACTOR:?TOPIC_REPLICATION_FACTOR is not set}
min_isr=${TOPIC_MIN_INSYNC_REPLICAS:?TOPIC_MIN_INSYNC_REPLICAS is not set}
# The command-line tools start a JVM each; they need little memory (and must not take the broker's heap setting).
export KAFKA_HEAP_OPTS="-Xmx128m"
# Without this an unreachable broker holds each call for the client's default minute.
admin_config=$(mktemp)
trap 'rm -f "$admin_config"' EXIT
printf 'request.timeout.ms=10000\ndefault.api.timeout.ms=15000\n' >"$admin_config"
topics_cmd=("$kafka_bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --command-config "$admin_config")
configs_cmd=("$kafka_bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$admin_config")

# name|settings (comma-separated). Dead-letter topics are named <topic>.<consumer service>.dlq, as the
# services' consumers name them (DeadLetterTopics); they keep their records until an operator has dealt with them.
topics=(
  "regions.v1|cleanup.policy=compact"
  "agreements.v1|cleanup.policy=delete,retention.ms=-1"
  "notifications.v1|cleanup.policy=delete,retention.ms=604800000"
  "regions.v1.agreements-service.dlq|cleanup.policy=delete,retention.ms=-1"
  "regions.v1.notifications-service.dlq|cleanup.policy=delete,retention.ms=-1"
  "agreements.v1.regions-service.dlq|cleanup.policy=delete,retention.ms=-1"
  "agreements.v1.notifications-service.dlq|cleanup.policy=delete,retention.ms=-1"
)

# Brokers of a fresh cluster can still be registering when their health checks pass: retry a while
# (about 30 s when the broker answers with an error, about 4 min when it does not answer at all).
retry() {
  local tries=15
  until "$@"; do
    if (( --tries == 0 )); then
      echo "topic-init: giving up on: $*" >&2
      return 1
    fi
    sleep 2
  done
}

echo "topic-init: ${#topics[@]} topics on $bootstrap: $partitions partitions, replication factor $replication, min.insync.replicas $min_isr"
retry "${topics_cmd[@]}" --list >/dev/null

for entry in "${topics[@]}"; do
  name=${entry%%|*}
  settings="${entry#*|},min.insync.replicas=$min_isr"
  config_args=()
  IFS=',' read -r -a pairs <<<"$settings"
  for pair in "${pairs[@]}"; do
    config_args+=(--config "$pair")
  done

  retry "${topics_cmd[@]}" --create --if-not-exists --topic "$name" \
    --partitions "$partitions" --replication-factor "$replication" "${config_args[@]}" >/dev/null
  # A topic that already existed kept its settings: put ours back (no-op when they match).
  retry "${configs_cmd[@]}" --alter --entity-type topics --entity-name "$name" --add-config "$settings" >/dev/null

  description=$("${topics_cmd[@]}" --describe --topic "$name")
  description=${description%%$'\n'*}
  actual_partitions=$(sed -n 's/.*PartitionCount: *\([0-9]*\).*/\1/p' <<<"$description")
  actual_replication=$(sed -n 's/.*ReplicationFactor: *\([0-9]*\).*/\1/p' <<<"$description")
  echo "topic-init: $name: $actual_partitions partitions, replication factor $actual_replication, $settings"
  if [[ "$actual_partitions" != "$partitions" || "$actual_replication" != "$replication" ]]; then
    # Kafka can only add partitions (which moves keys to other partitions, breaking per-key order), and a
    # replication factor changes only by reassignment: both are an operator's decision, not this script's.
    echo "topic-init: note: $name existed with $actual_partitions partitions and replication factor $actual_replication; left as is" >&2
  fi
done
echo "topic-init: done"
