package org.concord.localstack.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The demo's own reader of {@code agreements.v1}: a plain Kafka consumer without a group (it commits nothing and
 * disturbs no service), positioned at the topic's end before the demo changes anything, so it sees exactly the
 * events the demo causes.
 */
final class AgreementsTopic implements AutoCloseable {

    /** One record as the demo shows it. */
    record Event(int partition, long offset, String key, String type, Object data) {
    }

    /** The demo's MoU takes effect with its last signature (the default rule): this event follows the conclusion. */
    static final String ENTERED_INTO_FORCE = "concord.agreement.entered-into-force";

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final List<Event> seen = new ArrayList<>();

    private AgreementsTopic(String topic, KafkaConsumer<String, String> consumer) {
        this.topic = topic;
        this.consumer = consumer;
    }

    /** Connects and takes the end offsets now; fails with what to do when the broker is not there. */
    static AgreementsTopic fromTheEnd(String bootstrapServers, String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "concord-demo",
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        try {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (partitions == null || partitions.isEmpty()) {
                throw new DemoException("the topic " + topic + " does not exist on " + bootstrapServers
                        + ": was the broker started by ./concord up? " + StackClient.START_IT);
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToEnd(assigned);
            assigned.forEach(consumer::position);
            return new AgreementsTopic(topic, consumer);
        } catch (KafkaException e) {
            consumer.close(Duration.ZERO);
            throw new DemoException("Kafka is not answering on " + bootstrapServers + " (" + e.getMessage() + "); "
                    + StackClient.START_IT, e);
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
    }

    String name() {
        return topic;
    }

    /** The agreement's events, in offset order, once its entry into force has been seen (or the time is up). */
    List<Event> storyOf(String agreementId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!concluded(agreementId) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                seen.add(new Event(record.partition(), record.offset(), record.key(), header(record, "ce_type"),
                        parse(record.value())));
            }
        }
        return seen.stream().filter(event -> agreementId.equals(event.key())).toList();
    }

    private boolean concluded(String agreementId) {
        return seen.stream().anyMatch(event -> agreementId.equals(event.key()) && ENTERED_INTO_FORCE.equals(event.type()));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Object parse(String value) {
        try {
            return value == null ? null : Json.parse(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
