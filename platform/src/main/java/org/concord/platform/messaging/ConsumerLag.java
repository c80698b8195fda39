package org.concord.platform.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.concord.platform.observability.ConcordMeters;
import org.concord.platform.observability.GaugeRefresher;

/**
 * Consumer lag per group and partition as the broker sees it (committed offset against end offset), and how many
 * records each dead-letter topic holds. Read with an admin client, so the lag shows even while the consumer is down,
 * which is when it matters. Every instance of a service reports the same values (they share the group).
 */
public final class ConsumerLag implements GaugeRefresher.Refresh, AutoCloseable {

    private final Admin admin;
    private final ConsumerBindings bindings;
    private final Duration timeout;
    private final MultiGauge lag;
    private final MultiGauge deadLetters;

    public ConsumerLag(Map<String, Object> adminConfig, ConsumerBindings bindings, Duration timeout, MeterRegistry meters) {
        this.admin = Admin.create(adminConfig);
        this.bindings = bindings;
        this.timeout = timeout;
        this.lag = MultiGauge.builder(ConcordMeters.CONSUMER_LAG)
                .description("Records of a topic partition its consumer group has not read yet").baseUnit("records")
                .register(meters);
        this.deadLetters = MultiGauge.builder(ConcordMeters.DEAD_LETTERS)
                .description("Records in a dead-letter topic").baseUnit("records")
                .register(meters);
    }

    @Override
    public String name() {
        return "consumer lag and dead letters";
    }

    @Override
    public void run() throws Exception {
        List<MultiGauge.Row<?>> lags = new ArrayList<>();
        for (ConsumerBindings.Binding binding : bindings.bindings()) {
            List<TopicPartition> partitions = partitions(binding.topic());
            Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(binding.group())
                    .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata read = committed.get(partition);
                long position = read == null ? starts.getOrDefault(partition, 0L) : read.offset();
                long behind = Math.max(0, ends.getOrDefault(partition, 0L) - position);
                lags.add(MultiGauge.Row.of(Tags.of(ConcordMeters.GROUP, binding.group(), ConcordMeters.TOPIC, binding.topic(),
                        ConcordMeters.PARTITION, Integer.toString(partition.partition())), behind));
            }
        }
        lag.register(lags, true);
        List<MultiGauge.Row<?>> parked = new ArrayList<>();
        for (String topic : bindings.deadLetterTopics()) {
            List<TopicPartition> partitions = partitions(topic);
            Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
            long records = partitions.stream().mapToLong(p -> ends.getOrDefault(p, 0L) - starts.getOrDefault(p, 0L)).sum();
            parked.add(MultiGauge.Row.of(Tags.of(ConcordMeters.TOPIC, topic), records));
        }
        deadLetters.register(parked, true);
    }

    /** The topic's partitions; none while it does not exist (a dead-letter topic before its first record). */
    private List<TopicPartition> partitions(String topic) throws InterruptedException, TimeoutException, ExecutionException {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).topicNameValues().get(topic)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return description.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return List.of();
            }
            throw e;
        }
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(request).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
