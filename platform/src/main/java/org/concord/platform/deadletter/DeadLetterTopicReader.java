package org.concord.platform.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads dead-letter topics with a consumer of no group: it commits nothing and moves no one's offsets. */
final class DeadLetterTopicReader {

    private final Map<String, Object> config;
    private final Duration timeout;

    DeadLetterTopicReader(Map<String, Object> consumerConfig, Duration timeout) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        this.config = config;
        this.timeout = timeout;
    }

    /** A topic's record count and its latest {@code limit} records, oldest first (none if the topic does not exist). */
    Map.Entry<Long, List<ConsumerRecord<String, byte[]>>> latest(String topic, int limit) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            if (partitions.isEmpty()) {
                return Map.entry(0L, List.of());
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            long total = partitions.stream().mapToLong(p -> ends.get(p) - starts.get(p)).sum();
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, Math.max(starts.get(partition), ends.get(partition) - limit));
            }
            List<ConsumerRecord<String, byte[]>> records = readUntil(consumer, ends);
            records.sort(java.util.Comparator.comparingLong(ConsumerRecord::timestamp));
            return Map.entry(total, records.size() > limit ? records.subList(records.size() - limit, records.size()) : records);
        }
    }

    /** The record at this address, if the topic has it. */
    Optional<ConsumerRecord<String, byte[]>> at(String topic, int partition, long offset) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition address = new TopicPartition(topic, partition);
            if (!partitions(consumer, topic).contains(address)) {
                return Optional.empty();
            }
            consumer.assign(List.of(address));
            long start = consumer.beginningOffsets(List.of(address), timeout).get(address);
            long end = consumer.endOffsets(List.of(address), timeout).get(address);
            if (offset < start || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(address, offset);
            return readUntil(consumer, Map.of(address, offset + 1)).stream()
                    .filter(record -> record.offset() == offset).findFirst();
        }
    }

    private List<ConsumerRecord<String, byte[]>> readUntil(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey(), timeout) < end.getValue())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("could not read the dead-letter topic within " + timeout.toSeconds() + " s");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        return infos == null ? List.of() : infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
