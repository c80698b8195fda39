package org.concord.platform.messaging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parks a record its consumer gave up on in the consumer's dead-letter topic ({@link DeadLetterTopics}: its key, value
 * and headers, and where it came from and why it failed) and waits until the broker has it (acks=all, idempotent
 * producer): only then may the consumer go past the record. A dead-letter topic that does not exist yet is created
 * with as many partitions as the record's topic; the record keeps its partition number.
 */
public class DeadLetterPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);

    /** The record is not in the dead-letter topic: its consumer must not acknowledge it. */
    public static final class NotParked extends RuntimeException {
        NotParked(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String service;
    private final Producer<byte[], byte[]> producer;
    private final Admin admin;
    private final Duration timeout;
    private final Map<String, Integer> partitions = new ConcurrentHashMap<>();

    /**
     * @param producerConfig the service's producer settings (acks=all, idempotence)
     * @param timeout        how long to wait for the broker's acknowledgement (beyond the producer's delivery timeout)
     */
    public DeadLetterPublisher(String service, Map<String, Object> producerConfig, Map<String, Object> adminConfig,
            Duration timeout) {
        this.service = service;
        this.producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
        this.admin = Admin.create(adminConfig);
        this.timeout = timeout;
    }

    /**
     * Parks {@code record}, which failed with {@code failure}, and returns once the broker has acknowledged it.
     *
     * @throws NotParked if it could not
     */
    public void park(ConsumerRecord<byte[], byte[]> record, Throwable failure) {
        String topic = DeadLetterTopics.of(record.topic(), service);
        try {
            int count = partitions.computeIfAbsent(topic, name -> ensure(name, record.topic()));
            Integer partition = record.partition() < count ? record.partition() : null;
            var parked = producer.send(new ProducerRecord<>(topic, partition, record.key(), record.value(),
                    headers(record, failure))).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("parked {}-{}@{} in {} at {}@{}", record.topic(), record.partition(), record.offset(), topic,
                    parked.partition(), parked.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notParked(topic, record, e);
        } catch (ExecutionException | TimeoutException | KafkaException | IllegalStateException e) {
            throw notParked(topic, record, e instanceof ExecutionException ? e.getCause() : e);
        }
    }

    private NotParked notParked(String topic, ConsumerRecord<?, ?> record, Throwable cause) {
        log.warn("could not park {}-{}@{} in {}: {}", record.topic(), record.partition(), record.offset(), topic, cause.toString());
        return new NotParked("could not park " + record.topic() + "-" + record.partition() + "@" + record.offset() + " in "
                + topic + ": " + cause.getMessage(), cause);
    }

    static Headers headers(ConsumerRecord<?, ?> record, Throwable failure) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(DeadLetterTopics.ORIGINAL_TOPIC, text(record.topic()));
        headers.add(DeadLetterTopics.ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(record.partition()).array());
        headers.add(DeadLetterTopics.ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(record.offset()).array());
        headers.add(DeadLetterTopics.ORIGINAL_TIMESTAMP, ByteBuffer.allocate(Long.BYTES).putLong(record.timestamp()).array());
        headers.add(DeadLetterTopics.ORIGINAL_TIMESTAMP_TYPE, text(record.timestampType().toString()));
        headers.add(DeadLetterTopics.EXCEPTION_FQCN, text(failure.getClass().getName()));
        String message = message(failure);
        if (message != null) {
            headers.add(DeadLetterTopics.EXCEPTION_MESSAGE, text(message));
        }
        StringWriter stackTrace = new StringWriter();
        failure.printStackTrace(new PrintWriter(stackTrace));
        headers.add(DeadLetterTopics.EXCEPTION_STACKTRACE, text(stackTrace.toString()));
        return headers;
    }

    /** The failure's message and its cause's, as the binder wrote them. */
    private static String message(Throwable failure) {
        String message = failure.getMessage();
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure && cause.getMessage() != null) {
            message = message == null ? cause.getMessage() : message + "; " + cause.getMessage();
        }
        return message;
    }

    /** The dead-letter topic's partition count, after creating it like the record's topic if it does not exist. */
    private int ensure(String topic, String source) {
        try {
            Optional<Integer> existing = partitionCount(topic);
            if (existing.isPresent()) {
                return existing.get();
            }
            int count = partitionCount(source).orElse(1);
            try {
                admin.createTopics(List.of(new NewTopic(topic, Optional.of(count), Optional.empty()))).all()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                log.info("created dead-letter topic {} ({} partitions)", topic, count);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            return partitionCount(topic).orElse(count);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking up " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot look up or create " + topic + ": " + e.getMessage(), e);
        }
    }

    private Optional<Integer> partitionCount(String topic) throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return Optional.of(admin.describeTopics(List.of(topic)).topicNameValues().get(topic)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).partitions().size());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(2));
    }
}
