package org.concord.regions.portfolio.messaging;

import org.concord.regions.portfolio.application.PortfolioService;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.concord.platform.inbox.IdempotentConsumer;
import org.concord.platform.messaging.ConcordTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.concord.platform.messaging.EventConsumer;
import org.concord.platform.usecase.UseCases;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Drops the portfolio and builds it again from the agreements topic, from its first record.
 *
 * <p>The live binding is stopped meanwhile (no event is applied twice at once, none is lost between the
 * drop and the replay). The projection and this consumer's processed-event records are deleted in one
 * transaction; then a consumer of its own (no group, nothing committed) reads every partition from the
 * beginning up to the end offsets taken at that moment, and each record goes through the same handler as
 * live ones. Because the portfolio keeps the highest version of each agreement, the result does not
 * depend on how often or in which order events were seen before. Records that cannot be read (they are in
 * the dead-letter topic) are skipped and counted. The binding then resumes from its committed offset;
 * what it sees again is a duplicate by {@code ce_id}.
 */
@Component
public class PortfolioRebuild {

    private static final Logger log = LoggerFactory.getLogger(PortfolioRebuild.class);
    static final String BINDING = PortfolioConsumer.FUNCTION + "-in-0";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final EventConsumer consumer;
    private final PortfolioService portfolio;
    private final IdempotentConsumer inbox;
    private final UseCases useCases;
    private final BindingsLifecycleController bindings;
    private final KafkaProperties kafka;
    private final ConcordTopics topics;

    public PortfolioRebuild(@Qualifier(PortfolioConsumer.FUNCTION) EventConsumer consumer, PortfolioService portfolio,
            IdempotentConsumer inbox, UseCases useCases, BindingsLifecycleController bindings, KafkaProperties kafka,
            ConcordTopics topics) {
        this.consumer = consumer;
        this.portfolio = portfolio;
        this.inbox = inbox;
        this.useCases = useCases;
        this.bindings = bindings;
        this.kafka = kafka;
        this.topics = topics;
    }

    /** What a rebuild did. */
    public record Summary(String topic, long eventsReplayed, long eventsApplied, long eventsSkipped, long agreements) {
    }

    /** Blocking: call it off the event loop. One rebuild at a time. */
    public synchronized Summary rebuild() {
        log.info("portfolio rebuild from {} started", topics.agreements());
        bindings.stop(BINDING);
        try {
            clear();
            Summary summary = replay();
            log.info("portfolio rebuilt: {} events replayed ({} applied, {} skipped), {} agreements",
                    summary.eventsReplayed(), summary.eventsApplied(), summary.eventsSkipped(), summary.agreements());
            return summary;
        } finally {
            bindings.start(BINDING);
        }
    }

    private void clear() {
        useCases.run(() -> portfolio.clear().then(inbox.forget(consumer.name()))).block(Duration.ofMinutes(1));
    }

    private Summary replay() {
        String topic = topics.agreements();
        long replayed = 0;
        long applied = 0;
        long skipped = 0;
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(readerProperties())) {
            List<TopicPartition> partitions = reader.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!reachedEnd(reader, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("portfolio rebuild did not reach the end of " + topic + " in " + TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
                    if (record.offset() >= end.getOrDefault(new TopicPartition(record.topic(), record.partition()), 0L)) {
                        continue; // arrived after the rebuild started: the live binding will take it
                    }
                    replayed++;
                    try {
                        if (consumer.apply(toMessage(record))) {
                            applied++;
                        }
                    } catch (RuntimeException e) {
                        skipped++;
                        log.warn("portfolio rebuild skipped {}-{}@{}: {}", record.topic(), record.partition(),
                                record.offset(), e.getMessage());
                    }
                }
            }
        }
        return new Summary(topic, replayed, applied, skipped, portfolio.countAgreements().block(Duration.ofMinutes(1)));
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> reader, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> reader.position(e.getKey()) >= e.getValue());
    }

    private Map<String, Object> readerProperties() {
        Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "regions-service-portfolio-rebuild");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return properties;
    }

    // The record as the binder hands it to the function: payload bytes, Kafka headers, the key.
    private static Message<byte[]> toMessage(ConsumerRecord<String, byte[]> record) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(record.value() == null ? new byte[0] : record.value());
        for (Header header : record.headers()) {
            message.setHeader(header.key(), header.value());
        }
        if (record.key() != null) {
            message.setHeader(KafkaHeaders.RECEIVED_KEY, record.key());
        }
        message.setHeader(KafkaHeaders.RECEIVED_TOPIC, record.topic());
        return message.build();
    }
}
